//! Phase one's pages: every file read and parsed, or brought back from the build cache; the
//! link index; what each page is rendered from; and the cache written back for the next build.

use std::ffi::OsString;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{Cache, Entry, Stat};
use crate::content::{self, Page, Pages};
use crate::diagnostics::Report;
use crate::discover::{self, Asset, PageSource};
use crate::error::Result;
use crate::incremental;
use crate::link_index::LinkIndex;
use crate::render;
use crate::urls;

use super::{Sections, Setup};

mod next;

pub(super) use next::{Leftovers, next_cache};

pub(super) struct ParsedPages {
    pub(super) published: Vec<Page>,
    /// Paths of drafts left out, so links to them get a precise message.
    pub(super) drafts: Vec<PathBuf>,
    /// Every page file's stat and hash, and its cache entry when it was reused.
    pub(super) known: Knowns,
}

/// What the build knows of every page's file: by its path under `content/` (as the walk
/// spelled it: its bytes hash faster than its components), until [`sources`] puts each page's
/// by the page's id.
#[derive(Default)]
pub(super) struct Knowns {
    by_path: HashMap<OsString, Known>,
    by_page: Vec<Option<Known>>,
}

/// What the build knows of a page's file.
pub(super) struct Known {
    stat: Stat,
    hash: u64,
    /// Where it was read from, when it was read (not reused).
    abs_path: Option<PathBuf>,
    /// The cache entry it was reused from (boxed: most pages have none, and an entry is large).
    entry: Option<Box<Entry>>,
}

pub(super) fn parse_pages(
    files: Vec<PageSource>,
    setup: &Setup<'_>,
    mut cache: Option<&mut Cache>,
    report: &mut Report,
) -> Result<ParsedPages> {
    let content_name = &setup.content_name;
    let entries = cache.as_deref().map(|c| &c.pages);
    let entry_of = |rel: &Path| entries.and_then(|e| e.get(rel.to_str()?));
    let results: Vec<_> = files
        .into_par_iter()
        .map(|source| match source {
            PageSource::Reused(rel, stat) => {
                let entry = entry_of(&rel);
                let page = entry.map(|e| incremental::page_from_entry(&rel, content_name, e));
                let hash = entry.map_or(0, |e| e.hash);
                Ok((page, Vec::new(), rel, stat, hash, None))
            }
            PageSource::Read {
                rel_path,
                abs_path,
                stat,
            } => {
                let (file, hash) =
                    match discover::read_page(rel_path, &abs_path, &stat, content_name)? {
                        Ok(read) => read,
                        Err(not_utf8) => {
                            return Ok((None, vec![not_utf8], PathBuf::new(), stat, 0, None));
                        }
                    };
                // The same text as last time (a file saved again unchanged): reused all the same.
                let same = entry_of(&file.rel_path).filter(|e| {
                    e.hash == hash
                        && incremental::may_reuse(&file.rel_path)
                        && cache.as_deref().is_some_and(|c| c.includes_unchanged(e))
                });
                let rel = file.rel_path.clone();
                Ok(match same {
                    Some(entry) => {
                        let page = incremental::page_from_entry(&rel, content_name, entry);
                        (Some(page), Vec::new(), rel, stat, hash, None)
                    }
                    None => {
                        let (mut page, problems) = content::parse_page(file, content_name);
                        // Phase two reads the file again; phase one needs its text only to
                        // find a title the front matter does not give.
                        if page.front.given_title().is_some() {
                            page.text = String::new();
                        }
                        (Some(page), problems, rel, stat, hash, Some(abs_path))
                    }
                })
            }
        })
        .collect::<Vec<Result<_>>>();
    let mut published = Vec::with_capacity(results.len());
    let mut drafts = Vec::new();
    let mut by_path = HashMap::with_capacity_and_hasher(results.len(), Default::default());
    for result in results {
        let (page, problems, rel, stat, hash, abs_path) = result?;
        report.extend(problems);
        let Some(page) = page else { continue };
        let entry = match (&mut cache, page.reused) {
            (Some(cache), true) => rel
                .to_str()
                .and_then(|k| cache.pages.remove(k))
                .map(Box::new),
            _ => None,
        };
        let known_page = Known {
            stat,
            hash,
            abs_path,
            entry,
        };
        by_path.insert(rel.into_os_string(), known_page);
        if page.front.draft && !setup.opts.drafts {
            drafts.push(page.rel_path);
        } else {
            published.push(page);
        }
    }
    Ok(ParsedPages {
        published,
        drafts,
        known: Knowns {
            by_path,
            by_page: Vec::new(),
        },
    })
}

/// The link index: every page, draft, copied file and section by its path under `content/`.
pub(super) fn link_index(
    pages: &Pages,
    sections: &Sections,
    drafts: &[PathBuf],
    assets: &[Asset],
) -> LinkIndex {
    let mut index = LinkIndex::default();
    for (id, page) in pages.ids() {
        index.add_page(&page.rel_path, id, page.url.clone());
    }
    for draft in drafts {
        index.add_draft(draft);
    }
    for asset in assets {
        index.add_file(&asset.rel_path, urls::file_path(&asset.rel_path));
    }
    for section in sections.iter() {
        index.add_section(&section.folder, section.url.clone());
    }
    index
}

/// What every page is rendered from: its file, read again when it renders (so that no more
/// than a page per thread is held in memory from here on), or what the cache kept of it.
/// Each page's text is dropped here, and what is known of its file is put by its id.
pub(super) fn sources(
    pages: &mut Pages,
    known: &mut Knowns,
    index: &LinkIndex,
) -> Vec<render::Source> {
    let texts = pages.take_sources();
    let by_path = &mut known.by_path;
    known.by_page = (pages.iter())
        .map(|page| by_path.remove(page.rel_path.as_os_str()))
        .collect();
    pages
        .iter()
        .zip(texts)
        .zip(&mut known.by_page)
        .map(|((page, text), known)| match known {
            Some(Known {
                entry: Some(entry), ..
            }) if page.reused => render::Source::Known(
                Box::new(incremental::take_facts(entry, index)),
                Some(incremental::take_search(entry)),
            ),
            Some(Known {
                abs_path: Some(path),
                hash,
                stat,
                ..
            }) => render::Source::File {
                path: path.clone(),
                hash: *hash,
                len: stat.len,
            },
            // No file read this build stands behind it: its text, kept.
            _ => render::Source::Text(text),
        })
        .collect()
}

//! Phase one's pages: every file read and parsed, or brought back from the build cache; the
//! link index; what each page is rendered from; and the cache written back for the next build.

use std::collections::HashSet;
use std::ffi::OsString;

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{Cache, Entry, Header, Made, Stat};
use crate::content::{self, Page, Pages};
use crate::diagnostics::Report;
use crate::discover::{self, Asset, PageSource};
use crate::error::Result;
use crate::incremental;
use crate::link_index::LinkIndex;
use crate::related::Related;
use crate::render;
use crate::urls;

use super::{Sections, Setup};

pub(super) struct ParsedPages {
    pub(super) published: Vec<Page>,
    /// Paths of drafts left out, so links to them get a precise message.
    pub(super) drafts: Vec<PathBuf>,
    /// Every page file's stat and hash, and its cache entry when it was reused, by its path
    /// under `content/` (as the walk spelled it: its bytes hash faster than its components).
    pub(super) known: HashMap<OsString, Known>,
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
    let mut known = HashMap::with_capacity_and_hasher(results.len(), Default::default());
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
        known.insert(rel.into_os_string(), known_page);
        if page.front.draft && !setup.opts.drafts {
            drafts.push(page.rel_path);
        } else {
            published.push(page);
        }
    }
    Ok(ParsedPages {
        published,
        drafts,
        known,
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
/// Each page's text is dropped here.
pub(super) fn sources(
    pages: &mut Pages,
    known: &mut HashMap<OsString, Known>,
    index: &LinkIndex,
) -> Vec<render::Source> {
    let texts = pages.take_sources();
    pages
        .iter()
        .zip(texts)
        .map(|(page, text)| {
            match known
                .get_mut(page.rel_path.as_os_str())
                .and_then(|k| k.entry.as_mut())
            {
                Some(entry) if page.reused => render::Source::Known(
                    Box::new(incremental::take_facts(entry, index)),
                    Some(incremental::take_search(entry)),
                ),
                _ => match known.get(page.rel_path.as_os_str()) {
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
                },
            }
        })
        .collect()
}

/// What phase two leaves for the next build's cache: the pages' facts and files, the output
/// files made, and the cache it started from.
pub(super) struct Leftovers<'b> {
    pub(super) pages: &'b Pages,
    pub(super) facts: &'b mut render::Facts,
    pub(super) parsed: &'b mut ParsedPages,
    pub(super) previous: Option<&'b Cache>,
    pub(super) made: HashMap<String, Made>,
    pub(super) report: &'b Report,
    /// Where the search words of `facts` are numbered.
    pub(super) vocabulary: &'b render::Vocabulary,
}

/// The cache for the next build: an entry for every question with nothing to report, what
/// each output file was made from, and every page's related questions with the hash of what
/// they came from. With `keep` (`serve`) it is handed back, with whether it says anything the
/// previous one did not; else it is written beside the output folder an entry at a time, when
/// it says anything new, and removed when it cannot be written, so that no stale one is ever
/// read.
pub(super) fn next_cache(
    setup: &Setup<'_>,
    structure: u64,
    related: (u64, &Related),
    left: Leftovers<'_>,
    keep: bool,
) -> Option<(Cache, bool)> {
    let Leftovers {
        pages,
        facts,
        parsed,
        previous,
        made,
        report,
        vocabulary,
    } = left;
    let troubled = troubled(report);
    let changed = cache_changed(pages, facts, parsed, previous, &made, &troubled);
    if keep {
        let mut cache = Cache::new(setup.inputs, structure);
        cache.pages.reserve(pages.len());
        let _infallible = next_entries(pages, facts, parsed, &troubled, &mut |key, entry| {
            cache.pages.insert(key.to_owned(), entry);
            Ok(())
        });
        cache.outputs = made;
        return Some((cache, changed));
    }
    if changed {
        let target = &setup.out_target;
        let (words, numbers) = vocabulary.renumbered(facts.searches().map(|s| &s.words[..]));
        let header = Header {
            inputs: setup.inputs,
            structure,
            outputs: &made,
            related: Some((related.0, related.1.lists())),
            words: &words,
        };
        let saved = Cache::save_streamed(target, header, |emit| {
            next_entries(pages, facts, parsed, &troubled, &mut |key, mut entry| {
                if let Some(numbers) = &numbers {
                    entry
                        .words
                        .iter_mut()
                        .for_each(|w| *w = numbers[*w as usize]);
                }
                emit(key, entry)
            })
        });
        if saved.is_err() {
            Cache::remove(target);
        }
    }
    None
}

/// The files of the pages with something to report: they get no cache entry.
fn troubled(report: &Report) -> HashSet<&Path> {
    report
        .diagnostics
        .iter()
        .map(|d| d.path.as_path())
        .collect()
}

/// Whether the next cache says anything `previous` did not: an entry for a page rendered this
/// build, a reused page whose file's stat changed, an entry gone, or another output.
fn cache_changed(
    pages: &Pages,
    facts: &render::Facts,
    parsed: &ParsedPages,
    previous: Option<&Cache>,
    made: &HashMap<String, Made>,
    troubled: &HashSet<&Path>,
) -> bool {
    // The previous cache's entries of reused pages were moved out: what is left there are
    // pages that changed or went away.
    if previous.is_none_or(|p| !p.pages.is_empty() || p.outputs != *made) {
        return true;
    }
    pages.ids().any(|(id, page)| {
        let Some(known) = parsed.known.get(page.rel_path.as_os_str()) else {
            return false;
        };
        match &known.entry {
            Some(old) if page.reused => old.stat != known.stat,
            _ => {
                !troubled.contains(page.display_path.as_path())
                    && incremental::may_cache(page, &facts[id])
            }
        }
    })
}

/// Hands `emit` the next cache's entry of every question with nothing to report, one at a
/// time: the reused pages' entries as they came, with their facts back in them, and new ones
/// made of what this build found. What an entry keeps is moved out of `facts` and `parsed`.
fn next_entries(
    pages: &Pages,
    facts: &mut render::Facts,
    parsed: &mut ParsedPages,
    troubled: &HashSet<&Path>,
    emit: &mut dyn FnMut(&str, Entry) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for (id, page) in pages.ids() {
        let Some(known) = parsed.known.remove(page.rel_path.as_os_str()) else {
            continue;
        };
        let entry = match known.entry {
            Some(mut old) if page.reused => {
                // Its search data went into this build's facts ([`sources`]): back it comes.
                if let Some(search) = facts.take_search(id) {
                    incremental::restore_search(&mut old, search);
                }
                incremental::restore_facts(&mut old, &mut facts[id]);
                Some(Entry {
                    stat: known.stat,
                    ..*old
                })
            }
            _ if troubled.contains(page.display_path.as_path()) => None,
            _ => {
                let search = facts.take_search(id);
                incremental::entry_for(page, &mut facts[id], search, pages, known.stat, known.hash)
            }
        };
        if let (Some(entry), Some(key)) = (entry, page.rel_path.to_str()) {
            emit(key, entry)?;
        }
    }
    Ok(())
}

//! Phase one's pages: every file read and parsed, or brought back from the build cache; the
//! link index; what each page is rendered from; and the cache written back for the next build.

use std::path::PathBuf;

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
mod outputs;

pub(super) use next::{Leftovers, next_cache};
pub(super) use outputs::Outputs;

pub(super) struct ParsedPages {
    pub(super) published: Vec<Page>,
    /// Paths of drafts left out, so links to them get a precise message.
    pub(super) drafts: Vec<PathBuf>,
    /// Every page file's stat and hash, and its cache entry when it was reused.
    pub(super) known: Knowns,
}

/// What the build knows of every published page's file, by the page's place in
/// [`ParsedPages::published`], which becomes its [`PageId`](crate::content::PageId): the
/// two lists are made together and only ever shortened together ([`ParsedPages::leave_out`]),
/// where a map by path was filled and emptied again one page at a time, on one thread.
#[derive(Default)]
pub(super) struct Knowns {
    by_page: Vec<Option<Known>>,
}

impl ParsedPages {
    /// Leaves out the published pages `left_out` marks, with what is known of their files.
    pub(super) fn leave_out(&mut self, left_out: &[bool]) {
        fn keep_unmarked<T>(list: &mut Vec<T>, left_out: &[bool]) {
            let mut marks = left_out.iter();
            list.retain(|_| !marks.next().is_some_and(|&out| out));
        }
        keep_unmarked(&mut self.published, left_out);
        keep_unmarked(&mut self.known.by_page, left_out);
    }
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
    // Each file's entry is taken out of the cache here (a map removal each, as it would be
    // once the page is parsed), so that a reused page's title and links are moved into it,
    // not copied; the entries of pages read again go back below.
    let files: Vec<(PageSource, Option<Taken>)> = files
        .into_iter()
        .map(|source| {
            let rel = match &source {
                PageSource::Reused(rel, _) => rel,
                PageSource::Read { rel_path, .. } => rel_path,
            };
            let taken = cache
                .as_deref_mut()
                .and_then(|c| c.pages.remove_entry(rel.to_str()?));
            (source, taken)
        })
        .collect();
    let previous = cache.as_deref();
    // Each page apart from what is known of its file: the pages become the list of published
    // ones in place, where a list of both made that list anew (megabytes of fresh memory that
    // a one-page rebuild paid for in page faults on its one busy thread).
    let (pages, files): (Vec<Option<Page>>, Vec<Result<FileParsed>>) = files
        .into_par_iter()
        .map(|(source, mut taken)| match source {
            PageSource::Reused(rel, stat) => {
                let page = (taken.as_mut())
                    .map(|(_, e)| incremental::page_from_entry(&rel, content_name, e));
                let hash = taken.as_ref().map_or(0, |(_, e)| e.hash);
                (page, Ok(FileParsed::new(stat, hash, taken)))
            }
            PageSource::Read {
                rel_path,
                abs_path,
                stat,
            } => {
                let (file, hash) =
                    match discover::read_page(rel_path, &abs_path, &stat, content_name) {
                        Err(error) => return (None, Err(error)),
                        Ok(Ok(read)) => read,
                        Ok(Err(not_utf8)) => {
                            let mut parsed = FileParsed::new(stat, 0, taken);
                            parsed.problems.push(not_utf8);
                            return (None, Ok(parsed));
                        }
                    };
                // The same text as last time (a file saved again unchanged): reused all the same.
                let same = taken.as_mut().filter(|(_, e)| {
                    e.hash == hash
                        && incremental::may_reuse(&file.rel_path)
                        && previous.is_some_and(|c| c.includes_unchanged(e))
                });
                match same {
                    Some((_, entry)) => {
                        let page =
                            incremental::page_from_entry(&file.rel_path, content_name, entry);
                        (Some(page), Ok(FileParsed::new(stat, hash, taken)))
                    }
                    None => {
                        let (mut page, problems) = content::parse_page(file, content_name);
                        // Phase two reads the file again; phase one needs its text only to
                        // find a title the front matter does not give.
                        if page.front.given_title().is_some() {
                            page.text = String::new();
                        }
                        let mut parsed = FileParsed::new(stat, hash, taken);
                        parsed.problems = problems;
                        parsed.abs_path = Some(abs_path);
                        (Some(page), Ok(parsed))
                    }
                }
            }
        })
        .unzip();
    let mut drafts = Vec::new();
    let mut by_page = Vec::with_capacity(files.len());
    let left_out = |page: &Page| page.front.draft && !setup.opts.drafts;
    for (file, page) in files.into_iter().zip(&pages) {
        let file = file?;
        report.extend(file.problems);
        // The entry of a page read again goes back: the search index finds the page's old
        // words in it, and the next cache is written whenever one is left.
        let entry = match (file.taken, page) {
            (Some((_, entry)), Some(page)) if page.reused => Some(entry),
            (Some((key, entry)), _) => {
                if let Some(cache) = cache.as_deref_mut() {
                    cache.pages.insert(key, entry);
                }
                None
            }
            (None, _) => None,
        };
        let Some(page) = page else { continue };
        if left_out(page) {
            drafts.push(page.rel_path.clone());
            continue;
        }
        by_page.push(Some(Known {
            stat: file.stat,
            hash: file.hash,
            abs_path: file.abs_path,
            entry,
        }));
    }
    // In place: an `Option<Page>` is as large as a `Page`.
    let published: Vec<Page> = (pages.into_iter())
        .filter_map(|page| page.filter(|page| !left_out(page)))
        .collect();
    Ok(ParsedPages {
        published,
        drafts,
        known: Knowns { by_page },
    })
}

/// A cache entry taken out of the cache, with its key.
type Taken = (String, Box<Entry>);

/// What phase one learned of a page's file besides the page: what [`Known`] keeps, the
/// problems its text has, and its cache entry.
struct FileParsed {
    problems: Vec<crate::diagnostics::Diagnostic>,
    stat: Stat,
    hash: u64,
    abs_path: Option<PathBuf>,
    taken: Option<Taken>,
}

impl FileParsed {
    fn new(stat: Stat, hash: u64, taken: Option<Taken>) -> FileParsed {
        FileParsed {
            problems: Vec::new(),
            stat,
            hash,
            abs_path: None,
            taken,
        }
    }
}

/// The link index: every page, draft, copied file and section by its path under `content/`.
pub(super) fn link_index(
    pages: &Pages,
    sections: &Sections,
    drafts: &[PathBuf],
    assets: &[Asset],
) -> LinkIndex {
    let mut index = LinkIndex::with_room_for(pages.len());
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
    // On every thread: a rebuild takes every reused page's facts out of its entry here,
    // looking up each of its anchors' pages.
    (pages.as_slice().par_iter())
        .zip(texts)
        .zip(&mut known.by_page)
        .map(|((page, text), known)| match known {
            Some(Known {
                entry: Some(entry), ..
            }) if page.reused => render::Source::Known(
                incremental::take_facts(entry, index),
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

//! The cache written for the next build: each page's entry made of what this build found
//! (or of the entry it was reused from), a batch at a time on every thread.

use std::collections::HashSet;
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use rayon::prelude::*;

use crate::cache::{BodyRef, Cache, Encoder, Entry, Header, Made, Source, Spent};
use crate::content::{Page, PageId, Pages};
use crate::diagnostics::Report;
use crate::incremental::{self, PageParts};
use crate::related::Related;
use crate::render;

use super::outputs::{Outputs, record};
use super::{Known, ParsedPages, Setup};

/// What phase two leaves for the next build's cache: the pages' facts and files, the output
/// files made, and the cache it started from.
pub(in crate::pipeline) struct Leftovers<'b> {
    /// The build's pages, done with: what the reused pages took out of their entries
    /// ([`PageParts`]) goes back.
    pub(in crate::pipeline) pages: &'b mut Pages,
    pub(in crate::pipeline) facts: &'b mut render::Facts,
    pub(in crate::pipeline) parsed: &'b mut ParsedPages,
    pub(in crate::pipeline) previous: Option<&'b Cache>,
    pub(in crate::pipeline) made: Outputs,
    pub(in crate::pipeline) report: &'b Report,
    /// Where the search words of `facts` are numbered.
    pub(in crate::pipeline) vocabulary: &'b render::Vocabulary,
    /// Whether the cache on disk was made no cache ([`Cache::invalidate`]): a new one is
    /// written even when it says nothing new.
    pub(in crate::pipeline) invalidated: bool,
}

/// The cache for the next build: an entry for every question with nothing to report, what
/// each output file was made from, and every page's related questions with the hash of what
/// they came from. With `keep` (`serve`) it is handed back, with whether it says anything the
/// previous one did not; else it is written beside the output folder an entry at a time, when
/// it says anything new, and removed when it cannot be written, so that no stale one is ever
/// read.
pub(in crate::pipeline) fn next_cache(
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
        invalidated,
    } = left;
    let troubled = troubled(report);
    let made = record(made, pages, facts, &parsed.known.by_page, &troubled);
    let changed = cache_changed(pages, facts, parsed, previous, &made, &troubled);
    if !keep && !changed && !invalidated {
        // The cache on disk says it all already.
        return None;
    }
    if keep {
        let parts = take_parts(pages, &[]);
        let pages: &Pages = pages;
        let mut cache = Cache::new(setup.inputs, structure);
        let made_of = makings(pages, parts, facts, &mut parsed.known.by_page, &[]);
        let entries: Vec<_> = (made_of.collect::<Vec<_>>())
            .into_par_iter()
            .filter_map(|m| m.entry(pages, &troubled))
            .collect();
        cache.pages.reserve(entries.len());
        for (key, entry, _) in entries {
            cache.pages.insert(key.to_owned(), entry);
        }
        cache.outputs = made;
        return Some((cache, changed));
    }
    let target = &setup.out_target;
    let searches = pages.as_slice().par_iter().enumerate();
    let used = searches.filter_map(|(id, _)| facts.search(PageId(id as u32)));
    let (words, numbers) = vocabulary.renumbered(used.map(|s| &s.words));
    let header = Header {
        inputs: setup.inputs,
        structure,
        outputs: &made,
        related: Some((related.0, related.1.lists())),
        words: &words,
        renumbered: numbers.as_deref(),
    };
    // The entries' words (most of their memory), and the entries read from the last
    // cache, are freed once the build is done (or never, when the process ends with it).
    let mut kept = Vec::with_capacity(pages.len());
    let source = previous.and_then(|p| p.source.as_ref());
    let known = &mut parsed.known.by_page;
    let body =
        (source.and_then(|s| Cache::goes_on(s, &header))).and_then(|s| kept_body(s, pages, known));
    let saved = match body {
        // Few entries changed since the last body was written: a new head goes on with it.
        // The entries that still hold there are not made at all: what they were made of
        // stays where it is, and goes with the build's data.
        Some((body, carried)) => {
            let parts = take_parts(pages, &carried);
            let pages: &Pages = pages;
            let made_of = makings(pages, parts, facts, known, &carried);
            Cache::save_head(target, header, &body, |encoder| {
                encode_all(encoder, made_of, pages, &troubled, &mut kept)
            })
        }
        None => {
            let parts = take_parts(pages, &[]);
            let pages: &Pages = pages;
            let made_of = makings(pages, parts, facts, known, &[]);
            Cache::save_streamed(target, header, source, |encoder| {
                encode_all(encoder, made_of, pages, &troubled, &mut kept)
            })
        }
    };
    if saved.is_err() {
        Cache::remove(target);
    }
    crate::pipeline::drop_later(kept);
    None
}

/// What each reused page took out of its entry ([`incremental::take_page_parts`]), taken
/// back, but for the pages `carried` marks (their entries are not made again): by page, in
/// page order, only for the pages that have any (none in a clean build, and hardly any in a
/// rebuild that goes on with the last cache body, where a slot for every page was a
/// megabyte and a half of fresh memory at 10,000 pages).
fn take_parts(pages: &mut Pages, carried: &[bool]) -> Vec<(PageId, PageParts)> {
    let carried = carried.iter().chain(std::iter::repeat(&false));
    (pages.iter_mut().zip(carried).enumerate())
        .filter(|(_, (page, carried))| page.reused && !**carried)
        .map(|(i, (page, _))| (PageId(i as u32), incremental::take_page_parts(page)))
        .collect()
}

/// Makes and encodes the entries `made_of` yields, a batch at a time: a batch is taken out of
/// the build's data while the one before is encoded.
fn encode_all<'p>(
    encoder: &mut Encoder<'_>,
    mut made_of: impl Iterator<Item = Makings<'p>> + Send,
    pages: &Pages,
    troubled: &HashSet<&Path>,
    kept: &mut Vec<Spent>,
) -> std::io::Result<()> {
    let mut batch: Vec<_> = made_of.by_ref().take(BATCH).collect();
    let mut next = Vec::with_capacity(batch.len());
    while !batch.is_empty() {
        let ((), encoded) = rayon::join(
            || next.extend(made_of.by_ref().take(BATCH)),
            || {
                let entries = batch.par_drain(..).map(|m| m.entry(pages, troubled));
                encoder.entries(entries, kept)
            },
        );
        encoded?;
        std::mem::swap(&mut batch, &mut next);
    }
    Ok(())
}

/// A new head goes on with the last body when no more than one entry in [`HEAD_SHARE`] (of
/// the body's, or of [`HEAD_FLOOR`] for a small site) would be written into it: the others
/// still hold in the body as it was read.
const HEAD_SHARE: usize = 16;
const HEAD_FLOOR: usize = 128;

/// The last body (`source`) marked with the entries that still hold in it, and which pages
/// those are, when a new head may go on with it ([`HEAD_SHARE`]).
fn kept_body(
    source: &Source,
    pages: &Pages,
    known: &[Option<Known>],
) -> Option<(BodyRef, Vec<bool>)> {
    let mut body = source.body();
    let mut carried = vec![false; known.len()];
    let (mut kept, mut others) = (0, 0);
    for ((page, known), carried) in pages.iter().zip(known).zip(&mut carried) {
        let Some(known) = known else { continue };
        match carried_index(page.reused, known, source) {
            Some(index) => {
                body.keep(index);
                *carried = true;
                kept += 1;
            }
            None => others += 1,
        }
    }
    let room = (body.count() as usize).max(HEAD_FLOOR);
    (kept > 0 && others * HEAD_SHARE <= room).then_some((body, carried))
}

/// Which entry of the body `source` a page's next entry is as it was read, if it is: a
/// reused page's entry, read from that body, its file's stat unchanged (the entry then comes
/// back as it was, [`Makings::entry`]).
fn carried_index(reused: bool, known: &Known, source: &Source) -> Option<u32> {
    let old = known.entry.as_ref().filter(|_| reused)?;
    match old.stat == known.stat {
        true => source.index_of(old.read_from),
        false => None,
    }
}

/// How many pages' entries are made and encoded at a time: enough to keep every thread busy,
/// few enough that their bytes are not many MiB.
const BATCH: usize = 2048;

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
    pages
        .ids()
        .zip(&parsed.known.by_page)
        .any(|((id, page), known)| {
            let Some(known) = known else {
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

/// Whether a page rendered this build (not reused: a reused page's entry always comes back)
/// gets an entry in the next cache: a question with nothing to report whose file phase one
/// knows. [`Makings::entry`] makes one exactly then; the record of the output folder leaves
/// out the files of such pages ([`next_cache`]).
pub(super) fn gets_entry(
    page: &Page,
    rendered: &crate::markdown::Rendered,
    known: Option<&Known>,
    troubled: &HashSet<&Path>,
) -> bool {
    known.is_some()
        && !troubled.contains(page.display_path.as_path())
        && incremental::may_cache(page, rendered)
}

/// What a page's next cache entry is made from, taken out of this build's data in page order
/// ([`makings`]) so that the entries can be made on any thread ([`Makings::entry`]).
struct Makings<'p> {
    page: &'p Page,
    /// What a reused page took out of its entry ([`incremental::take_page_parts`]).
    parts: Option<PageParts>,
    known: Known,
    rendered: crate::markdown::Rendered,
    search: Option<render::SearchDoc>,
}

/// What every page's next cache entry is made from, in page order: moved out of `facts` and
/// `known` (the build is done with them), one page at a time; but for the pages `carried`
/// marks, whose entries still hold in the last body.
fn makings<'p>(
    pages: &'p Pages,
    parts: Vec<(PageId, PageParts)>,
    facts: &'p mut render::Facts,
    known: &'p mut [Option<Known>],
    carried: &'p [bool],
) -> impl Iterator<Item = Makings<'p>> {
    let mut parts = parts.into_iter().peekable();
    let carried = carried.iter().chain(std::iter::repeat(&false));
    let pages = pages.ids().zip(known).zip(carried);
    pages.filter_map(move |(((id, page), known), &carried)| {
        let parts = parts.next_if(|(of, _)| *of == id).map(|(_, parts)| parts);
        if carried {
            return None;
        }
        let known = known.take()?;
        let rendered = &mut facts[id];
        // What [`incremental::entry_for`] and [`incremental::restore_facts`] read; the rest
        // is dropped with the build's facts, after the cache is written.
        let rendered = crate::markdown::Rendered {
            ids: std::mem::take(&mut rendered.ids),
            summary: rendered.summary.take(),
            answer: rendered.answer.take(),
            listing: rendered.listing.take(),
            anchors: std::mem::take(&mut rendered.anchors),
            diagnostics: std::mem::take(&mut rendered.diagnostics),
            includes: std::mem::take(&mut rendered.includes),
            ..Default::default()
        };
        Some(Makings {
            page,
            parts,
            known,
            search: facts.take_search(id),
            rendered,
        })
    })
}

impl<'p> Makings<'p> {
    /// The next cache's entry of a question with nothing to report, by its path: a reused
    /// page's entry as it came, with its facts back in it, or a new one made of what this
    /// build found; and whether it came from the last cache.
    fn entry(
        mut self,
        pages: &Pages,
        troubled: &HashSet<&Path>,
    ) -> Option<(&'p str, Box<Entry>, bool)> {
        let page = self.page;
        // `parts` is there exactly for a reused page.
        let (entry, read) = match (self.known.entry.take(), self.parts.take()) {
            (Some(mut old), Some(parts)) => {
                // Its search data went into this build's facts ([`sources`]): back it comes.
                if let Some(search) = self.search {
                    incremental::restore_search(&mut old, search);
                }
                incremental::restore_facts(&mut old, &mut self.rendered);
                incremental::restore_page(&mut old, parts);
                old.set_stat(self.known.stat);
                (old, true)
            }
            _ if !gets_entry(page, &self.rendered, Some(&self.known), troubled) => return None,
            _ => {
                let made = incremental::entry_for(
                    page,
                    &mut self.rendered,
                    self.search,
                    pages,
                    self.known.stat,
                    self.known.hash,
                )?;
                (Box::new(made), false)
            }
        };
        Some((page.rel_path.to_str()?, entry, read))
    }
}

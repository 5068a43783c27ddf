//! What `serve` keeps between its builds besides the build cache: the search index
//! ([`crate::render::SearchResident`]), the related questions with what they were worked out
//! from ([`related`]), and the last walk of the content folder. When the watcher reports only files the walk already knows (a page saved again)
//! or files that never made it into a walk (an editor's temporary file, gone again), the next
//! build takes the walk as it was and trusts the cache's stat of every page the watcher did
//! not name, instead of walking the folder and asking the file system about 10,000 files.
//! Anything else (a folder, a new or deleted file, a symlink anywhere in the walk, a source
//! outside the content folder) walks again, as a clean build does.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use crate::cache::{Cache, Stat};
use crate::content::Pages;
use crate::error::Result;
use crate::incremental;
use crate::link_index::LinkIndex;
use crate::output;
use crate::related::Related;
use crate::render::SearchResident;
use crate::timings;
use crate::walk::Found;

use super::setup::Setup;
use super::{BuildOptions, BuildResult, Seen, run_fitting};

/// What a serving process remembers between builds.
#[derive(Debug, Default)]
pub struct Memory {
    /// The build cache of the last good build.
    pub(super) cache: Option<Cache>,
    /// The last walk of the content folder.
    pub(super) walk: Option<Walk>,
    /// The search index of the last build.
    pub(super) search: Mutex<Option<SearchResident>>,
    /// The related questions of the last build, and the [`related_inputs`] they came from.
    pub(super) related: Option<(u64, Related)>,
    /// Site-wide files of the last build ([`crate::render::Memo`]).
    pub(super) memo: crate::render::Memo,
    /// Every search word of the session: the kept cache's entries and search index number
    /// them here.
    pub(super) vocabulary: crate::render::Vocabulary,
}

/// Builds as [`build`](super::build) does, but keeps the build cache and the walk of the content folder in
/// `memory` between calls instead of reading and writing the cache's file: for `serve`, which
/// rebuilds on every save. `changed`: the sources the watcher reported since the last call
/// (absolute paths), `None` when unknown.
pub fn build_in_memory(
    opts: &BuildOptions,
    memory: &mut Memory,
    changed: Option<&BTreeSet<PathBuf>>,
) -> Result<BuildResult> {
    timings::start();
    let walk = memory.walk.take();
    let setup = Setup::load(opts)?;
    timings::mark("setup");
    let cache = memory
        .cache
        .take()
        .filter(|c| c.inputs == setup.inputs)
        .filter(|_| setup.out_target.join(output::MARKER).is_file());
    let mut seen = Seen {
        keep: true,
        search: Some(std::mem::take(&mut memory.search)),
        related: memory.related.take(),
        memo: Some(std::mem::take(&mut memory.memo)),
        ..Seen::default()
    };
    let still = changed
        .filter(|_| cache.is_some())
        .and_then(|changed| still_true(walk, &setup.content_dir, changed));
    if let Some((found, saved)) = still {
        seen.walk = Some(found);
        seen.saved = Some(saved);
    }
    let built = run_fitting(&setup, cache, &mut seen, &memory.vocabulary);
    memory.search = seen.search.take().unwrap_or_default();
    memory.related = seen.related.take();
    memory.memo = seen.memo.take().unwrap_or_default();
    let (result, next) = built?;
    memory.walk = seen.kept;
    if let Some((mut cache, _)) = next {
        cache.stamp();
        memory.cache = Some(cache);
    }
    timings::print();
    Ok(result)
}

/// Every question's related questions: those kept from the last build when what they are
/// worked out from is the same (`memo`), else worked out again. Returns them with the hash of
/// what they came from, to keep for the next build.
pub(super) fn related(
    memo: Option<(u64, Related)>,
    pages: &Pages,
    index: &LinkIndex,
) -> (u64, Related) {
    let inputs = related_inputs(pages);
    match memo {
        Some((hash, related)) if hash == inputs => (inputs, related),
        _ => (inputs, Related::compute(pages, index)),
    }
}

/// A hash of everything [`Related::compute`] reads: every page in order, with its path, URL,
/// title, kind, links and tags. (The link index's pages come from the same paths; a link
/// that finds a page finds it before any other kind of target.)
fn related_inputs(pages: &Pages) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    for page in pages.iter() {
        page.rel_path.as_os_str().as_encoded_bytes().hash(&mut h);
        page.url.hash(&mut h);
        page.title.hash(&mut h);
        (page.is_index, page.is_not_found).hash(&mut h);
        page.links.hash(&mut h);
        for tag in crate::render::page_tags(page) {
            tag.hash(&mut h);
        }
        0xffu8.hash(&mut h);
    }
    h.finish()
}

/// One walk of the content folder, with nothing left out and no symlink followed (any other
/// walk is not kept).
#[derive(Debug)]
pub(super) struct Walk {
    pub(super) content_dir: PathBuf,
    pub(super) found: Vec<Found>,
}

impl Walk {
    /// The walk, when it may be kept: nothing was left out, nothing came through a symlink.
    pub(super) fn keep(content_dir: &Path, found: Vec<Found>, left_out: usize) -> Option<Walk> {
        // Compared as strings: `Path`'s own comparison parses both into components.
        let plain = found
            .iter()
            .all(|f| f.abs_path.as_os_str() == content_dir.join(&f.rel_path).as_os_str());
        (left_out == 0 && plain).then(|| Walk {
            content_dir: content_dir.to_path_buf(),
            found,
        })
    }
}

/// The previous walk, still true after the changes the watcher reported (absolute paths),
/// and the pages among them; `None` when the folder must be walked again.
pub(super) fn still_true(
    walk: Option<Walk>,
    content_dir: &Path,
    changed: &BTreeSet<PathBuf>,
) -> Option<(Vec<Found>, HashSet<PathBuf>)> {
    let walk = walk.filter(|w| w.content_dir == content_dir)?;
    let known: HashSet<&Path> = walk.found.iter().map(|f| f.abs_path.as_path()).collect();
    let mut saved = HashSet::new();
    for path in changed {
        let rel = path.strip_prefix(content_dir).ok()?;
        match std::fs::symlink_metadata(path) {
            // A file of the walk, saved again.
            Ok(meta) if meta.is_file() && known.contains(path.as_path()) => {
                saved.insert(rel.to_path_buf());
            }
            // Written and gone again before the build (a temporary file), never walked.
            Err(e)
                if e.kind() == std::io::ErrorKind::NotFound && !known.contains(path.as_path()) => {}
            _ => return None,
        }
    }
    Some((walk.found, saved))
}

/// The stat a page's file can be taken to have without asking the file system: the one its
/// cache entry holds, when the watcher did not report the file and the page includes no
/// snippet files (those are checked by their own stat).
pub(super) fn trusted_stat(
    cache: Option<&Cache>,
    saved: Option<&HashSet<PathBuf>>,
    rel: &Path,
) -> Option<Stat> {
    let saved = saved?;
    // Compared one by one: a save names a few pages at most, and hashing a path (component
    // by component) for each of 10,000 pages cost more than the rest of this.
    let named = match saved.len() {
        0..=8 => saved.iter().any(|s| s == rel),
        _ => saved.contains(rel),
    };
    if named || !incremental::may_reuse(rel) {
        return None;
    }
    let entry = cache?.pages.get(rel.to_str()?)?;
    entry.includes.is_empty().then_some(entry.stat)
}

//! What `serve` keeps between its builds besides the build cache: the last walk of the content
//! folder. When the watcher reports only files the walk already knows (a page saved again)
//! or files that never made it into a walk (an editor's temporary file, gone again), the next
//! build takes the walk as it was and trusts the cache's stat of every page the watcher did
//! not name, instead of walking the folder and asking the file system about 10,000 files.
//! Anything else (a folder, a new or deleted file, a symlink anywhere in the walk, a source
//! outside the content folder) walks again, as a clean build does.

use std::collections::{BTreeSet, HashSet};
use std::path::{Path, PathBuf};

use crate::cache::{Cache, Stat};
use crate::incremental;
use crate::walk::Found;

/// What a serving process remembers between builds.
#[derive(Debug, Default)]
pub struct Memory {
    /// The build cache of the last good build.
    pub(super) cache: Option<Cache>,
    /// The last walk of the content folder.
    pub(super) walk: Option<Walk>,
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
    if saved.contains(rel) || !incremental::may_reuse(rel) {
        return None;
    }
    let entry = cache?.pages.get(rel.to_str()?)?;
    entry.includes.is_empty().then_some(entry.stat)
}

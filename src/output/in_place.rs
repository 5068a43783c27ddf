//! Updating an output folder in place, for a build that re-rendered only what changed: only
//! the files whose bytes differ from what the folder holds are written (each to a new file
//! renamed over the old one, so no reader sees half a file), and only the files the last
//! build wrote and this one no longer makes are removed. Nothing is written at all unless the
//! whole build succeeded: the changed files are kept in memory ([`Collect`]) until then.

use rustc_hash::FxHashMap as HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{Body, Sink};
use crate::cache::{self, Made, Stat};
use crate::error::{Error, Result};

/// One file the build made, waiting to be written.
#[derive(Debug)]
enum Pending {
    Bytes(Vec<u8>),
    Static(&'static [u8]),
    Copy(PathBuf),
}

/// A sink that keeps what it is given, and what each file was made from.
#[derive(Debug, Default)]
pub struct Collect {
    files: Mutex<Vec<(String, Made, Pending)>>,
}

impl Sink for Collect {
    fn put(&self, path: &str, body: Body<'_>) -> Result<()> {
        let made = made_of(&body)?;
        let pending = match body {
            Body::Page(bytes) | Body::Bytes(bytes) | Body::Derived { bytes, .. } => {
                Pending::Bytes(bytes)
            }
            Body::Static(bytes) => Pending::Static(bytes),
            Body::Copy(from) => Pending::Copy(from.to_path_buf()),
        };
        self.files
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_owned(), made, pending));
        Ok(())
    }
}

/// A sink that hands every file on to another and notes what each was made from, for the
/// build cache's record of the output folder.
pub struct Record<'a> {
    inner: &'a dyn Sink,
    made: Mutex<Vec<(String, Made)>>,
}

impl<'a> Record<'a> {
    pub fn new(inner: &'a dyn Sink) -> Self {
        Record {
            inner,
            made: Mutex::default(),
        }
    }

    /// What was put, with its site path, in the order it was put.
    pub fn into_made(self) -> Vec<(String, Made)> {
        self.made.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Sink for Record<'_> {
    fn put(&self, path: &str, body: Body<'_>) -> Result<()> {
        let made = made_of(&body)?;
        self.inner.put(path, body)?;
        self.made
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((path.to_owned(), made));
        Ok(())
    }
}

fn made_of(body: &Body<'_>) -> Result<Made> {
    Ok(match body {
        Body::Page(_) => Made::Page,
        Body::Bytes(bytes) => Made::Bytes(cache::hash_bytes(bytes)),
        Body::Static(bytes) => Made::Bytes(cache::hash_bytes(bytes)),
        Body::Derived { inputs, .. } => Made::Bytes(*inputs),
        Body::Copy(from) => {
            let meta = fs::metadata(from).map_err(|e| Error::io(from, e))?;
            Made::Copy(Stat::of(&meta))
        }
    })
}

/// What an update did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Updated {
    pub written: usize,
    pub removed: usize,
}

impl Collect {
    /// Writes into `target` what differs from `before` (what the folder holds, by the last
    /// build's record), removes what the last build wrote and `kept` and the collected files
    /// no longer name (what is `kept` keeps its record), and returns the folder's new record.
    /// `implied`: pages the last build wrote that its record leaves out (the build cache's
    /// entries stand for them, [`crate::incremental::page_output`]) and that no page kept
    /// this build stands for; each is removed unless a collected file names it.
    /// `shown` names the folder in errors. `changing` is called once before the first file
    /// is written or removed, if any is.
    pub fn apply(
        self,
        target: &Path,
        shown: &Path,
        before: &HashMap<String, Made>,
        implied: impl IntoIterator<Item = String>,
        kept: impl IntoIterator<Item = String>,
        changing: impl FnOnce(),
    ) -> Result<(HashMap<String, Made>, Updated)> {
        let mut changing = Some(changing);
        let mut change = || {
            if let Some(changing) = changing.take() {
                changing();
            }
        };
        // What is kept stays as the last build recorded it.
        let mut now: HashMap<String, Made> =
            HashMap::with_capacity_and_hasher(before.len(), Default::default());
        // How many of the files the last build recorded are named again: all of them (the
        // usual rebuild), and none is to be removed.
        let mut named_again = 0;
        for p in kept {
            let was = before.get(&p).copied();
            if now.insert(p, was.unwrap_or(Made::Page)).is_none() && was.is_some() {
                named_again += 1;
            }
        }
        let mut updated = Updated::default();
        let files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        for (rel, made, pending) in files {
            let path = inside(target, &rel).ok_or_else(|| {
                let message =
                    "it would be written outside the output folder or through a symlink in it";
                Error::io(shown.join(&rel), std::io::Error::other(message))
            })?;
            let was = before.get(&rel);
            let unchanged = match (made, &pending) {
                // A page the record names is one with no cache entry (one with a warning, the
                // 404 page), rendered on every build: its file stays when it holds the same.
                (Made::Page, Pending::Bytes(bytes)) => {
                    was == Some(&Made::Page) && holds(&path, bytes)
                }
                (Made::Page, _) => false,
                _ => was == Some(&made),
            };
            if !unchanged {
                change();
                write_file(&path, &pending).map_err(|e| Error::io(shown.join(&rel), e))?;
                updated.written += 1;
            }
            if now.insert(rel, made).is_none() && was.is_some() {
                named_again += 1;
            }
        }
        let some_gone = named_again < before.len();
        let gone = before
            .keys()
            .filter(|rel| some_gone && !now.contains_key(*rel))
            .cloned();
        let implied_gone =
            (implied.into_iter()).filter(|rel| !now.contains_key(rel) && !before.contains_key(rel));
        // The paths to remove come from the build cache, a file like any other beside the
        // output folder: one that names a place outside it (`..`, an absolute path, a symlink
        // on the way) is left alone.
        for rel in gone.chain(implied_gone) {
            let Some(path) = inside(target, &rel) else {
                continue;
            };
            change();
            if fs::remove_file(&path).is_ok() {
                updated.removed += 1;
                remove_empty_parents(target, &path);
            }
        }
        Ok((now, updated))
    }
}

/// Where `rel` (a site path with `/`) is under `target`, when that is inside it: a relative
/// path without `..`, reached through real folders only (a folder of the output replaced by a
/// symlink would lead a write or a removal out of it).
fn inside(target: &Path, rel: &str) -> Option<PathBuf> {
    let mut path = target.to_path_buf();
    let mut parts = rel
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .peekable();
    parts.peek()?;
    while let Some(part) = parts.next() {
        let mut components = Path::new(part).components();
        let plain = matches!(components.next(), Some(std::path::Component::Normal(_)));
        if !plain || components.next().is_some() {
            return None;
        }
        path.push(part);
        let folder = parts.peek().is_some();
        if folder && fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink()) {
            return None;
        }
    }
    Some(path)
}

/// Whether `path` is a file (not a link to one) holding exactly `bytes`.
fn holds(path: &Path, bytes: &[u8]) -> bool {
    let same_len = fs::symlink_metadata(path)
        .is_ok_and(|meta| meta.is_file() && meta.len() == bytes.len() as u64);
    same_len && fs::read(path).is_ok_and(|now| now == bytes)
}

/// Writes a file through a new file beside it, renamed over the old one.
fn write_file(path: &Path, pending: &Pending) -> std::io::Result<()> {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent)?;
    }
    let tmp = path.with_file_name(format!(
        ".{}.answerbook-tmp-{}",
        path.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned()),
        std::process::id()
    ));
    let written = match pending {
        Pending::Bytes(bytes) => fs::write(&tmp, bytes),
        Pending::Static(bytes) => fs::write(&tmp, bytes),
        Pending::Copy(from) => fs::copy(from, &tmp).map(drop),
    };
    written
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}

/// Removes the folders above `path` that its removal left empty, up to `root`.
fn remove_empty_parents(root: &Path, path: &Path) {
    let mut dir = path.parent();
    while let Some(d) = dir {
        if d == root || !d.starts_with(root) || fs::remove_dir(d).is_err() {
            return;
        }
        dir = d.parent();
    }
}

#[cfg(test)]
mod tests;

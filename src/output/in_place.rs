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
            let was = before.get(&rel);
            let unchanged = match (made, &pending) {
                // A page the record names is one with no cache entry (one with a warning, the
                // 404 page), rendered on every build: its file stays when it holds the same.
                (Made::Page, Pending::Bytes(bytes)) => {
                    was == Some(&Made::Page) && holds(&target.join(&rel), bytes)
                }
                (Made::Page, _) => false,
                _ => was == Some(&made),
            };
            if !unchanged {
                change();
                write_file(&target.join(&rel), &pending)
                    .map_err(|e| Error::io(shown.join(&rel), e))?;
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
        for rel in gone.chain(implied_gone) {
            let path = target.join(rel);
            change();
            if fs::remove_file(&path).is_ok() {
                updated.removed += 1;
                remove_empty_parents(target, &path);
            }
        }
        Ok((now, updated))
    }
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
mod tests {
    use super::*;

    #[test]
    fn only_what_changed_is_written_and_only_what_went_away_is_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        fs::create_dir_all(out.join("a")).unwrap();
        fs::create_dir_all(out.join("gone")).unwrap();
        fs::write(out.join("a/index.html"), "section").unwrap();
        fs::write(out.join("gone/index.html"), "old page").unwrap();
        fs::write(out.join("mine.txt"), "not answerbook's").unwrap();
        let before: HashMap<String, Made> = [
            (
                "a/index.html".to_owned(),
                Made::Bytes(cache::hash_bytes(b"section")),
            ),
            ("gone/index.html".to_owned(), Made::Page),
        ]
        .into_iter()
        .collect();
        let collect = Collect::default();
        collect
            .put("a/index.html", Body::Bytes(b"section".to_vec()))
            .unwrap();
        collect
            .put("b/index.html", Body::Page(b"new page".to_vec()))
            .unwrap();
        // Told before the first change, and only then: nothing is written yet.
        let mut told = 0;
        let changing = || {
            assert!(!out.join("b").exists(), "told after a change");
            told += 1;
        };
        let (now, updated) = collect
            .apply(out, Path::new("public"), &before, [], [], changing)
            .unwrap();
        assert_eq!(told, 1);
        assert_eq!(
            updated,
            Updated {
                written: 1,
                removed: 1
            }
        );
        assert_eq!(
            fs::read_to_string(out.join("b/index.html")).unwrap(),
            "new page"
        );
        assert!(!out.join("gone").exists());
        assert_eq!(
            fs::read_to_string(out.join("mine.txt")).unwrap(),
            "not answerbook's"
        );
        assert_eq!(now.len(), 2);
    }

    /// A page the record names (one without a cache entry) is written again only when its
    /// bytes differ from its file's; one it does not name is written whatever it holds.
    #[test]
    fn a_page_the_record_names_is_written_only_when_its_bytes_changed() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        for page in ["same", "changed", "unnamed"] {
            fs::create_dir_all(out.join(page)).unwrap();
            fs::write(out.join(page).join("index.html"), "page").unwrap();
        }
        let before: HashMap<String, Made> = ["same", "changed"]
            .map(|p| (format!("{p}/index.html"), Made::Page))
            .into_iter()
            .collect();
        let collect = Collect::default();
        for (page, bytes) in [("same", "page"), ("changed", "page!"), ("unnamed", "page")] {
            let path = format!("{page}/index.html");
            collect.put(&path, Body::Page(bytes.into())).unwrap();
        }
        let (now, updated) = collect
            .apply(out, Path::new("public"), &before, [], [], || {})
            .unwrap();
        assert_eq!(
            updated,
            Updated {
                written: 2,
                removed: 0
            }
        );
        assert_eq!(
            fs::read_to_string(out.join("changed/index.html")).unwrap(),
            "page!"
        );
        assert_eq!(now.len(), 3);
        // Nothing changed: nothing written, no one told.
        let collect = Collect::default();
        for (page, bytes) in [("same", "page"), ("changed", "page!"), ("unnamed", "page")] {
            let path = format!("{page}/index.html");
            collect.put(&path, Body::Page(bytes.into())).unwrap();
        }
        let (_, updated) = collect
            .apply(out, Path::new("public"), &now, [], [], || panic!("told"))
            .unwrap();
        assert_eq!(updated, Updated::default());
    }

    #[test]
    fn an_update_that_changes_nothing_tells_no_one() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        fs::create_dir_all(out.join("a")).unwrap();
        fs::write(out.join("a/index.html"), "section").unwrap();
        let made = Made::Bytes(cache::hash_bytes(b"section"));
        let before: HashMap<String, Made> =
            [("a/index.html".to_owned(), made)].into_iter().collect();
        let collect = Collect::default();
        collect
            .put("a/index.html", Body::Bytes(b"section".to_vec()))
            .unwrap();
        let mut told = false;
        let (now, updated) = collect
            .apply(out, Path::new("public"), &before, [], [], || told = true)
            .unwrap();
        assert!(!told);
        assert_eq!(updated, Updated::default());
        assert_eq!(now, before);
    }

    #[test]
    fn pages_the_record_implies_go_unless_a_file_named_now_is_theirs() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path();
        for page in ["gone", "again", "both"] {
            fs::create_dir_all(out.join(page)).unwrap();
            fs::write(out.join(page).join("index.html"), "old page").unwrap();
        }
        fs::write(out.join("mine.txt"), "not answerbook's").unwrap();
        // `both/` is in the record too: it is removed once, as the record says.
        let before: HashMap<String, Made> = [("both/index.html".to_owned(), Made::Page)]
            .into_iter()
            .collect();
        let collect = Collect::default();
        collect
            .put("again/index.html", Body::Page(b"new page".to_vec()))
            .unwrap();
        let implied = ["gone/index.html", "again/index.html", "both/index.html"];
        let (now, updated) = collect
            .apply(
                out,
                Path::new("public"),
                &before,
                implied.map(str::to_owned),
                [],
                || {},
            )
            .unwrap();
        assert_eq!(
            updated,
            Updated {
                written: 1,
                removed: 2
            }
        );
        assert!(!out.join("gone").exists());
        assert!(!out.join("both").exists());
        assert_eq!(
            fs::read_to_string(out.join("again/index.html")).unwrap(),
            "new page"
        );
        assert_eq!(
            fs::read_to_string(out.join("mine.txt")).unwrap(),
            "not answerbook's"
        );
        assert_eq!(now.into_keys().collect::<Vec<_>>(), ["again/index.html"]);
    }
}

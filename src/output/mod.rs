//! Writing the site: the only module that touches the output folder.
//!
//! A build may replace only a folder it is allowed to ([`guard`]). It writes into a staging
//! folder beside the target (`.public.answerbook-new-PID`), holding a lock so that one build
//! at a time writes there ([`lock`]), and swaps it in only when everything was written
//! ([`swap`]). A failed build, a panic or a SIGINT/SIGTERM ([`interrupt`]) removes the staging
//! folder and leaves the previous output exactly as it was; what a SIGKILL leaves behind is
//! removed by the next build of the same output.

pub mod beside;
mod guard;
mod in_place;
pub mod interrupt;
mod lock;
mod sink;
mod swap;

use std::fs;
use std::path::{Path, PathBuf};

pub use guard::{MARKER, check_target, real_path};
pub use in_place::{Collect, Record, Updated};
pub use sink::{Body, Discard, Sink};

use crate::error::{Error, Result};
use lock::BuildLock;

/// A folder being filled with a new build.
#[derive(Debug)]
pub struct Staging {
    /// The output folder, symlinks resolved.
    target: PathBuf,
    /// The output folder as the user named it, for messages.
    shown: PathBuf,
    dir: PathBuf,
    committed: bool,
    _lock: BuildLock,
}

/// Holds the output folder's lock while a build updates it in place.
#[derive(Debug)]
pub struct Locked {
    _lock: BuildLock,
    lock_path: PathBuf,
}

impl Drop for Locked {
    fn drop(&mut self) {
        interrupt::unregister(&self.lock_path);
    }
}

/// Takes the lock of the output folder `target` (resolved), as a build that writes it does,
/// and removes what killed builds left beside it.
pub fn lock(target: &Path, shown: &Path) -> Result<Locked> {
    let parent = target.parent().unwrap_or(Path::new("."));
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let lock_path = parent.join(format!(".{name}.answerbook-lock"));
    interrupt::register(&lock_path);
    match BuildLock::acquire(lock_path.clone(), shown) {
        Ok(lock) => {
            remove_leftovers(parent, &name);
            Ok(Locked {
                _lock: lock,
                lock_path,
            })
        }
        Err(e) => {
            interrupt::unregister(&lock_path);
            Err(e)
        }
    }
}

/// What a successful swap could not finish.
#[derive(Debug)]
pub struct Committed {
    /// The new output is in place, but the previous one could not be removed.
    pub warning: Option<String>,
}

impl Staging {
    /// Creates an empty staging folder next to `target` (a path [`check_target`] returned),
    /// after removing what killed builds of the same output left there. `shown` is the output
    /// folder as the user named it.
    pub fn create(target: &Path, shown: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let lock_path = parent.join(format!(".{name}.answerbook-lock"));
        interrupt::register(&lock_path);
        let lock = BuildLock::acquire(lock_path.clone(), shown);
        if lock.is_err() {
            interrupt::unregister(&lock_path);
        }
        let lock = lock?;
        remove_leftovers(&parent, &name);
        let dir = parent.join(format!(".{name}.answerbook-new-{}", std::process::id()));
        interrupt::register(&dir);
        let staging = Staging {
            target: target.to_path_buf(),
            shown: shown.to_path_buf(),
            dir,
            committed: false,
            _lock: lock,
        };
        fs::create_dir(&staging.dir).map_err(|e| {
            Error::io(
                &staging.shown,
                std::io::Error::new(e.kind(), format!("cannot create a folder beside it ({e})")),
            )
        })?;
        staging.write(MARKER, guard::MARKER_TEXT.as_bytes())?;
        Ok(staging)
    }

    /// Writes one file at `rel` (a site path with `/`), creating its folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path_of(rel)?;
        self.make_parent(&path).map_err(|e| self.error(rel, e))?;
        fs::write(&path, bytes).map_err(|e| self.error(rel, e))
    }

    /// Copies a file into the site at `rel`.
    pub fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let path = self.path_of(rel)?;
        self.make_parent(&path).map_err(|e| self.error(rel, e))?;
        match fs::copy(from, &path) {
            Ok(_) => Ok(()),
            // Reading the source failed: name the source.
            Err(e) if fs::File::open(from).is_err() => Err(Error::io(from, e)),
            Err(e) => Err(self.error(rel, e)),
        }
    }

    /// Creates the folders above `path` inside the staging folder, never the staging folder
    /// itself: once an interrupted build has removed it, late writes fail instead of bringing
    /// it back.
    fn make_parent(&self, path: &Path) -> std::io::Result<()> {
        if interrupt::interrupted() {
            return Err(std::io::Error::new(
                std::io::ErrorKind::Interrupted,
                "the build was interrupted",
            ));
        }
        match path.parent() {
            Some(parent) if parent != self.dir => match fs::create_dir(parent) {
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                    self.make_parent(parent)?;
                    ignore_exists(fs::create_dir(parent))
                }
                other => ignore_exists(other),
            },
            _ => Ok(()),
        }
    }

    /// An error writing `rel`, named by where it was going in the output folder (the staging
    /// folder means nothing to the user).
    fn error(&self, rel: &str, e: std::io::Error) -> Error {
        Error::io(self.shown.join(rel), e)
    }

    fn path_of(&self, rel: &str) -> Result<PathBuf> {
        let mut path = self.dir.clone();
        for part in rel.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    return Err(Error::Usage(format!(
                        "output path '{rel}' leaves the output folder"
                    )));
                }
                p => path.push(p),
            }
        }
        Ok(path)
    }

    /// Swaps the staging folder in place of the target, then removes the previous output. If
    /// that last step fails the build still succeeded: it says so in [`Committed::warning`].
    pub fn commit(self) -> Result<Committed> {
        self.commit_with(|old| fs::remove_dir_all(old))
    }

    fn commit_with(
        mut self,
        remove: impl FnOnce(&Path) -> std::io::Result<()>,
    ) -> Result<Committed> {
        let aside = self
            .dir
            .with_file_name(self.dir.file_name().map_or_else(String::new, |n| {
                n.to_string_lossy().replace("-new-", "-old-")
            }));
        interrupt::register(&aside);
        let swapped = interrupt::uninterrupted(|| swap::swap_in(&self.dir, &self.target, &aside));
        let old = match swapped {
            Ok(old) => old,
            Err(e) => {
                interrupt::unregister(&aside);
                return Err(Error::io(&self.shown, e));
            }
        };
        self.committed = true;
        if old.as_deref() != Some(&*self.dir) {
            interrupt::unregister(&self.dir);
        }
        let Some(old) = old else {
            interrupt::unregister(&aside);
            return Ok(Committed { warning: None });
        };
        let removed = remove(&old);
        interrupt::unregister(&self.dir);
        interrupt::unregister(&aside);
        Ok(Committed {
            warning: removed.err().map(|e| {
                format!(
                    "the new site is in place, but the previous one could not be removed ({e}); \
                     it is left at {}: delete it by hand",
                    old.display()
                )
            }),
        })
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
            interrupt::unregister(&self.dir);
        }
    }
}

fn ignore_exists(result: std::io::Result<()>) -> std::io::Result<()> {
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(()),
        other => other,
    }
}

/// Removes the staging and set-aside folders that killed builds of the output folder `name`
/// left in `parent`: only names of the exact shape answerbook gives them, and only while
/// holding the lock, so never those of a build still running.
fn remove_leftovers(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else {
        return;
    };
    let prefix = format!(".{name}.answerbook-");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&prefix)) else {
            continue;
        };
        let Some(pid) = rest
            .strip_prefix("new-")
            .or_else(|| rest.strip_prefix("old-"))
        else {
            continue;
        };
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && !pid.is_empty() && pid.bytes().all(|b| b.is_ascii_digit()) {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn write_errors_name_the_output_path_not_the_staging_folder() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        let staging = Staging::create(&target, Path::new("site/public")).unwrap();
        staging.write("a", b"a file").unwrap();
        let err = staging.write("a/index.html", b"x").unwrap_err().to_string();
        assert!(err.starts_with("site/public/a/index.html: "), "{err}");
        assert!(!err.contains("answerbook-new"), "{err}");
    }

    #[test]
    fn an_old_output_that_cannot_be_removed_is_a_warning_after_the_swap() {
        let tmp = tempfile::tempdir().unwrap();
        let target = tmp.path().join("public");
        fs::create_dir(&target).unwrap();
        fs::write(target.join("index.html"), "old").unwrap();
        let staging = Staging::create(&target, Path::new("site/public")).unwrap();
        staging.write("index.html", b"new").unwrap();
        let committed = staging
            .commit_with(|_| Err(std::io::Error::other("device busy")))
            .unwrap();
        let warning = committed.warning.unwrap();
        assert!(
            warning.starts_with(
                "the new site is in place, but the previous one could not be \
                 removed (device busy); it is left at "
            ),
            "{warning}"
        );
        assert_eq!(
            fs::read_to_string(target.join("index.html")).unwrap(),
            "new"
        );
        let left_at = PathBuf::from(
            warning
                .rsplit_once(" at ")
                .unwrap()
                .1
                .trim_end_matches(": delete it by hand"),
        );
        assert_eq!(
            fs::read_to_string(left_at.join("index.html")).unwrap(),
            "old"
        );
    }

    #[test]
    fn leftovers_of_killed_builds_are_removed_and_nothing_else() {
        let tmp = tempfile::tempdir().unwrap();
        let keep = [
            ".public.answerbook-new-",
            ".public.answerbook-new-1x",
            "public-old",
            ".www.answerbook-new-7",
        ];
        for name in keep
            .iter()
            .chain(&[".public.answerbook-new-12", ".public.answerbook-old-3"])
        {
            fs::create_dir(tmp.path().join(name)).unwrap();
        }
        fs::write(tmp.path().join(".public.answerbook-old-4"), "a file").unwrap();
        let staging = Staging::create(&tmp.path().join("public"), Path::new("public")).unwrap();
        let mut left: Vec<String> = fs::read_dir(tmp.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        left.sort();
        let mut expected: Vec<String> = keep.iter().map(|s| (*s).to_owned()).collect();
        expected.extend([
            ".public.answerbook-lock".to_owned(),
            format!(".public.answerbook-new-{}", std::process::id()),
            ".public.answerbook-old-4".to_owned(),
        ]);
        expected.sort();
        assert_eq!(left, expected);
        drop(staging);
        assert!(!tmp.path().join(".public.answerbook-lock").exists());
    }
}

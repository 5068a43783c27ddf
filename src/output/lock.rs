//! One build at a time writes a given output folder: a lock file beside it
//! (`.public.answerbook-lock`), held from creating the staging folder until the swap is done
//! and removed afterwards. A second build waits for the first (both succeed); only if the
//! first holds it for longer than [`WAIT`] does the second give up, saying another build is
//! writing there.

use std::fs::{self, File, OpenOptions};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// How long a build waits for another one writing the same output.
const WAIT: Duration = Duration::from_secs(60);

/// The lock on one output folder; released (and its file removed) on drop.
#[derive(Debug)]
pub(super) struct BuildLock {
    path: PathBuf,
    _file: File,
}

impl BuildLock {
    /// Takes the lock file at `path`, waiting for another build that holds it.
    /// `shown` names the output folder in messages.
    pub(super) fn acquire(path: PathBuf, shown: &Path) -> Result<BuildLock> {
        let started = Instant::now();
        loop {
            let file = OpenOptions::new()
                .create(true)
                .truncate(false)
                .write(true)
                .open(&path)
                .map_err(|e| Error::io(&path, e))?;
            match file.try_lock() {
                // The holder before us may have removed the file while we waited on it: the
                // lock only counts if it is on the file that the path names now.
                Ok(()) if is_same_file(&file, &path) => {
                    return Ok(BuildLock { path, _file: file });
                }
                Ok(()) => continue,
                Err(std::fs::TryLockError::WouldBlock) => {
                    if started.elapsed() > WAIT {
                        return Err(Error::Unsafe(format!(
                            "another build is writing to {} (it holds {}); try again when it \
                             has finished",
                            shown.display(),
                            path.display()
                        )));
                    }
                    std::thread::sleep(Duration::from_millis(25));
                }
                Err(std::fs::TryLockError::Error(e)) => return Err(Error::io(&path, e)),
            }
        }
    }
}

impl Drop for BuildLock {
    fn drop(&mut self) {
        // Removed while still held, so no other build can take a lock on a file that is gone.
        let _ = fs::remove_file(&self.path);
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_file: &File, path: &Path) -> bool {
    path.exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lock_is_exclusive_and_its_file_goes_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".public.answerbook-lock");
        let held = BuildLock::acquire(path.clone(), Path::new("public")).unwrap();
        let other = OpenOptions::new().write(true).open(&path).unwrap();
        assert!(matches!(
            other.try_lock(),
            Err(std::fs::TryLockError::WouldBlock)
        ));
        drop(held);
        assert!(!path.exists());
        // A build that opened the file before it was removed gets that file's lock, but the path
        // names no file any more: the lock it holds is not the output's, and another build can
        // take the output's lock at once.
        assert!(other.try_lock().is_ok());
        assert!(!is_same_file(&other, &path));
        let next = BuildLock::acquire(path.clone(), Path::new("public")).unwrap();
        assert!(path.exists());
        drop(next);
    }
}

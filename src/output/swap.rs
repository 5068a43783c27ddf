//! Putting a finished build in place of the output folder. On Linux the two folders trade
//! places in one step (`renameat2` with `RENAME_EXCHANGE`), so a reader of the output folder
//! never finds it missing; elsewhere, or on a file system without that call, the old folder is
//! renamed aside and the new one renamed in, and a failure of the second rename puts the old
//! folder back.

use std::io;
use std::path::{Path, PathBuf};

/// Puts the folder `new` in place of `target`. Returns where the previous output now is (to be
/// removed by the caller), or `None` when there was none. On an error `target` is as it was.
pub(super) fn swap_in(new: &Path, target: &Path, aside: &Path) -> io::Result<Option<PathBuf>> {
    if std::fs::symlink_metadata(target).is_err() {
        std::fs::rename(new, target)?;
        return Ok(None);
    }
    match exchange(new, target) {
        Ok(()) => return Ok(Some(new.to_path_buf())),
        Err(e) if !unsupported(&e) => return Err(e),
        Err(_) => {}
    }
    two_renames(new, target, aside, &mut |from, to| {
        std::fs::rename(from, to)
    })?;
    Ok(Some(aside.to_path_buf()))
}

/// The portable swap: `target` -> `aside`, then `new` -> `target`; if the second rename fails,
/// `aside` goes back to `target`.
pub(super) fn two_renames(
    new: &Path,
    target: &Path,
    aside: &Path,
    rename: &mut dyn FnMut(&Path, &Path) -> io::Result<()>,
) -> io::Result<()> {
    rename(target, aside)?;
    if let Err(e) = rename(new, target) {
        if let Err(back) = rename(aside, target) {
            return Err(io::Error::new(
                back.kind(),
                format!(
                    "{e}; and the previous output could not be put back: it is at {} ({back})",
                    aside.display()
                ),
            ));
        }
        return Err(e);
    }
    Ok(())
}

#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use std::ffi::CString;
    use std::os::unix::ffi::OsStrExt;
    let c = |p: &Path| {
        CString::new(p.as_os_str().as_bytes())
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "path holds a NUL byte"))
    };
    let (a, b) = (c(a)?, c(b)?);
    // The system call itself rather than libc's `renameat2` wrapper, which musl (the static
    // Linux release binary) does not have.
    // SAFETY: both arguments are NUL-terminated strings that outlive the call; the call reads
    // them and touches no memory of ours.
    let status = unsafe {
        libc::syscall(
            libc::SYS_renameat2,
            libc::AT_FDCWD,
            a.as_ptr(),
            libc::AT_FDCWD,
            b.as_ptr(),
            libc::RENAME_EXCHANGE,
        )
    };
    if status == 0 {
        Ok(())
    } else {
        Err(io::Error::last_os_error())
    }
}

#[cfg(not(target_os = "linux"))]
fn exchange(_a: &Path, _b: &Path) -> io::Result<()> {
    Err(io::Error::from(io::ErrorKind::Unsupported))
}

/// The platform or file system has no atomic exchange (old kernels, some network and FUSE file
/// systems): fall back to two renames.
fn unsupported(e: &io::Error) -> bool {
    #[cfg(target_os = "linux")]
    if let Some(code) = e.raw_os_error() {
        return [libc::ENOSYS, libc::EINVAL, libc::EOPNOTSUPP].contains(&code);
    }
    e.kind() == io::ErrorKind::Unsupported
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::fs;

    fn folder_with(root: &Path, name: &str, text: &str) -> PathBuf {
        let dir = root.join(name);
        fs::create_dir(&dir).unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
        dir
    }

    fn read(dir: &Path) -> String {
        fs::read_to_string(dir.join("index.html")).unwrap()
    }

    #[test]
    fn the_new_build_takes_the_place_of_the_old_one() {
        let tmp = tempfile::tempdir().unwrap();
        let target = folder_with(tmp.path(), "public", "old");
        let new = folder_with(tmp.path(), ".public.new", "new");
        let aside = tmp.path().join(".public.old");
        let old_at = swap_in(&new, &target, &aside).unwrap().unwrap();
        assert_eq!(read(&target), "new");
        assert_eq!(read(&old_at), "old");
    }

    /// The exchange itself works here (a fallback to two renames would hide a broken call).
    #[cfg(target_os = "linux")]
    #[test]
    fn linux_exchanges_the_two_folders_in_one_call() {
        let tmp = tempfile::tempdir().unwrap();
        let a = folder_with(tmp.path(), "a", "was a");
        let b = folder_with(tmp.path(), "b", "was b");
        exchange(&a, &b).unwrap();
        assert_eq!(read(&a), "was b");
        assert_eq!(read(&b), "was a");
    }

    #[test]
    fn a_first_build_is_renamed_in() {
        let tmp = tempfile::tempdir().unwrap();
        let new = folder_with(tmp.path(), ".public.new", "new");
        let target = tmp.path().join("public");
        assert_eq!(swap_in(&new, &target, &tmp.path().join("x")).unwrap(), None);
        assert_eq!(read(&target), "new");
        assert!(!new.exists());
    }

    #[test]
    fn the_portable_swap_swaps() {
        let tmp = tempfile::tempdir().unwrap();
        let target = folder_with(tmp.path(), "public", "old");
        let new = folder_with(tmp.path(), ".public.new", "new");
        let aside = tmp.path().join(".public.old");
        two_renames(&new, &target, &aside, &mut |a, b| fs::rename(a, b)).unwrap();
        assert_eq!(read(&target), "new");
        assert_eq!(read(&aside), "old");
    }

    #[test]
    fn a_failed_swap_restores_the_old_output() {
        let tmp = tempfile::tempdir().unwrap();
        let target = folder_with(tmp.path(), "public", "old");
        let new = folder_with(tmp.path(), ".public.new", "new");
        let aside = tmp.path().join(".public.old");
        let mut calls = 0;
        let err = two_renames(&new, &target, &aside, &mut |a, b| {
            calls += 1;
            if calls == 2 {
                Err(io::Error::other("disk full"))
            } else {
                fs::rename(a, b)
            }
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(calls, 3);
        assert_eq!(read(&target), "old");
        assert_eq!(read(&new), "new");
        assert!(!aside.exists());
    }
}

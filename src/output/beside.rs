//! The files answerbook keeps beside an output folder in the user's folder (the build cache,
//! the external-links cache): named `.public.answerbook-WHAT`, written whole to a new
//! temporary file renamed over the old one, and only ever over a plain file or nothing. A
//! symlink or a folder of that name, or anything already at the temporary name, is never
//! written through, replaced or removed.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// `.NAME.answerbook-WHAT` beside the output folder `target` (its resolved path).
pub fn beside(target: &Path, what: &str) -> PathBuf {
    let name = target
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    target.with_file_name(format!(".{name}.answerbook-{what}"))
}

/// Writes `bytes` to `path` through `PATH.tmp-PID`, created new (never opened if something is
/// already there). Refused when `path` is anything but a plain file or nothing.
pub fn replace_file(path: &Path, bytes: &[u8]) -> io::Result<()> {
    replace_file_with(path, |file| file.write_all(bytes))
}

/// [`replace_file`] with the bytes written by `write`, in as many pieces as it likes (a large
/// file need not be held in memory whole). Nothing replaces `path` unless `write` succeeds.
pub fn replace_file_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    if fs::symlink_metadata(path).is_ok_and(|meta| !meta.is_file()) {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            "not a plain file: left as it is",
        ));
    }
    let mut name = path.as_os_str().to_owned();
    name.push(format!(".tmp-{}", std::process::id()));
    let tmp = PathBuf::from(name);
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&tmp)?;
    write(&mut file)
        .and_then(|()| fs::rename(&tmp, path))
        .inspect_err(|_| {
            let _ = fs::remove_file(&tmp);
        })
}

/// Removes `path` if it is a plain file.
pub fn remove_file(path: &Path) {
    if fs::symlink_metadata(path).is_ok_and(|meta| meta.is_file()) {
        let _ = fs::remove_file(path);
    }
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::symlink;

    #[test]
    fn a_plain_file_or_nothing_is_replaced_and_no_temporary_file_stays() {
        let tmp = tempfile::tempdir().unwrap();
        let path = beside(&tmp.path().join("public"), "links");
        assert!(path.ends_with(".public.answerbook-links"));
        replace_file(&path, b"one").unwrap();
        replace_file(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
        remove_file(&path);
        assert!(!path.exists());
    }

    #[test]
    fn a_symlink_or_a_folder_of_that_name_is_never_written_through_replaced_or_removed() {
        let tmp = tempfile::tempdir().unwrap();
        let mine = tmp.path().join("notes.txt");
        fs::write(&mine, "the user's notes").unwrap();
        let link = beside(&tmp.path().join("public"), "links");
        symlink(&mine, &link).unwrap();
        assert!(replace_file(&link, b"cache").is_err());
        remove_file(&link);
        assert!(fs::symlink_metadata(&link).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&mine).unwrap(), "the user's notes");

        let folder = beside(&tmp.path().join("public"), "cache");
        fs::create_dir(&folder).unwrap();
        fs::write(folder.join("kept.txt"), "kept").unwrap();
        assert!(replace_file(&folder, b"cache").is_err());
        remove_file(&folder);
        assert_eq!(fs::read_to_string(folder.join("kept.txt")).unwrap(), "kept");
    }

    #[test]
    fn anything_at_the_temporary_name_is_left_alone() {
        let tmp = tempfile::tempdir().unwrap();
        let mine = tmp.path().join("notes.txt");
        fs::write(&mine, "the user's notes").unwrap();
        let path = tmp.path().join(".public.answerbook-links");
        let at_tmp = tmp.path().join(format!(
            ".public.answerbook-links.tmp-{}",
            std::process::id()
        ));
        symlink(&mine, &at_tmp).unwrap();
        assert!(replace_file(&path, b"cache").is_err());
        assert!(fs::symlink_metadata(&at_tmp).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&mine).unwrap(), "the user's notes");
        assert!(!path.exists());
    }

    #[test]
    fn a_folder_that_cannot_be_written_leaves_nothing_behind() {
        let tmp = tempfile::tempdir().unwrap();
        // A parent that is a file: no file can be made in it, even by root.
        let parent = tmp.path().join("a-file");
        fs::write(&parent, "x").unwrap();
        assert!(replace_file(&parent.join(".public.answerbook-cache"), b"cache").is_err());
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 1);
        assert_eq!(fs::read_to_string(&parent).unwrap(), "x");
    }
}

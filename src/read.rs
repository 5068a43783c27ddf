//! Reading a file whose length is already known from a stat taken just before (the walk's,
//! or phase one's read). `std::fs::read` asks for the length again (a `statx`) and, having
//! read that many bytes, reads once more to meet the end: two of its five system calls, for
//! every page read in both phases. Here a read that stops short of a buffer one byte longer
//! than the known length ends it, as a regular file's read does only at its end; a file that
//! grew or shrank since its stat is still read whole, only with more calls.

use std::io::{self, Read};
use std::path::Path;

/// The bytes of the file at `path`, which was `len` bytes long a moment ago.
pub(crate) fn known_length(path: &Path, len: u64) -> io::Result<Vec<u8>> {
    let mut file = std::fs::File::open(path)?;
    // One byte more than expected: a read that fills it finds the file has grown.
    let expected = usize::try_from(len).unwrap_or(usize::MAX - 1);
    let mut bytes = vec![0; expected.saturating_add(1).min(1 << 30)];
    let mut filled = 0;
    loop {
        if filled == bytes.len() {
            bytes.resize(bytes.len().saturating_mul(2).max(4096), 0);
        }
        match file.read(&mut bytes[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        }
        // The length the stat gave, in a read that asked for more: the end of the file.
        if filled == expected && filled < bytes.len() {
            break;
        }
    }
    bytes.truncate(filled);
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::known_length;

    /// Whatever length it is told, the file is read whole: the length it has, one shorter
    /// or longer (the file changed after its stat), none, or far off.
    #[test]
    fn a_file_is_read_whole_whatever_length_was_known() {
        let dir = tempfile::tempdir().unwrap();
        for size in [0usize, 1, 7, 4095, 4096, 4097, 100_000] {
            let path = dir.path().join(format!("f{size}"));
            let text: Vec<u8> = (0..size).map(|i| (i % 251) as u8).collect();
            std::fs::write(&path, &text).unwrap();
            for told in [0, 1, size.saturating_sub(1), size, size + 1, 2 * size + 3] {
                let read = known_length(&path, told as u64).unwrap();
                assert!(
                    read == text,
                    "{size} bytes read as {} when told {told}",
                    read.len()
                );
            }
        }
        let missing = dir.path().join("missing");
        let error = known_length(&missing, 3).unwrap_err();
        assert_eq!(error.kind(), std::io::ErrorKind::NotFound);
    }
}

//! Entries carried over from the last cache's body into the next, as they were read. A
//! one-page rebuild leaves the body as it is and marks which of its entries still hold (the
//! head, [`super::Cache::save_head`]); a build that writes a new body gets a copy of the bytes
//! the last one held for each such entry instead of encoding it again (by `copy_file_range`
//! where the system has it), in runs of consecutive entries. Only while the entry is what was
//! read and the word numbers its bytes hold still mean the same words.

use std::fs::File;
use std::io::{self, Seek, SeekFrom, Write};
use std::sync::atomic::{AtomicU32, Ordering};

/// Where the cache body read by one [`Cache::load`](super::Cache::load) holds an entry's
/// bytes, as they were read (`None`: the entry was made by this build, or changed since, or
/// came from the head).
/// Not part of what an entry says: any two compare equal.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadFrom(Option<Span>);

#[derive(Debug, Clone, Copy)]
struct Span {
    /// The [`Source::load`] the entry was read by.
    load: u32,
    /// Where its bytes start in that file, and how many there are.
    at: u64,
    len: u64,
    /// Which entry of the body it is, counting from 0.
    index: u32,
}

impl PartialEq for ReadFrom {
    fn eq(&self, _: &ReadFrom) -> bool {
        true
    }
}

impl Eq for ReadFrom {}

impl ReadFrom {
    pub(super) fn at(load: u32, at: u64, len: u64, index: u32) -> ReadFrom {
        ReadFrom(Some(Span {
            load,
            at,
            len,
            index,
        }))
    }
}

/// The cache body one [`Cache::load`](super::Cache::load) read, kept open: a later save
/// marks the entries that still hold in it, or copies them from it into a new body. Renaming
/// a new body over it leaves these bytes as they were (the open file is the old one), and
/// answerbook never writes a cache file in place.
#[derive(Debug)]
pub struct Source {
    file: File,
    /// Tells this load's [`ReadFrom`]s from those of any other load of the process.
    load: u32,
    /// How many bytes each word number takes in it.
    width: usize,
    /// The body's id (a head names the body it goes with) and how many entries it holds.
    pub(super) id: u64,
    pub(super) count: u32,
}

/// The [`Source::load`] of the next load.
static NEXT_LOAD: AtomicU32 = AtomicU32::new(1);

impl Source {
    /// A number for a new load, for its entries' [`ReadFrom`]s.
    pub(super) fn next_load() -> u32 {
        NEXT_LOAD.fetch_add(1, Ordering::Relaxed)
    }

    pub(super) fn new(file: File, load: u32, width: usize, id: u64, count: u32) -> Source {
        Source {
            file,
            load,
            width,
            id,
            count,
        }
    }

    /// This source, when the entries of a file whose word numbers are `width` bytes wide,
    /// numbering the same words (`renumbered` is `None`), may be copied from it.
    pub(super) fn usable(&self, width: usize, renumbered: bool) -> Option<&Source> {
        (width == self.width && !renumbered).then_some(self)
    }

    /// Where this source holds an entry's bytes (`read_from`), when this load read it.
    pub(super) fn holds(&self, read_from: ReadFrom) -> Option<(u64, u64)> {
        let span = read_from.0.filter(|span| span.load == self.load)?;
        Some((span.at, span.len))
    }

    /// This body, none of its entries marked as still holding yet.
    pub fn body(&self) -> super::BodyRef {
        super::BodyRef::new(self.id, self.count)
    }

    /// Which of this body's entries `read_from` is, when this load read it.
    pub fn index_of(&self, read_from: ReadFrom) -> Option<u32> {
        let span = read_from.0.filter(|span| span.load == self.load)?;
        Some(span.index)
    }
}

/// Encoded bytes, with runs of bytes of the source to copy in before some of them.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub(super) bytes: Vec<u8>,
    /// `(before, at, len)`: `len` bytes from `at` in the source go before `bytes[before..]`,
    /// in order.
    pub(super) copies: Vec<(usize, u64, u64)>,
}

impl Part {
    pub(super) fn of(bytes: Vec<u8>) -> Part {
        Part {
            bytes,
            copies: Vec::new(),
        }
    }

    /// Adds a copy of `len` bytes from `at` after what the part holds, joined to the copy
    /// before it when they follow each other in both files.
    pub(super) fn copy(&mut self, at: u64, len: u64) {
        let before = self.bytes.len();
        match self.copies.last_mut() {
            Some((b, a, l)) if *b == before && *a + *l == at => *l += len,
            _ => self.copies.push((before, at, len)),
        }
    }
}

/// Writes parts to a file, copying from `source` what they say, with copies that follow each
/// other (across parts too) made as one.
pub(super) struct PartWriter<'a> {
    file: &'a mut File,
    source: Option<&'a Source>,
    pending: Option<(u64, u64)>,
}

impl<'a> PartWriter<'a> {
    pub(super) fn new(file: &'a mut File, source: Option<&'a Source>) -> PartWriter<'a> {
        PartWriter {
            file,
            source,
            pending: None,
        }
    }

    pub(super) fn write(&mut self, part: &Part) -> io::Result<()> {
        let mut from = 0;
        for &(before, at, len) in &part.copies {
            self.bytes(&part.bytes[from..before])?;
            from = before;
            match self.pending {
                Some((a, l)) if a + l == at => self.pending = Some((a, l + len)),
                _ => {
                    self.flush()?;
                    self.pending = Some((at, len));
                }
            }
        }
        self.bytes(&part.bytes[from..])
    }

    fn bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        if !bytes.is_empty() {
            self.flush()?;
            self.file.write_all(bytes)?;
        }
        Ok(())
    }

    /// Makes the copy pending, if any.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        let Some((at, len)) = self.pending.take() else {
            return Ok(());
        };
        let Some(source) = self.source else {
            return Err(io::Error::other(
                "a cache entry to copy without the file it is in",
            ));
        };
        let mut from = &source.file;
        from.seek(SeekFrom::Start(at))?;
        // std copies file to file in the kernel (`copy_file_range`) where it can.
        let copied = io::copy(&mut io::Read::take(from, len), self.file)?;
        match copied == len {
            true => Ok(()),
            false => Err(io::Error::other("the last cache file ended early")),
        }
    }
}

#[cfg(test)]
mod tests;

//! The cache file's format: a magic line with the format's version; the header's length (8
//! bytes) and the header (the inputs and structure hashes, when it was written, every output
//! file, every page's related questions, the search words); then each entry as a byte 1, its length (4 bytes)
//! and its fields; then a byte 0. Numbers are LEB128 or little-endian, strings
//! length-prefixed UTF-8. Hand-written because it is read on every build and must cost little
//! more than the reading. Anything unexpected (another version, a truncated or corrupt file)
//! decodes to nothing, and the build goes on without a cache.

use rustc_hash::FxHashMap;
use std::io::{self, Write};

use super::{Entry, Made, Stat};
use crate::content::PageId;

/// Bumped whenever the format or the meaning of an entry changes.
const MAGIC: &[u8] = b"answerbook build cache, version 13\n";

/// Marks an entry in the file (one byte, then the entry's length in four); [`END`] follows
/// the last.
const ENTRY: u64 = 1;
const END: u64 = 0;

/// Writes `cache` to `out` ([`Encoder`]).
#[cfg(test)]
pub(super) fn encode(cache: &super::Cache, out: &mut impl Write) -> io::Result<()> {
    let mut encoder = Encoder::start(out, cache.inputs, cache.structure, cache.written_ns)?;
    encoder.outputs(&cache.outputs)?;
    let related = cache
        .related
        .as_ref()
        .map(|(h, lists)| (*h, lists.as_slice()));
    encoder.related(related)?;
    encoder.words(&cache.words)?;
    for (path, entry) in &cache.pages {
        encoder.entry(path, entry)?;
    }
    encoder.finish()
}

/// Writes a cache to `out` in pieces of about [`PIECE`] bytes: its header, its outputs, then
/// its entries one at a time, so that neither the bytes nor the entries need be held whole
/// (a build hands each entry over as it makes it, [`super::Cache::save_streamed`]).
pub(super) struct Encoder<'o, W: Write> {
    out: &'o mut W,
    w: Writer,
    /// The header (everything before the entries) is still being gathered: its length, in
    /// the 8 bytes after [`MAGIC`], is not known yet.
    header_open: bool,
    /// The bytes of an entry's word number ([`number_width`] of the header's words).
    width: usize,
}

/// How many words a cache's words ([`super::Cache::words`], separated by single spaces) are.
pub(super) fn word_count(words: &str) -> usize {
    match words.is_empty() {
        true => 0,
        false => memchr::memchr_iter(b' ', words.as_bytes()).count() + 1,
    }
}

/// The bytes each word number takes in an entry, by how many words the header has: two while
/// they fit, else four. Fixed, not LEB128, so that a page's few hundred numbers are read and
/// written as one run of bytes.
pub(super) fn number_width(words: usize) -> usize {
    if words <= 1 << 16 { 2 } else { 4 }
}

impl<'o, W: Write> Encoder<'o, W> {
    pub(super) fn start(
        out: &'o mut W,
        inputs: u64,
        structure: u64,
        written_ns: i128,
    ) -> io::Result<Self> {
        let mut w = Writer(Vec::with_capacity(2 * PIECE));
        w.0.extend_from_slice(MAGIC);
        w.0.extend_from_slice(&[0; 8]);
        w.u64(inputs);
        w.u64(structure);
        w.i128(written_ns);
        Ok(Encoder {
            out,
            w,
            header_open: true,
            width: number_width(0),
        })
    }

    /// Ends the header: its length goes before it, so that a reader takes it whole and then
    /// the entries one at a time.
    fn seal(&mut self) {
        if std::mem::take(&mut self.header_open) {
            let len = (self.w.0.len() - MAGIC.len() - 8) as u64;
            self.w.0[MAGIC.len()..MAGIC.len() + 8].copy_from_slice(&len.to_le_bytes());
        }
    }

    /// Every file of the output folder and what it was made from (once, before the entries;
    /// kept in memory with the rest of the header until the first entry).
    pub(super) fn outputs(&mut self, outputs: &FxHashMap<String, Made>) -> io::Result<()> {
        let w = &mut self.w;
        w.u64(outputs.len() as u64);
        for (path, made) in outputs {
            w.str(path);
            match made {
                Made::Page => w.u64(0),
                Made::Bytes(hash) => {
                    w.u64(1);
                    w.u64(*hash);
                }
                Made::Copy(stat) => {
                    w.u64(2);
                    w.stat(stat);
                }
            }
        }
        Ok(())
    }

    /// Every page's related questions and the hash they go with, if kept (once, after the
    /// outputs).
    pub(super) fn related(&mut self, related: Option<(u64, &[Vec<PageId>])>) -> io::Result<()> {
        let w = &mut self.w;
        let Some((hash, lists)) = related else {
            w.u64(0);
            return Ok(());
        };
        w.u64(1);
        w.u64(hash);
        w.u64(lists.len() as u64);
        for list in lists {
            w.u64(list.len() as u64);
            for id in list {
                w.u64(u64::from(id.0));
            }
        }
        Ok(())
    }

    /// The search words the entries number ([`super::Cache::words`]; once, after the
    /// related questions).
    pub(super) fn words(&mut self, words: &str) -> io::Result<()> {
        self.w.str(words);
        self.width = number_width(word_count(words));
        Ok(())
    }

    pub(super) fn entry(&mut self, path: &str, e: &Entry) -> io::Result<()> {
        self.seal();
        let w = &mut self.w;
        w.u64(ENTRY);
        // Its length, filled in once it is written.
        let at = w.0.len();
        w.0.extend_from_slice(&[0; 4]);
        w.str(path);
        w.stat(&e.stat);
        w.u64(e.hash);
        w.str(&e.title);
        w.u64(u64::from(e.draft));
        for date in [&e.date, &e.updated] {
            w.opt(date.as_ref().map(|d| d.machine.as_str()));
            w.opt(date.as_ref().map(|d| d.day.as_str()));
        }
        w.u64(e.body_offset as u64);
        w.u64(e.body_line as u64);
        w.opt(e.listed_summary.as_deref());
        w.opt(e.short_answer.as_deref());
        w.u64(e.ids.len() as u64);
        for id in &e.ids {
            w.str(id);
        }
        w.u64(e.anchors.len() as u64);
        for a in &e.anchors {
            w.str(&a.target.to_string_lossy());
            w.str(&a.fragment);
            w.str(&a.written);
            w.u64(a.line as u64);
        }
        w.u64(e.headings.len() as u64);
        for (id, text) in &e.headings {
            w.str(id);
            w.str(text);
        }
        w.u64(e.words.len() as u64);
        let start = w.0.len();
        w.0.resize(start + e.words.len() * self.width, 0);
        let room = &mut w.0[start..];
        match self.width {
            2 => room.chunks_exact_mut(2).zip(&e.words).for_each(|(to, &n)| {
                to.copy_from_slice(&(n as u16).to_le_bytes());
            }),
            _ => room.chunks_exact_mut(4).zip(&e.words).for_each(|(to, &n)| {
                to.copy_from_slice(&n.to_le_bytes());
            }),
        }
        w.u64(e.marks.len() as u64);
        for &(at, fields) in &e.marks {
            w.u64(u64::from(at));
            w.u64(u64::from(fields));
        }
        w.u64(e.tags.len() as u64);
        for tag in &e.tags {
            w.str(tag);
        }
        w.u64(e.links.len() as u64);
        for link in &e.links {
            w.str(&link.target);
            w.u64(u64::from(link.see_also));
        }
        w.opt(e.listing.as_deref());
        w.u64(e.includes.len() as u64);
        for (path, stat) in &e.includes {
            w.str(&path.to_string_lossy());
            w.stat(stat);
        }
        let len = u32::try_from(w.0.len() - at - 4)
            .map_err(|_| io::Error::other("a cache entry over 4 GiB"))?;
        w.0[at..at + 4].copy_from_slice(&len.to_le_bytes());
        w.spill(self.out)
    }

    /// Ends the file: without this mark, it does not decode.
    pub(super) fn finish(mut self) -> io::Result<()> {
        self.seal();
        self.w.u64(END);
        self.out.write_all(&self.w.0)
    }
}

/// About how many encoded bytes [`encode`] gathers before it writes them out.
const PIECE: usize = 64 * 1024;

struct Writer(Vec<u8>);

impl Writer {
    /// Writes out what was gathered once it reaches [`PIECE`] bytes.
    fn spill(&mut self, out: &mut impl Write) -> io::Result<()> {
        if self.0.len() >= PIECE {
            out.write_all(&self.0)?;
            self.0.clear();
        }
        Ok(())
    }

    /// A number in LEB128: seven bits a byte, low bits first, the high bit set on all but the
    /// last byte. Most numbers in a cache (lengths, lines, word positions) take one or two bytes.
    fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    fn i128(&mut self, v: i128) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    fn str(&mut self, s: &str) {
        self.u64(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }

    fn opt(&mut self, s: Option<&str>) {
        match s {
            None => self.u64(u64::MAX),
            Some(s) => self.str(s),
        }
    }

    fn stat(&mut self, s: &Stat) {
        self.u64(s.len);
        self.i128(s.mtime_ns);
        self.u64(s.ino);
    }
}

mod decode;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(super) use decode::decode;
pub(super) use decode::decode_from;

//! The cache file's format: a magic line with the format's version, then the cache as
//! little-endian integers and length-prefixed UTF-8 strings. Hand-written because it is read
//! on every build and must cost next to nothing: ten thousand entries decode in a few
//! milliseconds. Anything unexpected (another version, a truncated or corrupt file) decodes to
//! nothing, and the build goes on without a cache.

use rustc_hash::FxHashMap;
use std::io::{self, Read, Write};
use std::path::PathBuf;

use super::{Cache, CachedAnchor, Entry, Made, Stat};
use crate::content::PageId;
use crate::frontmatter::PageDate;

/// Bumped whenever the format or the meaning of an entry changes.
const MAGIC: &[u8] = b"answerbook build cache, version 12\n";

/// Marks an entry in the file (one byte, then the entry's length in four); [`END`] follows
/// the last.
const ENTRY: u64 = 1;
const END: u64 = 0;

/// Writes `cache` to `out` ([`Encoder`]).
#[cfg(test)]
pub(super) fn encode(cache: &Cache, out: &mut impl Write) -> io::Result<()> {
    let mut encoder = Encoder::start(out, cache.inputs, cache.structure, cache.written_ns)?;
    encoder.outputs(&cache.outputs)?;
    let related = cache
        .related
        .as_ref()
        .map(|(h, lists)| (*h, lists.as_slice()));
    encoder.related(related)?;
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
        w.str(&e.words);
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

/// A cache from its bytes ([`decode_from`]).
#[cfg(test)]
pub(super) fn decode(bytes: &[u8]) -> Option<Cache> {
    decode_from(&mut &bytes[..])
}

/// Reads a cache: the header whole, then one entry at a time into the same buffer, so that
/// a large cache is never held as bytes and as entries at once.
pub(super) fn decode_from(input: &mut impl Read) -> Option<Cache> {
    let mut magic = [0; MAGIC.len()];
    input.read_exact(&mut magic).ok()?;
    if magic != MAGIC {
        return None;
    }
    let mut buf = Vec::new();
    let header_len = u64::from_le_bytes(read_array(input)?);
    read_exactly(input, header_len, &mut buf)?;
    let mut r = Reader(&buf);
    let mut cache = Cache {
        inputs: r.u64()?,
        structure: r.u64()?,
        written_ns: r.i128()?,
        ..Cache::default()
    };
    let outputs = r.len()?;
    let mut made_by = FxHashMap::with_capacity_and_hasher(outputs, Default::default());
    for _ in 0..outputs {
        let path = r.str()?;
        let made = match r.u64()? {
            0 => Made::Page,
            1 => Made::Bytes(r.u64()?),
            2 => Made::Copy(r.stat()?),
            _ => return None,
        };
        made_by.insert(path, made);
    }
    // About one entry for each question's page.
    let questions = made_by.values().filter(|m| matches!(m, Made::Page)).count();
    cache.pages.reserve(questions);
    cache.outputs = made_by;
    cache.related = match r.u64()? {
        0 => None,
        1 => {
            let hash = r.u64()?;
            let lists = (0..r.len()?)
                .map(|_| {
                    (0..r.len()?)
                        .map(|_| Some(PageId(u32::try_from(r.u64()?).ok()?)))
                        .collect::<Option<Vec<_>>>()
                })
                .collect::<Option<Vec<_>>>()?;
            Some((hash, lists))
        }
        _ => return None,
    };
    if !r.0.is_empty() {
        return None;
    }
    loop {
        match read_array::<1>(input)? {
            [1] => {}
            [0] => break,
            _ => return None,
        }
        let len = u32::from_le_bytes(read_array(input)?);
        read_exactly(input, u64::from(len), &mut buf)?;
        let (path, entry) = decode_entry(&buf)?;
        cache.pages.insert(path, entry);
    }
    // Nothing after the end.
    let at_end = input.read(&mut [0]).ok()? == 0;
    at_end.then_some(cache)
}

fn read_array<const N: usize>(input: &mut impl Read) -> Option<[u8; N]> {
    let mut bytes = [0; N];
    input.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// Reads exactly `len` bytes into `buf` (emptied first); a length beyond the end of the
/// input (a damaged file) reads no more than the input holds.
fn read_exactly(input: &mut impl Read, len: u64, buf: &mut Vec<u8>) -> Option<()> {
    buf.clear();
    input.take(len).read_to_end(buf).ok()?;
    (buf.len() as u64 == len).then_some(())
}

/// One entry ([`Encoder::entry`]), which must take all of `body`.
fn decode_entry(body: &[u8]) -> Option<(String, Entry)> {
    let mut r = Reader(body);
    let path = r.str()?;
    let stat = r.stat()?;
    let hash = r.u64()?;
    let title = r.str()?;
    let draft = r.u64()? != 0;
    let date = r.date()?;
    let updated = r.date()?;
    let body_offset = usize::try_from(r.u64()?).ok()?;
    let body_line = usize::try_from(r.u64()?).ok()?;
    let listed_summary = r.opt()?;
    let short_answer = r.opt()?;
    let ids = (0..r.len()?).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
    let anchors = (0..r.len()?)
        .map(|_| {
            Some(CachedAnchor {
                target: PathBuf::from(r.str()?),
                fragment: r.str()?,
                written: r.str()?,
                line: usize::try_from(r.u64()?).ok()?,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let headings = (0..r.len()?)
        .map(|_| Some((r.str()?, r.str()?)))
        .collect::<Option<Vec<_>>>()?;
    let words = r.str()?;
    let marks = (0..r.len()?)
        .map(|_| Some((u32::try_from(r.u64()?).ok()?, u32::try_from(r.u64()?).ok()?)))
        .collect::<Option<Vec<_>>>()?;
    let tags = (0..r.len()?).map(|_| r.str()).collect::<Option<Vec<_>>>()?;
    let links = (0..r.len()?)
        .map(|_| {
            Some(crate::related::OutLink {
                target: r.str()?,
                see_also: r.u64()? != 0,
            })
        })
        .collect::<Option<Vec<_>>>()?;
    let listing = r.opt()?;
    let includes = (0..r.len()?)
        .map(|_| Some((PathBuf::from(r.str()?), r.stat()?)))
        .collect::<Option<Vec<_>>>()?;
    let entry = Entry {
        stat,
        hash,
        title,
        draft,
        date,
        updated,
        body_offset,
        body_line,
        listed_summary,
        short_answer,
        ids,
        anchors,
        headings,
        words,
        marks,
        tags,
        links,
        listing,
        includes,
    };
    r.0.is_empty().then_some((path, entry))
}

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

struct Reader<'a>(&'a [u8]);

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    fn u64(&mut self) -> Option<u64> {
        let mut v = 0u64;
        for (i, &byte) in self.0.iter().enumerate().take(10) {
            v |= u64::from(byte & 0x7f) << (7 * i);
            if byte & 0x80 == 0 {
                self.0 = &self.0[i + 1..];
                return Some(v);
            }
        }
        None
    }

    fn i128(&mut self) -> Option<i128> {
        Some(i128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }

    /// A count of items, each at least one byte long: never more than the bytes left.
    fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }

    fn str(&mut self) -> Option<String> {
        let n = usize::try_from(self.u64()?).ok()?;
        String::from_utf8(self.take(n)?.to_vec()).ok()
    }

    fn opt(&mut self) -> Option<Option<String>> {
        let n = self.u64()?;
        if n == u64::MAX {
            return Some(None);
        }
        let n = usize::try_from(n).ok()?;
        Some(Some(String::from_utf8(self.take(n)?.to_vec()).ok()?))
    }

    fn stat(&mut self) -> Option<Stat> {
        Some(Stat {
            len: self.u64()?,
            mtime_ns: self.i128()?,
            ino: self.u64()?,
        })
    }

    fn date(&mut self) -> Option<Option<PageDate>> {
        match (self.opt()?, self.opt()?) {
            (Some(machine), Some(day)) => Some(Some(PageDate { machine, day })),
            (None, None) => Some(None),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests;

//! Reading a cache file back ([`super::Encoder`] wrote it): the header whole, then the entries
//! a block of bytes at a time, each block's on every thread.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::Read;
use std::path::PathBuf;

use super::reader::Reader;
use super::{BODY_MAGIC, BodyRef, END, ENTRY, MAGIC, number_width, word_count};
use crate::cache::{Cache, CachedAnchor, Entry, Made, ReadFrom};
use crate::content::PageId;

/// A cache from its bytes ([`decode_from`]).
#[cfg(test)]
pub(in crate::cache) fn decode(bytes: &[u8]) -> Option<Cache> {
    decode_from(&mut &bytes[..], None).map(|(cache, _)| cache)
}

/// Reads a cache's head: the header whole, then its entries a block at a time ([`entries`]),
/// and the body it goes with, if any ([`decode_body`] reads that); none of the entries when
/// its inputs are not `inputs` (another configuration, theme or binary wrote it: the build
/// could use none of them).
pub(in crate::cache) fn decode_from(
    input: &mut (impl Read + Send),
    inputs: Option<u64>,
) -> Option<(Cache, Option<BodyRef>)> {
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
    if inputs.is_some_and(|inputs| inputs != cache.inputs) {
        return None;
    }
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
            let lists = r.list(|r| r.list(|r| Some(PageId(u32::try_from(r.u64()?).ok()?))))?;
            Some((hash, lists))
        }
        _ => return None,
    };
    cache.words = r.str()?;
    let body = match r.u64()? {
        0 => None,
        1 => {
            let id = u64::from_le_bytes(r.take(8)?.try_into().ok()?);
            let count = u32::try_from(r.u64()?).ok()?;
            let kept = r.take((count as usize).div_ceil(8))?.to_vec();
            Some(BodyRef { id, count, kept })
        }
        _ => return None,
    };
    // Entries number the words: each number must be one of them.
    let words = word_count(&cache.words);
    if !r.0.is_empty() {
        return None;
    }
    entries(input, &mut cache.pages, words, None, None)?;
    Some((cache, body))
}

/// Reads the body `body` names into `pages`: the entries it says still hold, each noting
/// where its bytes are ([`ReadFrom`], under the number `load`). Nothing unless the body is
/// the one named, its word numbers are as wide as `words` words take, and it holds as many
/// entries as the head says. `input` is the whole file, read from its start.
pub(in crate::cache) fn decode_body(
    input: &mut (impl Read + Send),
    body: &BodyRef,
    words: usize,
    load: u32,
    pages: &mut FxHashMap<String, Box<Entry>>,
) -> Option<()> {
    let start: [u8; BODY_MAGIC.len() + 9] = read_array(input)?;
    let (magic, rest) = start.split_at(BODY_MAGIC.len());
    let (id, width) = rest.split_at(8);
    let named = magic == BODY_MAGIC && u64::from_le_bytes(id.try_into().ok()?) == body.id;
    if !named || usize::from(width[0]) != number_width(words) {
        return None;
    }
    let at = start.len() as u64;
    let count = entries(input, pages, words, Some((load, at)), Some(body))?;
    (count == body.count).then_some(())
}

/// How many bytes of entries are read at a time.
pub(super) const BLOCK: usize = 1 << 20;

/// Reads the entries and the end mark, a block of bytes at a time: the whole entries of a
/// block are decoded on every thread while the next block is read and the entries before
/// are put in `pages`. Only the entry cut at a block's end is read twice (once more than it
/// takes to be whole), so that a cache is never held whole as bytes.
///
/// `from`: the load's number and where in the file the entries start, for each entry's
/// [`ReadFrom`]. `kept`: the entries to read, by their place (the others are skipped unread).
/// How many entries there were, read or not.
fn entries(
    input: &mut (impl Read + Send),
    pages: &mut FxHashMap<String, Box<Entry>>,
    words: usize,
    from: Option<(u32, u64)>,
    kept: Option<&BodyRef>,
) -> Option<u32> {
    // Where the block starts in the file, and how many entries came before it.
    let mut block_at = from.map_or(0, |(_, at)| at);
    let mut before = 0usize;
    let width = number_width(words);
    let (mut block, mut next) = (Vec::new(), Vec::new());
    let mut decoded = Vec::new();
    read_more(input, &mut block, BLOCK)?;
    loop {
        let cut = Cut::of(&block)?;
        next.clear();
        next.extend_from_slice(&block[cut.rest..]);
        let spans = &cut.entries;
        let (now, read) = rayon::join(
            || {
                // Indexed throughout (an entry skipped is a `None`): a filtered parallel
                // iterator collects through lists of pieces.
                spans
                    .par_iter()
                    .enumerate()
                    .map(|(i, span)| {
                        if kept.is_some_and(|k| !k.keeps(before + i)) {
                            return Some(None);
                        }
                        let (path, mut entry) = decode_entry(&block[span.clone()], words, width)?;
                        if let Some((load, _)) = from {
                            // The whole entry: its mark and length, then its body.
                            let at = block_at + (span.start - ENTRY_HEAD) as u64;
                            let len = (span.len() + ENTRY_HEAD) as u64;
                            let index = u32::try_from(before + i).ok()?;
                            entry.read_from = ReadFrom::at(load, at, len, index);
                        }
                        Some(Some((path, entry)))
                    })
                    .collect::<Option<Vec<_>>>()
            },
            || {
                pages.extend(decoded.drain(..).flatten());
                match cut.ended {
                    // Nothing after the end.
                    true => (next.len() == 1 && input.read(&mut [0]).ok()? == 0).then_some(0),
                    false => read_more(input, &mut next, BLOCK + cut.missing),
                }
            },
        );
        decoded = now?;
        let read = read?;
        before += spans.len();
        if cut.ended {
            pages.extend(decoded.into_iter().flatten());
            return u32::try_from(before).ok();
        }
        // A file that ends before its end mark.
        if read == 0 {
            return None;
        }
        block_at += cut.rest as u64;
        std::mem::swap(&mut block, &mut next);
    }
}

/// The bytes of an entry before its body: its mark, then its length (four bytes).
const ENTRY_HEAD: usize = 5;

/// Where a block of bytes parts into whole entries and the rest.
struct Cut {
    /// The bodies of the whole entries.
    entries: Vec<std::ops::Range<usize>>,
    /// Where the rest starts: an entry cut at the end of the block, or the end mark.
    rest: usize,
    /// How many bytes the entry cut at the end lacks, when its length is in the block.
    missing: usize,
    /// Whether the rest is the end mark.
    ended: bool,
}

impl Cut {
    fn of(block: &[u8]) -> Option<Cut> {
        let mut cut = Cut {
            entries: Vec::new(),
            rest: 0,
            missing: 0,
            ended: false,
        };
        loop {
            let at = cut.rest;
            match block.get(at).map(|&b| u64::from(b)) {
                Some(ENTRY) => {}
                Some(END) => cut.ended = true,
                Some(_) => return None,
                None => {}
            }
            let Some(len) = block.get(at + 1..at + 5).filter(|_| !cut.ended) else {
                return Some(cut);
            };
            let end = at + ENTRY_HEAD + u32::from_le_bytes(len.try_into().ok()?) as usize;
            if end > block.len() {
                cut.missing = end - block.len();
                return Some(cut);
            }
            cut.entries.push(at + ENTRY_HEAD..end);
            cut.rest = end;
        }
    }
}

/// Reads up to `len` more bytes onto the end of `buf`: how many there were.
fn read_more(input: &mut impl Read, buf: &mut Vec<u8>, len: usize) -> Option<usize> {
    make_room(buf, len as u64);
    input.take(len as u64).read_to_end(buf).ok()
}

/// Room in `buf` for `len` more bytes, up to a bound (a damaged file may say any length): read
/// into a list grown as it fills, a cache is copied again and again, into fresh memory.
fn make_room(buf: &mut Vec<u8>, len: u64) {
    const MOST: u64 = 1 << 26;
    buf.reserve(len.min(MOST) as usize);
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
    make_room(buf, len);
    input.take(len).read_to_end(buf).ok()?;
    (buf.len() as u64 == len).then_some(())
}

/// One entry ([`Encoder::entry`]), which must take all of `body`, numbering no more than
/// `words` words, each number `width` bytes.
fn decode_entry(body: &[u8], words: usize, width: usize) -> Option<(String, Box<Entry>)> {
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
    let short_answer = r.opt()?;
    let listed_summary = r.summary()?;
    let ids = r.list(Reader::str)?;
    let anchors = r.list(|r| {
        Some(CachedAnchor {
            target: PathBuf::from(r.str()?),
            fragment: r.str()?,
            written: r.str()?,
            line: usize::try_from(r.u64()?).ok()?,
        })
    })?;
    let headings = r.list(|r| Some((r.str()?, r.str()?)))?;
    let words = r.numbers(words, width)?;
    let marks = r.list(|r| Some((u32::try_from(r.u64()?).ok()?, u32::try_from(r.u64()?).ok()?)))?;
    let tags = r.list(Reader::str)?;
    let links = r.list(|r| {
        Some(crate::related::OutLink {
            target: r.str()?,
            see_also: r.u64()? != 0,
        })
    })?;
    let listing = r.opt()?;
    let includes = r.list(|r| Some((PathBuf::from(r.str()?), r.stat()?)))?;
    let entry = Box::new(Entry {
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
        read_from: Default::default(),
    });
    r.0.is_empty().then_some((path, entry))
}

//! The cache's two files. The head ([`header`], then entries, then the end): a magic line
//! with the format's version; the header's length (8 bytes) and the header (the inputs and
//! structure hashes, when it was written, every output file, every page's related questions,
//! the search words, and the body it goes with, [`BodyRef`]); then the entries that changed
//! since that body was written, each as a byte 1, its length (4 bytes) and its fields; then a
//! byte 0. The body ([`body_start`]): a magic line of its own, its id (8 bytes), the width of
//! its word numbers (1 byte), then entries and the end as in the head. Numbers are LEB128 or
//! little-endian, strings length-prefixed UTF-8 (a listed summary that is the short answer is
//! marked [`SAME`]). Each entry's length lets a reader cut a block of bytes into entries
//! without reading them, so that entries are written and read on every thread. Hand-written
//! because it is read on every build and must cost little more than the reading. Anything
//! unexpected (another version, a truncated or corrupt file, a body the head does not name)
//! decodes to nothing, and the build goes on without a cache.

use rayon::prelude::*;
use std::io;
#[cfg(test)]
use std::io::Write;
use std::sync::Mutex;

use super::Entry;
use super::carry::{Part, Source};
use encode::{Numbers, Writer};

/// Bumped whenever the format or the meaning of an entry changes.
const MAGIC: &[u8] = b"answerbook build cache, version 16\n";

/// The first line of a cache's body, bumped with [`MAGIC`].
const BODY_MAGIC: &[u8] = b"answerbook build cache body, version 16\n";

/// Marks an entry in the file (one byte, then the entry's length in four); [`END`] follows
/// the last.
const ENTRY: u64 = 1;
pub(super) const END: u64 = 0;

/// Written for a listed summary that is the short answer before it (where a length would
/// be); read back as no summary apart from it ([`Entry::listed_summary`]).
const SAME: u64 = u64::MAX - 1;

/// Writes `cache` to `out` ([`Encoder`]).
#[cfg(test)]
pub(super) fn encode(cache: &super::Cache, out: &mut (impl Write + Send)) -> io::Result<()> {
    let header = super::Header {
        inputs: cache.inputs,
        structure: cache.structure,
        outputs: &cache.outputs,
        related: cache
            .related
            .as_ref()
            .map(|(h, lists)| (*h, lists.as_slice())),
        words: &cache.words,
        renumbered: None,
    };
    out.write_all(&self::header(&header, cache.written_ns, None))?;
    let spares = Spares::default();
    let mut sink = |part: Part| {
        // Without a file read, nothing is copied.
        assert!(part.copies.is_empty());
        out.write_all(&part.bytes)?;
        spares.give(part.bytes);
        Ok(())
    };
    let mut encoder = Encoder::new(&mut sink, &spares, &header, None);
    let entries: Vec<_> = cache.pages.iter().collect();
    encoder.entries(
        entries
            .into_par_iter()
            .map(|(path, entry)| Some((path.as_str(), entry.clone(), false))),
        &mut Vec::new(),
    )?;
    encoder.finish().map(drop)
}

/// The header of a cache's head, whole: the magic line, the header's length, the hashes, when
/// it was written, every file of the output folder and what it was made from, every page's
/// related questions, the search words, the body it goes with (if any).
pub(super) fn header(
    header: &super::Header<'_>,
    written_ns: i128,
    body: Option<&BodyRef>,
) -> Vec<u8> {
    // Made at about its full size: a rebuild writes a head every time, and one grown as it
    // fills is copied again and again (every output file's path is in it).
    let paths: usize = header.outputs.keys().map(|path| path.len() + 12).sum();
    let related = header.related.map_or(0, |(_, lists)| lists.len() * 8);
    let room = MAGIC.len() + 64 + paths + related + header.words.len();
    let mut w = Writer(Vec::with_capacity(room));
    w.0.extend_from_slice(MAGIC);
    w.0.extend_from_slice(&[0; 8]);
    w.u64(header.inputs);
    w.u64(header.structure);
    w.i128(written_ns);
    w.outputs(header.outputs);
    w.related(header.related);
    w.str(header.words);
    match body {
        None => w.u64(0),
        Some(body) => {
            w.u64(1);
            w.0.extend_from_slice(&body.id.to_le_bytes());
            w.u64(u64::from(body.count));
            w.0.extend_from_slice(&body.kept);
        }
    }
    let len = (w.0.len() - MAGIC.len() - 8) as u64;
    w.0[MAGIC.len()..MAGIC.len() + 8].copy_from_slice(&len.to_le_bytes());
    w.0
}

/// The start of a cache's body: its magic line, its id, the width of its word numbers.
pub(super) fn body_start(id: u64, width: usize) -> Vec<u8> {
    let mut bytes = BODY_MAGIC.to_vec();
    bytes.extend_from_slice(&id.to_le_bytes());
    bytes.push(width as u8);
    bytes
}

/// The body a head goes with: its id, how many entries it holds, and which of them still hold
/// (a bit each, in order). The others changed or went away: the head holds what they are now,
/// if anything.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BodyRef {
    pub(super) id: u64,
    pub(super) count: u32,
    /// Bit `i % 8` of byte `i / 8`: whether entry `i` still holds.
    pub(super) kept: Vec<u8>,
}

impl BodyRef {
    /// A body of `count` entries, none of them kept yet.
    pub fn new(id: u64, count: u32) -> BodyRef {
        BodyRef {
            id,
            count,
            kept: vec![0; (count as usize).div_ceil(8)],
        }
    }

    /// A body of `count` entries, every one of them kept.
    pub(super) fn whole(id: u64, count: u32) -> BodyRef {
        let mut body = BodyRef::new(id, count);
        (0..count).for_each(|i| body.keep(i));
        body
    }

    /// How many entries the body holds.
    pub fn count(&self) -> u32 {
        self.count
    }

    /// Marks entry `index` as still holding.
    pub fn keep(&mut self, index: u32) {
        if let Some(byte) = self.kept.get_mut(index as usize / 8) {
            *byte |= 1 << (index % 8);
        }
    }

    pub(super) fn keeps(&self, index: usize) -> bool {
        self.kept
            .get(index / 8)
            .is_some_and(|byte| byte >> (index % 8) & 1 == 1)
    }
}

/// Writes the entries of a cache in parts (after its [`header`]), each handed to a sink as
/// soon as it is made, a batch at a time ([`Encoder::entries`]); then the end. Neither the
/// bytes nor the entries need be held whole (a build hands its entries over a batch at a
/// time, [`super::Cache::save_streamed`]).
pub struct Encoder<'s> {
    sink: &'s mut (dyn FnMut(Part) -> io::Result<()> + Send),
    /// Where the sink hands back the parts it is done with, to be filled again.
    spares: &'s Spares,
    /// How the entries' word numbers are written.
    numbers: Numbers<'s>,
    /// The body the last cache was read from, when its entries' bytes may be copied as they
    /// are: their word numbers mean the same words, as wide.
    carry: Option<&'s Source>,
    /// How many entries it wrote.
    count: u32,
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

/// What [`Encoder::entries`] hands back of an entry it wrote.
#[derive(Debug, PartialEq)]
pub enum Spent {
    /// Its word numbers.
    Words(crate::render::WordNumbers),
    /// The whole of it: an entry read from the last cache, whose memory the build held from
    /// its start (freeing a rebuild's 10,000 entries one by one was a tenth of its time).
    Entry(Box<Entry>),
}

impl<'s> Encoder<'s> {
    /// An encoder of the entries of a cache whose header is `header`.
    pub(super) fn new(
        sink: &'s mut (dyn FnMut(Part) -> io::Result<()> + Send),
        spares: &'s Spares,
        header: &super::Header<'s>,
        source: Option<&'s Source>,
    ) -> Self {
        let numbers = Numbers {
            again: header.renumbered,
            width: number_width(word_count(header.words)),
        };
        let carry = source.and_then(|s| s.usable(numbers.width, numbers.again.is_some()));
        Encoder {
            sink,
            spares,
            numbers,
            carry,
            count: 0,
        }
    }

    /// Writes a batch of entries, in order, leaving out the `None`s. They are made (the
    /// iterator's work) and encoded [`RUN`] at a time on every thread; each run's bytes go
    /// to the sink in order. What is left of each entry goes to `spent` for the caller to
    /// free when it likes ([`Spent`]): the whole entry when its flag is set, else its word
    /// numbers alone (most of its memory, and taken from a build's search data), the rest
    /// dropped as soon as it is encoded.
    pub fn entries<'k>(
        &mut self,
        entries: impl IndexedParallelIterator<Item = Option<(&'k str, Box<Entry>, bool)>>,
        spent: &mut Vec<Spent>,
    ) -> io::Result<()> {
        let (numbers, spares, carry) = (self.numbers, self.spares, self.carry);
        let runs: Vec<io::Result<(Part, Vec<Spent>)>> = entries
            .fold_chunks(
                RUN,
                || Ok((Part::of(spares.take()), Vec::new())),
                |run, item| {
                    let (mut part, mut kept) = run?;
                    if let Some((path, mut entry, whole)) = item {
                        match carry.and_then(|source| source.holds(entry.read_from)) {
                            Some((at, len)) => part.copy(at, len),
                            None => {
                                let mut w = Writer(std::mem::take(&mut part.bytes));
                                w.entry(path, &entry, &numbers)?;
                                part.bytes = w.0;
                            }
                        }
                        kept.push(match whole {
                            true => Spent::Entry(entry),
                            false => Spent::Words(std::mem::take(&mut entry.words)),
                        });
                    }
                    Ok((part, kept))
                },
            )
            .collect();
        for run in runs {
            let (run, kept) = run?;
            self.count = (self.count.checked_add(kept.len() as u32))
                .ok_or_else(|| io::Error::other("a cache of over 4 billion entries"))?;
            spent.extend(kept);
            if !run.bytes.is_empty() || !run.copies.is_empty() {
                (self.sink)(run)?;
            }
        }
        Ok(())
    }

    /// Ends the file (without this mark, it does not decode): how many entries it holds.
    pub(super) fn finish(self) -> io::Result<u32> {
        (self.sink)(Part::of(vec![END as u8]))?;
        Ok(self.count)
    }
}

/// The buffers of parts written out, to be filled again: a cache is written through a few
/// buffers, not through as much new memory as it is long.
#[derive(Default)]
pub(super) struct Spares(Mutex<Vec<Vec<u8>>>);

impl Spares {
    /// A part written out, emptied for another (kept while there are few).
    pub(super) fn give(&self, mut part: Vec<u8>) {
        part.clear();
        let mut spares = self.0.lock().unwrap_or_else(|e| e.into_inner());
        if spares.len() < SPARES {
            spares.push(part);
        }
    }

    fn take(&self) -> Vec<u8> {
        let mut spares = self.0.lock().unwrap_or_else(|e| e.into_inner());
        spares.pop().unwrap_or_default()
    }
}

/// How many buffers [`Spares`] keeps.
const SPARES: usize = 256;

/// How many entries are encoded into one part (about 64 KiB at a typical site's 2 KiB an
/// entry): enough to be worth a thread's while, few enough to keep every thread busy.
const RUN: usize = 32;

mod decode;
mod encode;
mod reader;
#[cfg(test)]
mod tests;

#[cfg(test)]
pub(super) use decode::decode;
pub(super) use decode::{decode_body, decode_from};

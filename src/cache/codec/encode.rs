//! Encoding a cache's parts into bytes ([`super::Encoder`] hands them out).

use rustc_hash::FxHashMap;
use std::io;

use super::{ENTRY, SAME};
use crate::cache::{Entry, Made, Stat};
use crate::content::PageId;

/// How an entry's word numbers are written: each number's new one, when the words were
/// numbered again ([`crate::cache::Header::renumbered`]), in `width` bytes (2 or 4,
/// little-endian).
#[derive(Clone, Copy)]
pub(super) struct Numbers<'a> {
    pub(super) again: Option<&'a [u32]>,
    pub(super) width: usize,
}

/// Bytes being gathered for a part of a cache file.
pub(super) struct Writer(pub(super) Vec<u8>);

impl Writer {
    /// Every file of the output folder and what it was made from.
    pub(super) fn outputs(&mut self, outputs: &FxHashMap<String, Made>) {
        self.u64(outputs.len() as u64);
        for (path, made) in outputs {
            self.str(path);
            match made {
                Made::Page => self.u64(0),
                Made::Bytes(hash) => {
                    self.u64(1);
                    self.u64(*hash);
                }
                Made::Copy(stat) => {
                    self.u64(2);
                    self.stat(stat);
                }
            }
        }
    }

    /// Every page's related questions and the hash they go with, if kept.
    pub(super) fn related(&mut self, related: Option<(u64, &[Vec<PageId>])>) {
        let Some((hash, lists)) = related else {
            self.u64(0);
            return;
        };
        self.u64(1);
        self.u64(hash);
        self.u64(lists.len() as u64);
        for list in lists {
            self.u64(list.len() as u64);
            for id in list {
                self.u64(u64::from(id.0));
            }
        }
    }

    /// One entry: [`ENTRY`], its length, its fields; its word numbers as `words` says.
    pub(super) fn entry(&mut self, path: &str, e: &Entry, words: &Numbers<'_>) -> io::Result<()> {
        self.u64(ENTRY);
        // Its length, filled in once it is written.
        let at = self.0.len();
        self.0.extend_from_slice(&[0; 4]);
        self.str(path);
        self.stat(&e.stat);
        self.u64(e.hash);
        self.str(&e.title);
        self.u64(u64::from(e.draft));
        for date in [&e.date, &e.updated] {
            self.opt(date.as_ref().map(|d| d.machine.as_str()));
            self.opt(date.as_ref().map(|d| d.day.as_str()));
        }
        self.u64(e.body_offset as u64);
        self.u64(e.body_line as u64);
        // Its short answer, then what a listing shows, most often the same text: then a mark.
        self.opt(e.short_answer.as_deref());
        match &e.listed_summary {
            Some(summary) if e.short_answer.as_ref() == Some(summary) => self.u64(SAME),
            summary => self.opt(summary.as_deref()),
        }
        self.u64(e.ids.len() as u64);
        for id in &e.ids {
            self.str(id);
        }
        self.u64(e.anchors.len() as u64);
        for a in &e.anchors {
            self.str(&a.target.to_string_lossy());
            self.str(&a.fragment);
            self.str(&a.written);
            self.u64(a.line as u64);
        }
        self.u64(e.headings.len() as u64);
        for (id, text) in &e.headings {
            self.str(id);
            self.str(text);
        }
        self.numbers(&e.words, words);
        self.u64(e.marks.len() as u64);
        for &(at, fields) in &e.marks {
            self.u64(u64::from(at));
            self.u64(u64::from(fields));
        }
        self.u64(e.tags.len() as u64);
        for tag in &e.tags {
            self.str(tag);
        }
        self.u64(e.links.len() as u64);
        for link in &e.links {
            self.str(&link.target);
            self.u64(u64::from(link.see_also));
        }
        self.opt(e.listing.as_deref());
        self.u64(e.includes.len() as u64);
        for (path, stat) in &e.includes {
            self.str(&path.to_string_lossy());
            self.stat(stat);
        }
        let len = u32::try_from(self.0.len() - at - 4)
            .map_err(|_| io::Error::other("a cache entry over 4 GiB"))?;
        self.0[at..at + 4].copy_from_slice(&len.to_le_bytes());
        Ok(())
    }

    /// A count, then that many word numbers, numbered again and written as `words` says.
    fn numbers(&mut self, numbers: &crate::render::WordNumbers, words: &Numbers<'_>) {
        self.u64(numbers.len() as u64);
        let start = self.0.len();
        self.0.resize(start + numbers.len() * words.width, 0);
        let room = &mut self.0[start..];
        let again = |n: u32| words.again.map_or(n, |again| again[n as usize]);
        match words.width {
            2 => room
                .chunks_exact_mut(2)
                .zip(numbers.iter())
                .for_each(|(to, n)| {
                    to.copy_from_slice(&(again(n) as u16).to_le_bytes());
                }),
            _ => room
                .chunks_exact_mut(4)
                .zip(numbers.iter())
                .for_each(|(to, n)| {
                    to.copy_from_slice(&again(n).to_le_bytes());
                }),
        }
    }

    /// A number in LEB128: seven bits a byte, low bits first, the high bit set on all but the
    /// last byte. Most numbers in a cache (lengths, lines, word positions) take one or two bytes.
    pub(super) fn u64(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.0.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    pub(super) fn i128(&mut self, v: i128) {
        self.0.extend_from_slice(&v.to_le_bytes());
    }

    pub(super) fn str(&mut self, s: &str) {
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

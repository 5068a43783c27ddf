//! The reader of a cache file's numbers, strings and lists ([`super::decode`]), each of them
//! checked: a damaged file gives `None`, never a panic nor a list longer than the bytes left.

use crate::cache::Stat;
use crate::frontmatter::PageDate;
use crate::render::WordNumbers;

use super::SAME;

pub(super) struct Reader<'a>(pub(super) &'a [u8]);

impl<'a> Reader<'a> {
    pub(super) fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.0.len() < n {
            return None;
        }
        let (head, rest) = self.0.split_at(n);
        self.0 = rest;
        Some(head)
    }

    pub(super) fn u64(&mut self) -> Option<u64> {
        // Most numbers (lengths, word places, fields) take one byte.
        if let Some((&byte, rest)) = self.0.split_first()
            && byte < 0x80
        {
            self.0 = rest;
            return Some(u64::from(byte));
        }
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

    pub(super) fn i128(&mut self) -> Option<i128> {
        Some(i128::from_le_bytes(self.take(16)?.try_into().ok()?))
    }

    /// A count, then that many numbers of `width` bytes (2 or 4, little-endian), each below
    /// `below`.
    pub(super) fn numbers(&mut self, below: usize, width: usize) -> Option<WordNumbers> {
        let n = self.len()?;
        let bytes = self.take(n.checked_mul(width)?)?;
        let numbers = WordNumbers::from_le_bytes(bytes, width);
        let most = numbers.iter().fold(0, u32::max);
        (n == 0 || (most as usize) < below).then_some(numbers)
    }

    /// A list: its length ([`Reader::len`]), then each item. Made at its length at once, where
    /// collecting into an `Option<Vec<_>>` knows no length and grows the list again and again.
    pub(super) fn list<T>(
        &mut self,
        mut item: impl FnMut(&mut Self) -> Option<T>,
    ) -> Option<Vec<T>> {
        let n = self.len()?;
        let mut list = Vec::with_capacity(n);
        for _ in 0..n {
            list.push(item(self)?);
        }
        Some(list)
    }

    /// A count of items, each at least one byte long: never more than the bytes left.
    pub(super) fn len(&mut self) -> Option<usize> {
        let n = usize::try_from(self.u64()?).ok()?;
        (n <= self.0.len()).then_some(n)
    }

    pub(super) fn str(&mut self) -> Option<String> {
        let n = self.u64()?;
        self.text(n)
    }

    pub(super) fn opt(&mut self) -> Option<Option<String>> {
        match self.u64()? {
            u64::MAX => Some(None),
            n => Some(Some(self.text(n)?)),
        }
    }

    /// [`Entry::listed_summary`]: [`Reader::opt`], where [`SAME`] (the short answer again)
    /// is `None`, the listing showing the short answer all the same.
    pub(super) fn summary(&mut self) -> Option<Option<String>> {
        match self.u64()? {
            u64::MAX | SAME => Some(None),
            n => Some(Some(self.text(n)?)),
        }
    }

    /// A string `n` bytes long.
    pub(super) fn text(&mut self, n: u64) -> Option<String> {
        String::from_utf8(self.take(usize::try_from(n).ok()?)?.to_vec()).ok()
    }

    pub(super) fn stat(&mut self) -> Option<Stat> {
        Some(Stat {
            len: self.u64()?,
            mtime_ns: self.i128()?,
            ino: self.u64()?,
        })
    }

    pub(super) fn date(&mut self) -> Option<Option<PageDate>> {
        match (self.opt()?, self.opt()?) {
            (Some(machine), Some(day)) => Some(Some(PageDate { machine, day })),
            (None, None) => Some(None),
            _ => None,
        }
    }
}

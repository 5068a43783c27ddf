//! A page's distinct words in order of first appearance, written one after another into the
//! string [`SearchDoc::words`](super::SearchDoc::words) keeps, and found again by a small
//! open-addressing table of their places. A page's text repeats most of its words: a map of
//! owned strings allocated a key for every capitalised or stemmed word only to drop it when the
//! word was known, then copied every word once more into the final string.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// Slots at first: a question has a few hundred distinct words.
const FIRST_SLOTS: usize = 512;

#[derive(Debug)]
pub(super) struct Distinct {
    /// The words, separated by spaces.
    text: String,
    /// Where each word starts in `text`, and its length.
    spans: Vec<(u32, u32)>,
    /// A power of two of slots, at most half of them taken: each 0, or a word's hash (its
    /// high half) and one more than its place (the low half).
    slots: Vec<u64>,
}

impl Distinct {
    /// An empty set, its string made to hold `bytes` bytes before it grows.
    pub(super) fn with_capacity(bytes: usize) -> Distinct {
        Distinct {
            text: String::with_capacity(bytes),
            spans: Vec::with_capacity(FIRST_SLOTS / 2),
            slots: vec![0; FIRST_SLOTS],
        }
    }

    /// How many words it holds.
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The place of `word` (a non-empty word without spaces), added after the others when it
    /// is new.
    pub(super) fn place(&mut self, word: &str) -> u32 {
        let hash = hash(word);
        let slot = match self.find(word, hash) {
            Ok(at) => return at,
            Err(slot) => slot,
        };
        let at = self.spans.len() as u32;
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        self.spans.push((self.text.len() as u32, word.len() as u32));
        self.text.push_str(word);
        self.slots[slot] = u64::from(hash) << 32 | u64::from(at + 1);
        if self.spans.len() * 2 > self.slots.len() {
            self.grow();
        }
        at
    }

    /// The words, separated by spaces, in a string no larger than they are.
    pub(super) fn into_string(mut self) -> String {
        self.text.shrink_to_fit();
        self.text
    }

    /// The place of `word`, or the free slot where it would go.
    fn find(&self, word: &str, hash: u32) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = hash as usize & mask;
        loop {
            let entry = self.slots[slot];
            if entry == 0 {
                return Err(slot);
            }
            if (entry >> 32) as u32 == hash {
                let at = (entry as u32) - 1;
                let (start, len) = self.spans[at as usize];
                if &self.text[start as usize..(start + len) as usize] == word {
                    return Ok(at);
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Twice the slots, every word placed again.
    fn grow(&mut self) {
        let mut slots = vec![0u64; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for &entry in self.slots.iter().filter(|&&e| e != 0) {
            let mut slot = (entry >> 32) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = entry;
        }
        self.slots = slots;
    }
}

/// A word's hash: 32 bits are plenty for a page's words.
fn hash(word: &str) -> u32 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    let h = hasher.finish();
    (h >> 32) as u32 ^ h as u32
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_first_place_and_are_spelled_out_with_spaces() {
        let mut words = Distinct::with_capacity(0);
        assert_eq!(words.place("kettle"), 0);
        assert_eq!(words.place("tea"), 1);
        assert_eq!(words.place("kettle"), 0);
        assert_eq!(words.place("café"), 2);
        assert_eq!(words.place("te"), 3);
        assert_eq!(words.len(), 4);
        assert_eq!(words.into_string(), "kettle tea café te");
    }

    #[test]
    fn thousands_of_words_are_all_found_again_after_the_table_grows() {
        let mut words = Distinct::with_capacity(0);
        let spelled: Vec<String> = (0..5000).map(|i| format!("w{i}")).collect();
        for (i, w) in spelled.iter().enumerate() {
            assert_eq!(words.place(w), i as u32);
        }
        for (i, w) in spelled.iter().enumerate().rev() {
            assert_eq!(words.place(w), i as u32, "{w}");
        }
        assert_eq!(words.len(), 5000);
        assert_eq!(words.into_string(), spelled.join(" "));
    }
}

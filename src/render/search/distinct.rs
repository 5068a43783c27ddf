//! Distinct words in order of first appearance, each known by its place: written one after
//! another into one string, and found again by a hash table of their places (hashbrown's
//! `HashTable`, whose entries are places into that string): the words of a
//! [`Vocabulary`](super::Vocabulary), numbered by place.

use std::hash::Hasher;

use hashbrown::HashTable;
use rustc_hash::FxHasher;

#[derive(Debug, Default)]
pub(super) struct Distinct {
    /// The words, separated by spaces.
    text: String,
    /// Where each word starts in `text`, and its length.
    spans: Vec<(u32, u32)>,
    /// Each word's place, by the hash of the word.
    places: HashTable<u32>,
}

impl Distinct {
    /// How many words it holds.
    pub(super) fn len(&self) -> usize {
        self.spans.len()
    }

    /// The place of `word` (a non-empty word without spaces), added after the others when it
    /// is new.
    pub(super) fn place(&mut self, word: &str) -> u32 {
        let Distinct {
            text,
            spans,
            places,
        } = self;
        let word_at = |at: u32| {
            let (start, len) = spans[at as usize];
            &text[start as usize..(start + len) as usize]
        };
        let hash = hash(word);
        if let Some(&at) = places.find(hash, |&at| word_at(at) == word) {
            return at;
        }
        let at = spans.len() as u32;
        if !text.is_empty() {
            text.push(' ');
        }
        spans.push((text.len() as u32, word.len() as u32));
        text.push_str(word);
        places.insert_unique(hash, at, |&at| hash_of(text, spans, at));
        at
    }

    /// The word at place `at` (one of [`Distinct::len`]).
    pub(super) fn word(&self, at: u32) -> &str {
        let (start, len) = self.spans[at as usize];
        &self.text[start as usize..(start + len) as usize]
    }

    /// The words in order of place, each with its place.
    pub(super) fn words(&self) -> impl Iterator<Item = (u32, &str)> {
        (0..self.spans.len() as u32).map(|at| (at, self.word(at)))
    }

    /// The words, separated by spaces.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The words of `text` (as [`Distinct::text`] spells them) at their places; `None` unless
    /// they are distinct, non-empty and separated by single spaces.
    pub(super) fn from_text(text: &str) -> Option<Distinct> {
        // Made at full size: a rebuild numbers the last build's words again, tens of
        // thousands on a large site, and a table grown as it fills places them all again at
        // every step.
        let count = match text.is_empty() {
            true => 0,
            false => memchr::memchr_iter(b' ', text.as_bytes()).count() + 1,
        };
        let mut distinct = Distinct {
            text: String::with_capacity(text.len()),
            spans: Vec::with_capacity(count),
            places: HashTable::with_capacity(count),
        };
        if !text.is_empty() {
            for word in text.split(' ') {
                let at = distinct.len() as u32;
                if word.is_empty() || distinct.place(word) != at {
                    return None;
                }
            }
        }
        Some(distinct)
    }

    /// The words, separated by spaces, in a string no larger than they are.
    #[cfg(test)]
    pub(super) fn into_string(mut self) -> String {
        self.text.shrink_to_fit();
        self.text
    }
}

/// The hash of the word at place `at` (when the table grows and places its words again).
fn hash_of(text: &str, spans: &[(u32, u32)], at: u32) -> u64 {
    let (start, len) = spans[at as usize];
    hash(&text[start as usize..(start + len) as usize])
}

fn hash(word: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(word.as_bytes());
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_their_first_place_and_are_spelled_out_with_spaces() {
        let mut words = Distinct::default();
        assert_eq!(words.place("kettle"), 0);
        assert_eq!(words.place("tea"), 1);
        assert_eq!(words.place("kettle"), 0);
        assert_eq!(words.place("café"), 2);
        assert_eq!(words.place("te"), 3);
        assert_eq!(words.len(), 4);
        assert_eq!(words.into_string(), "kettle tea café te");
    }

    #[test]
    fn places_are_those_of_a_search_of_the_words_so_far() {
        let pieces = ["a", "b", "é", "ab", "tea"];
        let words = crate::test_text::generated(&pieces, 3000, 5);
        let mut distinct = Distinct::default();
        let mut so_far: Vec<&str> = Vec::new();
        for word in words.iter().filter(|w| !w.is_empty()) {
            let want = match so_far.iter().position(|w| w == word) {
                Some(at) => at,
                None => {
                    so_far.push(word);
                    so_far.len() - 1
                }
            };
            assert_eq!(distinct.place(word), want as u32, "{word}");
        }
        assert_eq!(distinct.into_string(), so_far.join(" "));
    }

    #[test]
    fn thousands_of_words_are_all_found_again_after_the_table_grows() {
        let mut words = Distinct::default();
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

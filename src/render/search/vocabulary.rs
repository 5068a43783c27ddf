//! Every word of a build's search data, numbered: a question keeps its words as these numbers
//! ([`SearchDoc::words`](super::SearchDoc::words)), four bytes a word where its spelled-out
//! words took eight on average, and the index groups them by number rather than by hashing
//! every word of every question again. `serve` keeps one for its whole session, so that the
//! numbers its kept pages and kept index hold stay right from one build to the next.
//!
//! Pages are read on every thread: each page's words are numbered under one lock, a few
//! hundred at a time ([`Vocabulary::numbers`]).

use std::sync::{Mutex, MutexGuard};

use super::distinct::Distinct;

/// The words of a build (or of a `serve` session), by number.
#[derive(Debug, Default)]
pub struct Vocabulary(Mutex<Distinct>);

impl Vocabulary {
    /// A vocabulary of the words of `text` (as [`Vocabulary::text`] wrote them), numbered in
    /// order: `None` unless they are distinct words separated by single spaces.
    pub fn from_text(text: &str) -> Option<Vocabulary> {
        Distinct::from_text(text).map(|words| Vocabulary(Mutex::new(words)))
    }

    /// How many words it holds (numbers are below this).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.words().len()
    }

    /// The numbers of a page's words, in their order there, added when new.
    pub(super) fn numbers(&self, page: &Distinct) -> Vec<u32> {
        let mut words = self.words();
        page.words().map(|(_, word)| words.place(word)).collect()
    }

    /// Every word, to be read by number (held locked until dropped: once pages are read).
    pub(super) fn words(&self) -> MutexGuard<'_, Distinct> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Its words in order of number, separated by spaces: what [`Vocabulary::from_text`]
    /// reads.
    pub fn text(&self) -> String {
        self.words().text().to_owned()
    }

    /// Only the words numbered in `used`, numbered again in the same order: their text, and
    /// each old number's new one (`None` when every word is used: the numbers stay). Words no
    /// page holds any more are left out of the next build cache this way, which would
    /// otherwise keep every word the site ever had.
    pub fn renumbered<'a>(
        &self,
        used: impl Iterator<Item = &'a [u32]>,
    ) -> (String, Option<Vec<u32>>) {
        let words = self.words();
        let mut keep = vec![false; words.len()];
        for numbers in used {
            for &w in numbers {
                keep[w as usize] = true;
            }
        }
        if keep.iter().all(|&k| k) {
            return (words.text().to_owned(), None);
        }
        let mut text = String::new();
        let mut next = 0;
        let numbers = words
            .words()
            .map(|(w, word)| {
                if !keep[w as usize] {
                    return u32::MAX;
                }
                if next > 0 {
                    text.push(' ');
                }
                text.push_str(word);
                next += 1;
                next - 1
            })
            .collect();
        (text, Some(numbers))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_share_numbers_and_the_text_numbers_them_again_alike() {
        let vocabulary = Vocabulary::default();
        let mut page = Distinct::default();
        for w in ["kettle", "tea", "kettle"] {
            page.place(w);
        }
        assert_eq!(vocabulary.numbers(&page), [0, 1]);
        let mut other = Distinct::default();
        for w in ["leaf", "tea"] {
            other.place(w);
        }
        assert_eq!(vocabulary.numbers(&other), [2, 1]);
        assert_eq!(vocabulary.len(), 3);
        let again = Vocabulary::from_text(&vocabulary.text()).unwrap();
        assert_eq!(again.numbers(&other), [2, 1]);
        assert_eq!(again.words().word(2), "leaf");
    }

    #[test]
    fn renumbering_keeps_the_used_words_in_order() {
        let vocabulary = Vocabulary::from_text("kettle tea leaf cup").unwrap();
        assert_eq!(
            vocabulary.renumbered([&[3, 0][..], &[1, 2]].into_iter()),
            ("kettle tea leaf cup".to_owned(), None)
        );
        let (text, numbers) = vocabulary.renumbered([&[3, 1][..], &[3]].into_iter());
        assert_eq!(text, "tea cup");
        let numbers = numbers.unwrap();
        assert_eq!((numbers[1], numbers[3]), (0, 1));
        let again = Vocabulary::from_text(&text).unwrap();
        assert_eq!(again.words().word(numbers[3]), "cup");
    }

    #[test]
    fn a_text_with_a_repeated_or_empty_word_is_no_vocabulary() {
        assert!(Vocabulary::from_text("tea leaf tea").is_none());
        assert!(Vocabulary::from_text("tea  leaf").is_none());
        assert!(Vocabulary::from_text("tea ").is_none());
        assert_eq!(Vocabulary::from_text("").unwrap().len(), 0);
    }
}

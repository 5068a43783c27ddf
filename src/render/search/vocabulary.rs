//! Every word of a build's search data, numbered: a question keeps its words as these numbers
//! ([`SearchDoc::words`](super::SearchDoc::words)), four bytes a word where its spelled-out
//! words took eight on average, and the index groups them by number rather than by hashing
//! every word of every question again. `serve` keeps one for its whole session, so that the
//! numbers its kept pages and kept index hold stay right from one build to the next.
//!
//! Pages are read on every thread. Each thread remembers the numbers of the words it met
//! ([`PageWords`]), so that a page's words are numbered by one lookup each, as a page's own
//! table of distinct words would find them, and the shared vocabulary is locked only for a
//! word new to the thread.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Mutex, MutexGuard};

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::distinct::Distinct;

/// The words of a build (or of a `serve` session), by number.
#[derive(Debug)]
pub struct Vocabulary {
    words: Mutex<Distinct>,
    /// Tells this vocabulary from every other of the process, for the numbers each thread
    /// remembers ([`PageWords`]).
    id: u64,
}

impl Default for Vocabulary {
    fn default() -> Self {
        Vocabulary::of(Distinct::default())
    }
}

/// The [`Vocabulary::id`] of the next vocabulary made.
static NEXT_ID: AtomicU64 = AtomicU64::new(1);

impl Vocabulary {
    fn of(words: Distinct) -> Vocabulary {
        Vocabulary {
            words: Mutex::new(words),
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        }
    }

    /// A vocabulary of the words of `text` (as [`Vocabulary::text`] wrote them), numbered in
    /// order: `None` unless they are distinct words separated by single spaces.
    pub fn from_text(text: &str) -> Option<Vocabulary> {
        Distinct::from_text(text).map(Vocabulary::of)
    }

    /// Numbers a page's distinct words as `read` meets them ([`PageWords::place`]); returns
    /// their numbers in order of first appearance, and what `read` returned.
    pub(super) fn page<R>(&self, read: impl FnOnce(&mut PageWords<'_>) -> R) -> (Vec<u32>, R) {
        KNOWN.with_borrow_mut(|known| {
            if known.vocabulary != self.id {
                *known = Known {
                    vocabulary: self.id,
                    ..Known::default()
                };
            }
            known.page = known.page.wrapping_add(1);
            if known.page == 0 {
                known.seen.fill(0);
                known.page = 1;
            }
            let mut page = PageWords {
                vocabulary: self,
                known,
                numbers: Vec::new(),
            };
            let read = read(&mut page);
            (page.numbers, read)
        })
    }

    /// How many words it holds (numbers are below this).
    #[cfg(test)]
    fn len(&self) -> usize {
        self.words().len()
    }

    /// Every word, to be read by number (held locked until dropped: once pages are read).
    pub(super) fn words(&self) -> MutexGuard<'_, Distinct> {
        self.words.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Its words in order of number, separated by spaces: what [`Vocabulary::from_text`]
    /// reads.
    pub fn text(&self) -> String {
        self.words().text().to_owned()
    }

    /// Only the words numbered in `used`, numbered again in the same order: their text, and
    /// each old number's new one; or every word, numbered as it is (`None`), while the words
    /// no page holds are at most an eighth of them ([`UNUSED_KEPT`]). Words no page holds
    /// any more are left out of the next build cache this way, which would otherwise keep
    /// every word the site ever had; and a rebuild that drops a word or two (a typo
    /// mended) keeps the numbers, so the entries it brings through are copied as they are
    /// (`cache::carry`). The words used are gathered on every thread, a bit a word.
    pub fn renumbered<'a>(
        &self,
        used: impl ParallelIterator<Item = &'a super::WordNumbers>,
    ) -> (String, Option<Vec<u32>>) {
        let words = self.words();
        let blocks = words.len().div_ceil(64);
        let keep = used
            .fold(
                || vec![0u64; blocks],
                |mut keep, numbers| {
                    for w in numbers.iter() {
                        keep[w as usize / 64] |= 1 << (w % 64);
                    }
                    keep
                },
            )
            .reduce_with(|mut keep, more| {
                keep.iter_mut().zip(more).for_each(|(k, m)| *k |= m);
                keep
            })
            .unwrap_or_else(|| vec![0; blocks]);
        let kept = |w: u32| keep[w as usize / 64] >> (w % 64) & 1 == 1;
        let unused = (0..words.len() as u32).filter(|&w| !kept(w)).count();
        if unused * UNUSED_KEPT <= words.len() {
            return (words.text().to_owned(), None);
        }
        let mut text = String::new();
        let mut next = 0;
        let numbers = words
            .words()
            .map(|(w, word)| {
                if !kept(w) {
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

/// [`Vocabulary::renumbered`] keeps words no page holds while they are at most one in this
/// many.
const UNUSED_KEPT: usize = 8;

/// What a thread remembers of the vocabulary it last numbered words in.
#[derive(Default)]
struct Known {
    /// Its [`Vocabulary::id`].
    vocabulary: u64,
    /// The number of every word this thread met.
    numbers: FxHashMap<Box<str>, u32>,
    /// By number: the page ([`Known::page`]) that last met the word, and its place there.
    seen: Vec<u32>,
    places: Vec<u32>,
    /// Counts the pages read on this thread (0: none).
    page: u32,
}

thread_local! {
    static KNOWN: RefCell<Known> = RefCell::default();
}

/// A page's distinct words while it is read: each word's place on the page (its order of
/// first appearance) and its number in the vocabulary.
pub(super) struct PageWords<'a> {
    vocabulary: &'a Vocabulary,
    known: &'a mut Known,
    numbers: Vec<u32>,
}

impl PageWords<'_> {
    /// The place of `word` (a non-empty word without spaces) on the page, added after the
    /// others when it is new there.
    pub(super) fn place(&mut self, word: &str) -> u32 {
        let known = &mut *self.known;
        let number = match known.numbers.get(word) {
            Some(&n) => n,
            None => {
                let n = self.vocabulary.words().place(word);
                known.numbers.insert(word.into(), n);
                n
            }
        };
        let i = number as usize;
        if i >= known.seen.len() {
            known.seen.resize(i + 1, 0);
            known.places.resize(i + 1, 0);
        }
        if known.seen[i] == known.page {
            return known.places[i];
        }
        let at = self.numbers.len() as u32;
        known.seen[i] = known.page;
        known.places[i] = at;
        self.numbers.push(number);
        at
    }

    /// How many distinct words it has met.
    pub(super) fn len(&self) -> usize {
        self.numbers.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Numbers the words of a page in `vocabulary`; also returns their places.
    fn page(vocabulary: &Vocabulary, words: &[&str]) -> (Vec<u32>, Vec<u32>) {
        vocabulary.page(|page| words.iter().map(|w| page.place(w)).collect())
    }

    #[test]
    fn pages_share_numbers_and_the_text_numbers_them_again_alike() {
        let vocabulary = Vocabulary::default();
        let (numbers, places) = page(&vocabulary, &["kettle", "tea", "kettle"]);
        assert_eq!((numbers, places), (vec![0, 1], vec![0, 1, 0]));
        let (numbers, places) = page(&vocabulary, &["leaf", "tea", "leaf"]);
        assert_eq!((numbers, places), (vec![2, 1], vec![0, 1, 0]));
        assert_eq!(vocabulary.len(), 3);
        let again = Vocabulary::from_text(&vocabulary.text()).unwrap();
        assert_eq!(page(&again, &["tea", "leaf"]).0, [1, 2]);
        assert_eq!(page(&again, &["cup"]).0, [3]);
        assert_eq!(again.words().word(2), "leaf");
        // The thread's memory of `again` does not number words of the first one.
        assert_eq!(page(&vocabulary, &["cup", "kettle"]).0, [3, 0]);
        assert_eq!(vocabulary.words().word(3), "cup");
    }

    #[test]
    fn places_and_numbers_are_those_of_a_search_of_the_words_so_far() {
        let pieces = ["a", "b", "é", "ab", "tea"];
        let words = crate::test_text::generated(&pieces, 3000, 5);
        let words: Vec<&str> = words
            .iter()
            .map(String::as_str)
            .filter(|w| !w.is_empty())
            .collect();
        // A word's place in a list of distinct words, added at the end when new.
        fn place<'w>(list: &mut Vec<&'w str>, word: &'w str) -> u32 {
            let at = list.iter().position(|w| *w == word).unwrap_or_else(|| {
                list.push(word);
                list.len() - 1
            });
            at as u32
        }
        let vocabulary = Vocabulary::default();
        let mut all: Vec<&str> = Vec::new();
        for chunk in words.chunks(40) {
            let mut on_page: Vec<&str> = Vec::new();
            let want_places: Vec<u32> = chunk.iter().map(|w| place(&mut on_page, w)).collect();
            let want_numbers: Vec<u32> = on_page.iter().map(|w| place(&mut all, w)).collect();
            assert_eq!(page(&vocabulary, chunk), (want_numbers, want_places));
        }
        assert_eq!(vocabulary.text(), all.join(" "));
    }

    #[test]
    fn renumbering_keeps_the_used_words_in_order() {
        let vocabulary = Vocabulary::from_text("kettle tea leaf cup").unwrap();
        let numbers = |n: &[u32]| super::super::WordNumbers::from(n.to_vec());
        let (a, b) = (numbers(&[3, 0]), numbers(&[1, 2]));
        assert_eq!(
            vocabulary.renumbered([&a, &b].into_par_iter()),
            ("kettle tea leaf cup".to_owned(), None)
        );
        let (a, b) = (numbers(&[3, 1]), numbers(&[3]));
        let (text, numbers) = vocabulary.renumbered([&a, &b].into_par_iter());
        assert_eq!(text, "tea cup");
        let numbers = numbers.unwrap();
        assert_eq!((numbers[1], numbers[3]), (0, 1));
        let again = Vocabulary::from_text(&text).unwrap();
        assert_eq!(again.words().word(numbers[3]), "cup");
    }

    #[test]
    fn a_few_words_no_page_holds_keep_their_numbers_until_they_are_an_eighth() {
        let sixteen: Vec<String> = (0..16).map(|n| format!("w{n}")).collect();
        let vocabulary = Vocabulary::from_text(&sixteen.join(" ")).unwrap();
        let used = |unused: u32| -> super::super::WordNumbers { (unused..16).collect() };
        // Two of sixteen unused: every word stays, numbered as it is.
        let (text, numbers) = vocabulary.renumbered([&used(2)].into_par_iter());
        assert_eq!((text, numbers), (sixteen.join(" "), None));
        // Three: renumbered without them.
        let (text, numbers) = vocabulary.renumbered([&used(3)].into_par_iter());
        assert_eq!(text, sixteen[3..].join(" "));
        assert_eq!(numbers.unwrap()[3], 0);
    }

    #[test]
    fn a_text_with_a_repeated_or_empty_word_is_no_vocabulary() {
        assert!(Vocabulary::from_text("tea leaf tea").is_none());
        assert!(Vocabulary::from_text("tea  leaf").is_none());
        assert!(Vocabulary::from_text("tea ").is_none());
        assert_eq!(Vocabulary::from_text("").unwrap().len(), 0);
    }
}

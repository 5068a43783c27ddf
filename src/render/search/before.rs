//! What an incremental build needs to write only the part of the search index that its
//! re-rendered questions touch: the shard files of the words they gained, lost, or hold in
//! other places (title, answer, heading, text) than last time, and the index files the last
//! build wrote. Every other file of the index is left as it is: no
//! question whose words it lists changed, and the questions' numbers stay the same because
//! the build cache applies only while the site's shape does.

use rustc_hash::{FxHashMap, FxHashSet};

use crate::cache::{Cache, Made};
use crate::content::Pages;

use super::distinct::Distinct;
use super::{SearchDoc, shard_key};

/// The search index as the last build left it, as far as this build must know it.
#[derive(Debug, Default)]
pub struct Before {
    /// The search data the re-rendered questions had last time, by path under `content/`.
    old: FxHashMap<String, SearchDoc>,
    /// The files under `search/` the last build wrote.
    files: Vec<String>,
}

impl Before {
    /// What the last build's index was, from its cache; `None` when a re-rendered question has
    /// no entry there (its old words are unknown: the whole index is written again).
    pub fn of(cache: &Cache, pages: &Pages) -> Option<Before> {
        let mut old = FxHashMap::default();
        for page in pages.iter().filter(|p| !p.reused && p.is_question()) {
            let path = page.rel_path.to_str()?;
            let entry = cache.pages.get(path)?;
            old.insert(
                path.to_owned(),
                crate::incremental::search_from_entry(entry),
            );
        }
        let files = cache
            .outputs
            .iter()
            .filter(|(path, made)| path.starts_with("search/") && **made != Made::Page)
            .map(|(path, _)| path.clone())
            .collect();
        Some(Before { old, files })
    }

    /// The shard keys to write again: those of every word a re-rendered question (`renewed`,
    /// by path) gained, lost or holds with other fields than last time (`words` spells them).
    /// The other shards list the same questions with the same fields: their files stay as
    /// they are.
    pub(super) fn keys<'a>(
        &self,
        renewed: impl Iterator<Item = (&'a str, &'a SearchDoc)>,
        words: &Distinct,
    ) -> Keys {
        let mut keys = Keys::default();
        for (path, doc) in renewed {
            let Some(old) = self.old.get(path) else {
                doc.fields().for_each(|(w, _)| keys.insert(words.word(w)));
                continue;
            };
            let was: FxHashMap<u32, u32> = old.fields().collect();
            let mut seen = 0;
            for (w, fields) in doc.fields() {
                match was.get(&w) {
                    Some(&f) if f == fields => seen += 1,
                    Some(_) => {
                        seen += 1;
                        keys.insert(words.word(w));
                    }
                    None => keys.insert(words.word(w)),
                }
            }
            if seen < was.len() {
                let now: FxHashSet<u32> = doc.fields().map(|(w, _)| w).collect();
                was.keys()
                    .filter(|w| !now.contains(*w))
                    .for_each(|&w| keys.insert(words.word(w)));
            }
        }
        keys
    }

    /// The last build's index files that this build does not write again: result files of
    /// questions not re-rendered, shards of no key in `keys`.
    pub(super) fn kept(&self, rewritten: &FxHashSet<String>, keys: &Keys) -> Vec<String> {
        self.files
            .iter()
            .filter(|path| !rewritten.contains(*path))
            .filter(|path| {
                path.strip_prefix("search/t/")
                    .and_then(|f| f.strip_suffix(".json"))
                    .is_none_or(|key| !keys.has_key(key))
            })
            .cloned()
            .collect()
    }
}

/// A set of shard keys. A key of up to three ASCII letters and digits (nearly every key) is a
/// bit in a table indexed by its characters, so asking for a word's key costs a few
/// instructions and no allocation; any other key is kept as a string.
#[derive(Debug, Clone)]
pub(super) struct Keys {
    ascii: Vec<bool>,
    other: FxHashSet<String>,
}

/// Characters a short key is made of (`a`-`z`, `0`-`9`), and one for "no character".
const RADIX: usize = 37;

impl Default for Keys {
    fn default() -> Self {
        Keys {
            ascii: vec![false; RADIX * RADIX * RADIX],
            other: FxHashSet::default(),
        }
    }
}

impl Keys {
    /// The table slot of a key of up to three ASCII letters and digits.
    fn slot(key: &[u8]) -> Option<usize> {
        if key.len() > 3 {
            return None;
        }
        let mut slot = 0;
        for i in 0..3 {
            let digit = match key.get(i) {
                None => 0,
                Some(&b @ b'a'..=b'z') => usize::from(b - b'a') + 1,
                Some(&b @ b'0'..=b'9') => usize::from(b - b'0') + 27,
                Some(_) => return None,
            };
            slot = slot * RADIX + digit;
        }
        Some(slot)
    }

    /// The slot of a word's key when the key is short ASCII: the word's first three bytes.
    fn word_slot(word: &str) -> Option<usize> {
        let bytes = word.as_bytes();
        Self::slot(&bytes[..bytes.len().min(3)])
    }

    pub(super) fn insert(&mut self, word: &str) {
        match Self::word_slot(word) {
            Some(slot) => self.ascii[slot] = true,
            None => {
                self.other.insert(shard_key(word));
            }
        }
    }

    /// Whether the shard of `word` is in the set.
    pub(super) fn has_word(&self, word: &str) -> bool {
        match Self::word_slot(word) {
            Some(slot) => self.ascii[slot],
            None => self.other.contains(&shard_key(word)),
        }
    }

    /// Whether a shard key (a file name) is in the set.
    pub(super) fn has_key(&self, key: &str) -> bool {
        // A spelled-out key can look short (`x2d`, the key of `-`): both places are asked.
        Self::slot(key.as_bytes()).is_some_and(|slot| self.ascii[slot]) || self.other.contains(key)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Vocabulary;
    use super::super::tests::doc;
    use super::*;

    #[test]
    fn only_words_gained_lost_or_moved_are_written_again() {
        // Last time: "boil" and "kettle" in the text, "tea" in the title only.
        let vocabulary = Vocabulary::default();
        let old = doc(
            &vocabulary,
            "boil kettle tea",
            vec![(2, super::super::TITLE)],
        );
        let before = Before {
            old: [("a.md".to_owned(), old)].into_iter().collect(),
            files: Vec::new(),
        };
        // Now: "kettle" also in the title, "tea" gone, "water" new, "boil" as it was.
        let new = doc(
            &vocabulary,
            "boil kettle water",
            vec![(1, super::super::BODY | super::super::TITLE)],
        );
        let words = vocabulary.words();
        let keys = before.keys([("a.md", &new)].into_iter(), &words);
        for word in ["kettle", "tea", "water"] {
            assert!(keys.has_word(word), "{word}");
        }
        assert!(!keys.has_word("boil"));
        // A question the last build did not have: every word of it.
        let keys = before.keys([("b.md", &new)].into_iter(), &words);
        assert!(keys.has_word("boil") && keys.has_word("water"));
    }

    #[test]
    fn a_word_is_found_by_its_shard_key() {
        let mut keys = Keys::default();
        for word in ["kettle", "io", "café", "éclair", "x9", "-"] {
            keys.insert(word);
        }
        for word in ["ketchup", "io", "cafés", "éclairs", "x9"] {
            assert!(keys.has_word(word), "{word}");
        }
        for word in ["kit", "i", "iod", "x", "x90", "+"] {
            assert!(!keys.has_word(word), "{word}");
        }
        for key in ["ket", "io", "caf", "xc3a9636c", "x9", "x2d"] {
            assert!(keys.has_key(key), "{key}");
        }
        assert!(!keys.has_key("kit") && !keys.has_key("xc3a9") && !keys.has_key("x2b"));
    }
}

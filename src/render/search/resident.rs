//! The search index kept in memory between the builds of `serve`: every word's questions, so
//! that a save rewrites the shards it touches from the lists it updated, instead of reading
//! the words of every question of the site to find the few shards' words again.
//!
//! It follows the questions by their number in the index (the order of the pages), which stays
//! the same while the build cache applies; it is used only while the questions are the same
//! paths in the same order as when it was made, and made again from every question otherwise.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap;

use super::before::Keys;
use super::distinct::Distinct;
use super::shards::{Found, Shards, posting_list, put_shards, write_shards};
use super::{SearchDoc, Site, shard_key};
use crate::content::PageId;
use crate::error::Result;
use crate::output::Sink;

/// Every word of the index with the questions it is in: what [`super::shards_of`] works out
/// from every question's words, kept. Words are known by their numbers in the
/// [`Vocabulary`](super::Vocabulary) of the `serve` session, which outlives it.
#[derive(Debug, Default)]
pub struct Resident {
    /// The questions, by their number in the index: their paths under `content/`.
    paths: Vec<String>,
    /// Each word's questions and fields (`(doc, fields)`), by word number, in order of doc.
    postings: Vec<Vec<(u32, u32)>>,
    /// Each question's words, by number.
    doc_words: Vec<Vec<u32>>,
    /// Each shard key's words, by number.
    by_key: FxHashMap<String, Vec<u32>>,
    /// Whether a word, by number, is in `by_key` yet.
    keyed: Vec<bool>,
}

impl Resident {
    /// Made from every question's search data, in index order (`words` spells them).
    pub(super) fn of<'a>(
        docs: impl Iterator<Item = (&'a str, &'a SearchDoc)>,
        words: &Distinct,
    ) -> Resident {
        let mut resident = Resident::default();
        for (n, (path, doc)) in docs.enumerate() {
            resident.paths.push(path.to_owned());
            resident.doc_words.push(Vec::new());
            resident.add(n as u32, doc, words);
        }
        resident
    }

    /// Made from the lists [`write_shards`] found, for the questions of `paths`.
    fn of_found(paths: Vec<String>, found: Vec<Found>, words: &Distinct) -> Resident {
        let mut resident = Resident {
            doc_words: vec![Vec::new(); paths.len()],
            paths,
            ..Resident::default()
        };
        for (w, mut list) in found {
            list.shrink_to_fit();
            resident.track(w, words);
            for &(doc, _) in &list {
                resident.doc_words[doc as usize].push(w);
            }
            resident.postings[w as usize] = list;
        }
        resident
    }

    /// Whether it was made for these questions (paths under `content/`, in index order).
    pub(super) fn fits<'a>(&self, paths: impl ExactSizeIterator<Item = &'a str>) -> bool {
        paths.len() == self.paths.len() && paths.zip(&self.paths).all(|(a, b)| a == b)
    }

    /// Puts question `n`'s new search data in place of its old.
    pub(super) fn replace(&mut self, n: u32, doc: &SearchDoc, words: &Distinct) {
        for w in std::mem::take(&mut self.doc_words[n as usize]) {
            let list = &mut self.postings[w as usize];
            if let Ok(i) = list.binary_search_by_key(&n, |&(d, _)| d) {
                list.remove(i);
            }
        }
        self.add(n, doc, words);
    }

    fn add(&mut self, n: u32, doc: &SearchDoc, words: &Distinct) {
        let mut mine = Vec::new();
        for (w, fields) in doc.fields() {
            self.track(w, words);
            let list = &mut self.postings[w as usize];
            let at = list.partition_point(|&(d, _)| d < n);
            list.insert(at, (n, fields));
            mine.push(w);
        }
        self.doc_words[n as usize] = mine;
    }

    /// Makes room for word `w` and files it under its shard key, once.
    fn track(&mut self, w: u32, words: &Distinct) {
        let at = w as usize;
        if at >= self.postings.len() {
            self.postings.resize_with(at + 1, Vec::new);
            self.keyed.resize(at + 1, false);
        }
        if !std::mem::replace(&mut self.keyed[at], true) {
            let key = shard_key(words.word(w));
            self.by_key.entry(key).or_default().push(w);
        }
    }

    /// The shards of the keys in `keys`, as a fresh index of the same questions has them.
    pub(super) fn shards<'a>(&self, keys: &Keys, words: &'a Distinct) -> Shards<'a> {
        let mut shards = Shards::new();
        for (key, numbers) in self.by_key.iter().filter(|(k, _)| keys.has_key(k)) {
            let shard: BTreeMap<&str, Vec<u32>> = numbers
                .iter()
                .filter(|&&w| !self.postings[w as usize].is_empty())
                .map(|&w| {
                    let list = self.postings[w as usize].clone();
                    (words.word(w), posting_list(list))
                })
                .collect();
            if !shard.is_empty() {
                shards.insert(key.clone(), shard);
            }
        }
        shards
    }
}

/// Writes the shards of the words in `keys` (every shard without it): from the index kept in
/// memory (`serve`) when there is one that fits these questions, updated with those `renew`
/// says were rendered again; else from every question's words, and then kept (`serve`).
/// Returns how many shards it wrote.
pub(super) fn write(
    site: &Site<'_>,
    docs: &[(PageId, &SearchDoc)],
    words: &Distinct,
    keys: Option<&Keys>,
    renew: impl Fn(PageId) -> bool,
    sink: &dyn Sink,
) -> Result<usize> {
    Ok(match (keys, site.search_memory) {
        (Some(keys), Some(memory)) => {
            let mut memory = memory.lock().unwrap_or_else(|e| e.into_inner());
            let fits = memory
                .as_ref()
                .is_some_and(|m| m.fits(docs.iter().map(|(id, _)| path_of(site, *id))));
            match memory.as_mut().filter(|_| fits) {
                Some(resident) => {
                    for (n, (id, doc)) in docs.iter().enumerate() {
                        if renew(*id) {
                            resident.replace(n as u32, doc, words);
                        }
                    }
                    put_shards(resident.shards(keys, words), sink)?
                }
                None => {
                    // Only some shards' words are read: the kept index is made from all.
                    let (count, _) = write_shards(docs, words, Some(keys), sink, false)?;
                    *memory = Some(resident_of(site, docs, words));
                    count
                }
            }
        }
        (None, Some(memory)) => {
            let (count, found) = write_shards(docs, words, None, sink, true)?;
            let paths = docs.iter().map(|(id, _)| path_of(site, *id).to_owned());
            let resident = Resident::of_found(paths.collect(), found, words);
            *memory.lock().unwrap_or_else(|e| e.into_inner()) = Some(resident);
            count
        }
        (keys, None) => write_shards(docs, words, keys, sink, false)?.0,
    })
}

/// The index to keep in memory, made from every question's words.
fn resident_of(site: &Site<'_>, docs: &[(PageId, &SearchDoc)], words: &Distinct) -> Resident {
    Resident::of(
        docs.iter().map(|&(id, doc)| (path_of(site, id), doc)),
        words,
    )
}

/// A question's path under `content/`, as the kept index knows it.
fn path_of<'a>(site: &'a Site<'_>, id: PageId) -> &'a str {
    site.pages[id].rel_path.to_str().unwrap_or("")
}

#[cfg(test)]
mod tests {
    use super::super::Vocabulary;
    use super::super::shards::shards_of;
    use super::super::tests::{doc, numbered};
    use super::super::{BODY, TITLE};
    use super::*;

    fn all_keys(docs: &[SearchDoc], words: &Distinct) -> Keys {
        let mut keys = Keys::default();
        for d in docs {
            d.fields().for_each(|(w, _)| keys.insert(words.word(w)));
        }
        keys.insert("kettles");
        keys
    }

    #[test]
    fn after_a_question_changes_its_shards_are_those_of_a_fresh_index() {
        let vocabulary = Vocabulary::default();
        let v = &vocabulary;
        let mut docs = vec![
            doc(v, "boil kettle tea", vec![(2, TITLE)]),
            doc(v, "kettle descale vinegar", Vec::new()),
            doc(v, "tea leaves", vec![(0, TITLE | BODY)]),
        ];
        let paths = ["a.md", "b.md", "c.md"];
        let mut resident = Resident::of(paths.into_iter().zip(&docs), &v.words());
        // The second question loses "kettle", gains "kettles" and "tea" in its title.
        docs[1] = doc(v, "kettles descale tea", vec![(2, TITLE)]);
        let words = v.words();
        resident.replace(1, &docs[1], &words);
        let keys = all_keys(&docs, &words);
        let fresh = shards_of(&numbered(&docs), &words, |_| true);
        assert_eq!(resident.shards(&keys, &words), fresh);
        // "kettle" is now only in the first question, as doc 0 with its text field.
        assert_eq!(fresh["ket"]["kettle"], vec![0, BODY]);
        assert!(resident.fits(paths.into_iter()));
        assert!(!resident.fits(["a.md", "c.md", "b.md"].into_iter()));
    }

    #[test]
    fn the_index_made_while_writing_the_shards_is_the_one_made_from_the_questions() {
        let vocabulary = Vocabulary::default();
        let v = &vocabulary;
        let docs = [
            doc(v, "boil kettle tea", vec![(2, TITLE)]),
            doc(v, "kettle descale", Vec::new()),
        ];
        let now = doc(v, "kettle vinegar", Vec::new());
        let words = v.words();
        let sink = crate::output::Discard;
        let (_, found) = write_shards(&numbered(&docs), &words, None, &sink, true).unwrap();
        let paths = vec!["a.md".to_owned(), "b.md".to_owned()];
        let mut made = Resident::of_found(paths, found, &words);
        let mut fresh = Resident::of(["a.md", "b.md"].into_iter().zip(&docs), &words);
        let keys = all_keys(&docs, &words);
        assert_eq!(made.shards(&keys, &words), fresh.shards(&keys, &words));
        // And both follow a change alike.
        made.replace(0, &now, &words);
        fresh.replace(0, &now, &words);
        assert_eq!(made.shards(&keys, &words), fresh.shards(&keys, &words));
        assert!(made.shards(&keys, &words)["ket"]["kettle"].len() == 4);
    }

    #[test]
    fn a_shard_whose_words_are_gone_is_left_out() {
        let vocabulary = Vocabulary::default();
        let docs = [doc(&vocabulary, "zebra", Vec::new())];
        let horse = doc(&vocabulary, "horse", Vec::new());
        let words = vocabulary.words();
        let mut resident = Resident::of(["a.md"].into_iter().zip(&docs), &words);
        resident.replace(0, &horse, &words);
        let mut keys = Keys::default();
        keys.insert("zebra");
        assert!(resident.shards(&keys, &words).is_empty());
    }
}

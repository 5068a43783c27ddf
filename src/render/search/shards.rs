//! The shard files of the search index (`search/t/<key>.json`): every word's questions with
//! their fields, built in parts from every question's words.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::distinct::Distinct;
use super::{Keys, MAX_POSTINGS, Marks, SearchDoc, shard_key};
use crate::content::PageId;
use crate::error::Result;
use crate::output::{Body, Sink};

/// Writes the shards of the words in `keys` (every shard without it), found in every
/// question's words (`words` spells their numbers), in twice as many parts as there are
/// threads, by the first byte of their words: each part reads every question's words but
/// indexes only its own, so the index is held a quarter at a time on two threads, not whole.
/// An incremental build indexes the words of a few shards only: one part.
/// With `keep`, it also hands back every word's questions it found, before shards cut them
/// ([`MAX_POSTINGS`]), for the index kept in memory.
pub(super) fn write_shards(
    docs: &[(PageId, &SearchDoc)],
    words: &Distinct,
    keys: Option<&Keys>,
    sink: &dyn Sink,
    keep: bool,
) -> Result<(usize, Vec<Found>)> {
    // Words are split by their first byte: more parts than bytes would split nothing more
    // (and a part's number is one byte below).
    let parts = match keys {
        Some(_) => 1,
        None => (2 * rayon::current_num_threads()).clamp(1, 256),
    };
    // Each word's part, by number (none for a word of no shard to write).
    let part_of: Vec<Option<u8>> = words
        .words()
        .map(|(_, word)| {
            let part = word.as_bytes()[0] as usize % parts;
            keys.is_none_or(|keys| keys.has_word(word))
                .then_some(part as u8)
        })
        .collect();
    let written = (0..parts)
        .into_par_iter()
        .map(|part| {
            let postings = postings_of(docs, words.len(), |w| {
                part_of[w as usize] == Some(part as u8)
            });
            let mut found = Vec::new();
            let shards = shards_from(postings, words, keep.then_some(&mut found));
            Ok((put_shards(shards, sink)?, found))
        })
        .collect::<Result<Vec<(usize, Vec<Found>)>>>()?;
    let count = written.iter().map(|(n, _)| n).sum();
    Ok((count, written.into_iter().flat_map(|(_, f)| f).collect()))
}

/// A word's number and its questions with their fields (`(doc, fields)`, in order of doc).
pub(super) type Found = (u32, Vec<(u32, u32)>);

/// Writes shards; returns how many.
pub(super) fn put_shards(shards: Shards<'_>, sink: &dyn Sink) -> Result<usize> {
    let count = shards.len();
    shards.into_par_iter().try_for_each(|(key, shard)| {
        let json = serde_json::to_vec(&shard).unwrap_or_default();
        sink.put(&format!("search/t/{key}.json"), Body::Bytes(json))
    })?;
    Ok(count)
}

/// The shards of the words `mine` accepts: shard key -> word -> `[doc, fields, ...]`.
pub(super) type Shards<'a> = BTreeMap<String, BTreeMap<&'a str, Vec<u32>>>;

#[cfg(test)]
pub(super) fn shards_of<'a>(
    docs: &[(PageId, &SearchDoc)],
    words: &'a Distinct,
    mine: impl Fn(u32) -> bool,
) -> Shards<'a> {
    shards_from(postings_of(docs, words.len(), mine), words, None)
}

/// The questions and fields of every word `mine` accepts, by the word's number (below
/// `count`): empty for the others.
pub(super) fn postings_of(
    docs: &[(PageId, &SearchDoc)],
    count: usize,
    mine: impl Fn(u32) -> bool,
) -> Vec<Vec<(u32, u32)>> {
    let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); count];
    for (n, (_, doc)) in docs.iter().enumerate() {
        // Most words are not `mine`: their fields are not looked up.
        let mut marks = Marks::of(doc);
        for (place, &word) in doc.words.iter().enumerate() {
            if mine(word) {
                postings[word as usize].push((n as u32, marks.fields_at(place)));
            }
        }
    }
    postings
}

/// The shards of these words (`words` spells them); each word's whole list also goes to
/// `kept` when given.
pub(super) fn shards_from<'a>(
    postings: Vec<Vec<(u32, u32)>>,
    words: &'a Distinct,
    mut kept: Option<&mut Vec<Found>>,
) -> Shards<'a> {
    let mut shards = Shards::new();
    for (w, list) in postings.into_iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let word = words.word(w as u32);
        let flat = match kept.as_deref_mut() {
            Some(kept) => {
                let flat = posting_list(list.clone());
                kept.push((w as u32, list));
                flat
            }
            None => posting_list(list),
        };
        shards
            .entry(shard_key(word))
            .or_default()
            .insert(word, flat);
    }
    shards
}

/// A word's questions and fields (`(doc, fields)`, in order of doc) as its shard lists them:
/// the best placed [`MAX_POSTINGS`] at most, flat, each doc as the difference from the one
/// before.
pub(super) fn posting_list(list: Vec<(u32, u32)>) -> Vec<u32> {
    let mut keep = best_placed(&list, MAX_POSTINGS);
    let mut flat = Vec::with_capacity(2 * list.len().min(MAX_POSTINGS));
    let mut last = 0;
    for (doc, f) in list.into_iter().filter(|&(_, f)| keep(f)) {
        flat.extend([doc - last, f]);
        last = doc;
    }
    flat
}

/// Which of a list's questions, in order of doc, are among its `most` best placed (by
/// [`rank`], then the lower doc): every one of a better rank than some threshold, and of the
/// threshold rank the first ones. A count of each rank, no sort: ranks have sixteen values.
/// Call the returned test on the list's fields in order, once each.
fn best_placed(list: &[(u32, u32)], most: usize) -> impl FnMut(u32) -> bool + use<> {
    let mut counts = [0usize; 16];
    for &(_, f) in list {
        counts[rank(f) as usize] += 1;
    }
    // The threshold: the best rank at which the count so far reaches `most`.
    let (mut threshold, mut room) = (0, most);
    for r in (0..16).rev() {
        if counts[r] >= room {
            threshold = r as u32;
            break;
        }
        room -= counts[r];
    }
    let all = list.len() <= most;
    move |f| {
        let r = rank(f);
        if all || r > threshold {
            return true;
        }
        if r == threshold && room > 0 {
            room -= 1;
            return true;
        }
        false
    }
}

/// How well a word's place on a page speaks for the page: title, then short answer, then
/// heading, then text.
pub(super) fn rank(fields: u32) -> u32 {
    (fields & 0xf).reverse_bits() >> 28
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;
    use std::sync::Mutex;

    use super::super::Vocabulary;
    use super::super::tests::doc;
    use super::super::{HEADING, TITLE};
    use super::*;
    use crate::output::Body;

    /// Keeps every file put, by path.
    #[derive(Default)]
    struct Files(Mutex<BTreeMap<String, Vec<u8>>>);

    impl Sink for Files {
        fn put(&self, path: &str, body: Body<'_>) -> Result<()> {
            let Body::Bytes(bytes) = body else {
                panic!("a shard is bytes")
            };
            self.0.lock().unwrap().insert(path.to_owned(), bytes);
            Ok(())
        }
    }

    #[test]
    fn the_shards_of_some_keys_are_those_files_of_the_whole_index() {
        let pieces = ["se", "sen", "sent", "n", "é", "ab", "s", "e", "2", "-"];
        let words = crate::test_text::generated(&pieces, 3000, 5);
        let vocabulary = Vocabulary::default();
        let docs: Vec<SearchDoc> = words
            .chunks(12)
            .enumerate()
            .map(|(i, chunk)| {
                let mut distinct: Vec<&str> = Vec::new();
                for w in chunk.iter().filter(|w| w.chars().count() >= 2) {
                    if !distinct.contains(&w.as_str()) {
                        distinct.push(w);
                    }
                }
                let marks = (0..distinct.len() as u32)
                    .filter(|p| (p + i as u32).is_multiple_of(3))
                    .map(|p| (p, if p % 2 == 0 { TITLE } else { HEADING | 3 << 4 }))
                    .collect();
                doc(&vocabulary, &distinct.join(" "), marks)
            })
            .collect();
        let numbered: Vec<(PageId, &SearchDoc)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (PageId(i as u32), d))
            .collect();
        let spelled = vocabulary.words();
        let whole = Files::default();
        write_shards(&numbered, &spelled, None, &whole, false).unwrap();
        let whole = whole.0.into_inner().unwrap();
        assert!(whole.len() > 20, "{} shards", whole.len());
        let every: Vec<&str> = spelled.words().map(|(_, w)| w).collect();
        for touched in every.chunks(7) {
            let mut keys = Keys::default();
            touched.iter().for_each(|w| keys.insert(w));
            keys.insert("zzzz");
            let some = Files::default();
            write_shards(&numbered, &spelled, Some(&keys), &some, false).unwrap();
            let some = some.0.into_inner().unwrap();
            let want: BTreeMap<&String, &Vec<u8>> = whole
                .iter()
                .filter(|(path, _)| {
                    let key = &path["search/t/".len()..path.len() - ".json".len()];
                    keys.has_key(key)
                })
                .collect();
            assert_eq!(some.iter().collect::<BTreeMap<_, _>>(), want, "{touched:?}");
        }
    }
}

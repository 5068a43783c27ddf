//! The shard files of the search index (`search/t/<key>.json`): every word's questions with
//! their fields, built from every question's words in one read.

use std::collections::BTreeMap;

use rayon::prelude::*;

use super::distinct::Distinct;
use super::{Keys, MAX_POSTINGS, Marks, SearchDoc, shard_key};
use crate::content::PageId;
use crate::error::Result;
use crate::output::{Body, Sink};

/// Writes the shards of the words in `keys` (every shard without it), found in every
/// question's words (`words` spells their numbers). A build reads the questions once, in
/// runs on every thread, keeping of each word only what its shard can show
/// ([`capped_postings`]). With `keep` (`serve`), it keeps and hands back every word's whole
/// list of questions, before shards cut them ([`MAX_POSTINGS`]), for the index kept in memory.
pub(super) fn write_shards(
    docs: &[(PageId, &SearchDoc)],
    words: &Distinct,
    keys: Option<&Keys>,
    sink: &dyn Sink,
    keep: bool,
) -> Result<(usize, Vec<Found>)> {
    // Whether each word, by number, is in a shard to write.
    let mine: Vec<bool> = words
        .words()
        .map(|(_, word)| keys.is_none_or(|keys| keys.has_word(word)))
        .collect();
    let mine = |w: u32| mine[w as usize];
    let mut found = Vec::new();
    let shards = match keep {
        true => shards_from(
            postings_of(docs, words.len(), mine),
            words,
            Some(&mut found),
        ),
        false => shards_from(capped_postings(docs, words.len(), mine), words, None),
    };
    Ok((put_shards(shards, sink)?, found))
}

/// [`postings_of`], keeping for each word only the first [`MAX_POSTINGS`] questions of each
/// [`rank`]: all that [`posting_list`] can choose from, since it keeps a word's best placed
/// [`MAX_POSTINGS`], the lower doc first within a rank. So a word's list stays short however
/// many questions use it. Read in runs of questions on every thread, joined in order.
pub(super) fn capped_postings(
    docs: &[(PageId, &SearchDoc)],
    count: usize,
    mine: impl Fn(u32) -> bool + Sync,
) -> Vec<Vec<(u32, u32)>> {
    let run = docs.len().div_ceil(rayon::current_num_threads()).max(64);
    let postings = docs
        .par_chunks(run)
        .enumerate()
        .map(|(r, chunk)| {
            let mut postings: Vec<Vec<(u32, u32)>> = vec![Vec::new(); count];
            let mut counts: Vec<[u16; 16]> = vec![[0; 16]; count];
            for (n, (_, doc)) in chunk.iter().enumerate() {
                let n = (r * run + n) as u32;
                let mut marks = Marks::of(doc);
                for (place, word) in doc.words.iter().enumerate() {
                    if mine(word) {
                        let fields = marks.fields_at(place);
                        let seen = &mut counts[word as usize][rank(fields) as usize];
                        if (*seen as usize) < MAX_POSTINGS {
                            *seen += 1;
                            postings[word as usize].push((n, fields));
                        }
                    }
                }
            }
            postings
        })
        // In order: a run's lists go after those of the runs before it.
        .reduce_with(|mut before, after| {
            for (list, more) in before.iter_mut().zip(after) {
                if more.is_empty() {
                    continue;
                }
                let mut counts = [0usize; 16];
                list.iter()
                    .for_each(|&(_, f)| counts[rank(f) as usize] += 1);
                for (doc, f) in more {
                    let seen = &mut counts[rank(f) as usize];
                    if *seen < MAX_POSTINGS {
                        *seen += 1;
                        list.push((doc, f));
                    }
                }
            }
            before
        });
    postings.unwrap_or_else(|| vec![Vec::new(); count])
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
        for (place, word) in doc.words.iter().enumerate() {
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
    use super::super::tests::{doc, numbered};
    use super::super::{ANSWER, BODY, HEADING, TITLE};
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

    /// Keeping only the first [`MAX_POSTINGS`] questions of each rank while reading, in runs
    /// on every thread, makes the shards that every word's whole list makes: over 3,000
    /// questions of a few words, several with more than [`MAX_POSTINGS`] questions of a rank.
    #[test]
    fn shards_of_capped_lists_are_those_of_the_whole_lists() {
        let vocabulary = Vocabulary::default();
        let fields = [
            TITLE,
            ANSWER,
            HEADING | 2 << 4,
            TITLE | BODY,
            ANSWER | HEADING | 1 << 4,
        ];
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let docs: Vec<SearchDoc> = (0..3000u32)
            .map(|i| {
                let mut words = vec!["kettle", "scale"];
                words.extend(["lid", "boil", "spout"].into_iter().filter(|_| i % 3 != 0));
                words.push(["descale", "fuse"][(i % 2) as usize]);
                let marks = (0..words.len() as u32)
                    .filter_map(|p| {
                        state ^= state << 13;
                        state ^= state >> 7;
                        state ^= state << 17;
                        let pick = (state % 8) as usize;
                        fields.get(pick).map(|&f| (p, f))
                    })
                    .collect();
                doc(&vocabulary, &words.join(" "), marks)
            })
            .collect();
        let numbered = numbered(&docs);
        let spelled = vocabulary.words();
        let whole = postings_of(&numbered, spelled.len(), |_| true);
        let longest = whole.iter().map(Vec::len).max().unwrap();
        assert!(longest > 2 * MAX_POSTINGS, "{longest}");
        let capped = capped_postings(&numbered, spelled.len(), |_| true);
        assert!(capped.iter().map(Vec::len).max().unwrap() < longest);
        assert_eq!(
            shards_from(capped, &spelled, None),
            shards_from(whole, &spelled, None)
        );
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
        let numbered = numbered(&docs);
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

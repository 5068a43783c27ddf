//! The shard files of the search index (`search/t/<key>.json`): every word's questions with
//! their fields, built in parts from every question's words.

use std::collections::BTreeMap;

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use super::prefix::{MOST_PREFIXES, postings_with};
use super::{Keys, MAX_POSTINGS, SearchDoc, shard_key};
use crate::content::PageId;
use crate::error::Result;
use crate::output::{Body, Sink};

/// Writes the shards of the words in `keys` (every shard without it), found in every
/// question's words, in twice as many parts as there are threads, by the first byte of their
/// words: each part reads every question's words but indexes only its own, so the index is
/// held a quarter at a time on two threads, not whole. An incremental build indexes the words
/// of a few shards only: one part, one read of the words, or for a very few shards a search
/// of every question's words for each shard's prefix ([`postings_with`]).
/// With `keep`, it also hands back every word's questions it found, before shards cut them
/// ([`MAX_POSTINGS`]), for the index kept in memory.
pub(super) fn write_shards<'a>(
    docs: &[(PageId, &'a SearchDoc)],
    keys: Option<&Keys>,
    sink: &dyn Sink,
    keep: bool,
) -> Result<(usize, Vec<Found<'a>>)> {
    let parts = match keys {
        Some(_) => 1,
        None => 2 * rayon::current_num_threads().max(1),
    };
    let written = (0..parts)
        .into_par_iter()
        .map(|part| {
            let postings = match keys {
                Some(keys) if keys.prefixes().len() <= MOST_PREFIXES => {
                    postings_with(docs, keys.prefixes())
                }
                _ => postings_of(docs, |word| {
                    word.as_bytes()[0] as usize % parts == part
                        && keys.is_none_or(|keys| keys.has_word(word))
                }),
            };
            let mut found = Vec::new();
            let shards = shards_from(postings, keep.then_some(&mut found));
            Ok((put_shards(shards, sink)?, found))
        })
        .collect::<Result<Vec<(usize, Vec<Found<'a>>)>>>()?;
    let count = written.iter().map(|(n, _)| n).sum();
    Ok((count, written.into_iter().flat_map(|(_, f)| f).collect()))
}

/// A word and its questions with their fields (`(doc, fields)`, in order of doc).
pub(super) type Found<'a> = (&'a str, Vec<(u32, u32)>);

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
    docs: &[(PageId, &'a SearchDoc)],
    mine: impl Fn(&str) -> bool,
) -> Shards<'a> {
    shards_from(postings_of(docs, mine), None)
}

/// Every word `mine` accepts with its questions and fields.
pub(super) fn postings_of<'a>(
    docs: &[(PageId, &'a SearchDoc)],
    mine: impl Fn(&str) -> bool,
) -> FxHashMap<&'a str, Vec<(u32, u32)>> {
    let mut postings: FxHashMap<&'a str, Vec<(u32, u32)>> = FxHashMap::default();
    for (n, (_, doc)) in docs.iter().enumerate() {
        for (word, f) in doc.fields().filter(|(word, _)| mine(word)) {
            postings.entry(word).or_default().push((n as u32, f));
        }
    }
    postings
}

/// The shards of these words; each word's whole list also goes to `kept` when given.
pub(super) fn shards_from<'a>(
    postings: FxHashMap<&'a str, Vec<(u32, u32)>>,
    mut kept: Option<&mut Vec<Found<'a>>>,
) -> Shards<'a> {
    let mut shards = Shards::new();
    for (word, list) in postings {
        let flat = match kept.as_deref_mut() {
            Some(kept) => {
                let flat = posting_list(list.clone());
                kept.push((word, list));
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

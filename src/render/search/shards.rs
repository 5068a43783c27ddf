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
pub(super) fn posting_list(mut list: Vec<(u32, u32)>) -> Vec<u32> {
    if list.len() > MAX_POSTINGS {
        // The best placed first, then the lower doc: a total order (each doc is in the
        // list once), so picking the first MAX_POSTINGS needs no full sort.
        list.select_nth_unstable_by_key(MAX_POSTINGS, |&(doc, f)| {
            (std::cmp::Reverse(rank(f)), doc)
        });
        list.truncate(MAX_POSTINGS);
        list.sort_unstable();
    }
    let mut flat = Vec::with_capacity(list.len() * 2);
    let mut last = 0;
    for (doc, f) in list {
        flat.extend([doc - last, f]);
        last = doc;
    }
    flat
}

/// How well a word's place on a page speaks for the page: title, then short answer, then
/// heading, then text.
pub(super) fn rank(fields: u32) -> u32 {
    (fields & 0xf).reverse_bits() >> 28
}

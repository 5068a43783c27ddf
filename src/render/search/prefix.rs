//! The postings of the words of a few shards, for an incremental build, found by searching
//! every question's words for the shards' prefixes (`" sen"` for the shard `sen`) rather than
//! walking every word of every question: a page edit touches a few shards, and a byte search
//! skips the words of the others many at a time. With many shards to write, one walk over
//! every word costs less than a search for each ([`postings_of`](super::shards::postings_of)).
//!
//! It relies on what [`SearchDoc::words`] is: distinct words separated by single spaces, so a
//! word's place is the number of spaces before it.

use memchr::memmem::Finder;
use rustc_hash::FxHashMap;

use super::{BODY, SearchDoc};
use crate::content::PageId;

/// Prefixes searched for one at a time at most; with more, every word is walked instead.
pub(super) const MOST_PREFIXES: usize = 16;

/// Every word of the shards of `prefixes` with its questions and fields, in order of doc: as
/// [`postings_of`](super::shards::postings_of) finds them with a filter accepting exactly the
/// words of those shards. A prefix is a word's first three characters, or the whole word when
/// it is shorter (then its shard holds that word alone); no two prefixes the same.
pub(super) fn postings_with<'a>(
    docs: &[(PageId, &'a SearchDoc)],
    prefixes: &[String],
) -> FxHashMap<&'a str, Vec<(u32, u32)>> {
    let mut postings: FxHashMap<&'a str, Vec<(u32, u32)>> = FxHashMap::default();
    let spaced: Vec<String> = prefixes.iter().map(|p| format!(" {p}")).collect();
    let finders: Vec<Finder<'_>> = spaced.iter().map(|p| Finder::new(p.as_bytes())).collect();
    // Where the words of the shards start in a question's words (used again for each).
    let mut starts: Vec<usize> = Vec::new();
    for (n, (_, doc)) in docs.iter().enumerate() {
        let words = doc.words.as_str();
        let bytes = words.as_bytes();
        starts.clear();
        for (prefix, finder) in prefixes.iter().zip(&finders) {
            let whole = prefix.chars().nth(2).is_none();
            let first = words.starts_with(prefix.as_str()).then_some(0);
            let found = first
                .into_iter()
                .chain(finder.find_iter(bytes).map(|at| at + 1));
            // A prefix shorter than three characters is a word of its own shard, alone.
            starts.extend(found.filter(|&start| {
                !whole || bytes.get(start + prefix.len()).is_none_or(|&b| b == b' ')
            }));
        }
        // Places counted once for all the words found, in order.
        starts.sort_unstable();
        let (mut counted, mut place) = (0, 0);
        for &start in &starts {
            let len = memchr::memchr(b' ', &bytes[start..]).unwrap_or(bytes.len() - start);
            place += spaces(&bytes[counted..start]);
            counted = start;
            postings
                .entry(&words[start..start + len])
                .or_default()
                .push((n as u32, fields_at(doc, place)));
        }
    }
    postings
}

/// The fields of the word at `place` in a question's words.
fn fields_at(doc: &SearchDoc, place: u32) -> u32 {
    match doc.marks.binary_search_by_key(&place, |&(at, _)| at) {
        Ok(i) => doc.marks[i].1,
        Err(_) => BODY,
    }
}

/// How many spaces `bytes` holds: counted 64 bytes at a time into a byte, which the compiler
/// turns into vector instructions (counting into a `usize` for each byte costs several times
/// more).
fn spaces(bytes: &[u8]) -> u32 {
    let mut chunks = bytes.chunks_exact(64);
    let mut n = 0;
    for chunk in &mut chunks {
        let in_chunk: u8 = chunk.iter().map(|&b| u8::from(b == b' ')).sum();
        n += u32::from(in_chunk);
    }
    n + chunks.remainder().iter().filter(|&&b| b == b' ').count() as u32
}

#[cfg(test)]
mod tests {
    use super::super::before::Keys;
    use super::super::shards::postings_of;
    use super::super::tests::doc;
    use super::super::{HEADING, TITLE};
    use super::*;

    /// Questions made of generated words (distinct, single spaces, as a page's are), some
    /// with marks; and the shards of some of their words and of words none of them has.
    fn generated_docs() -> Vec<SearchDoc> {
        let pieces = ["se", "sen", "sent", "n", "é", "ab", "s", "e", "2"];
        let words = crate::test_text::generated(&pieces, 3000, 5);
        words
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
                doc(&distinct.join(" "), marks)
            })
            .collect()
    }

    #[test]
    fn prefix_search_finds_what_walking_every_word_finds() {
        let docs = generated_docs();
        let ids: Vec<(PageId, &SearchDoc)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (PageId(i as u32), d))
            .collect();
        let every: Vec<&str> = docs
            .iter()
            .flat_map(|d| d.words.split(' '))
            .filter(|w| !w.is_empty())
            .collect();
        for touched in every.chunks(7).take(200) {
            let mut keys = Keys::default();
            touched.iter().for_each(|w| keys.insert(w));
            keys.insert("zzzz");
            keys.insert("é2");
            let want = postings_of(&ids, |w| keys.has_word(w));
            let got = postings_with(&ids, keys.prefixes());
            assert_eq!(got, want, "{touched:?}");
        }
    }

    #[test]
    fn spaces_are_counted_as_one_by_one() {
        let pieces = ["a", " ", "bc ", "é", "  "];
        for text in crate::test_text::generated(&pieces, 2000, 120) {
            let want = text.bytes().filter(|&b| b == b' ').count() as u32;
            assert_eq!(spaces(text.as_bytes()), want, "{text:?}");
        }
    }

    #[test]
    fn a_short_word_is_its_own_shard_and_a_place_counts_the_words_before() {
        let docs = [
            doc("se sent sen xsen", vec![(1, TITLE), (2, HEADING)]),
            doc("sent se", vec![(0, TITLE)]),
        ];
        let ids: Vec<(PageId, &SearchDoc)> = docs
            .iter()
            .enumerate()
            .map(|(i, d)| (PageId(i as u32), d))
            .collect();
        let got = postings_with(&ids, &["se".to_owned(), "sen".to_owned()]);
        assert_eq!(got["se"], [(0, BODY), (1, BODY)]);
        assert_eq!(got["sent"], [(0, TITLE), (1, TITLE)]);
        assert_eq!(got["sen"], [(0, HEADING)]);
        assert!(!got.contains_key("xsen"));
        assert_eq!(got.len(), 3);
    }
}

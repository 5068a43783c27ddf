//! The search index, written in phase three from what phase two kept of every question
//! ([`SearchDoc`]: its headings and the words of its text, small enough to keep for every page
//! and in the build cache).
//!
//! Under `search/`: `t/<key>.json` holds every word that starts with `<key>` (its first three
//! letters; shorter words have their own file) with the questions it is in, and `d/<n>.json`
//! what a result shows of question `n` (path, title, short answer, headings). A query fetches
//! the shard of each of its words, then the files of the questions it shows: nothing of the
//! rest of the site. The theme's script (`answerbook.js`) reads it, with the same rules for
//! words as [`words`](words::html_words).
//!
//! In a shard, each word maps to `[doc, fields, doc, fields, ...]`, docs as differences from
//! the one before; `fields` has bit 1 for the title, 2 the short answer, 4 a heading, 8 the
//! text, and above the low four bits one more than the index of the first heading holding it.

use std::borrow::Cow;
use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use serde::Serialize;

use crate::content::PageId;
use crate::error::Result;
use crate::markdown::Rendered;
use crate::output::{Body, Sink};

use super::{Facts, Site};

mod words;

use words::{html_words, text_words};

const TITLE: u32 = 1;
const ANSWER: u32 = 2;
const HEADING: u32 = 4;
const BODY: u32 = 8;

/// Questions a word keeps in the index at most, the best placed first (title, answer,
/// heading, text): a word on more pages than this is a poor search term anyway.
const MAX_POSTINGS: usize = 1000;

/// Characters of the short answer a result shows.
const ANSWER_CHARS: usize = 160;

/// What the index needs of one question besides its title and short answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Its `h2` and `h3` headings: id and text.
    pub headings: Vec<(String, String)>,
    /// The distinct words of its text ([`words`](words::html_words)), sorted, separated by spaces (one string
    /// rather than many: this is kept for every question until the index is written).
    pub words: String,
}

impl SearchDoc {
    /// A rendered question's search data, taken before its HTML is dropped.
    pub fn of(rendered: &Rendered) -> SearchDoc {
        let headings = rendered
            .headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .map(|h| (h.id.clone(), h.title.clone()))
            .collect();
        let mut words = Vec::new();
        html_words(&rendered.html, |word| words.push(word));
        words.sort_unstable();
        words.dedup();
        SearchDoc {
            headings,
            words: words.join(" "),
        }
    }
}

/// The shard file a word is in: its first three characters, spelled in hex when they are not
/// all ASCII letters and digits.
fn shard_key(word: &str) -> String {
    let start: String = word.chars().take(3).collect();
    if start
        .bytes()
        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
    {
        start
    } else {
        let mut key = String::from("x");
        for b in start.bytes() {
            key.push_str(&format!("{b:02x}"));
        }
        key
    }
}

/// What a result shows of a question.
#[derive(Serialize)]
struct ResultDoc<'a> {
    /// Site path.
    u: &'a str,
    t: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    a: Option<String>,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    h: &'a [(String, String)],
}

/// Writes the index of every question with search data; returns how many files.
pub(super) fn write(site: &Site<'_>, facts: &Facts, sink: &dyn Sink) -> Result<usize> {
    let docs: Vec<(PageId, &SearchDoc)> = site
        .pages
        .ids()
        .filter_map(|(id, _)| Some((id, facts.search(id)?)))
        .collect();
    // Each question's words with their fields, and its result file, in parallel, a few
    // hundred questions at a time (all of their words at once would be a lot of memory).
    let mut postings: HashMap<Cow<'_, str>, Vec<(u32, u32)>> = HashMap::new();
    for (chunk, batch) in docs.chunks(512).enumerate() {
        let per_doc = batch
            .par_iter()
            .enumerate()
            .map(|(i, &(id, doc))| {
                let n = chunk * 512 + i;
                let page = &site.pages[id];
                let answer = answer_of(site, id, &facts[id]);
                let result = ResultDoc {
                    u: &page.url,
                    t: &page.title,
                    a: answer.map(|a| cut(a, ANSWER_CHARS)),
                    h: &doc.headings,
                };
                let json = serde_json::to_vec(&result).unwrap_or_default();
                sink.put(&format!("search/d/{n}.json"), Body::Bytes(json))?;
                Ok(fields_of(&page.title, answer, doc))
            })
            .collect::<Result<Vec<_>>>()?;
        for (i, fields) in per_doc.into_iter().enumerate() {
            let n = chunk * 512 + i;
            for (word, f) in fields {
                match postings.get_mut(word.as_ref()) {
                    Some(list) => list.push((n as u32, f)),
                    None => {
                        postings.insert(word, vec![(n as u32, f)]);
                    }
                }
            }
        }
    }
    let mut shards: BTreeMap<String, BTreeMap<Cow<'_, str>, Vec<u32>>> = BTreeMap::new();
    for (word, mut list) in postings {
        if list.len() > MAX_POSTINGS {
            list.sort_by_key(|&(doc, f)| (std::cmp::Reverse(rank(f)), doc));
            list.truncate(MAX_POSTINGS);
            list.sort_unstable();
        }
        let mut flat = Vec::with_capacity(list.len() * 2);
        let mut last = 0;
        for (doc, f) in list {
            flat.extend([doc - last, f]);
            last = doc;
        }
        shards
            .entry(shard_key(&word))
            .or_default()
            .insert(word, flat);
    }
    let files = docs.len() + shards.len();
    shards.into_par_iter().try_for_each(|(key, shard)| {
        let json = serde_json::to_vec(&shard).unwrap_or_default();
        sink.put(&format!("search/t/{key}.json"), Body::Bytes(json))
    })?;
    Ok(files)
}

/// A question's words with where they stand on it ([`TITLE`], [`ANSWER`], [`HEADING`] and
/// the first heading's number, [`BODY`]), borrowed from what they were read from.
fn fields_of<'a>(
    title: &'a str,
    answer: Option<&'a str>,
    doc: &'a SearchDoc,
) -> Vec<(Cow<'a, str>, u32)> {
    // The text's words come sorted: the few of the title, answer and headings are looked up
    // in them by binary search.
    let mut fields: Vec<(Cow<'a, str>, u32)> = doc
        .words
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(|w| (Cow::Borrowed(w), BODY))
        .collect();
    let mut extra: Vec<(Cow<'a, str>, u32)> = Vec::new();
    let mut mark = |w: Cow<'a, str>, bits: u32| {
        let f = match fields.binary_search_by(|(x, _)| x.as_ref().cmp(w.as_ref())) {
            Ok(at) => &mut fields[at].1,
            Err(_) => match extra.iter().position(|(x, _)| *x == w) {
                Some(at) => &mut extra[at].1,
                None => {
                    extra.push((w, 0));
                    &mut extra.last_mut().expect("just pushed").1
                }
            },
        };
        if bits >> 4 != 0 && *f >> 4 != 0 {
            *f |= bits & 0xf;
        } else {
            *f |= bits;
        }
    };
    for w in text_words(title) {
        mark(w, TITLE);
    }
    for w in text_words(answer.unwrap_or("")) {
        mark(w, ANSWER);
    }
    for (i, (_, heading)) in doc.headings.iter().enumerate() {
        for w in text_words(heading) {
            mark(w, HEADING | (i as u32 + 1) << 4);
        }
    }
    fields.extend(extra);
    fields
}

/// How well a word's place on a page speaks for the page: title, then short answer, then
/// heading, then text.
fn rank(fields: u32) -> u32 {
    (fields & 0xf).reverse_bits() >> 28
}

/// The short answer a question shows in results: its answer admonition, else its description
/// (the same for a page read from the cache, whose answer already fell back on it).
fn answer_of<'s>(site: &'s Site<'s>, id: PageId, rendered: &'s Rendered) -> Option<&'s str> {
    rendered
        .answer
        .as_deref()
        .or(site.pages[id].front.description.as_deref())
}

/// At most `max` characters of `text`, cut at a word boundary with an ellipsis.
fn cut(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let end = text.char_indices().nth(max).map_or(text.len(), |(i, _)| i);
    let head = &text[..end];
    let head = head.rfind(' ').map_or(head, |space| &head[..space]);
    format!("{}…", head.trim_end_matches([',', ';', ':', '.', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shard_keys_are_the_first_three_letters_or_their_hex() {
        assert_eq!(shard_key("beans"), "bea");
        assert_eq!(shard_key("io"), "io");
        assert_eq!(shard_key("café"), "caf");
        assert_eq!(shard_key("éclair"), "xc3a9636c");
    }

    #[test]
    fn rank_puts_the_title_first_and_the_text_last() {
        assert!(rank(TITLE) > rank(ANSWER | HEADING | BODY));
        assert!(rank(ANSWER) > rank(HEADING | BODY));
        assert!(rank(HEADING) > rank(BODY));
    }

    #[test]
    fn cut_stops_at_a_word() {
        assert_eq!(cut("short", 10), "short");
        assert_eq!(cut("one two three four", 10), "one two…");
    }
}

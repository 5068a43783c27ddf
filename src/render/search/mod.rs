//! The search index, written in phase three from what phase two kept of every question
//! ([`SearchDoc`]: its headings and the numbers of its words in the build's [`Vocabulary`],
//! small enough to keep for every page and in the build cache).
//!
//! Under `search/`: `t/<key>.json` holds every word that starts with `<key>` (its first three
//! letters; shorter words have their own file) with the questions it is in, and `d/<n>.json`
//! what a result shows of questions `8n` to `8n + 7` (path, title, short answer, headings:
//! an array, one entry per question). A query fetches
//! the shard of each of its words, then the files of the questions it shows: nothing of the
//! rest of the site. The theme's script (`answerbook.js`) reads it, with the same rules for
//! words as [`words`](words::html_words).
//!
//! In a shard, each word maps to `[doc, fields, doc, fields, ...]`, docs as differences from
//! the one before; `fields` has bit 1 for the title, 2 the short answer, 4 a heading, 8 the
//! text, and above the low four bits one more than the index of the first heading holding it.

use rayon::prelude::*;

use serde::Serialize;

use crate::content::PageId;
use crate::error::Result;
use crate::markdown::Rendered;
use crate::output::{Body, Sink};

use super::{Facts, Site};

mod before;
mod distinct;
mod numbers;
mod resident;
mod shards;
mod vocabulary;
mod words;

pub use before::Before;
pub use numbers::WordNumbers;
pub use resident::Resident;
use vocabulary::PageWords;
pub use vocabulary::Vocabulary;

use before::Keys;

use words::{html_words, text_words};

const TITLE: u32 = 1;
const ANSWER: u32 = 2;
const HEADING: u32 = 4;
const BODY: u32 = 8;

/// Questions a word keeps in the index at most, the best placed first (title, answer,
/// heading, text): a word on more pages than this is a poor search term anyway.
const MAX_POSTINGS: usize = 1000;

/// Questions per result file (`d/<n>.json` holds questions `8n` to `8n + 7`, in order): one
/// file per question doubled the files a build writes, and the file system's cost of making a
/// file is most of the cost of a small one. Not more: a query's first results fetch up to
/// eight of these files (at 16 a file, a first query downloaded twice as much).
const DOCS_PER_FILE: usize = 8;

/// Characters of the short answer a result shows.
const ANSWER_CHARS: usize = 160;

/// What the index needs of one question besides its title and short answer.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SearchDoc {
    /// Its `h2` and `h3` headings: id and text.
    pub headings: Vec<(String, String)>,
    /// Its distinct words ([`words`](words::html_words)) by their numbers in the build's
    /// [`Vocabulary`]: those of its text, in order of first appearance, then those only in its
    /// title, short answer or headings (kept for every question until the index is written).
    pub words: WordNumbers,
    /// The words that stand anywhere but only in its text: each one's place in [`words`]
    /// (counted in words) and its fields ([`TITLE`], [`ANSWER`], [`HEADING`] and the first
    /// heading's number, [`BODY`]), in order of place. Every other word is [`BODY`] alone.
    ///
    /// [`words`]: SearchDoc::words
    pub marks: Vec<(u32, u32)>,
}

impl SearchDoc {
    /// A rendered question's search data, taken before its HTML is dropped; `answer` is the
    /// short answer its results show ([`answer_of`]). Its words are numbered in `vocabulary`.
    pub fn of(
        rendered: &Rendered,
        title: &str,
        answer: Option<&str>,
        vocabulary: &Vocabulary,
    ) -> SearchDoc {
        let headings: Vec<(String, String)> = rendered
            .headings
            .iter()
            .filter(|h| (2..=3).contains(&h.level))
            .map(|h| (h.id.clone(), h.title.clone()))
            .collect();
        // Each distinct word with its place, in order of first appearance: a page repeats
        // most of its words, and nothing needs them sorted.
        let (words, marks) = vocabulary.page(|words| {
            html_words(&rendered.html, |word| {
                words.place(word);
            });
            marks_of(words, title, answer, &headings)
        });
        SearchDoc {
            headings,
            words: WordNumbers::from(words),
            marks,
        }
    }

    /// Its words' numbers, each with its fields.
    fn fields(&self) -> impl Iterator<Item = (u32, u32)> {
        let mut marks = Marks::of(self);
        let words = self.words.iter().enumerate();
        words.map(move |(place, word)| (word, marks.fields_at(place)))
    }
}

/// The fields of a question's words by place, read from its [`SearchDoc::marks`] in order of
/// place: a word with no mark is [`BODY`] alone.
struct Marks<'d>(std::iter::Peekable<std::slice::Iter<'d, (u32, u32)>>);

impl<'d> Marks<'d> {
    fn of(doc: &'d SearchDoc) -> Marks<'d> {
        Marks(doc.marks.iter().peekable())
    }

    /// The fields of the word at `place`; places are asked in increasing order, some skipped.
    fn fields_at(&mut self, place: usize) -> u32 {
        while self.0.next_if(|&&(at, _)| (at as usize) < place).is_some() {}
        match self.0.peek() {
            Some(&&(at, f)) if at as usize == place => f,
            _ => BODY,
        }
    }
}

/// Adds the words of a question's title, short answer and headings that its text (`words`,
/// so far) lacks, and returns the [`SearchDoc::marks`] of every word found there.
fn marks_of(
    words: &mut PageWords<'_>,
    title: &str,
    answer: Option<&str>,
    headings: &[(String, String)],
) -> Vec<(u32, u32)> {
    let body = words.len() as u32;
    let mut marks: Vec<(u32, u32)> = Vec::new();
    let mut mark = |w: &str, bits: u32| {
        let at = words.place(w);
        let f = match marks.iter().position(|(i, _)| *i == at) {
            Some(i) => &mut marks[i].1,
            None => {
                let first = if at < body { BODY } else { 0 };
                marks.push((at, first));
                &mut marks.last_mut().expect("just pushed").1
            }
        };
        if bits >> 4 != 0 && *f >> 4 != 0 {
            *f |= bits & 0xf;
        } else {
            *f |= bits;
        }
    };
    text_words(title, |w| mark(w, TITLE));
    text_words(answer.unwrap_or(""), |w| mark(w, ANSWER));
    for (i, (_, heading)) in headings.iter().enumerate() {
        text_words(heading, |w| mark(w, HEADING | (i as u32 + 1) << 4));
    }
    marks.sort_unstable();
    marks.shrink_to_fit();
    marks
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

/// Writes the index of every question with search data; returns how many files it made and
/// the files of the last build's index left as they were. With `before` (an incremental
/// build), only the result files of re-rendered questions and the shards that hold, or held,
/// their words are written; without it, the whole index.
pub(super) fn write(
    site: &Site<'_>,
    facts: &Facts,
    before: Option<&Before>,
    sink: &dyn Sink,
) -> Result<(usize, Vec<String>)> {
    let docs: Vec<(PageId, &SearchDoc)> = site
        .pages
        .ids()
        .filter_map(|(id, _)| Some((id, facts.search(id)?)))
        .collect();
    let renew = |id: PageId| before.is_none() || !site.pages[id].reused;
    // The result files, DOCS_PER_FILE questions each, in parallel: a file is written when
    // one of its questions was rendered again (all of them in a clean build).
    let stale: Vec<usize> = docs
        .chunks(DOCS_PER_FILE)
        .enumerate()
        .filter(|(_, chunk)| chunk.iter().any(|(id, _)| renew(*id)))
        .map(|(c, _)| c)
        .collect();
    let files: usize = stale
        .par_iter()
        .map(|&c| {
            let chunk = &docs[c * DOCS_PER_FILE..((c + 1) * DOCS_PER_FILE).min(docs.len())];
            let results: Vec<ResultDoc<'_>> = chunk
                .iter()
                .map(|&(id, doc)| {
                    let page = &site.pages[id];
                    ResultDoc {
                        u: &page.url,
                        t: &page.title,
                        a: answer_of(site, id, &facts[id]).map(|a| cut(a, ANSWER_CHARS)),
                        h: &doc.headings,
                    }
                })
                .collect();
            let json = serde_json::to_vec(&results).unwrap_or_default();
            sink.put(&result_file(c), Body::Bytes(json)).map(|()| 1)
        })
        .sum::<Result<usize>>()?;
    // Pages are all read: their words are spelled from here on, and no more are added.
    let words = site.vocabulary.words();
    let keys = before.map(|b| {
        let renewed = docs.iter().filter(|(id, _)| renew(*id));
        let renewed =
            renewed.filter_map(|&(id, doc)| Some((site.pages[id].rel_path.to_str()?, doc)));
        b.keys(renewed, &words)
    });
    let shards = resident::write(site, &docs, &words, keys.as_ref(), renew, sink)?;
    let kept = match (before, &keys) {
        (Some(before), Some(keys)) => {
            let rewritten = stale.iter().map(|&c| result_file(c)).collect();
            before.kept(&rewritten, keys)
        }
        _ => Vec::new(),
    };
    Ok((files + shards, kept))
}

/// The result file of the `c`-th run of [`DOCS_PER_FILE`] questions.
fn result_file(c: usize) -> String {
    format!("search/d/{c}.json")
}

/// The short answer a question shows in results: its answer admonition, else its description
/// (the same for a page read from the cache, whose answer already fell back on it).
pub(super) fn answer_of<'a>(
    site: &'a Site<'_>,
    id: PageId,
    rendered: &'a Rendered,
) -> Option<&'a str> {
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
mod tests;

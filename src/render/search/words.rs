//! The words search knows a page by: runs of letters and digits in the text a reader sees,
//! lower-cased, two to thirty characters long, without the [`STOP_WORDS`], lightly stemmed
//! ([`stem`]). The theme's script (`answerbook.js`) splits a query by the same rules.
//!
//! [`html_words`] reads them straight out of a page's HTML in one pass, without building the
//! page's text first: this runs on every question of a build.

use std::borrow::Cow;

/// Words too common to search for, sorted (looked up by binary search).
pub(super) const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "do", "does", "for", "from",
    "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "of", "on", "or", "so",
    "than", "that", "the", "their", "then", "there", "these", "this", "to", "was", "what", "when",
    "where", "which", "who", "why", "will", "with", "you", "your",
];

/// The longest of the [`STOP_WORDS`], in bytes: longer words skip the lookup.
const LONGEST_STOP_WORD: usize = 5;

/// Whether a word of at most [`LONGEST_STOP_WORD`] bytes is one of the [`STOP_WORDS`]:
/// compared as numbers (a word's bytes packed into one), since this runs for most words of
/// every page.
fn is_stop_word(word: &str) -> bool {
    let packed = pack(word.as_bytes());
    PACKED_STOP_WORDS.contains(&packed)
}

/// The bytes of a word of at most 7 bytes as one number (different words, different numbers).
const fn pack(bytes: &[u8]) -> u64 {
    let mut packed = bytes.len() as u64;
    let mut i = 0;
    while i < bytes.len() && i < 7 {
        packed |= (bytes[i] as u64) << (8 * (i + 1));
        i += 1;
    }
    packed
}

/// [`STOP_WORDS`], [`pack`]ed.
const PACKED_STOP_WORDS: [u64; STOP_WORDS.len()] = {
    let mut out = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        out[i] = pack(STOP_WORDS[i].as_bytes());
        i += 1;
    }
    out
};

/// The searchable words of a plain text.
#[cfg(test)]
pub(crate) fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text_words(text).map(Cow::into_owned)
}

/// The searchable words of a plain text, borrowed from it where they are spelled as in it.
pub(super) fn text_words(text: &str) -> impl Iterator<Item = Cow<'_, str>> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(searchable)
}

/// The searchable words of the text a reader sees in some HTML: tags are word breaks,
/// scripts and styles are left out, and the entities `&lt;` `&gt;` `&quot;` `&#39;` `&amp;`
/// (the ones pulldown-cmark writes) are word breaks, as the characters they stand for are.
pub(super) fn html_words<'h>(html: &'h str, mut each: impl FnMut(Cow<'h, str>)) {
    let bytes = html.as_bytes();
    let mut i = 0;
    // Where the current run of letters and digits started.
    let mut start: Option<usize> = None;
    let mut end_word = |start: &mut Option<usize>, at: usize| {
        if let Some(s) = start.take()
            && let Some(word) = searchable(&html[s..at])
        {
            each(word);
        }
    };
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            start.get_or_insert(i);
            i += 1;
            continue;
        }
        if b >= 0x80 {
            let c = html[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            if c.is_alphanumeric() {
                start.get_or_insert(i);
            } else {
                end_word(&mut start, i);
            }
            i += c.len_utf8();
            continue;
        }
        end_word(&mut start, i);
        i = match b {
            b'<' => after_tag(html, i),
            b'&' => after_entity(bytes, i),
            _ => i + 1,
        };
    }
    end_word(&mut start, bytes.len());
}

/// Where the text resumes after the tag at `lt`: after its `>`, or, for `<script` and
/// `<style`, after the `>` of their closing tag; the end when there is no `>`.
fn after_tag(html: &str, lt: usize) -> usize {
    let rest = &html[lt..];
    let mut from = lt;
    if rest
        .as_bytes()
        .get(1)
        .is_some_and(|b| b.eq_ignore_ascii_case(&b's'))
    {
        for (open, close) in [("<script", "</script"), ("<style", "</style")] {
            if rest
                .as_bytes()
                .get(..open.len())
                .is_some_and(|start| start.eq_ignore_ascii_case(open.as_bytes()))
            {
                if let Some(at) = rest.find(close) {
                    from = lt + at;
                }
                break;
            }
        }
    }
    // A tag's `>` is a few bytes on: a plain loop beats a searcher set up for each tag.
    html.as_bytes()[from..]
        .iter()
        .position(|&b| b == b'>')
        .map_or(html.len(), |gt| from + gt + 1)
}

/// Where the text resumes after the `&` at `amp`: after the entity when it is one of those
/// [`html_words`] reads as a word break, else just after the `&`.
fn after_entity(bytes: &[u8], amp: usize) -> usize {
    let rest = &bytes[amp..];
    [&b"&lt;"[..], b"&gt;", b"&quot;", b"&#39;", b"&amp;"]
        .iter()
        .find(|entity| rest.starts_with(entity))
        .map_or(amp + 1, |entity| amp + entity.len())
}

/// The words of a string of words separated by spaces, found by a plain byte loop: every
/// question's words are read this way each build (a `split(' ')` searches for each space
/// with its own call, which cost more than the rest of the walk).
pub(super) struct SpacedWords<'a>(pub(super) &'a str);

impl<'a> Iterator for SpacedWords<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        let bytes = self.0.as_bytes();
        let start = bytes.iter().position(|&b| b != b' ')?;
        let len = bytes[start..]
            .iter()
            .position(|&b| b == b' ')
            .unwrap_or(bytes.len() - start);
        let word = &self.0[start..start + len];
        self.0 = &self.0[start + len..];
        Some(word)
    }
}

/// A run of letters and digits as search knows it, or `None` when search leaves it out.
fn searchable(run: &str) -> Option<Cow<'_, str>> {
    if run.is_empty() {
        return None;
    }
    let word: Cow<'_, str> = if run.is_ascii() {
        if run.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(run.to_ascii_lowercase())
        } else {
            Cow::Borrowed(run)
        }
    } else {
        let lower = run.to_lowercase();
        if lower == run {
            Cow::Borrowed(run)
        } else {
            Cow::Owned(lower)
        }
    };
    let n = if word.is_ascii() {
        word.len()
    } else {
        word.chars().count()
    };
    if !(2..=30).contains(&n) || (word.len() <= LONGEST_STOP_WORD && is_stop_word(&word)) {
        return None;
    }
    Some(stem(word, n))
}

/// English plurals to their singular, roughly: `queries` -> `query`, `beans` -> `bean`
/// (`glass`, `status` and `basis` kept). `n` is the word's length in characters.
fn stem(word: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    if n > 4 && word.ends_with("ies") {
        let mut owned = word.into_owned();
        owned.truncate(owned.len() - 3);
        owned.push('y');
        Cow::Owned(owned)
    } else if n > 3 && word.ends_with('s') && !["ss", "us", "is"].iter().any(|e| word.ends_with(e))
    {
        match word {
            Cow::Borrowed(w) => Cow::Borrowed(&w[..w.len() - 1]),
            Cow::Owned(mut w) => {
                w.pop();
                Cow::Owned(w)
            }
        }
    } else {
        word
    }
}

#[cfg(test)]
mod tests;

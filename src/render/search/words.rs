//! The words search knows a page by: runs of letters and digits in the text a reader sees,
//! lower-cased, two to thirty characters long, without the [`STOP_WORDS`], lightly stemmed
//! ([`stem`]). The theme's script (`answerbook.js`) splits a query by the same rules.
//!
//! [`html_words`] reads them straight out of a page's HTML in one pass, without building the
//! page's text first: this runs on every question of a build. A run of ASCII letters and
//! digits, most words, is lower-cased, checked and stemmed without allocating
//! ([`ascii_searchable`]); any other run by the rule for all of them, [`searchable`].

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
/// compared as numbers (a word's bytes packed into one), by binary search, since this runs
/// for most words of every page.
fn is_stop_word(word: &[u8]) -> bool {
    PACKED_STOP_WORDS.binary_search(&pack(word)).is_ok()
}

/// Whether a word that starts with `first` may be one of the [`STOP_WORDS`]: most short words
/// are known by their first letter not to be.
fn may_be_stop_word(first: u8) -> bool {
    first.is_ascii_lowercase() && STOP_WORD_STARTS & 1 << (first - b'a') != 0
}

/// The first letters of the [`STOP_WORDS`], as bits (`a` the lowest).
const STOP_WORD_STARTS: u32 = {
    let mut bits = 0;
    let mut i = 0;
    while i < STOP_WORDS.len() {
        bits |= 1 << (STOP_WORDS[i].as_bytes()[0] - b'a');
        i += 1;
    }
    bits
};

/// The bytes of a word of at most 7 bytes as one number (different words, different numbers):
/// its length in the low byte, its bytes above it in order.
const fn pack(bytes: &[u8]) -> u64 {
    let mut packed = 0;
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        packed = packed << 8 | bytes[i] as u64;
    }
    packed << 8 | bytes.len() as u64
}

/// [`STOP_WORDS`], [`pack`]ed, in order.
const PACKED_STOP_WORDS: [u64; STOP_WORDS.len()] = {
    let mut out = [0; STOP_WORDS.len()];
    let mut i = 0;
    while i < STOP_WORDS.len() {
        // Insertion sort: fifty numbers, once, while compiling.
        let packed = pack(STOP_WORDS[i].as_bytes());
        let mut j = i;
        while j > 0 && out[j - 1] > packed {
            out[j] = out[j - 1];
            j -= 1;
        }
        out[j] = packed;
        i += 1;
    }
    out
};

/// The searchable words of a plain text.
#[cfg(test)]
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    text_words(text, |w| found.push(w.to_owned()));
    found
}

/// The searchable words of a plain text, each lent to `each` in turn.
pub(super) fn text_words(text: &str, mut each: impl FnMut(&str)) {
    scan(text, false, &mut each);
}

/// The searchable words of the text a reader sees in some HTML, each lent to `each` in turn:
/// tags are word breaks, scripts and styles are left out, and the entities `&lt;` `&gt;`
/// `&quot;` `&#39;` `&amp;` (the ones pulldown-cmark writes) are word breaks, as the
/// characters they stand for are.
pub(super) fn html_words(html: &str, mut each: impl FnMut(&str)) {
    scan(html, true, &mut each);
}

/// What a byte is to [`scan`]: one of these bits, or none of them (a word break).
const LETTER: u8 = 1;
/// An ASCII capital (also a [`LETTER`]).
const CAPITAL: u8 = 2;
/// A byte of a character of several bytes, a letter or not ([`scan`] meets only the first).
const HIGH: u8 = 4;
/// `<` or `&`, which begin markup in HTML.
const MARKUP: u8 = 8;

/// [`LETTER`], [`CAPITAL`], [`HIGH`] or [`MARKUP`], for each byte.
const CLASS: [u8; 256] = {
    let mut class = [0; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        class[b] = if c.is_ascii_uppercase() {
            LETTER | CAPITAL
        } else if c.is_ascii_alphanumeric() {
            LETTER
        } else if c >= 0x80 {
            HIGH
        } else if c == b'<' || c == b'&' {
            MARKUP
        } else {
            0
        };
        b += 1;
    }
    class
};

/// Hands `each` the searchable words of `text`, read as HTML when `html` is set.
fn scan(text: &str, html: bool, each: &mut impl FnMut(&str)) {
    let bytes = text.as_bytes();
    // Where an ASCII word is spelled when it is not a slice of `text`.
    let mut spelled = String::with_capacity(MAX_CHARS);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let class = CLASS[b as usize];
        if class == 0 {
            i += 1;
        } else if class & LETTER != 0 {
            // A run of ASCII letters and digits, most often the whole of a word.
            let start = i;
            let mut seen = class;
            i += 1;
            while let Some(&b) = bytes.get(i) {
                let class = CLASS[b as usize];
                if class & LETTER == 0 {
                    break;
                }
                seen |= class;
                i += 1;
            }
            if bytes.get(i).is_some_and(|&b| b >= 0x80) {
                i = run(text, start, i, each);
            } else if i - start >= 2
                && let Some(word) =
                    ascii_searchable(&text[start..i], seen & CAPITAL != 0, &mut spelled)
            {
                each(word);
            }
        } else if class == HIGH {
            let c = text[i..]
                .chars()
                .next()
                .expect("i is on a character boundary");
            i = if c.is_alphanumeric() {
                run(text, i, i, each)
            } else {
                i + c.len_utf8()
            };
        } else if !html {
            i += 1;
        } else if b == b'<' {
            i = after_tag(text, i);
        } else {
            i = after_entity(bytes, i);
        }
    }
}

/// Hands `each` the word of the run of letters and digits that starts at `start` and goes
/// on at `from` with a character of several bytes, if search keeps it; returns where the
/// run ends.
#[cold]
fn run(text: &str, start: usize, from: usize, each: &mut impl FnMut(&str)) -> usize {
    let mut i = from;
    let mut ascii = true;
    while let Some(c) = text[i..].chars().next()
        && c.is_alphanumeric()
    {
        ascii &= c.is_ascii();
        i += c.len_utf8();
    }
    let run = &text[start..i];
    if ascii {
        let mut spelled = String::new();
        let upper = run.bytes().any(|b| b.is_ascii_uppercase());
        if let Some(word) = ascii_searchable(run, upper, &mut spelled) {
            each(word);
        }
    } else if let Some(word) = searchable(run) {
        each(&word);
    }
    i
}

/// Where the text resumes after the tag at `lt`: after its `>`, or, for `<script` and
/// `<style`, after the `>` of their closing tag; the end when there is no `>`.
fn after_tag(html: &str, lt: usize) -> usize {
    let bytes = html.as_bytes();
    let mut from = lt + 1;
    // Most tags are known by their next two letters not to be either.
    if let Some(&[s, c]) = bytes.get(lt + 1..lt + 3)
        && s | 0x20 == b's'
        && matches!(c | 0x20, b'c' | b't')
    {
        let rest = &html[lt..];
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
    bytes[from..]
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

/// The most characters of a word search keeps.
const MAX_CHARS: usize = 30;

/// [`searchable`] for a run of ASCII letters and digits, allocating nothing: the word is the
/// run, the start of it, or spelled in `spelled` (a buffer used again for each run). `upper`:
/// whether the run has a capital.
fn ascii_searchable<'a>(run: &'a str, upper: bool, spelled: &'a mut String) -> Option<&'a str> {
    let n = run.len();
    if !(2..=MAX_CHARS).contains(&n) {
        return None;
    }
    if upper {
        spelled.clear();
        spelled.push_str(run);
        spelled.make_ascii_lowercase();
    }
    let lower = if upper {
        spelled.as_bytes()
    } else {
        run.as_bytes()
    };
    if n <= LONGEST_STOP_WORD && may_be_stop_word(lower[0]) && is_stop_word(lower) {
        return None;
    }
    Some(match plural(lower, n) {
        Plural::Ies => {
            if upper {
                spelled.truncate(n - 3);
            } else {
                spelled.clear();
                spelled.push_str(&run[..n - 3]);
            }
            spelled.push('y');
            spelled
        }
        Plural::S if upper => &spelled[..n - 1],
        Plural::S => &run[..n - 1],
        Plural::No if upper => spelled,
        Plural::No => run,
    })
}

/// A run of letters and digits as search knows it, or `None` when search leaves it out: the
/// rule, for any run ([`ascii_searchable`] is the same for ASCII ones).
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
    if !(2..=MAX_CHARS).contains(&n)
        || (word.len() <= LONGEST_STOP_WORD && is_stop_word(word.as_bytes()))
    {
        return None;
    }
    Some(stem(word, n))
}

/// What [`stem`] does to a word.
enum Plural {
    /// `queries` -> `query`.
    Ies,
    /// `beans` -> `bean`.
    S,
    /// Nothing: not a plural, or one kept (`glass`, `status`, `basis`).
    No,
}

/// Whether and how `word` (`n` characters long) is a plural [`stem`] makes singular.
#[inline]
fn plural(word: &[u8], n: usize) -> Plural {
    if n > 4 && word.ends_with(b"ies") {
        Plural::Ies
    } else if n > 3
        && word.ends_with(b"s")
        && ![b"ss", b"us", b"is"].iter().any(|e| word.ends_with(*e))
    {
        Plural::S
    } else {
        Plural::No
    }
}

/// English plurals to their singular, roughly: `queries` -> `query`, `beans` -> `bean`
/// (`glass`, `status` and `basis` kept). `n` is the word's length in characters.
fn stem(word: Cow<'_, str>, n: usize) -> Cow<'_, str> {
    match (plural(word.as_bytes(), n), word) {
        (Plural::Ies, word) => {
            let mut owned = word.into_owned();
            owned.truncate(owned.len() - 3);
            owned.push('y');
            Cow::Owned(owned)
        }
        (Plural::S, Cow::Borrowed(w)) => Cow::Borrowed(&w[..w.len() - 1]),
        (Plural::S, Cow::Owned(mut w)) => {
            w.pop();
            Cow::Owned(w)
        }
        (Plural::No, word) => word,
    }
}

#[cfg(test)]
mod tests;

//! The fast path of front matter parsing: reads the shape nearly every page has straight into a
//! [`FrontMatter`] and declines (`None`) everything else, which then goes to serde-saphyr, the
//! parser of record. So every error, and every value YAML could read in more than one way, is
//! serde-saphyr's; this module only ever gives what serde-saphyr would give for the same text.
//!
//! The shape read here: top-level `key: value` lines (and `#` comment lines at the left margin,
//! blank lines) whose value is a one-line scalar, plain or quoted; a `meta:` list of
//! `- name: x` / `  content: y` items; and a list of `- word` items under any other key. Declined
//! among others: tabs, `\r`, control characters, comments after values, flow `[...]`/`{...}`,
//! anchors, tags, block scalars, multi-line scalars, escapes other than `\"` and `\\`, empty
//! (null) values, duplicate keys, and plain values YAML may turn into a number, boolean or null.

use std::borrow::Cow;

use serde_json::Value;

use super::{DateField, FrontMatter};
use crate::config::MetaTag;
use crate::yaml::{self, ScalarPosition};

/// Longer front matter goes to serde-saphyr, whose size limits then apply as always.
const MAX_LEN: usize = 16 * 1024;

/// `text` read as front matter, or `None` when it is not in the shape this path reads.
pub(super) fn parse(text: &str) -> Option<FrontMatter> {
    if text.len() > MAX_LEN || !printable(text) {
        return None;
    }
    let lines = lines(text);
    let mut front = FrontMatter::default();
    let mut seen: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        if line.text.is_empty() || line.text.starts_with('#') {
            continue;
        }
        let (key, at, raw) = key_value(line.text)?;
        if seen.contains(&key) {
            return None;
        }
        seen.push(key);
        if raw.is_empty() {
            let end = block_end(&lines, i);
            let block = &lines[i..end];
            i = end;
            match key {
                "meta" => front.meta = meta_list(block)?,
                "title" | "description" | "date" | "updated" | "draft" | "faq" => return None,
                _ => {
                    front.extra.insert(key.to_owned(), word_list(block)?);
                }
            }
            continue;
        }
        let value = Scalar::read(raw)?;
        match key {
            "title" => front.title = Some(value.string()?),
            "description" => front.description = Some(value.string()?),
            "date" => {
                let day = DateField::Day(value.word()?);
                front.date = Some(yaml::spanned_at(day, position(text, line, at, raw))?);
            }
            "updated" => {
                let day = value.word()?;
                front.updated = Some(yaml::spanned_at(day, position(text, line, at, raw))?);
            }
            "draft" => front.draft = value.boolean()?,
            "faq" => front.faq = Some(value.boolean()?),
            "meta" => return None,
            _ => {
                front
                    .extra
                    .insert(key.to_owned(), Value::String(value.word()?));
            }
        }
    }
    (!seen.is_empty()).then_some(front)
}

/// One line of the text, without its `\n`.
#[derive(Clone, Copy)]
struct Line<'a> {
    /// 1-based.
    number: usize,
    /// Byte offset of the line in the text.
    start: usize,
    text: &'a str,
}

/// The lines of `text` as `text.split('\n')` cuts it, the newlines found with memchr.
fn lines(text: &str) -> Vec<Line<'_>> {
    let mut lines = Vec::with_capacity(16);
    let mut start = 0;
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    for end in ends {
        lines.push(Line {
            number: lines.len() + 1,
            start,
            text: &text[start..end],
        });
        start = end + 1;
    }
    lines
}

/// Only `\n` and characters YAML takes as they are: no tab, `\r`, control character, byte
/// order mark, non-character or Unicode line separator.
fn printable(text: &str) -> bool {
    let ascii_ok = |b: u8| b == b'\n' || (b' '..=b'~').contains(&b) || b >= 0x80;
    text.bytes().all(ascii_ok)
        && (text.is_ascii()
            || text.chars().all(|c| {
                c.is_ascii()
                    || (c >= '\u{a0}'
                        && !matches!(
                            c,
                            '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
                        ))
            }))
}

/// `key: value` split into the key, the byte offset of the value in the line and the value
/// (empty when the line ends after the colon). Keys are ASCII words that YAML reads as strings.
fn key_value(line: &str) -> Option<(&str, usize, &str)> {
    // A byte search: a character beyond ASCII stops the key at its first byte, as it would
    // stop a search by characters there.
    let end = line
        .bytes()
        .position(|b| !(b.is_ascii_alphanumeric() || b == b'_' || b == b'-'))
        .unwrap_or(line.len());
    let key = &line[..end];
    let first = *key.as_bytes().first()?;
    if !(first.is_ascii_alphabetic() || first == b'_') || special_word(key) {
        return None;
    }
    let after = line[end..].strip_prefix(':')?;
    if after.is_empty() {
        return Some((key, line.len(), ""));
    }
    let value = after.strip_prefix(' ')?.trim_start_matches(' ');
    Some((key, line.len() - value.len(), value.trim_end_matches(' ')))
}

/// Where a block opened by `key:` on the line before `from` ends: at the first blank line or
/// line that neither is indented nor starts a list item.
fn block_end(lines: &[Line<'_>], from: usize) -> usize {
    lines[from..]
        .iter()
        .position(|l| !(l.text.starts_with(' ') || l.text.starts_with('-')))
        .map_or(lines.len(), |n| from + n)
}

/// The list items of a block, each as the text after `- `, all at the first item's indent.
/// `continued` says whether an item may go on over lines indented two more (a mapping).
fn items<'a>(block: &[Line<'a>], continued: bool) -> Option<Vec<Vec<&'a str>>> {
    let indent = block.first()?.text.len() - block.first()?.text.trim_start_matches(' ').len();
    let mut items: Vec<Vec<&str>> = Vec::new();
    for line in block {
        let (spaces, rest) = line
            .text
            .split_at(line.text.len() - line.text.trim_start_matches(' ').len());
        if spaces.len() == indent {
            let item = rest.strip_prefix("- ").filter(|r| !r.starts_with(' '))?;
            items.push(vec![item]);
        } else if continued && spaces.len() == indent + 2 && !rest.starts_with('-') {
            items.last_mut()?.push(rest);
        } else {
            return None;
        }
    }
    Some(items)
}

/// `meta:` as a list of `name`/`content` mappings, each key once, both present.
fn meta_list(block: &[Line<'_>]) -> Option<Vec<MetaTag>> {
    let mut tags = Vec::new();
    for item in items(block, true)? {
        let (mut name, mut content) = (None, None);
        for pair in item {
            let (key, _, raw) = key_value(pair)?;
            let value = Scalar::read(raw)?.string()?;
            let slot = match key {
                "name" => &mut name,
                "content" => &mut content,
                _ => return None,
            };
            if slot.replace(value).is_some() {
                return None;
            }
        }
        tags.push(MetaTag {
            name: name?,
            content: content?,
        });
    }
    Some(tags)
}

/// A list of one-line scalars that YAML reads as strings (`tags:`, `hide:`).
fn word_list(block: &[Line<'_>]) -> Option<Value> {
    let items = items(block, false)?;
    let words = items
        .into_iter()
        .map(|item| {
            Scalar::read(item[0].trim_end_matches(' '))?
                .word()
                .map(Value::String)
        })
        .collect::<Option<Vec<_>>>()?;
    Some(Value::Array(words))
}

/// Where the scalar `raw`, at byte `at` of `line`, sits in `text`, as the parser counts.
fn position(text: &str, line: Line<'_>, at: usize, raw: &str) -> ScalarPosition {
    let chars = |s: &str| {
        if s.is_ascii() {
            s.len()
        } else {
            s.chars().count()
        }
    };
    ScalarPosition {
        line: line.number,
        column: chars(&line.text[..at]) + 1,
        char_offset: chars(&text[..line.start + at]),
        char_len: chars(raw),
        byte_offset: line.start + at,
        byte_len: raw.len(),
    }
}

/// Plain words YAML (1.1 or 1.2) may read as a boolean, null or special number.
fn special_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "y", "n", "yes", "no", "on", "off", "true", "false", "null", "nan", "inf", "infinity",
    ];
    WORDS.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// A one-line scalar: its text, and whether it was plain (unquoted).
struct Scalar<'a> {
    text: Cow<'a, str>,
    plain: bool,
}

impl<'a> Scalar<'a> {
    /// Reads `raw` (trimmed, not empty), or `None` if it is not a scalar this path reads.
    fn read(raw: &'a str) -> Option<Self> {
        let text = match raw.as_bytes().first()? {
            b'"' => double_quoted(raw)?,
            b'\'' => single_quoted(raw)?,
            _ if plain(raw) => {
                return Some(Self {
                    text: Cow::Borrowed(raw),
                    plain: true,
                });
            }
            _ => return None,
        };
        Some(Self { text, plain: false })
    }

    /// For a `String` field: any text but the plain ones that mean null.
    fn string(self) -> Option<String> {
        let null = self.plain && matches!(&*self.text, "~" | "null" | "Null" | "NULL");
        (!null).then(|| self.text.into_owned())
    }

    /// For a value read without a type to go by (`date`, which may also be a mapping, and
    /// `extra`): a quoted text, or a plain one that YAML reads as a string for sure, one
    /// starting with a letter that is not a special word or starting `YYYY-` like a day.
    fn word(self) -> Option<String> {
        let b = self.text.as_bytes();
        let day_like = b.len() >= 5 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-';
        let letter = self.text.chars().next().is_some_and(char::is_alphabetic);
        let string = !self.plain || day_like || (letter && !special_word(&self.text));
        string.then(|| self.text.into_owned())
    }

    /// For a `bool` field: plain `true` or `false`.
    fn boolean(self) -> Option<bool> {
        match (self.plain, &*self.text) {
            (true, "true") => Some(true),
            (true, "false") => Some(false),
            _ => None,
        }
    }
}

/// A plain scalar YAML reads in one piece: no indicator first, no `: ` or ` #` inside, no `:`
/// at the end.
fn plain(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    !b"-?:,[]{}#&*!|>'\"%@`\\ ".contains(&bytes[0])
        && !raw.ends_with(':')
        && !memchr::memchr_iter(b':', bytes).any(|i| bytes.get(i + 1) == Some(&b' '))
        && !memchr::memchr_iter(b'#', bytes).any(|i| i > 0 && bytes[i - 1] == b' ')
}

/// `"..."` on one line, with no escape but `\"` and `\\`.
fn double_quoted(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('"')?.strip_suffix('"')?;
    if memchr::memchr2(b'"', b'\\', inner.as_bytes()).is_none() {
        return Some(Cow::Borrowed(inner));
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return None,
            '\\' => match chars.next()? {
                c @ ('"' | '\\') => out.push(c),
                _ => return None,
            },
            c => out.push(c),
        }
    }
    Some(Cow::Owned(out))
}

/// `'...'` on one line, `''` standing for `'`.
fn single_quoted(raw: &str) -> Option<Cow<'_, str>> {
    let inner = raw.strip_prefix('\'')?.strip_suffix('\'')?;
    if memchr::memchr(b'\'', inner.as_bytes()).is_none() {
        return Some(Cow::Borrowed(inner));
    }
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c == '\'' && chars.next()? != '\'' {
            return None;
        }
        out.push(c);
    }
    Some(Cow::Owned(out))
}

#[cfg(test)]
mod tests;

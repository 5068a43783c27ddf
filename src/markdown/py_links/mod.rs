//! Links and images as Python-Markdown reads and writes them, for the pages of MkDocs
//! projects (answerbook sites keep CommonMark's rules): [`target`], the `(address "title")`
//! part read by Python-Markdown's rules, [`refdefs`], reference definitions read by them, and
//! [`hrefs`], addresses written as written.
//!
//! Reading happens in the line pass, on lines that are neither code nor HTML: where a line
//! holds `[text](...)` or `![alt](...)` whose target Python-Markdown reads differently from
//! CommonMark (a space or quote in the address, an unbalanced parenthesis, mixed quotes), the
//! target is written again in a form CommonMark reads the same way, `(<address> "title")`.
//! Nothing else on the line moves to another line, so line numbers stay true; a link that
//! pulldown-cmark then parses is rewritten and checked like any other. A line without `](`
//! costs one byte search. [`spaced`] joins `[text] [id]` into one reference link.

pub(super) mod hrefs;
pub(super) mod refdefs;
pub(super) mod spaced;
mod target;

#[cfg(test)]
mod tests;

use std::borrow::Cow;
use std::ops::Range;

/// Characters a backslash escapes in Python-Markdown (a backslash before any other stays).
fn escapable(b: u8) -> bool {
    matches!(
        b,
        b'\\'
            | b'`'
            | b'*'
            | b'_'
            | b'{'
            | b'}'
            | b'['
            | b']'
            | b'('
            | b')'
            | b'>'
            | b'#'
            | b'+'
            | b'-'
            | b'.'
            | b'!'
    )
}

/// `line` with the link targets Python-Markdown reads differently written for CommonMark;
/// `following` are the next lines of its paragraph (a title may close there).
pub(in crate::markdown) fn rewrite_line<'a, 'f>(
    line: &'a str,
    following: impl Iterator<Item = &'f str> + Clone,
) -> Cow<'a, str> {
    if !line.contains("](") {
        return Cow::Borrowed(line);
    }
    let mut edits: Vec<(Range<usize>, String)> = Vec::new();
    find_links(line, 0..line.len(), false, &following, &mut edits);
    if edits.is_empty() {
        return Cow::Borrowed(line);
    }
    let mut out = String::with_capacity(line.len() + 16);
    let mut copied = 0;
    for (range, text) in edits {
        out.push_str(&line[copied..range.start]);
        out.push_str(&text);
        copied = range.end;
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}

/// Finds the links (or, inside a link's text, only the images) in `line[within]`.
fn find_links<'f>(
    line: &str,
    within: Range<usize>,
    images_only: bool,
    following: &(impl Iterator<Item = &'f str> + Clone),
    edits: &mut Vec<(Range<usize>, String)>,
) {
    let b = &line.as_bytes()[..within.end];
    let mut i = within.start;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|&c| escapable(c)) => i += 2,
            b'`' => match code_span_end(b, i) {
                Some(end) => i = end,
                // Perhaps closed on another line: leave the rest alone.
                None => return,
            },
            b'[' => {
                let image = i > 0 && b[i - 1] == b'!' && (i < 2 || b[i - 2] != b'\\');
                let found = (image || !images_only)
                    .then(|| text_end(b, i))
                    .flatten()
                    .filter(|&close| b.get(close + 1) == Some(&b'('))
                    .and_then(|close| {
                        let t = target::read(line, close + 1, following.clone())?;
                        Some((close, t))
                    });
                let Some((close, t)) = found else {
                    i += 1;
                    continue;
                };
                let written = close + 1..t.end;
                if !plain(&line[written.clone()]) {
                    edits.push((written, commonmark(&t)));
                }
                if !image {
                    // A link's text may hold images.
                    find_links(line, i + 1..close, true, following, edits);
                }
                i = t.end;
            }
            _ => i += 1,
        }
    }
}

/// After the backtick run at `at`: the end of the code span it opens on this line.
fn code_span_end(b: &[u8], at: usize) -> Option<usize> {
    let run = b[at..].iter().take_while(|&&c| c == b'`').count();
    let mut i = at + run;
    while i < b.len() {
        if b[i] == b'`' {
            let closing = b[i..].iter().take_while(|&&c| c == b'`').count();
            if closing == run {
                return Some(i + run);
            }
            i += closing;
        } else {
            i += 1;
        }
    }
    None
}

/// The `]` that closes the `[` at `open` (brackets nest), on this line.
fn text_end(b: &[u8], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = open;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|&c| escapable(c)) => i += 1,
            b'`' => {
                i = code_span_end(b, i)?;
                continue;
            }
            b'[' => depth += 1,
            b']' => {
                depth -= 1;
                if depth == 0 {
                    return Some(i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// Whether a written target reads the same in CommonMark: `(address)` or
/// `(address "title")` with no space, quote, angle bracket, backslash or unbalanced
/// parenthesis in the address and no quote or backslash inside the title.
fn plain(written: &str) -> bool {
    let inner = written
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or("")
        .trim_matches(' ');
    let (address, title) = inner.split_once(' ').unwrap_or((inner, ""));
    let mut depth = 0i32;
    let address_plain = !address.bytes().any(|c| {
        depth += match c {
            b'(' => 1,
            b')' => -1,
            _ => 0,
        };
        depth < 0 || c.is_ascii_whitespace() || matches!(c, b'"' | b'\'' | b'<' | b'>' | b'\\')
    }) && depth == 0;
    let title = title.trim_start_matches(' ');
    let title_plain = title.is_empty()
        || [b'"', b'\''].iter().any(|&q| {
            let t = title.as_bytes();
            t.len() >= 2
                && t[0] == q
                && t[t.len() - 1] == q
                && !t[1..t.len() - 1].iter().any(|&c| c == q || c == b'\\')
        });
    address_plain && title_plain
}

/// A target as CommonMark reads it the way Python-Markdown read `t`.
fn commonmark(t: &target::Target) -> String {
    let mut out = String::with_capacity(t.href.len() + 8);
    out.push_str("(<");
    for c in t.href.chars() {
        if matches!(c, '<' | '>' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('>');
    if let Some(title) = &t.title {
        out.push_str(" \"");
        for c in title.chars() {
            if matches!(c, '"' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push(')');
    out
}

//! The delimiters of pymdownx.arithmatex, read as the extension reads them: where a piece of
//! math starts and ends, with backslash pairs (`\\`, `\$`) counting as one character.

use super::Options;

/// A block that is math from its first character to its last (trailing spaces aside):
/// `$$...$$`, `\[...\]` or `\begin{env}...\end{env}`; the math written inside.
pub(super) fn block<'t>(text: &'t str, options: &Options) -> Option<&'t str> {
    let text = text.trim_end_matches(' ');
    if options.block_dollar
        && let Some(inner) = between(text, "$$", "$$", true)
    {
        return Some(inner);
    }
    if options.block_square
        && let Some(inner) = between(text, "\\[", "\\]", false)
    {
        return Some(inner);
    }
    if options.block_begin {
        let rest = text.strip_prefix("\\begin{")?;
        let name_len = rest.bytes().take_while(u8::is_ascii_lowercase).count();
        let star = usize::from(rest.as_bytes().get(name_len) == Some(&b'*'));
        let env = &rest[..name_len + star];
        if name_len == 0 || !rest[env.len()..].starts_with('}') {
            return None;
        }
        let open = format!("\\begin{{{env}}}");
        let close = format!("\\end{{{env}}}");
        between(text, &open, &close, true)?;
        return Some(text);
    }
    None
}

/// The text between `open` at the start of `text` and `close` at its very end, when the
/// characters between read as backslash pairs and single characters up to `close` (with
/// `any_pair` off, `\` before the closing bracket's `]` makes no pair).
fn between<'t>(text: &'t str, open: &str, close: &str, any_pair: bool) -> Option<&'t str> {
    let bytes = text.as_bytes();
    let start = open.len();
    if !text.starts_with(open) || text.len() < start + 1 + close.len() {
        return None;
    }
    let end = text.len() - close.len();
    if !text[end..].starts_with(close) {
        return None;
    }
    let mut i = start;
    while i < end {
        if bytes[i] == b'\\' {
            let next = *bytes.get(i + 1)?;
            if !any_pair && next == b']' {
                return None;
            }
            i += 1 + utf8_len(next);
        } else {
            i += 1;
        }
    }
    (i == end).then(|| &text[start..end])
}

fn utf8_len(first: u8) -> usize {
    match first {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        0xC0..=0xDF => 2,
        _ => 1,
    }
}

/// Inline math starting at `at` of `text` (at a `$` or the `\` of `\(`, not escaped): the
/// byte range of the math inside and the end of the closing delimiter.
pub(super) fn inline(text: &str, at: usize, options: &Options) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    if bytes[at] == b'$' {
        let start = at + 1;
        let first = *bytes.get(start)?;
        if first == b'$' || (options.smart_dollar && first.is_ascii_whitespace()) {
            return None;
        }
        let mut i = start;
        while i < bytes.len() {
            match bytes[i] {
                b'\\' if i + 1 < bytes.len() => i += 1 + utf8_len(bytes[i + 1]),
                b'\\' => return None,
                // Math never runs into a code span, which is read first.
                b'`' if code_span_end(text, i).is_some() => return None,
                b'$' => {
                    let before_ws = bytes[i - 1].is_ascii_whitespace();
                    return (i > start && !(options.smart_dollar && before_ws)).then_some((
                        start,
                        i,
                        i + 1,
                    ));
                }
                _ => i += 1,
            }
        }
        return None;
    }
    // `\(` ... `\)`
    let start = at + 2;
    let mut i = start;
    while i < bytes.len() {
        if bytes[i] == b'`' && code_span_end(text, i).is_some() {
            return None;
        }
        if bytes[i] == b'\\' {
            match bytes.get(i + 1) {
                Some(b')') if i > start => return Some((start, i, i + 2)),
                Some(b')') | None => return None,
                Some(&next) => i += 1 + utf8_len(next),
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Where the code span starting with the backtick run at `at` ends, if it closes.
pub(super) fn code_span_end(text: &str, at: usize) -> Option<usize> {
    let bytes = text.as_bytes();
    let run = bytes[at..].iter().take_while(|&&b| b == b'`').count();
    let mut i = at + run;
    while i < bytes.len() {
        if bytes[i] == b'`' {
            let len = bytes[i..].iter().take_while(|&&b| b == b'`').count();
            if len == run {
                return Some(i + len);
            }
            i += len;
        } else {
            i += 1;
        }
    }
    None
}

//! Reading lines for the line pass: columns of indentation (tabs to the next multiple of 4),
//! dedenting, code fences and list item markers.

use std::borrow::Cow;

/// Columns of indentation that open a block's body, or indented code.
pub(in crate::markdown) const TAB: usize = 4;

/// A line of the page behind `indent` columns of spaces that an earlier step put in front of
/// it (the bodies of `///` blocks, see [`crate::markdown::blocks`]). The spaces are a count,
/// not text, so that deeply nested blocks cost no more than their lines.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// A multiple of 4, so tab stops fall where they would with the spaces written out.
    pub indent: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// A line without its line ending.
    pub fn new(indent: usize, text: &'a str) -> Self {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        Line { indent, text }
    }

    /// Columns of leading white space and the rest of the line.
    pub(in crate::markdown) fn indentation(self) -> (usize, &'a str) {
        let (col, rest) = indentation(self.text);
        (self.indent + col, rest)
    }
}

/// The lines of a page body, line endings (`\n`, `\r\n`) taken off: what
/// `split_inclusive('\n')` and [`Line::new`] give, the line ends found by one byte search.
pub(super) fn lines_of(src: &str) -> Vec<Line<'_>> {
    fn line(text: &str) -> Line<'_> {
        Line {
            indent: 0,
            text: text.strip_suffix('\r').unwrap_or(text),
        }
    }
    let mut lines = Vec::with_capacity(src.len() / 48 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', src.as_bytes()) {
        lines.push(line(&src[start..end]));
        start = end + 1;
    }
    if start < src.len() {
        lines.push(line(&src[start..]));
    }
    lines
}

/// Columns of leading white space (tabs to the next multiple of 4) and the rest of the line.
pub(crate) fn indentation(line: &str) -> (usize, &str) {
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return (col, &line[i..]),
        }
    }
    (col, "")
}

/// Removes up to `cols` columns of leading white space, keeping what lies beyond.
pub(super) fn dedent(line: Line<'_>, cols: usize) -> Cow<'_, str> {
    match cols.checked_sub(line.indent) {
        Some(rest) => dedent_text(line.text, rest),
        None => Cow::Owned(format!("{}{}", " ".repeat(line.indent - cols), line.text)),
    }
}

/// [`dedent`] for text with no indentation put in front.
fn dedent_text(line: &str, cols: usize) -> Cow<'_, str> {
    if cols == 0 {
        return Cow::Borrowed(line);
    }
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        if col >= cols {
            return if col == cols {
                Cow::Borrowed(&line[i..])
            } else {
                Cow::Owned(format!("{}{}", " ".repeat(col - cols), &line[i..]))
            };
        }
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return Cow::Borrowed(&line[i..]),
        }
    }
    Cow::Borrowed("")
}

/// An open code fence.
pub(super) struct Fence {
    pub(super) ch: u8,
    pub(super) len: usize,
    /// Source column of the opening fence: a closing fence is indented at most 3 more.
    pub(super) col: usize,
    /// How many blocks enclose it.
    pub(super) depth: usize,
    pub(super) out_col: usize,
}

impl Fence {
    pub(super) fn is_closed_by(&self, rest: &str) -> bool {
        fence_closes(rest, self.ch, self.len)
    }
}

/// Whether `rest` (a line after its indentation) closes a fence of `len` × `ch`: as long a
/// run or longer, and nothing after it but white space.
pub(crate) fn fence_closes(rest: &str, ch: u8, len: usize) -> bool {
    let run = rest.bytes().take_while(|&b| b == ch).count();
    run >= len && rest[run..].trim().is_empty()
}

/// The character and length of a code fence that `rest` opens (```` ``` ```` or `~~~`).
pub(crate) fn fence_open(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

/// Whether a fence of `len` × `ch` opened at column `col` is closed in `next` before the
/// container it is in (content at column `container`) ends.
pub(super) fn fence_is_closed(
    next: &[Line<'_>],
    ch: u8,
    len: usize,
    col: usize,
    container: usize,
) -> bool {
    for line in next {
        let (c, rest) = line.indentation();
        if rest.is_empty() {
            continue;
        }
        if c < container {
            return false;
        }
        if c < col + TAB && fence_closes(rest, ch, len) {
            return true;
        }
    }
    false
}

/// Index one past the last line of the block quote that starts at `start`.
pub(super) fn quote_run_end(lines: &[Line<'_>], start: usize) -> usize {
    let mut end = start;
    while end < lines.len() && lines[end].text.trim_start().starts_with('>') {
        end += 1;
    }
    end
}

/// A quoted line without its `>` marker and the one space after it.
pub(super) fn unquote(line: &str) -> &str {
    let t = line.trim_start();
    let t = t.strip_prefix('>').unwrap_or(t);
    t.strip_prefix(' ').unwrap_or(t)
}

/// Width of a list item marker plus the spaces after it (`- `, `12. `), if `rest` starts one.
pub(super) fn list_marker_width(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    match bytes.get(marker) {
        None => Some(marker + 1),
        Some(b' ') if spaces <= 4 => Some(marker + spaces),
        Some(b' ') => Some(marker + 1),
        _ => None,
    }
}

//! The line-level reading of [`super`]'s pass: a line's indentation and text, list markers
//! (Python-Markdown's and the ones only CommonMark has), rules, definition markers, and how far
//! an indented run of lines goes.

/// A line as the pass reads it: its number, columns of indentation (tabs to multiples of 4,
/// as Python-Markdown expands them) and the text after.
#[derive(Debug, Clone, Copy)]
pub(super) struct Ln<'a> {
    pub(super) no: usize,
    pub(super) indent: usize,
    pub(super) text: &'a str,
    /// Not a line of the page but the text after an item's marker.
    pub(super) virt: bool,
}

impl Ln<'_> {
    pub(super) fn blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// A list item marker, as Python-Markdown recognises one (`- `, `12. `).
#[derive(Debug, Clone, Copy)]
pub(super) struct Marker<'a> {
    pub(super) ordered: bool,
    pub(super) digits: &'a str,
    pub(super) bullet: u8,
    /// Text after the marker and its spaces.
    pub(super) content: &'a str,
}

pub(super) fn marker(text: &str) -> Option<Marker<'_>> {
    let b = text.as_bytes();
    let (ordered, len) = match b.first()? {
        b'-' | b'*' | b'+' => (false, 1),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (b.get(digits) == Some(&b'.')).then_some((true, digits + 1))?
        }
        _ => return None,
    };
    if !matches!(b.get(len), Some(b' ' | b'\t')) || is_rule(text) {
        return None;
    }
    Some(Marker {
        ordered,
        digits: &text[..len - 1],
        bullet: b[0],
        content: text[len..].trim_start_matches([' ', '\t']),
    })
}

/// A thematic break (`***`, `- - -`), which is never a list item.
pub(super) fn is_rule(text: &str) -> bool {
    let t = text.trim_end();
    let Some(&c) = t.as_bytes().first() else {
        return false;
    };
    matches!(c, b'-' | b'*' | b'_')
        && t.bytes().filter(|&b| b == c).count() >= 3
        && t.bytes().all(|b| b == c || b == b' ' || b == b'\t')
}

/// What CommonMark reads as a list item where Python-Markdown reads text (`1) a`, a bare `-`):
/// the byte to escape.
pub(super) fn commonmark_only_marker(text: &str) -> Option<usize> {
    let b = text.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let after = |i: usize| matches!(b.get(i), None | Some(b' ' | b'\t' | b'\r'));
    if (1..=9).contains(&digits) && b.get(digits) == Some(&b')') && after(digits + 1) {
        return Some(digits);
    }
    let bare = text.trim_end();
    if matches!(bare, "-" | "*" | "+") {
        return Some(0);
    }
    (digits > 0 && bare.len() == digits + 1 && bare.ends_with('.')).then_some(digits)
}

/// The width of a definition's marker (`:` and 1 to 3 spaces) that `text` starts with.
pub(super) fn definition_marker(text: &str) -> Option<usize> {
    let spaces = text
        .strip_prefix(':')?
        .bytes()
        .take_while(|&b| b == b' ')
        .count();
    let rest = &text[1 + spaces..];
    ((1..=3).contains(&spaces) && !rest.trim().is_empty()).then_some(1 + spaces)
}

/// Starts of the indented blocks of admonitions, details and tabs.
pub(super) fn opens_body(text: &str) -> bool {
    ["!!!", "???", "==="]
        .iter()
        .any(|m| text.starts_with(m) && !text.trim_end().bytes().all(|b| b == b'='))
}

/// Index after the lines from `start` that are blank or indented `body` columns or more,
/// less the blank lines at its end.
pub(super) fn indented_end(lines: &[Ln<'_>], start: usize, body: usize) -> usize {
    let mut end = start;
    let mut i = start;
    while i < lines.len() && (lines[i].blank() || lines[i].indent >= body) {
        i += 1;
        if !lines[i - 1].blank() {
            end = i;
        }
    }
    end
}

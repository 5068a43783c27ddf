//! A comment that starts a line 1 to 3 spaces in, as Python-Markdown's raw HTML pass reads it
//! (pages of MkDocs projects).
//!
//! That pass reads a comment at the start of a line (three spaces in at most) as raw HTML,
//! and puts a blank line after it. When the comment is indented, the spaces before it stay
//! at the end of the text before, so no blank line comes before it: the comment ends the
//! paragraph (list item, definition, quote, footnote) it follows, and what follows it on its
//! line starts a block of its own. Under a list item (`- Item` then `  <!-- note --> more`)
//! the item keeps the comment, `more` and the lines after it are a paragraph after the list
//! (an item marker among them is text, since a list does not interrupt a paragraph), and a
//! comment alone on its line makes the list loose. A comment inside an inline element that
//! closes later in the paragraph (`<span>a` then `  <!-- b --> c</span>`) stays inline.
//!
//! A text rewrite before the footnote and list passes: the comment gets [`INLINE_MARK`] in
//! front when text comes before it (so pulldown-cmark keeps it in that paragraph), and a
//! blank line goes after it, then the rest of its last line on a line of its own; the line
//! map keeps every line's own number. Fenced code and raw HTML blocks are left alone.

use super::scan::{self, Pos};
use super::{INLINE_MARK, raw_end_line};
use crate::markdown::preprocess::{Line, fence_closes, fence_open};

/// The page with its comments split off, and where each of its lines came from.
pub(in crate::markdown) struct Split {
    pub text: String,
    /// `line_map[i]`: the line of the input that output line `i` came from.
    pub line_map: Vec<u32>,
}

/// Rewrites the comments described above; `None` when the page has none.
pub(in crate::markdown) fn split(body: &str, md_in_html: bool) -> Option<Split> {
    if !has_indented_comment(body) {
        return None;
    }
    let src: Vec<&str> = body.split('\n').collect();
    let lines: Vec<Line<'_>> = src.iter().map(|l| Line::new(0, l)).collect();
    let mut out = Out::default();
    let mut fence: Option<(u8, usize)> = None;
    // Whether the line before is text that a comment would join.
    let mut after_text = false;
    let mut i = 0;
    while i < lines.len() {
        let text = lines[i].text;
        let rest = text.trim_start_matches(' ');
        let indent = text.len() - rest.len();
        if let Some((ch, len)) = fence {
            if fence_closes(rest, ch, len) {
                fence = None;
            }
            out.push(src[i], i);
            after_text = false;
            i += 1;
            continue;
        }
        if let Some(open) = fence_open(rest) {
            fence = Some(open);
            out.push(src[i], i);
            after_text = false;
            i += 1;
            continue;
        }
        let at = Pos {
            line: i,
            at: indent + 4,
        };
        let end = match (1..=3).contains(&indent) && rest.starts_with("<!--") {
            true => scan::find(&lines, at, scan::comment_close),
            false => None,
        };
        if let Some(end) = end {
            let inline =
                !has_blank_line(&lines[i..=end.line]) && inline_close_follows(&lines, i, end);
            out.comment(&lines, i, end, after_text, inline);
            after_text = inline || !lines[end.line].text[end.at..].trim().is_empty();
            i = end.line + 1;
            continue;
        }
        if indent <= 3
            && rest.starts_with('<')
            && let Some(last) = raw_end_line(&lines, i, md_in_html)
        {
            for (j, line) in src.iter().enumerate().take(last + 1).skip(i) {
                out.push(line, j);
            }
            after_text = false;
            i = last + 1;
            continue;
        }
        out.push(src[i], i);
        after_text = !rest.trim().is_empty();
        i += 1;
    }
    out.changed.then_some(Split {
        text: out.text,
        line_map: out.line_map,
    })
}

/// The byte check: whether a `<!--` has one to three spaces and nothing else before it on
/// its line.
fn has_indented_comment(body: &str) -> bool {
    let bytes = body.as_bytes();
    body.match_indices("<!--").any(|(at, _)| {
        let spaces = bytes[..at]
            .iter()
            .rev()
            .take(4)
            .take_while(|&&b| b == b' ')
            .count();
        (1..=3).contains(&spaces) && (at == spaces || bytes[at - spaces - 1] == b'\n')
    })
}

#[derive(Default)]
struct Out {
    text: String,
    line_map: Vec<u32>,
    changed: bool,
}

impl Out {
    /// Writes `line`, which came from input line `from`.
    fn push(&mut self, line: &str, from: usize) {
        if !self.line_map.is_empty() {
            self.text.push('\n');
        }
        self.text.push_str(line);
        self.line_map.push(from as u32);
    }

    /// Writes the comment from line `start` to `end`: marked when it joins text before it,
    /// and unless it is `inline`, followed by a blank line and the rest of its last line.
    fn comment(
        &mut self,
        lines: &[Line<'_>],
        start: usize,
        end: Pos,
        after_text: bool,
        inline: bool,
    ) {
        self.changed = true;
        let last = lines[end.line].text;
        let (upto, rest) = match inline {
            true => (last, ""),
            false => last.split_at(end.at),
        };
        for (j, line) in lines.iter().enumerate().take(end.line + 1).skip(start) {
            let text = if j == end.line { upto } else { line.text };
            match j == start && after_text {
                true => {
                    let body = text.trim_start_matches(' ');
                    let indent = &text[..text.len() - body.len()];
                    self.push(&[indent, INLINE_MARK, body].concat(), j);
                }
                false => self.push(text, j),
            }
        }
        if inline {
            return;
        }
        let next_blank = lines
            .get(end.line + 1)
            .is_none_or(|l| l.text.trim().is_empty());
        if rest.trim().is_empty() && next_blank {
            return;
        }
        self.push("", end.line);
        if !rest.trim().is_empty() {
            self.push(rest, end.line);
        }
    }
}

/// Whether a line in `lines` after the first is blank (a comment holding a blank line is a
/// block wherever it stands).
fn has_blank_line(lines: &[Line<'_>]) -> bool {
    lines.iter().skip(1).any(|l| l.text.trim().is_empty())
}

/// Whether an inline element left open in the paragraph before the comment at line `start`
/// is closed after the comment's `end`, in the same paragraph (Python-Markdown then keeps
/// the comment inline).
fn inline_close_follows(lines: &[Line<'_>], start: usize, end: Pos) -> bool {
    let first = (0..start)
        .rev()
        .find(|&j| lines[j].text.trim().is_empty())
        .map_or(0, |j| j + 1);
    let mut open: Vec<String> = Vec::new();
    for line in &lines[first..start] {
        let text = line.text;
        let mut from = 0;
        while let Some(lt) = text[from..].find('<') {
            let at = from + lt;
            if let Some((name, len, self_closing)) = scan::start_tag(&text[at..]) {
                if !self_closing && !scan::is_block_level(&name) && !is_void(&name) {
                    open.push(name);
                }
                from = at + len;
            } else if let Some((name, len)) = scan::end_tag(&text[at..]) {
                if let Some(k) = open.iter().rposition(|n| *n == name) {
                    open.truncate(k);
                }
                from = at + len;
            } else {
                from = at + 1;
            }
        }
    }
    if open.is_empty() {
        return false;
    }
    let after = lines[end.line + 1..]
        .iter()
        .take_while(|l| !l.text.trim().is_empty())
        .map(|l| l.text);
    std::iter::once(&lines[end.line].text[end.at..])
        .chain(after)
        .any(|text| closes_any(text, &open))
}

/// Whether `text` holds an end tag of one of the elements `open`.
fn closes_any(text: &str, open: &[String]) -> bool {
    let mut from = 0;
    while let Some(lt) = text[from..].find("</") {
        let at = from + lt;
        if let Some((name, _)) = scan::end_tag(&text[at..])
            && open.contains(&name)
        {
            return true;
        }
        from = at + 2;
    }
    false
}

/// Elements that never have an end tag.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

#[cfg(test)]
mod tests;

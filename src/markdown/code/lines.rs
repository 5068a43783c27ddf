//! The lines of a highlighted block, for [`super::block`]: tokens written line by line, each
//! line with what the site's options put around it (`<span id>` from `line_spans`, an
//! anchor, `<span class="hll">` for `hl_lines`, an inline line number), and the table's
//! number column.

use std::fmt::Write as _;

use super::options::LineNumsStyle;

/// `linenums="START [STEP [SPECIAL]]"`: the first number, every how many lines a number
/// shows, and every how many a number is marked `special` (0: none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct LineNumbers {
    pub(super) start: usize,
    pub(super) step: usize,
    pub(super) special: usize,
}

impl LineNumbers {
    /// `None` for `0` (numbers off) or anything that is not numbers.
    pub(super) fn parse(spec: &str, special: usize) -> Option<LineNumbers> {
        let mut parts = spec.split_whitespace().map(str::parse::<usize>);
        let start = parts.next()?.ok().filter(|s| *s > 0)?;
        let step = match parts.next() {
            Some(step) => step.ok().filter(|s| *s > 0)?,
            None => 1,
        };
        let special = match parts.next() {
            Some(special) => special.ok()?,
            None => special,
        };
        Some(LineNumbers {
            start,
            step,
            special,
        })
    }

    fn width(&self, lines: usize) -> usize {
        (self.start + lines.saturating_sub(1)).to_string().len()
    }

    fn is_special(&self, n: usize) -> bool {
        self.special > 0 && n.is_multiple_of(self.special)
    }

    /// Number `n` right-aligned to `width`, or blanks where the step skips it.
    fn push_number(&self, html: &mut String, n: usize, width: usize) {
        if n.is_multiple_of(self.step) {
            let _ = write!(html, "{n:>width$}");
        } else {
            let _ = write!(html, "{:width$}", "");
        }
    }

    /// Pygments' number column: one `<span class="normal">` (or `special`) per line, a link
    /// to the line's anchor when lines have anchors.
    pub(super) fn push_column(&self, html: &mut String, lines: usize, anchor: Option<&str>) {
        let width = self.width(lines);
        let last = self.start + lines.saturating_sub(1);
        for n in self.start..=last {
            if n > self.start {
                html.push('\n');
            }
            let class = if self.is_special(n) {
                "special"
            } else {
                "normal"
            };
            let _ = write!(html, "<span class=\"{class}\">");
            match anchor.filter(|_| n.is_multiple_of(self.step)) {
                Some(prefix) => {
                    let _ = write!(html, "<a href=\"#{prefix}-{n}\">");
                    self.push_number(html, n, width);
                    html.push_str("</a>");
                }
                None => self.push_number(html, n, width),
            }
            html.push_str("</span>");
        }
    }
}

/// What goes around every line of one block.
pub(super) struct LineDecor<'o> {
    /// `line_spans` prefix with the block's number or id (`__span-0`).
    pub(super) spans: Option<String>,
    /// Anchor id prefix with the block's number or id (`__codelineno-0`).
    pub(super) anchors: Option<String>,
    /// Line numbers written in the code (`Inline`, `PymdownxInline`), not in a table.
    pub(super) inline_numbers: Option<(LineNumbers, LineNumsStyle)>,
    /// Whether the block has line numbers at all (anchors then carry no `href`).
    pub(super) numbered: bool,
    /// Whether inline numbers link to their line's anchor (`anchor_linenums`).
    pub(super) link_numbers: bool,
    pub(super) marked: &'o [bool],
    pub(super) width: usize,
}

impl LineDecor<'_> {
    pub(super) fn new(marked: &[bool], lines: usize) -> LineDecor<'_> {
        LineDecor {
            spans: None,
            anchors: None,
            inline_numbers: None,
            numbered: false,
            link_numbers: false,
            marked,
            width: lines.to_string().len(),
        }
    }

    /// Whether no line gets anything: tokens can then be written as they come.
    fn is_bare(&self) -> bool {
        self.spans.is_none() && self.anchors.is_none() && self.inline_numbers.is_none()
    }
}

/// Writes tokens line by line: a token that spans lines is closed at each line end and
/// reopened on the next line, so each line can sit in its own spans.
///
/// The tokens are the code's pieces in order, so the writer knows where each one starts: the
/// code is searched once (with memchr) for newlines and for characters to escape, and a token
/// holds one only when the next one found lies before its end.
pub(super) struct LineWriter<'h, 'd, 'c> {
    html: &'h mut String,
    decor: &'d LineDecor<'d>,
    bare: bool,
    /// The line being written, counted from 1.
    line: usize,
    /// The number the first line shows (1 without line numbers).
    first: usize,
    /// How many lines the code has (it ends with a newline).
    lines: usize,
    code: &'c [u8],
    /// Where the next token starts in the code.
    at: usize,
    /// The first newline at or after `at` (the code's length when there is none).
    newline: usize,
    /// The first `<`, `>` or `&` at or after `at` (the code's length when there is none).
    special: usize,
}

impl<'h, 'd, 'c> LineWriter<'h, 'd, 'c> {
    /// A writer of the tokens of `code`, which has `lines` lines.
    pub(super) fn new(
        html: &'h mut String,
        decor: &'d LineDecor<'d>,
        code: &'c str,
        first: usize,
        lines: usize,
    ) -> Self {
        let code = code.as_bytes();
        let mut writer = LineWriter {
            html,
            decor,
            bare: decor.is_bare(),
            line: 1,
            first,
            lines,
            code,
            at: 0,
            newline: memchr::memchr(b'\n', code).unwrap_or(code.len()),
            special: memchr::memchr3(b'<', b'>', b'&', code).unwrap_or(code.len()),
        };
        writer.open_line();
        writer
    }

    fn is_marked(&self) -> bool {
        self.decor.marked.get(self.line).copied().unwrap_or(false)
    }

    fn open_line(&mut self) {
        let n = self.first + self.line - 1;
        let decor = self.decor;
        if !self.bare {
            if let Some(spans) = &decor.spans {
                let _ = write!(self.html, "<span id=\"{spans}-{n}\">");
            }
            if let Some(anchor) = &decor.anchors {
                let _ = write!(self.html, "<a id=\"{anchor}-{n}\" name=\"{anchor}-{n}\"");
                if !decor.numbered {
                    let _ = write!(self.html, " href=\"#{anchor}-{n}\"");
                }
                self.html.push_str("></a>");
            }
        }
        if self.is_marked() {
            self.html.push_str("<span class=\"hll\">");
        }
        if let Some((numbers, style)) = &decor.inline_numbers {
            let link = decor.anchors.as_ref().filter(|_| decor.link_numbers);
            if let Some(anchor) = link {
                let _ = write!(self.html, "<a href=\"#{anchor}-{n}\">");
            }
            let special = if numbers.is_special(n) {
                " special"
            } else {
                ""
            };
            let _ = write!(self.html, "<span class=\"linenos{special}\"");
            if *style == LineNumsStyle::PymdownxInline {
                self.html.push_str(" data-linenos=\"");
                numbers.push_number(self.html, n, decor.width);
                self.html.push_str(" \">");
            } else {
                self.html.push('>');
                numbers.push_number(self.html, n, decor.width);
            }
            self.html.push_str("</span>");
            if link.is_some() {
                self.html.push_str("</a>");
            }
        }
    }

    fn close_line(&mut self) {
        if self.is_marked() {
            self.html.push_str("</span>");
        }
        if !self.bare && self.decor.spans.is_some() {
            self.html.push_str("</span>");
        }
    }

    /// Writes the next `text` of the code (it must follow the previous token) in `class`.
    pub(super) fn token(&mut self, class: Option<&str>, text: &str) {
        if text.is_empty() {
            return;
        }
        let end = self.at + text.len();
        debug_assert_eq!(self.code.get(self.at..end), Some(text.as_bytes()));
        if self.newline < end {
            self.token_lines(class, text);
            self.newline = self.find(end, |rest| memchr::memchr(b'\n', rest));
        } else {
            push_token(self.html, class, text, self.special < end);
        }
        if self.special < end {
            self.special = self.find(end, |rest| memchr::memchr3(b'<', b'>', b'&', rest));
        }
        self.at = end;
    }

    /// Where `search` finds its byte in the code from `from` on (the code's length if nowhere).
    fn find(&self, from: usize, search: impl Fn(&[u8]) -> Option<usize>) -> usize {
        let rest = self.code.get(from..).unwrap_or_default();
        search(rest).map_or(self.code.len(), |i| from + i)
    }

    /// A token holding newlines: written piece by piece, the line closed at each newline.
    fn token_lines(&mut self, class: Option<&str>, text: &str) {
        let mut start = 0;
        for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
            let piece = &text[start..end];
            if !piece.is_empty() {
                push_token(self.html, class, piece, needs_escape(piece));
            }
            self.html.push('\n');
            self.close_line();
            self.line += 1;
            // The code ends with a newline: nothing opens after the last one.
            if self.line <= self.lines {
                self.open_line();
            }
            start = end + 1;
        }
        let last = &text[start..];
        if !last.is_empty() {
            push_token(self.html, class, last, needs_escape(last));
        }
    }
}

/// `text` in a `<span class>` (none when `class` is `None`), escaped as body text when
/// `escape` (it holds `<`, `>` or `&`); most tokens have nothing to escape and are copied.
fn push_token(html: &mut String, class: Option<&str>, text: &str, escape: bool) {
    if let Some(class) = class {
        html.reserve(class.len() + text.len() + 22);
        html.push_str("<span class=\"");
        html.push_str(class);
        html.push_str("\">");
    }
    if escape {
        let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
    } else {
        html.push_str(text);
    }
    if class.is_some() {
        html.push_str("</span>");
    }
}

fn needs_escape(text: &str) -> bool {
    text.bytes().any(|b| matches!(b, b'<' | b'>' | b'&'))
}

/// `hl_lines="1 3-5"` as a flag per line (index 0 unused); numbers outside the block are
/// ignored, as is anything that is not a number or a range.
///
/// Each range only counts +1 where it starts and -1 after it ends; one sweep then marks the
/// lines, so many long ranges cost no more than the spec and the block.
pub(super) fn marked_lines(spec: &str, lines: usize) -> Vec<bool> {
    let mut open_at = vec![0i64; lines + 2];
    for part in spec.split(|c: char| c.is_whitespace() || c == ',') {
        let (from, to) = match part.split_once('-') {
            Some((a, b)) => (a.trim().parse::<usize>(), b.trim().parse::<usize>()),
            None => (part.parse::<usize>(), part.parse::<usize>()),
        };
        if let (Ok(from), Ok(to)) = (from, to) {
            let (from, to) = (from.max(1), to.min(lines));
            if from <= to {
                open_at[from] += 1;
                open_at[to + 1] -= 1;
            }
        }
    }
    let mut open = 0;
    open_at[..=lines]
        .iter()
        .map(|delta| {
            open += delta;
            open > 0
        })
        .collect()
}

#[cfg(test)]
mod reference_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_number_specs() {
        let n = |start, step, special| LineNumbers {
            start,
            step,
            special,
        };
        assert_eq!(LineNumbers::parse("3 2", 0), Some(n(3, 2, 0)));
        assert_eq!(LineNumbers::parse("1 1 2", 5), Some(n(1, 1, 2)));
        assert_eq!(LineNumbers::parse("x", 0), None);
        assert_eq!(LineNumbers::parse("0", 0), None);
        assert_eq!(LineNumbers::parse("1 0", 0), None);
        let mut column = String::new();
        n(9, 2, 0).push_column(&mut column, 3, Some("__a-0"));
        assert_eq!(
            column,
            concat!(
                "<span class=\"normal\">  </span>\n",
                "<span class=\"normal\"><a href=\"#__a-0-10\">10</a></span>\n",
                "<span class=\"normal\">  </span>"
            )
        );
    }

    #[test]
    fn marked_line_specs() {
        assert_eq!(
            marked_lines("2 4-5 9 x 0", 5),
            [false, false, true, false, true, true]
        );
        assert_eq!(marked_lines("3-1,1", 2), [false, true, false]);
        // Overlapping and nested ranges, and ranges running past the block.
        assert_eq!(
            marked_lines("1-3 2-4 2-2 6-99999999999 0-1", 7),
            [false, true, true, true, true, false, true, true]
        );
        assert_eq!(marked_lines("1-2 1-2 3", 0), [false]);
    }
}

//! `md_in_html`: markdown inside block-level HTML marked `markdown` (`<div class="grid"
//! markdown>`), read as Python-Markdown reads it.
//!
//! Line part: the tags of a `markdown` element are put on lines of their own, set apart by
//! blank lines, wherever they were written (`<div markdown>*a*</div>` on one line, closing
//! tags after text, several on a line), so that CommonMark parses what lies between them as
//! markdown; the `markdown` attribute is dropped. Inside such an element, a block-level
//! element without the attribute is raw HTML up to its end tag, blank lines included. An
//! element left open is closed at the end of the page, with a warning at its line.
//! `markdown="span"` (the default for `<p>`, `<li>`, `<td>`, ... ) gives inline markdown
//! only: the line part notes the byte range of the element in the text, and the event part
//! drops the paragraphs that start inside it.

mod scan;
mod spans;
mod tags;

use std::ops::Range;

use pulldown_cmark::Event;

use super::events::Pass;
use super::preprocess::{At, Line, LinePass, LineSyntax, Taken};
use super::{Rules, py_html};
use scan::{find_end, raw_end, strip_markdown_attrs};
pub use spans::Span;
pub(super) use spans::event;
use tags::{Mode, StartTag};

/// The `markdown` elements open where the line pass is, innermost last.
#[derive(Debug, Default)]
pub(in crate::markdown) struct State {
    frames: Vec<Frame>,
}

#[derive(Debug)]
struct Frame {
    name: String,
    mode: Mode,
    /// Line of the start tag, for the warning when it is never closed.
    line_no: u32,
    /// The index in `Marks::spans` of the range this element opened (outermost span only).
    span: Option<usize>,
    /// Output column of its tags.
    indent: usize,
}

impl State {
    /// Whether no `markdown` element is open.
    pub(in crate::markdown) fn is_empty(&self) -> bool {
        self.frames.is_empty()
    }
}

/// Whether `text` starts with the start tag of an element whose `markdown` attribute makes
/// its content markdown (`<div markdown>`, not `<pre markdown>` or `markdown="0"`).
pub(in crate::markdown) fn opens_markdown(text: &str) -> bool {
    tags::start_tag(text)
        .is_some_and(|t| t.markdown.is_some() && tags::mode(&t.name, t.value).is_some())
}

/// What the line part leaves for the event part, by byte offset in the text.
#[derive(Debug, Default)]
pub struct Marks {
    /// `markdown="span"` elements, in order: their paragraphs are dropped.
    pub spans: Vec<Span>,
    /// Raw HTML inside `markdown` elements, written without its blank lines (so that it
    /// stays one HTML block): where it starts, and the HTML as written.
    pub raw: Vec<(usize, String)>,
}

impl Marks {
    /// Adds the marks of a nested pass, whose offsets `moved` turns into ours.
    pub(in crate::markdown) fn extend(&mut self, other: Marks, moved: impl Fn(usize) -> usize) {
        let spans = other.spans.into_iter();
        self.spans.extend(spans.map(|s| Span {
            range: moved(s.range.start)..moved(s.range.end),
            ..s
        }));
        let raw = other.raw.into_iter();
        self.raw.extend(raw.map(|(at, html)| (moved(at), html)));
    }
}

/// Line part.
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    if !pass.features.md_in_html || !at.rest.starts_with('<') && pass.html.frames.is_empty() {
        return Taken::No;
    }
    if pass.html.frames.is_empty() {
        if is_void_end(at.rest.trim_end()).is_some_and(|len| len == at.rest.trim_end().len()) {
            // `</hr>`: Python-Markdown drops it.
            return Taken::AsText;
        }
        let in_raw_block = pass.in_html_block() && !at.after_blank;
        if in_raw_block || !opens_markdown(at.rest) {
            return Taken::No;
        }
    } else if !at.rest.contains('<') {
        return Taken::No;
    } else if pass.features.rules == Rules::PythonMarkdown && at.rest.starts_with('<') {
        // A lone inline tag (`<img>`) inside is a paragraph, as at the top of the page.
        let taken = py_html::inline_tag_line(pass, at.rest, at.line_no);
        if taken != Taken::No {
            return taken;
        }
    }
    let mut reader = Reader {
        pass,
        indent: 0,
        line_no: at.line_no,
        last: Taken::No,
        end_starts_line: false,
    };
    reader.indent = reader.pass.out_col(at.col);
    reader.read(at.rest, at.next);
    reader.last
}

/// The length of the end tag of an element without content (`</hr>`) that `text` starts with.
fn is_void_end(text: &str) -> Option<usize> {
    let (name, len) = tags::end_tag(text)?;
    tags::is_void(&name).then_some(len)
}

/// Writes the lines of one source line (and of the raw HTML it starts).
struct Reader<'r, 'f> {
    pass: &'r mut LinePass<'f>,
    indent: usize,
    line_no: u32,
    /// What the last thing written reads as; `No` while nothing was.
    last: Taken,
    /// Whether the end tag being read starts its line.
    end_starts_line: bool,
}

impl Reader<'_, '_> {
    fn read<'t>(&mut self, mut text: &'t str, next: &[Line<'t>]) {
        let line = text;
        loop {
            let trimmed = text.trim_start();
            if let Some(len) = is_void_end(trimmed) {
                if self.last == Taken::No {
                    self.last = Taken::AsText;
                }
                text = &trimmed[len..];
                continue;
            }
            if let Some(tag) = tags::start_tag(trimmed).filter(|t| tags::is_block_level(&t.name)) {
                let open_p = self.pass.html.frames.last().is_some_and(|f| f.name == "p");
                if open_p && !tag.is_void() {
                    // A block-level start tag ends an open paragraph, as in HTML.
                    self.close();
                }
                let in_span = self.pass.html.frames.last().map(|f| f.mode) == Some(Mode::Span);
                let mode = tag
                    .markdown
                    .and_then(|_| tags::mode(&tag.name, tag.value))
                    .map(|m| if in_span { Mode::Span } else { m });
                match mode {
                    Some(_) if tag.is_void() => self.tag_line(&tag.without_markdown()),
                    Some(mode) => {
                        self.open(&tag, mode);
                        let after = &trimmed[tag.text.len()..];
                        self.note_line_end_after_start(after.trim().is_empty());
                    }
                    None if self.pass.html.frames.is_empty() => break,
                    None if tag.is_void() => self.tag_line(tag.text),
                    None => match self.raw(trimmed, &tag, next) {
                        Some(rest) => {
                            text = rest;
                            continue;
                        }
                        None => break,
                    },
                }
                text = &trimmed[tag.text.len()..];
                continue;
            }
            let frames = &self.pass.html.frames;
            let Some((at, len, depth)) = find_end(text, frames) else {
                break;
            };
            self.text(&text[..at]);
            self.end_starts_line = text.len() == line.len() && text[..at].trim().is_empty();
            for _ in depth..self.pass.html.frames.len() {
                self.close();
            }
            self.end_starts_line = false;
            text = &text[at + len..];
        }
        if self.last != Taken::No {
            self.text(text);
        }
    }

    /// Text between tags, as a line of its own.
    fn text(&mut self, text: &str) {
        let text = text.trim_start();
        if !text.trim().is_empty() {
            self.pass.push_indented(self.indent, text, self.line_no);
            self.last = Taken::AsText;
        }
    }

    /// A tag on a line of its own, as an HTML block.
    fn tag_line(&mut self, tag: &str) {
        self.pass.ensure_blank(self.line_no);
        self.pass.push_indented(self.indent, tag, self.line_no);
        self.pass.push_line("", self.line_no);
        self.last = Taken::AsBlank;
    }

    fn open(&mut self, tag: &StartTag<'_>, mode: Mode) {
        self.pass.ensure_blank(self.line_no);
        let frames = &self.pass.html.frames;
        let span =
            (mode == Mode::Span && frames.last().is_none_or(|f| f.mode != Mode::Span)).then(|| {
                let spans = &mut self.pass.out.md_in_html.spans;
                spans.push(Span::new(self.pass.out.text.len()));
                spans.len() - 1
            });
        self.pass.html.frames.push(Frame {
            name: tag.name.clone(),
            mode,
            line_no: self.line_no,
            span,
            indent: self.indent,
        });
        self.tag_line(&tag.without_markdown());
    }

    fn close(&mut self) {
        let Some(frame) = self.pass.html.frames.pop() else {
            return;
        };
        self.pass.ensure_blank(self.line_no);
        if let Some(i) = frame.span {
            let newline = self.end_starts_line && self.keeps_newlines();
            let span = &mut self.pass.out.md_in_html.spans[i];
            span.range.end = self.pass.out.text.len();
            span.newline_before_end = newline;
        }
        self.tag_line(&format!("</{}>", frame.name));
    }

    /// A block-level element without `markdown` inside a `markdown` one: raw HTML up to its
    /// end tag, written as one HTML block. Returns what follows the end tag on its line, or
    /// `None` (nothing written) when the element is never closed.
    fn raw<'t>(&mut self, text: &'t str, tag: &StartTag<'_>, next: &[Line<'t>]) -> Option<&'t str> {
        let mut depth = 0usize;
        let mut lines: Vec<(usize, &str)> = Vec::new();
        let first = std::iter::once((self.indent, text));
        let following = next.iter().map(|l| {
            let (col, rest) = l.indentation();
            (self.pass.out_col(col), rest)
        });
        for (k, (indent, line)) in first.chain(following).enumerate() {
            let Some(end) = raw_end(line, &tag.name, &mut depth) else {
                lines.push((indent, line));
                continue;
            };
            lines.push((indent, &line[..end]));
            self.pass.ensure_blank(self.line_no);
            let start = self.pass.out.text.len();
            let mut written = String::new();
            for (j, &(indent, raw)) in lines.iter().enumerate() {
                let kept = strip_markdown_attrs(raw);
                if j > 0 {
                    written.extend(std::iter::repeat_n(' ', indent));
                }
                written.push_str(&kept);
                written.push('\n');
                if !raw.trim().is_empty() {
                    self.pass
                        .push_indented(indent, &kept, self.line_no + j as u32);
                }
            }
            self.pass.out.md_in_html.raw.push((start, written));
            self.pass.push_line("", self.line_no + k as u32);
            self.last = Taken::AsBlank;
            self.pass.skip = k;
            self.line_no += k as u32;
            self.indent = indent;
            return Some(&line[end..]);
        }
        None
    }
}

/// At the end of the page: elements still open are closed, each with a warning at its line.
pub(super) fn finish(pass: &mut LinePass<'_>, last_line: u32) {
    while let Some(frame) = pass.html.frames.last() {
        let (name, indent) = (&frame.name, frame.indent);
        let message = format!(
            "`<{name} markdown>` is never closed: add `</{name}>`; it is closed at the end of the page"
        );
        pass.out.warnings.push((frame.line_no, message));
        let mut reader = Reader {
            indent,
            pass,
            line_no: last_line,
            last: Taken::No,
            end_starts_line: false,
        };
        reader.close();
    }
}

/// Event part for HTML blocks: raw HTML gets its blank lines back, and the start tag of a
/// `markdown="span"` element is followed by its content on the same line.
pub(super) fn html<'e>(
    pass: &Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
) -> Option<Event<'e>> {
    let marks = &pass.pre.md_in_html;
    if marks.raw.is_empty() && marks.spans.is_empty() {
        return Some(event);
    }
    let near = |at: usize| (at..=at + 4).contains(&range.start);
    let i = marks.raw.partition_point(|(at, _)| *at + 4 < range.start);
    if let Some((at, written)) = marks.raw.get(i)
        && near(*at)
    {
        return Some(Event::Html(written.clone().into()));
    }
    let i = marks
        .spans
        .partition_point(|s| s.range.start + 4 < range.start);
    if let (Some(span), Event::Html(html)) = (marks.spans.get(i), &event)
        && near(span.range.start)
        && !span.newline_after_start
    {
        return Some(Event::Html(html.trim_end().to_owned().into()));
    }
    Some(event)
}

//! Fenced and indented code blocks: the fence's info string ([`FenceInfo`]: language and
//! options such as `title="..."`) and the block's HTML, highlighted by
//! [`highlight`] the way MkDocs Material (pymdownx.highlight with Pygments)
//! writes it, so Material-style CSS applies. Event part: `event`.

mod info;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::events::{Pass, Stream};
use super::highlight::{self, Lexer};
pub use info::FenceInfo;

/// The HTML of one code block, as pymdownx.highlight writes it with Pygments and
/// `pygments_lang_class`: `<div class="language-x highlight">`, an optional
/// `<span class="filename">` (`title="..."`), then `<pre><span></span><code>` holding the
/// tokens as `<span class="k">`-style spans. `linenums="START [STEP]"` uses Pygments' table
/// layout (`table.highlighttable`, numbers in `td.linenos`, which copying the code leaves out);
/// `hl_lines="2 4-6"` wraps those lines (counted from 1 in the block) in `<span class="hll">`.
/// An unknown language, or none, gives the same wrapper around escaped plain text.
pub fn render(info: &FenceInfo, code: &str) -> String {
    let code = normalise(code);
    let lines = code.matches('\n').count();
    let lang = if info.lang.is_empty() {
        "text"
    } else {
        &info.lang
    };
    let title = info.option("title").filter(|t| !t.is_empty());
    let numbers = info.option("linenums").and_then(LineNumbers::parse);
    let marked = info
        .option("hl_lines")
        .map(|spec| marked_lines(spec, lines))
        .unwrap_or_default();

    let mut html = String::with_capacity(code.len() * 4 + 160);
    html.push_str("<div");
    if let Some(id) = &info.id {
        let _ = write!(html, " id=\"{}\"", super::escape_attr(id));
    }
    let _ = write!(html, " class=\"language-{}", super::escape_attr(lang));
    for class in &info.classes {
        let _ = write!(html, " {}", super::escape_attr(class));
    }
    html.push_str(" highlight\">");
    match &numbers {
        None => {
            if let Some(title) = title {
                push_filename(&mut html, title);
            }
            html.push_str("<pre><span></span><code>");
        }
        Some(numbers) => {
            html.push_str("<table class=\"highlighttable\"><tr>");
            if let Some(title) = title {
                html.push_str("<th colspan=\"2\" class=\"filename\">");
                push_filename(&mut html, title);
                html.push_str("</th></tr><tr>");
            }
            html.push_str("<td class=\"linenos\"><div class=\"linenodiv\"><pre><span></span>");
            numbers.push_column(&mut html, lines);
            html.push_str("</pre></div></td><td class=\"code\"><div><pre><span></span><code>");
        }
    }
    let mut lines = LineWriter::new(&mut html, &marked);
    match Lexer::for_fence(&info.lang) {
        Some(lexer) => {
            highlight::each_token(lexer, &code, &mut |class, text| lines.token(class, text))
        }
        None => lines.token(None, &code),
    }
    html.push_str(if numbers.is_some() {
        "</code></pre></div></td></tr></table></div>\n"
    } else {
        "</code></pre></div>\n"
    });
    html
}

/// The code as Pygments sees it: leading and trailing blank lines removed (its `stripnl`),
/// ending with one newline. Borrowed when the code already ends that way.
fn normalise(code: &str) -> Cow<'_, str> {
    let start = code.len() - code.trim_start_matches(['\n', '\r']).len();
    let trimmed = code[start..].trim_end_matches(['\n', '\r']);
    let end = start + trimmed.len();
    if !trimmed.is_empty() && code[end..].starts_with('\n') {
        return Cow::Borrowed(&code[start..=end]);
    }
    let mut out = String::with_capacity(trimmed.len() + 1);
    out.push_str(trimmed);
    out.push('\n');
    Cow::Owned(out)
}

fn push_filename(html: &mut String, title: &str) {
    html.push_str("<span class=\"filename\">");
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, title);
    html.push_str("</span>");
}

/// Writes tokens line by line: a token that spans lines is closed at each line end and
/// reopened on the next line, so each marked line can sit in its own `<span class="hll">`.
struct LineWriter<'h, 'm> {
    html: &'h mut String,
    marked: &'m [bool],
    /// The line being written, counted from 1.
    line: usize,
}

impl<'h, 'm> LineWriter<'h, 'm> {
    fn new(html: &'h mut String, marked: &'m [bool]) -> Self {
        let writer = LineWriter {
            html,
            marked,
            line: 1,
        };
        if writer.is_marked() {
            writer.html.push_str("<span class=\"hll\">");
        }
        writer
    }

    fn is_marked(&self) -> bool {
        self.marked.get(self.line).copied().unwrap_or(false)
    }

    fn token(&mut self, class: Option<&str>, text: &str) {
        if text.is_empty() {
            return;
        }
        if !text.contains('\n') {
            return push_token(self.html, class, text);
        }
        let mut pieces = text.split('\n').peekable();
        while let Some(piece) = pieces.next() {
            if !piece.is_empty() {
                push_token(self.html, class, piece);
            }
            if pieces.peek().is_some() {
                self.html.push('\n');
                if self.is_marked() {
                    self.html.push_str("</span>");
                }
                self.line += 1;
                if self.is_marked() {
                    self.html.push_str("<span class=\"hll\">");
                }
            }
        }
    }
}

fn push_token(html: &mut String, class: Option<&str>, text: &str) {
    match class {
        Some(class) => {
            html.push_str("<span class=\"");
            html.push_str(class);
            html.push_str("\">");
            let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
            html.push_str("</span>");
        }
        None => {
            let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
        }
    }
}

/// `linenums="START [STEP]"`: the first number, and every how many lines a number shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LineNumbers {
    start: usize,
    step: usize,
}

impl LineNumbers {
    fn parse(spec: &str) -> Option<LineNumbers> {
        let mut parts = spec.split_whitespace().map(str::parse::<usize>);
        let start = parts.next()?.ok()?;
        let step = match parts.next() {
            Some(step) => step.ok().filter(|s| *s > 0)?,
            None => 1,
        };
        Some(LineNumbers { start, step })
    }

    /// Pygments' number column: right-aligned to the widest number, blank where the step
    /// skips a line.
    fn push_column(&self, html: &mut String, lines: usize) {
        let last = self.start + lines.saturating_sub(1);
        let width = last.to_string().len();
        for n in self.start..=last {
            if n > self.start {
                html.push('\n');
            }
            html.push_str("<span class=\"normal\">");
            if n % self.step == 0 {
                let _ = write!(html, "{n:>width$}");
            } else {
                let _ = write!(html, "{:width$}", "");
            }
            html.push_str("</span>");
        }
    }
}

/// `hl_lines="1 3-5"` as a flag per line (index 0 unused); numbers outside the block are
/// ignored, as is anything that is not a number or a range.
///
/// Each range only counts +1 where it starts and -1 after it ends; one sweep then marks the
/// lines, so many long ranges cost no more than the spec and the block.
fn marked_lines(spec: &str, lines: usize) -> Vec<bool> {
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

/// Event part: a code block becomes its highlighted HTML; its `#id` is one of the page's ids.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    rest: &mut Stream<'_, 'e>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let Event::Start(Tag::CodeBlock(kind)) = event else {
        return Some(event);
    };
    let info = match &kind {
        CodeBlockKind::Fenced(info) => FenceInfo::parse(info),
        CodeBlockKind::Indented => FenceInfo::default(),
    };
    // The block's source is at least as long as its text.
    let mut text = String::with_capacity(range.len());
    for (e, _) in rest.by_ref() {
        match e {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(t) => text.push_str(&t),
            _ => {}
        }
    }
    if let Some(id) = &info.id {
        pass.ids.reserve(id);
    }
    out.push(Event::Html(render(&info, &text).into()));
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapper_and_tokens() {
        let html = render(
            &FenceInfo::parse("python title=\"a<b>.py\""),
            "\n\nx = 1\n\n",
        );
        assert_eq!(
            html,
            "<div class=\"language-python highlight\"><span class=\"filename\">a&lt;b&gt;.py</span>\
             <pre><span></span><code><span class=\"n\">x</span> <span class=\"o\">=</span> \
             <span class=\"mi\">1</span>\n</code></pre></div>\n"
        );
    }

    #[test]
    fn unknown_language_is_escaped_text() {
        let html = render(&FenceInfo::parse("\"odd"), "<script>");
        assert_eq!(
            html,
            "<div class=\"language-&quot;odd highlight\"><pre><span></span><code>&lt;script&gt;\n\
             </code></pre></div>\n"
        );
        assert!(render(&FenceInfo::default(), "").contains("language-text highlight"));
    }

    #[test]
    fn marked_lines_split_tokens_that_span_lines() {
        let html = render(
            &FenceInfo::parse("css hl_lines=\"2\""),
            "/* a\nb */\nc {}\n",
        );
        assert!(
            html.contains(concat!(
                "<span class=\"cm\">/* a</span>\n",
                "<span class=\"hll\"><span class=\"cm\">b */</span>\n</span>"
            )),
            "{html}"
        );
    }

    #[test]
    fn line_number_specs() {
        assert_eq!(
            LineNumbers::parse("3 2"),
            Some(LineNumbers { start: 3, step: 2 })
        );
        assert_eq!(LineNumbers::parse("x"), None);
        assert_eq!(LineNumbers::parse("1 0"), None);
        let mut column = String::new();
        LineNumbers { start: 9, step: 2 }.push_column(&mut column, 3);
        assert_eq!(
            column,
            concat!(
                "<span class=\"normal\">  </span>\n",
                "<span class=\"normal\">10</span>\n",
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

//! pymdownx.arithmatex: TeX math kept for MathJax or KaTeX. Inline `$...$` and `\(...\)`,
//! and blocks that are math from end to end (`$$...$$`, `\[...\]`,
//! `\begin{env}...\end{env}`), become `<span class="arithmatex">` and `<div
//! class="arithmatex">` holding the math untouched by markdown: with `generic: true` as text
//! wrapped in `\(...\)` / `\[...\]`, else as MathJax `<script type="math/tex">` with a preview.
//!
//! It works on the page text before anything else reads it: each piece of math becomes a
//! placeholder (`U+E000`, its number, `U+E001`) that no syntax touches, and [`resolve`]
//! puts the HTML in its place in the events. Code (fenced, indented, inline) and raw HTML
//! blocks are left alone, as Python-Markdown has them out of the way before it looks for
//! math. A page without `$` or `\` costs one byte scan.

mod html;
mod scan;

use html::{block_html, inline_html};

use super::indentation;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The options of pymdownx.arithmatex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    pub generic: bool,
    pub preview: bool,
    pub smart_dollar: bool,
    pub inline_dollar: bool,
    pub inline_round: bool,
    pub block_dollar: bool,
    pub block_square: bool,
    pub block_begin: bool,
    pub inline_wrap: (String, String),
    pub block_wrap: (String, String),
    pub inline_tag: String,
    pub block_tag: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            generic: false,
            preview: true,
            smart_dollar: true,
            inline_dollar: true,
            inline_round: true,
            block_dollar: true,
            block_square: true,
            block_begin: true,
            inline_wrap: ("\\(".into(), "\\)".into()),
            block_wrap: ("\\[".into(), "\\]".into()),
            inline_tag: "span".into(),
            block_tag: "div".into(),
        }
    }
}

/// The page text with its math taken out, and what goes back in.
#[derive(Debug)]
pub struct Extracted {
    pub text: String,
    /// `line_map[i]`: the line of the input that output line `i` came from.
    pub line_map: Vec<u32>,
    fragments: Vec<Fragment>,
}

#[derive(Debug)]
struct Fragment {
    html: String,
    block: bool,
}

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// Takes the math out of `text`; `None` when it has none.
pub fn extract(text: &str, options: &Options) -> Option<Extracted> {
    if !text.bytes().any(|b| b == b'$' || b == b'\\') {
        return None;
    }
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Extracted {
        text: String::with_capacity(text.len()),
        line_map: Vec::with_capacity(lines.len()),
        fragments: Vec::new(),
    };
    let mut fence: Option<(u8, usize)> = None;
    let mut in_list = false;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let (indent, rest) = indentation(line);
        if let Some((ch, len)) = fence {
            if run_of(rest, ch) >= len && rest.trim_end().bytes().all(|b| b == ch) {
                fence = None;
            }
            out.push(line, i);
            i += 1;
            continue;
        }
        if let Some(open) = fence_open(rest) {
            fence = Some(open);
            out.push(line, i);
            i += 1;
            continue;
        }
        if rest.trim().is_empty() {
            out.push(line, i);
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while end < lines.len()
            && !lines[end].trim().is_empty()
            && fence_open(indentation(lines[end]).1).is_none()
        {
            end += 1;
        }
        if indent < 4 {
            in_list = opens_container(rest);
        }
        let code = indent >= 4 && !in_list;
        if code || rest.starts_with('<') {
            for (n, l) in lines[i..end].iter().enumerate() {
                out.push(l, i + n);
            }
        } else {
            out.chunk(&lines[i..end], i, indent, options);
        }
        i = end;
    }
    if out.fragments.is_empty() {
        return None;
    }
    // `split` gave one line more than the text has newlines.
    out.text.pop();
    Some(out)
}

impl Extracted {
    fn push(&mut self, line: &str, line_no: usize) {
        self.text.push_str(line);
        self.text.push('\n');
        self.line_map.push(line_no as u32);
    }

    fn placeholder(&mut self, html: String, block: bool) -> String {
        self.fragments.push(Fragment { html, block });
        format!("{OPEN}{}{CLOSE}", self.fragments.len() - 1)
    }

    /// A run of non-blank lines: one math block, or text with inline math.
    fn chunk(&mut self, lines: &[&str], first: usize, indent: usize, options: &Options) {
        let dedented: Vec<&str> = lines.iter().map(|l| strip_columns(l, indent)).collect();
        if let Some(math) = scan::block(&dedented.join("\n"), options) {
            let html = block_html(math, options);
            let mark = self.placeholder(html, true);
            self.push(&format!("{}{mark}", " ".repeat(indent)), first);
            return;
        }
        let joined = lines.join("\n");
        let mut line_no = first;
        self.line_map.push(line_no as u32);
        let bytes = joined.as_bytes();
        let mut copied = 0;
        let mut i = 0;
        while i < bytes.len() {
            let found = match bytes[i] {
                b'`' => {
                    let end = scan::code_span_end(&joined, i);
                    let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                    i = end.unwrap_or(i + run);
                    None
                }
                b'\\' => {
                    let run = bytes[i..].iter().take_while(|&&b| b == b'\\').count();
                    match bytes.get(i + run) {
                        // An even run escapes itself; the `$` after it may open math.
                        Some(b'$') if options.inline_dollar && run % 2 == 0 => {
                            i += run;
                            scan::inline(&joined, i, options).or_else(|| {
                                i += 1;
                                None
                            })
                        }
                        // The last backslash and `(` open math.
                        Some(b'(') if options.inline_round && run % 2 == 1 => {
                            i += run - 1;
                            scan::inline(&joined, i, options).or_else(|| {
                                i += 2;
                                None
                            })
                        }
                        Some(b'$' | b'`') if run % 2 == 1 => {
                            i += run + 1;
                            None
                        }
                        _ => {
                            i += run;
                            None
                        }
                    }
                }
                b'$' if options.inline_dollar => scan::inline(&joined, i, options).or_else(|| {
                    i += 1;
                    None
                }),
                _ => {
                    i += 1;
                    None
                }
            };
            if let Some((start, end, after)) = found {
                self.copy(&joined[copied..i], &mut line_no);
                let html = inline_html(&joined[start..end], options);
                let mark = self.placeholder(html, false);
                self.text.push_str(&mark);
                line_no += joined[i..after].matches('\n').count();
                copied = after;
                i = after;
            }
        }
        self.copy(&joined[copied..], &mut line_no);
        self.text.push('\n');
    }

    /// Copies text, noting the input line of each line it starts.
    fn copy(&mut self, text: &str, line_no: &mut usize) {
        for (n, part) in text.split('\n').enumerate() {
            if n > 0 {
                *line_no += 1;
                self.text.push('\n');
                self.line_map.push(*line_no as u32);
            }
            self.text.push_str(part);
        }
    }
}

/// Puts the math back: a paragraph holding only a block's placeholder becomes the block, a
/// placeholder in text becomes inline HTML.
pub fn resolve<'e>(events: Vec<Event<'e>>, math: &Extracted) -> Vec<Event<'e>> {
    let mut out: Vec<Event<'e>> = Vec::with_capacity(events.len());
    let mut i = 0;
    while i < events.len() {
        if let (
            Event::Start(Tag::Paragraph),
            Some(Event::Text(t)),
            Some(Event::End(TagEnd::Paragraph)),
        ) = (&events[i], events.get(i + 1), events.get(i + 2))
            && let Some(f) = math.whole(t).filter(|f| f.block)
        {
            out.push(Event::Html(format!("{}\n", f.html).into()));
            i += 3;
            continue;
        }
        match &events[i] {
            Event::Text(t) if t.contains(OPEN) => math.split(t, &mut out),
            Event::Html(h) if h.contains(OPEN) => out.push(Event::Html(math.fill(h).into())),
            Event::InlineHtml(h) if h.contains(OPEN) => {
                out.push(Event::InlineHtml(math.fill(h).into()))
            }
            e => out.push(e.clone()),
        }
        i += 1;
    }
    out
}

impl Extracted {
    /// The fragment a text is the placeholder of, if it is one and nothing else.
    fn whole(&self, text: &str) -> Option<&Fragment> {
        let inner = text.strip_prefix(OPEN)?.strip_suffix(CLOSE)?;
        self.fragments.get(inner.parse::<usize>().ok()?)
    }

    fn split<'e>(&self, text: &str, out: &mut Vec<Event<'e>>) {
        let mut rest = text;
        while let Some(at) = rest.find(OPEN) {
            let Some(len) = rest[at..].find(CLOSE) else {
                break;
            };
            let Some(f) = self.whole(&rest[at..at + len + CLOSE.len_utf8()]) else {
                break;
            };
            if at > 0 {
                out.push(Event::Text(CowStr::from(rest[..at].to_owned())));
            }
            let html = CowStr::from(f.html.clone());
            out.push(if f.block {
                Event::Html(html)
            } else {
                Event::InlineHtml(html)
            });
            rest = &rest[at + len + CLOSE.len_utf8()..];
        }
        if !rest.is_empty() {
            out.push(Event::Text(CowStr::from(rest.to_owned())));
        }
    }

    fn fill(&self, html: &str) -> String {
        let mut out = String::with_capacity(html.len());
        let mut rest = html;
        while let Some(at) = rest.find(OPEN) {
            let Some(len) = rest[at..].find(CLOSE) else {
                break;
            };
            let end = at + len + CLOSE.len_utf8();
            out.push_str(&rest[..at]);
            match self.whole(&rest[at..end]) {
                Some(f) => out.push_str(&f.html),
                None => out.push_str(&rest[at..end]),
            }
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }
}

/// `line` without up to `columns` columns of leading spaces.
fn strip_columns(line: &str, columns: usize) -> &str {
    let spaces = line
        .bytes()
        .take(columns)
        .take_while(|&b| b == b' ')
        .count();
    &line[spaces..]
}

fn run_of(text: &str, ch: u8) -> usize {
    text.bytes().take_while(|&b| b == ch).count()
}

/// A code fence's character and length, if `rest` opens one.
fn fence_open(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    let len = run_of(rest, ch);
    (matches!(ch, b'`' | b'~') && len >= 3).then_some((ch, len))
}

/// Whether a line starts a list item or an indented block (admonition, details, tab), whose
/// indented lines are content, not code.
fn opens_container(rest: &str) -> bool {
    let b = rest.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let bullet =
        matches!(b.first(), Some(b'-' | b'*' | b'+')) && matches!(b.get(1), Some(b' ' | b'\t'));
    let number = digits > 0
        && b.get(digits) == Some(&b'.')
        && matches!(b.get(digits + 1), Some(b' ' | b'\t'));
    bullet
        || number
        || ["!!!", "???", "===", "///"]
            .iter()
            .any(|m| rest.starts_with(m))
}

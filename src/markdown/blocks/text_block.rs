//! Event part of `///` blocks whose body is not block markdown (`/// html | span`, `pre`,
//! `markdown: raw`): the placeholder the line part left becomes the element, its body
//! written as inline markdown, as HTML, or as escaped text.

use std::ops::Range;

use pulldown_cmark::Event;

use super::Mode;
use crate::markdown::events::Pass;

/// A block whose body the event part writes: found by the offset of its placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextBlock {
    pub at: usize,
    pub(super) open_tag: String,
    pub(super) close_tag: String,
    pub(super) mode: Mode,
    pub(super) body: String,
}

/// Event part: the placeholder of a block whose body is not block markdown becomes the
/// element, its body written as its mode says.
pub(in crate::markdown) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let blocks = &pass.pre.text_blocks;
    let found = blocks.partition_point(|b| b.at < range.start);
    let Some(block) = blocks.get(found).filter(|b| b.at < range.end) else {
        return Some(event);
    };
    let body = match block.mode {
        Mode::Inline => {
            let paragraphs: Vec<String> = block
                .body
                .split("\n\n")
                .filter(|p| !p.trim().is_empty())
                .map(|p| pass.inline(&no_block_starts(p.trim_matches('\n')), range))
                .collect();
            paragraphs.join("\n\n")
        }
        Mode::Html => dedent_body(&block.body),
        _ => html_escape(&dedent_body(&block.body)),
    };
    let html = format!("{}{body}{}\n", block.open_tag, block.close_tag);
    out.push(Event::Html(html.into()));
    None
}

/// Inline-only text: a line that would start a block (`- a`, `# b`, `> c`, `1. d`, `===`)
/// gets its first mark escaped, so it stays text as in pymdownx's `markdown: inline`.
fn no_block_starts(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let rest = line.trim_start_matches(' ');
        let after = |n: usize| rest[n..].chars().next().is_none_or(char::is_whitespace);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        let starts_block = match rest.as_bytes().first() {
            Some(b'-' | b'+' | b'*') => after(1) || rest.bytes().all(|b| b == b'-'),
            Some(b'#' | b'>' | b'=') => true,
            Some(b'0'..=b'9') => {
                matches!(rest.as_bytes().get(digits), Some(b'.' | b')')) && after(digits + 1)
            }
            _ => false,
        };
        // A backslash escapes punctuation only: `2\. x`, not `\2. x`.
        let at = line.len() - rest.len() + if starts_block { digits } else { 0 };
        out.push_str(&line[..at]);
        if starts_block {
            out.push('\\');
        }
        out.push_str(&line[at..]);
    }
    out
}

/// A raw body less the indentation its lines share, up to 4 columns.
fn dedent_body(body: &str) -> String {
    let common = body
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
        .min(4);
    body.lines()
        .map(|l| l.get(common..).unwrap_or(l.trim_start()))
        .collect::<Vec<_>>()
        .join("\n")
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    #[test]
    fn inline_bodies_keep_list_and_heading_marks_as_text() {
        assert_eq!(
            super::no_block_starts("- cup\n  # pot\n2. kettle\n---\nplain -x"),
            "\\- cup\n  \\# pot\n2\\. kettle\n\\---\nplain -x"
        );
    }
}

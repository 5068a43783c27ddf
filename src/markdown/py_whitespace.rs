//! The white space at the end of a paragraph, kept as Python-Markdown keeps it, on the pages
//! of MkDocs projects (a paragraph may end in spaces; tabs there become spaces up to the next
//! multiple of 4 columns). CommonMark drops it. The white space around the line breaks inside
//! a paragraph is [`super::py_breaks`]'s, which sees every soft break first.
//!
//! The white space is read from the text pulldown-cmark parsed, after the end of the
//! paragraph's last inline event.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::preprocess::TAB;

/// The end of the last inline event of the paragraph being read.
#[derive(Debug, Default)]
pub(super) struct LineEnds {
    /// Inside a paragraph: the furthest end of its inline events so far.
    inline_end: Option<usize>,
}

impl LineEnds {
    /// Reads an event before it is written, and writes a paragraph's trailing white space
    /// before its end; returns the event.
    pub(super) fn event<'e>(
        &mut self,
        event: Event<'e>,
        range: &Range<usize>,
        text: &str,
        out: &mut Vec<Event<'e>>,
    ) -> Option<Event<'e>> {
        match &event {
            Event::Start(Tag::Paragraph) => self.inline_end = Some(range.start),
            Event::End(TagEnd::Paragraph) => {
                if let Some(end) = self.inline_end.take() {
                    push_spaces(out, text, end, trailing(text, end));
                }
            }
            _ => {
                if let Some(end) = &mut self.inline_end {
                    *end = (*end).max(range.end);
                }
            }
        }
        Some(event)
    }
}

/// Length of the spaces and tabs at `at` that end their line.
fn trailing(text: &str, at: usize) -> usize {
    let run = leading(text, at);
    match text.as_bytes().get(at + run) {
        None | Some(b'\n' | b'\r') => run,
        Some(_) => 0,
    }
}

/// Length of the spaces and tabs at `at`.
fn leading(text: &str, at: usize) -> usize {
    text.as_bytes()
        .get(at..)
        .unwrap_or_default()
        .iter()
        .take_while(|&&b| b == b' ' || b == b'\t')
        .count()
}

/// Writes `text[at..at + len]` as spaces, tabs expanded by their column.
fn push_spaces(out: &mut Vec<Event<'_>>, text: &str, at: usize, len: usize) {
    if len == 0 {
        return;
    }
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let column = |upto: usize| {
        text[line_start..upto].chars().fold(0, |col, c| match c {
            '\t' => col + TAB - col % TAB,
            _ => col + 1,
        })
    };
    let width = column(at + len) - column(at);
    out.push(Event::Text(CowStr::from(" ".repeat(width))));
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

    #[test]
    fn trailing_spaces_and_tabs_stay() {
        assert_eq!(
            render_python_markdown("Tea \ntime\t\n").trim_end(),
            "<p>Tea \ntime    </p>"
        );
    }

    #[test]
    fn leading_spaces_stay_even_on_a_lazy_item_line() {
        // Python-Markdown takes 4 columns from an item's lines; `  b` has only 2 and keeps
        // them (the paragraph white space pass, py_breaks, keeps what the item does not own).
        assert_eq!(
            render_python_markdown("Tea\n  time\n\n- a\n  b\n").trim_end(),
            "<p>Tea\n  time</p>\n<ul>\n<li>a\n  b</li>\n</ul>"
        );
    }

    #[test]
    fn commonmark_sites_drop_them() {
        assert_eq!(
            render_commonmark("Tea \n  time \n").trim_end(),
            "<p>Tea\ntime</p>"
        );
    }
}

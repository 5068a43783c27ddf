//! White space at the ends of a paragraph's lines, kept as Python-Markdown keeps it, on the
//! pages of MkDocs projects: a line's trailing spaces stay (`a \nb` is `a \nb`, and a
//! paragraph may end in a space), and so do the leading spaces of the lines after the first
//! of a paragraph outside any list, quote, footnote or definition. Tabs there become spaces up to the next multiple
//! of 4 columns, as Python-Markdown expands them. CommonMark drops all of these.
//!
//! The event pass hands over each paragraph's events; the white space is read from the text
//! pulldown-cmark parsed, between the end of the last inline event and the line break. A
//! paragraph whose lines have none costs a look at one byte per line.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::preprocess::TAB;

/// Where the pass is: how deep in lists and quotes, and the end of the last inline event of
/// the paragraph being read.
#[derive(Debug, Default)]
pub(super) struct LineEnds {
    containers: usize,
    /// Inside a paragraph: the furthest end of its inline events so far.
    inline_end: Option<usize>,
}

impl LineEnds {
    /// Reads an event before it is written; returns it, or `None` when it wrote it itself
    /// (a soft break, with the white space around it).
    pub(super) fn event<'e>(
        &mut self,
        event: Event<'e>,
        range: &Range<usize>,
        text: &str,
        out: &mut Vec<Event<'e>>,
    ) -> Option<Event<'e>> {
        match &event {
            Event::Start(
                Tag::Item
                | Tag::BlockQuote(_)
                | Tag::FootnoteDefinition(_)
                | Tag::DefinitionListDefinition,
            ) => self.containers += 1,
            Event::End(
                TagEnd::Item
                | TagEnd::BlockQuote(_)
                | TagEnd::FootnoteDefinition
                | TagEnd::DefinitionListDefinition,
            ) => {
                self.containers = self.containers.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph) => self.inline_end = Some(range.start),
            Event::End(TagEnd::Paragraph) => {
                if let Some(end) = self.inline_end.take() {
                    push_spaces(out, text, end, trailing(text, end));
                }
            }
            Event::SoftBreak => {
                let Some(end) = self.inline_end else {
                    return Some(event);
                };
                push_spaces(out, text, end, trailing(text, end));
                out.push(event);
                let next = text[end..].find('\n').map_or(text.len(), |i| end + i + 1);
                let leading = leading(text, next);
                self.inline_end = Some(next + leading);
                if self.containers == 0 {
                    push_spaces(out, text, next, leading);
                }
                return None;
            }
            Event::HardBreak => self.inline_end = self.inline_end.map(|_| range.end),
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

//! Line breaks inside a paragraph as Python-Markdown writes them, for pages read with its
//! rules (MkDocs projects): the spaces at the start of a continuation line and a lone space
//! at the end of a line stay in the text, where CommonMark drops them.
//!
//! Python-Markdown takes off only what its containers own: a block quote its `>` and one
//! space; a list item, a definition or a footnote 4 columns, except in the paragraph that starts on the item's marker
//! line, whose lines keep all their indentation (an outer item still takes its 4). An
//! admonition's body was dedented by the line pass already.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::preprocess::{TAB, indentation};

/// The containers around the text being read, outermost first.
#[derive(Debug, Default)]
pub(super) struct Containers {
    stack: Vec<Kind>,
    /// Whether the paragraph being read started on its list item's marker line.
    marker_paragraph: bool,
    /// Whether the event before was the start of a list item.
    after_item_start: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Quote,
    Item,
    /// A definition list's definition or a footnote, whose lines are dedented 4 columns.
    Definition,
}

impl Containers {
    /// Follows the block structure through one event of the page.
    pub(super) fn see(&mut self, event: &Event<'_>) {
        let after_item_start = std::mem::take(&mut self.after_item_start);
        match event {
            Event::Start(Tag::BlockQuote(_)) => self.stack.push(Kind::Quote),
            Event::Start(Tag::Item) => {
                self.stack.push(Kind::Item);
                self.marker_paragraph = true;
                self.after_item_start = true;
            }
            Event::Start(Tag::DefinitionListDefinition | Tag::FootnoteDefinition(_)) => {
                self.stack.push(Kind::Definition)
            }
            Event::End(
                TagEnd::BlockQuote(_)
                | TagEnd::Item
                | TagEnd::DefinitionListDefinition
                | TagEnd::FootnoteDefinition,
            ) => {
                self.stack.pop();
            }
            Event::Start(Tag::Paragraph) => self.marker_paragraph = after_item_start,
            Event::End(TagEnd::Paragraph) | Event::Start(Tag::List(_)) => {
                self.marker_paragraph = false
            }
            _ => {}
        }
    }

    /// The events a line break at `range` of `text` becomes: the break, with the spaces
    /// Python-Markdown keeps before and after it. `written` is the page's own line that the
    /// line after the break came from: a line an earlier pass indented to move it into a
    /// list item (`\\* text`) keeps only the indentation it was written with.
    pub(super) fn line_break<'e>(
        &self,
        event: Event<'e>,
        text: &str,
        range: &Range<usize>,
        written: Option<&str>,
        out: &mut Vec<Event<'e>>,
    ) {
        let Some(newline) = next_line_start(text, range).map(|start| start - 1) else {
            out.push(event);
            return;
        };
        let trailing = trailing_columns(&text[..newline]);
        // Two columns of white space make a hard break, which takes them; a soft one keeps
        // its single space. Tabs count to their tab stop, so `ab` and a tab is a hard break.
        let hard = matches!(event, Event::HardBreak) || trailing >= 2;
        let kept_before = if hard {
            trailing.saturating_sub(2)
        } else {
            trailing.min(1)
        };
        if kept_before > 0 && !matches!(out.last(), Some(Event::Text(t)) if t.ends_with(' ')) {
            out.push(Event::Text(" ".repeat(kept_before).into()));
        }
        out.push(if hard { Event::HardBreak } else { event });
        let next = &text[newline + 1..];
        let next = next.split('\n').next().unwrap_or(next);
        let mut kept_after = self.kept_indent(next);
        if let Some(written) = written {
            // The same line indented more (a marker escaped, `1\\.`, at most): it was moved.
            let content = written.trim_start_matches([' ', '\t']);
            let line = next.trim_start_matches([' ', '\t']);
            let escaped_once = line.find('\\').is_some_and(|i| {
                line.len() == content.len() + 1
                    && content.get(..i) == Some(&line[..i])
                    && content.get(i..) == Some(&line[i + 1..])
            });
            let indented = indent_columns(next) > indent_columns(written);
            if indented && (line == content || escaped_once) {
                kept_after = kept_after.min(indent_columns(written));
            }
        }
        if kept_after > 0 {
            out.push(Event::Text(" ".repeat(kept_after).into()));
        }
    }

    /// How many columns of the indentation of `line` (a paragraph's continuation line) stay.
    fn kept_indent(&self, line: &str) -> usize {
        let bytes = line.as_bytes();
        let mut at = 0;
        let innermost = self.stack.len().saturating_sub(1);
        for (depth, kind) in self.stack.iter().enumerate() {
            match kind {
                Kind::Quote => {
                    let spaces = bytes[at..].iter().take_while(|&&b| b == b' ').count();
                    if spaces > 3 || bytes.get(at + spaces) != Some(&b'>') {
                        // A lazy line: no marker to take off.
                        continue;
                    }
                    at += spaces + 1;
                    if bytes.get(at) == Some(&b' ') {
                        at += 1;
                    }
                }
                Kind::Item if depth == innermost && self.marker_paragraph => {}
                Kind::Item | Kind::Definition => at += columns_up_to(&bytes[at..], 4),
            }
        }
        indent_columns(&line[at..])
    }
}

/// Whether a line break is one this module writes: a soft one, or a hard one made of spaces
/// (a backslash's is left to `escapeall`).
pub(super) fn owns(event: &Event<'_>, text: &str, range: &Range<usize>) -> bool {
    match event {
        Event::SoftBreak => true,
        Event::HardBreak => next_line_start(text, range)
            .is_some_and(|start| text[..start - 1].ends_with([' ', '\t'])),
        _ => false,
    }
}

/// Where the line after the line break at `range` starts.
pub(super) fn next_line_start(text: &str, range: &Range<usize>) -> Option<usize> {
    text[range.start..].find('\n').map(|i| range.start + i + 1)
}

/// Columns of leading white space, tabs to the next multiple of 4 (Python-Markdown expands
/// them so before reading a line).
fn indent_columns(line: &str) -> usize {
    indentation(line).0
}

/// Columns of the white space at the end of `before` (the text up to a line's end), tabs
/// expanded from the start of its line as Python-Markdown expands them.
fn trailing_columns(before: &str) -> usize {
    let content = before.trim_end_matches([' ', '\t']);
    let run = &before[content.len()..];
    if !run.contains('\t') {
        return run.len();
    }
    let line = &content[content.rfind('\n').map_or(0, |i| i + 1)..];
    let start = line.chars().fold(0, advance);
    run.chars().fold(start, advance) - start
}

/// The column after `ch` written at `col`.
fn advance(col: usize, ch: char) -> usize {
    if ch == '\t' {
        col + TAB - col % TAB
    } else {
        col + 1
    }
}

/// How many bytes of leading white space (tabs to the next multiple of 4) make up at most
/// `limit` columns.
fn columns_up_to(bytes: &[u8], limit: usize) -> usize {
    let mut columns = 0;
    let mut taken = 0;
    for &b in bytes {
        let next = match b {
            b' ' => columns + 1,
            b'\t' => columns + TAB - columns % TAB,
            _ => break,
        };
        if next > limit {
            break;
        }
        columns = next;
        taken += 1;
    }
    taken
}

/// A list nested right after the text of a tight item follows the text on its line
/// (`<li>text<ul>`), as Python-Markdown writes it; pulldown-cmark's writer starts a new line.
pub(super) fn glue_nested_lists(events: &mut [Event<'_>]) {
    for i in 1..events.len() {
        let Event::Start(Tag::List(start)) = &events[i] else {
            continue;
        };
        let after_text = matches!(
            &events[i - 1],
            Event::Text(_)
                | Event::Code(_)
                | Event::InlineHtml(_)
                | Event::FootnoteReference(_)
                | Event::End(
                    TagEnd::Emphasis
                        | TagEnd::Strong
                        | TagEnd::Strikethrough
                        | TagEnd::Link
                        | TagEnd::Image
                        | TagEnd::Superscript
                        | TagEnd::Subscript
                )
        );
        if after_text {
            let tag = match start {
                None => "<ul>\n".to_owned(),
                Some(1) => "<ol>\n".to_owned(),
                Some(n) => format!("<ol start=\"{n}\">\n"),
            };
            events[i] = Event::Html(tag.into());
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_python_markdown as render;

    #[test]
    fn a_lone_space_stays_and_a_hard_break_keeps_the_spaces_beyond_two() {
        assert_eq!(
            render("Scones \nwarm    \n  from the oven\n"),
            "<p>Scones \nwarm  <br />\n  from the oven</p>\n"
        );
    }

    #[test]
    fn a_tab_at_a_line_end_counts_to_its_tab_stop() {
        for (markdown, html) in [
            // Two columns make a hard break, which takes them: `jam` and a tab is one column.
            ("jam\t\nbread\n", "<p>jam \nbread</p>\n"),
            ("ja\t\nbread\n", "<p>ja<br />\nbread</p>\n"),
            ("j\t\nbread\n", "<p>j <br />\nbread</p>\n"),
            ("ja\t  \nbread\n", "<p>ja  <br />\nbread</p>\n"),
            ("ja  \t\nbread\n", "<p>ja    <br />\nbread</p>\n"),
            ("j\t\t\nbread\n", "<p>j     <br />\nbread</p>\n"),
            ("é\t\nbread\n", "<p>é <br />\nbread</p>\n"),
        ] {
            assert_eq!(render(markdown), html, "{markdown:?}");
        }
    }

    #[test]
    fn indentation_tabs_go_to_the_next_multiple_of_four() {
        assert_eq!(render("jam\n \tbread\n"), "<p>jam\n    bread</p>\n");
        assert_eq!(render("jam\n\t bread\n"), "<p>jam\n     bread</p>\n");
        // The item takes its 4 columns (a space and a tab) and the 2 after stay.
        let html = render("* jam\n\n    scones\n \t  bread\n");
        assert!(html.contains("<p>scones\n  bread</p>"), "{html}");
    }

    #[test]
    fn a_quote_takes_its_marker_and_one_space() {
        let html = render("> jam\n>   bread\n");
        assert!(html.contains("<p>jam\n  bread</p>"), "{html}");
    }

    #[test]
    fn a_list_right_after_an_items_text_follows_it_on_its_line() {
        let html = render("* jam\n    * bread\n");
        assert!(html.contains("<li>jam<ul>\n<li>bread</li>"), "{html}");
    }
}

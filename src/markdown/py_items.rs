//! Tight and loose list items as Python-Markdown decides them, for pages of MkDocs projects.
//! CommonMark makes a whole list loose (`<p>` in every item) when a blank line separates any
//! two of its items or blocks; Python-Markdown decides for each item: its text gets a `<p>`
//! only when a blank line comes before it (after an earlier item of the list), inside it, or
//! between it and the next item. So in `1. a` / `2. b`, blank, indented code, only `b` is
//! loose. The event part takes the `<p>` off the paragraphs of the items that stay tight.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// The lists and items open while the page's events go by.
#[derive(Default)]
pub(super) struct Items {
    /// For each open list: how many of its items have started.
    lists: Vec<usize>,
    /// For each open item: where its events start in the output and whether it is tight.
    open: Vec<(usize, bool)>,
}

impl Items {
    /// Reads an event at `range` of `text` before it is written to `out`.
    pub(super) fn event(
        &mut self,
        event: &Event<'_>,
        range: &Range<usize>,
        text: &str,
        out: &mut [Event<'_>],
    ) {
        match event {
            Event::Start(Tag::List(_)) => self.lists.push(0),
            Event::End(TagEnd::List(_)) => {
                self.lists.pop();
            }
            Event::Start(Tag::Item) => {
                let earlier = self.lists.last_mut().map_or(0, |n| {
                    *n += 1;
                    *n - 1
                });
                let blank_before = earlier > 0 && blank_line_before(text, range.start);
                let tight = !blank_before && !has_blank_line(text, range);
                self.open.push((out.len(), tight));
            }
            Event::End(TagEnd::Item) => {
                if let Some((start, true)) = self.open.pop() {
                    unwrap_paragraphs(out.get_mut(start..).unwrap_or_default());
                }
            }
            _ => {}
        }
    }
}

/// Whether the line before the one holding byte `at` is blank.
fn blank_line_before(text: &str, at: usize) -> bool {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return false;
    }
    let before = &text[..line_start - 1];
    before[before.rfind('\n').map_or(0, |i| i + 1)..]
        .trim()
        .is_empty()
}

/// Whether a blank line lies inside the item at `range`, or between it and an item after it.
fn has_blank_line(text: &str, range: &Range<usize>) -> bool {
    let end = range.end.min(text.len());
    let item = &text[range.start.min(end)..end];
    let body = item.trim_end();
    if body.lines().any(|l| l.trim().is_empty()) {
        return true;
    }
    // Blank lines after the item count when another item of its list follows them.
    let mut after = text[range.start.min(end) + body.len()..]
        .split('\n')
        .skip(1);
    if !after.next().is_some_and(|l| l.trim().is_empty()) {
        return false;
    }
    let line_start = text[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let col = range.start - line_start;
    let next = after.find(|l| !l.trim().is_empty());
    next.is_some_and(|l| {
        let rest = l.trim_start_matches(' ');
        l.len() - rest.len() == col && starts_with_marker(rest)
    })
}

/// Whether `rest` starts with a list marker as the list pass writes them (`-   `, `1.  `).
fn starts_with_marker(rest: &str) -> bool {
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let after = match digits {
        0 => rest.strip_prefix(['-', '*', '+']),
        _ => rest[digits..].strip_prefix('.'),
    };
    after.is_some_and(|a| a.is_empty() || a.starts_with([' ', '\t']))
}

/// Takes the `<p>` off the paragraphs directly inside the item whose events `item` holds
/// (its start first); they become empty text, so that positions stay as they are.
fn unwrap_paragraphs(item: &mut [Event<'_>]) {
    let mut depth = 0usize;
    for event in item.iter_mut() {
        match event {
            Event::Start(Tag::Paragraph) if depth == 1 => {
                *event = Event::Text(CowStr::Borrowed(""));
                depth += 1;
            }
            Event::End(TagEnd::Paragraph) if depth == 2 => {
                *event = Event::Text(CowStr::Borrowed(""));
                depth -= 1;
            }
            Event::Start(_) => depth += 1,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_python_markdown;

    #[test]
    fn only_the_items_next_to_a_blank_line_are_loose() {
        let html = render_python_markdown(
            "1.  First step\n    goes here.\n2.  Second step, then code:\n\n        indented code\n\n3.  Third.\n4.  Fourth.\n",
        );
        assert!(
            html.contains("<li>First step\n    goes here.</li>"),
            "{html}"
        );
        assert!(
            html.contains("<li>\n<p>Second step, then code:</p>"),
            "{html}"
        );
        assert!(html.contains("<li>\n<p>Third.</p>\n</li>"), "{html}");
        assert!(html.contains("<li>Fourth.</li>"), "{html}");
    }
}

//! List items tight or loose as Python-Markdown decides, on the pages of MkDocs projects:
//! item by item, where CommonMark decides for a whole list. Python-Markdown wraps an item's
//! text in `<p>` when a blank line separates it from the item before or after it in its list,
//! or lies inside the item; any other item keeps its text bare (`<li>text</li>`), even in a
//! list whose other items are loose. pulldown-cmark has made the whole list loose there, so
//! the event pass drops the paragraph tags of such an item's own paragraphs.
//!
//! Lists inside block quotes keep CommonMark's rules (their lines carry `>` markers).

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// What the pass is inside, innermost last.
#[derive(Debug, Default)]
pub(super) struct LooseItems {
    stack: Vec<Frame>,
    /// Open block quotes.
    quotes: usize,
}

#[derive(Debug)]
enum Frame {
    /// A list: where it ends, and where its last item so far started.
    List {
        end: usize,
        last_item: Option<usize>,
    },
    /// An item: whether its text stays bare.
    Item {
        bare: bool,
    },
    /// A paragraph: whether its tags were dropped.
    Paragraph {
        dropped: bool,
    },
    Other,
}

impl LooseItems {
    /// Reads an event of the text at `range`; `None` drops it.
    pub(super) fn event<'e>(
        &mut self,
        event: Event<'e>,
        range: &Range<usize>,
        text: &str,
    ) -> Option<Event<'e>> {
        match &event {
            Event::Start(Tag::List(_)) => self.stack.push(Frame::List {
                end: range.end,
                last_item: None,
            }),
            Event::Start(Tag::Item) => {
                let bare = self.quotes == 0 && self.item_is_bare(range, text);
                self.stack.push(Frame::Item { bare });
            }
            Event::Start(Tag::Paragraph) => {
                let dropped = matches!(self.stack.last(), Some(Frame::Item { bare: true }));
                self.stack.push(Frame::Paragraph { dropped });
                if dropped {
                    return None;
                }
            }
            Event::Start(tag) => {
                if matches!(tag, Tag::BlockQuote(_)) {
                    self.quotes += 1;
                }
                self.stack.push(Frame::Other);
            }
            Event::End(end) => {
                if matches!(end, TagEnd::BlockQuote(_)) {
                    self.quotes = self.quotes.saturating_sub(1);
                }
                if let Some(Frame::Paragraph { dropped: true }) = self.stack.pop() {
                    return None;
                }
            }
            _ => {}
        }
        Some(event)
    }

    /// Whether the item at `range` has no blank line before it (after the item before it in
    /// its list), inside it, or after it with more of its list to come.
    fn item_is_bare(&mut self, range: &Range<usize>, text: &str) -> bool {
        let Some(Frame::List { end, last_item }) = self.stack.last_mut() else {
            return false;
        };
        let previous = last_item.replace(range.start);
        let before = previous.is_some_and(|start| blank_at_end(&text[start..range.start]));
        let item = &text[range.start..range.end.min(text.len())];
        let content = item.trim_end();
        let inside = has_blank_line(content);
        let content_end = range.start + content.len();
        let rest = &text[content_end..(*end).min(text.len())];
        let after = !rest.trim().is_empty()
            && has_blank_line(&rest[..rest.len() - rest.trim_start().len()]);
        !(before || inside || after)
    }
}

/// Whether `text` ends with a blank line (two line ends in its trailing white space).
fn blank_at_end(text: &str) -> bool {
    let tail = &text[text.trim_end().len()..];
    tail.matches('\n').count() >= 2
}

/// Whether `text` holds a line of white space only between two others.
fn has_blank_line(text: &str) -> bool {
    let mut lines = text.split('\n');
    lines.next();
    let mut lines = lines.peekable();
    while let Some(line) = lines.next() {
        if line.trim().is_empty() && lines.peek().is_some() {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

    #[test]
    fn only_the_items_next_to_a_blank_line_get_paragraphs_in_mkdocs_projects() {
        let page = "- kettle\n- cups\n\n- saucers\n- spoons\n";
        assert_eq!(
            render_python_markdown(page),
            "<ul>\n<li>kettle</li>\n<li>\n<p>cups</p>\n</li>\n<li>\n<p>saucers</p>\n</li>\n\
             <li>spoons</li>\n</ul>\n"
        );
        // CommonMark: the blank line makes every item loose.
        assert_eq!(render_commonmark(page).matches("<p>").count(), 4);
    }

    #[test]
    fn a_blank_line_inside_an_item_keeps_its_paragraphs() {
        let html = render_python_markdown("1. boil\n\n    then wait\n2. pour\n");
        assert!(
            html.starts_with("<ol>\n<li>\n<p>boil</p>\n<p>then wait"),
            "{html}"
        );
    }
}

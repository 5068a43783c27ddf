//! A heading's plain text (its id, its entry in the table of contents) without the attribute
//! lists of its inline elements (`## Fast :material-clock-fast:{ .lg }`): Python-Markdown's
//! attr_list takes them off before toc reads the heading.

use pulldown_cmark::{CowStr, Event, TagEnd};

use super::{emoji, leading};
use crate::markdown::plain_text::PlainText;

/// Collects plain text, leaving out what is an inline element's attribute list.
pub(in crate::markdown) struct WithoutLists {
    /// Whether attr_list is on.
    on: bool,
    /// Whether the last event closed an element that takes a list right after it.
    after_element: bool,
}

impl WithoutLists {
    pub(in crate::markdown) fn new(attr_list: bool) -> Self {
        WithoutLists {
            on: attr_list,
            after_element: false,
        }
    }

    pub(in crate::markdown) fn push(&mut self, text: &mut PlainText, event: &Event<'_>) {
        if !self.on {
            return text.push(event);
        }
        match event {
            Event::Text(t) if self.after_element => match leading(t) {
                Some((_, len)) => text.push(&Event::Text(CowStr::Borrowed(&t[len..]))),
                None => text.push(event),
            },
            _ => text.push(event),
        }
        self.after_element = takes_list(event);
    }
}

/// Whether an attribute list right after `event` belongs to it (see [`super::apply`]).
fn takes_list(event: &Event<'_>) -> bool {
    match event {
        Event::End(
            TagEnd::Link
            | TagEnd::Image
            | TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough,
        )
        | Event::Code(_) => true,
        Event::InlineHtml(h) => {
            emoji::is_emoji(h) || (h.starts_with("<code") && h.ends_with("</code>"))
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::inline::emoji::{Generator, Options};
    use crate::markdown::tests_support::render_with;
    use crate::markdown::{Features, Rules};

    fn features(attr_list: bool) -> Features {
        let mut features = Features {
            rules: Rules::PythonMarkdown,
            attr_list,
            ..Features::default()
        };
        features.inline.emoji = Some(Options {
            generator: Generator::Png,
            ..Options::default()
        });
        features
    }

    #[test]
    fn inline_lists_leave_heading_ids_and_the_toc() {
        let page = "## Ready :rocket:{ .big } to [go](https://example.org){ .out } now\n\n[TOC]\n";
        let html = render_with(page, &features(true));
        assert!(
            html.contains("<h2 id=\"ready-to-go-now\">Ready <img"),
            "{html}"
        );
        assert!(html.contains(" class=\"emojione big\""), "{html}");
        assert!(
            html.contains("<a href=\"#ready-to-go-now\">Ready to go now</a>"),
            "{html}"
        );
        // Without attr_list the braces are text, and in the id.
        let html = render_with(page, &features(false));
        assert!(html.contains("id=\"ready-big-to-go-out-now\""), "{html}");
    }

    #[test]
    fn admonition_titles_take_lists_after_their_emoji() {
        let page = "!!! note \":bell:{ .ring #bell } Heads up\"\n\n    Body.\n\n# Bell\n";
        let html = render_with(page, &features(true));
        assert!(html.contains(" class=\"emojione ring\""), "{html}");
        assert!(html.contains("id=\"bell\""), "{html}");
        assert!(html.contains(" /> Heads up</p>"), "{html}");
        // The list's id is taken: the heading gets another.
        assert!(html.contains("<h1 id=\"bell_1\">"), "{html}");
    }
}

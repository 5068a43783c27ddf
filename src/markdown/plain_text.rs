//! Plain text out of markdown events: for heading ids, the table of contents, summaries and
//! the FAQ answer. Code spans keep their text; markup and raw HTML are dropped; line breaks and
//! block ends become single spaces.

use pulldown_cmark::{Event, TagEnd};

#[derive(Debug, Default)]
pub struct PlainText {
    text: String,
}

impl PlainText {
    pub fn push(&mut self, event: &Event<'_>) {
        match event {
            Event::Text(t) | Event::Code(t) => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.space(),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
            )
            | Event::End(TagEnd::TableCell | TagEnd::BlockQuote(_)) => self.space(),
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The text with runs of white space folded into single spaces.
    pub fn finish(&self) -> String {
        self.text.split_whitespace().collect::<Vec<_>>().join(" ")
    }
}

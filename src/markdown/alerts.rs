//! GitHub alerts (`> [!NOTE]`, `> [!TIP]`, ...), which pulldown-cmark parses as typed block
//! quotes, rendered as the same admonition HTML as `!!! note`.

use pulldown_cmark::{Event, Tag, TagEnd};

use pulldown_cmark::BlockQuoteKind;

/// The opening HTML for an alert of `kind`.
pub fn open(kind: BlockQuoteKind) -> String {
    let (class, title) = match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    };
    format!("<div class=\"admonition {class}\">\n<p class=\"admonition-title\">{title}</p>\n")
}

pub const CLOSE: &str = "</div>\n";

/// Event part: the alert's block quote becomes an admonition.
pub(super) fn event(event: Event<'_>) -> Option<Event<'_>> {
    Some(match event {
        Event::Start(Tag::BlockQuote(Some(kind))) => Event::Html(open(kind).into()),
        Event::End(TagEnd::BlockQuote(Some(_))) => Event::Html(CLOSE.into()),
        other => other,
    })
}

//! Definition lists (Python-Markdown `def_list`), which pulldown-cmark parses itself. One
//! case needs help: a term that is only an HTML comment (Material's `<!-- md:option x -->`),
//! which CommonMark would take for a raw HTML block rather than a term. The line pass puts
//! [`TERM_MARK`] in front of such a comment so that it stays a paragraph, and the event pass
//! drops the mark again.

use pulldown_cmark::Event;

/// Put before an HTML comment that is a definition term; the event pass drops it.
pub(super) const TERM_MARK: &str = "<answerbook-term></answerbook-term>";

/// Event part: the two halves of [`TERM_MARK`] are dropped; other inline HTML comes back.
pub(super) fn event(event: Event<'_>) -> Option<Event<'_>> {
    match &event {
        Event::InlineHtml(html)
            if TERM_MARK.starts_with(html.as_ref()) || TERM_MARK.ends_with(html.as_ref()) =>
        {
            None
        }
        _ => Some(event),
    }
}

//! `/// define` (pymdownx.blocks.definition): the body is written as markdown inside a
//! `<dl>`, then, once the page's events are known, its paragraphs (and other blocks) become
//! terms (`<dt>`) and the items of its lists definitions (`<dd>`), the lists themselves going.

use pulldown_cmark::{Event, Tag, TagEnd};

/// Follows the opening `<dl>` of a `/// define` block until [`apply`] takes it out.
pub(super) const MARK: &str = "<!--answerbook:define-->";

/// Turns the body of every `/// define` block into terms and definitions.
pub fn apply(events: &mut Vec<Event<'_>>) {
    let mut i = 0;
    while i < events.len() {
        if let Event::Html(html) = &events[i]
            && html.contains(MARK)
        {
            let without = html.replace(MARK, "");
            events[i] = Event::Html(without.into());
            convert(events, i + 1);
        }
        i += 1;
    }
}

/// Rewrites the children of the `<dl>` whose body starts at `from`.
fn convert(events: &mut Vec<Event<'_>>, from: usize) {
    let mut depth = 0usize;
    // Define blocks nested at the top of this one, whose `</dl>` is theirs.
    let mut nested = 0usize;
    // Whether the top-level element being read is a list (its items become `<dd>`).
    let mut in_list = false;
    let mut i = from;
    while i < events.len() {
        let replacement: Option<Option<Event<'_>>> = match &events[i] {
            Event::Html(h) if depth == 0 && h.contains(MARK) => {
                nested += 1;
                None
            }
            Event::Html(h) if depth == 0 && h.trim() == "</dl>" => {
                if nested == 0 {
                    return;
                }
                nested -= 1;
                None
            }
            Event::Start(tag) => {
                depth += 1;
                match (depth, tag) {
                    (1, Tag::List(_)) => {
                        in_list = true;
                        Some(None)
                    }
                    (1, Tag::Paragraph) => Some(Some(Event::Html("<dt>".into()))),
                    (1, _) => {
                        events.insert(i, Event::Html("<dt>".into()));
                        i += 1;
                        None
                    }
                    (2, Tag::Item) if in_list => Some(Some(Event::Html("<dd>".into()))),
                    _ => None,
                }
            }
            Event::End(tag) => {
                depth = depth.saturating_sub(1);
                match (depth, tag) {
                    (0, TagEnd::List(_)) if in_list => {
                        in_list = false;
                        Some(None)
                    }
                    (0, TagEnd::Paragraph) => Some(Some(Event::Html("</dt>\n".into()))),
                    (0, _) => {
                        events.insert(i + 1, Event::Html("</dt>\n".into()));
                        i += 1;
                        None
                    }
                    (1, TagEnd::Item) if in_list => Some(Some(Event::Html("</dd>\n".into()))),
                    _ => None,
                }
            }
            _ => None,
        };
        match replacement {
            Some(Some(event)) => events[i] = event,
            Some(None) => {
                events.remove(i);
                continue;
            }
            None => {}
        }
        i += 1;
    }
}

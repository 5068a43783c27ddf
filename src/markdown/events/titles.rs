//! Titles (admonition, tab) rendered as inline markdown in the page's context: reference
//! links resolve against the page's definitions, relative links are rewritten, and inline
//! extensions, emoji and attribute lists apply.

use std::ops::Range;

use pulldown_cmark::{BrokenLink, CowStr, Event, Parser, Tag};

use super::super::{Features, options};
use super::{Pass, inline, is_plain_inline};

impl Pass<'_, '_> {
    /// Renders a title (admonition, tab) as inline HTML, in the page's context: reference
    /// links resolve against the page's definitions and relative links are rewritten.
    pub(in crate::markdown) fn inline(&mut self, markdown: &str, range: &Range<usize>) -> String {
        let emoji = self.input.features.inline.emoji.is_some() && inline::emoji::may_have(markdown);
        if is_plain_inline(markdown) && !emoji {
            return markdown.to_owned();
        }
        let defs = self.refdefs;
        let py_defs = &self.pre.link_definitions;
        let callback = |link: BrokenLink<'_>| {
            let (dest, title) = match defs.get(link.reference.as_ref()) {
                Some(d) => (d.dest.as_ref(), d.title.as_deref().unwrap_or("")),
                None => py_defs.get(&link.reference)?,
            };
            Some((
                CowStr::from(dest.to_owned()),
                CowStr::from(title.to_owned()),
            ))
        };
        let parser = Parser::new_with_broken_link_callback(
            markdown,
            options(&Features::default()),
            Some(callback),
        );
        let events: Vec<Event<'_>> = parser
            .map(|mut event| {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                    &mut event
                {
                    let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
                    *dest_url = self.rewrite_link(written, range);
                }
                event
            })
            .collect();
        let mut events = super::inline::apply(events, &self.input.features.inline);
        if emoji {
            events = inline::emoji::title(self, events, range);
        }
        // Attribute lists apply in titles too (`:material-bell:{ .ring } Heads up`).
        if self.input.features.attr_list {
            for id in super::super::attr_list::apply(&mut events) {
                self.ids.reserve(&id);
            }
        }
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        let trimmed = html.trim_end();
        trimmed
            .strip_prefix("<p>")
            .and_then(|s| s.strip_suffix("</p>"))
            .unwrap_or(trimmed)
            .to_owned()
    }
}

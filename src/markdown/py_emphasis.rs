//! `***text***` as Python-Markdown writes it, on the pages of MkDocs projects:
//! `<strong><em>text</em></strong>`, where CommonMark (and pymdownx.betterem) put the
//! emphasis outside. Only one run of three marks around a text does this; `*__a__*` and
//! `***a** b*` nest as they do in CommonMark.
//!
//! pulldown-cmark reads `***a***` as an emphasis whose only child is a strong, both opened by
//! the same run: when the event pass meets that strong start right after the emphasis start,
//! the two starts trade places, and so do their two ends when they come.

use std::ops::Range;

use pulldown_cmark::{Event, Tag, TagEnd};

/// The pairs whose ends are still to come: the strong's range and the emphasis's.
#[derive(Debug, Default)]
pub(super) struct EmStrong {
    swapped: Vec<(Range<usize>, Range<usize>)>,
    /// The emphasis just written, when a run of three opened it.
    pending: Option<Range<usize>>,
}

/// Whether `text` at `range` starts and ends with three of the same mark.
fn triple_run(text: &str, range: &Range<usize>) -> bool {
    let s = text.as_bytes().get(range.clone()).unwrap_or_default();
    s.len() >= 7
        && matches!(s[0], b'*' | b'_')
        && s[..3].iter().chain(&s[s.len() - 3..]).all(|&b| b == s[0])
}

impl EmStrong {
    /// Reads an event before it is written to `out`; returns the event to write instead.
    pub(super) fn event<'e>(
        &mut self,
        event: Event<'e>,
        range: &Range<usize>,
        text: &str,
        out: &mut [Event<'e>],
    ) -> Event<'e> {
        let pending = self.pending.take();
        match event {
            Event::Start(Tag::Emphasis) if triple_run(text, range) => {
                self.pending = Some(range.clone());
                event
            }
            Event::Start(Tag::Strong)
                if pending
                    .as_ref()
                    .is_some_and(|em| em.start + 1 == range.start && range.end + 1 == em.end)
                    && matches!(out.last(), Some(Event::Start(Tag::Emphasis))) =>
            {
                if let Some(last) = out.last_mut() {
                    *last = Event::Start(Tag::Strong);
                }
                self.swapped
                    .push((range.clone(), pending.unwrap_or_default()));
                Event::Start(Tag::Emphasis)
            }
            Event::End(TagEnd::Strong) if self.swapped.iter().any(|(s, _)| s == range) => {
                Event::End(TagEnd::Emphasis)
            }
            Event::End(TagEnd::Emphasis) => {
                match self.swapped.iter().position(|(_, em)| em == range) {
                    Some(i) => {
                        self.swapped.swap_remove(i);
                        Event::End(TagEnd::Strong)
                    }
                    None => event,
                }
            }
            _ => event,
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

    fn body(html: &str) -> &str {
        html.trim_end()
    }

    #[test]
    fn three_marks_make_strong_outside_emphasis() {
        assert_eq!(
            body(&render_python_markdown(
                "It is ***very*** hot and ___dry___.\n"
            )),
            "<p>It is <strong><em>very</em></strong> hot and <strong><em>dry</em></strong>.</p>"
        );
    }

    #[test]
    fn other_nestings_are_left_as_they_are() {
        assert_eq!(
            body(&render_python_markdown("*__hot__* and ***hot** day*\n")),
            "<p><em><strong>hot</strong></em> and <em><strong>hot</strong> day</em></p>"
        );
    }

    #[test]
    fn commonmark_sites_keep_emphasis_outside() {
        assert_eq!(
            body(&render_commonmark("***very***\n")),
            "<p><em><strong>very</strong></em></p>"
        );
    }
}

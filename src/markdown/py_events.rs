//! The rules of Python-Markdown that the event pass applies on the pages of MkDocs projects:
//! [`super::py_emphasis`] (`***a***`), [`super::py_whitespace`] (white space at the ends
//! of lines) and [`super::py_items`] (tight and loose list items).

use std::ops::Range;

use pulldown_cmark::Event;

use super::py_emphasis::EmStrong;
use super::py_items::Items;
use super::py_whitespace::LineEnds;
use super::{Features, Rules};

pub(super) struct PyEvents {
    /// Off with pymdownx.betterem, which nests `***a***` as CommonMark does.
    em_strong: Option<EmStrong>,
    line_ends: LineEnds,
    items: Items,
}

impl PyEvents {
    /// The rules for a page with these features, if they are Python-Markdown's.
    pub(super) fn new(features: &Features) -> Option<Self> {
        (features.rules == Rules::PythonMarkdown).then(|| PyEvents {
            em_strong: (!features.inline.betterem).then(EmStrong::default),
            line_ends: LineEnds::default(),
            items: Items::default(),
        })
    }

    /// Reads an event of the text at `range`; returns what to write, or `None` when it wrote
    /// the event to `out` itself.
    pub(super) fn event<'e>(
        &mut self,
        mut event: Event<'e>,
        range: &Range<usize>,
        text: &str,
        out: &mut Vec<Event<'e>>,
    ) -> Option<Event<'e>> {
        self.items.event(&event, range, text, out);
        if let Some(em_strong) = &mut self.em_strong {
            event = em_strong.event(event, range, text, out);
        }
        self.line_ends.event(event, range, text, out)
    }
}

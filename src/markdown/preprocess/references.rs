//! `[text] [id]` reference links on the pages of MkDocs projects, for the line pass: the pair
//! on one line is joined by [`py_links::spaced::join`]; a pair split over two lines (`[text]`
//! ending one, `[id]` starting the next at its container's column) has its `[id]` moved up,
//! so that each line stays where it was.

use std::borrow::Cow;

use super::{Line, LinePass, TAB};
use crate::markdown::py_links;

impl LinePass<'_> {
    /// A text line (dedented) with its spaced pairs joined; `next` are the lines after it.
    pub(super) fn spaced_references<'a>(
        &mut self,
        text: Cow<'a, str>,
        line_no: u32,
        next: &[Line<'_>],
    ) -> Cow<'a, str> {
        let Some(labels) = &self.labels else {
            return text;
        };
        let mut text = py_links::spaced::join(text, labels);
        if let Some((_, len)) = self.moved_id.take_if(|(no, _)| *no == line_no) {
            let indent = text.len() - text.trim_start().len();
            let rest = text[indent + len..].trim_start();
            text = Cow::Owned(format!("{}{rest}", &text[..indent]));
        }
        let container = self.lists.last().copied().unwrap_or(0);
        let container = container.max(self.open.last().map_or(0, |o| o.marker_col + TAB));
        let Some((col, rest)) = next.first().map(|n| n.indentation()) else {
            return text;
        };
        let moved = (col == container)
            .then(|| py_links::spaced::across_lines(&text, rest, labels))
            .flatten()
            // A line left empty would end the paragraph.
            .filter(|id| !rest[id.len()..].trim().is_empty());
        if let Some(id) = moved {
            text.to_mut().push_str(id);
            self.moved_id = Some((line_no + 1, id.len()));
        }
        text
    }
}

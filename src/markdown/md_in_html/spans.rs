//! `markdown="span"` elements: their content is inline markdown, no paragraphs. On pages with
//! Python-Markdown's rules the content keeps the line break that follows the start tag and
//! the one before the end tag (`<p markdown>` on a line of its own gives `<p>\ntext\n</p>`),
//! as Python-Markdown keeps the element's text as written.

use std::ops::Range;

use pulldown_cmark::Event;

use super::Reader;
use crate::markdown::Rules;
use crate::markdown::events::Pass;

/// Where a `markdown="span"` element's content lies in the text, and the line breaks it keeps.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    /// The start tag ends its line: the content starts with a line break.
    pub newline_after_start: bool,
    /// The end tag starts its line: the content ends with a line break.
    pub newline_before_end: bool,
}

impl Span {
    /// An element opened at `start`, its end not read yet.
    pub(super) fn new(start: usize) -> Self {
        Span {
            range: start..usize::MAX,
            newline_after_start: false,
            newline_before_end: false,
        }
    }
}

impl Reader<'_, '_> {
    /// Whether span content keeps its line breaks (Python-Markdown's rules).
    pub(super) fn keeps_newlines(&self) -> bool {
        self.pass.features.rules == Rules::PythonMarkdown
    }

    /// Notes whether the start tag just read ends its line, for the span it opened (if any).
    pub(super) fn note_line_end_after_start(&mut self, ends_line: bool) {
        let keeps = ends_line && self.keeps_newlines();
        let index = self.pass.html.frames.last().and_then(|f| f.span);
        if let Some(span) = index.and_then(|i| self.pass.out.md_in_html.spans.get_mut(i)) {
            span.newline_after_start = keeps;
        }
    }
}

/// Event part: a paragraph that starts inside a `markdown="span"` element is left out (its
/// inline content stays); where the element's end tag starts its line, the last paragraph's
/// end becomes that line break.
pub(in crate::markdown) fn event<'e>(
    pass: &Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
) -> Option<Event<'e>> {
    let spans = &pass.pre.md_in_html.spans;
    let i = spans.partition_point(|s| s.range.start <= range.start);
    let span = spans[..i].last().filter(|s| s.range.end > range.start);
    let Some(span) = span else {
        return Some(event);
    };
    let last_end = matches!(event, Event::End(_))
        && span.newline_before_end
        && pass
            .pre
            .text
            .get(range.end..span.range.end)
            .is_some_and(|rest| rest.trim().is_empty());
    last_end.then(|| Event::Html("\n".into()))
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

    #[test]
    fn span_content_keeps_the_line_breaks_around_it_in_mkdocs_projects() {
        let page =
            "<p markdown=\"1\">\nSteep *three* minutes.\n</p>\n\n<p markdown>Then *pour*.</p>\n";
        let html = render_python_markdown(page);
        assert!(
            html.contains("<p>\nSteep <em>three</em> minutes.\n</p>"),
            "{html}"
        );
        assert!(html.contains("<p>Then <em>pour</em>.</p>"), "{html}");
        let html = render_commonmark(page);
        assert!(
            html.contains("<p>Steep <em>three</em> minutes.</p>"),
            "{html}"
        );
    }
}

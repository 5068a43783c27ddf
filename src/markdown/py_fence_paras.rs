//! Fences that touch a paragraph, as pymdownx.superfences leaves them in an MkDocs project.
//!
//! superfences takes each fence out of the text before Python-Markdown reads its blocks and
//! leaves one placeholder line in its place, with no blank line added around it. A fence
//! with no blank line between it and a paragraph's line is therefore part of that paragraph:
//! `text` + fence + `more` is one `<p>text\n<div class="highlight">…</div>\nmore</p>`, and a
//! fence followed straight by text opens a paragraph (`<p><div …>…</div>\nmore</p>`). A fence
//! alone between blank lines stays a block. (Python-Markdown's own `fenced_code` puts blank
//! lines around its placeholder, so it splits the paragraph as CommonMark does.)
//!
//! The event pass hands every event to [`FenceParas::before`] and [`FenceParas::after`]:
//! pulldown-cmark closes the paragraph before a fence and opens another after it, and these
//! move the paragraph's end past the code block when the source has no blank line between.

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, Tag, TagEnd};

use super::{Features, Rules};

pub(super) struct FenceParas {
    /// Whether the page follows these rules (an MkDocs project with superfences).
    on: bool,
    /// The paragraph that closed last: the length of the output after its end, and where it
    /// ended in the text. Only the event right after it may use it.
    para_end: Option<(usize, usize)>,
    /// Where the events of the fence being written start in the output.
    fence_start: usize,
    /// Whether the fence being written is inside a paragraph.
    joined: bool,
    /// The fence written last, while the event after it is not seen yet.
    after_fence: Option<AfterFence>,
}

struct AfterFence {
    /// Where its events start in the output.
    start: usize,
    /// Where it ends in the text.
    end: usize,
    /// Whether a paragraph holds it (and is still open).
    in_para: bool,
}

/// What [`FenceParas::after`] needs to know of the event that was handed on.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Seen {
    ParagraphEnd,
    Fence,
    Other,
}

impl FenceParas {
    pub(super) fn new(features: &Features) -> Self {
        FenceParas {
            on: features.rules == Rules::PythonMarkdown && features.code.superfences,
            para_end: None,
            fence_start: 0,
            joined: false,
            after_fence: None,
        }
    }

    /// Reads `event` (at `range` of `text`) before it is written; returns `None` when it is
    /// not to be written (a paragraph start the fence before it already stands in).
    pub(super) fn before(
        &mut self,
        event: &Event<'_>,
        range: &Range<usize>,
        text: &str,
        out: &mut Vec<Event<'_>>,
    ) -> Option<Seen> {
        if !self.on {
            return Some(Seen::Other);
        }
        let para_end = self.para_end.take();
        let fence = matches!(
            event,
            Event::Start(Tag::CodeBlock(CodeBlockKind::Fenced(_)))
        );
        self.joined = false;
        if let Some(f) = self.after_fence.take() {
            let touching = touching(text, f.end, range.start);
            let para = matches!(event, Event::Start(Tag::Paragraph));
            if touching && (para || fence) {
                if !f.in_para {
                    out.insert(f.start, Event::Start(Tag::Paragraph));
                }
                out.push(Event::SoftBreak);
                if para {
                    return None;
                }
                self.joined = true;
            } else if f.in_para {
                out.push(Event::End(TagEnd::Paragraph));
            }
        }
        if !fence {
            let seen = match event {
                Event::End(TagEnd::Paragraph) => Seen::ParagraphEnd,
                _ => Seen::Other,
            };
            return Some(seen);
        }
        if let Some((len, end)) = para_end
            && len == out.len()
            && matches!(out.last(), Some(Event::End(TagEnd::Paragraph)))
            && touching(text, end, range.start)
        {
            out.pop();
            out.push(Event::SoftBreak);
            self.joined = true;
        }
        self.fence_start = out.len();
        Some(Seen::Fence)
    }

    /// Notes what was written for an event [`Self::before`] let through.
    pub(super) fn after(&mut self, seen: Seen, range: &Range<usize>, out: &[Event<'_>]) {
        match seen {
            Seen::ParagraphEnd if matches!(out.last(), Some(Event::End(TagEnd::Paragraph))) => {
                self.para_end = Some((out.len(), range.end));
            }
            Seen::Fence => {
                self.after_fence = Some(AfterFence {
                    start: self.fence_start,
                    end: range.end,
                    in_para: self.joined,
                });
            }
            _ => {}
        }
    }

    /// Closes the paragraph of a fence that ends the page.
    pub(super) fn finish(&mut self, out: &mut Vec<Event<'_>>) {
        if self.after_fence.take().is_some_and(|f| f.in_para) {
            out.push(Event::End(TagEnd::Paragraph));
        }
    }
}

/// Whether no blank line separates the block ending at `end` from the one starting at
/// `start` (a line holding only white space or quote markers is blank).
fn touching(text: &str, end: usize, start: usize) -> bool {
    let Some(between) = text.get(..start) else {
        return false;
    };
    let last = between[..end.min(between.len())].trim_end_matches(['\n', '\r']);
    between[last.len()..]
        .bytes()
        .filter(|&b| b == b'\n')
        .count()
        <= 1
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_superfences;

    fn html(src: &str) -> String {
        let html = render_superfences(src);
        // The code itself is not what is tested here.
        let mut out = String::new();
        let mut rest = html.as_str();
        while let Some(i) = rest.find("<div class=\"language-text highlight\">") {
            out.push_str(&rest[..i]);
            out.push_str("CODE");
            // The writer ends a code block's HTML with a line break.
            let end = rest[i..].find("</div>\n").expect("closed") + i + "</div>\n".len();
            rest = &rest[end..];
        }
        out.push_str(rest);
        out
    }

    #[test]
    fn a_fence_between_paragraph_lines_stays_in_the_paragraph() {
        assert_eq!(
            html("Look here\n```\nx\n```\nand on.\n"),
            "<p>Look here\nCODE\nand on.</p>\n"
        );
    }

    #[test]
    fn a_fence_then_text_opens_a_paragraph() {
        assert_eq!(
            html("Intro.\n\n```\nx\n```\nthen this.\n"),
            "<p>Intro.</p>\n<p>CODE\nthen this.</p>\n"
        );
    }

    #[test]
    fn text_then_a_fence_then_a_blank_line_closes_after_the_fence() {
        assert_eq!(
            html("Look here\n```\nx\n```\n\nNext.\n"),
            "<p>Look here\nCODE</p>\n<p>Next.</p>\n"
        );
    }

    #[test]
    fn two_touching_fences_share_one_paragraph() {
        assert_eq!(html("```\nx\n```\n```\ny\n```\n"), "<p>CODE\nCODE</p>\n");
    }

    #[test]
    fn a_fence_between_blank_lines_is_a_block() {
        assert_eq!(
            html("Intro.\n\n```\nx\n```\n\nEnd.\n"),
            "<p>Intro.</p>\nCODE<p>End.</p>\n"
        );
    }
}

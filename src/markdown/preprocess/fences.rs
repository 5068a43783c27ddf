//! Fences Python-Markdown never closes: `fenced_code` and superfences read a fence only up to
//! its closing line, so an opening line that no later line closes is text, and so is what
//! follows it. The line pass writes such a line with a backslash before it, which makes it
//! text for pulldown-cmark too; the event pass reads the escaped character as written
//! (`Preprocessed::fence_escapes`), so pymdownx.tilde still sees a whole `~~~` run.

use super::text::Fence;
use super::{Line, LinePass, Rules};

impl LinePass<'_> {
    /// Whether a fence of `len` `ch`s is one Python-Markdown never closes (no line of `next`
    /// closes it), which it reads as text; always false with CommonMark's rules.
    pub(super) fn never_closed(&mut self, next: &[Line<'_>], ch: u8, len: usize) -> bool {
        if self.features.rules != Rules::PythonMarkdown {
            return false;
        }
        // No line after an earlier unclosed fence closes it, so none closes a longer one.
        if self.unclosed.is_some_and(|(c, l)| c == ch && l <= len) {
            return true;
        }
        let fence = Fence {
            ch,
            len,
            col: 0,
            depth: 0,
            out_col: 0,
        };
        let closed = next.iter().any(|l| fence.is_closed_by(l.indentation().1));
        if !closed {
            self.unclosed = Some((ch, len));
        }
        !closed
    }

    /// Writes a fence line that [`Self::never_closed`] found open as text.
    pub(super) fn emit_fence_as_text(
        &mut self,
        line: Line<'_>,
        rest: &str,
        line_no: u32,
        next: &[Line<'_>],
    ) {
        if self.html_block {
            // Inside raw HTML, where a backslash would show.
            return self.emit_text_line(line, line_no, next);
        }
        let escaped = format!("{}\\{rest}", &line.text[..line.text.len() - rest.len()]);
        let text = Line {
            text: &escaped,
            ..line
        };
        let start = self.out.text.len();
        self.emit_text_line(text, line_no, next);
        let written = &self.out.text[start..];
        let at = start + written.len() - written.trim_start().len();
        if self.out.text.as_bytes().get(at) == Some(&b'\\') {
            self.out.fence_escapes.push(at);
        }
    }
}

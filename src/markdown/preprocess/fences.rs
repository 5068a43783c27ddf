//! Fences Python-Markdown never closes: `fenced_code` and superfences read a fence only up to
//! its closing line, so an opening line that no later line closes is text, and so is what
//! follows it. The line pass writes such a line with a backslash before it, which makes it
//! text for pulldown-cmark too; the event pass reads the escaped character as written
//! (`Preprocessed::fence_escapes`), so pymdownx.tilde still sees a whole `~~~` run.

use super::text::fence_is_closed;
use super::{Line, LinePass, Rules};

impl LinePass<'_> {
    /// Whether a fence of `len` `ch`s is one Python-Markdown never closes (no line of `next`
    /// closes it), which it reads as text; always false with CommonMark's rules.
    pub(super) fn never_closed(
        &mut self,
        next: &[Line<'_>],
        ch: u8,
        len: usize,
        col: usize,
        container: usize,
    ) -> bool {
        if self.features.rules != Rules::PythonMarkdown {
            return false;
        }
        // At the top of the page no line after an earlier unclosed fence closes it, so none
        // closes a longer one (a fence in a list item ends with its item instead).
        if container == 0 && self.unclosed.is_some_and(|(c, l)| c == ch && l <= len) {
            return true;
        }
        let closed = fence_is_closed(next, ch, len, col, container);
        if !closed && container == 0 {
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
            return self.emit_text_line(line, line_no, next, None);
        }
        let escaped = format!("{}\\{rest}", &line.text[..line.text.len() - rest.len()]);
        let text = Line {
            text: &escaped,
            ..line
        };
        let start = self.out.text.len();
        self.emit_text_line(text, line_no, next, None);
        let written = &self.out.text[start..];
        let at = start + written.len() - written.trim_start().len();
        if self.out.text.as_bytes().get(at) == Some(&b'\\') {
            self.out.fence_escapes.push(at);
        }
    }
}

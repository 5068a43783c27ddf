//! Writing lines into the output: each output line goes with the input line it came from
//! (the line map), and the body of an open block loses the block's indentation.

use super::text::dedent;
use super::{Line, LinePass, Rules, TAB, py_html, py_links};

impl LinePass<'_> {
    pub(in crate::markdown) fn push_line(&mut self, text: &str, line_no: u32) {
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.out.line_map.push(line_no);
    }

    /// Writes `indent` spaces and `text` as a line.
    pub(in crate::markdown) fn push_indented(&mut self, indent: usize, text: &str, line_no: u32) {
        self.out.text.extend(std::iter::repeat_n(' ', indent));
        self.push_line(text, line_no);
    }

    fn last_line_blank(&self) -> bool {
        let text = &self.out.text;
        let without_newline = text.strip_suffix('\n').unwrap_or(text);
        text.is_empty()
            || without_newline
                .rsplit('\n')
                .next()
                .is_none_or(|l| l.trim().is_empty())
    }

    pub(in crate::markdown) fn ensure_blank(&mut self, line_no: u32) {
        if !self.last_line_blank() {
            self.push_line("", line_no);
        }
    }

    /// Copies a line into the output, dedented by 4 columns per open block.
    pub(super) fn emit_body_line(&mut self, line: Line<'_>, line_no: u32) {
        let dedented = dedent(line, TAB * self.open.len());
        self.push_line(&dedented, line_no);
    }

    /// Copies a line of text (maybe a paragraph's) into the output, dedented; on pages with
    /// Python-Markdown's rules its link targets are read by those ([`py_links`]). With
    /// `insert`, `(len, text)`: `text` goes in front of the line's last `len` bytes (the
    /// [`py_html::INLINE_MARK`] before a tag that must stay inline, a backslash before a
    /// fence that is text).
    pub(in crate::markdown) fn emit_text_line(
        &mut self,
        line: Line<'_>,
        line_no: u32,
        next: &[Line<'_>],
        insert: Option<(usize, &str)>,
    ) {
        let mut dedented = dedent(line, TAB * self.open.len());
        if let Some((len, text)) = insert {
            let at = dedented.len() - len;
            dedented.to_mut().insert_str(at, text);
            self.out.inline_marks |= text == py_html::INLINE_MARK;
        }
        if self.features.rules != Rules::PythonMarkdown || self.html_block {
            return self.push_line(&dedented, line_no);
        }
        let paragraph = next
            .iter()
            .map(|l| l.text)
            .take_while(|t| !t.trim().is_empty());
        let text = py_links::rewrite_line(&dedented, paragraph);
        let text = self.spaced_references(text, line_no, next);
        self.push_line(&text, line_no);
    }
}

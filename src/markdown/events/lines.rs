//! Source lines: the line of the page a byte of the preprocessed text was written on, for
//! diagnostics (`file:line`) and for the rules that read a line as it was written.

use super::Pass;
use crate::diagnostics::Diagnostic;

impl<'i> Pass<'i, '_> {
    /// The line of the source file at byte `offset` of the preprocessed text.
    pub(in crate::markdown) fn line_at(&self, offset: usize) -> usize {
        let line_starts = self.line_starts.get_or_init(|| line_starts(&self.pre.text));
        let out_line = line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let src_line = self.pre.line_map.get(out_line).copied().unwrap_or(0) as usize;
        self.input.body_line + src_line
    }

    /// The line of the page's body that the line of the preprocessed text starting at
    /// `offset` came from.
    pub(super) fn written_line(&self, offset: usize) -> Option<&'i str> {
        let starts = self.line_starts.get_or_init(|| line_starts(&self.pre.text));
        let out_line = starts.partition_point(|&s| s <= offset).checked_sub(1)?;
        let src_line = *self.pre.line_map.get(out_line)? as usize;
        let body = self.input.body;
        let body_starts = self.body_line_starts.get_or_init(|| line_starts(body));
        let start = *body_starts.get(src_line)?;
        let end = body[start..].find('\n').map_or(body.len(), |i| start + i);
        Some(&body[start..end])
    }

    /// A warning about the page, at the source line of `offset`.
    pub(in crate::markdown) fn warn(&mut self, offset: usize, message: String) {
        let line = self.line_at(offset);
        self.result.diagnostics.push(Diagnostic::warning(
            self.input.display_path,
            Some(line),
            message,
        ));
    }
}

/// Where each line of `text` starts.
fn line_starts(text: &str) -> Vec<usize> {
    let mut starts = vec![0];
    starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
    starts
}

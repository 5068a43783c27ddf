//! The blocks the list pass writes whole: a definition's body, re-indented as a block of its
//! own, and fenced code, shifted as a whole.

use super::super::preprocess::{fence_closes, fence_open};
use super::Pass;
use super::lines::{Ln, indented_end};

impl<'a> Pass<'_, 'a> {
    /// Rewrites the definition (`:   text`, marker `width` bytes wide) at `lines[start]` and
    /// its body, indented 4 columns, as a block of its own; returns the index after it. Its
    /// first text is a paragraph, so a list right under it is text, as in Python-Markdown.
    pub(super) fn definition(
        &mut self,
        lines: &[Ln<'a>],
        start: usize,
        width: usize,
        in_base: usize,
        out_base: usize,
    ) -> usize {
        let head = lines[start];
        let end = indented_end(lines, start + 1, in_base + 4);
        let mut region = vec![Ln {
            indent: in_base + 4,
            text: &head.text[width..],
            virt: true,
            ..head
        }];
        region.extend_from_slice(&lines[start + 1..end]);
        self.walk(&region, in_base + 4, out_base + width, false);
        let body = self.out[head.no].take().unwrap_or_default();
        let rewritten = format!(
            "{}{}{}",
            " ".repeat(out_base),
            &head.text[..width],
            body.trim_start_matches(' ')
        );
        let orig = self.src[head.no];
        self.out[head.no] = (rewritten != orig).then_some(rewritten);
        end
    }

    /// Writes a fenced code block starting at `lines[start]`; returns the index after it.
    pub(super) fn fence(
        &mut self,
        lines: &[Ln<'a>],
        start: usize,
        in_base: usize,
        out_base: usize,
    ) -> usize {
        let open = lines[start];
        self.put(open, in_base, out_base, None);
        let Some((ch, len)) = fence_open(open.text) else {
            return start + 1;
        };
        for (j, &l) in lines.iter().enumerate().skip(start + 1) {
            self.put(l, in_base, out_base, None);
            if l.indent <= open.indent + 3 && fence_closes(l.text, ch, len) {
                return j + 1;
            }
        }
        lines.len()
    }

    /// Index after the fenced code block opened at `lines[start]`.
    pub(super) fn fence_end(&self, lines: &[Ln<'a>], start: usize) -> usize {
        let open = lines[start];
        let Some((ch, len)) = fence_open(open.text) else {
            return start + 1;
        };
        for (j, l) in lines.iter().enumerate().skip(start + 1) {
            if l.indent <= open.indent + 3 && fence_closes(l.text, ch, len) {
                return j + 1;
            }
        }
        lines.len()
    }
}

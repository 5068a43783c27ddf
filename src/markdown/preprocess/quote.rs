//! Block quotes that hold line syntax (`> !!! note`): the pass runs again on the quoted text,
//! and its output is quoted again, with the offsets the nested pass noted moved to match.

use super::text::unquote;
use super::{Line, LinePass, SYNTAXES};

impl LinePass<'_> {
    /// A run of `>` lines holding markers: the pass runs again on the quoted text, whose
    /// output is quoted again. Returns false (nothing done) when the quote holds no marker.
    pub(super) fn quote(&mut self, run: &[Line<'_>], first_line: usize) -> bool {
        let inner: Vec<Line<'_>> = run
            .iter()
            .map(|l| Line {
                indent: 0,
                text: unquote(l.text),
            })
            .collect();
        let has_marker = inner.iter().any(|l| {
            let t = l.text.trim_start();
            SYNTAXES
                .iter()
                .flat_map(|s| s.quoted_starts)
                .any(|start| t.starts_with(start))
        });
        if !has_marker {
            return false;
        }
        let mut nested = LinePass::new(self.features);
        nested.py_html = false;
        nested.run(&inner);
        let (col, _) = run[0].indentation();
        let prefix = format!("{}> ", " ".repeat(self.out_col(col)));
        // Where each nested line starts, there and here (after the prefix), to move the
        // offsets the nested pass noted.
        let mut starts: Vec<(usize, usize)> = Vec::with_capacity(nested.out.line_map.len());
        let mut nested_start = 0;
        for (text, &src) in nested.out.text.lines().zip(&nested.out.line_map) {
            starts.push((nested_start, self.out.text.len() + prefix.len()));
            nested_start += text.len() + 1;
            let quoted = format!("{prefix}{text}");
            self.push_line(quoted.trim_end(), first_line as u32 + src);
        }
        let moved = |at: usize| {
            let line = starts.partition_point(|&(s, _)| s <= at).saturating_sub(1);
            starts
                .get(line)
                .map_or(at, |&(there, here)| here + (at - there))
        };
        for mut block in nested.out.blocks {
            block.tag_at = moved(block.tag_at);
            block.body = 0..0;
            self.out.blocks.push(block);
        }
        for mut set in nested.out.tab_sets {
            set.at = moved(set.at);
            set.tabs_at.iter_mut().for_each(|t| *t = moved(*t));
            self.out.tab_sets.push(set);
        }
        self.out.abbreviations.extend(nested.out.abbreviations);
        self.out
            .link_definitions
            .extend(nested.out.link_definitions);
        let escapes = nested.out.fence_escapes.iter();
        self.out.fence_escapes.extend(escapes.map(|&at| moved(at)));
        self.out.md_in_html.extend(nested.out.md_in_html, moved);
        let warnings = nested.out.warnings.into_iter();
        self.out
            .warnings
            .extend(warnings.map(|(l, w)| (first_line as u32 + l, w)));
        true
    }
}

//! The line pass that runs before pulldown-cmark: the indentation-based syntaxes CommonMark
//! cannot express become HTML wrappers around ordinary markdown.
//!
//! The pass owns what those syntaxes share: the stack of open blocks (an admonition's or a
//! tab's body is 4-space indented and dedented here, so it stays markdown; it ends at the
//! first non-blank line indented less, there is no lazy continuation), code fences and
//! indented code (left alone), list items (markers inside them count), block quotes (the pass
//! runs again on the quoted text) and the line map (every output line records the input line
//! it came from, so diagnostics still name the right line). Each syntax's own lines are read
//! by its module, tried in the order of `SYNTAXES`.

mod fences;
mod output;
mod quote;
mod references;
mod text;
mod write;

#[cfg(test)]
mod tests;

use super::tabs::PendingSet;
use super::{
    Features, Rules, abbr, admonition, blocks, def_list, hash_headings, md_in_html, py_html,
    py_links, tabs,
};
pub use output::Preprocessed;
pub use text::Line;
pub(super) use text::TAB;
pub(crate) use text::indentation;
use text::{Fence, list_marker_width, quote_run_end};
pub(crate) use text::{fence_closes, fence_open};

/// A syntax of the line pass, as its module declares it.
pub(super) struct LineSyntax {
    /// Starts of the lines it reads, for spotting them inside block quotes.
    pub(super) quoted_starts: &'static [&'static str],
    /// Reads a line that is neither code nor blank, if the line is one of its own.
    pub(super) line: fn(&mut LinePass<'_>, &At<'_, '_>) -> Taken,
}

/// The line syntaxes, in the order they are tried.
const SYNTAXES: &[LineSyntax] = &[
    blocks::SYNTAX,
    admonition::SYNTAX,
    tabs::SYNTAX,
    abbr::SYNTAX,
    def_list::SYNTAX,
    md_in_html::SYNTAX,
    hash_headings::SYNTAX,
    py_links::refdefs::SYNTAX,
];

/// A line a syntax is offered.
pub(super) struct At<'l, 'a> {
    /// Column of the line's first character, and the line from there on.
    pub(super) col: usize,
    /// Column where the enclosing list item's or block's content starts (0 at the top).
    pub(super) container: usize,
    pub(super) rest: &'a str,
    /// 0-based number of the line.
    pub(super) line_no: u32,
    /// Whether the line before was blank (or the line starts a block).
    pub(super) after_blank: bool,
    /// The lines after it.
    pub(super) next: &'l [Line<'a>],
}

/// What a syntax did with a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Taken {
    /// Not its line.
    No,
    /// Written; what follows reads it as a blank line.
    AsBlank,
    /// Written; what follows reads it as text.
    AsText,
}

/// Runs the pass over a page body.
pub fn run(src: &str, features: &Features) -> Preprocessed {
    run_lines(&text::lines_of(src), features)
}

/// Runs the pass over the lines of a page body.
pub fn run_lines(lines: &[Line<'_>], features: &Features) -> Preprocessed {
    let mut pass = LinePass::new(features);
    // The text grows by the blocks' tags and shrinks by their indentation: about its size.
    let size: usize = lines.iter().map(|l| l.indent + l.text.len() + 1).sum();
    pass.out.text.reserve(size + size / 4);
    pass.out.line_map.reserve(lines.len() + lines.len() / 4);
    pass.run(lines);
    pass.out
}

/// What opened a block, and so how it closes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum OpenKind {
    /// An admonition: index into `blocks`.
    Block(usize),
    /// A tab: index into `tab_sets`.
    Tab(usize),
}

pub(super) struct Open {
    pub(super) kind: OpenKind,
    /// Source column of the marker; the body is at `marker_col + TAB`.
    pub(super) marker_col: usize,
    /// Column of the marker in the output (after enclosing blocks were dedented).
    pub(super) out_col: usize,
}

/// The state of the line pass that its syntaxes share.
pub(super) struct LinePass<'f> {
    pub(super) out: Preprocessed,
    pub(super) features: &'f Features,
    open: Vec<Open>,
    /// Tab sets whose last tab has ended (see [`tabs`]).
    pub(super) pending: Vec<PendingSet>,
    fence: Option<Fence>,
    /// Content columns of the list items we are inside, innermost last.
    lists: Vec<usize>,
    /// Open `markdown` HTML elements (see [`md_in_html`]).
    pub(super) html: md_in_html::State,
    /// Lines after the current one that its syntax took as well, to be skipped.
    pub(super) skip: usize,
    /// Whether the current run of non-blank lines started with `<` (an HTML block, whose
    /// lines are not markdown).
    html_block: bool,
    /// Admonitions opened by `///` blocks and not closed yet (indexes into `out.blocks`).
    pub(super) slashed: Vec<usize>,
    /// Whether an HTML comment is open.
    comment: bool,
    /// Whether raw HTML follows Python-Markdown's rules ([`py_html`]): at the top level of a
    /// page of a Python-Markdown site, not in a block quote.
    py_html: bool,
    /// A fence (character, length) that no later line closes ([`Self::never_closed`]).
    unclosed: Option<(u8, usize)>,
    /// The page's link ids, on Python-Markdown pages with `[text] [id]` ([`py_links::spaced`]).
    labels: Option<py_links::spaced::Labels>,
    /// The `[id]` moved up to the line before ([`py_links::spaced::across_lines`]): the
    /// line it leaves and its length there.
    moved_id: Option<(u32, usize)>,
}

impl<'f> LinePass<'f> {
    fn new(features: &'f Features) -> Self {
        LinePass {
            out: Preprocessed::default(),
            features,
            open: Vec::new(),
            pending: Vec::new(),
            fence: None,
            lists: Vec::new(),
            html: md_in_html::State::default(),
            skip: 0,
            html_block: false,
            slashed: Vec::new(),
            comment: false,
            py_html: features.rules == Rules::PythonMarkdown,
            unclosed: None,
            labels: None,
            moved_id: None,
        }
    }

    fn run(&mut self, lines: &[Line<'_>]) {
        if self.features.rules == Rules::PythonMarkdown {
            let tasks = self.features.tasklist.is_some();
            self.labels = py_links::spaced::Labels::of_page(lines, tasks);
        }
        let mut prev_blank = true;
        let mut indented_code = false;
        let mut i = 0;
        'lines: while i < lines.len() {
            let line = lines[i];
            let line_no = i as u32;
            i += 1;
            let (col, rest) = line.indentation();
            let blank = rest.is_empty();
            if !blank {
                self.close_less_indented(col, line_no);
                tabs::resolve_pending(self, col, rest, line_no);
            }
            if let Some(fence) = &self.fence {
                if !blank && col < fence.col + TAB && fence.is_closed_by(rest) {
                    self.fence = None;
                }
                self.emit_body_line(line, line_no);
                prev_blank = blank;
                continue;
            }
            if !blank && rest.starts_with('<') && self.takes_py_html(col) {
                if def_list::py_comment_term(self, rest, line_no, &lines[i..]) {
                    prev_blank = false;
                    continue;
                }
                let taken = py_html::line(self, rest, line_no, &lines[i - 1..]);
                if taken != Taken::No {
                    prev_blank = taken == Taken::AsBlank;
                    i += std::mem::take(&mut self.skip);
                    continue;
                }
            }
            let opens_comment = || {
                let body_col = self.open.last().map_or(0, |o| o.marker_col + TAB);
                col < body_col + TAB && rest.starts_with("<!--") && !rest[4..].contains("-->")
            };
            if self.comment || opens_comment() {
                // Nothing inside `<!-- ... -->` is markdown, not even an admonition.
                self.comment = if self.comment {
                    !rest.contains("-->")
                } else {
                    true
                };
                self.emit_body_line(line, line_no);
                prev_blank = blank;
                continue;
            }
            if blank {
                self.emit_body_line(line, line_no);
                prev_blank = true;
                continue;
            }
            if prev_blank {
                self.html_block = rest.starts_with('<');
            }
            let body_col = self.open.last().map_or(0, |o| o.marker_col + TAB);
            let container = self.update_lists(col, rest, prev_blank).max(body_col);
            indented_code = if indented_code {
                col >= container + TAB
            } else {
                prev_blank && col >= container + TAB && self.lists.is_empty()
            };
            if indented_code || col >= container + TAB {
                self.emit_body_line(line, line_no);
                prev_blank = false;
                continue;
            }
            if rest.starts_with('>') {
                let end = quote_run_end(lines, i - 1);
                if self.quote(&lines[i - 1..end], i - 1) {
                    i = end;
                    prev_blank = false;
                    continue;
                }
            }
            if let Some(content) = py_html::nested_tag_start(self, line, rest) {
                self.html_block = false;
                let mark = py_html::INLINE_MARK;
                self.emit_text_line(line, line_no, &lines[i..], Some((content, mark)));
                prev_blank = false;
                continue;
            }
            let at = At {
                col,
                container,
                rest,
                line_no,
                after_blank: prev_blank,
                next: &lines[i..],
            };
            for syntax in SYNTAXES {
                match (syntax.line)(self, &at) {
                    Taken::No => {}
                    taken => {
                        prev_blank = taken == Taken::AsBlank;
                        i += std::mem::take(&mut self.skip);
                        continue 'lines;
                    }
                }
            }
            if let Some((ch, len)) = fence_open(rest)
                && !self.never_closed(&lines[i..], ch, len, col, container)
            {
                let depth = self.open.len();
                self.fence = Some(Fence {
                    ch,
                    len,
                    col,
                    depth,
                    out_col: self.out_col(col),
                });
                self.emit_body_line(line, line_no);
            } else if fence_open(rest).is_some() {
                self.emit_fence_as_text(line, rest, line_no, &lines[i..]);
            } else {
                self.emit_text_line(line, line_no, &lines[i..], None);
            }
            prev_blank = false;
        }
        let last_line = lines.len().saturating_sub(1) as u32;
        while !self.open.is_empty() {
            self.close_top(last_line);
        }
        tabs::close_pending(self, 0, last_line);
        md_in_html::finish(self, last_line);
    }

    /// How many blocks are open.
    pub(super) fn depth(&self) -> usize {
        self.open.len()
    }

    /// The output column of source column `col`, the open blocks' indentation taken off.
    pub(super) fn out_col(&self, col: usize) -> usize {
        col.saturating_sub(TAB * self.open.len())
    }

    /// Whether a line at column `col` is read by [`py_html`]: the top level of the page, no
    /// more than three columns in.
    fn takes_py_html(&self, col: usize) -> bool {
        self.py_html
            && col <= 3
            && self.open.is_empty()
            && self.lists.iter().all(|&c| col < c)
            && self.html.is_empty()
    }

    /// Whether raw HTML at the start of a line can be read as such here: not in a block
    /// quote of a Python-Markdown page, nor inside a `markdown` element.
    pub(super) fn reads_py_html(&self) -> bool {
        self.py_html && self.html.is_empty()
    }

    /// Whether the line being read is inside an HTML block.
    pub(super) fn in_html_block(&self) -> bool {
        self.html_block
    }

    /// Whether the line being read is inside a list item.
    pub(super) fn in_list(&self) -> bool {
        !self.lists.is_empty()
    }

    /// Whether a code fence is open.
    pub(super) fn in_fence(&self) -> bool {
        self.fence.is_some()
    }

    /// Opens a block whose marker is at source column `marker_col`: the lines indented past
    /// it are its body.
    pub(super) fn open(&mut self, kind: OpenKind, marker_col: usize, out_col: usize) {
        self.open.push(Open {
            kind,
            marker_col,
            out_col,
        });
    }

    fn close_less_indented(&mut self, col: usize, line_no: u32) {
        while let Some(top) = self.open.last() {
            if col >= top.marker_col + TAB {
                break;
            }
            self.close_top(line_no.saturating_sub(1));
        }
    }

    fn close_top(&mut self, line_no: u32) {
        let depth = self.open.len();
        let Some(top) = self.open.pop() else { return };
        // Tab sets that ended inside the block end with it.
        tabs::close_pending(self, depth, line_no);
        if let Some(fence) = self.fence.take_if(|f| f.depth >= depth) {
            let closer = (fence.ch as char).to_string().repeat(fence.len);
            self.push_indented(fence.out_col, &closer, line_no);
        }
        match top.kind {
            OpenKind::Block(b) => admonition::close(self, b, top.out_col, line_no),
            OpenKind::Tab(_) => tabs::close(self, &top, line_no),
        }
        self.push_line("", line_no);
        self.lists.retain(|&c| c <= top.marker_col);
    }

    /// Width of the list item or definition marker (with its spaces) that `rest` starts with.
    pub(super) fn item_marker_width(&self, rest: &str) -> Option<usize> {
        let definition = self.features.def_list && rest.starts_with(':');
        list_marker_width(rest)
            .or_else(|| definition.then(|| def_list::marker_width(rest)).flatten())
    }

    /// Tracks list items so markers inside them are recognised; returns the content column of
    /// the innermost list item (0 outside lists).
    fn update_lists(&mut self, col: usize, rest: &str, prev_blank: bool) -> usize {
        if let Some(width) = self.item_marker_width(rest) {
            self.lists.retain(|&c| c <= col);
            self.lists.push(col + width);
        } else if prev_blank {
            self.lists.retain(|&c| c <= col);
        }
        self.lists.last().copied().unwrap_or(0)
    }
}

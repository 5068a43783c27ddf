//! The line pass that runs before pulldown-cmark: the indentation-based syntaxes CommonMark
//! cannot express become HTML wrappers around ordinary markdown.
//!
//! `!!!`/`???` admonitions ([`admonition`]) and `===` tabs ([`tabs`]) open a block whose
//! 4-space-indented body is dedented so it stays markdown; the block ends at the first
//! non-blank line indented less (there is no lazy continuation). `<div markdown>` tags
//! ([`md_in_html`]) are set apart by blank lines; `*[ABBR]:` definitions ([`abbr`]) are taken out.
//! Fenced and indented code is left alone. Markers inside block quotes are handled by running
//! the pass again on the quoted text. Every output line records the input line it came from, so
//! diagnostics still name the right line.

use std::borrow::Cow;

use super::admonition::{self, Block, Marker, TITLE_PLACEHOLDER};
use super::tabs::{self, SET_PLACEHOLDER, TabMarker, TabSet};
use super::def_list::TERM_MARK;
use super::{Features, abbr, md_in_html};

/// The text pulldown-cmark will parse, and what the pass found.
#[derive(Debug, Default)]
pub struct Preprocessed {
    pub text: String,
    /// `line_map[i]` is the 0-based input line that output line `i` came from.
    pub line_map: Vec<u32>,
    /// Admonitions and details, in the order of their title placeholders.
    pub blocks: Vec<Block>,
    /// Tab sets, in the order of their placeholders.
    pub tab_sets: Vec<TabSet>,
    /// `*[ABBR]: text` definitions.
    pub abbreviations: Vec<(String, String)>,
}

impl Preprocessed {
    /// Whether a block or tab title may hold a link, which needs the page's link definitions.
    pub fn titles_have_links(&self) -> bool {
        let block_titles = self.blocks.iter().filter_map(|b| b.title.as_deref());
        let tab_titles = self.tab_sets.iter().flat_map(|s| &s.titles).map(String::as_str);
        block_titles.chain(tab_titles).any(|t| t.contains('['))
    }
}

const TAB: usize = 4;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum OpenKind {
    /// Index into `blocks`.
    Block(usize),
    /// Index into `tab_sets`.
    Tab(usize),
}

struct Open {
    kind: OpenKind,
    /// Source column of the marker; the body is at `marker_col + TAB`.
    marker_col: usize,
    /// Column of the marker in the output (after enclosing blocks were dedented).
    out_col: usize,
}

/// A tab set whose last tab has ended; the next line says whether another tab follows.
struct PendingSet {
    marker_col: usize,
    out_col: usize,
    /// How many blocks enclose the set.
    depth: usize,
}

struct Fence {
    ch: u8,
    len: usize,
    /// Source column of the opening fence: a closing fence is indented at most 3 more.
    col: usize,
    depth: usize,
    out_col: usize,
}

/// A line of the page behind `indent` columns of spaces that an earlier step put in front of
/// it (the bodies of `///` blocks, see [`super::blocks`]). The spaces are a count, not text,
/// so that deeply nested blocks cost no more than their lines.
#[derive(Debug, Clone, Copy)]
pub struct Line<'a> {
    /// A multiple of 4, so tab stops fall where they would with the spaces written out.
    pub indent: usize,
    pub text: &'a str,
}

impl<'a> Line<'a> {
    /// A line without its line ending.
    pub fn new(indent: usize, text: &'a str) -> Self {
        let text = text.strip_suffix('\n').unwrap_or(text);
        let text = text.strip_suffix('\r').unwrap_or(text);
        Line { indent, text }
    }

    /// Columns of leading white space and the rest of the line.
    fn indentation(self) -> (usize, &'a str) {
        let (col, rest) = indentation(self.text);
        (self.indent + col, rest)
    }
}

/// Runs the pass over a page body.
pub fn run(src: &str, features: &Features) -> Preprocessed {
    let lines: Vec<Line<'_>> = src.split_inclusive('\n').map(|l| Line::new(0, l)).collect();
    run_lines(&lines, features)
}

/// Runs the pass over the lines of a page body.
pub fn run_lines(lines: &[Line<'_>], features: &Features) -> Preprocessed {
    let mut pass = Pass {
        out: Preprocessed::default(),
        features,
        open: Vec::new(),
        pending: Vec::new(),
        fence: None,
        lists: Vec::new(),
        html: Vec::new(),
    };
    pass.run(lines);
    pass.out
}

struct Pass<'f> {
    out: Preprocessed,
    features: &'f Features,
    open: Vec<Open>,
    pending: Vec<PendingSet>,
    fence: Option<Fence>,
    /// Content columns of the list items we are inside, innermost last.
    lists: Vec<usize>,
    /// Names of open `markdown` HTML elements.
    html: Vec<String>,
}

impl Pass<'_> {
    fn run(&mut self, lines: &[Line<'_>]) {
        let mut prev_blank = true;
        let mut indented_code = false;
        let mut i = 0;
        while i < lines.len() {
            let line = lines[i];
            let line_no = i as u32;
            i += 1;
            let (col, rest) = line.indentation();
            let blank = rest.is_empty();
            if !blank {
                self.close_less_indented(col, line_no);
                self.resolve_pending(col, rest, line_no);
            }
            if let Some(fence) = &self.fence {
                if !blank && col < fence.col + TAB && is_fence_close(rest, fence) {
                    self.fence = None;
                }
                self.emit_body_line(line, line_no);
                prev_blank = blank;
                continue;
            }
            if blank {
                self.emit_body_line(line, line_no);
                prev_blank = true;
                continue;
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
            if let Some(marker) =
                admonition::parse_marker(rest, self.features.admonition, self.features.details)
            {
                self.open_block(marker, col, line_no, None);
                prev_blank = true;
                continue;
            }
            if let Some((lead, inner)) = self
                .item_marker_width(rest)
                .and_then(|w| Some((rest.get(..w)?, rest.get(w..)?)))
                && let Some(marker) =
                    admonition::parse_marker(inner, self.features.admonition, self.features.details)
            {
                self.open_block(marker, col + lead.len(), line_no, Some((col, lead)));
                prev_blank = true;
                continue;
            }
            if let Some(marker) = tabs::parse_marker(rest).filter(|_| self.features.tabbed) {
                self.open_tab(marker, col, line_no);
                prev_blank = true;
                continue;
            }
            if let Some(def) = abbr::parse_definition(rest).filter(|_| self.features.abbr) {
                self.out.abbreviations.push(def);
                self.push_line("", line_no);
                prev_blank = true;
                continue;
            }
            if self.features.def_list
                && rest.starts_with("<!--")
                && rest.trim_end().ends_with("-->")
                && definition_follows(lines, i)
            {
                // A comment as a definition term (Material's `<!-- md:option x -->`): keep
                // it a paragraph, which an HTML comment on its own line is not in CommonMark.
                let indent = " ".repeat(col.saturating_sub(TAB * self.open.len()));
                self.push_line(&format!("{indent}{TERM_MARK}{rest}"), line_no);
                prev_blank = false;
                continue;
            }
            if self.features.md_in_html && self.markdown_html(col, rest, line_no) {
                prev_blank = true;
                continue;
            }
            if let Some((ch, len)) = fence_open(rest) {
                let depth = self.open.len();
                self.fence = Some(Fence {
                    ch,
                    len,
                    col,
                    depth,
                    out_col: col.saturating_sub(TAB * depth),
                });
            }
            self.emit_body_line(line, line_no);
            prev_blank = false;
        }
        let last_line = lines.len().saturating_sub(1) as u32;
        while !self.open.is_empty() {
            self.close_top(last_line);
        }
        self.close_pending(0, last_line);
    }

    fn push_line(&mut self, text: &str, line_no: u32) {
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.out.line_map.push(line_no);
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

    fn ensure_blank(&mut self, line_no: u32) {
        if !self.last_line_blank() {
            self.push_line("", line_no);
        }
    }

    /// Copies a line into the output, dedented by 4 columns per open block.
    fn emit_body_line(&mut self, line: Line<'_>, line_no: u32) {
        let dedented = dedent(line, TAB * self.open.len());
        self.push_line(&dedented, line_no);
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
        if let OpenKind::Block(_) = top.kind {
            self.close_pending(depth, line_no);
        }
        if let Some(fence) = self.fence.take_if(|f| f.depth >= depth) {
            let closer = format!(
                "{}{}",
                " ".repeat(fence.out_col),
                (fence.ch as char).to_string().repeat(fence.len)
            );
            self.push_line(&closer, line_no);
        }
        if let OpenKind::Block(b) = top.kind {
            self.out.blocks[b].body.end = self.out.text.len();
        }
        self.ensure_blank(line_no);
        let indent = " ".repeat(top.out_col);
        match top.kind {
            OpenKind::Block(b) => {
                let tag = admonition::closing_tag(self.out.blocks[b].style);
                self.push_line(&format!("{indent}{tag}"), line_no);
            }
            OpenKind::Tab(_) => {
                self.push_line(&format!("{indent}</div>"), line_no);
                self.pending.push(PendingSet {
                    marker_col: top.marker_col,
                    out_col: top.out_col,
                    depth: self.open.len(),
                });
            }
        }
        self.push_line("", line_no);
        self.lists.retain(|&c| c <= top.marker_col);
    }

    /// Closes the pending tab sets enclosed by at least `depth` blocks.
    fn close_pending(&mut self, depth: usize, line_no: u32) {
        while self.pending.last().is_some_and(|p| p.depth >= depth) {
            let Some(set) = self.pending.pop() else { break };
            let indent = " ".repeat(set.out_col);
            self.push_line(&format!("{indent}</div>"), line_no);
            self.push_line(&format!("{indent}</div>"), line_no);
            self.push_line("", line_no);
        }
    }

    /// After a tab ended: another `===` at the same column continues its set; anything else
    /// ends the set.
    fn resolve_pending(&mut self, col: usize, rest: &str, line_no: u32) {
        let depth = self.open.len();
        let Some(set) = self.pending.last().filter(|p| p.depth == depth) else {
            return;
        };
        let continues = self.fence.is_none()
            && self.features.tabbed
            && col == set.marker_col
            && tabs::parse_marker(rest).is_some_and(|m| !m.new_set);
        if !continues {
            self.close_pending(depth, line_no.saturating_sub(1));
        }
    }

    /// Opens an admonition whose marker is at `col`. `lead` is the list or definition marker
    /// the line starts with (`:   !!! note`), with its column: it stays in front of the tag.
    fn open_block(
        &mut self,
        marker: Marker,
        col: usize,
        line_no: u32,
        lead: Option<(usize, &str)>,
    ) {
        let out_col = col.saturating_sub(TAB * self.open.len());
        let indent = " ".repeat(out_col);
        self.ensure_blank(line_no);
        let first = match lead {
            Some((lead_col, text)) => {
                format!(
                    "{}{text}",
                    " ".repeat(lead_col.saturating_sub(TAB * self.open.len()))
                )
            }
            None => indent.clone(),
        };
        self.push_line(
            &format!("{first}{}", admonition::opening_tag(&marker)),
            line_no,
        );
        // The title is filled in by the renderer, which renders inline markdown.
        self.push_line(&format!("{indent}{TITLE_PLACEHOLDER}"), line_no);
        self.push_line("", line_no);
        let start = self.out.text.len();
        self.out.blocks.push(Block {
            style: marker.style,
            classes: marker.classes,
            title: marker.title,
            body: start..start,
        });
        let kind = OpenKind::Block(self.out.blocks.len() - 1);
        self.open.push(Open {
            kind,
            marker_col: col,
            out_col,
        });
    }

    fn open_tab(&mut self, marker: TabMarker, col: usize, line_no: u32) {
        let out_col = col.saturating_sub(TAB * self.open.len());
        let indent = " ".repeat(out_col);
        self.ensure_blank(line_no);
        let continuing = self
            .pending
            .last()
            .is_some_and(|p| p.depth == self.open.len() && p.marker_col == col);
        let set = if continuing {
            self.pending.pop();
            self.out.tab_sets.len() - 1
        } else {
            self.close_pending(self.open.len(), line_no);
            self.out.tab_sets.push(TabSet::default());
            self.push_line(&format!("{indent}{SET_PLACEHOLDER}"), line_no);
            self.push_line(&format!("{indent}<div class=\"tabbed-content\">"), line_no);
            self.out.tab_sets.len() - 1
        };
        let tab_set = &mut self.out.tab_sets[set];
        if marker.select {
            tab_set.selected = tab_set.titles.len();
        }
        tab_set.titles.push(marker.title);
        self.push_line(&format!("{indent}<div class=\"tabbed-block\">"), line_no);
        self.push_line("", line_no);
        self.open.push(Open {
            kind: OpenKind::Tab(set),
            marker_col: col,
            out_col,
        });
    }

    /// `<div markdown>` and its closing tag; returns whether the line was one of them.
    fn markdown_html(&mut self, col: usize, rest: &str, line_no: u32) -> bool {
        let indent = " ".repeat(col.saturating_sub(TAB * self.open.len()));
        if let Some((tag, name)) = md_in_html::opening(rest) {
            self.ensure_blank(line_no);
            self.push_line(&format!("{indent}{tag}"), line_no);
            self.push_line("", line_no);
            self.html.push(name);
            return true;
        }
        if self
            .html
            .last()
            .is_some_and(|name| md_in_html::is_closing(rest, name))
        {
            self.html.pop();
            self.ensure_blank(line_no);
            self.push_line(&format!("{indent}{rest}"), line_no);
            self.push_line("", line_no);
            return true;
        }
        false
    }

    /// A run of `>` lines holding markers: the pass runs again on the quoted text, whose
    /// output is quoted again. Returns false (nothing done) when the quote holds no marker.
    fn quote(&mut self, run: &[Line<'_>], first_line: usize) -> bool {
        let inner: Vec<Line<'_>> = run
            .iter()
            .map(|l| Line {
                indent: 0,
                text: unquote(l.text),
            })
            .collect();
        let has_marker = inner.iter().any(|l| {
            let t = l.text.trim_start();
            t.starts_with("!!!")
                || t.starts_with("???")
                || t.starts_with("===")
                || t.starts_with("*[")
        });
        if !has_marker {
            return false;
        }
        let mut nested = Pass {
            out: Preprocessed::default(),
            features: self.features,
            open: Vec::new(),
            pending: Vec::new(),
            fence: None,
            lists: Vec::new(),
            html: Vec::new(),
        };
        nested.run(&inner);
        let (col, _) = run[0].indentation();
        let prefix = format!(
            "{}> ",
            " ".repeat(col.saturating_sub(TAB * self.open.len()))
        );
        for (text, &src) in nested.out.text.lines().zip(&nested.out.line_map) {
            let quoted = format!("{prefix}{text}");
            self.push_line(quoted.trim_end(), first_line as u32 + src);
        }
        for mut block in nested.out.blocks {
            block.body = 0..0;
            self.out.blocks.push(block);
        }
        self.out.tab_sets.extend(nested.out.tab_sets);
        self.out.abbreviations.extend(nested.out.abbreviations);
        true
    }

    /// Tracks list items so markers inside them are recognised; returns the content column of
    /// the innermost list item (0 outside lists).
    /// Width of the list item or definition marker (with its spaces) that `rest` starts with.
    fn item_marker_width(&self, rest: &str) -> Option<usize> {
        let definition = self.features.def_list && rest.starts_with(':');
        list_marker_width(rest).or_else(|| definition.then(|| definition_width(rest)).flatten())
    }

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

/// Index one past the last line of the block quote that starts at `start`.
fn quote_run_end(lines: &[Line<'_>], start: usize) -> usize {
    let mut end = start;
    while end < lines.len() && lines[end].text.trim_start().starts_with('>') {
        end += 1;
    }
    end
}

/// A quoted line without its `>` marker and the one space after it.
fn unquote(line: &str) -> &str {
    let t = line.trim_start();
    let t = t.strip_prefix('>').unwrap_or(t);
    t.strip_prefix(' ').unwrap_or(t)
}

/// Columns of leading white space (tabs to the next multiple of 4) and the rest of the line.
fn indentation(line: &str) -> (usize, &str) {
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return (col, &line[i..]),
        }
    }
    (col, "")
}

/// Removes up to `cols` columns of leading white space, keeping what lies beyond.
fn dedent(line: Line<'_>, cols: usize) -> Cow<'_, str> {
    match cols.checked_sub(line.indent) {
        Some(rest) => dedent_text(line.text, rest),
        None => Cow::Owned(format!("{}{}", " ".repeat(line.indent - cols), line.text)),
    }
}

/// [`dedent`] for text with no indentation put in front.
fn dedent_text(line: &str, cols: usize) -> Cow<'_, str> {
    if cols == 0 {
        return Cow::Borrowed(line);
    }
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        if col >= cols {
            return if col == cols {
                Cow::Borrowed(&line[i..])
            } else {
                Cow::Owned(format!("{}{}", " ".repeat(col - cols), &line[i..]))
            };
        }
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return Cow::Borrowed(&line[i..]),
        }
    }
    Cow::Borrowed("")
}

/// The character and length of a code fence that `rest` opens (```` ``` ```` or `~~~`).
pub(super) fn fence_open(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn is_fence_close(rest: &str, fence: &Fence) -> bool {
    let len = rest.bytes().take_while(|&b| b == fence.ch).count();
    len >= fence.len && rest[len..].trim().is_empty()
}

/// Width of a definition marker (`:   `) plus its spaces, as for a list item.
fn definition_width(rest: &str) -> Option<usize> {
    let spaces = rest[1..].bytes().take_while(|&b| b == b' ').count();
    (1..=4).contains(&spaces).then_some(1 + spaces)
}

/// Whether the next line with text after `i` starts a definition (`:   ...`).
fn definition_follows(lines: &[Line<'_>], i: usize) -> bool {
    lines[i..]
        .iter()
        .take(2)
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| {
            let t = l.text.trim_start();
            t.starts_with(':') && definition_width(t).is_some()
        })
}

/// Width of a list item marker plus the spaces after it (`- `, `12. `), if `rest` starts one.
fn list_marker_width(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    match bytes.get(marker) {
        None => Some(marker + 1),
        Some(b' ') if spaces <= 4 => Some(marker + spaces),
        Some(b' ') => Some(marker + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pre(src: &str) -> Preprocessed {
        run(src, &Features::default())
    }

    #[test]
    fn body_is_dedented_and_ends_at_less_indented_line() {
        let p = pre("!!! note\n    body\n\n    more\nafter\n");
        assert_eq!(&p.text[p.blocks[0].body.clone()], "body\n\nmore\n");
        assert!(p.text.ends_with("</div>\n\nafter\n"), "{}", p.text);
        assert_eq!(p.line_map.len(), p.text.lines().count());
        let after = p.text.lines().position(|l| l == "after").unwrap();
        assert_eq!(p.line_map[after], 4);
    }

    #[test]
    fn markers_in_code_stay_literal() {
        assert!(pre("```\n!!! note\n    x\n```\n").blocks.is_empty());
        assert!(pre("~~~~md\n??? note\n~~~~\n").blocks.is_empty());
        assert!(pre("para\n\n    !!! note\n        x\n").blocks.is_empty());
        assert!(pre("```\n=== \"x\"\n    y\n```\n").tab_sets.is_empty());
    }

    #[test]
    fn nested_and_in_lists_and_quotes() {
        let p = pre("!!! note\n    outer\n\n    !!! tip\n        inner\n");
        assert_eq!(p.blocks.len(), 2);
        assert_eq!(&p.text[p.blocks[1].body.clone()], "inner\n");
        assert_eq!(pre("- item\n\n    !!! note\n        x\n").blocks.len(), 1);
        let p = pre("> !!! note\n>     quoted\n");
        assert_eq!(p.blocks.len(), 1);
        assert!(p.text.contains("> quoted"), "{}", p.text);
    }

    #[test]
    fn indented_fences_inside_a_fence_do_not_close_it() {
        let p = pre(
            "```md\n=== \"C\"\n\n    ```c\n    int x;\n    ```\n\n=== \"D\"\n```\n\n=== \"Real\"\n    body\n",
        );
        assert_eq!(p.tab_sets.len(), 1, "{}", p.text);
        assert_eq!(p.tab_sets[0].titles, ["Real"]);
    }

    #[test]
    fn admonition_on_the_line_of_a_definition_or_list_marker() {
        let p = pre("<!-- md:option x -->\n\n:   !!! note\n\n        Body.\n\nAfter.\n");
        assert_eq!(p.blocks.len(), 1, "{}", p.text);
        assert!(
            p.text.contains(":   <div class=\"admonition note\">"),
            "{}",
            p.text
        );
        assert_eq!(&p.text[p.blocks[0].body.clone()], "\n    Body.\n\n");
        let p = pre("-   ??? tip\n        Folded.\n");
        assert!(
            p.text.starts_with("-   <details class=\"tip\">"),
            "{}",
            p.text
        );
    }

    #[test]
    fn a_bare_list_marker_is_no_trouble() {
        for src in ["-", "-\n", "+", "1.", ":", "-\n    !!! note\n"] {
            let _ = pre(src);
        }
    }

    #[test]
    fn fence_inside_body_is_closed_with_the_body() {
        let p = pre("!!! note\n    ```py\n    x = 1\nafter\n");
        assert!(p.text.contains("x = 1\n```\n"), "{}", p.text);
    }

    #[test]
    fn consecutive_tabs_form_one_set() {
        let p = pre("=== \"A\"\n    a\n\n=== \"B\"\n    b\n\nafter\n\n=== \"C\"\n    c\n");
        assert_eq!(p.tab_sets.len(), 2);
        assert_eq!(p.tab_sets[0].titles, ["A", "B"]);
        assert_eq!(p.tab_sets[1].titles, ["C"]);
        assert_eq!(p.text.matches("tabbed-block").count(), 3);
        let p = pre("=== \"A\"\n    a\n===! \"B\"\n    b\n");
        assert_eq!(p.tab_sets.len(), 2);
    }

    #[test]
    fn features_turn_syntaxes_off() {
        let off = Features {
            admonition: false,
            tabbed: false,
            ..Features::default()
        };
        let p = run("!!! note\n    x\n\n=== \"A\"\n    a\n", &off);
        assert!(p.blocks.is_empty() && p.tab_sets.is_empty());
    }

    #[test]
    fn abbreviation_definitions_are_taken_out() {
        let p = pre("Uses HTML.\n\n*[HTML]: Hyper Text\n");
        assert_eq!(
            p.abbreviations,
            vec![("HTML".to_owned(), "Hyper Text".to_owned())]
        );
        assert!(!p.text.contains("*[HTML]"));
    }
}

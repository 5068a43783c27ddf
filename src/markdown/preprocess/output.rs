//! What the line pass hands on: the text pulldown-cmark parses, its line map, and what the
//! syntaxes found on the way.

use crate::markdown::admonition::Block;
use crate::markdown::tabs::TabSet;
use crate::markdown::{blocks, md_in_html, py_links};

/// The text pulldown-cmark will parse, and what the pass found.
#[derive(Debug, Default)]
pub struct Preprocessed {
    pub text: String,
    /// `line_map[i]` is the 0-based input line that output line `i` came from.
    pub line_map: Vec<u32>,
    /// Admonitions and details, in document order.
    pub blocks: Vec<Block>,
    /// Tab sets, in document order.
    pub tab_sets: Vec<TabSet>,
    /// `*[ABBR]: text` definitions.
    pub abbreviations: Vec<(String, String)>,
    /// `///` blocks whose body is not block markdown, in document order (see [`blocks`]).
    pub text_blocks: Vec<blocks::TextBlock>,
    /// Where `markdown` HTML elements left work for the event pass (see [`md_in_html`]).
    pub md_in_html: md_in_html::Marks,
    /// Offsets of the empty comments that keep a lone inline tag in its paragraph
    /// ([`py_html`]), dropped by the event pass.
    pub fillers: Vec<usize>,
    /// Offsets of the backslashes put before a fence Python-Markdown never closes, which
    /// make its line text for pulldown-cmark; the event pass reads the character after each
    /// as written, so pymdownx.tilde still sees a whole `~~~` run.
    pub fence_escapes: Vec<usize>,
    /// Whether a line got [`py_html::INLINE_MARK`] (a tag kept inline in a list item, say).
    pub inline_marks: bool,
    /// Warnings found by the pass: 0-based input line and message.
    pub warnings: Vec<(u32, String)>,
    /// Link reference definitions read by Python-Markdown's rules ([`py_links::refdefs`]).
    pub link_definitions: py_links::refdefs::Definitions,
}

impl Preprocessed {
    /// Whether a block or tab title may hold a link, which needs the page's link definitions.
    pub fn titles_have_links(&self) -> bool {
        let block_titles = self.blocks.iter().filter_map(|b| b.title.as_deref());
        let tab_titles = self
            .tab_sets
            .iter()
            .flat_map(|s| &s.titles)
            .map(String::as_str);
        block_titles.chain(tab_titles).any(|t| t.contains('['))
    }
}

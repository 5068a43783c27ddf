//! The syntaxes a site turns on ([`Features`]), whose list rules it follows ([`Rules`]) and
//! how its heading ids are made ([`SlugStyle`]); an answerbook site has every syntax on.

use super::{arithmatex, blocks, code, footnotes, inline, snippets, tasklist, toc};

/// The markdown syntaxes beyond CommonMark that a site uses. An answerbook site has them all;
/// an MkDocs site has the ones its `markdown_extensions` list names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Features {
    /// `!!!` blocks (Python-Markdown `admonition`).
    pub admonition: bool,
    /// `???` and `???+` blocks (`pymdownx.details`).
    pub details: bool,
    /// `=== "Tab"` content tabs (`pymdownx.tabbed`).
    pub tabbed: bool,
    /// `{ .class #id }` attribute lists (`attr_list`).
    pub attr_list: bool,
    /// `<div markdown>` (`md_in_html`).
    pub md_in_html: bool,
    /// Definition lists (`def_list`).
    pub def_list: bool,
    /// `*[HTML]: ...` abbreviations (`abbr`).
    pub abbr: bool,
    /// `abbr: glossary:`: abbreviations of every page, before the page's own.
    pub abbr_glossary: Vec<(String, String)>,
    /// `[^1]` footnotes.
    pub footnotes: bool,
    /// `footnotes` options (back link text and title, id separator, reference text).
    pub footnote_options: footnotes::Options,
    /// `- [x]` task lists (`pymdownx.tasklist`), with their options.
    pub tasklist: Option<tasklist::Options>,
    /// TeX math kept for MathJax or KaTeX (`pymdownx.arithmatex`), with its options.
    pub arithmatex: Option<arithmatex::Options>,
    /// `/// note` blocks (`pymdownx.blocks.*`).
    pub blocks: blocks::Settings,
    /// How heading ids are made.
    pub slugs: SlugStyle,
    /// `pymdownx.tabbed: slugify`: tabs get ids from their titles instead of counters.
    pub tab_slugs: Option<SlugStyle>,
    /// `pymdownx.tabbed: alternate_style` (Material's): labels together above the contents.
    /// Off, each tab's input and label go before its content (the extension's default).
    pub tab_alternate: bool,
    /// `pymdownx.tabbed: combine_header_slug`: a tab's id starts with the id of the heading
    /// before its set.
    pub combine_header_slug: bool,
    /// `pymdownx.saneheaders`: a `#` heading needs a space after its `#`s, as in CommonMark.
    pub sane_headers: bool,
    /// Inline syntaxes of pymdown-extensions (`==mark==`, `^sup^`, ...): [`inline`].
    pub inline: inline::Syntax,
    /// How code blocks and inline code are written (`pymdownx.highlight` and friends).
    pub code: code::CodeOptions,
    /// `pymdownx.snippets`: `--8<-- "file"` includes, with their options.
    pub snippets: Option<snippets::Settings>,
    /// Whose rules lists follow (`markdown:` in `site.yaml` or `mkdocs.yml`).
    pub rules: Rules,
    /// `sane_lists`: with Python-Markdown's rules, `1.` and `-` items make separate lists and
    /// an ordered list keeps its first number.
    pub sane_lists: bool,
    /// `tables: use_align_attribute`: aligned cells get `align="left"` instead of a style.
    pub table_align_attribute: bool,
    /// `toc`'s options: heading levels, permalinks, the `[TOC]` marker.
    pub toc: toc::TocOptions,
}

/// The list rules of a site: CommonMark's (GitHub's), or Python-Markdown's (MkDocs'), see
/// [`py_lists`](super::py_lists).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rules {
    #[default]
    Commonmark,
    PythonMarkdown,
}

/// Heading-id styles: Python-Markdown's `toc` default, or `pymdownx.slugs.slugify`
/// (Unicode kept, optionally lower-cased).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugStyle {
    #[default]
    Toc,
    Unicode {
        lowercase: bool,
    },
}

impl Default for Features {
    fn default() -> Self {
        Features {
            admonition: true,
            details: true,
            tabbed: true,
            attr_list: true,
            md_in_html: true,
            def_list: true,
            abbr: true,
            abbr_glossary: Vec::new(),
            footnotes: true,
            footnote_options: footnotes::Options::default(),
            tasklist: Some(tasklist::Options::default()),
            arithmatex: None,
            blocks: blocks::Settings::all(),
            slugs: SlugStyle::Toc,
            tab_slugs: None,
            tab_alternate: true,
            combine_header_slug: false,
            sane_headers: false,
            inline: inline::Syntax::all(),
            code: code::CodeOptions::default(),
            snippets: None,
            rules: Rules::Commonmark,
            sane_lists: false,
            table_align_attribute: false,
            toc: toc::TocOptions::default(),
        }
    }
}

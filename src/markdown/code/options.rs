//! How a site writes its code: the options of `pymdownx.highlight`, `pymdownx.superfences`
//! and `pymdownx.inlinehilite` (or Python-Markdown's plain `fenced_code`) that change the HTML
//! of a code block or of inline code. An answerbook site uses [`CodeOptions::default`]; an
//! MkDocs project's come from its `mkdocs.yml` (`crate::mkdocs::code_options`).

/// Everything that decides the HTML of code on a site's pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeOptions {
    /// Which writer code blocks go through.
    pub style: BlockStyle,
    /// Class of the wrapper (`highlight`; pymdownx's `css_class`, codehilite's `codehilite`).
    pub css_class: String,
    /// `pygments_lang_class`: the wrapper also gets `language-x`.
    pub lang_class: bool,
    /// What goes before the language in a class (`language_prefix`, `fenced_code: lang_prefix`).
    pub language_prefix: String,
    /// With `use_pygments: false`, the fence's attributes go on `<pre>` instead of `<code>`.
    pub code_attr_on_pre: bool,
    /// `linenums`: `Some(true)` numbers every block, `Some(false)` none, `None` as fences say.
    pub linenums: Option<bool>,
    pub linenums_style: LineNumsStyle,
    /// `linenums_special`: every how many lines a number is marked `special` (0: never).
    pub linenums_special: usize,
    /// `anchor_linenums`: every line gets an anchor, and its number links to it.
    pub anchor_linenums: bool,
    /// `line_spans`: every line is wrapped in `<span id="PREFIX-BLOCK-LINE">` (empty: not).
    pub line_spans: String,
    /// `line_anchors`: the anchors' id prefix (empty: `__codelineno` when `anchor_linenums`).
    pub line_anchors: String,
    /// `auto_title`: a block without `title=` is titled with its language's name.
    pub auto_title: bool,
    /// `auto_title_map`: titles that replace those names.
    pub auto_title_map: Vec<(String, String)>,
    /// `stripnl`: blank lines at the start and end of a block are removed.
    pub stripnl: bool,
    /// `default_lang`: the language of a block that names none.
    pub default_lang: String,
    /// `extend_pygments_lang`: extra language names and the language each stands for.
    pub lang_aliases: Vec<(String, String)>,
    /// The language in the class is lower-cased (`language-php` for `PHP`), as answerbook
    /// sites always had it; pymdownx keeps it as written.
    pub lowercase_lang: bool,
    /// `custom_fences` of superfences (`mermaid` and the like).
    pub custom_fences: Vec<CustomFence>,
    /// `superfences: preserve_tabs`: tabs in fenced code are kept instead of expanded.
    pub preserve_tabs: bool,
    /// `pymdownx.inlinehilite`: `` `#!python code` `` is highlighted (`None`: off).
    pub inline: Option<InlineOptions>,
    /// Indented code blocks are plain `<pre><code>`: superfences highlights fences only,
    /// indented blocks are `pymdownx.highlight`'s (or codehilite's) to highlight.
    pub plain_indented: bool,
    /// `pymdownx.superfences` is on: a fence touching a paragraph's line is part of it
    /// (`super::super::py_fence_paras`).
    pub superfences: bool,
}

/// The writer of code blocks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockStyle {
    /// Python-Markdown's `fenced_code` alone: `<pre><code class="language-x">`, no
    /// highlighting, the code as written.
    Plain,
    /// `pymdownx.highlight` with Pygments: `<div class="highlight"><pre><span></span><code>`
    /// holding token spans.
    Pygments,
    /// `use_pygments: false`: `<pre class="highlight"><code class="language-x">`, for a
    /// highlighter in the browser.
    NoPygments,
}

/// Where line numbers go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineNumsStyle {
    /// A table: numbers in one column, the code in the other (Pygments' default).
    Table,
    /// `<span class="linenos">N</span>` before each line.
    Inline,
    /// `<span class="linenos" data-linenos="N ">` before each line, shown by CSS, so copying
    /// leaves the numbers out.
    PymdownxInline,
}

/// A superfences `custom_fences` entry: a fence of this language is written for a script
/// in the browser (a diagram, math) instead of being highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CustomFence {
    pub name: String,
    pub class: String,
    /// `fence_div_format`: `<div class>` instead of `<pre class><code>`.
    pub div: bool,
}

/// `pymdownx.inlinehilite`'s options.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InlineOptions {
    /// The class of highlighted inline code (empty: the blocks' `css_class`).
    pub css_class: String,
    /// `style_plain_text`: inline code without a language gets the class too.
    pub style_plain_text: bool,
    /// `style_plain_text: python` (a language's name): inline code without a language is
    /// highlighted in that one (empty: none).
    pub default_lang: String,
}

impl Default for CodeOptions {
    /// answerbook's own sites: what Material recommends (`pygments_lang_class: true`,
    /// inline highlighting).
    fn default() -> Self {
        CodeOptions {
            lang_class: true,
            lowercase_lang: true,
            inline: Some(InlineOptions {
                css_class: String::new(),
                style_plain_text: false,
                default_lang: String::new(),
            }),
            ..CodeOptions::pymdownx()
        }
    }
}

impl CodeOptions {
    /// pymdownx.highlight's own defaults (an MkDocs project listing it without options).
    pub fn pymdownx() -> Self {
        CodeOptions {
            style: BlockStyle::Pygments,
            css_class: "highlight".to_owned(),
            lang_class: false,
            language_prefix: "language-".to_owned(),
            code_attr_on_pre: false,
            linenums: None,
            linenums_style: LineNumsStyle::Table,
            linenums_special: 0,
            anchor_linenums: false,
            line_spans: String::new(),
            line_anchors: String::new(),
            auto_title: false,
            auto_title_map: Vec::new(),
            stripnl: true,
            default_lang: String::new(),
            lang_aliases: Vec::new(),
            lowercase_lang: false,
            custom_fences: Vec::new(),
            preserve_tabs: false,
            inline: None,
            plain_indented: false,
            superfences: false,
        }
    }

    /// Python-Markdown's `fenced_code` without any highlighter.
    pub fn plain() -> Self {
        CodeOptions {
            style: BlockStyle::Plain,
            ..CodeOptions::pymdownx()
        }
    }

    /// The id prefix of line anchors, when lines get anchors.
    pub(super) fn anchor_prefix(&self) -> Option<&str> {
        if !self.line_anchors.is_empty() {
            Some(&self.line_anchors)
        } else {
            self.anchor_linenums.then_some("__codelineno")
        }
    }

    /// The language a fence's name stands for (`extend_pygments_lang`), or the name itself.
    pub(super) fn resolve_lang<'a>(&'a self, lang: &'a str) -> &'a str {
        self.lang_aliases
            .iter()
            .find(|(name, _)| name.eq_ignore_ascii_case(lang))
            .map_or(lang, |(_, to)| to.as_str())
    }
}

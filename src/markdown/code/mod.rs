//! Fenced and indented code blocks: the fence's info string ([`FenceInfo`]: language and
//! options such as `title="..."`) and the block's HTML, written as the site's
//! [`CodeOptions`] say: highlighted by [`highlight`] the way MkDocs Material (pymdownx.highlight
//! with Pygments) writes it (`block`), or, unhighlighted (`plain`), as `<pre><code
//! class="language-x">` for a highlighter in the browser or Python-Markdown's plain
//! `fenced_code`, or as a superfences custom fence (`<pre class="mermaid">`). Inline code with
//! a language (`` `#!python x` ``) is [`inline`]. Event part: `event` (blocks) and
//! `inline::event`.

mod block;
mod info;
pub mod inline;
mod lines;
pub mod options;
mod plain;

use std::borrow::Cow;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Tag, TagEnd};

use super::events::{Pass, Stream};
use super::highlight::Lexer;
pub use info::FenceInfo;
use options::BlockStyle;
pub use options::CodeOptions;

/// One code block on its way to HTML.
pub(super) struct Block<'b> {
    info: &'b FenceInfo,
    /// The code, tabs expanded and blank lines emptied; for highlighting, with its blank lines
    /// at either end removed and ending with a newline.
    code: &'b str,
    /// The language the block is in (`default_lang` when the fence names none).
    lang: &'b str,
    lexer: Option<Lexer>,
    /// The block's place among the page's highlighted blocks, from 0 (for line ids).
    number: usize,
    /// Whether `key="value"` words of the fence become attributes (`attr_list`).
    attr_list: bool,
}

impl Block<'_> {
    /// `language-x` for the block's class list, when the options ask for it.
    fn lang_class(&self, opts: &CodeOptions) -> Option<String> {
        let lang = match self.lang {
            "" => "text",
            lang => lang,
        };
        let lang = if opts.lowercase_lang {
            Cow::Owned(lang.to_ascii_lowercase())
        } else {
            Cow::Borrowed(lang)
        };
        Some(format!("{}{lang}", opts.language_prefix))
    }

    /// `<TAG id="..." class="language-x more CSS" data-x="...">`; `class` left out when empty.
    fn open_wrapper(&self, html: &mut String, opts: &CodeOptions, tag: &str, css_class: &str) {
        let mut classes: Vec<Cow<'_, str>> = Vec::new();
        if opts.lang_class {
            classes.extend(self.lang_class(opts).map(Cow::Owned));
        }
        classes.extend(self.info.classes.iter().map(|c| Cow::Borrowed(c.as_str())));
        if !css_class.is_empty() {
            classes.push(Cow::Borrowed(css_class));
        }
        self.open_tag(html, tag, &classes, Attrs::Data);
    }

    /// The fence's attributes that go on the block: with Pygments, only `data-*` ones.
    fn attrs(&self, data_only: bool) -> impl Iterator<Item = &(String, String)> {
        let on = self.attr_list;
        self.info
            .attrs()
            .filter(move |(k, _)| on && (!data_only || k.starts_with("data-")))
    }

    /// `<TAG id class attrs>`, with the fence's id and attributes as `attrs` says.
    fn open_tag(&self, html: &mut String, tag: &str, classes: &[Cow<'_, str>], attrs: Attrs) {
        let _ = write!(html, "<{tag}");
        if let Some(id) = self.info.id.as_ref().filter(|_| attrs != Attrs::None) {
            let _ = write!(html, " id=\"{}\"", super::escape_attr(id));
        }
        if !classes.is_empty() {
            let _ = write!(
                html,
                " class=\"{}\"",
                super::escape_attr(&classes.join(" "))
            );
        }
        if attrs != Attrs::None {
            for (key, value) in self.attrs(attrs == Attrs::Data) {
                let _ = write!(html, " {}=\"{}\"", key, super::escape_attr(value));
            }
        }
        html.push('>');
    }
}

/// Which of the fence's id and attributes a tag gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Attrs {
    None,
    /// The id and `data-*` attributes (pymdownx.highlight's wrapper).
    Data,
    All,
}

/// The HTML of a code block written `info` holding `code` (as the parser gives it), the
/// `number`th highlighted block of its page.
pub fn render(
    opts: &CodeOptions,
    info: &FenceInfo,
    code: &str,
    number: usize,
    attr_list: bool,
) -> String {
    let tabs = !opts.preserve_tabs;
    let code = clean_lines(code, tabs);
    let lang = match info.lang_written.as_str() {
        "" => opts.default_lang.as_str(),
        lang => opts.resolve_lang(lang),
    };
    if let Some(fence) = opts
        .custom_fences
        .iter()
        .find(|f| f.name.eq_ignore_ascii_case(lang))
    {
        let block = Block {
            info,
            code: &code,
            lang,
            lexer: None,
            number,
            attr_list,
        };
        return plain::custom(&block, fence);
    }
    match opts.style {
        BlockStyle::Plain => {
            let block = Block {
                info,
                code: &code,
                lang,
                lexer: None,
                number,
                attr_list,
            };
            plain::plain(opts, &block)
        }
        BlockStyle::NoPygments => {
            let code = normalise(&code, opts.stripnl);
            let code = code.strip_suffix('\n').unwrap_or(&code);
            let block = Block {
                info,
                code,
                lang,
                lexer: None,
                number,
                attr_list,
            };
            plain::no_pygments(opts, &block)
        }
        BlockStyle::Pygments => {
            let code = normalise(&code, opts.stripnl);
            let lexer = Lexer::for_fence(lang);
            let block = Block {
                info,
                code: &code,
                lang,
                lexer,
                number,
                attr_list,
            };
            block::render(opts, &block)
        }
    }
}

pub(super) fn push_escaped(html: &mut String, text: &str) {
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
}

/// The code as Python-Markdown reads it: tabs expanded to the next multiple of 4 columns
/// (unless `tabs` is false) and lines of white space only emptied. Borrowed when there is
/// nothing to change, which one scan of the bytes finds out.
fn clean_lines(code: &str, tabs: bool) -> Cow<'_, str> {
    let is_space = |b: u8| b == b' ' || b == b'\t';
    if !needs_cleaning(code, tabs) {
        return Cow::Borrowed(code);
    }
    let mut out = String::with_capacity(code.len() + 16);
    for (i, line) in code.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
        }
        if line.bytes().all(is_space) {
            continue;
        }
        if !tabs || !line.contains('\t') {
            out.push_str(line);
            continue;
        }
        let mut column = 0;
        for c in line.chars() {
            if c == '\t' {
                let width = 4 - column % 4;
                out.extend(std::iter::repeat_n(' ', width));
                column += width;
            } else {
                out.push(c);
                column += 1;
            }
        }
    }
    Cow::Owned(out)
}

/// Whether [`clean_lines`] changes `code`: it holds a tab (when `tabs`) or a line of spaces
/// and tabs only. Tabs and line ends are found with memchr.
fn needs_cleaning(code: &str, tabs: bool) -> bool {
    let bytes = code.as_bytes();
    if tabs && memchr::memchr(b'\t', bytes).is_some() {
        return true;
    }
    let mut start = 0;
    loop {
        let end = memchr::memchr(b'\n', &bytes[start..]).map_or(bytes.len(), |i| start + i);
        let line = &bytes[start..end];
        if !line.is_empty() && line.iter().all(|&b| b == b' ' || b == b'\t') {
            return true;
        }
        if end == bytes.len() {
            return false;
        }
        start = end + 1;
    }
}

/// An indented block as Python-Markdown keeps it: each run of lines between blank lines
/// loses the white space at the end of its last line. Borrowed when there is none.
fn trim_chunk_ends(code: &str) -> Cow<'_, str> {
    let lines: Vec<&str> = code.split('\n').collect();
    let ends_chunk = |i: usize| lines.get(i + 1).is_none_or(|next| next.trim().is_empty());
    let dirty = (0..lines.len()).any(|i| ends_chunk(i) && lines[i].ends_with([' ', '\t']));
    if !dirty {
        return Cow::Borrowed(code);
    }
    let mut out = String::with_capacity(code.len());
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        match ends_chunk(i) {
            true => out.push_str(line.trim_end_matches([' ', '\t'])),
            false => out.push_str(line),
        }
    }
    Cow::Owned(out)
}

/// The code as Pygments sees it: with `stripnl`, leading and trailing blank lines removed;
/// without, the newline that ends the fence's last line dropped. Ends with one newline.
/// Borrowed when the code already is that way.
fn normalise(code: &str, stripnl: bool) -> Cow<'_, str> {
    if !stripnl {
        let kept = code.strip_suffix('\n').unwrap_or(code);
        if kept.ends_with('\n') {
            return Cow::Borrowed(kept);
        }
        return Cow::Owned(format!("{kept}\n"));
    }
    let start = code.len() - code.trim_start_matches(['\n', '\r']).len();
    let trimmed = code[start..].trim_end_matches(['\n', '\r']);
    let end = start + trimmed.len();
    if !trimmed.is_empty() && code[end..].starts_with('\n') {
        return Cow::Borrowed(&code[start..=end]);
    }
    let mut out = String::with_capacity(trimmed.len() + 1);
    out.push_str(trimmed);
    out.push('\n');
    Cow::Owned(out)
}

/// Event part: a code block becomes its HTML; its `#id` is one of the page's ids.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    rest: &mut Stream<'_, 'e>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let Event::Start(Tag::CodeBlock(kind)) = event else {
        return Some(event);
    };
    let info = match &kind {
        CodeBlockKind::Fenced(info) => FenceInfo::parse(info),
        CodeBlockKind::Indented => FenceInfo::default(),
    };
    // The code is used as the parser hands it when it comes in one text event (the usual
    // case), and joined only when it comes in several.
    let mut first = CowStr::Borrowed("");
    let mut joined: Option<String> = None;
    for (e, _) in rest.by_ref() {
        match e {
            Event::End(TagEnd::CodeBlock) => break,
            Event::Text(t) if first.is_empty() && joined.is_none() => first = t,
            Event::Text(t) => {
                // The block's source is at least as long as its text.
                let all = joined.get_or_insert_with(|| {
                    let mut all = String::with_capacity(range.len());
                    all.push_str(&first);
                    all
                });
                all.push_str(&t);
            }
            _ => {}
        }
    }
    let mut text = match joined {
        Some(all) => Cow::Owned(all),
        None => Cow::Borrowed(&*first),
    };
    if let Some(id) = &info.id {
        pass.ids.reserve(id);
    }
    let features = pass.input.features;
    if matches!(kind, CodeBlockKind::Indented)
        && features.rules == super::Rules::PythonMarkdown
        && let Cow::Owned(trimmed) = trim_chunk_ends(&text)
    {
        text = Cow::Owned(trimmed);
    }
    let number = pass.code_blocks;
    pass.code_blocks += 1;
    let opts = &features.code;
    let html = if matches!(kind, CodeBlockKind::Indented) && opts.plain_indented {
        plain::render_plain(opts, &info, &text)
    } else {
        render(opts, &info, &text, number, features.attr_list)
    };
    out.push(Event::Html(html.into()));
    None
}

#[cfg(test)]
mod tests;

//! Reading HTML tags for [`super`]: a start tag with its `markdown` attribute, an end tag, and
//! which elements Python-Markdown counts as block-level, span-level or raw.

/// A start tag at the beginning of some text.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct StartTag<'a> {
    /// Lower-cased element name.
    pub(super) name: String,
    /// The whole tag, `<` to `>`.
    pub(super) text: &'a str,
    /// Byte range in `text` of the `markdown` attribute with the white space before it.
    pub(super) markdown: Option<(usize, usize)>,
    /// Value of the `markdown` attribute (empty when it has none).
    pub(super) value: &'a str,
    /// Written `<x ... />`.
    pub(super) self_closing: bool,
}

impl StartTag<'_> {
    /// The tag as written, less its `markdown` attribute.
    pub(super) fn without_markdown(&self) -> String {
        match self.markdown {
            Some((start, end)) => format!("{}{}", &self.text[..start], &self.text[end..]),
            None => self.text.to_owned(),
        }
    }

    /// Whether the element has no content (`<hr>`, `<img />`).
    pub(super) fn is_void(&self) -> bool {
        self.self_closing || is_void(&self.name)
    }
}

/// Reads the start tag `text` begins with.
pub(super) fn start_tag(text: &str) -> Option<StartTag<'_>> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'<') || !bytes.get(1)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = 1 + text[1..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(text.len() - 1);
    let name = text[1..name_end].to_ascii_lowercase();
    let mut tag = StartTag {
        name,
        text: "",
        markdown: None,
        value: "",
        self_closing: false,
    };
    let mut i = name_end;
    loop {
        let space_start = i;
        i += text[i..].len() - text[i..].trim_start().len();
        let rest = &text[i..];
        if rest.starts_with('>') {
            tag.text = &text[..i + 1];
            return Some(tag);
        }
        if rest.starts_with("/>") {
            tag.text = &text[..i + 2];
            tag.self_closing = true;
            return Some(tag);
        }
        if i == space_start || rest.is_empty() {
            return None;
        }
        let key_len = rest
            .find(|c: char| c.is_whitespace() || matches!(c, '=' | '>' | '/' | '"' | '\''))
            .unwrap_or(rest.len());
        if key_len == 0 {
            return None;
        }
        let key = &rest[..key_len];
        i += key_len;
        let after_key = i;
        let mut value = "";
        let eq = text[i..].trim_start();
        if let Some(v) = eq.strip_prefix('=') {
            let v_start = text.len() - v.trim_start().len();
            let v = &text[v_start..];
            let len = match v.chars().next() {
                Some(q @ ('"' | '\'')) => v[1..].find(q)? + 2,
                Some(_) => v
                    .find(|c: char| c.is_whitespace() || c == '>')
                    .unwrap_or(v.len()),
                None => return None,
            };
            value = v[..len].trim_matches(['"', '\'']);
            i = v_start + len;
        } else {
            i = after_key;
        }
        if key.eq_ignore_ascii_case("markdown") {
            tag.markdown = Some((space_start, i));
            tag.value = value;
        }
    }
}

/// Reads the end tag `text` begins with: the lower-cased name and the tag's length.
pub(super) fn end_tag(text: &str) -> Option<(String, usize)> {
    let rest = text.strip_prefix("</")?;
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let after = rest[name_len..].trim_start();
    if name_len == 0 || !after.starts_with('>') {
        return None;
    }
    let len = text.len() - after.len() + 1;
    Some((rest[..name_len].to_ascii_lowercase(), len))
}

/// Whether element `name` has no content.
pub(super) fn is_void(name: &str) -> bool {
    VOID.contains(&name)
}

/// Elements without content.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Block-level elements whose content stays as written whatever their `markdown` attribute.
const RAW: &[&str] = &[
    "canvas", "math", "option", "pre", "script", "style", "textarea",
];

/// Block-level elements whose markdown content is inline by default.
const SPAN: &[&str] = &[
    "address", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "legend", "li", "p", "summary",
    "td", "th",
];

/// Python-Markdown's block-level elements (besides [`RAW`] and [`SPAN`]).
const BLOCK: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "colgroup",
    "details",
    "dialog",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "group",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "ol",
    "output",
    "progress",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "video",
];

/// Whether `name` is a block-level element.
pub(super) fn is_block_level(name: &str) -> bool {
    BLOCK.contains(&name) || SPAN.contains(&name) || RAW.contains(&name)
}

/// How an element's content is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// Markdown blocks (paragraphs, lists, ...).
    Block,
    /// Inline markdown only.
    Span,
}

/// The mode a `markdown` attribute asks for on element `name`; `None` when its content stays
/// raw HTML (`markdown="0"`, `<pre>`, an element that is not block-level).
pub(super) fn mode(name: &str, value: &str) -> Option<Mode> {
    if !is_block_level(name) || RAW.contains(&name) || value == "0" {
        return None;
    }
    match value {
        "block" => Some(Mode::Block),
        "span" => Some(Mode::Span),
        _ if SPAN.contains(&name) => Some(Mode::Span),
        _ => Some(Mode::Block),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_start_tags_and_their_markdown_attribute() {
        let tag = start_tag("<div class=\"grid cards\" markdown>rest").unwrap();
        assert_eq!(tag.name, "div");
        assert_eq!(tag.text, "<div class=\"grid cards\" markdown>");
        assert_eq!(tag.without_markdown(), "<div class=\"grid cards\">");
        let tag = start_tag("<p markdown='1' id=x>").unwrap();
        assert_eq!(
            (tag.value, tag.without_markdown().as_str()),
            ("1", "<p id=x>")
        );
        let tag = start_tag("<figure markdown=\"span\"/>").unwrap();
        assert!(tag.self_closing && tag.value == "span");
        assert_eq!(
            start_tag("<div class=\"markdown\">").unwrap().markdown,
            None
        );
        assert_eq!(start_tag("<div"), None);
        assert_eq!(start_tag("< div>"), None);
        assert_eq!(end_tag("</DIV >x"), Some(("div".into(), 7)));
        assert_eq!(end_tag("</div"), None);
    }

    #[test]
    fn modes_follow_the_element() {
        assert_eq!(mode("div", ""), Some(Mode::Block));
        assert_eq!(mode("p", "1"), Some(Mode::Span));
        assert_eq!(mode("p", "block"), Some(Mode::Block));
        assert_eq!(mode("div", "span"), Some(Mode::Span));
        assert_eq!(mode("pre", "1"), None);
        assert_eq!(mode("div", "0"), None);
        assert_eq!(mode("span", "1"), None);
    }
}

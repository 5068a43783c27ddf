//! The code options of `markdown_extensions` (`pymdownx.highlight`, `pymdownx.superfences`,
//! `pymdownx.inlinehilite`, `codehilite`, `fenced_code`) to [`CodeOptions`]: without any of
//! the highlighters, code blocks are Python-Markdown's plain `<pre><code class="language-x">`.

use crate::markdown::code::options::{
    BlockStyle, CodeOptions, CustomFence, InlineOptions, LineNumsStyle,
};

use super::tree::{Node, Value};

/// Reads the options of the listed extensions, whatever their order.
pub fn read(entries: &[(&str, Option<&Node>)]) -> CodeOptions {
    let find = |name: &str| entries.iter().find(|(n, _)| *n == name).map(|(_, o)| *o);
    let highlight = find("pymdownx.highlight");
    let superfences = find("pymdownx.superfences");
    let codehilite = find("codehilite");
    let mut opts = if highlight.is_some() || superfences.is_some() {
        CodeOptions::pymdownx()
    } else if codehilite.is_some() {
        CodeOptions {
            css_class: "codehilite".to_owned(),
            ..CodeOptions::pymdownx()
        }
    } else {
        CodeOptions::plain()
    };
    if let Some(fenced) = find("fenced_code").flatten()
        && opts.style == BlockStyle::Plain
        && let Some(prefix) = fenced.get("lang_prefix").and_then(Node::as_str)
    {
        opts.language_prefix = prefix.to_owned();
    }
    if let Some(o) = highlight.flatten().or(codehilite.flatten()) {
        read_highlight(&mut opts, o);
    }
    opts.plain_indented = superfences.is_some() && highlight.is_none() && codehilite.is_none();
    opts.superfences = superfences.is_some();
    if let Some(o) = superfences.flatten() {
        opts.preserve_tabs = flag(o, "preserve_tabs").unwrap_or(false);
        if let Some(Value::Seq(fences)) = o.get("custom_fences").map(|f| &f.value) {
            opts.custom_fences = fences.iter().filter_map(custom_fence).collect();
        }
    }
    if let Some(inline) = find("pymdownx.inlinehilite") {
        // `style_plain_text` is `true`, or the language plain inline code is in.
        let default_lang = text(inline, "style_plain_text").unwrap_or_default();
        opts.inline = Some(InlineOptions {
            css_class: text(inline, "css_class").unwrap_or_default(),
            style_plain_text: inline.and_then(|o| flag(o, "style_plain_text")) == Some(true)
                || !default_lang.is_empty(),
            default_lang,
        });
    }
    opts
}

fn read_highlight(opts: &mut CodeOptions, o: &Node) {
    let o = Some(o);
    if flag_of(o, "use_pygments") == Some(false) {
        opts.style = BlockStyle::NoPygments;
    }
    if let Some(class) = text(o, "css_class") {
        opts.css_class = class;
    }
    if let Some(prefix) = text(o, "language_prefix") {
        opts.language_prefix = prefix;
    }
    let on = |key: &str, default: bool| flag_of(o, key).unwrap_or(default);
    opts.lang_class = on("pygments_lang_class", opts.lang_class);
    opts.code_attr_on_pre = on("code_attr_on_pre", false);
    opts.linenums = flag_of(o, "linenums");
    opts.linenums_style = match text(o, "linenums_style").as_deref() {
        Some("inline") => LineNumsStyle::Inline,
        Some("pymdownx-inline") => LineNumsStyle::PymdownxInline,
        _ => LineNumsStyle::Table,
    };
    if let Some(Value::Int(n)) = o.and_then(|o| o.get("linenums_special")).map(|n| &n.value) {
        opts.linenums_special = usize::try_from(*n).unwrap_or(0);
    }
    opts.anchor_linenums = on("anchor_linenums", false);
    opts.line_spans = text(o, "line_spans").unwrap_or_default();
    opts.line_anchors = text(o, "line_anchors").unwrap_or_default();
    opts.auto_title = on("auto_title", false);
    opts.stripnl = on("stripnl", true);
    opts.default_lang = text(o, "default_lang").unwrap_or_default();
    if let Some(map) = o.and_then(|o| o.get("auto_title_map")) {
        opts.auto_title_map = map
            .entries()
            .iter()
            .filter_map(|(k, v)| Some((k.name.clone(), v.as_str()?.to_owned())))
            .collect();
    }
    if let Some(Value::Seq(langs)) = o
        .and_then(|o| o.get("extend_pygments_lang"))
        .map(|l| &l.value)
    {
        opts.lang_aliases = langs
            .iter()
            .filter_map(|l| {
                let name = l.get("name")?.as_str()?;
                let lang = l.get("lang")?.as_str()?;
                Some((name.to_owned(), lang.to_owned()))
            })
            .collect();
    }
}

/// `{name: mermaid, class: mermaid, format: !!python/name:...fence_div_format}`.
fn custom_fence(node: &Node) -> Option<CustomFence> {
    let name = node.get("name")?.as_str()?.to_owned();
    let class = node
        .get("class")
        .and_then(Node::as_str)
        .unwrap_or(&name)
        .to_owned();
    let div = node
        .get("format")
        .and_then(|f| f.python_object().or(f.as_str()))
        .is_some_and(|f| f.ends_with("fence_div_format"));
    Some(CustomFence { name, class, div })
}

fn flag(o: &Node, key: &str) -> Option<bool> {
    match o.get(key)?.value {
        Value::Bool(b) => Some(b),
        _ => None,
    }
}

fn flag_of(o: Option<&Node>, key: &str) -> Option<bool> {
    o.and_then(|o| flag(o, key))
}

fn text(o: Option<&Node>, key: &str) -> Option<String> {
    o?.get(key)?.as_str().map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;
    use crate::mkdocs::tree;

    fn read_yaml(text: &str) -> CodeOptions {
        let t = tree::parse(text, Path::new("mkdocs.yml")).unwrap();
        crate::mkdocs::extensions::read(t.get("markdown_extensions"))
            .features
            .code
    }

    #[test]
    fn material_settings_are_read() {
        let o = read_yaml(concat!(
            "markdown_extensions:\n",
            "  - pymdownx.highlight:\n",
            "      anchor_linenums: true\n",
            "      line_spans: __span\n",
            "      pygments_lang_class: true\n",
            "      linenums_style: pymdownx-inline\n",
            "  - pymdownx.inlinehilite\n",
            "  - pymdownx.superfences:\n",
            "      custom_fences:\n",
            "        - name: mermaid\n",
            "          class: mermaid\n",
            "          format: !!python/name:pymdownx.superfences.fence_code_format\n",
        ));
        assert_eq!(o.style, BlockStyle::Pygments);
        assert!(o.anchor_linenums && o.lang_class && !o.lowercase_lang);
        assert_eq!(o.line_spans, "__span");
        assert_eq!(o.linenums_style, LineNumsStyle::PymdownxInline);
        assert!(o.inline.is_some());
        assert_eq!(
            o.custom_fences,
            [CustomFence {
                name: "mermaid".into(),
                class: "mermaid".into(),
                div: false
            }]
        );
    }

    #[test]
    fn without_a_highlighter_code_is_plain() {
        assert_eq!(read_yaml("site_name: x\n").style, BlockStyle::Plain);
        let o =
            read_yaml("markdown_extensions:\n  - pymdownx.highlight:\n      use_pygments: false\n");
        assert_eq!(o.style, BlockStyle::NoPygments);
        assert_eq!(
            read_yaml("markdown_extensions: [codehilite]\n").css_class,
            "codehilite"
        );
    }
}

//! The `pymdownx.blocks.*` entries of `markdown_extensions` and their options (`types`,
//! `custom`, `alternate_style`, the caption settings) onto [`blocks::Settings`].

use crate::markdown::Features;
use crate::markdown::blocks::{self, Mode, TypeDef};

use super::super::tree::{Node, Value};

/// `pymdownx.blocks.admonition`, `.details`, `.html`, `.definition`, `.tab` and their options.
pub(super) fn block_extension(f: &mut Features, name: &str, options: Option<&Node>) {
    let b = &mut f.blocks;
    let types = |default: &[&str]| -> Vec<TypeDef> {
        match options.and_then(|o| o.get("types")) {
            Some(list) => items(list).iter().filter_map(type_def).collect(),
            None => default.iter().map(|t| TypeDef::new(t)).collect(),
        }
    };
    match name {
        "pymdownx.blocks.admonition" => {
            b.admonition = Some(types(blocks::DEFAULT_ADMONITION_TYPES))
        }
        "pymdownx.blocks.details" => b.details = Some(types(&[])),
        "pymdownx.blocks.html" => {
            let custom = options
                .and_then(|o| o.get("custom"))
                .map(|list| {
                    items(list)
                        .iter()
                        .filter_map(|e| {
                            let tag = e.get("tag")?.as_str()?.to_lowercase();
                            let mode = e.get("mode").and_then(Node::as_str).unwrap_or("auto");
                            Some((tag, Mode::parse(mode).unwrap_or(Mode::Auto)))
                        })
                        .collect()
                })
                .unwrap_or_default();
            b.html = Some(custom);
        }
        "pymdownx.blocks.definition" => b.definition = true,
        "pymdownx.blocks.tab" => {
            b.tab = true;
            b.tab_alternate = options
                .and_then(|o| o.get("alternate_style"))
                .is_some_and(|v| matches!(v.value, Value::Bool(true)));
        }
        "pymdownx.blocks.caption" => b.caption = Some(caption_settings(options)),
        _ => {}
    }
}

/// The options of `pymdownx.blocks.caption`: `types` (names, or `{name, prefix, classes}`),
/// `auto`, `auto_level` and `prepend`.
fn caption_settings(options: Option<&Node>) -> blocks::CaptionSettings {
    let mut c = blocks::CaptionSettings::default();
    let Some(options) = options else {
        return c;
    };
    if let Some(list) = options.get("types") {
        let text = |n: &Node, key: &str| {
            n.get(key)
                .and_then(Node::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        c.types = items(list)
            .iter()
            .filter_map(|n| {
                let name = n
                    .as_str()
                    .map(str::to_owned)
                    .or_else(|| n.get("name").and_then(Node::as_str).map(str::to_owned))?;
                Some(blocks::CaptionType {
                    name: name.to_lowercase(),
                    prefix: text(n, "prefix"),
                    classes: text(n, "classes"),
                })
            })
            .collect();
    }
    let flag = |key: &str, default: bool| match options.get(key).map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        _ => default,
    };
    c.auto = flag("auto", c.auto);
    c.prepend = flag("prepend", c.prepend);
    if let Some(Value::Int(n)) = options.get("auto_level").map(|n| &n.value) {
        c.auto_level = usize::try_from(*n).unwrap_or(0);
    }
    c
}

/// A list's items; empty for anything else.
fn items(node: &Node) -> &[Node] {
    match &node.value {
        Value::Seq(items) => items,
        _ => &[],
    }
}

/// One entry of `types:`: a name, or `{name, class, title}`.
fn type_def(node: &Node) -> Option<TypeDef> {
    if let Some(name) = node.as_str() {
        return Some(TypeDef::new(name));
    }
    let name = node.get("name")?.as_str()?;
    let class = node.get("class").and_then(Node::as_str);
    let title = node.get("title").and_then(Node::as_str);
    Some(TypeDef::with(name, class, title))
}

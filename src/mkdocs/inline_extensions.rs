//! The inline extensions of pymdown-extensions in `markdown_extensions` (`pymdownx.caret`,
//! `.tilde`, `.mark`, ...) and their options, onto [`inline::Syntax`].

use crate::markdown::critic::Mode;
use crate::markdown::inline::{self, Pair};

use super::tree::{Node, Value};

/// Turns on the inline extension `name` with its `options`; false if `name` is not one.
pub fn enable(syntax: &mut inline::Syntax, name: &str, options: Option<&Node>) -> bool {
    let flag = |key: &str, default: bool| match options.and_then(|o| o.get(key)) {
        Some(Node {
            value: Value::Bool(b),
            ..
        }) => *b,
        _ => default,
    };
    match name {
        "pymdownx.mark" => syntax.mark = true,
        "pymdownx.betterem" => syntax.betterem = true,
        "pymdownx.caret" => {
            syntax.caret = Some(Pair {
                double: flag("insert", true),
                single: flag("superscript", true),
            })
        }
        "pymdownx.tilde" => {
            syntax.tilde = Some(Pair {
                double: flag("delete", true),
                single: flag("subscript", true),
            })
        }
        "pymdownx.magiclink" => syntax.magiclink = Some(magiclink(options, &flag)),
        "pymdownx.keys" => syntax.keys = Some(keys(options, &flag)),
        "pymdownx.critic" => {
            let mode = options.and_then(|o| o.get("mode")).and_then(Node::as_str);
            syntax.critic = Some(mode.and_then(Mode::parse).unwrap_or_default())
        }
        "pymdownx.emoji" => syntax.emoji = Some(emoji(options)),
        "pymdownx.smartsymbols" => {
            syntax.smartsymbols = Some(inline::smartsymbols::Options {
                trademark: flag("trademark", true),
                copyright: flag("copyright", true),
                registered: flag("registered", true),
                plusminus: flag("plusminus", true),
                arrows: flag("arrows", true),
                notequal: flag("notequal", true),
                fractions: flag("fractions", true),
                ordinal_numbers: flag("ordinal_numbers", true),
                care_of: flag("care_of", true),
            })
        }
        "pymdownx.escapeall" => {
            syntax.escapeall = Some(inline::escapeall::Options {
                hardbreak: flag("hardbreak", false),
                nbsp: flag("nbsp", false),
            })
        }
        _ => return false,
    }
    true
}

/// The options of pymdownx.magiclink.
fn magiclink(
    options: Option<&Node>,
    flag: &dyn Fn(&str, bool) -> bool,
) -> inline::magiclink::Options {
    let text = |key: &str| options.and_then(|o| o.get(key)).and_then(Node::scalar_text);
    let custom = options
        .and_then(|o| o.get("custom"))
        .map(|c| {
            c.entries()
                .iter()
                .map(|(name, v)| {
                    let field = |k: &str| v.get(k).and_then(Node::scalar_text).unwrap_or_default();
                    (
                        name.name.clone(),
                        field("host"),
                        field("label"),
                        field("type"),
                    )
                })
                .collect()
        })
        .unwrap_or_default();
    inline::magiclink::Options {
        hide_protocol: flag("hide_protocol", false),
        repo_url_shortener: flag("repo_url_shortener", false),
        repo_url_shorthand: flag("repo_url_shorthand", false),
        social_url_shortener: flag("social_url_shortener", false),
        social_url_shorthand: flag("social_url_shorthand", false),
        normalize_issue_symbols: flag("normalize_issue_symbols", false),
        provider: text("provider").unwrap_or_else(|| "github".to_owned()),
        user: text("user"),
        repo: text("repo"),
        custom,
    }
}

/// The options of pymdownx.keys.
fn keys(options: Option<&Node>, flag: &dyn Fn(&str, bool) -> bool) -> inline::keys::Options {
    let text = |key: &str| options.and_then(|o| o.get(key)).and_then(Node::scalar_text);
    let defaults = inline::keys::Options::default();
    let key_map = options
        .and_then(|o| o.get("key_map"))
        .map(|m| {
            m.entries()
                .iter()
                .filter_map(|(k, v)| Some((k.name.clone(), v.scalar_text()?)))
                .collect()
        })
        .unwrap_or_default();
    inline::keys::Options {
        separator: text("separator").unwrap_or(defaults.separator),
        strict: flag("strict", false),
        class: text("class").unwrap_or(defaults.class),
        camel_case: flag("camel_case", false),
        key_map,
    }
}

/// The options of pymdownx.emoji: `emoji_generator` and `emoji_index` are Python names
/// (`!!python/name:material.extensions.emoji.to_svg`), read by their last part.
fn emoji(options: Option<&Node>) -> inline::emoji::Options {
    use inline::emoji::{Generator, Index, Options, Title};
    let name = |key: &str| {
        let node = options.and_then(|o| o.get(key))?;
        let name = node
            .python_object()
            .map(str::to_owned)
            .or_else(|| node.scalar_text())?;
        Some(
            name.rsplit(['.', ':'])
                .next()
                .unwrap_or_default()
                .to_owned(),
        )
    };
    let generator = match name("emoji_generator").as_deref() {
        Some("to_svg" | "to_svg_sprite") => Generator::Svg,
        Some("to_alt") => Generator::Unicode,
        _ => Generator::Png,
    };
    let index = match name("emoji_index").as_deref() {
        Some("twemoji") => Index::Twemoji,
        Some("gemoji") => Index::Gemoji,
        _ => Index::Emojione,
    };
    let title = match options.and_then(|o| o.get("title")).and_then(Node::as_str) {
        Some("long") => Title::Long,
        Some("none") => Title::None,
        _ => Title::Short,
    };
    Options {
        generator,
        index,
        title,
        icons_dir: None,
    }
}

//! The options of `pymdownx.arithmatex` in `markdown_extensions`, onto
//! [`arithmatex::Options`]; an option not given keeps the extension's default.

use crate::markdown::arithmatex::Options;

use super::tree::{Node, Value};

pub fn read(options: Option<&Node>) -> Options {
    let mut o = Options::default();
    let Some(options) = options else {
        return o;
    };
    let flag = |key: &str, default: bool| match options.get(key).map(|n| &n.value) {
        Some(Value::Bool(b)) => *b,
        _ => default,
    };
    o.generic = flag("generic", o.generic);
    o.preview = flag("preview", o.preview);
    o.smart_dollar = flag("smart_dollar", o.smart_dollar);
    let names = |key: &str| -> Option<Vec<String>> {
        match &options.get(key)?.value {
            Value::Seq(items) => Some(
                items
                    .iter()
                    .filter_map(|i| i.as_str().map(str::to_owned))
                    .collect(),
            ),
            _ => None,
        }
    };
    if let Some(inline) = names("inline_syntax") {
        o.inline_dollar = inline.iter().any(|n| n == "dollar");
        o.inline_round = inline.iter().any(|n| n == "round");
    }
    if let Some(block) = names("block_syntax") {
        o.block_dollar = block.iter().any(|n| n == "dollar");
        o.block_square = block.iter().any(|n| n == "square");
        o.block_begin = block.iter().any(|n| n == "begin");
    }
    let pair = |key: &str| -> Option<(String, String)> {
        match names(key)?.as_slice() {
            [open, close] => Some((open.clone(), close.clone())),
            _ => None,
        }
    };
    if let Some(wrap) = pair("tex_inline_wrap") {
        o.inline_wrap = wrap;
    }
    if let Some(wrap) = pair("tex_block_wrap") {
        o.block_wrap = wrap;
    }
    if let Some(tag) = options.get("inline_tag").and_then(Node::as_str) {
        o.inline_tag = tag.to_owned();
    }
    if let Some(tag) = options.get("block_tag").and_then(Node::as_str) {
        o.block_tag = tag.to_owned();
    }
    o
}

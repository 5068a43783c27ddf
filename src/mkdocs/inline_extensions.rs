//! The inline extensions of pymdown-extensions in `markdown_extensions` (`pymdownx.caret`,
//! `.tilde`, `.mark`, ...) and their options, onto [`inline::Syntax`].

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
        _ => return false,
    }
    true
}

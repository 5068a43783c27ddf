//! A loose YAML tree for `mkdocs.yml`: every node with its tag and line, so that the reader
//! can walk a file written for Python's PyYAML loader.
//!
//! Real `mkdocs.yml` files hold tags no serde type expects: `!!python/name:module.func` (a
//! Python object, an empty scalar), `!!python/object/apply:module.func` (a mapping of
//! arguments) and `!ENV VAR` / `!ENV [VAR, ..., default]`. serde-saphyr keeps unknown tags out
//! of the way of `deserialize_any` and hands them to [`Tagged`] on request; this module reads
//! every node as `Spanned<Tagged<_>>`, so the tag and line stay with the value, and resolves
//! `!ENV` the way MkDocs does.

use std::fmt;
use std::path::Path;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Tagged;

use crate::diagnostics::Diagnostic;
use crate::yaml::{self, Spanned};

/// One YAML node: its value, its tag as the parser resolved it (`!ENV`,
/// `tag:yaml.org,2002:python/name:...`), and the line it starts on.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub tag: Option<String>,
    pub line: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    /// Keys in file order.
    Map(Vec<(Key, Node)>),
}

/// A mapping key and the line it is written on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Key {
    pub name: String,
    pub line: usize,
}

/// The tag PyYAML gives `!!python/...` nodes, as serde-saphyr resolves it.
const PYTHON_TAG: &str = "tag:yaml.org,2002:python/";

/// Parses a whole file; errors carry the file's line and column.
pub fn parse(text: &str, path: &Path) -> Result<Node, Diagnostic> {
    if text.trim().is_empty() {
        return Ok(Node {
            value: Value::Map(Vec::new()),
            tag: None,
            line: 1,
        });
    }
    yaml::parse(text, path, 1)
}

impl Node {
    /// The value under `key` of a mapping.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.entries()
            .iter()
            .find(|(k, _)| k.name == key)
            .map(|(_, v)| v)
    }

    /// A mapping's entries; empty for anything else.
    pub fn entries(&self) -> &[(Key, Node)] {
        match &self.value {
            Value::Map(entries) => entries,
            _ => &[],
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Str(s) => Some(s),
            _ => None,
        }
    }

    pub fn is_null(&self) -> bool {
        self.value == Value::Null
    }

    /// A scalar as text (`site_name: 2024` is a name too); `None` for null and collections.
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Bool(b) => Some(b.to_string()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Null | Value::Seq(_) | Value::Map(_) => None,
        }
    }

    /// `pymdownx.slugs.slugify` for `!!python/name:pymdownx.slugs.slugify` and
    /// `!!python/object/apply:pymdownx.slugs.slugify`.
    pub fn python_object(&self) -> Option<&str> {
        let rest = self.tag.as_deref()?.strip_prefix(PYTHON_TAG)?;
        Some(rest.split_once(':').map_or(rest, |(_, name)| name))
    }

    /// Replaces every `!ENV` node by what it names, looked up with `env`: the first variable
    /// that is set (its text read as a YAML scalar), else the default (the last item of a list
    /// of two or more), else null. MkDocs does the same (the `pyyaml_env_tag` package).
    pub fn resolve_env(&mut self, env: &dyn Fn(&str) -> Option<String>) {
        if self.tag.as_deref() == Some("!ENV") {
            self.tag = None;
            let (names, default) = match std::mem::replace(&mut self.value, Value::Null) {
                Value::Seq(mut items) if items.len() > 1 => {
                    let default = items.pop().map(|n| n.value);
                    (items, default)
                }
                Value::Seq(items) => (items, None),
                scalar => (
                    vec![Node {
                        value: scalar,
                        tag: None,
                        line: self.line,
                    }],
                    None,
                ),
            };
            self.value = names
                .iter()
                .filter_map(Node::scalar_text)
                .find_map(|name| env(&name))
                .map(|text| implicit_scalar(&text))
                .or(default)
                .unwrap_or(Value::Null);
            return;
        }
        match &mut self.value {
            Value::Seq(items) => items.iter_mut().for_each(|n| n.resolve_env(env)),
            Value::Map(entries) => entries.iter_mut().for_each(|(_, n)| n.resolve_env(env)),
            _ => {}
        }
    }

    /// The node as JSON for templates (`site.extra`); tags are dropped.
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), v.to_json()))
                    .collect(),
            ),
        }
    }
}

/// An environment variable's text read the way YAML reads a plain scalar (the core schema).
fn implicit_scalar(text: &str) -> Value {
    let t = text.trim();
    match t {
        "" | "~" | "null" | "Null" | "NULL" => Value::Null,
        "true" | "True" | "TRUE" => Value::Bool(true),
        "false" | "False" | "FALSE" => Value::Bool(false),
        _ => {
            let numeric = t.contains('.')
                && t.chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | 'e' | 'E' | '+' | '-'));
            if let Ok(i) = t.parse::<i64>() {
                Value::Int(i)
            } else if let Some(f) = t.parse::<f64>().ok().filter(|_| numeric) {
                Value::Float(f)
            } else {
                Value::Str(text.to_owned())
            }
        }
    }
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned: Spanned<Tagged<Value>> = Spanned::deserialize(d)?;
        Ok(Node {
            line: spanned.referenced.line() as usize,
            tag: spanned.value.1,
            value: spanned.value.0,
        })
    }
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let spanned: Spanned<String> = Spanned::deserialize(d)?;
        Ok(Key {
            line: spanned.referenced.line() as usize,
            name: spanned.value,
        })
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }

    fn visit_bool<E>(self, b: bool) -> Result<Value, E> {
        Ok(Value::Bool(b))
    }

    fn visit_i64<E>(self, i: i64) -> Result<Value, E> {
        Ok(Value::Int(i))
    }

    fn visit_u64<E: de::Error>(self, u: u64) -> Result<Value, E> {
        Ok(i64::try_from(u).map_or(Value::Float(u as f64), Value::Int))
    }

    fn visit_f64<E>(self, f: f64) -> Result<Value, E> {
        Ok(Value::Float(f))
    }

    fn visit_str<E>(self, s: &str) -> Result<Value, E> {
        Ok(Value::Str(s.to_owned()))
    }

    fn visit_string<E>(self, s: String) -> Result<Value, E> {
        Ok(Value::Str(s))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(node) = seq.next_element::<Node>()? {
            items.push(node);
        }
        Ok(Value::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, node)) = map.next_entry::<Key, Node>()? {
            entries.push((key, node));
        }
        Ok(Value::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(text: &str) -> Node {
        parse(text, Path::new("mkdocs.yml")).unwrap()
    }

    #[test]
    fn python_tags_are_read_past() {
        let t = tree(concat!(
            "emoji: !!python/name:material.extensions.emoji.to_svg\n",
            "slugify: !!python/object/apply:pymdownx.slugs.slugify\n",
            "  kwds:\n",
            "    case: lower\n",
            "after: 3\n",
        ));
        let emoji = t.get("emoji").unwrap();
        assert!(emoji.is_null());
        assert_eq!(
            emoji.python_object(),
            Some("material.extensions.emoji.to_svg")
        );
        let slugify = t.get("slugify").unwrap();
        assert_eq!(slugify.python_object(), Some("pymdownx.slugs.slugify"));
        let case = slugify.get("kwds").and_then(|k| k.get("case")).unwrap();
        assert_eq!(case.as_str(), Some("lower"));
        assert_eq!(case.line, 4);
        assert_eq!(t.get("after").unwrap().value, Value::Int(3));
    }

    #[test]
    fn env_tags_resolve_to_the_variable_its_default_or_null() {
        let mut t = tree(concat!(
            "set: !ENV HOME_IS\n",
            "unset: !ENV NOPE\n",
            "fallback: !ENV [NOPE, ALSO_NOPE, 'the default']\n",
            "second: !ENV [NOPE, PORT, 1]\n",
            "list_of_one: !ENV [NOPE]\n",
            "nested: {deep: [!ENV FLAG]}\n",
        ));
        t.resolve_env(&|name| match name {
            "HOME_IS" => Some("/home/x".to_owned()),
            "PORT" => Some("8000".to_owned()),
            "FLAG" => Some("true".to_owned()),
            _ => None,
        });
        assert_eq!(t.get("set").unwrap().as_str(), Some("/home/x"));
        assert!(t.get("unset").unwrap().is_null());
        assert_eq!(t.get("fallback").unwrap().as_str(), Some("the default"));
        assert_eq!(t.get("second").unwrap().value, Value::Int(8000));
        assert!(t.get("list_of_one").unwrap().is_null());
        assert_eq!(
            t.get("nested").unwrap().to_json(),
            serde_json::json!({"deep": [true]})
        );
    }

    #[test]
    fn keys_and_values_keep_their_lines() {
        let t = tree("# comment\nsite_name: X\nnav:\n  - a.md\n");
        let (key, value) = &t.entries()[1];
        assert_eq!((key.name.as_str(), key.line), ("nav", 3));
        match &value.value {
            Value::Seq(items) => assert_eq!(items[0].line, 4),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn syntax_errors_name_the_line() {
        let err = parse("site_name: x\nnav:\n  - [a.md\n", Path::new("mkdocs.yml")).unwrap_err();
        assert_eq!(err.path, Path::new("mkdocs.yml"));
        assert!(err.line.is_some_and(|l| l >= 3), "{err}");
    }
}

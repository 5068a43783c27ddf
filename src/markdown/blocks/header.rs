//! Reading a `///` block's lines: the header (`/// name | argument`), the end line (`///`),
//! the YAML options indented under the header, the `attrs:` every block takes, and the
//! `tag.class#id[attr=value]` selectors of `/// html`.

use std::path::Path;

use serde_json::Value;

/// A header line: `/// name | argument`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header<'a> {
    /// How many slashes: the end line must have as many.
    pub(super) slashes: usize,
    /// The block's name, lower-cased.
    pub(super) name: String,
    /// What follows `|`, trimmed; `Some("")` for a bare `|`.
    pub(super) argument: Option<&'a str>,
}

/// Reads `/// name | argument` (the line without its indentation).
pub(super) fn parse_header(rest: &str) -> Option<Header<'_>> {
    let slashes = rest.bytes().take_while(|&b| b == b'/').count();
    if slashes < 3 {
        return None;
    }
    let after = rest[slashes..].trim_start_matches(' ');
    let name_len = after
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(after.len());
    if name_len == 0 {
        return None;
    }
    let name = after[..name_len].to_lowercase();
    let tail = after[name_len..].trim_start_matches(' ');
    let argument = match tail.strip_prefix('|') {
        Some(arg) => Some(arg.trim_matches(' ')),
        None if tail.trim_end().is_empty() => None,
        None => return None,
    };
    Some(Header {
        slashes,
        name,
        argument,
    })
}

/// The number of slashes of an end line (`///` alone), if `rest` is one.
pub(super) fn end_length(rest: &str) -> Option<usize> {
    let slashes = rest.bytes().take_while(|&b| b == b'/').count();
    (slashes >= 3 && rest[slashes..].trim_end().is_empty()).then_some(slashes)
}

/// A block's options: the YAML under its header, a mapping of names to values.
pub(super) type Options = serde_json::Map<String, Value>;

/// Reads the options text (already dedented); `None` when it is not a YAML mapping, which
/// makes the header plain text.
pub(super) fn parse_options(text: &str) -> Option<Options> {
    if text.trim().is_empty() {
        return Some(Options::new());
    }
    match crate::yaml::parse::<Value>(text, Path::new(""), 1).ok()? {
        Value::Object(map) => Some(map),
        Value::Null => Some(Options::new()),
        _ => None,
    }
}

/// HTML attributes in the order written; `class` holds the classes joined by spaces.
pub(super) type Attrs = Vec<(String, String)>;

/// Sets an attribute, adding to `class` rather than replacing it.
pub(super) fn set_attr(attrs: &mut Attrs, name: &str, value: &str) {
    match attrs.iter_mut().find(|(k, _)| k == name) {
        Some((_, v)) if name == "class" => {
            if !v.is_empty() && !value.is_empty() {
                v.push(' ');
            }
            v.push_str(value);
        }
        Some((_, v)) => *v = value.to_owned(),
        None => attrs.push((name.to_owned(), value.to_owned())),
    }
}

/// The `attrs:` option: a mapping of attribute names to strings (`class` and `id` checked
/// as names). `None` when it is anything else.
pub(super) fn parse_attrs(value: Option<&Value>) -> Option<Attrs> {
    let Some(value) = value else {
        return Some(Vec::new());
    };
    let Value::Object(map) = value else {
        return None;
    };
    let mut attrs = Attrs::new();
    for (key, value) in map {
        if !is_identifier(key) {
            return None;
        }
        let Value::String(value) = value else {
            return None;
        };
        let key = key.to_lowercase();
        match key.as_str() {
            "class" => {
                let classes: Vec<&str> = value.split(' ').filter(|c| !c.is_empty()).collect();
                if !classes.iter().all(|c| is_identifier(c)) {
                    return None;
                }
                set_attr(&mut attrs, "class", &classes.join(" "));
            }
            "id" if !is_identifier(value) => return None,
            _ => set_attr(&mut attrs, &key, value),
        }
    }
    Some(attrs)
}

/// A CSS-like name: letters, digits, `-` and `_`, not starting with a digit (nor `-digit`).
pub(super) fn is_identifier(s: &str) -> bool {
    let body = s.strip_prefix('-').unwrap_or(s);
    let Some(first) = body.chars().next() else {
        return s == "--";
    };
    (first.is_alphabetic() || first == '_' || (first == '-' && s.starts_with("--")))
        && body
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
}

/// Reads `tag.class#id[name name2=value name3="quoted"]`: the tag (lower-cased) and its
/// attributes, classes sorted as pymdownx sorts them. `None` when it is not one.
pub(super) fn parse_selector(s: &str) -> Option<(String, Attrs)> {
    let tag_len = identifier_len(s);
    if tag_len == 0 {
        return None;
    }
    let tag = s[..tag_len].to_lowercase();
    Some((tag, selector_attrs(&s[tag_len..])?))
}

/// Reads `.class#id[attr=value]` (a selector without its tag): its attributes, classes
/// sorted. `None` when it is not one.
pub(super) fn selector_attrs(mut rest: &str) -> Option<Attrs> {
    let mut id: Option<String> = None;
    let mut classes: Vec<String> = Vec::new();
    let mut others = Attrs::new();
    while let Some(c) = rest.chars().next() {
        match c {
            '#' | '.' => {
                let len = identifier_len(&rest[1..]);
                if len == 0 || (c == '#' && id.is_some()) {
                    return None;
                }
                let name = rest[1..=len].to_owned();
                if c == '#' {
                    id = Some(name);
                } else {
                    classes.push(name);
                }
                rest = &rest[1 + len..];
            }
            '[' => {
                let end = rest.find(']')?;
                read_bracket(&rest[1..end], &mut classes, &mut others)?;
                rest = &rest[end + 1..];
            }
            _ => return None,
        }
    }
    let mut attrs = Attrs::new();
    if let Some(id) = id {
        attrs.push(("id".into(), id));
    }
    if !classes.is_empty() {
        classes.sort();
        attrs.push(("class".into(), classes.join(" ")));
    }
    attrs.extend(others);
    Some(attrs)
}

/// The attributes inside `[...]` of a selector.
fn read_bracket(mut s: &str, classes: &mut Vec<String>, attrs: &mut Attrs) -> Option<()> {
    loop {
        s = s.trim_start_matches([' ', '\t']);
        if s.is_empty() {
            return Some(());
        }
        let len = identifier_len(s);
        if len == 0 {
            return None;
        }
        let name = s[..len].to_lowercase();
        s = s[len..].trim_start_matches([' ', '\t']);
        let value = if let Some(after) = s.strip_prefix('=') {
            let after = after.trim_start_matches([' ', '\t']);
            let (value, rest) = match after.chars().next()? {
                q @ ('"' | '\'') => {
                    let end = after[1..].find(q)? + 1;
                    (&after[1..end], &after[end + 1..])
                }
                _ => {
                    let len = identifier_len(after);
                    if len == 0 {
                        return None;
                    }
                    (&after[..len], &after[len..])
                }
            };
            s = rest;
            value.to_owned()
        } else if name == "class" {
            String::new()
        } else {
            name.clone()
        };
        if name == "class" {
            classes.extend(
                value
                    .split(' ')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned),
            );
        } else {
            set_attr(attrs, &name, &value);
        }
    }
}

/// Length of the identifier `s` starts with (0: none).
fn identifier_len(s: &str) -> usize {
    let len = s
        .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(s.len());
    let mut len = len;
    while len > 0 && !is_identifier(&s[..len]) {
        // `3tag` is no identifier at all; a shorter prefix would not be either.
        if s[..len].starts_with(|c: char| c.is_ascii_digit()) {
            return 0;
        }
        len -= 1;
    }
    len
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers() {
        let h = parse_header("/// note | A *title*").unwrap();
        assert_eq!((h.slashes, h.name.as_str()), (3, "note"));
        assert_eq!(h.argument, Some("A *title*"));
        assert_eq!(parse_header("////Details").unwrap().name, "details");
        assert_eq!(parse_header("/// admonition |").unwrap().argument, Some(""));
        assert_eq!(parse_header("/// tab").unwrap().argument, None);
        assert!(parse_header("// note").is_none());
        assert!(parse_header("/// no/te").is_none());
        assert_eq!(end_length("////  "), Some(4));
        assert_eq!(end_length("/// x"), None);
    }

    #[test]
    fn options_and_attrs() {
        let o = parse_options("type: note\nattrs: {class: 'a b', id: x, data-k: v}\n").unwrap();
        assert_eq!(o["type"], "note");
        let attrs = parse_attrs(o.get("attrs")).unwrap();
        assert!(attrs.contains(&("class".into(), "a b".into())));
        assert!(attrs.contains(&("data-k".into(), "v".into())));
        assert!(parse_options("just words").is_none());
        assert!(parse_attrs(Some(&serde_json::json!({"class": "3x"}))).is_none());
    }

    #[test]
    fn selectors() {
        let (tag, attrs) = parse_selector("div.b.a#x[n1 n2=v n3=\"s v\"]").unwrap();
        assert_eq!(tag, "div");
        assert_eq!(
            attrs,
            [
                ("id".into(), "x".into()),
                ("class".into(), "a b".into()),
                ("n1".into(), "n1".into()),
                ("n2".into(), "v".into()),
                ("n3".into(), "s v".into())
            ]
        );
        assert!(parse_selector("div.+").is_none());
        assert!(parse_selector("3tag").is_none());
        assert!(parse_selector("").is_none());
    }
}

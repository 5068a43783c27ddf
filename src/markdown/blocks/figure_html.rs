//! The HTML side of `/// caption` figures ([`super::figures`]): how many elements an HTML
//! block opens or closes, the opening tag of a new figure, and the classes, id and other
//! attributes a caption adds to a figure written in HTML.

use pulldown_cmark::CowStr;

use super::caption::Caption;
use super::header::{Attrs, set_attr};
use crate::markdown::escape_attr;

/// How many elements an HTML block leaves open (negative: closes). Comments, void elements
/// and self-closing tags count nothing.
pub(super) fn balance(html: &str) -> isize {
    let mut n = 0isize;
    let mut rest = html;
    while let Some(at) = rest.find('<') {
        rest = &rest[at + 1..];
        if let Some(after) = rest.strip_prefix("!--") {
            rest = after.find("-->").map_or("", |end| &after[end + 3..]);
            continue;
        }
        let closing = rest.starts_with('/');
        let name_at = usize::from(closing);
        let name_len = rest[name_at..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
            .unwrap_or(rest.len() - name_at);
        let name = &rest[name_at..name_at + name_len];
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            continue;
        }
        let Some(end) = rest.find('>') else {
            break;
        };
        let self_closing = rest[..end].ends_with('/');
        if closing {
            n -= 1;
        } else if !self_closing && !is_void(name) {
            n += 1;
        }
        rest = &rest[end + 1..];
    }
    n
}

fn is_void(name: &str) -> bool {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr",
    ];
    VOID.iter().any(|v| v.eq_ignore_ascii_case(name))
}

/// The opening tag of a figure this pass writes: the type's classes, then the attributes.
pub(super) fn figure_tag(fig: &Caption) -> String {
    let mut attrs = Attrs::new();
    if !fig.classes.is_empty() {
        attrs.push(("class".into(), fig.classes.join(" ")));
    }
    for (k, v) in &fig.attrs {
        set_attr(&mut attrs, k, v);
    }
    let mut out = String::from("<figure");
    for (k, v) in &attrs {
        out.push_str(&format!(" {k}=\"{v}\""));
    }
    out.push_str(">\n");
    out
}

/// An existing figure's opening tag with the caption's classes and attributes added.
pub(super) fn add_attrs(tag: &CowStr<'_>, fig: &Caption) -> String {
    let mut out = tag.to_string();
    for class in &fig.classes {
        let has = attr_value(&out, "class").is_some_and(|v| v.split(' ').any(|c| c == class));
        if !has {
            out = set_tag_attr(&out, "class", class, true);
        }
    }
    for (k, v) in &fig.attrs {
        out = set_tag_attr(&out, k, v, k == "class");
    }
    out
}

/// The value of `name="..."` in the first tag of `html`.
pub(super) fn attr_value<'h>(html: &'h str, name: &str) -> Option<&'h str> {
    let end = html.find('>')?;
    let pattern = format!(" {name}=\"");
    let at = html[..end].find(&pattern)? + pattern.len();
    let len = html[at..].find('"')?;
    Some(&html[at..at + len])
}

/// Sets (or, with `add`, adds a word to) an attribute of the first tag of `html`; the value
/// is already escaped.
pub(super) fn set_tag_attr(html: &str, name: &str, value: &str, add: bool) -> String {
    let Some(end) = html.find('>') else {
        return html.to_owned();
    };
    let pattern = format!(" {name}=\"");
    if let Some(at) = html[..end].find(&pattern) {
        let start = at + pattern.len();
        let len = html[start..].find('"').unwrap_or(0);
        let old = &html[start..start + len];
        let new = if add && !old.is_empty() {
            format!("{old} {value}")
        } else {
            value.to_owned()
        };
        return format!("{}{new}{}", &html[..start], &html[start + len..]);
    }
    let at = if html[..end].ends_with('/') {
        end - 1
    } else {
        end
    };
    format!(
        "{} {name}=\"{}\"{}",
        &html[..at],
        escape_attr_once(value),
        &html[at..]
    )
}

/// Values reaching here are escaped already; this only guards against a stray quote.
fn escape_attr_once(value: &str) -> String {
    if value.contains('"') {
        escape_attr(value)
    } else {
        value.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn balances() {
        assert_eq!(balance("<div class=\"a\">\n<p class=\"t\">T</p>\n"), 1);
        assert_eq!(balance("</div>\n"), -1);
        assert_eq!(balance("<!-- <div> -->\n<br><img src=x />"), 0);
        assert_eq!(balance("</div></details>"), -2);
    }

    #[test]
    fn tag_attributes() {
        let tag = set_tag_attr("<figure class=\"a\">\n", "class", "b", true);
        assert_eq!(tag, "<figure class=\"a b\">\n");
        assert_eq!(
            set_tag_attr("<figure>", "id", "x", false),
            "<figure id=\"x\">"
        );
        assert_eq!(attr_value("<figure id=\"x\">", "id"), Some("x"));
    }
}

//! pymdownx.keys: `++ctrl+alt+delete++` becomes `<span class="keys">` holding one `<kbd>` a
//! key, joined by `<span>+</span>`. Keys are names from [`keys_table`] (or the site's
//! `key_map`), or quoted text (`++ctrl+"My key"++`); one unknown name leaves it all as text.
//! Runs over the text events after pulldown-cmark, so code and link addresses are left alone.

use std::collections::BTreeMap;

use pulldown_cmark::{CowStr, Event};

use super::keys_table;
use crate::markdown::escape_attr;

/// The options of pymdownx.keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// Shown between keys (`+`); empty leaves the separator out.
    pub separator: String,
    /// `<kbd>` as the wrapper instead of `<span>` (HTML5's nested keyboard input).
    pub strict: bool,
    /// The wrapper's class.
    pub class: String,
    /// `PgUp` is `pg-up`.
    pub camel_case: bool,
    /// Labels for new keys or in place of the built-in ones.
    pub key_map: BTreeMap<String, String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            separator: "+".to_owned(),
            strict: false,
            class: "keys".to_owned(),
            camel_case: false,
            key_map: BTreeMap::new(),
        }
    }
}

/// Stands for a backslash-escaped character inside the joined text of a run of events.
const ESCAPED: char = '\0';

/// Rewrites the `++…++` in `events`; a page without `++` in its text is returned untouched.
pub(super) fn apply<'e>(events: Vec<Event<'e>>, options: &Options) -> Vec<Event<'e>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if t.contains("++")))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    // Text and escaped characters since the last other event, joined.
    let mut run = String::new();
    for event in events {
        match &event {
            Event::Text(t) => run.push_str(t),
            Event::InlineHtml(h) if is_escaped_char(h) => {
                run.push(ESCAPED);
                run.push_str(h);
            }
            _ => {
                flush(&mut run, options, &mut out);
                out.push(event);
            }
        }
    }
    flush(&mut run, options, &mut out);
    out
}

/// What [`crate::markdown::events`] makes of a backslash-escaped mark: the character alone.
fn is_escaped_char(html: &str) -> bool {
    let mut chars = html.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c != '<')
}

/// Writes a run of text, with its keys, as events.
fn flush(run: &mut String, options: &Options, out: &mut Vec<Event<'_>>) {
    let text = std::mem::take(run);
    let mut plain = String::new();
    let mut i = 0;
    while i < text.len() {
        if text[i..].starts_with("++")
            && let Some((html, len)) = keys(&text[i..], options)
        {
            push_plain(&mut plain, out);
            out.push(Event::InlineHtml(html.into()));
            i += len;
            continue;
        }
        // An escaped character is taken with its marker, so it never starts a key.
        let mut chars = text[i..].chars();
        let c = chars.next().unwrap_or(ESCAPED);
        let take = match (c, chars.next()) {
            (ESCAPED, Some(next)) => 1 + next.len_utf8(),
            _ => c.len_utf8(),
        };
        plain.push_str(&text[i..i + take]);
        i += take;
    }
    push_plain(&mut plain, out);
}

/// Text as events again, escaped characters standing alone as they came.
fn push_plain(plain: &mut String, out: &mut Vec<Event<'_>>) {
    let text = std::mem::take(plain);
    let mut parts = text.split(ESCAPED);
    if let Some(first) = parts.next().filter(|p| !p.is_empty()) {
        out.push(Event::Text(CowStr::from(first.to_owned())));
    }
    for part in parts {
        let mut chars = part.chars();
        if let Some(c) = chars.next() {
            out.push(Event::InlineHtml(c.to_string().into()));
        }
        if !chars.as_str().is_empty() {
            out.push(Event::Text(CowStr::from(chars.as_str().to_owned())));
        }
    }
}

/// The HTML of the keys at the start of `text` (which starts with `++`), and their length.
fn keys(text: &str, options: &Options) -> Option<(String, usize)> {
    let mut rest = &text[2..];
    let mut kbds = Vec::new();
    loop {
        let (kbd, len) = key(rest, options)?;
        kbds.push(kbd);
        rest = &rest[len..];
        if let Some(after) = rest.strip_prefix("++") {
            let tag = if options.strict { "kbd" } else { "span" };
            let separator = match options.separator.as_str() {
                "" => String::new(),
                s => format!("<span>{}</span>", escape_attr(s)),
            };
            let html = format!(
                "<{tag} class=\"{}\">{}</{tag}>",
                escape_attr(&options.class),
                kbds.join(&separator)
            );
            return Some((html, text.len() - after.len()));
        }
        rest = rest.strip_prefix('+')?;
    }
}

/// One key at the start of `text`: its `<kbd>` and its length.
fn key(text: &str, options: &Options) -> Option<(String, usize)> {
    let quote = text.chars().next().filter(|c| *c == '"' || *c == '\'');
    if let Some(q) = quote {
        let mut shown = String::new();
        let mut chars = text[1..].char_indices();
        while let Some((i, c)) = chars.next() {
            match c {
                ESCAPED => shown.extend(chars.next().map(|(_, c)| c)),
                c if c == q && !shown.is_empty() => {
                    return Some((format!("<kbd>{}</kbd>", escape_attr(&shown)), i + 2));
                }
                c if c == q => return None,
                c => shown.push(c),
            }
        }
        return None;
    }
    let len = text
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
        .unwrap_or(text.len());
    if len == 0 {
        return None;
    }
    let name = normalise(&text[..len], options.camel_case);
    let (key, label) = match keys_table::lookup(&name) {
        Some((key, label)) => {
            let label = options.key_map.get(&key).cloned().unwrap_or(label);
            (key, label)
        }
        None => (name.clone(), options.key_map.get(&name)?.clone()),
    };
    let kbd = format!(
        "<kbd class=\"key-{}\">{}</kbd>",
        escape_attr(&key),
        escape_attr(&label)
    );
    Some((kbd, len))
}

/// A key name as the table has it: lower case, and with `camel_case` a hyphen before each
/// capital after the first letter (`PgDn` is `pg-dn`).
fn normalise(name: &str, camel_case: bool) -> String {
    let mut out = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if camel_case && i > 0 && c.is_ascii_uppercase() && !out.ends_with('-') {
            out.push('-');
        }
        out.push(c.to_ascii_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    fn html(markdown: &str, options: &Options) -> String {
        let events: Vec<Event<'_>> = Parser::new(markdown).collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, apply(events, options).into_iter());
        html.trim_end().to_owned()
    }

    #[test]
    fn keys_become_kbd_elements_in_a_span() {
        let o = Options::default();
        assert_eq!(
            html("Press ++ctrl+alt+del++ now", &o),
            "<p>Press <span class=\"keys\"><kbd class=\"key-control\">Ctrl</kbd><span>+</span>\
             <kbd class=\"key-alt\">Alt</kbd><span>+</span><kbd class=\"key-delete\">Del</kbd>\
             </span> now</p>"
        );
        assert_eq!(
            html("++ctrl+'My key'++", &o),
            "<p><span class=\"keys\"><kbd class=\"key-control\">Ctrl</kbd><span>+</span>\
             <kbd>My key</kbd></span></p>"
        );
    }

    #[test]
    fn unknown_names_and_code_stay_text() {
        let o = Options::default();
        assert_eq!(html("++ctrl+nope++", &o), "<p>++ctrl+nope++</p>");
        assert_eq!(html("`++ctrl++`", &o), "<p><code>++ctrl++</code></p>");
    }

    #[test]
    fn options_change_names_labels_and_wrapper() {
        let mut o = Options {
            camel_case: true,
            strict: true,
            separator: String::new(),
            ..Options::default()
        };
        o.key_map.insert("page-down".into(), "PgDn".into());
        assert_eq!(
            html("++Shift+PageDown++", &o),
            "<p><kbd class=\"keys\"><kbd class=\"key-shift\">Shift</kbd>\
             <kbd class=\"key-page-down\">PgDn</kbd></kbd></p>"
        );
    }
}

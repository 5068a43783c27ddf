//! Attribute lists (Python-Markdown `attr_list`): `{ .class #id key="value" }` after a link or
//! an image, or on its own last line of a paragraph (`{: .lead }`), sets that element's
//! attributes. (Headings get theirs from pulldown-cmark's heading attributes.)

use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_attr;
use super::plain_text::PlainText;

/// Parsed `{ ... }`: classes, an id and other attributes, in order.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Attrs {
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub pairs: Vec<(String, String)>,
}

impl Attrs {
    /// Parses the inside of `{...}` (a leading `:` allowed). `None` when it is not an
    /// attribute list, so ordinary braces in text are left alone.
    pub fn parse(inner: &str) -> Option<Attrs> {
        let inner = inner.trim();
        let inner = inner.strip_prefix(':').unwrap_or(inner).trim();
        if inner.is_empty() {
            return None;
        }
        let mut attrs = Attrs::default();
        let mut rest = inner;
        while !rest.is_empty() {
            if let Some(r) = rest.strip_prefix('#') {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                attrs.id = Some(r[..end].to_owned());
                rest = &r[end..];
            } else if let Some(r) = rest.strip_prefix('.') {
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
                attrs.classes.push(r[..end].to_owned());
                rest = &r[end..];
            } else {
                let key_end = rest
                    .find(|c: char| c == '=' || c.is_whitespace())
                    .unwrap_or(rest.len());
                let key = &rest[..key_end];
                if key.is_empty()
                    || !key
                        .chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | ':'))
                {
                    return None;
                }
                rest = &rest[key_end..];
                let value = match rest.strip_prefix('=') {
                    Some(after) => {
                        let (value, remaining) = match after.chars().next() {
                            Some(q @ ('"' | '\'')) => {
                                let close = after[1..].find(q)? + 1;
                                (&after[1..close], &after[close + 1..])
                            }
                            _ => {
                                let end = after.find(char::is_whitespace).unwrap_or(after.len());
                                (&after[..end], &after[end..])
                            }
                        };
                        rest = remaining;
                        value
                    }
                    None => key,
                };
                attrs.pairs.push((key.to_owned(), value.to_owned()));
            }
            rest = rest.trim_start();
        }
        Some(attrs)
    }

    /// ` class="a b" id="x" k="v"`.
    pub fn to_html(&self) -> String {
        let mut out = String::new();
        if !self.classes.is_empty() {
            let _ = write!(out, " class=\"{}\"", escape_attr(&self.classes.join(" ")));
        }
        if let Some(id) = &self.id {
            let _ = write!(out, " id=\"{}\"", escape_attr(id));
        }
        for (k, v) in &self.pairs {
            let _ = write!(out, " {}=\"{}\"", escape_attr(k), escape_attr(v));
        }
        out
    }
}

/// A leading `{...}` of `text`: the attributes and the byte length of the list.
fn leading(text: &str) -> Option<(Attrs, usize)> {
    let inner = text.strip_prefix('{')?;
    let close = inner.find('}')?;
    Some((Attrs::parse(&inner[..close])?, close + 2))
}

/// Applies attribute lists in a rendered event stream; returns the ids they set.
pub fn apply(events: &mut [Event<'_>]) -> Vec<String> {
    let mut ids = Vec::new();
    for i in 0..events.len() {
        let attrs = match &events[i] {
            Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => attach_inline(events, i),
            Event::End(TagEnd::Paragraph) => attach_paragraph(events, i),
            _ => None,
        };
        ids.extend(attrs.and_then(|a| a.id));
    }
    ids
}

/// `[text](url){ .x }` / `![alt](src){ .x }`: the element closed at `end`.
fn attach_inline(events: &mut [Event<'_>], end: usize) -> Option<Attrs> {
    let Some(Event::Text(next)) = events.get(end + 1) else {
        return None;
    };
    let (attrs, len) = leading(next)?;
    let rest = next[len..].to_owned();
    let start = find_start(events, end)?;
    match &events[start] {
        Event::Start(Tag::Link {
            dest_url, title, ..
        }) => {
            let mut html = format!("<a href=\"{}\"", escape_attr(dest_url));
            if !title.is_empty() {
                let _ = write!(html, " title=\"{}\"", escape_attr(title));
            }
            html.push_str(&attrs.to_html());
            html.push('>');
            events[start] = Event::InlineHtml(html.into());
            events[end] = Event::InlineHtml("</a>".into());
        }
        Event::Start(Tag::Image {
            dest_url, title, ..
        }) => {
            let mut alt = PlainText::default();
            for e in &events[start + 1..end] {
                alt.push(e);
            }
            let mut html = format!(
                "<img src=\"{}\" alt=\"{}\"",
                escape_attr(dest_url),
                escape_attr(&alt.finish())
            );
            if !title.is_empty() {
                let _ = write!(html, " title=\"{}\"", escape_attr(title));
            }
            html.push_str(&attrs.to_html());
            html.push_str(" />");
            events[start] = Event::InlineHtml(html.into());
            for e in &mut events[start + 1..=end] {
                *e = Event::Text(CowStr::Borrowed(""));
            }
        }
        _ => return None,
    }
    events[end + 1] = Event::Text(rest.into());
    Some(attrs)
}

/// A paragraph whose last line is `{: ... }`.
fn attach_paragraph(events: &mut [Event<'_>], end: usize) -> Option<Attrs> {
    let Some(Event::Text(last)) = end.checked_sub(1).map(|i| &events[i]) else {
        return None;
    };
    let trimmed = last.trim_end();
    let open = trimmed.rfind('{')?;
    if !trimmed.ends_with('}') {
        return None;
    }
    let attrs = Attrs::parse(&trimmed[open + 1..trimmed.len() - 1])?;
    let start = find_start(events, end)?;
    if !matches!(events[start], Event::Start(Tag::Paragraph)) {
        return None;
    }
    let kept = trimmed[..open].trim_end().to_owned();
    events[end - 1] = Event::Text(kept.into());
    if kept_is_empty_after_break(events, end) {
        events[end - 2] = Event::Text(CowStr::Borrowed(""));
    }
    events[start] = Event::Html(format!("<p{}>", attrs.to_html()).into());
    events[end] = Event::Html("</p>\n".into());
    Some(attrs)
}

fn kept_is_empty_after_break(events: &[Event<'_>], end: usize) -> bool {
    matches!(&events[end - 1], Event::Text(t) if t.is_empty())
        && end >= 2
        && matches!(events[end - 2], Event::SoftBreak)
}

/// The index of the `Start` matching the `End` at `end`.
fn find_start(events: &[Event<'_>], end: usize) -> Option<usize> {
    let mut depth = 0usize;
    for i in (0..end).rev() {
        match &events[i] {
            Event::End(_) => depth += 1,
            Event::Start(_) if depth == 0 => return Some(i),
            Event::Start(_) => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_attribute_lists() {
        let a = Attrs::parse(": .lead #intro data-x=\"1 2\" hidden").unwrap();
        assert_eq!(a.classes, ["lead"]);
        assert_eq!(a.id.as_deref(), Some("intro"));
        assert_eq!(
            a.pairs,
            vec![
                ("data-x".into(), "1 2".into()),
                ("hidden".into(), "hidden".into())
            ]
        );
        assert_eq!(
            a.to_html(),
            " class=\"lead\" id=\"intro\" data-x=\"1 2\" hidden=\"hidden\""
        );
        assert!(Attrs::parse("x + y").is_none());
        assert!(Attrs::parse("").is_none());
    }
}

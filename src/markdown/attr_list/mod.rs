//! Attribute lists (Python-Markdown `attr_list`): `{ .class #id key="value" }` right after a
//! link, an image, emphasis, strong, code or an emoji ([`emoji`]), on its own last line of a
//! paragraph, list item or definition (`{: .lead }`), or after a space at the end of a
//! definition term or a table cell, sets that element's attributes. Braces that are not an
//! attribute list stay text. (Headings get theirs from pulldown-cmark's heading attributes.)

use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_attr;
use super::plain_text::PlainText;

mod emoji;
mod plain;
pub(super) use plain::WithoutLists;

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
            } else if let Some(r) = rest.strip_prefix('=') {
                // A value without a key is ignored, as Python-Markdown does.
                let end = r.find(char::is_whitespace).unwrap_or(r.len());
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
                            Some(q @ ('"' | '\'')) if after[1..].contains(q) => {
                                let close = after[1..].find(q).map_or(0, |c| c + 1);
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
        (attrs != Attrs::default()).then_some(attrs)
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
            write_pair(&mut out, k, v);
        }
        out
    }
}

/// Writes ` key="value"`, or ` key` alone when the value is the key, as Python-Markdown
/// writes a key without value (`{ data-preview }` gives `data-preview`, an empty value).
pub(super) fn write_pair(out: &mut String, key: &str, value: &str) {
    if key == value {
        let _ = write!(out, " {}", escape_attr(key));
    } else {
        let _ = write!(out, " {}=\"{}\"", escape_attr(key), escape_attr(value));
    }
}

/// An attribute list ending a heading's text after a space (`Title {data-x="{}"}`): the
/// attributes and where the list, with the spaces before it, starts. For the headings whose
/// list pulldown-cmark does not read (quoted values holding braces or spaces).
pub fn heading_tail(text: &str) -> Option<(Attrs, usize)> {
    let body = text.trim_end_matches(' ').strip_suffix('}')?;
    let open = body.find(" {")?;
    let inner = &body[open + 2..];
    let first = inner.trim_start_matches(':').trim_start_matches(' ');
    if first.starts_with('}') || first.is_empty() || has_bare_brace(inner) {
        return None;
    }
    let attrs = Attrs::parse(inner)?;
    let start = text[..open].trim_end_matches(' ').len();
    Some((attrs, start))
}

/// Whether a `}` stands outside a quoted value (`{.a} }`): then the braces are text.
fn has_bare_brace(inner: &str) -> bool {
    let mut quote = None;
    let mut prev = ' ';
    for c in inner.chars() {
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if (c == '"' || c == '\'') && prev == '=' => quote = Some(c),
            None if c == '}' => return true,
            None => {}
        }
        prev = c;
    }
    false
}

/// A leading `{...}` of `text`: the attributes and the byte length of the list.
fn leading(text: &str) -> Option<(Attrs, usize)> {
    let inner = text.strip_prefix('{')?;
    let close = inner.find('}')?;
    Some((Attrs::parse(&inner[..close])?, close + 2))
}

/// Applies attribute lists in a rendered event stream; returns the ids they set.
pub fn apply(events: &mut Vec<Event<'_>>) -> Vec<String> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if memchr::memchr(b'{', t.as_bytes()).is_some()))
    {
        return Vec::new();
    }
    merge_text(events);
    let mut ids = Vec::new();
    let mut in_head = false;
    for i in 0..events.len() {
        let attrs = match &events[i] {
            Event::Start(Tag::TableHead) => {
                in_head = true;
                None
            }
            Event::End(TagEnd::TableHead) => {
                in_head = false;
                None
            }
            Event::End(TagEnd::Link | TagEnd::Image) => attach_inline(events, i),
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Strikethrough) => {
                attach_span(events, i)
            }
            Event::Code(_) => attach_code(events, i),
            Event::InlineHtml(h) if h.starts_with("<code") && h.ends_with("</code>") => {
                attach_highlighted_code(events, i)
            }
            Event::InlineHtml(h) if emoji::is_emoji(h) => emoji::attach(events, i),
            Event::End(TagEnd::Paragraph | TagEnd::Item | TagEnd::DefinitionListDefinition) => {
                attach_block(events, i, Block::OwnLine)
            }
            Event::End(TagEnd::DefinitionListTitle) => attach_block(events, i, Block::AtEnd),
            Event::End(TagEnd::TableCell) => {
                let name = if in_head { "th" } else { "td" };
                attach_block(events, i, Block::Cell(name))
            }
            _ => None,
        };
        ids.extend(attrs.and_then(|a| a.id));
    }
    ids
}

/// Joins consecutive text events (pulldown-cmark splits text at `_`, `*`, ...), so that an
/// attribute list is one text.
fn merge_text(events: &mut Vec<Event<'_>>) {
    let mut merged: Vec<Event<'_>> = Vec::with_capacity(events.len());
    for event in events.drain(..) {
        if let (Event::Text(next), Some(Event::Text(prev))) = (&event, merged.last_mut()) {
            *prev = format!("{prev}{next}").into();
            continue;
        }
        merged.push(event);
    }
    *events = merged;
}

/// The attribute list that the text after `at` starts with; the text keeps what follows it.
fn take_leading(events: &mut [Event<'_>], at: usize) -> Option<Attrs> {
    let Some(Event::Text(next)) = events.get(at + 1) else {
        return None;
    };
    let (attrs, len) = leading(next)?;
    events[at + 1] = Event::Text(next[len..].to_owned().into());
    Some(attrs)
}

/// `*em*{ .x }`, `**strong**{ .x }`, `~~del~~{ .x }`: the element closed at `end`.
fn attach_span(events: &mut [Event<'_>], end: usize) -> Option<Attrs> {
    let name = match events[end] {
        Event::End(TagEnd::Emphasis) => "em",
        Event::End(TagEnd::Strong) => "strong",
        _ => "del",
    };
    let start = find_start(events, end)?;
    let attrs = take_leading(events, end)?;
    events[start] = Event::InlineHtml(format!("<{name}{}>", attrs.to_html()).into());
    events[end] = Event::InlineHtml(format!("</{name}>").into());
    Some(attrs)
}

/// `` `code`{ .x } ``.
fn attach_code(events: &mut [Event<'_>], at: usize) -> Option<Attrs> {
    let attrs = take_leading(events, at)?;
    let Event::Code(code) = &events[at] else {
        return None;
    };
    let html = format!("<code{}>{}</code>", attrs.to_html(), escape_attr(code));
    events[at] = Event::InlineHtml(html.into());
    Some(attrs)
}

/// `` `#!python x`{ .x } ``: inline code pymdownx.inlinehilite has written already (one
/// event from `<code` to `</code>`; raw HTML comes tag by tag). Its classes come first.
fn attach_highlighted_code(events: &mut [Event<'_>], at: usize) -> Option<Attrs> {
    let Event::InlineHtml(html) = &events[at] else {
        return None;
    };
    let html = html.to_string();
    let open_end = html.find('>')?;
    let mut attrs = take_leading(events, at)?;
    let open = &html[..open_end];
    if let Some(start) = open.find(" class=\"") {
        let value = &open[start + 8..];
        let value = &value[..value.find('"')?];
        let mut classes: Vec<String> = value.split_whitespace().map(str::to_owned).collect();
        classes.append(&mut attrs.classes);
        attrs.classes = classes;
    }
    let code = &html[open_end + 1..];
    events[at] = Event::InlineHtml(format!("<code{}>{code}", attrs.to_html()).into());
    Some(attrs)
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

/// Where a block element's attribute list is written.
#[derive(Clone, Copy)]
enum Block {
    /// On a line of its own, the last of a paragraph, list item or definition.
    OwnLine,
    /// At the end of a definition term, after a space.
    AtEnd,
    /// At the end of a table cell, after a space (`th` or `td`).
    Cell(&'static str),
}

/// A block element whose text ends with an attribute list: the element closed at `end`.
fn attach_block(events: &mut [Event<'_>], end: usize, place: Block) -> Option<Attrs> {
    let start = find_start(events, end)?;
    // A list item's text comes before its nested list.
    let mut last = end.checked_sub(1)?;
    if matches!(events[end], Event::End(TagEnd::Item))
        && matches!(events[last], Event::End(TagEnd::List(_)))
    {
        last = find_start(events, last)?.checked_sub(1)?;
    }
    let Event::Text(text) = &events[last] else {
        return None;
    };
    let trimmed = text.trim_end();
    let inner = trimmed.strip_suffix('}')?;
    let open = inner.rfind('{')?;
    let before = &trimmed[..open];
    let own_line = before.trim().is_empty()
        && last > start + 1
        && matches!(events[last - 1], Event::SoftBreak);
    let fits = match place {
        Block::OwnLine => own_line,
        Block::AtEnd | Block::Cell(_) => before.ends_with(' ') && !before.trim().is_empty(),
    };
    if !fits {
        return None;
    }
    let attrs = Attrs::parse(&inner[open + 1..])?;
    let kept = before.trim_end().to_owned();
    events[last] = Event::Text(kept.into());
    if own_line {
        events[last - 1] = Event::Text(CowStr::Borrowed(""));
    }
    let name = match (&events[start], place) {
        (Event::Start(Tag::Paragraph), _) => "p",
        (Event::Start(Tag::Item), _) => "li",
        (Event::Start(Tag::DefinitionListTitle), _) => "dt",
        (Event::Start(Tag::DefinitionListDefinition), _) => "dd",
        (Event::Start(Tag::TableCell), Block::Cell(name)) => name,
        _ => return None,
    };
    events[start] = Event::Html(format!("<{name}{}>", attrs.to_html()).into());
    if !matches!(place, Block::Cell(_)) {
        events[end] = Event::Html(format!("</{name}>\n").into());
    }
    Some(attrs)
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
mod tests;

//! Heading ids and the table of contents.
//!
//! Ids are the ones MkDocs gives (Python-Markdown's `toc` slugify), so `page.md#anchor` links
//! written against an MkDocs site keep working: ASCII-folded, lower-cased, everything but
//! letters, digits, `_`, `-` and spaces dropped, runs of spaces and hyphens turned into one `-`;
//! a repeated id gets `_1`, `_2`, ...

use std::borrow::Cow;
use std::fmt::Write as _;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::escape_attr;
use super::events::{Pass, Stream};
use super::plain_text::PlainText;

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Python-Markdown's default `toc` slugify.
pub fn slugify(text: &str) -> String {
    // ASCII text is its own NFKD form.
    let folded: Cow<'_, str> = match text.is_ascii() {
        true => Cow::Borrowed(text),
        false => Cow::Owned(text.nfkd().filter(char::is_ascii).collect()),
    };
    // One pass over the (now ASCII) bytes. Word characters are kept, lower-cased; anything
    // else but `-` and white space is dropped; a run of `-` and white space between words is
    // one `-`. White space at either end goes, a `-` there stays (as one `-`).
    let mut out = String::with_capacity(folded.len());
    let (mut space, mut dash) = (false, false);
    for b in folded.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' {
            if dash || (space && !out.is_empty()) {
                out.push('-');
            }
            (space, dash) = (false, false);
            out.push(char::from(b.to_ascii_lowercase()));
        } else if b == b'-' {
            dash = true;
        } else if b.is_ascii_whitespace() {
            space = true;
        }
    }
    if dash {
        out.push('-');
    }
    out
}

/// `pymdownx.slugs.slugify`: Unicode kept (NFC), optionally lower-cased, everything but word
/// characters, `-` and spaces dropped, each space turned into `-`.
pub fn slugify_unicode(text: &str, lowercase: bool) -> String {
    let normalized: String = text.nfc().collect();
    let trimmed = normalized.trim();
    let cased = if lowercase {
        trimmed.to_lowercase()
    } else {
        trimmed.to_owned()
    };
    cased
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The slug of a heading's text in the site's style.
pub fn slug(text: &str, style: super::SlugStyle) -> String {
    match style {
        super::SlugStyle::Toc => slugify(text),
        super::SlugStyle::Unicode { lowercase } => slugify_unicode(text, lowercase),
    }
}

/// A heading's `{ #id .class key=value }` attributes with `id="..."` and `class="..."` pairs
/// folded into the id and the classes (quotes around values removed).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HeadingAttrs {
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub others: Vec<(String, String)>,
}

impl HeadingAttrs {
    pub fn new(
        id: Option<&str>,
        classes: &[impl AsRef<str>],
        attrs: &[(impl AsRef<str>, Option<impl AsRef<str>>)],
    ) -> Self {
        let mut out = HeadingAttrs {
            id: id.map(str::to_owned),
            classes: classes.iter().map(|c| c.as_ref().to_owned()).collect(),
            others: Vec::new(),
        };
        for (name, value) in attrs {
            let value = unquote(value.as_ref().map_or("", |v| v.as_ref())).to_owned();
            match name.as_ref() {
                "id" => out.id = Some(value),
                "class" => out
                    .classes
                    .extend(value.split_whitespace().map(str::to_owned)),
                other => out.others.push((other.to_owned(), value)),
            }
        }
        out
    }
}

/// A value without the quotes around it; a quote with no partner stays (`"dry`).
fn unquote(value: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = value.strip_prefix(q).and_then(|v| v.strip_suffix(q)) {
            return inner;
        }
    }
    value
}

/// One heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Plain text, for the table of contents.
    pub title: String,
}

/// A table-of-contents entry: an `h2` with the `h3`s under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// Builds a two-level table of contents from the `h2`/`h3` headings.
pub fn toc(headings: &[Heading]) -> Vec<TocEntry> {
    let mut out: Vec<TocEntry> = Vec::new();
    for h in headings {
        let entry = TocEntry {
            id: h.id.clone(),
            title: h.title.clone(),
            children: Vec::new(),
        };
        match (h.level, out.last_mut()) {
            (2, _) | (3, None) => out.push(entry),
            (3, Some(parent)) => parent.children.push(entry),
            _ => {}
        }
    }
    out
}

/// Whether a heading in `text` may set its own id (`# Title {#id}`): some line holds a `{`
/// after a `#` or comes before a setext underline (in block quotes too). Without one, no heading does, and ids can
/// be handed out as the headings come.
pub(super) fn may_set_ids(text: &str) -> bool {
    // Only the lines with a `{` matter, found by one byte search over the whole text.
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = memchr::memchr(b'{', &bytes[from..]) {
        let brace = from + found;
        let line_start = memchr::memrchr(b'\n', &bytes[..brace]).map_or(0, |i| i + 1);
        let line_end = memchr::memchr(b'\n', &bytes[brace..]).map_or(bytes.len(), |i| brace + i);
        // The first `{` of its line: a `#` before it may make it a heading's attributes.
        let atx = memchr::memchr(b'#', &bytes[line_start..brace]).is_some();
        let setext = line_end < bytes.len() && {
            let rest = &text[line_end + 1..];
            let next = &rest[..memchr::memchr(b'\n', rest.as_bytes()).unwrap_or(rest.len())];
            let next = next.trim_start_matches(['>', ' ', '\t']).trim_end();
            !next.is_empty() && (next.bytes().all(|b| b == b'=') || next.bytes().all(|b| b == b'-'))
        };
        if atx || setext {
            return true;
        }
        from = line_end;
    }
    false
}

/// Event part: a heading gets its id (the one written, or a unique slug of its text) and a
/// permalink, and is recorded for the table of contents; the first H1 is the page's title.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    rest: &mut Stream<'_, 'e>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let Event::Start(Tag::Heading {
        level,
        id,
        classes,
        attrs,
    }) = event
    else {
        return Some(event);
    };
    let open_at = out.len();
    out.push(Event::Html(CowStr::Borrowed("")));
    let mut text = PlainText::default();
    let mut plain = super::attr_list::WithoutLists::new(pass.input.features.attr_list);
    for (mut e, range) in rest.by_ref() {
        if matches!(e, Event::End(TagEnd::Heading(_))) {
            break;
        }
        // Links in headings are rewritten and checked like any other.
        pass.rewrite_dest(&mut e, &range);
        if let Event::Text(t) = &e
            && pass.input.features.inline.emoji.is_some()
            && super::inline::emoji::may_have(t)
        {
            // Emoji apply in headings too; the title keeps what is text of them.
            let from = out.len();
            super::inline::emoji::event(pass, t, &range, out);
            out[from..].iter().for_each(|e| plain.push(&mut text, e));
            continue;
        }
        plain.push(&mut text, &e);
        match e {
            // Abbreviations apply in headings too; the title and id keep the plain text.
            Event::Text(_) if pass.abbreviations.is_some() => {
                if let Some(e) = super::abbr::event(pass, e, out) {
                    out.push(e);
                }
            }
            e => out.push(e),
        }
    }
    let mut title = text.finish();
    // An icon shortcode is an image in MkDocs, which adds nothing to the id or the title,
    // shown or not.
    if pass.input.features.inline.emoji.is_some() && title.contains(':') {
        title = super::tab_ids::without_icons(&title).trim().to_owned();
    }
    let mut attrs = HeadingAttrs::new(id.as_deref(), &classes, &attrs);
    if pass.input.features.attr_list
        && attrs == HeadingAttrs::default()
        && let Some((list, tail)) = take_attr_tail(out, open_at + 1)
    {
        if let Some(kept) = title.strip_suffix(tail.as_str()) {
            title = kept.trim_end().to_owned();
        }
        let pairs: Vec<(&str, Option<&str>)> = list
            .pairs
            .iter()
            .map(|(k, v)| (k.as_str(), Some(v.as_str())))
            .collect();
        attrs = HeadingAttrs::new(list.id.as_deref(), &list.classes, &pairs);
    }
    // pymdownx.smartsymbols runs before toc reads the heading: `(c)` is `©` by then.
    if let Some(options) = &pass.input.features.inline.smartsymbols
        && let Some(replaced) = super::inline::smartsymbols::plain(&title, options)
    {
        title = replaced;
    }
    let id = match attrs.id {
        Some(id) => id,
        None => pass.ids.unique(&slug(&title, pass.input.features.slugs)),
    };
    let toc = &pass.input.features.toc;
    if level as u8 == 1 && pass.result.h1.is_none() {
        pass.result.h1 = Some(title.clone());
    }
    // `data-toc-label` names the heading in the table of contents only, as toc reads it; the
    // heading itself does not keep the attribute.
    if let Some(at) = attrs.others.iter().position(|(n, _)| n == "data-toc-label") {
        title = attrs.others.remove(at).1;
    }
    let n = toc.level(level as u8);
    let mut open = open_tag_start(n, &id);
    if !attrs.classes.is_empty() {
        let _ = write!(open, " class=\"{}\"", escape_attr(&attrs.classes.join(" ")));
    }
    for (name, value) in &attrs.others {
        super::attr_list::write_pair(&mut open, name, value);
    }
    open.push('>');
    let permalink = toc.permalink_html(&id);
    if toc.permalink_leading {
        open.push_str(&permalink);
    }
    let mut close = String::new();
    if toc.anchorlink {
        let _ = write!(
            open,
            "<a class=\"{}\" href=\"#{}\">",
            escape_attr(&toc.anchorlink_class),
            escape_attr(&id)
        );
        close.push_str("</a>");
    }
    out[open_at] = Event::Html(open.into());
    if !toc.permalink_leading {
        close.push_str(&permalink);
    }
    close.push_str("</h");
    close.push(level_digit(n));
    close.push_str(">\n");
    out.push(Event::Html(close.into()));
    pass.result.headings.push(Heading {
        level: n,
        id,
        title,
    });
    None
}

/// `<h2 id="..."`: a heading's open tag up to its id, written into one string (a page has
/// many headings).
fn open_tag_start(n: u8, id: &str) -> String {
    let mut open = String::with_capacity(10 + id.len());
    open.push_str("<h");
    open.push(level_digit(n));
    open.push_str(" id=\"");
    pulldown_cmark_escape::escape_html(&mut open, id).ok();
    open.push('"');
    open
}

/// The digit of a heading level (1 to 6).
fn level_digit(n: u8) -> char {
    char::from_digit(u32::from(n), 10).unwrap_or('6')
}

/// A heading's trailing attribute list that pulldown-cmark left as text (a quoted value with
/// braces or an escape): taken off the heading's last text events from `from` on, with the
/// text it was written as.
fn take_attr_tail(
    out: &mut Vec<Event<'_>>,
    from: usize,
) -> Option<(super::attr_list::Attrs, String)> {
    let first_text = (from..out.len())
        .rev()
        .take_while(|&i| matches!(out[i], Event::Text(_)))
        .last()?;
    let text: String = out[first_text..]
        .iter()
        .filter_map(|e| match e {
            Event::Text(t) => Some(t.as_ref()),
            _ => None,
        })
        .collect();
    let (list, start) = super::attr_list::heading_tail(&text)?;
    out.truncate(first_text);
    if start > 0 {
        out.push(Event::Text(text[..start].to_owned().into()));
    }
    Some((list, text[start..].to_owned()))
}

#[cfg(test)]
mod tests;

//! Link and image addresses written as the author wrote them, as Python-Markdown writes them.
//!
//! pulldown-cmark's HTML writer percent-encodes an address (a space becomes `%20`, a quote
//! `%22`, `ü` becomes `%C3%BC`); Python-Markdown only escapes what HTML needs (`&`, `<`, `>`,
//! `"`). On the pages of an MkDocs project, a link or image whose address holds such a
//! character is written here, as raw HTML, with the address HTML-escaped and nothing more.
//! Any other link is left to the writer, which writes it the same either way.

use std::fmt::Write;

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::markdown::escape_attr;
use crate::markdown::plain_text::PlainText;

/// Whether pulldown-cmark's writer would write `dest` other than HTML-escaped.
fn encoded_by_writer(dest: &str) -> bool {
    dest.bytes().any(|b| {
        !b.is_ascii()
            || b <= b' '
            || matches!(b, b'"' | b'<' | b'>' | b'[' | b'\\' | b']' | b'`')
            || matches!(b, b'{' | b'|' | b'}' | 0x7f)
    })
}

/// Rewrites the links and images whose address the writer would percent-encode.
pub(crate) fn apply(events: &mut [Event<'_>]) {
    let mut i = 0;
    while i < events.len() {
        match &events[i] {
            Event::Start(Tag::Link {
                dest_url, title, ..
            }) if encoded_by_writer(dest_url) => {
                let mut html = format!("<a href=\"{}\"", escape_attr(dest_url));
                if !title.is_empty() {
                    let _ = write!(html, " title=\"{}\"", escape_attr(title));
                }
                html.push('>');
                events[i] = Event::InlineHtml(html.into());
                // Links do not nest: the next link end is this one's.
                if let Some(end) = events[i..]
                    .iter()
                    .position(|e| matches!(e, Event::End(TagEnd::Link)))
                {
                    events[i + end] = Event::InlineHtml("</a>".into());
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) if encoded_by_writer(dest_url) => {
                let mut html = format!("<img src=\"{}\" alt=\"", escape_attr(dest_url));
                let title = (!title.is_empty()).then(|| escape_attr(title));
                let end = image_end(events, i);
                let mut alt = PlainText::default();
                for e in &mut events[i + 1..end] {
                    alt.push(e);
                    *e = Event::Text(CowStr::Borrowed(""));
                }
                html.push_str(&escape_attr(&alt.finish()));
                html.push('"');
                if let Some(title) = title {
                    let _ = write!(html, " title=\"{title}\"");
                }
                html.push_str(" />");
                events[i] = Event::InlineHtml(html.into());
                if end < events.len() {
                    events[end] = Event::Text(CowStr::Borrowed(""));
                }
                i = end;
            }
            _ => {}
        }
        i += 1;
    }
}

/// Index of the end of the image started at `start` (images may hold images).
fn image_end(events: &[Event<'_>], start: usize) -> usize {
    let mut depth = 0usize;
    for (i, e) in events.iter().enumerate().skip(start) {
        match e {
            Event::Start(Tag::Image { .. }) => depth += 1,
            Event::End(TagEnd::Image) => {
                depth -= 1;
                if depth == 0 {
                    return i;
                }
            }
            _ => {}
        }
    }
    events.len()
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_python_markdown as render;

    #[test]
    fn a_space_in_an_address_stays_a_space() {
        let html = render("[the notes](<notes for today.txt>)\n");
        assert!(
            html.contains("<a href=\"notes for today.txt\">the notes</a>"),
            "{html}"
        );
    }

    #[test]
    fn quotes_and_braces_are_escaped_for_html_only() {
        let html = render("[x](<a\"b{c}>) and ![pic](<d e.png> \"Seen\")\n");
        assert!(html.contains("<a href=\"a&quot;b{c}\">x</a>"), "{html}");
        assert!(
            html.contains("<img src=\"d e.png\" alt=\"pic\" title=\"Seen\" />"),
            "{html}"
        );
    }

    #[test]
    fn a_plain_address_is_written_by_the_writer() {
        let html = render("[x](a/b.html \"T\")\n");
        assert!(
            html.contains("<a href=\"a/b.html\" title=\"T\">x</a>"),
            "{html}"
        );
    }

    #[test]
    fn commonmark_sites_keep_percent_encoding() {
        let html = crate::markdown::tests_support::render_commonmark("[x](<a b>)\n");
        assert!(html.contains("href=\"a%20b\""), "{html}");
    }
}

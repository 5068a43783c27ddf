//! Python-Markdown reads raw HTML only where a line of the page starts with it (three
//! spaces in at most). Inside a list item, a definition, an admonition or a tab, whose lines
//! are indented further, and right after a list marker (`- <div>`), a tag or comment at the
//! start of a line is inline HTML in a paragraph, like any other text: `<div>` there opens
//! no HTML block, and `markdown` on it does nothing. CommonMark would start an HTML block
//! there, so such a line gets [`INLINE_MARK`] in front of its tag, which keeps it in a
//! paragraph; the event pass drops the mark.

use super::super::def_list::TERM_MARK;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use super::super::preprocess::{Line, LinePass};

/// What keeps a tag at the start of a line inline: an element of no meaning whose two tags
/// the event pass drops (the one [`super::super::def_list`] puts before a comment term).
pub(in crate::markdown) const INLINE_MARK: &str = TERM_MARK;

/// For a line of a Python-Markdown page that is neither code nor read by a line syntax yet:
/// the length of its end that starts with a tag to keep inline (see the module), if any.
pub(in crate::markdown) fn nested_tag_start(
    pass: &LinePass<'_>,
    line: Line<'_>,
    rest: &str,
) -> Option<usize> {
    let first = *rest.as_bytes().first()?;
    if !(first == b'<' || b"-*+:".contains(&first) || first.is_ascii_digit())
        || !pass.reads_py_html()
    {
        return None;
    }
    let (content, nested) = match pass.item_marker_width(rest) {
        Some(width) => (rest.get(width..)?, true),
        None => (rest, source_col(line.text) >= 4),
    };
    let starts_tag = content.starts_with('<')
        && content[1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c));
    (nested && starts_tag).then_some(content.len())
}

/// Columns of white space a line of the page starts with (a tab to the next multiple of 4).
fn source_col(text: &str) -> usize {
    let mut col = 0;
    for b in text.bytes() {
        match b {
            b' ' => col += 1,
            b'\t' => col += 4 - col % 4,
            _ => break,
        }
    }
    col
}

/// Event part, after the event pass: a paragraph that holds nothing but one block-level tag
/// or a comment loses its `<p>`, as Python-Markdown's raw HTML post-processor takes it off
/// (`<div class="result" markdown>` alone on a line of a tab).
pub(in crate::markdown) fn unwrap_lone_tags(events: &mut [Event<'_>]) {
    let mut i = 0;
    while i + 2 < events.len() {
        let lone = matches!(events[i], Event::Start(Tag::Paragraph))
            && matches!(&events[i + 1], Event::InlineHtml(h) if is_block_tag(h))
            && matches!(events[i + 2], Event::End(TagEnd::Paragraph));
        if lone {
            events[i] = Event::Text(CowStr::Borrowed(""));
            events[i + 2] = Event::Text(CowStr::Borrowed(""));
            i += 3;
        } else {
            i += 1;
        }
    }
}

/// Whether `html` is a comment (or `<!...>`, `<?...>`) or a tag of a block-level element.
fn is_block_tag(html: &str) -> bool {
    let html = html.trim();
    let name = html.strip_prefix("</").or_else(|| html.strip_prefix('<'));
    match name {
        Some(rest) if rest.starts_with(['!', '?']) => true,
        Some(rest) => {
            let end = rest
                .find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')
                .unwrap_or(rest.len());
            super::scan::is_block_level(&rest[..end].to_ascii_lowercase())
        }
        None => false,
    }
}

/// Event part, for inline HTML on a Python-Markdown page: Python-Markdown reads code spans
/// before inline HTML, so a code span inside a comment in a paragraph
/// (`<!-- md:default `none` -->`) becomes `<code>` there.
pub(in crate::markdown) fn code_in_comment(html: CowStr<'_>) -> CowStr<'_> {
    if !(html.starts_with("<!--") && html.contains('`')) {
        return html;
    }
    let mut out = String::with_capacity(html.len() + 16);
    let mut rest = html.as_ref();
    while let Some(start) = rest.find('`') {
        let ticks = rest[start..].bytes().take_while(|&b| b == b'`').count();
        let after = &rest[start + ticks..];
        let Some(close) = closing_ticks(after, ticks) else {
            out.push_str(&rest[..start + ticks]);
            rest = after;
            continue;
        };
        out.push_str(&rest[..start]);
        out.push_str("<code>");
        pulldown_cmark_escape::escape_html_body_text(&mut out, after[..close].trim()).ok();
        out.push_str("</code>");
        rest = &after[close + ticks..];
    }
    out.push_str(rest);
    CowStr::from(out)
}

/// Where a run of exactly `ticks` backticks starts in `text`.
fn closing_ticks(text: &str, ticks: usize) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find('`') {
        let at = from + i;
        let run = text[at..].bytes().take_while(|&b| b == b'`').count();
        if run == ticks {
            return Some(at);
        }
        from = at + run;
    }
    None
}

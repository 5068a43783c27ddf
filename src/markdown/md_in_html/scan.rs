//! Scanning a line for where elements end, for the line part: the end tag of an open
//! `markdown` element (outside code spans), the end of a raw element, and raw HTML with its
//! `markdown` attributes dropped.

use super::{Frame, tags};

/// Where the element `name` whose start tag `line` may hold ends: the byte after its end tag.
/// `depth` counts the elements of that name open from earlier lines.
pub(super) fn raw_end(line: &str, name: &str, depth: &mut usize) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = line[from..].find('<') {
        let at = from + i;
        if let Some(tag) = tags::start_tag(&line[at..]) {
            if tag.name == name && !tag.is_void() {
                *depth += 1;
            }
            from = at + tag.text.len();
        } else if let Some((end, len)) = tags::end_tag(&line[at..]) {
            from = at + len;
            if end == name {
                *depth = depth.saturating_sub(1);
                if *depth == 0 {
                    return Some(from);
                }
            }
        } else {
            from = at + 1;
        }
    }
    None
}

/// Raw HTML inside a `markdown` element keeps no `markdown` attributes.
pub(super) fn strip_markdown_attrs(raw: &str) -> String {
    if !raw.contains("markdown") {
        return raw.to_owned();
    }
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(i) = rest.find('<') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        match tags::start_tag(rest) {
            Some(tag) => {
                out.push_str(&tag.without_markdown());
                rest = &rest[tag.text.len()..];
            }
            None => {
                out.push('<');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first end tag in `text`, outside code spans, of an element in `frames`: its offset,
/// its length and the depth of the innermost such element.
pub(super) fn find_end(text: &str, frames: &[Frame]) -> Option<(usize, usize, usize)> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'`' => {
                let run = bytes[i..].iter().take_while(|&&b| b == b'`').count();
                let fence = &text[i..i + run];
                let after = i + run;
                i = match text[after..].find(fence) {
                    Some(close) => after + close + run,
                    None => after,
                };
            }
            b'<' => {
                if let Some((end, len)) = tags::end_tag(&text[i..])
                    && let Some(depth) = frames.iter().rposition(|f| f.name == end)
                {
                    return Some((i, len, depth));
                }
                i += 1;
            }
            _ => i += 1,
        }
    }
    None
}

//! Reading raw HTML as Python-Markdown's HTML extractor reads it (Python's `html.parser`, with
//! Python-Markdown's changes): where a raw block that starts at the beginning of a line ends.
//!
//! Only what decides that end is read: start and end tags (a stack of open names; an end tag
//! closes the innermost open element of its name and those opened inside it), and what hides
//! tags (comments, processing instructions, declarations, CDATA sections, the content of
//! `<script>` and `<style>`, fenced code, which Python-Markdown takes out before).

use super::super::preprocess::{Line, fence_closes, fence_open};

/// A place in the page's lines: a line index and a byte offset in that line's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) struct Pos {
    pub(super) line: usize,
    pub(super) at: usize,
}

/// Where a raw element ends, and the code fences inside it (line ranges).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Element {
    /// Just after its end tag; `None` when it is never closed (it runs to the end of the page).
    pub(super) end: Option<Pos>,
    pub(super) fences: Vec<std::ops::Range<usize>>,
}

/// Python-Markdown's block-level elements: a line starting with one of these starts raw HTML.
const BLOCK_LEVEL: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "canvas",
    "center",
    "colgroup",
    "dd",
    "details",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "group",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "iframe",
    "legend",
    "li",
    "main",
    "map",
    "math",
    "menu",
    "nav",
    "noscript",
    "object",
    "ol",
    "option",
    "output",
    "p",
    "pre",
    "progress",
    "script",
    "section",
    "style",
    "summary",
    "table",
    "tbody",
    "td",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "tr",
    "ul",
    "video",
];

pub(super) fn is_block_level(name: &str) -> bool {
    BLOCK_LEVEL.contains(&name)
}

/// A start tag at the start of `text`, complete on its line: its lower-cased name, its length
/// and whether it is written `<x />`. A backtick outside quotes makes it no tag (as in
/// Python-Markdown, for code spans).
pub(super) fn start_tag(text: &str) -> Option<(String, usize, bool)> {
    let bytes = text.as_bytes();
    if bytes.first() != Some(&b'<') || !bytes.get(1)?.is_ascii_alphabetic() {
        return None;
    }
    let name_len = text[1..]
        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '`' | '\0'))
        .unwrap_or(text.len() - 1);
    let name = text[1..1 + name_len].to_ascii_lowercase();
    let mut quote = None;
    for (i, b) in bytes.iter().enumerate().skip(1 + name_len) {
        match (quote, b) {
            (Some(q), _) if *b == q => quote = None,
            (Some(_), _) => {}
            (None, b'"' | b'\'') => quote = Some(*b),
            (None, b'>') => return Some((name, i + 1, bytes[i - 1] == b'/')),
            (None, b'`' | b'<') => return None,
            _ => {}
        }
    }
    None
}

/// The name of the end tag at the start of `text` and where its `>` ends, on its line.
pub(super) fn end_tag(text: &str) -> Option<(String, usize)> {
    let rest = text.strip_prefix("</")?;
    if !rest.as_bytes().first()?.is_ascii_alphabetic() {
        return None;
    }
    let name_len = rest
        .find(|c: char| c.is_ascii_whitespace() || matches!(c, '/' | '>' | '\0'))
        .unwrap_or(rest.len());
    let close = rest[name_len..].find('>')?;
    Some((
        rest[..name_len].to_ascii_lowercase(),
        2 + name_len + close + 1,
    ))
}

/// The first place after `from` where `close` ends, searching on through the following lines.
pub(super) fn find(lines: &[Line<'_>], from: Pos, close: fn(&str) -> Option<usize>) -> Option<Pos> {
    let mut at = from.at;
    for (line, l) in lines.iter().enumerate().skip(from.line) {
        if let Some(end) = l.text.get(at..).and_then(close) {
            return Some(Pos { line, at: at + end });
        }
        at = 0;
    }
    None
}

/// Where a comment's close (`-->` or `--!>`) in `text` ends.
pub(super) fn comment_close(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("--") {
        let after = &text[from + i + 2..];
        if after.starts_with('>') {
            return Some(from + i + 3);
        }
        if after.starts_with("!>") {
            return Some(from + i + 4);
        }
        from += i + 1;
    }
    None
}

pub(super) fn pi_close(text: &str) -> Option<usize> {
    text.find("?>").map(|i| i + 2)
}

pub(super) fn cdata_close(text: &str) -> Option<usize> {
    text.find("]]>").map(|i| i + 3)
}

pub(super) fn gt_close(text: &str) -> Option<usize> {
    text.find('>').map(|i| i + 1)
}

/// Whether the `<` at byte `i` of `text` is at the start of its line (three spaces at most
/// before it).
pub(super) fn at_line_start(text: &str, i: usize) -> bool {
    i <= 3 && text.as_bytes()[..i].iter().all(|&b| b == b' ')
}

/// The lines of a fenced code block that opens at line `line`, when it is closed.
fn fence_at(lines: &[Line<'_>], line: usize) -> Option<std::ops::Range<usize>> {
    let text = lines[line].text;
    let trimmed = text.trim_start_matches(' ');
    if text.len() - trimmed.len() > 3 || lines[line].indent > 0 {
        return None;
    }
    let (ch, len) = fence_open(trimmed)?;
    let closes = |l: &Line<'_>| fence_closes(l.text.trim_start_matches(' '), ch, len);
    let close = lines[line + 1..].iter().position(closes)?;
    Some(line..line + close + 2)
}

/// Reads the content of the element `name` whose start tag ends at `from`, up to its end tag.
pub(super) fn element(lines: &[Line<'_>], from: Pos, name: String) -> Element {
    let mut stack = vec![name];
    let mut fences = Vec::new();
    let mut cdata = cdata_name(&stack[0]);
    let mut pos = from;
    while pos.line < lines.len() {
        if pos.at == 0
            && pos.line > from.line
            && let Some(fence) = fence_at(lines, pos.line)
        {
            pos = Pos {
                line: fence.end,
                at: 0,
            };
            fences.push(fence);
            continue;
        }
        let text = lines[pos.line].text;
        let next_line = Pos {
            line: pos.line + 1,
            at: 0,
        };
        if let Some(elem) = cdata {
            // `<script>` and `<style>` hold text up to their own end tag.
            match cdata_end(&text[pos.at..], elem) {
                Some((start, len)) => {
                    cdata = None;
                    pos.at += start + len;
                    stack.pop();
                    if stack.is_empty() {
                        return Element {
                            end: Some(pos),
                            fences,
                        };
                    }
                }
                None => pos = next_line,
            }
            continue;
        }
        let Some(i) = text[pos.at..].find('<').map(|i| pos.at + i) else {
            pos = next_line;
            continue;
        };
        let rest = &text[i..];
        let line_start = at_line_start(text, i);
        let here = |at| Pos { line: pos.line, at };
        let skipped = if rest.starts_with("<!--") {
            find(lines, here(i + 4), comment_close)
        } else if rest.starts_with("<?") {
            line_start
                .then(|| find(lines, here(i + 2), pi_close))
                .flatten()
        } else if rest.starts_with("<![CDATA[") && line_start {
            find(lines, here(i + 9), cdata_close)
        } else if rest.starts_with("<!") && line_start {
            find(lines, here(i + 2), gt_close)
        } else {
            None
        };
        if let Some(after) = skipped {
            pos = after;
            continue;
        }
        if let Some((end, len)) = end_tag(rest) {
            pos.at = i + len;
            if let Some(open) = stack.iter().rposition(|n| *n == end) {
                stack.truncate(open);
                if stack.is_empty() {
                    return Element {
                        end: Some(pos),
                        fences,
                    };
                }
            }
            continue;
        }
        if let Some((tag, len, self_closing)) = start_tag(rest) {
            pos.at = i + len;
            if !self_closing && tag != "hr" {
                cdata = cdata_name(&tag);
                stack.push(tag);
            }
            continue;
        }
        pos.at = i + 1;
    }
    Element { end: None, fences }
}

fn cdata_name(name: &str) -> Option<&'static str> {
    ["script", "style"].into_iter().find(|n| *n == name)
}

/// The first `</script>` (any case, spaces allowed inside) in `text`: offset and length.
fn cdata_end(text: &str, name: &str) -> Option<(usize, usize)> {
    let mut from = 0;
    while let Some(i) = text[from..].find("</") {
        let start = from + i;
        let rest = text[start + 2..].trim_start();
        if rest.len() >= name.len() && rest[..name.len()].eq_ignore_ascii_case(name) {
            let after = rest[name.len()..].trim_start();
            if after.starts_with('>') {
                return Some((start, text.len() - after.len() + 1 - start));
            }
        }
        from = start + 2;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str) -> Vec<Line<'_>> {
        text.split('\n').map(|l| Line::new(0, l)).collect()
    }

    fn end_of(text: &str) -> Option<(usize, usize)> {
        let lines = lines(text);
        let (name, len, _) = start_tag(lines[0].text).unwrap();
        let found = element(&lines, Pos { line: 0, at: len }, name);
        found.end.map(|p| (p.line, p.at))
    }

    #[test]
    fn an_element_ends_at_its_own_end_tag_past_blank_lines_and_nested_namesakes() {
        assert_eq!(end_of("<div>\n\n<div>a</div>\n\n</div> tail"), Some((4, 6)));
        assert_eq!(end_of("<p>a<br>b</p>"), Some((0, 13)));
        assert_eq!(end_of("<p>never closed\n\nstill raw"), None);
    }

    #[test]
    fn end_tags_inside_comments_scripts_and_fences_do_not_count() {
        assert_eq!(end_of("<div>\n<!-- </div> -->\n</div>"), Some((2, 6)));
        assert_eq!(
            end_of("<div><script>\n</div>\n</SCRIPT ></div>"),
            Some((2, 16))
        );
        let text = "<div>\n```\n</div>\n```\n</div>";
        let lines = lines(text);
        let found = element(&lines, Pos { line: 0, at: 5 }, "div".into());
        assert_eq!(found.end, Some(Pos { line: 4, at: 6 }));
        assert_eq!(found.fences, vec![1..4]);
    }

    #[test]
    fn tags_are_read_on_their_line_and_not_across_backticks() {
        assert_eq!(
            start_tag("<DIV class=\"a>b\">x"),
            Some(("div".into(), 17, false))
        );
        assert_eq!(start_tag("<hr/>"), Some(("hr".into(), 5, true)));
        assert_eq!(start_tag("<div"), None);
        assert_eq!(start_tag("<div`>"), None);
        assert_eq!(comment_close("a -- b --!> c"), Some(11));
        assert_eq!(comment_close("a -- >"), None);
    }
}

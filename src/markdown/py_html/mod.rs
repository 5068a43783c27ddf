//! Raw HTML blocks as Python-Markdown reads them (sites with `markdown: python-markdown`,
//! MkDocs projects), where CommonMark's rules differ.
//!
//! At the top level of the page, a line that starts (after three spaces at most) with the
//! start tag of a block-level element starts raw HTML, even in the middle of a paragraph,
//! and the raw HTML runs to the element's own end tag: blank lines, markdown and nested
//! elements of the same name are inside it, and an element never closed runs to the end of
//! the page. A comment, a processing instruction (`<?php ... ?>`), a `<!DOCTYPE>` or a CDATA
//! section at the start of a line is raw HTML up to its close, wherever that is. Text after
//! the end on the same line starts a new paragraph (or more raw HTML), and so does the line
//! after. A comment that is never closed, or a bogus one (`<!x>`), is text, so its `<` is
//! written `&lt;`. An `</hr>` line is dropped. Fenced code inside raw HTML stays code, as
//! Python-Markdown takes fences out before it reads HTML.
//!
//! How: the raw HTML is written without its blank lines so that pulldown-cmark reads it as
//! one HTML block (behind a `<div>` line when its own first line would not start one), and
//! the offset and the HTML as written go to [`md_in_html::Marks::raw`], whose event part
//! puts the HTML back as written.

mod line_comments;
mod nested;
mod scan;

use std::ops::Range;

use pulldown_cmark::Event;

use super::md_in_html;
use super::preprocess::{At, Line, LinePass, Taken};
pub(super) use line_comments::split as split_line_comments;
pub(super) use nested::{INLINE_MARK, code_in_comment, nested_tag_start, unwrap_lone_tags};
use scan::Pos;

/// Block-level elements of Python-Markdown whose start tag does not start a CommonMark HTML
/// block that ends at a blank line (they get a `<div>` line in front).
const NOT_COMMONMARK_BLOCKS: &[&str] = &[
    "canvas", "group", "hgroup", "map", "math", "noscript", "object", "output", "pre", "progress",
    "script", "style", "textarea", "video",
];

/// What a `<` at the start of a line (or after raw HTML on its line) starts.
#[derive(Debug, PartialEq, Eq)]
enum Item {
    /// Raw HTML ending at `end` (the end of the page when `None`).
    Raw {
        end: Option<Pos>,
        fences: Vec<std::ops::Range<usize>>,
        opener: bool,
    },
    /// Text whose `<` is written `&lt;`.
    Escaped,
    /// An end tag of an element without content (`</hr>`), of this length: dropped.
    VoidEnd(usize),
    /// A `markdown` element, for [`md_in_html`].
    Markdown,
    /// Nothing of ours.
    Other,
}

fn item(lines: &[Line<'_>], pos: Pos, md_in_html: bool) -> Item {
    let text = &lines[pos.line].text[pos.at..];
    let after = |len: usize| Pos {
        line: pos.line,
        at: pos.at + len,
    };
    let raw = |end: Option<Pos>, opener: bool| match end {
        Some(end) => Item::Raw {
            end: Some(end),
            fences: Vec::new(),
            opener,
        },
        None => Item::Escaped,
    };
    let bytes = text.as_bytes();
    if text.starts_with("<!--") {
        let end = scan::find(lines, after(4), scan::comment_close);
        let odd_close = end.is_some_and(|e| lines[e.line].text[..e.at].ends_with("--!>"));
        return raw(end, odd_close);
    }
    if text.starts_with("<?") {
        return raw(scan::find(lines, after(2), scan::pi_close), false);
    }
    if text.starts_with("<![CDATA[") {
        return raw(scan::find(lines, after(9), scan::cdata_close), false);
    }
    if bytes.len() >= 9 && text[..9].eq_ignore_ascii_case("<!doctype") {
        return raw(scan::find(lines, after(9), scan::gt_close), false);
    }
    if text.starts_with("<!") {
        return Item::Escaped;
    }
    if let Some(rest) = text.strip_prefix("</") {
        let name_len = rest.find('>').unwrap_or(rest.len());
        let name = rest[..name_len].trim_end().to_ascii_lowercase();
        let void = matches!(
            name.as_str(),
            "hr" | "br" | "img" | "input" | "meta" | "link"
        );
        return match void && name_len < rest.len() {
            true => Item::VoidEnd(2 + name_len + 1),
            false => Item::Other,
        };
    }
    let Some((name, len, self_closing)) = scan::start_tag(text) else {
        return Item::Other;
    };
    if md_in_html && md_in_html::opens_markdown(text) {
        return Item::Markdown;
    }
    if !scan::is_block_level(&name) {
        return Item::Other;
    }
    if self_closing || name == "hr" {
        return raw(Some(after(len)), false);
    }
    let opener = NOT_COMMONMARK_BLOCKS.contains(&name.as_str());
    let element = scan::element(lines, after(len), name);
    Item::Raw {
        end: element.end,
        fences: element.fences,
        opener,
    }
}

/// Line part, for a line at the top level of the page that starts (after `col` columns,
/// three at most) with `<`; `lines` starts with it. Notes in `pass.skip` the following
/// lines it took.
pub(super) fn line(pass: &mut LinePass<'_>, rest: &str, line_no: u32, lines: &[Line<'_>]) -> Taken {
    let md_in_html = pass.features.md_in_html;
    let first = lines[0].text;
    let mut pos = Pos {
        line: 0,
        at: first.len() - rest.len(),
    };
    let mut taken = Taken::No;
    loop {
        let text = &lines[pos.line].text[pos.at..];
        let here = line_no + pos.line as u32;
        match item(lines, pos, md_in_html) {
            Item::Raw {
                end,
                fences,
                opener,
            } => {
                write_raw(pass, lines, pos, end, &fences, opener, line_no);
                taken = Taken::AsBlank;
                let Some(end) = end else {
                    pos = Pos {
                        line: lines.len() - 1,
                        at: 0,
                    };
                    break;
                };
                pos = end;
            }
            Item::VoidEnd(len) => {
                pos.at += len;
                if taken == Taken::No {
                    taken = Taken::AsText;
                }
            }
            Item::Escaped => {
                pass.push_line(&format!("\\{text}"), here);
                taken = Taken::AsText;
                break;
            }
            Item::Markdown if taken != Taken::No => {
                let at = At {
                    col: 0,
                    container: 0,
                    rest: text,
                    line_no: here,
                    after_blank: true,
                    next: &lines[pos.line + 1..],
                };
                match (md_in_html::SYNTAX.line)(pass, &at) {
                    Taken::No => {
                        pass.push_line(text, here);
                        taken = Taken::AsText;
                    }
                    took => taken = took,
                }
                pass.skip += pos.line;
                return taken;
            }
            Item::Other if taken == Taken::No => return inline_tag_line(pass, text, here),
            Item::Markdown if taken == Taken::No => return Taken::No,
            Item::Markdown | Item::Other => {
                // Text after raw HTML on its line starts a paragraph.
                pass.push_line(text, here);
                taken = Taken::AsText;
                break;
            }
        }
        let tail = &lines[pos.line].text[pos.at..];
        if tail.trim().is_empty() {
            break;
        }
        pos.at += tail.len() - tail.trim_start().len();
    }
    pass.skip = pos.line;
    taken
}

/// A line that is one tag of an element that is not block-level (`<img src="a.png">`):
/// Python-Markdown reads it as a paragraph, which pulldown-cmark would read as an HTML block.
/// An empty comment after the tag keeps it in a paragraph; its offset is noted in
/// `fillers`, and the event part drops it.
pub(super) fn inline_tag_line(pass: &mut LinePass<'_>, text: &str, line_no: u32) -> Taken {
    let line = text.trim_end();
    let name = match scan::start_tag(line) {
        Some((name, len, _)) if len == line.len() => name,
        _ => match scan::end_tag(line) {
            Some((name, len)) if len == line.len() => name,
            _ => return Taken::No,
        },
    };
    // The `<ins>` and `<del>` lines of block-wide critic edits ([`super::critic`]) wrap
    // blocks, from their opening line to a lone `</ins>` or `</del>`: they stay HTML blocks.
    let critic = line.contains("class=\"critic")
        || (pass.features.inline.critic.is_some() && matches!(line, "</ins>" | "</del>"));
    if critic || scan::is_block_level(&name) || COMMONMARK_BLOCKS.contains(&name.as_str()) {
        return Taken::No;
    }
    pass.out.fillers.push(pass.out.text.len() + line.len());
    pass.push_line(&format!("{line}{FILLER}"), line_no);
    Taken::AsText
}

/// What follows a lone inline tag to keep it in its paragraph.
const FILLER: &str = "<!---->";

/// Elements (besides Python-Markdown's block-level ones) whose tag starts a CommonMark HTML
/// block that a filler does not stop.
const COMMONMARK_BLOCKS: &[&str] = &[
    "base", "basefont", "caption", "col", "dialog", "dir", "frame", "frameset", "head", "link",
    "menuitem", "noframes", "optgroup", "param", "search", "title", "track",
];

/// Event part: the empty comment of [`inline_tag_line`] is dropped.
pub(super) fn is_filler(fillers: &[usize], event: &Event<'_>, range: &Range<usize>) -> bool {
    matches!(event, Event::InlineHtml(h) if h.as_ref() == FILLER)
        && fillers.binary_search(&range.start).is_ok()
}

/// For the list pass ([`super::py_lists`]), which must leave raw HTML as it is: the last line
/// of the raw HTML that line `start` of `lines` starts, if it starts some at the top level.
pub(super) fn raw_end_line(lines: &[Line<'_>], start: usize, md_in_html: bool) -> Option<usize> {
    let text = lines[start].text;
    let rest = text.trim_start_matches(' ');
    if !rest.starts_with('<') || text.len() - rest.len() > 3 {
        return None;
    }
    let mut pos = Pos {
        line: start,
        at: text.len() - rest.len(),
    };
    let mut last = None;
    loop {
        match item(lines, pos, md_in_html) {
            Item::Raw { end: None, .. } => return Some(lines.len() - 1),
            Item::Raw { end: Some(end), .. } => {
                pos = end;
                last = Some(end.line);
            }
            Item::VoidEnd(len) => pos.at += len,
            _ => return last,
        }
        let tail = &lines[pos.line].text[pos.at..];
        if tail.trim().is_empty() {
            return last;
        }
        pos.at += tail.len() - tail.trim_start().len();
    }
}

/// Writes the raw HTML from `start` to `end` (or the end of the page), less its blank lines,
/// and notes it as written; the fenced code inside stays markdown.
fn write_raw(
    pass: &mut LinePass<'_>,
    lines: &[Line<'_>],
    start: Pos,
    end: Option<Pos>,
    fences: &[std::ops::Range<usize>],
    opener: bool,
    line_no: u32,
) {
    let last = end.unwrap_or(Pos {
        line: lines.len() - 1,
        at: lines[lines.len() - 1].text.len(),
    });
    let mut from = start;
    for fence in fences.iter().map(Some).chain([None]) {
        let to = fence.map_or(last, |f| Pos {
            line: f.start - 1,
            at: lines[f.start - 1].text.len(),
        });
        write_piece(pass, lines, from, to, opener || from != start, line_no);
        let Some(fence) = fence else { break };
        pass.ensure_blank(line_no + fence.start as u32);
        for (i, l) in lines[fence.clone()].iter().enumerate() {
            pass.push_line(l.text, line_no + (fence.start + i) as u32);
        }
        pass.push_line("", line_no + fence.end as u32 - 1);
        from = Pos {
            line: fence.end,
            at: 0,
        };
    }
}

/// One stretch of raw HTML, from `from` to `to`, as one HTML block.
fn write_piece(
    pass: &mut LinePass<'_>,
    lines: &[Line<'_>],
    from: Pos,
    to: Pos,
    opener: bool,
    line_no: u32,
) {
    let mut html = String::new();
    let pieces = (from.line..=to.line).map(|i| {
        let text = lines[i].text;
        let end = if i == to.line { to.at } else { text.len() };
        let start = if i == from.line { from.at } else { 0 };
        (i, &text[start..end])
    });
    let pieces: Vec<(usize, &str)> = pieces.collect();
    if pieces.iter().all(|(_, t)| t.trim().is_empty()) {
        return;
    }
    pass.ensure_blank(line_no + from.line as u32);
    let at = pass.out.text.len();
    if opener {
        pass.push_line("<div>", line_no + from.line as u32);
    }
    for (n, (i, text)) in pieces.iter().enumerate() {
        if n > 0 {
            html.push('\n');
        }
        html.push_str(text);
        if !text.trim().is_empty() {
            pass.push_line(text, line_no + *i as u32);
        }
    }
    html.push('\n');
    pass.push_line("", line_no + to.line as u32);
    pass.out.md_in_html.raw.push((at, html));
}

#[cfg(test)]
mod tests;

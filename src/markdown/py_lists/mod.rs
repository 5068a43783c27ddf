//! Lists as Python-Markdown reads them, for pages of MkDocs projects: a line pass before all
//! others that re-indents list items so that pulldown-cmark sees the structure MkDocs renders.
//!
//! Python-Markdown's rules, which CommonMark does not share: an item's content is indented 4
//! columns from the list, whatever the marker's width (`- a` then `  - b` is one flat list; a
//! fence indented 4 under `11.  Item` stays in the item); a marker indented 0 to 3 columns is
//! a sibling; a list cannot interrupt a paragraph (`text` then `- a` is one paragraph); a list
//! after a blank line continues the list before it, `1.` and `-` items alike (with
//! `sane_lists`, only items of the same kind); the first number is ignored (`3.` starts at 1,
//! except with `sane_lists`); `1)` is not a marker, and neither is a bare `-`. Block quotes
//! with only blank lines between them are one quote, as there.
//!
//! The pass writes every item marker as `-   ` or `1.  ` (content 4 columns in), moves lazy
//! lines into their item, and escapes markers that are text (`\-`). It keeps one output line
//! per input line, so line numbers stay true, and shifts fenced code only as a whole.

use super::preprocess::{Line, fence_open, indentation};
use super::py_html;

mod blocks;
mod lines;

use lines::{
    Ln, Marker, commonmark_only_marker, definition_marker, indented_end, is_rule, marker,
    opens_body,
};

/// Rewrites the lists of a page body; `None` when nothing changes.
pub(super) fn rewrite(body: &str, sane: bool, md_in_html: bool) -> Option<String> {
    let src: Vec<&str> = body.split('\n').collect();
    // Raw HTML is read as Python-Markdown reads it ([`py_html`]), only on pages that have some.
    let html_lines = match body.contains('<') {
        true => src.iter().map(|l| Line::new(0, l)).collect(),
        false => Vec::new(),
    };
    let lines: Vec<Ln<'_>> = src
        .iter()
        .enumerate()
        .map(|(no, line)| {
            let (indent, text) = indentation(line);
            Ln {
                no,
                indent,
                text,
                virt: false,
            }
        })
        .collect();
    let mut pass = Pass {
        src: &src,
        out: vec![None; src.len()],
        sane,
        html_lines,
        md_in_html,
    };
    pass.walk(&lines, 0, 0, false);
    if pass.out.iter().all(Option::is_none) {
        return None;
    }
    let mut text = String::with_capacity(body.len() + body.len() / 8);
    for (i, line) in src.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(pass.out[i].as_deref().unwrap_or(line));
    }
    Some(text)
}

struct Pass<'s, 'a> {
    src: &'s [&'a str],
    /// The rewritten lines; `None` keeps the line as written.
    out: Vec<Option<String>>,
    sane: bool,
    /// The page's lines for [`py_html`] (empty when the page has no `<`).
    html_lines: Vec<Line<'a>>,
    md_in_html: bool,
}

impl<'a> Pass<'_, 'a> {
    /// Writes a line at its indentation relative to the block (`in_base` in the page,
    /// `out_base` in the output), with `escape` a byte of its text to put a `\` before.
    fn put(&mut self, l: Ln<'a>, in_base: usize, out_base: usize, escape: Option<usize>) {
        let indent = l.indent.saturating_sub(in_base) + out_base;
        let orig = self.src[l.no];
        let spaces_only = orig.len() - l.text.len() == l.indent;
        if !l.virt && escape.is_none() && indent == l.indent && spaces_only {
            self.out[l.no] = None;
            return;
        }
        let mut s = " ".repeat(indent);
        match escape {
            Some(at) => {
                s.push_str(&l.text[..at]);
                s.push('\\');
                s.push_str(&l.text[at..]);
            }
            None => s.push_str(l.text),
        }
        self.out[l.no] = Some(s);
    }

    /// Rewrites the lines of one block: the page, an admonition's body, an item's content.
    /// `item_head`: the lines start an item, where a list may follow its first text directly.
    fn walk(&mut self, lines: &[Ln<'a>], in_base: usize, out_base: usize, mut item_head: bool) {
        let mut i = 0;
        let mut para = false;
        while i < lines.len() {
            let l = lines[i];
            if l.blank() {
                para = false;
                item_head = false;
                i += 1;
                continue;
            }
            let rel = l.indent.saturating_sub(in_base);
            if rel >= 4 {
                // Indented code, or a lazy line of a paragraph.
                self.put(l, in_base, out_base, None);
                i += 1;
                continue;
            }
            if fence_open(l.text).is_some() {
                i = self.fence(lines, i, in_base, out_base);
                para = false;
                continue;
            }
            if let Some(width) = definition_marker(l.text) {
                i = self.definition(lines, i, width, in_base, out_base);
                para = false;
                continue;
            }
            if opens_body(l.text) || l.text.starts_with("[^") || l.text.starts_with(':') {
                self.put(l, in_base, out_base, None);
                let end = indented_end(lines, i + 1, in_base + 4);
                if opens_body(l.text) {
                    self.walk(&lines[i + 1..end], in_base + 4, out_base + 4, false);
                } else {
                    for &b in &lines[i + 1..end] {
                        self.put(b, in_base, out_base, None);
                    }
                }
                i = end;
                para = false;
                continue;
            }
            if l.text.starts_with("///") {
                // A `///` block's header or end: pymdownx.blocks reads it before any paragraph,
                // so a list may start right under it.
                self.put(l, in_base, out_base, None);
                para = false;
                i += 1;
                continue;
            }
            let top = in_base == 0 && out_base == 0 && !l.virt && !self.html_lines.is_empty();
            if top
                && l.text.starts_with('<')
                && let Some(last) = py_html::raw_end_line(&self.html_lines, l.no, self.md_in_html)
            {
                // Raw HTML at the top level runs to its end, blank lines and all, as it is.
                while i < lines.len() && lines[i].no <= last {
                    self.put(lines[i], in_base, out_base, None);
                    i += 1;
                }
                para = false;
                continue;
            }
            if l.text.starts_with('<') || l.text.starts_with('>') {
                // Raw HTML and block quotes run to the next blank line, as they are.
                loop {
                    while i < lines.len() && !lines[i].blank() {
                        self.put(lines[i], in_base, out_base, None);
                        i += 1;
                    }
                    // Block quotes with only blank lines between them are one quote.
                    let next = (i..lines.len()).find(|&k| !lines[k].blank());
                    let Some(k) = next.filter(|&k| {
                        l.text.starts_with('>')
                            && lines[k].text.starts_with('>')
                            && lines[k].indent.saturating_sub(in_base) < 4
                    }) else {
                        break;
                    };
                    for b in &lines[i..k] {
                        self.out[b.no] = Some(format!("{}>", " ".repeat(out_base)));
                    }
                    i = k;
                }
                para = false;
                continue;
            }
            if let Some(m) = marker(l.text) {
                if para && !item_head {
                    let at = if m.ordered { m.digits.len() } else { 0 };
                    self.put(l, in_base, out_base, Some(at));
                    i += 1;
                } else {
                    i = self.list(lines, i, in_base, out_base);
                    para = false;
                }
                continue;
            }
            let heading = l.text.starts_with('#') || is_rule(l.text);
            let escape = (!para).then(|| commonmark_only_marker(l.text)).flatten();
            self.put(l, in_base, out_base, escape);
            para = !heading;
            i += 1;
        }
    }

    /// Rewrites the list starting at `lines[start]`; returns the index after it.
    fn list(&mut self, lines: &[Ln<'a>], start: usize, in_base: usize, out_base: usize) -> usize {
        let Some(first) = marker(lines[start].text) else {
            return start + 1;
        };
        let sane = self.sane;
        let belongs = move |m: &Marker<'_>| !sane || m.ordered == first.ordered;
        let item_rel = |l: &Ln<'_>| l.indent.saturating_sub(in_base);
        let mut i = start;
        let mut number = 0;
        // Lazy lines left as written.
        let mut kept = Vec::new();
        loop {
            let head = lines[i];
            let Some(m) = marker(head.text) else {
                return i;
            };
            let mut region = vec![Ln {
                indent: in_base + 4,
                text: m.content,
                virt: true,
                ..head
            }];
            i += 1;
            let mut after_blank = false;
            while i < lines.len() {
                let l = lines[i];
                if l.blank() {
                    let next = (i..lines.len()).find(|&k| !lines[k].blank());
                    match next {
                        Some(k) if item_rel(&lines[k]) >= 4 => {
                            region.extend_from_slice(&lines[i..k]);
                            i = k;
                            after_blank = true;
                            continue;
                        }
                        _ => break,
                    }
                }
                if item_rel(&l) >= 4 {
                    region.push(l);
                    i += 1;
                    continue;
                }
                let next_item = marker(l.text).filter(|m| belongs(m));
                if next_item.is_some() && !after_blank {
                    break;
                }
                if fence_open(l.text).is_some() {
                    // A fence right under an item belongs to it, moved in as a whole.
                    let end = self.fence_end(lines, i);
                    let shift = in_base + 4 - l.indent.min(in_base + 4);
                    region.extend(lines[i..end].iter().map(|&f| Ln {
                        indent: f.indent + shift,
                        ..f
                    }));
                    i = end;
                    continue;
                }
                if marker(l.text).is_some() {
                    // An item of another kind (`sane_lists`): text of this item.
                    let at = if l.text.as_bytes()[0].is_ascii_digit() {
                        l.text.find('.').unwrap_or(0)
                    } else {
                        0
                    };
                    let lazy = Ln {
                        indent: in_base + 4,
                        ..l
                    };
                    let content_col = out_base + 4;
                    self.put(lazy, in_base + 4, content_col, Some(at));
                    i += 1;
                    continue;
                }
                if l.text.starts_with("///") {
                    // The end (or start) of a `///` block around or after the list: never
                    // the item's text, as pymdownx.blocks reads its fences first.
                    break;
                }
                // A lazy line: part of the item's text. Plain text right after text continues
                // the paragraph in CommonMark too, so it stays as written (Python-Markdown
                // keeps its spaces, which matters where they are kept as text).
                let prose = |t: &str| t.starts_with(|c: char| c.is_alphanumeric());
                if !after_blank
                    && l.indent > in_base
                    && prose(l.text)
                    && region.last().is_some_and(|p| prose(p.text))
                {
                    kept.push(l.no);
                }
                region.push(Ln {
                    indent: in_base + 4,
                    ..l
                });
                i += 1;
            }
            // The marker, written so that the content starts 4 columns in.
            let mark = if first.ordered && self.sane && number == 0 {
                format!("{}.", m.digits)
            } else if first.ordered {
                "1.".to_owned()
            } else {
                (first.bullet as char).to_string()
            };
            let content_col = out_base + (mark.len() + 1).max(4);
            self.walk(&region, in_base + 4, content_col, true);
            for no in kept.drain(..) {
                self.out[no] = None;
            }
            let body = self.out[head.no].take().unwrap_or_default();
            let body = body.trim_start_matches(' ');
            let pad = content_col - out_base - mark.len();
            self.out[head.no] = Some(format!(
                "{}{mark}{}{body}",
                " ".repeat(out_base),
                " ".repeat(if body.is_empty() { 0 } else { pad })
            ));
            number += 1;
            // The next item, right away or after blank lines.
            let next = (i..lines.len()).find(|&k| !lines[k].blank());
            match next {
                Some(k) if item_rel(&lines[k]) < 4 => match marker(lines[k].text) {
                    Some(m) if belongs(&m) => i = k,
                    _ => return i,
                },
                _ => return i,
            }
        }
    }
}

#[cfg(test)]
mod tests;

//! Admonitions in Python-Markdown syntax (`!!! type "Title"`, pymdownx `??? type "Title"`,
//! `???+`), turned into the HTML MkDocs writes before pulldown-cmark sees the text.
//!
//! The syntax is indentation based, which CommonMark cannot express, so this is a line pass:
//! each marker line becomes an opening `<div class="admonition type">` (or `<details>`), its
//! 4-space-indented body is dedented so it stays ordinary markdown, and a closing tag is put
//! where the body ends (the first non-blank line indented less: there is no lazy continuation).
//! Lines inside fenced or indented code are left alone. Every output line records the input
//! line it came from, so diagnostics still name the right line.

use std::ops::Range;

/// What a marker line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `!!!`: always shown.
    Admonition,
    /// `???` (closed) and `???+` (open): collapsible.
    Details { open: bool },
}

/// One admonition found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub style: Style,
    /// Lower-cased type words, each a CSS class.
    pub classes: Vec<String>,
    /// The title as written (markdown), `None` for an explicit `""`.
    pub title: Option<String>,
    /// Byte range of the body in the preprocessed text.
    pub body: Range<usize>,
}

/// The text pulldown-cmark will parse, and how to get back to the original.
#[derive(Debug, Default)]
pub struct Preprocessed {
    pub text: String,
    /// `line_map[i]` is the 0-based input line that output line `i` came from.
    pub line_map: Vec<u32>,
    pub blocks: Vec<Block>,
}

const TAB: usize = 4;

struct Open {
    block: usize,
    /// Source column of the marker; the body is at `marker_col + TAB`.
    marker_col: usize,
    /// Column of the marker in the output (after enclosing admonitions were dedented).
    out_col: usize,
}

struct Fence {
    ch: u8,
    len: usize,
    /// Number of admonitions open when the fence started.
    depth: usize,
    out_col: usize,
}

/// Rewrites admonition blocks in `src` into HTML wrappers around markdown bodies.
pub fn preprocess(src: &str) -> Preprocessed {
    let mut pass = Pass {
        out: Preprocessed::default(),
        open: Vec::new(),
        fence: None,
        lists: Vec::new(),
    };
    let mut prev_blank = true;
    let mut indented_code = false;
    for (line_no, raw) in src.split_inclusive('\n').enumerate() {
        let line = raw.strip_suffix('\n').unwrap_or(raw);
        let line = line.strip_suffix('\r').unwrap_or(line);
        let line_no = line_no as u32;
        let (col, rest) = indentation(line);
        let blank = rest.is_empty();

        if !blank {
            pass.close_less_indented(col, line_no);
        }
        let body_col = pass.open.last().map_or(0, |o| o.marker_col + TAB);

        if let Some(fence) = &pass.fence {
            if !blank && is_fence_close(rest, fence) {
                pass.fence = None;
            }
            pass.emit_body_line(line, line_no);
            prev_blank = blank;
            continue;
        }
        if blank {
            pass.emit_body_line(line, line_no);
            prev_blank = true;
            continue;
        }

        let container = pass.update_lists(col, rest, prev_blank).max(body_col);
        indented_code = if indented_code {
            col >= container + TAB
        } else {
            prev_blank && col >= container + TAB && pass.lists.is_empty()
        };
        if !indented_code && col < container + TAB {
            if let Some(marker) = parse_marker(rest) {
                pass.open_block(marker, col, line_no);
                prev_blank = true;
                continue;
            }
            if let Some((ch, len)) = fence_open(rest) {
                let depth = pass.open.len();
                pass.fence = Some(Fence {
                    ch,
                    len,
                    depth,
                    out_col: col.saturating_sub(TAB * depth),
                });
            }
        }
        pass.emit_body_line(line, line_no);
        prev_blank = false;
    }
    let last_line = src.lines().count().saturating_sub(1) as u32;
    while !pass.open.is_empty() {
        pass.close_top(last_line);
    }
    pass.out
}

struct Pass {
    out: Preprocessed,
    open: Vec<Open>,
    fence: Option<Fence>,
    /// Content columns of the list items we are inside, innermost last.
    lists: Vec<usize>,
}

impl Pass {
    fn push_line(&mut self, text: &str, line_no: u32) {
        self.out.text.push_str(text);
        self.out.text.push('\n');
        self.out.line_map.push(line_no);
    }

    fn last_line_blank(&self) -> bool {
        let text = &self.out.text;
        let without_newline = text.strip_suffix('\n').unwrap_or(text);
        text.is_empty()
            || without_newline
                .rsplit('\n')
                .next()
                .is_none_or(|l| l.trim().is_empty())
    }

    /// Copies a line into the output, dedented by 4 columns per open admonition.
    fn emit_body_line(&mut self, line: &str, line_no: u32) {
        let dedented = dedent(line, TAB * self.open.len());
        self.push_line(&dedented, line_no);
    }

    fn close_less_indented(&mut self, col: usize, line_no: u32) {
        while let Some(top) = self.open.last() {
            if col >= top.marker_col + TAB {
                break;
            }
            self.close_top(line_no.saturating_sub(1));
        }
    }

    fn close_top(&mut self, line_no: u32) {
        let Some(top) = self.open.pop() else { return };
        if let Some(fence) = self.fence.take_if(|f| f.depth > self.open.len()) {
            let closer = format!(
                "{}{}",
                " ".repeat(fence.out_col),
                (fence.ch as char).to_string().repeat(fence.len)
            );
            self.push_line(&closer, line_no);
        }
        self.out.blocks[top.block].body.end = self.out.text.len();
        let tag = match self.out.blocks[top.block].style {
            Style::Admonition => "</div>",
            Style::Details { .. } => "</details>",
        };
        if !self.last_line_blank() {
            self.push_line("", line_no);
        }
        self.push_line(&format!("{}{tag}", " ".repeat(top.out_col)), line_no);
        self.push_line("", line_no);
        self.lists.retain(|&c| c <= top.marker_col);
    }

    fn open_block(&mut self, marker: Marker, col: usize, line_no: u32) {
        let out_col = col.saturating_sub(TAB * self.open.len());
        let indent = " ".repeat(out_col);
        let class_attr = marker.classes.join(" ");
        let opening = match marker.style {
            Style::Admonition => format!("{indent}<div class=\"admonition {class_attr}\">"),
            Style::Details { open } => {
                let open_attr = if open { " open=\"open\"" } else { "" };
                if class_attr.is_empty() {
                    format!("{indent}<details{open_attr}>")
                } else {
                    format!("{indent}<details class=\"{class_attr}\"{open_attr}>")
                }
            }
        };
        if !self.last_line_blank() {
            self.push_line("", line_no);
        }
        self.push_line(&opening, line_no);
        // The title line is filled in by the renderer, which knows how to render inline markdown.
        self.push_line(&format!("{indent}{TITLE_PLACEHOLDER}"), line_no);
        self.push_line("", line_no);
        let start = self.out.text.len();
        self.out.blocks.push(Block {
            style: marker.style,
            classes: marker.classes,
            title: marker.title,
            body: start..start,
        });
        self.open.push(Open {
            block: self.out.blocks.len() - 1,
            marker_col: col,
            out_col,
        });
    }

    /// Tracks list items so markers inside them are recognised; returns the content column of
    /// the innermost list item (0 outside lists).
    fn update_lists(&mut self, col: usize, rest: &str, prev_blank: bool) -> usize {
        if let Some(width) = list_marker_width(rest) {
            self.lists.retain(|&c| c <= col);
            self.lists.push(col + width);
        } else if prev_blank {
            self.lists.retain(|&c| c <= col);
        }
        self.lists.last().copied().unwrap_or(0)
    }
}

/// Put where the title goes; the renderer replaces it (see [`title_html`]).
pub const TITLE_PLACEHOLDER: &str = "<!--answerbook:admonition-title-->";

struct Marker {
    style: Style,
    classes: Vec<String>,
    title: Option<String>,
}

/// Parses `!!! type words "Title"`, `??? type "Title"`, `???+ "Title"`.
fn parse_marker(line: &str) -> Option<Marker> {
    let (style, rest) = if let Some(r) = line.strip_prefix("!!!") {
        (Style::Admonition, r)
    } else if let Some(r) = line.strip_prefix("???+") {
        (Style::Details { open: true }, r)
    } else if let Some(r) = line.strip_prefix("???") {
        (Style::Details { open: false }, r)
    } else {
        return None;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let (words_part, title) = match rest.find('"') {
        Some(q) => {
            let after = &rest[q + 1..];
            let end = after.rfind('"')?;
            if !after[end + 1..].trim_end_matches(' ').is_empty() {
                return None;
            }
            if q > 0 && !rest[..q].ends_with(' ') {
                return None;
            }
            (&rest[..q], Some(after[..end].to_owned()))
        }
        None => (rest, None),
    };
    let words: Vec<&str> = words_part.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| {
        !w.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    }) {
        return None;
    }
    if words.is_empty() && (style == Style::Admonition || title.is_none()) {
        return None;
    }
    if words_part.starts_with(' ') && !words.is_empty() {
        return None;
    }
    let classes: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let title = match title {
        Some(t) if t.is_empty() => None,
        Some(t) => Some(t),
        None => Some(capitalize(&classes[0])),
    };
    Some(Marker {
        style,
        classes,
        title,
    })
}

fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The HTML line that replaces [`TITLE_PLACEHOLDER`] for `block`, given its title rendered as
/// inline HTML (`None`: no title element at all).
pub fn title_html(block: &Block, rendered_title: Option<&str>) -> String {
    match (block.style, rendered_title) {
        (_, None) => String::new(),
        (Style::Admonition, Some(t)) => format!("<p class=\"admonition-title\">{t}</p>"),
        (Style::Details { .. }, Some(t)) => format!("<summary>{t}</summary>"),
    }
}

/// Columns of leading white space (tabs to the next multiple of 4) and the rest of the line.
fn indentation(line: &str) -> (usize, &str) {
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return (col, &line[i..]),
        }
    }
    (col, "")
}

/// Removes up to `cols` columns of leading white space, keeping what lies beyond.
fn dedent(line: &str, cols: usize) -> String {
    if cols == 0 {
        return line.to_owned();
    }
    let mut col = 0;
    for (i, b) in line.bytes().enumerate() {
        if col >= cols {
            return format!("{}{}", " ".repeat(col - cols), &line[i..]);
        }
        match b {
            b' ' => col += 1,
            b'\t' => col += TAB - col % TAB,
            _ => return line[i..].to_owned(),
        }
    }
    String::new()
}

fn fence_open(rest: &str) -> Option<(u8, usize)> {
    let ch = *rest.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = rest.bytes().take_while(|&b| b == ch).count();
    if len < 3 || (ch == b'`' && rest[len..].contains('`')) {
        return None;
    }
    Some((ch, len))
}

fn is_fence_close(rest: &str, fence: &Fence) -> bool {
    let len = rest.bytes().take_while(|&b| b == fence.ch).count();
    len >= fence.len && rest[len..].trim().is_empty()
}

/// Width of a list item marker plus the spaces after it (`- `, `12. `), if `rest` starts one.
fn list_marker_width(rest: &str) -> Option<usize> {
    let bytes = rest.as_bytes();
    let marker = match bytes.first()? {
        b'-' | b'*' | b'+' => 1,
        b'0'..=b'9' => {
            let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
            match bytes.get(digits) {
                Some(b'.' | b')') if digits <= 9 => digits + 1,
                _ => return None,
            }
        }
        _ => return None,
    };
    let spaces = bytes[marker..].iter().take_while(|&&b| b == b' ').count();
    match bytes.get(marker) {
        None => Some(marker + 1),
        Some(b' ') if spaces <= 4 => Some(marker + spaces),
        Some(b' ') => Some(marker + 1),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(src: &str) -> Vec<Block> {
        preprocess(src).blocks
    }

    #[test]
    fn marker_titles_and_classes() {
        let b = blocks("!!! note\n    x\n");
        assert_eq!(b[0].classes, ["note"]);
        assert_eq!(b[0].title.as_deref(), Some("Note"));
        let b = blocks("!!! info \"In short\"\n    x\n");
        assert_eq!(b[0].title.as_deref(), Some("In short"));
        let b = blocks("!!! warning \"\"\n    x\n");
        assert_eq!(b[0].title, None);
        let b = blocks("!!! Danger highlight blink \"Don't\"\n    x\n");
        assert_eq!(b[0].classes, ["danger", "highlight", "blink"]);
        assert_eq!(b[0].title.as_deref(), Some("Don't"));
        let b = blocks("???+ \"Only a title\"\n    x\n");
        assert_eq!(b[0].style, Style::Details { open: true });
        assert!(b[0].classes.is_empty());
    }

    #[test]
    fn not_markers() {
        assert!(blocks("!!!\n    x\n").is_empty());
        assert!(blocks("!!! \"no type\"\n    x\n").is_empty());
        assert!(blocks("!!! note \"a\" trailing\n").is_empty());
        assert!(blocks("text !!! note\n").is_empty());
    }

    #[test]
    fn body_is_dedented_and_ends_at_less_indented_line() {
        let p = preprocess("!!! note\n    body\n\n    more\nafter\n");
        let body = &p.text[p.blocks[0].body.clone()];
        assert_eq!(body, "body\n\nmore\n");
        assert!(p.text.ends_with("</div>\n\nafter\n"), "{}", p.text);
        assert_eq!(p.line_map.len(), p.text.lines().count());
        let after = p.text.lines().position(|l| l == "after").unwrap();
        assert_eq!(p.line_map[after], 4);
    }

    #[test]
    fn markers_in_code_stay_literal() {
        assert!(blocks("```\n!!! note\n    x\n```\n").is_empty());
        assert!(blocks("~~~~md\n??? note\n~~~~\n").is_empty());
        assert!(blocks("para\n\n    !!! note\n        x\n").is_empty());
    }

    #[test]
    fn nested_and_in_lists() {
        let p = preprocess("!!! note\n    outer\n\n    !!! tip\n        inner\n");
        assert_eq!(p.blocks.len(), 2);
        assert_eq!(&p.text[p.blocks[1].body.clone()], "inner\n");
        let p = preprocess("- item\n\n    !!! note\n        x\n");
        assert_eq!(p.blocks.len(), 1);
    }

    #[test]
    fn fence_inside_body_is_closed_with_the_body() {
        let p = preprocess("!!! note\n    ```py\n    x = 1\nafter\n");
        assert!(p.text.contains("x = 1\n```\n"), "{}", p.text);
    }
}

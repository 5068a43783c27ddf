//! Tables as Python-Markdown's `tables` extension writes them. Line part: a `|` inside a code
//! span of a table row does not split the cell (it is escaped, which GFM tables read as a
//! `|` even in code), and tabs in the delimiter row are spaces; under Python-Markdown's rules
//! (`python`) also: a one-column table needs a `|` at either end of every row (else it is
//! text), and under a header without border pipes a row's leading `|` starts an empty cell.
//! Event part: aligned cells get `style="text-align: left;"`, or `align="left"` with
//! `use_align_attribute`.

use std::fmt::Write;

use pulldown_cmark::{Alignment, CowStr, Event, Tag, TagEnd};

/// Rewrites the rows of the tables of `body`, one line for one line; `None` when no row
/// needs it. `python`: Python-Markdown's rules for borders (see the module's note).
pub(super) fn prepare(body: &str, python: bool) -> Option<String> {
    let has = |b: u8| memchr::memchr(b, body.as_bytes()).is_some();
    if !has(b'|') || !(python || has(b'`') || has(b'\t')) {
        return None;
    }
    let lines: Vec<&str> = body.split('\n').collect();
    let mut out: Vec<Option<String>> = vec![None; lines.len()];
    let mut fence: Option<(u8, usize)> = None;
    let mut in_table = false;
    // Under Python's rules, whether the table's header has no border pipe.
    let mut borderless = false;
    for (i, line) in lines.iter().enumerate() {
        let rest = line.trim_start();
        if let Some((ch, len)) = fence {
            if super::preprocess::fence_closes(rest, ch, len) {
                fence = None;
            }
            continue;
        }
        if let Some(open) = super::preprocess::fence_open(rest) {
            fence = Some(open);
            in_table = false;
            continue;
        }
        if rest.trim().is_empty() {
            in_table = false;
            continue;
        }
        let starts = !in_table
            && lines.get(i + 1).is_some_and(|next| is_delimiter_row(next))
            && line.contains('|');
        if starts && python && !python_table(&lines[i..]) {
            // Its delimiter row, pipes escaped, is text to GFM too.
            out[i + 1] = Some(lines[i + 1].replace('|', "\\|"));
            continue;
        }
        if starts {
            in_table = true;
            borderless = python && !has_border(rest);
        } else if in_table && is_delimiter_row(line) && line.contains('\t') {
            out[i] = Some(line.replace('\t', " "));
            continue;
        }
        if in_table && line.contains('`') {
            out[i] = escape_pipes_in_code(line);
        }
        if in_table && borderless && !starts && rest.starts_with('|') && !is_delimiter_row(rest) {
            // GFM reads a leading `|` as a border; one more makes it the empty first cell
            // Python-Markdown reads.
            let row = out[i].as_deref().unwrap_or(line);
            let indent = row.len() - row.trim_start().len();
            out[i] = Some(format!("{}|{}", &row[..indent], &row[indent..]));
        }
    }
    if out.iter().all(Option::is_none) {
        return None;
    }
    let mut text = String::with_capacity(body.len() + 16);
    for (i, line) in lines.iter().enumerate() {
        if i > 0 {
            text.push('\n');
        }
        text.push_str(out[i].as_deref().unwrap_or(line));
    }
    Some(text)
}

/// Whether a row starts or ends with a border pipe (an escaped `\|` at the end is none).
fn has_border(row: &str) -> bool {
    let row = row.trim_matches([' ', '\t', '\r']);
    row.starts_with('|') || ends_with_pipe(row)
}

/// Whether `row` ends with a `|` that no backslash escapes.
fn ends_with_pipe(row: &str) -> bool {
    let Some(before) = row.strip_suffix('|') else {
        return false;
    };
    let slashes = before.len() - before.trim_end_matches('\\').len();
    slashes % 2 == 0
}

/// Whether the block starting with a header and a delimiter row is a table to
/// Python-Markdown: a header of one cell needs a border, and then every row of the block (up
/// to a blank line) a `|` at its start or end.
fn python_table(block: &[&str]) -> bool {
    let header = block[0].trim_matches([' ', '\t', '\r']);
    let inner = header.strip_prefix('|').unwrap_or(header);
    let inner = if ends_with_pipe(inner) {
        &inner[..inner.len() - 1]
    } else {
        inner
    };
    let one_cell = !inner.replace("\\|", "").contains('|');
    if !one_cell {
        return true;
    }
    has_border(header)
        && block[1..]
            .iter()
            .take_while(|l| !l.trim().is_empty())
            .all(|l| has_border(l))
}

/// `| --- | :-: |`: dashes, colons, pipes and white space, with a dash.
fn is_delimiter_row(line: &str) -> bool {
    line.contains('-')
        && line.contains(['|', '-'])
        && line
            .bytes()
            .all(|b| matches!(b, b'|' | b'-' | b':' | b' ' | b'\t' | b'\r'))
}

/// The line with each `|` inside a code span escaped; `None` when it has none.
fn escape_pipes_in_code(line: &str) -> Option<String> {
    let b = line.as_bytes();
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] != b'`' {
            i += 1;
            continue;
        }
        let run = b[i..].iter().take_while(|&&c| c == b'`').count();
        let body = i + run;
        let mut j = body;
        let mut close = None;
        while j < b.len() {
            if b[j] == b'`' {
                let r = b[j..].iter().take_while(|&&c| c == b'`').count();
                if r == run {
                    close = Some(j);
                    break;
                }
                j += r;
            } else {
                j += 1;
            }
        }
        match close {
            Some(end) => {
                spans.push((body, end));
                i = end + run;
            }
            None => i = body,
        }
    }
    let pipes = spans.iter().any(|&(s, e)| line[s..e].contains('|'));
    if !pipes {
        return None;
    }
    let mut out = String::with_capacity(line.len() + 4);
    let mut last = 0;
    for (s, e) in spans {
        out.push_str(&line[last..s]);
        for (k, c) in line[s..e].char_indices() {
            let escaped = k > 0 && line.as_bytes()[s + k - 1] == b'\\';
            if c == '|' && !escaped {
                out.push('\\');
            }
            out.push(c);
        }
        last = e;
    }
    out.push_str(&line[last..]);
    Some(out)
}

/// Writes the opening tags of aligned cells as Python-Markdown does, and gives a table
/// without rows one row of empty cells, as it does.
pub(super) fn apply(events: &mut Vec<Event<'_>>, align_attribute: bool) {
    let mut empty: Vec<(usize, usize)> = Vec::new();
    let mut columns = 0;
    for (i, pair) in events.windows(2).enumerate() {
        match pair {
            [Event::Start(Tag::Table(a)), _] => columns = a.len(),
            [Event::End(TagEnd::TableHead), Event::End(TagEnd::Table)] => {
                empty.push((i + 1, columns));
            }
            _ => {}
        }
    }
    for (at, columns) in empty.into_iter().rev() {
        let row = [
            vec![Event::Start(Tag::TableRow)],
            (0..columns)
                .flat_map(|_| [Event::Start(Tag::TableCell), Event::End(TagEnd::TableCell)])
                .collect(),
            vec![Event::End(TagEnd::TableRow)],
        ]
        .concat();
        events.splice(at..at, row);
    }
    let mut aligns: Vec<Alignment> = Vec::new();
    let mut head = false;
    let mut col = 0;
    let mut aligned_cell = false;
    for event in events.iter_mut() {
        match event {
            Event::Start(Tag::Table(a)) => {
                aligns = std::mem::take(a);
                a.extend(aligns.iter().map(|_| Alignment::None));
            }
            // The head's cells come in no row of their own.
            Event::Start(Tag::TableHead) => {
                head = true;
                col = 0;
            }
            Event::End(TagEnd::TableHead) => head = false,
            Event::Start(Tag::TableRow) => col = 0,
            Event::Start(Tag::TableCell) => {
                let side = match aligns.get(col) {
                    Some(Alignment::Left) => "left",
                    Some(Alignment::Center) => "center",
                    Some(Alignment::Right) => "right",
                    _ => "",
                };
                col += 1;
                aligned_cell = !side.is_empty();
                if aligned_cell {
                    let tag = if head { "th" } else { "td" };
                    let mut open = format!("<{tag}");
                    let _ = if align_attribute {
                        write!(open, " align=\"{side}\">")
                    } else {
                        write!(open, " style=\"text-align: {side};\">")
                    };
                    *event = Event::Html(CowStr::from(open));
                }
            }
            Event::End(TagEnd::TableCell) if aligned_cell => {
                let tag = if head { "th" } else { "td" };
                *event = Event::Html(CowStr::from(format!("</{tag}>")));
                aligned_cell = false;
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pipes_in_code_spans_of_rows_are_escaped() {
        let src = "a | b\n--- | ---\n`x | y` | z\n\n`p | q` outside\n";
        let out = prepare(src, false).unwrap();
        assert_eq!(out, "a | b\n--- | ---\n`x \\| y` | z\n\n`p | q` outside\n");
    }

    #[test]
    fn tabs_in_the_delimiter_row_are_spaces() {
        let out = prepare("a | b\n---\t| ---\n", false).unwrap();
        assert_eq!(out, "a | b\n--- | ---\n");
    }

    #[test]
    fn code_fences_are_left_alone() {
        assert_eq!(
            prepare("```\na | b\n--- | ---\n`x | y` | z\n```\n", false),
            None
        );
    }

    #[test]
    fn a_one_column_table_needs_a_pipe_on_every_row() {
        let src = "| Tea\n| ---\nGreen\n\n| Tea\n| ---\n| Green\n";
        assert_eq!(
            prepare(src, true).unwrap(),
            "| Tea\n\\| ---\nGreen\n\n| Tea\n| ---\n| Green\n"
        );
        assert_eq!(prepare(src, false), None, "GFM's rules keep both tables");
    }

    #[test]
    fn every_table_of_a_page_keeps_its_alignment() {
        let page =
            "| Size | Price |\n|:--|--:|\n| S | 9 |\n\n| Tea | Cups |\n|:-:|--:|\n| G | 2 |\n";
        let html = crate::markdown::tests_support::render_python_markdown(page);
        for cell in [
            "<th style=\"text-align: left;\">Size</th>",
            "<td style=\"text-align: right;\">9</td>",
            "<th style=\"text-align: center;\">Tea</th>",
            "<th style=\"text-align: right;\">Cups</th>",
            "<td style=\"text-align: center;\">G</td>",
        ] {
            assert!(html.contains(cell), "{cell} in {html}");
        }
    }

    #[test]
    fn a_leading_pipe_under_a_borderless_header_is_an_empty_cell() {
        let src = "a | b | c\n--|--|--\n  | x |\ny | z\n";
        assert_eq!(
            prepare(src, true).unwrap(),
            "a | b | c\n--|--|--\n  || x |\ny | z\n"
        );
        assert_eq!(prepare("| a | b\n|--|--\n| x | y\n", true), None);
    }
}

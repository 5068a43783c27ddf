//! Notes for pages of MkDocs projects whose lists GitHub (CommonMark) reads differently from
//! MkDocs (Python-Markdown), so authors who preview on GitHub learn that MkDocs shows something
//! else: a list nested by fewer than 4 spaces (one flat list in MkDocs), a list right under a
//! paragraph line (text in MkDocs), and `1.` items followed by `-` items (one list in MkDocs,
//! without `sane_lists`). Top-level lists only; fenced code is skipped.

use crate::markdown::indentation;

const AFTER_TEXT: &str = "this list follows a paragraph line with no blank line between: MkDocs shows it as text of the paragraph, GitHub as a list (add a blank line above it)";

/// One note: the 1-based line in the file and its text.
pub(super) type Note = (usize, String);

/// The notes for a page body starting at file line `body_line`; nothing (and next to no work)
/// on pages without a list marker.
pub(super) fn notes(body: &str, body_line: usize, sane_lists: bool) -> Vec<Note> {
    let mut found = Vec::new();
    if !(body.contains("- ") || body.contains("* ") || body.contains("+ ") || body.contains(". ")) {
        return found;
    }
    let mut fence: Option<(u8, usize)> = None;
    // The previous line outside a list was paragraph text, and whether it was noted already.
    let mut para = false;
    let mut para_noted = false;
    // The open list as GitHub nests it (its open items, outermost first) and how many levels
    // deep MkDocs nests it (one per 4 columns).
    let mut levels: Vec<Level> = Vec::new();
    let mut depth = 0;
    let mut after_blank = false;
    for (i, line) in body.split('\n').enumerate() {
        let no = body_line + i;
        let (indent, text) = indentation(line);
        if let Some((ch, len)) = fence {
            let run = text.bytes().take_while(|&b| b == ch).count();
            if run >= len && text[run..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if text.trim().is_empty() {
            after_blank = true;
            para = false;
            continue;
        }
        if let Some(open) = fence_open(text) {
            fence = Some(open);
            para = false;
            after_blank = false;
            continue;
        }
        let Some(m) = marker(text) else {
            if !levels.is_empty() && (!after_blank || indent >= 4) {
                after_blank = false;
                continue;
            }
            levels.clear();
            let prose = indent < 4
                && !text.starts_with([
                    '#', '>', '<', '|', '!', '?', '=', '/', ':', '[', '-', '*', '_',
                ]);
            if !(prose && para) {
                para_noted = false;
            }
            para = prose || (para && indent >= 4);
            after_blank = false;
            continue;
        };
        after_blank = false;
        if levels.is_empty() {
            if indent >= 4 {
                para = para && indent >= 4;
                continue;
            }
            // CommonMark lets a list interrupt a paragraph, an ordered one only from 1.
            if para && (!m.ordered || m.number == "1") {
                if !para_noted {
                    found.push((no, AFTER_TEXT.to_owned()));
                    para_noted = true;
                }
                continue;
            }
            if para {
                continue;
            }
            levels.push(Level::of(indent, &m));
            depth = 1;
            continue;
        }
        // MkDocs: a sibling unless 4 columns deeper than its list's level.
        let level = (indent / 4).min(depth);
        let nests_in_mkdocs = level == depth;
        depth = level + 1;
        // GitHub: inside every open item whose content starts at or before the marker; a
        // sibling of the last item closed, in the same list only if of the same kind.
        let mut closed = None;
        while levels.last().is_some_and(|top| top.content > indent) {
            closed = levels.pop();
        }
        levels.push(Level::of(indent, &m));
        if nests_in_mkdocs {
            continue;
        }
        match closed {
            None => {
                let rel = indent - level * 4;
                found.push((no, format!(
                    "this list nests by {rel} spaces: MkDocs (4-space rule) shows one flat list, GitHub nests it (indent it by 4 spaces)"
                )));
            }
            Some(p) if !sane_lists && p.ordered != m.ordered => {
                let (this, above) = match m.ordered {
                    true => ("numbered item", "bulleted"),
                    false => ("bulleted item", "numbered"),
                };
                found.push((no, format!(
                    "this {this} continues the {above} list above in MkDocs (one list), GitHub starts a new list here (put other text between them)"
                )));
            }
            Some(_) => {}
        }
    }
    found
}

/// An open item of a list, as GitHub reads it.
#[derive(Debug, Clone, Copy)]
struct Level {
    /// The column CommonMark's content starts at (marker, then 1 to 4 spaces).
    content: usize,
    ordered: bool,
}

impl Level {
    fn of(indent: usize, m: &Marker<'_>) -> Self {
        Level {
            content: indent + m.width,
            ordered: m.ordered,
        }
    }
}

struct Marker<'a> {
    ordered: bool,
    number: &'a str,
    /// Marker and the spaces after it, as CommonMark counts them (1 to 4).
    width: usize,
}

/// A list marker both readings know: `-`, `*`, `+` or `12.`, then a space and text.
fn marker(text: &str) -> Option<Marker<'_>> {
    let b = text.as_bytes();
    let (ordered, len) = match b.first()? {
        b'-' | b'*' | b'+' => (false, 1),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (digits <= 9 && b.get(digits) == Some(&b'.')).then_some((true, digits + 1))?
        }
        _ => return None,
    };
    let spaces = b[len..].iter().take_while(|&&c| c == b' ').count();
    if spaces == 0 || len + spaces == b.len() || is_rule(text) {
        return None;
    }
    let number = if ordered { &text[..len - 1] } else { "" };
    let width = len + if spaces > 4 { 1 } else { spaces };
    Some(Marker {
        ordered,
        number,
        width,
    })
}

/// `- - -`, `***`: a thematic break, not a list.
fn is_rule(text: &str) -> bool {
    let ch = text.as_bytes()[0];
    let t = text.trim_end();
    t.bytes().all(|b| b == ch || b == b' ') && t.bytes().filter(|&b| b == ch).count() >= 3
}

fn fence_open(text: &str) -> Option<(u8, usize)> {
    let ch = *text.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let run = text.bytes().take_while(|&b| b == ch).count();
    (run >= 3 && !(ch == b'`' && text[run..].contains('`'))).then_some((ch, run))
}

#[cfg(test)]
mod tests {
    use super::notes;

    fn lines(body: &str) -> Vec<usize> {
        notes(body, 1, false).into_iter().map(|(l, _)| l).collect()
    }

    #[test]
    fn each_case_is_noted_at_its_line_once() {
        assert_eq!(lines("- a\n  - b\n  - c\n- d\n"), [2]);
        assert_eq!(lines("Intro:\n- a\n- b\n"), [2]);
        assert_eq!(lines("1. a\n2. b\n- c\n- d\n"), [3]);
        assert_eq!(lines("1. a\n   - b\n"), [2]);
    }

    #[test]
    fn lists_both_read_alike_get_no_note() {
        assert!(lines("Intro:\n\n- a\n    - b\n- c\n\nThen:\n\n1. x\n2. y\n").is_empty());
        // After a blank line MkDocs goes on with the list above, whatever its kind.
        assert_eq!(lines("- a\n\n1. x\n"), [3]);
        assert!(lines("Text\n3. not a list on GitHub either\n").is_empty());
        assert!(lines("```\nIntro:\n- a\n  - b\n```\n").is_empty());
        assert!(lines("- a\n\ntext\n\n- b\n  more\n").is_empty());
        assert!(lines("1. a\n   - b\n   - c\n2. d\n- e\n") == [2, 5]);
        assert_eq!(notes("1. a\n- b\n", 1, true), []);
        assert!(lines("No list here at all.\n").is_empty());
    }
}

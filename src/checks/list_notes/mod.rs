//! Notes for pages of MkDocs projects whose lists GitHub (CommonMark) reads differently from
//! MkDocs (Python-Markdown), so authors who preview on GitHub learn that MkDocs shows something
//! else: a list nested by fewer than 4 spaces (one flat list in MkDocs), a list right under a
//! paragraph line (text in MkDocs), and `1.` items followed by `-` items (one list in MkDocs,
//! without `sane_lists`). Lists at any depth are read, and so are the bodies of admonitions,
//! `???` details and content tabs (indented 4, read as a page of their own); fenced code is
//! skipped.

mod marker;

use crate::markdown::indentation;
use crate::markdown::preprocess::{fence_closes, fence_open};
use marker::{Marker, marker, opens_container};

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
    let lines: Vec<Line<'_>> = body
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let (indent, text) = indentation(line);
            Line {
                no: body_line + i,
                indent,
                text,
            }
        })
        .collect();
    read(&lines, 0, sane_lists, &mut found);
    found
}

/// A line of the body: its line in the file, its indentation in columns and what follows it.
#[derive(Clone, Copy)]
struct Line<'a> {
    no: usize,
    indent: usize,
    text: &'a str,
}

/// Reads `lines` as one block whose text starts at column `base` (0 for the page, 4 more for
/// each container it sits in), adding the notes to `found` in line order.
fn read(lines: &[Line<'_>], base: usize, sane_lists: bool, found: &mut Vec<Note>) {
    let mut lists = Lists {
        sane_lists,
        ..Lists::default()
    };
    let mut fence: Option<(u8, usize)> = None;
    let mut i = 0;
    while let Some(&Line { no, indent, text }) = lines.get(i) {
        i += 1;
        let indent = indent.saturating_sub(base);
        if let Some((ch, len)) = fence {
            if fence_closes(text, ch, len) {
                fence = None;
            }
            continue;
        }
        if text.trim().is_empty() {
            lists.blank();
        } else if let Some(open) = fence_open(text) {
            fence = Some(open);
            lists.fence();
        } else if opens_container(text) && (indent < 4 || !lists.levels.is_empty()) {
            // Its body: the lines below indented 4 more, and blank lines between them.
            let inner = base + indent + 4;
            let mut end = i;
            while lines
                .get(end)
                .is_some_and(|l| l.text.trim().is_empty() || l.indent >= inner)
            {
                end += 1;
            }
            while end > i && lines[end - 1].text.trim().is_empty() {
                end -= 1;
            }
            read(&lines[i..end], inner, sane_lists, found);
            i = end;
            lists.container(indent);
        } else if let Some(m) = marker(text) {
            if let Some(note) = lists.item(indent, &m) {
                found.push((no, note));
            }
        } else {
            lists.text(indent, text);
        }
    }
}

/// What the lines read so far leave open, in both readings.
#[derive(Default)]
struct Lists {
    sane_lists: bool,
    /// The previous line outside a list was paragraph text, and whether it was noted already.
    para: bool,
    para_noted: bool,
    /// The open list as GitHub nests it (its open items, outermost first) and how many levels
    /// deep MkDocs nests it (one per 4 columns).
    levels: Vec<Level>,
    depth: usize,
    after_blank: bool,
    /// A paragraph inside an item, begun after a blank line: MkDocs reads every line of it
    /// as text, lines looking like list items too.
    item_para: Option<ItemPara>,
}

struct ItemPara {
    /// The content column of the item GitHub puts the paragraph in; none if GitHub reads
    /// it as indented code.
    github_item: Option<usize>,
    noted: bool,
}

impl Lists {
    fn blank(&mut self) {
        self.after_blank = true;
        self.para = false;
        self.item_para = None;
    }

    fn fence(&mut self) {
        self.para = false;
        self.after_blank = false;
        self.item_para = None;
    }

    /// After an admonition, details or tab: a list it sits in goes on, any other ends.
    fn container(&mut self, indent: usize) {
        if indent < 4 {
            self.levels.clear();
            self.depth = 0;
        }
        self.para = false;
        self.para_noted = false;
        self.after_blank = false;
        self.item_para = None;
    }

    /// A line of text at `indent` columns.
    fn text(&mut self, indent: usize, text: &str) {
        let prose = !text.starts_with([
            '#', '>', '<', '|', '!', '?', '=', '/', ':', '[', '-', '*', '_',
        ]);
        if !self.levels.is_empty() && (!self.after_blank || indent >= 4) {
            if self.after_blank && prose {
                let github_item = self
                    .levels
                    .iter()
                    .rev()
                    .find(|l| l.content <= indent)
                    .and_then(|l| (indent - l.content < 4).then_some(l.content));
                self.item_para = Some(ItemPara {
                    github_item,
                    noted: false,
                });
            }
            self.after_blank = false;
            return;
        }
        self.levels.clear();
        let prose = prose && indent < 4;
        if !(prose && self.para) {
            self.para_noted = false;
        }
        self.para = prose || (self.para && indent >= 4);
        self.after_blank = false;
    }

    /// A line starting with a list marker at `indent` columns; the note it deserves, if any.
    fn item(&mut self, indent: usize, m: &Marker<'_>) -> Option<String> {
        self.after_blank = false;
        // CommonMark lets a list interrupt a paragraph, an ordered one only from 1.
        let interrupts = !m.ordered || m.number == "1";
        if let Some(p) = &mut self.item_para {
            let github_list = p
                .github_item
                .is_some_and(|c| indent < c + 4 && (indent < c || interrupts));
            if !github_list || std::mem::replace(&mut p.noted, true) {
                return None;
            }
            return Some(AFTER_TEXT.to_owned());
        }
        if self.levels.is_empty() {
            if indent >= 4 {
                self.para = self.para && indent >= 4;
                return None;
            }
            if self.para {
                if !interrupts || std::mem::replace(&mut self.para_noted, true) {
                    return None;
                }
                return Some(AFTER_TEXT.to_owned());
            }
            self.levels.push(Level::of(indent, m));
            self.depth = 1;
            return None;
        }
        // MkDocs: a sibling unless 4 columns deeper than its list's level.
        let level = (indent / 4).min(self.depth);
        let nests_in_mkdocs = level == self.depth;
        self.depth = level + 1;
        // GitHub: inside every open item whose content starts at or before the marker; a
        // sibling of the last item closed, in the same list only if of the same kind.
        let mut closed = None;
        while self.levels.last().is_some_and(|top| top.content > indent) {
            closed = self.levels.pop();
        }
        self.levels.push(Level::of(indent, m));
        if nests_in_mkdocs {
            return None;
        }
        match closed {
            None => {
                let rel = indent - level * 4;
                Some(format!(
                    "this list nests by {rel} spaces: MkDocs (4-space rule) shows one flat list, GitHub nests it (indent it by 4 spaces)"
                ))
            }
            Some(p) if !self.sane_lists && p.ordered != m.ordered => {
                let (this, above) = match m.ordered {
                    true => ("numbered item", "bulleted"),
                    false => ("bulleted item", "numbered"),
                };
                Some(format!(
                    "this {this} continues the {above} list above in MkDocs (one list), GitHub starts a new list here (put other text between them)"
                ))
            }
            Some(_) => None,
        }
    }
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
    fn lists_inside_items_and_containers_are_read_too() {
        // Two levels down, by 2 more spaces.
        assert_eq!(lines("- a\n    - b\n      - c\n"), [3]);
        // A paragraph of an item, then a list with no blank line: text in MkDocs.
        assert_eq!(lines("- a\n\n    Intro:\n    - b\n    - c\n"), [4]);
        // Admonition, details and tab bodies read as pages of their own.
        assert_eq!(lines("!!! note\n    - a\n      - b\n"), [3]);
        assert_eq!(lines("??? note \"T\"\n    Intro:\n    - a\n"), [3]);
        assert_eq!(lines("=== \"T\"\n\n    1. a\n    - b\n"), [4]);
        assert_eq!(
            lines("- a\n\n    !!! tip\n        - x\n          - y\n"),
            [5]
        );
    }

    #[test]
    fn nested_lists_both_read_alike_get_no_note() {
        assert!(lines("- a\n\n    Intro:\n\n    - b\n        - c\n").is_empty());
        assert!(lines("!!! note\n    Intro:\n\n    - a\n        - b\n").is_empty());
        // 4 columns past the item's content on GitHub: text there as well.
        assert!(lines("- a\n\n    Intro:\n      - b\n").is_empty());
        // Left of the item's content after a blank line: code on GitHub, not a list.
        assert!(lines("1.   a\n\n    Intro:\n    - b\n").is_empty());
        // Indented 4 with no list open: code in both, container syntax or not.
        assert!(lines("    !!! note\n        - a\n          - b\n").is_empty());
        // A heading underline is no tab.
        assert!(lines("Title\n===\n\n- a\n    - b\n").is_empty());
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

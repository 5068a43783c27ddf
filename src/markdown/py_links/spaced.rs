//! Reference links written with white space between their brackets, `[text] [id]`, as
//! Python-Markdown reads them on the pages of MkDocs projects: one space, tab or line break
//! between the two pairs joins them into one link when `id` (or, for `[text] []`, `text`) is
//! defined. CommonMark reads two shortcut references there, so the line pass takes the space
//! out, or moves a next line's `[id]` up to the `[text]` that ends the line before.
//!
//! `[text][id]` whose id is not defined but whose text is links `[text]` alone in
//! Python-Markdown (it falls back to the shortcut reference) and leaves `[id]` as text;
//! CommonMark reads no link there, so the line pass writes the `[` of `[id]` as `&#91;`
//! (pulldown-cmark reads no shortcut before a backslash-escaped `\[`).
//!
//! Whether an id is defined must be known before the page is parsed: [`Labels::of_page`]
//! collects the labels of every line that looks like a definition, on the pages that hold a
//! spaced pair or `][` at all (one byte search per line otherwise).

use std::borrow::Cow;
use std::collections::HashSet;

use super::{code_span_end, escapable, text_end};
use crate::markdown::preprocess::Line;

/// The ids a page defines, lower case with runs of white space as one space.
#[derive(Debug, Default)]
pub(in crate::markdown) struct Labels {
    ids: HashSet<String>,
    /// pymdownx.tasklist is on: `[x]` starting a list item is its check box, never a link's
    /// text (`- [x] [Pinned posts]` is a checked item holding one link).
    tasks: bool,
}

impl Labels {
    /// The labels of a page that holds `] [` (or `]` and a tab before `[`, or a line ending
    /// with `]` before one starting with `[`); `None` otherwise.
    pub(in crate::markdown) fn of_page(lines: &[Line<'_>], tasks: bool) -> Option<Self> {
        let split = |(i, l): (usize, &Line<'_>)| {
            l.text.ends_with(']')
                && lines
                    .get(i + 1)
                    .is_some_and(|n| n.text.trim_start().starts_with('['))
        };
        let paired = lines
            .iter()
            .any(|l| spaced_pair(l.text) || l.text.contains("]["));
        if !paired && !lines.iter().enumerate().any(split) {
            return None;
        }
        let mut labels = HashSet::new();
        for line in lines {
            let rest = line.text.trim_start();
            let Some(inner) = rest.strip_prefix('[') else {
                continue;
            };
            let Some(end) = inner.find("]:") else {
                continue;
            };
            let label = &inner[..end];
            // `[^1]:` is a footnote's.
            if !label.starts_with('^') && !label.contains('[') {
                labels.insert(normalise(label));
            }
        }
        Some(Labels { ids: labels, tasks })
    }

    fn defines(&self, label: &str) -> bool {
        self.ids.contains(&normalise(label))
    }
}

/// Whether a line holds `]`, one space or tab, and `[`.
fn spaced_pair(line: &str) -> bool {
    line.contains("] [") || line.contains("]\t[")
}

/// Whether `[text]` after `before` is a task list item's check box: `[ ]`, `[x]` or `[X]`
/// right after a list item's marker.
fn is_check_box(before: &str, text: &str) -> bool {
    let marker = before.trim();
    let bullet = matches!(marker, "-" | "*" | "+");
    let number = marker
        .strip_suffix('.')
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    matches!(text, " " | "x" | "X") && (bullet || number) && before.ends_with([' ', '\t'])
}

fn normalise(label: &str) -> String {
    let mut id = String::with_capacity(label.len());
    for word in label.split_whitespace() {
        if !id.is_empty() {
            id.push(' ');
        }
        id.extend(word.chars().flat_map(char::to_lowercase));
    }
    id
}

/// `line` with the white space taken out of each `[text] [id]` whose id is defined, and the
/// `[` of `[id]` written as a character reference in each `[text][id]` whose id is not and
/// whose text is.
pub(in crate::markdown) fn join<'a>(line: Cow<'a, str>, labels: &Labels) -> Cow<'a, str> {
    if !spaced_pair(&line) && !line.contains("][") {
        return line;
    }
    let edits = scan(&line, labels).edits;
    if edits.is_empty() {
        return line;
    }
    let mut out = String::with_capacity(line.len() + 4 * edits.len());
    let mut copied = 0;
    for edit in edits {
        match edit {
            Edit::Join(at) => {
                out.push_str(&line[copied..at]);
                copied = at + 1;
            }
            Edit::Escape(at) => {
                out.push_str(&line[copied..at]);
                out.push_str("&#91;");
                copied = at + 1;
            }
        }
    }
    out.push_str(&line[copied..]);
    Cow::Owned(out)
}

/// The pair split over two lines: for a `line` that ends with `[text]` and a `next` line
/// (from its container's column on) that starts with `[id]`, `id` defined (or empty and
/// `text` defined), the `[id]` of `next`, which the line pass moves up to `line`, with what
/// follows it up to the next white space (`[id],`) unless that is the rest of the line:
/// Python-Markdown's link takes the line break, so a comma right after it touches the link.
pub(in crate::markdown) fn across_lines<'n>(
    line: &str,
    next: &'n str,
    labels: &Labels,
) -> Option<&'n str> {
    if !line.ends_with(']') || !next.starts_with('[') {
        return None;
    }
    let (open, close) = scan(line, labels).last_text?;
    let id_end = 1 + next[1..].find(']')?;
    // `[id]:` is a definition.
    if next[id_end + 1..].starts_with(':') {
        return None;
    }
    let text = &line[open + 1..close];
    let id = match &next[1..id_end] {
        "" => text,
        id => id,
    };
    let run = next[id_end + 1..].find(char::is_whitespace);
    let end = run.map_or(id_end + 1, |n| id_end + 1 + n);
    labels.defines(id).then(|| &next[..end])
}

/// What [`scan`] finds on a line.
struct Scan {
    /// What to change, in line order.
    edits: Vec<Edit>,
    /// The `[` and `]` of a `[text]` that ends the line, which a next line's `[id]` may pair.
    last_text: Option<(usize, usize)>,
}

enum Edit {
    /// The white space at this offset goes.
    Join(usize),
    /// The `[` at this offset becomes `&#91;`.
    Escape(usize),
}

fn scan(line: &str, labels: &Labels) -> Scan {
    let b = line.as_bytes();
    let mut found = Scan {
        edits: Vec::new(),
        last_text: None,
    };
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\\' if b.get(i + 1).is_some_and(|&c| escapable(c)) => i += 2,
            b'`' => match code_span_end(b, i) {
                Some(end) => i = end,
                None => break,
            },
            b'[' => {
                let Some(close) = text_end(b, i) else {
                    i += 1;
                    continue;
                };
                let text = &line[i + 1..close];
                if labels.tasks && is_check_box(&line[..i], text) {
                    // The check box is taken first; what follows it may still pair.
                    i = close + 1;
                    continue;
                }
                let spaced = matches!(b.get(close + 1), Some(b' ' | b'\t'));
                let id_at = if spaced { close + 2 } else { close + 1 };
                // `[id]`: no bracket inside.
                let id_end = (b.get(id_at) == Some(&b'['))
                    .then(|| line[id_at + 1..].find(']').map(|n| id_at + 1 + n))
                    .flatten();
                let Some(id_end) = id_end else {
                    if close + 1 == b.len() && !text.starts_with('^') {
                        found.last_text = Some((i, close));
                    }
                    i = close + 1;
                    continue;
                };
                let written = &line[id_at + 1..id_end];
                let id = if written.is_empty() { text } else { written };
                let note = text.starts_with('^');
                if spaced && !note && labels.defines(id) {
                    found.edits.push(Edit::Join(close + 1));
                } else if !spaced
                    && !note
                    // `[text][^1]` is a link and a footnote's reference.
                    && !written.starts_with('^')
                    && !labels.defines(id)
                    && labels.defines(text)
                {
                    found.edits.push(Edit::Escape(id_at));
                }
                i = id_end + 1;
            }
            _ => i += 1,
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(page: &str) -> Labels {
        let lines: Vec<Line<'_>> = page.lines().map(|l| Line::new(0, l)).collect();
        Labels::of_page(&lines, true).unwrap_or_default()
    }

    #[test]
    fn a_defined_id_after_one_space_or_tab_joins_the_pair() {
        let page = "[Rust] [lang] and ![logo]\t[pic]\n\n[lang]: /rust\n  [PIC]: /p.png\n";
        let l = labels(page);
        let first = page.lines().next().unwrap_or_default();
        assert_eq!(join(first.into(), &l), "[Rust][lang] and ![logo][pic]");
    }

    #[test]
    fn an_undefined_id_two_spaces_or_a_footnote_stay_as_written() {
        let page = "[a] [nope], [b]  [d], [^n] [d], `[c] [d]`\n\n[d]: /d\n[^n]: note\n";
        let l = labels(page);
        let first = page.lines().next().unwrap_or_default();
        assert_eq!(join(first.into(), &l), first);
    }

    #[test]
    fn empty_brackets_use_the_text_and_a_used_id_starts_no_pair() {
        let page = "[Home] [] then [x][home] [home]\n\n[home]: /\n";
        let l = labels(page);
        let first = page.lines().next().unwrap_or_default();
        assert_eq!(join(first.into(), &l), "[Home][] then [x][home] [home]");
    }

    #[test]
    fn a_page_without_a_spaced_pair_or_a_full_reference_collects_nothing() {
        let lines = [Line::new(0, "[a] and [c]."), Line::new(0, "[b]: /b")];
        assert!(Labels::of_page(&lines, false).is_none());
    }

    #[test]
    fn an_undefined_id_after_defined_text_leaves_the_text_a_link() {
        let page = "Sort by [tags][by-tag], [Tags][], [kind][tags], [tags][^n] or [x][y].\n\n[tags]: /t/\n";
        let l = labels(page);
        let first = page.lines().next().unwrap_or_default();
        assert_eq!(
            join(first.into(), &l),
            "Sort by [tags]&#91;by-tag], [Tags][], [kind][tags], [tags][^n] or [x][y]."
        );
    }

    #[test]
    fn a_pair_split_over_two_lines_gives_the_next_lines_id() {
        let page = "see the [Tea guide]\n[leaf]: /tea/\n";
        let l = labels(page);
        assert_eq!(
            across_lines("see the [Tea guide]", "[leaf] now.", &l),
            Some("[leaf]")
        );
        assert_eq!(across_lines("see [Leaf]", "[] now.", &l), Some("[]"));
        assert_eq!(
            across_lines("see the [Tea guide]", "[leaf], then more", &l),
            Some("[leaf],")
        );
        assert_eq!(across_lines("see [Leaf]", "[].", &l), Some("[]"));
        // A definition, an undefined id, a `]` that closes no text, or no `[` at the start.
        assert_eq!(across_lines("see the [Tea guide]", "[leaf]: /x", &l), None);
        assert_eq!(across_lines("see the [Tea guide]", "[nope] now", &l), None);
        assert_eq!(across_lines("see `[Tea` guide]", "[leaf] now", &l), None);
        assert_eq!(across_lines("see the [Tea guide]", " [leaf] now", &l), None);
    }

    #[test]
    fn a_task_check_box_is_no_links_text_with_tasklist() {
        let page = "-   [x] [Pinned posts]\n- [ ] [pinned posts] [] too\n\n[pinned posts]: /p/\n";
        let l = labels(page);
        let mut lines = page.lines();
        let first = lines.next().unwrap_or_default();
        assert_eq!(join(first.into(), &l), first);
        let second = lines.next().unwrap_or_default();
        assert_eq!(join(second.into(), &l), "- [ ] [pinned posts][] too");
        let without = Labels::of_page(
            &[Line::new(0, first), Line::new(0, "[pinned posts]: /p/")],
            false,
        );
        let joined = join(first.into(), &without.unwrap_or_default());
        assert_eq!(joined, "-   [x][Pinned posts]");
    }
}

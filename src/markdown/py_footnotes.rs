//! Footnote definitions that Python-Markdown takes out of the page wherever they stand, for
//! pages of MkDocs projects: a definition indented one to three spaces (`  [^1]:`) or whose
//! text starts on the next line (`[^1]:` alone, then its lines lazily indented) ends a list in
//! CommonMark, or comes out empty; Python-Markdown lifts the definition out, with the rest of
//! its block and the blocks indented 4 after it, and the list around it goes on.
//!
//! A text rewrite before the list pass: such definitions move to the end of the page, written
//! as pulldown-cmark reads them (`[^1]: text`, then their lines 4 columns in), and the line
//! map keeps every line's own number. The other definitions of the page's top level move with
//! them, so that the footnotes keep the order they are defined in (their numbers follow it);
//! on a page with no such definition, nothing moves.

use super::preprocess::{fence_closes, fence_open};
use super::py_html;

/// The page with its definitions moved, and where each of its lines came from.
pub(super) struct Moved {
    pub text: String,
    /// `line_map[i]`: the line of the input that output line `i` came from.
    pub line_map: Vec<u32>,
}

/// Moves the definitions described above; `None` when the page has none.
pub(super) fn rewrite(body: &str) -> Option<Moved> {
    if !body.contains("[^") {
        return None;
    }
    let lines: Vec<&str> = body.split('\n').collect();
    let mut kept: Vec<(u32, String)> = Vec::with_capacity(lines.len());
    let mut moved: Vec<(u32, String)> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    // Whether a definition needs moving; the line right after the last one moved.
    let mut lifted = false;
    let mut after_moved = usize::MAX;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let rest = line.trim_start_matches(' ');
        if let Some((ch, len)) = fence {
            if fence_closes(rest, ch, len) {
                fence = None;
            }
        } else if let Some(open) = fence_open(rest) {
            fence = Some(open);
        } else if is_definition(line)
            && (i == 0 || lines[i - 1].trim().is_empty() || i == after_moved)
        {
            lifted |= is_lifted_definition(line);
            let end = definition_end(&lines, i);
            after_moved = end;
            moved.push((i as u32, String::new()));
            moved.push((i as u32, rest.trim_end().to_owned()));
            let first_text = !rest[rest.find("]:").map_or(0, |n| n + 2)..]
                .trim()
                .is_empty();
            let body = lines.iter().enumerate().take(end).skip(i + 1);
            moved.extend(body_lines(body, first_text));
            // The lines stay, blank, so that every other line keeps its number's place.
            for j in i..end {
                kept.push((j as u32, String::new()));
            }
            i = end;
            continue;
        }
        kept.push((i as u32, line.to_owned()));
        i += 1;
    }
    if !lifted {
        return None;
    }
    kept.extend(moved);
    let mut text = String::with_capacity(body.len() + 16);
    let mut line_map = Vec::with_capacity(kept.len());
    for (n, (no, line)) in kept.iter().enumerate() {
        if n > 0 {
            text.push('\n');
        }
        text.push_str(line);
        line_map.push(*no);
    }
    Some(Moved { text, line_map })
}

/// The lines of a moved definition after its first, written 4 columns in. Python-Markdown
/// reads no raw HTML block inside a definition: a tag or comment starting a line of a
/// paragraph (`<!-- md:version -->.`) is text of it, which CommonMark would cut the paragraph
/// at, so such a line gets [`py_html::INLINE_MARK`] before its tag. `paragraph`: the
/// definition's first line holds text.
fn body_lines<'l>(
    lines: impl Iterator<Item = (usize, &'l &'l str)>,
    mut paragraph: bool,
) -> Vec<(u32, String)> {
    let mut fence: Option<(u8, usize)> = None;
    let mut out = Vec::new();
    for (j, l) in lines {
        let text = l.strip_prefix("    ").unwrap_or(l);
        let rest = text.trim_start();
        if rest.is_empty() {
            paragraph = false;
            out.push((j as u32, String::new()));
            continue;
        }
        let in_code = match fence {
            Some((ch, len)) => {
                if fence_closes(rest, ch, len) {
                    fence = None;
                }
                true
            }
            None => {
                fence = fence_open(rest);
                fence.is_some()
            }
        };
        let tag = rest.starts_with('<')
            && rest[1..].starts_with(|c: char| c.is_ascii_alphabetic() || "/!?".contains(c));
        let line = match paragraph && !in_code && tag {
            true => {
                let indent = &text[..text.len() - rest.len()];
                format!("    {indent}{}{rest}", py_html::INLINE_MARK)
            }
            false => format!("    {text}"),
        };
        paragraph = !in_code;
        out.push((j as u32, line));
    }
    out
}

/// Whether `line` is the first line of a footnote definition (indented at most 3).
fn is_definition(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    line.len() - rest.len() <= 3
        && rest
            .strip_prefix("[^")
            .and_then(|l| l.split_once("]:"))
            .is_some_and(|(label, _)| !label.is_empty() && !label.contains(']'))
}

/// Whether `line` is the first line of a definition that Python-Markdown reads and
/// CommonMark would not the same way (indented, or with its text on the next line).
fn is_lifted_definition(line: &str) -> bool {
    let rest = line.trim_start_matches(' ');
    let indent = line.len() - rest.len();
    let Some((label, after)) = rest.strip_prefix("[^").and_then(|l| l.split_once("]:")) else {
        return false;
    };
    !label.is_empty()
        && !label.contains(']')
        && indent <= 3
        && (indent > 0 || after.trim().is_empty())
}

/// One past the last line of the definition that starts at line `start`: the rest of its
/// block, then the blocks after it whose first line is indented 4, up to another definition.
fn definition_end(lines: &[&str], start: usize) -> usize {
    let starts_definition = is_definition;
    let mut end = start + 1;
    while end < lines.len() && !lines[end].trim().is_empty() && !starts_definition(lines[end]) {
        end += 1;
    }
    loop {
        let mut next = end;
        while next < lines.len() && lines[next].trim().is_empty() {
            next += 1;
        }
        if next == end || next >= lines.len() || !lines[next].starts_with("    ") {
            return end;
        }
        end = next;
        while end < lines.len() && !lines[end].trim().is_empty() {
            if end > next && starts_definition(lines[end]) {
                return end;
            }
            end += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::{render_python_markdown, render_with};
    use crate::markdown::{Features, Rules};

    #[test]
    fn footnotes_numbered_by_definition_keep_that_order_when_one_is_lifted() {
        let mut features = Features {
            rules: Rules::PythonMarkdown,
            ..Features::default()
        };
        features.footnote_options.definition_order = true;
        // [^late] is referred to first but defined second; [^early] is lifted (text below).
        let html = render_with(
            "Boil[^late] then pour[^early].\n\n[^early]:\n    Defined first.\n[^late]: Defined second.\n",
            &features,
        );
        assert!(html.contains("href=\"#fn:late\">2</a>"), "{html}");
        assert!(html.contains("href=\"#fn:early\">1</a>"), "{html}");
        let first = html.find("<li id=\"fn:early\">").expect("early note");
        let second = html.find("<li id=\"fn:late\">").expect("late note");
        assert!(first < second, "{html}");
    }

    #[test]
    fn a_definition_between_list_items_leaves_the_list_whole() {
        let html = render_python_markdown(
            "1.  Read the guide.[^a]\n\n  [^a]:\n    Mind the indentation.\n\n1.  Ask a question.\n",
        );
        assert_eq!(html.matches("<ol>").count(), 2, "{html}"); // the list and the notes
        assert!(
            html.contains("<p>Ask a question.</p>\n</li>\n</ol>"),
            "{html}"
        );
        assert!(html.contains("<p>Mind the indentation."), "{html}");
    }

    #[test]
    fn a_definition_whose_text_starts_on_the_next_line_keeps_it() {
        let html =
            render_python_markdown("- One.[^b]\n\n[^b]:\n  A lazily indented note.\n\n- Two.\n");
        assert_eq!(html.matches("<ul>").count(), 1, "{html}");
        assert!(html.contains("<p>A lazily indented note."), "{html}");
        assert!(html.contains("<p>Two.</p>\n</li>\n</ul>"), "{html}");
    }

    #[test]
    fn a_comment_starting_a_line_of_a_definitions_paragraph_stays_in_it() {
        let features = Features {
            rules: Rules::PythonMarkdown,
            ..Features::default()
        };
        let html = render_with(
            "Kettles[^k] vary.\n\n[^k]:\n    Since version 2 of the base\n    <!-- md:version 2 -->, they switch off.\n\n    ```\n    <b>code</b>\n    ```\n",
            &features,
        );
        assert!(
            html.contains(
                "<p>Since version 2 of the base\n<!-- md:version 2 -->, they switch off."
            ),
            "{html}"
        );
        assert!(html.contains("&lt;b&gt;code&lt;/b&gt;"), "{html}");
    }
}

//! `#` headings read as Python-Markdown reads them, where CommonMark reads them otherwise:
//! no space is needed after the `#`s (`##Title`), more than six `#`s make a level-6 heading
//! whose text starts with the extra `#`s, trailing `#`s are dropped only when they end the
//! line (`# A # ` keeps its `#`), and the text loses any white space at its ends, a no-break
//! space (`##\u{a0}Title`) as much as a space. Such a line is rewritten to the CommonMark
//! heading with the same level and text; every other line, and so every page without one, is
//! left alone. With `pymdownx.saneheaders` the `#`s need a space or a tab after them, as in
//! CommonMark (a no-break space does not do). A `#` line indented by one to three spaces at
//! the top of the page is text in Python-Markdown, not a heading: its `#` is escaped.

use super::preprocess::{At, LinePass, LineSyntax, Taken};

pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    if !at.rest.starts_with('#') || pass.in_html_block() {
        return Taken::No;
    }
    if at.container == 0 && pass.depth() == 0 && at.col > 0 {
        pass.push_indented(
            at.col,
            &format!("\\{}", at.rest.trim_end_matches(['\n', '\r'])),
            at.line_no,
        );
        return Taken::AsText;
    }
    let Some(rewritten) = rewrite(
        at.rest.trim_end_matches(['\n', '\r']),
        pass.features.sane_headers,
    ) else {
        return Taken::No;
    };
    pass.push_indented(pass.out_col(at.col), &rewritten, at.line_no);
    Taken::AsText
}

/// The CommonMark form of a `#` line whose heading CommonMark would read differently, or
/// `None` when both read it alike.
pub(super) fn rewrite(line: &str, sane: bool) -> Option<String> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if hashes == 0 {
        return None;
    }
    let level = hashes.min(6);
    let body = &line[level..];
    let spaced = body.is_empty() || body.starts_with([' ', '\t']);
    if !(hashes <= 6 && spaced) && sane {
        return None;
    }
    // Python-Markdown strips the text of every white space `str.strip` knows (a no-break
    // space after the `#`s included); CommonMark only of spaces and tabs.
    let text = heading_text(body).trim();
    if hashes <= 6
        && spaced
        && !body.trim_end().ends_with('#')
        && text.len() == body.trim_matches([' ', '\t']).len()
    {
        return None;
    }
    let close = if text.ends_with('#') { " #" } else { "" };
    Some(format!("{} {text}{close}", &line[..level]))
}

/// The heading text of what follows the level's `#`s: the line less the `#`s that end it, a
/// backslash-escaped `#` not counting as one of them.
fn heading_text(body: &str) -> &str {
    let closing = body.trim_end_matches('#').len();
    let bytes = body.as_bytes();
    let mut at = 0;
    while at < closing {
        at += if bytes[at] == b'\\' && at + 1 < bytes.len() {
            2
        } else {
            1
        };
    }
    // `at` may sit inside a multi-byte character only if the character follows a backslash;
    // the `#`s that end the line are ASCII, so move on to the next boundary.
    while !body.is_char_boundary(at) {
        at += 1;
    }
    &body[..at.min(body.len())]
}

#[cfg(test)]
mod tests {
    use super::rewrite;

    #[test]
    fn lines_commonmark_reads_alike_are_left_alone() {
        for line in [
            "# Title",
            "## Title {#id}",
            "###### Six",
            "#",
            "not a heading",
        ] {
            assert_eq!(rewrite(line, false), None, "{line}");
        }
    }

    #[test]
    fn no_space_after_the_hashes_is_still_a_heading() {
        assert_eq!(rewrite("##Title", false).as_deref(), Some("## Title"));
        assert_eq!(rewrite("###Title###", false).as_deref(), Some("### Title"));
    }

    #[test]
    fn more_than_six_hashes_keep_the_rest_as_text() {
        assert_eq!(
            rewrite("######## Deep", false).as_deref(),
            Some("###### ## Deep")
        );
        assert_eq!(
            rewrite("####### Deep #######", false).as_deref(),
            Some("###### # Deep")
        );
    }

    #[test]
    fn no_break_spaces_around_the_text_are_dropped() {
        assert_eq!(
            rewrite("##\u{a0}Install on CentOS", false).as_deref(),
            Some("## Install on CentOS")
        );
        assert_eq!(
            rewrite("### \u{a0}Pinned\u{a0}", false).as_deref(),
            Some("### Pinned")
        );
        // Inside the text it stays.
        assert_eq!(rewrite("## Pinned\u{a0}version", false), None);
        // saneheaders wants a space or a tab: the line is a paragraph.
        assert_eq!(rewrite("##\u{a0}Install", true), None);
        assert_eq!(
            rewrite("## Install\u{a0}", true).as_deref(),
            Some("## Install")
        );
    }

    #[test]
    fn saneheaders_wants_the_space() {
        assert_eq!(rewrite("##Title", true), None);
        assert_eq!(rewrite("####### Deep", true), None);
        assert_eq!(
            rewrite("## Keep ## ", true).as_deref(),
            Some("## Keep ## #")
        );
    }

    #[test]
    fn trailing_hashes_go_only_at_the_very_end() {
        // A space after the closing `#`s keeps them as text.
        assert_eq!(
            rewrite("## Keep ## ", false).as_deref(),
            Some("## Keep ## #")
        );
        // An escaped `#` is text; the `#`s after it close the heading.
        assert_eq!(
            rewrite(r"### Sharp \###", false).as_deref(),
            Some(r"### Sharp \# #")
        );
        assert_eq!(rewrite("# Glued#", false).as_deref(), Some("# Glued"));
    }
}

//! `#` headings read as Python-Markdown reads them, where CommonMark reads them otherwise:
//! no space is needed after the `#`s (`##Title`), more than six `#`s make a level-6 heading
//! whose text starts with the extra `#`s, and trailing `#`s are dropped only when they end the
//! line (`# A # ` keeps its `#`). Such a line is rewritten to the CommonMark heading with the
//! same level and text; every other line, and so every page without one, is left alone.
//! With `pymdownx.saneheaders` the `#`s need a space after them, as in CommonMark. A `#` line
//! indented by one to three spaces at the top of the page is text in Python-Markdown, not a
//! heading: its `#` is escaped.

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
    if hashes <= 6 && spaced && !body.trim_end().ends_with('#') {
        return None;
    }
    let text = heading_text(body).trim_matches([' ', '\t']);
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

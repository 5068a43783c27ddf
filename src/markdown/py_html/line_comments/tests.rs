//! Comments starting a line 1 to 3 spaces in, on pages of an MkDocs project.

use super::{has_indented_comment, split};
use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

/// The page's HTML with each run of white space written as one space.
fn py(body: &str) -> String {
    render_python_markdown(body)
        .split_ascii_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn only_comments_one_to_three_spaces_in_are_candidates() {
    assert!(has_indented_comment("- a\n  <!-- b -->"));
    assert!(has_indented_comment(" <!-- first line -->"));
    assert!(!has_indented_comment("<!-- at the margin -->\n"));
    assert!(!has_indented_comment("-   a\n    <!-- four in -->\n"));
    assert!(!has_indented_comment("text  <!-- mid-line -->\n"));
    assert!(split("Plain page\n\n- with a list\n", false).is_none());
}

#[test]
fn the_text_after_the_comment_is_a_paragraph_after_the_list() {
    let html = py("- Kettle\n  <!-- v2 --> boils fast.\n- Teapot\n");
    assert_eq!(
        html,
        "<ul> <li>Kettle <!-- v2 --></li> </ul> <p>boils fast. - Teapot</p>"
    );
}

#[test]
fn a_comment_alone_on_its_line_makes_the_list_loose() {
    let html = py("1. Kettle\n   <!-- v2 -->\n2. Teapot\n");
    assert!(
        html.starts_with("<ol> <li> <p>Kettle <!-- v2 --></p> </li> <li> <p>Teapot</p>"),
        "{html}"
    );
}

#[test]
fn a_top_level_paragraph_keeps_the_comment_and_the_rest_starts_another() {
    let html = py("Kettle on\n  <!-- v2 --> tea soon\n");
    assert_eq!(html, "<p>Kettle on <!-- v2 --></p> <p>tea soon</p>");
}

#[test]
fn a_comment_over_two_lines_is_split_after_its_close() {
    let html = py("- Kettle\n  <!-- since\n  v2 --> boils\n- Teapot\n");
    assert!(
        html.contains("<li>Kettle <!-- since v2 --></li> </ul> <p>boils - Teapot</p>"),
        "{html}"
    );
}

#[test]
fn a_comment_inside_an_inline_element_closed_later_stays_inline() {
    let html = py("Kettle <em>on\n  <!-- v2 --> now</em> here\n");
    assert_eq!(html, "<p>Kettle <em>on <!-- v2 --> now</em> here</p>");
}

#[test]
fn comments_in_fences_and_raw_html_are_left_alone() {
    let body = "```\n- Kettle\n  <!-- v2 --> boils\n```\n\n<div>\n  <!-- v2 --> raw\n</div>\n";
    assert!(split(body, false).is_none());
}

#[test]
fn the_line_map_gives_the_inserted_lines_the_comment_s_line() {
    let split = split("- Kettle\n  <!-- v2 --> boils\n- Teapot", false).expect("split");
    assert_eq!(split.line_map, [0, 1, 1, 1, 2]);
}

#[test]
fn answerbook_sites_keep_commonmark() {
    let html = render_commonmark("- Kettle\n  <!-- v2 --> boils\n- Teapot\n");
    assert!(html.contains("<li>Teapot</li>"), "{html}");
    assert!(!html.contains("<p>boils"), "{html}");
}

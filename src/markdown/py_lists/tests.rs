use super::rewrite;

fn lists(src: &str) -> String {
    rewrite(src, false, false).unwrap_or_else(|| src.to_owned())
}

#[test]
fn two_space_nesting_is_one_flat_list() {
    assert_eq!(lists("- a\n  - b\n"), "-   a\n-   b\n");
}

#[test]
fn four_space_nesting_nests() {
    assert_eq!(lists("- a\n    - b\n"), "-   a\n    -   b\n");
}

#[test]
fn a_list_right_after_a_paragraph_is_text() {
    assert_eq!(lists("Text\n- a\n1. b\n"), "Text\n\\- a\n1\\. b\n");
    assert_eq!(
        rewrite("# T\n- a\n", false, false).as_deref(),
        Some("# T\n-   a\n")
    );
}

#[test]
fn ordered_and_bullet_items_make_one_list() {
    assert_eq!(lists("1. a\n- b\n\n* c\n"), "1.  a\n1.  b\n\n1.  c\n");
    // With sane_lists they stay apart, and the first number counts.
    assert_eq!(
        rewrite("3. a\n- b\n\n* c\n", true, false).as_deref(),
        Some("3.  a\n    \\- b\n\n*   c\n")
    );
}

#[test]
fn a_fence_under_a_wide_marker_stays_in_its_item() {
    let src = "11.  Item\n\n    ```sh\n    ls\n    ```\n";
    assert_eq!(lists(src), "1.  Item\n\n    ```sh\n    ls\n    ```\n");
}

#[test]
fn lines_keep_their_numbers_and_code_is_left_alone() {
    let src = "```\n- a\n  - b\n```\n\n    - code\n";
    assert_eq!(rewrite(src, false, false), None);
    let out = lists("- a\nlazy\n  - b\n\nafter\n");
    assert_eq!(out.lines().count(), 5);
    assert_eq!(out, "-   a\n    lazy\n-   b\n\nafter\n");
}

#[test]
fn markers_only_commonmark_knows_are_text() {
    assert_eq!(lists("1) a\n\n-\n"), "1\\) a\n\n\\-\n");
}

#[test]
fn lists_in_admonitions_follow_the_same_rules() {
    let src = "!!! note\n    - a\n      - b\n";
    assert_eq!(lists(src), "!!! note\n    -   a\n    -   b\n");
}

#[test]
fn quotes_apart_by_blank_lines_are_one() {
    assert_eq!(lists("> a\n\n> b\n\nc\n"), "> a\n>\n> b\n\nc\n");
}

#[test]
fn lazy_prose_keeps_its_spaces_other_lazy_lines_move_in() {
    assert_eq!(lists("- a\n  lazy\n"), "-   a\n  lazy\n");
    // A heading mark is text in the item, so it moves into the item.
    assert_eq!(lists("- a\n  # b\n"), "-   a\n    # b\n");
}

#[test]
fn a_list_may_start_right_under_a_slash_block_header() {
    assert_eq!(
        lists("/// tab | T\n- a\n///\n"),
        "/// tab | T\n-   a\n///\n"
    );
}

#[test]
fn lists_in_definitions_follow_the_same_rules() {
    // Items inside the definition get their content 4 columns in, so `after`, 2 columns
    // past the marker, is no longer the item's.
    let src = "Tea\n\n:   Leaves.\n\n    - green\n\n      after\n";
    assert_eq!(
        lists(src),
        "Tea\n\n:   Leaves.\n\n    -   green\n\n      after\n"
    );
    // The definition's first line is a paragraph: a list cannot follow it directly.
    assert_eq!(
        lists(":   Leaves\n    - green\n"),
        ":   Leaves\n    \\- green\n"
    );
}

#[test]
fn lists_inside_raw_html_are_left_as_written() {
    // The `<div>` runs to its end tag, blank lines and all; only the list after it is read.
    let src = "<div>\n\n- a\n  - b\n\n</div>\n\n- c\n  - d\n";
    assert_eq!(
        rewrite(src, false, false).as_deref(),
        Some("<div>\n\n- a\n  - b\n\n</div>\n\n-   c\n-   d\n")
    );
}

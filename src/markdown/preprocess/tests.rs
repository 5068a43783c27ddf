//! Tests of the line pass as a whole: what pulldown-cmark will be given.

use super::*;

fn pre(src: &str) -> Preprocessed {
    run(src, &Features::default())
}

#[test]
fn body_is_dedented_and_ends_at_less_indented_line() {
    let p = pre("!!! note\n    body\n\n    more\nafter\n");
    assert_eq!(&p.text[p.blocks[0].body.clone()], "body\n\nmore\n");
    assert!(p.text.ends_with("</div>\n\nafter\n"), "{}", p.text);
    assert_eq!(p.line_map.len(), p.text.lines().count());
    let after = p.text.lines().position(|l| l == "after").unwrap();
    assert_eq!(p.line_map[after], 4);
}

#[test]
fn markers_in_code_stay_literal() {
    assert!(pre("```\n!!! note\n    x\n```\n").blocks.is_empty());
    assert!(pre("~~~~md\n??? note\n~~~~\n").blocks.is_empty());
    assert!(pre("para\n\n    !!! note\n        x\n").blocks.is_empty());
    assert!(pre("```\n=== \"x\"\n    y\n```\n").tab_sets.is_empty());
}

#[test]
fn nested_and_in_lists_and_quotes() {
    let p = pre("!!! note\n    outer\n\n    !!! tip\n        inner\n");
    assert_eq!(p.blocks.len(), 2);
    assert_eq!(&p.text[p.blocks[1].body.clone()], "inner\n");
    assert_eq!(pre("- item\n\n    !!! note\n        x\n").blocks.len(), 1);
    let p = pre("> !!! note\n>     quoted\n");
    assert_eq!(p.blocks.len(), 1);
    assert!(p.text.contains("> quoted"), "{}", p.text);
}

#[test]
fn indented_fences_inside_a_fence_do_not_close_it() {
    let p = pre(
        "```md\n=== \"C\"\n\n    ```c\n    int x;\n    ```\n\n=== \"D\"\n```\n\n=== \"Real\"\n    body\n",
    );
    assert_eq!(p.tab_sets.len(), 1, "{}", p.text);
    assert_eq!(p.tab_sets[0].titles, ["Real"]);
}

#[test]
fn admonition_on_the_line_of_a_definition_or_list_marker() {
    let p = pre("<!-- md:option x -->\n\n:   !!! note\n\n        Body.\n\nAfter.\n");
    assert_eq!(p.blocks.len(), 1, "{}", p.text);
    assert!(
        p.text.contains(":   <div class=\"admonition note\">"),
        "{}",
        p.text
    );
    assert_eq!(&p.text[p.blocks[0].body.clone()], "\n    Body.\n\n");
    let p = pre("-   ??? tip\n        Folded.\n");
    assert!(
        p.text.starts_with("-   <details class=\"tip\">"),
        "{}",
        p.text
    );
}

#[test]
fn a_bare_list_marker_is_no_trouble() {
    for src in ["-", "-\n", "+", "1.", ":", "-\n    !!! note\n"] {
        let _ = pre(src);
    }
}

#[test]
fn fence_inside_body_is_closed_with_the_body() {
    let p = pre("!!! note\n    ```py\n    x = 1\nafter\n");
    assert!(p.text.contains("x = 1\n```\n"), "{}", p.text);
}

#[test]
fn consecutive_tabs_form_one_set() {
    let p = pre("=== \"A\"\n    a\n\n=== \"B\"\n    b\n\nafter\n\n=== \"C\"\n    c\n");
    assert_eq!(p.tab_sets.len(), 2);
    assert_eq!(p.tab_sets[0].titles, ["A", "B"]);
    assert_eq!(p.tab_sets[1].titles, ["C"]);
    assert_eq!(p.text.matches("tabbed-block").count(), 3);
    let p = pre("=== \"A\"\n    a\n===! \"B\"\n    b\n");
    assert_eq!(p.tab_sets.len(), 2);
}

#[test]
fn features_turn_syntaxes_off() {
    let off = Features {
        admonition: false,
        tabbed: false,
        ..Features::default()
    };
    let p = run("!!! note\n    x\n\n=== \"A\"\n    a\n", &off);
    assert!(p.blocks.is_empty() && p.tab_sets.is_empty());
}

#[test]
fn abbreviation_definitions_are_taken_out() {
    let p = pre("Uses HTML.\n\n*[HTML]: Hyper Text\n");
    assert_eq!(
        p.abbreviations,
        vec![("HTML".to_owned(), "Hyper Text".to_owned())]
    );
    assert!(!p.text.contains("*[HTML]"));
}

#[test]
fn a_fence_never_closed_is_text_with_python_markdowns_rules_only() {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};
    let page = "~~~ recipe\nBoil *water*.\n\nServe.\n";
    assert_eq!(
        render_python_markdown(page),
        "<p>~~~ recipe\nBoil <em>water</em>.</p>\n<p>Serve.</p>\n"
    );
    assert!(render_commonmark(page).contains("Boil *water*."));
    // Closed further down, it stays a fence.
    let closed = render_python_markdown("```\nBoil *water*.\n\n```\n");
    assert!(closed.contains("Boil *water*."), "{closed}");
    // Its `~~~` run is still one run for pymdownx.tilde, as in Python-Markdown.
    assert_eq!(
        render_python_markdown("~~~tea~~~\n"),
        "<p><sub><del>tea</del></sub></p>\n"
    );
}

#[test]
fn a_fence_never_closed_is_text_on_python_markdown_pages() {
    let markdown =
        "Some words\nand more.\n```\n\nAfter.\n\n- Item\n\n    ```\n    not code\n\nEnd.\n";
    let html = crate::markdown::tests_support::render_python_markdown(markdown);
    assert!(html.contains("<p>Some words\nand more.\n```</p>"), "{html}");
    assert!(html.contains("<p>```\nnot code</p>"), "{html}");
    assert!(!html.contains("<pre>"), "{html}");
    // CommonMark's fence runs to the end of its container.
    let html = crate::markdown::tests_support::render_commonmark(markdown);
    assert!(html.contains("<pre>"), "{html}");
}

#[test]
fn lines_of_agrees_with_split_inclusive() {
    let pieces = ["\n", "\r\n", "\r", "a", " ", "é", "\n\n", "!!! note"];
    for text in crate::test_text::generated(&pieces, 20_000, 10) {
        // The split [`run`] made before [`text::lines_of`].
        let split: Vec<(usize, &str)> = text
            .split_inclusive('\n')
            .map(|l| Line::new(0, l))
            .map(|l| (l.indent, l.text))
            .collect();
        let found: Vec<(usize, &str)> = text::lines_of(&text)
            .into_iter()
            .map(|l| (l.indent, l.text))
            .collect();
        assert_eq!(found, split, "{text:?}");
    }
}

//! White space inside paragraphs of an MkDocs project, as Python-Markdown keeps it: the
//! indentation of a continuation line (less what its list item, definition, footnote or quote
//! owns), a lone space before a line break, and a nested list right after its item's text.
//! The site is tests/fixtures/mkdocs_plain with its page replaced in the test's temp copy.

mod common;

use common::{Doc, mkdocs_page};

fn plain(markdown: &str) -> Doc {
    mkdocs_page("site_name: Text\n", markdown)
}

#[test]
fn a_continuation_line_keeps_its_indentation_and_a_lone_trailing_space() {
    let doc = plain("# T\n\nTea leaves \n   steep slowly   \nin hot water.\n");
    assert_eq!(
        doc.one("article p").inner_html(),
        "Tea leaves \n   steep slowly <br>\nin hot water."
    );
}

#[test]
fn an_item_keeps_the_indentation_of_the_paragraph_on_its_marker_line_only() {
    let doc = plain("# T\n\n- kettle\n    on the stove\n\n    cups\n      on the shelf\n");
    let paragraphs = doc.all("article li p");
    assert_eq!(paragraphs[0].inner_html(), "kettle\n    on the stove");
    assert_eq!(paragraphs[1].inner_html(), "cups\n  on the shelf");
}

#[test]
fn a_nested_item_loses_its_parent_items_four_columns_and_follows_its_text() {
    let doc = plain("# T\n\n- pot\n    - lid\n        handle\n");
    let outer = doc.one("article > ul > li").inner_html();
    assert!(
        outer.starts_with("pot<ul>\n<li>lid\n    handle</li>"),
        "{outer}"
    );
}

#[test]
fn a_quote_takes_its_marker_and_one_space() {
    let doc = plain("# T\n\n> milk\n>    or lemon\n");
    assert_eq!(
        doc.one("article blockquote p").inner_html(),
        "milk\n   or lemon"
    );
}

#[test]
fn a_definition_takes_four_columns() {
    let doc = mkdocs_page(
        "site_name: Text\nmarkdown_extensions:\n  - def_list\n",
        "# T\n\nOolong\n:   a tea\n      half oxidised\n",
    );
    assert_eq!(doc.one("article dd").inner_html(), "a tea\n  half oxidised");
}

#[test]
fn a_line_moved_into_an_item_keeps_the_indentation_it_was_written_with() {
    let doc = mkdocs_page(
        "site_name: Text\nmarkdown_extensions:\n  - sane_lists\n",
        "# T\n\n- green\n1. not an item\n",
    );
    assert_eq!(doc.one("article li").inner_html(), "green\n1. not an item");
}

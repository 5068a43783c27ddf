//! Where the footnotes go in an MkDocs project: at a paragraph holding only the footnotes'
//! `PLACE_MARKER` (Python-Markdown's `///Footnotes Go Here///` unless set), else at the end.
//! The site is tests/fixtures/mkdocs_plain with its page replaced in the test's temp copy.

mod common;

use common::{Doc, mkdocs_page};

const PAGE: &str = "# Notes\n\nBefore.\n\nMARKER\n\nTea[^t] is hot.\n\n[^t]: Mostly.\n";

fn page(options: &str, marker: &str) -> Doc {
    let yml = format!("site_name: Notes\nmarkdown_extensions:\n  - footnotes{options}\n");
    mkdocs_page(&yml, &PAGE.replace("MARKER", marker))
}

/// The article's children, by tag and class.
fn layout(doc: &Doc) -> Vec<String> {
    doc.all("article > *")
        .iter()
        .map(|e| {
            let class = e.value().attr("class").unwrap_or("");
            format!("{}.{class}", e.value().name())
        })
        .collect()
}

#[test]
fn the_default_marker_paragraph_becomes_the_footnotes() {
    let doc = page("", "///Footnotes Go Here///");
    assert_eq!(layout(&doc), ["h1.", "p.", "div.footnote", "p."]);
    assert_eq!(doc.text("article div.footnote li p"), "Mostly. ↩");
    assert!(!doc.text("article").contains("Go Here"));
}

#[test]
fn a_marker_set_in_mkdocs_yml_is_used_and_the_default_is_text() {
    let doc = page(":\n      PLACE_MARKER: '[[notes]]'", "[[notes]]");
    assert_eq!(layout(&doc), ["h1.", "p.", "div.footnote", "p."]);
    let doc = page(
        ":\n      PLACE_MARKER: '[[notes]]'",
        "///Footnotes Go Here///",
    );
    assert_eq!(layout(&doc), ["h1.", "p.", "p.", "p.", "div.footnote"]);
    assert_eq!(doc.texts("article > p")[1], "///Footnotes Go Here///");
}

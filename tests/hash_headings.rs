//! `#` headings as MkDocs (Python-Markdown) reads them, seen in the built page: `##Title`
//! with no space is a heading, seven `#`s make a level-6 heading that keeps one `#`, a `#`
//! followed by a space at the end of the line stays text, an indented `#` line is a
//! paragraph, a `#` line inside an HTML block is left as written, and `pymdownx.saneheaders` asks for the space again.
//!
//! The site is tests/fixtures/mkdocs_plain with its page replaced in the test's temp copy.

mod common;

use common::{Doc, heading_text, mkdocs_page};

const PAGE: &str =
    "##No space\n\n####### Seven\n\n### Kept # \n\n # Indented\n\n<div>\n#raw\n</div>\n";

fn built(mkdocs_yml: &str) -> Doc {
    mkdocs_page(mkdocs_yml, PAGE)
}

fn headings(doc: &Doc) -> Vec<(String, String)> {
    let article = doc.one("article");
    let selector = scraper::Selector::parse("h2, h3, h4, h5, h6").unwrap();
    article
        .select(&selector)
        .map(|h| (h.value().name().to_owned(), heading_text(h)))
        .collect()
}

#[test]
fn headings_follow_python_markdown() {
    let doc = built("site_name: Headings\n");
    assert_eq!(
        headings(&doc),
        [
            ("h2".to_owned(), "No space".to_owned()),
            ("h6".to_owned(), "# Seven".to_owned()),
            ("h3".to_owned(), "Kept #".to_owned()),
        ]
    );
    assert!(doc.source.contains("<div>\n#raw\n</div>"), "{}", doc.source);
    // One to three spaces before the `#`s make a paragraph.
    assert!(doc.texts("article p").contains(&"# Indented".to_owned()));
}

#[test]
fn saneheaders_wants_a_space_after_the_hashes() {
    let doc = built("site_name: Headings\nmarkdown_extensions:\n  - pymdownx.saneheaders\n");
    assert_eq!(headings(&doc), [("h3".to_owned(), "Kept #".to_owned())]);
    let paragraphs = doc.texts("article p");
    assert!(
        paragraphs.contains(&"##No space".to_owned()),
        "{paragraphs:?}"
    );
    assert!(
        paragraphs.contains(&"####### Seven".to_owned()),
        "{paragraphs:?}"
    );
}

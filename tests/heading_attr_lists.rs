//! Attribute lists at the end of a heading in an MkDocs project with `attr_list`, where
//! Python-Markdown reads them and CommonMark's heading attributes do not: quoted values
//! holding braces or escapes, a value left unquoted by a missing quote, and a stray `}`
//! that leaves the braces as text. The site is tests/fixtures/mkdocs_plain.

mod common;

use common::{Doc, heading_text, mkdocs_page};

fn page(markdown: &str) -> Doc {
    mkdocs_page(
        "site_name: Heads\nmarkdown_extensions:\n  - attr_list\n",
        markdown,
    )
}

#[test]
fn a_quoted_value_may_hold_braces() {
    let doc = page("# Pantry {data-shelf=\"{top}\" .wide}\n");
    let h1 = doc.one("article h1");
    assert_eq!(h1.attr("data-shelf"), Some("{top}"));
    assert_eq!(h1.attr("class"), Some("wide"));
    assert_eq!(heading_text(h1), "Pantry");
}

#[test]
fn an_escaped_character_in_an_id_is_the_character() {
    let doc = page("# `*jar*` { id=\"\\*jar\\*\" }\n");
    assert_eq!(doc.attr("article h1", "id"), "*jar*");
    let inner = doc.one("article h1").inner_html();
    assert!(
        inner.starts_with("<code>*jar*</code><a class=\"headerlink\""),
        "{inner}"
    );
}

#[test]
fn a_missing_closing_quote_keeps_the_opening_one() {
    let doc = page("# Pantry {note=\"dry}\n");
    assert_eq!(doc.attr("article h1", "note"), "\"dry");
}

#[test]
fn a_stray_closing_brace_leaves_the_list_as_text() {
    let doc = page("# Pantry {.a} }\n");
    assert!(doc.text("article h1").starts_with("Pantry {.a} }"));
    assert!(!doc.has("article h1.a"));
}

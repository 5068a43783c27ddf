//! `/// caption` blocks (pymdownx.blocks.caption) in an MkDocs project: the block before a
//! caption and the caption go into a `<figure>`, figures of a type with a prefix are
//! numbered (nested ones one level down) and get ids, a caption can go first, and a figure
//! written in HTML takes the caption in. Fixture: tests/fixtures/mkdocs_captions.

mod common;

use common::{Doc, fixture, text_of};

fn page() -> Doc {
    let site = fixture("mkdocs_captions");
    site.build(&["--strict"]).expect_code(0);
    site.page("")
}

#[test]
fn the_block_before_a_caption_and_the_caption_form_a_figure() {
    let doc = page();
    let first = doc.one("article > figure#__figure-caption_1");
    assert!(doc.has("figure#__figure-caption_1 > p > img[alt='A kettle with a white crust']"));
    assert_eq!(
        doc.text("figure#__figure-caption_1 > figcaption > p"),
        "Figure 1. Scale builds up where the water is hard."
    );
    assert_eq!(
        doc.text("figure#__figure-caption_1 > figcaption span.caption-prefix"),
        "Figure 1."
    );
    // The caption comes after the image.
    let children: Vec<&str> = first
        .children()
        .filter_map(|c| c.value().as_element().map(|e| e.name()))
        .collect();
    assert_eq!(children, ["p", "figcaption"]);
    // A type without a prefix: no number, no id; the selector's class on the figure.
    let plain = doc.one("figure.plain");
    assert_eq!(plain.value().attr("id"), None);
    assert_eq!(
        doc.text("figure.plain > figcaption > p"),
        "Rinsing is not optional."
    );
    assert_eq!(
        doc.text("figure.plain > p"),
        "Rinse twice before boiling again."
    );
}

#[test]
fn a_prepended_table_caption_keeps_its_own_id_and_the_type_class() {
    let doc = page();
    let table = doc.one("figure#soak-times");
    assert_eq!(table.value().attr("class"), Some("data-table"));
    let children: Vec<&str> = table
        .children()
        .filter_map(|c| c.value().as_element().map(|e| e.name()))
        .collect();
    assert_eq!(children, ["figcaption", "table"]);
    assert_eq!(
        doc.text("figure#soak-times > figcaption > p"),
        "Table 1. How long each acid needs."
    );
}

#[test]
fn an_html_figure_takes_the_caption_and_nested_figures_count_down_a_level() {
    let doc = page();
    // `<figure markdown>` without a caption gets this one, and the next figure number.
    assert_eq!(doc.all("figure#__figure-caption_2 > figcaption").len(), 1);
    assert_eq!(
        doc.text("figure#__figure-caption_2 > p"),
        "Boil, pour away, repeat."
    );
    assert!(!doc.has("figure > figure#__figure-caption_2"));
    // A caption after a figure wraps it: the outer is 3, the inner 3.1.
    let inner = doc.one("figure#__figure-caption_3 > figure#__figure-caption_3_1");
    assert_eq!(
        text_of(inner),
        "The nested case. Figure 3.1. The inner figure."
    );
    assert_eq!(
        doc.text("figure#__figure-caption_3 > figcaption > p"),
        "Figure 3. The outer figure."
    );
    // A number set by hand.
    assert_eq!(
        doc.text("figure#__figure-caption_7 > figcaption span.caption-prefix"),
        "Figure 7."
    );
    // A caption whose argument is no selector stays text.
    assert!(doc.source.contains("/// caption | nonsense"));
    assert_eq!(doc.all("figure").len(), 7);
}

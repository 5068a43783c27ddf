//! Admonitions as MkDocs writes them (`!!!`, `???`, `???+`, nested, in lists, with code) and
//! GitHub alerts; `!!!` inside fenced code stays literal.
//! The page is tests/fixtures/admonitions/content/gallery.md.

mod common;

use common::{Doc, fixture, text_of};
use scraper::ElementRef;

fn gallery() -> Doc {
    let site = fixture("admonitions");
    site.build(&[]).expect_clean();
    site.page("gallery/")
}

/// The admonition (div or details) whose title is `title`.
fn titled<'a>(doc: &'a Doc, title: &str) -> ElementRef<'a> {
    let found: Vec<_> = doc
        .all("div.admonition, details")
        .into_iter()
        .filter(|el| {
            el.children()
                .filter_map(ElementRef::wrap)
                .next()
                .is_some_and(|first| {
                    let name = first.value().name();
                    let is_title = name == "summary"
                        || (name == "p"
                            && first.value().has_class(
                                "admonition-title",
                                scraper::CaseSensitivity::CaseSensitive,
                            ));
                    is_title && text_of(first) == title
                })
        })
        .collect();
    assert_eq!(found.len(), 1, "expected one admonition titled {title:?}");
    found[0]
}

fn classes(el: ElementRef<'_>) -> Vec<&str> {
    el.value().classes().collect()
}

/// Child elements as `tag` or `tag.class` strings, in order.
fn children(el: ElementRef<'_>) -> Vec<String> {
    el.children()
        .filter_map(ElementRef::wrap)
        .map(|c| {
            let name = c.value().name();
            match c.value().classes().next() {
                Some(class) => format!("{name}.{class}"),
                None => name.to_owned(),
            }
        })
        .collect()
}

fn body_text(el: ElementRef<'_>) -> String {
    el.children()
        .filter_map(ElementRef::wrap)
        .skip(1)
        .map(text_of)
        .collect::<Vec<_>>()
        .join(" ")
}

#[test]
fn type_without_title_gets_the_capitalised_type_as_title() {
    let doc = gallery();
    let note = titled(&doc, "Note");
    assert_eq!(note.value().name(), "div");
    assert_eq!(classes(note), ["admonition", "note"]);
    assert_eq!(children(note), ["p.admonition-title", "p"]);
    assert_eq!(body_text(note), "Default title from the type.");
}

#[test]
fn empty_title_gives_no_title_element() {
    let doc = gallery();
    let warnings: Vec<_> = doc
        .all("div.admonition.warning")
        .into_iter()
        .filter(|d| text_of(*d) == "No title at all.")
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(children(warnings[0]), ["p"]);
    assert!(
        !doc.source.contains("answerbook:admonition-title"),
        "placeholder leaked"
    );
}

#[test]
fn several_type_words_become_several_classes() {
    let doc = gallery();
    let el = titled(&doc, "Two extra classes");
    assert_eq!(classes(el), ["admonition", "danger", "highlight"]);
    assert_eq!(body_text(el), "Several words become several classes.");
}

#[test]
fn title_markdown_is_rendered_inline() {
    let doc = gallery();
    let el = titled(&doc, "Use gather() here");
    let title = doc.one("div.admonition.tip > p.admonition-title code");
    assert_eq!(text_of(title), "gather()");
    assert_eq!(classes(el), ["admonition", "tip"]);
}

#[test]
fn question_marks_make_closed_details() {
    let doc = gallery();
    let el = titled(&doc, "Closed by default");
    assert_eq!(el.value().name(), "details");
    assert_eq!(classes(el), ["question"]);
    assert_eq!(el.value().attr("open"), None);
    assert_eq!(children(el), ["summary", "p"]);
    assert_eq!(body_text(el), "Hidden until clicked.");
}

#[test]
fn question_marks_plus_make_open_details() {
    let doc = gallery();
    let el = titled(&doc, "Open by default");
    assert_eq!(el.value().name(), "details");
    assert_eq!(classes(el), ["example"]);
    assert_eq!(el.value().attr("open"), Some("open"));
    assert_eq!(body_text(el), "Shown at once.");
}

#[test]
fn nested_admonition_sits_inside_its_parent() {
    let doc = gallery();
    let outer = titled(&doc, "Outer");
    assert_eq!(
        children(outer),
        ["p.admonition-title", "p", "div.admonition", "p"]
    );
    let inner = titled(&doc, "Inner");
    assert_eq!(
        inner.parent().and_then(ElementRef::wrap).map(|p| p.id()),
        Some(outer.id())
    );
    assert_eq!(classes(inner), ["admonition", "tip"]);
    assert_eq!(body_text(inner), "Inner body.");
    assert_eq!(
        body_text(outer),
        "Outer body. Inner Inner body. Back in outer."
    );
    // The paragraph after the pair is outside both.
    let after: Vec<_> = doc
        .all("article > p")
        .into_iter()
        .filter(|p| text_of(*p) == "After the nested pair.")
        .collect();
    assert_eq!(after.len(), 1);
}

#[test]
fn admonition_inside_a_list_item() {
    let doc = gallery();
    let el = titled(&doc, "In a list");
    let li = el.parent().and_then(ElementRef::wrap).expect("parent");
    assert_eq!(li.value().name(), "li");
    assert!(text_of(li).starts_with("First item"));
    assert_eq!(classes(el), ["admonition", "info"]);
    assert_eq!(body_text(el), "Inside the list item.");
    assert_eq!(doc.all("article ul > li").len(), 2, "the list is not split");
}

#[test]
fn fenced_code_inside_a_body_stays_code() {
    let doc = gallery();
    let el = titled(&doc, "With code");
    assert_eq!(
        children(el),
        ["p.admonition-title", "p", "div.highlight", "p"]
    );
    let code = doc.one("div.admonition.example > div.language-python.highlight pre > code");
    assert_eq!(code.text().collect::<String>(), "print(\"inside\")\n");
    assert_eq!(
        body_text(el),
        "Some code: print(\"inside\") After the code."
    );
}

#[test]
fn marker_inside_fenced_code_is_literal_text() {
    let doc = gallery();
    let code = doc.one("div.language-markdown.highlight pre > code");
    assert_eq!(
        code.text().collect::<String>(),
        "!!! note \"Literal\"\n    This stays code.\n"
    );
    assert!(
        doc.all("p.admonition-title")
            .into_iter()
            .all(|t| text_of(t) != "Literal")
    );
}

#[test]
fn github_alert_renders_as_an_admonition() {
    let doc = gallery();
    let el = titled(&doc, "Warning");
    assert_eq!(el.value().name(), "div");
    assert_eq!(classes(el), ["admonition", "warning"]);
    assert_eq!(body_text(el), "Mind the gap.");
    let quotes = doc.all("blockquote");
    assert_eq!(quotes.len(), 1, "only the plain quote is a blockquote");
    assert_eq!(text_of(quotes[0]), "A plain quote.");
}

#[test]
fn every_admonition_of_the_page_is_accounted_for() {
    let doc = gallery();
    // 8 `!!!` blocks plus the GitHub alert; 2 details.
    assert_eq!(doc.all("div.admonition").len(), 9);
    assert_eq!(doc.all("details").len(), 2);
}

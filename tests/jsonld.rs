//! FAQPage JSON-LD, as a search engine reads it: exactly one FAQPage (a node of the one
//! `@graph` in `<head>`) per Q&A page,
//! whose question is the page title and whose answer is the plain text of the "In short"
//! admonition (or the description); none on section pages or with `faq: false`; a hand-written
//! FAQPage block dropped only when answerbook writes its own.

mod common;

use common::{Site, fixture};
use serde_json::Value;

const HEAD_LD: &str = r#"head script[type="application/ld+json"]"#;
const BODY_LD: &str = r#"body script[type="application/ld+json"]"#;

fn built() -> Site {
    let site = fixture("faq_page");
    site.build(&[]).expect_clean();
    site
}

/// The FAQPage nodes of the `@graph` in `<head>` (the one block there), checking that the
/// graph carries the schema.org context.
fn head_faq(doc: &common::Doc) -> Vec<Value> {
    let head = doc.json_ld_in(HEAD_LD);
    assert_eq!(head.len(), 1, "one JSON-LD block in <head>: {head:?}");
    assert_eq!(head[0]["@context"], "https://schema.org");
    let nodes = head[0]["@graph"].as_array().expect("an @graph list");
    nodes
        .iter()
        .filter(|n| n["@type"] == "FAQPage")
        .cloned()
        .collect()
}

fn question(faq: &Value) -> (&str, &str) {
    assert_eq!(faq["@type"], "FAQPage");
    let entities = faq["mainEntity"].as_array().expect("mainEntity is a list");
    assert_eq!(entities.len(), 1, "one question per page: {faq}");
    let q = &entities[0];
    assert_eq!(q["@type"], "Question");
    assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
    (
        q["name"].as_str().expect("name is a string"),
        q["acceptedAnswer"]["text"]
            .as_str()
            .expect("text is a string"),
    )
}

#[test]
fn example_shaped_page_gets_exactly_one_generated_faq_page() {
    let site = built();
    let doc = site.page("iteration/is-map-lazy-in-python/");
    let all = doc.faq_pages();
    assert_eq!(all.len(), 1, "exactly one FAQPage on the page: {all:?}");
    // The one there is the generated one, in <head>; the hand-written block is gone.
    let head = head_faq(&doc);
    assert_eq!(head.len(), 1);
    assert!(doc.json_ld_in(BODY_LD).is_empty());
    assert!(!doc.source.contains("Hand-written answer"));

    let (name, text) = question(&head[0]);
    assert_eq!(name, "Is map lazy in Python?");
    assert_eq!(
        text,
        "Yes. In Python 3, map() hands back an iterator and calls your function only when the \
         next item is requested. Wrap it in list() to run it over every element at once, and \
         keep in mind that the iterator is spent after a single pass."
    );
}

#[test]
fn faq_answer_is_the_same_text_the_reader_sees_in_the_in_short_box() {
    let site = built();
    let doc = site.page("iteration/is-map-lazy-in-python/");
    let visible = doc
        .all("div.admonition.info")
        .into_iter()
        .find(|d| common::text_of(*d).starts_with("In short"))
        .map(|d| {
            common::text_of(d)
                .trim_start_matches("In short")
                .trim()
                .to_owned()
        })
        .expect("the In short admonition is on the page");
    let faqs = doc.faq_pages();
    let (_, text) = question(&faqs[0]);
    assert_eq!(text, visible);
}

#[test]
fn script_end_tag_in_title_cannot_break_out_of_the_json_ld() {
    let site = built();
    let doc = site.page("iteration/script-tags-in-titles/");
    let head = head_faq(&doc);
    assert_eq!(head.len(), 1, "the script element holds the whole JSON");
    let (name, text) = question(&head[0]);
    assert_eq!(
        name,
        r#"Can a title hold </script> and "quotes" & ampersands?"#
    );
    assert_eq!(text, "Yes: the </script> text & the markup are escaped.");
    // Nothing of the JSON leaked into the visible page.
    assert!(!common::text_of(doc.one("body")).contains("mainEntity"));
    // The title is escaped in <title> and in the page heading too.
    assert_eq!(
        doc.text("title"),
        r#"Can a title hold </script> and "quotes" & ampersands? - Snake notes"#
    );
    assert_eq!(
        doc.text("article h1"),
        r#"Can a title hold </script> and "quotes" & ampersands?"#
    );
}

#[test]
fn description_is_the_answer_when_there_is_no_in_short_box() {
    let site = built();
    let doc = site.page("iteration/what-does-enumerate-return/");
    let faqs = doc.faq_pages();
    assert_eq!(faqs.len(), 1);
    let (name, text) = question(&faqs[0]);
    assert_eq!(name, "What does enumerate return?");
    assert_eq!(
        text,
        "An iterator of (index, item) pairs, counting from zero unless you pass start."
    );
}

#[test]
fn hand_written_json_ld_of_another_type_is_kept() {
    let site = built();
    let doc = site.page("iteration/what-does-enumerate-return/");
    let body = doc.json_ld_in(BODY_LD);
    assert_eq!(body.len(), 1, "{body:?}");
    assert_eq!(body[0]["@type"], "BreadcrumbList");
    assert_eq!(head_faq(&doc).len(), 1);
}

#[test]
fn json_ld_shown_in_a_code_block_stays_visible_code() {
    let site = built();
    let doc = site.page("iteration/what-does-enumerate-return/");
    let code = doc.one("div.language-html.highlight pre > code");
    assert_eq!(
        code.text().collect::<String>(),
        "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", \
         \"@type\": \"FAQPage\", \"mainEntity\": []}</script>\n"
    );
    assert_eq!(
        doc.faq_pages().len(),
        1,
        "only the generated FAQPage is markup"
    );
}

#[test]
fn faq_false_generates_nothing_and_keeps_the_hand_written_block() {
    let site = built();
    let doc = site.page("iteration/how-do-i-loop-with-an-index/");
    assert!(head_faq(&doc).is_empty(), "no generated FAQPage");
    let faqs = doc.faq_pages();
    assert_eq!(faqs.len(), 1, "the author's block stays: {faqs:?}");
    let (name, text) = question(&faqs[0]);
    assert_eq!(name, "Kept by hand");
    assert_eq!(text, "This block stays because faq is false.");
}

#[test]
fn page_without_answer_or_description_keeps_its_hand_written_block() {
    let site = built();
    let doc = site.page("iteration/notes-without-an-answer/");
    assert!(head_faq(&doc).is_empty());
    let faqs = doc.faq_pages();
    assert_eq!(faqs.len(), 1);
    assert_eq!(question(&faqs[0]).0, "Hand-made question");
}

#[test]
fn section_and_home_pages_have_no_faq_page() {
    let site = built();
    // The section's index.md has an "In short" box and a description: still no FAQPage.
    for path in ["iteration/", ""] {
        let doc = site.page(path);
        assert!(
            doc.faq_pages().is_empty(),
            "{path:?} must not carry a FAQPage: {:?}",
            doc.json_ld()
        );
    }
}

#[test]
fn answer_title_in_site_yaml_names_the_answer_admonition() {
    let site = fixture("answer_title");
    site.build(&[]).expect_clean();
    let doc = site.page("which-title-counts/");
    let faqs = doc.faq_pages();
    assert_eq!(faqs.len(), 1);
    let (name, text) = question(&faqs[0]);
    assert_eq!(name, "Which admonition holds the answer?");
    assert_eq!(text, "The one named in site.yaml.");
}

/// Every JSON-LD node typed FAQPage, however the type is written (`"FAQPage"` or a list).
fn faq_typed(doc: &common::Doc) -> Vec<Value> {
    doc.json_ld_nodes()
        .into_iter()
        .filter(|v| match &v["@type"] {
            Value::Array(types) => types.iter().any(|t| t == "FAQPage"),
            t => t == "FAQPage",
        })
        .collect()
}

#[test]
fn hand_written_faq_page_is_removed_alone_from_its_html_block() {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/wrapped.md",
        concat!(
            "---\ntitle: Is the wrapper kept?\n---\n\n",
            "!!! info \"In short\"\n    Yes, only the script goes.\n\n",
            "<div class=\"x\">\n<p>keep me</p>\n",
            "<script type=\"application/ld+json\">{\"@context\": \"https://schema.org\", ",
            "\"@type\": \"FAQPage\", \"mainEntity\": []}</script>\n</div>\n\n",
            "After the block.\n",
        ),
    );
    site.build(&[]).expect_clean();
    let doc = site.page("iteration/wrapped/");
    assert_eq!(doc.text("article div.x > p"), "keep me");
    assert!(
        doc.json_ld_in(BODY_LD).is_empty(),
        "the hand-written one is gone"
    );
    let faqs = faq_typed(&doc);
    assert_eq!(faqs.len(), 1);
    assert_eq!(
        question(&faqs[0]),
        ("Is the wrapper kept?", "Yes, only the script goes.")
    );
}

#[test]
fn hand_written_faq_page_typed_as_a_list_is_recognised() {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/listed-type.md",
        concat!(
            "---\ntitle: Listed type\ndescription: Generated answer.\n---\n\n",
            "<script type=\"application/ld+json\">\n",
            "{\"@context\": \"https://schema.org\", \"@type\": [\"FAQPage\"], \"mainEntity\": []}\n",
            "</script>\n",
        ),
    );
    site.build(&[]).expect_clean();
    let doc = site.page("iteration/listed-type/");
    let faqs = faq_typed(&doc);
    assert_eq!(faqs.len(), 1, "never two FAQPages: {faqs:?}");
    assert_eq!(question(&faqs[0]), ("Listed type", "Generated answer."));
}

#[test]
fn line_and_paragraph_separators_are_escaped_in_the_json_ld() {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/separators.md",
        "---\ntitle: \"Why\\u2028now?\"\ndescription: \"One\\u2029two\"\n---\n\nBody.\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("iteration/separators/");
    let script = doc.one(HEAD_LD).text().collect::<String>();
    assert!(
        script.contains(r"Why\u2028now?") && script.contains(r"One\u2029two"),
        "{script}"
    );
    assert!(
        !script.contains(['\u{2028}', '\u{2029}']),
        "raw separators in {script}"
    );
    assert_eq!(
        question(&head_faq(&doc)[0]),
        ("Why\u{2028}now?", "One\u{2029}two")
    );
}

#[test]
fn answer_admonition_title_matches_whatever_its_case() {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/shouting.md",
        "---\ntitle: Case?\ndescription: Not this.\n---\n\n!!! info \"in SHORT\"\n    Case does not matter.\n",
    );
    site.build(&[]).expect_clean();
    let faqs = site.page("iteration/shouting/").faq_pages();
    assert_eq!(question(&faqs[0]), ("Case?", "Case does not matter."));
}

#[test]
fn not_found_page_has_no_faq_page_generated_or_from_404_md() {
    let site = fixture("faq_page");
    site.build(&[]).expect_clean();
    assert!(site.page("404.html").json_ld().is_empty());
    site.write(
        "content/404.md",
        "---\ntitle: Lost?\ndescription: Not here.\n---\n\n!!! info \"In short\"\n    This page does not exist.\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("404.html");
    assert_eq!(doc.text("title"), "Lost? - Snake notes");
    assert!(doc.json_ld().is_empty(), "{:?}", doc.json_ld());
}

#[test]
fn a_page_that_asks_no_question_gets_no_faq_page_from_its_description() {
    let site = fixture("faq_page");
    site.write(
        "content/disclaimer.md",
        "---\ntitle: Disclaimer\ndescription: These notes come with no warranty.\n---\n\n# Disclaimer\n\nUse at your own risk.\n",
    );
    site.write(
        "content/terms.md",
        "---\ntitle: Terms\ndescription: You may copy these notes.\nfaq: true\n---\n\nText.\n",
    );
    site.build(&[]).expect_clean();
    let disclaimer = site.page("disclaimer/");
    assert!(
        disclaimer.faq_pages().is_empty(),
        "{:?}",
        disclaimer.json_ld()
    );
    assert_eq!(
        disclaimer.meta("description"),
        ["These notes come with no warranty."]
    );
    // `faq: true` says the page answers a question: its description is the answer.
    let faqs = site.page("terms/").faq_pages();
    assert_eq!(faqs.len(), 1);
    assert_eq!(question(&faqs[0]), ("Terms", "You may copy these notes."));
}

//! The FAQ JSON-LD written for a page, and the hand-written kind found in raw HTML blocks.

use super::*;

#[test]
fn blocks_without_a_script_are_found_so_by_their_first_look() {
    let pieces = [
        "<",
        "s",
        "S",
        "<script",
        "<SCRIPT type=\"application/ld+json\">",
        ">",
        "{}",
    ];
    for html in crate::test_text::generated(&pieces, 5_000, 7) {
        let all = scripts(&html, HandWritten::default());
        assert_eq!(classify(&html), all, "{html:?}");
    }
}

#[test]
fn script_escapes_replace_only_their_characters() {
    assert_eq!(
        escape_for_script("a<b>&c\u{2028}\u{2029}\u{2027}é€</script>"),
        "a\\u003cb\\u003e\\u0026c\\u2028\\u2029\u{2027}é€\\u003c/script\\u003e"
    );
    // Without a character that starts as U+2028 does, by the byte search.
    assert_eq!(
        escape_for_script("<a>&é</a>"),
        "\\u003ca\\u003e\\u0026é\\u003c/a\\u003e"
    );
    assert_eq!(escape_for_script("plain"), "plain");
}

#[test]
fn escapes_so_the_script_cannot_be_closed_early() {
    let json = json_ld("Is </script> safe?", "Yes & <b>no</b>");
    assert!(!json.contains("</script>"));
    assert!(!json.contains('<'));
    let back: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(back["mainEntity"][0]["name"], "Is </script> safe?");
    assert_eq!(
        back["mainEntity"][0]["acceptedAnswer"]["text"],
        "Yes & <b>no</b>"
    );
}

#[test]
fn only_pages_that_ask_a_question_fall_back_to_their_description() {
    let rule = |faq, title| FaqRule::for_page(true, faq, title, Some("Words."));
    assert_eq!(answer(rule(None, "Disclaimer"), None, false), None);
    assert_eq!(answer(rule(None, "Disclaimer"), None, true), Some("Words."));
    assert_eq!(answer(rule(None, "Why? "), None, false), Some("Words."));
    assert_eq!(
        answer(rule(Some(true), "Terms"), None, false),
        Some("Words.")
    );
    assert_eq!(
        answer(rule(None, "Terms"), Some("Short."), false),
        Some("Short.")
    );
    assert_eq!(
        answer(rule(Some(false), "Why?"), Some("Short."), false),
        None
    );
    let section = FaqRule::for_page(false, Some(true), "Why?", Some("Words."));
    assert_eq!(answer(section, Some("Short."), true), None);
}

#[test]
fn recognises_hand_written_blocks() {
    let is_faq = |html: &str| !classify(html).faq_pages.is_empty();
    assert!(is_faq(
        "<script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n"
    ));
    assert!(is_faq(
        "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"FAQPage\"}]}</script>"
    ));
    assert!(is_faq(
        "<SCRIPT type=\"application/ld+json\">{\"@type\": [\"WebPage\", \"FAQPage\"]}</SCRIPT>"
    ));
    assert!(!is_faq(
        "<script type=\"application/ld+json\">{\"@type\": \"Article\"}</script>"
    ));
    assert_eq!(
        classify("<script type=\"application/ld+json\">{oops</script>")
            .invalid
            .len(),
        1
    );
    assert_eq!(classify("<div>hi</div>"), HandWritten::default());
}

#[test]
fn removes_only_the_faq_page_script() {
    let html = concat!(
        "<div class=\"x\">\n<p>keep me</p>\n",
        "<script type=\"application/ld+json\">{\"@type\": \"FAQPage\"}</script>\n",
        "<script type=\"application/ld+json\">{\"@type\": \"Article\"}</script>\n",
        "</div>\n"
    );
    let found = classify(html);
    assert_eq!(
        found.without_faq_pages(html),
        concat!(
            "<div class=\"x\">\n<p>keep me</p>\n",
            "<script type=\"application/ld+json\">{\"@type\": \"Article\"}</script>\n",
            "</div>\n"
        )
    );
    let inline =
        "<p>a <script type=\"application/ld+json\">{\"@type\": \"FAQPage\"}</script> b</p>";
    assert_eq!(classify(inline).without_faq_pages(inline), "<p>a  b</p>");
}

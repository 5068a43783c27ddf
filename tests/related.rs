//! Related questions under a question: which five, in which order (See also 4, a link to the
//! page 2, each shared tag 1; ties by place in See also, then title), as links that lead to
//! those pages; and listing summaries cut at a word or sentence end with code kept as code.

mod common;

use common::{Site, fixture};

fn built() -> Site {
    let site = fixture("related");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn a_question_lists_five_related_questions_in_rank_order() {
    let site = built();
    let doc = site.page("kettles/descale/");
    assert_eq!(doc.text("nav.related h2"), "Related questions");
    assert_eq!(
        doc.texts("nav.related li a"),
        [
            // See also, in the order written, though "Are" sorts before "Why".
            "Why did my kettle boil dry?",
            "Are cup stains harmful?",
            // Links here (2) and shares "limescale" (1); the link to it from this page
            // (not under See also) adds nothing.
            "What does the kettle filter catch?",
            // Links here (2) twice, counted once; ties with the next (two shared tags),
            // broken by title.
            "Why do my cups chip?",
            "Why does my kettle whistle?",
        ]
    );
    // Sharing one tag (lid, handles) is not enough for a sixth place; a link in code or in
    // a fence is no link.
    assert_eq!(
        doc.attrs("nav.related li a", "href"),
        [
            "../boil-dry/",
            "../../cups/stains/",
            "../filter/",
            "../../cups/chips/",
            "../whistle/"
        ]
    );
}

#[test]
fn a_page_is_related_to_what_names_it_never_to_itself() {
    let site = built();
    // chips links to descale, outside a See also: that makes chips related to descale, not
    // descale to chips, which has no tags and nothing linking to it.
    let chips = site.page("cups/chips/");
    assert!(
        !chips.has("nav.related"),
        "{:?}",
        chips.texts("nav.related a")
    );
    let stains = site.page("cups/stains/");
    assert_eq!(
        stains.texts("nav.related li a"),
        ["How often should I descale a kettle?"]
    );
    let lid = site.page("kettles/lid/");
    let titles = lid.texts("nav.related li a");
    assert!(!titles.contains(&"How do I clean a kettle lid?".to_owned()));
    assert_eq!(
        titles,
        [
            "How often should I descale a kettle?",
            "Why does my kettle whistle?"
        ]
    );
}

#[test]
fn section_pages_have_no_related_list() {
    let site = built();
    assert!(!site.page("kettles/").has("nav.related"));
}

#[test]
fn listing_summaries_keep_code_and_are_cut_between_words() {
    let site = built();
    let doc = site.page("kettles/");
    let summaries = doc.all(".question-list .question-summary");
    let descale = summaries
        .iter()
        .find(|p| p.inner_html().contains("Every month"))
        .expect("descale's summary");
    assert_eq!(
        descale.inner_html(),
        "Every month in hard-water areas; use <code>citric acid</code>, never bleach."
    );
    let lid = summaries
        .iter()
        .find(|p| p.inner_html().contains("soapy"))
        .expect("lid's summary")
        .inner_html();
    // 280 characters at most: the last sentence end that keeps half of them, then the mark.
    assert_eq!(
        lid,
        "Warm soapy water and a soft cloth, then rinse with <code>hot water</code> twice. \
         Dry it upside down on a rack so that no water stays in the hinge, which is where \
         the scale starts. Wipe the seal with a little vinegar once a month, and check that \
         the catch still clicks shut before you boil. \u{2026}"
    );
}

#[test]
fn a_rebuild_from_the_cache_follows_a_link_taken_away_elsewhere() {
    let site = built();
    site.write(
        "content/cups/chips.md",
        "---\ntitle: Why do my cups chip?\n---\n\n!!! info \"In short\"\n    Thermal shock.\n",
    );
    site.build(&[]).expect_clean();
    // descale.md did not change, but chips no longer links to it.
    let titles = site.page("kettles/descale/").texts("nav.related li a");
    assert!(
        !titles.contains(&"Why do my cups chip?".to_owned()),
        "{titles:?}"
    );
    assert_eq!(titles.len(), 5);
    assert_eq!(titles[4], "Can a cup handle be glued?");
}

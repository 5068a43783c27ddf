//! Section pages: the questions of a folder with their summaries (text before `<!-- more -->`,
//! else the short answer, else the description), its subsections, and a generated page for a
//! folder that has no index.md.

mod common;

use common::{Doc, Site, fixture, text_of};

fn built() -> Site {
    let site = fixture("sections");
    site.build(&[]).expect_clean();
    site
}

/// (title, href, summary) of every question listed on a section page.
fn listing(doc: &Doc) -> Vec<(String, String, Option<String>)> {
    doc.all("ul.question-list > li")
        .into_iter()
        .map(|li| {
            let a = li
                .select(&scraper::Selector::parse("a.question-title").unwrap())
                .next()
                .expect("a.question-title in every item");
            let summary = li
                .select(&scraper::Selector::parse("p.question-summary").unwrap())
                .next()
                .map(text_of);
            (
                text_of(a),
                a.value().attr("href").unwrap().to_owned(),
                summary,
            )
        })
        .collect()
}

fn summary_of(doc: &Doc, title: &str) -> Option<String> {
    listing(doc)
        .into_iter()
        .find(|(t, _, _)| t == title)
        .unwrap_or_else(|| panic!("{title} is not listed"))
        .2
}

#[test]
fn section_lists_its_questions_sorted_by_title_with_relative_links() {
    let site = built();
    let doc = site.page("recipes/");
    let items: Vec<(String, String)> = listing(&doc).into_iter().map(|(t, h, _)| (t, h)).collect();
    assert_eq!(
        items,
        [
            ("Alpha question".to_owned(), "alpha-with-more/".to_owned()),
            ("Beta question".to_owned(), "beta-answer/".to_owned()),
            ("Delta question".to_owned(), "delta-nothing/".to_owned()),
            (
                "Epsilon question".to_owned(),
                "epsilon-no-heading/".to_owned()
            ),
            ("Gamma question".to_owned(), "gamma-description/".to_owned()),
        ]
    );
    for (_, href, _) in listing(&doc) {
        assert!(
            site.out()
                .join("recipes")
                .join(href)
                .join("index.html")
                .is_file()
        );
    }
}

#[test]
fn summary_is_the_text_before_the_more_marker() {
    let site = built();
    assert_eq!(
        summary_of(&site.page("recipes/"), "Alpha question").as_deref(),
        Some("Text before the marker becomes the summary.")
    );
}

#[test]
fn summary_is_the_text_before_the_more_marker_on_a_page_without_h1() {
    let site = built();
    assert_eq!(
        summary_of(&site.page("recipes/"), "Epsilon question").as_deref(),
        Some("A page without a heading: this intro is the summary.")
    );
}

#[test]
fn summary_falls_back_to_the_short_answer_when_nothing_precedes_the_marker() {
    let site = built();
    assert_eq!(
        summary_of(&site.page("recipes/"), "Beta question").as_deref(),
        Some("The short answer is the summary.")
    );
}

#[test]
fn summary_falls_back_to_the_description() {
    let site = built();
    assert_eq!(
        summary_of(&site.page("recipes/"), "Gamma question").as_deref(),
        Some("Only the description is left.")
    );
}

#[test]
fn question_without_any_summary_source_has_no_summary() {
    let site = built();
    assert_eq!(summary_of(&site.page("recipes/"), "Delta question"), None);
}

#[test]
fn section_lists_its_subsections_with_their_question_count() {
    let site = built();
    let doc = site.page("recipes/");
    assert_eq!(doc.texts("ul.section-list a.section-title"), ["Desserts"]);
    assert_eq!(
        doc.attr("ul.section-list a.section-title", "href"),
        "desserts/"
    );
    assert_eq!(doc.text("ul.section-list .section-count"), "1 question");

    let home = site.page("");
    assert_eq!(home.texts("ul.section-list a.section-title"), ["Recipes"]);
    assert_eq!(
        home.attr("ul.section-list a.section-title", "href"),
        "recipes/"
    );
    assert_eq!(home.text("ul.section-list .section-count"), "5 questions");
    assert_eq!(
        home.text("ul.section-list p.section-summary"),
        "Cooking with Python, one question at a time."
    );
}

#[test]
fn folder_without_index_md_gets_a_generated_section_page() {
    let site = built();
    let doc = site.page("recipes/desserts/");
    assert_eq!(doc.text("article h1"), "Desserts");
    assert_eq!(doc.text("head title"), "Desserts - Section rules");
    assert_eq!(
        listing(&doc),
        [(
            "How long does the cake bake?".to_owned(),
            "cake/".to_owned(),
            Some("Forty minutes.".to_owned())
        )]
    );
    assert_eq!(
        doc.attr(r#"link[rel="canonical"]"#, "href"),
        "https://sec.example.test/recipes/desserts/"
    );
}

#[test]
fn section_page_shows_its_index_md_content() {
    let site = built();
    let doc = site.page("recipes/");
    assert_eq!(doc.text("article h1"), "Recipes");
    assert_eq!(doc.text("article > p"), "All the recipes.");
    assert_eq!(
        doc.meta("description"),
        ["Cooking with Python, one question at a time."]
    );
}

#[test]
fn breadcrumbs_lead_back_through_the_sections() {
    let site = built();
    let doc = site.page("recipes/desserts/cake/");
    let crumbs: Vec<(String, String)> = doc
        .all("nav.breadcrumbs a")
        .into_iter()
        .map(|a| (text_of(a), a.value().attr("href").unwrap().to_owned()))
        .collect();
    assert_eq!(
        crumbs,
        [
            ("Home".to_owned(), "../../../".to_owned()),
            ("Recipes".to_owned(), "../../".to_owned()),
            ("Desserts".to_owned(), "../".to_owned()),
        ]
    );
    assert_eq!(
        doc.text(r#"nav.breadcrumbs li[aria-current="page"]"#),
        "How long does the cake bake?"
    );
}

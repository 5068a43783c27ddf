//! The reader's way around a site in the default theme: the sidebar with the section's
//! questions (the current one marked) and the top sections, previous and next questions in
//! listing order, the skip link, the favicon, and the script that adds to a page without
//! being needed by it.

mod common;

use common::{Site, fixture};

fn built() -> Site {
    let site = fixture("navigation");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn the_sidebar_lists_the_sections_questions_in_title_order_and_marks_the_page() {
    let site = built();
    let doc = site.page("knots/what-is-a-bowline/");
    assert_eq!(
        doc.texts("nav.sidebar .sidebar-pages a"),
        [
            "How do I tie a reef knot?",
            "What is a bowline?",
            "Which knot holds a boat to a post?"
        ]
    );
    assert_eq!(
        doc.attrs("nav.sidebar .sidebar-pages a", "href"),
        [
            "../how-do-i-tie-a-reef-knot/",
            "../what-is-a-bowline/",
            "../which-knot-holds-a-boat/"
        ]
    );
    assert_eq!(
        doc.texts("nav.sidebar a[aria-current=page]"),
        ["What is a bowline?"]
    );
    // Every question of a section shares one rendered sidebar: only the mark moves.
    let other = site.page("knots/how-do-i-tie-a-reef-knot/");
    assert_eq!(
        other.texts("nav.sidebar a[aria-current=page]"),
        ["How do I tie a reef knot?"]
    );
    assert_eq!(doc.attr("nav.sidebar .sidebar-section", "href"), "../");
    assert!(!doc.has("nav.sidebar .sidebar-section[aria-current]"));
    assert_eq!(
        doc.texts("nav.sidebar .sidebar-sections a"),
        ["Knots", "Ropes"]
    );
    assert_eq!(
        doc.texts("nav.sidebar .sidebar-sections a[aria-current]"),
        ["Knots"]
    );
}

#[test]
fn a_section_page_marks_itself_in_its_sidebar() {
    let site = built();
    let doc = site.page("ropes/");
    assert_eq!(doc.texts("nav.sidebar a[aria-current=page]"), ["Ropes"]);
    assert_eq!(
        doc.texts("nav.sidebar .sidebar-pages a"),
        ["Is nylon rope stretchy?"]
    );
    let home = site.page("");
    assert_eq!(
        home.texts("nav.sidebar .sidebar-sections a"),
        ["Knots", "Ropes"]
    );
    assert!(!home.has("nav.sidebar .sidebar-sections a[aria-current]"));
}

#[test]
fn previous_and_next_follow_the_listing_within_the_section() {
    let site = built();
    let first = site.page("knots/how-do-i-tie-a-reef-knot/");
    assert!(!first.has(".prev-next a[rel=prev]"));
    assert_eq!(
        first.attr(".prev-next a[rel=next]", "href"),
        "../what-is-a-bowline/"
    );
    let middle = site.page("knots/what-is-a-bowline/");
    assert_eq!(
        middle.attr(".prev-next a[rel=prev]", "href"),
        "../how-do-i-tie-a-reef-knot/"
    );
    assert_eq!(
        middle.text(".prev-next a[rel=next]"),
        "NextWhich knot holds a boat to a post?"
    );
    let last = site.page("knots/which-knot-holds-a-boat/");
    assert!(!last.has(".prev-next a[rel=next]"));
    let alone = site.page("ropes/is-nylon-rope-stretchy/");
    assert!(!alone.has(".prev-next"), "no neighbours across sections");
}

#[test]
fn a_skip_link_leads_to_the_main_content_and_scripts_only_add() {
    let site = built();
    let doc = site.page("knots/which-knot-holds-a-boat/");
    assert_eq!(doc.attr("a.skip-link", "href"), "#content");
    assert_eq!(doc.attr("main", "id"), "content");
    // Search and the theme switch need the script: hidden until it shows them.
    assert!(doc.one(".search").value().attr("hidden").is_some());
    assert!(
        doc.one("button.theme-toggle")
            .value()
            .attr("hidden")
            .is_some()
    );
    assert_eq!(doc.attr("script[src]", "src"), "../../assets/answerbook.js");
    assert!(site.out().join("assets/answerbook.js").is_file());
    // Two headings are enough for a table of contents.
    assert_eq!(
        doc.attrs("aside.toc a", "href"),
        ["#tying-it", "#untying-it"]
    );
}

#[test]
fn the_favicon_is_the_sites_own_when_it_has_one() {
    let site = built();
    let doc = site.page("knots/");
    assert_eq!(doc.attr("link[rel=icon]", "href"), "../assets/favicon.svg");
    assert!(site.out().join("assets/favicon.svg").is_file());

    site.write("content/favicon.ico", "icon bytes");
    site.build(&[]).expect_clean();
    let doc = site.page("knots/");
    assert_eq!(doc.attr("link[rel=icon]", "href"), "../favicon.ico");
    assert_eq!(site.out_text("favicon.ico"), "icon bytes");
    let missing = site.out_text("404.html");
    assert!(missing.contains(r#"<link rel="icon" href="/favicon.ico">"#));
}

#[test]
fn tags_link_to_their_pages_and_the_tags_index_lists_them_all() {
    let site = built();
    let doc = site.page("knots/which-knot-holds-a-boat/");
    assert_eq!(doc.texts(".page-tags a.tag"), ["boats", "mooring"]);
    assert_eq!(
        doc.attrs(".page-tags a.tag", "href"),
        ["../../tags/boats/", "../../tags/mooring/"]
    );
    let boats = site.page("tags/boats/");
    assert_eq!(boats.text("h1"), "Tagged \u{201c}boats\u{201d}");
    assert_eq!(
        boats.texts(".question-title"),
        [
            "Is nylon rope stretchy?",
            "Which knot holds a boat to a post?"
        ]
    );
    assert_eq!(
        boats.attrs(".question-title", "href"),
        [
            "../../ropes/is-nylon-rope-stretchy/",
            "../../knots/which-knot-holds-a-boat/"
        ]
    );
    let index = site.page("tags/");
    assert_eq!(index.texts(".section-title"), ["boats", "loops", "mooring"]);
    assert_eq!(
        index.texts(".section-count"),
        ["2 questions", "1 question", "1 question"]
    );
    assert!(
        !site
            .page("knots/how-do-i-tie-a-reef-knot/")
            .has(".page-tags")
    );
}

#[test]
fn the_sitemap_lists_tag_pages_and_the_tags_index() {
    let site = built();
    let urls = common::sitemap_urls(&site.out_text("sitemap.xml"));
    let tagged: Vec<(&str, Option<&str>)> = urls
        .iter()
        .filter(|u| u.loc.contains("/tags/"))
        .map(|u| (u.loc.as_str(), u.lastmod.as_deref()))
        .collect();
    // Each tag page changes when its newest question does; the index when any tagged one does.
    assert_eq!(
        tagged,
        [
            ("/tags/", Some("2025-04-20")),
            ("/tags/boats/", Some("2025-04-20")),
            ("/tags/loops/", None),
            ("/tags/mooring/", Some("2025-04-20")),
        ]
    );
}

#[test]
fn a_site_with_many_sections_lists_those_around_the_page_and_links_to_all() {
    let site = fixture("navigation");
    site.write("site.yaml", "title: Knot answers\nsidebar_sections: 3\n");
    for folder in ["anchors", "lashings", "splices", "whipping"] {
        site.write(
            &format!("content/{folder}/a-question.md"),
            &format!("# A question on {folder}\n\nAn answer.\n"),
        );
    }
    site.build(&[]).expect_clean();
    let sections = |doc: &common::Doc| doc.texts("nav.sidebar .sidebar-sections a");
    let ropes = site.page("ropes/is-nylon-rope-stretchy/");
    assert_eq!(
        sections(&ropes),
        ["Lashings", "Ropes", "Splices", "All 6 sections"]
    );
    assert_eq!(ropes.attr("nav.sidebar .sidebar-more a", "href"), "../../");
    // At either end the window keeps its size.
    let knots = site.page("knots/what-is-a-bowline/");
    assert_eq!(
        sections(&knots),
        ["Anchors", "Knots", "Lashings", "All 6 sections"]
    );
    let whipping = site.page("whipping/a-question/");
    assert_eq!(
        sections(&whipping),
        ["Ropes", "Splices", "Whipping", "All 6 sections"]
    );
    // The home page, where the link leads, lists them all.
    let home = site.page("");
    assert_eq!(
        sections(&home),
        ["Anchors", "Knots", "Lashings", "All 6 sections"]
    );
    assert_eq!(
        home.texts(".section-list a.section-title"),
        [
            "Anchors", "Knots", "Lashings", "Ropes", "Splices", "Whipping"
        ]
    );
}

//! What one page shows: its title (front matter, H1, or file name), the `<head>` a crawler
//! reads (title, description, canonical, meta, lang), heading ids and permalinks, the table of
//! contents, a site's own template, and drafts.

mod common;

use common::{Site, fixture, heading_text};

// ----------------------------------------------------------------------------------- titles

fn built_titles() -> Site {
    let site = fixture("titles");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn page_without_front_matter_takes_its_title_from_the_h1() {
    let site = built_titles();
    let doc = site.page("how-do-i-read-a-file/");
    assert_eq!(
        doc.text("title"),
        "How do I read a file line by line? - Title rules"
    );
    let h1 = doc.all("article h1");
    assert_eq!(h1.len(), 1, "the theme adds no second h1");
    assert_eq!(heading_text(h1[0]), "How do I read a file line by line?");
}

#[test]
fn page_without_front_matter_or_h1_takes_its_title_from_the_file_name() {
    let site = built_titles();
    let doc = site.page("why-is-the-sky-blue/");
    assert_eq!(doc.text("title"), "Why is the sky blue - Title rules");
    assert_eq!(doc.text("article h1"), "Why is the sky blue");
    assert_eq!(
        site.page("odds-and-ends/what_is_pep_8/").text("article h1"),
        "What is pep 8"
    );
}

#[test]
fn front_matter_title_wins_over_the_h1() {
    let site = built_titles();
    let doc = site.page("front-matter-wins/");
    assert_eq!(doc.text("title"), "The front matter title - Title rules");
    assert_eq!(
        doc.text(r#"nav.breadcrumbs li[aria-current="page"]"#),
        "The front matter title"
    );
}

#[test]
fn derived_titles_are_used_in_listings() {
    let site = built_titles();
    let home = site.page("");
    assert_eq!(
        home.texts("ul.question-list a.question-title"),
        [
            "How do I read a file line by line?",
            "The front matter title",
            "Why is the sky blue"
        ]
    );
    // A folder whose index.md has no title is named after the folder.
    assert_eq!(
        home.texts("ul.section-list a.section-title"),
        ["Odds and ends"]
    );
    assert_eq!(
        site.page("odds-and-ends/").text("article h1"),
        "Odds and ends"
    );
}

// ------------------------------------------------------------------------------------- head

fn built_meta() -> Site {
    let site = fixture("head_meta");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn html_lang_comes_from_site_language() {
    let site = built_meta();
    for path in ["", "faq/", "faq/override/", "faq/plain/", "404.html"] {
        assert_eq!(site.page(path).attr("html", "lang"), "fr", "{path:?}");
    }
}

#[test]
fn html_lang_defaults_to_english() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    assert_eq!(
        site.page("basics/what-is-a-set/").attr("html", "lang"),
        "en"
    );
}

#[test]
fn title_description_and_canonical_of_a_page() {
    let site = built_meta();
    let doc = site.page("faq/override/");
    assert_eq!(
        doc.text("head title"),
        "Does the page meta win? - Meta shop"
    );
    assert_eq!(
        doc.meta("description"),
        [r#"Yes, "always" & <everywhere>."#]
    );
    assert_eq!(
        doc.attr(r#"head link[rel="canonical"]"#, "href"),
        "https://meta.example.test/docs/faq/override/"
    );
}

#[test]
fn home_page_uses_site_title_and_site_description() {
    let site = built_meta();
    let doc = site.page("");
    assert_eq!(doc.text("head title"), "Meta shop");
    assert_eq!(
        doc.meta("description"),
        ["Site-wide description of the meta shop."]
    );
    assert_eq!(
        doc.attr(r#"head link[rel="canonical"]"#, "href"),
        "https://meta.example.test/docs/"
    );
}

#[test]
fn page_without_description_has_no_description_meta() {
    let site = built_meta();
    assert!(site.page("faq/plain/").meta("description").is_empty());
}

#[test]
fn page_meta_overrides_site_meta_of_the_same_name() {
    let site = built_meta();
    let doc = site.page("faq/override/");
    assert_eq!(doc.meta("robots"), ["noindex, nofollow"]);
    assert_eq!(doc.meta("author"), ["Site Team"]);
    assert_eq!(doc.meta("keywords"), ["meta, override"]);
}

#[test]
fn site_meta_applies_to_pages_without_their_own() {
    let site = built_meta();
    for path in ["faq/plain/", "faq/", ""] {
        let doc = site.page(path);
        assert_eq!(doc.meta("robots"), ["index, follow"], "{path:?}");
        assert_eq!(doc.meta("author"), ["Site Team"], "{path:?}");
    }
}

#[test]
fn no_canonical_without_an_absolute_base_url() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    for path in ["", "basics/", "basics/what-is-a-set/"] {
        assert!(!site.page(path).has(r#"link[rel="canonical"]"#), "{path:?}");
    }
}

#[test]
fn stylesheet_is_linked_relatively() {
    let site = built_meta();
    assert_eq!(
        site.page("faq/override/")
            .attr(r#"link[rel="stylesheet"]"#, "href"),
        "../../assets/style.css"
    );
    assert_eq!(
        site.page("").attr(r#"link[rel="stylesheet"]"#, "href"),
        "./assets/style.css"
    );
}

#[test]
fn dates_are_shown_with_machine_readable_time() {
    let site = fixture("faq_page");
    site.build(&[]).expect_clean();
    let doc = site.page("iteration/is-map-lazy-in-python/");
    assert_eq!(
        doc.attrs("p.page-dates time", "datetime"),
        ["2025-03-14", "2025-04-02"]
    );
}

// --------------------------------------------------------------------------------- headings

fn built_headings() -> Site {
    let site = fixture("headings");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn heading_ids_are_slugs_made_unique_with_suffixes() {
    let site = built_headings();
    let doc = site.page("long/");
    let ids: Vec<(String, String)> = doc
        .all("article h1, article h2, article h3")
        .into_iter()
        .map(|h| {
            (
                h.value().attr("id").unwrap_or("").to_owned(),
                heading_text(h),
            )
        })
        .collect();
    let expected = [
        ("heading-ids", "Heading ids"),
        ("see-also", "See also"),
        ("gotchas", "Gotchas"),
        ("gotchas_1", "Gotchas"),
        ("gotchas_2", "Gotchas"),
        ("my-id", "Custom anchor"),
        ("cafe-creme-brulee", "Café & crème brûlée!"),
        ("notes", "Setup"),
        ("notes_1", "Notes"),
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(a, b)| ((*a).to_owned(), (*b).to_owned()))
        .collect();
    assert_eq!(ids, expected);
}

#[test]
fn every_heading_has_a_permalink_to_its_own_id() {
    let site = built_headings();
    let doc = site.page("long/");
    let headings = doc.all("article h1, article h2, article h3");
    assert_eq!(headings.len(), 9);
    for h in headings {
        let id = h.value().attr("id").unwrap();
        let links: Vec<_> = h
            .children()
            .filter_map(scraper::ElementRef::wrap)
            .filter(|e| {
                e.value()
                    .has_class("headerlink", scraper::CaseSensitivity::CaseSensitive)
            })
            .collect();
        assert_eq!(links.len(), 1, "{id}");
        assert_eq!(
            links[0].value().attr("href"),
            Some(format!("#{id}").as_str())
        );
    }
}

#[test]
fn links_to_suffixed_and_custom_ids_are_valid() {
    let site = built_headings();
    let doc = site.page("long/");
    assert_eq!(doc.href_of("the custom one"), "#my-id");
    assert_eq!(doc.href_of("the second gotchas"), "#gotchas_2");
    assert_eq!(doc.href_of("the notes"), "#notes_1");
}

#[test]
fn toc_lists_h2_and_nested_h3_with_their_ids() {
    let site = built_headings();
    let doc = site.page("long/");
    doc.one("aside.toc");
    assert_eq!(
        doc.attrs("aside.toc nav > ul > li > a", "href"),
        [
            "#see-also",
            "#gotchas",
            "#gotchas_2",
            "#my-id",
            "#cafe-creme-brulee",
            "#notes",
            "#notes_1"
        ]
    );
    assert_eq!(doc.attrs("aside.toc li li a", "href"), ["#gotchas_1"]);
    assert_eq!(
        doc.texts("aside.toc nav > ul > li > a"),
        [
            "See also",
            "Gotchas",
            "Gotchas",
            "Custom anchor",
            "Café & crème brûlée!",
            "Setup",
            "Notes"
        ]
    );
}

#[test]
fn toc_appears_from_two_entries_on() {
    let site = built_headings();
    let three = site.page("three/");
    assert_eq!(
        three.attrs("aside.toc a", "href"),
        ["#alpha", "#alpha-detail", "#beta"]
    );
    let short = site.page("short/");
    assert_eq!(short.attrs("aside.toc a", "href"), ["#one", "#two"]);
    let one = site.page("one/");
    assert!(
        !one.has("aside.toc nav"),
        "one heading is not worth a table of contents"
    );
}

// ------------------------------------------------------------------------------------ theme

#[test]
fn site_template_overrides_the_default_page_template() {
    let site = fixture("theme_override");
    site.build(&[]).expect_clean();
    let doc = site.page("q/what-is-x/");
    assert_eq!(doc.attr("article.custom-page", "data-title"), "What is x?");
    assert_eq!(
        doc.text("article.custom-page p.custom-footer"),
        "Rendered by the site's own page template."
    );
    assert_eq!(
        doc.text("article.custom-page div.admonition p.admonition-title"),
        "In short"
    );
    // The rest of the theme is still the embedded default.
    assert_eq!(doc.faq_pages().len(), 1);
    assert_eq!(
        doc.attr(r#"link[rel="stylesheet"]"#, "href"),
        "../../assets/style.css"
    );
}

#[test]
fn other_templates_stay_the_default_ones() {
    let site = fixture("theme_override");
    site.build(&[]).expect_clean();
    let section = site.page("q/");
    assert!(!section.has(".custom-page"));
    assert_eq!(
        section.texts("ul.question-list a.question-title"),
        ["What is x?"]
    );
    assert!(!site.page("").has(".custom-page"));
}

// ----------------------------------------------------------------------------------- drafts

#[test]
fn drafts_are_left_out_of_pages_listings_and_sitemap() {
    let site = fixture("drafts");
    site.build(&[]).expect_code(0);
    assert!(!site.out().join("notes/unfinished").exists());
    assert_eq!(
        site.page("notes/")
            .texts("ul.question-list a.question-title"),
        ["Published note"]
    );
    assert!(!site.out_text("sitemap.xml").contains("unfinished"));
}

#[test]
fn drafts_flag_includes_them() {
    let site = fixture("drafts");
    site.build(&["--drafts"]).expect_clean();
    let doc = site.page("notes/unfinished/");
    assert_eq!(doc.text("article h1"), "Unfinished note");
    assert_eq!(
        site.page("notes/")
            .texts("ul.question-list a.question-title"),
        ["Published note", "Unfinished note"]
    );
    assert!(
        site.out_text("sitemap.xml")
            .contains("<loc>https://drafts.example.test/notes/unfinished/</loc>")
    );
}

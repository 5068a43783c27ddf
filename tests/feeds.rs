//! `feed.xml` (Atom, RFC 4287) and `llms.txt` as a feed reader and a language model's crawler
//! read them: parsed, every entry and link checked, each left out when the site ships its own.

mod common;

use common::{Site, fixture, run_in_env};

const ATOM: &str = "http://www.w3.org/2005/Atom";

fn site_with_dates() -> Site {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/newest.md",
        "---\ntitle: Is zip lazy too?\ndate: 2025-05-01\nupdated: 2025-06-01T08:30:00+02:00\n---\n\n!!! info \"In short\"\n    Yes, zip & friends are `<lazy>`.\n",
    );
    site.write(
        "content/oldest.md",
        "---\ntitle: Is range a list?\ndescription: No, a lazy sequence.\ndate: 2024-01-02\n---\n\nBody.\n",
    );
    site
}

fn child<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> Option<roxmltree::Node<'a, 'a>> {
    node.children().find(|c| c.has_tag_name((ATOM, name)))
}

fn text_of<'a>(node: roxmltree::Node<'a, 'a>, name: &str) -> &'a str {
    child(node, name)
        .and_then(|c| c.text())
        .unwrap_or_else(|| panic!("no <{name}> text in <{}>", node.tag_name().name()))
}

fn is_rfc3339(s: &str) -> bool {
    let b = s.as_bytes();
    s.len() == 20 && b[4] == b'-' && b[7] == b'-' && b[10] == b'T' && b[13] == b':' && b[19] == b'Z'
}

#[test]
fn the_feed_is_atom_with_the_newest_dated_questions_first() {
    let site = site_with_dates();
    site.build(&[]).expect_clean();
    let xml = site.out_text("feed.xml");
    let doc = roxmltree::Document::parse(&xml).expect("feed.xml is well-formed XML");
    let feed = doc.root_element();
    assert!(feed.has_tag_name((ATOM, "feed")));
    assert_eq!(text_of(feed, "title"), "Snake notes");
    assert_eq!(text_of(feed, "id"), "https://notes.example.test/");
    assert_eq!(
        text_of(feed, "updated"),
        "2025-06-01T06:30:00Z",
        "the newest entry's"
    );
    assert_eq!(
        text_of(child(feed, "author").unwrap(), "name"),
        "Snake notes"
    );
    let self_link = feed
        .children()
        .find(|c| c.has_tag_name((ATOM, "link")) && c.attribute("rel") == Some("self"))
        .expect("a self link");
    assert_eq!(
        self_link.attribute("href"),
        Some("https://notes.example.test/feed.xml")
    );

    let entries: Vec<_> = feed
        .children()
        .filter(|c| c.has_tag_name((ATOM, "entry")))
        .collect();
    let shown: Vec<(&str, &str, &str, Option<&str>)> = entries
        .iter()
        .map(|e| {
            let link = child(*e, "link").expect("an alternate link");
            assert_eq!(link.attribute("rel"), Some("alternate"));
            assert_eq!(link.attribute("href"), Some(text_of(*e, "id")));
            assert!(is_rfc3339(text_of(*e, "updated")));
            (
                text_of(*e, "title"),
                text_of(*e, "id"),
                text_of(*e, "updated"),
                child(*e, "summary").and_then(|s| s.text()),
            )
        })
        .collect();
    // Only pages with a date are in the feed, newest (updated, else date) first.
    assert_eq!(
        shown,
        [
            (
                "Is zip lazy too?",
                "https://notes.example.test/iteration/newest/",
                "2025-06-01T06:30:00Z",
                Some("Yes, zip & friends are <lazy>.")
            ),
            (
                "Is map lazy in Python?",
                "https://notes.example.test/iteration/is-map-lazy-in-python/",
                "2025-04-02T00:00:00Z",
                Some(
                    "Yes. In Python 3, map() hands back an iterator and calls your function only when the next item is requested. Wrap it in list() to run it over every element at once, and keep in mind that the iterator is spent after a single pass."
                )
            ),
            (
                "Is range a list?",
                "https://notes.example.test/oldest/",
                "2024-01-02T00:00:00Z",
                Some("No, a lazy sequence.")
            ),
        ]
    );
    let published = child(entries[0], "published").and_then(|p| p.text());
    assert_eq!(published, Some("2025-05-01T00:00:00Z"));
    // Every page points feed readers at it.
    let page = site.page("iteration/newest/");
    assert_eq!(
        page.attr(
            r#"link[rel="alternate"][type="application/atom+xml"]"#,
            "href"
        ),
        "https://notes.example.test/feed.xml"
    );
}

#[test]
fn no_feed_without_an_absolute_base_url_and_the_authors_own_wins() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    assert!(!site.out().join("feed.xml").exists());
    assert!(!site.page("").has(r#"link[type="application/atom+xml"]"#));

    let site = site_with_dates();
    site.write("content/feed.xml", "<feed>mine</feed>\n");
    site.write("content/llms.txt", "# Mine\n");
    site.build(&[]).expect_clean();
    assert_eq!(site.out_text("feed.xml"), "<feed>mine</feed>\n");
    assert_eq!(site.out_text("llms.txt"), "# Mine\n");
}

#[test]
fn source_date_epoch_dates_a_feed_without_dated_pages() {
    let site = fixture("faq_page");
    site.write(
        "content/iteration/is-map-lazy-in-python.md",
        "---\ntitle: Undated?\n---\n\nNo date.\n",
    );
    let env = [("SOURCE_DATE_EPOCH", "1700000000")];
    run_in_env(site.tmp(), &["build", "site"], &env).expect_clean();
    let first = site.out_text("feed.xml");
    let doc = roxmltree::Document::parse(&first).unwrap();
    assert_eq!(
        text_of(doc.root_element(), "updated"),
        "2023-11-14T22:13:20Z"
    );
    assert_eq!(
        doc.root_element()
            .children()
            .filter(|c| c.has_tag_name((ATOM, "entry")))
            .count(),
        0
    );
    run_in_env(site.tmp(), &["build", "site"], &env).expect_clean();
    assert_eq!(
        site.out_text("feed.xml"),
        first,
        "the same input gives the same feed"
    );
}

#[test]
fn llms_txt_lists_each_sections_questions_with_their_short_answers() {
    let site = site_with_dates();
    site.build(&[]).expect_clean();
    let text = site.out_text("llms.txt");
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "# Snake notes");
    assert_eq!(lines[2], "> Small answers about Python iteration.");
    assert!(lines.contains(&"## Questions"), "{text}");
    assert!(lines.contains(&"## Iteration"), "{text}");
    assert!(
        lines.contains(
            &"- [Is range a list?](https://notes.example.test/oldest/): No, a lazy sequence."
        ),
        "{text}"
    );
    assert!(
        lines.contains(
            &"- [Notes without an answer](https://notes.example.test/iteration/notes-without-an-answer/)"
        ),
        "a question without an answer is listed without one: {text}"
    );
    // Every link leads to a page the build wrote.
    let links: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix("- [")?.split_once("](")?.1.split(')').next())
        .collect();
    assert_eq!(links.len(), 7, "{text}");
    for link in links {
        let path = link
            .strip_prefix("https://notes.example.test/")
            .expect("absolute URL");
        assert!(
            site.out().join(path).join("index.html").is_file(),
            "{link} is not built"
        );
    }
}

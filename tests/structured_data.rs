//! Structured data and head metadata as crawlers read them: one `@graph` per page whose nodes
//! say what the page is (FAQPage or WebPage for a question, CollectionPage for a section,
//! WebSite for the home page, a BreadcrumbList below home), each node with the properties
//! schema.org and Google's rich-result rules require; Open Graph and Twitter card tags.

mod common;

use common::{Doc, Site, fixture};
use serde_json::Value;

const HEAD_LD: &str = r#"head script[type="application/ld+json"]"#;
const BASE: &str = "https://notes.example.test/";

fn built() -> Site {
    let site = fixture("faq_page");
    site.write(
        "site.yaml",
        "title: Snake notes\ndescription: Small answers about Python iteration.\nbase_url: https://notes.example.test/\nauthor: Ada Example\npublisher: Example Press\nimage: img/card.png\n",
    );
    site.write(
        "content/disclaimer.md",
        "---\ntitle: Disclaimer\ndescription: No warranty.\nimage: https://cdn.example.test/d.png\n---\n\nUse at your own risk.\n",
    );
    site.build(&[]).expect_clean();
    site
}

/// The nodes of the one JSON-LD block in `<head>`, after checking the graph's shape and every
/// node against the rules for its type.
fn graph(doc: &Doc) -> Vec<Value> {
    let blocks = doc.json_ld_in(HEAD_LD);
    assert_eq!(blocks.len(), 1, "one JSON-LD block in <head>");
    assert_eq!(blocks[0]["@context"], "https://schema.org");
    let nodes = blocks[0]["@graph"]
        .as_array()
        .expect("@graph is a list")
        .clone();
    for node in &nodes {
        check_node(node);
    }
    nodes
}

fn of_type<'a>(nodes: &'a [Value], kind: &str) -> Vec<&'a Value> {
    nodes.iter().filter(|n| n["@type"] == kind).collect()
}

fn is_absolute_url(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| s.starts_with(BASE) || s.starts_with("https://"))
}

fn is_text(v: &Value) -> bool {
    v.as_str().is_some_and(|s| !s.trim().is_empty())
}

/// An ISO 8601 date or date-time, as `datePublished` and `dateModified` need.
fn is_iso_date(v: &Value) -> bool {
    let Some(s) = v.as_str() else { return false };
    let b = s.as_bytes();
    s.len() >= 10
        && b[4] == b'-'
        && b[7] == b'-'
        && s[..4].parse::<u32>().is_ok()
        && s[5..7].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m))
        && s[8..10].parse::<u32>().is_ok_and(|d| (1..=31).contains(&d))
        && (s.len() == 10 || b[10] == b'T')
}

/// schema.org's vocabulary and Google's required properties, by type.
fn check_node(node: &Value) {
    let kind = node["@type"].as_str().expect("@type is one string");
    match kind {
        "FAQPage" => {
            let entities = node["mainEntity"].as_array().expect("FAQPage.mainEntity");
            assert!(!entities.is_empty());
            for q in entities {
                assert_eq!(q["@type"], "Question");
                assert!(is_text(&q["name"]), "Question.name: {q}");
                assert_eq!(q["acceptedAnswer"]["@type"], "Answer");
                assert!(is_text(&q["acceptedAnswer"]["text"]), "Answer.text: {q}");
            }
        }
        "BreadcrumbList" => {
            let items = node["itemListElement"].as_array().expect("itemListElement");
            assert!(items.len() >= 2, "a trail has at least two steps: {node}");
            for (i, item) in items.iter().enumerate() {
                assert_eq!(item["@type"], "ListItem");
                assert_eq!(item["position"], i + 1, "positions count from 1: {node}");
                assert!(is_text(&item["name"]), "ListItem.name: {item}");
                assert!(is_absolute_url(&item["item"]), "ListItem.item: {item}");
            }
        }
        "WebSite" | "WebPage" | "CollectionPage" => {
            assert!(is_text(&node["name"]), "{kind}.name: {node}");
            assert!(is_absolute_url(&node["url"]), "{kind}.url: {node}");
        }
        other => panic!("unexpected @type {other}"),
    }
    for key in ["datePublished", "dateModified"] {
        if let Some(v) = node.get(key) {
            assert!(is_iso_date(v), "{key}: {v}");
        }
    }
    if let Some(author) = node.get("author") {
        assert_eq!(author["@type"], "Person");
        assert!(is_text(&author["name"]));
    }
    if let Some(publisher) = node.get("publisher") {
        assert_eq!(publisher["@type"], "Organization");
        assert!(is_text(&publisher["name"]));
    }
}

fn trail(nodes: &[Value]) -> Vec<(String, String)> {
    let lists = of_type(nodes, "BreadcrumbList");
    assert_eq!(lists.len(), 1);
    lists[0]["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["name"].as_str().unwrap().to_owned(),
                i["item"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_question_is_a_faq_page_with_dates_people_and_a_trail() {
    let site = built();
    let nodes = graph(&site.page("iteration/is-map-lazy-in-python/"));
    assert_eq!(nodes.len(), 2, "{nodes:?}");
    let faq = of_type(&nodes, "FAQPage")[0];
    let url = format!("{BASE}iteration/is-map-lazy-in-python/");
    assert_eq!(faq["url"], url.as_str());
    assert_eq!(faq["mainEntity"][0]["name"], "Is map lazy in Python?");
    assert_eq!(faq["datePublished"], "2025-03-14");
    assert_eq!(faq["dateModified"], "2025-04-02");
    assert_eq!(faq["author"]["name"], "Ada Example");
    assert_eq!(faq["publisher"]["name"], "Example Press");
    assert_eq!(faq["inLanguage"], "en");
    assert_eq!(
        trail(&nodes),
        [
            ("Home".to_owned(), BASE.to_owned()),
            ("Iteration".to_owned(), format!("{BASE}iteration/")),
            ("Is map lazy in Python?".to_owned(), url),
        ]
    );
}

#[test]
fn a_page_that_asks_nothing_is_a_web_page() {
    let site = built();
    let nodes = graph(&site.page("disclaimer/"));
    assert!(of_type(&nodes, "FAQPage").is_empty());
    let page = of_type(&nodes, "WebPage")[0];
    assert_eq!(page["name"], "Disclaimer");
    assert_eq!(page["description"], "No warranty.");
    assert!(
        page.get("datePublished").is_none(),
        "no date, none invented"
    );
    assert_eq!(
        trail(&nodes)[1],
        ("Disclaimer".to_owned(), format!("{BASE}disclaimer/"))
    );
}

#[test]
fn a_section_is_a_collection_page_and_home_the_web_site() {
    let site = built();
    let nodes = graph(&site.page("iteration/"));
    let section = of_type(&nodes, "CollectionPage")[0];
    assert_eq!(section["name"], "Iteration");
    assert_eq!(section["url"], format!("{BASE}iteration/"));
    assert_eq!(
        section["description"],
        "Loops, iterators and the functions that feed them."
    );
    assert_eq!(trail(&nodes).len(), 2);

    let nodes = graph(&site.page(""));
    assert_eq!(nodes.len(), 1, "home has no trail: {nodes:?}");
    assert_eq!(nodes[0]["@type"], "WebSite");
    assert_eq!(nodes[0]["name"], "Snake notes");
    assert_eq!(nodes[0]["url"], BASE);
    assert_eq!(nodes[0]["publisher"]["name"], "Example Press");
}

#[test]
fn every_built_page_has_one_valid_graph() {
    let site = built();
    for path in [
        "",
        "disclaimer/",
        "iteration/",
        "iteration/is-map-lazy-in-python/",
        "iteration/what-does-enumerate-return/",
        "iteration/how-do-i-loop-with-an-index/",
        "iteration/notes-without-an-answer/",
        "iteration/script-tags-in-titles/",
    ] {
        let nodes = graph(&site.page(path));
        assert!(!nodes.is_empty(), "{path}");
    }
}

#[test]
fn open_graph_and_twitter_tags_describe_the_page() {
    let site = built();
    let doc = site.page("iteration/is-map-lazy-in-python/");
    let property = |p: &str| doc.attrs(&format!(r#"head meta[property="{p}"]"#), "content");
    assert_eq!(property("og:title"), ["Is map lazy in Python?"]);
    assert_eq!(property("og:type"), ["article"]);
    assert_eq!(property("og:site_name"), ["Snake notes"]);
    assert_eq!(
        property("og:description"),
        [
            "When Python's map() actually calls your function, and how to make it run everything now."
        ]
    );
    assert_eq!(
        property("og:url"),
        [doc.attr(r#"link[rel="canonical"]"#, "href")]
    );
    assert_eq!(property("og:image"), [format!("{BASE}img/card.png")]);
    assert_eq!(doc.meta("twitter:card"), ["summary_large_image"]);
    assert_eq!(doc.meta("twitter:title"), ["Is map lazy in Python?"]);

    // A page's own image wins over the site's.
    let doc = site.page("disclaimer/");
    let images = doc.attrs(r#"head meta[property="og:image"]"#, "content");
    assert_eq!(images, ["https://cdn.example.test/d.png"]);
    let home = site.page("");
    assert_eq!(
        home.attrs(r#"head meta[property="og:type"]"#, "content"),
        ["website"]
    );
}

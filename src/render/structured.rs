//! The structured data of a page: one `<script type="application/ld+json">` holding one
//! `@graph` with the schema.org nodes that say what the page is. A question that answers one
//! ([`crate::markdown::faq::answer`]) is a `FAQPage`, any other question a `WebPage`; a section
//! is a `CollectionPage`; the home page is the `WebSite`. Every page below home has a
//! `BreadcrumbList`; dates become `datePublished`/`dateModified`, and `author`/`publisher` come
//! from `site.yaml`. The JSON is escaped for the `<script>` element
//! ([`crate::markdown::faq::script_json`]).

use serde_json::{Map, Value, json};

use crate::content::{Page, SectionId};
use crate::context::SocialView;
use crate::markdown::faq;

use super::Site;

/// The graph of a question page; `faq_answer` is its FAQPage answer when it gets one.
pub(super) fn page_graph(site: &Site<'_>, page: &Page, faq_answer: Option<&str>) -> String {
    let url = site.base.url_of(&page.url);
    let mut node = match faq_answer {
        Some(answer) => faq::faq_page(&page.title, answer),
        None => json!({"@type": "WebPage", "name": page.title}),
    };
    if let Value::Object(map) = &mut node {
        map.remove("@context");
        map.insert("url".to_owned(), Value::String(url.clone()));
        describe(site, map, page);
    }
    let crumbs = breadcrumbs(site, page.section, Some((&page.title, &url)));
    graph([Some(node), crumbs])
}

/// The graph of a section page or, for [`SectionId::HOME`], of the home page.
pub(super) fn section_graph(site: &Site<'_>, s: SectionId) -> String {
    let section = &site.sections[s];
    let url = site.base.url_of(&section.url);
    let index = section.index.map(|p| &site.pages[p]);
    if s == SectionId::HOME {
        let mut node = Map::new();
        node.insert("@type".to_owned(), "WebSite".into());
        node.insert("name".to_owned(), site.config.title.as_str().into());
        node.insert("url".to_owned(), url.into());
        if !site.config.description.is_empty() {
            node.insert(
                "description".to_owned(),
                site.config.description.as_str().into(),
            );
        }
        add_people(site, &mut node);
        return graph([Some(Value::Object(node))]);
    }
    let mut node = Map::new();
    node.insert("@type".to_owned(), "CollectionPage".into());
    node.insert("name".to_owned(), section.title.as_str().into());
    node.insert("url".to_owned(), url.clone().into());
    match index {
        Some(page) => describe(site, &mut node, page),
        None => add_people(site, &mut node),
    }
    let crumbs = section
        .parent
        .and_then(|parent| breadcrumbs(site, parent, Some((&section.title, &url))));
    graph([Some(Value::Object(node)), crumbs])
}

/// A page's description, dates, author and publisher, where it has them.
fn describe(site: &Site<'_>, node: &mut Map<String, Value>, page: &Page) {
    if let Some(d) = page
        .front
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty())
    {
        node.insert("description".to_owned(), d.into());
    }
    if let Some(date) = &page.date {
        node.insert("datePublished".to_owned(), date.machine.as_str().into());
    }
    if let Some(updated) = page.updated.as_ref().or(page.date.as_ref()) {
        node.insert("dateModified".to_owned(), updated.machine.as_str().into());
    }
    node.insert(
        "inLanguage".to_owned(),
        site.config.language.as_str().into(),
    );
    add_people(site, node);
}

fn add_people(site: &Site<'_>, node: &mut Map<String, Value>) {
    if let Some(author) = site.config.author.as_deref() {
        node.insert(
            "author".to_owned(),
            json!({"@type": "Person", "name": author}),
        );
    }
    if let Some(publisher) = site.config.publisher.as_deref() {
        node.insert(
            "publisher".to_owned(),
            json!({"@type": "Organization", "name": publisher}),
        );
    }
}

/// Home, each enclosing section down to `section`, then the page itself; `None` on the home
/// page, which has no trail.
fn breadcrumbs(site: &Site<'_>, section: SectionId, last: Option<(&str, &str)>) -> Option<Value> {
    let mut chain = Vec::new();
    let mut current = Some(section);
    while let Some(s) = current {
        chain.push(s);
        current = site.sections[s].parent;
    }
    let mut items: Vec<(String, String)> = chain
        .iter()
        .rev()
        .map(|&s| {
            let name = if s == SectionId::HOME {
                "Home".to_owned()
            } else {
                super::views::listed_section_title(site, s).to_owned()
            };
            (name, site.base.url_of(&site.sections[s].url))
        })
        .collect();
    items.extend(last.map(|(name, url)| (name.to_owned(), url.to_owned())));
    if items.len() < 2 {
        return None;
    }
    let list: Vec<Value> = items
        .into_iter()
        .enumerate()
        .map(|(i, (name, item))| {
            json!({"@type": "ListItem", "position": i + 1, "name": name, "item": item})
        })
        .collect();
    Some(json!({"@type": "BreadcrumbList", "itemListElement": list}))
}

/// One `@graph` of the nodes given, escaped for a `<script>` element.
fn graph<const N: usize>(nodes: [Option<Value>; N]) -> String {
    let nodes: Vec<Value> = nodes.into_iter().flatten().collect();
    faq::script_json(&json!({"@context": "https://schema.org", "@graph": nodes}))
}

/// The Open Graph and Twitter card values of a page (`kind` is its `og:type`).
pub(super) fn social<'s>(
    site: &'s Site<'s>,
    page: &'s Page,
    title: &'s str,
    kind: &'static str,
) -> SocialView<'s> {
    let own = page.front.extra.get("image").and_then(Value::as_str);
    SocialView {
        title,
        kind,
        image: own
            .or(site.config.image.as_deref())
            .map(|image| image_url(site, image)),
        feed: feed_url(site),
    }
}

/// The Open Graph and Twitter card values of a section without an `index.md`.
pub(super) fn site_social<'s>(site: &'s Site<'s>, title: &'s str) -> SocialView<'s> {
    SocialView {
        title,
        kind: "website",
        image: site.config.image.as_deref().map(|i| image_url(site, i)),
        feed: feed_url(site),
    }
}

/// The Atom feed's URL: there is a feed only with an absolute base URL.
fn feed_url(site: &Site<'_>) -> Option<String> {
    site.base
        .absolute
        .as_ref()
        .map(|_| site.base.url_of("feed.xml"))
}

/// An image named in front matter or `site.yaml`: a URL as it is, a path (under `content/`,
/// with or without a leading `/`) as its URL on the site.
fn image_url(site: &Site<'_>, image: &str) -> String {
    if crate::urls::is_external(image) && !image.starts_with('/') {
        return image.to_owned();
    }
    site.base.url_of(image.trim_start_matches('/'))
}

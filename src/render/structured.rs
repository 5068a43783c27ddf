//! The structured data of a page: one `<script type="application/ld+json">` holding one
//! `@graph` with the schema.org nodes that say what the page is. A question that answers one
//! ([`crate::markdown::faq::answer`]) is a `FAQPage`, any other question a `WebPage`; a section
//! is a `CollectionPage`; the home page is the `WebSite`. Every page below home has a
//! `BreadcrumbList`; dates become `datePublished`/`dateModified`, and `author`/`publisher` come
//! from `site.yaml`. The JSON is escaped for the `<script>` element
//! ([`crate::markdown::faq::script_json`]).

mod json;

use serde::Serialize;
use serde_json::Value;

use crate::content::{Page, SectionId};
use crate::context::SocialView;
use crate::markdown::faq;

use super::Site;

/// One node of a graph. Its fields are in the order of their JSON names (`@` first, then
/// alphabetical), the order the build wrote them in when it built them as JSON maps.
#[derive(Serialize, Default)]
struct Node<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    author: Option<Named<'a>>,
    #[serde(rename = "dateModified", skip_serializing_if = "Option::is_none")]
    date_modified: Option<&'a str>,
    #[serde(rename = "datePublished", skip_serializing_if = "Option::is_none")]
    date_published: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(rename = "inLanguage", skip_serializing_if = "Option::is_none")]
    in_language: Option<&'a str>,
    #[serde(rename = "itemListElement", skip_serializing_if = "Vec::is_empty")]
    item_list_element: Vec<ListItem>,
    #[serde(rename = "mainEntity", skip_serializing_if = "Option::is_none")]
    main_entity: Option<Faq<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<Named<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<&'a str>,
}

/// A `Person` or an `Organization`.
#[derive(Serialize)]
struct Named<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct ListItem {
    #[serde(rename = "@type")]
    kind: &'static str,
    item: String,
    name: String,
    position: usize,
}

/// A FAQPage's one question and its answer: `[`[`faq::Question`]`]` in JSON.
struct Faq<'a> {
    question: &'a str,
    answer: &'a str,
}

impl Serialize for Faq<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        [faq::Question::new(self.question, self.answer)].serialize(serializer)
    }
}

#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<Node<'a>>,
}

/// The graph of a question page; `faq_answer` is its FAQPage answer when it gets one.
pub(super) fn page_graph(site: &Site<'_>, page: &Page, faq_answer: Option<&str>) -> String {
    let url = site.base.url_of(&page.url);
    let mut node = match faq_answer {
        Some(answer) => Node {
            kind: "FAQPage",
            main_entity: Some(Faq {
                question: &page.title,
                answer,
            }),
            ..Node::default()
        },
        None => Node {
            kind: "WebPage",
            name: Some(&page.title),
            ..Node::default()
        },
    };
    node.url = Some(&url);
    describe(site, &mut node, page);
    let crumbs = breadcrumbs(site, page.section, Some((&page.title, &url)));
    graph([Some(node), crumbs])
}

/// The graph of a section page or, for [`SectionId::HOME`], of the home page.
pub(super) fn section_graph(site: &Site<'_>, s: SectionId) -> String {
    let section = &site.sections[s];
    let url = site.base.url_of(&section.url);
    let index = section.index.map(|p| &site.pages[p]);
    if s == SectionId::HOME {
        let mut node = Node {
            kind: "WebSite",
            name: Some(&site.config.title),
            url: Some(&url),
            description: Some(site.config.description.as_str()).filter(|d| !d.is_empty()),
            ..Node::default()
        };
        add_people(site, &mut node);
        return graph([Some(node)]);
    }
    let mut node = Node {
        kind: "CollectionPage",
        name: Some(&section.title),
        url: Some(&url),
        ..Node::default()
    };
    match index {
        Some(page) => describe(site, &mut node, page),
        None => add_people(site, &mut node),
    }
    let crumbs = section
        .parent
        .and_then(|parent| breadcrumbs(site, parent, Some((&section.title, &url))));
    graph([Some(node), crumbs])
}

/// A page's description, dates, author and publisher, where it has them.
fn describe<'a>(site: &'a Site<'_>, node: &mut Node<'a>, page: &'a Page) {
    node.description = page
        .front
        .description
        .as_deref()
        .filter(|d| !d.trim().is_empty());
    node.date_published = page.date.as_ref().map(|d| d.machine.as_str());
    node.date_modified = page
        .updated
        .as_ref()
        .or(page.date.as_ref())
        .map(|d| d.machine.as_str());
    node.in_language = Some(&site.config.language);
    add_people(site, node);
}

fn add_people<'a>(site: &'a Site<'_>, node: &mut Node<'a>) {
    node.author = site.config.author.as_deref().map(|name| Named {
        kind: "Person",
        name,
    });
    node.publisher = site.config.publisher.as_deref().map(|name| Named {
        kind: "Organization",
        name,
    });
}

/// Home, each enclosing section down to `section`, then the page itself; `None` on the home
/// page, which has no trail.
fn breadcrumbs<'a>(
    site: &Site<'_>,
    section: SectionId,
    last: Option<(&str, &str)>,
) -> Option<Node<'a>> {
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
    let list = items
        .into_iter()
        .enumerate()
        .map(|(i, (name, item))| ListItem {
            kind: "ListItem",
            item,
            name,
            position: i + 1,
        })
        .collect();
    Some(Node {
        kind: "BreadcrumbList",
        item_list_element: list,
        ..Node::default()
    })
}

/// One `@graph` of the nodes given, escaped for a `<script>` element.
fn graph<const N: usize>(nodes: [Option<Node<'_>>; N]) -> String {
    let graph = Graph {
        context: "https://schema.org",
        graph: nodes.into_iter().flatten().collect(),
    };
    json::graph(&graph)
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

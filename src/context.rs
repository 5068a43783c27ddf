//! Typed view models handed to the templates. They borrow from the build's data; nothing of
//! the site is cloned into a page's context beyond what that page shows.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::Serialize;

use crate::config::{MetaTag, SiteConfig};
use crate::frontmatter::PageDate;
use crate::markdown::headings::TocEntry;

/// `site` in every template.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    pub title: &'a str,
    pub description: &'a str,
    pub language: &'a str,
    /// The configured base URL, normalised (`https://x.io/kb/`, or `/kb/`).
    pub base_url: String,
    pub author: Option<&'a str>,
    pub publisher: Option<&'a str>,
    pub copyright: Option<&'a str>,
    pub extra: &'a serde_json::Map<String, serde_json::Value>,
    /// The favicon's path from the site root: the site's own `content/favicon.*`, else the
    /// theme's `assets/favicon.svg`.
    pub favicon: String,
    /// The site's own Mermaid renderer (`mermaid.min.js` at the top of its content folder),
    /// its path from the site root; the theme loads it on pages with a diagram only.
    pub mermaid: Option<String>,
}

impl<'a> SiteView<'a> {
    pub fn new(config: &'a SiteConfig, base_url: String) -> Self {
        SiteView {
            title: &config.title,
            description: &config.description,
            language: &config.language,
            base_url,
            author: config.author.as_deref(),
            publisher: config.publisher.as_deref(),
            copyright: config.copyright.as_deref(),
            extra: &config.extra,
            favicon: "assets/favicon.svg".to_owned(),
            mermaid: None,
        }
    }
}

/// What goes in `<head>`.
#[derive(Debug, Serialize)]
pub struct HeadView<'a> {
    /// The `<title>` text.
    pub title: String,
    pub description: Option<&'a str>,
    /// Absolute canonical URL, when the site has an absolute base URL.
    pub canonical: Option<String>,
    /// Site defaults merged with the page's tags (the page wins on equal names).
    pub meta: Vec<&'a MetaTag>,
    /// The page's JSON-LD `@graph`, already escaped for a `<script>` element (or its
    /// [`crate::theme::Slot`] marker).
    pub json_ld: Option<Cow<'a, str>>,
    /// Open Graph and Twitter card values.
    pub social: SocialView<'a>,
}

/// What Open Graph (`og:*`) and Twitter card tags say of a page, beside the description and
/// canonical URL of [`HeadView`].
#[derive(Debug, Default, Serialize)]
pub struct SocialView<'a> {
    /// The page's own title, without the site's name.
    pub title: &'a str,
    /// `og:type`: `article` for a question, `website` for sections and the home page.
    pub kind: &'static str,
    /// The page's image (front matter `image:`), else the site's (`image` in `site.yaml`), as
    /// an absolute URL when the site has an absolute base URL.
    pub image: Option<String>,
    /// The Atom feed's URL, when the site has one (an absolute `base_url`).
    pub feed: Option<String>,
}

/// `page` in every template.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    pub title: &'a str,
    pub description: Option<&'a str>,
    /// Rendered markdown (trusted HTML: print with `| safe`).
    pub content: &'a str,
    /// `home`, `section`, `page` or `404`.
    pub kind: &'static str,
    /// Site path, `python-async/is-foreach-async-in-python/`.
    pub path: &'a str,
    pub permalink: String,
    pub date: Option<&'a PageDate>,
    pub updated: Option<&'a PageDate>,
    pub summary: Option<&'a str>,
    /// Whether the content starts its own `<h1>` (the theme then does not add one).
    pub has_h1: bool,
    /// Whether the content holds a Mermaid diagram (a `mermaid` custom fence) and the site
    /// ships a renderer for it ([`SiteView::mermaid`]).
    pub diagrams: bool,
    pub toc: &'a [TocEntry],
    /// Its tags, with links to their pages.
    pub tags: Vec<TagLink<'a>>,
    /// Front matter keys answerbook does not use itself (`tags`, `hide`, ...).
    pub extra: &'a BTreeMap<String, serde_json::Value>,
}

/// A tag of a page and the page listing it.
#[derive(Debug, Serialize)]
pub struct TagLink<'a> {
    pub name: &'a str,
    pub href: String,
}

/// One step of the breadcrumb trail.
#[derive(Debug, Serialize)]
pub struct Crumb<'a> {
    pub title: &'a str,
    pub href: String,
}

/// A question in a section listing.
#[derive(Debug, Serialize)]
pub struct PageItem<'a> {
    pub title: &'a str,
    pub href: String,
    pub summary: Option<&'a str>,
    /// The summary as HTML: cut at a sentence or word end, code spans kept as `<code>`.
    pub summary_html: Option<String>,
    pub updated: Option<&'a PageDate>,
}

/// A subsection in a listing.
#[derive(Debug, Serialize)]
pub struct SectionItem<'a> {
    pub title: &'a str,
    pub href: String,
    pub summary: Option<&'a str>,
    /// Questions directly in it.
    pub count: usize,
}

/// A link of the sidebar, or to the previous or next question.
#[derive(Debug, Serialize)]
pub struct NavLink<'a> {
    pub title: &'a str,
    pub href: String,
    /// Whether it leads to the page shown (or, for a section, to one that holds it).
    pub current: bool,
}

/// The sidebar: the questions of the section a page is in, and the site's top sections.
#[derive(Debug, Serialize)]
pub struct SidebarView<'a> {
    /// The section whose questions are listed.
    pub section: NavLink<'a>,
    /// Its questions, in listing order.
    pub pages: Vec<NavLink<'a>>,
    /// The sections directly under the home page, in listing order: all of them, or (on a
    /// site with more than `sidebar_sections`) that many around the page's own.
    pub sections: Vec<NavLink<'a>>,
    /// When `sections` is not all of them: a link to the home page, which lists them all.
    pub more_sections: Option<MoreSections>,
}

/// The link from a sidebar that lists only some of the top sections to the page that lists
/// them all.
#[derive(Debug, Serialize)]
pub struct MoreSections {
    pub href: String,
    /// How many top sections the site has.
    pub total: usize,
}

/// The context of `sidebar.html`.
#[derive(Debug, Serialize)]
pub struct SidebarContext<'a> {
    pub sidebar: SidebarView<'a>,
}

/// The whole context of one template render.
#[derive(Debug, Serialize)]
pub struct TemplateContext<'a> {
    pub site: &'a SiteView<'a>,
    pub page: PageView<'a>,
    pub head: HeadView<'a>,
    /// Relative prefix from this page to the site root (`../../`); an absolute path on the
    /// 404 page, which is served at any URL.
    pub root: String,
    pub breadcrumbs: Vec<Crumb<'a>>,
    /// Questions of this section (empty on Q&A pages).
    pub pages: Vec<PageItem<'a>>,
    /// Subsections of this section (empty on Q&A pages).
    pub sections: Vec<SectionItem<'a>>,
    /// The sidebar, rendered through the theme's `sidebar.html` (once per section for its
    /// questions, see `render::nav`), or its [`crate::theme::Slot`] marker; none on the 404
    /// page.
    pub sidebar_html: Option<Cow<'a, str>>,
    /// The questions before and after this one in its section's listing.
    pub prev: Option<NavLink<'a>>,
    pub next: Option<NavLink<'a>>,
    /// A question's related questions (see `crate::related`), best first.
    pub related: Vec<NavLink<'a>>,
}

impl TemplateContext<'_> {
    /// The Tera context this serializes to, made with `site` as the value of
    /// [`TemplateContext::site`], converted once for every page.
    pub fn to_tera(&self, site: &tera::Value) -> tera::TeraResult<tera::Context> {
        // Every field, so that a field added and not put here does not compile.
        let TemplateContext {
            site: _,
            page,
            head,
            root,
            breadcrumbs,
            pages,
            sections,
            sidebar_html,
            prev,
            next,
            related,
        } = self;
        let mut ctx = tera::Context::new();
        ctx.insert_value("site", site.clone());
        ctx.insert_value("page", tera::Value::try_from_serializable(page)?);
        ctx.insert_value("head", tera::Value::try_from_serializable(head)?);
        ctx.insert_value("root", root.as_str().into());
        ctx.insert_value(
            "breadcrumbs",
            tera::Value::try_from_serializable(breadcrumbs)?,
        );
        ctx.insert_value("pages", tera::Value::try_from_serializable(pages)?);
        ctx.insert_value("sections", tera::Value::try_from_serializable(sections)?);
        ctx.insert_value("sidebar_html", sidebar_html.as_deref().into());
        ctx.insert_value("prev", tera::Value::try_from_serializable(prev)?);
        ctx.insert_value("next", tera::Value::try_from_serializable(next)?);
        ctx.insert_value("related", tera::Value::try_from_serializable(related)?);
        Ok(ctx)
    }
}

/// Site meta tags overridden by the page's tags of the same (case-insensitive) name.
pub fn merge_meta<'a>(site: &'a [MetaTag], page: &'a [MetaTag]) -> Vec<&'a MetaTag> {
    let mut merged: Vec<&MetaTag> = site
        .iter()
        .filter(|s| !page.iter().any(|p| p.name.eq_ignore_ascii_case(&s.name)))
        .collect();
    merged.extend(page.iter());
    merged
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The context a page renders with, put together field by field around a site value
    /// converted once, is the one the whole typed context serializes to, over generated text.
    #[test]
    fn a_context_made_field_by_field_is_the_serialized_one() {
        let pieces = ["", "a", "Q & A", "<b>", "café", "\"", "\u{FDD0}", "/x/"];
        let texts = crate::test_text::generated(&pieces, 300, 6);
        let mut config = SiteConfig::default();
        config
            .extra
            .insert("k".into(), serde_json::json!({"n": [1, "x"]}));
        let site = SiteView::new(&config, "/kb/".into());
        let site_value = tera::Value::try_from_serializable(&site).unwrap();
        let date = PageDate {
            machine: "2024-01-02".into(),
            day: "2024-01-02".into(),
        };
        let meta = MetaTag {
            name: "robots".into(),
            content: "index".into(),
        };
        let extra = BTreeMap::from([("hide".to_owned(), serde_json::json!(["toc"]))]);
        for (i, text) in texts.iter().enumerate() {
            let toc = vec![TocEntry {
                id: text.clone(),
                title: text.clone(),
                children: Vec::new(),
            }];
            let link = || NavLink {
                title: text,
                href: text.clone(),
                current: i % 2 == 0,
            };
            let ctx = TemplateContext {
                site: &site,
                page: PageView {
                    title: text,
                    description: (i % 3 == 0).then_some(text.as_str()),
                    content: text,
                    kind: "page",
                    path: text,
                    permalink: text.clone(),
                    date: (i % 2 == 0).then_some(&date),
                    updated: None,
                    summary: Some(text),
                    has_h1: i % 4 == 0,
                    diagrams: false,
                    toc: &toc,
                    tags: vec![TagLink {
                        name: text,
                        href: text.clone(),
                    }],
                    extra: &extra,
                },
                head: HeadView {
                    title: text.clone(),
                    description: None,
                    canonical: (i % 2 == 1).then(|| text.clone()),
                    meta: vec![&meta],
                    json_ld: (i % 3 != 0).then(|| text.as_str().into()),
                    social: SocialView::default(),
                },
                root: text.clone(),
                breadcrumbs: vec![Crumb {
                    title: text,
                    href: text.clone(),
                }],
                pages: Vec::new(),
                sections: Vec::new(),
                sidebar_html: (i % 5 != 0).then(|| text.as_str().into()),
                prev: (i % 2 == 0).then(link),
                next: None,
                related: vec![link(), link()],
            };
            assert_eq!(
                ctx.to_tera(&site_value).unwrap(),
                tera::Context::from_serialize(&ctx).unwrap(),
                "{text:?}"
            );
        }
    }
}

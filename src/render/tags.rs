//! Tags: `tags:` in a page's front matter (MkDocs Material's convention, a list of names or
//! one name) gives the page links to `tags/<slug>/`, a listing of the questions with that tag,
//! and `tags/` lists every tag. Written in phase three, through the theme's `section.html`;
//! left out when the site has a `tags` section of its own. Both are in the sitemap.

use std::collections::BTreeMap;

use rayon::prelude::*;

use crate::content::{Page, PageId, Pages, SectionId, Sections};
use crate::context::{HeadView, PageItem, SectionItem, TagLink, TemplateContext};
use crate::error::Result;
use crate::markdown::headings::slugify;
use crate::output::{Body, Sink};
use crate::theme::Theme;
use crate::urls;

use super::{Facts, Site, views};

/// Whether the site writes tag pages: not when it has a `tags` section of its own.
pub(super) fn enabled(pages: &Pages, sections: &Sections) -> bool {
    sections.by_folder("tags").is_none() && !pages.iter().any(|p| p.url == "tags/")
}

/// The site path of a tag's page.
fn tag_path(tag: &str) -> String {
    tag_path_of_slug(&slugify(tag))
}

/// The links a page shows to its tags' pages.
pub(super) fn links<'a>(site: &Site<'_>, page: &'a Page) -> Vec<TagLink<'a>> {
    if !page.is_question() || !site.tags_enabled {
        return Vec::new();
    }
    page_tags(page)
        .map(|tag| TagLink {
            name: tag,
            href: urls::href(&page.url, &tag_path(tag)),
        })
        .collect()
}

/// A page's tags as its front matter names them (a list, or one name), blanks and repeats
/// left out.
pub fn page_tags(page: &Page) -> impl Iterator<Item = &str> {
    let listed: Vec<&str> = match page.front.extra.get("tags") {
        Some(serde_json::Value::Array(items)) => {
            items.iter().filter_map(serde_json::Value::as_str).collect()
        }
        Some(serde_json::Value::String(s)) => vec![s.as_str()],
        _ => Vec::new(),
    };
    let mut seen: Vec<String> = Vec::new();
    listed.into_iter().map(str::trim).filter(move |t| {
        let slug = slugify(t);
        let fresh = !slug.is_empty() && !seen.contains(&slug);
        seen.push(slug);
        fresh
    })
}

/// Every tag by its slug: the name it first appears with and its questions; nothing when the
/// site gets no tag pages.
fn grouped<'s>(site: &Site<'s>) -> BTreeMap<String, (&'s str, Vec<PageId>)> {
    let mut by_slug: BTreeMap<String, (&str, Vec<PageId>)> = BTreeMap::new();
    if !site.tags_enabled {
        return by_slug;
    }
    for (id, page) in site.pages.ids().filter(|(_, p)| p.is_question()) {
        for tag in page_tags(page) {
            by_slug
                .entry(slugify(tag))
                .or_insert((tag, Vec::new()))
                .1
                .push(id);
        }
    }
    by_slug
}

/// The site paths of the tag pages and the tags index, each with its questions (the tags
/// index with all tagged ones), for the sitemap; none when the site has no tag pages.
pub(super) fn sitemap_pages(site: &Site<'_>) -> Vec<(String, Vec<PageId>)> {
    let by_slug = grouped(site);
    if by_slug.is_empty() {
        return Vec::new();
    }
    let mut all: Vec<PageId> = Vec::new();
    let mut out: Vec<(String, Vec<PageId>)> = Vec::with_capacity(by_slug.len() + 1);
    for (slug, (_, ids)) in by_slug {
        all.extend(&ids);
        out.push((tag_path_of_slug(&slug), ids));
    }
    out.push(("tags/".to_owned(), all));
    out
}

fn tag_path_of_slug(slug: &str) -> String {
    format!("tags/{slug}/")
}

/// Writes a page per tag and the tags index; returns how many pages.
pub(super) fn write(
    site: &Site<'_>,
    theme: &Theme,
    facts: &Facts,
    sink: &dyn Sink,
) -> Result<usize> {
    let by_slug = grouped(site);
    if by_slug.is_empty() {
        return Ok(0);
    }
    let tags: Vec<(&String, &(&str, Vec<PageId>))> = by_slug.iter().collect();
    tags.par_iter().try_for_each(|(slug, (name, ids))| {
        let path = tag_path_of_slug(slug);
        let mut items: Vec<PageItem<'_>> = ids
            .iter()
            .map(|&p| views::page_item(site, &path, p, facts))
            .collect();
        items.sort_by_cached_key(|i| (i.title.to_lowercase(), i.href.clone()));
        let title = format!("Tagged \u{201c}{name}\u{201d}");
        let html = listing(site, theme, &path, &title, items, Vec::new())?;
        sink.put(&views::output_path(&path), Body::Bytes(html.into_bytes()))
    })?;
    let index: Vec<SectionItem<'_>> = tags
        .iter()
        .map(|(slug, (name, ids))| SectionItem {
            title: name,
            href: format!("{slug}/"),
            summary: None,
            count: ids.len(),
        })
        .collect();
    let html = listing(site, theme, "tags/", "Tags", Vec::new(), index)?;
    sink.put("tags/index.html", Body::Bytes(html.into_bytes()))?;
    Ok(tags.len() + 1)
}

fn listing<'s>(
    site: &'s Site<'s>,
    theme: &Theme,
    path: &'s str,
    title: &'s str,
    pages: Vec<PageItem<'s>>,
    sections: Vec<SectionItem<'s>>,
) -> Result<String> {
    let ctx = TemplateContext {
        site: &site.view,
        page: views::generated_page_view(site, path, "tags", title),
        head: HeadView {
            title: format!("{title} - {}", site.config.title),
            description: None,
            canonical: site.base.absolute.as_ref().map(|_| site.base.url_of(path)),
            meta: crate::context::merge_meta(&site.config.meta, &[]),
            json_ld: None,
            social: Default::default(),
        },
        root: urls::to_root(path),
        breadcrumbs: vec![crate::context::Crumb {
            title: "Home",
            href: urls::href(path, &site.sections[SectionId::HOME].url),
        }],
        pages,
        sections,
        sidebar_html: None,
        prev: None,
        next: None,
        related: Vec::new(),
    };
    theme.render_page("section.html", &ctx, "", &format!("/{path}"))
}

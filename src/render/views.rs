//! Template contexts for questions, sections and the home page, put through the theme. The
//! listing and breadcrumb titles follow the MkDocs `nav` where there is one.

use crate::content::{Page, PageId, SectionId};
use crate::context::{
    self, Crumb, HeadView, NavLink, PageItem, PageView, SectionItem, SocialView, TemplateContext,
};
use std::borrow::Cow;

use crate::error::{Error, Result};
use crate::markdown::{Rendered, headings::TocEntry, snippet};
use crate::theme::{Fill, Slot, Theme};
use crate::urls;

use super::nav::{self, listed_page_title};
use super::{Facts, Site};

/// Table-of-contents entries a page needs before the theme shows a table of contents.
const TOC_MIN_ENTRIES: usize = 2;

/// The file a site path is written to: `a/b/` -> `a/b/index.html`; `404.html` as it is.
pub fn output_path(site_path: &str) -> String {
    if site_path.ends_with(".html") {
        site_path.to_owned()
    } else {
        // Not `format!`: this runs for every page of a rebuild.
        let mut path = String::with_capacity(site_path.len() + "index.html".len());
        path.push_str(site_path);
        path.push_str("index.html");
        path
    }
}

/// A section's title in listings and breadcrumbs.
pub(super) fn listed_section_title<'s>(site: &'s Site<'s>, s: SectionId) -> &'s str {
    nav::listed_section_title(site.pages, site.sections, s)
}

/// What a listing shows under a page: the text before `<!-- more -->`, else its short answer,
/// else its description.
fn summary<'s>(page: &'s Page, rendered: &'s Rendered) -> Option<&'s str> {
    rendered
        .summary
        .as_deref()
        .or(rendered.answer.as_deref())
        .or(page.front.description.as_deref())
}

/// What the template contexts of all questions share, made once per build: the site's view
/// as a Tera value, and each section's sidebar.
pub(super) struct Shared {
    site: tera::Value,
    sidebars: nav::Sidebars,
}

impl Shared {
    pub(super) fn new(site: &Site<'_>) -> Result<Shared> {
        let value = tera::Value::try_from_serializable(&site.view).map_err(|e| Error::Render {
            template: "page.html".to_owned(),
            page: "/".to_owned(),
            message: e.to_string(),
        })?;
        Ok(Shared {
            site: value,
            sidebars: nav::Sidebars::new(site),
        })
    }
}

/// A question (or the 404 page made from `404.md`), through `page.html`.
pub(super) fn page_html(
    site: &Site<'_>,
    theme: &Theme,
    shared: &Shared,
    p: PageId,
    rendered: &Rendered,
) -> Result<Vec<u8>> {
    let page = &site.pages[p];
    let title = page.title.as_str();
    let what = || format!("/{}", page.url);
    let mut fill = Fill::default();
    let json_ld = (!page.is_not_found)
        .then(|| super::structured::page_graph(site, page, rendered.faq_answer.as_deref()));
    let json_ld = json_ld
        .as_deref()
        .map(|j| theme.hold_text(Slot::JsonLd, j, &mut fill).into());
    let toc = crate::markdown::headings::toc(&rendered.headings);
    let head = head(
        site,
        &page.url,
        title,
        page.front.description.as_deref(),
        &page.front.meta,
        json_ld,
        super::structured::social(site, page, title, "article"),
    );
    let sidebar;
    let kind = if page.is_not_found { "404" } else { "page" };
    let mut view = page_view(site, theme, page, rendered, &toc, kind, title);
    view.content = theme.hold_text(Slot::Content, &rendered.html, &mut fill);
    let ctx = if page.is_not_found {
        not_found_context(site, view, head)
    } else {
        let (prev, next) = nav::prev_next(site, p);
        sidebar = shared.sidebars.for_page(site, theme, p)?;
        TemplateContext {
            site: &site.view,
            page: view,
            head,
            root: urls::to_root(&page.url),
            breadcrumbs: breadcrumbs(site, page.section, &page.url),
            pages: Vec::new(),
            sections: Vec::new(),
            sidebar_html: Some(theme.hold(Slot::Sidebar, sidebar.parts(), &mut fill)),
            prev,
            next,
            related: related(site, p),
        }
    };
    let ctx = ctx.to_tera(&shared.site).map_err(|e| Error::Render {
        template: "page.html".to_owned(),
        page: what(),
        message: e.to_string(),
    })?;
    theme.render_with("page.html", &ctx, &fill, &what())
}

/// The context of the 404 page: served at any URL, so its links lead from the base path, and
/// it has nothing to canonicalise and no place in the site's navigation.
pub(super) fn not_found_context<'s>(
    site: &'s Site<'s>,
    page: PageView<'s>,
    head: HeadView<'s>,
) -> TemplateContext<'s> {
    TemplateContext {
        site: &site.view,
        page,
        head: HeadView {
            canonical: None,
            ..head
        },
        root: site.base.path.clone(),
        breadcrumbs: Vec::new(),
        pages: Vec::new(),
        sections: Vec::new(),
        sidebar_html: None,
        prev: None,
        next: None,
        related: Vec::new(),
    }
}

fn page_view<'s>(
    site: &'s Site<'s>,
    theme: &'s Theme,
    page: &'s Page,
    rendered: &'s Rendered,
    toc: &'s [TocEntry],
    kind: &'static str,
    title: &'s str,
) -> PageView<'s> {
    let toc_len: usize = toc.iter().map(|e| 1 + e.children.len()).sum();
    PageView {
        title,
        description: page.front.description.as_deref(),
        content: theme.content_for(&rendered.html),
        kind,
        path: &page.url,
        permalink: site.base.url_of(&page.url),
        date: page.date.as_ref(),
        updated: page.updated.as_ref(),
        summary: summary(page, rendered),
        has_h1: rendered.h1.is_some(),
        diagrams: site.view.mermaid.is_some() && has_diagram(&rendered.html),
        toc: if toc_len >= TOC_MIN_ENTRIES { toc } else { &[] },
        tags: super::tags::links(site, page),
        extra: &page.front.extra,
    }
}

/// The view of a page answerbook makes up (a folder without `index.md`, the default 404).
pub(super) fn generated_page_view<'s>(
    site: &'s Site<'s>,
    path: &'s str,
    kind: &'static str,
    title: &'s str,
) -> PageView<'s> {
    PageView {
        title,
        description: None,
        content: "",
        kind,
        path,
        permalink: site.base.url_of(path),
        date: None,
        updated: None,
        summary: None,
        has_h1: false,
        diagrams: false,
        toc: &[],
        tags: Vec::new(),
        extra: &site.no_extra,
    }
}

/// A section page or the home page, through `section.html` or `home.html`; returns the output
/// path and the HTML.
pub(super) fn section_html(
    site: &Site<'_>,
    theme: &Theme,
    s: SectionId,
    facts: &Facts,
) -> Result<(String, String)> {
    let section = &site.sections[s];
    let home = s == SectionId::HOME;
    let kind = if home { "home" } else { "section" };
    let title = section.title.as_str();
    let index_page = section.index.map(|p| &site.pages[p]);
    let toc;
    let page = match section.index {
        Some(p) => {
            toc = crate::markdown::headings::toc(&facts[p].headings);
            page_view(site, theme, &site.pages[p], &facts[p], &toc, kind, title)
        }
        None => generated_page_view(site, &section.url, kind, title),
    };
    let mut description = index_page.and_then(|p| p.front.description.as_deref());
    if home && description.is_none() && !site.config.description.is_empty() {
        description = Some(&site.config.description);
    }
    let meta = index_page.map_or(&[][..], |p| p.front.meta.as_slice());
    let head_title = if home {
        site.config.title.clone()
    } else {
        format!("{title} - {}", site.config.title)
    };
    let ctx = TemplateContext {
        site: &site.view,
        page,
        head: HeadView {
            title: head_title,
            description,
            canonical: site
                .base
                .absolute
                .as_ref()
                .map(|_| site.base.url_of(&section.url)),
            meta: context::merge_meta(&site.config.meta, meta),
            json_ld: Some(super::structured::section_graph(site, s).into()),
            social: match index_page {
                Some(p) => super::structured::social(site, p, title, "website"),
                None => super::structured::site_social(site, title),
            },
        },
        root: urls::to_root(&section.url),
        breadcrumbs: section
            .parent
            .map_or_else(Vec::new, |parent| breadcrumbs(site, parent, &section.url)),
        pages: section_pages(site, s, facts),
        sections: subsections(site, s),
        sidebar_html: Some(
            nav::render_sidebar(
                theme,
                nav::sidebar(site, s, &section.url, None),
                &section.url,
            )?
            .into(),
        ),
        prev: None,
        next: None,
        related: Vec::new(),
    };
    let template = if home { "home.html" } else { "section.html" };
    let content = section.index.map_or("", |p| facts[p].html.as_str());
    let html = theme.render_page(template, &ctx, content, &format!("/{}", section.url))?;
    Ok((output_path(&section.url), html))
}

/// The questions of a section, in listing order.
fn section_pages<'s>(site: &'s Site<'s>, s: SectionId, facts: &'s Facts) -> Vec<PageItem<'s>> {
    let section = &site.sections[s];
    site.order
        .pages(s)
        .iter()
        .map(|&p| page_item(site, &section.url, p, facts))
        .collect()
}

/// A question's related questions, as links from its page.
fn related<'s>(site: &'s Site<'s>, p: PageId) -> Vec<NavLink<'s>> {
    let here = &site.pages[p].url;
    site.related[p]
        .iter()
        .map(|&r| NavLink {
            title: listed_page_title(&site.pages[r]),
            href: urls::href(here, &site.pages[r].url),
            current: false,
        })
        .collect()
}

/// A question as a listing at site path `here` shows it.
pub(super) fn page_item<'s>(
    site: &'s Site<'s>,
    here: &str,
    p: PageId,
    facts: &'s Facts,
) -> PageItem<'s> {
    let page = &site.pages[p];
    PageItem {
        title: listed_page_title(page),
        href: urls::href(here, &page.url),
        summary: summary(page, &facts[p]),
        summary_html: facts[p].listing.clone().or_else(|| {
            page.front
                .description
                .as_deref()
                .map(|d| snippet::html_of_text(d, snippet::LISTING_CHARS))
        }),
        updated: page.updated.as_ref().or(page.date.as_ref()),
    }
}

/// The subsections of a section, in listing order.
fn subsections<'s>(site: &'s Site<'s>, s: SectionId) -> Vec<SectionItem<'s>> {
    let section = &site.sections[s];
    site.order
        .subsections(s)
        .iter()
        .map(|&sub| SectionItem {
            title: listed_section_title(site, sub),
            href: urls::href(&section.url, &site.sections[sub].url),
            summary: site.sections[sub]
                .index
                .and_then(|p| site.pages[p].front.description.as_deref()),
            count: site.sections[sub].pages.len(),
        })
        .collect()
}

pub(super) fn head<'s>(
    site: &'s Site<'s>,
    path: &str,
    title: &str,
    description: Option<&'s str>,
    meta: &'s [crate::config::MetaTag],
    json_ld: Option<Cow<'s, str>>,
    social: SocialView<'s>,
) -> HeadView<'s> {
    HeadView {
        title: format!("{title} - {}", site.config.title),
        description,
        canonical: site.base.absolute.as_ref().map(|_| site.base.url_of(path)),
        meta: context::merge_meta(&site.config.meta, meta),
        json_ld,
        social,
    }
}

/// Home, then each enclosing section; the last crumb is the page itself, without a link.
fn breadcrumbs<'s>(site: &'s Site<'s>, section: SectionId, here: &str) -> Vec<Crumb<'s>> {
    let mut chain = Vec::new();
    let mut current = Some(section);
    while let Some(s) = current {
        chain.push(s);
        current = site.sections[s].parent;
    }
    chain
        .iter()
        .rev()
        .map(|&s| Crumb {
            title: if s == SectionId::HOME {
                "Home"
            } else {
                listed_section_title(site, s)
            },
            href: urls::href(here, &site.sections[s].url),
        })
        .collect()
}

/// Whether rendered HTML holds a Mermaid diagram: an element of class `mermaid`, as a
/// `mermaid` custom fence writes it (`<pre class="mermaid">` or `<div class="mermaid">`).
fn has_diagram(html: &str) -> bool {
    html.contains("<pre class=\"mermaid\"") || html.contains("<div class=\"mermaid\"")
}

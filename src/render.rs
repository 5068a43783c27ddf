//! From rendered markdown to the files of the site: template contexts for every page and
//! section, rendered through the theme in parallel, plus the sitemap, robots.txt, the 404 page,
//! theme files and copied content files.

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, NavOrder, Page, Section};
use crate::context::{
    self, Crumb, HeadView, PageItem, PageView, SectionItem, SiteView, TemplateContext,
};
use crate::discover::Asset;
use crate::error::Result;
use crate::frontmatter::PageDate;
use crate::markdown::{self, faq, headings::TocEntry};
use crate::output::Staging;
use crate::sitemap;
use crate::theme::{StaticSource, Theme};
use crate::urls::{self, BaseUrl};

/// Table-of-contents entries a page needs before the theme shows a table of contents.
const TOC_MIN_ENTRIES: usize = 3;

/// Generated files a content file of the same path replaces.
const GENERATED: [&str; 3] = ["404.html", "robots.txt", "sitemap.xml"];

/// Everything the output stage reads, borrowed from the earlier stages.
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    pub base: &'a BaseUrl,
    pub view: SiteView<'a>,
    pub pages: &'a [Page],
    pub rendered: &'a [markdown::Rendered],
    pub sections: &'a [Section],
    /// Positions and titles an MkDocs `nav` gives (empty otherwise).
    nav: &'a NavOrder,
    /// Title of every page, resolved once.
    titles: Vec<String>,
    /// Section of every page (its folder's section; for an index, that section itself).
    section_of: Vec<usize>,
    toc: Vec<Vec<TocEntry>>,
    section_titles: Vec<String>,
    no_extra: std::collections::BTreeMap<String, serde_json::Value>,
}

impl<'a> Site<'a> {
    pub fn new(
        config: &'a SiteConfig,
        base: &'a BaseUrl,
        pages: &'a [Page],
        rendered: &'a [markdown::Rendered],
        sections: &'a [Section],
        nav: &'a NavOrder,
    ) -> Self {
        let titles: Vec<String> = pages
            .iter()
            .zip(rendered)
            .map(|(p, r)| page_title(p, r))
            .collect();
        let mut section_of = vec![0; pages.len()];
        for (s, section) in sections.iter().enumerate() {
            for &p in section.pages.iter().chain(section.index.iter()) {
                section_of[p] = s;
            }
        }
        let toc = rendered
            .iter()
            .map(|r| markdown::headings::toc(&r.headings))
            .collect();
        let view = SiteView::new(
            config,
            base.absolute.clone().unwrap_or_else(|| base.path.clone()),
        );
        let section_titles = sections
            .iter()
            .enumerate()
            .map(|(s, section)| {
                let from_nav = nav.section(s).and_then(|n| n.title.clone());
                match (section.index, from_nav) {
                    (Some(p), _) => titles[p].clone(),
                    (None, _) if s == 0 => config.title.clone(),
                    (None, Some(title)) => title,
                    (None, None) => {
                        content::humanize(section.folder.rsplit('/').next().unwrap_or(""))
                    }
                }
            })
            .collect();
        Site {
            config,
            base,
            view,
            pages,
            rendered,
            sections,
            nav,
            titles,
            section_of,
            toc,
            section_titles,
            no_extra: Default::default(),
        }
    }

    /// A page's title in listings: the nav's title for it, else its own.
    fn listed_page_title(&self, p: usize) -> &str {
        self.nav
            .page(p)
            .and_then(|n| n.title.as_deref())
            .unwrap_or(&self.titles[p])
    }

    /// A section's title in listings and breadcrumbs: the nav section's title, else the nav's
    /// title for its index page, else the section's own.
    fn listed_section_title(&self, s: usize) -> &str {
        let index_nav = || {
            self.sections[s]
                .index
                .and_then(|p| self.nav.page(p))
                .and_then(|n| n.title.as_deref())
        };
        self.nav
            .section(s)
            .and_then(|n| n.title.as_deref())
            .or_else(index_nav)
            .unwrap_or(&self.section_titles[s])
    }

    fn summary(&self, p: usize) -> Option<&str> {
        let r = &self.rendered[p];
        r.summary
            .as_deref()
            .or(r.answer.as_deref())
            .or(self.pages[p].front.description.as_deref())
    }
}

/// The page's title: front matter, else its first H1, else its file name.
fn page_title(page: &Page, rendered: &markdown::Rendered) -> String {
    if let Some(t) = page.front.title.as_ref().filter(|t| !t.trim().is_empty()) {
        return t.clone();
    }
    if let Some(h1) = rendered.h1.as_ref().filter(|t| !t.is_empty()) {
        return h1.clone();
    }
    let stem = page
        .rel_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if page.is_index {
        page.rel_path
            .parent()
            .and_then(|p| p.file_name())
            .map_or(stem, |n| content::humanize(&n.to_string_lossy()))
    } else {
        content::humanize(&stem)
    }
}

/// Counts of what was written.
#[derive(Debug, Default)]
pub struct Written {
    pub pages: usize,
    pub files: usize,
}

/// One HTML page to produce.
#[derive(Debug, Clone, Copy)]
enum Job {
    Page(usize),
    Section(usize),
}

pub fn write_site(
    site: &Site<'_>,
    theme: &Theme,
    staging: &Staging,
    assets: &[Asset],
) -> Result<Written> {
    let jobs: Vec<Job> = (0..site.pages.len())
        .filter(|&p| !site.pages[p].is_index)
        .map(Job::Page)
        .chain((0..site.sections.len()).map(Job::Section))
        .collect();
    jobs.par_iter().try_for_each(|job| {
        let (path, html) = render_job(site, theme, *job)?;
        let file = if path.ends_with(".html") {
            path
        } else {
            format!("{path}index.html")
        };
        staging.write(&file, html.as_bytes())
    })?;

    assets
        .par_iter()
        .try_for_each(|a| staging.copy(&urls::file_path(&a.rel_path), &a.abs_path))?;
    for (rel, source) in &theme.statics {
        let dest = format!("assets/{rel}");
        match source {
            StaticSource::Embedded(bytes) => staging.write(&dest, bytes)?,
            StaticSource::File(path) => staging.copy(&dest, path)?,
        }
    }
    let written_page = |name: &str| site.pages.iter().any(|p| p.url == name);
    let shipped = |name: &str| {
        written_page(name) || assets.iter().any(|a| urls::file_path(&a.rel_path) == name)
    };
    let mut files = assets.len() + theme.statics.len();
    for name in GENERATED.into_iter().filter(|n| !shipped(n)) {
        let bytes = match name {
            "404.html" => render_404(site, theme)?,
            "robots.txt" => sitemap::robots(site.base),
            _ => sitemap_xml(site),
        };
        staging.write(name, bytes.as_bytes())?;
        files += 1;
    }
    Ok(Written {
        pages: jobs.len(),
        files,
    })
}

fn sitemap_xml(site: &Site<'_>) -> String {
    let lastmod = |p: usize| {
        let page = &site.pages[p];
        page.updated.as_ref().or(page.date.as_ref())
    };
    // A section changes when any page under it does: its lastmod is the latest of them all.
    fn latest<'s>(
        site: &Site<'s>,
        s: usize,
        lastmod: &dyn Fn(usize) -> Option<&'s PageDate>,
    ) -> Option<&'s PageDate> {
        let section = &site.sections[s];
        let own = section
            .index
            .into_iter()
            .chain(section.pages.iter().copied());
        own.filter_map(lastmod)
            .chain(
                section
                    .subsections
                    .iter()
                    .filter_map(|&sub| latest(site, sub, lastmod)),
            )
            .max_by_key(|d| d.instant())
    }
    let section_lastmod: Vec<Option<&PageDate>> = (0..site.sections.len())
        .map(|s| latest(site, s, &lastmod))
        .collect();
    let mut entries: Vec<sitemap::Entry<'_>> = site
        .pages
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_index && !p.is_not_found)
        .map(|(i, p)| sitemap::Entry {
            path: &p.url,
            lastmod: lastmod(i).map(|d| d.machine.as_str()),
        })
        .chain(
            site.sections
                .iter()
                .enumerate()
                .map(|(s, section)| sitemap::Entry {
                    path: &section.url,
                    lastmod: section_lastmod[s].map(|d| d.machine.as_str()),
                }),
        )
        .collect();
    sitemap::sitemap(site.base, &mut entries)
}

fn render_job(site: &Site<'_>, theme: &Theme, job: Job) -> Result<(String, String)> {
    let (path, template, ctx) = match job {
        Job::Page(p) => (
            site.pages[p].url.as_str(),
            "page.html",
            page_context(site, p),
        ),
        Job::Section(s) => {
            let template = if s == 0 { "home.html" } else { "section.html" };
            (
                site.sections[s].url.as_str(),
                template,
                section_context(site, s),
            )
        }
    };
    let html = theme.render(template, &ctx, &format!("/{path}"))?;
    Ok((path.to_owned(), html))
}

fn page_context<'s>(site: &'s Site<'s>, p: usize) -> TemplateContext<'s> {
    let page = &site.pages[p];
    let rendered = &site.rendered[p];
    let title = site.titles[p].as_str();
    let json_ld = rendered
        .faq_answer
        .as_deref()
        .map(|answer| faq::json_ld(title, answer));
    let head = head(
        site,
        &page.url,
        title,
        page.front.description.as_deref(),
        &page.front.meta,
        json_ld,
    );
    if page.is_not_found {
        // Served at any URL: links lead from the base path, and there is nothing to canonicalise.
        return TemplateContext {
            site: &site.view,
            page: page_view(site, p, "404", title),
            head: HeadView {
                canonical: None,
                ..head
            },
            root: site.base.path.clone(),
            breadcrumbs: Vec::new(),
            pages: Vec::new(),
            sections: Vec::new(),
        };
    }
    TemplateContext {
        site: &site.view,
        page: page_view(site, p, "page", title),
        head,
        root: urls::to_root(&page.url),
        breadcrumbs: breadcrumbs(site, site.section_of[p], &page.url),
        pages: Vec::new(),
        sections: Vec::new(),
    }
}

fn page_view<'s>(site: &'s Site<'s>, p: usize, kind: &'static str, title: &'s str) -> PageView<'s> {
    let page = &site.pages[p];
    let rendered = &site.rendered[p];
    let toc = &site.toc[p];
    let toc_len: usize = toc.iter().map(|e| 1 + e.children.len()).sum();
    PageView {
        title,
        description: page.front.description.as_deref(),
        content: &rendered.html,
        kind,
        path: &page.url,
        permalink: site.base.url_of(&page.url),
        date: page.date.as_ref(),
        updated: page.updated.as_ref(),
        summary: site.summary(p),
        has_h1: rendered.h1.is_some(),
        toc: if toc_len >= TOC_MIN_ENTRIES { toc } else { &[] },
        extra: &page.front.extra,
    }
}

/// The view of a page answerbook makes up (a folder without `index.md`, the default 404).
fn generated_page_view<'s>(
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
        toc: &[],
        extra: &site.no_extra,
    }
}

fn section_context<'s>(site: &'s Site<'s>, s: usize) -> TemplateContext<'s> {
    let section = &site.sections[s];
    let kind = if s == 0 { "home" } else { "section" };
    let title = site.section_titles[s].as_str();
    let index_page = section.index.map(|p| &site.pages[p]);
    let page = match section.index {
        Some(p) => page_view(site, p, kind, title),
        None => generated_page_view(site, &section.url, kind, title),
    };
    let mut description = index_page.and_then(|p| p.front.description.as_deref());
    if s == 0 && description.is_none() && !site.config.description.is_empty() {
        description = Some(&site.config.description);
    }
    let meta = index_page.map_or(&[][..], |p| p.front.meta.as_slice());
    let head_title = if s == 0 {
        site.config.title.clone()
    } else {
        format!("{title} - {}", site.config.title)
    };
    TemplateContext {
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
            json_ld: None,
        },
        root: urls::to_root(&section.url),
        breadcrumbs: section
            .parent
            .map_or_else(Vec::new, |parent| breadcrumbs(site, parent, &section.url)),
        pages: section_pages(site, section),
        sections: subsections(site, section),
    }
}

/// Where a listing puts an item: by its nav position (items outside the nav last), then by
/// title.
fn listing_key(placed: Option<&content::Placed>, title: &str) -> (usize, String) {
    (
        placed.map_or(usize::MAX, |n| n.position),
        title.to_lowercase(),
    )
}

/// The questions of a section, in nav order, else sorted by title.
fn section_pages<'s>(site: &'s Site<'s>, section: &Section) -> Vec<PageItem<'s>> {
    let mut items: Vec<(usize, PageItem<'s>)> = section
        .pages
        .iter()
        .map(|&p| {
            let page = &site.pages[p];
            let item = PageItem {
                title: site.listed_page_title(p),
                href: urls::href(&section.url, &page.url),
                summary: site.summary(p),
                updated: page.updated.as_ref().or(page.date.as_ref()),
            };
            (p, item)
        })
        .collect();
    items.sort_by_cached_key(|(p, item)| {
        (
            listing_key(site.nav.page(*p), item.title),
            item.href.clone(),
        )
    });
    items.into_iter().map(|(_, item)| item).collect()
}

/// The subsections of a section, in nav order, else sorted by title.
fn subsections<'s>(site: &'s Site<'s>, section: &Section) -> Vec<SectionItem<'s>> {
    let mut items: Vec<(usize, SectionItem<'s>)> = section
        .subsections
        .iter()
        .map(|&sub| {
            let item = SectionItem {
                title: site.listed_section_title(sub),
                href: urls::href(&section.url, &site.sections[sub].url),
                summary: site.sections[sub]
                    .index
                    .and_then(|p| site.pages[p].front.description.as_deref()),
                count: site.sections[sub].pages.len(),
            };
            (sub, item)
        })
        .collect();
    items.sort_by_cached_key(|(s, item)| listing_key(site.nav.section(*s), item.title));
    items.into_iter().map(|(_, item)| item).collect()
}

fn head<'s>(
    site: &'s Site<'s>,
    path: &str,
    title: &str,
    description: Option<&'s str>,
    meta: &'s [crate::config::MetaTag],
    json_ld: Option<String>,
) -> HeadView<'s> {
    HeadView {
        title: format!("{title} - {}", site.config.title),
        description,
        canonical: site.base.absolute.as_ref().map(|_| site.base.url_of(path)),
        meta: context::merge_meta(&site.config.meta, meta),
        json_ld,
    }
}

/// Home, then each enclosing section; the last crumb is the page itself, without a link.
fn breadcrumbs<'s>(site: &'s Site<'s>, section: usize, here: &str) -> Vec<Crumb<'s>> {
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
            title: if s == 0 {
                "Home"
            } else {
                site.listed_section_title(s)
            },
            href: urls::href(here, &site.sections[s].url),
        })
        .collect()
}

fn render_404(site: &Site<'_>, theme: &Theme) -> Result<String> {
    let ctx = TemplateContext {
        site: &site.view,
        page: generated_page_view(site, "404.html", "404", "Page not found"),
        head: HeadView {
            title: format!("Page not found - {}", site.config.title),
            description: None,
            canonical: None,
            meta: vec![],
            json_ld: None,
        },
        // Served at any URL, so links must be absolute paths.
        root: site.base.path.clone(),
        breadcrumbs: Vec::new(),
        pages: Vec::new(),
        sections: Vec::new(),
    };
    theme.render("404.html", &ctx, "404.html")
}

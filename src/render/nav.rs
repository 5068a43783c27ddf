//! The reader's way around a site: the listing order of every section (nav order, else by
//! title), computed once per build, and from it each page's sidebar and its previous and
//! next questions.

use rayon::prelude::*;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::content::{Page, PageId, Pages, Placed, SectionId, Sections};
use crate::context::{MoreSections, NavLink, SidebarContext, SidebarView};
use crate::error::Result;
use crate::theme::Theme;
use crate::urls;

use super::Site;

/// Every section's questions and subsections in listing order, by [`SectionId`].
#[derive(Debug, Default)]
pub(super) struct Order {
    pages: Vec<Vec<PageId>>,
    subsections: Vec<Vec<SectionId>>,
}

impl Order {
    /// Sections sorted on every thread: each page's title is lower-cased to sort by, a
    /// millisecond of a one-page rebuild of 10,000 pages on one thread.
    pub(super) fn new(pages: &Pages, sections: &Sections) -> Order {
        let all: Vec<_> = sections.ids().map(|(_, section)| section).collect();
        let (pages, subsections) = (all.into_par_iter())
            .map(|section| {
                let mut listed = section.pages.clone();
                listed.sort_by_cached_key(|&p| {
                    let page = &pages[p];
                    (
                        listing_key(page.placed.as_ref(), listed_page_title(page)),
                        page.url.as_str(),
                    )
                });
                let mut subs = section.subsections.clone();
                subs.sort_by_cached_key(|&s| {
                    listing_key(
                        sections[s].placed.as_ref(),
                        listed_section_title(pages, sections, s),
                    )
                });
                (listed, subs)
            })
            .unzip();
        Order { pages, subsections }
    }

    /// The questions of section `s`, in listing order.
    pub(super) fn pages(&self, s: SectionId) -> &[PageId] {
        &self.pages[s.0 as usize]
    }

    /// The subsections of section `s`, in listing order.
    pub(super) fn subsections(&self, s: SectionId) -> &[SectionId] {
        &self.subsections[s.0 as usize]
    }
}

/// Where a listing puts an item: by its nav position (items outside the nav last), then by
/// title.
fn listing_key(placed: Option<&Placed>, title: &str) -> (usize, String) {
    (
        placed.map_or(usize::MAX, |n| n.position),
        title.to_lowercase(),
    )
}

/// A page's title in listings: the nav's title for it, else its own.
pub(super) fn listed_page_title(page: &Page) -> &str {
    page.placed
        .as_ref()
        .and_then(|n| n.title.as_deref())
        .unwrap_or(&page.title)
}

/// A section's title in listings and breadcrumbs: the nav section's title, else the nav's title
/// for its index page, else the section's own.
pub(super) fn listed_section_title<'s>(
    pages: &'s Pages,
    sections: &'s Sections,
    s: SectionId,
) -> &'s str {
    let section = &sections[s];
    let index_nav = || {
        section
            .index
            .and_then(|p| pages[p].placed.as_ref())
            .and_then(|n| n.title.as_deref())
    };
    section
        .placed
        .as_ref()
        .and_then(|n| n.title.as_deref())
        .or_else(index_nav)
        .unwrap_or(&section.title)
}

/// The sidebar every question of a section shows, rendered once for all of them (when the
/// first of them needs it: a rebuild from the cache renders few): their links are the same
/// from each (they sit side by side), all but the mark on the page shown.
pub(super) struct Sidebars(Vec<OnceLock<Option<Shared>>>);

struct Shared {
    /// A site path beside the section's questions (no page's): the links are relative to it.
    here: String,
    /// The link from `here` to the section, which a question's own must be for the section's
    /// sidebar to be its.
    section_href: String,
    html: String,
    /// Where the first `href="…"` of each value in `html` ends, by its value.
    hrefs: FxHashMap<Box<str>, usize>,
}

/// Where the first `href="…"` of each value ends in `html`, by its value: one scan, instead
/// of a search of the whole sidebar for every page that shows it.
fn href_ends(html: &str) -> FxHashMap<Box<str>, usize> {
    const OPEN: &str = "href=\"";
    let mut ends = FxHashMap::default();
    for at in memchr::memmem::find_iter(html.as_bytes(), OPEN) {
        let value_at = at + OPEN.len();
        let Some(len) = memchr::memchr(b'"', &html.as_bytes()[value_at..]) else {
            break;
        };
        let end = value_at + len + 1;
        ends.entry(html[value_at..end - 1].into()).or_insert(end);
    }
    ends
}

impl Sidebars {
    pub(super) fn new(site: &Site<'_>) -> Sidebars {
        Sidebars(site.sections.ids().map(|_| OnceLock::new()).collect())
    }

    /// The shared sidebar of section `s`, rendered on first use.
    fn shared(&self, site: &Site<'_>, theme: &Theme, s: SectionId) -> Result<Option<&Shared>> {
        let Some(cell) = self.0.get(s.0 as usize) else {
            return Ok(None);
        };
        if cell.get().is_none() {
            let shared = match site.order.pages(s).first() {
                Some(&first) => {
                    let here = beside(&site.pages[first].url);
                    let html = render_sidebar(theme, sidebar(site, s, &here, None), &here)?;
                    let hrefs = href_ends(&html);
                    let section_href = urls::href(&here, &site.sections[s].url);
                    Some(Shared {
                        here,
                        section_href,
                        html,
                        hrefs,
                    })
                }
                None => None,
            };
            // Another thread may have rendered the same sidebar meanwhile: either will do.
            let _ = cell.set(shared);
        }
        Ok(cell.get().and_then(Option::as_ref))
    }

    /// The sidebar of question `p`: its section's, with the link to `p` marked as the page
    /// shown; rendered on its own when its links would differ (a page beside the others only
    /// in name, such as `a/b.html` among `a/c/`).
    pub(super) fn for_page<'a>(
        &'a self,
        site: &Site<'_>,
        theme: &Theme,
        p: PageId,
    ) -> Result<PageSidebar<'a>> {
        let page = &site.pages[p];
        let section = &site.sections[page.section];
        if let Some(shared) = self.shared(site, theme, page.section)? {
            let same_place = shared.section_href == urls::href(&page.url, &section.url);
            let link = urls::href(&shared.here, &page.url);
            if let (true, Some(&end)) = (same_place, shared.hrefs.get(link.as_str())) {
                let (before, after) = shared.html.split_at(end);
                return Ok(PageSidebar::Shared([before, CURRENT, after]));
            }
        }
        let view = sidebar(site, page.section, &page.url, Some(p));
        render_sidebar(theme, view, &page.url).map(PageSidebar::Own)
    }
}

/// What marks a question's own link in its section's shared sidebar.
const CURRENT: &str = " aria-current=\"page\"";

/// A question's sidebar: its section's shared one, in three parts (before the mark on its
/// link, the mark, after it), or one rendered for it alone.
pub(super) enum PageSidebar<'a> {
    Shared([&'a str; 3]),
    Own(String),
}

impl PageSidebar<'_> {
    pub(super) fn parts(&self) -> [&str; 3] {
        match self {
            PageSidebar::Shared(parts) => *parts,
            PageSidebar::Own(html) => [html, "", ""],
        }
    }
}

/// A site path at the same place as `url` but no page's: `a/b/` -> `a/\u{1}/`, `a/b.html` ->
/// `a/\u{1}.html` (a name of one control character, which no page has); used only to compute
/// relative links, never written.
fn beside(url: &str) -> String {
    let (dir, last) = match url.strip_suffix('/') {
        Some(rest) => (rest.rfind('/').map_or("", |i| &rest[..=i]), "/"),
        None => (url.rfind('/').map_or("", |i| &url[..=i]), ".html"),
    };
    format!("{dir}\u{1}{last}")
}

/// A sidebar through the theme's `sidebar.html`.
pub(super) fn render_sidebar(
    theme: &Theme,
    sidebar: SidebarView<'_>,
    here: &str,
) -> Result<String> {
    theme.render(
        "sidebar.html",
        &SidebarContext { sidebar },
        &format!("/{here}"),
    )
}

/// The sidebar of a page at site path `here` in section `s`; `current` is the question shown,
/// if it is one.
pub(super) fn sidebar<'s>(
    site: &'s Site<'s>,
    s: SectionId,
    here: &str,
    current: Option<PageId>,
) -> SidebarView<'s> {
    let section = &site.sections[s];
    let mut top = s;
    while let Some(parent) = site.sections[top].parent.filter(|&p| p != SectionId::HOME) {
        top = parent;
    }
    let title = if s == SectionId::HOME {
        "Home"
    } else {
        listed_section_title(site.pages, site.sections, s)
    };
    let all = site.order.subsections(SectionId::HOME);
    let shown = sections_around(all, top, site.config.sidebar_sections);
    SidebarView {
        section: NavLink {
            title,
            href: urls::href(here, &section.url),
            current: current.is_none() && here == section.url,
        },
        pages: site
            .order
            .pages(s)
            .iter()
            .map(|&p| page_link(site, p, here, current == Some(p)))
            .collect(),
        sections: shown
            .iter()
            .map(|&sub| NavLink {
                title: listed_section_title(site.pages, site.sections, sub),
                href: urls::href(here, &site.sections[sub].url),
                current: sub == top && s != SectionId::HOME,
            })
            .collect(),
        more_sections: (shown.len() < all.len()).then(|| MoreSections {
            href: urls::href(here, &site.sections[SectionId::HOME].url),
            total: all.len(),
        }),
    }
}

/// The top sections a sidebar lists: all of them, or `limit` of them around `top` (the first
/// `limit` when `top` is none of them, as on the home page).
fn sections_around(all: &[SectionId], top: SectionId, limit: usize) -> &[SectionId] {
    if all.len() <= limit {
        return all;
    }
    let at = all.iter().position(|&x| x == top).unwrap_or(0);
    let start = at.saturating_sub(limit / 2).min(all.len() - limit);
    &all[start..start + limit]
}

/// The questions before and after question `p` in its section's listing.
pub(super) fn prev_next<'s>(
    site: &'s Site<'s>,
    p: PageId,
) -> (Option<NavLink<'s>>, Option<NavLink<'s>>) {
    let page = &site.pages[p];
    let listed = site.order.pages(page.section);
    let Some(at) = listed.iter().position(|&q| q == p) else {
        return (None, None);
    };
    let link = |q: &PageId| page_link(site, *q, &page.url, false);
    (
        at.checked_sub(1).and_then(|i| listed.get(i)).map(link),
        listed.get(at + 1).map(link),
    )
}

fn page_link<'s>(site: &'s Site<'s>, p: PageId, here: &str, current: bool) -> NavLink<'s> {
    let page = &site.pages[p];
    NavLink {
        title: listed_page_title(page),
        href: urls::href(here, &page.url),
        current,
    }
}

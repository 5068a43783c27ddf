//! The files of a site besides its pages: files copied from `content/` as they are, the theme's
//! static files under `assets/`, and the generated `404.html`, `robots.txt` and `sitemap.xml`
//! (each left out when the site ships its own).

use rayon::prelude::*;

use crate::content::{Page, SectionId};
use crate::context::HeadView;
use crate::discover::Asset;
use crate::error::Result;
use crate::frontmatter::PageDate;
use crate::output::{Body, Sink};
use crate::sitemap;
use crate::theme::{StaticSource, Theme};
use crate::urls;

use super::{Site, views};

/// Generated files a content file of the same path replaces.
const GENERATED: [&str; 3] = ["404.html", "robots.txt", "sitemap.xml"];

/// Writes every file that is not a page; returns how many. The sitemap is left as it is when
/// what it is made from did not change (named in `kept`).
pub(super) fn write_files(
    site: &Site<'_>,
    theme: &Theme,
    assets: &[Asset],
    out: (&dyn Sink, &mut Vec<String>),
) -> Result<usize> {
    let (sink, kept) = out;
    assets
        .par_iter()
        .try_for_each(|a| sink.put(&urls::file_path(&a.rel_path), Body::Copy(&a.abs_path)))?;
    for (rel, source) in &theme.statics {
        let dest = format!("assets/{rel}");
        match source {
            StaticSource::Embedded(bytes) => sink.put(&dest, Body::Static(bytes))?,
            StaticSource::File(path) => sink.put(&dest, Body::Copy(path))?,
        }
    }
    let shipped = |name: &str| shipped(site, assets, name);
    let mut files = assets.len() + theme.statics.len();
    // Crawlers read robots.txt only at a host's root (`answerbook check` notes why it is missing).
    let wanted = |n: &&str| *n != "robots.txt" || site.base.path == "/";
    for name in GENERATED.into_iter().filter(|n| !shipped(n)).filter(wanted) {
        let bytes = match name {
            "404.html" => render_404(site, theme)?.into_bytes(),
            "robots.txt" => sitemap::robots(site.base).into_bytes(),
            _ => {
                files += sitemap_xml(site, (sink, &mut *kept))?;
                continue;
            }
        };
        sink.put(name, Body::Bytes(bytes))?;
        files += 1;
    }
    Ok(files)
}

/// Whether the site ships a file at `name` itself (a page or an asset), which the build then
/// does not make.
pub(super) fn shipped(site: &Site<'_>, assets: &[Asset], name: &str) -> bool {
    site.pages.iter().any(|p| p.url == name)
        || assets.iter().any(|a| urls::file_path(&a.rel_path) == name)
}

fn lastmod(page: &Page) -> Option<&PageDate> {
    page.updated.as_ref().or(page.date.as_ref())
}

/// Puts `sitemap.xml`, unless it is kept; returns how many files it put.
fn sitemap_xml(site: &Site<'_>, out: (&dyn Sink, &mut Vec<String>)) -> Result<usize> {
    // A section changes when any page under it does: its lastmod is the latest of them all.
    // Each section's is worked out once (`known`), not again for every section above it.
    type Latest<'s> = Option<Option<&'s PageDate>>;
    fn latest<'s>(site: &Site<'s>, s: SectionId, known: &mut [Latest<'s>]) -> Option<&'s PageDate> {
        if let Some(done) = known[s.0 as usize] {
            return done;
        }
        let section = &site.sections[s];
        let own = section
            .index
            .into_iter()
            .chain(section.pages.iter().copied());
        let mut dates: Vec<&PageDate> = own.filter_map(|p| lastmod(&site.pages[p])).collect();
        for &sub in &section.subsections {
            dates.extend(latest(site, sub, known));
        }
        let found = dates.into_iter().max_by_key(|d| d.instant());
        known[s.0 as usize] = Some(found);
        found
    }
    let mut known: Vec<Latest<'_>> = vec![None; site.sections.len()];
    // Tag pages change when one of their questions does.
    let tags: Vec<(String, Option<&PageDate>)> = super::tags::sitemap_pages(site)
        .into_iter()
        .map(|(path, ids)| {
            let latest = ids
                .iter()
                .filter_map(|&p| lastmod(&site.pages[p]))
                .max_by_key(|d| d.instant());
            (path, latest)
        })
        .collect();
    let entries: Vec<sitemap::Entry<'_>> = site
        .pages
        .iter()
        .filter(|p| p.is_question())
        .map(|p| sitemap::Entry {
            path: &p.url,
            lastmod: lastmod(p).map(|d| d.machine.as_str()),
        })
        .chain(site.sections.ids().map(|(s, section)| sitemap::Entry {
            path: &section.url,
            lastmod: latest(site, s, &mut known).map(|d| d.machine.as_str()),
        }))
        .chain(tags.iter().map(|(path, latest)| sitemap::Entry {
            path,
            lastmod: latest.map(|d| d.machine.as_str()),
        }))
        .collect();
    let inputs = |h: &mut super::memo::InputsHasher| {
        use std::hash::Hash;
        (&site.base.path, &site.base.absolute).hash(h);
        entries.len().hash(h);
        for entry in &entries {
            (entry.path, entry.lastmod).hash(h);
        }
    };
    super::memo::put_derived(site, out, "sitemap.xml", inputs, || {
        sitemap::sitemap(site.base, &mut entries.clone()).into_bytes()
    })
}

fn render_404(site: &Site<'_>, theme: &Theme) -> Result<String> {
    let ctx = views::not_found_context(
        site,
        views::generated_page_view(site, "404.html", "404", "Page not found"),
        HeadView {
            title: format!("Page not found - {}", site.config.title),
            description: None,
            canonical: None,
            meta: vec![],
            json_ld: None,
            social: Default::default(),
        },
    );
    theme.render("404.html", &ctx, "404.html")
}

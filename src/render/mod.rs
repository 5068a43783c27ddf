//! Phases two and three of a build. Phase two renders every page in parallel and, for a
//! question, puts it through the theme and hands it to the output at once, so its HTML is
//! dropped as soon as it is written; what stays of a page is what other pages need of it (its
//! ids, links, summary). Phase three then does what needs every page first: the anchor check,
//! section listings and the home page, the sitemap, the 404 page, and the files copied as
//! they are.

mod facts;
mod feeds;
mod files;
mod memo;
mod nav;
mod search;
mod structured;
mod tags;
mod views;

pub use facts::Facts;
pub use memo::Memo;
pub use search::{
    Before as SearchBefore, Resident as SearchResident, SearchDoc, Vocabulary, WordNumbers,
};
pub use tags::page_tags;
pub use views::output_path;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{PageId, Pages, SectionId, Sections};
use crate::context::SiteView;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::error::{Error, Result};
use crate::link_index::LinkIndex;
use crate::related::Related;
use crate::timings;

static NO_RELATED: Related = Related::EMPTY;
use crate::markdown::{self, Features, Rendered, links::LinkContext};
use crate::output::{Body, Sink};
use crate::theme::Theme;
use crate::urls::BaseUrl;

/// Everything the output stages read: the site as phase one left it (pages with their titles,
/// sections, the nav's places), borrowed.
pub struct Site<'a> {
    pub config: &'a SiteConfig,
    pub base: &'a BaseUrl,
    pub view: SiteView<'a>,
    pub pages: &'a Pages,
    pub sections: &'a Sections,
    pub index: &'a LinkIndex,
    pub features: &'a Features,
    /// Looks at every page as it renders (`answerbook check`); `None` in a build.
    pub inspect: Option<&'a dyn Inspect>,
    /// Every question's related questions (none unless the pipeline sets them).
    pub related: &'a Related,
    /// The search index the last build wrote, for an incremental build that writes only what
    /// changed of it; `None`: the whole index is written.
    pub search_before: Option<&'a search::Before>,
    /// The search index kept in memory between builds (`serve`), used and updated when it
    /// fits; `None`: none is kept.
    pub search_memory: Option<&'a std::sync::Mutex<Option<search::Resident>>>,
    /// Where the questions' search words are numbered ([`SearchDoc::words`]).
    pub vocabulary: &'a Vocabulary,
    /// Site-wide files kept between builds (`serve`), made again only when what they are made
    /// from changed; `None`: always made.
    pub memo: Option<&'a Memo>,
    /// What the last build recorded of each output file (the build cache's), for a build that
    /// updates the output folder in place: site-wide files made from the same inputs as then
    /// are left as they are ([`memo::put_derived`]). `None`: every file is made.
    pub outputs_before: Option<&'a rustc_hash::FxHashMap<String, crate::cache::Made>>,
    /// Every section's listing order.
    order: nav::Order,
    /// Whether the site gets tag pages ([`tags::enabled`]), decided once.
    tags_enabled: bool,
    no_extra: BTreeMap<String, serde_json::Value>,
}

/// Something that looks at each page as phase two renders it, before its HTML is dropped:
/// the checks of `answerbook check` ([`crate::checks`]). `source` is the page's whole file.
pub trait Inspect: Sync {
    fn page(&self, site: &Site<'_>, id: PageId, source: &str, rendered: &Rendered);
}

impl<'a> Site<'a> {
    pub fn new(
        config: &'a SiteConfig,
        base: &'a BaseUrl,
        pages: &'a Pages,
        sections: &'a Sections,
        index: &'a LinkIndex,
        features: &'a Features,
        vocabulary: &'a Vocabulary,
    ) -> Self {
        let view = SiteView::new(
            config,
            base.absolute.clone().unwrap_or_else(|| base.path.clone()),
        );
        Site {
            config,
            base,
            view,
            pages,
            sections,
            index,
            features,
            inspect: None,
            related: &NO_RELATED,
            search_before: None,
            search_memory: None,
            vocabulary,
            memo: None,
            outputs_before: None,
            order: nav::Order::new(pages, sections),
            tags_enabled: tags::enabled(pages, sections),
            no_extra: BTreeMap::new(),
        }
    }

    /// Pages name the site's own favicon (`content/favicon.svg`, `.ico` or `.png`, in that
    /// order of preference) when it has one, else the theme's; and its own Mermaid renderer
    /// (`content/mermaid.min.js`), when it has one, on pages with a diagram.
    pub fn use_favicon_of(&mut self, assets: &[Asset]) {
        let own = ["favicon.svg", "favicon.ico", "favicon.png"]
            .into_iter()
            .find(|name| {
                assets
                    .iter()
                    .any(|a| a.rel_path == std::path::Path::new(name))
            });
        if let Some(name) = own {
            self.view.favicon = name.to_owned();
        }
        let renderer = std::path::Path::new("mermaid.min.js");
        if assets.iter().any(|a| a.rel_path == renderer) {
            self.view.mermaid = Some("mermaid.min.js".to_owned());
        }
    }
}

/// What a page is rendered from.
#[derive(Debug)]
#[allow(
    clippy::large_enum_variant,
    reason = "a list of sources becomes the list of facts in place (`write_site`): each must have room for a page's facts"
)]
pub enum Source {
    /// Its text: rendered, and written if it is a question.
    Text(String),
    /// Its file, read again when the page renders: phase one read it (and dropped its text),
    /// and `hash` is what its bytes were then. A file that changed since fails the build, as
    /// its page would not agree with what every other page knows of it. `len`: its length
    /// then.
    File { path: PathBuf, hash: u64, len: u64 },
    /// What the build cache kept of it: its output file is left as it is. Also what a page
    /// was rendered into ([`write_site`] puts it in its source's place).
    Known(Rendered, Option<SearchDoc>),
}

/// What a build wrote and found.
pub struct Outcome {
    /// HTML pages made (questions, sections and the home page).
    pub pages: usize,
    /// Other files made (copied files, theme files, sitemap, ...).
    pub files: usize,
    /// What phase two kept of every page, its diagnostics included.
    pub facts: Facts,
    /// Links to anchors that no page has.
    pub anchor_diagnostics: Vec<Diagnostic>,
    /// The output files left as the last build wrote them: section pages and search index
    /// files that nothing re-rendered this build touches.
    pub kept: Vec<String>,
    /// Section pages among them, counted in [`Outcome::pages`] but not rendered.
    pub kept_pages: usize,
}

/// Renders the whole site into `sink`. `sources` are the pages' texts, by [`PageId`]; each is
/// dropped once its page is rendered.
pub fn write_site(
    site: &Site<'_>,
    theme: &Theme,
    sources: Vec<Source>,
    assets: &[Asset],
    sink: &dyn Sink,
) -> Result<Outcome> {
    let shared = views::Shared::new(site)?;
    timings::mark("sidebars");
    // Each page's facts take the place of its source, and the list of sources becomes the
    // list of facts in place: a rebuild's sources are mostly facts already, and a list of
    // every page's facts made anew is megabytes of fresh memory.
    let mut sources = sources;
    let failed = (sources.par_iter_mut().enumerate())
        .filter_map(|(i, source)| {
            let id = PageId(i as u32);
            let rendered = match std::mem::replace(source, Source::Text(String::new())) {
                Source::Text(text) => render_page(site, theme, &shared, id, text, sink),
                Source::File { path, hash, len } => {
                    let shown = &site.pages[id].display_path;
                    read_again(&path, hash, len, shown)
                        .and_then(|text| render_page(site, theme, &shared, id, text, sink))
                }
                Source::Known(rendered, search) => Ok((rendered, search)),
            };
            match rendered {
                Ok((rendered, search)) => {
                    *source = Source::Known(rendered, search);
                    None
                }
                Err(error) => Some((i, error)),
            }
        })
        .collect::<Vec<_>>();
    // The first page's error, whichever thread met it first.
    if let Some((_, error)) = failed.into_iter().min_by_key(|(i, _)| *i) {
        return Err(error);
    }
    // Every source is a page's facts now (any other would be a page without any, not one
    // that shifts the next pages' ids).
    let facts = Facts(
        (sources.into_iter())
            .map(|source| match source {
                Source::Known(rendered, search) => (rendered, search),
                _ => (Rendered::default(), None),
            })
            .collect(),
    );
    // Only question pages use what is kept for them (each section's sidebar, the site's view).
    drop(shared);
    timings::mark("pages");
    let anchor_diagnostics = check_anchors(site.pages, &facts);

    let questions = site.pages.iter().filter(|p| !p.is_index).count();
    let sections: Vec<_> = site.sections.ids().map(|(id, _)| id).collect();
    let changed = changed_sections(site);
    sections
        .par_iter()
        .filter(|s| changed[s.0 as usize])
        .try_for_each(|&s| {
            let (path, html) = views::section_html(site, theme, s, &facts)?;
            sink.put(&path, Body::Bytes(html.into_bytes()))
        })?;
    let mut kept: Vec<String> = sections
        .iter()
        .filter(|s| !changed[s.0 as usize])
        .map(|&s| views::output_path(&site.sections[s].url))
        .collect();
    let kept_pages = kept.len();
    timings::mark("sections");
    // The site's files and feeds are made mostly on one thread: the search index is written
    // beside them, on the other.
    let (site_files, search) = rayon::join(
        || -> Result<(usize, Vec<String>)> {
            let mut kept = Vec::new();
            let files = files::write_files(site, theme, assets, (sink, &mut kept))?;
            let feeds = feeds::write(site, &facts, assets, (sink, &mut kept))?;
            Ok((files + feeds, kept))
        },
        || search::write(site, &facts, site.search_before, sink),
    );
    let (mut files, kept_files) = site_files?;
    let (search_files, kept_search) = search?;
    kept.extend(kept_files);
    files += search_files;
    kept.extend(kept_search);
    timings::mark("files, feeds, search");
    let tag_pages = tags::write(site, theme, &facts, sink)?;
    timings::mark("tags");
    Ok(Outcome {
        pages: questions + sections.len() + tag_pages,
        files,
        facts,
        anchor_diagnostics,
        kept,
        kept_pages,
    })
}

/// A page's file read again for phase two, as phase one read it: its bytes must be the ones
/// phase one parsed (hash `hash`), and U+0000 becomes U+FFFD as [`crate::content::parse_page`]
/// made it.
fn read_again(path: &Path, hash: u64, len: u64, display_path: &Path) -> Result<String> {
    let bytes = crate::read::known_length(path, len).map_err(|e| Error::io(display_path, e))?;
    if crate::cache::hash_bytes(&bytes) != hash {
        let message = "the file changed while the site was being built: build again";
        return Err(Error::io(display_path, std::io::Error::other(message)));
    }
    // The same bytes were valid UTF-8 when phase one read them.
    let text =
        String::from_utf8(bytes).map_err(|e| Error::io(display_path, std::io::Error::other(e)))?;
    Ok(crate::content::without_nul(text))
}

/// Which sections' pages may have changed since the last build, by [`SectionId`]: the home
/// page, and every section that holds, or is above, a page rendered this build rather than
/// brought back from the build cache. The others show only what the cache vouches for (the
/// site's shape and their pages' kept facts), so their pages are left as they are.
fn changed_sections(site: &Site<'_>) -> Vec<bool> {
    let mut changed = vec![false; site.sections.len()];
    changed[SectionId::HOME.0 as usize] = true;
    for page in site.pages.iter().filter(|p| !p.reused) {
        let mut s = Some(page.section);
        while let Some(id) = s.filter(|id| !changed[id.0 as usize]) {
            changed[id.0 as usize] = true;
            s = site.sections[id].parent;
        }
    }
    changed
}

/// Phase two for one page: its markdown and, for a question (or the 404 page), its file and
/// (not for the 404 page) its search data.
fn render_page(
    site: &Site<'_>,
    theme: &Theme,
    shared: &views::Shared,
    id: PageId,
    text: String,
    sink: &dyn Sink,
) -> Result<(Rendered, Option<SearchDoc>)> {
    let page = &site.pages[id];
    let mut rendered = render_markdown(site, id, &text);
    if let Some(inspect) = site.inspect {
        inspect.page(site, id, &text, &rendered);
    }
    drop(text);
    let search = page.is_question().then(|| {
        SearchDoc::of(
            &rendered,
            &page.title,
            search::answer_of(site, id, &rendered),
            site.vocabulary,
        )
    });
    if !page.is_index {
        let html = views::page_html(site, theme, shared, id, &rendered)?;
        sink.put(&views::output_path(&page.url), Body::Page(html))?;
        // Kept until every page is rendered: only what other pages, listings, the feeds,
        // the search index and the next cache read of it.
        rendered.html = String::new();
        rendered.headings = Vec::new();
        rendered.h1 = None;
        rendered.faq_answer = None;
        rendered.ids.shrink_to_fit();
    }
    Ok((rendered, search))
}

/// A page's markdown, rendered with its links resolved against the site.
pub fn render_markdown(site: &Site<'_>, id: PageId, text: &str) -> Rendered {
    let page = &site.pages[id];
    let input = markdown::Input {
        body: page.body_of(text),
        body_line: page.body_line,
        display_path: &page.display_path,
        links: LinkContext {
            source: &page.rel_path,
            page: id,
            page_url: &page.url,
            index: site.index,
            absolute_base: page.is_not_found.then_some(site.base.path.as_str()),
        },
        answer_title: &site.config.answer_title,
        features: site.features,
        faq: markdown::faq::FaqRule::for_page(
            page.is_question(),
            page.front.faq,
            &page.title,
            page.front.description.as_deref(),
        ),
    };
    markdown::render(&input)
}

/// Every `page.md#anchor` and `#anchor` must name an id on its page.
fn check_anchors(pages: &Pages, facts: &Facts) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (id, page) in pages.ids() {
        for anchor in &facts[id].anchors {
            if !facts[anchor.page].ids.contains(&anchor.fragment) {
                let target = &pages[anchor.page].display_path;
                out.push(Diagnostic::warning(
                    &page.display_path,
                    Some(anchor.line),
                    format!(
                        "broken link '{}': no anchor #{} in {}",
                        anchor.written,
                        anchor.fragment,
                        crate::diagnostics::display_path(target)
                    ),
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests;

//! What the build cache ([`crate::cache`]) means for one build: the hashes that decide
//! whether a cache applies, and the translation between cache entries and the pages and
//! rendered facts of a build.
//!
//! A page whose file did not change (and that had nothing to report last time) comes back from
//! its entry without being read, parsed or rendered; its output file is left as it is. Pages
//! with diagnostics are never cached, so every build reports them afresh.

use std::path::{Path, PathBuf};

use crate::cache::{CachedAnchor, Digest, Entry, Stat};
use crate::content::{Page, PageId, Pages, SectionId, Sections};
use crate::discover::Asset;
use crate::frontmatter::{FrontMatter, PageDate};
use crate::link_index::{LinkIndex, Target};
use crate::markdown::{Rendered, links::AnchorRef};
use crate::render::SearchDoc;
use crate::urls;
use crate::walk::plain_name;

/// Everything outside the pages that a page's HTML depends on: the settings, the syntaxes,
/// the theme's templates, the binary itself, and where the output goes.
pub fn inputs_hash(settings: &[&dyn std::fmt::Debug], theme: u64, target: &Path) -> u64 {
    let mut digest = Digest::default();
    for s in settings {
        digest.add(format!("{s:?}"));
    }
    digest.add(theme).add(target);
    let exe = std::env::current_exe().and_then(std::fs::metadata);
    match exe {
        Ok(meta) => {
            let stat = Stat::of(&meta);
            digest.add(stat.len).add(stat.mtime_ns)
        }
        // Without knowing the binary no cache can be trusted: a fresh number each time.
        Err(_) => digest.add(std::time::SystemTime::now()),
    };
    digest.add(env!("CARGO_PKG_VERSION"));
    digest.finish()
}

/// The shape of the site every page shows a part of: each page's path, URL, title and nav
/// place, the sections with theirs, the drafts and the copied files ([`structure_hash`] adds
/// the related questions).
pub fn shape_hash(pages: &Pages, sections: &Sections, drafts: &[PathBuf], assets: &[Asset]) -> u64 {
    let mut digest = Digest::default();
    for page in pages.iter() {
        digest
            .add(page.rel_path.as_os_str())
            .add(&page.url)
            .add(&page.title)
            .add(&page.placed)
            .add(page.section.0);
    }
    for section in sections.iter() {
        digest
            .add(&section.folder)
            .add(&section.title)
            .add(&section.placed);
    }
    digest
        .add(drafts)
        .add(assets.iter().map(|a| &a.rel_path).collect::<Vec<_>>());
    digest.finish()
}

/// The site's [`shape_hash`] with every page's related questions: a page's HTML can be
/// reused only while this stays the same.
pub fn structure_hash(shape: u64, related: &crate::related::Related) -> u64 {
    let mut digest = Digest::default();
    digest.add(shape);
    related.digest(&mut digest);
    digest.finish()
}

/// A page brought back from its entry, without its text. Its title, links and dates are moved
/// out of the entry (a rebuild brings back every page of the site this way); the next cache's
/// entry takes them back from the page ([`take_page_parts`], [`restore_page`]).
pub fn page_from_entry(rel_path: &Path, content_name: &Path, entry: &mut Entry) -> Page {
    let is_index = match plain_name(rel_path) {
        Some(name) => name == b"index.md",
        None => rel_path.file_name().is_some_and(|n| n == "index.md"),
    };
    Page {
        url: urls::page_path(rel_path),
        display_path: crate::walk::joined(content_name, rel_path),
        rel_path: rel_path.to_path_buf(),
        text: String::new(),
        body_offset: entry.body_offset,
        body_line: entry.body_line,
        front: FrontMatter {
            draft: entry.draft,
            extra: tags_as_front_matter(&entry.tags),
            ..FrontMatter::default()
        },
        is_index,
        is_not_found: false,
        date: entry.date.take(),
        updated: entry.updated.take(),
        title: std::mem::take(&mut entry.title),
        section: SectionId::HOME,
        placed: None,
        reused: true,
        links: std::mem::take(&mut entry.links),
    }
}

/// What [`page_from_entry`] moved out of a reused page's entry into its page, for
/// [`restore_page`] to put back.
#[derive(Debug)]
pub struct PageParts {
    title: String,
    links: Vec<crate::related::OutLink>,
    date: Option<PageDate>,
    updated: Option<PageDate>,
}

/// Takes back out of a reused page what [`page_from_entry`] moved into it, once the build is
/// done with the page.
pub fn take_page_parts(page: &mut Page) -> PageParts {
    PageParts {
        title: std::mem::take(&mut page.title),
        links: std::mem::take(&mut page.links),
        date: page.date.take(),
        updated: page.updated.take(),
    }
}

/// Puts back into a reused page's entry what [`take_page_parts`] took out of its page.
pub fn restore_page(entry: &mut Entry, parts: PageParts) {
    entry.title = parts.title;
    entry.links = parts.links;
    entry.date = parts.date;
    entry.updated = parts.updated;
}

/// A reused page's tags where a read page has them, in its front matter's other keys.
fn tags_as_front_matter(tags: &[String]) -> std::collections::BTreeMap<String, serde_json::Value> {
    let mut extra = std::collections::BTreeMap::new();
    if !tags.is_empty() {
        extra.insert("tags".to_owned(), serde_json::json!(tags));
    }
    extra
}

/// Whether a page's file may be taken from its entry at all: pages other pages are built
/// from (section index pages, `README.md`, the 404 page) are always read.
pub fn may_reuse(rel_path: &Path) -> bool {
    // On its bytes when its last component is a plain name (nearly every path): this runs
    // for every page of a rebuild.
    match plain_name(rel_path) {
        Some(name) => {
            let bytes = rel_path.as_os_str().as_encoded_bytes();
            !matches!(name, b"index.md" | b"README.md") && bytes != b"404.md"
        }
        None => may_reuse_by_components(rel_path),
    }
}

/// [`may_reuse`] for any spelling of a path, by its components.
fn may_reuse_by_components(rel_path: &Path) -> bool {
    let name = rel_path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    !matches!(name, "index.md" | "README.md") && rel_path != Path::new("404.md")
}

/// What phase two would have found on a reused page, taken out of its entry: its ids and
/// the texts listings show are moved, not copied (a rebuild brings back every page of the
/// site this way), and [`restore_facts`] puts them back for the next cache.
pub fn take_facts(entry: &mut Entry, index: &LinkIndex) -> Rendered {
    let anchors = entry
        .anchors
        .iter()
        .filter_map(|a| {
            let page = match index.get(&a.target) {
                Some(Target::Page { page, .. }) => page,
                _ => return None,
            };
            Some(AnchorRef {
                page,
                fragment: a.fragment.clone(),
                written: a.written.clone(),
                line: a.line,
            })
        })
        .collect();
    Rendered {
        ids: std::mem::take(&mut entry.ids).into(),
        summary: entry.listed_summary.take(),
        listing: entry.listing.take(),
        answer: entry.short_answer.take(),
        anchors,
        ..Rendered::default()
    }
}

/// Puts back into a reused page's entry what [`take_facts`] took out of it.
pub fn restore_facts(entry: &mut Entry, rendered: &mut Rendered) {
    entry.ids = std::mem::take(&mut rendered.ids).into_sorted();
    entry.listed_summary = rendered.summary.take();
    entry.listing = rendered.listing.take();
    entry.short_answer = rendered.answer.take();
}

/// What the search index needs of a reused page, taken out of its entry: the words are most
/// of an entry, and [`restore_search`] puts them back for the next cache.
pub fn take_search(entry: &mut Entry) -> SearchDoc {
    SearchDoc {
        headings: std::mem::take(&mut entry.headings),
        words: std::mem::take(&mut entry.words),
        marks: std::mem::take(&mut entry.marks),
    }
}

/// Puts a reused page's search data, taken by [`take_search`], back into its entry.
pub fn restore_search(entry: &mut Entry, search: SearchDoc) {
    entry.headings = search.headings;
    entry.words = search.words;
    entry.marks = search.marks;
}

/// What the search index needs of a reused page, from its entry.
pub fn search_from_entry(entry: &Entry) -> SearchDoc {
    SearchDoc {
        headings: entry.headings.clone(),
        words: entry.words.clone(),
        marks: entry.marks.clone(),
    }
}

/// The output file of the page whose cache entry is at `key` (its path under `content/`).
/// The cache's record of the output folder ([`Cache::outputs`](crate::cache::Cache)) leaves
/// these out: every entry stands for its page's file, a question's page at the URL its path
/// gives (a page with an entry is never the 404 page nor a section's).
pub fn page_output(key: &str) -> String {
    crate::render::output_path(&urls::page_path(Path::new(key)))
}

/// Whether a page rendered this build gets a cache entry: a question with nothing to report.
pub fn may_cache(page: &Page, rendered: &Rendered) -> bool {
    page.is_question() && rendered.diagnostics.is_empty() && may_reuse(&page.rel_path)
}

/// The entry of a page rendered this build, if it may be cached: a question with nothing to
/// report. What it keeps of `rendered` is moved out of it (the build is done with it: this
/// runs last), not copied.
pub fn entry_for(
    page: &Page,
    rendered: &mut Rendered,
    search: Option<SearchDoc>,
    pages: &Pages,
    stat: Stat,
    hash: u64,
) -> Option<Entry> {
    if !may_cache(page, rendered) {
        return None;
    }
    let ids = std::mem::take(&mut rendered.ids).into_sorted();
    // Moved, not copied: the words are most of a cache entry.
    let SearchDoc {
        headings,
        words,
        marks,
    } = search.unwrap_or_default();
    let short_answer = rendered
        .answer
        .take()
        .or_else(|| page.front.description.clone());
    // None when the listing shows the short answer ([`Entry::listed_summary`]).
    let listed_summary = rendered.summary.take();
    Some(Entry {
        stat,
        hash,
        title: page.title.clone(),
        draft: page.front.draft,
        date: page.date.clone(),
        updated: page.updated.clone(),
        body_offset: page.body_offset,
        body_line: page.body_line,
        listed_summary,
        short_answer,
        ids,
        anchors: std::mem::take(&mut rendered.anchors)
            .into_iter()
            .map(|a: AnchorRef| CachedAnchor {
                target: pages[a.page].rel_path.clone(),
                fragment: a.fragment,
                written: a.written,
                line: a.line,
            })
            .collect(),
        headings,
        words,
        marks,
        tags: crate::render::page_tags(page).map(str::to_owned).collect(),
        links: page.links.clone(),
        // A reused page's front matter is not read again: its description is kept here.
        listing: rendered.listing.take().or_else(|| {
            page.front.description.as_deref().map(|d| {
                crate::markdown::snippet::html_of_text(d, crate::markdown::snippet::LISTING_CHARS)
            })
        }),
        includes: rendered
            .includes
            .iter()
            .filter_map(|p| Some((p.clone(), Stat::of(&std::fs::metadata(p).ok()?))))
            .collect(),
        read_from: Default::default(),
    })
}

/// The ids of the reused pages, to skip in phase two.
pub fn reused(pages: &Pages) -> impl Iterator<Item = PageId> + '_ {
    pages.ids().filter(|(_, p)| p.reused).map(|(id, _)| id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reuse_decided_on_bytes_agrees_with_the_components() {
        let pieces = [
            "a",
            "/",
            ".",
            "..",
            "index.md",
            "README.md",
            "404.md",
            "b.md",
            "//",
        ];
        for text in crate::test_text::generated(&pieces, 5000, 6) {
            let path = Path::new(&text);
            assert_eq!(may_reuse(path), may_reuse_by_components(path), "{text:?}");
        }
        assert!(!may_reuse(Path::new("a/index.md")));
        assert!(!may_reuse(Path::new("404.md")));
        assert!(may_reuse(Path::new("a/404.md")));
    }
}

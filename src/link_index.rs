//! The link index: every page, section and copied file of the site by its path under
//! `content/`, built once from the discovered files before any page is rendered, so that
//! resolving a link is a hash lookup, never a scan of the site.

use rustc_hash::{FxHashMap, FxHashSet};
use std::path::Path;

use crate::content::PageId;

/// What a path under `content/` turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target<'a> {
    /// A page (or a section's `index.md`): its index in the build's page list and its URL.
    Page { page: PageId, url: &'a str },
    /// A folder that is a section; links to it go to its section page.
    Section { url: &'a str },
    /// A file copied as it is; its URL is its path.
    File { url: &'a str },
    /// A page marked `draft: true`, left out of this build.
    Draft,
}

#[derive(Debug, Default)]
pub struct LinkIndex {
    pages: FxHashMap<String, (PageId, String)>,
    sections: FxHashMap<String, String>,
    files: FxHashMap<String, String>,
    drafts: FxHashSet<String>,
}

/// `a/b.md` with `/` separators, the key used for every lookup.
pub fn key(rel: &Path) -> String {
    crate::urls::file_path(rel)
}

impl LinkIndex {
    /// An empty index with room for `pages` pages, so that it is not built again and again
    /// as it fills.
    pub fn with_room_for(pages: usize) -> LinkIndex {
        LinkIndex {
            pages: FxHashMap::with_capacity_and_hasher(pages, Default::default()),
            ..LinkIndex::default()
        }
    }

    pub fn add_page(&mut self, rel_source: &Path, page: PageId, url: String) {
        self.pages.insert(key(rel_source), (page, url));
    }

    pub fn add_draft(&mut self, rel_source: &Path) {
        self.drafts.insert(key(rel_source));
    }

    pub fn add_section(&mut self, rel_dir: &str, url: String) {
        self.sections
            .insert(rel_dir.trim_end_matches('/').to_owned(), url);
    }

    pub fn add_file(&mut self, rel_source: &Path, url: String) {
        self.files.insert(key(rel_source), url);
    }

    /// Looks up a normalised path under `content/` (no `.` or `..`).
    pub fn get(&self, rel: &Path) -> Option<Target<'_>> {
        self.get_key(&key(rel))
    }

    /// What the file at key `k` ([`key`]: `a/b.md`) is.
    pub fn get_key(&self, k: &str) -> Option<Target<'_>> {
        if let Some((page, url)) = self.pages.get(k) {
            return Some(Target::Page { page: *page, url });
        }
        if let Some(url) = self.files.get(k) {
            return Some(Target::File { url });
        }
        if let Some(url) = self.sections.get(k.trim_end_matches('/')) {
            return Some(Target::Section { url });
        }
        if self.drafts.contains(k) {
            return Some(Target::Draft);
        }
        None
    }
}

//! Related questions, worked out in phase one once the link index exists: every question's
//! links are read from its source when the page is parsed ([`scan`], kept in the build cache for
//! pages it brings back), then [`Related::compute`] resolves every page's links, builds the
//! backlinks once for the whole site and ranks, for every question, the questions it names
//! under "See also", those that link to it and those that share a tag with it (up to
//! [`MAX_RELATED`], same order every build). Resolving and ranking go a page at a time, in
//! parallel.

use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::cmp::Ordering;
use std::path::Path;

use crate::content::{Page, PageId, Pages};
use crate::link_index::{LinkIndex, Target};
use crate::urls;

mod scan;

pub use scan::{OutLink, scan};

/// Related questions a page shows at most.
pub const MAX_RELATED: usize = 5;
/// For each of a page's tags, how many of the questions after it in that tag's alphabetical
/// list are candidates (all of them for a tag on fewer pages), so a tag on every page of a
/// large site costs a fixed amount per page.
const TAG_NEIGHBOURS: usize = 20;
/// What each reason counts for.
const SEE_ALSO: u32 = 4;
const LINKS_HERE: u32 = 2;
const SHARED_TAG: u32 = 1;

/// The page a link written on the page at `source` leads to, if it leads to one.
fn resolve(source: &Path, target: &str, index: &LinkIndex) -> Option<PageId> {
    let path = target.split(['#', '?']).next().unwrap_or("");
    // Decoded (a copy) only when it holds an escape: most links hold none.
    let decoded = match path.contains('%') {
        true => std::borrow::Cow::Owned(urls::decode(path)),
        false => std::borrow::Cow::Borrowed(path),
    };
    let resolved = urls::resolve_relative_key(source, &decoded)?;
    match index.get_key(&resolved)? {
        Target::Page { page, .. } => Some(page),
        _ => None,
    }
}

/// The other questions a page's links lead to, each once: those under its See also, in the
/// order they come, and all of them.
#[derive(Debug, Default)]
struct Links {
    see_also: Vec<PageId>,
    all: Vec<PageId>,
}

impl Links {
    fn of(id: PageId, page: &Page, pages: &Pages, index: &LinkIndex) -> Links {
        let mut links = Links::default();
        for link in &page.links {
            let Some(to) = resolve(&page.rel_path, &link.target, index) else {
                continue;
            };
            if to == id || !pages[to].is_question() {
                continue;
            }
            if link.see_also && !links.see_also.contains(&to) {
                links.see_also.push(to);
            }
            if !links.all.contains(&to) {
                links.all.push(to);
            }
        }
        links
    }
}

/// Each tag's questions by title, and where each question stands in each of its tags.
struct Tags {
    lists: Vec<Vec<PageId>>,
    /// By [`PageId`]: (list, place in it).
    places: Vec<Vec<(usize, usize)>>,
}

impl Tags {
    fn of(pages: &[Page], by_title: &(impl Fn(&PageId, &PageId) -> Ordering + Sync)) -> Tags {
        let slugs: Vec<Vec<String>> = pages
            .par_iter()
            .map(|page| match page.is_question() {
                true => crate::render::page_tags(page)
                    .map(crate::markdown::headings::slugify)
                    .collect(),
                false => Vec::new(),
            })
            .collect();
        let mut tagged: FxHashMap<String, Vec<PageId>> = FxHashMap::default();
        for (i, page_slugs) in slugs.into_iter().enumerate() {
            for slug in page_slugs {
                tagged.entry(slug).or_default().push(PageId(i as u32));
            }
        }
        let mut lists: Vec<Vec<PageId>> = tagged.into_values().collect();
        lists.par_iter_mut().for_each(|list| list.sort_by(by_title));
        let mut places: Vec<Vec<(usize, usize)>> = vec![Vec::new(); pages.len()];
        for (t, list) in lists.iter().enumerate() {
            for (i, id) in list.iter().enumerate() {
                places[id.0 as usize].push((t, i));
            }
        }
        Tags { lists, places }
    }
}

/// Every question's related questions, best first, by [`PageId`].
#[derive(Debug, Default)]
pub struct Related(Vec<Vec<PageId>>);

impl std::ops::Index<PageId> for Related {
    type Output = [PageId];
    fn index(&self, id: PageId) -> &[PageId] {
        self.0.get(id.0 as usize).map_or(&[], Vec::as_slice)
    }
}

impl Related {
    /// No page has related questions.
    pub const EMPTY: Related = Related(Vec::new());

    /// Ranks, for every question, the other questions that are: named in its See also (4),
    /// linking to it (2), sharing a tag with it (1 per tag; for a tag on more than 21
    /// questions, only the 20 after it in that tag's list by title). Highest total first, then
    /// earlier in its See also, then by title and URL; five at most. Linear in links and
    /// tags: the backlinks are built once from every page's links.
    pub fn compute(pages: &Pages, index: &LinkIndex) -> Related {
        let all = pages.as_slice();
        let links: Vec<Links> = all
            .par_iter()
            .enumerate()
            .map(|(i, page)| Links::of(PageId(i as u32), page, pages, index))
            .collect();
        // Only a question's links count for the page they lead to.
        let mut backlinks: Vec<Vec<PageId>> = vec![Vec::new(); all.len()];
        for (i, page_links) in links.iter().enumerate() {
            if all[i].is_question() {
                for to in &page_links.all {
                    backlinks[to.0 as usize].push(PageId(i as u32));
                }
            }
        }
        let sort_key: Vec<String> = all.par_iter().map(|p| p.title.to_lowercase()).collect();
        let by_title = |a: &PageId, b: &PageId| {
            (&sort_key[a.0 as usize], &pages[*a].url)
                .cmp(&(&sort_key[b.0 as usize], &pages[*b].url))
        };
        let tags = Tags::of(all, &by_title);
        let related = all
            .par_iter()
            .enumerate()
            .map(|(i, page)| match page.is_question() {
                true => {
                    let candidates = Candidates {
                        see_also: &links[i].see_also,
                        backlinks: &backlinks[i],
                        tags: &tags,
                    };
                    candidates.ranked(PageId(i as u32), &by_title)
                }
                false => Vec::new(),
            })
            .collect();
        Related(related)
    }

    /// Every page's related questions, by [`PageId`], for the build cache.
    pub fn lists(&self) -> &[Vec<PageId>] {
        &self.0
    }

    /// Related questions read back from the build cache, if they fit a site of `pages` pages
    /// (the hash they are kept with says they are this site's).
    pub fn from_lists(lists: Vec<Vec<PageId>>, pages: usize) -> Option<Related> {
        let fits = lists.len() == pages && lists.iter().flatten().all(|id| (id.0 as usize) < pages);
        fits.then_some(Related(lists))
    }

    /// Every page's related questions by path, for the build cache's structure hash: a page's
    /// HTML can be reused only while its related questions stay the same.
    pub fn digest(&self, digest: &mut crate::cache::Digest) {
        for list in &self.0 {
            digest.add(list.len());
            for id in list {
                // By number: the pages' paths, in order, are in the same digest.
                digest.add(id.0);
            }
        }
    }
}

/// What one question's related questions are chosen from.
struct Candidates<'a> {
    /// The questions its See also names, in order.
    see_also: &'a [PageId],
    /// The questions that link to it.
    backlinks: &'a [PageId],
    tags: &'a Tags,
}

impl Candidates<'_> {
    /// The best [`MAX_RELATED`] for question `id`, best first.
    fn ranked(&self, id: PageId, by_title: &impl Fn(&PageId, &PageId) -> Ordering) -> Vec<PageId> {
        // Every reason with what it counts for, then the totals by page (a page can come
        // through several of its tags, or more than once through one).
        let mut reasons: Vec<(PageId, u32)> = Vec::new();
        reasons.extend(self.see_also.iter().map(|&p| (p, SEE_ALSO)));
        reasons.extend(self.backlinks.iter().map(|&p| (p, LINKS_HERE)));
        for &(t, at) in &self.tags.places[id.0 as usize] {
            let list = &self.tags.lists[t];
            for k in 1..list.len().min(TAG_NEIGHBOURS + 1) {
                reasons.push((list[(at + k) % list.len()], SHARED_TAG));
            }
        }
        reasons.sort_unstable_by_key(|&(p, _)| p);
        let mut scores: Vec<(PageId, u32)> = Vec::with_capacity(reasons.len());
        for (p, s) in reasons {
            match scores.last_mut() {
                Some(last) if last.0 == p => last.1 += s,
                _ => scores.push((p, s)),
            }
        }
        scores.retain(|&(p, _)| p != id);
        let position = |p: &PageId| self.see_also.iter().position(|s| s == p);
        let order = |(a, sa): &(PageId, u32), (b, sb): &(PageId, u32)| {
            sb.cmp(sa)
                .then_with(|| match (position(a), position(b)) {
                    (Some(x), Some(y)) => x.cmp(&y),
                    (Some(_), None) => Ordering::Less,
                    (None, Some(_)) => Ordering::Greater,
                    (None, None) => Ordering::Equal,
                })
                .then_with(|| by_title(a, b))
        };
        // Only the first few are shown: those are found, then sorted.
        if scores.len() > MAX_RELATED {
            scores.select_nth_unstable_by(MAX_RELATED - 1, order);
            scores.truncate(MAX_RELATED);
        }
        scores.sort_by(order);
        scores.into_iter().map(|(p, _)| p).collect()
    }
}

#[cfg(test)]
mod tests;

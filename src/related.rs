//! Related questions, worked out in phase one once the link index exists: every question's
//! links are read from its source when the page is parsed ([`scan`], kept in the build cache for
//! pages it brings back), then [`Related::compute`] builds the backlinks once for the whole
//! site and ranks, for every question, the questions it names under "See also", those that link
//! to it and those that share a tag with it (up to [`MAX_RELATED`], same order every build).

use rustc_hash::FxHashMap;
use std::path::Path;

use crate::content::{PageId, Pages};
use crate::link_index::{LinkIndex, Target};
use crate::urls;

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

/// A link as written in a page's source, and whether it is under its "See also" heading.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OutLink {
    pub target: String,
    pub see_also: bool,
}

/// The links of a markdown body, in order, outside fenced code and code spans: inline links
/// `[text](target)` and reference definitions `[id]: target`; external links left out. A
/// heading (or a paragraph alone on its line) reading "See also" starts the See also part,
/// which a heading of the same level or higher ends.
pub fn scan(body: &str) -> Vec<OutLink> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut see_also: Option<usize> = None;
    for line in crate::lines::of(body) {
        let t = line.trim_start();
        if let Some((c, n)) = fence {
            if run(t, c) >= n && t.trim_end().bytes().all(|b| b == c) {
                fence = None;
            }
            continue;
        }
        if let Some(c) = [b'`', b'~'].into_iter().find(|&c| run(t, c) >= 3) {
            fence = Some((c, run(t, c)));
            continue;
        }
        let level = run(t, b'#');
        if (1..=6).contains(&level) {
            if see_also.is_some_and(|l| level <= l) {
                see_also = None;
            }
            if is_see_also(heading_text(&t[level..])) {
                see_also = Some(level);
            }
            continue;
        }
        if is_see_also(t.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | ' '))) {
            see_also = Some(7);
            continue;
        }
        links_in(line, see_also.is_some(), &mut out);
    }
    out
}

fn run(s: &str, c: u8) -> usize {
    s.bytes().take_while(|&b| b == c).count()
}

fn heading_text(rest: &str) -> &str {
    let t = rest.trim();
    let t = match t.rfind('{') {
        Some(i) if t.ends_with('}') => t[..i].trim_end(),
        _ => t,
    };
    t.trim_end_matches('#').trim()
}

fn is_see_also(text: &str) -> bool {
    text.eq_ignore_ascii_case("see also")
}

/// The link targets on one line, code spans skipped.
fn links_in(line: &str, see_also: bool, out: &mut Vec<OutLink>) {
    let bytes = line.as_bytes();
    // Both kinds of link need a `]`; most lines have none, and this search is fast.
    if memchr::memchr(b']', bytes).is_none() {
        return;
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('[')
        && let Some(i) = trimmed.find("]:")
    {
        push(target_at(&trimmed[i + 2..]), see_also, out);
        return;
    }
    // Only a backtick or a `]` can change anything: jump from one to the next.
    let mut i = 0;
    while let Some(at) = memchr::memchr2(b'`', b']', &bytes[i..]) {
        i += at;
        if bytes[i] == b'`' {
            let n = run(&line[i..], b'`');
            i = match line[i + n..].find(closing_ticks(n).as_ref()) {
                Some(j) => i + n + j + n,
                None => i + n,
            };
        } else if bytes.get(i + 1) == Some(&b'(') {
            push(target_at(&line[i + 2..]), see_also, out);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// The run of `n` backticks that closes a code span opened by as many, without an allocation
/// for the usual short ones.
fn closing_ticks(n: usize) -> std::borrow::Cow<'static, str> {
    const TICKS: &str = "````````````````";
    match TICKS.get(..n) {
        Some(close) => close.into(),
        None => "`".repeat(n).into(),
    }
}

/// The destination at the start of `s`: `<...>`, else up to white space or a `)`.
fn target_at(s: &str) -> &str {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('<') {
        return rest.split('>').next().unwrap_or("");
    }
    let end = s
        .find(|c: char| c.is_whitespace() || c == ')')
        .unwrap_or(s.len());
    &s[..end]
}

fn push(target: &str, see_also: bool, out: &mut Vec<OutLink>) {
    if target.is_empty() || target.starts_with('#') || urls::is_external(target) {
        return;
    }
    out.push(OutLink {
        target: target.to_owned(),
        see_also,
    });
}

/// The page a link written on the page at `source` leads to, if it leads to one.
fn resolve(source: &Path, target: &str, index: &LinkIndex) -> Option<PageId> {
    let path = target.split(['#', '?']).next().unwrap_or("");
    let resolved = urls::resolve_relative_key(source, &urls::decode(path))?;
    match index.get_key(&resolved)? {
        Target::Page { page, .. } => Some(page),
        _ => None,
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
        let n = pages.iter().count();
        let question = |id: PageId| pages[id].is_question();
        let mut see_also: Vec<Vec<PageId>> = vec![Vec::new(); n];
        let mut backlinks: Vec<Vec<PageId>> = vec![Vec::new(); n];
        for (id, page) in pages.ids() {
            let mut seen: Vec<PageId> = Vec::new();
            for link in &page.links {
                let Some(to) = resolve(&page.rel_path, &link.target, index) else {
                    continue;
                };
                if to == id || !question(to) {
                    continue;
                }
                if link.see_also && !see_also[id.0 as usize].contains(&to) {
                    see_also[id.0 as usize].push(to);
                }
                if !seen.contains(&to) {
                    seen.push(to);
                    backlinks[to.0 as usize].push(id);
                }
            }
        }
        let sort_key: Vec<String> = pages.iter().map(|p| p.title.to_lowercase()).collect();
        let by_title = |a: &PageId, b: &PageId| {
            (&sort_key[a.0 as usize], &pages[*a].url)
                .cmp(&(&sort_key[b.0 as usize], &pages[*b].url))
        };
        // Each tag's questions by title, and where each question stands in each of its tags.
        let mut tagged: FxHashMap<String, Vec<PageId>> = FxHashMap::default();
        for (id, page) in pages.ids().filter(|(_, p)| p.is_question()) {
            for tag in crate::render::page_tags(page) {
                tagged
                    .entry(crate::markdown::headings::slugify(tag))
                    .or_default()
                    .push(id);
            }
        }
        let mut places: Vec<Vec<(usize, usize)>> = vec![Vec::new(); n];
        let lists: Vec<Vec<PageId>> = tagged
            .into_values()
            .map(|mut list| {
                list.sort_by(by_title);
                list
            })
            .collect();
        for (t, list) in lists.iter().enumerate() {
            for (i, id) in list.iter().enumerate() {
                places[id.0 as usize].push((t, i));
            }
        }
        let mut related = vec![Vec::new(); n];
        for (id, page) in pages.ids() {
            if !page.is_question() {
                continue;
            }
            let i = id.0 as usize;
            let mut score: FxHashMap<PageId, u32> = FxHashMap::default();
            for to in &see_also[i] {
                *score.entry(*to).or_default() += SEE_ALSO;
            }
            for from in &backlinks[i] {
                if question(*from) {
                    *score.entry(*from).or_default() += LINKS_HERE;
                }
            }
            for &(t, at) in &places[i] {
                let list = &lists[t];
                for k in 1..list.len().min(TAG_NEIGHBOURS + 1) {
                    *score.entry(list[(at + k) % list.len()]).or_default() += SHARED_TAG;
                }
            }
            score.remove(&id);
            let position = |p: &PageId| see_also[i].iter().position(|s| s == p);
            let mut ranked: Vec<(PageId, u32)> = score.into_iter().collect();
            ranked.sort_by(|(a, sa), (b, sb)| {
                sb.cmp(sa)
                    .then_with(|| match (position(a), position(b)) {
                        (Some(x), Some(y)) => x.cmp(&y),
                        (Some(_), None) => std::cmp::Ordering::Less,
                        (None, Some(_)) => std::cmp::Ordering::Greater,
                        (None, None) => std::cmp::Ordering::Equal,
                    })
                    .then_with(|| by_title(a, b))
            });
            related[i] = ranked
                .into_iter()
                .take(MAX_RELATED)
                .map(|(p, _)| p)
                .collect();
        }
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

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time rule [`links_in`] replaced, kept to hold it to.
    fn links_in_bytewise(line: &str, see_also: bool, out: &mut Vec<OutLink>) {
        let bytes = line.as_bytes();
        if !bytes.contains(&b']') {
            return;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('[')
            && let Some(i) = trimmed.find("]:")
        {
            push(target_at(&trimmed[i + 2..]), see_also, out);
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'`' => {
                    let n = run(&line[i..], b'`');
                    i = match line[i + n..].find(&"`".repeat(n)) {
                        Some(j) => i + n + j + n,
                        None => i + n,
                    };
                }
                b']' if bytes.get(i + 1) == Some(&b'(') => {
                    push(target_at(&line[i + 2..]), see_also, out);
                    i += 2;
                }
                _ => i += 1,
            }
        }
    }

    #[test]
    fn links_on_a_line_are_those_the_bytewise_rule_finds() {
        let pieces = [
            "[a](a.md)",
            "`",
            "``",
            "]",
            "](",
            "(",
            ")",
            " ",
            "x",
            "[b]: b.md",
            "<c d.md>",
            "](https://e.org/)",
            "é",
            "````````````````````",
            "](#top)",
            "\t",
        ];
        for line in crate::test_text::generated(&pieces, 20_000, 10) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            links_in(&line, true, &mut fast);
            links_in_bytewise(&line, true, &mut slow);
            assert_eq!(fast, slow, "{line:?}");
        }
    }

    fn targets(body: &str) -> Vec<(String, bool)> {
        scan(body)
            .into_iter()
            .map(|l| (l.target, l.see_also))
            .collect()
    }

    #[test]
    fn reads_links_and_the_see_also_part() {
        let body = "Intro [a](a.md) and `[not](code.md)`.\n\n```\n[no](fenced.md)\n```\n\n\
                    ## See also\n\n- [B](../b.md#x)\n- [ext](https://example.org/)\n\n\
                    ### Deeper\n\n[c]: c.md\n\n## Next\n\n[d](<d e.md> \"t\")\n";
        assert_eq!(
            targets(body),
            [
                ("a.md".to_owned(), false),
                ("../b.md#x".to_owned(), true),
                ("c.md".to_owned(), true),
                ("d e.md".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_bold_see_also_line_starts_the_part_too() {
        let body = "[a](a.md)\n\n**See also:**\n\n- [b](b.md)\n";
        assert_eq!(
            targets(body),
            [("a.md".to_owned(), false), ("b.md".to_owned(), true)]
        );
    }
}

//! The ranking held to the rule it replaced: every reason's points added up in a hash map, and
//! the totals sorted whole.

use super::*;

/// The rule [`Candidates::ranked`] replaced, kept to hold it to.
fn ranked_by_map(
    c: &Candidates<'_>,
    id: PageId,
    by_title: &impl Fn(&PageId, &PageId) -> Ordering,
) -> Vec<PageId> {
    let mut score: FxHashMap<PageId, u32> = FxHashMap::default();
    for to in c.see_also {
        *score.entry(*to).or_default() += SEE_ALSO;
    }
    for from in c.backlinks {
        *score.entry(*from).or_default() += LINKS_HERE;
    }
    for &(t, at) in &c.tags.places[id.0 as usize] {
        let list = &c.tags.lists[t];
        for k in 1..list.len().min(TAG_NEIGHBOURS + 1) {
            *score.entry(list[(at + k) % list.len()]).or_default() += SHARED_TAG;
        }
    }
    score.remove(&id);
    let position = |p: &PageId| c.see_also.iter().position(|s| s == p);
    let mut ranked: Vec<(PageId, u32)> = score.into_iter().collect();
    ranked.sort_by(|(a, sa), (b, sb)| {
        sb.cmp(sa)
            .then_with(|| match (position(a), position(b)) {
                (Some(x), Some(y)) => x.cmp(&y),
                (Some(_), None) => Ordering::Less,
                (None, Some(_)) => Ordering::Greater,
                (None, None) => Ordering::Equal,
            })
            .then_with(|| by_title(a, b))
    });
    ranked
        .into_iter()
        .take(MAX_RELATED)
        .map(|(p, _)| p)
        .collect()
}

#[test]
fn ranks_as_totals_sorted_whole_do() {
    const PAGES: usize = 40;
    let numbers: Vec<String> = (0..PAGES).map(|n| format!("{n} ")).collect();
    let pieces: Vec<&str> = numbers.iter().map(String::as_str).collect();
    // Lists of pages, long enough that a tag's list is sometimes cut to its neighbours.
    let lists = crate::test_text::generated(&pieces, 3000, 40);
    let mut lists = lists.iter().map(|text| {
        text.split_whitespace()
            .map(|n| PageId(n.parse().unwrap_or(0)))
            .collect::<Vec<_>>()
    });
    // Titles that often tie, so that the URL (here the page's number) decides.
    let titles = crate::test_text::generated(&["a", "b", "A"], PAGES, 3);
    let by_title = |a: &PageId, b: &PageId| {
        (titles[a.0 as usize].to_lowercase(), a.0).cmp(&(titles[b.0 as usize].to_lowercase(), b.0))
    };
    let distinct = |mut list: Vec<PageId>| {
        let mut seen = Vec::new();
        list.retain(|p| {
            !seen.contains(p) && {
                seen.push(*p);
                true
            }
        });
        list
    };
    let mut compared = 0;
    while let (Some(id), Some(see_also), Some(backlinks), Some(tag_count)) =
        (lists.next(), lists.next(), lists.next(), lists.next())
    {
        let tag_lists: Vec<Vec<PageId>> = (0..tag_count.len() % 4)
            .filter_map(|_| lists.next())
            .collect();
        let mut places = vec![Vec::new(); PAGES];
        for (t, list) in tag_lists.iter().enumerate() {
            for (i, p) in list.iter().enumerate() {
                places[p.0 as usize].push((t, i));
            }
        }
        let tags = Tags {
            lists: tag_lists,
            places,
        };
        let candidates = Candidates {
            see_also: &distinct(see_also),
            backlinks: &distinct(backlinks),
            tags: &tags,
        };
        let id = id.first().copied().unwrap_or(PageId(0));
        let want = ranked_by_map(&candidates, id, &by_title);
        assert_eq!(candidates.ranked(id, &by_title), want, "page {id:?}");
        compared += usize::from(want.len() == MAX_RELATED);
    }
    assert!(compared > 50, "{compared} full lists compared");
}

//! The ids of content tabs' radio inputs: pymdownx.tabbed's counters (`__tabbed_1_2`), or,
//! under `pymdownx.tabbed: slugify`, slugs of the titles, given once the page's headings have
//! theirs. pymdownx.tabbed names tabs in a tree pass that runs after `toc`'s, so a heading
//! `## Lumi` keeps `lumi` and a tab titled "Lumi" gets `lumi_1`, whether the tab comes before
//! the heading or after it. [`super::tabs`]' event part writes each set with its slug ids left
//! empty and notes here where each one goes (an output event and a byte offset in its HTML);
//! the event pass calls [`TabIds::fill`] when it has seen the whole page. Pages without such
//! tabs never get here.

use pulldown_cmark::Event;

use super::events::Pass;
use super::headings;
use super::ids::IdSet;

/// The slug ids a page's tabs wait for, in document order, and where each is written.
#[derive(Debug, Default)]
pub(super) struct TabIds {
    /// The slug of each tab's title (after its heading's id under `combine_header_slug`).
    bases: Vec<String>,
    /// Where ids go: (output event, byte offset in its HTML, index in `bases`), in the order
    /// they were noted.
    slots: Vec<(usize, usize, usize)>,
}

impl TabIds {
    /// Notes a tab whose id will be made unique from `base`; returns its index.
    pub(super) fn add(&mut self, base: String) -> usize {
        self.bases.push(base);
        self.bases.len() - 1
    }

    /// Notes that tab `tab`'s id goes at byte `offset` of output event `event`.
    pub(super) fn slot(&mut self, event: usize, offset: usize, tab: usize) {
        self.slots.push((event, offset, tab));
    }

    /// Takes each tab's id from `ids`, in document order, after every id the page already
    /// holds, and writes it where it goes in `out`.
    pub(super) fn fill(self, ids: &mut IdSet, out: &mut [Event<'_>]) {
        if self.bases.is_empty() {
            return;
        }
        let resolved: Vec<String> = self.bases.iter().map(|b| ids.unique(b)).collect();
        let mut slots = self.slots;
        // Back to front, so each insertion leaves the offsets still to fill where they were.
        slots.sort_unstable_by_key(|&(event, offset, _)| std::cmp::Reverse((event, offset)));
        for group in slots.chunk_by(|a, b| a.0 == b.0) {
            let Some(Event::Html(html)) = out.get_mut(group[0].0) else {
                continue;
            };
            let mut text = html.to_string();
            for &(_, offset, tab) in group {
                if text.is_char_boundary(offset) {
                    text.insert_str(offset, &resolved[tab]);
                }
            }
            *html = text.into();
        }
    }
}

/// The counter ids pymdownx.tabbed gives by default: `__tabbed_<set>_<tab>`.
pub(super) fn counter_ids(n: usize, count: usize) -> Vec<String> {
    (1..=count).map(|i| format!("__tabbed_{n}_{i}")).collect()
}

/// A title without Material icon shortcodes (`:octicons-image-16:`), which the icon extension
/// turns into images that add nothing to a slug.
pub(super) fn without_icons(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(start) = rest.find(':') {
        let after = &rest[start + 1..];
        let end = after.find(':');
        let is_icon = end.is_some_and(|e| {
            let name = &after[..e];
            name.contains('-')
                && name
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        });
        match (is_icon, end) {
            (true, Some(e)) => {
                out.push_str(&rest[..start]);
                rest = &after[e + 1..];
            }
            _ => {
                out.push_str(&rest[..=start]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// A title without its raw HTML tags (`Slower <small>smaller</small>`: `Slower smaller`), as
/// pymdownx.tabbed slugs the title's text, not its markup.
fn without_tags(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut rest = title;
    while let Some(start) = rest.find('<') {
        let after = &rest[start + 1..];
        let is_tag = after.starts_with(|c: char| c.is_ascii_alphabetic() || c == '/');
        match after.find('>').filter(|_| is_tag) {
            Some(end) => {
                out.push_str(&rest[..start]);
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[..=start]);
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The ids of a set's radio inputs: counters; or, when the site configures
/// `pymdownx.tabbed: slugify`, empty ids to be filled in by [`super::tab_ids`] once the page's
/// headings have theirs, with the index there of the set's first tab.
pub(super) fn set_ids(
    pass: &mut Pass<'_, '_>,
    n: usize,
    titles: &[String],
) -> (Vec<String>, Option<usize>) {
    if pass.input.features.tab_slugs.is_none() {
        return (counter_ids(n, titles.len()), None);
    }
    let mut first = None;
    for title in titles {
        let base = slug_base(pass, title).unwrap_or_default();
        let index = pass.tab_ids.add(base);
        first.get_or_insert(index);
    }
    (vec![String::new(); titles.len()], first)
}

/// The slug a tab's id is made from, when the site configures `pymdownx.tabbed: slugify`:
/// the title's, after the last heading's id under `combine_header_slug`.
pub(super) fn slug_base(pass: &Pass<'_, '_>, title: &str) -> Option<String> {
    let features = pass.input.features;
    let slug = headings::slug(&without_tags(&without_icons(title)), features.tab_slugs?);
    Some(
        match pass
            .result
            .headings
            .last()
            .filter(|_| features.combine_header_slug)
        {
            Some(heading) => format!("{}-{slug}", heading.id),
            None => slug,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_come_after_the_pages_other_ids_and_go_where_noted() {
        let mut ids = IdSet::default();
        let mut tabs = TabIds::default();
        let first = tabs.add("lumi".into());
        let second = tabs.add("other".into());
        tabs.slot(1, 7, first);
        tabs.slot(1, 16, second);
        tabs.slot(1, 30, first);
        // The heading after the tabs on the page took its id during the pass.
        assert_eq!(ids.unique("lumi"), "lumi");
        let mut out = vec![
            Event::Html("<h2>".into()),
            Event::Html("<i id=\"\"><i id=\"\"><label for=\"\">".into()),
        ];
        tabs.fill(&mut ids, &mut out);
        assert_eq!(
            out[1],
            Event::Html("<i id=\"lumi_1\"><i id=\"other\"><label for=\"lumi_1\">".into())
        );
        assert_eq!(out[0], Event::Html("<h2>".into()));
    }

    #[test]
    fn icons_are_left_out_of_slugs() {
        assert_eq!(without_icons(":octicons-image-16: Image"), " Image");
        assert_eq!(without_icons("Ratio 1:2 and a:b"), "Ratio 1:2 and a:b");
    }

    #[test]
    fn html_tags_are_left_out_of_slugs() {
        assert_eq!(without_tags("Fast <small>big</small>"), "Fast big");
        assert_eq!(without_tags("a < b > c and <3"), "a < b > c and <3");
        assert_eq!(
            headings::slugify(&without_tags("Lean <em>and</em> small")),
            "lean-and-small"
        );
    }
}

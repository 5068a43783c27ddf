//! Ids unique within one page, handed out the way Python-Markdown's `toc` does; headings,
//! tabs, code blocks, footnotes and raw HTML all draw from one [`IdSet`] per page.

use std::collections::{HashMap, HashSet};

/// Hands out ids unique within one page, the way Python-Markdown's `toc` does: a taken id
/// `x` is followed by `x_1`, and a taken `x_N` by `x_{N+1}` (so `step_1` repeated gives
/// `step_2`, not `step_1_1`).
///
/// Each id has one fixed chain of candidates, so a taken id remembers where its chain was
/// last found free (`skip`); later lookups jump there instead of walking the chain again.
/// With that shortcut (path compression), n ids cost O(n log n) lookups, not O(n^2), even
/// when every heading of a page is `## See also`.
#[derive(Debug, Default)]
pub struct IdSet {
    used: HashSet<String>,
    /// For a taken id: a later candidate of its chain; every candidate before it is taken.
    skip: HashMap<String, String>,
}

impl IdSet {
    /// Reserves an id the author chose (`{#id}`), as is.
    pub fn reserve(&mut self, id: &str) {
        if !self.used.contains(id) {
            self.used.insert(id.to_owned());
        }
    }

    /// The first free id of the chain `base`, `base_1`, `base_2`, ... (an empty id is never
    /// free), which it then takes.
    pub fn unique(&mut self, base: &str) -> String {
        let mut passed = Vec::new();
        let mut candidate = base.to_owned();
        while candidate.is_empty() || self.used.contains(&candidate) {
            let next = match self.skip.get(&candidate) {
                Some(next) => next.clone(),
                None => next_candidate(&candidate),
            };
            passed.push(std::mem::replace(&mut candidate, next));
        }
        for id in passed {
            self.skip.insert(id, candidate.clone());
        }
        self.used.insert(candidate.clone());
        candidate
    }

    pub fn contains(&self, id: &str) -> bool {
        self.used.contains(id)
    }

    /// The ids taken, for [`Rendered::ids`](super::Rendered::ids).
    pub fn into_ids(self) -> PageIds {
        PageIds::from(self.used.into_iter().collect::<Vec<_>>())
    }
}

/// Every id on a page, sorted, each once: what an anchor check looks a fragment up in, and
/// what the build cache keeps of it as it is (a page has a few; a rebuild brings back every
/// page's, where a hash set was built and taken apart again for each).
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageIds(Vec<String>);

impl PageIds {
    pub fn contains(&self, id: &str) -> bool {
        self.0.binary_search_by(|i| i.as_str().cmp(id)).is_ok()
    }

    /// Adds ids (some perhaps there already).
    pub fn extend(&mut self, ids: impl IntoIterator<Item = String>) {
        self.0.extend(ids);
        self.0.sort_unstable();
        self.0.dedup();
    }

    pub fn shrink_to_fit(&mut self) {
        self.0.shrink_to_fit();
    }

    /// The ids, sorted.
    pub fn into_sorted(self) -> Vec<String> {
        self.0
    }
}

impl From<Vec<String>> for PageIds {
    fn from(mut ids: Vec<String>) -> PageIds {
        ids.sort_unstable();
        ids.dedup();
        PageIds(ids)
    }
}

/// The candidate after a taken id, as Python-Markdown's `toc` makes it: `x_N` (the number
/// being the digits after the last `_`, leading zeros dropped) becomes `x_{N+1}`, anything
/// else `x_1`.
fn next_candidate(id: &str) -> String {
    let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
    let digits = &id[stem.len()..];
    match stem.strip_suffix('_') {
        Some(prefix) if !digits.is_empty() => format!("{prefix}_{}", plus_one(digits)),
        _ => format!("{id}_1"),
    }
}

/// `digits + 1` in decimal, however long, without leading zeros.
fn plus_one(digits: &str) -> String {
    let mut out = digits.trim_start_matches('0').as_bytes().to_vec();
    let mut i = out.len();
    loop {
        if i == 0 {
            out.insert(0, b'1');
            break;
        }
        i -= 1;
        if out[i] == b'9' {
            out[i] = b'0';
        } else {
            out[i] += 1;
            break;
        }
    }
    out.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;
    use crate::markdown::headings::slugify;

    #[test]
    fn unique_ids() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("gotchas"), "gotchas");
        assert_eq!(ids.unique("gotchas"), "gotchas_1");
        assert_eq!(ids.unique("gotchas"), "gotchas_2");
        assert_eq!(ids.unique(""), "_1");
    }

    /// Ids of headings in order, with `Some(id)` for an explicit `{#id}` (reserved first, as
    /// MkDocs does) and `None` for a generated one from the slug.
    fn page_ids(headings: &[(&str, Option<&str>)]) -> Vec<String> {
        let mut ids = IdSet::default();
        for (_, explicit) in headings {
            if let Some(id) = explicit {
                ids.reserve(id);
            }
        }
        headings
            .iter()
            .map(|(text, explicit)| match explicit {
                Some(id) => id.to_string(),
                None => ids.unique(&slugify(text)),
            })
            .collect()
    }

    // Every expectation below is what Python-Markdown 3.x's toc gives for the same headings
    // (checked with /work/shared/tools/mkdocs_reference.py).
    #[test]
    fn repeated_ids_follow_python_markdown() {
        let got = page_ids(&[
            ("See also", None),
            ("See also 1", None),
            ("See also", Some("see-also_1")),
            ("See also", None),
            ("See also", None),
            ("See also_1", None),
        ]);
        let want = [
            "see-also",
            "see-also-1",
            "see-also_1",
            "see-also_2",
            "see-also_3",
            "see-also_4",
        ];
        assert_eq!(got, want);
        let got = page_ids(&[
            ("Step_1", None),
            ("Step_1", None),
            ("Step_1", None),
            ("x_007", None),
            ("x_007", None),
            ("a_", None),
            ("a_", None),
            ("a_1_9", None),
            ("a_1_9", None),
            ("", None),
            ("", None),
        ]);
        let want = [
            "step_1", "step_2", "step_3", "x_007", "x_8", "a_", "a__1", "a_1_9", "a_1_10", "_1",
            "_2",
        ];
        assert_eq!(got, want);
        let got = page_ids(&[("a_0", None), ("a_0", None), ("a_00", None), ("a_00", None)]);
        assert_eq!(got, ["a_0", "a_1", "a_00", "a_2"]);
        let got = page_ids(&[("v_99999999999999999999", None); 2]);
        assert_eq!(got, ["v_99999999999999999999", "v_100000000000000000000"]);
    }

    /// The chain walked one candidate at a time, as Python-Markdown does.
    fn walk_chain(used: &mut HashSet<String>, base: &str) -> String {
        let mut id = base.to_owned();
        while id.is_empty() || used.contains(&id) {
            id = next_candidate(&id);
        }
        used.insert(id.clone());
        id
    }

    #[test]
    fn shortcuts_give_the_ids_of_the_plain_walk() {
        let bases = ["a", "a_1", "a_2", "a_01", "a_10", "", "_1", "b", "a_1_1"];
        let mut ids = IdSet::default();
        let mut model = HashSet::new();
        let mut seed: u64 = 7;
        for step in 0..2000 {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let base = bases[(seed >> 33) as usize % bases.len()];
            if (seed >> 20).is_multiple_of(7) {
                // An explicit id or a raw HTML id further along some chain.
                let id = format!("{base}_{}", (seed >> 40) % 300);
                ids.reserve(&id);
                model.insert(id);
            } else {
                assert_eq!(
                    ids.unique(base),
                    walk_chain(&mut model, base),
                    "step {step}"
                );
            }
        }
    }

    #[test]
    fn thousands_of_repeats_get_consecutive_ids() {
        let mut ids = IdSet::default();
        assert_eq!(ids.unique("see-also"), "see-also");
        for n in 1..20_000 {
            assert_eq!(ids.unique("see-also"), format!("see-also_{n}"));
        }
    }

    /// A page's ids, looked up by binary search and added to in batches, answer as a hash
    /// set of the same ids does, over generated ids.
    #[test]
    fn page_ids_answer_as_a_set_of_them_does() {
        let pieces = ["a", "b", "_1", "-", "é", "Z"];
        let texts = crate::test_text::generated(&pieces, 600, 4);
        let mut set = HashSet::new();
        let mut ids = PageIds::from(texts[..50].to_vec());
        set.extend(texts[..50].iter().cloned());
        for batch in texts[50..300].chunks(25) {
            ids.extend(batch.iter().cloned());
            set.extend(batch.iter().cloned());
        }
        for text in &texts {
            assert_eq!(ids.contains(text), set.contains(text), "{text:?}");
        }
        let sorted = ids.into_sorted();
        assert_eq!(sorted.len(), set.len());
        assert!(sorted.windows(2).all(|w| w[0] < w[1]));
    }
}

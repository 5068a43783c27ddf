//! Heading ids and the table of contents.
//!
//! Ids are the ones MkDocs gives (Python-Markdown's `toc` slugify), so `page.md#anchor` links
//! written against an MkDocs site keep working: ASCII-folded, lower-cased, everything but
//! letters, digits, `_`, `-` and spaces dropped, runs of spaces and hyphens turned into one `-`;
//! a repeated id gets `_1`, `_2`, ...

use std::collections::{HashMap, HashSet};

use serde::Serialize;
use unicode_normalization::UnicodeNormalization;

/// Python-Markdown's default `toc` slugify.
pub fn slugify(text: &str) -> String {
    let folded: String = text.nfkd().filter(char::is_ascii).collect();
    let kept: String = folded
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || c.is_ascii_whitespace())
        .collect();
    let mut out = String::with_capacity(kept.len());
    let mut pending_sep = false;
    for c in kept.trim().chars() {
        if c == '-' || c.is_ascii_whitespace() {
            pending_sep = true;
        } else {
            if pending_sep {
                out.push('-');
                pending_sep = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    if pending_sep {
        out.push('-');
    }
    out
}

/// `pymdownx.slugs.slugify`: Unicode kept (NFC), optionally lower-cased, everything but word
/// characters, `-` and spaces dropped, each space turned into `-`.
pub fn slugify_unicode(text: &str, lowercase: bool) -> String {
    let normalized: String = text.nfc().collect();
    let trimmed = normalized.trim();
    let cased = if lowercase {
        trimmed.to_lowercase()
    } else {
        trimmed.to_owned()
    };
    cased
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == '_' || *c == '-' || *c == ' ')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The slug of a heading's text in the site's style.
pub fn slug(text: &str, style: super::SlugStyle) -> String {
    match style {
        super::SlugStyle::Toc => slugify(text),
        super::SlugStyle::Unicode { lowercase } => slugify_unicode(text, lowercase),
    }
}

/// A heading's `{ #id .class key=value }` attributes with `id="..."` and `class="..."` pairs
/// folded into the id and the classes (quotes around values removed).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HeadingAttrs {
    pub id: Option<String>,
    pub classes: Vec<String>,
    pub others: Vec<(String, String)>,
}

impl HeadingAttrs {
    pub fn new(
        id: Option<&str>,
        classes: &[impl AsRef<str>],
        attrs: &[(impl AsRef<str>, Option<impl AsRef<str>>)],
    ) -> Self {
        let mut out = HeadingAttrs {
            id: id.map(str::to_owned),
            classes: classes.iter().map(|c| c.as_ref().to_owned()).collect(),
            others: Vec::new(),
        };
        for (name, value) in attrs {
            let value = value
                .as_ref()
                .map_or("", |v| v.as_ref())
                .trim_matches(['"', '\''])
                .to_owned();
            match name.as_ref() {
                "id" => out.id = Some(value),
                "class" => out
                    .classes
                    .extend(value.split_whitespace().map(str::to_owned)),
                other => out.others.push((other.to_owned(), value)),
            }
        }
        out
    }
}

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

    pub fn into_set(self) -> HashSet<String> {
        self.used
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

/// One heading of a page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    /// Plain text, for the table of contents.
    pub title: String,
}

/// A table-of-contents entry: an `h2` with the `h3`s under it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TocEntry {
    pub id: String,
    pub title: String,
    pub children: Vec<TocEntry>,
}

/// Builds a two-level table of contents from the `h2`/`h3` headings.
pub fn toc(headings: &[Heading]) -> Vec<TocEntry> {
    let mut out: Vec<TocEntry> = Vec::new();
    for h in headings {
        let entry = TocEntry {
            id: h.id.clone(),
            title: h.title.clone(),
            children: Vec::new(),
        };
        match (h.level, out.last_mut()) {
            (2, _) | (3, None) => out.push(entry),
            (3, Some(parent)) => parent.children.push(entry),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_match_python_markdown() {
        assert_eq!(slugify("See also"), "see-also");
        assert_eq!(
            slugify("Is foreach async in Python?"),
            "is-foreach-async-in-python"
        );
        assert_eq!(slugify("Café — crème brûlée"), "cafe-creme-brulee");
        assert_eq!(slugify("  a -- b  "), "a-b");
        assert_eq!(slugify("snake_case & `code`"), "snake_case-code");
        assert_eq!(slugify("日本語"), "");
    }

    #[test]
    fn unicode_slugs_match_pymdownx() {
        assert_eq!(slugify_unicode("Café  Crème", true), "café--crème");
        assert_eq!(slugify_unicode("日本語 Text", false), "日本語-Text");
        assert_eq!(slugify_unicode("a & b?", true), "a--b");
    }

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

    #[test]
    fn toc_nests_h3_under_h2() {
        let h = |level, id: &str| Heading {
            level,
            id: id.into(),
            title: id.into(),
        };
        let t = toc(&[h(1, "t"), h(2, "a"), h(3, "b"), h(2, "c")]);
        assert_eq!(t.len(), 2);
        assert_eq!(t[0].children[0].id, "b");
    }
}

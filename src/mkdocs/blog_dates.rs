//! Material for MkDocs' blog dates: a post's front matter may say
//! `date: {created: 2024-01-31, updated: 2024-02-02}` where a page says `date: 2024-01-31`.
//!
//! Only tried when a page's front matter did not parse: the `date` block is cut out of the
//! YAML (its lines left blank, so every other line keeps its number) and its two dates are
//! returned with their lines, for the usual date checks.

use std::path::Path;

use serde::Deserialize;

use crate::yaml::{self, Spanned};

/// The dates of a `date:` mapping, located in the page's file.
#[derive(Debug)]
pub struct BlogDates {
    /// The front matter without its `date` block.
    pub yaml: String,
    pub created: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
}

#[derive(Deserialize)]
struct Probe {
    date: Option<DateMap>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DateMap {
    created: Option<Spanned<String>>,
    updated: Option<Spanned<String>>,
}

/// The blog dates of front matter `yaml` (which starts on line 2 of `path`), when its `date`
/// is such a mapping.
pub fn read(yaml: &str, path: &Path) -> Option<BlogDates> {
    let dates = yaml::parse::<Probe>(yaml, path, 2).ok()?.date?;
    let mut in_block = false;
    let rest: Vec<&str> = yaml
        .split_inclusive('\n')
        .map(|line| {
            let indented = line.starts_with([' ', '\t']) || line.trim().is_empty();
            in_block = line.starts_with("date:") || (in_block && indented);
            if in_block {
                if line.ends_with("\r\n") { "\r\n" } else { "\n" }
            } else {
                line
            }
        })
        .collect();
    Some(BlogDates {
        yaml: rest.concat(),
        created: dates.created,
        updated: dates.updated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_the_date_block_and_keeps_lines() {
        let yaml = "title: T\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\nslug: s\n";
        let d = read(yaml, Path::new("docs/p.md")).unwrap();
        assert_eq!(d.yaml, "title: T\n\n\n\nslug: s\n");
        let created = d.created.unwrap();
        assert_eq!(created.value, "2026-02-18");
        assert_eq!(yaml::line_of(&created, 2), 4);
        assert_eq!(d.updated.unwrap().value, "2026-04-13");
    }

    #[test]
    fn plain_dates_are_not_blog_dates() {
        assert!(read("date: 2026-02-18\n", Path::new("p.md")).is_none());
        assert!(read("title: x\n", Path::new("p.md")).is_none());
    }
}

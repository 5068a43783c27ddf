//! Front matter: the YAML block between `---` lines at the top of a page, split from the body
//! and parsed into what the file says. Derived values (URL, summary) live elsewhere.

mod fast;
#[cfg(test)]
mod fast_equivalence;

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::config::MetaTag;
use crate::diagnostics::Diagnostic;
use crate::yaml::{self, Spanned};

/// What a page's front matter says, as written.
#[derive(Debug, Default, PartialEq, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub meta: Vec<MetaTag>,
    pub date: Option<Spanned<DateField>>,
    pub updated: Option<Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
    /// `faq: false` turns off the generated FAQPage JSON-LD for this page.
    pub faq: Option<bool>,
    /// Every other key (MkDocs users have `tags`, `hide`, `template`, ...), handed to templates.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

impl FrontMatter {
    /// The title the front matter gives, when it gives one that is not blank (a blank one
    /// counts as none: the page's H1 names it then).
    pub fn given_title(&self) -> Option<&str> {
        self.title.as_deref().filter(|t| !t.trim().is_empty())
    }
}

/// `date:` as written: a day or time, or the `{created, updated}` mapping Material for
/// MkDocs' blog posts use.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(
    untagged,
    expecting = "a date, or a mapping with `created` and `updated` dates"
)]
pub enum DateField {
    Day(String),
    Blog(BlogDates),
}

/// `date: {created: 2024-01-31, updated: 2024-02-02}`.
#[derive(Debug, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlogDates {
    pub created: Option<String>,
    pub updated: Option<String>,
}

/// A page's text cut in two.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the fences, if the page has front matter.
    pub yaml: Option<&'a str>,
    /// Byte offset of the markdown body in the file.
    pub body_offset: usize,
    /// 1-based line of the file on which the body starts.
    pub body_line: usize,
}

/// Splits `text` into front matter and body. Front matter starts with a `---` first line and
/// ends at the next line that is `---` or `...`; without a closing line there is none.
pub fn split(text: &str) -> Split<'_> {
    let none = Split {
        yaml: None,
        body_offset: 0,
        body_line: 1,
    };
    let text_no_bom = text.strip_prefix('\u{feff}').unwrap_or(text);
    let bom = text.len() - text_no_bom.len();
    let Some(first_end) = memchr::memchr(b'\n', text_no_bom.as_bytes()) else {
        return none;
    };
    if text_no_bom[..first_end].trim_end() != "---" {
        return none;
    }
    let yaml_start = bom + first_end + 1;
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = memchr::memchr(b'\n', &text.as_bytes()[pos..]).map_or(text.len(), |i| pos + i);
        let current = text[pos..end].trim_end();
        if current == "---" || current == "..." {
            let body_offset = (end + 1).min(text.len());
            return Split {
                yaml: Some(&text[yaml_start..pos]),
                body_offset,
                body_line: line + 1,
            };
        }
        pos = end + 1;
        line += 1;
    }
    none
}

/// Parses front matter YAML that starts on line 2 of `path`: the common shape by the fast
/// path ([`fast`]), everything else, and every error, by the YAML parser.
pub fn parse(yaml_text: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    if let Some(front) = fast::parse(yaml_text) {
        return Ok(front);
    }
    parse_with_parser(yaml_text, path)
}

/// Parses front matter YAML with the YAML parser alone (what [`parse`] falls back to).
fn parse_with_parser(yaml_text: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    yaml::parse(yaml_text, path, 2).map_err(|mut d| {
        d.message = format!("invalid front matter: {}", d.message);
        d
    })
}

/// A `date`/`updated` value that was checked to be a date or an RFC 3339 time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct PageDate {
    /// As a W3C datetime, fit for the sitemap's `lastmod` and `<time datetime>`.
    pub machine: String,
    /// The calendar day, `YYYY-MM-DD`, for readers.
    pub day: String,
}

impl PageDate {
    /// The moment this date stands for, to find the latest of several: a plain day is its
    /// midnight in UTC.
    pub fn instant(&self) -> Option<jiff::Timestamp> {
        let midnight = || {
            let day = self.machine.parse::<jiff::civil::Date>().ok()?;
            day.to_zoned(jiff::tz::TimeZone::UTC)
                .ok()
                .map(|z| z.timestamp())
        };
        // `YYYY-MM-DD`, the usual value, is too short for a time: read as a day at once.
        if self.machine.len() == "YYYY-MM-DD".len() {
            return midnight();
        }
        self.machine
            .parse::<jiff::Timestamp>()
            .ok()
            .or_else(midnight)
    }
}

/// The page's checked `date` and `updated` (a blog post's `date.updated` wins over a
/// top-level `updated`), with a diagnostic for each value that is not a date.
pub fn dates(
    front: &FrontMatter,
    path: &Path,
) -> (Option<PageDate>, Option<PageDate>, Vec<Diagnostic>) {
    let mut problems = Vec::new();
    let mut check = |text: Option<&str>, line: usize, key: &str| {
        text.and_then(|t| {
            parse_date(t, line, key, path)
                .map_err(|d| problems.push(d))
                .ok()
        })
    };
    let updated_line = front.updated.as_ref().map_or(0, |u| yaml::line_of(u, 2));
    let top_updated = front.updated.as_ref().map(|u| u.value.as_str());
    let (date, updated) = match &front.date {
        Some(spanned) => {
            let line = yaml::line_of(spanned, 2);
            match &spanned.value {
                DateField::Day(day) => (
                    check(Some(day), line, "date"),
                    check(top_updated, updated_line, "updated"),
                ),
                DateField::Blog(blog) => (
                    check(blog.created.as_deref(), line, "date.created"),
                    check(blog.updated.as_deref(), line, "date.updated")
                        .or_else(|| check(top_updated, updated_line, "updated")),
                ),
            }
        }
        None => (None, check(top_updated, updated_line, "updated")),
    };
    (date, updated, problems)
}

/// Checks a `date`/`updated` value written on `line`: `2025-10-07` or an RFC 3339 time such
/// as `2025-10-07T09:30:00+02:00`.
fn parse_date(written: &str, line: usize, key: &str, path: &Path) -> Result<PageDate, Diagnostic> {
    let text = written.trim();
    let is_plain_day = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    if is_plain_day && text.parse::<jiff::civil::Date>().is_ok() {
        return Ok(PageDate {
            machine: text.to_owned(),
            day: text.to_owned(),
        });
    }
    if text.len() > 10 && text.parse::<jiff::Timestamp>().is_ok() {
        let machine = text.replacen(' ', "T", 1);
        return Ok(PageDate {
            day: machine[..10].to_owned(),
            machine,
        });
    }
    Err(Diagnostic::error(
        path,
        Some(line),
        format!(
            "`{key}: {written}` is not a date: write YYYY-MM-DD or an RFC 3339 time like 2025-10-07T09:30:00Z"
        ),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_and_counts_lines() {
        let text = "---\ntitle: a\n---\n# H\n";
        let s = split(text);
        assert_eq!(s.yaml, Some("title: a\n"));
        assert_eq!(&text[s.body_offset..], "# H\n");
        assert_eq!(s.body_line, 4);
    }

    #[test]
    fn no_front_matter_without_closing_fence() {
        let s = split("---\ntitle: a\n# H\n");
        assert_eq!(s.yaml, None);
        assert_eq!(s.body_line, 1);
    }

    #[test]
    fn crlf_and_bom() {
        let text = "\u{feff}---\r\ntitle: a\r\n---\r\nbody";
        let s = split(text);
        assert_eq!(s.yaml, Some("title: a\r\n"));
        assert_eq!(&text[s.body_offset..], "body");
    }

    #[test]
    fn yaml_errors_point_at_the_file_line() {
        let err = parse("title: a\ndate: [2025\n", Path::new("content/x.md")).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn checks_dates_and_their_lines() {
        let path = Path::new("x.md");
        let fm = parse(
            "date: 2025-10-07\nupdated: \"2025-10-08T10:00:00+02:00\"\n",
            path,
        )
        .unwrap();
        let (d, u, problems) = dates(&fm, path);
        assert!(problems.is_empty());
        assert_eq!(d.unwrap().day, "2025-10-07");
        assert_eq!(u.unwrap().machine, "2025-10-08T10:00:00+02:00");
        let bad = parse("title: t\ndate: 2025-13-07\n", path).unwrap();
        let (d, _, problems) = dates(&bad, path);
        assert!(d.is_none());
        assert_eq!(problems[0].line, Some(3));
    }

    #[test]
    fn blog_dates() {
        let path = Path::new("docs/p.md");
        let fm = parse(
            "title: T\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\nslug: s\n",
            path,
        )
        .unwrap();
        let (d, u, problems) = dates(&fm, path);
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(d.unwrap().day, "2026-02-18");
        assert_eq!(u.unwrap().day, "2026-04-13");
        assert!(parse("date:\n  bogus: 1\n", path).is_err());
    }
}

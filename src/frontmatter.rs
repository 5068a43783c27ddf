//! Front matter: the YAML block between `---` lines at the top of a page, split from the body
//! and parsed into what the file says. Derived values (URL, summary) live elsewhere.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::config::MetaTag;
use crate::diagnostics::Diagnostic;
use crate::yaml::{self, Spanned};

/// What a page's front matter says, as written.
#[derive(Debug, Default, Deserialize)]
pub struct FrontMatter {
    pub title: Option<String>,
    pub description: Option<String>,
    #[serde(default)]
    pub meta: Vec<MetaTag>,
    pub date: Option<Spanned<String>>,
    pub updated: Option<Spanned<String>>,
    #[serde(default)]
    pub draft: bool,
    /// `faq: false` turns off the generated FAQPage JSON-LD for this page.
    pub faq: Option<bool>,
    /// Every other key (MkDocs users have `tags`, `hide`, `template`, ...), handed to templates.
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
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
    let Some(first_end) = text_no_bom.find('\n') else {
        return none;
    };
    if text_no_bom[..first_end].trim_end() != "---" {
        return none;
    }
    let yaml_start = bom + first_end + 1;
    let mut pos = yaml_start;
    let mut line = 2;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
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

/// Parses front matter YAML that starts on line 2 of `path`.
pub fn parse(yaml_text: &str, path: &Path) -> Result<FrontMatter, Diagnostic> {
    if yaml_text.trim().is_empty() {
        return Ok(FrontMatter::default());
    }
    yaml::parse(yaml_text, path, 2).map_err(|mut d| {
        d.message = format!("invalid front matter: {}", d.message);
        d
    })
}

/// A `date`/`updated` value that was checked to be a date or an RFC 3339 time.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct PageDate {
    /// As a W3C datetime, fit for the sitemap's `lastmod` and `<time datetime>`.
    pub machine: String,
    /// The calendar day, `YYYY-MM-DD`, for readers.
    pub day: String,
}

/// Checks a `date`/`updated` value: `2025-10-07` or an RFC 3339 time such as
/// `2025-10-07T09:30:00+02:00`.
pub fn parse_date(value: &Spanned<String>, key: &str, path: &Path) -> Result<PageDate, Diagnostic> {
    let text = value.value.trim();
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
        Some(yaml::line_of(value, 2)),
        format!(
            "`{key}: {}` is not a date: write YYYY-MM-DD or an RFC 3339 time like 2025-10-07T09:30:00Z",
            value.value
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
    fn dates() {
        let fm = parse(
            "date: 2025-10-07\nupdated: \"2025-10-08T10:00:00+02:00\"\n",
            Path::new("x.md"),
        )
        .unwrap();
        let d = parse_date(fm.date.as_ref().unwrap(), "date", Path::new("x.md")).unwrap();
        assert_eq!(d.day, "2025-10-07");
        let u = parse_date(fm.updated.as_ref().unwrap(), "updated", Path::new("x.md")).unwrap();
        assert_eq!(u.machine, "2025-10-08T10:00:00+02:00");
        let bad = parse("title: t\ndate: 2025-13-07\n", Path::new("x.md")).unwrap();
        let err = parse_date(bad.date.as_ref().unwrap(), "date", Path::new("x.md")).unwrap_err();
        assert_eq!(err.line, Some(3));
    }
}

//! `answerbook check --external`: every `http(s)://` link and image of the site asked about
//! once (HEAD, GET where HEAD is refused), a few at a time, and each link that answers with an
//! error reported where it is written. Answers are kept for a day in [`cache`], beside the
//! output folder, so a second check within the day asks no server again.
//!
//! [`super::Checker`] collects the links as it looks at each page; [`check`] runs at the end.

pub(crate) mod cache;
#[cfg(feature = "external-links")]
mod fetch;
#[cfg(feature = "external-links")]
pub(crate) mod pool;

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::Duration;

use crate::diagnostics::Diagnostic;

use cache::{Answer, Links};

/// Requests at once, in all.
#[cfg(feature = "external-links")]
const OVERALL: usize = 8;
/// Requests at once to one host.
#[cfg(feature = "external-links")]
const PER_HOST: usize = 2;

/// How external links are checked.
#[derive(Debug, Clone)]
pub struct Settings {
    /// For each request.
    pub timeout: Duration,
    /// The links cache ([`cache::path_for`] the output folder).
    pub cache_file: PathBuf,
}

/// One external link, where it is written.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Link {
    pub url: String,
    pub path: PathBuf,
    pub line: usize,
    pub column: usize,
}

/// Whether `dest` is a link this check asks a server about.
pub fn is_external(dest: &str) -> bool {
    let lower = dest.get(..8).unwrap_or(dest).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Whether answerbook was built with the HTTP client (the `external-links` feature).
pub const AVAILABLE: bool = cfg!(feature = "external-links");

/// Every link asked about (or its answer taken from the cache) and what is wrong reported: a
/// warning for an error status or no answer, a note for a permanent redirect or a server that
/// asked to slow down.
pub fn check(settings: &Settings, links: Vec<Link>) -> Vec<Diagnostic> {
    let mut by_url: BTreeMap<String, Vec<Link>> = BTreeMap::new();
    for link in links {
        let url = link.url.split('#').next().unwrap_or("").to_owned();
        by_url.entry(url).or_default().push(link);
    }
    let now = seconds_now();
    let mut known = Links::load(&settings.cache_file, now);
    let asked: Vec<String> = by_url
        .keys()
        .filter(|url| known.get(url).is_none())
        .cloned()
        .collect();
    let mut fetched: BTreeMap<String, Result<Answer, String>> = BTreeMap::new();
    if !asked.is_empty() {
        for (url, result) in fetch_all(asked, settings.timeout, now) {
            if let Ok(answer) = &result
                && cache::keeps(answer.status)
            {
                known.insert(url.clone(), answer.clone());
            }
            fetched.insert(url, result);
        }
        known.save(&settings.cache_file);
    }
    let mut out = Vec::new();
    for (url, places) in &by_url {
        let result = match fetched.get(url) {
            Some(result) => result.clone(),
            None => known.get(url).cloned().ok_or_else(String::new),
        };
        for link in places {
            if let Some(d) = diagnostic(link, &result) {
                out.push(d.with_column(Some(link.column)));
            }
        }
    }
    out
}

/// What to say about one link given what its URL answered, if anything.
fn diagnostic(link: &Link, result: &Result<Answer, String>) -> Option<Diagnostic> {
    let (path, line, url) = (&link.path, Some(link.line), &link.url);
    let answer = match result {
        Ok(answer) => answer,
        Err(reason) => {
            return Some(Diagnostic::warning(
                path,
                line,
                format!("external link {url} could not be checked: {reason}"),
            ));
        }
    };
    let status = answer.status;
    if (200..300).contains(&status) {
        let moved = answer.moved_to.as_ref()?;
        return Some(Diagnostic::note(
            path,
            line,
            format!("external link {url} has moved permanently to {moved}: link there directly"),
        ));
    }
    if status == 429 {
        return Some(Diagnostic::note(
            path,
            line,
            format!("external link {url} was not checked: the server asked to slow down (429)"),
        ));
    }
    let at = answer
        .ended_at
        .as_ref()
        .map(|end| format!(" (redirected to {end})"))
        .unwrap_or_default();
    Some(Diagnostic::warning(
        path,
        line,
        format!("external link {url} answered {status}{at}"),
    ))
}

#[cfg(feature = "external-links")]
fn fetch_all(
    urls: Vec<String>,
    timeout: Duration,
    now: u64,
) -> Vec<(String, Result<Answer, String>)> {
    let fetcher = fetch::Fetcher::new(timeout);
    let limits = pool::Limits {
        overall: OVERALL,
        per_host: PER_HOST,
    };
    pool::run(urls, limits, |url| fetcher.fetch(url, now))
}

/// Without the HTTP client every link is left unchecked (the command line refuses
/// `--external` before it gets here).
#[cfg(not(feature = "external-links"))]
fn fetch_all(
    urls: Vec<String>,
    _timeout: Duration,
    _now: u64,
) -> Vec<(String, Result<Answer, String>)> {
    let why = "this answerbook was built without the external-links feature".to_owned();
    urls.into_iter().map(|u| (u, Err(why.clone()))).collect()
}

/// The wall clock (not `SOURCE_DATE_EPOCH`: a pinned date would keep answers forever).
fn seconds_now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link() -> Link {
        Link {
            url: "https://a.test/x#part".into(),
            path: "content/a.md".into(),
            line: 3,
            column: 5,
        }
    }

    fn answer(status: u16, moved_to: Option<&str>, ended_at: Option<&str>) -> Answer {
        Answer {
            checked: 0,
            status,
            moved_to: moved_to.map(Into::into),
            ended_at: ended_at.map(Into::into),
        }
    }

    fn said(result: Result<Answer, String>) -> Option<String> {
        diagnostic(&link(), &result).map(|d| d.to_string())
    }

    #[test]
    fn what_each_answer_says() {
        assert_eq!(said(Ok(answer(200, None, None))), None);
        assert_eq!(
            said(Ok(answer(404, None, None))).as_deref(),
            Some("content/a.md:3: warning: external link https://a.test/x#part answered 404")
        );
        assert_eq!(
            said(Ok(answer(410, None, Some("https://a.test/y")))).as_deref(),
            Some(
                "content/a.md:3: warning: external link https://a.test/x#part answered 410 (redirected to https://a.test/y)"
            )
        );
        assert_eq!(
            said(Ok(answer(200, Some("https://b.test/"), None))).as_deref(),
            Some(
                "content/a.md:3: note: external link https://a.test/x#part has moved permanently to https://b.test/: link there directly"
            )
        );
        assert!(
            said(Ok(answer(429, None, None)))
                .unwrap()
                .contains(": note: ")
        );
        assert_eq!(
            said(Err("no answer within 10 s".into())).as_deref(),
            Some(
                "content/a.md:3: warning: external link https://a.test/x#part could not be checked: no answer within 10 s"
            )
        );
    }

    #[test]
    fn only_http_and_https_are_external() {
        assert!(is_external("https://a.test/"));
        assert!(is_external("HTTP://a.test/"));
        assert!(!is_external("mailto:a@b.test"));
        assert!(!is_external("//a.test/x"));
        assert!(!is_external("../a.md"));
        assert!(!is_external("http"));
    }
}

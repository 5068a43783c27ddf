//! Asks a server about one URL with [ureq](https://crates.io/crates/ureq) (blocking, rustls):
//! HEAD, then GET when HEAD is refused (405, 403, 501); redirects followed here, one hop at a
//! time, so that a permanent one can be told apart; one timeout per request.

use std::time::Duration;

use super::cache::Answer;

/// Redirects followed before giving up.
const MAX_REDIRECTS: usize = 10;

/// What asking about a URL gave: the server's answer, or why there was none.
pub(crate) type Fetched = Result<Answer, String>;

/// Something that asks servers, with one timeout for each request.
pub(crate) struct Fetcher {
    agent: ureq::Agent,
    timeout: Duration,
}

impl Fetcher {
    pub(crate) fn new(timeout: Duration) -> Fetcher {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(0)
            .timeout_global(Some(timeout))
            .user_agent(format!(
                "answerbook/{} (link check)",
                env!("CARGO_PKG_VERSION")
            ))
            .build()
            .new_agent();
        Fetcher { agent, timeout }
    }

    /// The answer for `url` (no fragment), after following redirects; `checked` is `now`.
    pub(crate) fn fetch(&self, url: &str, now: u64) -> Fetched {
        let mut current = url.to_owned();
        let mut permanent = false;
        for _ in 0..=MAX_REDIRECTS {
            let (status, location) = self.ask(&current)?;
            let redirect = matches!(status, 301 | 302 | 303 | 307 | 308);
            if let (true, Some(location)) = (redirect, location) {
                permanent |= matches!(status, 301 | 308);
                current = resolve(&current, &location)
                    .ok_or_else(|| format!("it redirects to '{location}', which is not http(s)"))?;
                continue;
            }
            let ok = (200..300).contains(&status);
            let moved = current != url;
            return Ok(Answer {
                checked: now,
                status,
                moved_to: (ok && moved && permanent).then(|| current.clone()),
                ended_at: (!ok && moved).then_some(current),
            });
        }
        Err(format!("it redirects more than {MAX_REDIRECTS} times"))
    }

    /// One request: HEAD, or GET when the server refuses HEAD. The status and `Location`.
    fn ask(&self, url: &str) -> Result<(u16, Option<String>), String> {
        let head = self.agent.head(url).call().map_err(|e| self.reason(e))?;
        let response = match head.status().as_u16() {
            403 | 405 | 501 => self.agent.get(url).call().map_err(|e| self.reason(e))?,
            _ => head,
        };
        let location = response
            .headers()
            .get("location")
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        // The body is never read: dropping the response closes its connection.
        Ok((response.status().as_u16(), location))
    }

    /// Why there was no answer, in words for authors.
    fn reason(&self, e: ureq::Error) -> String {
        match e {
            ureq::Error::Timeout(_) => {
                format!("no answer within {} s", self.timeout.as_secs_f64())
            }
            ureq::Error::HostNotFound => "its host name was not found".to_owned(),
            ureq::Error::ConnectionFailed => "the connection was refused".to_owned(),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::ConnectionRefused => {
                "the connection was refused".to_owned()
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => {
                format!("no answer within {} s", self.timeout.as_secs_f64())
            }
            other => format!("it could not be reached ({other})"),
        }
    }
}

/// Where a `Location` header leads from `base`: an absolute `http(s)` URL, or `None`.
pub(crate) fn resolve(base: &str, location: &str) -> Option<String> {
    let lower = location.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return Some(location.to_owned());
    }
    let (scheme, rest) = base.split_once("://")?;
    if let Some(net) = location.strip_prefix("//") {
        return Some(format!("{scheme}://{net}"));
    }
    if location.contains(':') && !location.starts_with(['/', '?', '#', '.']) {
        let before = location.split(['/', '?', '#']).next().unwrap_or("");
        if before.contains(':') {
            // `mailto:x`, `ftp://...`: another scheme.
            return None;
        }
    }
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    let path = &rest[host_end..];
    let path = path.split(['?', '#']).next().unwrap_or("");
    if location.starts_with('/') {
        return Some(format!("{origin}{location}"));
    }
    if location.starts_with('?') {
        return Some(format!("{origin}{path}{location}"));
    }
    let folder = path.rfind('/').map_or("/", |i| &path[..=i]);
    Some(format!("{origin}{folder}{location}"))
}

#[cfg(test)]
mod tests {
    use super::resolve;

    #[test]
    fn locations_resolve_against_the_url_asked() {
        let base = "https://a.test/docs/page?x=1";
        assert_eq!(
            resolve(base, "https://b.test/").as_deref(),
            Some("https://b.test/")
        );
        assert_eq!(
            resolve(base, "//c.test/x").as_deref(),
            Some("https://c.test/x")
        );
        assert_eq!(resolve(base, "/new").as_deref(), Some("https://a.test/new"));
        assert_eq!(
            resolve(base, "other").as_deref(),
            Some("https://a.test/docs/other")
        );
        assert_eq!(
            resolve(base, "?y=2").as_deref(),
            Some("https://a.test/docs/page?y=2")
        );
        assert_eq!(
            resolve("http://a.test", "x").as_deref(),
            Some("http://a.test/x")
        );
        assert_eq!(resolve(base, "mailto:me@a.test"), None);
    }
}

//! Live reload for `serve`: the script and the problem overlay put into served HTML pages
//! (never into what `build` writes), and the hub that tells open tabs over Server-Sent Events
//! that a new build is there.

use std::io::Write;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// The URL open tabs listen on.
pub(super) const EVENTS_PATH: &str = "/__answerbook/events";

/// What the served pages reflect: which build, and what the last build found wrong.
#[derive(Debug, Clone, Default)]
pub(super) struct Status {
    /// Changes with every build, success or failure, and from one run of `serve` to the next,
    /// so a tab that reconnects after a restart knows it is out of date.
    pub(super) build_id: u64,
    /// The last build's diagnostics (`file:line: error: message`), when it failed; the pages
    /// served are then those of the last good build.
    pub(super) problems: Vec<String>,
}

/// The live state shared by the builder (one writer) and the request handlers.
#[derive(Debug, Default)]
pub(super) struct Hub {
    status: Mutex<Status>,
    listeners: Mutex<Vec<Sender<u64>>>,
}

fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

impl Hub {
    pub(super) fn status(&self) -> Status {
        locked(&self.status).clone()
    }

    /// Records a finished build and tells every open tab to reload.
    pub(super) fn publish(&self, status: Status) {
        let id = status.build_id;
        *locked(&self.status) = status;
        locked(&self.listeners).retain(|tab| tab.send(id).is_ok());
    }

    fn listen(&self) -> Receiver<u64> {
        let (tx, rx) = mpsc::channel();
        locked(&self.listeners).push(tx);
        rx
    }

    /// Streams events to one tab until it goes away: first `hello` with the current build,
    /// then `reload` after every build, and a comment now and then so a closed tab is noticed.
    pub(super) fn stream(&self, mut out: Box<dyn Write + Send>) {
        let rx = self.listen();
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n\
                    Cache-Control: no-store\r\nConnection: close\r\n\r\n";
        let hello = format!(
            "retry: 500\nevent: hello\ndata: {}\n\n",
            self.status().build_id
        );
        if out.write_all(head.as_bytes()).is_err() || send(&mut out, &hello).is_err() {
            return;
        }
        loop {
            let text = match rx.recv_timeout(Duration::from_secs(15)) {
                Ok(id) => format!("event: reload\ndata: {id}\n\n"),
                Err(mpsc::RecvTimeoutError::Timeout) => ": still here\n\n".to_owned(),
                Err(mpsc::RecvTimeoutError::Disconnected) => return,
            };
            if send(&mut out, &text).is_err() {
                return;
            }
        }
    }
}

fn send(out: &mut Box<dyn Write + Send>, text: &str) -> std::io::Result<()> {
    out.write_all(text.as_bytes())?;
    out.flush()
}

/// Reloads the page after each build and reconnects after the server restarts; browsers keep
/// the scroll position through `location.reload()` (tests/serve_browser.rs checks Chromium's).
/// `BUILD_ID` is the build the page was served from: a tab that connects (or reconnects) and
/// hears of another one reloads, so no save between a page's loading and its connecting is
/// missed. Once connected it marks `<html data-answerbook-live>`. A hidden tab closes its
/// stream and opens it again when shown (hearing then whether it missed a build), so a dozen
/// open tabs do not use up the six connections a browser opens to one server.
const SCRIPT: &str = r#"<script id="__answerbook-reload">(function () {
  var seen = "BUILD_ID";
  var events = null;
  function connect() {
    if (events || document.hidden) { return; }
    events = new EventSource("/__answerbook/events");
    events.addEventListener("hello", function (e) {
      // A build finished while this tab was loading, hidden or away (the server restarted).
      if (e.data !== seen) { location.reload(); return; }
      document.documentElement.setAttribute("data-answerbook-live", seen);
    });
    events.addEventListener("reload", function () { location.reload(); });
    events.onerror = function () {
      drop();
      setTimeout(connect, 500);
    };
  }
  function drop() {
    if (events) { events.close(); events = null; }
  }
  // Hidden tabs let go of their connection: a browser opens only six to one server.
  document.addEventListener("visibilitychange", function () {
    if (document.hidden) { drop(); } else { connect(); }
  });
  connect();
})();</script>
"#;

/// A served HTML page: the page with the reload script, and the overlay while the last
/// build failed.
pub(super) fn inject(html: &[u8], status: &Status) -> Vec<u8> {
    let mut extra = String::new();
    if !status.problems.is_empty() {
        extra.push_str(&overlay(&status.problems));
    }
    extra.push_str(&SCRIPT.replace("BUILD_ID", &status.build_id.to_string()));
    let at = find_last(html, b"</body>").unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + extra.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(extra.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// A page for when there is no good build to show yet.
pub(super) fn placeholder(status: &Status) -> Vec<u8> {
    let html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>answerbook serve\
                </title></head><body><p>The site has not built yet.</p></body></html>";
    inject(html.as_bytes(), status)
}

fn find_last(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len())
        .rposition(|w| w.eq_ignore_ascii_case(needle))
}

/// The box over the page listing what the last build found wrong.
fn overlay(problems: &[String]) -> String {
    let mut items = String::new();
    for p in problems {
        items.push_str("<li>");
        items.push_str(&escape(p));
        items.push_str("</li>");
    }
    format!(
        "<div id=\"__answerbook-overlay\" role=\"alert\" style=\"position:fixed;inset:auto 0 0 0;\
         max-height:60vh;overflow:auto;z-index:2147483647;margin:0;padding:1em 1.5em;\
         background:#fff5f5;color:#600;border-top:4px solid #c00;font:14px/1.5 monospace;\
         box-shadow:0 -4px 16px rgba(0,0,0,.2)\"><strong>The last save did not build; \
         this is the last good version of the page.</strong><ul style=\"margin:.5em 0 0;\
         padding-left:1.2em\">{items}</ul></div>\n"
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_goes_before_the_closing_body_tag() {
        let page = inject(b"<html><body><p>x</p></BODY></html>", &Status::default());
        let page = String::from_utf8(page).unwrap();
        assert!(page.contains("<p>x</p><script id=\"__answerbook-reload\">"));
        assert!(page.ends_with("</script>\n</BODY></html>"));
        assert!(!page.contains("__answerbook-overlay"));
    }

    #[test]
    fn overlay_lists_problems_escaped() {
        let status = Status {
            build_id: 1,
            problems: vec!["content/a.md:3: error: bad <tag>".into()],
        };
        let page = String::from_utf8(inject(b"<body></body>", &status)).unwrap();
        assert!(page.contains("<li>content/a.md:3: error: bad &lt;tag&gt;</li>"));
    }
}

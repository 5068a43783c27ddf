//! `answerbook check --external`: external links asked about on a test server on 127.0.0.1
//! (never anywhere else), what each kind of answer is reported as, in each format, and the
//! day-long cache that lets a second check ask nothing.

#![cfg(feature = "external-links")]

mod common;

use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

use common::{Site, fixture};

const PAGE: &str = "content/reading/where-can-i-read-more.md";

/// A server on 127.0.0.1 (a free port) that logs every request as `METHOD /path`.
struct TestServer {
    server: Arc<tiny_http::Server>,
    port: u16,
    log: Arc<Mutex<Vec<String>>>,
}

impl TestServer {
    fn start() -> TestServer {
        let server = Arc::new(tiny_http::Server::http("127.0.0.1:0").expect("test server"));
        let port = server.server_addr().to_ip().expect("an IP address").port();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (s, l) = (Arc::clone(&server), Arc::clone(&log));
        thread::spawn(move || {
            for request in s.incoming_requests() {
                let line = format!("{} {}", request.method(), request.url());
                l.lock().unwrap().push(line);
                // One thread each, so the slow route holds up no other.
                thread::spawn(move || answer(request));
            }
        });
        TestServer { server, port, log }
    }

    /// The requests so far, and forgets them.
    fn take(&self) -> Vec<String> {
        let mut log = std::mem::take(&mut *self.log.lock().unwrap());
        log.sort();
        log
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}

impl Drop for TestServer {
    fn drop(&mut self) {
        self.server.unblock();
    }
}

fn answer(request: tiny_http::Request) {
    let head = *request.method() == tiny_http::Method::Head;
    let redirect = |to: &str, code: u16| {
        let location = tiny_http::Header::from_bytes("Location", to).unwrap();
        tiny_http::Response::empty(code).with_header(location)
    };
    let response = match request.url() {
        "/fine" => tiny_http::Response::empty(200),
        "/no-head" if head => tiny_http::Response::empty(405),
        "/no-head" => tiny_http::Response::empty(200),
        "/moved" => redirect("/fine", 301),
        "/elsewhere" => redirect("/gone", 302),
        "/slow" => {
            thread::sleep(Duration::from_secs(3));
            tiny_http::Response::empty(200)
        }
        _ => tiny_http::Response::empty(404),
    };
    let _ = request.respond(response);
}

/// The fixture, its links pointing at `server`.
fn site_for(server: &TestServer) -> Site {
    let site = fixture("external_links");
    let path = site.root().join(PAGE);
    let text = std::fs::read_to_string(&path).unwrap();
    site.write(PAGE, &text.replace("PORT", &server.port.to_string()));
    site
}

fn check(site: &Site, args: &[&str]) -> common::Run {
    let mut all = vec!["check", "site", "--external", "--external-timeout", "1"];
    all.extend_from_slice(args);
    site.run(&all)
}

#[test]
fn each_answer_is_reported_where_the_link_is_written() {
    let server = TestServer::start();
    let site = site_for(&server);
    let run = check(&site, &["--format", "json"]);
    run.expect_code(0);
    let url = |p: &str| server.url(p);
    let line = |n: usize, col: usize, severity: &str, message: String| serde_json::json!({"file": PAGE, "line": n, "column": col, "severity": severity, "message": message});
    let expected = [
        line(
            11,
            7,
            "warning",
            format!("external link {} answered 404", url("/gone#intro")),
        ),
        line(
            13,
            7,
            "note",
            format!(
                "external link {} has moved permanently to {}: link there directly",
                url("/moved"),
                url("/fine")
            ),
        ),
        line(
            14,
            7,
            "warning",
            format!(
                "external link {} answered 404 (redirected to {})",
                url("/elsewhere"),
                url("/gone")
            ),
        ),
        line(
            15,
            7,
            "warning",
            format!(
                "external link {} could not be checked: no answer within 1 s",
                url("/slow")
            ),
        ),
        line(
            18,
            1,
            "warning",
            format!("external link {} answered 404", url("/gone/diagram.png")),
        ),
    ];
    let printed: Vec<serde_json::Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    assert_eq!(printed, expected);
    assert_eq!(run.stderr, "checked site: 0 error(s), 4 warning(s)\n");
    // HEAD first; GET only where HEAD was refused; each URL once however often it is linked
    // (`/fine` three times: two links and the end of a redirect); no fragment sent.
    assert_eq!(
        server.take(),
        [
            "GET /no-head",
            "HEAD /elsewhere",
            "HEAD /fine",
            "HEAD /fine",
            "HEAD /gone",
            "HEAD /gone",
            "HEAD /gone/diagram.png",
            "HEAD /moved",
            "HEAD /no-head",
            "HEAD /slow",
        ]
    );
}

#[test]
fn strict_makes_them_errors_and_every_format_shows_them() {
    let server = TestServer::start();
    let site = site_for(&server);
    let run = check(&site, &["--strict", "--format", "github"]);
    run.expect_code(1);
    let gone = server.url("/gone#intro");
    assert!(run.stdout.contains(&format!(
        "::error file={PAGE},line=11,col=7::external link {gone} answered 404\n"
    )));
    // A permanent redirect stays a note, under --strict too.
    assert!(run.stdout.contains(&format!(
        "::notice file={PAGE},line=13,col=7::external link {} has moved",
        server.url("/moved")
    )));
    assert_eq!(run.stderr, "checked site: 4 error(s), 0 warning(s)\n");

    let human = check(&site, &[]);
    human.expect_code(0);
    assert!(human.stderr.contains(&format!(
        "warning: external link {gone} answered 404\n  --> {PAGE}:11:7\n   |\n11 | - The [old notes]("
    )));
}

#[test]
fn answers_are_kept_for_a_day_so_a_second_check_asks_again_only_what_may_change() {
    let server = TestServer::start();
    let site = site_for(&server);
    check(&site, &[]).expect_code(0);
    assert_eq!(server.take().len(), 10);
    let cache = site.tmp().join("site/.public.answerbook-links");
    assert!(cache.is_file(), "the cache is beside the output folder");

    // Within the day: only the link that did not answer is asked again, and what is reported
    // is the same.
    let first = check(&site, &["--format", "json"]);
    assert_eq!(server.take(), ["HEAD /slow"]);
    let again = check(&site, &["--format", "json"]);
    assert_eq!(first.stdout, again.stdout);
    server.take();

    // Answers from more than a day ago are asked again.
    let text = std::fs::read_to_string(&cache).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&text).unwrap();
    for answer in json["answers"].as_object_mut().unwrap().values_mut() {
        let checked = answer["checked"].as_u64().unwrap();
        answer["checked"] = (checked - 2 * 24 * 60 * 60).into();
    }
    std::fs::write(&cache, json.to_string()).unwrap();
    check(&site, &[]).expect_code(0);
    assert_eq!(server.take().len(), 10);

    // A deleted cache is no cache.
    std::fs::remove_file(&cache).unwrap();
    check(&site, &[]).expect_code(0);
    assert_eq!(server.take().len(), 10);
}

#[test]
fn without_external_no_server_is_asked() {
    let server = TestServer::start();
    let site = site_for(&server);
    let run = site.run(&["check", "site"]);
    run.expect_code(0);
    assert!(!run.stderr.contains("external link"), "{}", run.stderr);
    assert_eq!(server.take(), Vec::<String>::new());
    assert!(!site.tmp().join("site/.public.answerbook-links").exists());
    // The timeout alone, without --external, is a usage error.
    site.run(&["check", "site", "--external-timeout", "3"])
        .expect_code(2);
}

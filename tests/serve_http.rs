//! `answerbook serve` as an HTTP server, end to end: the real binary serving a fixture site
//! copied into a temporary folder answers with the files of its own folder only, with their
//! types, `no-store`, redirects and `HEAD`; it stops on Ctrl-C and removes its folder, refuses
//! a port asked for that is taken (without `--port`, takes another than 8000 and says which),
//! and serves drafts only with `--drafts`.

mod common;
mod serve_support;

use std::fs;

use common::fixture;
use serve_support::{Served, request};

#[test]
fn only_files_of_the_served_folder_are_served() {
    let site = fixture("serve");
    let tmp = site.tmp();
    fs::write(tmp.join("secret.txt"), "not for the web").unwrap();
    let served = Served::start(tmp, &[]);
    let port = served.port;

    // The served folder (inside the test's TMPDIR): a symlink planted in it leading out.
    let folder = fs::read_dir(tmp.join("t"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.to_string_lossy()
                .contains(&format!("answerbook-serve-{}", served.pid()))
        })
        .expect("the served folder is in TMPDIR");
    let out = folder.join("site");
    assert!(out.join("index.html").is_file());
    #[cfg(unix)]
    std::os::unix::fs::symlink(tmp.join("secret.txt"), out.join("leak.txt")).unwrap();

    for target in [
        "/../secret.txt",
        "/../../secret.txt",
        "/garden/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E/%2e%2e/secret.txt",
        "/garden%2f..%2f..%2fsecret.txt",
        "/..%2fsecret.txt",
        "/..%5csecret.txt",
        "/..\\secret.txt",
        "/garden\\..\\index.html",
        "/leak.txt",
        "/%00",
    ] {
        let reply = request(port, "GET", target);
        assert_eq!(reply.status, 404, "{target}");
        assert!(!reply.body.contains("not for the web"), "{target}");
    }
    assert_eq!(request(port, "POST", "/").status, 405);
    assert_eq!(request(port, "DELETE", "/index.html").status, 405);
    // The build's own files carry no reload script: only served pages get it.
    assert!(
        !fs::read_to_string(out.join("index.html"))
            .unwrap()
            .contains("__answerbook")
    );
    // Nothing was written into the site folder.
    assert!(!tmp.join("site/public").exists());
}

#[test]
fn replies_have_types_no_store_redirects_and_head() {
    let site = fixture("serve");
    let served = Served::start(site.tmp(), &[]);
    for (path, kind) in [
        ("/", "text/html; charset=utf-8"),
        ("/assets/style.css", "text/css; charset=utf-8"),
        ("/garden/leaf.svg", "image/svg+xml"),
        ("/sitemap.xml", "application/xml"),
        ("/robots.txt", "text/plain; charset=utf-8"),
    ] {
        let reply = served.get(path);
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(kind), "{path}");
        assert_eq!(reply.header("cache-control"), Some("no-store"), "{path}");
    }
    let moved = served.get("/garden?x=1");
    assert_eq!(moved.status, 301);
    assert_eq!(moved.header("location"), Some("/garden/?x=1"));
    let elsewhere = served.get("//garden");
    assert_eq!(elsewhere.status, 301);
    assert_eq!(
        elsewhere.header("location"),
        Some("/garden/"),
        "never to another host"
    );
    let head = request(served.port, "HEAD", "/garden/");
    assert_eq!(head.status, 200);
    assert_eq!(head.body, "");
    // Pages link to the site's assets wherever the site is published (base_url has a path).
    assert!(served.get("/").body.contains("assets/style.css"));
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_and_removes_its_folder() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let mut served = Served::start(tmp, &[]);
    assert_eq!(fs::read_dir(tmp.join("t")).unwrap().count(), 1);
    assert_eq!(served.interrupt(), Some(130));
    assert_eq!(
        fs::read_dir(tmp.join("t")).unwrap().count(),
        0,
        "served folder left"
    );
}

#[test]
fn a_port_asked_for_that_is_taken_is_refused() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    fs::create_dir(tmp.join("t")).unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_answerbook"))
        .args(["serve", "site", "--port", &port])
        .current_dir(tmp)
        .env("TMPDIR", tmp.join("t"))
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.starts_with(&format!("error: cannot listen on 127.0.0.1 port {port}: ")),
        "{stderr}"
    );
    assert_eq!(
        fs::read_dir(tmp.join("t")).unwrap().count(),
        0,
        "folder left"
    );
}

#[test]
fn without_a_port_it_takes_8000_or_says_which_it_took_instead() {
    let site = fixture("serve");
    // Held by this test if it was free; if it was not, it is taken all the same.
    let _held = std::net::TcpListener::bind("127.0.0.1:8000");
    let mut served = Served::start_exactly(site.tmp(), &[]);
    assert_ne!(served.port, 8000);
    let line = served.wait_line(|l| l.starts_with("Port 8000 is taken; using "));
    assert_eq!(line, format!("Port 8000 is taken; using {}", served.port));
    assert_eq!(served.get("/").status, 200);
}

#[test]
fn drafts_are_served_only_with_drafts() {
    let draft = "/garden/is-compost-tea-worth-it/";
    let site = fixture("serve");
    let served = Served::start(site.tmp(), &[]);
    assert_eq!(served.get(draft).status, 404);
    drop(served);
    let served = Served::start(site.tmp(), &["--drafts"]);
    let page = served.get(draft);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Not decided yet."));
}

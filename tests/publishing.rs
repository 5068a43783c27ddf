//! What gets published, and at which URL: markdown that is not UTF-8 and names with control
//! characters are reported (all of them, in one run); two sources publishing the same output
//! path, or a file where another source needs a folder, are errors naming both; names with
//! `#`, `?`, `%`, spaces and non-ASCII letters get percent-encoded links that lead to the files.

mod common;

use std::fs;
use std::path::{Component, Path, PathBuf};

use common::{fixture, sitemap_urls};

#[test]
fn every_markdown_file_that_is_not_utf8_is_reported_with_its_line_and_nothing_is_written() {
    let site = fixture("minimal");
    let root = site.root();
    fs::write(
        root.join("content/latin1.md"),
        b"---\ntitle: Latin-1\n---\n\nCaf\xe9 au lait.\n",
    )
    .unwrap();
    fs::write(root.join("content/basics/also-bad.md"), b"\xff# Title\n").unwrap();

    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/basics/also-bad.md:1:1: error: this file is not valid UTF-8 text: save it as UTF-8",
            "content/latin1.md:5:4: error: this file is not valid UTF-8 text: save it as UTF-8",
        ]
    );
    assert_eq!(
        run.stderr.lines().last(),
        Some("error: build failed: 2 error(s), 0 warning(s)")
    );
    assert!(!site.out().exists());
}

#[cfg(unix)]
#[test]
fn names_with_control_characters_or_not_utf8_are_errors_naming_them_escaped() {
    use std::os::unix::ffi::OsStrExt;
    let site = fixture("minimal");
    site.write("content/bad\nname.md", "# Bad name\n");
    site.write("content/tab\tfolder/inside.md", "# Inside\n");
    let latin1 = std::ffi::OsStr::from_bytes(b"caf\xe9.md");
    fs::write(site.root().join("content/basics").join(latin1), "# Cafe\n").unwrap();

    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/bad\\nname.md: error: the name holds a control character (\\n): rename it",
            "content/basics/caf\u{fffd}.md: error: the name is not valid UTF-8: rename it",
            "content/tab\\tfolder: error: the name holds a control character (\\t): rename it",
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn a_page_and_a_copied_file_publishing_the_same_path_are_an_error_naming_both() {
    let site = fixture("minimal");
    site.write("content/basics/index.html", "<p>hand-made</p>");
    site.write(
        "content/basics/what-is-a-set/index.html",
        "<p>hand-made</p>",
    );
    site.write("content/404.md", "# Lost\n");
    site.write("content/404.html", "<p>lost</p>");

    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/404.html: error: publishes to /404.html as content/404.md does; \
             rename one of them",
            "content/basics/index.html: error: publishes to /basics/index.html as \
             content/basics/index.md does; rename one of them",
            "content/basics/what-is-a-set/index.html: error: publishes to \
             /basics/what-is-a-set/index.html as content/basics/what-is-a-set.md does; \
             rename one of them",
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn a_content_file_over_a_theme_static_file_is_an_error_naming_both() {
    let site = fixture("minimal");
    site.write("content/assets/style.css", "body {}");
    site.write("content/assets/print.css", "body {}");
    site.write("themes/default/static/print.css", "@media print {}");

    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/assets/print.css: error: publishes to /assets/print.css as \
             themes/default/static/print.css does; rename one of them",
            "content/assets/style.css: error: publishes to /assets/style.css as the built-in \
             theme's static/style.css does; rename one of them",
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn a_file_where_another_source_needs_a_folder_is_an_error_naming_both() {
    let site = fixture("minimal");
    site.write("content/guide", "a file without an extension");
    site.write("content/guide.md", "# Guide\n");
    site.write("content/tips.md", "# Tips\n");
    site.write("content/tips/index.html/note.txt", "a note");

    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/guide: error: publishes a file at /guide, where content/guide.md needs a \
             folder (for /guide/); rename one of them",
            "content/tips.md: error: publishes a file at /tips/index.html, where \
             content/tips/index.html/note.txt needs a folder (for /tips/index.html/note.txt); \
             rename one of them",
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn content_files_still_replace_the_generated_sitemap_and_robots() {
    let site = fixture("minimal");
    site.write("content/robots.txt", "User-agent: *\nDisallow: /drafts/\n");
    site.write("content/sitemap.xml", "<urlset/>\n");
    site.build(&[]).expect_clean();
    assert_eq!(
        site.out_text("robots.txt"),
        "User-agent: *\nDisallow: /drafts/\n"
    );
    assert_eq!(site.out_text("sitemap.xml"), "<urlset/>\n");
}

/// Percent-decodes a URL path as a web server does.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).expect("a %XX escape"));
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).expect("UTF-8 after decoding")
}

/// The file a web server serves for `href` on the page in folder `page_dir` of `out`:
/// decoded, joined, `..` applied, `index.html` for a folder.
fn served_file(out: &Path, page_dir: &str, href: &str) -> PathBuf {
    let mut path = PathBuf::new();
    for c in Path::new(page_dir).join(percent_decode(href)).components() {
        match c {
            Component::ParentDir => assert!(path.pop(), "{href} leaves the site"),
            Component::Normal(part) => path.push(part),
            _ => {}
        }
    }
    let file = out.join(&path);
    if href.is_empty() || href.ends_with('/') {
        file.join("index.html")
    } else {
        file
    }
}

#[test]
fn names_with_reserved_and_non_ascii_characters_get_percent_encoded_links_that_resolve() {
    let site = fixture("minimal");
    site.write(
        "site.yaml",
        "title: Minimal answers\nbase_url: https://kb.example.test/\n",
    );
    site.write(
        "content/c# tips/what is 100%?.md",
        "---\ntitle: What is 100%?\n---\n\nAll of it. ![chart](diagram%201.png)\n",
    );
    site.write("content/c# tips/diagram 1.png", "not really a png");
    site.write("content/café/naïve.md", "# Naïve\n");
    site.write(
        "content/links.md",
        "# Links\n\n[odd](c%23%20tips/what%20is%20100%25%3F.md) and [naive](café/naïve.md).\n",
    );
    site.build(&["--strict"]).expect_clean();
    let out = site.out();

    // Files on disk keep their real names.
    assert!(out.join("c# tips/what is 100%?/index.html").is_file());
    assert!(out.join("c# tips/diagram 1.png").is_file());

    let links = site.page("links/");
    let odd = links.href_of("odd");
    assert_eq!(odd, "../c%23%20tips/what%20is%20100%25%3F/");
    assert_eq!(links.href_of("naive"), "../caf%C3%A9/na%C3%AFve/");
    for href in [odd, links.href_of("naive")] {
        let file = served_file(&out, "links/", &href);
        assert!(
            file.is_file(),
            "{href} leads to {}, which is missing",
            file.display()
        );
    }

    let page = site.page("c# tips/what is 100%?/");
    let src = page.attr("article img", "src");
    assert_eq!(src, "../diagram%201.png");
    assert!(served_file(&out, "c# tips/what is 100%?/", &src).is_file());
    let canonical = "https://kb.example.test/c%23%20tips/what%20is%20100%25%3F/";
    assert_eq!(page.attr("link[rel=canonical]", "href"), canonical);

    let section = site.page("c# tips/");
    let listed = section.href_of("What is 100%?");
    assert_eq!(listed, "what%20is%20100%25%3F/");
    assert!(served_file(&out, "c# tips/", &listed).is_file());
    let home = site.page("");
    let to_section = home.attr(r#"a.section-title[href^="c%23"]"#, "href");
    assert_eq!(to_section, "c%23%20tips/");
    assert!(served_file(&out, "", &to_section).is_file());

    let locs: Vec<String> = sitemap_urls(&site.out_text("sitemap.xml"))
        .into_iter()
        .map(|u| u.loc)
        .collect();
    assert!(locs.iter().any(|l| l == canonical), "{locs:?}");
    assert!(
        locs.iter()
            .any(|l| l == "https://kb.example.test/caf%C3%A9/na%C3%AFve/"),
        "{locs:?}"
    );
    for loc in &locs {
        let path = loc.strip_prefix("https://kb.example.test/").unwrap();
        assert!(!path.contains([' ', '#', '?']) && path.is_ascii(), "{loc}");
        assert!(served_file(&out, "", path).is_file(), "{loc}");
    }
}

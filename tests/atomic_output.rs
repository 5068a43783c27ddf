//! The output folder is replaced all at once or not at all: a failed build leaves the previous
//! site byte-identical and no staging folder behind; output folders that would destroy the
//! sources are refused; the same input always gives the same bytes.

mod common;

use common::{Site, assert_same_tree, entries, fixture, tree};

/// The build cache a successful build leaves beside its output folder.
const CACHE: &str = ".public.answerbook-cache";
const HEAD: &str = ".public.answerbook-cache-head";

const BROKEN_FRONT_MATTER: &str =
    "---\ntitle: What is a set?\ndescription: oops: two colons\n---\n\nBody.\n";

fn built_minimal() -> Site {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn failed_build_leaves_the_previous_output_byte_identical() {
    let site = built_minimal();
    let before = tree(&site.out());
    assert!(before.contains_key("basics/what-is-a-set/index.html"));

    site.write("content/basics/what-is-a-set.md", BROKEN_FRONT_MATTER);
    let run = site.build(&[]);
    run.expect_code(1);
    assert!(
        run.stderr.starts_with("content/basics/what-is-a-set.md:3:"),
        "{}",
        run.stderr
    );
    assert_same_tree(&before, &tree(&site.out()));
}

#[test]
fn failed_build_leaves_no_staging_folder_beside_the_output() {
    let site = built_minimal();
    let site_entries = entries(&site.root());
    site.write("content/basics/what-is-a-set.md", BROKEN_FRONT_MATTER);
    site.build(&[]).expect_code(1);
    assert_eq!(entries(&site.root()), site_entries);
    assert_eq!(entries(site.tmp()), ["site"]);
}

#[test]
fn strict_failure_leaves_the_previous_output_byte_identical() {
    let site = built_minimal();
    let before = tree(&site.out());
    site.write(
        "content/basics/what-is-a-set.md",
        "---\ntitle: What is a set?\n---\n\nSee [a ghost](ghost.md).\n",
    );
    let run = site.build(&["--strict"]);
    run.expect_code(1)
        .expect_line("content/basics/what-is-a-set.md:5: error: broken link 'ghost.md'");
    assert_same_tree(&before, &tree(&site.out()));
    assert_eq!(
        entries(&site.root()),
        [CACHE, HEAD, "content", "public", "site.yaml"]
    );
}

#[test]
fn template_failing_while_rendering_leaves_the_previous_output_and_no_staging() {
    // This failure happens after the staging folder was created and partly filled.
    let site = built_minimal();
    let before = tree(&site.out());
    site.write(
        "themes/default/templates/page.html",
        "{% extends \"base.html\" %}{% block main %}{{ page.no_such_key.deeper }}{% endblock main %}\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert!(
        run.stderr.starts_with("error: template 'page.html' failed"),
        "{}",
        run.stderr
    );
    assert_same_tree(&before, &tree(&site.out()));
    assert_eq!(
        entries(&site.root()),
        [CACHE, HEAD, "content", "public", "site.yaml", "themes"]
    );
}

#[test]
fn failed_first_build_creates_no_output_folder() {
    let site = fixture("minimal");
    site.write("content/basics/what-is-a-set.md", BROKEN_FRONT_MATTER);
    site.build(&["-o", "www"]).expect_code(1);
    assert_eq!(entries(site.tmp()), ["site"]);
    assert_eq!(entries(&site.root()), ["content", "site.yaml"]);
}

#[test]
fn successful_rebuild_replaces_the_whole_folder_and_cleans_up() {
    let site = built_minimal();
    std::fs::write(site.out().join("stale.html"), "left over").unwrap();
    site.write(
        "content/basics/what-is-a-list.md",
        "---\ntitle: What is a list?\n---\n\nA mutable sequence.\n",
    );
    site.build(&[]).expect_clean();
    assert!(!site.out().join("stale.html").exists());
    assert!(
        site.out()
            .join("basics/what-is-a-list/index.html")
            .is_file()
    );
    assert_eq!(
        entries(&site.root()),
        [CACHE, HEAD, "content", "public", "site.yaml"]
    );
}

#[test]
fn two_builds_are_byte_identical() {
    for name in ["faq_page", "links", "sections", "admonitions"] {
        let site = fixture(name);
        site.build(&["-o", "one"]).expect_clean();
        site.build(&["-o", "two"]).expect_clean();
        let one = tree(&site.tmp().join("one"));
        assert!(one.len() > 5, "{name}: {:?}", one.keys());
        assert_same_tree(&one, &tree(&site.tmp().join("two")));
    }
}

#[test]
fn rebuilding_in_place_gives_the_same_bytes() {
    let site = built_minimal();
    let first = tree(&site.out());
    site.build(&[]).expect_clean();
    assert_same_tree(&first, &tree(&site.out()));
}

// ---------------------------------------------------------------------------------------------
// Refused output folders: exit 2, and the site is left exactly as it was.

fn assert_refused(out: &str, why: &str) {
    let site = fixture("minimal");
    let before = tree(site.tmp());
    let run = site.build(&["-o", out]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        format!("error: refusing to write the site to {out}: {why}\n")
    );
    assert_eq!(run.stdout, "");
    assert_same_tree(&before, &tree(site.tmp()));
}

#[test]
fn output_equal_to_the_site_folder_is_refused() {
    assert_refused("site", "it is (or contains) the site folder");
    assert_refused("site/", "it is (or contains) the site folder");
    assert_refused("site/content/..", "it is (or contains) the site folder");
}

#[test]
fn output_containing_the_site_folder_is_refused() {
    assert_refused(".", "it is (or contains) the site folder");
}

#[test]
fn output_equal_to_content_is_refused() {
    assert_refused("site/content", "it is inside content/");
}

#[test]
fn output_inside_content_is_refused() {
    assert_refused("site/content/basics", "it is inside content/");
    assert_refused("site/content/new-folder/www", "it is inside content/");
}

#[test]
fn output_that_is_a_file_is_refused() {
    let site = fixture("minimal");
    std::fs::write(site.tmp().join("a-file"), "keep me").unwrap();
    let run = site.build(&["-o", "a-file"]);
    run.expect_code(2);
    assert_eq!(common::read_text(&site.tmp().join("a-file")), "keep me");
}

#[test]
fn refused_output_keeps_an_existing_build() {
    let site = built_minimal();
    let before = tree(site.tmp());
    site.build(&["-o", "site/content"]).expect_code(2);
    assert_same_tree(&before, &tree(site.tmp()));
}

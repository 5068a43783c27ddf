//! Links between pages: `.md` links (with anchors, queries, `./`, `index.md`, folders) become
//! relative URLs, copied files are linked and published, external links are left alone, and
//! whatever does not resolve is reported with its exact `file:line`.

mod common;

use common::{Site, fixture};

fn built_links() -> Site {
    let site = fixture("links");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn md_links_with_anchors_become_relative_urls() {
    let site = built_links();
    let doc = site.page("lists/how-to-reverse-a-list/");
    assert_eq!(
        doc.href_of("sorting in place"),
        "../../sorting/how-to-sort-in-place/#the-key-argument"
    );
    assert_eq!(
        doc.href_of("With a query"),
        "../../sorting/how-to-sort-in-place/?v=2#the-key-argument"
    );
    assert_eq!(doc.href_of("this heading"), "#slicing");
    assert_eq!(doc.href_of("Same folder"), "./");
}

#[test]
fn links_to_index_md_and_folders_go_to_the_section_page() {
    let site = built_links();
    let doc = site.page("lists/how-to-reverse-a-list/");
    assert_eq!(doc.href_of("list section"), "../");
    assert_eq!(doc.href_of("the sorting folder"), "../../sorting/");

    let sorting = site.page("sorting/how-to-sort-in-place/");
    assert_eq!(sorting.href_of("the list section"), "../../lists/");
    assert_eq!(
        sorting.href_of("reversing"),
        "../../lists/how-to-reverse-a-list/"
    );
}

#[test]
fn links_from_section_and_home_pages_are_relative_to_their_own_url() {
    let site = built_links();
    let home = site.page("");
    assert_eq!(
        home.href_of("the reverse question"),
        "lists/how-to-reverse-a-list/"
    );
    assert_eq!(home.href_of("all list answers"), "lists/");

    let section = site.page("lists/");
    assert_eq!(
        section.href_of("reversing by slicing"),
        "how-to-reverse-a-list/#slicing"
    );
    assert_eq!(section.href_of("the start"), "../");
}

#[test]
fn relative_hrefs_lead_to_files_that_exist() {
    let site = built_links();
    let out = site.out();
    let page_dir = out.join("lists/how-to-reverse-a-list");
    let doc = site.page("lists/how-to-reverse-a-list/");
    for text in [
        "sorting in place",
        "list section",
        "the sorting folder",
        "Same folder",
    ] {
        let href = doc.href_of(text);
        let path = href.split(['#', '?']).next().unwrap();
        let target = page_dir.join(path).join("index.html");
        assert!(
            target.is_file(),
            "{text}: {href} leads to nothing ({})",
            target.display()
        );
    }
}

#[test]
fn copied_image_is_linked_relatively_and_published_byte_for_byte() {
    let site = built_links();
    let doc = site.page("lists/how-to-reverse-a-list/");
    let img = doc.one("article img");
    assert_eq!(img.value().attr("src"), Some("../img/slice-diagram.png"));
    assert_eq!(img.value().attr("alt"), Some("Slicing diagram"));
    let published = std::fs::read(site.out().join("lists/img/slice-diagram.png")).unwrap();
    let source = std::fs::read(site.root().join("content/lists/img/slice-diagram.png")).unwrap();
    assert_eq!(published, source);
}

#[test]
fn copied_file_with_a_space_is_linked_and_published() {
    let site = built_links();
    let doc = site.page("lists/how-to-reverse-a-list/");
    assert_eq!(doc.href_of("a cheat sheet"), "../files/cheat%20sheet.txt");
    assert_eq!(
        site.out_text("lists/files/cheat sheet.txt"),
        "Cheat sheet: items[::-1] reverses.\n"
    );
}

#[test]
fn external_links_are_left_untouched() {
    let site = built_links();
    let doc = site.page("lists/how-to-reverse-a-list/");
    assert_eq!(
        doc.href_of("Python tutorial"),
        "https://docs.python.org/3/tutorial/datastructures.html#more-on-lists"
    );
    assert_eq!(doc.href_of("Mail the authors"), "mailto:help@example.test");
    assert_eq!(doc.href_of("Absolute path"), "/static/page.html");
    assert_eq!(doc.href_of("Protocol relative"), "//cdn.example.test/x.js");
}

// ---------------------------------------------------------------------------------------------
// Broken links. Line numbers are counted in tests/fixtures/broken_links/content/guide/*.md.

const FIRST_MISSING: &str = "content/guide/first.md:9: warning: broken link '../nowhere.md'";
const IN_ADMONITION: &str = "content/guide/second.md:8: warning: broken link 'old-page.md'";
const OTHER_PAGE_ANCHOR: &str = "content/guide/second.md:16: warning: broken link \
     'first.md#no-such-heading': no anchor #no-such-heading in content/guide/first.md";
const SAME_PAGE_ANCHOR: &str = "content/guide/second.md:16: warning: broken link \
     '#nowhere-here': no anchor #nowhere-here in content/guide/second.md";
const IN_NESTED_ADMONITION: &str = "content/guide/third.md:9: warning: broken link 'ghost.md'";
const IN_LIST: &str = "content/guide/third.md:12: warning: broken link 'missing-item.md'";

const ALL_WARNINGS: [&str; 6] = [
    FIRST_MISSING,
    IN_ADMONITION,
    OTHER_PAGE_ANCHOR,
    SAME_PAGE_ANCHOR,
    IN_NESTED_ADMONITION,
    IN_LIST,
];

#[test]
fn broken_link_is_a_warning_with_file_and_line_and_the_build_succeeds() {
    let site = fixture("broken_links");
    let run = site.build(&[]);
    run.expect_code(0).expect_line(FIRST_MISSING);
    assert!(site.out().join("guide/first/index.html").is_file());
    assert!(run.stdout.starts_with("Built "), "{}", run.stdout);
}

#[test]
fn broken_links_inside_admonitions_and_lists_name_their_source_line() {
    let site = fixture("broken_links");
    let run = site.build(&[]);
    run.expect_code(0)
        .expect_line(IN_ADMONITION)
        .expect_line(IN_NESTED_ADMONITION)
        .expect_line(IN_LIST);
}

#[test]
fn broken_anchor_to_another_page_and_to_the_same_page() {
    let site = fixture("broken_links");
    let run = site.build(&[]);
    run.expect_code(0)
        .expect_line(OTHER_PAGE_ANCHOR)
        .expect_line(SAME_PAGE_ANCHOR);
}

#[test]
fn all_broken_links_of_all_files_are_reported_in_one_run_and_nothing_else() {
    let site = fixture("broken_links");
    let run = site.build(&[]);
    run.expect_code(0);
    let mut got = run.diagnostics();
    got.sort_unstable();
    let mut want = ALL_WARNINGS.to_vec();
    want.sort_unstable();
    assert_eq!(got, want);
}

#[test]
fn working_anchors_and_links_inside_code_are_not_reported() {
    let site = fixture("broken_links");
    let run = site.build(&[]);
    assert!(!run.stderr.contains("inside-code.md"), "{}", run.stderr);
    assert!(!run.stderr.contains("#details"), "{}", run.stderr);
    assert!(!run.stderr.contains("first.md#first"), "{}", run.stderr);
    let doc = site.page("guide/second/");
    assert_eq!(doc.href_of("intro"), "../first/#first");
    assert_eq!(doc.href_of("details"), "#details");
}

#[test]
fn line_numbers_are_right_in_crlf_files_and_files_without_front_matter() {
    let site = fixture("minimal");
    site.write(
        "content/basics/windows.md",
        "---\r\ntitle: Windows\r\n---\r\n\r\n!!! note \"N\"\r\n    See [one](gone-one.md).\r\n\r\nAnd [two](gone-two.md).\r\n",
    );
    site.write(
        "content/basics/bare.md",
        "No front matter.\n\n[three](gone-three.md)\n",
    );
    let run = site.build(&[]);
    run.expect_code(0);
    let mut got = run.diagnostics();
    got.sort_unstable();
    assert_eq!(
        got,
        [
            "content/basics/bare.md:3: warning: broken link 'gone-three.md'",
            "content/basics/windows.md:6: warning: broken link 'gone-one.md'",
            "content/basics/windows.md:8: warning: broken link 'gone-two.md'",
        ]
    );
}

#[test]
fn strict_flag_turns_broken_links_into_errors_and_fails_the_build() {
    let site = fixture("broken_links");
    let run = site.build(&["--strict"]);
    run.expect_code(1);
    for warning in ALL_WARNINGS {
        run.expect_line(&warning.replacen(": warning: ", ": error: ", 1));
    }
    assert!(!run.stderr.contains("warning:"), "{}", run.stderr);
    assert!(!site.out().exists(), "a failed build writes nothing");
    assert_eq!(run.stdout, "");
}

#[test]
fn strict_true_in_site_yaml_fails_the_build_too() {
    let site = fixture("broken_links");
    site.write("site.yaml", "title: Broken link lab\nstrict: true\n");
    let run = site.build(&[]);
    run.expect_code(1)
        .expect_line(&FIRST_MISSING.replacen(": warning: ", ": error: ", 1));
    assert!(!site.out().exists());
}

#[test]
fn strict_build_of_a_clean_site_succeeds() {
    let site = fixture("links");
    site.build(&["--strict"]).expect_clean();
}

#[test]
fn link_to_a_draft_is_a_broken_link_warning() {
    let site = fixture("drafts");
    let run = site.build(&[]);
    run.expect_code(0);
    assert_eq!(
        run.diagnostics(),
        [
            "content/notes/published.md:7: warning: broken link 'unfinished.md': that page is a draft"
        ]
    );
}

#[test]
fn link_to_a_draft_resolves_with_drafts_flag() {
    let site = fixture("drafts");
    site.build(&["--drafts"]).expect_clean();
    assert_eq!(
        site.page("notes/published/").href_of("unfinished note"),
        "../unfinished/"
    );
}

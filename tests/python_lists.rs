//! Which rules lists follow, seen in the built page: an MkDocs project reads them as
//! Python-Markdown does (items nest at 4 spaces, a list needs a blank line after a paragraph,
//! `1.` and `-` items after one another are one list, a fence under `11.  Item` stays in the
//! item), an answerbook site as CommonMark does unless `markdown: python-markdown` says
//! otherwise. Also: `<mailto:x>` shows `x`, e-mail autolinks are not checked as paths, and
//! links in headings are rewritten and checked.
//!
//! The sites are tests/fixtures/mkdocs_plain and tests/fixtures/minimal with their pages
//! replaced in the test's temp copy.

mod common;

use common::{Doc, fixture, mkdocs_project};

const PAGE: &str = "\
# Packing

- tent
  - pegs

Bring these:
- water
- map

1. Boil the water
- Add the tea leaves

11.  Pour

    ```sh
    pour --slowly
    ```

Ask <mailto:tea@example.org> or <kettle@example.org>.

## See [the other page](other.md)
";

fn mkdocs(yml: &str) -> Doc {
    let site = mkdocs_project(yml, PAGE);
    site.write("docs/other.md", "# Other\n");
    site.build(&[]).expect_clean();
    site.page("")
}

#[test]
fn mkdocs_projects_read_lists_as_python_markdown() {
    let doc = mkdocs("site_name: Lists\n");
    // `  - pegs` is a second item of the same list, not a nested one.
    assert_eq!(
        doc.texts("article > ul:first-of-type > li"),
        ["tent", "pegs"]
    );
    assert!(!doc.has("article ul ul"));
    // A list straight after a paragraph line is part of the paragraph.
    assert!(
        doc.texts("article > p")
            .contains(&"Bring these: - water - map".to_owned())
    );
    // `1.` and `-` items, and the item after the blank line, make one ordered list; the
    // fence indented 4 spaces stays in the `11.` item.
    let items = doc.texts("article > ol > li");
    assert_eq!(items.len(), 3, "{items:?}");
    assert!(doc.has("article > ol > li:nth-child(3) pre"));
    assert_eq!(doc.all("article ol").len(), 1);
}

#[test]
fn mailto_and_heading_links() {
    let doc = mkdocs("site_name: Lists\n");
    assert_eq!(doc.href_of("tea@example.org"), "mailto:tea@example.org");
    assert_eq!(
        doc.href_of("kettle@example.org"),
        "mailto:kettle@example.org"
    );
    assert_eq!(doc.attr("article h2 a:not(.headerlink)", "href"), "other/");
}

#[test]
fn a_broken_link_in_a_heading_is_reported() {
    let site = fixture("mkdocs_plain");
    site.write("docs/index.md", "# Home\n\n## See [gone](gone.md)\n");
    site.build(&[])
        .expect_line("docs/index.md:3: warning: broken link 'gone.md'");
}

#[test]
fn sane_lists_keep_kinds_apart() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: Lists\nmarkdown_extensions:\n  - sane_lists\n",
    );
    site.write("docs/index.md", "# Steps\n\n3. Three\n- dash\n\n- bullet\n");
    site.build(&[]).expect_clean();
    let doc = site.page("");
    // The first number counts; a `-` line under a `3.` item is its text; a `-` list after
    // the blank line is a list of its own.
    assert_eq!(doc.attr("article > ol", "start"), "3");
    assert_eq!(doc.texts("article > ol > li"), ["Three - dash"]);
    assert_eq!(doc.texts("article > ul:first-of-type > li"), ["bullet"]);
}

#[test]
fn answerbook_sites_read_lists_as_commonmark_unless_told() {
    let site = fixture("minimal");
    site.write("content/index.md", PAGE);
    site.write("content/other.md", "# Other\n");
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert_eq!(doc.all("article ul ul").len(), 1);

    site.write(
        "site.yaml",
        "title: Minimal answers\nmarkdown: python-markdown\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert!(!doc.has("article ul ul"));

    site.write("site.yaml", "markdown: github\n");
    site.build(&[]).expect_code(1);
}

#[test]
fn a_page_without_an_h1_takes_its_title_from_nav() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: Teas\nnav:\n  - index.md\n  - Green teas: green.md\n",
    );
    site.write("docs/green.md", "Steep for two minutes.\n");
    site.build(&[]).expect_clean();
    let doc = site.page("green/");
    assert!(
        doc.text("head title").starts_with("Green teas"),
        "{}",
        doc.text("head title")
    );
}

#[test]
fn nothing_inside_a_comment_is_rendered() {
    let site = fixture("minimal");
    site.write(
        "content/index.md",
        "# Home\n\n<!--\n!!! note \"Hidden\"\n\n    Not shown.\n\n-->\n\nShown.\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert!(!doc.has("article .admonition"), "{}", doc.source);
    assert!(doc.source.contains("<!--\n!!! note"), "{}", doc.source);
}

#[test]
fn the_toc_marker_lists_the_headings() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: T\nmarkdown_extensions:\n  - toc:\n      baselevel: 2\n      title: On this page\n",
    );
    site.write("docs/index.md", "[TOC]\n\n# Brewing\n\n## Water\n");
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert_eq!(doc.text("article div.toc span.toctitle"), "On this page");
    assert_eq!(
        doc.attrs("article div.toc a", "href"),
        ["#brewing", "#water"]
    );
    assert!(doc.has("article div.toc > ul > li > ul > li"));
    // `baselevel: 2`: `#` is an h2.
    assert_eq!(doc.texts("article h2").len(), 1);
    assert_eq!(doc.texts("article h3").len(), 1);
}

//! Links read by Python-Markdown's rules on the pages of an MkDocs project are rewritten and
//! checked like any other: a relative `.md` link becomes the page's URL, a link to a missing
//! page is a warning at its line, and an answerbook site reads the same text as CommonMark.
//!
//! The sites are tests/fixtures/mkdocs_plain and tests/fixtures/minimal with their pages
//! replaced in the test's temp copy.

mod common;

use common::fixture;

const PAGE: &str = "\
# Home

Read [the guide](guide.md\"The guide\") first,
then [the setup notes](setup notes.md 'How to set up').

![the map](<img/the map.png> \"Map\")
";

#[test]
fn mkdocs_links_with_python_markdown_targets_are_rewritten() {
    let site = fixture("mkdocs_plain");
    site.write("docs/index.md", PAGE);
    site.write("docs/guide.md", "# Guide\n");
    site.write("docs/setup notes.md", "# Setup\n");
    site.write("docs/img/the map.png", "not really a picture");
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert_eq!(doc.href_of("the guide"), "guide/");
    assert_eq!(doc.attr("article a[title='The guide']", "href"), "guide/");
    assert_eq!(
        doc.attr("article a[title='How to set up']", "href"),
        "setup%20notes/"
    );
    assert_eq!(doc.attr("article img", "src"), "img/the%20map.png");
    assert_eq!(doc.attr("article img", "title"), "Map");
}

#[test]
fn a_missing_page_behind_such_a_target_is_reported_at_its_line() {
    let site = fixture("mkdocs_plain");
    site.write("docs/index.md", PAGE);
    site.write("docs/guide.md", "# Guide\n");
    site.write("docs/img/the map.png", "not really a picture");
    site.build(&[])
        .expect_line("docs/index.md:4: warning: broken link 'setup notes.md'");
}

#[test]
fn answerbook_sites_read_these_targets_as_commonmark() {
    let site = fixture("minimal");
    site.write("content/index.md", PAGE);
    site.write("content/guide.md", "# Guide\n");
    site.build(&[]);
    let doc = site.page("");
    // Neither target is a CommonMark link destination (a quote right after the address, a
    // space in it unbracketed): both stay as written, while the bracketed image address is one.
    assert_eq!(
        doc.all("article p")[0].inner_html(),
        "Read [the guide](guide.md\"The guide\") first,\n\
         then [the setup notes](setup notes.md 'How to set up')."
    );
    assert!(!doc.has("article p a"));
    assert_eq!(doc.attr("article img", "src"), "img/the%20map.png");
}

const DEFINITIONS: &str = "\
# Home

See [the guide] for more.
[the guide]: old.md
[The Guide]: guide.md 'Read me'
Also [gone][].
[gone]: <missing.md>\"never\"
";

#[test]
fn mkdocs_reference_definitions_split_paragraphs_and_the_last_one_wins() {
    let site = fixture("mkdocs_plain");
    site.write("docs/index.md", DEFINITIONS);
    site.write("docs/guide.md", "# Guide\n");
    let run = site.build(&[]);
    // `<missing.md>"never"` is one address, `missing.md>"never"`: a broken link at its use.
    run.expect_line("docs/index.md:6: warning: broken link 'missing.md>\"never\"'");
    assert_eq!(run.diagnostics().len(), 1, "{:?}", run.diagnostics());
    let doc = site.page("");
    assert_eq!(doc.attr("article a[title='Read me']", "href"), "guide/");
    assert_eq!(
        doc.texts("article > p"),
        ["See the guide for more.", "Also gone."]
    );
}

#[test]
fn a_definition_inside_a_quote_with_an_admonition_serves_its_link() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: Quoted\nmarkdown_extensions:\n  - admonition\n",
    );
    site.write(
        "docs/index.md",
        "# Quoted\n\n> !!! note\n>     See [the guide][g].\n>\n> [g]: guide.md\n",
    );
    site.write("docs/guide.md", "# Guide\n");
    site.build(&[]).expect_clean();
    let doc = site.page("");
    assert_eq!(doc.attr("blockquote .admonition a", "href"), "guide/");
    assert_eq!(
        doc.text("blockquote .admonition p:not(.admonition-title)"),
        "See the guide."
    );
}

//! The inline syntaxes of pymdown-extensions in an MkDocs project, as a reader gets them:
//! caret, tilde (with its subscript turned off) and mark, and magiclink with its shorthands
//! for the project's repository. The page is tests/fixtures/mkdocs_inline/docs/index.md.

mod common;

use common::{Doc, fixture, text_of};

fn page() -> Doc {
    let site = fixture("mkdocs_inline");
    site.build(&["--strict"]).expect_clean();
    site.page("")
}

fn paragraph(doc: &Doc, starts: &str) -> String {
    let p = doc
        .all("article p")
        .into_iter()
        .find(|p| text_of(*p).starts_with(starts))
        .unwrap_or_else(|| panic!("a paragraph starting {starts:?}"));
    p.inner_html()
}

#[test]
fn paired_marks_become_ins_sup_del_and_mark() {
    let doc = page();
    let p = paragraph(&doc, "Water");
    // `subscript: false`: `~2~` stays text.
    assert!(
        p.starts_with("Water is H~2~O, energy is mc<sup>2</sup> and "),
        "{p}"
    );
    assert!(p.contains("<ins>this was added</ins>"), "{p}");
    assert!(p.contains("<del>that was dropped</del>"), "{p}");
    assert_eq!(doc.texts("article mark"), ["the highlighted part"]);
    let p = paragraph(&doc, "Remember");
    assert!(p.contains("<code>==code==</code> or == spaced =="), "{p}");
    // Escaped marks and a superscript with an unescaped space stay text.
    let p = paragraph(&doc, "Escaped");
    assert_eq!(p, "Escaped: ^^kept^^ and a^b c^ with a space.");
}

#[test]
fn plain_urls_and_addresses_become_links() {
    let doc = page();
    // hide_protocol: the scheme is left out of the text; the full stop ends the sentence.
    assert_eq!(
        doc.href_of("example.org/guide/start"),
        "https://example.org/guide/start"
    );
    assert_eq!(doc.href_of("www.example.net"), "http://www.example.net");
    assert_eq!(doc.href_of("help@example.org"), "mailto:help@example.org");
    assert_eq!(
        doc.href_of("example.org/plain"),
        "https://example.org/plain"
    );
}

#[test]
fn repository_shorthands_link_to_the_projects_repository() {
    let doc = page();
    let base = "https://github.com/lamplighter";
    assert_eq!(doc.href_of("#14"), format!("{base}/wick/issues/14"));
    assert_eq!(doc.href_of("!15"), format!("{base}/wick/pull/15"));
    assert_eq!(doc.href_of("?16"), format!("{base}/wick/discussions/16"));
    assert_eq!(doc.href_of("candle#3"), format!("{base}/candle/issues/3"));
    assert_eq!(doc.href_of("@ember"), "https://github.com/ember");
    // The shortener: the project's own issue URL is shown as `#21`.
    assert_eq!(doc.href_of("#21"), format!("{base}/wick/issues/21"));
    assert_eq!(
        doc.attr("a[href$='/issues/21']", "title"),
        "GitHub Issue: lamplighter/wick #21"
    );
    assert_eq!(
        doc.attr("a[href$='/issues/21']", "class"),
        "magiclink magiclink-github magiclink-issue"
    );
    // Escaped, in code, or inside a link: left as written.
    let p = paragraph(&doc, "Not linked");
    assert!(
        p.starts_with("Not linked: #17 and <code>#18</code> and "),
        "{p}"
    );
    assert_eq!(
        doc.href_of("a link to https://example.org"),
        "https://example.org/x"
    );
}

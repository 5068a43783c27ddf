//! Syntax highlighting of code blocks, as a reader gets it: the MkDocs Material wrapper
//! (`div.language-x.highlight > pre > code`), `title`, `hl_lines`, `linenums`, escaped plain
//! code for unknown languages, and code inside admonitions and lists. The tokens of each
//! language are tested in highlight_languages.rs. The pages are under
//! tests/fixtures/highlight/content/.

mod common;
mod highlight_support;

use common::text_of;
use highlight_support::{assert_tokens, code, page, spans};
use scraper::ElementRef;

#[test]
fn every_block_is_wrapped_like_material() {
    let doc = page("languages");
    let wrappers = doc.all("article div.highlight");
    assert_eq!(wrappers.len(), 18);
    for div in wrappers {
        let first = div.children().filter_map(ElementRef::wrap).next().unwrap();
        assert_eq!(first.value().name(), "pre");
        // Pygments' empty span opens every <pre>, before <code>.
        let inner: Vec<_> = first.children().filter_map(ElementRef::wrap).collect();
        assert_eq!(inner[0].value().name(), "span");
        assert_eq!(inner[0].text().count(), 0);
        assert_eq!(inner[1].value().name(), "code");
    }
}

#[test]
fn title_becomes_a_filename_before_the_code() {
    let doc = page("options");
    assert_eq!(
        doc.text("div.language-python.highlight > span.filename + pre > code"),
        "print(\"titled\")"
    );
    assert_eq!(doc.text("div.highlight > span.filename"), "fetch.py");
}

#[test]
fn hl_lines_wrap_the_listed_lines() {
    let doc = page("options");
    let marked: Vec<String> = doc
        .all("div.highlight > pre > code > span.hll")
        .into_iter()
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(
        marked,
        [
            "two = 2\n",
            "four = 4\n",
            "five = 5\n",
            "    \"\"\"First line.\n"
        ]
    );
}

#[test]
fn linenums_put_numbers_in_their_own_column() {
    let doc = page("options");
    let tables = doc.all("div.language-python.highlight > table.highlighttable");
    assert_eq!(tables.len(), 2);
    let numbers = doc.texts("table.highlighttable td.linenos div.linenodiv pre");
    assert_eq!(numbers, ["1 2 3", "9 10"]);
    let code = doc.all("table.highlighttable td.code pre > code");
    assert_eq!(text_of(code[0]), "a = 1 b = 2 c = 3");
    // Numbers start where linenums says; hl_lines still count from the block's first line.
    assert_eq!(
        doc.text("table.highlighttable th.filename > span.filename"),
        "late.py"
    );
    assert_eq!(
        doc.text("table.highlighttable td.code code > span.hll"),
        "y = 10"
    );
}

#[test]
fn unknown_or_missing_language_is_escaped_plain_code() {
    let doc = page("plain");
    let unknown = code(&doc, "nosuchlang");
    assert_eq!(
        unknown.text().collect::<String>(),
        "<script>alert(\"x\")</script> & more\n"
    );
    assert!(spans(unknown).is_empty());
    assert!(
        doc.source
            .contains("<code>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more\n</code>"),
        "the script tag must reach the reader as text"
    );
    assert!(!doc.has("article script"));
    let untagged = doc.all("div.language-text.highlight pre > code");
    assert_eq!(
        untagged.len(),
        2,
        "the fence without a language and the indented block"
    );
    assert_eq!(untagged[0].text().collect::<String>(), "<b>bold?</b>\n");
    assert_eq!(
        untagged[1].text().collect::<String>(),
        "indented <i>code</i>\n"
    );
    assert!(!doc.has("article b, article i"));
}

#[test]
fn code_inside_admonitions_details_and_lists_is_highlighted() {
    let doc = page("nested");
    assert_tokens(
        doc.one("div.admonition.example > div.language-python.highlight pre > code"),
        &[("kn", "import"), ("nn", "json")],
    );
    assert_tokens(
        doc.one("details.note > div.language-yaml.highlight pre > code"),
        // Pygments' YAML lexer names every quoted string `s`.
        &[("nt", "key"), ("s", "'value'")],
    );
    assert_tokens(
        doc.one("ol > li > div.language-bash.highlight pre > code"),
        &[("nb", "echo"), ("s2", "\"in a list\"")],
    );
}

//! Code as an MkDocs project's `markdown_extensions` ask for it (pymdownx.highlight,
//! superfences, inlinehilite): the wrapper's classes, titles, line numbers, line anchors and
//! spans, fence attributes, custom fences, inline code with a language, tabs expanded; and
//! without any highlighter, Python-Markdown's plain `<pre><code class="language-x">`.
//! The project is tests/fixtures/mkdocs_code/.

mod common;

use common::{Doc, Site, fixture};

fn built() -> (Site, Doc) {
    let site = fixture("mkdocs_code");
    site.build(&["--strict"]).expect_clean();
    let doc = site.page("");
    (site, doc)
}

#[test]
fn blocks_get_the_material_wrapper_with_auto_titles_and_line_anchors() {
    let (_site, doc) = built();
    assert_eq!(
        doc.texts("article > div.language-python.highlight > span.filename"),
        ["Python"],
        "auto_title names the language"
    );
    // line_spans and anchor_linenums: one span and one self-linking anchor per line,
    // counted per block on the page.
    assert_eq!(
        doc.attrs(
            "article > div.language-python > pre > code > span[id]",
            "id"
        ),
        ["__span-0-1", "__span-0-2", "__span-0-3", "__span-0-4"]
    );
    assert_eq!(doc.attr("span#__span-0-2 > a", "href"), "#__codelineno-0-2");
}

#[test]
fn tabs_become_spaces_and_blank_lines_are_empty() {
    let (_site, doc) = built();
    let code: String = doc
        .one("article > div.language-python > pre > code")
        .text()
        .collect();
    assert_eq!(
        code,
        "def descale(kettle):\n    kettle.fill(\"vinegar\")\n\n    return kettle\n"
    );
}

#[test]
fn fence_attributes_title_and_numbers_from_a_chosen_line() {
    let (_site, doc) = built();
    let block = doc.one("div#boil");
    assert_eq!(
        block.value().attr("class"),
        Some("language-bash no-copy highlight")
    );
    assert_eq!(block.value().attr("data-step"), Some("2"));
    assert_eq!(doc.text("div#boil th.filename"), "boil.sh");
    assert_eq!(doc.texts("div#boil td.linenos a"), ["7", "8"]);
    assert_eq!(
        doc.attrs("div#boil td.linenos a", "href"),
        ["#__codelineno-boil-7", "#__codelineno-boil-8"]
    );
    assert!(doc.has("div#boil td.code a#__codelineno-boil-8:not([href])"));
}

#[test]
fn code_in_an_admonition_counts_as_the_third_block() {
    let (_site, doc) = built();
    assert!(doc.has("div.admonition.note > div.language-python.highlight span#__span-2-1"));
}

#[test]
fn mermaid_fences_are_left_for_the_browser() {
    let (_site, doc) = built();
    let code: String = doc.one("article > pre.mermaid > code").text().collect();
    assert_eq!(code, "graph LR\n  Cold --> Hot");
    assert!(
        !doc.has("pre.mermaid span"),
        "no highlighting inside a diagram"
    );
}

#[test]
fn the_sites_mermaid_renderer_is_loaded_on_pages_with_a_diagram_only() {
    let site = fixture("mkdocs_code");
    site.write(
        "docs/plain.md",
        "# Plain\n\nNo diagram here, only `code`.\n",
    );
    // Without a renderer of the site's own, no page loads one (nothing from a CDN).
    site.build(&[]).expect_clean();
    assert!(!site.page("").has("script[src$='mermaid.min.js']"));
    // With one, the page with a diagram loads it, and the page without does not.
    site.write(
        "docs/mermaid.min.js",
        "window.mermaid = { initialize() {}, run() {} };\n",
    );
    site.build(&[]).expect_clean();
    let diagram = site.page("");
    assert_eq!(
        diagram.attrs("head script[src$='mermaid.min.js']", "src"),
        ["./mermaid.min.js"]
    );
    assert!(site.out().join("mermaid.min.js").is_file());
    assert!(!site.page("plain/").has("script[src$='mermaid.min.js']"));
}

#[test]
fn inline_code_with_a_language_is_highlighted() {
    let (_site, doc) = built();
    let code = doc.one("p > code.language-python.highlight");
    assert_eq!(code.text().collect::<String>(), "descale(kettle)");
    assert!(doc.has("p > code.language-python.highlight > span.n"));
    assert_eq!(doc.texts("p > code:not([class])"), ["plain text"]);
}

#[test]
fn without_a_highlighter_code_is_python_markdowns_plain_pre() {
    let site = fixture("mkdocs_code");
    site.write(
        "mkdocs.yml",
        "site_name: Kettle code\nmarkdown_extensions: [attr_list]\n",
    );
    site.build(&["--strict"]).expect_clean();
    let doc = site.page("");
    assert!(!doc.has("div.highlight"));
    assert_eq!(
        doc.attr("pre#boil", "class"),
        "no-copy",
        "id and classes on <pre>"
    );
    assert_eq!(doc.attr("pre#boil > code", "class"), "language-bash");
    assert!(!doc.has("pre span"), "no highlighting");
    // `#!python` is text without inlinehilite.
    assert_eq!(doc.texts("p > code")[0], "#!python descale(kettle)");
}

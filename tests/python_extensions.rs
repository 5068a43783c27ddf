//! Extension behaviours of Python-Markdown and pymdown-extensions that the conformance cases
//! (issue 13) showed, as a reader of an MkDocs project's page gets them: content tabs nested in
//! tabs, indented code under superfences alone, and the others each test names.
//!
//! The site is tests/fixtures/mkdocs_plain with its `mkdocs.yml` and page replaced in the
//! test's temp copy.

mod common;

use common::{Doc, mkdocs_page};

/// Builds a one-page MkDocs project listing `extensions` (YAML list items) with `page`.
fn mkdocs(extensions: &str, page: &str) -> Doc {
    mkdocs_page(
        &format!("site_name: Cases\nmarkdown_extensions:\n{extensions}"),
        page,
    )
}

const TABS: &str = "  - pymdownx.superfences\n  - pymdownx.tabbed:\n      alternate_style: true\n";

/// A set of two tabs whose first holds a nested set of two, then the outer set's second tab.
const NESTED_TABS: &str = "\
=== \"Kettle\"
    Fill it.

    === \"Electric\"
        Press the switch.

    === \"Stove\"
        Light the gas.

=== \"Teapot\"
    Warm it first.
";

#[test]
fn a_tab_after_a_nested_set_joins_the_outer_set() {
    let page = NESTED_TABS;
    let doc = mkdocs(TABS, page);
    assert_eq!(
        doc.attrs("div.tabbed-set", "data-tabs"),
        ["1:2", "2:2"],
        "two sets of two tabs"
    );
    assert_eq!(
        doc.texts("article > div.tabbed-set > div.tabbed-labels > label"),
        ["Kettle", "Teapot"]
    );
    assert_eq!(
        doc.texts("div.tabbed-block div.tabbed-set > div.tabbed-labels > label"),
        ["Electric", "Stove"]
    );
    assert_eq!(
        doc.attrs("article > div.tabbed-set > input", "id"),
        ["__tabbed_1_1", "__tabbed_1_2"]
    );
}

#[test]
fn a_tab_after_a_nested_set_joins_the_outer_set_in_the_first_style() {
    let page = NESTED_TABS;
    let doc = mkdocs("  - pymdownx.superfences\n  - pymdownx.tabbed\n", page);
    assert_eq!(doc.attrs("div.tabbed-set", "data-tabs"), ["1:2", "2:2"]);
    assert_eq!(
        doc.texts("article > div.tabbed-set > label"),
        ["Kettle", "Teapot"]
    );
    assert_eq!(
        doc.attrs("article > div.tabbed-set > input", "id"),
        ["__tabbed_1_1", "__tabbed_1_2"]
    );
}

#[test]
fn indented_code_is_plain_under_superfences_without_highlight() {
    let page = "Steep:\n\n    wait 3m\n\n```python\nsteep(3)\n```\n";
    let doc = mkdocs("  - pymdownx.superfences\n", page);
    // The indented block is Python-Markdown's own; the fence is highlighted.
    assert_eq!(doc.text("article > pre > code"), "wait 3m");
    assert!(doc.has("article > div.highlight > pre > code > span"));
    assert_eq!(doc.all("article > div.highlight").len(), 1);
    // With pymdownx.highlight listed, the indented block is highlighted too.
    let doc = mkdocs("  - pymdownx.highlight\n  - pymdownx.superfences\n", page);
    assert!(!doc.has("article > pre"));
    assert_eq!(doc.all("article > div.highlight > pre > code").len(), 2);
}

#[test]
fn a_details_block_without_a_title_has_no_summary() {
    let page = "\
/// details
Hidden *leaves*.
///

/// details |
    type: tip

Hidden roots.
///

/// details
    type: tip

Hidden stems.
///

??? tip \"\"
    Hidden buds.
";
    let doc = mkdocs("  - pymdownx.details\n  - pymdownx.blocks.details\n", page);
    let blocks = doc.all("article > details");
    assert_eq!(blocks.len(), 4);
    assert_eq!(
        doc.texts("article > details > summary"),
        ["Tip", ""],
        "a type without a title names the block; `??? tip \"\"` keeps an empty summary"
    );
    assert!(doc.has("article > details:first-of-type > p > em"));
    assert!(!doc.has("article > details:first-of-type > summary"));
    assert!(!doc.has("article > details.tip:nth-of-type(2) > summary"));
}

#[test]
fn footnotes_are_numbered_in_the_order_they_are_defined_unless_told_otherwise() {
    let page = "Green[^green] and black[^black] tea.\n\n[^black]: Oxidised.\n[^green]: Steamed.\n";
    // Python-Markdown 3.10's default, as an MkDocs site built today shows.
    for listed in [
        "  - footnotes\n",
        "  - footnotes:\n      USE_DEFINITION_ORDER: true\n",
    ] {
        let doc = mkdocs(listed, page);
        assert_eq!(
            doc.texts("article sup a.footnote-ref"),
            ["2", "1"],
            "{listed}"
        );
        assert_eq!(doc.attrs("div.footnote li", "id"), ["fn:black", "fn:green"]);
    }
    let doc = mkdocs("  - footnotes:\n      USE_DEFINITION_ORDER: false\n", page);
    assert_eq!(doc.texts("article sup a.footnote-ref"), ["1", "2"]);
    assert_eq!(doc.attrs("div.footnote li", "id"), ["fn:green", "fn:black"]);
}

#[test]
fn one_column_tables_need_a_pipe_on_every_row() {
    let page = "\
| Tea
| ---
| Green

| Coffee
| ---
Black
";
    let doc = mkdocs("  - tables\n", page);
    assert_eq!(doc.texts("article table th"), ["Tea"]);
    assert_eq!(doc.texts("article table td"), ["Green"]);
    assert_eq!(doc.all("article table").len(), 1);
    assert_eq!(doc.text("article > p"), "| Coffee | --- Black");
}

#[test]
fn a_leading_pipe_under_a_header_without_borders_is_an_empty_cell() {
    let page = "\
Cup | Pot | Jug
----|-----|----
   | tea |
ale | | 
";
    let doc = mkdocs("  - tables\n", page);
    assert_eq!(
        doc.texts("article table tbody tr:first-child td"),
        ["", "tea", ""]
    );
    assert_eq!(
        doc.texts("article table tbody tr:last-child td"),
        ["ale", "", ""]
    );
}

#[test]
fn lists_inside_definitions_nest_at_four_spaces() {
    let page = "\
Tea

:   Dried leaves.

    - green

      steamed, not a paragraph of the item
";
    let doc = mkdocs("  - def_list\n", page);
    assert_eq!(doc.texts("dd > ul > li"), ["green"]);
    assert!(!doc.has("dd li p"), "the item is tight");
    assert_eq!(
        doc.texts("dd > p"),
        ["Dried leaves.", "steamed, not a paragraph of the item"]
    );
}

#[test]
fn style_plain_text_may_name_the_language_of_plain_inline_code() {
    let page = "Run `import tea` first, or `#!python import pot`.\n\n    import cup\n";
    let yml =
        "  - pymdownx.highlight\n  - pymdownx.inlinehilite:\n      style_plain_text: python\n";
    let doc = mkdocs(yml, page);
    assert_eq!(
        doc.texts("article p code.highlight"),
        ["import tea", "import pot"]
    );
    assert_eq!(
        doc.texts("article p code.highlight > span.kn"),
        ["import", "import"],
        "both are Python"
    );
    // Blocks are not inline code: the indented block names no language and stays plain.
    let block = doc.one("article div.highlight pre > code");
    assert_eq!(block.inner_html(), "import cup\n");
}

#[test]
fn a_fence_attribute_whose_quote_never_closes_keeps_the_quote() {
    let page = "``` { .sh size=\">big }\nboil\n```\n";
    let doc = mkdocs("  - attr_list\n", page);
    assert_eq!(doc.attr("article pre > code.language-sh", "size"), "\">big");
}

#[test]
fn use_pygments_on_a_plain_fence_drops_its_attributes() {
    let page = "``` { .sh size=big use_pygments=true }\nboil\n```\n\n``` { .sh size=small use_pygments=false }\nsteep\n```\n";
    let doc = mkdocs("  - attr_list\n", page);
    let codes = doc.all("article pre > code.language-sh");
    assert_eq!(codes.len(), 2);
    assert_eq!(codes[0].value().attr("size"), None);
    assert_eq!(codes[1].value().attr("size"), Some("small"));
    assert!(!doc.has("code[use_pygments]"));
}

#[test]
fn a_quoted_toc_label_with_spaces_names_the_heading_in_the_toc_only() {
    let page = "# Kettles\n\n## Descaling with vinegar { #descale data-toc-label=\"Descale it\" }\n\n\
                Fill it with vinegar.\n\n## Boiling <small>fast</small> { #boil data-toc-label=\"Boil\" }\n\n\
                Use the lid.\n\n## Pouring { #pour }\n\nSlowly.\n";
    let doc = mkdocs("  - attr_list\n  - toc:\n      permalink: true\n", page);
    // The heading keeps its id, and no attribute made of the label's pieces.
    for (id, text) in [
        ("descale", "Descaling with vinegar"),
        ("boil", "Boiling fast"),
    ] {
        let css = format!("article h2#{id}");
        assert_eq!(doc.text(&css).trim_end_matches('¶'), text);
        let names: Vec<&str> = doc.one(&css).value().attrs().map(|(n, _)| n).collect();
        assert_eq!(names, ["id"]);
    }
    assert_eq!(
        doc.texts("nav[aria-label='On this page'] a"),
        ["Descale it", "Boil", "Pouring"]
    );
}

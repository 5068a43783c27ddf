//! `///` blocks (pymdownx.blocks) in an MkDocs project that lists them: each block is on
//! without the classic extension of the same kind, takes the types and options mkdocs.yml
//! gives, nests in classic admonitions, and diagnostics inside keep their lines.
//! Fixtures: tests/fixtures/mkdocs_slash_blocks, and mkdocs_blocks_indent for the leading
//! spaces Python-Markdown keeps in text.

mod common;

use common::{Doc, fixture};

fn page() -> Doc {
    let site = fixture("mkdocs_slash_blocks");
    site.build(&[]).expect_code(0);
    site.page("")
}

#[test]
fn admonition_blocks_render_without_a_type_class_and_with_configured_types() {
    let doc = page();
    // `/// admonition | Title`: the admonition class alone, the title as written.
    let plain = doc.one("div.admonition:not(.note):not(.warning):not(.danger):not(.info)");
    assert_eq!(plain.value().attr("class"), Some("admonition"));
    assert_eq!(
        doc.texts("div.admonition > p.admonition-title")[0],
        "Plain box"
    );
    // An empty title is no title; `attrs:` adds classes and an id.
    let note = doc.one("div#rinse-note");
    assert_eq!(note.value().attr("class"), Some("admonition note quiet"));
    assert!(!doc.has("div#rinse-note > p.admonition-title"));
    // A configured type: its own class and default title.
    assert_eq!(
        doc.text("div.admonition.warning > p.admonition-title"),
        "Watch out"
    );
    // `tip` is not among the configured types: the lines stay text.
    assert!(doc.source.contains("/// tip"));
}

#[test]
fn blocks_nest_in_classic_admonitions_and_each_other() {
    let doc = page();
    let details = doc.one("div.admonition.info > details[open]");
    assert_eq!(details.value().attr("class"), None);
    assert_eq!(
        doc.text("div.admonition.info > details > summary"),
        "Inner summary"
    );
    assert_eq!(
        doc.text("div.admonition.info > details > p"),
        "Folded inside a classic box."
    );
    // `////` around `///`, the outer one typed by its `type:` option, untitled by default.
    assert_eq!(
        doc.text("div.admonition.danger > p.admonition-title"),
        "Danger"
    );
    assert_eq!(
        doc.text("div.admonition.danger > div.admonition.note > p:not(.admonition-title)"),
        "Nested body."
    );
}

#[test]
fn html_definition_and_tab_blocks() {
    let doc = page();
    let steps = doc.one("div#steps.steps");
    assert_eq!(steps.value().attr("data-kind"), Some("howto"));
    assert_eq!(doc.text("div#steps > p > em"), "one");
    // A span's body is inline markdown, a pre's is text.
    assert_eq!(doc.text("span > em"), "inline");
    assert_eq!(doc.text("article pre"), "Keep <b>this</b> as text.");
    assert_eq!(doc.text("dl > dt"), "Scale");
    assert_eq!(doc.text("dl > dd"), "The white crust hard water leaves.");
    assert!(!doc.has("dl ul"));
    // The definition list ends with its block: what follows is not read as more terms
    // (Python-Markdown's list rules once took the `///` line for the item's text).
    assert_eq!(doc.texts("dt"), ["Scale"]);
    assert_eq!(doc.texts("dl > dd > p"), Vec::<String>::new());
    assert_eq!(
        doc.texts("div.tabbed-set label"),
        ["Vinegar", "Citric acid"]
    );
}

#[test]
fn a_broken_link_inside_a_block_names_its_line() {
    let site = fixture("mkdocs_slash_blocks");
    site.build(&[])
        .expect_code(0)
        .expect_line("docs/index.md:61: warning: broken link 'missing.md'");
}

#[test]
fn indentation_python_markdown_keeps_in_text_stays() {
    let site = fixture("mkdocs_blocks_indent");
    site.build(&[]).expect_code(0);
    let doc = site.page("");
    // A list item's continuation line inside `/// define` keeps its two spaces.
    assert_eq!(
        doc.one("dl > dd").text().collect::<String>(),
        "Calcium carbonate left behind\n  when hard water boils away."
    );
    assert!(!doc.has("dl > dd > p"), "{}", doc.source);
    // The option lines of a header that is no block continue its paragraph as written.
    assert!(
        doc.source
            .contains("<p>/// html | aside\n    colour: blue\nNot a block"),
        "{}",
        doc.source
    );
}

#[test]
fn tabs_in_the_first_style_when_alternate_style_is_off() {
    let site = fixture("mkdocs_legacy_tabs");
    site.build(&[]).expect_code(0);
    let doc = site.page("");
    // Two sets: the third tab starts its own (`new: true`).
    let sets = doc.all("div.tabbed-set");
    assert_eq!(sets.len(), 2);
    assert!(!doc.has("div.tabbed-alternate, div.tabbed-labels, div.tabbed-block"));
    assert_eq!(sets[0].value().attr("data-tabs"), Some("1:2"));
    // Each tab: its input, its label (title as inline markdown), then its content.
    let names: Vec<&str> = sets[0]
        .children()
        .filter_map(|c| c.value().as_element().map(|e| e.name()))
        .collect();
    assert_eq!(names, ["input", "label", "div", "input", "label", "div"]);
    assert_eq!(
        doc.text("div.tabbed-set > label[for='__tabbed_1_1'] > em"),
        "Vinegar"
    );
    // `select: true` checks the second tab, not the first.
    assert_eq!(
        doc.attrs("div.tabbed-set > input[checked]", "id"),
        ["__tabbed_1_2", "__tabbed_2_1"]
    );
    assert_eq!(
        doc.texts("div.tabbed-set > div.tabbed-content"),
        ["Soak overnight.", "Boil and rinse.", "Scrub gently."]
    );
}

#[test]
fn slash_tabs_take_the_alternate_style_of_blocks_tab_without_tabbed() {
    let site = fixture("mkdocs_alternate_slash_tabs");
    site.build(&[]).expect_code(0);
    let doc = site.page("");
    // `alternate_style` under pymdownx.blocks.tab is enough; pymdownx.tabbed is not enabled.
    assert_eq!(doc.all("div.tabbed-set.tabbed-alternate").len(), 1);
    assert_eq!(
        doc.text("div.tabbed-labels > label[for='__tabbed_1_2']"),
        "Citric acid"
    );
    assert_eq!(doc.all("div.tabbed-content > div.tabbed-block").len(), 2);
    assert!(!doc.has("div.tabbed-set > label"));
}

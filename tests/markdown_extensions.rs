//! The MkDocs Material syntaxes beyond admonitions, as a reader's browser gets them: content
//! tabs that switch without JavaScript, `///` blocks, admonitions in block quotes, task lists,
//! definition lists, footnotes, abbreviations, attribute lists and markdown inside HTML.
//! The page is tests/fixtures/markdown_extensions/content/syntax.md.

mod common;

use common::{Doc, fixture, heading_text, text_of};

fn page() -> Doc {
    let site = fixture("markdown_extensions");
    site.build(&["--strict"]).expect_clean();
    site.page("syntax/")
}

#[test]
fn consecutive_tabs_form_one_set_of_radio_inputs_and_labels() {
    let doc = page();
    let sets = doc.all("div.tabbed-set.tabbed-alternate");
    assert_eq!(
        sets.len(),
        2,
        "two tab sets, split by the paragraph between them"
    );
    assert_eq!(doc.attrs("div.tabbed-set", "data-tabs"), ["1:2", "2:2"]);
    assert_eq!(
        doc.texts("div.tabbed-set:nth-of-type(1) .tabbed-labels label"),
        ["Pip", "Conda"]
    );
    assert_eq!(
        doc.attrs("div.tabbed-set > input", "id"),
        [
            "__tabbed_1_1",
            "__tabbed_1_2",
            "__tabbed_2_1",
            "__tabbed_2_2"
        ]
    );
    // The first tab is checked unless another is marked with `===+`.
    assert_eq!(
        doc.attrs("div.tabbed-set > input[checked]", "id"),
        ["__tabbed_1_1", "__tabbed_2_1"]
    );
    let blocks = doc.all("div.tabbed-set .tabbed-content > div.tabbed-block");
    assert_eq!(blocks.len(), 4);
    assert_eq!(text_of(blocks[0]), "Install it with pip.");
    assert!(
        doc.has("div.tabbed-block em"),
        "markdown inside a tab is rendered"
    );
    assert!(
        doc.has("div.tabbed-block pre code"),
        "fenced code inside a tab is code"
    );
    // Each label is tied to its input.
    assert_eq!(
        doc.attrs("div.tabbed-labels label", "for")[1],
        "__tabbed_1_2"
    );
}

#[test]
fn slash_blocks_become_admonitions_and_details() {
    let doc = page();
    let warning = doc.one("div.admonition.warning");
    assert_eq!(text_of(warning), "Mind the gap Written as a block.");
    let details = doc.one("details.tip");
    assert_eq!(details.value().attr("open"), Some("open"));
    assert_eq!(doc.text("details.tip > summary"), "More to read");
    assert!(doc.text("details.tip > p").starts_with("Hidden by default"));
}

#[test]
fn admonition_inside_a_block_quote() {
    let doc = page();
    assert_eq!(
        doc.text("blockquote > div.admonition.note > p.admonition-title"),
        "Quoted note"
    );
    assert_eq!(
        doc.text("blockquote > div.admonition.note > p:not(.admonition-title)"),
        "Inside a block quote."
    );
}

#[test]
fn task_lists_use_material_checkboxes() {
    let doc = page();
    let items = doc.all("ul.task-list > li.task-list-item");
    assert_eq!(items.len(), 2);
    assert_eq!(
        doc.all("li.task-list-item label.task-list-control input[type=checkbox][disabled]")
            .len(),
        2
    );
    assert_eq!(doc.all("li.task-list-item input[checked]").len(), 1);
    assert_eq!(text_of(items[1]), "Publish it");
}

#[test]
fn definition_lists_footnotes_and_abbreviations() {
    let doc = page();
    assert_eq!(doc.text("dl > dt"), "Pickling");
    assert_eq!(doc.text("dl > dd"), "Turning an object into bytes.");
    assert_eq!(doc.attr("abbr", "title"), "Central Processing Unit");
    assert_eq!(doc.text("abbr"), "CPU");
    assert!(
        !doc.source.contains("*[CPU]"),
        "the definition line is not shown"
    );
    assert_eq!(
        doc.attr("sup#fnref\\:speed > a.footnote-ref", "href"),
        "#fn:speed"
    );
    let note = doc.one("div.footnote > ol > li#fn\\:speed");
    assert!(text_of(note).starts_with("Quickly, one hopes."));
    assert_eq!(
        doc.attr("li#fn\\:speed a.footnote-backref", "href"),
        "#fnref:speed"
    );
}

#[test]
fn attribute_lists_on_paragraphs_and_links() {
    let doc = page();
    let lead = doc.one("p.lead#opening");
    assert_eq!(text_of(lead), "A paragraph with a class.");
    assert!(
        !doc.source.contains("{: .lead"),
        "the attribute list itself is not shown"
    );
    let button = doc.one("a.md-button");
    assert_eq!(button.value().attr("href"), Some("#syntax-sampler"));
    assert_eq!(text_of(button), "Get started");
}

#[test]
fn markdown_inside_html_marked_markdown() {
    let doc = page();
    assert_eq!(doc.text("div.grid > p > strong"), "Bold inside a div.");
    assert!(
        !doc.source.contains(" markdown>"),
        "the markdown attribute is dropped"
    );
}

#[test]
fn markers_inside_code_stay_literal() {
    let doc = page();
    let code = doc.text("pre code.language-text, div.language-text pre code");
    assert!(code.contains("=== \"Not a tab\""), "{code}");
    assert!(code.contains("/// note | not a block"), "{code}");
}

#[test]
fn fenced_code_classes_and_id_from_braces() {
    let doc = page();
    let block = doc.one("div#install-command");
    let classes: Vec<&str> = block.value().classes().collect();
    assert!(
        classes.contains(&"language-sh")
            && classes.contains(&"no-copy")
            && classes.contains(&"highlight"),
        "{classes:?}"
    );
    // --strict in page(): the link to the block's id resolves.
    assert_eq!(doc.href_of("the install command"), "#install-command");
}

#[test]
fn syntax_answerbook_does_not_know_passes_through_as_text() {
    // page() builds with --strict: none of this may fail the build.
    let doc = page();
    let para = doc
        .all("article p")
        .into_iter()
        .map(text_of)
        .find(|t| t.starts_with("Press"))
        .expect("the paragraph with an unknown shortcode");
    // A shortcode that is no emoji stays text. (An icon shortcode such as
    // `:material-keyboard:` now becomes its SVG, or warns when the site has no icon set:
    // tests/inline_more.rs.)
    assert_eq!(
        para,
        "Press :not-an-emoji: to continue, or see the snippet below."
    );
    assert!(doc.source.contains("<!-- md:option sampler.enabled -->"));
    assert!(
        doc.source
            .contains("--8&lt;-- \"includes/abbreviations.md\"")
            || doc
                .source
                .contains("--8&lt;-- &quot;includes/abbreviations.md&quot;"),
        "the snippet line is shown as text"
    );
}

#[test]
fn an_unclosed_markdown_div_is_reported_at_its_line_and_keeps_what_follows() {
    let site = fixture("minimal");
    site.write(
        "content/open-div.md",
        "---\ntitle: Open div\n---\n# Open div\n\nBefore.\n\n<div class=\"box\" markdown>\n\nInside *the box*.\n\n## A heading after\n\nThe last paragraph.\n",
    );
    let run = site.build(&[]);
    run.expect_code(0).expect_line(
        "content/open-div.md:8: warning: `<div markdown>` is never closed: add `</div>`; it is closed at the end of the page",
    );
    let doc = site.page("open-div/");
    assert_eq!(doc.text("div.box > p > em"), "the box");
    assert_eq!(heading_text(doc.one("div.box > h2")), "A heading after");
    assert_eq!(doc.text("div.box > p:last-child"), "The last paragraph.");
    site.build(&["--strict"]).expect_code(1);
}

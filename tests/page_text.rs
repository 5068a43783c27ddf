//! What a page's text can hold without breaking its HTML: NUL characters, quotes in heading
//! ids, an h3 before the first h2, and front matter closed by YAML's `...` document end.

mod common;

use common::fixture;

#[test]
fn nul_becomes_the_replacement_character_everywhere() {
    let site = fixture("minimal");
    site.write(
        "content/basics/nul.md",
        "---\ntitle: \"Nul\u{0}title\"\ndescription: nul\u{0}desc\n---\n\n# Heading\n\nText\u{0}here and `code\u{0}span`.\n\n<div class=\"raw\">raw\u{0}html</div>\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("basics/nul/");
    assert!(!doc.source.contains('\u{0}'), "a NUL reached the HTML");
    assert_eq!(
        doc.text("article p"),
        "Text\u{fffd}here and code\u{fffd}span."
    );
    assert_eq!(doc.text("div.raw"), "raw\u{fffd}html");
    assert!(doc.text("title").starts_with("Nul\u{fffd}title"));
    assert_eq!(doc.meta("description"), ["nul\u{fffd}desc"]);
}

#[test]
fn heading_ids_cannot_break_out_of_their_attribute() {
    let site = fixture("minimal");
    site.write(
        "content/basics/ids.md",
        "# Ids\n\n## Quoted {#a\"b}\n\n## Amp {#c&d'e\"f}\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("basics/ids/");
    // The ids come back whole from the attribute: the quotes never ended it.
    assert_eq!(doc.attrs("article h2", "id"), ["a\"b", "c&d'e\"f"]);
    let titles: Vec<String> = doc
        .all("article h2")
        .into_iter()
        .map(common::heading_text)
        .collect();
    assert_eq!(titles, ["Quoted", "Amp"]);
    assert_eq!(
        doc.attrs("article h2 a.headerlink", "href"),
        ["#a\"b", "#c&d'e\"f"]
    );
}

#[test]
fn h3_before_the_first_h2_is_in_the_table_of_contents() {
    let site = fixture("minimal");
    site.write(
        "content/basics/early.md",
        "# Early\n\n### Before any h2\n\n## First\n\n### Under first\n\n## Second\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("basics/early/");
    assert_eq!(
        doc.attrs("aside.toc a", "href"),
        ["#before-any-h2", "#first", "#under-first", "#second"]
    );
}

#[test]
fn three_dots_end_front_matter_as_dashes_do() {
    let site = fixture("minimal");
    site.write(
        "content/basics/dots.md",
        "---\ntitle: Closed by dots\ndescription: Ends with a YAML document end.\n...\n\nThe body.\n",
    );
    site.build(&[]).expect_clean();
    let doc = site.page("basics/dots/");
    assert_eq!(doc.text("article h1"), "Closed by dots");
    assert_eq!(doc.meta("description"), ["Ends with a YAML document end."]);
    assert_eq!(doc.text("article p"), "The body.");
    assert!(
        !doc.source.contains("title: Closed"),
        "front matter shown as text"
    );
}

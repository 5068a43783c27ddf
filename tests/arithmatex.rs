//! pymdownx.arithmatex in an MkDocs project, as a reader's browser gets the math: inline and
//! block TeX kept whole for MathJax (a script with a preview) or, with `generic: true`, as
//! text in `\(...\)` / `\[...\]`; escapes, code and the syntaxes turned off stay text.
//! The site is tests/fixtures/mkdocs_plain with its page replaced in the test's temp copy.

mod common;

use common::{Doc, mkdocs_page};

fn page(options: &str, markdown: &str) -> Doc {
    let yml = format!("site_name: Sums\nmarkdown_extensions:\n  - pymdownx.arithmatex{options}\n");
    mkdocs_page(&yml, &format!("# Sums\n\n{markdown}"))
}

fn generic(markdown: &str) -> Doc {
    page(":\n      generic: true", markdown)
}

#[test]
fn inline_math_is_a_mathjax_script_with_a_preview() {
    let doc = page("", "Area is $a_1 * b_1 < c$ here.\n");
    assert_eq!(
        doc.one("article p").inner_html(),
        "Area is <span class=\"arithmatex\"><span class=\"MathJax_Preview\">a_1 * b_1 &lt; c\
         </span><script type=\"math/tex\">a_1 * b_1 &lt; c</script></span> here."
    );
}

#[test]
fn a_block_of_math_is_a_display_script() {
    let doc = page("", "$$\nx^2 + y^2\n$$\n");
    assert_eq!(
        doc.one("div.arithmatex > script").attr("type"),
        Some("math/tex; mode=display")
    );
    assert_eq!(
        doc.one("div.arithmatex > script").inner_html(),
        "\nx^2 + y^2\n"
    );
    assert_eq!(doc.one("div.MathJax_Preview").inner_html(), "\nx^2 + y^2\n");
    assert!(!doc.has("article p"));
}

#[test]
fn generic_mode_wraps_the_math_in_tex_delimiters() {
    let doc = generic(
        "Say \\(a\\_b\\) or $c*d*e$.\n\n\\[\nf\n\\]\n\n\\begin{align}g \\\\ h\\end{align}\n",
    );
    assert_eq!(doc.texts("span.arithmatex"), ["\\(a\\_b\\)", "\\(c*d*e\\)"]);
    let blocks: Vec<String> = doc
        .all("div.arithmatex")
        .iter()
        .map(|d| d.inner_html())
        .collect();
    assert_eq!(
        blocks,
        ["\\[\nf\n\\]", "\\[\\begin{align}g \\\\ h\\end{align}\\]"]
    );
}

#[test]
fn escapes_code_and_money_stay_text() {
    let doc = generic(
        "Costs \\$4 and $5 each, `$x$` in code, \\\\$y$ after a backslash.\n\n    $$\n    code\n    $$\n",
    );
    assert_eq!(doc.texts("span.arithmatex"), ["\\(y\\)"]);
    assert_eq!(doc.text("article p code"), "$x$");
    assert_eq!(doc.one("article pre code").inner_html(), "$$\ncode\n$$\n");
    assert!(doc.text("article p").starts_with("Costs $4 and $5 each"));
}

#[test]
fn a_math_block_inside_a_list_item_stays_in_it() {
    let doc = generic("- Sum:\n\n    $$\n    n + 1\n    $$\n");
    assert_eq!(
        doc.one("article li div.arithmatex").inner_html(),
        "\\[\nn + 1\n\\]"
    );
}

#[test]
fn syntaxes_left_out_of_the_options_are_text() {
    let doc = page(
        ":\n      generic: true\n      inline_syntax: [round]\n      block_syntax: [square]",
        "Only $a$ and \\(b\\).\n\n$$\nc\n$$\n",
    );
    assert_eq!(doc.texts("span.arithmatex"), ["\\(b\\)"]);
    assert!(!doc.has("div.arithmatex"));
    assert!(doc.text("article").contains("Only $a$"));
}

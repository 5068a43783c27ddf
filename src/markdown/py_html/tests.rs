//! Raw HTML on pages of a Python-Markdown site, rendered whole.

use crate::markdown::tests_support::{render_commonmark, render_with};
use crate::markdown::{Features, Rules};

fn page(body: &str, md_in_html: bool) -> String {
    let features = Features {
        rules: Rules::PythonMarkdown,
        md_in_html,
        ..Features::default()
    };
    render_with(body, &features)
}

fn py(body: &str) -> String {
    page(body, false)
}

#[test]
fn blank_lines_do_not_end_an_element_its_end_tag_does() {
    let body = "<section>\n\n  Kettle *on*.\n\n  - not a list\n\n</section>\n\nTea *time*.\n";
    assert_eq!(
        py(body),
        "<section>\n\n  Kettle *on*.\n\n  - not a list\n\n</section>\n<p>Tea <em>time</em>.</p>\n"
    );
}

#[test]
fn nested_elements_of_the_same_name_are_counted() {
    let body = "<div><div>\n\n</div>\n*inner*\n</div>\n*after*\n";
    assert_eq!(
        py(body),
        "<div><div>\n\n</div>\n*inner*\n</div>\n<p><em>after</em></p>\n"
    );
}

#[test]
fn an_element_never_closed_runs_to_the_end_of_the_page() {
    assert_eq!(
        py("<p>Open *paragraph*\n\nstill *raw*\n"),
        "<p>Open *paragraph*\n\nstill *raw*\n"
    );
}

#[test]
fn raw_html_interrupts_a_paragraph_and_the_next_line_starts_another() {
    assert_eq!(
        py("Before *a*.\n<p>*b*</p>\nAfter *c*.\n"),
        "<p>Before <em>a</em>.</p>\n<p>*b*</p>\n<p>After <em>c</em>.</p>\n"
    );
}

#[test]
fn text_after_the_end_tag_on_its_line_is_a_new_paragraph() {
    assert_eq!(py("<div>x</div>*y*\n"), "<div>x</div>\n<p><em>y</em></p>\n");
    assert_eq!(
        py("<div>x</div> <div>y</div>\n"),
        "<div>x</div>\n<div>y</div>\n"
    );
    assert_eq!(
        py("<p>a</p><span>*b*</span>\n"),
        "<p>a</p>\n<p><span><em>b</em></span></p>\n"
    );
}

#[test]
fn a_horizontal_rule_tag_stands_alone() {
    assert_eq!(
        py("*one*\n<hr>\n*two*\n"),
        "<p><em>one</em></p>\n<hr>\n<p><em>two</em></p>\n"
    );
    assert_eq!(
        py("*one*\n</hr>\n*two*\n"),
        "<p><em>one</em>\n<em>two</em></p>\n"
    );
}

#[test]
fn comments_instructions_and_declarations_run_to_their_close() {
    assert_eq!(
        py("<!-- a\n\nb -->*c*\n"),
        "<!-- a\n\nb -->\n<p><em>c</em></p>\n"
    );
    assert_eq!(py("<?php\n\necho 1;\n\n?>\n"), "<?php\n\necho 1;\n\n?>\n");
    assert_eq!(
        py("<!DOCTYPE html>*x*\n"),
        "<!DOCTYPE html>\n<p><em>x</em></p>\n"
    );
    assert_eq!(py("<![CDATA[ 1 > 0\n\n]]>\n"), "<![CDATA[ 1 > 0\n\n]]>\n");
}

#[test]
fn an_unclosed_or_bogus_comment_is_text() {
    assert_eq!(
        py("<!-- never closed\n\n*text*\n"),
        "<p>&lt;!-- never closed</p>\n<p><em>text</em></p>\n"
    );
    assert_eq!(py("<!bogus>\n"), "<p>&lt;!bogus&gt;</p>\n");
    assert_eq!(py("<?never closed\n"), "<p>&lt;?never closed</p>\n");
}

#[test]
fn fenced_code_inside_raw_html_stays_code() {
    let body = "<details>\n<summary>Run</summary>\n\n```\n<b>\n```\n\n</details>\n";
    let html = py(body);
    assert!(
        html.starts_with("<details>\n<summary>Run</summary>\n"),
        "{html}"
    );
    assert!(html.contains("&lt;b&gt;"), "{html}");
    assert!(html.trim_end().ends_with("</details>"), "{html}");
}

#[test]
fn elements_outside_commonmark_blocks_and_script_content() {
    assert_eq!(
        py("<video controls>*a*\n\n</video>\n"),
        "<video controls>*a*\n\n</video>\n"
    );
    assert_eq!(
        py("<script>\nif (a </div> b) {}\n\n</script>\n*x*\n"),
        "<script>\nif (a </div> b) {}\n\n</script>\n<p><em>x</em></p>\n"
    );
}

#[test]
fn only_the_top_level_is_read_this_way() {
    // Indented four spaces it is code; in a list item or a quote, CommonMark's rules hold.
    assert!(py("    <div>\n\n    x\n    </div>\n").contains("<code>&lt;div&gt;"));
    assert_eq!(
        py("> <div>\n>\n> *q*\n> </div>\n"),
        "<blockquote>\n<div>\n<p><em>q</em></p>\n</div>\n</blockquote>\n"
    );
}

#[test]
fn commonmark_sites_keep_commonmark_html_blocks() {
    assert_eq!(
        render_commonmark("<div>\n\n*a*\n\n</div>\n"),
        "<div>\n<p><em>a</em></p>\n</div>\n"
    );
}

#[test]
fn a_markdown_element_after_raw_html_on_its_line_is_markdown() {
    assert_eq!(
        page("<div></div><div markdown>\n*a*\n</div>\n", true),
        "<div></div>\n<div>\n<p><em>a</em></p>\n</div>\n"
    );
}

#[test]
fn a_lone_tag_of_an_inline_element_starts_a_paragraph() {
    assert_eq!(
        py("<img src=\"..\\pic.png\">\n"),
        "<p><img src=\"..\\pic.png\"></p>\n"
    );
    assert_eq!(
        py("<span>\n*x*\n</span>\n"),
        "<p><span>\n<em>x</em>\n</span></p>\n"
    );
}

#[test]
fn a_lone_end_tag_of_a_block_level_element_gets_no_filler() {
    assert_eq!(py("<p>a\n</p>\n</div>\n"), "<p>a\n</p>\n</div>\n");
}

#[test]
fn a_comment_alone_before_a_definition_is_its_term() {
    let html = py("Some options:\n\n<!-- option: colour -->\n\n:   The colour of the bed.\n");
    assert!(html.contains("<dt><!-- option: colour --></dt>"), "{html}");
    assert!(html.contains("<p>Some options:</p>"), "{html}");
    assert!(!html.contains("answerbook-term"), "{html}");
}

#[test]
fn tags_inside_a_list_item_stay_in_its_paragraphs() {
    let html = page(
        "- Pick one:\n\n    <div class=\"picker\">\n    <input value=\"a\" />\n    </div>\n\n    <div markdown>\n\n    *not* markdown\n\n    </div>\n",
        true,
    );
    assert!(
        html.contains("<p><div class=\"picker\">\n<input value=\"a\" />\n</div></p>"),
        "{html}"
    );
    // Alone in its paragraph, a block-level tag loses the `<p>`; `markdown` does nothing.
    assert!(html.contains("\n<div markdown>"), "{html}");
    assert!(html.contains("<p><em>not</em> markdown</p>"), "{html}");
    assert!(!html.contains("answerbook-term"), "{html}");
}

#[test]
fn code_spans_in_a_comment_in_a_paragraph_become_code() {
    let html = py("- Item\n\n    <!-- default: `a<b` --> then words with `c`\n");
    assert!(
        html.contains("<!-- default: <code>a&lt;b</code> --> then words with <code>c</code>"),
        "{html}"
    );
    // A comment that is raw HTML of its own is left as written.
    let html = py("<!-- kept: `x` -->\n");
    assert!(html.contains("<!-- kept: `x` -->"), "{html}");
}

#[test]
fn a_lone_inline_tag_inside_a_markdown_element_is_a_paragraph() {
    let html = page(
        "<div class=\"shown\" markdown>\n  <img src=\"leaf.png\" width=\"30\" />\n</div>\n",
        true,
    );
    assert!(
        html.contains("<p><img src=\"leaf.png\" width=\"30\" /></p>"),
        "{html}"
    );
}

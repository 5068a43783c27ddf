use super::*;

fn html(info: &str, code: &str) -> String {
    render(
        &CodeOptions::default(),
        &FenceInfo::parse(info),
        code,
        0,
        true,
    )
}

#[test]
fn wrapper_and_tokens() {
    assert_eq!(
        html("python title=\"a<b>.py\"", "\n\nx = 1\n\n"),
        "<div class=\"language-python highlight\"><span class=\"filename\">a&lt;b&gt;.py</span>\
         <pre><span></span><code><span class=\"n\">x</span> <span class=\"o\">=</span> \
         <span class=\"mi\">1</span>\n</code></pre></div>\n"
    );
}

#[test]
fn unknown_language_is_escaped_text() {
    assert_eq!(
        html("\"odd", "<script>"),
        "<div class=\"language-&quot;odd highlight\"><pre><span></span><code>&lt;script&gt;\n\
         </code></pre></div>\n"
    );
    assert!(html("", "").contains("language-text highlight"));
}

#[test]
fn marked_lines_split_tokens_that_span_lines() {
    let html = html("css hl_lines=\"2\"", "/* a\nb */\nc {}\n");
    assert!(
        html.contains(concat!(
            "<span class=\"cm\">/* a</span>\n",
            "<span class=\"hll\"><span class=\"cm\">b */</span>\n</span>"
        )),
        "{html}"
    );
}

#[test]
fn tabs_expand_and_blank_lines_empty() {
    assert_eq!(clean_lines("a\tb\n\tc\n  \n", true), "a   b\n    c\n\n");
    assert_eq!(clean_lines("\tc\n \t\n", false), "\tc\n\n");
    assert!(matches!(clean_lines("  a\n\nb\n", true), Cow::Borrowed(_)));
}

#[test]
fn stripnl() {
    assert_eq!(normalise("\n\na\n\n", true), "a\n");
    assert_eq!(normalise("\na\n\n\n", false), "\na\n\n");
}

#[test]
fn indented_chunks_lose_white_space_at_their_last_line_only() {
    let code = "let a = 1;  \nlet b = 2;\t\n\nlet c = 3; \n";
    assert_eq!(
        trim_chunk_ends(code),
        "let a = 1;  \nlet b = 2;\n\nlet c = 3;\n"
    );
    assert!(matches!(
        trim_chunk_ends("kept  \nas is\n"),
        Cow::Borrowed(_)
    ));
}

#[test]
fn an_indented_block_of_an_mkdocs_page_ends_without_trailing_white_space() {
    use crate::markdown::tests_support::{render_commonmark, render_python_markdown};
    let page = "Pour:\n\n    cup = fill()   \n\nDone.\n";
    let html = render_python_markdown(page);
    assert!(html.contains("cup = fill()\n</code>"), "{html}");
    assert!(render_commonmark(page).contains("cup = fill()   \n</code>"));
}

/// Whether `clean_lines` changes the code, as it was found out: a search for tabs, then a
/// split into lines.
fn needs_cleaning_reference(code: &str, tabs: bool) -> bool {
    let is_space = |b: u8| b == b' ' || b == b'\t';
    (tabs && code.contains('\t'))
        || code
            .split('\n')
            .any(|line| !line.is_empty() && line.bytes().all(is_space))
}

#[test]
fn code_to_clean_is_found_as_before() {
    let pieces = [" ", "\t", "\n", "a", "é", "\r", "  ", "\n\n"];
    for code in crate::markdown::highlight::reference_tests::stretches(&pieces, 12) {
        for tabs in [true, false] {
            let old = needs_cleaning_reference(&code, tabs);
            assert_eq!(needs_cleaning(&code, tabs), old, "{code:?} {tabs}");
        }
    }
}

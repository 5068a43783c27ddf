use super::*;
use crate::markdown::{Features, options};
use pulldown_cmark::Parser;

/// What the full inline parser makes of `markdown`.
fn parsed(markdown: &str) -> String {
    let mut html = String::new();
    let parser = Parser::new_ext(markdown, options(&Features::default()));
    pulldown_cmark::html::push_html(&mut html, parser);
    let trimmed = html.trim_end();
    let inner = trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"));
    inner.unwrap_or(trimmed).to_owned()
}

#[test]
fn plain_titles_render_as_themselves() {
    let plain = [
        "In short",
        "Changed in recent versions",
        "Don't: use \"quotes\" (or not); see a/b-c, www.example.com? Done.",
        "Ünïcode wörds 123",
        "a  b",
        "http://example.com/x",
    ];
    for title in plain {
        assert!(is_plain_inline(title), "{title}");
        assert_eq!(parsed(title), title);
    }
    let marked = [
        "", " lead", "trail ", "1. list", "- item", "# h", "*em*", "`code`", "[l](u)", "a & b",
        "a < b", "x_y_", "~~s~~", "a\\b", "---",
    ];
    for title in marked {
        assert!(!is_plain_inline(title), "{title}");
    }
}

//! Tests of the `///` rewrite, line for line.

use super::Settings;

/// The lines as text, the indentation written out and the line part's marks shown as `@`.
fn convert(src: &str) -> String {
    match super::convert(src, &Settings::all()) {
        None => src.to_owned(),
        Some(lines) => lines
            .iter()
            .map(|(indent, line)| format!("{}{}\n", " ".repeat(*indent), line.replace('\0', "@")))
            .collect(),
    }
}

#[test]
fn rewrites_line_for_line() {
    let src = "/// note | Title\nBody\n///\nafter\n";
    let out = convert(src);
    assert!(
        out.starts_with("@Aa\u{1}admonition note\u{1}Title\u{1}<div"),
        "{out}"
    );
    assert!(out.ends_with("Body\n@E\nafter\n"), "{out}");
    assert_eq!(out.lines().count(), src.lines().count());
}

#[test]
fn options_become_blank_lines_and_tabs_indent() {
    let src =
        "//// details | Sum\n    type: warning\n    open: true\n\n/// tab | T\nIn\n///\n////\n";
    let out = convert(src);
    assert!(out.starts_with("@Ao\u{1}warning\u{1}Sum\u{1}"), "{out}");
    assert!(out.contains("\n\n\n\n@=== \"T\"\n    In\n\n@E\n"), "{out}");
    assert_eq!(out.lines().count(), src.lines().count());
}

#[test]
fn bad_headers_stay_text() {
    for src in [
        "/// note\n    nope: 1\nx\n///\n",
        "/// html\nx\n///\n",
        "/// tab\nx\n///\n",
        "/// define | arg\nx\n///\n",
        "/// unknown\nx\n///\n",
    ] {
        let out = convert(src);
        assert!(
            !out.contains('@') && !out.contains("==="),
            "{src} gave {out}"
        );
    }
}

#[test]
fn code_is_left_alone() {
    let src = "```\n/// note\n```\n";
    assert_eq!(convert(src), src);
}

/// The search [`super::has_triple_slash`] replaced: a `find('/')` from each slash on.
fn has_triple_slash_by_find(src: &str) -> bool {
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(i) = src[from..].find('/') {
        let at = from + i;
        if bytes[at..].starts_with(b"///") {
            return true;
        }
        from = at + 1;
    }
    false
}

#[test]
fn triple_slash_search_agrees_with_find() {
    let pieces = ["/", "//", "a", "é", "\n", "https://x", " "];
    for text in crate::test_text::generated(&pieces, 20_000, 9) {
        assert_eq!(
            super::has_triple_slash(&text),
            has_triple_slash_by_find(&text),
            "{text:?}"
        );
    }
}

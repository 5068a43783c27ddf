//! Helpers for the highlighting tests (highlight.rs, highlight_languages.rs): a page of
//! tests/fixtures/highlight built, a block's `<code>` by its language, and its token spans.

#![allow(dead_code)]

use scraper::ElementRef;

use crate::common::{Doc, fixture};

pub(crate) fn page(name: &str) -> Doc {
    let site = fixture("highlight");
    site.build(&["--strict"]).expect_clean();
    site.page(&format!("{name}/"))
}

/// The `<code>` of the one block whose wrapper is `div.language-{lang}`.
pub(crate) fn code<'a>(doc: &'a Doc, lang: &str) -> ElementRef<'a> {
    doc.one(&format!("div.language-{lang}.highlight pre > code"))
}

/// `(class, text)` of every token span in a block (marked-line spans left out).
pub(crate) fn spans(code: ElementRef<'_>) -> Vec<(String, String)> {
    code.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| el.value().name() == "span")
        .filter_map(|el| {
            let class = el.value().attr("class")?;
            (class != "hll").then(|| (class.to_owned(), el.text().collect()))
        })
        .collect()
}

/// Panics unless the block holds a span of each `(class, text)`.
#[track_caller]
pub(crate) fn assert_tokens(code: ElementRef<'_>, expected: &[(&str, &str)]) {
    let got = spans(code);
    for (class, text) in expected {
        assert!(
            got.iter().any(|(c, t)| c == class && t == text),
            "no <span class=\"{class}\">{text}</span> among {got:?}"
        );
    }
}

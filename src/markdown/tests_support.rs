//! Rendering a markdown string as one page, for the unit tests of the markdown modules.

use std::path::Path;

use super::links::LinkContext;
use super::{Features, Input, Rules, faq, render};
use crate::content::PageId;
use crate::link_index::LinkIndex;

/// The HTML of `markdown` on a page with these features.
pub(super) fn render_with(markdown: &str, features: &Features) -> String {
    let index = LinkIndex::default();
    let input = Input {
        body: markdown,
        body_line: 1,
        display_path: Path::new("docs/page.md"),
        links: LinkContext {
            source: Path::new("page.md"),
            page: PageId(0),
            page_url: "page/",
            index: &index,
            absolute_base: None,
        },
        answer_title: "Short answer",
        features,
        faq: faq::FaqRule::default(),
    };
    render(&input).html
}

/// The HTML of `markdown` on a page of an MkDocs project (Python-Markdown's rules).
pub(super) fn render_python_markdown(markdown: &str) -> String {
    let features = Features {
        rules: Rules::PythonMarkdown,
        ..Features::default()
    };
    render_with(markdown, &features)
}

/// The HTML of `markdown` on a page of an MkDocs project that lists `pymdownx.superfences`.
pub(super) fn render_superfences(markdown: &str) -> String {
    let mut features = Features {
        rules: Rules::PythonMarkdown,
        ..Features::default()
    };
    features.code.superfences = true;
    render_with(markdown, &features)
}

/// The HTML of `markdown` on a page of an answerbook site (CommonMark's rules).
pub(super) fn render_commonmark(markdown: &str) -> String {
    render_with(markdown, &Features::default())
}

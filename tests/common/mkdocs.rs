//! One-page MkDocs projects for the tests of Python-Markdown's rules: tests/fixtures/mkdocs_plain
//! with its `mkdocs.yml` and home page replaced in the test's temp copy.

use super::{Doc, Site, fixture};

/// The MkDocs project with `mkdocs_yml` as its `mkdocs.yml` and `markdown` as its
/// `docs/index.md`, not built yet.
pub(crate) fn mkdocs_project(mkdocs_yml: &str, markdown: &str) -> Site {
    let site = fixture("mkdocs_plain");
    site.write("mkdocs.yml", mkdocs_yml);
    site.write("docs/index.md", markdown);
    site
}

/// The home page of [`mkdocs_project`]'s project, built with nothing to report.
#[track_caller]
pub(crate) fn mkdocs_page(mkdocs_yml: &str, markdown: &str) -> Doc {
    let site = mkdocs_project(mkdocs_yml, markdown);
    site.build(&[]).expect_clean();
    site.page("")
}

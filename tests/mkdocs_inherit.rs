//! `INHERIT:` in `mkdocs.yml`: the parent configuration (relative to the file naming it) is
//! read first and the child laid over it as MkDocs does (mappings merged key by key, the child
//! winning; lists and other values replaced), through chains of parents; a missing parent or a
//! cycle is an error on the `INHERIT` line and nothing is built.
//!
//! Fixture: tests/fixtures/mkdocs_inherit: mkdocs.yml -> config/team.yml -> config/base.yml.

mod common;

use common::{Site, fixture};

fn built() -> Site {
    let site = fixture("mkdocs_inherit");
    site.build(&[]).expect_code(0);
    site
}

#[test]
fn child_values_win_and_parent_values_fill_in() {
    let site = built();
    let home = site.page("");
    // The child's site_name and site_url; the grandparent's site_author.
    assert_eq!(home.text("head title"), "Team handbook");
    assert_eq!(
        home.attr(r#"link[rel="canonical"]"#, "href"),
        "https://team.example.test/"
    );
    // theme is a mapping: team.yml's language over base.yml's.
    assert_eq!(home.attr("html", "lang"), "fr");
    // extra is a mapping too, but its `meta` is a list: the child's list replaces the parent's.
    assert_eq!(home.meta("generator"), ["answerbook"]);
    assert!(
        home.meta("robots").is_empty(),
        "the parent's meta list is replaced"
    );
}

#[test]
fn nav_comes_from_the_grandparent() {
    let site = built();
    let guide = site.page("guide/");
    assert_eq!(
        guide.texts("ul.question-list a.question-title"),
        ["Second step", "First step"]
    );
}

#[test]
fn markdown_extensions_mapping_merges_with_the_parents() {
    let site = built();
    let first = site.page("guide/first/");
    // `admonition` from base.yml and `pymdownx.details` from mkdocs.yml are both on.
    assert_eq!(
        first.text("div.admonition.note p.admonition-title"),
        "In short"
    );
    assert_eq!(first.text("details.note summary"), "Details");
}

#[test]
fn a_list_in_the_child_replaces_the_parents_list() {
    let site = fixture("mkdocs_inherit");
    let child = common::read_text(&site.root().join("mkdocs.yml"));
    site.write(
        "mkdocs.yml",
        &child.replace(
            "markdown_extensions:\n  pymdownx.details: {}\n",
            "markdown_extensions:\n  - pymdownx.details\n",
        ),
    );
    site.build(&[]).expect_code(0);
    let first = site.page("guide/first/");
    // A list is not merged: only `pymdownx.details` is on, `!!! note` stays text.
    assert!(!first.has("div.admonition"), "{}", first.source);
    assert!(first.text("article").contains("!!! note"));
    assert_eq!(first.text("details.note summary"), "Details");
}

#[test]
fn a_missing_parent_is_an_error_on_the_inherit_line() {
    let site = fixture("mkdocs_inherit");
    site.write(
        "config/team.yml",
        "# moved\nINHERIT: ../shared/base.yml\ntheme:\n  language: fr\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "config/team.yml:2: error: INHERIT: cannot read `../shared/base.yml` (shared/base.yml): there is no such file"
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn a_cycle_is_an_error_on_the_inherit_line() {
    let site = fixture("mkdocs_inherit");
    let base = common::read_text(&site.root().join("config/base.yml"));
    site.write(
        "config/base.yml",
        &format!("INHERIT: ../mkdocs.yml\n{base}"),
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "config/base.yml:1: error: INHERIT: `../mkdocs.yml` (mkdocs.yml) inherits back from this file: a cycle"
        ]
    );
    assert!(!site.out().exists());
}

#[test]
fn errors_in_a_parent_name_the_parent_and_its_line() {
    let site = fixture("mkdocs_inherit");
    let base = common::read_text(&site.root().join("config/base.yml"));
    site.write(
        "config/base.yml",
        &base.replace(
            "  language: de\n",
            "  language: de\n  custom_dir: overrides\n",
        ),
    );
    site.write(
        "config/team.yml",
        "INHERIT: base.yml\ntheme:\n  language: fr fr\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "config/team.yml:3: error: theme.language `fr fr` is not a language tag like `en` or `pt-BR` (write `fr-fr`)"
        ]
    );
    site.write("config/team.yml", "INHERIT: base.yml\n");
    let run = site.build(&[]);
    run.expect_code(0);
    run.expect_line("config/base.yml:8: note: theme.custom_dir 'overrides' is ignored: its overrides are Jinja templates for MkDocs; answerbook's themes are Tera (themes/<name>/templates/)");
    // A nav written in a parent is warned about in the parent (line 22 with custom_dir added).
    std::fs::remove_file(site.root().join("docs/guide/second.md")).unwrap();
    site.build(&[]).expect_code(0).expect_line(
        "config/base.yml:22: warning: nav names 'guide/second.md', which is not a page in docs/",
    );
}

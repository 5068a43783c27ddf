//! Messages an author reads when a setting or a YAML block is wrong: each names the file, the
//! line (and column) of the value, and says what is wrong in an author's words, never the YAML
//! parser's internals; and a failed build writes nothing.

mod common;

use common::{Run, Site, fixture};

/// Builds the `minimal` fixture with `site.yaml` replaced by `yaml`: the build must fail with
/// exactly one message, which is returned.
#[track_caller]
fn failing_site_yaml(yaml: &str) -> String {
    let site = fixture("minimal");
    site.write("site.yaml", yaml);
    only_error(&site, &site.build(&[]))
}

#[track_caller]
fn only_error(site: &Site, run: &Run) -> String {
    run.expect_code(1);
    assert!(!site.out().exists(), "a failed build writes nothing");
    let lines = run.diagnostics();
    assert_eq!(lines.len(), 1, "one message:\n{}", run.stderr);
    assert_no_internals(lines[0]);
    lines[0].to_owned()
}

/// Words that belong to serde-saphyr's API, not to someone writing a page.
#[track_caller]
fn assert_no_internals(line: &str) {
    for internal in [
        "budget", "Budget", "Policy", "Options", "breach", "replay", "{ ",
    ] {
        assert!(!line.contains(internal), "parser internals in: {line}");
    }
}

// ------------------------------------------------------------------ theme and language

#[test]
fn theme_without_a_folder_names_its_line_and_column() {
    assert_eq!(
        failing_site_yaml("title: T\ntheme: dusk\n"),
        "site.yaml:2:8: error: theme `dusk` has no folder themes/dusk/ in the site folder"
    );
}

#[test]
fn theme_names_that_leave_themes_are_refused() {
    for (theme, col) in [("../outside", 8), ("a/b", 8), ("\"..\"", 8)] {
        let bare = theme.trim_matches('"');
        assert_eq!(
            failing_site_yaml(&format!("title: T\n\ntheme: {theme}\n")),
            format!(
                "site.yaml:3:{col}: error: theme `{bare}` must be the name of a folder under themes/"
            )
        );
    }
}

#[test]
fn malformed_language_tags_name_their_line() {
    assert_eq!(
        failing_site_yaml("language: en us\n"),
        "site.yaml:1:11: error: language `en us` is not a language tag like `en` or `pt-BR` (write `en-us`)"
    );
    assert_eq!(
        failing_site_yaml("title: T\nlanguage: \"<x>\"\n"),
        "site.yaml:2:11: error: language `<x>` is not a language tag like `en` or `pt-BR`"
    );
    assert_eq!(
        failing_site_yaml("title: T\nlanguage: ''\n"),
        "site.yaml:2:11: error: language must not be empty: write a language tag like `en` or `pt-BR`"
    );
}

#[test]
fn a_well_formed_language_tag_is_html_lang() {
    let site = fixture("minimal");
    site.write("site.yaml", "title: T\nlanguage: pt-BR\n");
    site.build(&[]).expect_clean();
    assert_eq!(site.page("").attr("html", "lang"), "pt-BR");
}

// ------------------------------------------------------------------ base_url

#[test]
fn base_url_that_could_break_a_page_is_refused_at_its_line() {
    let cases = [
        (
            "base_url: \"https://ex.test/a b/\"\n",
            "site.yaml:1:11: error: base_url `https://ex.test/a b/` must not contain white space",
        ),
        (
            "title: T\nbase_url: 'https://ex.test/\"><script>/'\n",
            "site.yaml:2:11: error: base_url `https://ex.test/\\\"><script>/` must not contain `\"`",
        ),
        (
            "base_url: \"https://ex.test/\\u0007/\"\n",
            "site.yaml:1:11: error: base_url `https://ex.test/\\u{7}/` must not contain the control character U+0007",
        ),
        (
            "base_url: ex.test/kb\n",
            "site.yaml:1:11: error: base_url `ex.test/kb` must be an http(s):// URL like `https://example.org/kb/` or a path that starts with `/`",
        ),
        (
            "base_url: https:///kb/\n",
            "site.yaml:1:11: error: base_url `https:///kb/` has no valid host after `//`",
        ),
    ];
    for (yaml, expected) in cases {
        assert_eq!(failing_site_yaml(yaml), expected, "for {yaml:?}");
    }
}

#[test]
fn base_url_flag_is_checked_too_and_is_bad_usage() {
    let site = fixture("minimal");
    let run = site.build(&["--base-url", "https://ex.test/<kb>/"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: --base-url `https://ex.test/<kb>/` must not contain `<`\n"
    );
    assert!(!site.out().exists());
    // Both accepted shapes still build.
    site.build(&["--base-url", "/kb/"]).expect_clean();
    site.build(&["--base-url", "http://localhost:8000/kb/"])
        .expect_clean();
    assert!(
        site.out_text("sitemap.xml")
            .contains("<loc>http://localhost:8000/kb/</loc>")
    );
}

#[test]
fn mkdocs_site_url_and_language_are_checked_on_their_lines() {
    let site = fixture("mkdocs_plain");
    let original = common::read_text(&site.root().join("mkdocs.yml"));
    site.write(
        "mkdocs.yml",
        &format!("{original}\nsite_url: https://ex.test/my docs/\n"),
    );
    let line = original.lines().count() + 2;
    assert_eq!(
        only_error(&site, &site.build(&[])),
        format!(
            "mkdocs.yml:{line}: error: site_url `https://ex.test/my docs/` must not contain white space"
        )
    );
    site.write(
        "mkdocs.yml",
        &format!("{original}\ntheme:\n  language: en_GB\n"),
    );
    let line = original.lines().count() + 3;
    assert_eq!(
        only_error(&site, &site.build(&[])),
        format!(
            "mkdocs.yml:{line}: error: theme.language `en_GB` is not a language tag like `en` or `pt-BR` (write `en-GB`)"
        )
    );
}

// ------------------------------------------------------------------ YAML, in an author's words

/// Builds `minimal` with one page replaced: the build must fail with one message.
#[track_caller]
fn failing_page(text: &str) -> String {
    let site = fixture("minimal");
    site.write("content/basics/what-is-a-set.md", text);
    only_error(&site, &site.build(&[]))
}

#[test]
fn duplicate_key_names_the_key_on_its_line() {
    assert_eq!(
        failing_page("---\ntitle: One\ndescription: d\ntitle: Two\n---\nBody.\n"),
        "content/basics/what-is-a-set.md:4:1: error: invalid front matter: duplicate key `title`: each key may appear once"
    );
    assert_eq!(
        failing_site_yaml("title: One\nlanguage: en\ntitle: Two\n"),
        "site.yaml:3:1: error: duplicate key `title`: each key may appear once"
    );
}

#[test]
fn too_many_nodes_is_said_with_the_limit() {
    let many = vec!["0"; 250_001].join(",");
    let page = failing_page(&format!("---\ntitle: Big\ntags: [{many}]\n---\nBody.\n"));
    assert!(
        page.starts_with("content/basics/what-is-a-set.md:3:"),
        "{page}"
    );
    assert!(
        page.ends_with(
            ": error: invalid front matter: too many YAML nodes (250000 at most, counting what each `*alias` repeats)"
        ),
        "{page}"
    );
    let config = failing_site_yaml(&format!("title: Big\nextra:\n  ids: [{many}]\n"));
    assert!(config.starts_with("site.yaml:3:"), "{config}");
    assert!(
        config.ends_with(
            ": error: too many YAML nodes (250000 at most, counting what each `*alias` repeats)"
        ),
        "{config}"
    );
}

#[test]
fn alias_bombs_are_refused_in_words() {
    // Ten levels of ten aliases each: 10^10 nodes if expanded.
    let mut bomb = String::from("  l0: &l0 [ha, ha, ha, ha, ha, ha, ha, ha, ha, ha]\n");
    for i in 1..10 {
        let refs = vec![format!("*l{}", i - 1); 10].join(", ");
        bomb.push_str(&format!("  l{i}: &l{i} [{refs}]\n"));
    }
    let page = failing_page(&format!("---\ntitle: Lol\nlaughs:\n{bomb}---\nBody.\n"));
    assert!(
        page.starts_with("content/basics/what-is-a-set.md:")
            && page.contains(": error: invalid front matter: too many YAML nodes (250000 at most, counting what each `*alias` repeats)"),
        "{page}"
    );
    let refs = vec!["*a"; 200].join(", ");
    assert_eq!(
        failing_site_yaml(&format!("title: T\nextra:\n  a: &a x\n  b: [{refs}]\n")),
        "site.yaml:5:1: error: too many `*alias` references: 200 for 1 `&anchor`(s), 10 per anchor at most"
    );
}

#[test]
fn nesting_and_unknown_anchors_are_said_in_words() {
    let deep = format!("{}{}", "[".repeat(80), "]".repeat(80));
    let page = failing_page(&format!("---\ntitle: Deep\nx: {deep}\n---\nBody.\n"));
    assert!(
        page.starts_with("content/basics/what-is-a-set.md:3:")
            && page.ends_with(
                ": error: invalid front matter: lists and mappings nested too deep (64 levels at most)"
            ),
        "{page}"
    );
    assert_eq!(
        failing_site_yaml("title: T\nextra:\n  x: *nowhere\n"),
        "site.yaml:3:6: error: `*alias` names an `&anchor` that is not defined above it"
    );
}

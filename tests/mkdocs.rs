//! Existing MkDocs projects, built as they stand: a folder with `mkdocs.yml` and no
//! `site.yaml`. The settings answerbook maps (docs_dir, site_*, copyright, extra.meta, nav,
//! markdown_extensions, theme.language), the keys it ignores (one note, never a failure), the
//! PyYAML tags real files hold (`!ENV`, `!!python/...`) and errors that name `mkdocs.yml:LINE`.
//!
//! Fixtures: tests/fixtures/mkdocs_project (everything mapped, nothing ignored),
//! mkdocs_plain (no `admonition` extension) and mkdocs_ignored_keys (a Material-style file).

mod common;

use std::process::Command;

use common::{Site, fixture, heading_text, sitemap_urls};

/// `answerbook build site ARGS` with extra environment variables.
fn build_with_env(site: &Site, args: &[&str], env: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_answerbook"));
    cmd.arg("build")
        .arg("site")
        .args(args)
        .current_dir(site.tmp())
        .env_remove("ANSWERBOOK_TEST_SITE_URL")
        .env_remove("ANSWERBOOK_TEST_UNSET_KEY");
    for (name, value) in env {
        cmd.env(name, value);
    }
    let out = cmd.output().expect("run answerbook");
    let stderr = String::from_utf8(out.stderr).expect("utf-8 stderr");
    (out.status.code().expect("exit code"), stderr)
}

#[test]
fn docs_dir_is_the_content_folder() {
    let site = fixture("mkdocs_project");
    let run = site.build(&["--strict"]);
    run.expect_clean();
    assert!(
        run.stdout.starts_with("Built 10 pages in "),
        "{}",
        run.stdout
    );
    for page in [
        "index.html",
        "hives/index.html",
        "hives/first-hive/index.html",
        "hives/robbing/index.html",
        "honey/jars/index.html",
        "swarms/catching/index.html",
    ] {
        assert!(site.out().join(page).is_file(), "missing {page}");
    }
    // Messages name pages by the docs_dir they are in.
    site.write(
        "pages/honey/harvest.md",
        "# Harvest\n\nSee [jars](jar.md).\n",
    );
    site.build(&[])
        .expect_code(0)
        .expect_line("pages/honey/harvest.md:3: warning: broken link 'jar.md'");
}

#[test]
fn site_name_url_description_and_copyright_reach_the_head_and_footer() {
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    let home = site.page("");
    assert_eq!(home.text("head title"), "Field Guide to Bees");
    assert_eq!(
        home.meta("description"),
        ["Short answers about keeping bees."]
    );
    assert_eq!(
        home.attr("link[rel=canonical]", "href"),
        "https://docs.example.org/handbook/"
    );
    assert_eq!(home.attr("html", "lang"), "en-GB");
    assert!(
        home.text("footer").starts_with("Copyright 2026 Ada Keeper"),
        "{}",
        home.text("footer")
    );
    let page = site.page("honey/harvest/");
    assert_eq!(
        page.text("head title"),
        "When is honey ready to harvest? - Field Guide to Bees"
    );
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        "https://docs.example.org/handbook/honey/harvest/"
    );
    let sitemap = sitemap_urls(&site.out_text("sitemap.xml"));
    assert!(
        sitemap
            .iter()
            .all(|u| u.loc.starts_with("https://docs.example.org/handbook/")),
        "{sitemap:?}"
    );
    // --base-url overrides site_url.
    site.build(&["--base-url", "https://mirror.example.net/"])
        .expect_clean();
    assert_eq!(
        site.page("").attr("link[rel=canonical]", "href"),
        "https://mirror.example.net/"
    );
}

#[test]
fn extra_meta_tags_are_on_every_page_and_a_page_tag_wins() {
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    for path in ["", "hives/", "honey/jars/"] {
        let doc = site.page(path);
        assert_eq!(doc.meta("robots"), ["index, follow"], "{path}");
        assert_eq!(doc.meta("audience"), ["beekeepers"], "{path}");
    }
    let own = site.page("hives/first-hive/");
    assert_eq!(own.meta("audience"), ["beginners"]);
    assert_eq!(own.meta("robots"), ["index, follow"]);
}

#[test]
fn nav_decides_the_order_and_titles_of_listings() {
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    // Alphabetically these would be Hives, Swarms, The honey harvest.
    let home = site.page("");
    assert_eq!(
        home.texts("ul.section-list a.section-title"),
        ["The honey harvest", "Hives", "Swarms"]
    );
    // The nav's titles, in the nav's order; a page outside the nav comes last.
    let hives = site.page("hives/");
    assert_eq!(
        hives.texts("ul.question-list a.question-title"),
        ["Starting out", "Feeding in winter", "Robbing"]
    );
    let honey = site.page("honey/");
    assert_eq!(
        honey.texts("ul.question-list a.question-title"),
        ["When is honey ready to harvest?", "Jars"]
    );
    assert_eq!(honey.text("article h1"), "The honey harvest");
    // Nav titles name pages and sections where the site lists them; a page keeps its own
    // title (its question) in <title>, its heading and its FAQPage.
    let first = site.page("hives/first-hive/");
    assert_eq!(
        first.text("head title"),
        "How do I start my first hive? - Field Guide to Bees"
    );
    assert_eq!(
        first.faq_pages()[0]["mainEntity"][0]["name"],
        "How do I start my first hive?"
    );
    let harvest = site.page("honey/harvest/");
    assert_eq!(
        harvest.texts("nav.breadcrumbs li"),
        [
            "Home",
            "The honey harvest",
            "When is honey ready to harvest?"
        ]
    );
}

#[test]
fn a_readme_without_an_index_is_the_folders_page() {
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    let swarms = site.page("swarms/");
    assert_eq!(swarms.text("head title"), "Swarms - Field Guide to Bees");
    assert_eq!(
        swarms.texts("ul.question-list a.question-title"),
        ["How do I catch a swarm?"]
    );
    assert_eq!(
        site.page("swarms/catching/").href_of("the swarms page"),
        "../"
    );
    // Beside an index.md it is left out, with a note.
    site.write("pages/hives/README.md", "# Read me\n");
    let run = site.build(&["--strict"]);
    run.expect_code(0);
    run.expect_line(
        "pages/hives/README.md: note: left out: this folder's page is its index.md (MkDocs does the same)",
    );
    assert!(!site.out().join("hives/README").exists());
    assert_eq!(heading_text(site.page("hives/").one("article h1")), "Hives");
}

#[test]
fn material_blog_dates_are_read() {
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    let sitemap = sitemap_urls(&site.out_text("sitemap.xml"));
    let jars = sitemap
        .iter()
        .find(|u| u.loc.ends_with("/honey/jars/"))
        .expect("jars in the sitemap");
    assert_eq!(jars.lastmod.as_deref(), Some("2024-02-02"));
}

#[test]
fn markdown_extensions_decide_which_syntaxes_are_on() {
    let site = fixture("mkdocs_plain");
    site.build(&["--strict"]).expect_clean();
    let doc = site.page("");
    assert!(!doc.has(".admonition"), "admonition is not listed");
    let paragraphs = doc.texts("article p");
    assert!(
        paragraphs.iter().any(
            |p| p.starts_with("!!! note \"Careful\"") && p.ends_with("This stays a paragraph.")
        ),
        "{paragraphs:?}"
    );
    // pymdownx.details is listed: `???` is a collapsible block.
    assert_eq!(doc.text("details.tip summary"), "More");

    // The same page in a project that lists `admonition`.
    let on = fixture("mkdocs_project");
    on.write(
        "pages/index.md",
        "# Home\n\n!!! note \"Careful\"\n    Now a note.\n",
    );
    on.build(&[]).expect_clean();
    assert_eq!(
        on.page("").text("div.admonition.note p.admonition-title"),
        "Careful"
    );
}

#[test]
fn python_tags_are_read_past_and_toc_slugify_picks_heading_ids() {
    // mkdocs_project's `toc: slugify: !!python/name:pymdownx.slugs.uslugify` keeps Unicode
    // in ids where Python-Markdown's default would drop it (`uberblick-ziele`).
    let site = fixture("mkdocs_project");
    site.build(&[]).expect_clean();
    let ids = site.page("hives/first-hive/").attrs("article h2", "id");
    assert_eq!(ids.len(), 1);
    assert!(ids[0].starts_with("überblick"), "{ids:?}");
}

#[test]
fn ignored_keys_are_one_note_that_never_fails_the_build() {
    let site = fixture("mkdocs_ignored_keys");
    let (code, stderr) = build_with_env(&site, &["--strict"], &[]);
    assert_eq!(code, 0, "{stderr}");
    let notes: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("ignored keys"))
        .collect();
    assert_eq!(
        notes,
        [
            "mkdocs.yml: note: ignored keys: edit_uri, extra_css, hooks, plugins, repo_url, theme.features, theme.name"
        ]
    );
    assert!(
        stderr.lines().any(|l| l.starts_with(
            "mkdocs.yml:9: note: theme.custom_dir 'overrides' is ignored: its overrides are Jinja templates"
        )),
        "{stderr}"
    );
    assert!(
        stderr.lines().all(|l| l.contains(": note: ")),
        "only notes: {stderr}"
    );
    assert_eq!(
        site.page("").text("div.admonition.note p.admonition-title"),
        "Note"
    );
}

#[test]
fn env_tags_resolve_to_the_variable_or_its_default() {
    let site = fixture("mkdocs_ignored_keys");
    let (code, stderr) = build_with_env(&site, &[], &[]);
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        site.page("").attr("link[rel=canonical]", "href"),
        "https://fallback.example.org/"
    );
    let (code, stderr) = build_with_env(
        &site,
        &[],
        &[(
            "ANSWERBOOK_TEST_SITE_URL",
            "https://from-env.example.org/docs/",
        )],
    );
    assert_eq!(code, 0, "{stderr}");
    assert_eq!(
        site.page("").attr("link[rel=canonical]", "href"),
        "https://from-env.example.org/docs/"
    );
}

#[test]
fn yaml_errors_name_the_line_of_mkdocs_yml() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: Broken\nnav:\n  - Home: index.md\n  - [unclosed\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    let lines = run.stderr_lines();
    assert_eq!(lines.len(), 1, "{}", run.stderr);
    assert!(lines[0].starts_with("mkdocs.yml:4:"), "{}", lines[0]);
    assert!(lines[0].contains(": error: "), "{}", lines[0]);
    assert!(!site.out().exists(), "nothing written");
}

#[test]
fn bad_settings_name_their_line() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: x\nnav:\n  - index.md\n  - Broken: 42\n",
    );
    site.build(&[]).expect_code(1).expect_line(
        "mkdocs.yml:4: error: nav entry 'Broken' must name a page (`Broken: path.md`) or hold a list (`Broken: [...]`)",
    );
    site.write("mkdocs.yml", "site_name: x\ndocs_dir: nowhere\n");
    site.build(&[])
        .expect_code(1)
        .expect_line("mkdocs.yml:2: error: docs_dir 'nowhere' is not a folder of site");
    site.write(
        "mkdocs.yml",
        "site_name: x\nextra:\n  meta:\n    - name: robots\n",
    );
    site.build(&[]).expect_code(1).expect_line(
        "mkdocs.yml:4: error: `extra.meta` must be a list of `{name: ..., content: ...}`",
    );
}

#[test]
fn a_nav_path_that_is_not_a_page_is_a_warning() {
    let site = fixture("mkdocs_plain");
    site.write(
        "mkdocs.yml",
        "site_name: x\nnav:\n  - index.md\n  - Lost: lost.md\n",
    );
    let line = "mkdocs.yml:4: warning: nav names 'lost.md', which is not a page in docs/";
    site.build(&[]).expect_code(0).expect_line(line);
    site.build(&["--strict"])
        .expect_code(1)
        .expect_line("mkdocs.yml:4: error: nav names 'lost.md', which is not a page in docs/");
}

#[test]
fn site_yaml_wins_over_mkdocs_yml() {
    let site = fixture("mkdocs_plain");
    site.write("site.yaml", "title: Own site\n");
    site.write("content/index.md", "# Own home\n");
    site.build(&[]).expect_clean();
    assert_eq!(site.page("").text("head title"), "Own site");
}

#[test]
fn tabbed_slugify_names_tabs_after_their_titles_and_the_heading_before() {
    let site = fixture("mkdocs_tab_slugs");
    // --strict: the link to the first tab's id must resolve.
    site.build(&["--strict"]).expect_clean();
    let doc = site.page("");
    assert_eq!(
        doc.attrs("div.tabbed-set > input", "id"),
        ["install-steps--with-pip", "install-steps-from-source"]
    );
    assert_eq!(
        doc.attrs("div.tabbed-labels > label", "for"),
        ["install-steps--with-pip", "install-steps-from-source"]
    );
}

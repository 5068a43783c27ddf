//! `answerbook check`: every problem `build --strict` finds and the checks it adds, in the
//! three formats, with exit 1 on an error and 0 on warnings alone; it writes nothing.

mod common;

use common::{fixture, run_in_env};

/// What `check` prints for the fixture that breaks each check once, in `format`: the files
/// under `tests/fixtures/check_problems/expected/`, read and checked by hand.
fn expected(name: &str) -> String {
    common::read_text(
        &common::fixtures_dir()
            .join("check_problems/expected")
            .join(name),
    )
}

const SUMMARY: &str = "checked site: 6 error(s), 6 warning(s)\n";

#[test]
fn json_gives_every_problem_once_one_object_per_line() {
    let site = fixture("check_problems");
    let run = site.run(&["check", "site", "--format", "json"]);
    run.expect_code(1);
    assert_eq!(run.stdout, expected("json.jsonl"));
    assert_eq!(run.stderr, SUMMARY);
    for line in run.stdout.lines() {
        let object: serde_json::Value = serde_json::from_str(line).expect("one JSON object");
        assert!(
            object["file"]
                .as_str()
                .unwrap()
                .starts_with("content/problems/")
        );
    }
}

#[test]
fn github_format_gives_one_workflow_command_per_problem() {
    let site = fixture("check_problems");
    let run = site.run(&["check", "site", "--format", "github"]);
    run.expect_code(1);
    assert_eq!(run.stdout, expected("github.txt"));
    assert_eq!(run.stderr, SUMMARY);
}

#[test]
fn human_format_shows_the_source_line_and_a_caret() {
    let site = fixture("check_problems");
    let run = site.run(&["check", "site"]);
    run.expect_code(1);
    assert_eq!(run.stdout, "");
    assert_eq!(run.stderr, expected("human.txt"));
    assert!(run.stderr.contains(
        "error: broken link '/kettles/old.md'\n  --> content/problems/links.md:14:11\n   |\n14 |     Gone: [old page](/kettles/old.md) and [fine](/good/how-often-should-i-descale.md).\n   |           ^\n"
    ));
}

#[test]
fn a_site_with_nothing_wrong_passes_and_nothing_is_written() {
    let site = fixture("check_problems");
    std::fs::remove_dir_all(site.root().join("content/problems")).unwrap();
    let before = common::tree(&site.root());
    let run = site.run(&["check", "site", "--format", "json"]);
    run.expect_code(0);
    assert_eq!(run.stdout, "");
    assert_eq!(common::tree(&site.root()), before, "check wrote something");
    assert_eq!(
        common::entries(site.tmp()),
        ["site"],
        "nothing beside the site"
    );
}

#[test]
fn warnings_alone_exit_zero() {
    let site = fixture("check_problems");
    std::fs::remove_dir_all(site.root().join("content/problems")).unwrap();
    site.write(
        "content/good/no-words.md",
        "---\ntitle: Where are the words?\n---\n\n!!! info \"In short\"\n    Nowhere.\n\n![](descale.png)\n",
    );
    let run = site.run(&["check", "site", "--format", "github"]);
    run.expect_code(0);
    assert_eq!(
        run.stdout,
        "::warning file=content/good/no-words.md::page has no description: add `description:` to its front matter (search engines show it under the title)\n\
         ::warning file=content/good/no-words.md,line=8,col=1::the image 'descale.png' has no alt text: say what it shows between the brackets, ![what it shows](descale.png)\n"
    );
}

#[test]
fn check_leaves_an_output_folder_it_did_not_write_alone() {
    let site = fixture("check_problems");
    std::fs::remove_dir_all(site.root().join("content/problems")).unwrap();
    site.write("public/notes.txt", "mine\n");
    let before = common::tree(&site.root());
    site.run(&["check", "site"]).expect_code(0);
    assert_eq!(common::tree(&site.root()), before);
}

#[test]
fn broken_links_are_errors_as_under_strict() {
    let site = fixture("broken_links");
    let run = site.run(&["check", "site", "--format", "github"]);
    run.expect_code(1);
    assert!(
        run.stdout
            .lines()
            .any(|l| l == "::error file=content/guide/first.md,line=9::broken link '../nowhere.md'"),
        "{}",
        run.stdout
    );
}

#[test]
fn source_date_epoch_is_now_for_the_future_date_check() {
    let site = fixture("check_problems");
    std::fs::remove_dir_all(site.root().join("content/problems")).unwrap();
    let run = run_in_env(
        site.tmp(),
        &["check", "site", "--format", "json"],
        &[("SOURCE_DATE_EPOCH", "1735689600")], // 2025-01-01T00:00:00Z
    );
    run.expect_code(1);
    assert!(
        run.stdout.contains(r#""line":4,"column":7,"severity":"error","message":"`date: 2025-01-10` is in the future"}"#),
        "{}",
        run.stdout
    );
}

#[test]
fn build_on_github_actions_adds_annotations() {
    let site = fixture("broken_links");
    let run = run_in_env(
        site.tmp(),
        &["build", "site"],
        &[("GITHUB_ACTIONS", "true")],
    );
    run.expect_code(0);
    assert!(
        run.stdout
            .lines()
            .any(|l| l
                == "::warning file=content/guide/first.md,line=9::broken link '../nowhere.md'"),
        "{}",
        run.stdout
    );
    let plain = site.build(&[]);
    assert!(!plain.stdout.contains("::warning"), "{}", plain.stdout);
}

#[test]
fn mkdocs_absolute_links_setting_decides_how_root_relative_links_are_checked() {
    let site = fixture("mkdocs_plain");
    site.write(
        "docs/index.md",
        "---\ntitle: Home\ndescription: The start.\n---\n\nSee [setup](/guide/setup.md) and [gone](/guide/missing.md).\n",
    );
    site.write(
        "docs/guide/setup.md",
        "---\ntitle: How do I set up?\ndescription: Run it.\n---\n\nRun it.\n",
    );
    let with = |setting: &str| {
        site.write(
            "mkdocs.yml",
            &format!("site_name: Plain\nsite_url: https://docs.example.test/sub/\n{setting}"),
        );
        let run = site.run(&["check", "site", "--format", "github"]);
        let lines: Vec<String> = run
            .stdout
            .lines()
            .filter(|l| l.contains("docs/index.md"))
            .map(str::to_owned)
            .collect();
        (run.code, lines)
    };
    // relative_to_docs: read from docs_dir, whatever site_url's path.
    assert_eq!(
        with("validation:\n  links:\n    absolute_links: relative_to_docs\n"),
        (
            1,
            vec![
                "::error file=docs/index.md,line=6,col=34::broken link '/guide/missing.md'"
                    .to_owned()
            ]
        )
    );
    let (code, lines) = with("validation:\n  links:\n    absolute_links: warn\n");
    assert_eq!(code, 0);
    assert_eq!(
        lines,
        [
            "::warning file=docs/index.md,line=6,col=5::absolute link '/guide/setup.md' is left as written (validation.links.absolute_links: warn in mkdocs.yml)",
            "::warning file=docs/index.md,line=6,col=34::absolute link '/guide/missing.md' is left as written (validation.links.absolute_links: warn in mkdocs.yml)",
        ]
    );
    // MkDocs' default (info): left unchecked.
    assert_eq!(with(""), (0, vec![]));
}

#[test]
fn mkdocs_lists_github_reads_otherwise_get_a_note_at_their_line_and_pass() {
    let site = fixture("mkdocs_list_notes");
    for strict in [false, true] {
        let mut args = vec!["check", "site", "--format", "github"];
        if strict {
            args.push("--strict");
        }
        let run = site.run(&args);
        run.expect_code(0);
        assert_eq!(
            run.stdout,
            "::notice file=docs/in-admonition.md,line=8::this list nests by 2 spaces: MkDocs (4-space rule) shows one flat list, GitHub nests it (indent it by 4 spaces)\n\
             ::notice file=docs/in-details.md,line=8::this list follows a paragraph line with no blank line between: MkDocs shows it as text of the paragraph, GitHub as a list (add a blank line above it)\n\
             ::notice file=docs/in-tabs.md,line=10::this bulleted item continues the numbered list above in MkDocs (one list), GitHub starts a new list here (put other text between them)\n\
             ::notice file=docs/item-paragraph.md,line=9::this list follows a paragraph line with no blank line between: MkDocs shows it as text of the paragraph, GitHub as a list (add a blank line above it)\n\
             ::notice file=docs/mixed.md,line=8::this bulleted item continues the numbered list above in MkDocs (one list), GitHub starts a new list here (put other text between them)\n\
             ::notice file=docs/nested-deeper.md,line=10::this list nests by 2 spaces: MkDocs (4-space rule) shows one flat list, GitHub nests it (indent it by 4 spaces)\n\
             ::notice file=docs/no-blank.md,line=7::this list follows a paragraph line with no blank line between: MkDocs shows it as text of the paragraph, GitHub as a list (add a blank line above it)\n\
             ::notice file=docs/two-spaces.md,line=9::this list nests by 2 spaces: MkDocs (4-space rule) shows one flat list, GitHub nests it (indent it by 4 spaces)\n",
            "docs/lists-fine.md, docs/nested-fine.md and docs/index.md get no note (strict: {strict})"
        );
    }
    // Notes are for authors running `check`; a build stays quiet and writes the site.
    let build = site.run(&["build", "site"]);
    build.expect_code(0);
    assert!(!build.stdout.contains("notice"), "{}", build.stdout);
    assert!(!build.stderr.contains("nests"), "{}", build.stderr);
}

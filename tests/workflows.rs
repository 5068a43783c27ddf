//! The GitHub Actions workflows, checked as far as they can be without GitHub: they parse as
//! YAML, every `answerbook` command they run is one the real command line accepts, the cargo
//! profile and targets of the release exist, and the publishing docs show the workflow that
//! `answerbook init` writes.

mod common;

use std::fs;
use std::path::Path;

use answerbook::cli::Cli;
use clap::Parser;
use clap::error::ErrorKind;
use serde_json::Value;

fn repo_file(rel: &str) -> String {
    common::read_text(&Path::new(env!("CARGO_MANIFEST_DIR")).join(rel))
}

fn parse_yaml(text: &str, name: &str) -> Value {
    serde_saphyr::from_str(text).unwrap_or_else(|e| panic!("{name} is not valid YAML: {e}"))
}

/// The `run:` scripts of every step of every job.
fn run_scripts(workflow: &Value) -> Vec<String> {
    let jobs = workflow["jobs"].as_object().expect("jobs");
    jobs.values()
        .flat_map(|job| job["steps"].as_array().expect("steps").iter())
        .filter_map(|step| step["run"].as_str().map(str::to_owned))
        .collect()
}

/// Checks each `answerbook ...` command line of the scripts against the real parser; returns
/// how many there were.
fn check_answerbook_commands(scripts: &[String]) -> usize {
    let mut checked = 0;
    for line in scripts.iter().flat_map(|s| s.lines()) {
        let words: Vec<&str> = line.split_whitespace().collect();
        if words.first() != Some(&"answerbook") {
            continue;
        }
        if let Err(e) = Cli::try_parse_from(&words) {
            // `--version` and `--help` are accepted: clap reports them as errors that print.
            let shown = matches!(e.kind(), ErrorKind::DisplayVersion | ErrorKind::DisplayHelp);
            assert!(shown, "`{line}` is not a command answerbook accepts: {e}");
        }
        checked += 1;
    }
    checked
}

#[test]
fn the_release_workflow_builds_every_platform_with_a_profile_that_exists() {
    let text = repo_file(".github/workflows/release.yml");
    let workflow = parse_yaml(&text, "release.yml");
    assert_eq!(workflow["on"]["push"]["tags"][0], "v*");

    let targets: Vec<&str> = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a build matrix")
        .iter()
        .map(|entry| entry["target"].as_str().unwrap())
        .collect();
    assert_eq!(
        targets,
        [
            "x86_64-unknown-linux-musl",
            "aarch64-apple-darwin",
            "x86_64-apple-darwin",
            "x86_64-pc-windows-msvc"
        ]
    );

    let scripts = run_scripts(&workflow);
    let cargo_toml = repo_file("Cargo.toml");
    let builds: Vec<&str> = scripts
        .iter()
        .flat_map(|s| s.lines())
        .filter(|l| l.trim_start().starts_with("cargo build"))
        .collect();
    assert_eq!(builds.len(), 1, "{scripts:?}");
    let words: Vec<&str> = builds[0].split_whitespace().collect();
    let profile = words[words
        .iter()
        .position(|w| *w == "--profile")
        .expect("--profile")
        + 1];
    assert!(
        cargo_toml.contains(&format!("[profile.{profile}]")),
        "Cargo.toml has no [profile.{profile}]"
    );
    assert!(cargo_toml.contains("strip = true"));
    // The binary is looked for where that profile puts it, and is run there.
    let all = scripts.join("\n");
    assert!(all.contains(&format!(
        "dir=\"target/${{{{ matrix.target }}}}/{profile}\""
    )));
    assert_eq!(
        check_answerbook_commands(&[all.replace("target/${{ matrix.target }}/dist/", "")]),
        1
    );
    assert!(all.contains("sha256sum"), "checksums");
}

#[test]
fn the_workflow_init_writes_runs_real_commands_and_is_the_one_the_docs_show() {
    let tmp = tempfile::tempdir().unwrap();
    common::run_in(tmp.path(), &["init", "site", "--yes"]).expect_clean();
    let text =
        fs::read_to_string(tmp.path().join("site/.github/workflows/answerbook.yml")).unwrap();
    let workflow = parse_yaml(&text, "answerbook.yml");
    let scripts = run_scripts(&workflow);
    assert_eq!(check_answerbook_commands(&scripts), 1, "{scripts:?}");
    assert!(
        scripts
            .iter()
            .any(|s| s.trim() == "answerbook build --strict")
    );
    // Pages gets the folder the build writes.
    let steps = workflow["jobs"]["build"]["steps"].as_array().unwrap();
    let upload = steps
        .iter()
        .find(|s| {
            s["uses"]
                .as_str()
                .is_some_and(|u| u.starts_with("actions/upload-pages-artifact"))
        })
        .expect("an upload step");
    assert_eq!(upload["with"]["path"], "public");

    let docs = repo_file("docs/publishing.md");
    let block = docs
        .split("```yaml\n")
        .nth(1)
        .and_then(|rest| rest.split("```\n").next())
        .expect("a yaml block in docs/publishing.md");
    assert_eq!(
        block, text,
        "docs/publishing.md must show the workflow answerbook init writes"
    );
}

//! The CI files under `docs/ci/` that the README's "Publishing" section offers: they parse as
//! YAML, have the shape GitHub Actions and GitLab CI need, and every `answerbook` command in
//! them names a command and flags the binary has. `ANSWERBOOK_BASE_URL` works as they use it.

mod common;

use std::path::Path;

use serde_json::Value;

fn workflow(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/ci")
        .join(name);
    let text = common::read_text(&path);
    answerbook::yaml::parse::<Value>(&text, Path::new(name), 1)
        .unwrap_or_else(|d| panic!("{name} is not valid YAML: {d}"))
}

/// Every shell line of the workflow: `run:` blocks and `script:`/`before_script:` lists.
fn shell_lines(value: &Value, out: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("run", Value::String(s)) => out.extend(s.lines().map(str::to_owned)),
                    ("script" | "before_script", Value::Array(items)) => {
                        out.extend(items.iter().filter_map(|i| i.as_str().map(str::to_owned)));
                    }
                    _ => shell_lines(v, out),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|i| shell_lines(i, out)),
        _ => {}
    }
}

/// Each `answerbook SUBCOMMAND ...` in the workflow must be a subcommand whose `--help` lists
/// every flag used, and every flag value it lists as possible.
fn check_commands(value: &Value) -> usize {
    let mut lines = Vec::new();
    shell_lines(value, &mut lines);
    let tmp = tempfile::tempdir().unwrap();
    let mut seen = 0;
    for line in &lines {
        let words: Vec<&str> = line.split_whitespace().collect();
        let Some(at) = words.iter().position(|w| *w == "answerbook") else {
            continue;
        };
        // `cargo install ... answerbook` installs it; it is not a command.
        if words.first() == Some(&"cargo") {
            continue;
        }
        let sub = words[at + 1];
        let help = common::run_in(tmp.path(), &[sub, "--help"]);
        help.expect_code(0);
        for (i, word) in words.iter().enumerate().skip(at + 2) {
            if word.starts_with("--") {
                assert!(
                    help.stdout.contains(word),
                    "`answerbook {sub}` has no {word}: {line}"
                );
                if *word == "--format" {
                    let value = words[i + 1];
                    assert!(help.stdout.contains(value), "--format has no value {value}");
                }
            }
        }
        seen += 1;
    }
    seen
}

#[test]
fn github_workflow_checks_with_annotations_then_deploys_to_pages() {
    let wf = workflow("github-pages.yml");
    assert!(wf["on"]["pull_request"].is_null() && wf["on"].get("pull_request").is_some());
    let check = wf["jobs"]["check"]["steps"]
        .as_array()
        .expect("check steps");
    assert!(
        check
            .iter()
            .any(|s| s["run"] == "answerbook check . --format github")
    );
    let deploy = &wf["jobs"]["deploy"];
    assert_eq!(deploy["needs"], "check");
    assert_eq!(deploy["permissions"]["pages"], "write");
    assert_eq!(deploy["permissions"]["id-token"], "write");
    let steps = deploy["steps"].as_array().expect("deploy steps");
    let uses: Vec<&str> = steps.iter().filter_map(|s| s["uses"].as_str()).collect();
    assert!(uses.contains(&"actions/upload-pages-artifact@v3"));
    assert!(uses.contains(&"actions/deploy-pages@v4"));
    let build = steps
        .iter()
        .find(|s| s["name"] == "Build")
        .expect("a Build step");
    assert!(build["env"]["ANSWERBOOK_BASE_URL"].is_string());
    assert_eq!(check_commands(&wf), 2);
}

#[test]
fn gitlab_pipeline_checks_then_publishes_public() {
    let ci = workflow("gitlab-ci.yml");
    assert_eq!(ci["check"]["script"][0], "answerbook check .");
    let pages = &ci["pages"];
    assert_eq!(pages["artifacts"]["paths"][0], "public");
    assert_eq!(pages["variables"]["ANSWERBOOK_BASE_URL"], "$CI_PAGES_URL");
    assert_eq!(check_commands(&ci), 2);
}

#[test]
fn answerbook_base_url_in_the_environment_is_the_base_url_and_the_flag_wins() {
    let site = common::fixture("minimal");
    let env = [("ANSWERBOOK_BASE_URL", "https://env.example.test/kb/")];
    common::run_in_env(site.tmp(), &["build", "site"], &env).expect_clean();
    let canonical = site.page("").attr(r#"link[rel="canonical"]"#, "href");
    assert_eq!(canonical, "https://env.example.test/kb/");
    let args = ["build", "site", "--base-url", "https://flag.example.test/"];
    common::run_in_env(site.tmp(), &args, &env).expect_clean();
    let canonical = site.page("").attr(r#"link[rel="canonical"]"#, "href");
    assert_eq!(canonical, "https://flag.example.test/");
}

//! What the installed command offers besides building: shell completions for each shell, and
//! `--version` with the git commit of a build from a checkout.

mod common;

use std::fs;
use std::path::Path;

use common::run_in;

fn empty_tmp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("answerbook-install-")
        .tempdir()
        .expect("temp dir")
}

#[test]
fn completions_are_generated_for_each_shell() {
    let tmp = empty_tmp();
    for (shell, marker, long) in [
        ("bash", "complete -F _answerbook", "--"),
        ("zsh", "#compdef answerbook", "--"),
        ("fish", "complete -c answerbook", "-l "),
    ] {
        let run = run_in(tmp.path(), &["completions", shell]);
        run.expect_clean();
        assert!(run.stdout.contains(marker), "{shell}:\n{}", run.stdout);
        for word in ["build", "init", "new", "completions"] {
            assert!(run.stdout.contains(word), "{shell} completion lacks {word}");
        }
        for flag in ["strict", "section", "base-url", "yes"] {
            let written = format!("{long}{flag}");
            assert!(
                run.stdout.contains(&written),
                "{shell} completion lacks {written}"
            );
        }
        if shell == "bash" {
            // The script is valid bash, when bash is here to say so.
            let script = tmp.path().join("answerbook.bash");
            fs::write(&script, &run.stdout).unwrap();
            if let Ok(check) = std::process::Command::new("bash")
                .arg("-n")
                .arg(&script)
                .output()
            {
                assert!(
                    check.status.success(),
                    "{}",
                    String::from_utf8_lossy(&check.stderr)
                );
            }
        }
    }
    run_in(tmp.path(), &["completions", "tcsh"]).expect_code(2);
}

#[test]
fn version_names_the_commit_when_built_from_a_checkout() {
    let tmp = empty_tmp();
    let run = run_in(tmp.path(), &["--version"]);
    run.expect_clean();
    let version = env!("CARGO_PKG_VERSION");
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = std::process::Command::new("git")
        .args(["rev-parse", "--short", "HEAD"])
        .current_dir(manifest)
        .output()
        .ok()
        .filter(|o| o.status.success() && manifest.join(".git").exists())
        .map(|o| String::from_utf8(o.stdout).unwrap().trim().to_owned());
    match head {
        Some(commit) => assert_eq!(run.stdout, format!("answerbook {version} ({commit})\n")),
        None => assert_eq!(run.stdout, format!("answerbook {version}\n")),
    }
}

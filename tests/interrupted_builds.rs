//! Builds stopped half-way and builds racing each other: the output folder always holds a whole
//! site (the previous one or the new one), and nothing is left beside it. Each test builds a
//! site of a few thousand generated pages in its own temporary folder, so that a build is still
//! writing when the test stops it.

#![cfg(unix)]

mod common;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{Site, assert_same_tree, entries, fixture, tree};

/// The `minimal` fixture plus `pages` generated questions under `content/bulk/`.
fn big_site(pages: usize) -> Site {
    let site = fixture("minimal");
    for i in 0..pages {
        site.write(
            &format!("content/bulk/question-{i}.md"),
            &format!(
                "---\ntitle: How do I use feature {i}?\ndescription: Feature {i}, briefly.\n---\n\n\
                 # How do I use feature {i}?\n\n!!! info \"In short\"\n    Call `feature_{i}()` \
                 once, early.\n\n```python\ndef feature_{i}():\n    return {i}\n```\n\n\
                 ## Gotchas\n\n- It runs once.\n- See [the set page](../basics/what-is-a-set.md).\n"
            ),
        );
    }
    site
}

fn spawn_build(site: &Site, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_answerbook"))
        .arg("build")
        .arg("site")
        .args(args)
        .current_dir(site.tmp())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start answerbook")
}

/// Waits until the build has created its staging folder beside `site/public`; `false` if the
/// build ended first.
fn wait_for_staging(site: &Site, child: &mut Child) -> bool {
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(120) {
        if entries(&site.root())
            .iter()
            .any(|n| n.starts_with(".public.answerbook-new-"))
        {
            return true;
        }
        if child.try_wait().expect("wait").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(1));
    }
    panic!("the build made no staging folder in 120 s");
}

fn only_the_site_is_left(root: &Path) {
    // The build cache of the last successful build stays beside the output folder.
    assert_eq!(
        entries(root),
        [
            ".public.answerbook-cache",
            ".public.answerbook-cache-head",
            "content",
            "public",
            "site.yaml"
        ]
    );
}

#[test]
fn sigint_and_sigterm_remove_the_unfinished_build_and_keep_a_whole_site() {
    for signal in [libc::SIGINT, libc::SIGTERM] {
        let site = big_site(2000);
        site.build(&[]).expect_clean();
        let before = tree(&site.out());
        site.write(
            "content/basics/what-is-a-set.md",
            "# What is a set, now?\n\nChanged.\n",
        );
        site.build(&["-o", "reference"]).expect_clean();
        let after_rebuild = tree(&site.tmp().join("reference"));

        let mut child = spawn_build(&site, &[]);
        assert!(
            wait_for_staging(&site, &mut child),
            "the build ended before the test saw it"
        );
        // SAFETY: sending a signal to the child this test started and has not yet waited on.
        assert_eq!(unsafe { libc::kill(child.id() as i32, signal) }, 0);
        let output = child.wait_with_output().expect("wait");
        assert_eq!(output.status.code(), Some(128 + signal), "signal {signal}");

        only_the_site_is_left(&site.root());
        let now = tree(&site.out());
        if now != after_rebuild {
            // The signal came before the swap: the previous site, untouched.
            assert_same_tree(&before, &now);
        }
    }
}

#[test]
fn what_a_sigkill_leaves_is_removed_by_the_next_build() {
    let site = big_site(2000);
    site.build(&[]).expect_clean();
    let before = tree(&site.out());
    // Without its cache the next build is a whole one, through a staging folder.
    std::fs::remove_file(site.root().join(".public.answerbook-cache")).unwrap();
    let mut child = spawn_build(&site, &[]);
    assert!(
        wait_for_staging(&site, &mut child),
        "the build ended before the test saw it"
    );
    child.kill().expect("SIGKILL");
    child.wait().expect("wait");
    // The output folder is whole (the same site, rebuilt or not); the staging folder may be left.
    assert_same_tree(&before, &tree(&site.out()));

    site.build(&[]).expect_clean();
    only_the_site_is_left(&site.root());
    assert_same_tree(&before, &tree(&site.out()));
}

#[test]
fn concurrent_builds_into_one_folder_both_succeed() {
    let site = big_site(1000);
    site.build(&["-o", "reference"]).expect_clean();
    let reference = tree(&site.tmp().join("reference"));
    let builds: Vec<Child> = (0..3).map(|_| spawn_build(&site, &[])).collect();
    for child in builds {
        let output = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(0), "{stderr}");
        assert_eq!(stderr, "");
    }
    only_the_site_is_left(&site.root());
    assert_same_tree(&reference, &tree(&site.out()));
}

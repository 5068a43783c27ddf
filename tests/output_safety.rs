//! A build replaces only a folder it wrote itself (or an empty one): never a home folder, a
//! repository, the theme, or the real folder behind a symlinked `content/`. Every test works
//! inside its own temporary folder, and the folders it points `-o` at are inside it too, so a
//! regression can only ever delete what the test made.

mod common;

use std::fs;
use std::process::Command;

use common::{Run, Site, assert_same_tree, entries, fixture, tree};

const MARKER: &str = ".answerbook-output";

/// Runs `answerbook ARGS` in the site's temporary folder with `HOME` set to `TMP/home`, so the
/// home folder the binary sees is one the test owns.
fn run_with_home(site: &Site, args: &[&str]) -> Run {
    let home = site.tmp().join("home");
    let output = Command::new(env!("CARGO_BIN_EXE_answerbook"))
        .args(args)
        .current_dir(site.tmp())
        .env("HOME", &home)
        .output()
        .expect("run answerbook");
    Run {
        args: args.iter().map(|s| (*s).to_owned()).collect(),
        code: output.status.code().expect("exit code"),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

/// `-o out` is refused with exit 2 and this reason, with and without `--force`, and nothing in
/// the temporary folder changes.
#[track_caller]
fn assert_never_replaced(site: &Site, out: &str, why: &str) {
    let before = tree(site.tmp());
    for force in [false, true] {
        let mut args = vec!["build", "site", "-o", out];
        if force {
            args.push("--force");
        }
        let run = run_with_home(site, &args);
        run.expect_code(2);
        assert_eq!(
            run.stderr,
            format!("error: refusing to write the site to {out}: {why}\n")
        );
        assert_same_tree(&before, &tree(site.tmp()));
    }
}

#[test]
fn the_home_folder_is_never_replaced() {
    let site = fixture("minimal");
    fs::create_dir(site.tmp().join("home")).unwrap();
    fs::write(site.tmp().join("home/notes.txt"), "my notes").unwrap();
    let home = site.tmp().join("home");
    assert_never_replaced(&site, home.to_str().unwrap(), "it is your home folder");
    assert_never_replaced(&site, "home/../home/.", "it is your home folder");
    assert_never_replaced(&site, ".", "it contains your home folder");
}

#[test]
fn a_repository_and_its_git_folder_are_never_replaced() {
    let site = fixture("minimal");
    site.write(".git/HEAD", "ref: refs/heads/main\n");
    assert_never_replaced(&site, "site/.git", "it is inside a .git folder");
    fs::create_dir_all(site.tmp().join("repo/.git")).unwrap();
    fs::write(site.tmp().join("repo/README"), "a checkout").unwrap();
    assert_never_replaced(&site, "repo", "it holds a .git folder (a repository)");
}

#[test]
fn the_themes_folder_is_never_replaced() {
    let site = fixture("minimal");
    site.write("themes/mine/templates/base.html", "{{ page.title }}");
    assert_never_replaced(&site, "site/themes", "it is inside themes/");
    assert_never_replaced(&site, "site/themes/mine", "it is inside themes/");
}

#[cfg(unix)]
#[test]
fn the_real_folder_behind_a_symlinked_content_is_never_replaced() {
    let site = fixture("minimal");
    // The knowledge base lives elsewhere; content/ is a symlink to it.
    fs::rename(site.root().join("content"), site.tmp().join("kb")).unwrap();
    std::os::unix::fs::symlink(site.tmp().join("kb"), site.root().join("content")).unwrap();
    assert_never_replaced(&site, "kb", "it is inside content/");
    assert_never_replaced(&site, "kb/basics", "it is inside content/");
    // The symlink resolves to the same folder: still refused.
    assert_never_replaced(&site, "site/content", "it is inside content/");
    fs::create_dir(site.tmp().join("home")).unwrap();
    assert_never_replaced(&site, ".", "it contains your home folder");
}

#[test]
fn a_folder_answerbook_did_not_write_is_refused_with_exit_1() {
    let site = fixture("minimal");
    fs::create_dir(site.tmp().join("www")).unwrap();
    fs::write(site.tmp().join("www/notes.txt"), "keep me").unwrap();
    let before = tree(site.tmp());
    let run = site.build(&["-o", "www"]);
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        format!(
            "error: refusing to replace www: it is not empty and answerbook did not write it \
             (it has no {MARKER} file); choose another folder with --out, empty it, or pass \
             --force to replace everything in it\n"
        )
    );
    assert_same_tree(&before, &tree(site.tmp()));
}

#[test]
fn force_replaces_a_folder_answerbook_did_not_write() {
    let site = fixture("minimal");
    fs::create_dir(site.tmp().join("www")).unwrap();
    fs::write(site.tmp().join("www/notes.txt"), "replace me").unwrap();
    site.build(&["-o", "www", "--force"]).expect_clean();
    assert!(!site.tmp().join("www/notes.txt").exists());
    assert!(
        site.tmp()
            .join("www/basics/what-is-a-set/index.html")
            .is_file()
    );
    // From now on the folder is answerbook's: no --force needed.
    site.build(&["-o", "www"]).expect_clean();
    assert_eq!(
        entries(site.tmp()),
        [
            ".www.answerbook-cache",
            ".www.answerbook-cache-head",
            "site",
            "www"
        ]
    );
}

#[test]
fn an_empty_folder_is_built_into_and_marked() {
    let site = fixture("minimal");
    fs::create_dir(site.tmp().join("www")).unwrap();
    site.build(&["-o", "www"]).expect_clean();
    let marker = common::read_text(&site.tmp().join("www").join(MARKER));
    assert!(marker.contains("written by answerbook"), "{marker}");
    // The marker is no page: the sitemap does not list it.
    let sitemap = common::read_text(&site.tmp().join("www/sitemap.xml"));
    assert!(!sitemap.contains("answerbook-output"), "{sitemap}");
}

#[cfg(unix)]
#[test]
fn an_output_folder_reached_through_a_symlink_is_built_where_it_points() {
    let site = fixture("minimal");
    site.build(&["-o", "real-www"]).expect_clean();
    std::os::unix::fs::symlink(site.tmp().join("real-www"), site.tmp().join("www")).unwrap();
    site.write(
        "content/basics/what-is-a-list.md",
        "---\ntitle: What is a list?\n---\n\nA mutable sequence.\n",
    );
    site.build(&["-o", "www"]).expect_clean();
    assert!(
        fs::symlink_metadata(site.tmp().join("www"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        site.tmp()
            .join("real-www/basics/what-is-a-list/index.html")
            .is_file()
    );
    assert_eq!(
        entries(site.tmp()),
        [
            ".real-www.answerbook-cache",
            ".real-www.answerbook-cache-head",
            "real-www",
            "site",
            "www"
        ]
    );
}

#[test]
fn leftovers_of_a_killed_build_are_removed_by_the_next_build() {
    let site = built();
    // What a SIGKILL in the middle of two earlier builds left, and a folder of the user's.
    site.write(".public.answerbook-new-424242/index.html", "half written");
    site.write(".public.answerbook-old-99/index.html", "an old site");
    site.write(".public.answerbook-lock", "");
    site.write(".public-notes/keep.txt", "mine");
    site.build(&[]).expect_clean();
    assert_eq!(
        entries(&site.root()),
        [
            ".public-notes",
            ".public.answerbook-cache",
            ".public.answerbook-cache-head",
            "content",
            "public",
            "site.yaml"
        ]
    );
}

fn built() -> Site {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn the_output_folder_is_marked_and_nothing_is_left_beside_it() {
    let site = built();
    assert!(site.out().join(MARKER).is_file());
    assert_eq!(
        entries(&site.root()),
        [
            ".public.answerbook-cache",
            ".public.answerbook-cache-head",
            "content",
            "public",
            "site.yaml"
        ]
    );
}

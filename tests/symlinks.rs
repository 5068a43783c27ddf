//! Symlinks in what a site publishes: one leading outside the site folder is not followed (a
//! warning naming it, an error under `--strict`) unless `follow_symlinks: true`; one inside the
//! site works; one into the output folder, or a loop, is an error; a dangling one a warning.
//! Every symlink points at files the test made in its own temporary folder.

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::symlink;
use std::path::{Path, PathBuf};

use common::{Site, assert_same_tree, fixture, tree};

/// A string that only the files outside the site hold.
const SECRET: &str = "outside-secret-5d1c9a4e";

/// `TMP/outside/` with a markdown page, a text file and a folder, all holding [`SECRET`];
/// returns its real path (as messages show it).
fn outside(site: &Site) -> PathBuf {
    let dir = site.tmp().join("outside");
    fs::create_dir_all(dir.join("folder")).unwrap();
    fs::write(dir.join("secret.md"), format!("# Leak\n\n{SECRET}\n")).unwrap();
    fs::write(dir.join("secret.txt"), SECRET).unwrap();
    fs::write(dir.join("folder/inner.txt"), SECRET).unwrap();
    fs::canonicalize(dir).unwrap()
}

/// A symlink at `rel` in the site folder, pointing at `target`.
fn link(site: &Site, rel: &str, target: impl AsRef<Path>) {
    let path = site.root().join(rel);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    symlink(target, path).unwrap();
}

#[track_caller]
fn assert_secret_nowhere(out: &Path) {
    for (path, bytes) in tree(out) {
        let text = String::from_utf8_lossy(bytes.as_deref().unwrap_or_default());
        assert!(!text.contains(SECRET), "{path} holds the secret");
        assert!(
            !path.contains("secret") && !path.contains("folder"),
            "{path} was published"
        );
    }
}

fn hint(level: &str, rel: &str, target: &Path) -> String {
    format!(
        "{rel}: {level}: symlink to a path outside the site folder is not followed: {}; \
         set follow_symlinks: true in site.yaml to publish it",
        target.display()
    )
}

#[test]
fn symlinks_leading_outside_the_site_are_not_followed_and_each_is_named() {
    let site = fixture("minimal");
    let out = outside(&site);
    link(&site, "content/leak.md", out.join("secret.md"));
    link(&site, "content/files/leak.txt", out.join("secret.txt"));
    link(&site, "content/basics/more", out.join("folder"));

    let run = site.build(&[]);
    run.expect_code(0)
        .expect_line(&hint("warning", "content/leak.md", &out.join("secret.md")))
        .expect_line(&hint(
            "warning",
            "content/files/leak.txt",
            &out.join("secret.txt"),
        ))
        .expect_line(&hint("warning", "content/basics/more", &out.join("folder")));
    assert_eq!(run.diagnostics().len(), 3, "{}", run.stderr);
    assert!(site.out().join("basics/what-is-a-set/index.html").is_file());
    assert!(!site.out().join("leak").exists());
    assert_secret_nowhere(&site.out());

    fs::remove_dir_all(site.out()).unwrap();
    let strict = site.build(&["--strict"]);
    strict
        .expect_code(1)
        .expect_line(&hint("error", "content/leak.md", &out.join("secret.md")));
    assert!(!site.out().exists());
}

#[test]
fn follow_symlinks_in_site_yaml_publishes_what_they_lead_to() {
    let site = fixture("minimal");
    let out = outside(&site);
    site.write(
        "site.yaml",
        "title: Minimal answers\nfollow_symlinks: true\n",
    );
    link(&site, "content/leak.md", out.join("secret.md"));
    link(&site, "content/files/leak.txt", out.join("secret.txt"));
    link(&site, "content/more", out.join("folder"));

    site.build(&[]).expect_clean();
    assert!(site.page("leak/").source.contains(SECRET));
    assert_eq!(site.out_text("files/leak.txt"), SECRET);
    assert_eq!(site.out_text("more/inner.txt"), SECRET);
}

#[test]
fn symlinks_inside_the_site_folder_are_followed_as_before() {
    let site = fixture("minimal");
    site.write(
        "shared/alias.md",
        "---\ntitle: Shared page\n---\n\nShared body.\n",
    );
    site.write("media/pic.txt", "a picture");
    link(&site, "content/basics/alias.md", "../../shared/alias.md");
    link(&site, "content/media", "../media");
    link(&site, "content/basics/set-again.md", "what-is-a-set.md");

    site.build(&[]).expect_clean();
    assert_eq!(site.page("basics/alias/").text("h1"), "Shared page");
    assert_eq!(site.out_text("media/pic.txt"), "a picture");
    assert_eq!(site.page("basics/set-again/").text("h1"), "What is a set?");
}

#[test]
fn symlinks_into_the_output_folder_and_loops_are_errors_naming_the_file() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    let before = tree(&site.out());

    link(&site, "content/old-site", "../public");
    link(
        &site,
        "content/old-page.html",
        "../public/basics/what-is-a-set/index.html",
    );
    link(&site, "content/basics/again", "..");
    link(&site, "content/ping.md", "pong.md");
    link(&site, "content/pong.md", "ping.md");

    let run = site.build(&[]);
    run.expect_code(1);
    let errors: Vec<&str> = run
        .diagnostics()
        .into_iter()
        .filter(|l| l.contains(": error: "))
        .collect();
    let starts = [
        "content/basics/again: error: symlink loop: it leads to ",
        "content/old-page.html: error: symlink into the output folder (",
        "content/old-site: error: symlink into the output folder (",
        "content/ping.md: error: symlink loop: following it comes back to where it started; remove it",
        "content/pong.md: error: symlink loop: following it comes back to where it started; remove it",
    ];
    assert_eq!(errors.len(), starts.len(), "{}", run.stderr);
    for (line, start) in errors.iter().zip(starts) {
        assert!(
            line.starts_with(start),
            "{line}\n--- expected it to start with\n{start}"
        );
    }
    assert_same_tree(&before, &tree(&site.out()));
}

#[test]
fn a_dangling_symlink_is_a_warning_naming_it() {
    let site = fixture("minimal");
    let missing = site.tmp().join("outside/nothing-here.md");
    link(&site, "content/gone.md", &missing);

    let run = site.build(&[]);
    run.expect_code(0).expect_line(&format!(
        "content/gone.md: warning: symlink to '{}', which does not exist, is skipped",
        missing.display()
    ));
    assert!(!site.out().join("gone").exists());
    site.build(&["--strict"]).expect_code(1);
}

#[test]
fn theme_static_files_follow_the_same_rules() {
    let site = fixture("minimal");
    let out = outside(&site);
    link(
        &site,
        "themes/default/static/leak.css",
        out.join("secret.txt"),
    );
    site.write("themes/default/static/extra.css", "body { margin: 0 }");

    let run = site.build(&[]);
    run.expect_code(0).expect_line(&hint(
        "warning",
        "themes/default/static/leak.css",
        &out.join("secret.txt"),
    ));
    assert_eq!(site.out_text("assets/extra.css"), "body { margin: 0 }");
    assert!(!site.out().join("assets/leak.css").exists());
    assert_secret_nowhere(&site.out());
}

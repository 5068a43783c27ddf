//! `answerbook init` and `answerbook new`, run as a new user would: a site made by `init`
//! builds with `--strict` and its example question has its FAQPage; a folder that holds a site
//! is refused untouched; `new` writes the page it says, refuses to overwrite one, and the page
//! builds. Every run happens inside its own temporary folder.

mod common;

use std::fs;

use common::{Doc, assert_same_tree, run_in, tree};
use tempfile::TempDir;

const EXAMPLE: &str = "rust-files/how-do-i-read-a-file-line-by-line-in-rust/";

fn empty_tmp() -> TempDir {
    tempfile::Builder::new()
        .prefix("answerbook-scaffold-")
        .tempdir()
        .expect("temp dir")
}

/// A temporary folder holding a site made by `answerbook init site`.
fn new_site() -> TempDir {
    let tmp = empty_tmp();
    run_in(tmp.path(), &["init", "site"]).expect_clean();
    tmp
}

#[test]
fn a_new_site_builds_strictly_and_its_example_question_has_its_faq_page() {
    let tmp = empty_tmp();
    let run = run_in(tmp.path(), &["init", "site"]);
    run.expect_clean();
    assert!(
        run.stdout
            .starts_with("Created a knowledge base in site:\n")
    );
    let site = tmp.path().join("site");
    for rel in [
        "site.yaml",
        "content/index.md",
        "content/rust-files/index.md",
        "content/rust-files/how-do-i-read-a-file-line-by-line-in-rust.md",
        ".gitignore",
        ".github/workflows/answerbook.yml",
    ] {
        assert!(site.join(rel).is_file(), "init did not write {rel}");
        assert!(run.stdout.contains(&format!("  {rel}\n")), "{}", run.stdout);
    }

    run_in(tmp.path(), &["build", "site", "--strict"]).expect_clean();
    let out = site.join("public");
    let page = Doc::read(&out, EXAMPLE);
    let faq = page.faq_pages();
    assert_eq!(faq.len(), 1, "one FAQPage on the example question");
    let question = &faq[0]["mainEntity"][0];
    assert_eq!(
        question["name"],
        "How do I read a file line by line in Rust?"
    );
    let answer = question["acceptedAnswer"]["text"].as_str().unwrap();
    assert!(
        answer.starts_with("Open the file with File::open, wrap it in a BufReader"),
        "{answer}"
    );
    assert_eq!(
        common::heading_text(page.one("h1")),
        "How do I read a file line by line in Rust?"
    );
    assert!(page.has("h2#gotchas") && page.has("h2#see-also"));
    assert!(page.has("div.language-rust.highlight"));
    assert_eq!(page.meta("description").len(), 1);

    // The home page leads to the section, and the section to the question.
    let home = Doc::read(&out, "");
    assert!(home.text("title").contains("Knowledge base"));
    assert_eq!(home.href_of("Files in Rust"), "rust-files/");
    let section = Doc::read(&out, "rust-files/");
    assert_eq!(
        section.href_of("How do I read a file line by line in Rust?"),
        "how-do-i-read-a-file-line-by-line-in-rust/"
    );
    // The output is what the .gitignore leaves out.
    let ignore = fs::read_to_string(site.join(".gitignore")).unwrap();
    assert!(ignore.lines().any(|l| l == "/public/"), "{ignore}");
}

#[test]
fn title_and_base_url_given_on_the_command_line_reach_the_pages() {
    let tmp = empty_tmp();
    run_in(
        tmp.path(),
        &[
            "init",
            "site",
            "--title",
            "Rust: \"answers\"",
            "--base-url",
            "https://kb.example.org/rust/",
        ],
    )
    .expect_clean();
    run_in(tmp.path(), &["build", "site", "--strict"]).expect_clean();
    let page = Doc::read(&tmp.path().join("site/public"), EXAMPLE);
    assert!(page.text("title").contains("Rust: \"answers\""));
    assert_eq!(
        page.attr("link[rel=canonical]", "href"),
        format!("https://kb.example.org/rust/{EXAMPLE}")
    );
}

#[test]
fn a_bad_base_url_is_refused_before_anything_is_written() {
    let tmp = empty_tmp();
    let run = run_in(
        tmp.path(),
        &["init", "site", "--base-url", "kb.example.org"],
    );
    run.expect_code(2);
    assert!(
        run.stderr
            .starts_with("error: base_url `kb.example.org` must be an http(s):// URL"),
        "{}",
        run.stderr
    );
    assert!(!tmp.path().join("site").exists());
}

#[test]
fn init_refuses_a_folder_that_holds_a_site_and_changes_nothing() {
    for (marker, is_dir) in [
        ("content", true),
        ("site.yaml", false),
        ("mkdocs.yml", false),
    ] {
        let tmp = empty_tmp();
        let site = tmp.path().join("site");
        fs::create_dir_all(&site).unwrap();
        if is_dir {
            fs::create_dir(site.join(marker)).unwrap();
            fs::write(site.join(marker).join("notes.md"), "# Mine\n").unwrap();
        } else {
            fs::write(site.join(marker), "title: Mine\n").unwrap();
        }
        fs::write(site.join(".gitignore"), "mine\n").unwrap();
        let before = tree(tmp.path());

        let run = run_in(tmp.path(), &["init", "site"]);
        run.expect_code(1);
        assert!(
            run.stderr.starts_with(&format!(
                "error: site/{marker} already exists: site holds a site;"
            )),
            "{marker}: {}",
            run.stderr
        );
        assert_eq!(run.stdout, "");
        assert_same_tree(&before, &tree(tmp.path()));
    }
}

#[test]
fn init_in_the_current_folder_keeps_a_gitignore_that_is_there() {
    let tmp = empty_tmp();
    fs::write(tmp.path().join(".gitignore"), "target/\n").unwrap();
    let run = run_in(tmp.path(), &["init"]);
    run.expect_clean();
    assert!(
        run.stdout
            .starts_with("Created a knowledge base in .:\n  site.yaml\n")
    );
    assert!(
        run.stdout
            .contains("  .gitignore was already there and is left as it is\n"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("Add `/public/` to your .gitignore"));
    assert_eq!(
        fs::read_to_string(tmp.path().join(".gitignore")).unwrap(),
        "target/\n"
    );
    run_in(tmp.path(), &["build", "--strict"]).expect_clean();
    // A second init is refused now that the site is there.
    run_in(tmp.path(), &["init"]).expect_code(1);
}

#[test]
fn init_refuses_a_file_in_place_of_the_folder() {
    let tmp = empty_tmp();
    fs::write(tmp.path().join("site"), "a file").unwrap();
    let run = run_in(tmp.path(), &["init", "site"]);
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "error: site is not a folder: answerbook init creates a site in a folder\n"
    );
    assert_eq!(
        fs::read_to_string(tmp.path().join("site")).unwrap(),
        "a file"
    );
}

/// The date line of a page `new` wrote, checked to be a date and replaced by `DATE`.
fn without_date(text: &str) -> String {
    text.lines()
        .map(|line| match line.strip_prefix("date: ") {
            Some(date) => {
                assert!(date.parse::<jiff::civil::Date>().is_ok(), "{line}");
                "date: DATE".to_owned()
            }
            None => line.to_owned(),
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn new_writes_the_question_page_and_prints_its_path() {
    let tmp = new_site();
    let site = tmp.path().join("site");
    let run = run_in(
        &site,
        &["new", "How do I X in Y?", "--section", "rust-files"],
    );
    run.expect_clean();
    assert_eq!(run.stdout, "content/rust-files/how-do-i-x-in-y.md\n");
    let text = fs::read_to_string(site.join("content/rust-files/how-do-i-x-in-y.md")).unwrap();
    assert_eq!(
        without_date(&text),
        "---\n\
         title: \"How do I X in Y?\"\n\
         description: \"\"\n\
         date: DATE\n\
         ---\n\
         \n\
         # How do I X in Y?\n\
         \n\
         <!-- more -->\n\
         \n\
         !!! info \"In short\"\n\
         \x20   The answer in two or three sentences: it is what search engines show for this question.\n\
         \n\
         ## Gotchas\n\
         \n\
         ## See also\n"
    );

    // It builds with --strict as it stands, and is a question page like the others.
    run_in(tmp.path(), &["build", "site", "--strict"]).expect_clean();
    let out = site.join("public");
    let page = Doc::read(&out, "rust-files/how-do-i-x-in-y/");
    assert_eq!(common::heading_text(page.one("h1")), "How do I X in Y?");
    let faq = page.faq_pages();
    assert_eq!(faq.len(), 1);
    assert_eq!(faq[0]["mainEntity"][0]["name"], "How do I X in Y?");
    let section = Doc::read(&out, "rust-files/");
    assert_eq!(section.href_of("How do I X in Y?"), "how-do-i-x-in-y/");
}

#[test]
fn new_never_overwrites_a_page() {
    let tmp = new_site();
    let site = tmp.path().join("site");
    let args = ["new", "How do I X in Y?", "--section", "rust-files"];
    run_in(&site, &args).expect_clean();
    let path = site.join("content/rust-files/how-do-i-x-in-y.md");
    fs::write(&path, "An answer someone wrote.\n").unwrap();
    let before = tree(tmp.path());

    let run = run_in(&site, &args);
    run.expect_code(1);
    assert_eq!(
        run.stderr,
        "error: content/rust-files/how-do-i-x-in-y.md already exists: answerbook never overwrites a file; nothing was changed there\n"
    );
    assert_eq!(run.stdout, "");
    assert_same_tree(&before, &tree(tmp.path()));

    // Nor does it write a page that a folder's index.md already publishes at the same URL.
    fs::create_dir_all(site.join("content/rust-files/how-do-i-z")).unwrap();
    fs::write(site.join("content/rust-files/how-do-i-z/index.md"), "# Z\n").unwrap();
    let run = run_in(&site, &["new", "How do I Z?", "--section", "rust-files"]);
    run.expect_code(1);
    assert!(run.stderr.starts_with(
        "error: content/rust-files/how-do-i-z/index.md already exists and is published at the URL content/rust-files/how-do-i-z.md would have"
    ), "{}", run.stderr);
    assert!(!site.join("content/rust-files/how-do-i-z.md").exists());
}

#[test]
fn new_makes_a_missing_section_and_refuses_one_outside_the_content_folder() {
    let tmp = new_site();
    let run = run_in(
        tmp.path(),
        &[
            "new",
            "What is a lifetime?",
            "--section",
            "rust/ownership",
            "--site-dir",
            "site",
        ],
    );
    run.expect_clean();
    assert_eq!(
        run.stdout,
        "site/content/rust/ownership/what-is-a-lifetime.md\n"
    );
    let run = run_in(tmp.path(), &["new", "Top level?", "--site-dir", "site"]);
    assert_eq!(run.stdout, "site/content/top-level.md\n");
    run_in(tmp.path(), &["build", "site", "--strict"]).expect_clean();

    let before = tree(tmp.path());
    for section in ["../outside", "/rust/../..", ".hidden"] {
        let run = run_in(
            tmp.path(),
            &["new", "Escape?", "--section", section, "--site-dir", "site"],
        );
        run.expect_code(2);
        assert!(
            run.stderr.starts_with("error: --section `"),
            "{}",
            run.stderr
        );
    }
    assert_same_tree(&before, &tree(tmp.path()));
}

#[test]
fn new_writes_into_an_mkdocs_projects_docs_dir() {
    let tmp = empty_tmp();
    let project = tmp.path().join("project");
    fs::create_dir_all(project.join("docs")).unwrap();
    fs::write(project.join("mkdocs.yml"), "site_name: Notes\n").unwrap();
    fs::write(project.join("docs/index.md"), "# Notes\n").unwrap();
    let run = run_in(&project, &["new", "Why is my build slow?"]);
    run.expect_clean();
    assert_eq!(run.stdout, "docs/why-is-my-build-slow.md\n");
    assert!(project.join("docs/why-is-my-build-slow.md").is_file());
}

#[test]
fn new_outside_a_site_or_without_words_says_so() {
    let tmp = empty_tmp();
    let run = run_in(tmp.path(), &["new", "How?"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: . is not a site folder: it has no content/ folder\n"
    );
    let site = new_site();
    let run = run_in(&site.path().join("site"), &["new", "???"]);
    run.expect_code(2);
    assert!(
        run.stderr.contains("has no letters or digits"),
        "{}",
        run.stderr
    );
    assert_eq!(tree(tmp.path()).len(), 0);
}

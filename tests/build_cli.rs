//! The command line as a user meets it: what a build prints, exit codes (0 built, 1 failed,
//! 2 bad usage), and the exact error text with `file:line` for broken configuration and front
//! matter.

mod common;

use common::{fixture, run_in};

#[test]
fn success_prints_pages_built_and_the_output_folder() {
    let site = fixture("minimal");
    let run = site.build(&[]);
    run.expect_clean();
    // Home, the basics section and its two questions.
    let line = run.stdout.strip_suffix('\n').expect("one line");
    assert!(!line.contains('\n'), "{}", run.stdout);
    let rest = line
        .strip_prefix("Built 4 pages in ")
        .unwrap_or_else(|| panic!("{line}"));
    let (ms, dir) = rest
        .split_once(" ms into ")
        .unwrap_or_else(|| panic!("{line}"));
    assert!(ms.parse::<u64>().is_ok(), "{line}");
    assert_eq!(dir, "site/public");
}

#[test]
fn default_output_is_public_inside_the_site_folder() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    for file in [
        "index.html",
        "basics/index.html",
        "basics/what-is-a-tuple/index.html",
        "basics/what-is-a-set/index.html",
        "404.html",
        "sitemap.xml",
        "robots.txt",
        "assets/style.css",
    ] {
        assert!(site.out().join(file).is_file(), "missing {file}");
    }
}

#[test]
fn out_flag_is_relative_to_the_working_folder() {
    let site = fixture("minimal");
    let run = site.build(&["-o", "elsewhere/www"]);
    run.expect_clean();
    assert!(
        run.stdout.trim_end().ends_with(" ms into elsewhere/www"),
        "{}",
        run.stdout
    );
    assert!(
        site.tmp()
            .join("elsewhere/www/basics/what-is-a-set/index.html")
            .is_file()
    );
    assert!(
        !site.out().exists(),
        "nothing written to the default folder"
    );
}

#[test]
fn site_dir_defaults_to_the_working_folder() {
    let site = fixture("minimal");
    let run = run_in(&site.root(), &["build"]);
    run.expect_clean();
    assert!(
        site.out()
            .join("basics/what-is-a-tuple/index.html")
            .is_file()
    );
}

#[test]
fn folder_without_content_is_a_usage_error() {
    let site = fixture("minimal");
    std::fs::create_dir(site.tmp().join("empty")).unwrap();
    let run = site.run(&["build", "empty"]);
    run.expect_code(2);
    assert_eq!(
        run.stderr,
        "error: empty is not a site folder: it has no content/ folder\n"
    );
    assert!(!site.tmp().join("empty/public").exists());
}

#[test]
fn missing_site_folder_is_a_usage_error() {
    let site = fixture("minimal");
    site.run(&["build", "no-such-folder"]).expect_code(2);
}

#[test]
fn unknown_flag_and_missing_command_are_usage_errors() {
    let site = fixture("minimal");
    let run = site.run(&["build", "site", "--no-such-flag"]);
    run.expect_code(2);
    assert!(run.stderr.contains("--no-such-flag"), "{}", run.stderr);
    site.run(&[]).expect_code(2);
    site.run(&["publish"]).expect_code(2);
    assert!(!site.out().exists());
}

#[test]
fn unknown_site_yaml_key_is_an_error_naming_the_key_and_its_line() {
    let site = fixture("bad_config_key");
    let run = site.build(&[]);
    run.expect_code(1);
    assert!(!site.out().exists());
    // Diagnostics have the compiler shape `file:line[:col]: error: message`, like every other
    // diagnostic; `colour` is on line 3 of site.yaml.
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("colour"))
        .unwrap_or_else(|| panic!("no line names the key:\n{}", run.stderr));
    assert!(
        line.starts_with("site.yaml:3:1: error: unknown field `colour`"),
        "got: {line}"
    );
}

#[test]
fn yaml_syntax_error_in_front_matter_names_file_and_line() {
    let site = fixture("bad_front_matter");
    let run = site.build(&[]);
    run.expect_code(1);
    // `description: this: has a stray colon` is line 3 of the file (line 2 of the YAML).
    let line = run.diagnostics()[0];
    assert!(
        line.starts_with("content/broken.md:3:") && line.contains(": error: "),
        "got: {line}\n{}",
        run.stderr
    );
    assert_eq!(run.diagnostics().len(), 1, "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().last(),
        Some("error: build failed: 1 error(s), 0 warning(s)")
    );
    assert!(!site.out().exists(), "a failed build writes nothing");
    assert_eq!(run.stdout, "");
}

#[test]
fn page_with_broken_front_matter_still_resolves_links_to_it() {
    // what-is-a-tuple.md links to what-is-a-set.md: the only message is the real problem.
    let site = fixture("minimal");
    site.write(
        "content/basics/what-is-a-set.md",
        "---\ntitle: What is a set?\ndescription: oops: two colons\n---\n\nBody.\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    let diagnostics = run.diagnostics();
    assert_eq!(diagnostics.len(), 1, "{}", run.stderr);
    assert!(
        diagnostics[0].starts_with("content/basics/what-is-a-set.md:3:"),
        "{}",
        run.stderr
    );
}

#[test]
fn two_sources_publishing_to_one_url_is_an_error_naming_both() {
    let site = fixture("minimal");
    site.write("content/basics.md", "# Basics again\n");
    let run = site.build(&[]);
    run.expect_code(1);
    let line = run
        .stderr
        .lines()
        .find(|l| l.contains("publishes to /basics/"))
        .unwrap_or_else(|| panic!("{}", run.stderr));
    assert!(line.contains(": error: "), "{line}");
    assert!(line.contains("content/basics.md"), "{line}");
    assert!(line.contains("content/basics/index.md"), "{line}");
    assert!(!site.out().exists());
}

#[test]
fn invalid_dates_are_errors_on_their_lines_and_all_are_reported() {
    let site = fixture("bad_dates");
    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            "content/bad-day.md:4: error: `date: 2025-02-30` is not a date: write YYYY-MM-DD \
             or an RFC 3339 time like 2025-10-07T09:30:00Z",
            "content/bad-update.md:5: error: `updated: last tuesday` is not a date: write \
             YYYY-MM-DD or an RFC 3339 time like 2025-10-07T09:30:00Z",
        ]
    );
    assert_eq!(
        run.stderr.lines().last(),
        Some("error: build failed: 2 error(s), 0 warning(s)")
    );
    assert!(!site.out().exists());
}

#[test]
fn errors_and_warnings_of_different_files_come_out_of_one_run() {
    let site = fixture("broken_links");
    site.write(
        "content/guide/dated.md",
        "---\ntitle: Dated\ndate: 2025-13-01\n---\n\nBody.\n",
    );
    let run = site.build(&[]);
    run.expect_code(1)
        .expect_line("content/guide/first.md:9: warning: broken link '../nowhere.md'")
        .expect_line("content/guide/third.md:12: warning: broken link 'missing-item.md'");
    let dated = run
        .stderr
        .lines()
        .find(|l| l.starts_with("content/guide/dated.md:3: error: `date: 2025-13-01`"));
    assert!(dated.is_some(), "{}", run.stderr);
    assert_eq!(
        run.stderr.lines().last(),
        Some("error: build failed: 1 error(s), 6 warning(s)")
    );
}

#[test]
fn warnings_are_counted_in_the_success_line() {
    let site = fixture("drafts");
    let run = site.build(&[]);
    run.expect_code(0);
    assert!(
        run.stdout.trim_end().ends_with("(1 warning(s))"),
        "{}",
        run.stdout
    );
}

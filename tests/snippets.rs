//! `pymdownx.snippets` in an MkDocs project: included files as a reader sees them, problems
//! reported at the line that includes them, and the build cache rebuilding exactly the pages
//! whose snippets changed.

mod common;

use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::fixture;

const DESCALE: &str = "docs/kettles/how-do-i-descale-a-kettle.md";

/// Sets every file under `dir` an hour back, so the cache can trust its stat.
fn age(dir: &Path) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path);
        } else {
            age_file(&path);
        }
    }
}

/// Sets one file's time a little more than an hour back (each time another, so a file
/// written again never looks unchanged by its time).
fn age_file(path: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    let file = fs::File::options().write(true).open(path).unwrap();
    file.set_modified(hour_ago).unwrap();
}

#[test]
fn included_files_lines_and_sections_are_part_of_the_page() {
    let site = fixture("snippets");
    site.build(&["--strict"]).expect_clean();
    let page = site.page("kettles/how-do-i-descale-a-kettle/");
    assert_eq!(
        page.texts("article ol li"),
        [
            "Fill the kettle halfway with equal parts water and white vinegar.",
            "Boil it, then let it stand for an hour.",
            "Rinse twice with clean water.",
        ]
    );
    // The section alone, its indentation taken off (dedent_subsections), as a paragraph.
    assert!(
        page.texts("article p")
            .contains(&"Never immerse the base in water.".to_owned())
    );
    assert!(!page.text("article").contains("Guarantee"));
    assert!(!page.text("article").contains("8<"));
    // auto_append puts the glossary on every page.
    let click = site.page("kettles/why-does-my-kettle-click/");
    assert_eq!(click.attr("article abbr", "title"), "printed circuit board");
}

#[test]
fn a_missing_snippet_and_one_outside_the_folders_are_reported_where_they_are_written() {
    let site = fixture("snippets");
    site.write(
        DESCALE,
        "# How do I descale a kettle?\n\n--8<-- \"stpes.md\"\n\n--8<-- \"../mkdocs.yml\"\n",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert_eq!(
        run.diagnostics(),
        [
            format!(
                "{DESCALE}:3: warning: snippet 'stpes.md' is not in the snippet folders (snippets)"
            ),
            format!(
                "{DESCALE}:5: error: snippet '../mkdocs.yml' leads outside the snippet folders (snippets): it is not read"
            ),
        ]
    );
}

#[test]
fn a_changed_snippet_rebuilds_the_pages_that_include_it_and_only_those() {
    let site = fixture("snippets");
    age(&site.root());
    site.build(&[]).expect_clean();
    let first = site.build(&[]);
    first.expect_clean();
    // The two questions, and their section's page that shows only them.
    assert!(first.stdout.contains("(3 unchanged)"), "{}", first.stdout);

    site.write("snippets/steps.md", "1. Ask someone else to do it.\n");
    age_file(&site.root().join("snippets/steps.md"));
    let second = site.build(&[]);
    second.expect_clean();
    // The page that includes steps.md is rendered again; the other is kept.
    assert!(second.stdout.contains("(1 unchanged)"), "{}", second.stdout);
    let page = site.page("kettles/how-do-i-descale-a-kettle/");
    assert_eq!(page.texts("article ol li"), ["Ask someone else to do it."]);

    // The glossary every page appends: every page again.
    site.write(
        "snippets/abbreviations.md",
        "*[PCB]: the board with the chips\n",
    );
    age_file(&site.root().join("snippets/abbreviations.md"));
    let third = site.build(&[]);
    assert!(!third.stdout.contains("unchanged"), "{}", third.stdout);
    let click = site.page("kettles/why-does-my-kettle-click/");
    assert_eq!(
        click.attr("article abbr", "title"),
        "the board with the chips"
    );
}

#[test]
fn a_broken_link_in_a_snippet_is_reported_in_the_snippet_and_after_it_in_the_page() {
    let site = fixture("snippets");
    site.write(
        "snippets/steps.md",
        "1. Fill the kettle.\n2. See [the old guide](old-guide.md).\n",
    );
    let text = common::read_text(&site.root().join(DESCALE));
    site.write(DESCALE, &format!("{text}\nAnd [another](gone.md).\n"));
    let run = site.build(&[]);
    run.expect_code(0);
    assert_eq!(
        run.diagnostics(),
        [
            format!("{DESCALE}:11: warning: broken link 'gone.md'"),
            "snippets/steps.md:2: warning: broken link 'old-guide.md'".to_owned(),
        ]
    );
}

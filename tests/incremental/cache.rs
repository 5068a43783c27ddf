//! What a rebuild keeps and writes of the output folder and of the cache itself: nothing when
//! nothing changed, a new head beside the same body for a few pages, no cache after a failed or
//! stopped build, and only a full build for a missing or damaged cache.

use std::fs;
use std::path::Path;

use super::{CACHE, HEAD, age, built, edit, rebuild_matches_clean, stamps};
use crate::common::{self, assert_same_tree, fixture, tree};

#[test]
fn a_change_the_site_wide_files_do_not_show_leaves_them_as_they_were() {
    let site = built();
    site.build(&[]).expect_clean();
    let files = ["feed.xml", "llms.txt", "sitemap.xml"];
    let before = stamps(&site.out());
    let page = "content/tea/is-matcha-a-green-tea.md";
    edit(&site, page, "instead of steeping", "rather than steeping");
    rebuild_matches_clean(&site);
    let after = stamps(&site.out());
    for file in files {
        assert_eq!(after[file], before[file], "{file} was written again");
    }
    assert_ne!(
        after["tea/is-matcha-a-green-tea/index.html"],
        before["tea/is-matcha-a-green-tea/index.html"]
    );
}

#[test]
fn a_rebuild_with_nothing_changed_writes_nothing() {
    let site = built();
    // The second build learns the stats it may trust; from the third on nothing is read.
    site.build(&[]).expect_clean();
    let before = stamps(&site.out());
    let cache_before = stamps(site.root().as_path());
    let run = site.build(&[]);
    run.expect_clean();
    assert!(run.stdout.contains("(3 unchanged)"), "{}", run.stdout);
    assert_eq!(stamps(&site.out()), before);
    let cache_now = stamps(site.root().as_path());
    assert_eq!(cache_now[CACHE], cache_before[CACHE]);
    assert_eq!(cache_now[HEAD], cache_before[HEAD]);
}

#[test]
fn a_missing_or_damaged_cache_costs_only_a_full_build() {
    let site = built();
    let first = tree(&site.out());
    // Either file alone is no cache.
    for gone in [CACHE, HEAD] {
        fs::remove_file(site.root().join(gone)).unwrap();
        let run = site.build(&[]);
        run.expect_clean();
        assert!(!run.stdout.contains("unchanged"), "{gone}: {}", run.stdout);
        assert_same_tree(&first, &tree(&site.out()));
    }
    // Nor is a head with the body of another build.
    let head = fs::read(site.root().join(HEAD)).unwrap();
    site.write(
        "content/tea/new.md",
        "---\ntitle: New?\n---\n\n# New?\n\nYes.\n",
    );
    site.build(&[]).expect_clean();
    fs::remove_file(site.root().join("content/tea/new.md")).unwrap();
    fs::write(site.root().join(HEAD), head).unwrap();
    let run = site.build(&[]);
    run.expect_clean();
    assert!(!run.stdout.contains("unchanged"), "{}", run.stdout);
    assert_same_tree(&first, &tree(&site.out()));
    fs::write(
        site.root().join(CACHE),
        "answerbook build cache, version 2\ngarbage",
    )
    .unwrap();
    let run = site.build(&[]);
    run.expect_clean();
    assert!(!run.stdout.contains("unchanged"), "{}", run.stdout);
    assert_same_tree(&first, &tree(&site.out()));
}

#[test]
fn a_failed_rebuild_changes_neither_the_output_nor_the_cache() {
    let site = built();
    site.build(&[]).expect_clean();
    let before = tree(&site.out());
    let cache = fs::read(site.root().join(CACHE)).unwrap();
    let head = fs::read(site.root().join(HEAD)).unwrap();
    site.write(
        "content/tea/is-matcha-a-green-tea.md",
        "---\ntitle: Is matcha a green tea?\ndate: 2025-13-40\n---\n\nYes.\n",
    );
    site.build(&[]).expect_code(1);
    assert_same_tree(&before, &tree(&site.out()));
    assert_eq!(fs::read(site.root().join(CACHE)).unwrap(), cache);
    assert_eq!(fs::read(site.root().join(HEAD)).unwrap(), head);
}

#[test]
fn rebuilds_of_a_few_pages_write_a_new_head_and_leave_the_body_as_it_was() {
    let site = built();
    let body_file = site.root().join(CACHE);
    let body = fs::read(&body_file).unwrap();
    let inode = common::inode(&body_file);
    let edits = [
        (
            "content/tea/is-matcha-a-green-tea.md",
            "ground to a powder",
            "milled to a powder",
        ),
        (
            "content/coffee/what-grind-suits-espresso.md",
            "# What grind",
            "# Which grind",
        ),
        (
            "content/tea/is-matcha-a-green-tea.md",
            "milled to a powder",
            "ground to a powder",
        ),
    ];
    let mut heads = vec![fs::read(site.root().join(HEAD)).unwrap()];
    for (page, from, to) in edits {
        edit(&site, page, from, to);
        let said = rebuild_matches_clean(&site);
        assert!(said.contains("(2 unchanged)"), "{said}");
        // The same body file, byte for byte; a new head, which names the edited pages.
        assert_eq!(common::inode(&body_file), inode);
        assert_eq!(fs::read(&body_file).unwrap(), body);
        let head = fs::read(site.root().join(HEAD)).unwrap();
        assert!(!heads.contains(&head));
        heads.push(head);
    }
    let head = heads.last().unwrap();
    for page in [
        "tea/is-matcha-a-green-tea.md",
        "coffee/what-grind-suits-espresso.md",
    ] {
        assert!(
            head.windows(page.len()).any(|w| w == page.as_bytes()),
            "{page}"
        );
    }
    let unchanged = b"tea/how-long-should-green-tea-steep.md";
    assert!(
        !head.windows(unchanged.len()).any(|w| w == unchanged),
        "an unchanged page's entry"
    );
}

#[test]
fn a_build_stopped_after_it_began_to_change_the_output_leaves_no_cache() {
    let site = built();
    site.build(&[]).expect_clean();
    // The edited page's file cannot be replaced (a folder stands where it goes): the build
    // stops while it updates the output folder, after the first change, before it saves
    // its cache, as a build killed there would.
    let page = "content/tea/is-matcha-a-green-tea.md";
    edit(&site, page, "ground to a powder", "stone-ground");
    let html = site.out().join("tea/is-matcha-a-green-tea/index.html");
    fs::remove_file(&html).unwrap();
    site.write(
        "public/tea/is-matcha-a-green-tea/index.html/x",
        "in the way",
    );
    let run = site.build(&[]);
    run.expect_code(1);
    assert!(
        run.stderr.contains("tea/is-matcha-a-green-tea/index.html"),
        "{}",
        run.stderr
    );
    // The head went before the output changed: no cache says the output is as it was.
    assert!(!site.root().join(HEAD).exists());
    assert!(site.root().join(CACHE).is_file());
    fs::remove_dir_all(&html).unwrap();
    let said = rebuild_matches_clean(&site);
    assert!(!said.contains("unchanged"), "a full build: {said}");
}

/// A page with something to report is written but gets no cache entry, so the cache's record
/// of the output folder names its file; once the page is fine again, its entry stands for the
/// file instead. Each way, the rebuild gives what a clean build gives, and the build after
/// writes nothing.
#[test]
fn a_page_that_gains_a_warning_and_loses_it_again_gives_what_a_clean_build_gives() {
    let site = built();
    let page = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(page));
    assert!(text.ends_with('\n'));
    site.write(page, &format!("{text}\nSee [this](#no-such-anchor).\n"));
    let line = text.lines().count() + 2;
    let run = site.build(&[]);
    run.expect_code(0).expect_line(&format!(
        "{page}:{line}: warning: broken link '#no-such-anchor': no anchor #no-such-anchor in {page}"
    ));
    assert!(run.stdout.contains("(2 unchanged)"), "{}", run.stdout);
    site.build(&["-o", "clean"]).expect_code(0);
    assert_same_tree(&tree(&site.tmp().join("clean")), &tree(&site.out()));
    fs::remove_dir_all(site.tmp().join("clean")).unwrap();

    site.write(page, &text);
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    let before = stamps(&site.out());
    site.build(&[]).expect_clean();
    assert_eq!(stamps(&site.out()), before);
}

/// A page with a warning gets no cache entry, so the record a clean build keeps of the output
/// folder names the page's file itself, as a rebuild's record does: a rebuild with nothing
/// changed finds the cache saying all it would say, and leaves it and the output as they were.
#[test]
fn after_a_clean_build_with_a_warning_a_rebuild_leaves_the_cache_as_it_was() {
    let site = fixture("incremental");
    let page = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(page));
    site.write(page, &format!("{text}\nSee [this](#no-such-anchor).\n"));
    age(&site.root().join("content"));
    let line = text.lines().count() + 2;
    let warning = format!(
        "{page}:{line}: warning: broken link '#no-such-anchor': no anchor #no-such-anchor in {page}"
    );
    site.build(&[]).expect_code(0).expect_line(&warning);
    let head = site.root().join(HEAD);
    let modified = |p: &Path| fs::metadata(p).unwrap().modified().unwrap();
    let (bytes, stamp) = (fs::read(&head).unwrap(), modified(&head));
    let before = stamps(&site.out());
    let run = site.build(&[]);
    run.expect_code(0).expect_line(&warning);
    assert!(run.stdout.contains("(2 unchanged)"), "{}", run.stdout);
    assert_eq!(fs::read(&head).unwrap(), bytes);
    assert_eq!(modified(&head), stamp);
    assert_eq!(stamps(&site.out()), before);
}

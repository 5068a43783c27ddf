//! `answerbook serve` end to end: the real binary serving a fixture site copied into a
//! temporary folder, fetched over HTTP and followed on its reload events while the test edits,
//! breaks, fixes, deletes and adds pages. How it answers requests is tested in serve_http.rs.

mod common;
mod serve_support;

use std::fs;
use std::path::Path;

use common::fixture;
use serve_support::Served;

const PAGE: &str = "/garden/when-to-water-tomatoes/";
const PAGE_FILE: &str = "site/content/garden/when-to-water-tomatoes.md";

/// Saves `text` into `rel` (under the test's folder) in one step, as editors that save by
/// rename do: written in full outside the watched folders, then renamed over it. (Written in
/// place, a save is two changes, truncation and writing, that a loaded machine may space out
/// enough for two rebuilds; the test would then look at the first.)
fn save(tmp: &Path, rel: &str, text: &str) {
    let temp = tmp.join("saving.tmp");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, tmp.join(rel)).unwrap();
}

fn page_text(answer: &str) -> String {
    format!(
        "---\ntitle: When should I water tomatoes?\ndate: 2025-06-01\n---\n\n\
         !!! info \"In short\"\n    {answer}\n"
    )
}

#[test]
fn an_edit_reloads_open_pages_and_a_bad_edit_shows_its_problem_over_the_last_good_page() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let mut served = Served::start(tmp, &[]);
    let first = served.get(PAGE);
    assert_eq!(first.status, 200);
    assert!(first.body.contains("Early in the morning"));
    assert!(first.body.contains("/__answerbook/events"), "reload script");
    assert!(!first.body.contains("__answerbook-overlay"));
    let mut events = served.events();

    save(
        tmp,
        PAGE_FILE,
        &page_text("Every second evening, at the roots."),
    );
    events.next("reload");
    let edited = served.get(PAGE);
    assert!(
        edited.body.contains("Every second evening"),
        "{}",
        edited.body
    );
    assert!(!edited.body.contains("Early in the morning"));
    served.wait_line(|l| {
        l.starts_with("Rebuilt ") && l.contains("content/garden/when-to-water-tomatoes.md")
    });

    // A date that is no date: the build fails; the last good page is served with the problem.
    let broken = page_text("Only on Sundays.").replace("2025-06-01", "2025-13-01");
    save(tmp, PAGE_FILE, &broken);
    events.next("reload");
    let shown = served.get(PAGE);
    assert_eq!(shown.status, 200);
    assert!(
        shown.body.contains("Every second evening"),
        "last good page"
    );
    assert!(!shown.body.contains("Only on Sundays"));
    let problem =
        "content/garden/when-to-water-tomatoes.md:3: error: `date: 2025-13-01` is not a date";
    let overlay = &shown.body[shown.body.find("__answerbook-overlay").expect("overlay")..];
    assert!(overlay.contains(problem), "{overlay}");
    // On every served page, and in the terminal.
    assert!(served.get("/").body.contains(problem));
    served.wait_line(|l| l.starts_with(problem));
    served.wait_line(|l| l.starts_with("Build failed in "));

    save(tmp, PAGE_FILE, &page_text("Only on Sundays."));
    events.next("reload");
    let fixed = served.get(PAGE);
    assert!(fixed.body.contains("Only on Sundays"));
    assert!(!fixed.body.contains("__answerbook-overlay"));
    assert!(!served.get("/").body.contains("__answerbook-overlay"));
}

#[test]
fn deleted_pages_are_404_and_new_pages_are_served() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let served = Served::start(tmp, &[]);
    let mut events = served.events();

    fs::remove_file(tmp.join(PAGE_FILE)).unwrap();
    events.next("reload");
    let gone = served.get(PAGE);
    assert_eq!(gone.status, 404);
    assert!(
        gone.body.contains("Nothing grows here"),
        "the site's 404 page"
    );

    // A folder renamed: its pages move with it.
    fs::rename(
        tmp.join("site/content/garden"),
        tmp.join("site/content/yard"),
    )
    .unwrap();
    events.next("reload");
    assert_eq!(served.get("/garden/").status, 404);
    assert_eq!(served.get("/yard/").status, 200);
    assert_eq!(served.get("/yard/leaf.svg").status, 200);

    // A new folder with a page in it, written in place.
    fs::create_dir(tmp.join("site/content/seeds")).unwrap();
    fs::write(
        tmp.join("site/content/seeds/how-deep-to-sow-beans.md"),
        "# How deep should I sow beans?\n\nTwice as deep as the bean is long.\n",
    )
    .unwrap();
    let path = "/seeds/how-deep-to-sow-beans/";
    let end = std::time::Instant::now() + serve_support::DEADLINE;
    // The folder, the empty file and its text may come as one rebuild or several: after
    // each, look at the page, until it is there whole.
    loop {
        let page = served.get(path);
        if page.status == 200 && page.body.contains("Twice as deep") {
            break;
        }
        events.next("reload");
        assert!(std::time::Instant::now() < end, "the new page never came");
    }
}

#[test]
fn a_configuration_change_rebuilds_every_page_and_a_bad_one_shows_over_them() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let served = Served::start(tmp, &[]);
    let mut events = served.events();
    let yaml = "title: Vegetable answers\nbase_url: https://garden.example.org/kb/\n";
    save(tmp, "site/site.yaml", yaml);
    events.next("reload");
    assert!(served.get(PAGE).body.contains("Vegetable answers"));

    save(tmp, "site/site.yaml", &format!("{yaml}titel: Typo\n"));
    events.next("reload");
    let shown = served.get(PAGE);
    assert!(shown.body.contains("Vegetable answers"), "last good page");
    let overlay = &shown.body[shown.body.find("__answerbook-overlay").expect("overlay")..];
    assert!(overlay.contains("site.yaml:3:1: error:"), "{overlay}");
    assert!(overlay.contains("titel"), "{overlay}");

    save(tmp, "site/site.yaml", yaml);
    events.next("reload");
    assert!(!served.get(PAGE).body.contains("__answerbook-overlay"));
}

#[test]
fn a_site_that_fails_at_start_is_served_once_fixed() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let good = fs::read_to_string(tmp.join(PAGE_FILE)).unwrap();
    fs::write(tmp.join(PAGE_FILE), good.replace("2025-06-01", "June")).unwrap();
    let mut served = Served::start(tmp, &[]);
    served.wait_line(|l| l.starts_with("Build failed in "));
    let waiting = served.get("/");
    assert_eq!(waiting.status, 404);
    assert!(waiting.body.contains("The site has not built yet"));
    assert!(
        waiting
            .body
            .contains("content/garden/when-to-water-tomatoes.md:3: error:")
    );
    let mut events = served.events();

    save(tmp, PAGE_FILE, &good);
    events.next("reload");
    let page = served.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Early in the morning"));
    assert!(!page.body.contains("__answerbook-overlay"));
}

#[test]
fn an_mkdocs_project_is_served_and_reloaded_too() {
    let site = fixture("mkdocs_plain");
    let tmp = site.tmp();
    let served = Served::start(tmp, &[]);
    assert_eq!(served.get("/").status, 200);
    let mut events = served.events();
    save(
        tmp,
        "site/docs/extra.md",
        "# Extra\n\nA page added while serving.\n",
    );
    events.next("reload");
    let added = served.get("/extra/");
    assert_eq!(added.status, 200);
    assert!(added.body.contains("A page added while serving."));
}

#[test]
fn a_theme_made_while_serving_is_watched_and_its_errors_shown() {
    let site = fixture("serve");
    let tmp = site.tmp();
    let served = Served::start(tmp, &[]);
    let mut events = served.events();
    let template = "{% extends \"base.html\" %}\n{% block main %}<article>{{ page.content | safe }}\
                    <p>Grown by our own template.</p></article>{% endblock main %}\n";
    // themes/ did not exist: the folder and the file may come as one rebuild or several.
    fs::create_dir_all(tmp.join("site/themes/default/templates")).unwrap();
    save(tmp, "site/themes/default/templates/page.html", template);
    let end = std::time::Instant::now() + serve_support::DEADLINE;
    while !served.get(PAGE).body.contains("Grown by our own template.") {
        events.next("reload");
        assert!(std::time::Instant::now() < end, "the theme was never used");
    }

    save(
        tmp,
        "site/themes/default/templates/page.html",
        &template.replace("{% endblock main %}", "{% endblock"),
    );
    events.next("reload");
    let shown = served.get(PAGE);
    assert!(
        shown.body.contains("Grown by our own template."),
        "last good page"
    );
    let overlay = &shown.body[shown.body.find("__answerbook-overlay").expect("overlay")..];
    assert!(overlay.contains("error: theme 'default': "), "{overlay}");
}

#[test]
fn a_saved_snippet_reloads_the_pages_that_include_it() {
    let site = fixture("snippets");
    let tmp = site.tmp();
    let before = files_under(tmp);
    let served = Served::start(tmp, &[]);
    let page = "/kettles/how-do-i-descale-a-kettle/";
    assert!(served.get(page).body.contains("white vinegar"));
    let mut events = served.events();
    // snippets/ is outside docs/: watched because mkdocs.yml names it as a base_path.
    save(
        tmp,
        "site/snippets/steps.md",
        "1. Use citric acid instead.\n",
    );
    events.next("reload");
    let body = served.get(page).body;
    assert!(body.contains("Use citric acid instead."), "{body}");
    assert!(!body.contains("white vinegar"));
    // Serving wrote nothing into the site or its snippet folder (no cache, lock or output):
    // all of that lives in the server's own temporary folder.
    drop(served);
    assert_eq!(files_under(tmp), before);
}

/// Every file and folder under `dir/site`, relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    let site = dir.join("site");
    let mut found = Vec::new();
    let mut todo = vec![site.clone()];
    while let Some(d) = todo.pop() {
        for entry in fs::read_dir(&d).unwrap().flatten() {
            let path = entry.path();
            found.push(path.strip_prefix(&site).unwrap().display().to_string());
            if entry.file_type().unwrap().is_dir() {
                todo.push(path);
            }
        }
    }
    found.sort();
    found
}

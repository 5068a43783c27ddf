//! `answerbook serve` rebuilds only what a save changed: after every step of a sequence of
//! edits (a page's text, its title, a new page, a renamed one, a deleted one, a save through a
//! temporary file inside the content folder), the folder it serves from holds byte for byte
//! what a clean `answerbook build` of the same sources writes.

mod common;
mod serve_support;

use std::fs;
use std::path::{Path, PathBuf};

use common::{fixture, run_in, tree};
use serve_support::{Events, Served};

const CHAIN: &str = "site/content/bikes/how-often-to-oil-a-chain.md";
const TYRE: &str = "site/content/bikes/fixing-a-flat-tyre.md";

/// Saves `text` into `rel` in one step: written outside the watched folders, renamed over it.
fn save(tmp: &Path, rel: &str, text: &str) {
    let temp = tmp.join("saving.tmp");
    fs::write(&temp, text).unwrap();
    fs::rename(&temp, tmp.join(rel)).unwrap();
}

/// The folder `serve` builds into (`TMPDIR/answerbook-serve-PID-N/site`).
fn served_folder(tmp: &Path, served: &Served) -> PathBuf {
    let prefix = format!("answerbook-serve-{}-", served.pid());
    let folder = fs::read_dir(tmp.join("t"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with(&prefix)
        })
        .expect("the served folder");
    folder.join("site")
}

/// A clean build of the site as it is now, served at the root as `serve` does: its files.
fn clean_build(tmp: &Path) -> std::collections::BTreeMap<String, Option<Vec<u8>>> {
    let out = tmp.join("clean");
    let _ = fs::remove_dir_all(&out);
    run_in(tmp, &["build", "site", "--out", "clean", "--base-url", "/"]).expect_code(0);
    tree(&out)
}

/// Waits for the reload after `step` and compares the served folder with a clean build.
fn same_as_clean_build(tmp: &Path, served: &Served, events: &mut Events, step: &str) {
    events.next("reload");
    let wanted = clean_build(tmp);
    let got = tree(&served_folder(tmp, served));
    let differ: Vec<&String> = wanted
        .keys()
        .chain(got.keys())
        .filter(|k| wanted.get(*k) != got.get(*k))
        .collect();
    assert!(
        differ.is_empty(),
        "after {step}, the served files differ from a clean build: {differ:?}"
    );
}

#[test]
fn after_every_save_the_served_site_is_what_a_clean_build_makes() {
    let site = fixture("serve_edits");
    let tmp = site.tmp();
    let served = Served::start(tmp, &[]);
    let mut events = served.events();
    let chain = fs::read_to_string(tmp.join(CHAIN)).unwrap();

    // The text of a page, nothing else: its page, listings, feeds and search data follow.
    save(
        tmp,
        CHAIN,
        &chain.replace("after rain", "after every wet ride"),
    );
    same_as_clean_build(tmp, &served, &mut events, "a text edit");

    // An editor that writes a temporary file beside the page and renames it over the page.
    let visible_beside = tmp.join("site/content/bikes/how-often-to-oil-a-chain.md.saving");
    let text = chain.replace("A squeak", "A dry squeak");
    fs::write(&visible_beside, &text).unwrap();
    fs::rename(&visible_beside, tmp.join(CHAIN)).unwrap();
    same_as_clean_build(tmp, &served, &mut events, "a save by rename");

    // Its title: every page that lists or links it shows the new one.
    save(
        tmp,
        CHAIN,
        &text.replace("How often should I oil", "When should I oil"),
    );
    same_as_clean_build(tmp, &served, &mut events, "a title edit");

    // A new page, then the same page renamed, then deleted.
    let new = "site/content/trains/are-folding-bikes-free-to-carry.md";
    save(
        tmp,
        new,
        "---\ntitle: Are folding bikes free to carry?\ndate: 2025-06-01\n---\n\n\
         !!! info \"In short\"\n    Folded, they travel as luggage.\n\n\
         Fix a [flat](../bikes/fixing-a-flat-tyre.md) first.\n",
    );
    same_as_clean_build(tmp, &served, &mut events, "a new page");
    let renamed = "site/content/trains/do-folding-bikes-need-a-ticket.md";
    fs::rename(tmp.join(new), tmp.join(renamed)).unwrap();
    same_as_clean_build(tmp, &served, &mut events, "a renamed page");
    fs::remove_file(tmp.join(renamed)).unwrap();
    same_as_clean_build(tmp, &served, &mut events, "a deleted page");

    // A page other pages link to by anchor loses its heading, and gets it back.
    let tyre = fs::read_to_string(tmp.join(TYRE)).unwrap();
    save(
        tmp,
        TYRE,
        &tyre.replace("## Patch or replace", "## Patching"),
    );
    same_as_clean_build(tmp, &served, &mut events, "a heading renamed");
    save(tmp, TYRE, &tyre);
    same_as_clean_build(tmp, &served, &mut events, "the heading back");

    // A link added under a page's "See also": the related questions of the page and of the
    // one it names follow (`serve` keeps them between builds while no page's links change).
    let train = "site/content/trains/can-i-take-a-bike-on-the-train.md";
    let text = fs::read_to_string(tmp.join(train)).unwrap();
    let see_also = "\n## See also\n\n- [Oiling](../bikes/how-often-to-oil-a-chain.md)\n";
    save(tmp, train, &format!("{text}{see_also}"));
    same_as_clean_build(tmp, &served, &mut events, "a See also link added");
    // Then a text edit again: the search words it adds are written from the kept index.
    save(
        tmp,
        train,
        &format!("{text}{see_also}\nFolding tandems ride free.\n"),
    );
    same_as_clean_build(tmp, &served, &mut events, "a text edit after it");

    // Its date: the sitemap's lastmod of the page and of its sections follow (`serve` keeps
    // the sitemap between builds while its entries stay the same).
    let redated = format!("{text}{see_also}").replace("date: 2025-05-20", "date: 2025-07-04");
    save(tmp, train, &redated);
    same_as_clean_build(tmp, &served, &mut events, "a date edit");
}

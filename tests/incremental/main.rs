//! Rebuilding with the build cache (`.public.answerbook-cache` and its head,
//! `.public.answerbook-cache-head`, beside the output folder): whatever changed, the output
//! is byte for byte what a clean build writes ([`edits`]); a rebuild with nothing changed
//! writes nothing, and a missing or damaged cache costs only a full build ([`cache`]).

#[path = "../common/mod.rs"]
mod common;

mod cache;
mod edits;

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;
use std::time::{Duration, SystemTime};

use common::{Site, assert_same_tree, fixture, tree};

const CACHE: &str = ".public.answerbook-cache";
const HEAD: &str = ".public.answerbook-cache-head";

/// Sets every file under `dir` an hour back, so the cache can trust its stat.
fn age(dir: &Path) {
    let hour_ago = SystemTime::now() - Duration::from_secs(3600);
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            age(&path);
        } else {
            let file = fs::File::options().write(true).open(&path).unwrap();
            file.set_modified(hour_ago).unwrap();
        }
    }
}

/// The site, built once, with its sources aged.
fn built() -> Site {
    let site = fixture("incremental");
    age(&site.root().join("content"));
    site.build(&[]).expect_clean();
    site
}

/// Replaces `from` with `to` in the page at `page` (under the site's root): the page must hold
/// `from`, so that an edit the fixture no longer matches fails instead of changing nothing.
#[track_caller]
fn edit(site: &Site, page: &str, from: &str, to: &str) {
    let text = common::read_text(&site.root().join(page));
    assert!(text.contains(from), "{page} does not hold {from:?}");
    site.write(page, &text.replace(from, to));
}

/// Builds the site again into its output folder, then from scratch into `clean/`, and checks
/// the two are the same; returns what the rebuild printed.
#[track_caller]
fn rebuild_matches_clean(site: &Site) -> String {
    let run = site.build(&[]);
    run.expect_clean();
    site.build(&["-o", "clean"]).expect_clean();
    assert_same_tree(&tree(&site.tmp().join("clean")), &tree(&site.out()));
    fs::remove_dir_all(site.tmp().join("clean")).unwrap();
    let _ = fs::remove_file(site.tmp().join(".clean.answerbook-cache"));
    let _ = fs::remove_file(site.tmp().join(".clean.answerbook-cache-head"));
    run.stdout
}

/// Every file of a folder with its modification time and inode: equal maps mean nothing was
/// written.
fn stamps(dir: &Path) -> BTreeMap<String, (SystemTime, u64)> {
    let mut out = BTreeMap::new();
    for (rel, bytes) in tree(dir) {
        if bytes.is_some() {
            let meta = fs::metadata(dir.join(&rel)).unwrap();
            #[cfg(unix)]
            let ino = std::os::unix::fs::MetadataExt::ino(&meta);
            #[cfg(not(unix))]
            let ino = 0;
            out.insert(rel, (meta.modified().unwrap(), ino));
        }
    }
    out
}

//! Build script: gives `answerbook --version` the git commit it was built from.
//!
//! Sets `ANSWERBOOK_VERSION` to `0.1.0 (abc1234)` when the crate is built from its own git
//! checkout and `git` works, else to the bare `0.1.0`: a build without git, from a published
//! crate, or from a copy of the sources inside some other repository still succeeds.

use std::path::{Path, PathBuf};
use std::process::Command;

fn main() {
    let version = std::env::var("CARGO_PKG_VERSION").unwrap_or_default();
    let dir = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap_or_default());
    println!("cargo:rerun-if-changed=build.rs");
    let shown = match commit(&dir) {
        Some(commit) => format!("{version} ({commit})"),
        None => version,
    };
    println!("cargo:rustc-env=ANSWERBOOK_VERSION={shown}");
}

/// The short hash of HEAD, when `dir` is the top of a git checkout.
fn commit(dir: &Path) -> Option<String> {
    // A checkout of some other project that merely holds these sources (vendored, or unpacked
    // from a crate) would name its own commit: only our own top folder counts.
    let top = git(dir, &["rev-parse", "--show-toplevel"])?;
    if std::fs::canonicalize(&top).ok()? != std::fs::canonicalize(dir).ok()? {
        return None;
    }
    // Build again when HEAD moves: HEAD itself (a checkout) and the branch it names (a commit).
    for name in ["HEAD", "packed-refs"] {
        watch(dir, name);
    }
    if let Some(branch) = git(dir, &["symbolic-ref", "-q", "HEAD"]) {
        watch(dir, &branch);
    }
    let hash = git(dir, &["rev-parse", "--short", "HEAD"])?;
    hash.chars().all(|c| c.is_ascii_hexdigit()).then_some(hash)
}

/// Asks cargo to run this script again when a file of the git folder changes. Only files that
/// exist are named: a missing one would make cargo rebuild the crate every time.
fn watch(dir: &Path, name: &str) {
    if let Some(path) = git(dir, &["rev-parse", "--git-path", name]) {
        let path = dir.join(path);
        if path.exists() {
            println!("cargo:rerun-if-changed={}", path.display());
        }
    }
}

/// The trimmed output of a git command that succeeded; `None` without git, outside a checkout,
/// or on any failure.
fn git(dir: &Path, args: &[&str]) -> Option<String> {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .ok()?;
    if !out.status.success() {
        return None;
    }
    let text = String::from_utf8(out.stdout).ok()?.trim().to_owned();
    (!text.is_empty()).then_some(text)
}

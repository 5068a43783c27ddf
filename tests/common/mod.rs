//! Helpers shared by the end-to-end tests: copy a fixture site into a fresh temporary folder,
//! run the real `answerbook` binary on it, and look at what it wrote the way a reader or a
//! crawler would (parsed HTML, parsed JSON-LD, sitemap entries, exact diagnostics).

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use tempfile::TempDir;

mod doc;
mod mkdocs;
mod search;
// Each test binary uses some of these only.
#[allow(unused_imports)]
pub(crate) use doc::{Doc, heading_text, text_of};
#[allow(unused_imports)]
pub(crate) use mkdocs::{mkdocs_page, mkdocs_project};
#[allow(unused_imports)]
pub(crate) use search::postings;

/// The folder the fixture sites live in.
pub(crate) fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// A copy of one fixture site in its own temporary folder: `TMP/site/`.
/// The binary is run with `TMP` as its working folder, so paths in its output
/// (`site/public`) are short and predictable.
pub(crate) struct Site {
    tmp: TempDir,
}

/// Copies `tests/fixtures/<name>` into a fresh temporary folder.
pub(crate) fn fixture(name: &str) -> Site {
    let src = fixtures_dir().join(name);
    assert!(src.is_dir(), "no fixture {}", src.display());
    let tmp = tempfile::Builder::new()
        .prefix("answerbook-e2e-")
        .tempdir()
        .expect("temp dir");
    copy_dir(&src, &tmp.path().join("site"));
    Site { tmp }
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for entry in fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            fs::copy(entry.path(), &dest).unwrap();
        }
    }
}

impl Site {
    /// The temporary folder holding `site/` (the working folder of every run).
    pub(crate) fn tmp(&self) -> &Path {
        self.tmp.path()
    }

    /// The site folder.
    pub(crate) fn root(&self) -> PathBuf {
        self.tmp.path().join("site")
    }

    /// The default output folder, `site/public`.
    pub(crate) fn out(&self) -> PathBuf {
        self.root().join("public")
    }

    /// `answerbook build site ARGS...`, run from the temporary folder.
    pub(crate) fn build(&self, args: &[&str]) -> Run {
        let mut all = vec!["build", "site"];
        all.extend_from_slice(args);
        self.run(&all)
    }

    /// `answerbook ARGS...`, run from the temporary folder.
    pub(crate) fn run(&self, args: &[&str]) -> Run {
        run_in(self.tmp.path(), args)
    }

    /// Writes (or replaces) a file of the site, e.g. `content/a.md` or `site.yaml`.
    pub(crate) fn write(&self, rel: &str, text: &str) {
        let path = self.root().join(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// A page of the default output folder by its site path (`a/b/` or `404.html`).
    pub(crate) fn page(&self, site_path: &str) -> Doc {
        Doc::read(&self.out(), site_path)
    }

    /// A text file of the default output folder.
    pub(crate) fn out_text(&self, rel: &str) -> String {
        read_text(&self.out().join(rel))
    }
}

/// Runs the binary in `cwd` and captures everything it said.
pub(crate) fn run_in(cwd: &Path, args: &[&str]) -> Run {
    run_in_env(cwd, args, &[])
}

/// Runs the binary in `cwd` with these environment variables set (and `GITHUB_ACTIONS`,
/// `SOURCE_DATE_EPOCH`, `ANSWERBOOK_BASE_URL` and `RUST_LOG` unset unless given; proxies unset
/// always, so `check --external` against a test server on 127.0.0.1 goes nowhere else).
pub(crate) fn run_in_env(cwd: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_answerbook"));
    for proxy in ["HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"] {
        command.env_remove(proxy).env_remove(proxy.to_lowercase());
    }
    let output = command
        .args(args)
        .current_dir(cwd)
        .env_remove("RUST_LOG")
        .env_remove("GITHUB_ACTIONS")
        .env_remove("SOURCE_DATE_EPOCH")
        .env_remove("ANSWERBOOK_BASE_URL")
        .envs(env.iter().copied())
        .output()
        .expect("run answerbook");
    Run {
        args: args.iter().map(|s| (*s).to_owned()).collect(),
        code: output
            .status
            .code()
            .expect("exit code (not killed by a signal)"),
        stdout: String::from_utf8(output.stdout).expect("utf-8 stdout"),
        stderr: String::from_utf8(output.stderr).expect("utf-8 stderr"),
    }
}

/// One run of the binary.
#[derive(Debug)]
pub(crate) struct Run {
    pub(crate) args: Vec<String>,
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

impl Run {
    /// Panics, showing what the binary said, unless it exited with `code`.
    #[track_caller]
    pub(crate) fn expect_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            code,
            "`answerbook {}` exited with {} (expected {code})\n--- stdout\n{}--- stderr\n{}",
            self.args.join(" "),
            self.code,
            self.stdout,
            self.stderr
        );
        self
    }

    /// Exit 0 and nothing at all on stderr.
    #[track_caller]
    pub(crate) fn expect_clean(&self) -> &Self {
        self.expect_code(0);
        assert_eq!(self.stderr, "", "expected no diagnostics");
        self
    }

    /// The lines of stderr.
    pub(crate) fn stderr_lines(&self) -> Vec<&str> {
        self.stderr.lines().collect()
    }

    /// The stderr lines that are diagnostics about a file (`path:line: level: message`),
    /// without the closing summary (`error: build failed: ...`).
    pub(crate) fn diagnostics(&self) -> Vec<&str> {
        self.stderr
            .lines()
            .filter(|l| !l.starts_with("error: build failed"))
            .collect()
    }

    /// Panics unless stderr has this exact line.
    #[track_caller]
    pub(crate) fn expect_line(&self, line: &str) -> &Self {
        assert!(
            self.stderr.lines().any(|l| l == line),
            "stderr has no line\n  {line}\n--- stderr\n{}",
            self.stderr
        );
        self
    }
}

/// A file's inode number: the same while it is the same file (not one renamed over it).
#[cfg(unix)]
#[track_caller]
pub(crate) fn inode(path: &Path) -> u64 {
    let meta = fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    std::os::unix::fs::MetadataExt::ino(&meta)
}

#[track_caller]
pub(crate) fn read_text(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

/// One `<url>` of a sitemap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SitemapUrl {
    pub(crate) loc: String,
    pub(crate) lastmod: Option<String>,
}

/// The `<url>` entries of a sitemap, in file order.
pub(crate) fn sitemap_urls(xml: &str) -> Vec<SitemapUrl> {
    fn inner<'a>(block: &'a str, tag: &str) -> Option<&'a str> {
        let open = format!("<{tag}>");
        let close = format!("</{tag}>");
        let start = block.find(&open)? + open.len();
        let end = block[start..].find(&close)? + start;
        Some(&block[start..end])
    }
    xml.split("<url>")
        .skip(1)
        .map(|block| SitemapUrl {
            loc: inner(block, "loc")
                .expect("<loc> in every <url>")
                .trim()
                .to_owned(),
            lastmod: inner(block, "lastmod").map(|s| s.trim().to_owned()),
        })
        .collect()
}

/// Every file and folder under `dir`, by `/`-separated relative path: files with their bytes,
/// folders with `None`, symlinks as where they point. Two equal trees are byte-identical.
pub(crate) fn tree(dir: &Path) -> BTreeMap<String, Option<Vec<u8>>> {
    fn walk(base: &Path, dir: &Path, out: &mut BTreeMap<String, Option<Vec<u8>>>) {
        let mut entries: Vec<_> = fs::read_dir(dir)
            .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
            .map(|e| e.unwrap())
            .collect();
        entries.sort_by_key(|e| e.file_name());
        for entry in entries {
            let path = entry.path();
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect::<Vec<_>>()
                .join("/");
            let kind = entry.file_type().unwrap();
            if kind.is_symlink() {
                // A symlink is recorded as where it points, never followed.
                let to = fs::read_link(&path).unwrap();
                out.insert(
                    rel,
                    Some(format!("symlink -> {}", to.display()).into_bytes()),
                );
            } else if kind.is_dir() {
                out.insert(rel, None);
                walk(base, &path, out);
            } else {
                out.insert(rel, Some(fs::read(&path).unwrap()));
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(dir, dir, &mut out);
    out
}

/// Names of the entries directly in `dir`, sorted.
pub(crate) fn entries(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Panics with the first difference when two trees are not identical.
#[track_caller]
pub(crate) fn assert_same_tree(
    before: &BTreeMap<String, Option<Vec<u8>>>,
    after: &BTreeMap<String, Option<Vec<u8>>>,
) {
    let only_before: Vec<&String> = before.keys().filter(|k| !after.contains_key(*k)).collect();
    let only_after: Vec<&String> = after.keys().filter(|k| !before.contains_key(*k)).collect();
    assert!(
        only_before.is_empty() && only_after.is_empty(),
        "trees differ: gone {only_before:?}, new {only_after:?}"
    );
    for (path, bytes) in before {
        assert!(
            after[path] == *bytes,
            "{path} differs:\n--- before\n{}\n--- after\n{}",
            bytes
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default(),
            after[path]
                .as_deref()
                .map(String::from_utf8_lossy)
                .unwrap_or_default()
        );
    }
}

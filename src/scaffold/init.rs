//! `answerbook init [DIR]`: a new site that builds with `--strict` as it stands: a commented
//! `site.yaml`, a home page, one section with one complete example question, a `.gitignore`
//! for the output and a GitHub Actions workflow that builds and publishes it.
//!
//! A folder that already holds a site (`content/`, `site.yaml`, `mkdocs.yml`) is refused before
//! anything is written; a `.gitignore` or workflow of the same name that exists is kept as it
//! is, with a note.

use std::path::{Path, PathBuf};

use crate::config::{SiteConfig, check_base_url};
use crate::error::{Error, Result};

use super::{create_file, exists, fill, prompt, today, under, yaml_string};

#[derive(Debug, clap::Args)]
pub struct InitArgs {
    /// The folder to create the site in; made if missing, refused if it already holds
    /// content/, site.yaml or mkdocs.yml.
    #[arg(default_value = ".")]
    pub dir: PathBuf,
    /// The site's title [default: Knowledge base, or asked at a terminal].
    #[arg(long)]
    pub title: Option<String>,
    /// Where the site will be published, e.g. https://example.org/kb/ [default: /, or asked at
    /// a terminal].
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,
    /// Ask nothing: take the defaults for what --title and --base-url do not give.
    #[arg(short, long)]
    pub yes: bool,
}

/// The example's section, named in what `init` prints.
const EXAMPLE_SECTION: &str = "rust-files";
/// Where the workflow goes, under the site folder.
pub const WORKFLOW: &str = ".github/workflows/answerbook.yml";

/// What a site holds that `init` would not write over.
const SITE_MARKERS: [&str; 4] = ["content", "site.yaml", "mkdocs.yml", "mkdocs.yaml"];

/// Creates the site; returns what to tell the user.
pub fn run(args: InitArgs) -> Result<String> {
    let dir = args.dir;
    if exists(&dir) && !dir.is_dir() {
        return Err(Error::Unsafe(format!(
            "{} is not a folder: answerbook init creates a site in a folder",
            dir.display()
        )));
    }
    let found: Vec<String> = SITE_MARKERS
        .iter()
        .map(|name| under(&dir, name))
        .filter(|path| exists(path))
        .map(|path| path.display().to_string())
        .collect();
    if !found.is_empty() {
        return Err(Error::Unsafe(format!(
            "{} already exists: {} holds a site; answerbook init only starts one where there is none, and never overwrites anything",
            found.join(", "),
            dir.display()
        )));
    }
    let (title, base_url) = settings(args.title, args.base_url, args.yes)?;

    let mut written = Vec::new();
    let mut kept = Vec::new();
    for (rel, text) in files(&title, &base_url) {
        let path = under(&dir, rel);
        // Only the two files a repository may already have can be there: keep them.
        if (rel == ".gitignore" || rel == WORKFLOW) && exists(&path) {
            kept.push(rel);
            continue;
        }
        create_file(&path, &text)?;
        written.push(rel);
    }
    Ok(report(&dir, &written, &kept))
}

/// The title and base URL: from the flags, else asked at a terminal, else the defaults.
fn settings(
    title: Option<String>,
    base_url: Option<String>,
    yes: bool,
) -> Result<(String, String)> {
    let defaults = SiteConfig::default();
    let ask = !yes && prompt::interactive();
    let stdin = std::io::stdin();
    let mut input = stdin.lock();
    let mut out = std::io::stderr();
    let asked = |e: std::io::Error| Error::io("standard input", e);
    let title = match title {
        Some(title) => title,
        None if ask => prompt::title(&mut input, &mut out, &defaults.title).map_err(asked)?,
        None => defaults.title.clone(),
    };
    let base_url = match base_url {
        Some(url) => {
            check_base_url(&url).map_err(Error::Usage)?;
            url
        }
        None if ask => prompt::base_url(&mut input, &mut out, &defaults.base_url).map_err(asked)?,
        None => defaults.base_url,
    };
    Ok((title, base_url))
}

/// Every file of a new site, by path under the site folder.
fn files(title: &str, base_url: &str) -> Vec<(&'static str, String)> {
    let version = env!("CARGO_PKG_VERSION");
    let title = yaml_string(title);
    let site = [
        ("title", title.as_str()),
        ("base_url", &yaml_string(base_url)),
    ];
    vec![
        ("site.yaml", fill(include_str!("site/site.yaml"), &site)),
        (
            "content/index.md",
            fill(include_str!("site/home.md"), &site),
        ),
        (
            "content/rust-files/index.md",
            include_str!("site/section.md").to_owned(),
        ),
        (
            "content/rust-files/how-do-i-read-a-file-line-by-line-in-rust.md",
            fill(include_str!("site/question.md"), &[("date", &today())]),
        ),
        (".gitignore", include_str!("site/gitignore").to_owned()),
        (WORKFLOW, workflow(version, env!("CARGO_PKG_REPOSITORY"))),
    ]
}

/// The site's CI workflow for this version of answerbook. With a GitHub repository in the
/// crate's metadata it downloads that release's static Linux binary (seconds); without one it
/// installs the same version from crates.io (compiled, a minute or two).
pub fn workflow(version: &str, repository: &str) -> String {
    let repository = repository.trim_end_matches('/');
    let install = if repository.starts_with("https://github.com/") {
        format!(
            "curl -sSfL {repository}/releases/download/v{version}/answerbook-v{version}-x86_64-unknown-linux-musl.tar.gz | sudo tar -xz -C /usr/local/bin answerbook"
        )
    } else {
        format!("cargo install answerbook --locked --version {version}")
    };
    fill(
        include_str!("site/workflow.yml"),
        &[("version", version), ("install", &install)],
    )
}

fn report(dir: &Path, written: &[&str], kept: &[&str]) -> String {
    let mut text = format!("Created a knowledge base in {}:\n", dir.display());
    for rel in written {
        text.push_str(&format!("  {rel}\n"));
    }
    for rel in kept {
        text.push_str(&format!("  {rel} was already there and is left as it is\n"));
    }
    let shown = dir.display();
    text.push_str(&format!(
        "Build it with `answerbook build {shown} --strict`; add a question with \
         `answerbook new \"How do I ...?\" --section {EXAMPLE_SECTION} --site-dir {shown}`.\n"
    ));
    if kept.contains(&".gitignore") {
        text.push_str("Add `/public/` to your .gitignore: it is where the site is built.\n");
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_yaml_explains_every_key_and_reads_back() {
        let (_, text) = files("C#: \"tips\"", "https://example.org/kb/")
            .into_iter()
            .find(|(rel, _)| *rel == "site.yaml")
            .unwrap();
        let config = SiteConfig::parse(&text).unwrap();
        assert_eq!(config.title, "C#: \"tips\"");
        assert_eq!(config.base_url, "https://example.org/kb/");
        // Each key (set or commented out) sits in a paragraph that starts with its explanation.
        let keys = serde_json::to_value(SiteConfig::default()).unwrap();
        for key in keys.as_object().unwrap().keys() {
            let paragraph = text
                .split("\n\n")
                .find(|p| {
                    p.lines().any(|l| {
                        l.starts_with(&format!("{key}:")) || l.starts_with(&format!("# {key}:"))
                    })
                })
                .unwrap_or_else(|| panic!("site.yaml has no line for `{key}`"));
            let first = paragraph.lines().next().unwrap();
            assert!(
                first.starts_with("# ") && !first.starts_with(&format!("# {key}:")),
                "`{key}` is not explained:\n{paragraph}"
            );
        }
    }

    #[test]
    fn the_workflow_downloads_a_release_only_from_a_known_repository() {
        let from_crates = workflow("1.2.3", "");
        assert!(from_crates.contains("cargo install answerbook --locked --version 1.2.3"));
        assert!(!from_crates.contains("{{install}}") && !from_crates.contains("{{version}}"));
        let from_release = workflow("1.2.3", "https://github.com/someone/answerbook/");
        assert!(from_release.contains(
            "curl -sSfL https://github.com/someone/answerbook/releases/download/v1.2.3/answerbook-v1.2.3-x86_64-unknown-linux-musl.tar.gz"
        ));
    }
}

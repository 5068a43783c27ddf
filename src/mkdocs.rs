//! MkDocs projects: a folder with `mkdocs.yml` and no `site.yaml` is built as it stands.
//!
//! `mkdocs.yml` is read into a loose tree ([`tree`], which reads past PyYAML's `!!python/...`
//! tags and resolves `!ENV`) and mapped onto what answerbook has: the site settings
//! ([`SiteConfig`]), the content folder (`docs_dir`), the syntaxes its `markdown_extensions`
//! turn on ([`extensions`]) and the order and titles of its `nav` ([`nav`]). Keys answerbook
//! has no equivalent for are named once, in a note, and change nothing.

pub mod code_options;
pub mod extensions;
pub mod inherit;
pub mod inline_extensions;
pub mod math_options;
pub mod nav;
pub mod settings;
pub mod tree;

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::markdown::Features;
use crate::urls;

pub use settings::parse;

/// The names MkDocs looks for, in its order.
pub const CONFIG_FILES: [&str; 2] = ["mkdocs.yml", "mkdocs.yaml"];

/// What an MkDocs project's configuration comes to.
#[derive(Debug)]
pub struct Project {
    pub config: SiteConfig,
    /// `docs_dir` as written (default `docs`), relative to the project folder.
    pub docs_dir: PathBuf,
    /// The line `docs_dir` is set on, for messages about it.
    pub docs_dir_line: Option<usize>,
    pub features: Features,
    /// `nav`, when the file has one; without it, listings are sorted by title.
    pub nav: Option<Vec<nav::Item>>,
    /// The file `nav` is written in (a parent's, when it comes through `INHERIT`).
    pub nav_file: PathBuf,
    /// What was read but left aside (ignored keys, unknown extensions), never failing a build.
    pub notes: Vec<Diagnostic>,
    /// `validation: links: absolute_links:`, which `answerbook check` follows.
    pub absolute_links: AbsoluteLinks,
}

/// What MkDocs does with a root-relative link (`/img/x.png`), by its
/// `validation.links.absolute_links` setting.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum AbsoluteLinks {
    /// `info` (MkDocs' default) or `ignore`: left as written, not checked.
    #[default]
    Unchecked,
    /// `warn`: left as written, with a warning.
    Warn,
    /// `relative_to_docs`: resolved from `docs_dir` and checked like any relative link.
    RelativeToDocs,
}

/// The MkDocs configuration file of `dir`, if it has one.
pub fn config_file(dir: &Path) -> Option<&'static str> {
    CONFIG_FILES.into_iter().find(|f| dir.join(f).is_file())
}

/// Reads `dir/file` and checks that its `docs_dir` is a folder.
pub fn load(dir: &Path, file: &str) -> Result<Project> {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
    let env = |name: &str| std::env::var(name).ok();
    let config_error = |d| Error::Config(Box::new(d));
    let inherited = inherit::read(dir, Path::new(file), &text).map_err(config_error)?;
    let project = settings::from_tree(inherited.root, Path::new(file), &inherited.origins, &env)
        .map_err(config_error)?;
    if !dir.join(&project.docs_dir).is_dir() {
        let written = crate::diagnostics::display_path(&project.docs_dir);
        return Err(Error::Config(Box::new(Diagnostic::error(
            file,
            project.docs_dir_line,
            format!("docs_dir '{written}' is not a folder of {}", dir.display()),
        ))));
    }
    Ok(project)
}

/// MkDocs publishes a folder's `README.md` as the folder's page when it has no `index.md`,
/// and leaves it out when it has one; the same is done here, with a note for each left out.
/// Returns the notes and, for each page, whether it is left out (the caller drops it, with
/// whatever else it keeps by page).
pub fn readme_as_index(pages: &mut [Page]) -> (Vec<Diagnostic>, Vec<bool>) {
    let mut notes = Vec::new();
    let is_readme = |p: &Page| p.rel_path.file_name().is_some_and(|n| n == "README.md");
    let has_index: std::collections::HashSet<String> = pages
        .iter()
        .filter(|p| p.is_index)
        .map(Page::folder)
        .collect();
    let mut left_out = Vec::with_capacity(pages.len());
    for page in pages.iter_mut() {
        let shadowed = is_readme(page) && has_index.contains(&page.folder());
        if shadowed {
            notes.push(Diagnostic::note(
                &page.display_path,
                None,
                "left out: this folder's page is its index.md (MkDocs does the same)",
            ));
        } else if is_readme(page) {
            page.is_index = true;
            page.url = urls::page_path(&page.rel_path.with_file_name("index.md"));
        }
        left_out.push(shadowed);
    }
    (notes, left_out)
}

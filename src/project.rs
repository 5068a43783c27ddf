//! The first stage of a build: what the site folder is, and the settings every later stage
//! reads. A folder with `site.yaml` or `content/` is an answerbook site; a folder with
//! `mkdocs.yml` and no `site.yaml` is an MkDocs project ([`crate::mkdocs`]).

use std::path::{Path, PathBuf};

use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::markdown::Features;
use crate::mkdocs::{self, nav};

/// The content folder of an answerbook site.
pub const CONTENT_DIR: &str = "content";

/// A site folder, read.
#[derive(Debug)]
pub struct Project {
    pub config: SiteConfig,
    /// The content folder as messages name it (`content`, or MkDocs' `docs_dir`):
    /// `content/a/b.md:9: warning: ...`.
    pub content_name: PathBuf,
    /// The content folder on disk.
    pub content_dir: PathBuf,
    /// The syntaxes pages are rendered with: all of them for an answerbook site.
    pub features: Features,
    pub flavor: Flavor,
    /// Notes about the configuration, reported with the build's diagnostics.
    pub notes: Vec<Diagnostic>,
}

#[derive(Debug)]
pub enum Flavor {
    Answerbook,
    MkDocs {
        /// The file `nav` is written in, as messages name it: `mkdocs.yml` (or
        /// `mkdocs.yaml`), or the parent it comes from through `INHERIT`.
        file: PathBuf,
        nav: Option<Vec<nav::Item>>,
        /// `validation.links.absolute_links`, for `answerbook check`.
        absolute_links: mkdocs::AbsoluteLinks,
    },
}

impl Project {
    pub fn load(site_dir: &Path) -> Result<Project> {
        let has_site_yaml = site_dir.join(crate::config::CONFIG_FILE).is_file();
        if !has_site_yaml && let Some(file) = mkdocs::config_file(site_dir) {
            let mut m = mkdocs::load(site_dir, file)?;
            if let Some(snippets) = &mut m.features.snippets {
                // Snippet folders are read relative to the project, and shown relative to it.
                let root = site_dir
                    .canonicalize()
                    .unwrap_or_else(|_| site_dir.to_path_buf());
                for base in &mut snippets.base_paths {
                    *base = root.join(&*base);
                }
                snippets.root = root;
            }
            icons_dir(&mut m.features, &m.config, site_dir);
            return Ok(Project {
                config: m.config,
                content_dir: site_dir.join(&m.docs_dir),
                content_name: m.docs_dir,
                features: m.features,
                flavor: Flavor::MkDocs {
                    file: m.nav_file,
                    nav: m.nav,
                    absolute_links: m.absolute_links,
                },
                notes: m.notes,
            });
        }
        let content_dir = site_dir.join(CONTENT_DIR);
        if !content_dir.is_dir() {
            return Err(Error::Usage(format!(
                "{} is not a site folder: it has no content/ folder",
                site_dir.display()
            )));
        }
        let config = SiteConfig::load(site_dir)?;
        let mut features = Features {
            rules: config.markdown,
            ..Features::default()
        };
        icons_dir(&mut features, &config, site_dir);
        Ok(Project {
            config,
            content_name: PathBuf::from(CONTENT_DIR),
            content_dir,
            features,
            flavor: Flavor::Answerbook,
            notes: Vec::new(),
        })
    }
}

/// `extra: icons_dir:` (relative to the site folder): where emoji shortcodes of icons
/// (`:material-…:`) find their SVG files.
fn icons_dir(features: &mut Features, config: &SiteConfig, site_dir: &Path) {
    if let Some(emoji) = &mut features.inline.emoji
        && let Some(dir) = config.extra.get("icons_dir").and_then(|v| v.as_str())
    {
        emoji.icons_dir = Some(site_dir.join(dir));
    }
}

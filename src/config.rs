//! `site.yaml`: the site-wide settings, every key optional, unknown keys an error.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::yaml;

/// One `<meta name content>` tag, in `site.yaml` (defaults) or a page's front matter.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct MetaTag {
    pub name: String,
    pub content: String,
}

/// What `site.yaml` says. Derived values (the base path, absolute URLs) live elsewhere.
#[derive(Debug, Clone, Deserialize, Serialize)]
#[serde(deny_unknown_fields, default)]
pub struct SiteConfig {
    /// Shown in the header and in every `<title>`.
    pub title: String,
    /// The home page's meta description.
    pub description: String,
    /// Where the site is published, e.g. `https://example.org/kb/`. Canonical links and the
    /// sitemap are absolute only when this is an absolute http(s) URL.
    pub base_url: String,
    /// `<html lang>`.
    pub language: String,
    pub author: Option<String>,
    pub publisher: Option<String>,
    /// Footer text.
    pub copyright: Option<String>,
    /// Meta tags every page gets; a page's own tag of the same name wins.
    pub meta: Vec<MetaTag>,
    /// Folder under `themes/`; `default` is built in.
    pub theme: String,
    /// Treat warnings (broken links, ...) as errors.
    pub strict: bool,
    /// Title of the admonition that holds a page's short answer (the FAQPage answer).
    pub answer_title: String,
    /// Publish what symlinks under `content/` lead to even outside the site folder.
    pub follow_symlinks: bool,
    /// Anything else the theme needs, handed to templates as `site.extra`.
    pub extra: serde_json::Map<String, serde_json::Value>,
}

impl Default for SiteConfig {
    fn default() -> Self {
        SiteConfig {
            title: "Knowledge base".to_owned(),
            description: String::new(),
            base_url: "/".to_owned(),
            language: "en".to_owned(),
            author: None,
            publisher: None,
            copyright: None,
            meta: Vec::new(),
            theme: "default".to_owned(),
            strict: false,
            answer_title: "In short".to_owned(),
            follow_symlinks: false,
            extra: serde_json::Map::new(),
        }
    }
}

pub const CONFIG_FILE: &str = "site.yaml";

impl SiteConfig {
    /// Reads `SITE_DIR/site.yaml`; a missing file means all defaults.
    pub fn load(site_dir: &Path) -> Result<SiteConfig> {
        let path = site_dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SiteConfig::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        Self::parse(&text)
    }

    pub fn parse(text: &str) -> Result<SiteConfig> {
        if text.trim().is_empty() {
            return Ok(SiteConfig::default());
        }
        let config: SiteConfig =
            yaml::parse(text, Path::new(CONFIG_FILE), 1).map_err(|d| Error::Config(Box::new(d)))?;
        config.validate()?;
        Ok(config)
    }

    fn validate(&self) -> Result<()> {
        let bad = |message: String| {
            Err(Error::Config(Box::new(Diagnostic::error(
                CONFIG_FILE,
                None,
                message,
            ))))
        };
        if self.theme.is_empty() || self.theme.contains(['/', '\\']) || self.theme.starts_with('.')
        {
            return bad(format!(
                "theme '{}' must be a folder name under themes/",
                self.theme
            ));
        }
        if self.language.trim().is_empty() {
            return bad("language must not be empty".to_owned());
        }
        Ok(())
    }
}

//! `site.yaml`: the site-wide settings, every key optional, unknown keys an error.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::yaml::{self, Spanned};

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
    /// The image shared pages show (Open Graph, Twitter cards) when a page names none: a URL,
    /// or a path under `content/` such as `img/card.png`.
    pub image: Option<String>,
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
    /// The most top sections a page's sidebar lists; a site with more lists that many around
    /// the page's own and links to the home page, which lists them all (so a page's size does
    /// not grow with the number of sections).
    pub sidebar_sections: usize,
    /// Whose list rules pages follow: CommonMark's (GitHub's, the default) or
    /// Python-Markdown's (MkDocs').
    pub markdown: crate::markdown::Rules,
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
            image: None,
            meta: Vec::new(),
            theme: "default".to_owned(),
            strict: false,
            answer_title: "In short".to_owned(),
            follow_symlinks: false,
            sidebar_sections: 25,
            markdown: crate::markdown::Rules::Commonmark,
            extra: serde_json::Map::new(),
        }
    }
}

pub const CONFIG_FILE: &str = "site.yaml";

impl SiteConfig {
    /// Reads `SITE_DIR/site.yaml`; a missing file means all defaults. A `theme` must be a
    /// folder under `SITE_DIR/themes/` (or `default`).
    pub fn load(site_dir: &Path) -> Result<SiteConfig> {
        let path = site_dir.join(CONFIG_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(SiteConfig::default()),
            Err(e) => return Err(Error::io(path, e)),
        };
        let config = Self::parse(&text)?;
        let theme_dir = site_dir.join("themes").join(&config.theme);
        if config.theme != "default" && !theme_dir.is_dir() {
            return Err(config_error(
                &text,
                "theme",
                format!(
                    "theme `{}` has no folder themes/{}/ in the site folder",
                    config.theme, config.theme
                ),
            ));
        }
        Ok(config)
    }

    pub fn parse(text: &str) -> Result<SiteConfig> {
        if text.trim().is_empty() {
            return Ok(SiteConfig::default());
        }
        let config: SiteConfig =
            yaml::parse(text, Path::new(CONFIG_FILE), 1).map_err(|d| Error::Config(Box::new(d)))?;
        config.validate(text)?;
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<()> {
        let t = &self.theme;
        if t.is_empty()
            || t.contains(['/', '\\'])
            || t.starts_with('.')
            || t.contains(char::is_control)
        {
            let message = format!("theme `{t}` must be the name of a folder under themes/");
            return Err(config_error(text, "theme", message));
        }
        if let Err(message) = check_language(&self.language) {
            return Err(config_error(text, "language", message));
        }
        if let Err(message) = check_base_url(&self.base_url) {
            return Err(config_error(text, "base_url", message));
        }
        Ok(())
    }
}

/// An error about the value of `key` in `site.yaml`, at the line and column the value is
/// written on (the text is read a second time, for positions, only when something is wrong).
fn config_error(text: &str, key: &str, message: String) -> Error {
    #[derive(Deserialize)]
    struct Positions {
        theme: Option<Spanned<serde::de::IgnoredAny>>,
        language: Option<Spanned<serde::de::IgnoredAny>>,
        base_url: Option<Spanned<serde::de::IgnoredAny>>,
    }
    let positions: Option<Positions> = yaml::parse(text, Path::new(CONFIG_FILE), 1).ok();
    let at = positions.and_then(|p| match key {
        "theme" => p.theme,
        "language" => p.language,
        _ => p.base_url,
    });
    let (line, column) = match at {
        Some(spanned) => (
            Some(yaml::line_of(&spanned, 1)),
            Some(spanned.referenced.column() as usize),
        ),
        None => (None, None),
    };
    Error::Config(Box::new(
        Diagnostic::error(CONFIG_FILE, line, message).with_column(column),
    ))
}

/// Checks a language tag (`en`, `pt-BR`, `zh-Hant`): letters and digits in parts of 1 to 8
/// joined by `-`, the first all letters, as `<html lang>` needs.
pub fn check_language(tag: &str) -> Result<(), String> {
    let well_formed = !tag.is_empty()
        && tag.split('-').enumerate().all(|(i, part)| {
            (1..=8).contains(&part.len())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphabetic() || (i > 0 && c.is_ascii_digit()))
        });
    if well_formed {
        return Ok(());
    }
    let shown = tag.escape_debug();
    let hint = if tag.contains(['_', ' ']) && !tag.trim().is_empty() {
        format!(
            " (write `{}`)",
            tag.trim().replace(['_', ' '], "-").escape_debug()
        )
    } else {
        String::new()
    };
    Err(if tag.trim().is_empty() {
        "language must not be empty: write a language tag like `en` or `pt-BR`".to_owned()
    } else {
        format!("language `{shown}` is not a language tag like `en` or `pt-BR`{hint}")
    })
}

/// Checks where a site is published before it reaches any page or `robots.txt`: an
/// `http://` or `https://` URL with a host (`https://example.org/kb/`), or a path that starts
/// with `/` (`/kb/`); no spaces, control characters, quotes or angle brackets.
pub fn check_base_url(url: &str) -> Result<(), String> {
    let shown = url.escape_debug();
    if let Some(c) = url
        .chars()
        .find(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '<' | '>' | '\\'))
    {
        let what = match c {
            c if c.is_whitespace() => "white space".to_owned(),
            c if c.is_control() => format!("the control character U+{:04X}", c as u32),
            c => format!("`{c}`"),
        };
        return Err(format!("base_url `{shown}` must not contain {what}"));
    }
    if url.contains(['?', '#']) {
        return Err(format!(
            "base_url `{shown}` must not have a query (`?`) or fragment (`#`)"
        ));
    }
    let lower = url.to_ascii_lowercase();
    let rest = ["http://", "https://"]
        .iter()
        .find_map(|scheme| lower.starts_with(scheme).then(|| &url[scheme.len()..]));
    match rest {
        Some(rest) => {
            let host = rest.split('/').next().unwrap_or("");
            let host_ok = !host.is_empty()
                && host
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | ':' | '[' | ']' | '_'));
            if host_ok {
                Ok(())
            } else {
                Err(format!("base_url `{shown}` has no valid host after `//`"))
            }
        }
        None if url.is_empty() || url.starts_with('/') => Ok(()),
        None => Err(format!(
            "base_url `{shown}` must be an http(s):// URL like `https://example.org/kb/` or a path that starts with `/`"
        )),
    }
}

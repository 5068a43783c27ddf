//! The settings of `mkdocs.yml` mapped onto answerbook's: `site_*`, `copyright`,
//! `docs_dir`, `strict`, `theme.language`, `extra` (its `meta` list the default meta tags),
//! `nav` and `markdown_extensions`; every other key is named in one note.

use std::path::{Path, PathBuf};

use crate::config::{MetaTag, SiteConfig};
use crate::diagnostics::Diagnostic;
use crate::markdown::Features;

use super::inherit::Origins;
use super::tree::{self, Node, Value};
use super::{Project, extensions, nav};

/// Maps the text of an MkDocs configuration file (`file` names it in messages) onto
/// answerbook's settings; `env` looks up the variables `!ENV` names.
pub fn parse(
    text: &str,
    file: &Path,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Project, Diagnostic> {
    from_tree(tree::parse(text, file)?, file, &Origins::default(), env)
}

/// Maps a read configuration onto answerbook's settings; `origins` says which file (of an
/// `INHERIT` chain) wrote each key, for messages; `file` is the one built.
pub fn from_tree(
    mut root: Node,
    file: &Path,
    origins: &Origins,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Project, Diagnostic> {
    root.resolve_env(env);
    if !matches!(root.value, Value::Map(_)) {
        return Err(Diagnostic::error(
            file,
            Some(root.line),
            "an MkDocs configuration is a mapping of keys (site_name: ..., nav: ...)",
        ));
    }
    let mut project = Project {
        config: SiteConfig::default(),
        docs_dir: PathBuf::from("docs"),
        docs_dir_line: None,
        features: Features::default(),
        nav: None,
        nav_file: origins.of("nav", file).to_path_buf(),
        notes: Vec::new(),
        absolute_links: super::AbsoluteLinks::default(),
    };
    let mut ignored: Vec<String> = Vec::new();
    let text_of = |node: &Node, key: &str| -> Result<Option<String>, Diagnostic> {
        match &node.value {
            Value::Null => Ok(None),
            _ => node.scalar_text().map(Some).ok_or_else(|| {
                let file = origins.of(key, file);
                Diagnostic::error(file, Some(node.line), format!("`{key}` must be text"))
            }),
        }
    };
    let mut extension_list = None;
    let mut rules = None;
    for (key, value) in root.entries() {
        let c = &mut project.config;
        match key.name.as_str() {
            "site_name" => {
                if let Some(t) = text_of(value, "site_name")? {
                    c.title = t;
                }
            }
            "site_url" => {
                if let Some(t) = text_of(value, "site_url")? {
                    crate::config::check_base_url(&t).map_err(|message| {
                        let message = message.replacen("base_url", "site_url", 1);
                        Diagnostic::error(origins.of("site_url", file), Some(value.line), message)
                    })?;
                    c.base_url = t;
                }
            }
            "site_description" => {
                c.description = text_of(value, "site_description")?.unwrap_or_default()
            }
            "site_author" => c.author = text_of(value, "site_author")?,
            // HTML in MkDocs; the theme prints text.
            "copyright" => c.copyright = text_of(value, "copyright")?.map(|t| html_to_text(&t)),
            "docs_dir" => {
                if let Some(t) = text_of(value, "docs_dir")? {
                    project.docs_dir = PathBuf::from(t);
                    project.docs_dir_line = Some(key.line);
                }
            }
            "strict" => c.strict = value.value == Value::Bool(true),
            "nav" => project.nav = Some(nav::read(value, origins.of("nav", file))?),
            "markdown_extensions" => extension_list = Some((key.line, value)),
            "markdown" => rules = Some(read_rules(value, origins.of("markdown", file))?),
            "extra" => read_extra(value, c, origins.of("extra.meta", file))?,
            "theme" => read_theme(value, c, origins, file, &mut ignored, &mut project.notes)?,
            // MkDocs' default; `false` (`a/b.html` URLs) is not something answerbook writes.
            "use_directory_urls" if value.value != Value::Bool(false) => {}
            // Only quiets MkDocs' list of pages outside the nav; answerbook lists them anyway.
            "not_in_nav" => {}
            // Only `answerbook check` follows it; a build leaves links as written.
            "validation" => {
                project.absolute_links = absolute_links(value);
                ignored.push("validation".to_owned());
            }
            other => ignored.push(other.to_owned()),
        }
    }
    let (extensions_line, list) = match extension_list {
        Some((line, list)) => (Some(line), Some(list)),
        None => (None, None),
    };
    let extensions = extensions::read(list);
    project.features = extensions.features;
    if let Some(rules) = rules {
        project.features.rules = rules;
    }
    if !ignored.is_empty() {
        ignored.sort();
        project.notes.push(Diagnostic::note(
            file,
            None,
            format!("ignored keys: {}", ignored.join(", ")),
        ));
    }
    if !extensions.unsupported.is_empty() {
        project.notes.push(Diagnostic::note(
            origins.of("markdown_extensions", file),
            extensions_line,
            format!(
                "markdown extensions answerbook does not have (their syntax stays as written): {}",
                extensions.unsupported.join(", ")
            ),
        ));
    }
    if let Some((name, line)) = extensions.unknown_slugify {
        project.notes.push(Diagnostic::note(
            origins.of("markdown_extensions", file),
            Some(line),
            format!(
                "toc slugify '{name}' is not one answerbook knows: headings get toc's default ids"
            ),
        ));
    }
    Ok(project)
}

/// `markdown: commonmark | python-markdown` (answerbook's own key): whose list rules pages
/// follow.
fn read_rules(value: &Node, file: &Path) -> Result<crate::markdown::Rules, Diagnostic> {
    match value.scalar_text().as_deref() {
        Some("commonmark") => Ok(crate::markdown::Rules::Commonmark),
        Some("python-markdown") => Ok(crate::markdown::Rules::PythonMarkdown),
        _ => Err(Diagnostic::error(
            file,
            Some(value.line),
            "`markdown` is `commonmark` or `python-markdown`",
        )),
    }
}

/// The text of a line of HTML: tags dropped, the entities a footer uses decoded.
fn html_to_text(html: &str) -> String {
    let mut text = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&']) {
        text.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with('<') {
            rest = rest.find('>').map_or("", |end| &rest[end + 1..]);
            continue;
        }
        let entity = rest
            .find(';')
            .filter(|&end| end <= 8)
            .map(|end| &rest[1..end]);
        let decoded = match entity {
            Some("copy") => Some('©'),
            Some("reg") => Some('®'),
            Some("trade") => Some('™'),
            Some("amp") => Some('&'),
            Some("lt") => Some('<'),
            Some("gt") => Some('>'),
            Some("quot") => Some('"'),
            Some("nbsp") => Some('\u{a0}'),
            Some("mdash") => Some('—'),
            Some("ndash") => Some('–'),
            Some(e) => e
                .strip_prefix("#x")
                .map(|hex| u32::from_str_radix(hex, 16))
                .or_else(|| e.strip_prefix('#').map(str::parse))
                .and_then(Result::ok)
                .and_then(char::from_u32),
            None => None,
        };
        match (decoded, entity) {
            (Some(c), Some(e)) => {
                text.push(c);
                rest = &rest[e.len() + 2..];
            }
            _ => {
                text.push('&');
                rest = &rest[1..];
            }
        }
    }
    text.push_str(rest);
    text
}

/// `extra.meta` (a list of `{name, content}`) becomes the site's default meta tags; the rest
/// of `extra` is handed to templates as `site.extra`.
fn read_extra(extra: &Node, config: &mut SiteConfig, file: &Path) -> Result<(), Diagnostic> {
    if let Some(meta) = extra.get("meta") {
        let bad = |line| {
            Diagnostic::error(
                file,
                Some(line),
                "`extra.meta` must be a list of `{name: ..., content: ...}`",
            )
        };
        let Value::Seq(items) = &meta.value else {
            return Err(bad(meta.line));
        };
        for item in items {
            let field = |k: &str| item.get(k).and_then(Node::scalar_text);
            match (field("name"), field("content")) {
                (Some(name), Some(content)) if item.entries().len() == 2 => {
                    config.meta.push(MetaTag { name, content });
                }
                _ => return Err(bad(item.line)),
            }
        }
    }
    if let serde_json::Value::Object(mut map) = extra.to_json() {
        map.remove("meta");
        config.extra = map;
    }
    Ok(())
}

/// `theme.language` is the site's language; `theme.custom_dir` gets its own note (its
/// templates are Jinja); every other theme key is ignored.
fn read_theme(
    theme: &Node,
    config: &mut SiteConfig,
    origins: &Origins,
    file: &Path,
    ignored: &mut Vec<String>,
    notes: &mut Vec<Diagnostic>,
) -> Result<(), Diagnostic> {
    if !matches!(theme.value, Value::Map(_)) {
        ignored.push("theme".to_owned());
        return Ok(());
    }
    for (key, value) in theme.entries() {
        match key.name.as_str() {
            "language" => {
                if let Some(lang) = value.scalar_text().filter(|l| !l.trim().is_empty()) {
                    crate::config::check_language(&lang).map_err(|message| {
                        let file = origins.of("theme.language", file);
                        Diagnostic::error(file, Some(value.line), format!("theme.{message}"))
                    })?;
                    config.language = lang;
                }
            }
            "custom_dir" => notes.push(Diagnostic::note(
                origins.of("theme.custom_dir", file),
                Some(key.line),
                format!(
                    "theme.custom_dir '{}' is ignored: its overrides are Jinja templates for MkDocs; answerbook's themes are Tera (themes/<name>/templates/)",
                    value.scalar_text().unwrap_or_default()
                ),
            )),
            other => ignored.push(format!("theme.{other}")),
        }
    }
    Ok(())
}

/// `validation: links: absolute_links:` (MkDocs 1.6): `relative_to_docs`, `warn`, else
/// unchecked.
fn absolute_links(validation: &Node) -> super::AbsoluteLinks {
    let setting = validation
        .get("links")
        .and_then(|links| links.get("absolute_links"))
        .and_then(Node::as_str);
    match setting {
        Some("relative_to_docs") => super::AbsoluteLinks::RelativeToDocs,
        Some("warn") => super::AbsoluteLinks::Warn,
        _ => super::AbsoluteLinks::Unchecked,
    }
}

#[cfg(test)]
mod tests;

//! Themes: Tera templates and static files, loaded once per build.
//!
//! The default theme is embedded in the binary, so a site without a `themes/` folder builds.
//! A site's `themes/<name>/templates/*.html` and `themes/<name>/static/**` are laid over it:
//! a theme may override one template and keep the rest. Its folders are walked with the same
//! symlink rules as `content/` ([`crate::walk`]).

use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::walk::{self, Policy};

const EMBEDDED_TEMPLATES: &[(&str, &str)] = &[
    (
        "base.html",
        include_str!("../themes/default/templates/base.html"),
    ),
    (
        "page.html",
        include_str!("../themes/default/templates/page.html"),
    ),
    (
        "section.html",
        include_str!("../themes/default/templates/section.html"),
    ),
    (
        "home.html",
        include_str!("../themes/default/templates/home.html"),
    ),
    (
        "sidebar.html",
        include_str!("../themes/default/templates/sidebar.html"),
    ),
    (
        "404.html",
        include_str!("../themes/default/templates/404.html"),
    ),
];

const EMBEDDED_STATIC: &[(&str, &[u8])] = &[
    (
        "style.css",
        include_bytes!("../themes/default/static/style.css"),
    ),
    (
        "answerbook.js",
        include_bytes!("../themes/default/static/answerbook.js"),
    ),
    (
        "favicon.svg",
        include_bytes!("../themes/default/static/favicon.svg"),
    ),
];

/// Where a static file of the theme comes from.
#[derive(Debug, Clone)]
pub enum StaticSource {
    Embedded(&'static [u8]),
    File(PathBuf),
}

#[derive(Debug)]
pub struct Theme {
    pub name: String,
    tera: tera::Tera,
    /// Every template prints `page.content` only as `{{ page.content | safe }}`, so a page's
    /// HTML can be spliced into the rendered template instead of being copied into the
    /// template's context and out again ([`Theme::render_page`]).
    splices_content: bool,
    /// A hash of the templates and the names of the static files, for the build cache.
    pub fingerprint: u64,
    /// Files published under `assets/`, by their path below `static/`.
    pub statics: Vec<(String, StaticSource)>,
}

impl Theme {
    /// Loads theme `name`, with the diagnostics of the files of its folder left out.
    pub fn load(site_dir: &Path, name: &str, policy: &Policy) -> Result<(Theme, Vec<Diagnostic>)> {
        let dir = site_dir.join("themes").join(name);
        if name != "default" && !dir.is_dir() {
            return Err(Error::Theme {
                theme: name.to_owned(),
                message: format!("no folder {}", dir.display()),
            });
        }
        let theme_error = |message: String| Error::Theme {
            theme: name.to_owned(),
            message,
        };
        let mut templates: Vec<(String, String)> = EMBEDDED_TEMPLATES
            .iter()
            .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
            .collect();
        let mut statics: Vec<(String, StaticSource)> = EMBEDDED_STATIC
            .iter()
            .map(|(n, b)| ((*n).to_owned(), StaticSource::Embedded(b)))
            .collect();
        let mut diagnostics = Vec::new();
        let display = Path::new("themes").join(name);
        let mut files_under = |folder: &str| -> Result<Vec<(String, PathBuf)>> {
            let (found, problems) = walk::walk(&dir.join(folder), &display.join(folder), policy)?;
            diagnostics.extend(problems);
            Ok(found
                .into_iter()
                .map(|f| (crate::urls::file_path(&f.rel_path), f.abs_path))
                .collect())
        };
        for (rel, path) in files_under("templates")? {
            let text = std::fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            templates.retain(|(n, _)| *n != rel);
            templates.push((rel, text));
        }
        for (rel, path) in files_under("static")? {
            statics.retain(|(n, _)| *n != rel);
            statics.push((rel, StaticSource::File(path)));
        }
        let splices_content = templates
            .iter()
            .all(|(_, text)| prints_content_plainly(text));
        let mut digest = crate::cache::Digest::default();
        digest.add(&templates);
        for (rel, source) in &statics {
            digest
                .add(rel)
                .add(matches!(source, StaticSource::Embedded(_)));
        }
        let fingerprint = digest.finish();
        let mut tera = tera::Tera::default();
        tera.set_escape_fn(escape_html);
        tera.add_raw_templates(templates)
            .map_err(|e| theme_error(e.to_string()))?;
        for required in ["page.html", "section.html", "home.html", "404.html"] {
            if !tera.contains_template(required) {
                return Err(theme_error(format!("missing template {required}")));
            }
        }
        statics.sort_by(|a, b| a.0.cmp(&b.0));
        let theme = Theme {
            name: name.to_owned(),
            tera,
            splices_content,
            fingerprint,
            statics,
        };
        Ok((theme, diagnostics))
    }

    /// Renders `template` with a typed context.
    pub fn render(&self, template: &str, context: &impl Serialize, what: &str) -> Result<String> {
        let render_error = |message: String| Error::Render {
            template: template.to_owned(),
            page: what.to_owned(),
            message,
        };
        let ctx =
            tera::Context::from_serialize(context).map_err(|e| render_error(e.to_string()))?;
        self.tera
            .render(template, &ctx)
            .map_err(|e| render_error(error_chain(&e)))
    }
}

/// Stands for a page's HTML in its template context while the template renders; replaced by
/// the HTML afterwards. Noncharacters, so no page or template text holds it.
pub const CONTENT_SLOT: &str = "\u{FDD0}answerbook:page.content\u{FDD1}";

impl Theme {
    /// What a page's context holds as `page.content`: [`CONTENT_SLOT`] when the theme lets
    /// [`Theme::render_page`] splice the HTML in afterwards, else the HTML itself.
    pub fn content_for<'a>(&self, content: &'a str) -> &'a str {
        if self.splices_content {
            CONTENT_SLOT
        } else {
            content
        }
    }

    /// Renders `template` with a context made with [`Theme::content_for`], and puts `content`
    /// where the template printed the slot: the page's HTML is written once, never copied into
    /// the template engine's values and out again.
    pub fn render_page(
        &self,
        template: &str,
        context: &impl Serialize,
        content: &str,
        what: &str,
    ) -> Result<String> {
        let html = self.render(template, context, what)?;
        if !self.splices_content {
            return Ok(html);
        }
        let mut out = String::with_capacity(html.len() + content.len());
        let mut rest = html.as_str();
        // A vectorised search: the template's output is most of a page.
        while let Some(at) = memchr::memmem::find(rest.as_bytes(), CONTENT_SLOT.as_bytes()) {
            out.push_str(&rest[..at]);
            out.push_str(content);
            rest = &rest[at + CONTENT_SLOT.len()..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Whether a template prints `page.content` only as `{{ page.content | safe }}` (whitespace and
/// `-` trim markers allowed), or not at all.
fn prints_content_plainly(template: &str) -> bool {
    let mut rest = template;
    while let Some(at) = rest.find("page.content") {
        let before = rest[..at].trim_end_matches([' ', '\t', '\n']);
        let before = before.strip_suffix('-').unwrap_or(before);
        if !before.ends_with("{{") {
            return false;
        }
        let after = rest[at + "page.content".len()..].trim_start();
        let Some(after) = after.strip_prefix('|') else {
            return false;
        };
        let Some(after) = after.trim_start().strip_prefix("safe") else {
            return false;
        };
        let after = after.trim_start();
        if !(after.starts_with("}}") || after.starts_with("-}}")) {
            return false;
        }
        rest = &rest[at + "page.content".len()..];
    }
    true
}

/// Tera's HTML escaping (`&`, `<`, `>`, `"` and `'`, as `&amp;`, `&lt;`, `&gt;`, `&quot;`
/// and `&#39;`) by pulldown-cmark's escaper, which writes the runs between them whole (and
/// finds them with SSSE3): Tera's own writes each byte through a call of its own, which was a
/// twentieth of a build.
fn escape_html(input: &str, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    pulldown_cmark_escape::escape_html(pulldown_cmark_escape::IoWriter(out), input)
}

fn error_chain(e: &dyn std::error::Error) -> String {
    let mut message = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        message.push_str(": ");
        message.push_str(&s.to_string());
        source = s.source();
    }
    message
}

#[cfg(test)]
mod tests {
    use super::{escape_html, prints_content_plainly};

    #[test]
    fn escaping_writes_what_teras_own_escaping_writes() {
        for text in [
            "",
            "plain words",
            "Tom & Jerry's \"<b>bold</b>\" café &amp;",
            "<<>>''\"\"&&",
            "ends with &",
        ] {
            let (mut ours, mut teras) = (Vec::new(), Vec::new());
            escape_html(text, &mut ours).unwrap();
            tera::escape_html(text, &mut teras).unwrap();
            assert_eq!(
                String::from_utf8(ours).unwrap(),
                String::from_utf8(teras).unwrap()
            );
        }
    }

    #[test]
    fn only_plain_safe_prints_of_the_content_are_spliced() {
        assert!(prints_content_plainly(
            "<main>{{ page.content | safe }}</main>"
        ));
        assert!(prints_content_plainly("{{- page.content|safe -}}"));
        assert!(prints_content_plainly("no content here"));
        assert!(!prints_content_plainly("{{ page.content }}"));
        assert!(!prints_content_plainly(
            "{{ page.content | striptags | safe }}"
        ));
        assert!(!prints_content_plainly(
            "{% set c = page.content %}{{ c | safe }}"
        ));
        assert!(!prints_content_plainly("{{ x.page.content | safe }}"));
        assert!(!prints_content_plainly(
            "{{ page.content | safe }}{{ page.content | length }}"
        ));
    }
}

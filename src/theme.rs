//! Themes: Tera templates and static files, loaded once per build.
//!
//! The default theme is embedded in the binary, so a site without a `themes/` folder builds.
//! A site's `themes/<name>/templates/*.html` and `themes/<name>/static/**` are laid over it:
//! a theme may override one template and keep the rest. Its folders are walked with the same
//! symlink rules as `content/` ([`crate::walk`]).

mod slots;
#[cfg(test)]
mod splice_tests;

use std::path::{Path, PathBuf};

use serde::Serialize;

pub use slots::{Fill, Slot};

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
    /// By [`Slot`]: whether every template prints it only as `{{ NAME | safe }}` (or tests it
    /// as `{% if NAME %}`), so that its text can be spliced into the rendered template instead
    /// of being copied into the template's context and out again ([`Theme::render_with`]).
    splices: [bool; 3],
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
        let splices = slots::spliceable(templates.iter().map(|(_, text)| text.as_str()));
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
            splices,
            fingerprint,
            statics,
        };
        Ok((theme, diagnostics))
    }

    /// Renders `template` with a typed context.
    pub fn render(&self, template: &str, context: &impl Serialize, what: &str) -> Result<String> {
        let ctx = tera::Context::from_serialize(context)
            .map_err(|e| render_error(template, what, e.to_string()))?;
        self.tera
            .render(template, &ctx)
            .map_err(|e| render_error(template, what, error_chain(&e)))
    }
}

impl Theme {
    /// What a page's context holds in `slot`'s place when its text is `parts` joined: the
    /// slot's marker when the theme splices it in afterwards (and the text is not empty, so
    /// that `{% if NAME %}` tests the same), recorded in `fill`; else the text itself.
    pub fn hold<'a>(
        &self,
        slot: Slot,
        parts: [&'a str; 3],
        fill: &mut Fill<'a>,
    ) -> std::borrow::Cow<'a, str> {
        match parts {
            [whole, "", ""] => self.hold_text(slot, whole, fill).into(),
            _ if self.splices[slot as usize] => {
                fill.set(slot, parts);
                slot.marker().into()
            }
            _ => parts.concat().into(),
        }
    }

    /// [`Theme::hold`] for a text of one part.
    pub fn hold_text<'a>(&self, slot: Slot, text: &'a str, fill: &mut Fill<'a>) -> &'a str {
        if self.splices[slot as usize] && !text.is_empty() {
            fill.set(slot, [text, "", ""]);
            slot.marker()
        } else {
            text
        }
    }

    /// What a page's context holds as `page.content` ([`Theme::hold`]), for
    /// [`Theme::render_page`].
    pub fn content_for<'a>(&self, content: &'a str) -> &'a str {
        // [`Theme::render_page`] fills the slot itself.
        self.hold_text(Slot::Content, content, &mut Fill::default())
    }

    /// Renders `template` with a typed context made with [`Theme::content_for`], and puts
    /// `content` where the template printed it.
    pub fn render_page(
        &self,
        template: &str,
        context: &impl Serialize,
        content: &str,
        what: &str,
    ) -> Result<String> {
        let ctx = tera::Context::from_serialize(context)
            .map_err(|e| render_error(template, what, e.to_string()))?;
        let mut fill = Fill::default();
        if self.splices[Slot::Content as usize] {
            fill.set(Slot::Content, [content, "", ""]);
        }
        let html = self.render_with(template, &ctx, &fill, what)?;
        String::from_utf8(html).map_err(|e| render_error(template, what, e.to_string()))
    }

    /// Renders `template` with a context whose slots were filled by [`Theme::hold`]: their
    /// text is written once, where the template printed their markers.
    pub fn render_with(
        &self,
        template: &str,
        context: &tera::Context,
        fill: &Fill<'_>,
        what: &str,
    ) -> Result<Vec<u8>> {
        let mut splicer = slots::Splicer {
            out: Vec::with_capacity(fill.text_len() + OUTPUT_BESIDE_SLOTS),
            fill,
        };
        self.tera
            .render_to(template, context, &mut splicer)
            .map_err(|e| render_error(template, what, error_chain(&e)))?;
        Ok(splicer.out)
    }
}

/// About what the default theme writes around a page's own text (its head, header, footer):
/// the output's first allocation, so it is seldom grown.
const OUTPUT_BESIDE_SLOTS: usize = 8 * 1024;

fn render_error(template: &str, what: &str, message: String) -> Error {
    Error::Render {
        template: template.to_owned(),
        page: what.to_owned(),
        message,
    }
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
    use super::escape_html;

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
}

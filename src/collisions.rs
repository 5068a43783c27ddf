//! What each source publishes: the output file of every page, copied file and theme static
//! file, checked before anything is written. Two sources at one output path, or a file where
//! another source needs a folder, is an error naming both, whatever kind of source each is.
//!
//! The generated `sitemap.xml`, `robots.txt` and `404.html` are not sources here: a content file
//! (or `404.md`) of the same name replaces them on purpose.

use std::borrow::Cow;
use std::path::{Path, PathBuf};

use rustc_hash::FxHashMap;

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::theme::{StaticSource, Theme};
use crate::urls;

/// One file the build will write, and who asks for it.
struct Source<'a> {
    /// Path in the output folder, but for a final `index.html`: `a/b/` for `a/b/index.html`,
    /// `assets/style.css`. A page's is its URL as it is, not a new string for each page of
    /// each build; two files clash exactly when these do, and the folders a file needs are
    /// the same.
    output: Cow<'a, str>,
    /// Where a reader finds it (`/a/b/`, `/assets/style.css`) and the source as the user
    /// knows it (`content/a/b.md`, `themes/x/static/style.css`): worked out only for a
    /// message, as most builds have none.
    origin: Origin<'a>,
}

/// Who asks for a file.
enum Origin<'a> {
    Theme(&'a str, &'a StaticSource),
    Page(&'a Page),
    Asset(&'a Asset),
}

impl Source<'_> {
    fn is_theme_file(&self) -> bool {
        matches!(self.origin, Origin::Theme(..))
    }

    /// Its path in the output folder, whole.
    fn full_output(&self) -> String {
        match self.output.is_empty() || self.output.ends_with('/') {
            true => format!("{}index.html", self.output),
            false => self.output.to_string(),
        }
    }

    fn shown_at(&self) -> String {
        match self.origin {
            Origin::Theme(rel, _) => format!("/assets/{rel}"),
            Origin::Page(page) => format!("/{}", page.url),
            Origin::Asset(asset) => format!("/{}", urls::file_path(&asset.rel_path)),
        }
    }

    fn name(&self, theme: &Theme, content_name: &Path) -> PathBuf {
        match self.origin {
            Origin::Theme(rel, StaticSource::File(_)) => Path::new("themes")
                .join(&theme.name)
                .join("static")
                .join(rel),
            Origin::Theme(rel, StaticSource::Embedded(_)) => {
                PathBuf::from(format!("the built-in theme's static/{rel}"))
            }
            Origin::Page(page) => page.display_path.clone(),
            Origin::Asset(asset) => content_name.join(&asset.rel_path),
        }
    }
}

/// An output path without its final `index.html` ([`Source::output`]).
fn key(output: &str) -> &str {
    match output.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => folder,
        _ => output,
    }
}

fn owned_key(mut output: String) -> Cow<'static, str> {
    output.truncate(key(&output).len());
    Cow::Owned(output)
}

/// Every clash between the files the build would write.
pub fn check(
    pages: &[Page],
    assets: &[Asset],
    theme: &Theme,
    content_name: &Path,
) -> Vec<Diagnostic> {
    let theme_sources = theme.statics.iter().map(|(rel, source)| Source {
        output: owned_key(format!("assets/{rel}")),
        origin: Origin::Theme(rel, source),
    });
    let page_sources = pages.iter().map(|p| Source {
        output: Cow::Borrowed(key(&p.url)),
        origin: Origin::Page(p),
    });
    let asset_sources = assets.iter().map(|a| Source {
        output: owned_key(urls::file_path(&a.rel_path)),
        origin: Origin::Asset(a),
    });
    let sources: Vec<Source<'_>> = theme_sources
        .chain(page_sources)
        .chain(asset_sources)
        .collect();

    let mut out = Vec::new();
    let mut owner: FxHashMap<&str, &Source<'_>> =
        FxHashMap::with_capacity_and_hasher(sources.len(), Default::default());
    for source in &sources {
        match owner.get(&*source.output) {
            Some(first) => out.push(Diagnostic::error(
                source.name(theme, content_name),
                None,
                format!(
                    "publishes to {} as {} does; rename one of them",
                    source.shown_at(),
                    shown(&first.name(theme, content_name))
                ),
            )),
            None => {
                owner.insert(&source.output, source);
            }
        }
    }
    for deeper in &sources {
        let folders = deeper
            .output
            .match_indices('/')
            .map(|(i, _)| key(&deeper.output[..i]));
        let Some(file) = folders.filter_map(|f| owner.get(f)).next() else {
            continue;
        };
        let message = if file.is_theme_file() {
            (
                deeper.name(theme, content_name),
                format!(
                    "publishes to {} inside {}, which {} publishes as a file; rename one of them",
                    deeper.shown_at(),
                    file.shown_at(),
                    shown(&file.name(theme, content_name))
                ),
            )
        } else {
            (
                file.name(theme, content_name),
                format!(
                    "publishes a file at /{}, where {} needs a folder (for {}); rename one of them",
                    file.full_output(),
                    shown(&deeper.name(theme, content_name)),
                    deeper.shown_at()
                ),
            )
        };
        out.push(Diagnostic::error(&message.0, None, message.1));
    }
    out
}

fn shown(path: &Path) -> String {
    crate::diagnostics::display_path(path)
}

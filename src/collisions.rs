//! What each source publishes: the output file of every page, copied file and theme static
//! file, checked before anything is written. Two sources at one output path, or a file where
//! another source needs a folder, is an error naming both, whatever kind of source each is.
//!
//! The generated `sitemap.xml`, `robots.txt` and `404.html` are not sources here: a content file
//! (or `404.md`) of the same name replaces them on purpose.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::discover::Asset;
use crate::theme::{StaticSource, Theme};
use crate::urls;

/// One file the build will write, and who asks for it.
struct Source {
    /// Path in the output folder: `a/b/index.html`, `assets/style.css`.
    output: String,
    /// Where a reader finds it, for messages: `/a/b/`, `/assets/style.css`.
    shown_at: String,
    /// The source as the user knows it: `content/a/b.md`, `themes/x/static/style.css`.
    name: PathBuf,
    from_theme: bool,
}

/// Every clash between the files the build would write.
pub fn check(
    pages: &[Page],
    assets: &[Asset],
    theme: &Theme,
    content_name: &Path,
) -> Vec<Diagnostic> {
    let theme_sources = theme.statics.iter().map(|(rel, source)| Source {
        output: format!("assets/{rel}"),
        shown_at: format!("/assets/{rel}"),
        name: match source {
            StaticSource::File(_) => Path::new("themes")
                .join(&theme.name)
                .join("static")
                .join(rel),
            StaticSource::Embedded(_) => {
                PathBuf::from(format!("the built-in theme's static/{rel}"))
            }
        },
        from_theme: true,
    });
    let page_sources = pages.iter().map(|p| Source {
        output: if p.url.is_empty() || p.url.ends_with('/') {
            format!("{}index.html", p.url)
        } else {
            p.url.clone()
        },
        shown_at: format!("/{}", p.url),
        name: p.display_path.clone(),
        from_theme: false,
    });
    let asset_sources = assets.iter().map(|a| {
        let path = urls::file_path(&a.rel_path);
        Source {
            shown_at: format!("/{path}"),
            output: path,
            name: content_name.join(&a.rel_path),
            from_theme: false,
        }
    });
    let sources: Vec<Source> = theme_sources
        .chain(page_sources)
        .chain(asset_sources)
        .collect();

    let mut out = Vec::new();
    let mut owner: HashMap<&str, &Source> = HashMap::with_capacity(sources.len());
    for source in &sources {
        match owner.get(source.output.as_str()) {
            Some(first) => out.push(Diagnostic::error(
                &source.name,
                None,
                format!(
                    "publishes to {} as {} does; rename one of them",
                    source.shown_at,
                    shown(&first.name)
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
            .map(|(i, _)| &deeper.output[..i]);
        let Some(file) = folders.filter_map(|f| owner.get(f)).next() else {
            continue;
        };
        let message = if file.from_theme {
            (
                &deeper.name,
                format!(
                    "publishes to {} inside {}, which {} publishes as a file; rename one of them",
                    deeper.shown_at,
                    file.shown_at,
                    shown(&file.name)
                ),
            )
        } else {
            (
                &file.name,
                format!(
                    "publishes a file at /{}, where {} needs a folder (for {}); rename one of them",
                    file.output,
                    shown(&deeper.name),
                    deeper.shown_at
                ),
            )
        };
        out.push(Diagnostic::error(message.0, None, message.1));
    }
    out
}

fn shown(path: &Path) -> String {
    crate::diagnostics::display_path(path)
}

//! The one error type for failures that stop a build before or after the per-page work:
//! bad usage, unreadable folders, a broken theme, output that cannot be written.
//!
//! Problems in the user's pages are not errors of this kind: they are [`crate::diagnostics`],
//! collected and reported together.

use std::path::PathBuf;

use crate::diagnostics::Diagnostic;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("{0}")]
    Config(Box<Diagnostic>),

    #[error("{0}")]
    Usage(String),

    /// Going on would delete or overwrite something answerbook must not touch.
    #[error("{0}")]
    Unsafe(String),

    #[error("theme '{theme}': {message}")]
    Theme { theme: String, message: String },

    #[error("template '{template}' failed while rendering {page}: {message}")]
    Render {
        template: String,
        page: String,
        message: String,
    },

    /// The build ran but its diagnostics say it must not be published.
    #[error("build failed: {errors} error(s), {warnings} warning(s)")]
    Failed { errors: usize, warnings: usize },
}

impl Error {
    pub fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        Error::Io {
            path: path.into(),
            source,
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The values of `results`, in order, or the first error among them. For a parallel map over
/// every page: collected into a `Vec` of results first, it is written in place (its length is
/// known), where collected straight into a `Result<Vec>` it grows, copying, as it goes.
pub fn all_ok<T>(results: Vec<Result<T>>) -> Result<Vec<T>> {
    let mut values = Vec::with_capacity(results.len());
    for result in results {
        values.push(result?);
    }
    Ok(values)
}

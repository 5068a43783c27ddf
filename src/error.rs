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
/// known), where collected straight into a `Result<Vec>` it grows, copying, as it goes. The
/// values stay where they are (std collects a `Vec`'s own iterator in place when the types'
/// alignments match): a list of every page's values made anew is megabytes of fresh memory.
pub fn all_ok<T>(results: Vec<Result<T>>) -> Result<Vec<T>> {
    match results.iter().any(Result::is_err) {
        false => Ok(results.into_iter().filter_map(Result::ok).collect()),
        true => Err((results.into_iter().find_map(Result::err)).expect("one of them is an error")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn failed(name: &str) -> Error {
        Error::Usage(name.into())
    }

    #[test]
    fn all_ok_keeps_the_values_in_order_where_they_were() {
        let results: Vec<Result<String>> = vec![Ok("a".into()), Ok("b".into()), Ok("c".into())];
        let at = results.as_ptr() as usize;
        let values = all_ok(results).unwrap();
        assert_eq!(values, ["a", "b", "c"]);
        // Unwrapped in place: the same memory, not a copy.
        assert_eq!(values.as_ptr() as usize, at);
    }

    #[test]
    fn all_ok_gives_the_first_error() {
        let results: Vec<Result<u64>> = vec![Ok(1), Err(failed("second")), Err(failed("third"))];
        match all_ok(results) {
            Err(Error::Usage(message)) => assert_eq!(message, "second"),
            other => panic!("expected the second result's error, got {other:?}"),
        }
    }
}

//! Diagnostics: what a build found wrong, with the file and line it found it at.
//!
//! Every stage of the pipeline pushes [`Diagnostic`]s instead of printing or failing on the
//! spot; the build collects them all and reports them together at the end.

use std::fmt;
use std::path::{Path, PathBuf};

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Severity {
    /// Something read and left aside (an ignored `mkdocs.yml` key); never fails a build,
    /// not even under `--strict`.
    Note,
    /// Reported; fails the build only under `--strict`.
    Warning,
    /// Fails the build.
    Error,
}

/// One problem found in the site's input, located as precisely as we can.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
pub struct Diagnostic {
    /// Path as the user knows it, relative to the site folder (`content/a/b.md`).
    pub path: PathBuf,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// 1-based column, when known.
    pub column: Option<usize>,
    pub severity: Severity,
    pub message: String,
}

impl Diagnostic {
    pub fn error(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Error, path.into(), line, message.into())
    }

    pub fn note(path: impl Into<PathBuf>, line: Option<usize>, message: impl Into<String>) -> Self {
        Self::new(Severity::Note, path.into(), line, message.into())
    }

    pub fn warning(
        path: impl Into<PathBuf>,
        line: Option<usize>,
        message: impl Into<String>,
    ) -> Self {
        Self::new(Severity::Warning, path.into(), line, message.into())
    }

    fn new(severity: Severity, path: PathBuf, line: Option<usize>, message: String) -> Self {
        Diagnostic {
            path,
            line,
            column: None,
            severity,
            message,
        }
    }

    pub fn with_column(mut self, column: Option<usize>) -> Self {
        self.column = column;
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `content/a/b.md:9: warning: broken link '../nope.md'`, the shape compilers use, so
    /// editors and CI annotators can jump to the spot.
    /// `mkdocs.yml: note: ignored keys: hooks, plugins` for a note about the whole file.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", display_path(&self.path))?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(column) = self.column {
                write!(f, ":{column}")?;
            }
        }
        let level = match self.severity {
            Severity::Note => "note",
            Severity::Warning => "warning",
            Severity::Error => "error",
        };
        write!(f, ": {level}: {}", self.message)
    }
}

/// Paths are shown with `/` on every platform so messages are stable (on Windows only: elsewhere
/// `\` is a character of a name, and escaped names such as `a\nb.md` keep theirs).
pub fn display_path(path: &Path) -> String {
    let shown = path.to_string_lossy();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown.into_owned()
    }
}

/// All diagnostics of a build, kept sorted for stable output.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Vec<Diagnostic>,
}

impl Report {
    pub fn extend(&mut self, more: impl IntoIterator<Item = Diagnostic>) {
        self.diagnostics.extend(more);
    }

    /// Under `--strict` every warning is promoted to an error; notes stay notes.
    pub fn promote_warnings(&mut self) {
        for d in &mut self.diagnostics {
            if d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
        }
    }

    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (&a.path, a.line, a.column, &a.message).cmp(&(&b.path, b.line, b.column, &b.message))
        });
        self.diagnostics.dedup();
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notes_are_printed_as_notes_and_never_promoted() {
        let mut report = Report::default();
        report.extend([
            Diagnostic::note("mkdocs.yml", None, "ignored keys: hooks, plugins"),
            Diagnostic::warning("docs/a.md", Some(3), "broken link 'b.md'"),
        ]);
        report.promote_warnings();
        report.sort();
        let shown: Vec<String> = report.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(
            shown,
            [
                "docs/a.md:3: error: broken link 'b.md'",
                "mkdocs.yml: note: ignored keys: hooks, plugins"
            ]
        );
        assert_eq!(report.count(Severity::Note), 1);
        assert_eq!(report.count(Severity::Error), 1);
    }
}

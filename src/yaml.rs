//! The one door to the YAML parser (serde-saphyr, the maintained successor of the archived
//! serde_yaml). Everything else in answerbook deserializes YAML through [`parse`], so the
//! parser can be swapped by changing this file alone.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::MessageFormatter;

use crate::diagnostics::Diagnostic;

/// A position inside a YAML document, 1-based, as the parser reported it.
pub use serde_saphyr::Spanned;

/// Parses `text` as one YAML document.
///
/// `first_line` is the line of the file on which `text` starts (2 for front matter that follows
/// an opening `---`), so that errors point at the real line of `path`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|err| {
        let inner = err.without_snippet();
        let message = serde_saphyr::DefaultMessageFormatter
            .format_message(inner)
            .into_owned();
        let (line, column) = match err.location() {
            Some(loc) if loc.line() > 0 => (
                Some(loc.line() as usize + first_line - 1),
                Some(loc.column() as usize),
            ),
            _ => (Some(first_line), None),
        };
        Diagnostic::error(path, line, message).with_column(column)
    })
}

/// The file line of a spanned value inside a document that starts on `first_line`.
pub fn line_of<T>(spanned: &Spanned<T>, first_line: usize) -> usize {
    spanned.referenced.line() as usize + first_line - 1
}

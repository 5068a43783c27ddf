//! The three forms diagnostics are printed in: `human` (like rustc: `file:line:col`, the
//! source line and a caret under the column), `json` (one object per line) and `github`
//! (workflow commands, `::error file=…,line=…,col=…::message`, that GitHub Actions shows as
//! annotations on a pull request). Paths are relative to the site folder.

use std::fmt::Write as _;
use std::path::Path;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity, display_path};

/// How `answerbook check --format` prints diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// `error: message`, then ` --> file:line:col`, the source line and a caret.
    #[default]
    Human,
    /// One JSON object per line: file, line, column, severity, message.
    Json,
    /// GitHub Actions workflow commands: `::error file=…,line=…,col=…::message`.
    Github,
}

/// One diagnostic in `format`, ending in a newline. `site_dir` is where the human form reads
/// the source line from.
pub fn format(format: Format, d: &Diagnostic, site_dir: &Path) -> String {
    match format {
        Format::Human => {
            let line = d.line.and_then(|n| source_line(&site_dir.join(&d.path), n));
            human(d, line.as_deref())
        }
        Format::Json => json(d),
        Format::Github => github(d),
    }
}

/// Prints every diagnostic: the human form on stderr, the others on stdout (for a pipe or
/// the Actions runner).
pub fn print(format: Format, diagnostics: &[Diagnostic], site_dir: &Path) {
    let text: String = diagnostics
        .iter()
        .map(|d| self::format(format, d, site_dir))
        .collect();
    match format {
        Format::Human => eprint!("{text}"),
        Format::Json | Format::Github => print!("{text}"),
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Note => "note",
        Severity::Warning => "warning",
        Severity::Error => "error",
    }
}

fn source_line(path: &Path, line: usize) -> Option<String> {
    let text = std::fs::read(path).ok()?;
    let text = String::from_utf8_lossy(&text);
    text.lines().nth(line.checked_sub(1)?).map(str::to_owned)
}

/// The rustc-like form; `source` is the text of the diagnostic's line, when it can be read.
pub fn human(d: &Diagnostic, source: Option<&str>) -> String {
    let mut out = format!("{}: {}\n", level(d.severity), d.message);
    let path = display_path(&d.path);
    let Some(line) = d.line else {
        let _ = writeln!(out, " --> {path}\n");
        return out;
    };
    let width = line.to_string().len();
    let pad = " ".repeat(width);
    let column = d.column.map(|c| format!(":{c}")).unwrap_or_default();
    let _ = writeln!(out, "{pad}--> {path}:{line}{column}");
    if let Some(text) = source {
        // Tabs shown as one space each, so the caret stays under its character.
        let shown = text.replace('\t', " ");
        let marker = match d.column {
            Some(c) => format!("{}^", " ".repeat(c.saturating_sub(1))),
            None => {
                let indent = shown.len() - shown.trim_start().len();
                format!(
                    "{}{}",
                    &shown[..indent],
                    "^".repeat(shown.trim().chars().count().max(1))
                )
            }
        };
        let _ = write!(out, "{pad} |\n{line} | {shown}\n{pad} | {marker}\n");
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    message: &'a str,
}

/// One JSON object on one line.
pub fn json(d: &Diagnostic) -> String {
    let object = JsonDiagnostic {
        file: display_path(&d.path),
        line: d.line,
        column: d.column,
        severity: level(d.severity),
        message: &d.message,
    };
    let mut out = serde_json::to_string(&object).unwrap_or_default();
    out.push('\n');
    out
}

/// A GitHub Actions workflow command (`::error`, `::warning`, `::notice`).
pub fn github(d: &Diagnostic) -> String {
    let command = match d.severity {
        Severity::Note => "notice",
        Severity::Warning => "warning",
        Severity::Error => "error",
    };
    let mut out = format!(
        "::{command} file={}",
        escape_property(&display_path(&d.path))
    );
    if let Some(line) = d.line {
        let _ = write!(out, ",line={line}");
        if let Some(column) = d.column {
            let _ = write!(out, ",col={column}");
        }
    }
    let _ = writeln!(out, "::{}", escape_data(&d.message));
    out
}

/// The message of a workflow command: `%`, CR and LF escaped as GitHub reads them back.
fn escape_data(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A property value of a workflow command: also `:` and `,`, which end it.
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broken() -> Diagnostic {
        Diagnostic::error("content/a.md", Some(12), "broken link '/x.md'").with_column(Some(5))
    }

    #[test]
    fn human_shows_the_line_and_a_caret_under_the_column() {
        assert_eq!(
            human(&broken(), Some("See [x](/x.md).")),
            "error: broken link '/x.md'\n  --> content/a.md:12:5\n   |\n12 | See [x](/x.md).\n   |     ^\n\n"
        );
        let whole = Diagnostic::warning("content/a.md", Some(3), "w");
        assert_eq!(
            human(&whole, Some("  ab cd")),
            "warning: w\n --> content/a.md:3\n  |\n3 |   ab cd\n  |   ^^^^^\n\n"
        );
        let file = Diagnostic::warning("content/a.md", None, "no description");
        assert_eq!(
            human(&file, None),
            "warning: no description\n --> content/a.md\n\n"
        );
    }

    #[test]
    fn json_is_one_object_per_line() {
        assert_eq!(
            json(&broken()),
            "{\"file\":\"content/a.md\",\"line\":12,\"column\":5,\"severity\":\"error\",\"message\":\"broken link '/x.md'\"}\n"
        );
    }

    #[test]
    fn github_commands_escape_what_would_end_them() {
        assert_eq!(
            github(&broken()),
            "::error file=content/a.md,line=12,col=5::broken link '/x.md'\n"
        );
        let odd = Diagnostic::note("content/a,b:c.md", None, "100% sure\nnext");
        assert_eq!(
            github(&odd),
            "::notice file=content/a%2Cb%3Ac.md::100%25 sure%0Anext\n"
        );
    }
}

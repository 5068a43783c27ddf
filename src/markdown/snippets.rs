//! `pymdownx.snippets`: `--8<-- "file"` lines replaced by the text of a file, before any other
//! markdown step (in code blocks too, as MkDocs does). A line holding only `--8<--` opens a
//! list of files, one a line, closed by another such line; `file:3:5` takes lines 3 to 5
//! (`-2` counts from the end, `a:b,c:d` several ranges), `file:name` the lines between
//! `--8<-- [start:name]` and `--8<-- [end:name]`; a leading `;` leaves a line as written (less
//! the `;`). `auto_append` files are added at the end of every page.
//!
//! Files are read only from inside the `base_path` folders, after resolving symlinks, and
//! URLs are never fetched. Every line of the result remembers where it came from, so that
//! diagnostics name the snippet's file and line, and every file read is listed for the build
//! cache.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;

use syntax::{
    Select, common_indent, cut_indent, is_marker, marker_len, section_marker, single, split_spec,
    unescape_marker,
};

/// `pymdownx.snippets` options, with paths already resolved against the site folder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// The site folder, to show snippet paths relative to it.
    pub root: PathBuf,
    /// Where snippets are looked for, in order (`base_path`).
    pub base_paths: Vec<PathBuf>,
    /// Files added at the end of every page (`auto_append`).
    pub auto_append: Vec<String>,
    /// A missing snippet is an error, not a warning (`check_paths`).
    pub check_paths: bool,
    /// Line ranges and sections lose their common indentation (`dedent_subsections`).
    pub dedent_subsections: bool,
}

/// Where a line of the expanded text came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Origin {
    /// The page's own line index (0-based in the body) that holds it or includes it.
    pub page_index: usize,
    /// The snippet file (index into [`Expanded::files`]) and its 1-based line, for included
    /// text.
    pub snippet: Option<(usize, usize)>,
}

/// A page body with its snippets put in.
#[derive(Debug, Default)]
pub struct Expanded {
    pub text: String,
    /// One per line of `text`.
    pub origins: Vec<Origin>,
    /// Every snippet file read, resolved.
    pub files: Vec<PathBuf>,
    /// The same, as shown in messages (relative to the site folder).
    shown: Vec<PathBuf>,
    pub diagnostics: Vec<Diagnostic>,
}

impl Expanded {
    /// The page line that holds or includes line `line` of the expanded text.
    pub fn page_line(&self, line: usize, body_line: usize) -> usize {
        line.checked_sub(body_line)
            .and_then(|i| self.origins.get(i))
            .map_or(line, |o| body_line + o.page_index)
    }

    /// Points diagnostics about the expanded text at the page or snippet line they are about.
    pub fn relocate(&self, diagnostics: &mut [Diagnostic], body_line: usize, page: &Path) {
        for d in diagnostics.iter_mut().filter(|d| d.path == page) {
            let Some(line) = d.line else { continue };
            let origin = line
                .checked_sub(body_line)
                .and_then(|i| self.origins.get(i));
            match origin {
                Some(Origin {
                    snippet: Some((f, at)),
                    ..
                }) => {
                    d.path = self.shown[*f].clone();
                    d.line = Some(*at);
                }
                Some(o) => d.line = Some(body_line + o.page_index),
                None => {}
            }
        }
    }
}

/// The body with its snippets put in, or `None` when it has none (and nothing is appended).
pub fn expand(body: &str, body_line: usize, page: &Path, settings: &Settings) -> Option<Expanded> {
    if !body.contains("8<-") && settings.auto_append.is_empty() {
        return None;
    }
    let mut run = Run {
        settings,
        page,
        body_line,
        out: Expanded::default(),
        stack: Vec::new(),
    };
    let lines: Vec<&str> = body.split_inclusive('\n').collect();
    run.lines(&lines, None, "", 0);
    if !run.out.text.is_empty() && !run.out.text.ends_with('\n') {
        run.out.text.push('\n');
    }
    let last = lines.len().saturating_sub(1);
    for name in &settings.auto_append {
        // Each appended file starts a block of its own.
        let end = Place {
            page_index: last,
            snippet: None,
        };
        run.push("", end);
        run.include(
            name,
            "",
            Place {
                page_index: last,
                snippet: None,
            },
        );
    }
    Some(run.out)
}

/// Where an include is written: a page line, or a line of a snippet being read.
type Place = Origin;

struct Run<'a> {
    settings: &'a Settings,
    page: &'a Path,
    body_line: usize,
    out: Expanded,
    /// The snippet files being read, outermost first (loops are refused).
    stack: Vec<PathBuf>,
}

impl Run<'_> {
    /// Copies `lines` (of the page when `file` is `None`, else of snippet `file`, whose first
    /// line is `first`), putting snippets in; `indent` goes before every line written.
    fn lines(&mut self, lines: &[&str], file: Option<usize>, indent: &str, first: usize) {
        // Inside a `--8<--` list: the list's indentation.
        let mut list: Option<String> = None;
        for (i, line) in lines.iter().enumerate() {
            // Snippet lines take the page line of their outermost include afterwards.
            let place = Place {
                page_index: if file.is_none() { i } else { 0 },
                snippet: file.map(|f| (f, first + i)),
            };
            let content = line.trim_end_matches(['\n', '\r']);
            let stripped = content.trim_start_matches([' ', '\t']);
            let own_indent = &content[..content.len() - stripped.len()];
            if let Some(list_indent) = &list {
                if is_marker(stripped.trim_end()) {
                    list = None;
                } else if !stripped.trim().is_empty() && !stripped.starts_with(';') {
                    let list_indent = list_indent.clone();
                    self.include(stripped.trim(), &format!("{indent}{list_indent}"), place);
                }
                continue;
            }
            if let Some(rest) = stripped.strip_prefix(';')
                && marker_len(rest).is_some()
            {
                self.push(&format!("{indent}{own_indent}{rest}"), place);
                continue;
            }
            if is_marker(stripped.trim_end()) {
                list = Some(own_indent.to_owned());
                continue;
            }
            if let Some(name) = single(stripped) {
                if !name.starts_with(';') {
                    self.include(name, &format!("{indent}{own_indent}"), place);
                }
                continue;
            }
            match content.trim().is_empty() {
                true => self.push("", place),
                false => self.push(&format!("{indent}{content}"), place),
            }
        }
    }

    fn push(&mut self, line: &str, place: Place) {
        self.out.text.push_str(line);
        self.out.text.push('\n');
        self.out.origins.push(place);
    }

    fn report(&mut self, place: Place, error: bool, message: String) {
        let (path, line) = match place.snippet {
            Some((f, line)) => (self.out.shown[f].clone(), line),
            None => (self.page.to_path_buf(), self.body_line + place.page_index),
        };
        let d = if error {
            Diagnostic::error(path, Some(line), message)
        } else {
            Diagnostic::warning(path, Some(line), message)
        };
        self.out.diagnostics.push(d);
    }

    /// A snippet path as authors know it: relative to the site folder.
    fn shown(&self, path: &Path) -> PathBuf {
        let root = &self.settings.root;
        path.strip_prefix(root).unwrap_or(path).to_path_buf()
    }

    /// Puts in the snippet `spec` (`file`, `file:3:5`, `file:name`), written at `place`.
    fn include(&mut self, spec: &str, indent: &str, place: Place) {
        let lower = spec.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let message = format!(
                "snippet '{spec}' is a URL: answerbook never downloads snippets; save it under a base_path folder"
            );
            self.report(place, self.settings.check_paths, message);
            return;
        }
        let (name, select) = split_spec(spec);
        let path = match self.find(name) {
            Ok(Some(path)) => path,
            Ok(None) => {
                let folders = self.folders();
                let message = format!("snippet '{name}' is not in {folders}");
                self.report(place, self.settings.check_paths, message);
                return;
            }
            Err(message) => {
                self.report(place, true, message);
                return;
            }
        };
        if self.stack.contains(&path) {
            let message = format!("snippet '{name}' includes itself; it is left out there");
            self.report(place, false, message);
            return;
        }
        let text = match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => text,
            _ => {
                let message = format!("snippet '{name}' could not be read as UTF-8 text");
                self.report(place, true, message);
                return;
            }
        };
        let index = match self.out.files.iter().position(|f| *f == path) {
            Some(i) => i,
            None => {
                self.out.shown.push(self.shown(&path));
                self.out.files.push(path.clone());
                self.out.files.len() - 1
            }
        };
        // Split as pymdownx does: a file ending in a newline has an empty last line, which
        // counts for negative line numbers and ends a whole included file with a blank line.
        let all: Vec<&str> = text.split('\n').collect();
        let chosen = select.lines(&all);
        let dedent = self.settings.dedent_subsections && !matches!(select, Select::All);
        let common = if dedent { common_indent(&chosen) } else { 0 };
        self.stack.push(path);
        let at_page = place.page_index;
        for (first, run) in chosen {
            let run: Vec<String> = run
                .iter()
                .filter(|l| section_marker(l).is_none())
                .map(|l| unescape_marker(&cut_indent(l, common)))
                .collect();
            let refs: Vec<&str> = run.iter().map(String::as_str).collect();
            let before = self.out.origins.len();
            self.lines(&refs, Some(index), indent, first);
            for o in &mut self.out.origins[before..] {
                o.page_index = at_page;
            }
        }
        self.stack.pop();
    }

    /// `base_path` folders, for a message.
    fn folders(&self) -> String {
        let shown: Vec<String> = self
            .settings
            .base_paths
            .iter()
            .map(|b| crate::diagnostics::display_path(&self.shown(b)))
            .map(|b| if b.is_empty() { ".".to_owned() } else { b })
            .collect();
        format!("the snippet folders ({})", shown.join(", "))
    }

    /// The file `name` names in the first base path that has it, resolved; an error when it
    /// resolves outside every base path.
    fn find(&self, name: &str) -> Result<Option<PathBuf>, String> {
        let mut outside = false;
        for base in &self.settings.base_paths {
            let Ok(base) = base.canonicalize() else {
                continue;
            };
            if base.is_file() {
                if base.file_name().is_some_and(|f| f == name) {
                    return Ok(Some(base));
                }
                continue;
            }
            let Ok(found) = base.join(name).canonicalize() else {
                continue;
            };
            if !found.starts_with(&base) {
                outside = true;
                continue;
            }
            if found.is_file() {
                return Ok(Some(found));
            }
        }
        if outside {
            return Err(format!(
                "snippet '{name}' leads outside {}: it is not read",
                self.folders()
            ));
        }
        Ok(None)
    }
}

mod syntax;
#[cfg(test)]
mod tests;

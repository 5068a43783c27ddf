//! Walking a source folder (`content/`, a theme's `static/`) for what a build may publish: the
//! one place that decides which symlinks are followed and which file names are refused.
//!
//! A symlink is followed when it resolves inside the site folder (or the walked folder), or
//! anywhere when the site opts in (`follow_symlinks: true`); one leading outside is skipped with
//! a warning, so `content/leak.md -> /etc/passwd` is never published by accident. A symlink into
//! the output folder, or one that loops, is an error; a dangling one a warning. Hidden entries
//! (`.git`, `.DS_Store`) are skipped. Names with control characters, or that are not UTF-8,
//! are errors: no URL could name them.

use std::collections::HashSet;
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::Stat;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::output::real_path;

/// Where symlinks may lead.
#[derive(Debug, Clone)]
pub struct Policy {
    /// The site folder, canonical: symlinks resolving inside it are followed.
    pub site_dir: PathBuf,
    /// The output folder, canonical (it need not exist yet): symlinks into it are errors.
    pub out_dir: PathBuf,
    /// Follow symlinks that lead outside the site folder too.
    pub follow_outside: bool,
    /// Appended to the warning about a symlink leading outside, when the user can opt in.
    pub opt_in_hint: Option<String>,
}

impl Policy {
    pub fn new(site_dir: &Path, out_dir: &Path, follow_outside: bool) -> Result<Policy> {
        Ok(Policy {
            site_dir: real_path(site_dir)?,
            out_dir: real_path(out_dir)?,
            follow_outside,
            opt_in_hint: None,
        })
    }
}

/// A file found by the walk.
#[derive(Debug, Clone)]
pub struct Found {
    /// Path below the walked folder.
    pub rel_path: PathBuf,
    /// Where to read it (through the symlink, if it came through one).
    pub abs_path: PathBuf,
    /// A markdown file's stat, taken by the walk from its folder's entry (not for a file
    /// reached through a symlink, nor when the entry could not say).
    pub stat: Option<Stat>,
}

/// Everything found below `root`, depth first and sorted by name so builds are reproducible,
/// with a diagnostic for each entry left out. `display_root` names `root` in messages
/// (`content`, `docs`, `themes/x/static`). A missing `root` holds nothing. Folders are read,
/// and files stated, in parallel; the order is the same.
pub fn walk(
    root: &Path,
    display_root: &Path,
    policy: &Policy,
) -> Result<(Vec<Found>, Vec<Diagnostic>)> {
    if !root.is_dir() {
        return Ok((Vec::new(), Vec::new()));
    }
    let root_real = real_path(root)?;
    let walker = Walker {
        policy,
        display_root,
        root_real: root_real.clone(),
    };
    let mut part = Part::default();
    walker.visit(root, Path::new(""), &root_real, &mut part)?;
    Ok((part.found, part.diagnostics))
}

struct Walker<'a> {
    policy: &'a Policy,
    display_root: &'a Path,
    /// The walked folder itself, canonical: symlinks into it are followed too.
    root_real: PathBuf,
}

/// What part of a walk found, in walk order.
#[derive(Default)]
struct Part {
    found: Vec<Found>,
    diagnostics: Vec<Diagnostic>,
}

impl Walker<'_> {
    /// Visits folder `dir` (`rel` below the root), whose real location is `real`, adding what
    /// it holds to `part`. Its entries are taken in parallel; the first error, in walk order,
    /// is the one returned.
    fn visit(&self, dir: &Path, rel: &Path, real: &Path, part: &mut Part) -> Result<()> {
        let mut entries = fs::read_dir(dir)
            .and_then(|it| {
                it.map(|entry| entry.map(|e| (e.file_name(), e)))
                    .collect::<std::io::Result<Vec<_>>>()
            })
            .map_err(|e| Error::io(dir, e))?;
        entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
        let parts: Vec<Result<Part>> = entries
            .par_iter()
            .map(|(name, entry)| {
                let mut part = Part::default();
                self.entry(dir, rel, real, (name, entry), &mut part)?;
                Ok(part)
            })
            .collect();
        // Room for them all at once, where appending part after part grew the list (and
        // copied it) again and again: the top folder's list is every file of the site.
        let found = parts.iter().flatten().map(|p| p.found.len()).sum();
        part.found.reserve(found);
        for entry_part in parts {
            let mut entry_part = entry_part?;
            part.found.append(&mut entry_part.found);
            part.diagnostics.append(&mut entry_part.diagnostics);
        }
        Ok(())
    }

    /// One entry of folder `dir` (as [`Walker::visit`] names it).
    fn entry(
        &self,
        dir: &Path,
        rel: &Path,
        real: &Path,
        (name, entry): (&OsStr, &fs::DirEntry),
        part: &mut Part,
    ) -> Result<()> {
        if name.as_encoded_bytes().starts_with(b".") {
            return Ok(());
        }
        let rel_path = joined(rel, name);
        if let Some(problem) = name_problem(name) {
            let shown = self
                .display_root
                .join(rel)
                .join(escaped(&name.to_string_lossy()));
            part.diagnostics
                .push(Diagnostic::error(shown, None, problem));
            return Ok(());
        }
        let path = joined(dir, name);
        let kind = entry.file_type().map_err(|e| Error::io(&path, e))?;
        if kind.is_symlink() {
            self.symlink(path, rel_path, real, part)?;
        } else if kind.is_dir() {
            let real_child = real.join(name);
            if real_child.starts_with(&self.policy.out_dir) {
                let shown = self.display_root.join(&rel_path);
                part.diagnostics.push(Diagnostic::error(
                    shown,
                    None,
                    "this folder is the output folder, reached through a symlink: remove the symlink",
                ));
                return Ok(());
            }
            self.visit(&path, &rel_path, &real_child, part)?;
        } else if kind.is_file() {
            // Asked of the folder by name, not by the whole path: for a file that is not a
            // symlink, what the file's own stat says.
            let stat = is_markdown(&rel_path)
                .then(|| entry.metadata().ok())
                .flatten()
                .map(|meta| Stat::of(&meta));
            part.found.push(Found {
                rel_path,
                abs_path: path,
                stat,
            });
        }
        Ok(())
    }

    /// A symlink at `path`, in the folder whose real location is `real_parent`.
    fn symlink(
        &self,
        path: PathBuf,
        rel_path: PathBuf,
        real_parent: &Path,
        part: &mut Part,
    ) -> Result<()> {
        let shown = self.display_root.join(&rel_path);
        let written = fs::read_link(&path)
            .map(|t| t.display().to_string())
            .unwrap_or_default();
        let target = match fs::canonicalize(&path) {
            Ok(target) => target,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                part.diagnostics.push(Diagnostic::warning(
                    shown,
                    None,
                    format!("symlink to '{written}', which does not exist, is skipped"),
                ));
                return Ok(());
            }
            Err(e) => {
                let message = if is_link_cycle(&path) {
                    "symlink loop: following it comes back to where it started; remove it"
                        .to_owned()
                } else {
                    format!("symlink to '{written}' cannot be followed: {e}")
                };
                part.diagnostics
                    .push(Diagnostic::error(shown, None, message));
                return Ok(());
            }
        };
        let policy = self.policy;
        if target.starts_with(&policy.out_dir) {
            part.diagnostics.push(Diagnostic::error(
                shown,
                None,
                format!(
                    "symlink into the output folder ({}) is not followed: the site would publish its own output; remove it",
                    target.display()
                ),
            ));
            return Ok(());
        }
        let is_dir = target.is_dir();
        if is_dir && real_parent.starts_with(&target) {
            part.diagnostics.push(Diagnostic::error(
                shown,
                None,
                format!(
                    "symlink loop: it leads to {}, a folder that holds it; remove it",
                    target.display()
                ),
            ));
            return Ok(());
        }
        let inside = target.starts_with(&policy.site_dir) || target.starts_with(&self.root_real);
        if !policy.follow_outside && !inside {
            let mut message = format!(
                "symlink to a path outside the site folder is not followed: {}",
                target.display()
            );
            if let Some(hint) = &policy.opt_in_hint {
                message.push_str("; ");
                message.push_str(hint);
            }
            part.diagnostics
                .push(Diagnostic::warning(shown, None, message));
            return Ok(());
        }
        if is_dir {
            self.visit(&path, &rel_path, &target, part)
        } else {
            if target.is_file() {
                part.found.push(Found {
                    rel_path,
                    abs_path: path,
                    stat: None,
                });
            }
            Ok(())
        }
    }
}

/// `dir.join(name)`, made at its final size (a join grows the copy of `dir` it pushes onto:
/// two allocations for every file of the walk).
pub fn joined(dir: &Path, name: impl AsRef<std::ffi::OsStr>) -> PathBuf {
    let name = name.as_ref();
    let mut path = PathBuf::with_capacity(dir.as_os_str().len() + 1 + name.len());
    path.push(dir);
    path.push(name);
    path
}

/// The last component of `rel_path` as bytes, when it is a plain name after the last `/`
/// (nearly every path): what [`Path::file_name`] says, without taking the path apart (which
/// costs more than the rest of what a rebuild does with most pages' paths).
pub fn plain_name(rel_path: &Path) -> Option<&[u8]> {
    let bytes = rel_path.as_os_str().as_encoded_bytes();
    let name = memchr::memrchr(b'/', bytes).map_or(bytes, |i| &bytes[i + 1..]);
    (cfg!(unix) && !matches!(name, b"" | b"." | b"..")).then_some(name)
}

/// Whether a file found by the walk is a markdown page: its extension is `md`.
pub fn is_markdown(rel_path: &Path) -> bool {
    match plain_name(rel_path) {
        // `x.md`, not `.md` (a name that only starts with a dot has no extension).
        Some(name) => name.len() > 3 && name.ends_with(b".md"),
        None => rel_path.extension().is_some_and(|ext| ext == "md"),
    }
}

/// Why a file or folder name cannot be published, if it cannot.
fn name_problem(name: &std::ffi::OsStr) -> Option<String> {
    let Some(name) = name.to_str() else {
        return Some("the name is not valid UTF-8: rename it".to_owned());
    };
    // Printable ASCII (nearly every name) holds none.
    if name.bytes().all(|b| (0x20..0x7f).contains(&b)) {
        return None;
    }
    name.chars().find(|c| c.is_control()).map(|c| {
        format!(
            "the name holds a control character ({}): rename it",
            c.escape_default()
        )
    })
}

/// A name as it can be shown on one line: control characters escaped (`a\nb.md`).
fn escaped(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_control() {
                c.escape_default().to_string()
            } else {
                c.to_string()
            }
        })
        .collect()
}

/// Whether following `start` from link to link comes back to a link already seen.
fn is_link_cycle(start: &Path) -> bool {
    let mut seen = HashSet::new();
    let mut current = start.to_path_buf();
    for _ in 0..64 {
        let Ok(target) = fs::read_link(&current) else {
            return false;
        };
        if !seen.insert(current.clone()) {
            return true;
        }
        current = current.parent().unwrap_or(Path::new("")).join(target);
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_names_and_markdown_agree_with_the_components() {
        let pieces = ["a", "/", ".", "..", "md", ".md", "x.md", "//"];
        for text in crate::test_text::generated(&pieces, 5000, 6) {
            let path = Path::new(&text);
            if let Some(name) = plain_name(path) {
                assert_eq!(Some(name), path.file_name().map(|n| n.as_encoded_bytes()));
            }
            let by_components = path.extension().is_some_and(|ext| ext == "md");
            assert_eq!(is_markdown(path), by_components, "{text:?}");
        }
        assert!(is_markdown(Path::new("a/b.md")));
    }

    #[test]
    fn names_with_control_characters_are_refused_and_shown_escaped() {
        assert_eq!(name_problem("a b#%?é.md".as_ref()), None);
        assert_eq!(
            name_problem("a\nb.md".as_ref()).as_deref(),
            Some("the name holds a control character (\\n): rename it")
        );
        assert!(name_problem("a\u{1}b".as_ref()).is_some());
        assert!(name_problem("a\u{7f}b".as_ref()).is_some());
        assert!(name_problem("a\u{85}b".as_ref()).is_some());
        assert_eq!(name_problem("plain name~!.md".as_ref()), None);
        assert_eq!(escaped("a\nb\u{1}.md"), "a\\nb\\u{1}.md");
    }
}

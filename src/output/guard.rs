//! Which folder a build may replace. Runs before anything is written: a build replaces only a
//! folder that does not exist yet, is empty, or carries the mark answerbook leaves in every
//! folder it writes ([`MARKER`]); `--force` lifts that last rule, never the others. Paths are
//! compared after resolving symlinks, so no spelling of a path reaches a folder it protects.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, Result};

/// The file that marks a folder as answerbook's output. Hidden, so it never shows up in
/// listings, the sitemap or a content walk.
pub const MARKER: &str = ".answerbook-output";

/// What the marker file says, for anyone who finds it.
pub(super) const MARKER_TEXT: &str = "This folder was written by answerbook. Each build replaces it \
whole, so files put here by hand do not last.\n";

/// The folders a build must never replace, resolved.
#[derive(Debug, Clone)]
pub(super) struct Protected {
    pub(super) site: PathBuf,
    pub(super) content: PathBuf,
    pub(super) themes: PathBuf,
    pub(super) home: Option<PathBuf>,
}

/// What the output folder holds today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum State {
    Missing,
    NotAFolder,
    Empty,
    /// Written by answerbook before (it has the marker).
    Marked,
    /// Holds files answerbook did not write.
    Foreign,
    /// Holds a `.git` (a repository, or a worktree of one).
    Repository,
}

/// Why a folder is refused.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Refusal {
    /// Never replaced, whatever the flags.
    Never(String),
    /// Replaced only with `--force`.
    NotOurs,
}

/// Checks that the build may replace `out`, and returns its real path (symlinks resolved),
/// where the build then writes. `shown` is `out` as the user wrote it, for messages.
pub fn check_target(
    site_dir: &Path,
    content_dir: &Path,
    out: &Path,
    force: bool,
) -> Result<PathBuf> {
    let protected = Protected {
        site: real_path(site_dir)?,
        content: real_path(content_dir)?,
        themes: real_path(&site_dir.join("themes"))?,
        home: std::env::var_os("HOME")
            .filter(|h| !h.is_empty())
            .map(PathBuf::from)
            .and_then(|h| h.canonicalize().ok()),
    };
    let target = real_path(out)?;
    let state = state_of(&target)?;
    match decide(&protected, &target, state, force) {
        None => Ok(target),
        Some(Refusal::Never(why)) => Err(Error::Usage(format!(
            "refusing to write the site to {}: {why}",
            out.display()
        ))),
        Some(Refusal::NotOurs) => Err(Error::Unsafe(format!(
            "refusing to replace {}: it is not empty and answerbook did not write it (it has no \
             {MARKER} file); choose another folder with --out, empty it, or pass --force to \
             replace everything in it",
            out.display()
        ))),
    }
}

/// The rules, on resolved paths: pure, so every case can be tested without a file system
/// that a mistake could harm.
pub(super) fn decide(p: &Protected, target: &Path, state: State, force: bool) -> Option<Refusal> {
    let never = |why: &str| Some(Refusal::Never(why.to_owned()));
    if target.parent().is_none() {
        return never("it is the root folder");
    }
    if let Some(home) = &p.home {
        if target == home {
            return never("it is your home folder");
        }
        if home.starts_with(target) {
            return never("it contains your home folder");
        }
    }
    if p.site.starts_with(target) {
        return never("it is (or contains) the site folder");
    }
    if target.starts_with(&p.content) {
        return never("it is inside content/");
    }
    if p.content.starts_with(target) {
        return never("it contains the content folder");
    }
    if target.starts_with(&p.themes) {
        return never("it is inside themes/");
    }
    if p.themes.starts_with(target) {
        return never("it contains themes/");
    }
    if target
        .components()
        .any(|c| c == Component::Normal(".git".as_ref()))
    {
        return never("it is inside a .git folder");
    }
    match state {
        State::NotAFolder => never("it exists and is not a folder"),
        State::Repository => never("it holds a .git folder (a repository)"),
        State::Foreign if !force => Some(Refusal::NotOurs),
        _ => None,
    }
}

/// What `target` (resolved) holds today.
pub(super) fn state_of(target: &Path) -> Result<State> {
    let meta = match fs::metadata(target) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(State::Missing),
        Err(e) => return Err(Error::io(target, e)),
    };
    if !meta.is_dir() {
        return Ok(State::NotAFolder);
    }
    if fs::symlink_metadata(target.join(".git")).is_ok() {
        return Ok(State::Repository);
    }
    if fs::symlink_metadata(target.join(MARKER)).is_ok_and(|m| m.is_file()) {
        return Ok(State::Marked);
    }
    let mut entries = fs::read_dir(target).map_err(|e| Error::io(target, e))?;
    Ok(if entries.next().is_none() {
        State::Empty
    } else {
        State::Foreign
    })
}

/// The absolute path with every symlink resolved, even when its last parts do not exist yet.
pub fn real_path(path: &Path) -> Result<PathBuf> {
    let absolute = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map_err(|e| Error::io(".", e))?
            .join(path)
    };
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        match existing.canonicalize() {
            Ok(real) => {
                let mut out = real;
                for part in rest.iter().rev() {
                    match part {
                        Component::ParentDir => {
                            out.pop();
                        }
                        Component::CurDir => {}
                        other => out.push(other),
                    }
                }
                return Ok(out);
            }
            Err(_) => {
                let Some(parent) = existing.parent() else {
                    return Ok(absolute);
                };
                if let Some(last) = existing.components().next_back() {
                    rest.push(last);
                }
                existing = parent;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn protected() -> Protected {
        Protected {
            site: "/srv/kb".into(),
            content: "/srv/kb/content".into(),
            themes: "/srv/kb/themes".into(),
            home: Some("/home/ada".into()),
        }
    }

    fn never(target: &str, state: State) -> String {
        for force in [false, true] {
            match decide(&protected(), Path::new(target), state, force) {
                Some(Refusal::Never(why)) => {
                    if force {
                        return why;
                    }
                }
                other => panic!("{target} (force {force}): {other:?}"),
            }
        }
        unreachable!()
    }

    #[test]
    fn the_root_the_home_folder_and_their_parents_are_never_replaced() {
        assert_eq!(never("/", State::Foreign), "it is the root folder");
        assert_eq!(never("/home/ada", State::Foreign), "it is your home folder");
        assert_eq!(
            never("/home", State::Foreign),
            "it contains your home folder"
        );
    }

    #[test]
    fn the_sources_are_never_replaced() {
        let site = "it is (or contains) the site folder";
        assert_eq!(never("/srv/kb", State::Marked), site);
        assert_eq!(never("/srv", State::Empty), site);
        assert_eq!(
            never("/srv/kb/content", State::Marked),
            "it is inside content/"
        );
        assert_eq!(
            never("/srv/kb/content/a/new", State::Missing),
            "it is inside content/"
        );
        assert_eq!(
            never("/srv/kb/themes", State::Marked),
            "it is inside themes/"
        );
        assert_eq!(
            never("/srv/kb/.git", State::Marked),
            "it is inside a .git folder"
        );
        assert_eq!(
            never("/srv/kb/x/.git/y", State::Missing),
            "it is inside a .git folder"
        );
        assert_eq!(
            never("/srv/www", State::Repository),
            "it holds a .git folder (a repository)"
        );
    }

    #[test]
    fn sources_reached_through_symlinks_are_protected_by_their_real_place() {
        let p = Protected {
            content: "/data/real-kb".into(),
            themes: "/data/themes".into(),
            ..protected()
        };
        let why = |t: &str| decide(&p, Path::new(t), State::Marked, true);
        assert_eq!(
            why("/data"),
            Some(Refusal::Never("it contains the content folder".into()))
        );
        assert_eq!(
            why("/data/real-kb/x"),
            Some(Refusal::Never("it is inside content/".into()))
        );
        assert_eq!(
            why("/data/themes/x"),
            Some(Refusal::Never("it is inside themes/".into()))
        );
        assert_eq!(why("/data/other"), None);
    }

    #[test]
    fn a_folder_answerbook_did_not_write_needs_force() {
        let p = protected();
        let out = Path::new("/srv/kb/public");
        assert_eq!(
            decide(&p, out, State::Foreign, false),
            Some(Refusal::NotOurs)
        );
        assert_eq!(decide(&p, out, State::Foreign, true), None);
        for state in [State::Missing, State::Empty, State::Marked] {
            assert_eq!(decide(&p, out, state, false), None, "{state:?}");
        }
        assert_eq!(
            decide(&p, out, State::NotAFolder, true),
            Some(Refusal::Never("it exists and is not a folder".into()))
        );
    }
}

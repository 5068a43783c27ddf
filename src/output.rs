//! Writing the site: the only module that touches the output folder.
//!
//! A build writes into a staging folder beside the target and swaps it in only when everything
//! was written; a failed build (or a panic) removes the staging folder and leaves the previous
//! output exactly as it was.

use std::fs;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Refuses output folders that would destroy or swallow the site's sources.
pub fn check_target(site_dir: &Path, content_dir: &Path, out: &Path) -> Result<()> {
    let site = canonical(site_dir)?;
    let content = canonical(content_dir)?;
    let target = canonical(out)?;
    let refuse = |why: &str| {
        Err(Error::Usage(format!(
            "refusing to write the site to {}: {why}",
            out.display()
        )))
    };
    if target == site || site.starts_with(&target) {
        return refuse("it is (or contains) the site folder");
    }
    if target.starts_with(&content) {
        return refuse("it is inside content/");
    }
    if out.exists() && !out.is_dir() {
        return refuse("it exists and is not a folder");
    }
    Ok(())
}

/// The absolute, normalised form of `path`, even when its last parts do not exist yet.
fn canonical(path: &Path) -> Result<PathBuf> {
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
                        std::path::Component::ParentDir => {
                            out.pop();
                        }
                        std::path::Component::CurDir => {}
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

/// A folder being filled with a new build.
#[derive(Debug)]
pub struct Staging {
    target: PathBuf,
    dir: PathBuf,
    committed: bool,
}

impl Staging {
    /// Creates an empty staging folder next to `target`.
    pub fn create(target: &Path) -> Result<Staging> {
        let parent = match target.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(|e| Error::io(&parent, e))?;
        let name = target
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let dir = parent.join(format!(".{name}.answerbook-new-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).map_err(|e| Error::io(&dir, e))?;
        }
        fs::create_dir(&dir).map_err(|e| Error::io(&dir, e))?;
        Ok(Staging {
            target: target.to_path_buf(),
            dir,
            committed: false,
        })
    }

    /// Writes one file at `rel` (a site path with `/`), creating its folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<()> {
        let path = self.path_of(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::write(&path, bytes).map_err(|e| Error::io(&path, e))
    }

    /// Copies a file into the site at `rel`.
    pub fn copy(&self, rel: &str, from: &Path) -> Result<()> {
        let path = self.path_of(rel)?;
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        fs::copy(from, &path)
            .map(drop)
            .map_err(|e| Error::io(from, e))
    }

    fn path_of(&self, rel: &str) -> Result<PathBuf> {
        let mut path = self.dir.clone();
        for part in rel.split('/') {
            match part {
                "" | "." => {}
                ".." => {
                    return Err(Error::Usage(format!(
                        "output path '{rel}' leaves the output folder"
                    )));
                }
                p => path.push(p),
            }
        }
        Ok(path)
    }

    /// Swaps the staging folder in place of the target, then removes the old output.
    pub fn commit(mut self) -> Result<()> {
        let old = self
            .dir
            .with_file_name(self.dir.file_name().map_or_else(String::new, |n| {
                n.to_string_lossy().replace("-new-", "-old-")
            }));
        let had_old = self.target.exists();
        if had_old {
            fs::rename(&self.target, &old).map_err(|e| Error::io(&self.target, e))?;
        }
        if let Err(e) = fs::rename(&self.dir, &self.target) {
            if had_old {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(Error::io(&self.target, e));
        }
        self.committed = true;
        if had_old {
            fs::remove_dir_all(&old).map_err(|e| Error::io(&old, e))?;
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

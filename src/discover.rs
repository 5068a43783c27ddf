//! Discovery: the files under `content/`, split into markdown pages and files to copy.
//! The first stage of the pipeline and, with `output`, the only one that touches the disk.
//! Which files are walked at all (symlinks, file names) is [`crate::walk`]'s decision.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{self, Stat};
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::walk::{self, Found, Policy};

/// A markdown file read into memory.
#[derive(Debug)]
pub struct SourceFile {
    /// Path under `content/`.
    pub rel_path: PathBuf,
    pub text: String,
}

/// A file published as it is (an image, a download).
#[derive(Debug, Clone)]
pub struct Asset {
    /// Path under `content/`.
    pub rel_path: PathBuf,
    pub abs_path: PathBuf,
}

/// A markdown file found by the walk, in walk order.
#[derive(Debug)]
pub enum PageSource {
    /// To be read (by phase one, [`read_page`], which parses each page as it reads it, so that
    /// the texts of all pages are never held at once), with its file's stat.
    Read {
        rel_path: PathBuf,
        abs_path: PathBuf,
        stat: Stat,
    },
    /// Not read: the build cache knows it unchanged.
    Reused(PathBuf, Stat),
}

#[derive(Debug, Default)]
pub struct Discovered {
    pub pages: Vec<PageSource>,
    pub assets: Vec<Asset>,
    /// Files left out (symlinks not followed, bad names, text that is not UTF-8).
    pub diagnostics: Vec<Diagnostic>,
    /// The walk, when [`Known::keep_walk`] asked for it, and how many entries it left out.
    pub walk: Option<(Vec<Found>, usize)>,
}

/// What the caller already knows of the content folder (`serve`, between two builds).
pub struct Known<'a> {
    /// The folder's files as the last walk found them, still true: no walk this time.
    pub walk: Option<Vec<Found>>,
    /// A walk of the folder made for this build, with its diagnostics: no other walk, and
    /// its stats are fresh.
    pub walked: Option<(Vec<Found>, Vec<Diagnostic>)>,
    /// Hand back the walk, for the next build.
    pub keep_walk: bool,
    /// The stat of a page's file known without asking the file system, when it is.
    pub stat: &'a (dyn Fn(&Path) -> Option<Stat> + Sync),
    /// Whether a page need not be read (by path and stat).
    pub unchanged: &'a (dyn Fn(&Path, &Stat) -> bool + Sync),
}

/// Walks `content_dir` (named `content_name` in messages) and stats every markdown file (the
/// walk takes most stats from the folders' entries), telling those to read from those `known`
/// says need not be read.
pub fn discover(
    content_dir: &Path,
    content_name: &Path,
    policy: &Policy,
    known: Known<'_>,
) -> Result<Discovered> {
    // A kept walk's stats are as old as it is: only this walk's are taken.
    let (found, diagnostics, fresh) = match (known.walk, known.walked) {
        (Some(found), _) => (found, Vec::new(), false),
        (None, Some((found, diagnostics))) => (found, diagnostics, true),
        (None, None) => {
            let (found, diagnostics) = walk::walk(content_dir, content_name, policy)?;
            (found, diagnostics, true)
        }
    };
    let walk = known.keep_walk.then(|| (found.clone(), diagnostics.len()));
    // Made at full size: nearly every file is a page, and a list grown as it fills is
    // copied again and again.
    let mut markdown = Vec::with_capacity(found.len());
    let mut assets = Vec::new();
    for f in found {
        match walk::is_markdown(&f.rel_path) {
            true => markdown.push(f),
            false => assets.push(f),
        }
    }
    let pages = markdown
        .into_par_iter()
        .map(|f| {
            if let Some(stat) = (known.stat)(&f.rel_path) {
                return Ok(PageSource::Reused(f.rel_path, stat));
            }
            let stat = match f.stat.filter(|_| fresh) {
                Some(stat) => stat,
                None => {
                    let meta =
                        std::fs::metadata(&f.abs_path).map_err(|e| Error::io(&f.abs_path, e))?;
                    Stat::of(&meta)
                }
            };
            let unchanged = known.unchanged;
            if unchanged(&f.rel_path, &stat) {
                return Ok(PageSource::Reused(f.rel_path, stat));
            }
            Ok(PageSource::Read {
                rel_path: f.rel_path,
                abs_path: f.abs_path,
                stat,
            })
        })
        .collect::<Vec<Result<_>>>();
    let pages = crate::error::all_ok(pages)?;
    let assets = assets
        .into_iter()
        .map(|f| Asset {
            rel_path: f.rel_path,
            abs_path: f.abs_path,
        })
        .collect();
    Ok(Discovered {
        pages,
        assets,
        diagnostics,
        walk,
    })
}

/// A markdown file's text and the hash of its bytes; a diagnostic when it is not UTF-8 (every
/// such file is reported, not only the first).
pub fn read_page(
    rel_path: PathBuf,
    abs_path: &Path,
    stat: &Stat,
    content_name: &Path,
) -> Result<std::result::Result<(SourceFile, u64), Diagnostic>> {
    let bytes =
        crate::read::known_length(abs_path, stat.len).map_err(|e| Error::io(abs_path, e))?;
    let hash = cache::hash_bytes(&bytes);
    Ok(match String::from_utf8(bytes) {
        Ok(text) => Ok((SourceFile { rel_path, text }, hash)),
        Err(e) => Err(not_utf8(&content_name.join(&rel_path), e.as_bytes())),
    })
}

/// The error for a markdown file that is not UTF-8, on the line of its first bad byte.
fn not_utf8(display_path: &Path, bytes: &[u8]) -> Diagnostic {
    let valid = std::str::from_utf8(bytes).map_or_else(|e| e.valid_up_to(), |_| bytes.len());
    let before = &bytes[..valid];
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    let column = 1 + String::from_utf8_lossy(
        &before[before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1)..],
    )
    .chars()
    .count();
    Diagnostic::error(
        display_path,
        Some(line),
        "this file is not valid UTF-8 text: save it as UTF-8",
    )
    .with_column(Some(column))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bad_byte_is_located_by_line_and_column() {
        let d = not_utf8(Path::new("content/a.md"), b"# T\n\nca\xe9 au lait\n\xff\n");
        assert_eq!(
            d.to_string(),
            "content/a.md:3:3: error: this file is not valid UTF-8 text: save it as UTF-8"
        );
    }
}

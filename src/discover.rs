//! Discovery: the files under `content/`, split into markdown pages and files to copy.
//! The first stage of the pipeline and, with `output`, the only one that touches the disk.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use walkdir::WalkDir;

use crate::error::{Error, Result};

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

#[derive(Debug, Default)]
pub struct Discovered {
    pub pages: Vec<SourceFile>,
    pub assets: Vec<Asset>,
}

/// Walks `content_dir` (hidden files and folders skipped), sorted so builds are reproducible,
/// and reads every markdown file in parallel.
pub fn discover(content_dir: &Path) -> Result<Discovered> {
    let mut markdown = Vec::new();
    let mut assets = Vec::new();
    let walker = WalkDir::new(content_dir)
        .follow_links(true)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    for entry in walker {
        let entry = entry.map_err(|e| {
            let path = e
                .path()
                .map_or_else(|| content_dir.to_path_buf(), Path::to_path_buf);
            Error::io(path, e.into())
        })?;
        if !entry.file_type().is_file() {
            continue;
        }
        let rel_path = entry
            .path()
            .strip_prefix(content_dir)
            .unwrap_or(entry.path())
            .to_path_buf();
        if rel_path.extension().is_some_and(|ext| ext == "md") {
            markdown.push((rel_path, entry.into_path()));
        } else {
            assets.push(Asset {
                rel_path,
                abs_path: entry.into_path(),
            });
        }
    }
    let pages = markdown
        .into_par_iter()
        .map(|(rel_path, abs)| {
            let bytes = std::fs::read(&abs).map_err(|e| Error::io(&abs, e))?;
            let text = String::from_utf8(bytes).map_err(|_| {
                Error::io(
                    &abs,
                    std::io::Error::new(std::io::ErrorKind::InvalidData, "not valid UTF-8"),
                )
            })?;
            Ok(SourceFile { rel_path, text })
        })
        .collect::<Result<Vec<_>>>()?;
    Ok(Discovered { pages, assets })
}

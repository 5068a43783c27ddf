//! Writing new sources for an author: `answerbook init` ([`init`]) starts a site, `answerbook
//! new` ([`new_page`]) adds a question to one. Neither is part of a build.
//!
//! Both only ever create: every file is opened with `create_new`, so one that exists (or
//! appears meanwhile) is never replaced, and nothing is ever deleted.

pub mod init;
pub mod new_page;
pub mod prompt;

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// Writes `text` to `path`, creating the folders above it; refuses (exit 1) when `path` exists
/// in any form, even as a dangling symlink, naming it.
fn create_file(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let mut file = match fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(already_exists(path));
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    file.write_all(text.as_bytes())
        .map_err(|e| Error::io(path, e))
}

/// The refusal for a path that is already there.
fn already_exists(path: &Path) -> Error {
    Error::Unsafe(format!(
        "{} already exists: answerbook never overwrites a file; nothing was changed there",
        path.display()
    ))
}

/// `rel` inside the folder `dir` as the user named it, without a leading `./` when that is `.`,
/// so messages name `content/a.md` as build diagnostics do.
fn under(dir: &Path, rel: impl AsRef<Path>) -> PathBuf {
    if dir == Path::new(".") {
        rel.as_ref().to_path_buf()
    } else {
        dir.join(rel)
    }
}

/// Whether anything (a file, a folder, a symlink even if broken) is at `path`.
fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// `text` as a YAML double-quoted scalar. JSON's escapes (`\"`, `\\`, `\n`, `\u0001`) are all
/// valid in YAML's double-quoted style, so the value reads back exactly as it was.
fn yaml_string(text: &str) -> String {
    serde_json::Value::String(text.to_owned()).to_string()
}

/// Today's date (UTC) as `YYYY-MM-DD`, for the `date` of a new page.
fn today() -> String {
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::UTC)
        .date()
        .to_string()
}

/// Replaces each `{{key}}` of a template with its value.
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    values
        .iter()
        .fold(template.to_owned(), |text, (key, value)| {
            text.replace(&format!("{{{{{key}}}}}"), value)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_strings_read_back_as_written() {
        for text in [
            "Plain",
            "C#: \"quotes\", back\\slash, # hash, - dash",
            "tab\tand\nnewline and \u{1} control",
            "ünïcödé and 漢字",
            "yes",
            "null",
            "",
        ] {
            let yaml = format!("value: {}\n", yaml_string(text));
            #[derive(serde::Deserialize)]
            struct V {
                value: String,
            }
            let back: V = crate::yaml::parse(&yaml, Path::new("t.yaml"), 1).unwrap();
            assert_eq!(back.value, text, "{yaml}");
        }
    }

    #[test]
    fn today_is_a_date() {
        let d = today();
        assert!(d.parse::<jiff::civil::Date>().is_ok(), "{d}");
        assert_eq!(d.len(), 10);
    }

    #[test]
    fn create_file_never_replaces_anything() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join("a/b.md");
        create_file(&path, "first").unwrap();
        let err = create_file(&path, "second").unwrap_err().to_string();
        assert!(
            err.starts_with(&format!("{} already exists", path.display())),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "first");
        #[cfg(unix)]
        {
            let link = tmp.path().join("dangling.md");
            std::os::unix::fs::symlink(tmp.path().join("nowhere"), &link).unwrap();
            assert!(create_file(&link, "x").is_err());
            assert!(!tmp.path().join("nowhere").exists());
        }
    }
}

//! What `check --external` learned about each URL, kept for a day in one file beside the output
//! folder (`.public.answerbook-links`), so that a second check within the day asks no server
//! again. The file is versioned JSON, read only when its version matches, written whole to a
//! temporary file renamed over the old one, and safe to delete at any time.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::output::beside;

/// Raised whenever the file's shape changes; a file of another version is ignored.
const VERSION: u32 = 1;

/// How long an answer is trusted, in seconds.
pub(crate) const FRESH_FOR: u64 = 24 * 60 * 60;

/// What a server answered for one URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Answer {
    /// Seconds since 1970 when it was asked.
    pub(crate) checked: u64,
    /// The status of the last answer, after following redirects.
    pub(crate) status: u16,
    /// Where a permanent redirect (301, 308) on the way led: the URL answered last.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) moved_to: Option<String>,
    /// Where a redirect led, when the last answer was not a success.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) ended_at: Option<String>,
}

#[derive(Debug, Default, Serialize, Deserialize)]
pub(crate) struct Links {
    version: u32,
    /// By URL, without its `#fragment`.
    answers: BTreeMap<String, Answer>,
}

/// The links cache of an output folder (its resolved path): `.NAME.answerbook-links` beside it.
pub(crate) fn path_for(target: &Path) -> PathBuf {
    beside::beside(target, "links")
}

impl Links {
    /// The answers in `path` still fresh at `now`; anything else (no file, another version,
    /// a damaged file) is an empty cache.
    pub(crate) fn load(path: &Path, now: u64) -> Links {
        let read = fs::read(path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Links>(&bytes).ok())
            .filter(|links| links.version == VERSION);
        let mut links = read.unwrap_or_default();
        links.version = VERSION;
        links.answers.retain(|_, a| is_fresh(a, now));
        links
    }

    pub(crate) fn get(&self, url: &str) -> Option<&Answer> {
        self.answers.get(url)
    }

    pub(crate) fn insert(&mut self, url: String, answer: Answer) {
        self.answers.insert(url, answer);
    }

    /// Writes the file; a cache that cannot be written is removed, so a stale one is never
    /// read. Only a plain file of that name is ever replaced or removed ([`beside`]).
    pub(crate) fn save(&self, path: &Path) {
        let bytes = serde_json::to_vec(self).map_err(std::io::Error::other);
        if bytes.and_then(|b| beside::replace_file(path, &b)).is_err() {
            beside::remove_file(path);
        }
    }
}

/// Checked within the last day (and not in the future: a clock set back proves nothing).
fn is_fresh(answer: &Answer, now: u64) -> bool {
    answer.checked <= now && now - answer.checked < FRESH_FOR
}

/// Whether an answer may be kept for a day: a definite one. A 429 (slow down) or a 5xx
/// (server trouble) may be gone in a minute, so those are asked again next time.
pub(crate) fn keeps(status: u16) -> bool {
    status != 429 && status < 500
}

#[cfg(test)]
mod tests {
    use super::*;

    fn answer(checked: u64) -> Answer {
        Answer {
            checked,
            status: 404,
            moved_to: None,
            ended_at: None,
        }
    }

    #[test]
    fn answers_last_a_day_and_survive_a_save() {
        let tmp = tempfile::tempdir().unwrap();
        let path = path_for(&tmp.path().join("public"));
        assert!(path.ends_with(".public.answerbook-links"));
        let mut links = Links::load(&path, 1_000_000);
        links.insert("https://a.test/".into(), answer(1_000_000));
        links.insert("https://old.test/".into(), answer(1_000_000 - FRESH_FOR));
        links.save(&path);
        let again = Links::load(&path, 1_000_000 + 10);
        assert_eq!(again.get("https://a.test/"), Some(&answer(1_000_000)));
        assert_eq!(again.get("https://old.test/"), None);
        assert_eq!(
            Links::load(&path, 1_000_000 + FRESH_FOR).get("https://a.test/"),
            None
        );
    }

    #[test]
    fn another_version_or_a_damaged_file_is_no_cache() {
        let tmp = tempfile::tempdir().unwrap();
        let path = tmp.path().join(".public.answerbook-links");
        fs::write(
            &path,
            r#"{"version":999,"answers":{"https://a.test/":{"checked":5,"status":200}}}"#,
        )
        .unwrap();
        assert_eq!(Links::load(&path, 6).get("https://a.test/"), None);
        fs::write(&path, "{not json").unwrap();
        assert_eq!(Links::load(&path, 6).get("https://a.test/"), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_where_the_cache_goes_is_neither_followed_nor_replaced() {
        let tmp = tempfile::tempdir().unwrap();
        let mine = tmp.path().join("notes.json");
        fs::write(&mine, "the user's notes").unwrap();
        let path = path_for(&tmp.path().join("public"));
        std::os::unix::fs::symlink(&mine, &path).unwrap();
        let mut links = Links::load(&path, 1_000_000);
        links.insert("https://a.test/".into(), answer(1_000_000));
        links.save(&path);
        assert!(fs::symlink_metadata(&path).unwrap().is_symlink());
        assert_eq!(fs::read_to_string(&mine).unwrap(), "the user's notes");
        assert_eq!(fs::read_dir(tmp.path()).unwrap().count(), 2);
    }
}

//! Watching the site's sources for `serve` (notify): `content/` (or `docs_dir`) and `themes/`
//! with everything under them, and the site folder itself for `site.yaml`, `mkdocs.yml` (and
//! the YAML files it inherits from) and the creation of `themes/` or the content folder; and
//! the folders `pymdownx.snippets` reads (`base_path`), wherever they are.
//!
//! An editor's save can be several events (a temporary file written, then renamed over the
//! page; or a burst of saves), so after the first event the watcher waits until the events
//! stop for a moment and hands them over as one batch.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use notify::{RecommendedWatcher, RecursiveMode, Watcher};

/// How long the sources must stay still before a rebuild starts.
const QUIET: Duration = Duration::from_millis(15);
/// A rebuild starts at the latest this long after the first event, even if events go on.
const LONGEST: Duration = Duration::from_millis(300);

pub(super) struct Watch {
    site_dir: PathBuf,
    content_dir: PathBuf,
    watcher: RecommendedWatcher,
    events: Receiver<notify::Result<notify::Event>>,
    /// The folders watched with everything under them.
    deep: BTreeSet<PathBuf>,
    /// Snippet folders (`base_path`), watched with everything under them too.
    snippets: Vec<PathBuf>,
}

impl Watch {
    pub(super) fn new(site_dir: &Path, content_dir: &Path) -> notify::Result<Watch> {
        let (tx, events) = mpsc::channel();
        let mut watcher = notify::recommended_watcher(tx)?;
        watcher.watch(site_dir, RecursiveMode::NonRecursive)?;
        let mut watch = Watch {
            site_dir: site_dir.to_path_buf(),
            content_dir: content_dir.to_path_buf(),
            watcher,
            events,
            deep: BTreeSet::new(),
            snippets: Vec::new(),
        };
        watch.watch_folders();
        Ok(watch)
    }

    /// Watches the content folder and `themes/` once they exist (either can be created, or
    /// deleted and made again, while `serve` runs).
    fn watch_folders(&mut self) {
        for dir in self.folders() {
            let exists = dir.is_dir();
            if exists && !self.deep.contains(&dir) {
                if self.watcher.watch(&dir, RecursiveMode::Recursive).is_ok() {
                    self.deep.insert(dir);
                }
            } else if !exists && self.deep.remove(&dir) {
                let _ = self.watcher.unwatch(&dir);
            }
        }
    }

    /// The folders watched with everything under them, when they exist.
    fn folders(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.content_dir.clone(), self.site_dir.join("themes")];
        dirs.extend(self.snippets.iter().cloned());
        dirs
    }

    /// Follows the snippet folders the configuration names (`base_path`).
    pub(super) fn set_snippet_folders(&mut self, dirs: Vec<PathBuf>) {
        if dirs != self.snippets {
            for old in std::mem::take(&mut self.snippets) {
                if !dirs.contains(&old) && self.deep.remove(&old) {
                    let _ = self.watcher.unwatch(&old);
                }
            }
            self.snippets = dirs;
            self.watch_folders();
        }
    }

    /// Follows the content folder when the configuration moved it (`docs_dir`).
    pub(super) fn set_content_dir(&mut self, dir: PathBuf) {
        if dir != self.content_dir {
            if self.deep.remove(&self.content_dir) {
                let _ = self.watcher.unwatch(&self.content_dir);
            }
            self.content_dir = dir;
            self.watch_folders();
        }
    }

    /// Waits for the next batch of changes to the sources; returns the changed paths,
    /// relative to the site folder, or `None` when the watcher has stopped.
    pub(super) fn next(&mut self) -> Option<BTreeSet<PathBuf>> {
        loop {
            let first = self.events.recv().ok()?;
            let started = Instant::now();
            let mut changed = BTreeSet::new();
            self.note(first, &mut changed);
            loop {
                let left = LONGEST.saturating_sub(started.elapsed());
                match self.events.recv_timeout(QUIET.min(left)) {
                    Ok(event) => self.note(event, &mut changed),
                    Err(RecvTimeoutError::Timeout) => break,
                    Err(RecvTimeoutError::Disconnected) => return None,
                }
            }
            // A folder deleted and made again needs a new watch.
            for dir in self.folders() {
                let rel = dir.strip_prefix(&self.site_dir).unwrap_or(&dir);
                if changed.contains(rel) && self.deep.remove(&dir) {
                    let _ = self.watcher.unwatch(&dir);
                }
            }
            self.watch_folders();
            if !changed.is_empty() {
                return Some(changed);
            }
        }
    }

    fn note(&self, event: notify::Result<notify::Event>, changed: &mut BTreeSet<PathBuf>) {
        let Ok(event) = event else {
            // The watcher lost track (e.g. too many events): rebuild to be sure.
            changed.insert(PathBuf::from("."));
            return;
        };
        if event.kind.is_access() {
            return;
        }
        for path in event.paths {
            if self.matters(&path) {
                let rel = path.strip_prefix(&self.site_dir).unwrap_or(&path);
                changed.insert(rel.to_path_buf());
            }
        }
    }

    /// Whether a change to `path` can change the site: not the editor's hidden or backup
    /// files, and in the site folder itself only the sources.
    fn matters(&self, path: &Path) -> bool {
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            return true;
        };
        if name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp") {
            return false;
        }
        if self.snippets.iter().any(|dir| path.starts_with(dir)) {
            // Not inside a hidden folder (`.git`) when a snippet folder is the site folder.
            let rel = path.strip_prefix(&self.site_dir).unwrap_or(path);
            let hidden = rel
                .components()
                .any(|c| c.as_os_str().to_string_lossy().starts_with('.'));
            return !hidden;
        }
        if path.parent() != Some(self.site_dir.as_path()) {
            return true;
        }
        name.ends_with(".yml")
            || name.ends_with(".yaml")
            || name == "themes"
            || self.content_dir.file_name() == Some(name.as_ref())
    }
}

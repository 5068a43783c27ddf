//! Ctrl-C (SIGINT) or SIGTERM in the middle of a build: the unfinished staging folder, the
//! previous output moved aside, and the lock file are removed on the way out, and the output
//! folder is left whole (the old site or the new one, never half of either).
//!
//! Signals are process-wide, so this is the one piece of shared state in answerbook: a list of
//! what to remove, guarded by a mutex that the swap also holds, so a signal never lands between
//! the two halves of a swap.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};

/// What an interrupted build leaves behind, removed if a signal stops it.
static LEFTOVERS: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

/// Set when a signal arrived: writers stop, so the folders can be removed under them.
static INTERRUPTED: AtomicBool = AtomicBool::new(false);

/// Whether a signal is stopping the build.
pub(super) fn interrupted() -> bool {
    INTERRUPTED.load(Ordering::Relaxed)
}

fn leftovers() -> MutexGuard<'static, Vec<PathBuf>> {
    LEFTOVERS.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes `path` (a folder or a file) if the build is interrupted.
pub(super) fn register(path: &Path) {
    leftovers().push(path.to_path_buf());
}

/// `path` is gone or no longer ours to remove.
pub(super) fn unregister(path: &Path) {
    leftovers().retain(|p| p != path);
}

/// Runs `f` (a swap) with signals held off until it is done.
pub(super) fn uninterrupted<R>(f: impl FnOnce() -> R) -> R {
    let _held = leftovers();
    f()
}

/// Installs the handler: from here on SIGINT and SIGTERM remove the leftovers of a build in
/// progress, then exit with 128 + the signal's number, as a shell reports it.
#[cfg(unix)]
pub fn install() {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return; // Without the handler a signal stops the build as before; the next build cleans up.
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            INTERRUPTED.store(true, Ordering::Relaxed);
            let paths = leftovers();
            for path in paths.iter() {
                remove(path);
            }
            if !paths.is_empty() {
                eprintln!("answerbook: interrupted; the unfinished build was removed");
            }
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
pub fn install() {}

/// Removes a folder or file, retrying while other threads are still writing into it.
#[cfg(unix)]
fn remove(path: &Path) {
    for _ in 0..50 {
        let done = match std::fs::symlink_metadata(path) {
            Err(_) => true,
            Ok(m) if m.is_dir() => std::fs::remove_dir_all(path).is_ok(),
            Ok(_) => std::fs::remove_file(path).is_ok(),
        };
        if done {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

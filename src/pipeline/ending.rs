//! Whether the process ends with its build, and what a build leaves for the system to take
//! back at once instead of freeing it piece by piece.

use std::sync::atomic::{AtomicBool, Ordering};

/// Whether the process ends with its build ([`ends_with_build`]).
static ENDS_WITH_BUILD: AtomicBool = AtomicBool::new(false);

/// Tells the builds of this process that it ends when they do (`answerbook build` and
/// `check`): what a build leaves ([`drop_later`]) is then never freed piece by piece, the
/// system takes the process's memory back at once. Never for `serve`, which builds again.
pub fn ends_with_build() {
    ENDS_WITH_BUILD.store(true, Ordering::Relaxed);
}

/// Whether [`ends_with_build`] was called: the process may end at once when its command is done.
pub fn process_ends_with_build() -> bool {
    ENDS_WITH_BUILD.load(Ordering::Relaxed)
}

/// Frees a large value on another thread, so that a build need not wait for its memory to
/// be handed back; or not at all when the process ends with the build: freeing the pages,
/// the facts and the previous cache entry by entry was a twentieth of a one-page rebuild.
pub(super) fn drop_later<T: Send + 'static>(value: T) {
    match ENDS_WITH_BUILD.load(Ordering::Relaxed) {
        true => std::mem::forget(value),
        false => drop(std::thread::spawn(move || drop(value))),
    }
}

//! `answerbook`: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;

// The system allocator with `--features system-allocator`: heap profilers such as Valgrind's
// massif see only its allocations.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = answerbook::cli::Cli::parse();
    if let answerbook::cli::Command::Serve(_) = cli.command {
        keep_freed_memory();
    }
    answerbook::cli::run(cli)
}

/// `serve` rebuilds on every save, freeing and allocating again much the same memory each
/// time. The allocator hands freed memory back to the system after 10 ms, and the next rebuild
/// then has the system map it in again, zeroed: on a 10,000-page site, a tenth of a rebuild.
/// Serving, it keeps what it freed for the next rebuild instead.
fn keep_freed_memory() {
    // mimalloc's `mi_option_set` and the number of its `mi_option_purge_delay` (mimalloc.h of
    // the version libmimalloc-sys builds); -1: never hand freed memory back.
    unsafe extern "C" {
        fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
    }
    const PURGE_DELAY: std::ffi::c_int = 15;
    // SAFETY: a plain setter of the allocator linked into this binary, called before any
    // other thread exists.
    unsafe { mi_option_set(PURGE_DELAY, -1) }
}

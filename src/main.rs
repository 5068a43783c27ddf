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
    #[cfg(not(feature = "system-allocator"))]
    match cli.command {
        answerbook::cli::Command::Serve(_) => keep_freed_memory(),
        _ => hand_back_freed_memory(),
    }
    let code = answerbook::cli::run(cli);
    if answerbook::pipeline::process_ends_with_build() {
        exit_now(code);
    }
    ExitCode::from(code)
}

/// Ends the process at once, once what it printed is out: `build` and `check` leave what a
/// build is done with to the system ([`answerbook::pipeline::ends_with_build`]), and the
/// exit handlers would only tidy memory the system takes back anyway (the allocator hands
/// its free pages back to the system one `madvise` at a time): a twentieth of a one-page
/// rebuild of 10,000 pages. Every file the build writes is closed and renamed into place
/// before `run` returns.
#[cfg(unix)]
fn exit_now(code: u8) -> ! {
    use std::io::Write;
    let _ = std::io::stdout().flush();
    let _ = std::io::stderr().flush();
    // SAFETY: `_exit` ends the process without running exit handlers; nothing of ours is
    // left to do, and the output streams are flushed above.
    unsafe { libc::_exit(i32::from(code)) }
}

#[cfg(not(unix))]
fn exit_now(code: u8) -> ! {
    std::process::exit(i32::from(code))
}

// mimalloc's `mi_option_set` and the numbers of the options it takes here (the `mi_option_e`
// of mimalloc.h, in the version libmimalloc-sys builds).
#[cfg(not(feature = "system-allocator"))]
unsafe extern "C" {
    fn mi_option_set(option: std::ffi::c_int, value: std::ffi::c_long);
}
#[cfg(not(feature = "system-allocator"))]
const PURGE_DELAY: std::ffi::c_int = 15;

/// `serve` rebuilds on every save, freeing and allocating again much the same memory each
/// time. The allocator hands freed memory back to the system after a delay, and the next
/// rebuild then has the system map it in again, zeroed: on a 10,000-page site, a tenth of a
/// rebuild. Serving, it keeps what it freed for the next rebuild instead.
#[cfg(not(feature = "system-allocator"))]
fn keep_freed_memory() {
    // SAFETY: a plain setter of the allocator linked into this binary, called before any
    // other thread exists. -1: never hand freed memory back.
    unsafe { mi_option_set(PURGE_DELAY, -1) }
}

/// A build frees each page's text, HTML and words once it is written, and the allocator's
/// default keeps freed memory for a second before handing it back, so a build's resident
/// memory grew with the pages rendered in the last second; and with transparent huge pages
/// (`always` on many Linux systems), the system backs each first touch of an arena with 2 MiB,
/// zeroed. A build hands freed memory back after 5 ms and asks for ordinary pages: a clean
/// build of 10,000 generated pages then peaks at 96 MB instead of 130, for no measurable CPU
/// time (`scripts/bench`).
#[cfg(not(feature = "system-allocator"))]
fn hand_back_freed_memory() {
    // SAFETY: a plain setter of the allocator linked into this binary, called before any
    // other thread exists.
    unsafe { mi_option_set(PURGE_DELAY, 5) }
    // Only this process's pages from now on; an error (an old kernel) changes nothing.
    #[cfg(target_os = "linux")]
    // SAFETY: PR_SET_THP_DISABLE takes one integer argument and touches no memory of ours.
    unsafe {
        libc::prctl(libc::PR_SET_THP_DISABLE, 1, 0, 0, 0);
    }
}

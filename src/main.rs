//! `answerbook`: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;

// The system allocator with `--features system-allocator`: heap profilers such as Valgrind's
// massif see only its allocations.
#[cfg(not(feature = "system-allocator"))]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    answerbook::cli::run(answerbook::cli::Cli::parse())
}

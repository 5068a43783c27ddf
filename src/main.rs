//! `answerbook`: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    answerbook::cli::run(answerbook::cli::Cli::parse())
}

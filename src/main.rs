//! `answerbook`: parse the command line, run it, exit with its code.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    answerbook::cli::run(answerbook::cli::Cli::parse())
}

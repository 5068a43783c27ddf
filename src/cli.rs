//! The command line: parsing with clap, one options struct per command, and the one place that
//! turns results into output and an exit code.

use std::path::PathBuf;
use std::time::Instant;

use clap::{Parser, Subcommand};

use crate::diagnostics::Severity;
use crate::error::Error;
use crate::pipeline::{self, BuildOptions};
use crate::report_format::{self, Format};

/// A fast static site generator for question-and-answer knowledge bases.
#[derive(Debug, Parser)]
#[command(name = "answerbook", version = env!("ANSWERBOOK_VERSION"), about)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site into SITE_DIR/public (or --out).
    Build(BuildArgs),
    /// Build the site into a folder of its own, serve it on 127.0.0.1 and rebuild and reload
    /// open pages whenever a source changes.
    Serve(ServeArgs),
    /// Start a new site in DIR: site.yaml, a section with an example question, a CI workflow.
    Init(crate::scaffold::init::InitArgs),
    /// Add a question page to fill in; prints its path.
    New(crate::scaffold::new_page::NewArgs),
    /// Print a shell completion script (bash, zsh, fish, ...) to standard output.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Check the site as `build --strict` does, and more, without writing anything.
    Check(CheckArgs),
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// The site folder, as for `build`.
    #[arg(default_value = ".")]
    pub site_dir: PathBuf,
    /// How to print problems: human (like rustc), json (one object per line) or github
    /// (annotations for GitHub Actions).
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// The URL the site is published at (root-relative links are checked against its path).
    #[arg(long, value_name = "URL", env = "ANSWERBOOK_BASE_URL")]
    pub base_url: Option<String>,
    /// Check pages marked `draft: true` too.
    #[arg(long)]
    pub drafts: bool,
    /// Fail on warnings too (exit 1), the checks' own included.
    #[arg(long)]
    pub strict: bool,
    /// Also check http(s) links by asking their servers (HEAD, else GET); answers are kept
    /// for a day in .public.answerbook-links beside the output folder.
    #[arg(long)]
    pub external: bool,
    /// With --external: seconds to wait for each answer.
    #[arg(long, value_name = "SECONDS", default_value_t = 10, requires = "external",
          value_parser = clap::value_parser!(u64).range(1..=600))]
    pub external_timeout: u64,
}

#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// The site folder: it holds content/ and, optionally, site.yaml and themes/; or an MkDocs
    /// project (mkdocs.yml and its docs_dir).
    #[arg(default_value = ".")]
    pub site_dir: PathBuf,
    /// Where to write the site [default: SITE_DIR/public].
    #[arg(short, long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// The URL the site is published at, e.g. https://example.org/kb/ (overrides site.yaml's
    /// base_url, or mkdocs.yml's site_url).
    #[arg(long, value_name = "URL", env = "ANSWERBOOK_BASE_URL")]
    pub base_url: Option<String>,
    /// Fail the build on warnings (broken links, ...), as `strict: true` in site.yaml does;
    /// notes (ignored mkdocs.yml keys) never fail it.
    #[arg(long)]
    pub strict: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
    /// Replace the output folder even if answerbook did not write it (it has no
    /// .answerbook-output file). Never the site, content/, themes/, a repository, your home
    /// folder or /.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, clap::Args)]
pub struct ServeArgs {
    /// The site folder (as for build).
    #[arg(default_value = ".")]
    pub site_dir: PathBuf,
    /// The port to listen on (0: any free one) [default: 8000, or the next free one].
    #[arg(short, long, value_name = "N")]
    pub port: Option<u16>,
    /// The address to listen on [default: 127.0.0.1]; any other makes the preview readable
    /// from other machines.
    #[arg(long, value_name = "ADDR")]
    pub bind: Option<std::net::IpAddr>,
    /// Open the site in the browser.
    #[arg(long)]
    pub open: bool,
    /// Include pages marked `draft: true`.
    #[arg(long)]
    pub drafts: bool,
}

impl From<BuildArgs> for BuildOptions {
    fn from(a: BuildArgs) -> Self {
        BuildOptions {
            site_dir: a.site_dir,
            out_dir: a.out,
            base_url: a.base_url,
            strict: a.strict,
            drafts: a.drafts,
            force: a.force,
            check: false,
            external: None,
        }
    }
}

/// Runs a parsed command line: its exit code, 0 success, 1 failed build, 2 bad usage.
pub fn run(cli: Cli) -> u8 {
    match cli.command {
        Command::Build(args) => {
            crate::output::interrupt::install();
            crate::pipeline::ends_with_build();
            build(args.into())
        }
        Command::Check(args) => {
            crate::pipeline::ends_with_build();
            check(args)
        }
        Command::Serve(a) => {
            let opts = crate::serve::ServeOptions {
                site_dir: a.site_dir,
                port: a.port,
                bind: a.bind,
                open: a.open,
                drafts: a.drafts,
            };
            match crate::serve::run(&opts) {
                Ok(()) => 0,
                Err(e) => fail(&e),
            }
        }
        Command::Init(args) => report(crate::scaffold::init::run(args)),
        Command::New(args) => report(crate::scaffold::new_page::run(args)),
        Command::Completions { shell } => {
            use clap::CommandFactory;
            let mut out = std::io::stdout();
            clap_complete::generate(shell, &mut Cli::command(), "answerbook", &mut out);
            0
        }
    }
}

/// Prints what a command that writes sources says on success, or fails with its error.
fn report(result: Result<String, Error>) -> u8 {
    match result {
        Ok(text) => {
            print!("{text}");
            0
        }
        Err(e) => fail(&e),
    }
}

fn check(args: CheckArgs) -> u8 {
    if args.external && !crate::checks::external::AVAILABLE {
        return fail(&Error::Usage(
            "--external: this answerbook was built without the `external-links` feature".into(),
        ));
    }
    let opts = BuildOptions {
        site_dir: args.site_dir,
        base_url: args.base_url,
        drafts: args.drafts,
        strict: args.strict,
        check: true,
        external: args
            .external
            .then(|| std::time::Duration::from_secs(args.external_timeout)),
        ..BuildOptions::default()
    };
    let report = match pipeline::build(&opts) {
        Ok(result) => result.report,
        Err(Error::Config(d)) => {
            report_format::print(args.format, &[*d], &opts.site_dir);
            return 1;
        }
        Err(e) => return fail(&e),
    };
    report_format::print(args.format, &report.diagnostics, &opts.site_dir);
    let errors = report.count(Severity::Error);
    let warnings = report.count(Severity::Warning);
    eprintln!(
        "checked {}: {errors} error(s), {warnings} warning(s)",
        opts.site_dir.display()
    );
    u8::from(errors > 0)
}

fn build(opts: BuildOptions) -> u8 {
    let started = Instant::now();
    let result = match pipeline::build(&opts) {
        Ok(result) => result,
        Err(e) => return fail(&e),
    };
    for d in &result.report.diagnostics {
        eprintln!("{d}");
    }
    if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
        report_format::print(Format::Github, &result.report.diagnostics, &opts.site_dir);
    }
    let errors = result.report.count(Severity::Error);
    let warnings = result.report.count(Severity::Warning);
    match result.stats {
        Some(stats) => {
            let ms = started.elapsed().as_millis();
            let mut note = String::new();
            if stats.unchanged > 0 {
                note.push_str(&format!(" ({} unchanged)", stats.unchanged));
            }
            if warnings > 0 {
                note.push_str(&format!(" ({warnings} warning(s))"));
            }
            println!(
                "Built {} pages in {ms} ms into {}{note}",
                stats.pages,
                stats.out_dir.display()
            );
            0
        }
        None => fail(&Error::Failed { errors, warnings }),
    }
}

fn fail(e: &Error) -> u8 {
    match e {
        // Already `file:line: error: ...`.
        Error::Config(diagnostic) => eprintln!("{diagnostic}"),
        _ => eprintln!("error: {e}"),
    }
    match e {
        Error::Usage(_) => 2,
        _ => 1,
    }
}

//! Single-threaded baseline for the benchmarks in `scripts/bench`.
//!
//! ```text
//! cargo run --release --example pulldown_baseline -- DIR OUT
//! ```
//!
//! Walks `DIR/content` for `.md` files, drops the front matter (everything up
//! to the second `---` line), renders the body with pulldown-cmark and writes
//! `OUT/<path relative to DIR/content>` with the extension changed to `.html`.
//! No templates, no link rewriting, no parallelism: this is the floor that
//! answerbook's own build time is compared against.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use pulldown_cmark::{Options, Parser, html};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: pulldown_baseline DIR OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(dir), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("pulldown_baseline: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(dir: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    let start = Instant::now();
    let content = dir.join("content");
    let mut files = Vec::new();
    collect_markdown(&content, &mut files)
        .map_err(|e| format!("cannot read {}: {e}", content.display()))?;
    files.sort();

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES;
    let mut html_buf = String::new();
    for file in &files {
        let source =
            fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
        html_buf.clear();
        html::push_html(
            &mut html_buf,
            Parser::new_ext(strip_front_matter(&source), options),
        );

        let target = out
            .join(file.strip_prefix(&content)?)
            .with_extension("html");
        if let Some(parent) = target.parent() {
            fs::create_dir_all(parent)?;
        }
        fs::write(&target, &html_buf)
            .map_err(|e| format!("cannot write {}: {e}", target.display()))?;
    }

    println!(
        "Baseline: {} pages in {} ms",
        files.len(),
        start.elapsed().as_millis()
    );
    Ok(())
}

/// Recursively push every `*.md` file under `dir` onto `files`.
fn collect_markdown(dir: &Path, files: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            collect_markdown(&path, files)?;
        } else if path.extension().is_some_and(|ext| ext == "md") {
            files.push(path);
        }
    }
    Ok(())
}

/// Returns the text after the closing `---` line when `source` starts with a
/// `---` line; otherwise returns `source` unchanged.
fn strip_front_matter(source: &str) -> &str {
    let mut lines = source.split_inclusive('\n');
    match lines.next() {
        Some(first) if first.trim_end() == "---" => {
            let mut offset = first.len();
            for line in lines {
                offset += line.len();
                if line.trim_end() == "---" {
                    return &source[offset..];
                }
            }
            source
        }
        _ => source,
    }
}

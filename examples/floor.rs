//! The parallel floor for `scripts/bench`: pulldown-cmark parsing every body and writing every
//! page with rayon, and nothing else.
//!
//! ```text
//! cargo run --release --example floor -- DIR OUT
//! ```
//!
//! Walks `DIR/content` for `.md` files, then, for every file in parallel: reads it, drops the
//! front matter (a first `---` line up to the next `---` line), renders the body with
//! pulldown-cmark (the extensions answerbook turns on) and writes the HTML where answerbook
//! publishes the page: `a/b.md` -> `OUT/a/b/index.html`, `a/index.md` -> `OUT/a/index.html`.
//! No templates, no link checking, no highlighting: answerbook cannot build faster than this
//! on the same machine, so its time is reported as a multiple of the floor's.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use pulldown_cmark::{Options, Parser, html};
use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dir, out] = args.as_slice() else {
        eprintln!("usage: floor DIR OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(dir), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("floor: {err}");
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

    let options = Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_DEFINITION_LIST
        | Options::ENABLE_GFM;
    files
        .par_iter()
        .try_for_each(|file| render_one(&content, file, out, options))?;

    println!(
        "Floor: {} pages in {} ms on {} threads",
        files.len(),
        start.elapsed().as_millis(),
        rayon::current_num_threads()
    );
    Ok(())
}

/// Reads one source file, renders its body and writes it to its pretty-URL place under `out`.
fn render_one(content: &Path, file: &Path, out: &Path, options: Options) -> Result<(), String> {
    let source =
        fs::read_to_string(file).map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let body = strip_front_matter(&source);
    let mut page = String::with_capacity(body.len() * 3 / 2);
    html::push_html(&mut page, Parser::new_ext(body, options));

    let rel = file.strip_prefix(content).map_err(|e| e.to_string())?;
    let folder = match rel.file_stem() {
        Some(stem) if stem != "index" => out.join(rel.with_extension("")),
        _ => out.join(rel.parent().unwrap_or(Path::new(""))),
    };
    fs::create_dir_all(&folder).map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
    let target = folder.join("index.html");
    fs::write(&target, page).map_err(|e| format!("cannot write {}: {e}", target.display()))
}

/// Recursively pushes every `*.md` file under `dir` onto `files`.
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

/// Returns the text after the closing `---` line when `source` starts with a `---` line;
/// otherwise returns `source` unchanged.
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

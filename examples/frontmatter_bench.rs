//! Times front matter parsing alone, on one thread, over every page of a site.
//!
//! ```text
//! python3 scripts/gen_pages.py --pages 10000 --out /dev/shm/kb
//! cargo run --release --example frontmatter_bench -- /dev/shm/kb/content
//! ```
//!
//! Reports the time per block of `frontmatter::parse` (the fast path, falling back to the YAML
//! parser) and of the YAML parser alone (what every block cost before the fast path), best of
//! five rounds each.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use answerbook::frontmatter::{self, FrontMatter};
use answerbook::yaml;

fn main() -> ExitCode {
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: frontmatter_bench CONTENT_DIR");
        return ExitCode::from(2);
    };
    let mut files = Vec::new();
    collect(Path::new(&dir), &mut files);
    let texts: Vec<String> = files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect();
    let blocks: Vec<&str> = texts
        .iter()
        .filter_map(|t| frontmatter::split(t).yaml)
        .collect();
    let path = Path::new("x.md");
    let with_fast_path = best_of(5, || {
        for b in &blocks {
            std::hint::black_box(frontmatter::parse(b, path).ok());
        }
    });
    let parser_alone = best_of(5, || {
        for b in &blocks {
            std::hint::black_box(yaml::parse::<FrontMatter>(b, path, 2).ok());
        }
    });
    let per_block = |d: Duration| d.as_secs_f64() * 1e6 / blocks.len().max(1) as f64;
    println!(
        "{} blocks: frontmatter::parse {:.1} ms ({:.2} µs/block), YAML parser alone {:.1} ms ({:.2} µs/block)",
        blocks.len(),
        with_fast_path.as_secs_f64() * 1e3,
        per_block(with_fast_path),
        parser_alone.as_secs_f64() * 1e3,
        per_block(parser_alone),
    );
    ExitCode::SUCCESS
}

fn best_of(rounds: usize, mut run: impl FnMut()) -> Duration {
    (0..rounds)
        .map(|_| {
            let start = Instant::now();
            run();
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            collect(&path, out);
        } else if path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

//! What writing a built site costs, and nothing else, for `scripts/bench`: files of the sizes
//! and paths of a finished output folder written into a fresh folder with rayon, the way the
//! floor (`examples/floor.rs`) writes its pages.
//!
//! ```text
//! (cd SITE && find . -type f -printf '%s %P\n') > LIST
//! cargo run --release --example writes -- LIST OUT
//! ```
//!
//! `LIST` names one file a line, as its size in bytes, a space and its path below the site's
//! folder. For every file in parallel, this creates its folder under `OUT` and writes that
//! many bytes to it, and prints one line with the wall and CPU seconds (user and system, every
//! thread) the writing took. The bytes are a repeated pattern: the system copies every byte
//! the same way, whatever it is. Since it reads no page, the built site can be removed before
//! it runs, so the writing meets the memory a build's own writing meets, rather than the same
//! site twice over. Any generator that publishes the same pages must write as many bytes to
//! as many files, so this is a part of the clean build that no faster rendering takes away.

use std::error::Error;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [list, out] = args.as_slice() else {
        eprintln!("usage: writes LIST OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(list), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("writes: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(list: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    if out.exists() {
        return Err(format!("{} exists: give a folder that does not", out.display()).into());
    }
    let text =
        fs::read_to_string(list).map_err(|e| format!("cannot read {}: {e}", list.display()))?;
    let files = text
        .lines()
        .enumerate()
        .map(|(i, line)| {
            parse_line(line).ok_or_else(|| {
                let want = "SIZE PATH, with PATH below the folder (no root, no '..')";
                format!("{}:{}: expected {want}", list.display(), i + 1)
            })
        })
        .collect::<Result<Vec<_>, _>>()?;
    let largest = files.iter().map(|&(size, _)| size).max().unwrap_or(0);
    let pattern: Vec<u8> = b"answerbook writes "
        .iter()
        .copied()
        .cycle()
        .take(largest)
        .collect();

    let cpu_before = cpu_time();
    let start = Instant::now();
    files.par_iter().try_for_each(|(size, rel)| {
        let target = out.join(rel);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        fs::write(&target, &pattern[..*size])
            .map_err(|e| format!("cannot write {}: {e}", target.display()))
    })?;
    let wall = start.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_before);

    println!(
        "Writes: {} files, {:.1} MB in {:.4} s wall, {:.4} s CPU on {} threads",
        files.len(),
        files.iter().map(|&(size, _)| size as f64).sum::<f64>() / 1e6,
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(())
}

/// A line of the list: a size and a path that stays below the folder it names a file in (no
/// root, no `..`), so nothing is written outside `OUT`.
fn parse_line(line: &str) -> Option<(usize, PathBuf)> {
    let (size, path) = line.split_once(' ')?;
    let path = PathBuf::from(path);
    let below = path.components().all(|c| matches!(c, Component::Normal(_)));
    (below && !path.as_os_str().is_empty()).then_some((size.parse().ok()?, path))
}

/// The CPU time (user and system) every thread of this process has spent so far.
#[cfg(target_os = "linux")]
fn cpu_time() -> Duration {
    // SAFETY: getrusage only writes the struct it is given, which is plain data.
    let usage = unsafe {
        let mut usage = std::mem::zeroed::<libc::rusage>();
        libc::getrusage(libc::RUSAGE_SELF, &mut usage);
        usage
    };
    let of = |t: libc::timeval| Duration::new(t.tv_sec as u64, t.tv_usec as u32 * 1000);
    of(usage.ru_utime) + of(usage.ru_stime)
}

/// Elsewhere no CPU time is measured (printed as 0).
#[cfg(not(target_os = "linux"))]
fn cpu_time() -> Duration {
    Duration::ZERO
}

//! What writing a built site costs, and nothing else, for `scripts/bench`: the files of a
//! finished output folder, held in memory, written again into a fresh folder with rayon, the
//! way the floor (`examples/floor.rs`) writes its pages.
//!
//! ```text
//! cargo run --release --example writes -- SITE OUT
//! ```
//!
//! Reads every file under `SITE` into memory first (not timed), then, for every file in
//! parallel: creates its folder under `OUT` and writes its bytes. It prints one line with the
//! wall and CPU (user + system, every thread) seconds of the writing alone. Any generator that
//! publishes the same pages must write the same bytes, so the time printed is a part of the
//! clean build that no faster rendering can take away.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use rayon::prelude::*;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [site, out] = args.as_slice() else {
        eprintln!("usage: writes SITE OUT");
        return ExitCode::from(2);
    };
    match run(Path::new(site), Path::new(out)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("writes: {err}");
            ExitCode::FAILURE
        }
    }
}

fn run(site: &Path, out: &Path) -> Result<(), Box<dyn Error>> {
    if out.exists() {
        return Err(format!("{} exists: give a folder that does not", out.display()).into());
    }
    let mut files = Vec::new();
    read_tree(site, Path::new(""), &mut files)
        .map_err(|e| format!("cannot read {}: {e}", site.display()))?;
    let bytes: usize = files.iter().map(|(_, data)| data.len()).sum();

    let cpu_before = cpu_time();
    let start = Instant::now();
    files.par_iter().try_for_each(|(rel, data)| {
        let target = out.join(rel);
        if let Some(folder) = target.parent() {
            fs::create_dir_all(folder)
                .map_err(|e| format!("cannot create {}: {e}", folder.display()))?;
        }
        fs::write(&target, data).map_err(|e| format!("cannot write {}: {e}", target.display()))
    })?;
    let wall = start.elapsed();
    let cpu = cpu_time().saturating_sub(cpu_before);

    println!(
        "Writes: {} files, {:.1} MB in {:.4} s wall, {:.4} s CPU on {} threads",
        files.len(),
        bytes as f64 / 1e6,
        wall.as_secs_f64(),
        cpu.as_secs_f64(),
        rayon::current_num_threads()
    );
    Ok(())
}

/// Every regular file under `dir`, by its path below the top folder (`rel`), with its bytes.
/// Symbolic links are not followed: a built site holds none.
fn read_tree(dir: &Path, rel: &Path, files: &mut Vec<(PathBuf, Vec<u8>)>) -> std::io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let kind = entry.file_type()?;
        let rel = rel.join(entry.file_name());
        if kind.is_dir() {
            read_tree(&entry.path(), &rel, files)?;
        } else if kind.is_file() {
            files.push((rel, fs::read(entry.path())?));
        }
    }
    Ok(())
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

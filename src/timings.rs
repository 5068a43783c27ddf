//! Where a build's time goes, phase by phase, printed to stderr when `ANSWERBOOK_TIMINGS` is
//! set (for benchmarks and profiling; never part of the normal output).

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

/// The phases seen so far: each name with the moment it ended and the resident memory then.
static MARKS: Mutex<Vec<(&'static str, Instant, Option<u64>)>> = Mutex::new(Vec::new());

/// Resident memory in MiB, where the system tells it (`/proc/self/statm`, in 4 KiB pages).
fn resident_mib() -> Option<u64> {
    let statm = std::fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096 / (1024 * 1024))
}

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("ANSWERBOOK_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// Starts the clock of a build.
pub fn start() {
    if enabled() {
        let mut marks = MARKS.lock().unwrap_or_else(|e| e.into_inner());
        marks.clear();
        marks.push(("start", Instant::now(), resident_mib()));
    }
}

/// Marks the end of the phase `name`.
pub fn mark(name: &'static str) {
    if enabled() {
        MARKS.lock().unwrap_or_else(|e| e.into_inner()).push((
            name,
            Instant::now(),
            resident_mib(),
        ));
    }
}

/// Prints each phase's milliseconds since the one before, on one line.
pub fn print() {
    if !enabled() {
        return;
    }
    let marks = MARKS.lock().unwrap_or_else(|e| e.into_inner());
    let line: Vec<String> = marks
        .windows(2)
        .map(|w| format!("{} {:.1}", w[1].0, (w[1].1 - w[0].1).as_secs_f64() * 1000.0))
        .collect();
    eprintln!("timings (ms): {}", line.join(", "));
    let resident: Vec<String> = marks
        .iter()
        .skip(1)
        .filter_map(|m| Some(format!("{} {}", m.0, m.2?)))
        .collect();
    if !resident.is_empty() {
        eprintln!("resident after (MiB): {}", resident.join(", "));
    }
}

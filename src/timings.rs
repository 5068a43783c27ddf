//! Where a build's time goes, phase by phase, printed to stderr when `ANSWERBOOK_TIMINGS` is
//! set (for benchmarks and profiling; never part of the normal output).

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

/// The phases seen so far: each name with the moment it ended.
static MARKS: Mutex<Vec<(&'static str, Instant)>> = Mutex::new(Vec::new());

fn enabled() -> bool {
    static ENABLED: OnceLock<bool> = OnceLock::new();
    *ENABLED.get_or_init(|| std::env::var_os("ANSWERBOOK_TIMINGS").is_some_and(|v| !v.is_empty()))
}

/// Starts the clock of a build.
pub fn start() {
    if enabled() {
        let mut marks = MARKS.lock().unwrap_or_else(|e| e.into_inner());
        marks.clear();
        marks.push(("start", Instant::now()));
    }
}

/// Marks the end of the phase `name`.
pub fn mark(name: &'static str) {
    if enabled() {
        MARKS
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .push((name, Instant::now()));
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
}

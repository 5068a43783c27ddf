//! Where a build's time goes, phase by phase, printed to stderr when `ANSWERBOOK_TIMINGS` is
//! set (for benchmarks and profiling; never part of the normal output): each phase's wall
//! time, the CPU time of all threads in it (how parallel it is), and resident memory.

use std::sync::Mutex;
use std::sync::OnceLock;
use std::time::Instant;

/// The phases seen so far ([`Mark`]).
static MARKS: Mutex<Vec<Mark>> = Mutex::new(Vec::new());

/// A phase's name, when it ended, the process's CPU time then (µs) and the resident memory
/// then and at its highest so far.
type Mark = (&'static str, Instant, Option<u64>, Option<(u64, u64)>);

/// The CPU time of all the process's threads so far (user and system), in µs.
fn cpu_us() -> Option<u64> {
    #[cfg(unix)]
    {
        let mut usage = std::mem::MaybeUninit::<libc::rusage>::uninit();
        // SAFETY: getrusage fills the struct it is given and touches nothing else.
        let usage = unsafe {
            (libc::getrusage(libc::RUSAGE_SELF, usage.as_mut_ptr()) == 0)
                .then(|| usage.assume_init())?
        };
        let us = |t: libc::timeval| t.tv_sec as u64 * 1_000_000 + t.tv_usec as u64;
        Some(us(usage.ru_utime) + us(usage.ru_stime))
    }
    #[cfg(not(unix))]
    None
}

/// Resident memory now and at its highest so far, in MiB (`VmRSS` and `VmHWM` of
/// `/proc/self/status`): the highest tells which phase a build's peak falls in.
fn memory_mib() -> Option<(u64, u64)> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let kib = |key: &str| -> Option<u64> {
        let line = status.lines().find(|l| l.starts_with(key))?;
        line[key.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()
    };
    Some((kib("VmRSS:")? / 1024, kib("VmHWM:")? / 1024))
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
        marks.push(("start", Instant::now(), cpu_us(), memory_mib()));
    }
}

/// Marks the end of the phase `name`.
pub fn mark(name: &'static str) {
    if enabled() {
        MARKS.lock().unwrap_or_else(|e| e.into_inner()).push((
            name,
            Instant::now(),
            cpu_us(),
            memory_mib(),
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
    let cpu: Option<Vec<String>> = (marks.windows(2))
        .map(|w| {
            Some(format!(
                "{} {:.1}",
                w[1].0,
                (w[1].2? - w[0].2?) as f64 / 1000.0
            ))
        })
        .collect();
    if let Some(cpu) = cpu.filter(|c| !c.is_empty()) {
        eprintln!("cpu, all threads (ms): {}", cpu.join(", "));
    }
    let memory = |pick: fn((u64, u64)) -> u64| -> Vec<String> {
        (marks.iter().skip(1))
            .filter_map(|m| Some(format!("{} {}", m.0, pick(m.3?))))
            .collect()
    };
    let (resident, peak) = (memory(|m| m.0), memory(|m| m.1));
    if !resident.is_empty() {
        eprintln!("resident after (MiB): {}", resident.join(", "));
        eprintln!("peak so far (MiB): {}", peak.join(", "));
    }
}

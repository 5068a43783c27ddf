//! Runs one job per URL on a few threads, never more than `overall` at once nor more than
//! `per_host` on one host, so that checking a site's links never floods anyone's server.

use std::collections::{HashMap, VecDeque};
use std::sync::{Condvar, Mutex};

/// How many jobs may run at once.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Limits {
    pub(crate) overall: usize,
    pub(crate) per_host: usize,
}

struct Queue {
    waiting: VecDeque<String>,
    /// Jobs running, by host.
    busy: HashMap<String, usize>,
}

/// `job(url)` for every URL, each once; the results in no particular order.
pub(crate) fn run<T: Send>(
    urls: Vec<String>,
    limits: Limits,
    job: impl Fn(&str) -> T + Sync,
) -> Vec<(String, T)> {
    let threads = limits.overall.max(1).min(urls.len());
    let per_host = limits.per_host.max(1);
    let queue = Mutex::new(Queue {
        waiting: urls.into(),
        busy: HashMap::new(),
    });
    let changed = Condvar::new();
    let done = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                while let Some(url) = next(&queue, &changed, per_host) {
                    let result = job(&url);
                    let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
                    if let Some(n) = q.busy.get_mut(host(&url)) {
                        *n -= 1;
                    }
                    drop(q);
                    changed.notify_all();
                    done.lock()
                        .unwrap_or_else(|e| e.into_inner())
                        .push((url, result));
                }
            });
        }
    });
    done.into_inner().unwrap_or_else(|e| e.into_inner())
}

/// The next URL whose host has a free slot, waiting for one if need be; `None` when every URL
/// has been taken.
fn next(queue: &Mutex<Queue>, changed: &Condvar, per_host: usize) -> Option<String> {
    let mut q = queue.lock().unwrap_or_else(|e| e.into_inner());
    loop {
        if q.waiting.is_empty() {
            return None;
        }
        let free = q
            .waiting
            .iter()
            .position(|url| q.busy.get(host(url)).copied().unwrap_or(0) < per_host);
        if let Some(i) = free {
            let url = q.waiting.remove(i)?;
            *q.busy.entry(host(&url).to_owned()).or_insert(0) += 1;
            return Some(url);
        }
        q = changed.wait(q).unwrap_or_else(|e| e.into_inner());
    }
}

/// The host (and port) of an `http(s)://` URL, as written: `example.org:8080`.
pub(crate) fn host(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, rest)| rest);
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    // Credentials (`user:pw@host`) are not part of the host.
    authority.rsplit_once('@').map_or(authority, |(_, h)| h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    #[test]
    fn hosts_are_read_from_the_authority() {
        assert_eq!(host("https://example.org/a?b#c"), "example.org");
        assert_eq!(host("http://me:pw@127.0.0.1:8080"), "127.0.0.1:8080");
        assert_eq!(host("https://x.test?q=/y"), "x.test");
    }

    /// Every URL is run once, and one host never has more than `per_host` jobs at once even
    /// when many threads are free.
    #[test]
    fn no_host_gets_more_than_its_share() {
        let mut urls: Vec<String> = (0..12).map(|i| format!("https://a.test/{i}")).collect();
        urls.extend((0..4).map(|i| format!("https://b.test/{i}")));
        let running = Mutex::new(HashMap::<String, usize>::new());
        let most = AtomicUsize::new(0);
        let limits = Limits {
            overall: 8,
            per_host: 2,
        };
        let results = run(urls, limits, |url| {
            let now = {
                let mut r = running.lock().unwrap();
                let n = r.entry(host(url).to_owned()).or_insert(0);
                *n += 1;
                *n
            };
            most.fetch_max(now, Ordering::SeqCst);
            std::thread::sleep(std::time::Duration::from_millis(5));
            *running.lock().unwrap().get_mut(host(url)).unwrap() -= 1;
            url.len()
        });
        let mut seen: Vec<String> = results.into_iter().map(|(u, _)| u).collect();
        seen.sort();
        seen.dedup();
        assert_eq!(seen.len(), 16);
        assert!(most.load(Ordering::SeqCst) <= 2);
    }
}

//! `answerbook serve`: builds the site into a folder of its own (never the site's `public/`),
//! serves it on 127.0.0.1 ([`http`]), rebuilds when a source changes ([`watch`]) and reloads
//! open tabs ([`reload`]). Every rebuild after the first is incremental: the folder holds the
//! last build and its cache. A failed build keeps the last good pages served, with its
//! diagnostics over them, until the next good build.

mod http;
mod reload;
mod watch;

use std::collections::BTreeSet;
use std::fs;
use std::net::{IpAddr, SocketAddr, TcpListener};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Instant, SystemTime, UNIX_EPOCH};

use crate::diagnostics::{Severity, display_path};
use crate::error::{Error, Result};
use crate::pipeline::{self, BuildOptions};
use crate::project::Project;
use reload::{Hub, Status};

/// Threads answering ordinary requests (the event streams of open tabs have their own).
const WORKERS: usize = 4;
/// Ports tried after a taken one, when none was asked for.
const PORTS_TRIED: u16 = 20;

/// What `answerbook serve` was asked to do.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub site_dir: PathBuf,
    /// The port asked for; `None`: 8000, or the next free one. 0: any free port.
    pub port: Option<u16>,
    /// The address to listen on; `None`: 127.0.0.1.
    pub bind: Option<IpAddr>,
    pub open: bool,
    pub drafts: bool,
}

pub fn run(opts: &ServeOptions) -> Result<()> {
    let site_dir = opts
        .site_dir
        .canonicalize()
        .map_err(|e| Error::io(&opts.site_dir, e))?;
    // The port first: a port that cannot be had is said at once, not after a long build.
    let bind = opts.bind.unwrap_or(IpAddr::from([127, 0, 0, 1]));
    let listener = listen(bind, opts.port)?;
    let folder = Folder::create()?;
    // Watching starts before the first build, so no save after it is missed.
    let project = Project::load(&site_dir).ok();
    let content_dir = project.as_ref().map_or_else(
        || site_dir.join(crate::project::CONTENT_DIR),
        |p| p.content_dir.clone(),
    );
    let mut watch = watch::Watch::new(&site_dir, &content_dir)
        .map_err(|e| Error::Usage(format!("cannot watch {}: {e}", site_dir.display())))?;
    if let Some(project) = &project {
        watch.set_snippet_folders(snippet_folders(project));
    }
    let mut builder = Builder {
        build: BuildOptions {
            site_dir: site_dir.clone(),
            out_dir: Some(folder.out()),
            // Served at the root of the server, whatever the published address is.
            base_url: Some("/".to_owned()),
            drafts: opts.drafts,
            ..BuildOptions::default()
        },
        hub: Arc::new(Hub::default()),
        first_id: SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as u64),
        builds: 0,
        memory: pipeline::Memory::default(),
    };
    builder.rebuild(None);

    let addr = listener
        .local_addr()
        .map_err(|e| Error::Usage(format!("cannot listen: {e}")))?;
    let server = tiny_http::Server::from_listener(listener, None)
        .map_err(|e| Error::Usage(format!("cannot serve on {addr}: {e}")))?;
    let server = Arc::new(server);
    for _ in 0..WORKERS {
        let (server, hub, root) = (Arc::clone(&server), Arc::clone(&builder.hub), folder.out());
        std::thread::spawn(move || http::answer(&server, &root, &hub));
    }
    if !bind.is_loopback() {
        eprintln!(
            "warning: serving on {bind}: anyone who can reach this machine on port {} can read \
             the site (drafts too, with --drafts)",
            addr.port()
        );
    }
    let url = match addr {
        SocketAddr::V6(a) => format!("http://[{}]:{}/", a.ip(), a.port()),
        SocketAddr::V4(a) => format!("http://{}:{}/", a.ip(), a.port()),
    };
    println!(
        "Serving {} at {url} (Ctrl-C to stop)",
        display_path(&opts.site_dir)
    );
    if opts.open {
        open_browser(&url);
    }

    while let Some(changed) = watch.next() {
        builder.rebuild(Some(&changed));
        if changed.iter().any(|p| p.components().count() == 1) {
            // The configuration may have moved the content folder.
            if let Ok(project) = Project::load(&site_dir) {
                watch.set_snippet_folders(snippet_folders(&project));
                watch.set_content_dir(project.content_dir);
            }
        }
    }
    Ok(())
}

/// The folders `pymdownx.snippets` reads pages' includes from, if the project uses it.
fn snippet_folders(project: &Project) -> Vec<PathBuf> {
    let settings = project.features.snippets.as_ref();
    settings.map_or_else(Vec::new, |s| s.base_paths.clone())
}

/// Listens on `port`, or on 8000 or the first free port after it when none was asked for.
fn listen(bind: IpAddr, port: Option<u16>) -> Result<TcpListener> {
    let first = port.unwrap_or(8000);
    let last = if port.is_some() {
        first
    } else {
        first + PORTS_TRIED
    };
    let mut error = None;
    for p in first..=last {
        match TcpListener::bind((bind, p)) {
            Ok(listener) => {
                if p != first {
                    println!("Port {first} is taken; using {p}");
                }
                return Ok(listener);
            }
            Err(e) => error = Some(e),
        }
    }
    let e = error.map_or_else(String::new, |e| e.to_string());
    Err(Error::Usage(match port {
        Some(p) => format!("cannot listen on {bind} port {p}: {e} (try another --port)"),
        None => format!("cannot listen on {bind} ports {first} to {last}: {e}"),
    }))
}

/// Rebuilds the served folder and tells the tabs.
struct Builder {
    build: BuildOptions,
    hub: Arc<Hub>,
    /// Set at start, so build ids differ from one run of `serve` to the next.
    first_id: u64,
    builds: u64,
    /// The build cache and the last walk of the content folder, kept between rebuilds.
    memory: pipeline::Memory,
}

impl Builder {
    /// Builds, prints one line (and the diagnostics of a failed build), and publishes the
    /// result to open tabs. `changed`: the sources that changed, `None` for the first build.
    fn rebuild(&mut self, changed: Option<&BTreeSet<PathBuf>>) {
        if STOPPING.load(Ordering::SeqCst) {
            // Ctrl-C: the folder is being removed; a build now would only report its loss.
            return;
        }
        let started = Instant::now();
        let sources = changed.map(|c| c.iter().map(|p| self.build.site_dir.join(p)).collect());
        let result = pipeline::build_in_memory(&self.build, &mut self.memory, sources.as_ref());
        let ms = started.elapsed().as_millis();
        self.builds += 1;
        let what = changed.map_or_else(String::new, changed_note);
        let verb = if changed.is_some() {
            "Rebuilt"
        } else {
            "Built"
        };
        let problems = match result {
            Ok(result) => {
                match result.stats {
                    Some(stats) => {
                        // Warnings and notes: printed, never over the pages.
                        for d in &result.report.diagnostics {
                            eprintln!("{d}");
                        }
                        let pages = stats.pages.saturating_sub(stats.unchanged);
                        let noun = if pages == 1 { "page" } else { "pages" };
                        println!("{verb} {pages} {noun} in {ms} ms{what}");
                        Vec::new()
                    }
                    None => {
                        let failing: Vec<String> = result
                            .report
                            .diagnostics
                            .iter()
                            .filter(|d| d.severity != Severity::Note)
                            .map(ToString::to_string)
                            .collect();
                        report_failure(&failing, ms, &what);
                        failing
                    }
                }
            }
            Err(e) => {
                let line = match e {
                    Error::Config(d) => d.to_string(),
                    e => format!("error: {e}"),
                };
                report_failure(std::slice::from_ref(&line), ms, &what);
                vec![line]
            }
        };
        self.hub.publish(Status {
            build_id: self.first_id + self.builds,
            problems,
        });
    }
}

fn report_failure(problems: &[String], ms: u128, what: &str) {
    for line in problems {
        eprintln!("{line}");
    }
    println!(
        "Build failed in {ms} ms{what}: still serving the last good build, with the problems \
         shown on every page"
    );
}

/// ` (content/a.md changed)`, naming at most three of the changed sources.
fn changed_note(changed: &BTreeSet<PathBuf>) -> String {
    let names: Vec<String> = changed.iter().take(3).map(|p| display_path(p)).collect();
    let more = changed.len().saturating_sub(names.len());
    let mut note = format!(" ({}", names.join(", "));
    if more > 0 {
        note.push_str(&format!(" and {more} more"));
    }
    note.push_str(" changed)");
    note
}

/// Tries to open `url` in the browser; a failure is only a note.
fn open_browser(url: &str) {
    let opener = if cfg!(target_os = "macos") {
        "open"
    } else if cfg!(windows) {
        "explorer"
    } else {
        "xdg-open"
    };
    let spawned = std::process::Command::new(opener)
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if spawned.is_err() {
        eprintln!("note: could not start {opener}; open {url} yourself");
    }
}

/// The folder `serve` builds into, in the system's temporary folder; removed when `serve`
/// stops (Ctrl-C or SIGTERM included).
struct Folder {
    path: PathBuf,
}

impl Folder {
    fn create() -> Result<Folder> {
        let base = std::env::temp_dir();
        let pid = std::process::id();
        for n in 0..100u32 {
            let path = base.join(format!("answerbook-serve-{pid}-{n}"));
            match fs::create_dir(&path) {
                Ok(()) => {
                    remove_on_signal(path.clone());
                    return Ok(Folder { path });
                }
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(Error::io(&path, e)),
            }
        }
        Err(Error::Usage(format!(
            "cannot make a folder to serve from in {}",
            base.display()
        )))
    }

    /// The output folder inside it (the build's lock and cache go beside it, still inside).
    fn out(&self) -> PathBuf {
        self.path.join("site")
    }
}

impl Drop for Folder {
    fn drop(&mut self) {
        remove_all(&self.path);
    }
}

/// Set once Ctrl-C or SIGTERM arrives: no rebuild starts after it.
static STOPPING: AtomicBool = AtomicBool::new(false);

/// Ctrl-C (SIGINT) or SIGTERM: removes the folder and exits with 128 + the signal's number,
/// as a shell reports it. Everything a build in progress writes (its staging folder, lock
/// and cache) is inside the folder, so nothing else is left behind.
#[cfg(unix)]
fn remove_on_signal(path: PathBuf) {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM]) else {
        return;
    };
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            STOPPING.store(true, Ordering::SeqCst);
            remove_all(&path);
            std::process::exit(128 + signal);
        }
    });
}

#[cfg(not(unix))]
fn remove_on_signal(_path: PathBuf) {}

/// Removes a folder, trying again while a build is still writing into it.
fn remove_all(path: &std::path::Path) {
    for _ in 0..50 {
        if fs::remove_dir_all(path).is_ok() || !path.exists() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

//! Helpers for the `serve` tests: the real binary running `serve` on a free port (stopped when
//! the guard is dropped), a tiny HTTP/1.1 client over `TcpStream`, and a listener on the
//! Server-Sent Events stream. Every wait is bounded by a deadline.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine; a passing test never waits this long.
pub(crate) const DEADLINE: Duration = Duration::from_secs(30);

/// `answerbook serve` running; killed when dropped.
pub(crate) struct Served {
    child: Child,
    pub(crate) port: u16,
    /// Lines the server printed on stdout and stderr, as they come.
    lines: Receiver<String>,
    /// Every line received so far.
    pub(crate) said: Vec<String>,
}

impl Served {
    /// Starts `answerbook serve site --port 0 ARGS` in `tmp` (which holds `site/`), with
    /// `TMPDIR=tmp/t` so the folder it serves from is inside the test's folder too, and waits
    /// for the URL it prints.
    pub(crate) fn start(tmp: &Path, args: &[&str]) -> Served {
        let mut all = vec!["--port", "0"];
        all.extend_from_slice(args);
        Served::start_exactly(tmp, &all)
    }

    /// As [`Served::start`], with `answerbook serve site ARGS` and nothing more.
    pub(crate) fn start_exactly(tmp: &Path, args: &[&str]) -> Served {
        let temp = tmp.join("t");
        std::fs::create_dir_all(&temp).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_answerbook"))
            .args(["serve", "site"])
            .args(args)
            .current_dir(tmp)
            .env("TMPDIR", &temp)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start answerbook serve");
        let (tx, lines) = mpsc::channel();
        let out = child.stdout.take().unwrap();
        let err = child.stderr.take().unwrap();
        let tx2 = tx.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(out).lines().map_while(Result::ok) {
                let _ = tx.send(line);
            }
        });
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                let _ = tx2.send(line);
            }
        });
        let mut served = Served {
            child,
            port: 0,
            lines,
            said: Vec::new(),
        };
        let line = served.wait_line(|l| l.starts_with("Serving "));
        let url = line
            .split_whitespace()
            .find(|w| w.starts_with("http://127.0.0.1:"))
            .unwrap_or_else(|| panic!("no URL in {line:?}"));
        served.port = url
            .trim_start_matches("http://127.0.0.1:")
            .trim_end_matches('/')
            .parse()
            .unwrap();
        served
    }

    pub(crate) fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for a printed line matching `want` and returns it.
    #[track_caller]
    pub(crate) fn wait_line(&mut self, want: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        if let Some(line) = self.said.iter().find(|l| want(l)) {
            return line.clone();
        }
        while let Some(left) = end.checked_duration_since(Instant::now()) {
            match self.lines.recv_timeout(left) {
                Ok(line) => {
                    self.said.push(line.clone());
                    if want(&line) {
                        return line;
                    }
                }
                Err(_) => break,
            }
        }
        panic!(
            "serve never printed the line wanted; it said:\n{}",
            self.said.join("\n")
        );
    }

    pub(crate) fn get(&self, path: &str) -> Reply {
        request(self.port, "GET", path)
    }

    /// Subscribes to the reload events, as an open tab does.
    pub(crate) fn events(&self) -> Events {
        Events::open(self.port)
    }

    /// Stops the server as Ctrl-C does and waits for it to exit; returns its exit code.
    #[cfg(unix)]
    pub(crate) fn interrupt(&mut self) -> Option<i32> {
        unsafe { libc::kill(self.child.id() as i32, libc::SIGINT) };
        let end = Instant::now() + DEADLINE;
        while Instant::now() < end {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status.code();
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("serve did not stop on SIGINT");
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// One HTTP response.
#[derive(Debug)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    /// Header names lowercased.
    pub(crate) headers: Vec<(String, String)>,
    pub(crate) body: String,
}

impl Reply {
    pub(crate) fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `METHOD target` exactly as given (no normalising of `..` or `%2e`) and reads the reply.
pub(crate) fn request(port: u16, method: &str, target: &str) -> Reply {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(DEADLINE)).unwrap();
    write!(
        stream,
        "{method} {target} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    // Headers, then as many bytes as Content-Length says (some servers keep the connection
    // open), else everything until the server closes it.
    let mut raw = Vec::new();
    let mut byte = [0u8; 1];
    while !raw.ends_with(b"\r\n\r\n") {
        stream.read_exact(&mut byte).expect("read reply headers");
        raw.push(byte[0]);
    }
    let head = String::from_utf8(raw).expect("utf-8 headers");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_owned()))
        .collect();
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse::<usize>().ok());
    let mut body = Vec::new();
    match length {
        _ if method == "HEAD" => {}
        Some(n) => {
            body.resize(n, 0);
            stream.read_exact(&mut body).expect("read reply body");
        }
        None => {
            stream.read_to_end(&mut body).expect("read reply body");
        }
    }
    let body = String::from_utf8(body).expect("utf-8 body");
    Reply {
        status,
        headers,
        body,
    }
}

/// The Server-Sent Events stream of the server, read on a thread of its own.
pub(crate) struct Events {
    /// `(event, data)` pairs as they arrive.
    rx: Receiver<(String, String)>,
}

impl Events {
    fn open(port: u16) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        write!(
            stream,
            "GET /__answerbook/events HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n"
        )
        .unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let reader = BufReader::new(stream);
            let (mut event, mut data) = (String::new(), String::new());
            for line in reader.lines().map_while(Result::ok) {
                if let Some(e) = line.strip_prefix("event: ") {
                    event = e.to_owned();
                } else if let Some(d) = line.strip_prefix("data: ") {
                    data = d.to_owned();
                } else if line.is_empty()
                    && !event.is_empty()
                    && tx
                        .send((std::mem::take(&mut event), std::mem::take(&mut data)))
                        .is_err()
                {
                    return;
                }
            }
        });
        let mut events = Events { rx };
        events.next("hello");
        events
    }

    /// Waits for the next event, which must be `kind`; returns its data.
    #[track_caller]
    pub(crate) fn next(&mut self, kind: &str) -> String {
        let (event, data) = self
            .rx
            .recv_timeout(DEADLINE)
            .unwrap_or_else(|_| panic!("no `{kind}` event came"));
        assert_eq!(event, kind, "expected a `{kind}` event");
        data
    }
}

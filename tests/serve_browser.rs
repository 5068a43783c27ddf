//! `answerbook serve` in a real browser: headless Chromium, driven over the DevTools protocol
//! (a WebSocket, spoken here by a few lines over `TcpStream`), shows a saved edit in the open
//! page without being told to reload, at the same scroll position, and reconnects to a
//! restarted server and shows what changed while it was down. Skipped, with a notice,
//! where `chromium` is not installed (`.ci/run` installs it).

mod common;
mod serve_support;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};
use serve_support::{DEADLINE, Served, request};

const PAGE: &str = "/garden/when-to-water-tomatoes/";
const PAGE_FILE: &str = "site/content/garden/when-to-water-tomatoes.md";

fn long_page(answer: &str) -> String {
    let mut text = format!(
        "---\ntitle: When should I water tomatoes?\n---\n\n!!! info \"In short\"\n    {answer}\n\n"
    );
    for i in 0..80 {
        text.push_str(&format!("Paragraph {i} about soil, roots and rain.\n\n"));
    }
    text
}

/// Chromium running headless; killed when dropped.
struct Browser(Child);

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn an_open_page_shows_saved_edits_without_a_manual_reload_across_a_server_restart() {
    if Command::new("chromium").arg("--version").output().is_err() {
        eprintln!("NOTICE: chromium is not installed; the browser test is skipped");
        return;
    }
    let site = common::fixture("serve");
    let tmp = site.tmp();
    site.write(
        "content/garden/when-to-water-tomatoes.md",
        &long_page("Early, at the roots."),
    );
    let served = Served::start(tmp, &[]);
    let url = format!("http://127.0.0.1:{}{PAGE}", served.port);

    let mut child = Command::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
        ])
        .args(["--remote-debugging-port=0", "--window-size=800,400"])
        .arg(format!("--user-data-dir={}", tmp.join("profile").display()))
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start chromium");
    let stderr = child.stderr.take().unwrap();
    let _browser = Browser(child);
    // "DevTools listening on ws://127.0.0.1:PORT/devtools/browser/ID"
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if let Some(ws) = line.strip_prefix("DevTools listening on ") {
                let _ = tx.send(ws.to_owned());
            }
        }
    });
    let ws = rx
        .recv_timeout(DEADLINE)
        .expect("chromium's DevTools address");
    let port: u16 = ws
        .trim_start_matches("ws://127.0.0.1:")
        .split('/')
        .next()
        .and_then(|p| p.parse().ok())
        .expect("DevTools port");

    // The page's target, once Chromium has made it.
    let end = Instant::now() + DEADLINE;
    let page_ws = loop {
        let targets: Value =
            serde_json::from_str(&request(port, "GET", "/json/list").body).unwrap();
        let found = targets.as_array().unwrap().iter().find_map(|t| {
            (t["type"] == "page" && t["url"] == url.as_str())
                .then(|| t["webSocketDebuggerUrl"].as_str())
                .flatten()
        });
        if let Some(ws) = found {
            break ws.to_owned();
        }
        assert!(
            Instant::now() < end,
            "chromium never opened {url}: {targets}"
        );
        std::thread::sleep(Duration::from_millis(20));
    };
    let mut tab = DevTools::connect(&page_ws);

    // The page is loaded and listening for builds.
    tab.wait_for("document.documentElement.hasAttribute('data-answerbook-live')");
    assert!(tab.wait_for("document.body.innerText.includes('Early, at the roots.')"));
    tab.eval("window.scrollTo(0, 600); window.scrollY");
    assert_eq!(tab.eval("window.scrollY"), json!(600));

    let file = tmp.join(PAGE_FILE);
    let temp = file.with_extension("md.save");
    std::fs::write(&temp, long_page("In the evening, twice a week.")).unwrap();
    std::fs::rename(&temp, &file).unwrap();

    tab.wait_for("document.body.innerText.includes('In the evening, twice a week.')");
    tab.wait_for("document.readyState === 'complete'");
    assert_eq!(
        tab.eval("window.scrollY"),
        json!(600),
        "scroll position kept"
    );

    // A bad save: the overlay comes over the last good page, and goes with the next good one.
    let broken = long_page("Never.").replace("title:", "title: [unclosed");
    std::fs::write(&temp, broken).unwrap();
    std::fs::rename(&temp, &file).unwrap();
    tab.wait_for(
        "(document.getElementById('__answerbook-overlay') || {innerText: ''}).innerText\
         .includes('content/garden/when-to-water-tomatoes.md:2')",
    );
    assert_eq!(
        tab.eval("document.body.innerText.includes('In the evening, twice a week.')"),
        json!(true)
    );
    std::fs::write(&temp, long_page("In the evening, twice a week.")).unwrap();
    std::fs::rename(&temp, &file).unwrap();
    tab.wait_for(
        "document.readyState === 'complete' \
         && document.getElementById('__answerbook-overlay') === null",
    );

    // The server stops, the page changes meanwhile, a server starts again on the same port:
    // the open page reconnects and shows it.
    let port = served.port.to_string();
    drop(served);
    std::fs::write(&temp, long_page("Whenever the soil is dry.")).unwrap();
    std::fs::rename(&temp, &file).unwrap();
    let _again = Served::start_exactly(tmp, &["--port", &port]);
    tab.wait_for("document.body.innerText.includes('Whenever the soil is dry.')");
}

/// One DevTools protocol connection to a page.
struct DevTools {
    stream: TcpStream,
    next_id: u64,
}

impl DevTools {
    fn connect(ws_url: &str) -> DevTools {
        let rest = ws_url.strip_prefix("ws://").expect("ws:// URL");
        let (host, path) = rest.split_once('/').expect("path");
        let mut stream = TcpStream::connect(host)
            .unwrap_or_else(|e| panic!("connect to DevTools at {ws_url}: {e}"));
        stream.set_read_timeout(Some(DEADLINE)).unwrap();
        write!(
            stream,
            "GET /{path} HTTP/1.1\r\nHost: {host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\
             Sec-WebSocket-Key: YW5zd2VyYm9vayB0ZXN0IQ==\r\nSec-WebSocket-Version: 13\r\n\r\n"
        )
        .unwrap();
        // The handshake's reply ends with an empty line.
        let mut head = Vec::new();
        let mut byte = [0u8; 1];
        while !head.ends_with(b"\r\n\r\n") {
            stream.read_exact(&mut byte).expect("handshake reply");
            head.push(byte[0]);
        }
        assert!(
            head.starts_with(b"HTTP/1.1 101"),
            "{}",
            String::from_utf8_lossy(&head)
        );
        DevTools { stream, next_id: 1 }
    }

    /// Evaluates `expression` in the page; `Null` while the page is between two loads.
    fn eval(&mut self, expression: &str) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        let message = json!({
            "id": id,
            "method": "Runtime.evaluate",
            "params": {"expression": expression, "returnByValue": true},
        });
        self.send(message.to_string().as_bytes());
        loop {
            let reply: Value = serde_json::from_slice(&self.receive()).expect("JSON message");
            if reply["id"] == id {
                return reply["result"]["result"]["value"].clone();
            }
        }
    }

    /// Polls `expression` until it is true (bounded by the deadline).
    #[track_caller]
    fn wait_for(&mut self, expression: &str) -> bool {
        let end = Instant::now() + DEADLINE;
        while Instant::now() < end {
            if self.eval(expression) == json!(true) {
                return true;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        panic!("never true in the page: {expression}");
    }

    /// One masked text frame, as a client sends.
    fn send(&mut self, payload: &[u8]) {
        let mask = [0x5a, 0x13, 0xc7, 0x2e];
        let mut frame = vec![0x81];
        match payload.len() {
            n if n < 126 => frame.push(0x80 | n as u8),
            n if n < 65536 => {
                frame.push(0x80 | 126);
                frame.extend_from_slice(&(n as u16).to_be_bytes());
            }
            n => {
                frame.push(0x80 | 127);
                frame.extend_from_slice(&(n as u64).to_be_bytes());
            }
        }
        frame.extend_from_slice(&mask);
        frame.extend(payload.iter().enumerate().map(|(i, b)| b ^ mask[i % 4]));
        self.stream.write_all(&frame).unwrap();
    }

    /// One whole message (frames joined), skipping control frames.
    fn receive(&mut self) -> Vec<u8> {
        let mut message = Vec::new();
        loop {
            let mut head = [0u8; 2];
            self.stream.read_exact(&mut head).expect("frame");
            let len = match head[1] & 0x7f {
                126 => {
                    let mut b = [0u8; 2];
                    self.stream.read_exact(&mut b).unwrap();
                    u16::from_be_bytes(b) as usize
                }
                127 => {
                    let mut b = [0u8; 8];
                    self.stream.read_exact(&mut b).unwrap();
                    u64::from_be_bytes(b) as usize
                }
                n => n as usize,
            };
            let mut payload = vec![0u8; len];
            self.stream.read_exact(&mut payload).unwrap();
            if head[0] & 0x0f >= 0x8 {
                continue; // ping, pong or close
            }
            message.extend_from_slice(&payload);
            if head[0] & 0x80 != 0 {
                return message;
            }
        }
    }
}

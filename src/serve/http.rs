//! The HTTP side of `serve` (tiny_http): GET and HEAD of the files of the served folder, and
//! nothing outside it, with the reload script and the problem overlay put into HTML pages.

use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use tiny_http::{Header, Method, Request, Response, StatusCode};

use super::reload::{self, EVENTS_PATH, Hub};

/// Answers requests from `server` until it is closed; `root` is the served folder.
pub(super) fn answer(server: &tiny_http::Server, root: &Path, hub: &Arc<Hub>) {
    while let Ok(request) = server.recv() {
        if request.url().split('?').next() == Some(EVENTS_PATH)
            && matches!(request.method(), Method::Get)
        {
            let hub = Arc::clone(hub);
            // Held open for as long as the tab is: on a thread of its own.
            std::thread::spawn(move || hub.stream(request.into_writer()));
            continue;
        }
        let reply = respond(&request, root, hub);
        let _ = request.respond(reply);
    }
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn respond(request: &Request, root: &Path, hub: &Hub) -> Reply {
    if !matches!(request.method(), Method::Get | Method::Head) {
        return reply(
            405,
            b"only GET and HEAD\n".to_vec(),
            "text/plain; charset=utf-8",
        )
        .with_header(header("Allow", "GET, HEAD"));
    }
    let url = request.url();
    let (path, query) = url
        .split_once('?')
        .map_or((url, None), |(p, q)| (p, Some(q)));
    let Some(rel) = resolve(path) else {
        return not_found(root, hub);
    };
    let Some(file) = inside(root, &rel) else {
        return not_found(root, hub);
    };
    if file.is_dir() {
        if !path.ends_with('/') {
            // One leading slash: `//host` would send the browser to another site.
            let path = format!("/{}", path.trim_start_matches('/'));
            let to = match query {
                Some(q) => format!("{path}/?{q}"),
                None => format!("{path}/"),
            };
            let to = ascii_only(&to);
            return reply(301, Vec::new(), "text/plain; charset=utf-8")
                .with_header(header("Location", &to));
        }
        return match inside(root, &rel.join("index.html")) {
            Some(index) if index.is_file() => file_reply(200, &index, hub),
            _ => not_found(root, hub),
        };
    }
    file_reply(200, &file, hub)
}

/// `text` with every byte that is not printable ASCII percent-encoded, as a header needs.
fn ascii_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_graphic() {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The path of a URL as a relative path with only normal components, or `None` for anything
/// that could step out of the served folder or that names no file: `..` (also as `%2e%2e`),
/// encoded slashes or backslashes, backslashes, NUL, bytes that are not UTF-8.
pub(super) fn resolve(url_path: &str) -> Option<PathBuf> {
    let raw = url_path.strip_prefix('/')?;
    let mut rel = PathBuf::new();
    for segment in raw.split('/') {
        let decoded = percent_decode(segment)?;
        if decoded.is_empty() || decoded == "." {
            continue;
        }
        if decoded == ".."
            || decoded.contains(['/', '\\', '\0'])
            || segment.contains('\\')
            || Path::new(&decoded).components().count() != 1
        {
            return None;
        }
        match Path::new(&decoded).components().next() {
            Some(Component::Normal(_)) => rel.push(&decoded),
            _ => return None,
        }
    }
    Some(rel)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `root/rel` if it exists and, symlinks resolved, is inside `root`.
fn inside(root: &Path, rel: &Path) -> Option<PathBuf> {
    let root = root.canonicalize().ok()?;
    let path = root.join(rel).canonicalize().ok()?;
    path.starts_with(&root).then_some(path)
}

fn file_reply(status: u16, path: &Path, hub: &Hub) -> Reply {
    // Taken before the file is read: a page never claims a newer build than it shows.
    let live = hub.status();
    let Ok(bytes) = fs::read(path) else {
        return reply(404, b"not found\n".to_vec(), "text/plain; charset=utf-8");
    };
    let kind = content_type(path);
    let bytes = if kind.starts_with("text/html") {
        reload::inject(&bytes, &live)
    } else {
        bytes
    };
    reply(status, bytes, kind)
}

/// The site's own 404 page with status 404, or a plain one.
fn not_found(root: &Path, hub: &Hub) -> Reply {
    match inside(root, Path::new("404.html")) {
        Some(page) if page.is_file() => file_reply(404, &page, hub),
        _ if !root.join("index.html").is_file() => reply(
            404,
            reload::placeholder(&hub.status()),
            "text/html; charset=utf-8",
        ),
        _ => reply(404, b"not found\n".to_vec(), "text/plain; charset=utf-8"),
    }
}

fn reply(status: u16, body: Vec<u8>, kind: &str) -> Reply {
    Response::from_data(body)
        .with_status_code(StatusCode(status))
        .with_header(header("Content-Type", kind))
        .with_header(header("Cache-Control", "no-store"))
}

fn header(name: &str, value: &str) -> Header {
    // Names and values are ours, ASCII without line breaks (a Location is a request path,
    // which tiny_http already read as one line of text).
    Header::from_bytes(name.as_bytes(), value.as_bytes())
        .unwrap_or_else(|()| Header::from_bytes(&b"X-Invalid"[..], &b"1"[..]).expect("header"))
}

/// The Content-Type of a file, by its extension.
pub(super) fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    match ext.as_deref() {
        Some("html" | "htm") => "text/html; charset=utf-8",
        Some("css") => "text/css; charset=utf-8",
        Some("js" | "mjs") => "text/javascript; charset=utf-8",
        Some("json" | "map") => "application/json",
        Some("xml") => "application/xml",
        Some("txt" | "md") => "text/plain; charset=utf-8",
        Some("svg") => "image/svg+xml",
        Some("png") => "image/png",
        Some("jpg" | "jpeg") => "image/jpeg",
        Some("gif") => "image/gif",
        Some("webp") => "image/webp",
        Some("avif") => "image/avif",
        Some("ico") => "image/x-icon",
        Some("woff2") => "font/woff2",
        Some("woff") => "font/woff",
        Some("pdf") => "application/pdf",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_stay_inside() {
        assert_eq!(resolve("/a/b/"), Some(PathBuf::from("a/b")));
        assert_eq!(
            resolve("/caf%C3%A9/x.css"),
            Some(PathBuf::from("café/x.css"))
        );
        assert_eq!(resolve("/"), Some(PathBuf::new()));
        for bad in [
            "/../etc/passwd",
            "/a/../../x",
            "/%2e%2e/x",
            "/%2E%2E/x",
            "/a%2f..%2f..%2fx",
            "/a%5c..%5cx",
            "/a\\..\\x",
            "/%00",
            "/%zz",
            "/%ff",
            "relative",
        ] {
            assert_eq!(resolve(bad), None, "{bad}");
        }
    }

    #[test]
    fn content_types() {
        assert_eq!(
            content_type(Path::new("a/index.html")),
            "text/html; charset=utf-8"
        );
        assert_eq!(content_type(Path::new("s.SVG")), "image/svg+xml");
        assert_eq!(content_type(Path::new("sitemap.xml")), "application/xml");
    }
}

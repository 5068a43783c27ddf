//! Site URLs: where a source file is published, and how one output page links to another.
//!
//! A site path is relative to the site root, without a leading slash: `""` for the home page,
//! `"python-async/"` for a section, `"python-async/is-foreach-async-in-python/"` for a page,
//! `"images/diagram.png"` for a copied file. Links between pages are written relative, so the
//! site works from any sub-path; absolute URLs are only used where they must be (canonical,
//! sitemap, the 404 page).
//!
//! Site paths keep the files' real names (`c# tips/what is 100%?/`); every URL written into the
//! output (`href`, `<loc>`, canonical links) goes through [`encode_path`], which percent-encodes
//! each path segment as RFC 3986 requires, so any file name gives a working link.

use std::path::{Path, PathBuf};

/// The published URL of a markdown file under `content/`:
/// `a/b.md` -> `a/b/`, `a/index.md` -> `a/`, `index.md` -> ``.
pub fn page_path(rel_source: &Path) -> String {
    plain_page_path(rel_source).unwrap_or_else(|| page_path_by_components(rel_source))
}

/// [`page_path`] for any spelling of a path, by its components.
fn page_path_by_components(rel_source: &Path) -> String {
    let mut out = rel_source.parent().map(file_path).unwrap_or_default();
    if !out.is_empty() {
        out.push('/');
    }
    let stem = rel_source
        .file_stem()
        .map(|s| s.to_string_lossy())
        .unwrap_or_default();
    if stem != "index" {
        out.push_str(&stem);
        out.push('/');
    }
    out
}

/// [`page_path`] of a path already spelled as its components joined by `/` (nearly every
/// path), worked out on its text; `None` for any other spelling.
fn plain_page_path(rel_source: &Path) -> Option<String> {
    let text = rel_source.to_str().filter(|t| is_plain_relative(t))?;
    let (folder, name) = match memchr::memrchr(b'/', text.as_bytes()) {
        Some(i) => (&text[..i], &text[i + 1..]),
        None => ("", text),
    };
    if matches!(name, "" | "." | "..") {
        return None;
    }
    // The file's stem: its name before the last dot, unless that dot starts the name.
    let stem = match memchr::memrchr(b'.', name.as_bytes()) {
        Some(dot) if dot > 0 => &name[..dot],
        _ => name,
    };
    let mut out = String::with_capacity(text.len() + 1);
    if !folder.is_empty() {
        out.push_str(folder);
        out.push('/');
    }
    if stem != "index" {
        out.push_str(stem);
        out.push('/');
    }
    Some(out)
}

/// The folder of a file under `content/`, with `/` separators (`""` at the top): `a/b/c.md`
/// -> `a/b`.
pub fn folder_of(rel_source: &Path) -> String {
    match rel_source.to_str().filter(|t| is_plain_relative(t)) {
        // Already its components joined by `/`: the text before the last one.
        Some(text) => memchr::memrchr(b'/', text.as_bytes()).map_or("", |i| &text[..i]),
        None => return folder_by_components(rel_source),
    }
    .to_owned()
}

/// [`folder_of`] for any spelling of a path, by its components.
fn folder_by_components(rel_source: &Path) -> String {
    rel_source.parent().map(file_path).unwrap_or_default()
}

/// The site path of a copied file: its path under `content/`, with `/` separators.
pub fn file_path(rel_source: &Path) -> String {
    if let Some(text) = rel_source.to_str().filter(|t| is_plain_relative(t)) {
        // Already its components joined by `/` (nearly every path): taken as it is.
        return text.to_owned();
    }
    rel_source
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// The section (folder) a source file belongs to, as a site path: `a/b.md` -> `a/`,
/// `a/index.md` -> `` (an index page is its folder's section page; its parent section is one up).
pub fn parent_section(site_path: &str) -> Option<String> {
    if site_path.is_empty() {
        return None;
    }
    let trimmed = site_path.trim_end_matches('/');
    Some(match trimmed.rfind('/') {
        Some(i) => trimmed[..=i].to_owned(),
        None => String::new(),
    })
}

/// Joins `link` (a relative path as written in a page) onto the folder of `from` (a path under
/// `content/`) and normalises `.` and `..`. `None` when the link climbs out of `content/`.
pub fn resolve_relative(from: &Path, link: &str) -> Option<PathBuf> {
    resolve_relative_key(from, link).map(PathBuf::from)
}

/// [`resolve_relative`] as the `/`-separated key the link index is asked with (this runs for
/// every link of every page: one string, no path parsing).
pub fn resolve_relative_key(from: &Path, link: &str) -> Option<String> {
    let from_key = match from.to_str().filter(|t| is_plain_relative(t)) {
        Some(text) => std::borrow::Cow::Borrowed(text),
        None => std::borrow::Cow::Owned(file_path(from)),
    };
    let dir = from_key.rfind('/').map_or("", |i| &from_key[..i]);
    let mut out = String::with_capacity(dir.len() + link.len() + 1);
    for part in dir.split('/').chain(link.split('/')) {
        match part {
            "" | "." => {}
            ".." => {
                let cut = memchr::memrchr(b'/', out.as_bytes()).unwrap_or(0);
                if out.is_empty() {
                    return None;
                }
                out.truncate(cut);
            }
            other => {
                if !out.is_empty() {
                    out.push('/');
                }
                out.push_str(other);
            }
        }
    }
    Some(out)
}

/// Whether a path written with `/` is already what joining its components gives: relative, on
/// a system whose separator is `/`, with no empty, `.` or trailing parts.
fn is_plain_relative(text: &str) -> bool {
    let b = text.as_bytes();
    // Every part after a `/`: none empty (`//`, or a `/` at the end), none `.`. One memchr
    // walk over the `/`s; this runs for every link of every page.
    let plain_after = |i: usize| match b.get(i + 1) {
        None | Some(b'/') => false,
        Some(b'.') => !matches!(b.get(i + 2), None | Some(b'/')),
        Some(_) => true,
    };
    cfg!(unix) && !text.starts_with('/') && memchr::memchr_iter(b'/', b).all(plain_after)
}

/// A relative URL that leads from the page at site path `from` to site path `to`.
pub fn relative(from: &str, to: &str) -> String {
    // `from`'s folders are its parts but an empty last one; `to`'s, the parts before its file.
    // Read as bytes in one walk over their common start: this runs for every link of every
    // page.
    let from_dirs = (!from.is_empty()).then(|| from.strip_suffix('/').unwrap_or(from));
    let to_dir = memchr::memrchr(b'/', to.as_bytes()).map(|i| &to[..i]);
    let (common, rest) = match (from_dirs, to_dir) {
        (Some(f), Some(t)) => {
            let (f, t) = (f.as_bytes(), t.as_bytes());
            let same = f.iter().zip(t).take_while(|(a, b)| a == b).count();
            // The folders both spell in full before `same`, each ended by a `/` in both.
            let slashes = memchr::memchr_iter(b'/', &f[..same]);
            let (ended, after_last) = slashes.fold((0, 0), |(n, _), i| (n + 1, i + 1));
            // And the one `same` reaches, when it ends there in both.
            let ends = |s: &[u8]| s.get(same).is_none_or(|&b| b == b'/');
            match ends(f) && ends(t) {
                true => (ended + 1, &to[same + 1..]),
                false => (ended, &to[after_last..]),
            }
        }
        _ => (0, to),
    };
    let dirs = from_dirs.map_or(0, |f| memchr::memchr_iter(b'/', f.as_bytes()).count() + 1);
    let ups = dirs - common;
    if ups == 0 && rest.is_empty() {
        return "./".to_owned();
    }
    let mut out = String::with_capacity(3 * ups + rest.len());
    for _ in 0..ups {
        out.push_str("../");
    }
    out.push_str(rest);
    out
}

/// The `href` that leads from the page at `from` to site path `to`: [`relative`], encoded.
pub fn href(from: &str, to: &str) -> String {
    let path = relative(from, to);
    // Most paths need no encoding: the string is returned as it is, not copied.
    if path.bytes().all(keeps) {
        return path;
    }
    encode_path(&path)
}

/// The bytes a path keeps as they are in a URL: the unreserved characters, the sub-delims,
/// `:`, `@` and `/`.
const KEPT: [bool; 256] = {
    let mut kept = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        kept[b] = c.is_ascii_alphanumeric()
            || matches!(
                c,
                b'-' | b'.'
                    | b'_'
                    | b'~'
                    | b'!'
                    | b'$'
                    | b'&'
                    | b'\''
                    | b'('
                    | b')'
                    | b'*'
                    | b'+'
                    | b','
                    | b';'
                    | b'='
                    | b':'
                    | b'@'
                    | b'/'
            );
        b += 1;
    }
    kept
};

fn keeps(b: u8) -> bool {
    KEPT[usize::from(b)]
}

/// Percent-encodes a path for a URL: every byte but the unreserved characters, the sub-delims,
/// `:`, `@` and the `/` separators, so `c# tips/100%?` becomes `c%23%20tips/100%25%3F` and
/// non-ASCII names their UTF-8 bytes (`%C3%A9`), as browsers and MkDocs write them.
pub fn encode_path(path: &str) -> String {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    if path.bytes().all(keeps) {
        return path.to_owned();
    }
    let mut out = String::with_capacity(path.len() + 16);
    for b in path.bytes() {
        if keeps(b) {
            out.push(b as char);
        } else {
            out.push('%');
            out.push(HEX[usize::from(b >> 4)] as char);
            out.push(HEX[usize::from(b & 15)] as char);
        }
    }
    out
}

/// Percent-decodes a link as written in a page (`my%20page.md`); invalid escapes, and escapes
/// that do not decode to UTF-8, are kept as written.
pub fn decode(s: &str) -> String {
    if !s.contains('%') {
        return s.to_owned();
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

/// The prefix that leads from the page at `from` back to the site root (`../../`, or `./`).
pub fn to_root(from: &str) -> String {
    relative(from, "")
}

/// Whether a link target is external or otherwise not ours to resolve
/// (`https:`, `mailto:`, protocol-relative `//host`, an absolute `/path`).
pub fn is_external(dest: &str) -> bool {
    if dest.starts_with('/') {
        return true;
    }
    match dest.find(':') {
        Some(colon) => {
            let scheme = &dest[..colon];
            !scheme.is_empty()
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
                && !dest[..colon].contains('/')
        }
        None => false,
    }
}

/// The site's base URL, split into what canonical links need and what the 404 page needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BaseUrl {
    /// `https://example.org/kb/` when the configured base is an absolute http(s) URL.
    pub absolute: Option<String>,
    /// The path the site is served under, always starting and ending with `/`: `/kb/`.
    pub path: String,
}

impl BaseUrl {
    pub fn parse(base: &str) -> BaseUrl {
        let base = base.trim();
        let lower = base.to_ascii_lowercase();
        if lower.starts_with("http://") || lower.starts_with("https://") {
            let after_scheme = base.find("://").map_or(0, |i| i + 3);
            let path = base[after_scheme..]
                .find('/')
                .map_or("/", |i| &base[after_scheme + i..]);
            let path = with_slashes(path);
            let host = &base[..base[after_scheme..]
                .find('/')
                .map_or(base.len(), |i| after_scheme + i)];
            BaseUrl {
                absolute: Some(format!("{host}{path}")),
                path,
            }
        } else {
            BaseUrl {
                absolute: None,
                path: with_slashes(base),
            }
        }
    }

    /// The absolute URL of a site path, or its root-relative path when no host is known;
    /// the site path is percent-encoded, the configured base is used as written.
    pub fn url_of(&self, site_path: &str) -> String {
        let site_path = encode_path(site_path);
        match &self.absolute {
            Some(abs) => format!("{abs}{site_path}"),
            None => format!("{}{site_path}", self.path),
        }
    }
}

fn with_slashes(path: &str) -> String {
    let trimmed = path.trim_matches('/');
    if trimmed.is_empty() {
        "/".to_owned()
    } else {
        format!("/{trimmed}/")
    }
}

#[cfg(test)]
mod tests;

//! `/// name | Title` blocks (pymdownx.blocks), which newer MkDocs sites use instead of
//! indentation: `/// note | Title` ... `///`. They are rewritten, line for line, into the
//! indented syntax the rest of the pass already understands (`!!!`, `???`, `===`), so every
//! line keeps its number. Options on indented lines after the header (`type: warning`,
//! `open: true`, `select: true`, `new: true`) are read and blanked out.

use std::borrow::Cow;

/// Admonition types pymdownx.blocks.admonition knows as block names of their own.
const ADMONITION_TYPES: &[&str] = &[
    "note",
    "attention",
    "caution",
    "danger",
    "error",
    "tip",
    "hint",
    "warning",
    "info",
    "important",
    "abstract",
    "summary",
    "tldr",
    "todo",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "failure",
    "fail",
    "missing",
    "bug",
    "example",
    "quote",
    "cite",
];

struct Header<'a> {
    slashes: usize,
    name: &'a str,
    title: Option<&'a str>,
}

fn parse_header(rest: &str) -> Option<Header<'_>> {
    let slashes = rest.bytes().take_while(|&b| b == b'/').count();
    if slashes < 3 {
        return None;
    }
    let after = rest[slashes..].strip_prefix(' ')?.trim_start();
    let (name, title) = match after.split_once('|') {
        Some((n, t)) => (n.trim(), Some(t.trim())),
        None => (after.trim(), None),
    };
    if name.is_empty()
        || !name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
    {
        return None;
    }
    Some(Header {
        slashes,
        name,
        title: title.filter(|t| !t.is_empty()),
    })
}

/// What an open block became, to know how to indent and close it.
struct OpenBlock {
    slashes: usize,
    /// Body lines are indented by 4 (they became an indented block), or not (raw HTML).
    indents: bool,
    closing: Option<&'static str>,
}

/// The lines of a page with its `///` blocks rewritten, each with the columns of indentation
/// to put in front of it (4 per enclosing block that became an indented one).
pub type Lines<'a> = Vec<(usize, Cow<'a, str>)>;

/// Rewrites the `///` blocks of `src`; `None` when it has none.
pub fn convert(src: &str) -> Option<Lines<'_>> {
    if !has_triple_slash(src) {
        return None;
    }
    let lines: Vec<&str> = src.lines().collect();
    let mut out: Lines<'_> = Vec::with_capacity(lines.len());
    let mut stack: Vec<OpenBlock> = Vec::new();
    // Columns of indentation of the body of the innermost block.
    let mut indent = 0;
    let mut fence: Option<(u8, usize, usize)> = None;
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let rest = line.trim_start();
        let lead = line.len() - rest.len();
        if let Some((ch, len, open_lead)) = fence {
            if lead <= open_lead + 3
                && rest.bytes().take_while(|&b| b == ch).count() >= len
                && rest.trim_start_matches(ch as char).trim().is_empty()
            {
                fence = None;
            }
            push(&mut out, indent, line.into());
            continue;
        }
        if let Some((ch, len)) = super::preprocess::fence_open(rest) {
            fence = Some((ch, len, lead));
            push(&mut out, indent, line.into());
            continue;
        }
        if stack.last().is_some_and(|b| {
            rest.trim_end().bytes().all(|c| c == b'/') && rest.trim_end().len() == b.slashes
        }) {
            let Some(block) = stack.pop() else { continue };
            if block.indents {
                indent -= 4;
            }
            match block.closing {
                Some(tag) => push(&mut out, indent, tag.into()),
                None => out.push((0, "".into())),
            }
            continue;
        }
        let Some(header) = parse_header(rest) else {
            push(&mut out, indent, line.into());
            continue;
        };
        let mut options: Vec<(&str, &str)> = Vec::new();
        let base = line.len() - rest.len();
        while i < lines.len() {
            let next = lines[i];
            let lead = next.len() - next.trim_start().len();
            if next.trim().is_empty() || lead < base + 4 {
                break;
            }
            if let Some((k, v)) = next.trim().split_once(':') {
                options.push((k.trim(), v.trim()));
            }
            i += 1;
        }
        let option = |key: &str| {
            options
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| v.trim_matches(['"', '\'']))
        };
        let truthy =
            |key: &str| option(key).is_some_and(|v| v.eq_ignore_ascii_case("true") || v == "yes");
        let quoted = |t: Option<&str>| {
            t.map(|t| format!(" \"{}\"", t.replace('"', "'")))
                .unwrap_or_default()
        };
        let (first, indents, closing) = match header.name {
            "admonition" => {
                let kind = option("type").unwrap_or("note");
                (format!("!!! {kind}{}", quoted(header.title)), true, None)
            }
            "details" => {
                let kind = option("type").map(|t| format!(" {t}")).unwrap_or_default();
                let marker = if truthy("open") { "???+" } else { "???" };
                let title = quoted(Some(header.title.unwrap_or("Details")));
                (format!("{marker}{kind}{title}"), true, None)
            }
            "tab" => {
                let flags = format!(
                    "{}{}",
                    if truthy("select") { "+" } else { "" },
                    if truthy("new") { "!" } else { "" }
                );
                (
                    format!("==={flags}{}", quoted(Some(header.title.unwrap_or("Tab")))),
                    true,
                    None,
                )
            }
            name if ADMONITION_TYPES.contains(&name) => {
                (format!("!!! {name}{}", quoted(header.title)), true, None)
            }
            "caption" => ("<figcaption>".to_owned(), false, Some("</figcaption>")),
            other => (format!("<div class=\"{other}\">"), false, Some("</div>")),
        };
        push(&mut out, indent, first.into());
        for _ in 0..options.len() {
            out.push((0, "".into()));
        }
        if indents {
            indent += 4;
        }
        stack.push(OpenBlock {
            slashes: header.slashes,
            indents,
            closing,
        });
    }
    Some(out)
}

/// Whether `src` holds `///` anywhere. Found by looking at each `/` (one byte search, which
/// is fast), not by a search for the three-byte string, which is slow on text full of URLs.
fn has_triple_slash(src: &str) -> bool {
    let bytes = src.as_bytes();
    let mut from = 0;
    while let Some(i) = src[from..].find('/') {
        let at = from + i;
        if bytes[at..].starts_with(b"///") {
            return true;
        }
        from = at + 1;
    }
    false
}

/// Adds a line, indented unless it is blank.
fn push<'a>(out: &mut Lines<'a>, indent: usize, line: Cow<'a, str>) {
    let indent = if line.trim().is_empty() { 0 } else { indent };
    out.push((indent, line));
}

#[cfg(test)]
mod tests {
    /// The lines as text, the indentation written out.
    fn convert(src: &str) -> String {
        match super::convert(src) {
            None => src.to_owned(),
            Some(lines) => lines
                .iter()
                .map(|(indent, line)| format!("{}{line}\n", " ".repeat(*indent)))
                .collect(),
        }
    }

    #[test]
    fn rewrites_line_for_line() {
        let src = "/// note | Title\nBody\n///\nafter\n";
        let out = convert(src);
        assert_eq!(out, "!!! note \"Title\"\n    Body\n\nafter\n");
        assert_eq!(out.lines().count(), src.lines().count());
    }

    #[test]
    fn options_and_nesting() {
        let src =
            "//// details | Sum\n    type: warning\n    open: true\n\n/// tip\nIn\n///\n////\n";
        let out = convert(src);
        assert!(
            out.starts_with("???+ warning \"Sum\"\n\n\n\n    !!! tip\n        In\n"),
            "{out}"
        );
        assert_eq!(out.lines().count(), src.lines().count());
    }

    #[test]
    fn code_is_left_alone() {
        let src = "```\n/// note\n```\n";
        assert_eq!(convert(src), src);
    }
}

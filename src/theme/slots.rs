//! The long values of a page's context that the templates print whole, as trusted HTML: the
//! page's HTML (`page.content`), the sidebar (`sidebar_html`) and the JSON-LD
//! (`head.json_ld`). When every template prints one only as `{{ NAME | safe }}` (and tests it
//! only as `{% if NAME %}`), the context holds a short marker in its place, and the marker is
//! replaced by the text as the template's output is written ([`Splicer`]): the text goes into
//! the page once, never copied into Tera's values, through the `safe` filter and out again.

use std::io::Write;

/// A value of a page's context that may be spliced in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Content = 0,
    Sidebar = 1,
    JsonLd = 2,
}

const SLOTS: usize = 3;

/// Each slot's name in the context.
const PATHS: [&str; SLOTS] = ["page.content", "sidebar_html", "head.json_ld"];

/// What the context holds in a slot's place while the template renders. Noncharacters, so no
/// page or template text holds one; all of one length, so a write of that length is the only
/// one that can be a marker.
const MARKERS: [&str; SLOTS] = [
    "\u{FDD0}answerbook:page.content\u{FDD1}",
    "\u{FDD0}answerbook:sidebar_html\u{FDD1}",
    "\u{FDD0}answerbook:head.json_ld\u{FDD1}",
];

const MARKER_LEN: usize = MARKERS[0].len();
/// The first byte of every marker (U+FDD0 is `EF B7 90`).
const MARKER_FIRST: u8 = 0xEF;

impl Slot {
    pub const ALL: [Slot; SLOTS] = [Slot::Content, Slot::Sidebar, Slot::JsonLd];

    pub fn marker(self) -> &'static str {
        MARKERS[self as usize]
    }
}

/// Which slots a theme's templates let be spliced: those every template uses only as
/// `{{ NAME | safe }}` or `{% if NAME %}` (whitespace and `-` trim markers allowed), and none
/// when a template prints the whole context (`__tera_context`).
pub(super) fn spliceable<'t>(templates: impl Iterator<Item = &'t str> + Clone) -> [bool; SLOTS] {
    if templates.clone().any(|t| t.contains("__tera_context")) {
        return [false; SLOTS];
    }
    PATHS.map(|path| templates.clone().all(|t| used_plainly(t, path)))
}

/// Whether `template` uses `path` only as `{{ path | safe }}` or `{% if path %}`, or not at all.
pub(super) fn used_plainly(template: &str, path: &str) -> bool {
    let mut rest = template;
    while let Some(at) = rest.find(path) {
        let before = rest[..at].trim_end_matches([' ', '\t', '\n']);
        let after = rest[at + path.len()..].trim_start();
        let printed = trim_tag_end(before).ends_with("{{") && printed_safe(after);
        let tested = before
            .strip_suffix("if")
            .is_some_and(|b| trim_tag_end(b).ends_with("{%"))
            && closes_tag(after, "%}");
        if !(printed || tested) {
            return false;
        }
        rest = &rest[at + path.len()..];
    }
    true
}

/// `text` without the whitespace and `-` trim marker that may end it inside a tag's opening.
fn trim_tag_end(text: &str) -> &str {
    let text = text.trim_end_matches([' ', '\t', '\n']);
    text.strip_suffix('-').unwrap_or(text)
}

/// Whether `after` (what follows a name) is `| safe }}`.
fn printed_safe(after: &str) -> bool {
    let Some(after) = after.strip_prefix('|') else {
        return false;
    };
    let Some(after) = after.trim_start().strip_prefix("safe") else {
        return false;
    };
    closes_tag(after, "}}")
}

/// Whether `after` is whitespace, then `close` or `-close`.
fn closes_tag(after: &str, close: &str) -> bool {
    let after = after.trim_start();
    after.starts_with(close)
        || after
            .strip_prefix('-')
            .is_some_and(|a| a.starts_with(close))
}

/// The text of each slot a render splices in, in up to three parts (a shared sidebar is
/// the text before the current page's link, the mark, and the rest).
#[derive(Debug, Default, Clone, Copy)]
pub struct Fill<'a> {
    parts: [Option<[&'a str; 3]>; SLOTS],
}

impl<'a> Fill<'a> {
    pub fn set(&mut self, slot: Slot, parts: [&'a str; 3]) {
        self.parts[slot as usize] = Some(parts);
    }

    /// How long the text of the slots filled is.
    pub(super) fn text_len(&self) -> usize {
        self.parts.iter().flatten().flatten().map(|p| p.len()).sum()
    }

    /// The parts of the slot whose marker `bytes` is, if it is one filled.
    fn parts_of(&self, bytes: &[u8]) -> Option<[&'a str; 3]> {
        let at = MARKERS.iter().position(|m| m.as_bytes() == bytes)?;
        self.parts[at]
    }
}

/// A template's output, with each marker it writes replaced by its slot's text.
pub(super) struct Splicer<'f, 'a> {
    pub out: Vec<u8>,
    pub fill: &'f Fill<'a>,
}

impl Splicer<'_, '_> {
    fn put(&mut self, bytes: &[u8]) {
        // Most writes are short (an escaped run of a title, an `href`): no marker fits.
        if bytes.len() < MARKER_LEN || !self.put_marked(bytes) {
            self.out.extend_from_slice(bytes);
        }
    }

    /// Writes `bytes` with its markers replaced, if it holds any; else leaves it to the caller.
    fn put_marked(&mut self, bytes: &[u8]) -> bool {
        if bytes.len() == MARKER_LEN
            && let Some(parts) = self.fill.parts_of(bytes)
        {
            for part in parts {
                self.out.extend_from_slice(part.as_bytes());
            }
            return true;
        }
        // A marker inside a longer write (a value printed from a string that holds one).
        if memchr::memchr(MARKER_FIRST, bytes).is_none() {
            return false;
        }
        let mut rest = bytes;
        while let Some(at) = find_marker(rest) {
            let marker = &rest[at..at + MARKER_LEN];
            self.out.extend_from_slice(&rest[..at]);
            match self.fill.parts_of(marker) {
                Some(parts) => parts
                    .iter()
                    .for_each(|p| self.out.extend_from_slice(p.as_bytes())),
                None => self.out.extend_from_slice(marker),
            }
            rest = &rest[at + MARKER_LEN..];
        }
        self.out.extend_from_slice(rest);
        true
    }
}

/// Where the first marker in `bytes` starts.
fn find_marker(bytes: &[u8]) -> Option<usize> {
    MARKERS
        .iter()
        .filter_map(|m| memchr::memmem::find(bytes, m.as_bytes()))
        .min()
}

impl Write for Splicer<'_, '_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.put(buf);
        Ok(buf.len())
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        self.put(buf);
        Ok(())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_of_one_length() {
        assert!(MARKERS.iter().all(|m| m.len() == MARKER_LEN));
        assert!(MARKERS.iter().all(|m| m.as_bytes()[0] == MARKER_FIRST));
    }

    #[test]
    fn only_plain_safe_prints_and_if_tests_are_spliced() {
        let plain = |t: &str| used_plainly(t, "page.content");
        assert!(plain("<main>{{ page.content | safe }}</main>"));
        assert!(plain("{{- page.content|safe -}}"));
        assert!(plain("no content here"));
        assert!(plain(
            "{% if page.content %}{{ page.content | safe }}{% endif %}"
        ));
        assert!(plain("{%- if page.content -%}x{% endif %}"));
        assert!(!plain("{{ page.content }}"));
        assert!(!plain("{{ page.content | striptags | safe }}"));
        assert!(!plain("{% set c = page.content %}{{ c | safe }}"));
        assert!(!plain("{{ x.page.content | safe }}"));
        assert!(!plain(
            "{{ page.content | safe }}{{ page.content | length }}"
        ));
        assert!(!plain("{% if page.content and x %}{% endif %}"));
        assert!(!plain("{% if not page.content %}{% endif %}"));
        assert!(!plain("{% elif page.content %}"));
        assert!(!plain("{% if x.page.content %}"));
        assert!(!plain("{{ if page.content }}"));
    }

    #[test]
    fn a_template_printing_the_whole_context_splices_nothing() {
        let templates = ["{{ sidebar_html | safe }}", "{{ __tera_context }}"];
        assert_eq!(spliceable(templates.iter().copied()), [false; SLOTS]);
        assert_eq!(spliceable(templates[..1].iter().copied()), [true; SLOTS]);
    }

    #[test]
    fn markers_become_their_parts_whole_or_inside_a_write() {
        let mut fill = Fill::default();
        fill.set(Slot::Sidebar, ["<nav>", " x", "</nav>"]);
        let mut splicer = Splicer {
            out: Vec::new(),
            fill: &fill,
        };
        let sidebar = Slot::Sidebar.marker();
        let content = Slot::Content.marker();
        splicer.write_all(b"a").unwrap();
        splicer.write_all(sidebar.as_bytes()).unwrap();
        splicer
            .write_all(format!("[{sidebar}|{content}]é").as_bytes())
            .unwrap();
        let out = String::from_utf8(splicer.out).unwrap();
        assert_eq!(out, format!("a<nav> x</nav>[<nav> x</nav>|{content}]é"));
    }

    /// The rule it replaced: the template's whole output, then every marker in it replaced by
    /// its text (the text itself not looked at again).
    fn spliced_after(output: &str, fill: &Fill<'_>) -> String {
        let mut out = output.to_owned();
        for slot in Slot::ALL {
            if let Some(parts) = fill.parts[slot as usize] {
                let mut done = String::new();
                let mut rest = out.as_str();
                while let Some(at) = rest.find(slot.marker()) {
                    done.push_str(&rest[..at]);
                    done.push_str(&parts.concat());
                    rest = &rest[at + MARKER_LEN..];
                }
                done.push_str(rest);
                out = done;
            }
        }
        out
    }

    #[test]
    fn splicing_while_written_is_splicing_afterwards() {
        let [content, sidebar, json_ld] = MARKERS;
        let pieces = [
            "<p>",
            "text",
            "é",
            "\u{FDD0}",
            "\u{FDD1}",
            "\u{FDD0}answerbook:",
            "page",
            content,
            sidebar,
            json_ld,
            "&amp;",
        ];
        let writes = crate::test_text::generated(&pieces, 20_000, 5);
        let texts = ["<main>x</main>", "", "\u{FDD0}", "é"];
        for (i, chunk) in writes.chunks(4).enumerate() {
            let mut fill = Fill::default();
            if i % 2 == 0 {
                fill.set(Slot::Content, [texts[i % 4], "", ""]);
            }
            if i % 3 != 0 {
                fill.set(Slot::Sidebar, ["<nav>", " mark", texts[(i / 4) % 4]]);
            }
            if i % 5 != 0 {
                fill.set(Slot::JsonLd, ["{}", "", ""]);
            }
            let mut splicer = Splicer {
                out: Vec::new(),
                fill: &fill,
            };
            for write in chunk {
                splicer.write_all(write.as_bytes()).unwrap();
            }
            assert_eq!(
                String::from_utf8(splicer.out).unwrap(),
                spliced_after(&chunk.concat(), &fill),
                "{chunk:?}"
            );
        }
    }
}

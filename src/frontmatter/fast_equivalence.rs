//! Proof that the front matter fast path ([`super::fast`]) never disagrees with serde-saphyr:
//! for every input it either declines or gives the very same `FrontMatter`, down to the line,
//! column and span of `date` and `updated`. Inputs: the bundled knowledge base, every fixture
//! page, the shapes the README and `scripts/gen_pages.py` show, and thousands of generated
//! blocks mixing the common shape with near-misses.

use std::path::Path;

use super::{FrontMatter, fast, parse_with_parser};

/// What the fast path made of `text`: `Some(true)` read and equal to serde-saphyr's result,
/// `Some(false)` declined; panics when it read something serde-saphyr reads otherwise or
/// rejects.
fn agrees(text: &str) -> bool {
    let Some(fast) = fast::parse(text) else {
        return false;
    };
    match parse_with_parser(text, Path::new("x.md")) {
        Ok(slow) => assert_eq!(fast, slow, "fast path differs on {text:?}"),
        Err(err) => panic!("fast path read {text:?}, serde-saphyr says {err}"),
    }
    true
}

/// The block `scripts/gen_pages.py` writes for every page (title and description quoted,
/// `date` plain, `updated` quoted), and the bundled knowledge base's.
const GENERATED: &str = "title: \"Frozen sets or signal handlers: which should I reach for?\"
description: \"Frozen sets and signal handlers compared on speed, memory and readability.\"
meta:
  - name: robots
    content: index, follow
  - name: keywords
    content: python, sets, frozen sets, performance, io
  - name: Publisher
    content: Bjorn Quispe
date: 2022-03-01
updated: \"2022-04-10\"
";

#[test]
fn reads_the_generated_shape_as_serde_saphyr_does() {
    assert!(agrees(GENERATED));
    let front = fast::parse(GENERATED).unwrap();
    assert_eq!(front.meta.len(), 3);
    assert_eq!(
        front.meta[1].content,
        "python, sets, frozen sets, performance, io"
    );
    let updated = front.updated.unwrap();
    assert_eq!(
        (updated.referenced.line(), updated.referenced.column()),
        (11, 10)
    );
    assert_eq!(updated.referenced.span().len(), 12, "quotes included");
    // One non-ASCII character before the dates moves their character offsets, not their bytes.
    let accented = GENERATED.replace("Bjorn", "Björn");
    assert!(agrees(&accented));
}

#[test]
fn reads_the_shapes_the_readme_names() {
    let shapes = [
        "title: What is a list?\ndescription: 'It''s a sequence.'\ndraft: true\nfaq: false\n",
        "title: T\ntags:\n  - stdlib\n  - performance\nhide:\n- navigation\n- toc\ntemplate: \"wide.html\"\n",
        "# a comment\ntitle: C# tips\n\nupdated: 2025-10-07T09:30:00+02:00\n",
        "date: 2025-10-07\ndescription: \"Say \\\"hi\\\" with a back\\\\slash\"\nslug: my-page\n",
        "title: ünïcödé — 日本語\nupdated: 2025-10-07\nauthor: Zanele\n",
        "meta:\n- content: noindex\n  name: robots\ntitle: http://example.org/a#b\n",
    ];
    for shape in shapes {
        assert!(agrees(shape), "declined {shape:?}");
    }
    // Material's blog dates are a mapping: left to serde-saphyr, which reads them.
    let blog = "title: T\ndate:\n  created: 2026-02-18\n  updated: 2026-04-13\n";
    assert!(!agrees(blog));
    assert!(parse_with_parser(blog, Path::new("x.md")).is_ok());
}

/// Every page of the bundled knowledge base and of the test fixtures, read from this checkout.
#[test]
fn agrees_on_every_page_in_the_repository() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut pages = Vec::new();
    for dir in ["content", "tests/fixtures"] {
        collect_markdown(&root.join(dir), &mut pages);
    }
    let (mut read, mut bundled, mut bundled_read) = (0, 0, 0);
    for page in &pages {
        let Ok(text) = std::fs::read_to_string(page) else {
            continue;
        };
        let Some(yaml) = super::split(&text).yaml.filter(|y| !y.trim().is_empty()) else {
            continue;
        };
        let ok = agrees(yaml);
        read += usize::from(ok);
        if page.starts_with(root.join("content")) {
            bundled += 1;
            bundled_read += usize::from(ok);
        }
    }
    assert!(bundled > 10, "found {bundled} bundled pages");
    assert_eq!(
        bundled_read, bundled,
        "the bundled pages are the common shape"
    );
    assert!(read > bundled);
}

fn collect_markdown(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        if kind.is_dir() {
            collect_markdown(&path, out);
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "md") {
            out.push(path);
        }
    }
}

/// A small deterministic generator (a 64-bit LCG), so every run tests the same inputs.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
        from[self.below(from.len())]
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

#[rustfmt::skip]
const KEYS: &[&str] = &[
    "title", "title", "description", "description", "date", "date", "updated", "updated", "draft",
    "faq", "tags", "hide", "template", "slug", "author", "meta", "Title", "x-y", "_k", "yes",
    "null", "On", "1a", "a b", "extra", "key ", "-k", "date ",
];

/// Scalars and near-misses, written as they would appear after `key: `.
#[rustfmt::skip]
const ATOMS: &[&str] = &[
    "hello", "Hello world", "a, b", "C# tips", "x:y", "http://a.b/c?d=1#e", "what is 100%?",
    "é ü 日本", "naïve café", "a #b", "a# b", "a: b", "a:", "-x", "- x", "?x", "? x", ":x", "[a, b]",
    "{a: 1}", "[a", "&a x", "*a", "!tag x", "!!str 1", "|", ">", "|-", "%x", "@x", "`x`", "true",
    "false", "True", "FALSE", "yes", "No", "on", "off", "y", "n", "null", "~", "Null", "NULL", "1",
    "0", "-1", "+1", "012", "0o17", "0x1F", "1_000", "1.5", "1e3", "-.5", ".inf", "-.Inf", ".nan",
    "NaN", "inf", "2025-10-07", "2022-03-01", "2025-10-07T09:30:00Z", "2025-10-07 09:30:00",
    "2025-10-07t09:30:00+02:00", "2025", "2025-1-7", "12:30", "1:20:30", "2025-13-45", "today",
    "\u{a0}x", "x\u{a0}", "a'b", "a\"b", "a\\b", "a  b", "a,b", "a{b}", "a[b]", "=", "<<", "x=y",
    "(a)", "/p", "...", "---", "a...", "¿qué?", "a\u{2028}b", "a\u{85}b", "\u{feff}x", "emoji 🙂",
    "a\tb", "a\rb", "a\u{7f}b",
];

/// Values of the common shape.
#[rustfmt::skip]
const GOOD: &[&str] = &[
    "hello", "Hello world", "How do I sort a dict by value?", "index, follow", "C# tips",
    "naïve café", "2025-10-07", "2022-03-01", "2025-10-07T09:30:00Z", "Ines Moreau",
    "\"Frozen sets: which should I reach for?\"", "\"2022-04-10\"", "'It''s fine'",
    "python, sets, frozen sets, performance, io", "\"\"", "''", "what is 100%?", "Yes please",
];

/// Text inside quotes, escapes included.
#[rustfmt::skip]
const QUOTED: &[&str] = &[
    "", " ", "plain", " lead", "trail ", "a: b", "a #b", "it's", "it''s", "say \\\"hi\\\"",
    "back\\\\slash", "tab\\t", "nl\\n", "\\x41", "\\u00e9", "\\/", "\\", "a\\", "\"", "'",
    "2025-10-07", "true", "null", "~", "12", "1.5", "é日🙂", "a\u{a0}b", "x\\ y", "\\N",
];

/// One value as written after `key: `.
fn value(rng: &mut Lcg) -> String {
    if rng.chance(80) {
        return rng.pick(GOOD).to_owned();
    }
    let mut v = match rng.below(10) {
        0..=4 => rng.pick(ATOMS).to_owned(),
        5 => format!("{} {}", rng.pick(ATOMS), rng.pick(ATOMS)),
        6 | 7 => format!("\"{}\"", rng.pick(QUOTED)),
        8 => format!("'{}'", rng.pick(QUOTED).replace("\\\"", "\"")),
        _ => match rng.below(6) {
            0 => format!("\"{}", rng.pick(QUOTED)),
            1 => format!("'{}' x", rng.pick(QUOTED)),
            2 => format!("\"{}\" # note", rng.pick(QUOTED)),
            3 => format!("{} # note", rng.pick(ATOMS)),
            4 => String::new(),
            _ => format!("\"{}\"\"", rng.pick(QUOTED)),
        },
    };
    if rng.chance(10) {
        v.push_str(rng.pick(&[" ", "  ", "\t", " \t"]));
    }
    v
}

/// The lines of a list under a key (`tags:` or `meta:`), well formed or nearly.
fn list(rng: &mut Lcg, meta: bool) -> String {
    let indent = rng.pick(&["", "  ", "  ", "   ", "    "]);
    let mut out = String::new();
    for _ in 0..rng.below(4) + usize::from(rng.chance(90)) {
        let odd = rng.chance(8);
        if !meta || rng.chance(10) {
            out.push_str(&format!("{indent}- {}\n", value(rng)));
        } else {
            let (first, second) = if rng.chance(80) {
                ("name", "content")
            } else {
                (
                    rng.pick(&["content", "name", "rel"]),
                    rng.pick(&["name", "content", "value"]),
                )
            };
            out.push_str(&format!("{indent}- {first}: {}\n", value(rng)));
            let deeper = if odd {
                rng.pick(&[" ", "   ", "\t", ""])
            } else {
                "  "
            };
            if !rng.chance(5) {
                out.push_str(&format!("{indent}{deeper}{second}: {}\n", value(rng)));
            }
        }
        if odd {
            out.push_str(rng.pick(&["\n", "# c\n", "  # c\n", "    extra: x\n", "  - x\n"]));
        }
    }
    out
}

/// One front matter block.
fn block(rng: &mut Lcg) -> String {
    let mut out = String::new();
    for _ in 0..1 + rng.below(9) {
        let key = rng.pick(KEYS);
        match rng.below(20) {
            0 => out.push_str("# a comment: with colon\n"),
            1 => out.push('\n'),
            2 => out.push_str(rng.pick(&["  \n", " title: x\n", "\ttitle: x\n", "title:x\n"])),
            3 | 4 => out.push_str(&format!("{key}:\n{}", list(rng, key == "meta"))),
            5 => out.push_str("date:\n  created: 2026-02-18\n  updated: 2026-04-13\n"),
            6 => out.push_str(&format!(
                "{key}: {}\n",
                rng.pick(&["[a, b]", "{a: 1}", "|\n  x"])
            )),
            _ => out.push_str(&format!(
                "{key}:{}{}\n",
                rng.pick(&[" ", " ", " ", "  "]),
                value(rng)
            )),
        }
    }
    if rng.chance(5) {
        out = out.replace('\n', "\r\n");
    }
    if rng.chance(10) {
        out.pop();
    }
    out
}

/// A block made only of the common shape, with values drawn from the near-misses.
fn common_block(rng: &mut Lcg) -> String {
    let mut out = format!("title: {}\ndescription: {}\n", value(rng), value(rng));
    if rng.chance(70) {
        out.push_str("meta:\n");
        out.push_str(&list(rng, true));
    }
    for key in ["date", "updated", "tags"] {
        if rng.chance(60) {
            let typical = rng.pick(&["2025-10-07", "\"2022-04-10\"", "2025-10-07 09:30:00", "io"]);
            let v = if rng.chance(50) {
                typical.to_owned()
            } else {
                value(rng)
            };
            out.push_str(&format!("{key}: {v}\n"));
        }
    }
    if rng.chance(30) {
        let flag = rng.pick(&[
            "true", "false", "true", "false", "yes", "True", "\"true\"", "1",
        ]);
        out.push_str(&format!("{}: {flag}\n", rng.pick(&["draft", "faq"])));
    }
    out
}

#[test]
fn agrees_on_thousands_of_generated_blocks() {
    let mut rng = Lcg(7);
    let (mut read, mut declined, mut with_dates) = (0, 0, 0);
    for n in 0..12_000 {
        let text = if n % 2 == 0 {
            block(&mut rng)
        } else {
            common_block(&mut rng)
        };
        if agrees(&text) {
            read += 1;
            let front: FrontMatter = fast::parse(&text).unwrap();
            with_dates += usize::from(front.date.is_some() || front.updated.is_some());
        } else {
            declined += 1;
        }
    }
    // Both ways are exercised, dates (with their spans) among what was read.
    assert!(read > 2_000, "read {read}, declined {declined}");
    assert!(declined > 2_000, "read {read}, declined {declined}");
    assert!(with_dates > 500, "{with_dates} blocks with dates read");
}

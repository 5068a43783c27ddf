//! answerbook never panics on what users write: the pages of the bundled knowledge base and of
//! the fixtures, cut and spliced at pseudo-random places with fragments of every syntax it
//! knows (markers, fences, front matter, attribute lists, multi-byte text), must build to a
//! result (diagnostics are fine) without a panic. Deterministic: a fixed-seed generator.

use std::path::{Path, PathBuf};

use answerbook::{BuildOptions, build};

const FRAGMENTS: &[&str] = &[
    "!!! note",
    "???+ tip \"x\"",
    "??? \"t\"",
    "=== \"T\"",
    "===! \"U\"",
    "/// note | t",
    "///",
    "/// details | d\n    open: true",
    "```",
    "```py title=\"a\" hl_lines=\"9-1\" linenums=\"0\"",
    "~~~",
    "    ",
    "\t",
    "> ",
    "> [!NOTE]",
    "- ",
    "-",
    "1.",
    ":   ",
    ":",
    "{: .x #y }",
    "{ #",
    "{",
    "}",
    "[^1]",
    "[^1]: f",
    "*[HTML]: x",
    "*[",
    "<div markdown>",
    "</div>",
    "<!-- more -->",
    "<!--",
    "# ",
    "## H {#id}",
    "## H { id=\"9.1\" }",
    "[l](x.md#a)",
    "[l](../../../x.md)",
    "[r][ref]",
    "[ref]: ./a.md",
    "![i](i.png){ width=3 }",
    "é",
    "日本",
    "\u{200b}",
    "\r\n",
    "---\n",
    "title: [",
    "date: 2025-99-99",
    "\"",
    "`",
    "<script type=\"application/ld+json\">{",
    "</script>",
    "| a | b |\n|---|---|",
    "- [x] ",
    "%",
    "\\",
    "<answerbook-term>",
    "<!--answerbook:tab-set-->",
    "```sql\nSELECT a - b, 'x",
    "```python\ndef f(x=\"\"\"",
    "```yaml\nkey: [",
    "```toml\n[a.\"b",
    "```ts\nconst x = `${",
    "```rust\nfn r#x<'a>(",
    "```html\n<a href=\"",
    "```css\n@media {",
    "```json\n{\"a\": [1e",
    "```sh\n$ echo \"$(",
    "```js\n/re/g - 1",
    "```console\n$ ls -",
    "<!--answerbook:admonition-title-->",
];

/// A small linear congruential generator: the same cases on every run and machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) as usize) % below.max(1)
    }
}

fn sources() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut out = Vec::new();
    let mut stack: Vec<PathBuf> = vec![root.join("content"), root.join("tests/fixtures")];
    while let Some(dir) = stack.pop() {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            continue;
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        for path in paths {
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "md") {
                out.push(std::fs::read_to_string(&path).expect("utf-8 page"));
            }
        }
    }
    out
}

fn mutate(text: &str, rng: &mut Lcg) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for _ in 0..1 + rng.next(30) {
        let at = rng.next(chars.len() + 1);
        match rng.next(10) {
            0..=4 => {
                let fragment = FRAGMENTS[rng.next(FRAGMENTS.len())];
                let tail = ["\n", " ", "", "\n    "][rng.next(4)];
                chars.splice(at..at, fragment.chars().chain(tail.chars()));
            }
            5..=7 => {
                let end = (at + 1 + rng.next(20)).min(chars.len());
                chars.drain(at.min(end)..end);
            }
            _ => {
                let from = rng.next(chars.len() + 1);
                let piece: Vec<char> = chars[from..].iter().take(rng.next(80)).copied().collect();
                chars.splice(at..at, piece);
            }
        }
    }
    chars.into_iter().collect()
}

#[test]
fn mutated_pages_build_without_a_panic() {
    let sources = sources();
    assert!(sources.len() > 20, "found the pages to mutate");
    let mut rng = Lcg(0x5eed);
    for round in 0..3 {
        let site = tempfile::tempdir().expect("temp dir");
        let content = site.path().join("content/mutated");
        std::fs::create_dir_all(&content).expect("content folder");
        for i in 0..150 {
            let text = mutate(&sources[rng.next(sources.len())], &mut rng);
            std::fs::write(content.join(format!("p{i}.md")), text).expect("write page");
        }
        let opts = BuildOptions {
            site_dir: site.path().to_path_buf(),
            ..BuildOptions::default()
        };
        // Any outcome but a panic or a hang is fine: diagnostics, a failed build, a site.
        let (done, finished) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = done.send(build(&opts).map(|r| r.stats.is_some()));
        });
        let outcome = finished
            .recv_timeout(std::time::Duration::from_secs(120))
            .unwrap_or_else(|e| panic!("round {round}: the build panicked or did not finish: {e}"));
        assert!(outcome.is_ok(), "round {round}: {:?}", outcome.err());
    }
}

//! The JSON text of a graph, written straight into one string: each string escaped once, as
//! `serde_json` writes it and [`crate::markdown::faq::script_json`] then escapes it for a
//! `<script>` element (`<`, `>`, `&`, U+2028 and U+2029 as `\u` escapes), in one pass, with
//! no value built first.

use std::fmt::Write;

use super::{Faq, Graph, ListItem, Named, Node};

/// The JSON of `graph`, fit for a `<script>` element.
pub(super) fn graph(graph: &Graph<'_>) -> String {
    let mut out = String::with_capacity(1024);
    let mut obj = Obj::open(&mut out);
    obj.str("@context", graph.context);
    obj.key("@graph");
    write_array(obj.out, &graph.graph, write_node);
    obj.close();
    out
}

/// `items` as a JSON array, each written by `write`.
fn write_array<T>(out: &mut String, items: &[T], write: fn(&mut String, &T)) {
    out.push('[');
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write(out, item);
    }
    out.push(']');
}

fn write_node(out: &mut String, node: &Node<'_>) {
    let mut obj = Obj::open(out);
    obj.str("@type", node.kind);
    if let Some(author) = &node.author {
        obj.key("author");
        write_named(obj.out, author);
    }
    obj.opt_str("dateModified", node.date_modified);
    obj.opt_str("datePublished", node.date_published);
    obj.opt_str("description", node.description);
    obj.opt_str("inLanguage", node.in_language);
    if !node.item_list_element.is_empty() {
        obj.key("itemListElement");
        write_array(obj.out, &node.item_list_element, write_item);
    }
    if let Some(faq) = &node.main_entity {
        obj.key("mainEntity");
        obj.out.push('[');
        write_question(obj.out, faq);
        obj.out.push(']');
    }
    obj.opt_str("name", node.name);
    if let Some(publisher) = &node.publisher {
        obj.key("publisher");
        write_named(obj.out, publisher);
    }
    obj.opt_str("url", node.url);
    obj.close();
}

fn write_named(out: &mut String, named: &Named<'_>) {
    let mut obj = Obj::open(out);
    obj.str("@type", named.kind);
    obj.str("name", named.name);
    obj.close();
}

fn write_item(out: &mut String, item: &ListItem) {
    let mut obj = Obj::open(out);
    obj.str("@type", item.kind);
    obj.str("item", &item.item);
    obj.str("name", &item.name);
    obj.key("position");
    let _ = write!(obj.out, "{}", item.position);
    obj.close();
}

/// schema.org's `Question` with its accepted answer, as [`crate::markdown::faq::Question`]
/// serializes.
fn write_question(out: &mut String, faq: &Faq<'_>) {
    let mut obj = Obj::open(out);
    obj.str("@type", "Question");
    obj.key("acceptedAnswer");
    let mut answer = Obj::open(obj.out);
    answer.str("@type", "Answer");
    answer.str("text", faq.answer);
    answer.close();
    obj.str("name", faq.question);
    obj.close();
}

/// A JSON object being written: its members' commas and braces.
struct Obj<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Obj<'o> {
    fn open(out: &'o mut String) -> Obj<'o> {
        out.push('{');
        Obj { out, first: true }
    }

    /// A member's name (one of ours: nothing in it to escape) and its colon.
    fn key(&mut self, key: &str) {
        if !self.first {
            self.out.push(',');
        }
        self.first = false;
        self.out.push('"');
        self.out.push_str(key);
        self.out.push_str("\":");
    }

    fn str(&mut self, key: &str, value: &str) {
        self.key(key);
        string(self.out, value);
    }

    fn opt_str(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.str(key, value);
        }
    }

    fn close(self) {
        self.out.push('}');
    }
}

/// What a byte becomes in a string: 0 kept, 1 one of U+2028 and U+2029 perhaps (their first
/// byte), 2 a `\u00XX` escape, else the letter of its short escape (`n` for `\n`) or, for
/// `<`, `>` and `&`, `u`: `\u003c`-style.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = 2;
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table[b'<' as usize] = b'u';
    table[b'>' as usize] = b'u';
    table[b'&' as usize] = b'u';
    table[0xE2] = 1;
    table
};

const HEX: &[u8; 16] = b"0123456789abcdef";

/// `value` as a JSON string, escaped for a `<script>` element.
pub(super) fn string(out: &mut String, value: &str) {
    out.push('"');
    let bytes = value.as_bytes();
    let mut start = 0;
    let mut i = 0;
    // The bytes kept are most of them: found by one search, not a step of the loop each.
    while let Some(kept) = bytes[i..].iter().position(|&b| ESCAPE[b as usize] != 0) {
        i += kept;
        let escape = ESCAPE[bytes[i] as usize];
        let (with, len): (&str, usize) = match escape {
            1 => match (bytes.get(i + 1), bytes.get(i + 2)) {
                (Some(0x80), Some(0xA8)) => ("\\u2028", 3),
                (Some(0x80), Some(0xA9)) => ("\\u2029", 3),
                _ => {
                    i += 1;
                    continue;
                }
            },
            b'u' => (
                match bytes[i] {
                    b'<' => "\\u003c",
                    b'>' => "\\u003e",
                    _ => "\\u0026",
                },
                1,
            ),
            _ => ("", 1),
        };
        out.push_str(&value[start..i]);
        if with.is_empty() {
            out.push('\\');
            if escape == 2 {
                out.push_str("u00");
                out.push(HEX[(bytes[i] >> 4) as usize] as char);
                out.push(HEX[(bytes[i] & 0xF) as usize] as char);
            } else {
                out.push(escape as char);
            }
        } else {
            out.push_str(with);
        }
        i += len;
        start = i;
    }
    out.push_str(&value[start..]);
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::super::{Faq, Graph, ListItem, Named, Node};

    /// The rule it replaced: `serde_json`'s text of the graph, then escaped for a `<script>`
    /// element.
    fn serialized(graph: &Graph<'_>) -> String {
        crate::markdown::faq::script_json(graph)
    }

    #[test]
    fn written_json_is_the_serialized_json_over_generated_text() {
        let pieces = [
            "a", "Q & A", "\"", "\\", "\u{1}", "\u{8}", "\t", "\n", "\u{c}", "\r", "\u{1f}",
            "\u{7f}", "<", ">", "&", "\u{2028}", "\u{2029}", "\u{2027}", "\u{2000}", "€", "é",
            "\u{E000}", "/x/", " ",
        ];
        let texts = crate::test_text::generated(&pieces, 4000, 8);
        for (i, pair) in texts.chunks(2).enumerate() {
            let (a, b) = (pair[0].as_str(), pair[1].as_str());
            let node = Node {
                kind: if i % 2 == 0 { "FAQPage" } else { "WebPage" },
                author: (i % 3 == 0).then_some(Named {
                    kind: "Person",
                    name: a,
                }),
                date_modified: (i % 4 == 0).then_some(b),
                date_published: (i % 5 == 0).then_some(a),
                description: (i % 2 == 1).then_some(b),
                in_language: Some("en"),
                item_list_element: (0..i % 3)
                    .map(|n| ListItem {
                        kind: "ListItem",
                        item: b.to_owned(),
                        name: a.to_owned(),
                        position: n + 9,
                    })
                    .collect(),
                main_entity: (i % 2 == 0).then_some(Faq {
                    question: a,
                    answer: b,
                }),
                name: (i % 2 == 1).then_some(a),
                publisher: (i % 7 == 0).then_some(Named {
                    kind: "Organization",
                    name: b,
                }),
                url: (i % 3 != 1).then_some(b),
            };
            let graph = Graph {
                context: "https://schema.org",
                graph: vec![node, Node::default()],
            };
            assert_eq!(super::graph(&graph), serialized(&graph), "{a:?} {b:?}");
        }
    }
}

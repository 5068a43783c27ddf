//! The comparison of the fidelity tests (fidelity.rs): a page of a fixture site built by
//! answerbook, its article against the HTML MkDocs made of the same file, as a canonical
//! line-per-node rendering of each.

use std::fmt::Write as _;

use scraper::{ElementRef, Html, Node, Selector};

use crate::common::fixture;

/// A canonical, line-per-node rendering of an HTML fragment.
fn canon(html: &str) -> String {
    let doc = Html::parse_fragment(html);
    let mut out = String::new();
    for child in doc.root_element().children() {
        walk(child, 0, &mut out);
    }
    out
}

fn walk(node: ego_tree::NodeRef<'_, Node>, depth: usize, out: &mut String) {
    let pad = "  ".repeat(depth);
    match node.value() {
        Node::Text(t) => {
            // HTML's white space only: a no-break space is text a reader sees.
            let folded = t.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
            if !folded.is_empty() {
                let _ = writeln!(out, "{pad}{folded:?}");
            }
        }
        Node::Element(el) => {
            let element = ElementRef::wrap(node).expect("element");
            let name = el.name();
            if name == "a"
                && el
                    .attr("id")
                    .is_some_and(|id| id.starts_with("__codelineno"))
            {
                return;
            }
            if name == "div" && el.has_class("highlight", scraper::CaseSensitivity::CaseSensitive) {
                for child in node.children() {
                    walk(child, depth, out);
                }
                return;
            }
            if name == "pre" {
                let text: String = element.text().collect();
                let _ = writeln!(out, "{pad}<pre> {:?}", text.trim_end());
                return;
            }
            let mut attrs: Vec<(String, String)> = el
                .attrs()
                .map(|(k, v)| (k.to_owned(), v.to_owned()))
                .collect();
            attrs.sort();
            let attrs: String = attrs.iter().map(|(k, v)| format!(" {k}={v:?}")).collect();
            let _ = writeln!(out, "{pad}<{name}{attrs}>");
            for child in node.children() {
                walk(child, depth + 1, out);
            }
        }
        _ => {}
    }
}

pub(crate) fn compare(page: &str) {
    compare_in("fidelity", page);
}

/// Compares `page` of the fixture site `case` with `tests/fixtures/<case>/expected/<page>.html`.
pub(crate) fn compare_in(case: &str, page: &str) {
    let site = fixture(case);
    site.build(&[]).expect_code(0);
    let doc = site.page(&format!("{page}/"));
    let article = Selector::parse("article.page").expect("selector");
    let ours = doc
        .html
        .select(&article)
        .next()
        .expect("article")
        .inner_html();
    let root = env!("CARGO_MANIFEST_DIR");
    let expected_path = format!("{root}/tests/fixtures/{case}/expected/{page}.html");
    let expected = std::fs::read_to_string(&expected_path).expect("expected HTML");
    let (ours, expected) = (canon(&ours), canon(&expected));
    if ours != expected {
        let first = ours
            .lines()
            .zip(expected.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(0);
        let context = |s: &str| {
            s.lines()
                .skip(first.saturating_sub(3))
                .take(12)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "{page}: differs from MkDocs at node {first}\n--- answerbook\n{}\n--- MkDocs\n{}",
            context(&ours),
            context(&expected)
        );
    }
}

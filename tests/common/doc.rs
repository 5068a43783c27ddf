//! Reading a page of the output as a reader or a crawler would: parsed HTML looked up by CSS
//! selector, element text with white space folded, and the page's JSON-LD.

use std::path::{Path, PathBuf};

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::read_text;

/// A parsed HTML file of the output.
pub(crate) struct Doc {
    pub(crate) path: PathBuf,
    pub(crate) source: String,
    pub(crate) html: Html,
}

impl Doc {
    /// Reads `out/<site_path>index.html` for a folder path (`a/b/`, `""`), or `out/<site_path>`
    /// for a file path (`404.html`).
    pub(crate) fn read(out: &Path, site_path: &str) -> Doc {
        let path = if site_path.is_empty() || site_path.ends_with('/') {
            out.join(site_path).join("index.html")
        } else {
            out.join(site_path)
        };
        let source = read_text(&path);
        let html = Html::parse_document(&source);
        Doc { path, source, html }
    }

    /// Every element matching `css`.
    pub(crate) fn all(&self, css: &str) -> Vec<ElementRef<'_>> {
        let selector = Selector::parse(css).unwrap_or_else(|e| panic!("bad selector {css}: {e:?}"));
        self.html.select(&selector).collect()
    }

    /// The one element matching `css`; panics when there are none or several.
    #[track_caller]
    pub(crate) fn one(&self, css: &str) -> ElementRef<'_> {
        let found = self.all(css);
        assert_eq!(
            found.len(),
            1,
            "expected exactly one `{css}` in {}, found {}",
            self.path.display(),
            found.len()
        );
        found[0]
    }

    /// Whether some element matches `css`.
    pub(crate) fn has(&self, css: &str) -> bool {
        !self.all(css).is_empty()
    }

    /// Text of the one element matching `css`, white space folded.
    #[track_caller]
    pub(crate) fn text(&self, css: &str) -> String {
        text_of(self.one(css))
    }

    /// Texts of every element matching `css`, white space folded.
    pub(crate) fn texts(&self, css: &str) -> Vec<String> {
        self.all(css).into_iter().map(text_of).collect()
    }

    /// Attribute `name` of the one element matching `css`.
    #[track_caller]
    pub(crate) fn attr(&self, css: &str, name: &str) -> String {
        let el = self.one(css);
        el.value()
            .attr(name)
            .unwrap_or_else(|| panic!("`{css}` has no attribute {name}"))
            .to_owned()
    }

    /// `attr` of every element matching `css`.
    pub(crate) fn attrs(&self, css: &str, name: &str) -> Vec<String> {
        self.all(css)
            .into_iter()
            .filter_map(|e| e.value().attr(name).map(str::to_owned))
            .collect()
    }

    /// The href of the `<a>` whose text is exactly `text` (there must be one), outside the
    /// sidebar and the previous/next links (which repeat the titles of other pages).
    #[track_caller]
    pub(crate) fn href_of(&self, text: &str) -> String {
        let furniture: Vec<_> = self
            .all("nav.sidebar a, nav.prev-next a")
            .into_iter()
            .map(|a| a.id())
            .collect();
        let found: Vec<String> = self
            .all("a")
            .into_iter()
            .filter(|a| !furniture.contains(&a.id()))
            .filter(|a| text_of(*a) == text)
            .filter_map(|a| a.value().attr("href").map(str::to_owned))
            .collect();
        assert_eq!(
            found.len(),
            1,
            "expected one link with text {text:?} in {}, found {found:?}",
            self.path.display()
        );
        found[0].clone()
    }

    /// The `content` of `<meta name=NAME>` tags, in order.
    pub(crate) fn meta(&self, name: &str) -> Vec<String> {
        self.all("head meta[name]")
            .into_iter()
            .filter(|m| m.value().attr("name") == Some(name))
            .filter_map(|m| m.value().attr("content").map(str::to_owned))
            .collect()
    }

    /// Every JSON-LD block matching `css` (e.g. `head script[type="application/ld+json"]`),
    /// parsed. Panics if a block is not valid JSON: a crawler would reject it too.
    #[track_caller]
    pub(crate) fn json_ld_in(&self, css: &str) -> Vec<Value> {
        self.all(css)
            .into_iter()
            .map(|s| {
                let raw: String = s.text().collect();
                serde_json::from_str(&raw).unwrap_or_else(|e| {
                    panic!(
                        "JSON-LD in {} is not valid JSON ({e}):\n{raw}",
                        self.path.display()
                    )
                })
            })
            .collect()
    }

    /// Every JSON-LD block of the document, parsed.
    pub(crate) fn json_ld(&self) -> Vec<Value> {
        self.json_ld_in(r#"script[type="application/ld+json"]"#)
    }

    /// Every JSON-LD node of the document: each block, or each node of a block's `@graph`.
    pub(crate) fn json_ld_nodes(&self) -> Vec<Value> {
        self.json_ld()
            .into_iter()
            .flat_map(|v| match v.get("@graph") {
                Some(Value::Array(nodes)) => nodes.clone(),
                _ => vec![v],
            })
            .collect()
    }

    /// The JSON-LD nodes of the document whose `@type` is `kind`, inside an `@graph` or not.
    pub(crate) fn json_ld_of_type(&self, kind: &str) -> Vec<Value> {
        self.json_ld_nodes()
            .into_iter()
            .filter(|v| v["@type"] == kind)
            .collect()
    }

    /// The FAQPage nodes of the document, inside an `@graph` or not.
    pub(crate) fn faq_pages(&self) -> Vec<Value> {
        self.json_ld_of_type("FAQPage")
    }
}

/// Text content of an element with runs of white space folded to one space.
pub(crate) fn text_of(el: ElementRef<'_>) -> String {
    el.text()
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Text of the element itself, without the text of a headerlink permalink (`¶`).
pub(crate) fn heading_text(el: ElementRef<'_>) -> String {
    text_of(el).trim_end_matches('¶').trim_end().to_owned()
}

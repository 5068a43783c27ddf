//! The options of Python-Markdown's `toc` extension (`baselevel`, `permalink`, `anchorlink`,
//! `toc_depth`, `title`, `marker`, their classes) and the `[TOC]` marker, which becomes the
//! page's table of contents as `toc` writes it: `<div class="toc"><ul><li><a href="#id">`.

use std::fmt::Write as _;

use super::escape_attr;
use super::headings::Heading;

/// How headings and the table of contents are written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TocOptions {
    /// Level an `#` heading gets (`baselevel: 3`: `#` is an `<h3>`).
    pub baselevel: u8,
    /// Text of each heading's permalink; `None`: no permalink.
    pub permalink: Option<String>,
    pub permalink_class: String,
    pub permalink_title: String,
    /// The permalink goes before the heading's text.
    pub permalink_leading: bool,
    /// A heading's text is a link to itself.
    pub anchorlink: bool,
    pub anchorlink_class: String,
    /// Levels listed in the table of contents (`toc_depth: "2-4"`, or `3` for 1 to 3).
    pub depth: (u8, u8),
    /// Title above a `[TOC]` list.
    pub title: Option<String>,
    pub title_class: String,
    pub toc_class: String,
    /// The paragraph replaced by the table of contents; empty: none.
    pub marker: String,
}

impl Default for TocOptions {
    fn default() -> Self {
        TocOptions {
            baselevel: 1,
            permalink: Some("¶".to_owned()),
            permalink_class: "headerlink".to_owned(),
            permalink_title: "Permanent link".to_owned(),
            permalink_leading: false,
            anchorlink: false,
            anchorlink_class: "toclink".to_owned(),
            depth: (1, 6),
            title: None,
            title_class: "toctitle".to_owned(),
            toc_class: "toc".to_owned(),
            marker: "[TOC]".to_owned(),
        }
    }
}

impl TocOptions {
    /// The level a heading written with `level` `#`s gets.
    pub fn level(&self, level: u8) -> u8 {
        (level + self.baselevel.max(1) - 1).min(6)
    }

    /// The permalink anchor of a heading with `id`, if headings get one.
    pub fn permalink_html(&self, id: &str) -> String {
        let Some(text) = &self.permalink else {
            return String::new();
        };
        // Written straight into one string: a page has a permalink for every heading.
        let escape = |out: &mut String, s: &str| {
            pulldown_cmark_escape::escape_html(&mut *out, s).ok();
        };
        let mut out = String::with_capacity(
            40 + self.permalink_class.len() + id.len() + self.permalink_title.len() + text.len(),
        );
        out.push_str("<a class=\"");
        escape(&mut out, &self.permalink_class);
        out.push_str("\" href=\"#");
        escape(&mut out, id);
        out.push_str("\" title=\"");
        escape(&mut out, &self.permalink_title);
        out.push_str("\">");
        match text.as_str() {
            "¶" => out.push_str("&para;"),
            text => escape(&mut out, text),
        }
        out.push_str("</a>");
        out
    }
}

/// Replaces each paragraph that holds only the marker with the table of contents.
pub(super) fn replace_marker(html: &mut String, headings: &[Heading], options: &TocOptions) {
    if options.marker.is_empty() {
        return;
    }
    let paragraph = format!("<p>{}</p>", escape_attr(&options.marker));
    if !holds(html, &paragraph) {
        return;
    }
    let toc = toc_html(headings, options);
    *html = html.replace(&paragraph, &toc);
}

/// Whether `html` holds `paragraph` (`<p>` and the marker, so longer than 3 bytes): found at
/// the marker's first byte, which is rare in HTML (`[` of `[TOC]`), by one byte search.
fn holds(html: &str, paragraph: &str) -> bool {
    let (html, paragraph) = (html.as_bytes(), paragraph.as_bytes());
    let Some(&key) = paragraph.get(3) else {
        return memchr::memmem::find(html, paragraph).is_some();
    };
    memchr::memchr_iter(key, html).any(|at| at >= 3 && html[at - 3..].starts_with(paragraph))
}

/// The table of contents: nested lists of links, as `toc` writes them.
fn toc_html(headings: &[Heading], options: &TocOptions) -> String {
    let (min, max) = options.depth;
    let mut out = format!("<div class=\"{}\">\n", escape_attr(&options.toc_class));
    if let Some(title) = &options.title {
        let class = match options.title_class.as_str() {
            "" => String::new(),
            c => format!(" class=\"{}\"", escape_attr(c)),
        };
        let _ = write!(out, "<span{class}>{}</span>", escape_attr(title));
    }
    out.push_str("<ul>\n");
    // Levels of the lists open around the current item.
    let mut open: Vec<u8> = Vec::new();
    for h in headings.iter().filter(|h| (min..=max).contains(&h.level)) {
        match open.last() {
            None => open.push(h.level),
            Some(&top) if h.level > top => {
                out.push_str("\n<ul>\n");
                open.push(h.level);
            }
            Some(_) => {
                out.push_str("</li>\n");
                while open.len() > 1 && open.last().is_some_and(|&top| h.level < top) {
                    open.pop();
                    out.push_str("</ul>\n</li>\n");
                }
            }
        }
        let _ = write!(
            out,
            "<li><a href=\"#{}\">{}</a>",
            escape_attr(&h.id),
            escape_attr(&h.title)
        );
    }
    if !open.is_empty() {
        out.push_str("</li>\n");
        for _ in 1..open.len() {
            out.push_str("</ul>\n</li>\n");
        }
    }
    out.push_str("</ul>\n</div>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(level: u8, id: &str) -> Heading {
        Heading {
            level,
            id: id.to_owned(),
            title: id.to_uppercase(),
        }
    }

    #[test]
    fn the_marker_becomes_nested_lists() {
        let mut html = "<p>[TOC]</p>\n<h1>..".to_owned();
        let headings = [h(1, "a"), h(2, "b"), h(3, "c"), h(2, "d"), h(1, "e")];
        replace_marker(&mut html, &headings, &TocOptions::default());
        let want = "<div class=\"toc\">\n<ul>\n<li><a href=\"#a\">A</a>\n<ul>\n\
            <li><a href=\"#b\">B</a>\n<ul>\n<li><a href=\"#c\">C</a></li>\n</ul>\n</li>\n\
            <li><a href=\"#d\">D</a></li>\n</ul>\n</li>\n<li><a href=\"#e\">E</a></li>\n\
            </ul>\n</div>\n\n<h1>..";
        assert_eq!(html, want);
    }

    #[test]
    fn depth_and_base_level() {
        let options = TocOptions {
            depth: (2, 2),
            baselevel: 3,
            ..TocOptions::default()
        };
        assert_eq!(options.level(1), 3);
        assert_eq!(options.level(5), 6);
        let mut html = "<p>[TOC]</p>".to_owned();
        replace_marker(&mut html, &[h(1, "a"), h(2, "b")], &options);
        assert!(html.contains("#b") && !html.contains("#a"), "{html}");
    }

    /// The permalink [`TocOptions::permalink_html`] wrote before it wrote into one string.
    fn permalink_by_format(options: &TocOptions, id: &str) -> String {
        let Some(text) = &options.permalink else {
            return String::new();
        };
        let text = if text == "¶" {
            "&para;".to_owned()
        } else {
            escape_attr(text)
        };
        format!(
            "<a class=\"{}\" href=\"#{}\" title=\"{}\">{text}</a>",
            escape_attr(&options.permalink_class),
            escape_attr(id),
            escape_attr(&options.permalink_title)
        )
    }

    #[test]
    fn permalink_agrees_with_the_formatted_one() {
        let pieces = ["a", "-", "\"", "<", "&", "'", "é", " ", "¶"];
        let texts = crate::test_text::generated(&pieces, 400, 6);
        let mut options = vec![TocOptions::default()];
        for pair in texts.windows(2).step_by(7) {
            options.push(TocOptions {
                permalink: Some(pair[0].clone()),
                permalink_class: pair[1].clone(),
                permalink_title: pair[0].clone() + &pair[1],
                ..TocOptions::default()
            });
        }
        options.push(TocOptions {
            permalink: None,
            ..TocOptions::default()
        });
        for options in &options {
            for id in &texts {
                assert_eq!(
                    options.permalink_html(id),
                    permalink_by_format(options, id),
                    "{options:?} {id:?}"
                );
            }
        }
    }

    #[test]
    fn holds_agrees_with_contains() {
        let pieces = [
            "<p>",
            "[TOC]",
            "</p>",
            "[",
            "p>[",
            "\n",
            "a",
            "é",
            "<p>[TOC]</p>",
        ];
        let markers = ["<p>[TOC]</p>", "<p>x</p>", "<p>é</p>", "<p>", "<p", ""];
        for html in crate::test_text::generated(&pieces, 20_000, 9) {
            for paragraph in markers {
                assert_eq!(
                    holds(&html, paragraph),
                    html.contains(paragraph),
                    "{html:?} {paragraph:?}"
                );
            }
        }
    }
}

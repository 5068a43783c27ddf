//! Finds the links, images and first H1 of a page's markdown with their line and column, for
//! the checks of `answerbook check` ([`super`]).
//!
//! The body is read with every line's leading white space taken off (the count kept), so that
//! the indented bodies of `!!!` admonitions, `???` details and `===` tabs are read as markdown
//! rather than as indented code; fenced code stays code. Columns count characters, from 1.

use pulldown_cmark::{Event, HeadingLevel, LinkType, Parser, Tag, TagEnd};

/// What was found, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    pub kind: Kind,
    /// The link's or image's destination as written (empty for an H1).
    pub dest: String,
    /// Plain text: a link's text, an image's alt text, a heading's text.
    pub text: String,
    /// Whether a link holds an image (its text may then be empty).
    pub has_image: bool,
    pub line: usize,
    pub column: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Link,
    Image,
    /// An `<img>` written as HTML.
    HtmlImage,
    /// `<https://...>`: a link that is its own text.
    Autolink,
    H1,
}

/// Scans `body`, which starts on line `body_line` of its file.
pub fn scan(body: &str, body_line: usize) -> Vec<Found> {
    let mut text = String::with_capacity(body.len());
    // For each line: where it starts in `text`, and how many characters were taken off it.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    for line in body.split_inclusive('\n') {
        let kept = line.trim_start_matches([' ', '\t']);
        lines.push((text.len(), line.chars().count() - kept.chars().count()));
        text.push_str(kept);
    }
    let at = |offset: usize| -> (usize, usize) {
        let i = lines.partition_point(|&(start, _)| start <= offset).max(1) - 1;
        let (start, taken) = lines.get(i).copied().unwrap_or((0, 0));
        let column = text[start..offset.min(text.len())].chars().count() + taken + 1;
        (body_line + i, column)
    };
    let options = crate::markdown::options(&crate::markdown::Features::default());
    let mut found: Vec<Found> = Vec::new();
    // Indexes into `found` of the items whose text is still being read.
    let mut open: Vec<usize> = Vec::new();
    for (event, range) in Parser::new_ext(&text, options).into_offset_iter() {
        let start = |kind, dest: &str| {
            let (line, column) = at(range.start);
            Found {
                kind,
                dest: dest.to_owned(),
                text: String::new(),
                has_image: false,
                line,
                column,
            }
        };
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) if !matches!(link_type, LinkType::Autolink | LinkType::Email) => {
                open.push(found.len());
                found.push(start(Kind::Link, &dest_url));
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink,
                dest_url,
                ..
            }) => found.push(start(Kind::Autolink, &dest_url)),
            Event::Start(Tag::Image { dest_url, .. }) => {
                for &i in &open {
                    found[i].has_image = true;
                }
                open.push(found.len());
                found.push(start(Kind::Image, &dest_url));
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if !found.iter().any(|f| f.kind == Kind::H1) => {
                open.push(found.len());
                found.push(start(Kind::H1, ""));
            }
            Event::End(TagEnd::Link | TagEnd::Image | TagEnd::Heading(HeadingLevel::H1)) => {
                // Only what was opened closes (autolinks and later H1s were not).
                let kind = match event {
                    Event::End(TagEnd::Link) => Kind::Link,
                    Event::End(TagEnd::Image) => Kind::Image,
                    _ => Kind::H1,
                };
                if open.last().is_some_and(|&i| found[i].kind == kind) {
                    open.pop();
                }
            }
            Event::Text(t) | Event::Code(t) => {
                for &i in &open {
                    found[i].text.push_str(&t);
                }
            }
            Event::Html(_) | Event::InlineHtml(_) => {
                // `<img>` written as HTML: found with its alt text, if it has one.
                let source = &text[range.clone()];
                let lower = source.to_ascii_lowercase();
                let mut from = 0;
                while let Some(i) = lower[from..].find("<img").map(|i| from + i) {
                    let end = lower[i..].find('>').map_or(lower.len(), |e| i + e);
                    let tag = &source[i..end];
                    let (line, column) = at(range.start + i);
                    found.push(Found {
                        kind: Kind::HtmlImage,
                        dest: attribute(tag, "src").unwrap_or_default(),
                        text: attribute(tag, "alt").unwrap_or_default(),
                        has_image: false,
                        line,
                        column,
                    });
                    from = end;
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                for &i in &open {
                    found[i].text.push(' ');
                }
            }
            _ => {}
        }
    }
    found
}

/// The value of attribute `name` in an HTML tag (`<img src="a.png" alt=x>`), quoted or not.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name).map(|i| from + i) {
        from = i + name.len();
        let before_ok = lower[..i].ends_with(|c: char| c.is_ascii_whitespace());
        let rest = lower[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let start = tag.len() - rest.len() + 1;
        let value = tag[start..].trim_start();
        return Some(match value.chars().next() {
            Some(q @ ('"' | '\'')) => value[1..].split(q).next().unwrap_or("").to_owned(),
            _ => value
                .split(|c: char| c.is_ascii_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_owned(),
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_links_images_and_the_h1_with_their_positions() {
        let body = "# Is it *lazy*?\n\nSee [the docs](a.md) and ![](x.png).\n\n!!! note\n    An [](b.md) and [t]().\n\n```md\n[in code](c.md)\n```\n\n# Second\n";
        let found = scan(body, 3);
        let shown: Vec<(Kind, &str, &str, bool, usize, usize)> = found
            .iter()
            .map(|f| {
                (
                    f.kind,
                    f.dest.as_str(),
                    f.text.as_str(),
                    f.has_image,
                    f.line,
                    f.column,
                )
            })
            .collect();
        assert_eq!(
            shown,
            [
                (Kind::H1, "", "Is it lazy?", false, 3, 1),
                (Kind::Link, "a.md", "the docs", false, 5, 5),
                (Kind::Image, "x.png", "", false, 5, 26),
                (Kind::Link, "b.md", "", false, 8, 8),
                (Kind::Link, "", "t", false, 8, 21),
            ]
        );
    }

    #[test]
    fn html_images_are_found_with_their_alt_text() {
        let body = "<p>An <IMG src=\"a.png\"> and <img alt='A cat' src=b.png /></p>\n\nText <img src=c.png alt=\"\">.\n";
        let found: Vec<(String, String, usize, usize)> = scan(body, 1)
            .into_iter()
            .map(|f| (f.dest, f.text, f.line, f.column))
            .collect();
        assert_eq!(
            found,
            [
                ("a.png".to_owned(), String::new(), 1, 7),
                ("b.png".to_owned(), "A cat".to_owned(), 1, 29),
                ("c.png".to_owned(), String::new(), 3, 6),
            ]
        );
    }

    #[test]
    fn a_linked_image_counts_as_the_link_text() {
        let found = scan("[![logo](l.png)](https://x.test)\n", 1);
        assert!(found[0].has_image);
        assert_eq!(found[1].text, "logo");
    }

    #[test]
    fn autolinks_are_found_apart_from_links() {
        let found = scan("Ask <https://x.test/a> or <me@x.test>.\n", 2);
        let shown: Vec<(Kind, &str, usize, usize)> = found
            .iter()
            .map(|f| (f.kind, f.dest.as_str(), f.line, f.column))
            .collect();
        assert_eq!(shown, [(Kind::Autolink, "https://x.test/a", 2, 5)]);
    }
}

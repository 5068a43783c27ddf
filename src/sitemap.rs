//! `sitemap.xml` and `robots.txt`.

use std::fmt::Write as _;

use crate::urls::{self, BaseUrl};

/// One URL of the sitemap.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub path: &'a str,
    /// W3C datetime of the last change, when the page says it.
    pub lastmod: Option<&'a str>,
}

/// The sitemap, URLs sorted so builds are reproducible.
pub fn sitemap(base: &BaseUrl, entries: &mut [Entry<'_>]) -> String {
    const HEAD: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n";
    entries.sort_by(|a, b| a.path.cmp(b.path));
    // Every URL is the base's, then its own encoded path: the base is escaped once.
    let prefix = base.url_of("");
    let prefix = escape_xml(&prefix);
    let mut xml = String::with_capacity(HEAD.len() + entries.len() * (prefix.len() + 96));
    xml.push_str(HEAD);
    for entry in entries.iter() {
        xml.push_str("  <url>\n    <loc>");
        xml.push_str(&prefix);
        xml.push_str(&escape_xml(&urls::encode_path(entry.path)));
        xml.push_str("</loc>\n");
        if let Some(lastmod) = entry.lastmod {
            xml.push_str("    <lastmod>");
            xml.push_str(&escape_xml(lastmod));
            xml.push_str("</lastmod>\n");
        }
        xml.push_str("  </url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}

/// Allows everything and points at the sitemap (crawlers need its absolute URL).
pub fn robots(base: &BaseUrl) -> String {
    let mut txt = String::from("User-agent: *\nAllow: /\n");
    if base.absolute.is_some() {
        let _ = write!(txt, "\nSitemap: {}\n", base.url_of("sitemap.xml"));
    }
    txt
}

/// `s` for XML text and attribute values: `&`, `<`, `>` and `"` escaped, in one pass; most
/// URLs and dates have none of them and are borrowed as they are.
pub(crate) fn escape_xml(s: &str) -> std::borrow::Cow<'_, str> {
    // Two vector searches: a sitemap escapes two strings for each of its pages.
    let bytes = s.as_bytes();
    let first = match memchr::memchr3(b'&', b'<', b'>', bytes) {
        Some(i) => memchr::memchr(b'"', &bytes[..i]).unwrap_or(i),
        None => match memchr::memchr(b'"', bytes) {
            Some(i) => i,
            None => return std::borrow::Cow::Borrowed(s),
        },
    };
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(&s[..first]);
    for c in s[first..].chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_url_is_its_page_url_escaped() {
        let pieces = ["a", "/", "&", "é", " ", "%", "<", "\"", "#", "?", "b.html"];
        let paths = crate::test_text::generated(&pieces, 2000, 8);
        for base in ["https://example.org/q&a/", "/docs&more/", ""] {
            let base = BaseUrl::parse(base);
            let mut entries: Vec<Entry<'_>> = paths
                .iter()
                .map(|path| Entry {
                    path,
                    lastmod: Some("2024-01-02"),
                })
                .collect();
            let xml = sitemap(&base, &mut entries);
            let locs: Vec<&str> = xml
                .split("<loc>")
                .skip(1)
                .filter_map(|rest| rest.split("</loc>").next())
                .collect();
            let mut want: Vec<&String> = paths.iter().collect();
            want.sort();
            let want: Vec<String> = want
                .into_iter()
                .map(|path| escape_xml(&base.url_of(path)).into_owned())
                .collect();
            assert_eq!(locs, want);
        }
    }

    #[test]
    fn xml_escapes_the_four_characters_and_nothing_else() {
        assert_eq!(escape_xml("a&b<c>d\"e'f é"), "a&amp;b&lt;c&gt;d&quot;e'f é");
        assert!(matches!(
            escape_xml("https://example.org/a/"),
            std::borrow::Cow::Borrowed(_)
        ));
        let pieces = ["a", "&", "<", ">", "\"", "'", "é", " "];
        for text in crate::test_text::generated(&pieces, 5000, 9) {
            let by_char: String = text
                .chars()
                .map(|c| match c {
                    '&' => "&amp;".to_owned(),
                    '<' => "&lt;".to_owned(),
                    '>' => "&gt;".to_owned(),
                    '"' => "&quot;".to_owned(),
                    c => c.to_string(),
                })
                .collect();
            assert_eq!(escape_xml(&text), by_char, "{text:?}");
        }
    }
}

//! `sitemap.xml` and `robots.txt`.

use std::fmt::Write as _;

use crate::urls::BaseUrl;

/// One URL of the sitemap.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub path: &'a str,
    /// W3C datetime of the last change, when the page says it.
    pub lastmod: Option<&'a str>,
}

/// The sitemap, URLs sorted so builds are reproducible.
pub fn sitemap(base: &BaseUrl, entries: &mut [Entry<'_>]) -> String {
    entries.sort_by(|a, b| a.path.cmp(b.path));
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    for entry in entries.iter() {
        let _ = write!(
            xml,
            "  <url>\n    <loc>{}</loc>\n",
            escape_xml(&base.url_of(entry.path))
        );
        if let Some(lastmod) = entry.lastmod {
            let _ = writeln!(xml, "    <lastmod>{}</lastmod>", escape_xml(lastmod));
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
    let special = |b: &u8| matches!(b, b'&' | b'<' | b'>' | b'"');
    let Some(first) = s.bytes().position(|b| special(&b)) else {
        return std::borrow::Cow::Borrowed(s);
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
    use super::escape_xml;

    #[test]
    fn xml_escapes_the_four_characters_and_nothing_else() {
        assert_eq!(escape_xml("a&b<c>d\"e'f é"), "a&amp;b&lt;c&gt;d&quot;e'f é");
        assert!(matches!(
            escape_xml("https://example.org/a/"),
            std::borrow::Cow::Borrowed(_)
        ));
    }
}

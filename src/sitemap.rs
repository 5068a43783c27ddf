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

fn escape_xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

//! Files made from every page once phase two is done: `feed.xml` (an Atom feed, RFC 4287, of
//! the newest dated questions) and `llms.txt` (the llmstxt.org format: the site's title, a
//! one-line summary, then each section's questions as links with their short answers). Each
//! is left out when the site ships its own.

use std::fmt::Write as _;

use crate::content::{Page, PageId, SectionId};
use crate::discover::Asset;
use crate::error::Result;
use crate::output::Sink;
use crate::sitemap::escape_xml as escape;

use super::{Facts, Site};

/// Entries in the feed at most.
const FEED_ENTRIES: usize = 50;

/// Writes `feed.xml` (with an absolute base URL) and `llms.txt` unless the site ships them,
/// or leaves them as they are when what they are made from did not change (named in `kept`);
/// returns how many it wrote.
pub(super) fn write(
    site: &Site<'_>,
    facts: &Facts,
    assets: &[Asset],
    out: (&dyn Sink, &mut Vec<String>),
) -> Result<usize> {
    let (sink, kept) = out;
    let shipped = |name: &str| super::files::shipped(site, assets, name);
    let mut written = 0;
    if site.base.absolute.is_some() && !shipped("feed.xml") {
        let dated = newest(site);
        written += super::memo::put_derived(
            site,
            (sink, &mut *kept),
            "feed.xml",
            |h| atom_inputs(site, facts, &dated, h),
            || atom(site, facts, &dated).into_bytes(),
        )?;
    }
    if !shipped("llms.txt") {
        written += super::memo::put_derived(
            site,
            (sink, kept),
            "llms.txt",
            |h| llms_inputs(site, facts, h),
            || llms_txt(site, facts).into_bytes(),
        )?;
    }
    Ok(written)
}

/// A page's short answer: its answer admonition, else its description.
fn short_answer<'s>(site: &'s Site<'_>, facts: &'s Facts, id: PageId) -> Option<&'s str> {
    super::search::answer_of(site, id, &facts[id]).filter(|a| !a.trim().is_empty())
}

/// An RFC 3339 date-time (Atom needs a time; a plain day is its midnight in UTC).
fn atom_time(t: jiff::Timestamp) -> String {
    t.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}

/// The feed's entries: the newest dated questions (by their last change), newest first.
fn newest<'s>(site: &'s Site<'_>) -> Vec<(jiff::Timestamp, PageId, &'s Page)> {
    let mut dated: Vec<(jiff::Timestamp, PageId, &Page)> = site
        .pages
        .ids()
        .filter(|(_, p)| p.is_question())
        .filter_map(|(id, p)| {
            let when = p.updated.as_ref().or(p.date.as_ref())?.instant()?;
            Some((when, id, p))
        })
        .collect();
    let newer = |a: &(jiff::Timestamp, PageId, &Page), b: &(jiff::Timestamp, PageId, &Page)| {
        b.0.cmp(&a.0).then_with(|| a.2.url.cmp(&b.2.url))
    };
    // Only the first FEED_ENTRIES are shown: those are found, then sorted.
    if dated.len() > FEED_ENTRIES {
        dated.select_nth_unstable_by(FEED_ENTRIES - 1, newer);
        dated.truncate(FEED_ENTRIES);
    }
    dated.sort_by(newer);
    dated
}

/// Everything [`atom`] reads, hashed: the site's title, description, author and base URL, and
/// each entry's page (title, URL, dates) and short answer; a feed of no dated question, which
/// says when it was made, never hashes the same.
fn atom_inputs(
    site: &Site<'_>,
    facts: &Facts,
    dated: &[(jiff::Timestamp, PageId, &Page)],
    h: &mut super::memo::InputsHasher,
) {
    use std::hash::Hash;
    let config = site.config;
    (&config.title, &config.description).hash(h);
    (&config.author, &config.publisher).hash(h);
    (&site.base.path, &site.base.absolute).hash(h);
    if dated.is_empty() {
        crate::clock::now().hash(h);
    }
    dated.len().hash(h);
    for (when, id, page) in dated {
        let published = page.date.as_ref().map(|d| &d.machine);
        (when, &page.title, &page.url, published).hash(h);
        short_answer(site, facts, *id).hash(h);
    }
}

fn atom(site: &Site<'_>, facts: &Facts, dated: &[(jiff::Timestamp, PageId, &Page)]) -> String {
    let updated = dated.first().map_or_else(crate::clock::now, |d| d.0);
    let home = site.base.url_of("");
    let config = site.config;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n",
    );
    let _ = writeln!(xml, "  <title>{}</title>", escape(&config.title));
    if !config.description.is_empty() {
        let _ = writeln!(
            xml,
            "  <subtitle>{}</subtitle>",
            escape(&config.description)
        );
    }
    let _ = writeln!(xml, "  <id>{}</id>", escape(&home));
    let _ = writeln!(
        xml,
        "  <link rel=\"alternate\" href=\"{}\"/>",
        escape(&home)
    );
    let _ = writeln!(
        xml,
        "  <link rel=\"self\" href=\"{}\"/>",
        escape(&site.base.url_of("feed.xml"))
    );
    let _ = writeln!(xml, "  <updated>{}</updated>", atom_time(updated));
    let author = config
        .author
        .as_deref()
        .or(config.publisher.as_deref())
        .unwrap_or(&config.title);
    let _ = writeln!(xml, "  <author><name>{}</name></author>", escape(author));
    for (when, id, page) in dated {
        let url = site.base.url_of(&page.url);
        xml.push_str("  <entry>\n");
        let _ = writeln!(xml, "    <title>{}</title>", escape(&page.title));
        let _ = writeln!(xml, "    <id>{}</id>", escape(&url));
        let _ = writeln!(
            xml,
            "    <link rel=\"alternate\" href=\"{}\"/>",
            escape(&url)
        );
        let _ = writeln!(xml, "    <updated>{}</updated>", atom_time(*when));
        if let Some(published) = page.date.as_ref().and_then(|d| d.instant()) {
            let _ = writeln!(xml, "    <published>{}</published>", atom_time(published));
        }
        if let Some(answer) = short_answer(site, facts, *id) {
            let _ = writeln!(xml, "    <summary>{}</summary>", escape(answer));
        }
        xml.push_str("  </entry>\n");
    }
    xml.push_str("</feed>\n");
    xml
}

/// `llms.txt`: `# Title`, `> summary`, then a `## Section` list of `- [Question](url): answer`
/// for every section with questions, home first, the rest by folder.
fn llms_txt(site: &Site<'_>, facts: &Facts) -> String {
    let config = site.config;
    let mut out = format!("# {}\n", one_line(&config.title));
    if !config.description.trim().is_empty() {
        let _ = write!(out, "\n> {}\n", one_line(&config.description));
    }
    // Every link is the base's URL, then the page's own encoded path.
    let prefix = site.base.url_of("");
    let mut sections: Vec<(SectionId, &crate::content::Section)> = site.sections.ids().collect();
    sections.sort_by(|a, b| a.1.folder.cmp(&b.1.folder));
    for (s, section) in sections {
        let mut pages: Vec<PageId> = section.pages.clone();
        if pages.is_empty() {
            continue;
        }
        pages.sort_by_cached_key(|&p| site.pages[p].title.to_lowercase());
        let title = if s == SectionId::HOME {
            "Questions"
        } else {
            section.title.as_str()
        };
        out.push_str("\n## ");
        out.push_str(&one_line(title));
        out.push_str("\n\n");
        for p in pages {
            let page = &site.pages[p];
            let title = one_line(&page.title);
            out.push_str("- [");
            match title.contains(['[', ']']) {
                true => out.push_str(&title.replace(['[', ']'], "")),
                false => out.push_str(&title),
            }
            out.push_str("](");
            out.push_str(&prefix);
            out.push_str(&crate::urls::encode_path(&page.url));
            out.push(')');
            if let Some(answer) = short_answer(site, facts, p) {
                out.push_str(": ");
                out.push_str(&one_line(answer));
            }
            out.push('\n');
        }
    }
    out
}

/// Everything [`llms_txt`] reads, hashed: the site's title and description, the base URL,
/// every section's folder, title and questions, and every question's title, URL and short
/// answer.
fn llms_inputs(site: &Site<'_>, facts: &Facts, h: &mut super::memo::InputsHasher) {
    use std::hash::Hash;
    (&site.config.title, &site.config.description).hash(h);
    (&site.base.path, &site.base.absolute).hash(h);
    for (s, section) in site.sections.ids() {
        (s == SectionId::HOME, &section.folder, &section.title).hash(h);
        section.pages.len().hash(h);
        for &p in &section.pages {
            let page = &site.pages[p];
            (&page.title, &page.url, short_answer(site, facts, p)).hash(h);
        }
    }
}

/// Text on one line: runs of white space (line breaks included) folded to one space.
fn one_line(text: &str) -> String {
    crate::markdown::plain_text::fold(text)
}

//! Titles, settled in phase one before any page renders, since every page shows others'
//! titles (breadcrumbs, listings): a page's front matter title, else its first H1, else the
//! title a `nav` gives it, else its file name; a section's is its index page's, the site's for the home page, the nav's, else
//! its folder's name.
//!
//! Finding a first H1 needs the markdown rendered. The common case needs only one line: when
//! the body opens with an ATX `# Title` line that cannot refer to anything defined elsewhere
//! in the page (no `[`), that line alone gives the same text. Otherwise the page is rendered
//! once here for its H1 (and once more in phase two), which only pages without a front matter
//! title and without such an opening line pay for.

use rayon::prelude::*;

use crate::config::SiteConfig;
use crate::content::{self, Page, PageId, Pages, SectionId, Sections};
use crate::link_index::LinkIndex;
use crate::markdown::{self, Features, links::LinkContext};

/// Sets `title` on every page and section.
pub fn settle(
    pages: &mut Pages,
    sections: &mut Sections,
    config: &SiteConfig,
    features: &Features,
    index: &LinkIndex,
) {
    let titles: Vec<Option<String>> = pages
        .ids()
        .collect::<Vec<_>>()
        .into_par_iter()
        .map(|(id, page)| {
            // A page from the build cache keeps the title it had.
            (!page.reused).then(|| page_title(id, page, config, features, index))
        })
        .collect();
    for (page, title) in pages.iter_mut().zip(titles) {
        if let Some(title) = title {
            page.title = title;
        }
    }
    for (s, section) in sections.iter_mut().enumerate() {
        section.title = match (section.index, &section.placed) {
            (Some(p), _) => pages[p].title.clone(),
            (None, _) if s == SectionId::HOME.0 as usize => config.title.clone(),
            (None, Some(content::Placed { title: Some(t), .. })) => t.clone(),
            (None, _) => content::humanize(section.folder.rsplit('/').next().unwrap_or("")),
        };
    }
}

fn page_title(
    id: PageId,
    page: &Page,
    config: &SiteConfig,
    features: &Features,
    index: &LinkIndex,
) -> String {
    if let Some(t) = page.front.given_title() {
        return t.to_owned();
    }
    if let Some(h1) = first_h1(id, page, config, features, index).filter(|t| !t.is_empty()) {
        return h1;
    }
    // Without an H1, the title an MkDocs `nav` gives the page, as MkDocs does.
    if let Some(title) = page.placed.as_ref().and_then(|p| p.title.clone()) {
        return title;
    }
    let stem = page
        .rel_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if page.is_index {
        page.rel_path
            .parent()
            .and_then(|p| p.file_name())
            .map_or(stem, |n| content::humanize(&n.to_string_lossy()))
    } else {
        content::humanize(&stem)
    }
}

/// The plain text of the page's first H1, as rendering the whole page finds it.
pub fn first_h1(
    id: PageId,
    page: &Page,
    config: &SiteConfig,
    features: &Features,
    index: &LinkIndex,
) -> Option<String> {
    let body = page.body();
    let opening = body.lines().find(|l| !l.trim().is_empty());
    let source = match opening {
        Some(line) if is_plain_atx_h1(line) => line,
        _ => body,
    };
    let input = markdown::Input {
        body: source,
        body_line: page.body_line,
        display_path: &page.display_path,
        links: LinkContext {
            source: &page.rel_path,
            page: id,
            page_url: &page.url,
            index,
            absolute_base: None,
        },
        answer_title: &config.answer_title,
        features,
        faq: markdown::faq::FaqRule::default(),
    };
    markdown::render(&input).h1
}

/// `# Title` at the start of a line, with nothing that needs the rest of the page to read.
fn is_plain_atx_h1(line: &str) -> bool {
    let rest = match line.strip_prefix('#') {
        Some(rest) => rest,
        None => return false,
    };
    (rest.is_empty() || rest.starts_with([' ', '\t'])) && !line.contains('[')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_opening_h1_takes_the_short_way() {
        assert!(is_plain_atx_h1("# How do I sort a dict?"));
        assert!(is_plain_atx_h1("# `sorted()` and *keys* {#sorting}"));
        assert!(!is_plain_atx_h1("## Not an H1"));
        assert!(!is_plain_atx_h1("#hashtag"));
        assert!(!is_plain_atx_h1("# See [the docs][ref]"));
        assert!(!is_plain_atx_h1("    # code"));
    }
}

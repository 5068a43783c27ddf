//! Relative links: `../python-lists/how-to-iterate-over-a-list.md#gotchas` becomes the URL of
//! the page it names, relative to the page being rendered; links to copied files and section
//! folders are rewritten the same way. What does not resolve is reported with its line.
//! External links are left alone.

use std::path::Path;

use crate::content::PageId;
use crate::link_index::{LinkIndex, Target};
use crate::urls;

/// A `#fragment` that must exist on a page, checked once every page has its heading ids.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnchorRef {
    /// The page the fragment must be on.
    pub page: PageId,
    pub fragment: String,
    /// The link as written, for the message.
    pub written: String,
    pub line: usize,
}

/// Where rendering happens: which page, at which URL.
#[derive(Debug, Clone, Copy)]
pub struct LinkContext<'a> {
    pub source: &'a Path,
    pub page: PageId,
    pub page_url: &'a str,
    pub index: &'a LinkIndex,
    /// For a page served at any URL (the 404 page): links are written as absolute paths under
    /// this base path (`/kb/`) instead of relative to the page.
    pub absolute_base: Option<&'a str>,
}

/// What became of one link.
#[derive(Debug, PartialEq, Eq)]
pub enum Rewrite {
    /// Leave it as written (external, empty, or nothing to change).
    Keep,
    /// Use this href; check the anchor, if any.
    Href {
        href: String,
        anchor: Option<(PageId, String)>,
    },
    /// Nothing at that path (or a draft): the message says which.
    Broken(String),
}

pub fn rewrite(dest: &str, cx: &LinkContext<'_>) -> Rewrite {
    if dest.is_empty() || urls::is_external(dest) {
        return Rewrite::Keep;
    }
    let (before_fragment, fragment) = match dest.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (dest, None),
    };
    let (path, query) = match before_fragment.split_once('?') {
        Some((p, q)) => (p, Some(q)),
        None => (before_fragment, None),
    };
    if path.is_empty() {
        // `#anchor` on this page (or `?q#a`): the href stays, the anchor is checked.
        let anchor = fragment
            .filter(|f| !f.is_empty())
            .map(|f| (cx.page, urls::decode(f)));
        return if anchor.is_some() {
            Rewrite::Href {
                href: dest.to_owned(),
                anchor,
            }
        } else {
            Rewrite::Keep
        };
    }
    let decoded = urls::decode(path);
    let Some(resolved) = urls::resolve_relative_key(cx.source, &decoded) else {
        return Rewrite::Broken(format!("broken link '{dest}': it leads outside content/"));
    };
    let (url, page) = match cx.index.get_key(&resolved) {
        Some(Target::Page { page, url }) => (url, Some(page)),
        Some(Target::Section { url } | Target::File { url }) => (url, None),
        Some(Target::Draft) => {
            return Rewrite::Broken(format!("broken link '{dest}': that page is a draft"));
        }
        None => return Rewrite::Broken(format!("broken link '{dest}'")),
    };
    let mut href = match cx.absolute_base {
        Some(base) => format!("{base}{}", urls::encode_path(url)),
        None => urls::href(cx.page_url, url),
    };
    if let Some(q) = query {
        href.push('?');
        href.push_str(q);
    }
    let mut anchor = None;
    if let Some(f) = fragment {
        href.push('#');
        href.push_str(f);
        if let (Some(page), false) = (page, f.is_empty()) {
            anchor = Some((page, urls::decode(f)));
        }
    }
    Rewrite::Href { href, anchor }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn index() -> LinkIndex {
        let mut idx = LinkIndex::default();
        idx.add_page(Path::new("a/x.md"), PageId(0), "a/x/".into());
        idx.add_page(Path::new("b/y.md"), PageId(1), "b/y/".into());
        idx.add_page(Path::new("b/index.md"), PageId(2), "b/".into());
        idx.add_file(Path::new("a/pic 1.png"), "a/pic 1.png".into());
        idx.add_draft(Path::new("a/wip.md"));
        idx.add_section("b", "b/".into());
        idx
    }

    fn run(dest: &str) -> Rewrite {
        let idx = index();
        let cx = LinkContext {
            source: Path::new("a/x.md"),
            page: PageId(0),
            page_url: "a/x/",
            index: &idx,
            absolute_base: None,
        };
        rewrite(dest, &cx)
    }

    #[test]
    fn rewrites_md_links_to_relative_urls() {
        assert_eq!(
            run("../b/y.md"),
            Rewrite::Href {
                href: "../../b/y/".into(),
                anchor: None
            }
        );
        assert_eq!(
            run("../b/y.md#gotchas"),
            Rewrite::Href {
                href: "../../b/y/#gotchas".into(),
                anchor: Some((PageId(1), "gotchas".into()))
            }
        );
        assert_eq!(
            run("../b/index.md"),
            Rewrite::Href {
                href: "../../b/".into(),
                anchor: None
            }
        );
        assert_eq!(
            run("../b/"),
            Rewrite::Href {
                href: "../../b/".into(),
                anchor: None
            }
        );
        assert_eq!(
            run("pic%201.png"),
            Rewrite::Href {
                href: "../pic%201.png".into(),
                anchor: None
            }
        );
    }

    #[test]
    fn reports_what_does_not_resolve() {
        assert_eq!(
            run("../nope.md"),
            Rewrite::Broken("broken link '../nope.md'".into())
        );
        assert!(matches!(run("wip.md"), Rewrite::Broken(m) if m.contains("draft")));
        assert!(matches!(run("../../../up.md"), Rewrite::Broken(m) if m.contains("outside")));
    }

    #[test]
    fn leaves_external_links_alone() {
        assert_eq!(run("https://peps.python.org/pep-0492/"), Rewrite::Keep);
        assert_eq!(
            run("#local"),
            Rewrite::Href {
                href: "#local".into(),
                anchor: Some((PageId(0), "local".into()))
            }
        );
    }
}

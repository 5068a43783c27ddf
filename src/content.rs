//! The site's content model: pages with their parsed front matter and derived URL, and the
//! section tree the folders form. Plain data, built once, read by every later stage.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::frontmatter::{self, FrontMatter, PageDate};
use crate::urls;

/// One markdown file, parsed.
#[derive(Debug)]
pub struct Page {
    /// Path under `content/`.
    pub rel_path: PathBuf,
    /// Path for messages: `content/a/b.md`.
    pub display_path: PathBuf,
    pub text: String,
    pub body_offset: usize,
    pub body_line: usize,
    pub front: FrontMatter,
    /// Site path of the page (`a/b/`).
    pub url: String,
    /// An `index.md`: its folder's section page.
    pub is_index: bool,
    /// `404.md` at the top: the page served for missing URLs, published as `404.html`.
    pub is_not_found: bool,
    pub date: Option<PageDate>,
    pub updated: Option<PageDate>,
}

impl Page {
    pub fn body(&self) -> &str {
        &self.text[self.body_offset..]
    }

    /// Folder under `content/`, with `/` separators (`""` at the top).
    pub fn folder(&self) -> String {
        self.rel_path
            .parent()
            .map(urls::file_path)
            .unwrap_or_default()
    }
}

/// Splits and parses one file, with the problems found in its front matter. A page whose
/// front matter is broken is still returned (with what could be kept), so that links to it
/// resolve and the only message is the real one; the problems fail the build.
pub fn parse_page(mut file: SourceFile, content_name: &Path) -> (Page, Vec<Diagnostic>) {
    // CommonMark: U+0000 is replaced by U+FFFD. Done on the whole file, before anything reads
    // it, so front matter, markdown and raw HTML passed through are all free of it (lines stay).
    if file.text.contains('\0') {
        file.text = file.text.replace('\0', "\u{FFFD}");
    }
    let display_path = content_name.join(&file.rel_path);
    let split = frontmatter::split(&file.text);
    let mut problems = Vec::new();
    let front = match split.yaml.map(|y| frontmatter::parse(y, &display_path)) {
        Some(Ok(front)) => front,
        Some(Err(diagnostic)) => {
            problems.push(diagnostic);
            FrontMatter::default()
        }
        None => FrontMatter::default(),
    };
    let (date, updated, date_problems) = frontmatter::dates(&front, &display_path);
    problems.extend(date_problems);
    let is_index = file.rel_path.file_name().is_some_and(|n| n == "index.md");
    let is_not_found = file.rel_path == Path::new("404.md");
    let page = Page {
        url: if is_not_found {
            NOT_FOUND.to_owned()
        } else {
            urls::page_path(&file.rel_path)
        },
        rel_path: file.rel_path,
        display_path,
        body_offset: split.body_offset,
        body_line: split.body_line,
        text: file.text,
        front,
        is_index,
        is_not_found,
        date,
        updated,
    };
    (page, problems)
}

/// Where the not-found page is published.
pub const NOT_FOUND: &str = "404.html";

/// A folder of the content tree: the home page is the section of `content/` itself.
#[derive(Debug, Default)]
pub struct Section {
    /// Folder under `content/` (`""` for the top).
    pub folder: String,
    /// Site path (`a/b/`).
    pub url: String,
    /// The page of its `index.md`, if it has one.
    pub index: Option<usize>,
    /// Its Q&A pages (not the index), in discovery order.
    pub pages: Vec<usize>,
    pub subsections: Vec<usize>,
    pub parent: Option<usize>,
}

/// Groups pages by folder. Every folder that holds a page, directly or below, is a section;
/// section 0 is the top (the home page).
pub fn sections(pages: &[Page]) -> Vec<Section> {
    let mut sections = vec![Section::default()];
    let mut by_folder: HashMap<String, usize> = HashMap::from([(String::new(), 0)]);
    for (i, page) in pages.iter().enumerate().filter(|(_, p)| !p.is_not_found) {
        let s = ensure(&mut sections, &mut by_folder, &page.folder());
        if page.is_index {
            sections[s].index = Some(i);
        } else {
            sections[s].pages.push(i);
        }
    }
    sections
}

/// Where an explicit order (an MkDocs `nav`) puts a page or a section, and the title it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    /// Listings show placed items first, by this number.
    pub position: usize,
    /// Shown for it in listings and breadcrumbs instead of its own title, where given.
    pub title: Option<String>,
}

/// An explicit order for listings, by page and by section index. Empty (an answerbook site, or
/// an MkDocs project without `nav`): listings are sorted by title.
#[derive(Debug, Clone, Default)]
pub struct NavOrder {
    pub pages: Vec<Option<Placed>>,
    pub sections: Vec<Option<Placed>>,
}

impl NavOrder {
    pub fn page(&self, p: usize) -> Option<&Placed> {
        self.pages.get(p).and_then(Option::as_ref)
    }

    pub fn section(&self, s: usize) -> Option<&Placed> {
        self.sections.get(s).and_then(Option::as_ref)
    }
}

fn ensure(
    sections: &mut Vec<Section>,
    by_folder: &mut HashMap<String, usize>,
    folder: &str,
) -> usize {
    if let Some(&s) = by_folder.get(folder) {
        return s;
    }
    let parent_folder = folder.rfind('/').map_or("", |i| &folder[..i]);
    let parent = ensure(sections, by_folder, parent_folder);
    let s = sections.len();
    sections.push(Section {
        folder: folder.to_owned(),
        url: format!("{folder}/"),
        parent: Some(parent),
        ..Section::default()
    });
    sections[parent].subsections.push(s);
    by_folder.insert(folder.to_owned(), s);
    s
}

/// `python-async` -> `Python async`: the title of a folder without an `index.md` title.
pub fn humanize(name: &str) -> String {
    let spaced = name.replace(['-', '_'], " ");
    let mut chars = spaced.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(rel: &str) -> Page {
        let file = SourceFile {
            rel_path: rel.into(),
            text: "# T\n".into(),
        };
        parse_page(file, Path::new("content")).0
    }

    #[test]
    fn folders_become_sections() {
        let pages = vec![
            page("index.md"),
            page("a/x.md"),
            page("a/b/y.md"),
            page("a/index.md"),
        ];
        let s = sections(&pages);
        assert_eq!(s[0].index, Some(0));
        let a = s.iter().position(|s| s.folder == "a").unwrap();
        let b = s.iter().position(|s| s.folder == "a/b").unwrap();
        assert_eq!(s[a].index, Some(3));
        assert_eq!(s[a].pages, vec![1]);
        assert_eq!(s[a].subsections, vec![b]);
        assert_eq!(s[b].parent, Some(a));
        assert_eq!(s[b].url, "a/b/");
        assert_eq!(humanize("python-async"), "Python async");
    }
}

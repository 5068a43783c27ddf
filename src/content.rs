//! The site's content model: pages with their parsed front matter and derived URL, and the
//! section tree the folders form. Plain data, built once, read by every later stage.

use rustc_hash::FxHashMap as HashMap;
use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::discover::SourceFile;
use crate::frontmatter::{self, FrontMatter, PageDate};
use crate::urls;

/// A page of the build: its place in [`Pages`], the one list every stage reads pages from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageId(pub u32);

/// A section (a folder) of the build: its place in the list [`sections`] returns; the top
/// folder, the home page, is `SectionId(0)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub struct SectionId(pub u32);

impl SectionId {
    pub const HOME: SectionId = SectionId(0);
}

/// Every published page, addressed by [`PageId`].
#[derive(Debug, Default)]
pub struct Pages(Vec<Page>);

impl Pages {
    pub fn new(pages: Vec<Page>) -> Self {
        Pages(pages)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Page> {
        self.0.iter()
    }

    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Page> {
        self.0.iter_mut()
    }

    pub fn as_slice(&self) -> &[Page] {
        &self.0
    }

    /// Moves every page's source text out, by [`PageId`], so that rendering can drop each
    /// one as soon as its page is done.
    pub fn take_sources(&mut self) -> Vec<String> {
        self.0
            .iter_mut()
            .map(|p| std::mem::take(&mut p.text))
            .collect()
    }

    /// Every page with its id.
    pub fn ids(&self) -> impl Iterator<Item = (PageId, &Page)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, p)| (PageId(i as u32), p))
    }
}

impl std::ops::Index<PageId> for Pages {
    type Output = Page;
    fn index(&self, id: PageId) -> &Page {
        &self.0[id.0 as usize]
    }
}

impl std::ops::IndexMut<PageId> for Pages {
    fn index_mut(&mut self, id: PageId) -> &mut Page {
        &mut self.0[id.0 as usize]
    }
}

/// One markdown file, parsed.
#[derive(Debug)]
pub struct Page {
    /// Path under `content/`.
    pub rel_path: PathBuf,
    /// Path for messages: `content/a/b.md`.
    pub display_path: PathBuf,
    /// Its source: the whole file while phase one needs it, then empty (phase two reads the
    /// file again).
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
    /// Its title: front matter, else its first H1, else its file name (set once the page's
    /// first H1 is known, before anything renders).
    pub title: String,
    /// The section it belongs to (for an index page, the section it is the page of).
    pub section: SectionId,
    /// Where an MkDocs `nav` puts it, and the title the nav gives it.
    pub placed: Option<Placed>,
    /// Brought back from the build cache: not read, and not rendered again.
    pub reused: bool,
    /// A question's links as written in its source, for its related questions.
    pub links: Vec<crate::related::OutLink>,
}

impl Page {
    /// The markdown body, while phase one holds the page's text (see
    /// `pipeline::pages::parse_pages`); empty once it was dropped.
    pub fn body(&self) -> &str {
        self.text.get(self.body_offset..).unwrap_or("")
    }

    /// The markdown body within `text`, the page's source taken out by [`Pages::take_sources`].
    pub fn body_of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.body_offset..]
    }

    /// A question: not a section's `index.md`, not the 404 page.
    pub fn is_question(&self) -> bool {
        !self.is_index && !self.is_not_found
    }

    /// Folder under `content/`, with `/` separators (`""` at the top).
    pub fn folder(&self) -> String {
        urls::folder_of(&self.rel_path)
    }
}

/// Splits and parses one file, with the problems found in its front matter. A page whose
/// front matter is broken is still returned (with what could be kept), so that links to it
/// resolve and the only message is the real one; the problems fail the build.
pub fn parse_page(mut file: SourceFile, content_name: &Path) -> (Page, Vec<Diagnostic>) {
    file.text = without_nul(file.text);
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
    let links = if is_index || is_not_found {
        Vec::new()
    } else {
        crate::related::scan(&file.text[split.body_offset..])
    };
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
        title: String::new(),
        section: SectionId::HOME,
        placed: None,
        reused: false,
        links,
    };
    (page, problems)
}

/// CommonMark: U+0000 is replaced by U+FFFD. Done on the whole file, before anything reads
/// it, so front matter, markdown and raw HTML passed through are all free of it (lines stay).
pub fn without_nul(text: String) -> String {
    // memchr's search of a byte; `str::contains` reads a file a word at a time.
    if memchr::memchr(0, text.as_bytes()).is_some() {
        text.replace('\0', "\u{FFFD}")
    } else {
        text
    }
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
    pub index: Option<PageId>,
    /// Its Q&A pages (not the index), in discovery order.
    pub pages: Vec<PageId>,
    pub subsections: Vec<SectionId>,
    pub parent: Option<SectionId>,
    /// Its own title: its index page's, the site's for the home page, else the folder's name
    /// (set in phase one, with the pages' titles).
    pub title: String,
    /// Where an MkDocs `nav` puts it, and the title the nav gives it.
    pub placed: Option<Placed>,
}

/// The section tree, addressed by [`SectionId`].
#[derive(Debug, Default)]
pub struct Sections(Vec<Section>);

impl Sections {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Section> {
        self.0.iter()
    }

    /// Every section with its id.
    pub fn ids(&self) -> impl Iterator<Item = (SectionId, &Section)> {
        self.0
            .iter()
            .enumerate()
            .map(|(i, s)| (SectionId(i as u32), s))
    }

    /// The section of `folder` (`""` for the top), if it has one.
    pub fn by_folder(&self, folder: &str) -> Option<SectionId> {
        self.ids()
            .find(|(_, s)| s.folder == folder)
            .map(|(id, _)| id)
    }
}

impl Sections {
    pub fn iter_mut(&mut self) -> impl Iterator<Item = &mut Section> {
        self.0.iter_mut()
    }
}

impl std::ops::Index<SectionId> for Sections {
    type Output = Section;
    fn index(&self, id: SectionId) -> &Section {
        &self.0[id.0 as usize]
    }
}

impl std::ops::IndexMut<SectionId> for Sections {
    fn index_mut(&mut self, id: SectionId) -> &mut Section {
        &mut self.0[id.0 as usize]
    }
}

/// Groups pages by folder. Every folder that holds a page, directly or below, is a section;
/// section 0 is the top (the home page). Sets each page's `section`.
pub fn sections(pages: &mut Pages) -> Sections {
    let mut sections = vec![Section::default()];
    let mut by_folder: HashMap<String, usize> = HashMap::from_iter([(String::new(), 0)]);
    for (i, page) in pages.iter_mut().enumerate() {
        if page.is_not_found {
            continue;
        }
        let s = ensure(&mut sections, &mut by_folder, &page.folder());
        page.section = SectionId(s as u32);
        let id = PageId(i as u32);
        if page.is_index {
            sections[s].index = Some(id);
        } else {
            sections[s].pages.push(id);
        }
    }
    Sections(sections)
}

/// Where an explicit order (an MkDocs `nav`) puts a page or a section, and the title it gives.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Placed {
    /// Listings show placed items first, by this number.
    pub position: usize,
    /// Shown for it in listings and breadcrumbs instead of its own title, where given.
    pub title: Option<String>,
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
        parent: Some(SectionId(parent as u32)),
        ..Section::default()
    });
    sections[parent].subsections.push(SectionId(s as u32));
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
        let mut pages = Pages::new(vec![
            page("index.md"),
            page("a/x.md"),
            page("a/b/y.md"),
            page("a/index.md"),
        ]);
        let s = sections(&mut pages);
        assert_eq!(s[SectionId::HOME].index, Some(PageId(0)));
        let a = s.by_folder("a").unwrap();
        let b = s.by_folder("a/b").unwrap();
        assert_eq!(s[a].index, Some(PageId(3)));
        assert_eq!(s[a].pages, vec![PageId(1)]);
        assert_eq!(s[a].subsections, vec![b]);
        assert_eq!(s[b].parent, Some(a));
        assert_eq!(s[b].url, "a/b/");
        assert_eq!(pages[PageId(2)].section, b);
        assert_eq!(pages[PageId(3)].section, a);
        assert_eq!(humanize("python-async"), "Python async");
    }
}

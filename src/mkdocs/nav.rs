//! `nav` of `mkdocs.yml`: read into a tree of pages and sections, then laid over the site's
//! pages and folders: the position and the title the nav gives each page and section
//! (`Page::placed`, `Section::placed`), which section listings follow.

use std::collections::HashMap;
use std::path::Path;

use crate::content::{Page, Pages, Placed, SectionId, Sections};
use crate::diagnostics::Diagnostic;
use crate::link_index;
use crate::urls;

use super::tree::{Node, Value};

/// One entry of the nav.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Item {
    /// `path.md` or `Title: path.md`, the path relative to `docs_dir`.
    Page {
        title: Option<String>,
        path: String,
        line: usize,
    },
    /// `Title: https://...`: shown by MkDocs, nothing to place here.
    Link,
    /// `Title: [...]`.
    Section {
        title: String,
        items: Vec<Item>,
        line: usize,
    },
}

/// Reads the `nav` value; a malformed entry is an error naming its line.
pub fn read(nav: &Node, file: &Path) -> Result<Vec<Item>, Diagnostic> {
    match &nav.value {
        Value::Seq(items) => items.iter().map(|item| read_item(item, file)).collect(),
        Value::Null => Ok(Vec::new()),
        _ => Err(malformed(file, nav.line, "`nav` must be a list")),
    }
}

fn read_item(node: &Node, file: &Path) -> Result<Item, Diagnostic> {
    match &node.value {
        Value::Str(path) => Ok(page_or_link(None, path, node.line)),
        Value::Map(entries) if entries.len() == 1 => {
            let (key, value) = &entries[0];
            match &value.value {
                Value::Str(path) => Ok(page_or_link(Some(key.name.clone()), path, value.line)),
                Value::Seq(items) => Ok(Item::Section {
                    title: key.name.clone(),
                    items: items
                        .iter()
                        .map(|item| read_item(item, file))
                        .collect::<Result<_, _>>()?,
                    line: key.line,
                }),
                _ => Err(malformed(
                    file,
                    key.line,
                    &format!(
                        "nav entry '{}' must name a page (`{0}: path.md`) or hold a list (`{0}: [...]`)",
                        key.name
                    ),
                )),
            }
        }
        _ => Err(malformed(
            file,
            node.line,
            "a nav entry is `path.md`, `Title: path.md` or `Section: [...]`",
        )),
    }
}

fn page_or_link(title: Option<String>, path: &str, line: usize) -> Item {
    if urls::is_external(path) {
        Item::Link
    } else {
        Item::Page {
            title,
            path: path.to_owned(),
            line,
        }
    }
}

fn malformed(file: &Path, line: usize, message: &str) -> Diagnostic {
    Diagnostic::error(file, Some(line), message)
}

/// Places the site's pages and sections by the nav.
///
/// Pages are numbered in nav order, depth first; a page named twice keeps its first place.
/// A section (a folder) takes the place of the first page of the nav inside it, and its title
/// from the nav section that holds the folder's index page or, failing that, all of whose
/// pages are in that folder. A nav path that is not a page of the site is a warning.
pub fn place(
    items: &[Item],
    file: &Path,
    docs_name: &Path,
    all_pages: &mut Pages,
    all_sections: &mut Sections,
) -> Vec<Diagnostic> {
    let (order, problems) = order(items, file, docs_name, all_pages.as_slice(), all_sections);
    for (page, placed) in all_pages.iter_mut().zip(order.pages) {
        page.placed = placed;
    }
    for (s, placed) in order.sections.into_iter().enumerate() {
        all_sections[SectionId(s as u32)].placed = placed;
    }
    problems
}

/// Positions and titles by page and by section, in the order of [`Pages`] and [`Sections`].
struct Order {
    pages: Vec<Option<Placed>>,
    sections: Vec<Option<Placed>>,
}

fn order(
    items: &[Item],
    file: &Path,
    docs_name: &Path,
    pages: &[Page],
    sections: &Sections,
) -> (Order, Vec<Diagnostic>) {
    let by_path: HashMap<String, usize> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| (link_index::key(&p.rel_path), i))
        .collect();
    let mut walk = Walk {
        file,
        docs_name,
        by_path: &by_path,
        pages,
        order: Order {
            pages: vec![None; pages.len()],
            sections: vec![None; sections.len()],
        },
        section_titles: HashMap::new(),
        next: 0,
        problems: Vec::new(),
    };
    walk.items(items);
    let Walk {
        mut order,
        section_titles,
        problems,
        ..
    } = walk;

    // Every section takes the earliest place found below it (children come after parents).
    let mut first: Vec<Option<usize>> = vec![None; sections.len()];
    for (s, section) in sections.iter().enumerate() {
        first[s] = section
            .pages
            .iter()
            .chain(section.index.iter())
            .filter_map(|p| {
                order.pages[p.0 as usize]
                    .as_ref()
                    .map(|placed| placed.position)
            })
            .min();
    }
    for s in (1..sections.len()).rev() {
        if let (Some(parent), Some(mine)) = (sections[SectionId(s as u32)].parent, first[s]) {
            let parent = parent.0 as usize;
            first[parent] = Some(first[parent].map_or(mine, |theirs| theirs.min(mine)));
        }
    }
    for (s, section) in sections.iter().enumerate() {
        let title = section_titles.get(section.folder.as_str()).cloned();
        if first[s].is_some() || title.is_some() {
            order.sections[s] = Some(Placed {
                position: first[s].unwrap_or(usize::MAX),
                title,
            });
        }
    }
    (order, problems)
}

struct Walk<'a> {
    file: &'a Path,
    docs_name: &'a Path,
    by_path: &'a HashMap<String, usize>,
    pages: &'a [Page],
    order: Order,
    /// Folder -> title of the nav section that stands for it.
    section_titles: HashMap<String, String>,
    next: usize,
    problems: Vec<Diagnostic>,
}

impl Walk<'_> {
    fn items(&mut self, items: &[Item]) {
        for item in items {
            match item {
                Item::Page { title, path, line } => {
                    if let Some(p) = self.page(path, *line)
                        && self.order.pages[p].is_none()
                    {
                        self.order.pages[p] = Some(Placed {
                            position: self.next,
                            title: title.clone(),
                        });
                        self.next += 1;
                    }
                }
                Item::Link => {}
                Item::Section { title, items, .. } => {
                    if let Some(folder) = self.folder_of(items)
                        && !folder.is_empty()
                    {
                        self.section_titles.entry(folder).or_insert(title.clone());
                    }
                    self.items(items);
                }
            }
        }
    }

    /// The page a nav path names, or a warning.
    fn page(&mut self, path: &str, line: usize) -> Option<usize> {
        let rel = urls::resolve_relative(Path::new(""), path);
        let found = rel
            .as_ref()
            .and_then(|rel| self.by_path.get(&link_index::key(rel)).copied());
        if found.is_none() {
            self.problems.push(Diagnostic::warning(
                self.file,
                Some(line),
                format!(
                    "nav names '{path}', which is not a page in {}/",
                    crate::diagnostics::display_path(self.docs_name)
                ),
            ));
        }
        found
    }

    /// The folder a nav section stands for: that of the index page among its entries, else
    /// the one folder all its pages are in.
    fn folder_of(&self, items: &[Item]) -> Option<String> {
        let pages: Vec<&Page> = items
            .iter()
            .filter_map(|item| match item {
                Item::Page { path, .. } => urls::resolve_relative(Path::new(""), path)
                    .and_then(|rel| self.by_path.get(&link_index::key(&rel)))
                    .map(|&p| &self.pages[p]),
                _ => None,
            })
            .collect();
        if let Some(index) = pages.iter().find(|p| p.is_index) {
            return Some(index.folder());
        }
        let first = pages.first()?.folder();
        pages.iter().all(|p| p.folder() == first).then_some(first)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content;
    use crate::discover::SourceFile;
    use crate::mkdocs::tree;

    fn nav(text: &str) -> Vec<Item> {
        let t = tree::parse(text, Path::new("mkdocs.yml")).unwrap();
        read(t.get("nav").unwrap(), Path::new("mkdocs.yml")).unwrap()
    }

    fn pages(paths: &[&str]) -> Pages {
        Pages::new(
            paths
                .iter()
                .map(|rel| {
                    let file = SourceFile {
                        rel_path: rel.into(),
                        text: "# T\n".into(),
                    };
                    content::parse_page(file, Path::new("docs")).0
                })
                .collect(),
        )
    }

    #[test]
    fn reads_pages_titles_sections_and_links() {
        let items = nav(concat!(
            "nav:\n",
            "  - index.md\n",
            "  - Guide:\n",
            "    - Start: guide/start.md\n",
            "    - Forum: https://example.org/forum\n",
        ));
        assert_eq!(
            items,
            [
                Item::Page {
                    title: None,
                    path: "index.md".into(),
                    line: 2
                },
                Item::Section {
                    title: "Guide".into(),
                    items: vec![
                        Item::Page {
                            title: Some("Start".into()),
                            path: "guide/start.md".into(),
                            line: 4
                        },
                        Item::Link,
                    ],
                    line: 3
                },
            ]
        );
    }

    #[test]
    fn malformed_entries_name_their_line() {
        let t = tree::parse("nav:\n  - a.md\n  - Bad: 3\n", Path::new("mkdocs.yml")).unwrap();
        let err = read(t.get("nav").unwrap(), Path::new("mkdocs.yml")).unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
    }

    #[test]
    fn places_pages_and_sections_in_nav_order() {
        let pages = pages(&[
            "index.md",
            "a/index.md",
            "a/x.md",
            "a/y.md",
            "b/z.md",
            "lost.md",
        ]);
        let mut pages = pages;
        let mut sections = content::sections(&mut pages);
        let items = nav(concat!(
            "nav:\n",
            "  - Home: index.md\n",
            "  - Bees:\n",
            "    - b/z.md\n",
            "  - Aye:\n",
            "    - a/index.md\n",
            "    - Why: a/y.md\n",
            "    - a/x.md\n",
            "  - missing.md\n",
        ));
        let problems = place(
            &items,
            Path::new("mkdocs.yml"),
            Path::new("docs"),
            &mut pages,
            &mut sections,
        );
        let pos = |p: &Page| p.placed.as_ref().map(|x| x.position);
        assert_eq!(
            pages.iter().map(pos).collect::<Vec<_>>(),
            [Some(0), Some(2), Some(4), Some(3), Some(1), None]
        );
        assert_eq!(
            pages[crate::content::PageId(3)]
                .placed
                .as_ref()
                .unwrap()
                .title
                .as_deref(),
            Some("Why")
        );
        let section = |folder: &str| {
            let s = sections.by_folder(folder).unwrap();
            sections[s].placed.clone().unwrap()
        };
        assert_eq!(section("a").title.as_deref(), Some("Aye"));
        assert_eq!(section("a").position, 2);
        assert_eq!(section("b").title.as_deref(), Some("Bees"));
        assert_eq!(section("b").position, 1);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].to_string(),
            "mkdocs.yml:9: warning: nav names 'missing.md', which is not a page in docs/"
        );
    }
}

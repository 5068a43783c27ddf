//! The checks `answerbook check` adds to everything `build --strict` verifies: each page has
//! a title and a description, its FAQPage question is its visible H1 and its answer is on the
//! page, no question is marked up on two pages, dates are not in the future and `updated` is
//! not before `date`, links are not empty, images have alt text, and root-relative links lead
//! to something the site publishes; with `--external`, that `http(s)://` links answer
//! ([`external`]).
//!
//! A [`Checker`] looks at every page as phase two renders it ([`crate::render::Inspect`]) and,
//! at the end, at what the pages have in common ([`Checker::finish`]).

pub mod external;
mod links;
mod list_notes;
mod page;
pub mod scan;
pub mod visible;

use std::collections::{BTreeMap, HashSet};
use std::path::PathBuf;
use std::sync::Mutex;

use crate::content::{PageId, Pages};
use crate::diagnostics::Diagnostic;
use crate::link_index::LinkIndex;
use crate::markdown::{Rendered, Rules};
use crate::mkdocs::AbsoluteLinks;
use crate::project::Flavor;
use crate::render::{Inspect, Site};
use crate::urls::BaseUrl;

/// How root-relative links (`/img/x.png`, `/support/contact.md`) are checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RootLinks {
    /// An answerbook site: they must lead inside the base path, to something it publishes.
    UnderBase,
    /// An MkDocs project with `absolute_links: relative_to_docs`: read from `docs_dir`.
    FromDocs,
    /// An MkDocs project with `absolute_links: warn`: each is a warning.
    Warn,
    /// An MkDocs project otherwise: left unchecked, as MkDocs does.
    Unchecked,
}

impl RootLinks {
    pub fn of(flavor: &Flavor) -> Self {
        match flavor {
            Flavor::Answerbook => RootLinks::UnderBase,
            Flavor::MkDocs { absolute_links, .. } => match absolute_links {
                AbsoluteLinks::RelativeToDocs => RootLinks::FromDocs,
                AbsoluteLinks::Warn => RootLinks::Warn,
                AbsoluteLinks::Unchecked => RootLinks::Unchecked,
            },
        }
    }
}

/// A page's FAQPage question: folded for comparing, where it is written, as written.
type Question = (String, PathBuf, Option<(usize, usize)>, String);

/// The checks of one `answerbook check` run, collecting what they find.
#[derive(Debug)]
pub struct Checker {
    /// What "the future" is measured from ([`crate::clock::now`]).
    now: jiff::Timestamp,
    /// How root-relative links (`/img/x.png`) are checked.
    root_links: RootLinks,
    /// Every site path the build publishes a page or section at (`a/b/`).
    urls: HashSet<String>,
    found: Mutex<Vec<Diagnostic>>,
    /// The base path the site is published under (`/`, `/kb/`).
    base_path: String,
    /// Whether `content/` ships its own `robots.txt`.
    ships_robots: bool,
    /// Pages with a FAQPage: their question, folded, with where it is written.
    questions: Mutex<Vec<Question>>,
    /// With `--external`: how to check external links, and those found so far.
    external: Option<(external::Settings, Mutex<Vec<external::Link>>)>,
}

impl Checker {
    pub fn new(pages: &Pages, index: &LinkIndex, base: &BaseUrl, root_links: RootLinks) -> Self {
        let mut urls: HashSet<String> = pages.iter().map(|p| p.url.clone()).collect();
        for page in pages.iter() {
            let mut folder = page.url.as_str();
            while let Some(i) = folder.trim_end_matches('/').rfind('/') {
                folder = &folder[..=i];
                urls.insert(folder.to_owned());
            }
        }
        urls.insert(String::new());
        Checker {
            now: crate::clock::now(),
            root_links,
            urls,
            found: Mutex::new(Vec::new()),
            base_path: base.path.clone(),
            ships_robots: index.get(std::path::Path::new("robots.txt")).is_some(),
            questions: Mutex::new(Vec::new()),
            external: None,
        }
    }

    /// Also checks the site's external links, at the end ([`external::check`]).
    pub fn with_external(mut self, settings: Option<external::Settings>) -> Self {
        self.external = settings.map(|s| (s, Mutex::new(Vec::new())));
        self
    }

    /// Everything found: each page's problems, then questions asked on more than one page.
    pub fn finish(self) -> Vec<Diagnostic> {
        let mut found = self.found.into_inner().unwrap_or_else(|e| e.into_inner());
        if self.base_path != "/" && !self.ships_robots {
            found.push(Diagnostic::note(
                "robots.txt",
                None,
                format!(
                    "not written: crawlers read robots.txt only at the root of a host (/robots.txt), and this site is published under {}",
                    self.base_path
                ),
            ));
        }
        let mut questions = self
            .questions
            .into_inner()
            .unwrap_or_else(|e| e.into_inner());
        questions.sort();
        let mut first: BTreeMap<&str, &PathBuf> = BTreeMap::new();
        for (key, path, at, title) in &questions {
            match first.get(key.as_str()) {
                Some(earlier) => found.push(Diagnostic::warning(
                    path,
                    at.map(|(l, _)| l),
                    format!(
                        "the question '{title}' is also the FAQPage question of {}: mark each question up on one page only (set `faq: false` on the other)",
                        crate::diagnostics::display_path(earlier)
                    ),
                ).with_column(at.map(|(_, c)| c))),
                None => {
                    first.insert(key, path);
                }
            }
        }
        if let Some((settings, links)) = self.external {
            let mut links = links.into_inner().unwrap_or_else(|e| e.into_inner());
            links.sort();
            found.extend(external::check(&settings, links));
        }
        found
    }
}

impl Inspect for Checker {
    fn page(&self, site: &Site<'_>, id: PageId, source: &str, rendered: &Rendered) {
        let page = &site.pages[id];
        let body = page.body_of(source);
        let found = scan::scan(body, page.body_line);
        let mut problems = page::check(site, page, source, rendered, &found, self.now);
        problems.extend(links::check(
            site,
            page,
            &found,
            &self.urls,
            self.root_links,
        ));
        if site.features.rules == Rules::PythonMarkdown {
            let notes = list_notes::notes(body, page.body_line, site.features.sane_lists);
            problems.extend(
                notes
                    .into_iter()
                    .map(|(line, text)| Diagnostic::note(&page.display_path, Some(line), text)),
            );
        }
        if let Some((_, links)) = &self.external {
            let outside = found.iter().filter(|f| external::is_external(&f.dest));
            let outside: Vec<external::Link> = outside
                .map(|f| external::Link {
                    url: f.dest.clone(),
                    path: page.display_path.clone(),
                    line: f.line,
                    column: f.column,
                })
                .collect();
            links
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .extend(outside);
        }
        if rendered.faq_answer.is_some() {
            let line = page::key_line(source, "title").or_else(|| {
                let h1 = found.iter().find(|f| f.kind == scan::Kind::H1)?;
                Some((h1.line, h1.column))
            });
            let key = visible::fold(&page.title).to_lowercase();
            let entry = (key, page.display_path.clone(), line, page.title.clone());
            self.questions
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(entry);
        }
        if !problems.is_empty() {
            let mut all = self.found.lock().unwrap_or_else(|e| e.into_inner());
            all.extend(problems);
        }
    }
}

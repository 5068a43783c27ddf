//! The build, as one visible sequence of passes over plain data:
//!
//! project (site.yaml or mkdocs.yml) -> discover -> parse pages -> what each source publishes
//! (clashes) -> link index + sections
//! (+ the MkDocs nav) -> render markdown (parallel) -> check anchors -> diagnostics (stop here
//! on errors) -> templates + write (parallel) -> swap.

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::collisions;
use crate::config::SiteConfig;
use crate::content::{self, NavOrder, Page, Section};
use crate::diagnostics::{Diagnostic, Report};
use crate::discover::{self, Asset};
use crate::error::{Error, Result};
use crate::link_index::LinkIndex;
use crate::markdown::{self, links::LinkContext};
use crate::mkdocs::{self, nav};
use crate::output::{self, Staging};
use crate::project::{Flavor, Project};
use crate::render::{self, Site};
use crate::theme::Theme;
use crate::urls::{self, BaseUrl};
use crate::walk;

/// What `answerbook build` was asked to do.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub site_dir: PathBuf,
    /// Defaults to `SITE_DIR/public`.
    pub out_dir: Option<PathBuf>,
    /// Overrides `base_url` of `site.yaml` (`site_url` of `mkdocs.yml`).
    pub base_url: Option<String>,
    pub strict: bool,
    pub drafts: bool,
    /// Replace an output folder that answerbook did not write (never a protected one).
    pub force: bool,
}

/// What a build wrote.
#[derive(Debug)]
pub struct Stats {
    /// HTML pages written (questions, sections and the home page).
    pub pages: usize,
    /// Other files written (copied files, theme files, sitemap, ...).
    pub files: usize,
    pub out_dir: PathBuf,
}

/// The diagnostics of a build and, when it succeeded, what it wrote.
#[derive(Debug)]
pub struct BuildResult {
    pub report: Report,
    /// `None`: the diagnostics failed the build and nothing was written.
    pub stats: Option<Stats>,
}

pub fn build(opts: &BuildOptions) -> Result<BuildResult> {
    let site_dir = &opts.site_dir;
    let Project {
        mut config,
        content_name,
        content_dir,
        features,
        flavor,
        notes,
    } = Project::load(site_dir)?;
    if let Some(base) = &opts.base_url {
        crate::config::check_base_url(base)
            .map_err(|m| Error::Usage(format!("--base-url{}", m.trim_start_matches("base_url"))))?;
        config.base_url = base.clone();
    }
    let out_dir = opts
        .out_dir
        .clone()
        .unwrap_or_else(|| site_dir.join("public"));
    let out_target = output::check_target(site_dir, &content_dir, &out_dir, opts.force)?;
    let mut policy = walk::Policy::new(site_dir, &out_target, config.follow_symlinks)?;
    if let Flavor::Answerbook = flavor {
        policy.opt_in_hint =
            Some("set follow_symlinks: true in site.yaml to publish it".to_owned());
    }
    let mut report = Report::default();
    report.extend(notes);
    let (theme, theme_problems) = Theme::load(site_dir, &config.theme, &policy)?;
    report.extend(theme_problems);

    let mut discovered = discover::discover(&content_dir, &content_name, &policy)?;
    report.extend(std::mem::take(&mut discovered.diagnostics));
    let mut pages = parse_pages(discovered.pages, &content_name, opts.drafts, &mut report);
    if let Flavor::MkDocs { .. } = flavor {
        report.extend(mkdocs::readme_as_index(&mut pages.published));
    }
    report.extend(collisions::check(
        &pages.published,
        &discovered.assets,
        &theme,
        &content_name,
    ));
    let (index, sections) = index_site(&pages.published, &pages.drafts, &discovered.assets);
    let nav_order = match &flavor {
        Flavor::MkDocs {
            file,
            nav: Some(items),
        } => {
            let (order, problems) =
                nav::place(items, file, &content_name, &pages.published, &sections);
            report.extend(problems);
            order
        }
        _ => NavOrder::default(),
    };

    let base = BaseUrl::parse(&config.base_url);
    let mut rendered: Vec<markdown::Rendered> = pages
        .published
        .par_iter()
        .enumerate()
        .map(|(i, page)| render_markdown(i, page, &index, &config, &features, &base.path))
        .collect();
    for r in &mut rendered {
        report.extend(std::mem::take(&mut r.diagnostics));
    }
    report.extend(check_anchors(&pages.published, &rendered));

    if opts.strict || config.strict {
        report.promote_warnings();
    }
    report.sort();
    if report.has_errors() {
        return Ok(BuildResult {
            report,
            stats: None,
        });
    }

    let site = Site::new(
        &config,
        &base,
        &pages.published,
        &rendered,
        &sections,
        &nav_order,
    );
    let staging = Staging::create(&out_target, &out_dir)?;
    let written = render::write_site(&site, &theme, &staging, &discovered.assets)?;
    let committed = staging.commit()?;
    if let Some(warning) = committed.warning {
        // Reported, never a failure: the new site is already published.
        report.extend([Diagnostic::warning(&out_dir, None, warning)]);
    }
    Ok(BuildResult {
        report,
        stats: Some(Stats {
            pages: written.pages,
            files: written.files,
            out_dir,
        }),
    })
}

struct ParsedPages {
    published: Vec<Page>,
    /// Paths of drafts left out, so links to them get a precise message.
    drafts: Vec<PathBuf>,
}

fn parse_pages(
    files: Vec<discover::SourceFile>,
    content_name: &Path,
    with_drafts: bool,
    report: &mut Report,
) -> ParsedPages {
    let results: Vec<_> = files
        .into_par_iter()
        .map(|file| content::parse_page(file, content_name))
        .collect();
    let mut published = Vec::with_capacity(results.len());
    let mut drafts = Vec::new();
    for (page, problems) in results {
        report.extend(problems);
        if page.front.draft && !with_drafts {
            drafts.push(page.rel_path);
        } else {
            published.push(page);
        }
    }
    ParsedPages { published, drafts }
}

/// Builds the link index and the section tree (clashes between sources are
/// [`collisions::check`]'s).
fn index_site(pages: &[Page], drafts: &[PathBuf], assets: &[Asset]) -> (LinkIndex, Vec<Section>) {
    let mut index = LinkIndex::default();
    for (i, page) in pages.iter().enumerate() {
        index.add_page(&page.rel_path, i, page.url.clone());
    }
    for draft in drafts {
        index.add_draft(draft);
    }
    for asset in assets {
        index.add_file(&asset.rel_path, urls::file_path(&asset.rel_path));
    }
    let sections = content::sections(pages);
    for section in &sections {
        index.add_section(&section.folder, section.url.clone());
    }
    (index, sections)
}

fn render_markdown(
    i: usize,
    page: &Page,
    index: &LinkIndex,
    config: &SiteConfig,
    features: &markdown::Features,
    base_path: &str,
) -> markdown::Rendered {
    let input = markdown::Input {
        body: page.body(),
        body_line: page.body_line,
        display_path: &page.display_path,
        links: LinkContext {
            source: &page.rel_path,
            page: i,
            page_url: &page.url,
            index,
            absolute_base: page.is_not_found.then_some(base_path),
        },
        answer_title: &config.answer_title,
        features,
        faq: markdown::faq::FaqRule {
            eligible: !page.is_index && !page.is_not_found && page.front.faq != Some(false),
            description: page.front.description.as_deref(),
        },
    };
    markdown::render(&input)
}

/// Every `page.md#anchor` and `#anchor` must name an id on its page.
fn check_anchors(pages: &[Page], rendered: &[markdown::Rendered]) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    for (page, r) in pages.iter().zip(rendered) {
        for anchor in &r.anchors {
            if !rendered[anchor.page].ids.contains(&anchor.fragment) {
                let target = &pages[anchor.page].display_path;
                out.push(Diagnostic::warning(
                    &page.display_path,
                    Some(anchor.line),
                    format!(
                        "broken link '{}': no anchor #{} in {}",
                        anchor.written,
                        anchor.fragment,
                        crate::diagnostics::display_path(target)
                    ),
                ));
            }
        }
    }
    out
}

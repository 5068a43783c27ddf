//! The build, as one visible sequence of passes over plain data:
//!
//! project (site.yaml or mkdocs.yml) -> discover -> phase one: parse pages, what each source
//! publishes (clashes), sections, link index, the MkDocs nav, titles -> phases two and three
//! ([`render`]): every page rendered, put through the theme and handed to the output as soon as
//! it is done (parallel), then anchors, listings, sitemap and copied files -> diagnostics ->
//! swap (only when nothing failed; a build whose input already failed renders for its
//! diagnostics alone and writes nothing).

use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::checks;
use crate::collisions;
use crate::content::{self, Page, Pages, Sections};
use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::discover::{self, Asset};
use crate::error::{Error, Result};
use crate::link_index::LinkIndex;
use crate::mkdocs::{self, nav};
use crate::output::{self, Discard, Sink, Staging};
use crate::project::{Flavor, Project};
use crate::render::{self, Site};
use crate::theme::Theme;
use crate::titles;
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
    /// `answerbook check`: verify what `--strict` verifies plus [`crate::checks`], write
    /// nothing (no staging folder, the output folder untouched).
    pub check: bool,
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
    let out_target = if opts.check {
        output::real_path(&out_dir)?
    } else {
        output::check_target(site_dir, &content_dir, &out_dir, opts.force)?
    };
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

    // Phase one: every page read, with what other pages need of it.
    let mut parsed = parse_pages(discovered.pages, &content_name, opts.drafts, &mut report);
    if let Flavor::MkDocs { .. } = flavor {
        report.extend(mkdocs::readme_as_index(&mut parsed.published));
    }
    report.extend(collisions::check(
        &parsed.published,
        &discovered.assets,
        &theme,
        &content_name,
    ));
    let mut pages = Pages::new(parsed.published);
    let mut sections = content::sections(&mut pages);
    let index = link_index(&pages, &sections, &parsed.drafts, &discovered.assets);
    if let Flavor::MkDocs {
        file,
        nav: Some(items),
        ..
    } = &flavor
    {
        report.extend(nav::place(
            items,
            file,
            &content_name,
            &mut pages,
            &mut sections,
        ));
    }
    titles::settle(&mut pages, &mut sections, &config, &features, &index);
    let strict = opts.strict || config.strict || opts.check;

    // Phases two and three: pages rendered and written as they are done. Output is written
    // only while nothing has failed; otherwise rendering goes on for its diagnostics alone.
    let base = BaseUrl::parse(&config.base_url);
    let sources = pages.take_sources();
    let checker = opts
        .check
        .then(|| checks::Checker::new(&pages, &index, &base, checks::RootLinks::of(&flavor)));
    let mut site = Site::new(&config, &base, &pages, &sections, &index, &features);
    site.inspect = checker.as_ref().map(|c| c as &dyn render::Inspect);
    let staging = if opts.check || fails(&report, strict) {
        None
    } else {
        Some(Staging::create(&out_target, &out_dir)?)
    };
    let sink: &dyn Sink = match &staging {
        Some(staging) => staging,
        None => &Discard,
    };
    let outcome = render::write_site(&site, &theme, sources, &discovered.assets, sink)?;
    report.extend(outcome.diagnostics);
    if strict {
        report.promote_warnings();
    }
    report.extend(checker.map(checks::Checker::finish).unwrap_or_default());
    report.sort();
    let Some(staging) = staging.filter(|_| !report.has_errors()) else {
        return Ok(BuildResult {
            report,
            stats: None,
        });
    };
    let committed = staging.commit()?;
    if let Some(warning) = committed.warning {
        // Reported, never a failure: the new site is already published.
        report.extend([Diagnostic::warning(&out_dir, None, warning)]);
    }
    Ok(BuildResult {
        report,
        stats: Some(Stats {
            pages: outcome.pages,
            files: outcome.files,
            out_dir,
        }),
    })
}

/// Whether the diagnostics so far fail the build (warnings too, under `--strict`).
fn fails(report: &Report, strict: bool) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
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

/// The link index: every page, draft, copied file and section by its path under `content/`.
fn link_index(
    pages: &Pages,
    sections: &Sections,
    drafts: &[PathBuf],
    assets: &[Asset],
) -> LinkIndex {
    let mut index = LinkIndex::default();
    for (id, page) in pages.ids() {
        index.add_page(&page.rel_path, id, page.url.clone());
    }
    for draft in drafts {
        index.add_draft(draft);
    }
    for asset in assets {
        index.add_file(&asset.rel_path, urls::file_path(&asset.rel_path));
    }
    for section in sections.iter() {
        index.add_section(&section.folder, section.url.clone());
    }
    index
}

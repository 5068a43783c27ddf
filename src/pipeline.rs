//! The build, as one visible sequence of passes over plain data:
//!
//! project (site.yaml or mkdocs.yml) -> discover -> phase one: parse pages, what each source
//! publishes (clashes), sections, link index, the MkDocs nav, titles -> phases two and three
//! ([`render`]): every page rendered, put through the theme and handed to the output as soon as
//! it is done (parallel), then anchors, listings, sitemap and copied files -> diagnostics ->
//! swap (only when nothing failed; a build whose input already failed renders for its
//! diagnostics alone and writes nothing).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::cache::{Cache, Entry, Made, Stat};
use crate::checks;
use crate::collisions;
use crate::config::SiteConfig;
use crate::content::{self, Page, Pages, Sections};
use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::discover::{self, Asset, PageSource};
use crate::error::{Error, Result};
use crate::incremental;
use crate::link_index::LinkIndex;
use crate::markdown::Features;
use crate::mkdocs::{self, nav};
use crate::output::{self, Collect, Discard, Record, Sink, Staging};
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
    /// Questions left as they were: unchanged since the last build (the build cache).
    pub unchanged: usize,
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
    let setup = Setup::load(opts)?;
    let cache = setup.previous_cache();
    match run(&setup, cache)? {
        Some(result) => Ok(result),
        // The site's shape changed since the cache was written: build it all.
        None => run(&setup, None)?.ok_or_else(|| Error::Usage("internal: no build".into())),
    }
}

/// What every build reads before its pages: the project, the theme, the output folder.
struct Setup<'o> {
    opts: &'o BuildOptions,
    config: SiteConfig,
    content_name: PathBuf,
    content_dir: PathBuf,
    features: Features,
    flavor: Flavor,
    out_dir: PathBuf,
    /// The output folder, symlinks resolved.
    out_target: PathBuf,
    policy: walk::Policy,
    theme: Theme,
    /// Notes on the configuration and the theme's files.
    notes: Vec<Diagnostic>,
    /// [`incremental::inputs_hash`] of this build.
    inputs: u64,
}

impl<'o> Setup<'o> {
    fn load(opts: &'o BuildOptions) -> Result<Self> {
        let site_dir = &opts.site_dir;
        let Project {
            mut config,
            content_name,
            content_dir,
            features,
            flavor,
            mut notes,
        } = Project::load(site_dir)?;
        if let Some(base) = &opts.base_url {
            crate::config::check_base_url(base).map_err(|m| {
                Error::Usage(format!("--base-url{}", m.trim_start_matches("base_url")))
            })?;
            config.base_url = base.clone();
        }
        let out_dir = opts
            .out_dir
            .clone()
            .unwrap_or_else(|| site_dir.join("public"));
        // `check` writes nothing: the output folder is only named, never examined.
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
        let (theme, theme_problems) = Theme::load(site_dir, &config.theme, &policy)?;
        notes.extend(theme_problems);
        let inputs = incremental::inputs_hash(
            &[&config, &features, &flavor, &content_name, &opts.drafts],
            theme.fingerprint,
            &out_target,
        );
        Ok(Setup {
            opts,
            config,
            content_name,
            content_dir,
            features,
            flavor,
            out_dir,
            out_target,
            policy,
            theme,
            notes,
            inputs,
        })
    }

    /// The cache of the last build into this output folder, if that folder is still its
    /// output and the cache was made for the same inputs.
    fn previous_cache(&self) -> Option<Cache> {
        if self.opts.check {
            return None;
        }
        if !self.out_target.join(output::MARKER).is_file() {
            Cache::remove(&self.out_target);
            return None;
        }
        Cache::load(&self.out_target, self.inputs)
    }
}

/// One build, reusing what `cache` knows; `None` when the cache turned out not to fit the
/// site's shape (the caller builds again without it).
fn run(setup: &Setup<'_>, mut cache: Option<Cache>) -> Result<Option<BuildResult>> {
    let opts = setup.opts;
    let mut report = Report::default();
    report.extend(setup.notes.iter().cloned());
    let unchanged = |rel: &Path, stat: &Stat| {
        cache
            .as_ref()
            .is_some_and(|c| incremental::may_reuse(rel) && c.unchanged(rel, stat).is_some())
    };
    let mut discovered = discover::discover(
        &setup.content_dir,
        &setup.content_name,
        &setup.policy,
        &unchanged,
    )?;
    report.extend(std::mem::take(&mut discovered.diagnostics));

    // Phase one: every page read (or brought back from the cache), with what other pages
    // need of it.
    let mut parsed = parse_pages(discovered.pages, setup, cache.as_mut(), &mut report);
    if let Flavor::MkDocs { .. } = setup.flavor {
        report.extend(mkdocs::readme_as_index(&mut parsed.published));
    }
    report.extend(collisions::check(
        &parsed.published,
        &discovered.assets,
        &setup.theme,
        &setup.content_name,
    ));
    let mut pages = Pages::new(std::mem::take(&mut parsed.published));
    let mut sections = content::sections(&mut pages);
    let index = link_index(&pages, &sections, &parsed.drafts, &discovered.assets);
    if let Flavor::MkDocs {
        file,
        nav: Some(items),
        ..
    } = &setup.flavor
    {
        report.extend(nav::place(
            items,
            file,
            &setup.content_name,
            &mut pages,
            &mut sections,
        ));
    }
    let config = &setup.config;
    titles::settle(&mut pages, &mut sections, config, &setup.features, &index);
    let structure =
        incremental::structure_hash(&pages, &sections, &parsed.drafts, &discovered.assets);
    let cache = cache.filter(|c| c.structure == structure);
    if cache.is_none() && pages.iter().any(|p| p.reused) {
        return Ok(None);
    }
    let cache = cache.as_ref();
    let strict = opts.strict || config.strict || opts.check;

    // Phases two and three: pages rendered and handed on as they are done. Output is kept
    // only while nothing has failed; otherwise rendering goes on for its diagnostics alone.
    // With a cache, changed files are collected and written in place at the end; without, the
    // whole site goes into a staging folder swapped in at the end.
    let base = BaseUrl::parse(&config.base_url);
    let sources = sources(&mut pages, &parsed.known, &index);
    let checker = opts
        .check
        .then(|| checks::Checker::new(&pages, &index, &base, checks::RootLinks::of(&setup.flavor)));
    let mut site = Site::new(config, &base, &pages, &sections, &index, &setup.features);
    site.use_favicon_of(&discovered.assets);
    site.inspect = checker.as_ref().map(|c| c as &dyn render::Inspect);
    let input_failed = fails(&report, strict);
    let staging = match (input_failed || opts.check, cache) {
        (false, None) => Some(Staging::create(&setup.out_target, &setup.out_dir)?),
        _ => None,
    };
    let collect = Collect::default();
    let record = staging.as_ref().map(|s| Record::new(s as &dyn Sink));
    let sink: &dyn Sink = match (&record, input_failed || opts.check) {
        (Some(record), _) => record,
        (None, false) => &collect,
        (None, true) => &Discard,
    };
    let mut outcome = render::write_site(&site, &setup.theme, sources, &discovered.assets, sink)?;
    report.extend(outcome.facts.take_diagnostics());
    report.extend(std::mem::take(&mut outcome.anchor_diagnostics));
    if strict {
        report.promote_warnings();
    }
    drop(site);
    report.extend(checker.map(checks::Checker::finish).unwrap_or_default());
    report.sort();
    if report.has_errors() || input_failed || opts.check {
        return Ok(Some(BuildResult {
            report,
            stats: None,
        }));
    }

    let unchanged = pages.iter().filter(|p| p.reused).count();
    let made = match (record, cache) {
        (Some(record), _) => {
            let made = record.into_made();
            let Some(staging) = staging else {
                return Err(Error::Usage("internal: no staging folder".into()));
            };
            let committed = staging.commit()?;
            if let Some(warning) = committed.warning {
                // Reported, never a failure: the new site is already published.
                report.extend([Diagnostic::warning(&setup.out_dir, None, warning)]);
            }
            made
        }
        (None, Some(cache)) => {
            let _lock = output::lock(&setup.out_target, &setup.out_dir)?;
            let kept = pages
                .iter()
                .filter(|p| p.reused)
                .map(|p| render::output_path(&p.url));
            collect
                .apply(&setup.out_target, &setup.out_dir, &cache.outputs, kept)?
                .0
        }
        (None, None) => return Err(Error::Usage("internal: no output for the build".into())),
    };
    save_cache(
        setup,
        structure,
        &pages,
        &outcome.facts,
        &mut parsed,
        cache,
        made,
        &report,
    );
    let (written_pages, written_files) = (outcome.pages, outcome.files);
    drop_later((pages, sections, index, outcome, parsed, discovered.assets));
    Ok(Some(BuildResult {
        report,
        stats: Some(Stats {
            pages: written_pages,
            files: written_files,
            unchanged,
            out_dir: setup.out_dir.clone(),
        }),
    }))
}

/// What every page is rendered from: its text, or what the cache kept of it.
fn sources(
    pages: &mut Pages,
    known: &HashMap<PathBuf, Known>,
    index: &LinkIndex,
) -> Vec<render::Source> {
    let texts = pages.take_sources();
    pages
        .iter()
        .zip(texts)
        .map(
            |(page, text)| match known.get(&page.rel_path).and_then(|k| k.entry.as_ref()) {
                Some(entry) if page.reused => render::Source::Known(
                    Box::new(incremental::facts_from_entry(entry, index)),
                    Some(incremental::search_from_entry(entry)),
                ),
                _ => render::Source::Text(text),
            },
        )
        .collect()
}

/// Writes the cache for the next build: an entry for every question with nothing to report,
/// and what each output file was made from; nothing when that is what the cache already
/// says. A cache that cannot be written is removed, so that no stale one is ever read.
#[allow(clippy::too_many_arguments)]
fn save_cache(
    setup: &Setup<'_>,
    structure: u64,
    pages: &Pages,
    facts: &render::Facts,
    parsed: &mut ParsedPages,
    previous: Option<&Cache>,
    made: HashMap<String, Made>,
    report: &Report,
) {
    let troubled: HashSet<&Path> = report
        .diagnostics
        .iter()
        .map(|d| d.path.as_path())
        .collect();
    let mut cache = Cache::new(setup.inputs, structure);
    // The previous cache's entries of reused pages were moved out: what is left there are
    // pages that changed or went away.
    let mut changed = previous.is_none_or(|p| p.outputs != made || !p.pages.is_empty());
    for (id, page) in pages.ids() {
        let Some(known) = parsed.known.remove(&page.rel_path) else {
            continue;
        };
        let entry = match known.entry {
            Some(old) if page.reused => {
                changed |= old.stat != known.stat;
                Some(Entry {
                    stat: known.stat,
                    ..old
                })
            }
            _ if troubled.contains(page.display_path.as_path()) => None,
            _ => {
                let entry = incremental::entry_for(
                    page,
                    &facts[id],
                    facts.search(id),
                    pages,
                    known.stat,
                    known.hash,
                );
                changed |= entry.is_some();
                entry
            }
        };
        if let (Some(entry), Some(key)) = (entry, page.rel_path.to_str()) {
            cache.pages.insert(key.to_owned(), entry);
        }
    }
    cache.outputs = made;
    if changed && cache.save(&setup.out_target).is_err() {
        Cache::remove(&setup.out_target);
    }
    drop_later(cache);
}

/// Frees a large value on another thread: a build need not wait for its memory to be
/// handed back.
fn drop_later<T: Send + 'static>(value: T) {
    std::thread::spawn(move || drop(value));
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
    /// Every page file's stat and hash, and its cache entry when it was reused.
    known: HashMap<PathBuf, Known>,
}

/// What the build knows of a page's file.
struct Known {
    stat: Stat,
    hash: u64,
    /// The cache entry it was reused from.
    entry: Option<Entry>,
}

fn parse_pages(
    files: Vec<PageSource>,
    setup: &Setup<'_>,
    mut cache: Option<&mut Cache>,
    report: &mut Report,
) -> ParsedPages {
    let content_name = &setup.content_name;
    let entries = cache.as_deref().map(|c| &c.pages);
    let entry_of = |rel: &Path| entries.and_then(|e| e.get(rel.to_str()?));
    let results: Vec<_> = files
        .into_par_iter()
        .map(|source| match source {
            PageSource::Reused(rel, stat) => {
                let entry = entry_of(&rel);
                let page = entry.map(|e| incremental::page_from_entry(&rel, content_name, e));
                let hash = entry.map_or(0, |e| e.hash);
                (page, Vec::new(), rel, stat, hash)
            }
            PageSource::Read(file, stat, hash) => {
                // The same text as last time (a file saved again unchanged): reused all the same.
                let same = entry_of(&file.rel_path)
                    .filter(|e| e.hash == hash && incremental::may_reuse(&file.rel_path));
                let rel = file.rel_path.clone();
                match same {
                    Some(entry) => {
                        let page = incremental::page_from_entry(&rel, content_name, entry);
                        (Some(page), Vec::new(), rel, stat, hash)
                    }
                    None => {
                        let (page, problems) = content::parse_page(file, content_name);
                        (Some(page), problems, rel, stat, hash)
                    }
                }
            }
        })
        .collect();
    let mut published = Vec::with_capacity(results.len());
    let mut drafts = Vec::new();
    let mut known = HashMap::with_capacity(results.len());
    for (page, problems, rel, stat, hash) in results {
        report.extend(problems);
        let Some(page) = page else { continue };
        let entry = match (&mut cache, page.reused) {
            (Some(cache), true) => rel.to_str().and_then(|k| cache.pages.remove(k)),
            _ => None,
        };
        known.insert(rel, Known { stat, hash, entry });
        if page.front.draft && !setup.opts.drafts {
            drafts.push(page.rel_path);
        } else {
            published.push(page);
        }
    }
    ParsedPages {
        published,
        drafts,
        known,
    }
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

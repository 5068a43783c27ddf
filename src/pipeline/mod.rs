//! The build, as one visible sequence of passes over plain data:
//!
//! project (site.yaml or mkdocs.yml) -> discover -> phase one: parse pages, what each source
//! publishes (clashes), sections, link index, the MkDocs nav, titles, related questions ->
//! phases two and three
//! ([`render`]): every page rendered, put through the theme and handed to the output as soon as
//! it is done (parallel), then anchors, listings, sitemap and copied files -> diagnostics ->
//! swap (only when nothing failed; a build whose input already failed renders for its
//! diagnostics alone and writes nothing).

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::cache::{Cache, Stat};
use crate::checks;
use crate::collisions;
use crate::content::{self, Pages, Sections};
use crate::diagnostics::{Diagnostic, Report, Severity};
use crate::discover;
use crate::error::{Error, Result};
use crate::incremental;
use crate::mkdocs::{self, nav};
use crate::output::{self, Collect, Discard, Record, Sink, Staging};
use crate::project::Flavor;
use crate::related::Related;
use crate::render::{self, Site};
use crate::timings;
use crate::titles;
use crate::urls::BaseUrl;

mod ending;
mod pages;
mod resident;
mod setup;

pub use ending::{ends_with_build, process_ends_with_build};
pub use resident::{Memory, build_in_memory};

use ending::drop_later;

use pages::{Leftovers, Outputs, link_index, next_cache, parse_pages, sources};
use setup::Setup;

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
    /// `answerbook check --external`: also ask servers about `http(s)://` links, waiting at
    /// most this long for each answer.
    pub external: Option<std::time::Duration>,
}

/// What a build wrote.
#[derive(Debug)]
pub struct Stats {
    /// HTML pages written (questions, sections and the home page).
    pub pages: usize,
    /// Other files written (copied files, theme files, sitemap, ...).
    pub files: usize,
    /// Pages left as they were: questions unchanged since the last build (the build cache)
    /// and the section pages that show only such questions.
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
    timings::start();
    let setup = Setup::load(opts)?;
    timings::mark("setup");
    // The content folder is walked (every page's file stated) while the cache is read: the
    // two do not wait on each other.
    let ((cache, vocabulary), walked) = rayon::join(
        || setup.previous_cache(),
        || crate::walk::walk(&setup.content_dir, &setup.content_name, &setup.policy),
    );
    timings::mark("cache load, walk");
    let mut seen = Seen {
        walked: Some(walked?),
        ..Seen::default()
    };
    // The build writes its cache for the next one itself ([`save_next_cache`]).
    let (result, _) = run_fitting(&setup, cache, &mut seen, &vocabulary)?;
    timings::print();
    Ok(result)
}

/// What a build is told of the content folder before it looks (`serve`), and the walk it
/// hands back for the next build.
#[derive(Default)]
struct Seen {
    /// The last walk, still true.
    walk: Option<Vec<crate::walk::Found>>,
    /// A walk made just before this build ([`build`]), with its diagnostics.
    walked: Option<(Vec<crate::walk::Found>, Vec<Diagnostic>)>,
    /// The pages the watcher reported: every other page with a cache entry is as it was.
    saved: Option<HashSet<PathBuf>>,
    /// Whether to hand back this build's walk.
    keep: bool,
    kept: Option<resident::Walk>,
    /// The search index kept between builds (`serve`).
    search: Option<std::sync::Mutex<Option<crate::render::SearchResident>>>,
    /// The related questions kept between builds (`serve`; see [`resident::related`]).
    related: Option<(u64, Related)>,
    /// Site-wide files kept between builds (`serve`).
    memo: Option<render::Memo>,
}

/// A build with `cache`, or without it when it turns out not to fit the site's shape.
fn run_fitting(
    setup: &Setup<'_>,
    cache: Option<Cache>,
    seen: &mut Seen,
    vocabulary: &render::Vocabulary,
) -> Result<Built> {
    match run(setup, cache, seen, vocabulary)? {
        Some(built) => Ok(built),
        // The site's shape changed since the cache was written: build it all.
        None => run(setup, None, seen, vocabulary)?
            .ok_or_else(|| Error::Usage("internal: no build".into())),
    }
}

/// A build's result, and, when it succeeded and keeps it in memory (`serve`), the cache for
/// the next one (with whether it changed).
type Built = (BuildResult, Option<(Cache, bool)>);

/// One build, reusing what `cache` knows; `None` when the cache turned out not to fit the
/// site's shape (the caller builds again without it).
fn run(
    setup: &Setup<'_>,
    mut cache: Option<Cache>,
    seen: &mut Seen,
    vocabulary: &render::Vocabulary,
) -> Result<Option<Built>> {
    let opts = setup.opts;
    let mut report = Report::default();
    report.extend(setup.notes.iter().cloned());
    let unchanged = |rel: &Path, stat: &Stat| {
        cache
            .as_ref()
            .is_some_and(|c| incremental::may_reuse(rel) && c.unchanged(rel, stat).is_some())
    };
    let saved = seen.saved.take();
    let stat = |rel: &Path| resident::trusted_stat(cache.as_ref(), saved.as_ref(), rel);
    let known = discover::Known {
        walk: seen.walk.take(),
        walked: seen.walked.take(),
        keep_walk: seen.keep,
        stat: &stat,
        unchanged: &unchanged,
    };
    let mut discovered = discover::discover(
        &setup.content_dir,
        &setup.content_name,
        &setup.policy,
        known,
    )?;
    seen.kept = discovered
        .walk
        .take()
        .and_then(|(found, left_out)| resident::Walk::keep(&setup.content_dir, found, left_out));
    report.extend(std::mem::take(&mut discovered.diagnostics));
    timings::mark("discover");

    // Phase one: every page read (or brought back from the cache), with what other pages
    // need of it.
    let mut parsed = parse_pages(discovered.pages, setup, cache.as_mut(), &mut report)?;
    if let Flavor::MkDocs { .. } = setup.flavor {
        let (notes, left_out) = mkdocs::readme_as_index(&mut parsed.published);
        report.extend(notes);
        parsed.leave_out(&left_out);
    }
    timings::mark("parse");
    let mut pages = Pages::new(std::mem::take(&mut parsed.published));
    let mut sections = content::sections(&mut pages);
    // What each source publishes is checked while the link index is made: neither needs the
    // other (sections change no page's URL).
    let (clashes, index) = rayon::join(
        || {
            let (assets, theme) = (&discovered.assets, &setup.theme);
            collisions::check(pages.as_slice(), assets, theme, &setup.content_name)
        },
        || link_index(&pages, &sections, &parsed.drafts, &discovered.assets),
    );
    report.extend(clashes);
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
    // Kept from the last build when what they come from is the same: in memory (`serve`), or
    // in the build cache.
    let kept_related = match seen.keep {
        true => seen.related.take(),
        false => cache.as_mut().and_then(|c| {
            let (hash, lists) = c.related.take()?;
            Some((hash, Related::from_lists(lists, pages.len())?))
        }),
    };
    let ((related_inputs, related), shape) = rayon::join(
        || resident::related(kept_related, &pages, &index),
        || incremental::shape_hash(&pages, &sections, &parsed.drafts, &discovered.assets),
    );
    let structure = incremental::structure_hash(shape, &related);
    let previous = cache.filter(|c| c.structure == structure);
    if previous.is_none() && pages.iter().any(|p| p.reused) {
        return Ok(None);
    }
    timings::mark("sections, links, nav");
    let cache = previous.as_ref();
    let strict = opts.strict || config.strict || opts.check;

    // Phases two and three: pages rendered and handed on as they are done. Output is kept
    // only while nothing has failed; otherwise rendering goes on for its diagnostics alone.
    // With a cache, changed files are collected and written in place at the end; without, the
    // whole site goes into a staging folder swapped in at the end.
    let base = BaseUrl::parse(&config.base_url);
    let sources = sources(&mut pages, &mut parsed.known, &index);
    let external = opts.external.map(|timeout| checks::external::Settings {
        timeout,
        cache_file: checks::external::cache::path_for(&setup.out_target),
    });
    let checker = opts.check.then(|| {
        checks::Checker::new(&pages, &index, &base, checks::RootLinks::of(&setup.flavor))
            .with_external(external)
    });
    let features = &setup.features;
    let mut site = Site::new(
        config, &base, &pages, &sections, &index, features, vocabulary,
    );
    site.related = &related;
    let search_before = cache.and_then(|c| render::SearchBefore::of(c, &pages));
    site.search_before = search_before.as_ref();
    site.search_memory = seen.search.as_ref();
    site.memo = seen.memo.as_ref();
    site.outputs_before = cache.map(|c| &c.outputs);
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
    if opts.check && opts.strict {
        // `check --strict`: the checks' own warnings fail it too.
        report.promote_warnings();
    }
    report.sort();
    if report.has_errors() || input_failed || opts.check {
        let result = BuildResult {
            report,
            stats: None,
        };
        return Ok(Some((result, None)));
    }

    let unchanged = pages.iter().filter(|p| p.reused).count() + outcome.kept_pages;
    // The cache stops being one before the output folder changes ([`Cache::invalidate`]):
    // a build stopped between the two must not leave a cache that tells the next one that
    // the output is still as it was.
    let mut invalidated = false;
    let mut invalidate = || {
        Cache::invalidate(&setup.out_target);
        invalidated = true;
    };
    let made = match (record, cache) {
        (Some(record), _) => {
            let made = Outputs::Written(record.into_made());
            let Some(staging) = staging else {
                return Err(Error::Usage("internal: no staging folder".into()));
            };
            invalidate();
            let committed = staging.commit()?;
            if let Some(warning) = committed.warning {
                // Reported, never a failure: the new site is already published.
                report.extend([Diagnostic::warning(&setup.out_dir, None, warning)]);
            }
            made
        }
        (None, Some(cache)) => {
            let _lock = output::lock(&setup.out_target, &setup.out_dir)?;
            // The reused pages' files stay as they are, and the cache's record leaves them
            // out (their entries stand for them). The entries no page reused (pages gone,
            // left out, or read again) stand for files this build must name again or remove.
            let implied = cache.pages.keys().map(|key| incremental::page_output(key));
            let (made, _) = collect.apply(
                &setup.out_target,
                &setup.out_dir,
                &cache.outputs,
                implied,
                std::mem::take(&mut outcome.kept),
                invalidate,
            )?;
            Outputs::Updated(made)
        }
        (None, None) => return Err(Error::Usage("internal: no output for the build".into())),
    };
    timings::mark("commit");
    // `serve` keeps the next build's cache in memory; a build writes it out, an entry at a
    // time, and keeps none of it.
    let left = Leftovers {
        pages: &mut pages,
        facts: &mut outcome.facts,
        parsed: &mut parsed,
        previous: cache,
        made,
        report: &report,
        vocabulary,
        invalidated,
    };
    let next = next_cache(
        setup,
        structure,
        (related_inputs, &related),
        left,
        seen.keep,
    );
    timings::mark("cache save");
    let (written_pages, written_files) = (outcome.pages, outcome.files);
    let assets = discovered.assets;
    drop_later((pages, sections, index, outcome, parsed, assets, previous));
    match seen.keep {
        true => seen.related = Some((related_inputs, related)),
        false => drop_later(related),
    }
    let result = BuildResult {
        report,
        stats: Some(Stats {
            pages: written_pages,
            files: written_files,
            unchanged,
            out_dir: setup.out_dir.clone(),
        }),
    };
    Ok(Some((result, next)))
}

/// Whether the diagnostics so far fail the build (warnings too, under `--strict`).
fn fails(report: &Report, strict: bool) -> bool {
    report
        .diagnostics
        .iter()
        .any(|d| d.severity == Severity::Error || (strict && d.severity == Severity::Warning))
}

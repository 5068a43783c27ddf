//! The first reads of every build: the project and its settings, the output folder (checked
//! before anything else happens), the symlink policy, the theme, and the hash of everything a
//! page's HTML depends on outside the pages.

use std::path::PathBuf;

use crate::cache::Cache;
use crate::config::SiteConfig;
use crate::diagnostics::Diagnostic;
use crate::error::{Error, Result};
use crate::incremental;
use crate::markdown::Features;
use crate::output;
use crate::project::{Flavor, Project};
use crate::render::Vocabulary;
use crate::theme::Theme;
use crate::walk;

use super::BuildOptions;

/// What every build reads before its pages: the project, the theme, the output folder.
pub(super) struct Setup<'o> {
    pub(super) opts: &'o BuildOptions,
    pub(super) config: SiteConfig,
    pub(super) content_name: PathBuf,
    pub(super) content_dir: PathBuf,
    pub(super) features: Features,
    pub(super) flavor: Flavor,
    pub(super) out_dir: PathBuf,
    /// The output folder, symlinks resolved.
    pub(super) out_target: PathBuf,
    pub(super) policy: walk::Policy,
    pub(super) theme: Theme,
    /// Notes on the configuration and the theme's files.
    pub(super) notes: Vec<Diagnostic>,
    /// [`incremental::inputs_hash`] of this build.
    pub(super) inputs: u64,
}

impl<'o> Setup<'o> {
    pub(super) fn load(opts: &'o BuildOptions) -> Result<Self> {
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

    /// The cache of the last build into this output folder, with the vocabulary its entries
    /// number their search words in (the build's starts from it); no cache, and a new
    /// vocabulary, when there is none or its words do not make one.
    pub(super) fn previous_cache(&self) -> (Option<Cache>, Vocabulary) {
        let mut cache = self.previous_cache_file();
        let words = cache.as_mut().map(|c| std::mem::take(&mut c.words));
        match words.and_then(|w| Vocabulary::from_text(&w)) {
            Some(vocabulary) => (cache, vocabulary),
            None => (None, Vocabulary::default()),
        }
    }

    /// The cache of the last build into this output folder, if that folder is still its
    /// output and the cache was made for the same inputs.
    fn previous_cache_file(&self) -> Option<Cache> {
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

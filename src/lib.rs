//! answerbook: a static site generator for question-and-answer knowledge bases written in
//! MkDocs-flavoured markdown.
//!
//! The build is one pipeline of plain data, run by [`pipeline::build`]:
//! [`project`] ([`config`] for `site.yaml`, [`mkdocs`] for `mkdocs.yml`) -> [`discover`] (through
//! [`walk`]) ->
//! [`content`] (front matter via [`frontmatter`] and [`yaml`]) -> [`link_index`] ->
//! [`collisions`] -> [`markdown`] (parallel) -> [`diagnostics`] -> [`render`] through the [`theme`] with typed
//! [`context`]s -> [`output`]. `answerbook check` runs the same pipeline with the output thrown
//! away and the [`checks`] looking at every page; [`report_format`] prints what it finds;
//! [`clock`] is the one place the time is read.
//!
//! Apart from builds, [`scaffold`] writes new sources for authors (`init`, `new`), and
//! [`serve`] runs builds behind a live preview.

pub mod cache;
pub mod checks;
pub mod cli;
pub mod clock;
pub mod collisions;
pub mod config;
pub mod content;
pub mod context;
pub mod diagnostics;
pub mod discover;
pub mod error;
pub mod frontmatter;
pub mod incremental;
mod lines;
pub mod link_index;
pub mod markdown;
pub mod mkdocs;
pub mod output;
pub mod pipeline;
pub mod project;
mod read;
pub mod related;
pub mod render;
pub mod report_format;
pub mod scaffold;
pub mod serve;
pub mod sitemap;
#[cfg(test)]
mod test_text;
pub mod theme;
pub mod timings;
pub mod titles;
pub mod urls;
pub mod walk;
pub mod yaml;

pub use pipeline::{BuildOptions, BuildResult, build};

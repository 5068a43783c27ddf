//! The files a build produces, handed one at a time to a [`Sink`] as soon as each is ready, so
//! that no page's HTML outlives its writing. `build` writes them into a staging folder
//! ([`super::Staging`]); `check` (and a build whose input already failed) throws them away
//! ([`Discard`]); a preview server can keep them in memory.

use std::path::Path;

use crate::error::Result;

/// The contents of one output file.
#[derive(Debug)]
pub enum Body<'a> {
    /// A question's page: its bytes follow from the page and the site's structure alone.
    Page(Vec<u8>),
    /// Made by the build from many pages (a section page, the sitemap).
    Bytes(Vec<u8>),
    /// A site-wide file (the sitemap, `llms.txt`) recorded by the hash of everything it is
    /// made from, `inputs`, rather than of its bytes: a build whose inputs hash the same
    /// keeps the file the last one wrote without making it again.
    Derived { bytes: Vec<u8>, inputs: u64 },
    /// Built into the binary (the default theme's files).
    Static(&'static [u8]),
    /// Copied from a source file as it is (an image, a theme file).
    Copy(&'a Path),
}

/// Where output files go. `path` is a site path with `/` separators (`a/b/index.html`).
pub trait Sink: Sync {
    fn put(&self, path: &str, body: Body<'_>) -> Result<()>;
}

/// A sink that keeps nothing.
#[derive(Debug, Default, Clone, Copy)]
pub struct Discard;

impl Sink for Discard {
    fn put(&self, _path: &str, _body: Body<'_>) -> Result<()> {
        Ok(())
    }
}

impl Sink for super::Staging {
    fn put(&self, path: &str, body: Body<'_>) -> Result<()> {
        match body {
            Body::Page(bytes) | Body::Bytes(bytes) | Body::Derived { bytes, .. } => {
                self.write(path, &bytes)
            }
            Body::Static(bytes) => self.write(path, bytes),
            Body::Copy(from) => self.copy(path, from),
        }
    }
}

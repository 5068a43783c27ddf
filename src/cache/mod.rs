//! The build cache: what the last successful build learned about each page, kept beside the
//! output folder, so that the next build of the same output re-renders only the pages whose
//! text changed. It is two files: a body (`.public.answerbook-cache`), every page's entry as
//! some build wrote them all, and a head (`.public.answerbook-cache-head`), what the cache
//! says now: the header, which of the body's entries still hold, and the entries written
//! since. A rebuild that changes a few pages writes a new head and leaves the body as it is;
//! once the head would hold more than a sixteenth of the entries, a new body is written
//! ([`Cache::save_streamed`]). A head names its body by an id: either file alone, or a head
//! with another body, is no cache. The head is removed before a build changes the output
//! folder ([`Cache::invalidate`]), so that a build stopped between changing the output and
//! saving its cache leaves no cache that describes the output as it was.
//!
//! A page is known by its path and the hash of its text; its file's size, modification time
//! and inode let the next build skip reading a file that did not change (as git's index does),
//! except where the file changed within a second of the last build, whose time is then no
//! proof. Everything else a page's HTML depends on (the configuration, the theme, the binary,
//! the flags, every page's path, URL and title, the sections, the nav) is summed up in one
//! hash: when it changes, every page is rendered again. The file is versioned, read only if
//! every check passes, and safe to delete at any time.

use rustc_hash::FxHashMap;
use std::fs;
use std::hash::{Hash, Hasher};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::content::PageId;
use crate::frontmatter::PageDate;
use crate::output::beside;

mod carry;
mod codec;

use carry::Part;
pub use carry::{ReadFrom, Source};
pub use codec::{BodyRef, Encoder, Spent};

/// How many encoded parts ([`Encoder::entries`]) may wait for the thread that writes them.
const QUEUED: usize = 64;

/// A 64-bit hash of some bytes (XXH3, made for telling contents apart): every page's source
/// is hashed twice in a build and every file it writes once, where SipHash, std's, was a
/// fortieth of a build. Stable for one build of answerbook (the binary is part of
/// [`Cache::inputs`], so a new binary never reads an old cache).
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Sums up values into one hash, in order (XXH3, as [`hash_bytes`]: the structure of the
/// site is summed up on every build, every page's path, URL and title, where SipHash was a
/// hundredth of a one-page rebuild).
#[derive(Default)]
pub struct Digest(xxhash_rust::xxh3::Xxh3);

impl Digest {
    pub fn add(&mut self, value: impl Hash) -> &mut Self {
        value.hash(&mut self.0);
        self
    }

    pub fn finish(&self) -> u64 {
        self.0.finish()
    }
}

/// What the file system says about a file, enough to tell that it did not change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stat {
    pub len: u64,
    pub mtime_ns: i128,
    pub ino: u64,
}

impl Stat {
    pub fn of(meta: &fs::Metadata) -> Stat {
        let mtime_ns = meta
            .modified()
            .ok()
            .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128);
        Stat {
            len: meta.len(),
            mtime_ns,
            ino: inode(meta),
        }
    }
}

#[cfg(unix)]
fn inode(meta: &fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::ino(meta)
}

#[cfg(not(unix))]
fn inode(_meta: &fs::Metadata) -> u64 {
    0
}

/// A `#fragment` a page links to, by the path of the page it must be on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CachedAnchor {
    pub target: PathBuf,
    pub fragment: String,
    pub written: String,
    pub line: usize,
}

/// One page as the last build left it: what other pages and the listings need of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub stat: Stat,
    pub hash: u64,
    pub title: String,
    pub draft: bool,
    pub date: Option<PageDate>,
    pub updated: Option<PageDate>,
    pub body_offset: usize,
    pub body_line: usize,
    /// What a listing shows under it when that is not its short answer: its summary (the
    /// text before `<!-- more -->`). `None`: the listing shows the short answer, as a listing
    /// does when a page has no summary ([`crate::markdown::Rendered::summary`]); most pages
    /// have none, and a rebuild brings back every page's entry.
    pub listed_summary: Option<String>,
    /// Its short answer (the answer admonition's text, else its description), for the feed
    /// and llms.txt.
    pub short_answer: Option<String>,
    /// Its ids, and its links with a `#fragment` (checked against other pages every build).
    pub ids: Vec<String>,
    pub anchors: Vec<CachedAnchor>,
    /// What the search index needs of it: its `h2`/`h3` headings (id and text) and the
    /// distinct words and where they stand ([`crate::render::SearchDoc`]).
    pub headings: Vec<(String, String)>,
    /// Its words by their numbers in [`Cache::words`].
    pub words: crate::render::WordNumbers,
    pub marks: Vec<(u32, u32)>,
    /// Its tags (`tags:` in its front matter), for the tag pages.
    pub tags: Vec<String>,
    /// Its links as written, for related questions.
    pub links: Vec<crate::related::OutLink>,
    /// What a listing shows under it, as HTML (cut, code spans kept).
    pub listing: Option<String>,
    /// The snippet files it includes (`--8<--`), with their stat: a change to one is a
    /// change to the page.
    pub includes: Vec<(PathBuf, Stat)>,
    /// Where the last cache file holds it, as it was read: the next is given a copy of those
    /// bytes rather than the entry encoded again. Cleared by [`Entry::set_stat`] when its
    /// file's stat changed.
    pub read_from: ReadFrom,
}

impl Entry {
    /// Its file's stat now: an entry whose stat changed is no longer the one read.
    pub fn set_stat(&mut self, stat: Stat) {
        if self.stat != stat {
            self.stat = stat;
            self.read_from = ReadFrom::default();
        }
    }
}

/// What a file of the output folder came from, to tell whether it must be written again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Made {
    /// A question's page: right as long as the page's entry is.
    Page,
    /// Generated (section pages, sitemap, ...): the hash of its bytes, or of everything it is
    /// made from for a site-wide file (`Body::Derived`).
    Bytes(u64),
    /// Copied from a file: that file's stat.
    Copy(Stat),
}

/// The cache of one output folder.
#[derive(Debug, Default)]
pub struct Cache {
    /// [`Cache::inputs`] of the build that wrote it.
    pub inputs: u64,
    /// [`Cache::structure`] of the build that wrote it.
    pub structure: u64,
    /// When it was written (ns since the epoch): files modified this close to it are read
    /// again whatever their stat says.
    pub written_ns: i128,
    /// By page path under `content/` (with `/`). Boxed: an entry is hundreds of bytes, and a
    /// build moves each out of the map to keep with its page.
    pub pages: FxHashMap<String, Box<Entry>>,
    /// Every file of the output folder, by site path, but the pages of its entries: each
    /// entry stands for its page's file ([`crate::incremental::page_output`], `Made::Page`),
    /// so that a rebuild neither reads nor writes a record of every page.
    pub outputs: FxHashMap<String, Made>,
    /// Every page's related questions, with the hash of what they were worked out from
    /// (`pipeline::resident::related`).
    pub related: Option<(u64, Vec<Vec<PageId>>)>,
    /// Every search word its entries hold, separated by spaces, in order of number: the
    /// build's [`Vocabulary`](crate::render::Vocabulary) starts from it.
    pub words: String,
    /// The body it was read from, kept open: the next cache goes on with it or copies
    /// unchanged entries from it ([`carry`]).
    pub source: Option<Source>,
}

/// What a cache file says before its entries ([`Cache::save_streamed`]).
#[derive(Clone, Copy)]
pub struct Header<'a> {
    pub inputs: u64,
    pub structure: u64,
    pub outputs: &'a FxHashMap<String, Made>,
    pub related: Option<(u64, &'a [Vec<PageId>])>,
    /// [`Cache::words`].
    pub words: &'a str,
    /// The number in `words` of each number the entries hold, when they number the words of
    /// another list (`None`: the same numbers).
    pub renumbered: Option<&'a [u32]>,
}

/// A file modified less than this before the cache was written may have changed again within
/// the same tick of the file system's clock.
const RACY_NS: i128 = 1_000_000_000;

impl Cache {
    /// The body of the cache of an output folder (its resolved path).
    pub fn path_for(target: &Path) -> PathBuf {
        beside::beside(target, "cache")
    }

    /// The head of the cache of an output folder.
    pub fn head_path_for(target: &Path) -> PathBuf {
        beside::beside(target, "cache-head")
    }

    /// The cache for `target`, if there is one that this binary wrote for the same inputs:
    /// its head and the body the head names. Anything else (no file, another version, a
    /// corrupt file, a body the head does not name) is no cache.
    pub fn load(target: &Path, inputs: u64) -> Option<Cache> {
        let mut head = fs::File::open(Self::head_path_for(target)).ok()?;
        let (mut cache, body) = codec::decode_from(&mut head, Some(inputs))?;
        let body = body?;
        let mut file = fs::File::open(Self::path_for(target)).ok()?;
        let load = Source::next_load();
        let words = codec::word_count(&cache.words);
        // The head's entries are the ones that changed since the body was written.
        let room = cache.pages.capacity().max(body.count as usize);
        let changed = std::mem::replace(
            &mut cache.pages,
            FxHashMap::with_capacity_and_hasher(room, Default::default()),
        );
        codec::decode_body(&mut file, &body, words, load, &mut cache.pages)?;
        cache.pages.extend(changed);
        let width = codec::number_width(words);
        cache.source = Some(Source::new(file, load, width, body.id, body.count));
        Some(cache)
    }

    pub fn new(inputs: u64, structure: u64) -> Cache {
        Cache {
            inputs,
            structure,
            ..Cache::default()
        }
    }

    /// Notes the time: files modified from a second before it on are read again next time.
    pub fn stamp(&mut self) {
        self.written_ns = now_ns();
    }

    /// Writes a whole cache beside `target`: a new body, then a head naming it (each a new
    /// file renamed over the old one; only ever over a plain file, [`beside`]), with the
    /// entries `entries` hands the [`Encoder`] a batch at a time: each batch is made and
    /// encoded on every thread, its entries dropped as they are encoded, while a thread of
    /// its own writes the bytes out, so that a build never holds every entry or every byte at
    /// once. Entries that come through as they were read from `source` are copied from it,
    /// not encoded again ([`carry`]). Stamped now.
    pub fn save_streamed(
        target: &Path,
        header: Header<'_>,
        source: Option<&Source>,
        entries: impl FnOnce(&mut Encoder<'_>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let written_ns = now_ns();
        let width = codec::number_width(codec::word_count(header.words));
        let id = hash_bytes(
            &[
                written_ns.to_le_bytes(),
                u128::from(std::process::id()).to_le_bytes(),
            ]
            .concat(),
        );
        let start = codec::body_start(id, width);
        let count = write_streamed(&Self::path_for(target), start, &header, source, entries)?;
        let mut head = codec::header(&header, written_ns, Some(&BodyRef::whole(id, count)));
        head.push(codec::END as u8);
        beside::replace_file(&Self::head_path_for(target), &head)
    }

    /// The body `source` when a new head may go on with it: the entries it holds number the
    /// words as `header` does, in as many bytes.
    pub fn goes_on<'s>(source: &'s Source, header: &Header<'_>) -> Option<&'s Source> {
        let width = codec::number_width(codec::word_count(header.words));
        source.usable(width, header.renumbered.is_some())
    }

    /// Writes a new head beside `target` that goes on with the body `body` names, marked with
    /// the entries that still hold in it; `entries` hands the [`Encoder`] every other entry,
    /// as [`Cache::save_streamed`]. The body is left as it is. Stamped now.
    pub fn save_head(
        target: &Path,
        header: Header<'_>,
        body: &BodyRef,
        entries: impl FnOnce(&mut Encoder<'_>) -> std::io::Result<()>,
    ) -> std::io::Result<()> {
        let start = codec::header(&header, now_ns(), Some(body));
        write_streamed(&Self::head_path_for(target), start, &header, None, entries).map(drop)
    }

    /// Removes the cache of `target`, when a build could not keep it true.
    pub fn remove(target: &Path) {
        beside::remove_file(&Self::head_path_for(target));
        beside::remove_file(&Self::path_for(target));
    }

    /// Makes the cache of `target` no cache, before a build changes the output folder: its
    /// head goes (a body without a head is never read), its body stays for the next head.
    pub fn invalidate(target: &Path) {
        beside::remove_file(&Self::head_path_for(target));
    }

    /// The entry of a page whose file did not change since the last build, by its stat alone.
    pub fn unchanged(&self, rel: &Path, stat: &Stat) -> Option<&Entry> {
        let entry = self.pages.get(rel.to_str()?)?;
        let settled = stat.mtime_ns < self.written_ns - RACY_NS;
        (entry.stat == *stat && settled && self.includes_unchanged(entry)).then_some(entry)
    }

    /// Whether every snippet file the page includes is as it was (by its stat, settled).
    pub fn includes_unchanged(&self, entry: &Entry) -> bool {
        entry.includes.iter().all(|(path, was)| {
            fs::metadata(path).is_ok_and(|meta| {
                let now = Stat::of(&meta);
                now == *was && now.mtime_ns < self.written_ns - RACY_NS
            })
        })
    }
}

/// Writes `start`, then the entries `entries` hands the [`Encoder`], then the end, to a new
/// file renamed over `path` ([`Cache::save_streamed`]): how many entries it wrote.
fn write_streamed(
    path: &Path,
    start: Vec<u8>,
    header: &Header<'_>,
    source: Option<&Source>,
    entries: impl FnOnce(&mut Encoder<'_>) -> std::io::Result<()>,
) -> std::io::Result<u32> {
    let mut count = 0;
    beside::replace_file_with(path, |file| {
        let spares = &codec::Spares::default();
        std::thread::scope(|scope| {
            let (parts, received) = std::sync::mpsc::sync_channel::<Part>(QUEUED);
            let writer = scope.spawn(move || {
                file.write_all(&start)?;
                let mut out = carry::PartWriter::new(file, source);
                received
                    .iter()
                    .try_for_each(|part| -> std::io::Result<()> {
                        out.write(&part)?;
                        spares.give(part.bytes);
                        Ok(())
                    })?;
                out.flush()
            });
            let mut send = move |part| {
                parts
                    .send(part)
                    .map_err(|_| std::io::Error::other("the cache's writer stopped"))
            };
            let mut encoder = Encoder::new(&mut send, spares, header, source);
            let encoded = entries(&mut encoder).and_then(|()| encoder.finish());
            drop(send);
            let written = writer
                .join()
                .unwrap_or_else(|_| Err(std::io::Error::other("the cache's writer failed")));
            // The writer's error first: it is why a part could not be handed over.
            count = written.and(encoded)?;
            Ok(())
        })
    })?;
    Ok(count)
}

fn now_ns() -> i128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as i128)
}

#[cfg(test)]
mod tests;

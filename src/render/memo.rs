//! Site-wide files made from every page: `llms.txt` and `sitemap.xml` list every page, and a
//! change to one page rarely changes what they say of any. Each is recorded in the output's
//! record (the build cache) by a hash of everything it is made from, and a rebuild whose
//! inputs hash the same leaves the file as it is ([`put_derived`]). `serve` also keeps their
//! bytes between its builds ([`Memo`]).

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHasher};

use crate::cache::Made;
use crate::error::Result;
use crate::output::{Body, Sink};

/// What the inputs of a site-wide file are hashed with ([`put_derived`]): XXH3, made for
/// telling contents apart, over the titles, URLs and answers of every page.
pub(super) type InputsHasher = xxhash_rust::xxh3::Xxh3;

/// The files kept, by output path: the hash of their inputs and their bytes.
#[derive(Debug, Default)]
pub struct Memo(Mutex<FxHashMap<&'static str, (u64, Vec<u8>)>>);

impl Memo {
    /// The bytes of `name`: made by `make`, unless `memo` kept them from inputs that hashed
    /// (`inputs`) as this build's do. Kept in `memo` for the next build.
    pub(super) fn file(
        memo: Option<&Memo>,
        name: &'static str,
        inputs: impl FnOnce(&mut FxHasher),
        make: impl FnOnce() -> Vec<u8>,
    ) -> Vec<u8> {
        let Some(memo) = memo else {
            return make();
        };
        let mut hasher = FxHasher::default();
        name.hash(&mut hasher);
        inputs(&mut hasher);
        let key = hasher.finish();
        let mut files = memo.0.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((kept, bytes)) = files.get(name)
            && *kept == key
        {
            return bytes.clone();
        }
        let bytes = make();
        files.insert(name, (key, bytes.clone()));
        bytes
    }
}

/// Puts site-wide file `name`, made by `make` from what `inputs` hashes, into `sink` as
/// [`Body::Derived`]; unless the output folder holds what the same inputs made last time (the
/// last build recorded that hash for it), when it is left as it is and named in `kept`.
/// Returns how many files it put (one or none). `inputs` must hash everything `make` reads.
pub(super) fn put_derived(
    site: &super::Site<'_>,
    (sink, kept): (&dyn Sink, &mut Vec<String>),
    name: &'static str,
    inputs: impl FnOnce(&mut InputsHasher),
    make: impl FnOnce() -> Vec<u8>,
) -> Result<usize> {
    let mut hasher = InputsHasher::new();
    name.hash(&mut hasher);
    inputs(&mut hasher);
    let key = hasher.finish();
    let before = site.outputs_before.and_then(|b| b.get(name));
    if before == Some(&Made::Bytes(key)) {
        kept.push(name.to_owned());
        return Ok(0);
    }
    let bytes = Memo::file(site.memo, name, |h| key.hash(h), make);
    sink.put(name, Body::Derived { bytes, inputs: key })?;
    Ok(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_are_made_again_when_their_inputs_change() {
        let memo = Memo::default();
        let make = |text: &str| {
            let text = text.to_owned();
            move || text.into_bytes()
        };
        let first = Memo::file(Some(&memo), "a.txt", |h| 1.hash(h), make("one"));
        assert_eq!(first, b"one");
        // The same inputs: the kept bytes, whatever `make` would say now.
        let same = Memo::file(Some(&memo), "a.txt", |h| 1.hash(h), make("two"));
        assert_eq!(same, b"one");
        let changed = Memo::file(Some(&memo), "a.txt", |h| 2.hash(h), make("two"));
        assert_eq!(changed, b"two");
        // Without a memo: always made.
        assert_eq!(
            Memo::file(None, "a.txt", |h| 2.hash(h), make("three")),
            b"three"
        );
    }
}

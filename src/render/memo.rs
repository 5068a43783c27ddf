//! Site-wide files that `serve` keeps between its builds: `llms.txt` and `sitemap.xml` list
//! every page, and a save rarely changes what they say of any. Each is kept with a hash of
//! everything it is made from; a build whose inputs hash the same takes the kept bytes
//! instead of making them again. A plain build keeps nothing and hashes nothing.

use std::hash::{Hash, Hasher};
use std::sync::Mutex;

use rustc_hash::{FxHashMap, FxHasher};

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

use rayon::prelude::*;
use rustc_hash::FxHashMap;

use crate::cache::tests::{entry_of, header};
use crate::cache::{Cache, Entry, Header, Made, Stat};

fn stat(len: u64) -> Stat {
    Stat {
        len,
        mtime_ns: 2,
        ino: 3,
    }
}

fn entry(title: &str) -> Box<Entry> {
    Box::new(Entry {
        title: title.into(),
        words: vec![0, 1],
        ..entry_of(stat(1))
    })
}

/// Writes a cache of `entries` for `target`, copying from `from` what it may.
fn save(
    target: &std::path::Path,
    header: Header<'_>,
    from: Option<&Cache>,
    entries: Vec<(&str, Box<Entry>)>,
) {
    let source = from.and_then(|c| c.source.as_ref());
    Cache::save_streamed(target, header, source, |encoder| {
        let entries = entries.into_iter().map(|(k, e)| Some((k, e, true)));
        let entries: Vec<_> = entries.collect();
        encoder.entries(entries.into_par_iter(), &mut Vec::new())
    })
    .unwrap();
}

/// The cache of three entries, "A", "B" and "C", written and read back.
fn written(target: &std::path::Path, outputs: &FxHashMap<String, Made>) -> Cache {
    let words = Header {
        words: "sea salt",
        ..header(7, 9, outputs)
    };
    let entries = vec![
        ("a.md", entry("A")),
        ("b.md", entry("B")),
        ("c.md", entry("C")),
    ];
    save(target, words, None, entries);
    Cache::load(target, 7).unwrap()
}

#[test]
fn an_entry_that_comes_through_as_it_was_read_is_written_as_the_file_had_it() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let mut read = written(&target, &outputs);
    let mut a = read.pages.remove("a.md").unwrap();
    let mut b = read.pages.remove("b.md").unwrap();
    let c = read.pages.remove("c.md").unwrap();
    // Changed behind the cache's back, which a build never does: it shows which entries were
    // copied from the file rather than encoded again.
    a.title = "A, changed in memory".into();
    // Its file's stat changed: encoded again, with the new stat.
    b.set_stat(stat(5));
    b.title = "B, changed in memory".into();
    let next = Header {
        words: "sea salt",
        ..header(7, 10, &outputs)
    };
    // Written over the file read, which stays open: the new file is renamed over it.
    let entries = vec![("a.md", a), ("b.md", b), ("c.md", c), ("d.md", entry("D"))];
    save(&target, next, Some(&read), entries);

    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.structure, 10);
    assert_eq!(back.pages["a.md"], entry("A"));
    assert_eq!(back.pages["b.md"].title, "B, changed in memory");
    assert_eq!(back.pages["b.md"].stat, stat(5));
    assert_eq!(back.pages["c.md"], entry("C"));
    assert_eq!(back.pages["d.md"], entry("D"));
    assert_eq!(back.pages.len(), 4);
}

#[test]
fn entries_whose_word_numbers_change_are_encoded_again() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let mut read = written(&target, &outputs);
    let mut a = read.pages.remove("a.md").unwrap();
    a.title = "A, changed in memory".into();
    // "sea" is no longer used: "salt" becomes word 0.
    let again = [u32::MAX, 0];
    let renumbered = Header {
        words: "salt",
        renumbered: Some(&again),
        ..header(7, 9, &outputs)
    };
    a.words = vec![1];
    save(&target, renumbered, Some(&read), vec![("a.md", a)]);
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.pages["a.md"].title, "A, changed in memory");
    assert_eq!(back.pages["a.md"].words, [0]);
}

#[test]
fn entries_are_copied_only_from_the_file_they_were_read_from() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let mut first = written(&target, &outputs);
    let second = Cache::load(&target, 7).unwrap();
    let mut a = first.pages.remove("a.md").unwrap();
    a.title = "A, changed in memory".into();
    let same = Header {
        words: "sea salt",
        ..header(7, 9, &outputs)
    };
    save(&target, same, Some(&second), vec![("a.md", a)]);
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.pages["a.md"].title, "A, changed in memory");
}

#[test]
fn a_file_read_that_was_cut_short_since_fails_the_save_and_leaves_no_file_behind() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let mut read = written(&target, &outputs);
    let a = read.pages.remove("a.md").unwrap();
    // Cut in place by something else: the entry's bytes are no longer all there.
    let file = std::fs::OpenOptions::new()
        .write(true)
        .open(Cache::path_for(&target))
        .unwrap();
    file.set_len(20).unwrap();
    let source = read.source.as_ref();
    let words = Header {
        words: "sea salt",
        ..header(7, 9, &outputs)
    };
    let saved = Cache::save_streamed(&target, words, source, |encoder| {
        encoder.entries(
            vec![Some(("a.md", a, true))].into_par_iter(),
            &mut Vec::new(),
        )
    });
    assert!(saved.is_err(), "a cut file must not be copied from");
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names, [".public.answerbook-cache"], "no new file left");
    // Nothing was renamed over the file read: it is the one cut short, still no cache.
    let left = std::fs::metadata(Cache::path_for(&target)).unwrap();
    assert_eq!(left.len(), 20);
    assert!(Cache::load(&target, 7).is_none());
}

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
        words: vec![0, 1].into(),
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
    a.words = vec![1].into();
    save(&target, renumbered, Some(&read), vec![("a.md", a)]);
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.pages["a.md"].title, "A, changed in memory");
    assert_eq!(back.pages["a.md"].words.to_vec(), [0]);
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
    let mut names: Vec<_> = names.iter().map(|n| n.to_string_lossy()).collect();
    names.sort();
    let expected = [".public.answerbook-cache", ".public.answerbook-cache-head"];
    assert_eq!(names, expected, "no new file left");
    // Nothing was renamed over the file read: it is the one cut short, still no cache.
    let left = std::fs::metadata(Cache::path_for(&target)).unwrap();
    assert_eq!(left.len(), 20);
    assert!(Cache::load(&target, 7).is_none());
}

#[test]
fn a_head_goes_on_with_the_body_it_names_marking_the_entries_that_still_hold() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let mut read = written(&target, &outputs);
    let body = std::fs::read(Cache::path_for(&target)).unwrap();
    let source = read.source.as_ref().unwrap();
    // "A" holds as it was; "B" changed; "C" is gone; "D" is new.
    let a = read.pages.remove("a.md").unwrap();
    let mut kept = source.body();
    kept.keep(source.index_of(a.read_from).unwrap());
    let next = Header {
        words: "sea salt",
        ..header(7, 10, &outputs)
    };
    Cache::save_head(&target, next, &kept, |encoder| {
        let entries = vec![
            Some(("b.md", entry("B2"), true)),
            Some(("d.md", entry("D"), true)),
        ];
        encoder.entries(entries.into_par_iter(), &mut Vec::new())
    })
    .unwrap();
    assert_eq!(std::fs::read(Cache::path_for(&target)).unwrap(), body);

    let mut back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.structure, 10);
    let mut paths: Vec<_> = back.pages.keys().cloned().collect();
    paths.sort();
    assert_eq!(paths, ["a.md", "b.md", "d.md"]);
    assert_eq!(back.pages["a.md"], entry("A"));
    assert_eq!(back.pages["b.md"].title, "B2");
    assert_eq!(back.pages["d.md"], entry("D"));
    // "A" comes from the body, where it was; the others from the head, which nothing copies.
    let source = back.source.as_ref().unwrap();
    assert_eq!(source.index_of(back.pages["a.md"].read_from), Some(0));
    assert_eq!(source.index_of(back.pages["b.md"].read_from), None);

    // A whole cache written from it copies "A" from the body and encodes the rest again.
    let mut a = back.pages.remove("a.md").unwrap();
    a.title = "A, changed in memory".into();
    let b = back.pages.remove("b.md").unwrap();
    let d = back.pages.remove("d.md").unwrap();
    let whole = Header {
        words: "sea salt",
        ..header(7, 11, &outputs)
    };
    save(
        &target,
        whole,
        Some(&back),
        vec![("a.md", a), ("b.md", b), ("d.md", d)],
    );
    let last = Cache::load(&target, 7).unwrap();
    assert_eq!(last.structure, 11);
    assert_eq!(last.pages["a.md"], entry("A"));
    assert_eq!(last.pages["b.md"].title, "B2");
    assert_eq!(last.pages.len(), 3);
}

#[test]
fn either_file_alone_or_a_head_naming_another_body_is_no_cache() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    let (body, head) = (Cache::path_for(&target), Cache::head_path_for(&target));
    written(&target, &outputs);
    let first_head = std::fs::read(&head).unwrap();
    // A body written by another save: the first head does not name it.
    written(&target, &outputs);
    assert!(Cache::load(&target, 7).is_some());
    std::fs::write(&head, &first_head).unwrap();
    assert!(Cache::load(&target, 7).is_none());

    written(&target, &outputs);
    Cache::invalidate(&target);
    assert!(!head.exists());
    assert!(body.is_file(), "the body stays for the next head");
    assert!(Cache::load(&target, 7).is_none());

    written(&target, &outputs);
    std::fs::remove_file(&body).unwrap();
    assert!(Cache::load(&target, 7).is_none());
    written(&target, &outputs);
    Cache::remove(&target);
    assert!(!head.exists() && !body.exists());
}

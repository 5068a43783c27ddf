use super::*;
use rayon::prelude::*;

pub(super) fn header(inputs: u64, structure: u64, outputs: &FxHashMap<String, Made>) -> Header<'_> {
    Header {
        inputs,
        structure,
        outputs,
        related: None,
        words: "",
        renumbered: None,
    }
}

/// An entry with this stat and nothing else.
pub(super) fn entry_of(stat: Stat) -> Entry {
    Entry {
        stat,
        hash: 0,
        title: "A".into(),
        draft: false,
        date: None,
        updated: None,
        body_offset: 0,
        body_line: 1,
        listed_summary: None,
        short_answer: None,
        ids: vec![],
        anchors: vec![],
        headings: vec![],
        words: vec![].into(),
        marks: vec![],
        tags: vec![],
        links: vec![],
        listing: None,
        includes: vec![],
        read_from: Default::default(),
    }
}

#[test]
fn a_cache_is_read_back_only_for_the_same_inputs_and_version() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let mut outputs = FxHashMap::default();
    outputs.insert("a/index.html".to_owned(), Made::Page);
    Cache::save_streamed(&target, header(7, 9, &outputs), None, |_| Ok(())).unwrap();
    assert!(tmp.path().join(".public.answerbook-cache").is_file());
    assert!(tmp.path().join(".public.answerbook-cache-head").is_file());
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.structure, 9);
    assert_eq!(back.outputs["a/index.html"], Made::Page);
    assert!(Cache::load(&target, 8).is_none());
    let body = fs::read(Cache::path_for(&target)).unwrap();
    fs::write(Cache::path_for(&target), "not a cache").unwrap();
    assert!(Cache::load(&target, 7).is_none());
    fs::write(Cache::path_for(&target), body).unwrap();
    assert!(Cache::load(&target, 7).is_some());
    fs::write(Cache::head_path_for(&target), "not a cache").unwrap();
    assert!(Cache::load(&target, 7).is_none());
}

#[test]
fn a_streamed_cache_reads_back_and_a_failed_one_replaces_nothing() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let mut outputs = FxHashMap::default();
    outputs.insert("q/index.html".to_owned(), Made::Page);
    let entry = |title: &str| {
        Box::new(Entry {
            title: title.into(),
            words: vec![1, 0].into(),
            ..entry_of(Stat {
                len: 1,
                mtime_ns: 2,
                ino: 3,
            })
        })
    };
    let related = [vec![PageId(1)], vec![]];
    let with_related = Header {
        related: Some((5, &related)),
        words: "sea salt",
        ..header(7, 9, &outputs)
    };
    Cache::save_streamed(&target, with_related, None, |encoder| {
        // Two batches; a `None` is no entry.
        let spent = &mut Vec::new();
        encoder.entries(
            vec![Some(("q.md", entry("Q"), false)), None].into_par_iter(),
            spent,
        )?;
        encoder.entries(
            vec![Some(("r.md", entry("R"), true))].into_par_iter(),
            spent,
        )?;
        // Each entry's words are handed back, or the whole entry when it is asked for.
        assert_eq!(
            spent,
            &[Spent::Words(vec![1, 0].into()), Spent::Entry(entry("R"))]
        );
        Ok(())
    })
    .unwrap();
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!((back.structure, back.outputs.clone()), (9, outputs.clone()));
    assert_eq!(back.pages["q.md"], entry("Q"));
    assert_eq!(back.pages["r.md"].title, "R");
    assert_eq!(back.pages.len(), 2);
    assert_eq!(back.related, Some((5, related.to_vec())));
    assert!(back.written_ns > 0);

    let before = fs::read(Cache::path_for(&target)).unwrap();
    let head_before = fs::read(Cache::head_path_for(&target)).unwrap();
    let failed = Cache::save_streamed(&target, header(7, 10, &outputs), None, |encoder| {
        encoder.entries(
            vec![Some(("q.md", entry("Q2"), false))].into_par_iter(),
            &mut Vec::new(),
        )?;
        Err(std::io::Error::other("the build stopped"))
    });
    assert!(failed.is_err());
    assert_eq!(fs::read(Cache::path_for(&target)).unwrap(), before);
    assert_eq!(
        fs::read(Cache::head_path_for(&target)).unwrap(),
        head_before
    );
    let mut names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [".public.answerbook-cache", ".public.answerbook-cache-head"],
        "no temporary file left"
    );
}

#[test]
fn a_file_changed_just_before_the_cache_was_written_is_read_again() {
    let mut cache = Cache::new(1, 1);
    let stat = Stat {
        len: 10,
        mtime_ns: 5_000_000_000,
        ino: 3,
    };
    cache.pages.insert("a.md".into(), Box::new(entry_of(stat)));
    cache.written_ns = 5_500_000_000;
    assert!(cache.unchanged(Path::new("a.md"), &stat).is_none());
    cache.written_ns = 7_000_000_000;
    assert!(cache.unchanged(Path::new("a.md"), &stat).is_some());
    let touched = Stat { len: 11, ..stat };
    assert!(cache.unchanged(Path::new("a.md"), &touched).is_none());
}

#[test]
fn entries_numbering_the_words_of_another_list_are_written_with_the_headers_numbers() {
    let tmp = tempfile::tempdir().unwrap();
    let target = tmp.path().join("public");
    let outputs = FxHashMap::default();
    // The entries number "kettle tea leaf cup"; the cache keeps "tea cup".
    let again = [u32::MAX, 0, u32::MAX, 1];
    let renumbered = Header {
        words: "tea cup",
        renumbered: Some(&again),
        ..header(7, 9, &outputs)
    };
    let entry = Entry {
        words: vec![3, 1].into(),
        ..entry_of(Stat {
            len: 1,
            mtime_ns: 2,
            ino: 3,
        })
    };
    Cache::save_streamed(&target, renumbered, None, |encoder| {
        encoder.entries(
            vec![Some(("q.md", Box::new(entry), false))].into_par_iter(),
            &mut Vec::new(),
        )
    })
    .unwrap();
    let back = Cache::load(&target, 7).unwrap();
    assert_eq!(back.words, "tea cup");
    assert_eq!(back.pages["q.md"].words.to_vec(), [1, 0]);
}

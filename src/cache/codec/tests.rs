use super::*;
use crate::cache::{Cache, CachedAnchor, Made, Stat};
use crate::frontmatter::PageDate;
use std::path::PathBuf;

#[test]
fn a_cache_comes_back_as_it_was_and_a_damaged_one_not_at_all() {
    let mut cache = Cache::new(3, 4);
    cache.written_ns = -5;
    cache.words = "tea bean".into();
    let stat = Stat {
        len: 1,
        mtime_ns: 2,
        ino: 3,
    };
    cache.pages.insert(
        "a/b é.md".into(),
        Box::new(Entry {
            stat,
            hash: 9,
            title: "Is it?".into(),
            draft: true,
            date: Some(PageDate {
                machine: "2025-01-02".into(),
                day: "2025-01-02".into(),
            }),
            updated: None,
            body_offset: 40,
            body_line: 5,
            listed_summary: Some(String::new()),
            short_answer: Some("Yes.".into()),
            ids: vec!["see-also".into(), "x".into()],
            anchors: vec![CachedAnchor {
                target: "c.md".into(),
                fragment: "f".into(),
                written: "c.md#f".into(),
                line: 12,
            }],
            headings: vec![("tying-it".into(), "Tying it".into())],
            words: vec![1, 0].into(),
            marks: vec![(1, 3)],
            tags: vec!["boats".into()],
            links: vec![crate::related::OutLink {
                target: "../d.md".into(),
                see_also: true,
            }],
            listing: Some("<code>x</code> y".into()),
            includes: vec![(
                PathBuf::from("/site/snippets/a.md"),
                Stat {
                    len: 3,
                    mtime_ns: 9,
                    ino: 2,
                },
            )],
            read_from: Default::default(),
        }),
    );
    cache.outputs.insert("a/index.html".into(), Made::Bytes(7));
    cache.outputs.insert("x.png".into(), Made::Copy(stat));
    cache.outputs.insert("a/b é/index.html".into(), Made::Page);
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    let back = decode(&bytes).unwrap();
    assert_eq!(back.pages, cache.pages);
    assert_eq!(back.outputs, cache.outputs);
    assert_eq!((back.inputs, back.structure, back.written_ns), (3, 4, -5));
    assert_eq!(back.words, "tea bean");
    for cut in [0, MAGIC.len(), bytes.len() / 2, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(decode(&longer).is_none());
}

#[test]
fn a_cache_larger_than_one_piece_is_written_in_pieces_and_comes_back_whole() {
    let mut cache = Cache::new(1, 2);
    cache.words = (0..3000)
        .map(|n| format!("word{n}"))
        .collect::<Vec<_>>()
        .join(" ");
    for n in 0..3000 {
        let entry = Entry {
            stat: Stat {
                len: n,
                mtime_ns: 1,
                ino: n,
            },
            hash: n,
            title: format!("Question {n}"),
            draft: false,
            date: None,
            updated: None,
            body_offset: 4,
            body_line: 2,
            listed_summary: None,
            short_answer: Some("yes".into()),
            ids: vec![format!("id-{n}")],
            anchors: Vec::new(),
            headings: Vec::new(),
            words: (0..20).map(|i| (n as u32 + i) % 3000).collect(),
            marks: Vec::new(),
            tags: Vec::new(),
            links: Vec::new(),
            listing: None,
            includes: Vec::new(),
            read_from: Default::default(),
        };
        cache.pages.insert(format!("s/q{n}.md"), Box::new(entry));
        cache
            .outputs
            .insert(format!("s/q{n}/index.html"), Made::Page);
    }
    /// Notes the size of each piece written.
    struct Pieces(Vec<u8>, Vec<usize>);
    impl Write for Pieces {
        fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
            self.1.push(buf.len());
            self.0.extend_from_slice(buf);
            Ok(buf.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }
    let mut out = Pieces(Vec::new(), Vec::new());
    encode(&cache, &mut out).unwrap();
    // The header whole, then the entries a run at a time.
    assert!(
        out.1.len() > 3000 / RUN,
        "written in {} pieces",
        out.1.len()
    );
    let largest = out.1[1..].iter().max().unwrap();
    assert!(*largest < out.0.len() / 20, "a piece of {largest} bytes");
    let back = decode(&out.0).unwrap();
    assert_eq!(back.pages, cache.pages);
    assert_eq!(back.outputs, cache.outputs);
}

#[test]
fn lengths_beyond_the_end_of_a_damaged_file_read_nothing_more() {
    let mut cache = Cache::new(1, 2);
    cache.outputs.insert("a/index.html".into(), Made::Page);
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    let header = MAGIC.len()..MAGIC.len() + 8;
    let mut huge_header = bytes.clone();
    huge_header[header].copy_from_slice(&u64::MAX.to_le_bytes());
    assert!(decode(&huge_header).is_none());
    // An entry whose length runs past the end.
    let mut huge_entry = bytes[..bytes.len() - 1].to_vec();
    huge_entry.extend_from_slice(&[1, 0xff, 0xff, 0xff, 0xff, 0]);
    assert!(decode(&huge_entry).is_none());
    assert!(decode(&bytes).is_some());
}

#[test]
fn an_entry_numbering_a_word_the_cache_does_not_have_is_no_cache() {
    let entry_with = |words: Vec<u32>| {
        Box::new(Entry {
            words: words.into(),
            ..crate::cache::tests::entry_of(Stat {
                len: 1,
                mtime_ns: 1,
                ino: 1,
            })
        })
    };
    let mut cache = Cache::new(1, 2);
    cache.words = "kettle tea".into();
    cache.pages.insert("q.md".into(), entry_with(vec![1, 0]));
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    assert_eq!(decode(&bytes).unwrap().pages["q.md"].words.to_vec(), [1, 0]);
    cache.pages.insert("q.md".into(), entry_with(vec![2]));
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    assert!(decode(&bytes).is_none());
    // More words than two bytes number: four bytes each.
    let many: Vec<String> = (0..70_000).map(|n| format!("w{n}")).collect();
    cache.words = many.join(" ");
    cache
        .pages
        .insert("q.md".into(), entry_with(vec![69_999, 65_536, 3]));
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    let back = decode(&bytes).unwrap();
    assert_eq!(back.pages["q.md"].words.to_vec(), [69_999, 65_536, 3]);
    assert_eq!(back.words, cache.words);
}

#[test]
fn entries_read_a_block_at_a_time_come_back_whole_wherever_the_blocks_end() {
    let stat = Stat {
        len: 1,
        mtime_ns: 1,
        ino: 1,
    };
    let mut cache = Cache::new(1, 2);
    for n in 0..2000 {
        let answer = format!("answer {n}");
        let entry = Entry {
            title: format!("Question {n}"),
            listing: Some("x".repeat(n * 7 % 4000)),
            // The same text as the short answer, another, or none.
            listed_summary: [Some(answer.clone()), Some("other".into()), None][n % 3].clone(),
            short_answer: (n % 5 != 0).then_some(answer),
            ..crate::cache::tests::entry_of(stat)
        };
        cache.pages.insert(format!("q{n}.md"), Box::new(entry));
    }
    // An entry longer than a block.
    let big = Entry {
        listing: Some("y".repeat(decode::BLOCK + decode::BLOCK / 2)),
        ..crate::cache::tests::entry_of(stat)
    };
    cache.pages.insert("big.md".into(), Box::new(big));
    let mut bytes = Vec::new();
    encode(&cache, &mut bytes).unwrap();
    assert!(bytes.len() > 4 * decode::BLOCK, "{} bytes", bytes.len());
    // A listed summary that is the short answer comes back as none: the listing shows the
    // short answer all the same.
    let mut want = cache.pages.clone();
    for entry in want.values_mut() {
        if entry.listed_summary.is_some() && entry.listed_summary == entry.short_answer {
            entry.listed_summary = None;
        }
    }
    let back = decode(&bytes).unwrap().pages;
    assert!(back == want, "the entries differ from those written");
    assert_eq!(back["q3.md"].listed_summary, None);
    assert_eq!(back["q4.md"].listed_summary.as_deref(), Some("other"));
    let block = decode::BLOCK;
    for cut in [block - 1, block, block + 1, 3 * block + 7, bytes.len() - 1] {
        assert!(decode(&bytes[..cut]).is_none(), "cut at {cut}");
    }
}

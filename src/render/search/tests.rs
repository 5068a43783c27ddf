use super::*;
use shards::{posting_list, rank};

/// A question's search data with no headings: `words` its distinct words separated by
/// spaces, numbered in `vocabulary`.
pub(super) fn doc(vocabulary: &Vocabulary, words: &str, marks: Vec<(u32, u32)>) -> SearchDoc {
    let (words, ()) = vocabulary.page(|page| {
        for word in words.split(' ').filter(|w| !w.is_empty()) {
            page.place(word);
        }
    });
    SearchDoc {
        headings: Vec::new(),
        words: words.into(),
        marks,
    }
}

/// Questions as the index is given them: each with its id, in order.
pub(super) fn numbered(docs: &[SearchDoc]) -> Vec<(PageId, &SearchDoc)> {
    docs.iter()
        .enumerate()
        .map(|(i, d)| (PageId(i as u32), d))
        .collect()
}

#[test]
fn marks_place_title_answer_and_heading_words() {
    let mut rendered = Rendered {
        html: "<h2 id=\"kettle\">Kettle care</h2><p>Boil water in the kettle.</p>".into(),
        ..Rendered::default()
    };
    rendered.headings = vec![crate::markdown::headings::Heading {
        level: 2,
        id: "kettle".into(),
        title: "Kettle care".into(),
    }];
    let vocabulary = Vocabulary::default();
    let doc = SearchDoc::of(
        &rendered,
        "Boiling tea",
        Some("Use fresh water."),
        &vocabulary,
    );
    let words = vocabulary.words();
    let fields: Vec<(&str, u32)> = doc.fields().map(|(w, f)| (words.word(w), f)).collect();
    assert_eq!(
        fields,
        [
            ("kettle", BODY | HEADING | 1 << 4),
            ("care", BODY | HEADING | 1 << 4),
            ("boil", BODY),
            ("water", BODY | ANSWER),
            ("boiling", TITLE),
            ("tea", TITLE),
            ("use", ANSWER),
            ("fresh", ANSWER),
        ]
    );
}

#[test]
fn shard_keys_are_the_first_three_letters_or_their_hex() {
    assert_eq!(shard_key("beans"), "bea");
    assert_eq!(shard_key("io"), "io");
    assert_eq!(shard_key("café"), "caf");
    assert_eq!(shard_key("éclair"), "xc3a9636c");
}

#[test]
fn rank_puts_the_title_first_and_the_text_last() {
    assert!(rank(TITLE) > rank(ANSWER | HEADING | BODY));
    assert!(rank(ANSWER) > rank(HEADING | BODY));
    assert!(rank(HEADING) > rank(BODY));
}

#[test]
fn cut_stops_at_a_word() {
    assert_eq!(cut("short", 10), "short");
    assert_eq!(cut("one two three four", 10), "one two…");
}

/// The rule [`posting_list`] had: the best placed by a selection, then back in doc order.
fn posting_list_by_selection(mut list: Vec<(u32, u32)>, most: usize) -> Vec<u32> {
    if list.len() > most {
        list.select_nth_unstable_by_key(most, |&(doc, f)| (std::cmp::Reverse(rank(f)), doc));
        list.truncate(most);
        list.sort_unstable();
    }
    let mut flat = Vec::new();
    let mut last = 0;
    for (doc, f) in list {
        flat.extend([doc - last, f]);
        last = doc;
    }
    flat
}

#[test]
fn posting_lists_keep_the_questions_a_selection_of_the_best_placed_kept() {
    // Lists around MAX_POSTINGS long, of fields drawn from every mix of places, with ties at
    // every rank; each doc once, in order.
    let mut state = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let fields = [
        BODY,
        HEADING | 1 << 4,
        HEADING | BODY | 2 << 4,
        ANSWER,
        ANSWER | BODY,
        TITLE,
        TITLE | HEADING | 3 << 4,
    ];
    for _ in 0..300 {
        let len = MAX_POSTINGS - 50 + (next() % 200) as usize;
        let mut doc = 0;
        let list: Vec<(u32, u32)> = (0..len)
            .map(|_| {
                doc += 1 + (next() % 3) as u32;
                let f = fields[(next() % fields.len() as u64) as usize];
                (doc, f)
            })
            .collect();
        assert_eq!(
            posting_list(list.clone()),
            posting_list_by_selection(list, MAX_POSTINGS)
        );
    }
}

//! The search index a build writes under `search/`: one shard per word start, holding each
//! word's questions and where on them it stands, and one small file per question with what a
//! result shows. The browser side is checked by tests/browser/check_reader.py.

mod common;

use serde_json::Value;

use common::{Site, fixture, postings};

fn built() -> Site {
    let site = fixture("navigation");
    site.build(&[]).expect_clean();
    site
}

#[test]
fn a_word_knows_whether_it_is_in_the_title_the_answer_or_the_text() {
    let site = built();
    let mut rope = postings(&site, "rop", "rope");
    rope.sort();
    assert_eq!(
        rope,
        [
            ("knots/what-is-a-bowline/".to_owned(), 2 | 8),
            ("knots/which-knot-holds-a-boat/".to_owned(), 8),
            ("ropes/is-nylon-rope-stretchy/".to_owned(), 1),
        ]
    );
    // Plurals meet their singular: "loads" and "load" are one word.
    let load: Vec<String> = postings(&site, "loa", "load")
        .into_iter()
        .map(|p| p.0)
        .collect();
    assert_eq!(
        load,
        [
            "knots/which-knot-holds-a-boat/",
            "ropes/is-nylon-rope-stretchy/"
        ]
    );
}

#[test]
fn a_heading_word_points_at_its_heading() {
    let site = built();
    let untying = postings(&site, "unt", "untying");
    assert_eq!(untying.len(), 1);
    let (path, fields) = &untying[0];
    assert_eq!(path, "knots/which-knot-holds-a-boat/");
    assert_eq!(fields & 4, 4, "a heading word");
    let heading = (fields >> 4) - 1;
    let doc = site
        .out()
        .join("search/d")
        .read_dir()
        .unwrap()
        .flat_map(|e| {
            let file: Value =
                serde_json::from_str(&std::fs::read_to_string(e.unwrap().path()).unwrap()).unwrap();
            file.as_array().expect("a result file is a list").clone()
        })
        .find(|d| d["u"] == "knots/which-knot-holds-a-boat/")
        .unwrap();
    assert_eq!(
        doc["h"][heading as usize],
        serde_json::json!(["untying-it", "Untying it"])
    );
    assert_eq!(doc["t"], "Which knot holds a boat to a post?");
    assert_eq!(
        doc["a"],
        "A round turn and two half hitches: it holds under load and unties easily."
    );
}

#[test]
fn common_words_and_section_pages_are_not_indexed() {
    let site = built();
    assert!(!site.out().join("search/t/the.json").exists());
    let files = site.out().join("search/d").read_dir().unwrap().count();
    assert_eq!(files, 1, "the four questions share one result file");
    let results: Value = serde_json::from_str(&site.out_text("search/d/0.json")).unwrap();
    let mut urls: Vec<&str> = results
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["u"].as_str().unwrap())
        .collect();
    urls.sort_unstable();
    urls.dedup();
    assert_eq!(urls.len(), 4, "one result per question: {urls:?}");
    assert!(
        urls.iter().all(|u| !u.is_empty() && u.ends_with('/')),
        "{urls:?}"
    );
}

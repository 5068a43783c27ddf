//! Reading the search index a build wrote, as the browser side does.

use serde_json::Value;

use super::Site;

/// The questions (by their URL) a word is on, with its field bits, from the word's shard
/// `search/t/<shard>.json`: each posting's document number resolved through `search/d/`.
pub(crate) fn postings(site: &Site, shard: &str, word: &str) -> Vec<(String, u64)> {
    let json = |rel: &str| serde_json::from_str::<Value>(&site.out_text(rel)).unwrap();
    let list = json(&format!("search/t/{shard}.json"))[word].clone();
    let list = list.as_array().expect("the word is in its shard");
    let mut doc = 0;
    list.chunks(2)
        .map(|pair| {
            doc += pair[0].as_u64().unwrap();
            // Result files hold 8 questions each, in order.
            let page = json(&format!("search/d/{}.json", doc / 8))[(doc % 8) as usize].clone();
            (
                page["u"].as_str().unwrap().to_owned(),
                pair[1].as_u64().unwrap(),
            )
        })
        .collect()
}

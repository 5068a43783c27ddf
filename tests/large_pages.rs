//! Pages far larger than real ones in one dimension (thousands of identical headings,
//! thousands of abbreviations, hundreds of nested `///` blocks) still come out as MkDocs
//! writes them. Nothing here is timed: speed is measured by scripts/bench_pathological; these
//! tests pin the output of the algorithms that replaced the quadratic ones.

mod common;

use common::{fixture, text_of};

/// The id Python-Markdown's toc gives a heading: the slug, else the next of its chain
/// (`x` -> `x_1`, `x_N` -> `x_{N+1}`) that is free, walked one by one.
fn mkdocs_id(used: &mut std::collections::HashSet<String>, slug: &str) -> String {
    let mut id = slug.to_owned();
    while id.is_empty() || used.contains(&id) {
        let stem = id.trim_end_matches(|c: char| c.is_ascii_digit());
        id = match (stem.strip_suffix('_'), &id[stem.len()..]) {
            (Some(prefix), digits) if !digits.is_empty() => {
                format!("{prefix}_{}", digits.parse::<u64>().unwrap() + 1)
            }
            _ => format!("{id}_1"),
        };
    }
    used.insert(id.clone());
    id
}

#[test]
fn thousands_of_repeated_headings_get_the_ids_mkdocs_gives() {
    let site = fixture("minimal");
    let mut page = String::from("# Many\n\n");
    // (slug, explicit id) of every h2, in order.
    let mut h2: Vec<(&str, Option<String>)> = Vec::new();
    for i in 0..3000 {
        page.push_str("## See also\n\n");
        h2.push(("see-also", None));
        if i % 100 == 7 {
            page.push_str(&format!("## See also {{#see-also_{}}}\n\n", i + 3));
            h2.push(("see-also", Some(format!("see-also_{}", i + 3))));
        }
        if i % 250 == 0 {
            page.push_str("## See also 1\n\n## Step_1\n\n## See also_5\n\n");
            h2.extend([("see-also-1", None), ("step_1", None), ("see-also_5", None)]);
        }
    }
    page.push_str("[last](#see-also_3001) [step](#step_12)\n");
    site.write("content/many.md", &page);
    site.build(&["--strict"]).expect_clean();

    let mut used: std::collections::HashSet<String> =
        h2.iter().filter_map(|(_, id)| id.clone()).collect();
    let want: Vec<String> = h2
        .iter()
        .map(|(slug, explicit)| match explicit {
            Some(id) => id.clone(),
            None => mkdocs_id(&mut used, slug),
        })
        .collect();
    let doc = site.page("many/");
    let got = doc.attrs("h2", "id");
    assert_eq!(got.len(), want.len());
    for (i, (got, want)) in got.iter().zip(&want).enumerate() {
        assert_eq!(got, want, "h2 number {i}");
    }
    assert!(want.contains(&"see-also_3001".to_owned()) && want.contains(&"step_12".to_owned()));
}

#[test]
fn thousands_of_abbreviations_mark_whole_words_with_the_last_definition() {
    let site = fixture("minimal");
    let mut page = String::from("# Abbreviations\n\n");
    for i in 0..3000 {
        page.push_str(&format!("Uses AB{i}, XAB{i} and AB{i}x.\n\n"));
    }
    for i in 0..3000 {
        page.push_str(&format!("*[AB{i}]: Term {i}\n"));
    }
    page.push_str("*[AB7]: A later definition\n");
    site.write("content/abbr.md", &page);
    site.build(&["--strict"]).expect_clean();

    let doc = site.page("abbr/");
    let abbrs = doc.all("abbr");
    assert_eq!(abbrs.len(), 3000, "only the whole words");
    for (i, abbr) in abbrs.iter().enumerate() {
        assert_eq!(text_of(*abbr), format!("AB{i}"));
        // A later definition replaces an earlier one, as in Python-Markdown.
        let want = match i {
            7 => "A later definition".to_owned(),
            _ => format!("Term {i}"),
        };
        assert_eq!(abbr.value().attr("title"), Some(want.as_str()));
    }
}

#[test]
fn hundreds_of_nested_blocks_nest_in_the_html() {
    let site = fixture("minimal");
    let depth = 300;
    let mut page = String::from("# Nested\n\n");
    for level in 0..depth {
        page.push_str(&format!("/// note | Level {level}\n"));
    }
    page.push_str("Deepest.\n\n\tTabbed line.\n");
    page.push_str(&"///\n".repeat(depth));
    page.push_str("\nAfter.\n");
    site.write("content/nested.md", &page);
    site.build(&["--strict"]).expect_clean();

    let doc = site.page("nested/");
    assert_eq!(doc.all("div.admonition.note").len(), depth);
    let chain = "div.admonition > ".repeat(depth);
    assert_eq!(
        doc.texts(&format!("{chain}p:not(.admonition-title)")),
        ["Deepest."]
    );
    assert_eq!(
        doc.texts(&format!("{chain}div.highlight pre code")),
        ["Tabbed line."]
    );
    assert!(doc.texts("p").contains(&"After.".to_owned()));
    assert!(!doc.texts("div.admonition p").contains(&"After.".to_owned()));
}

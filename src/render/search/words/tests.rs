use super::*;

fn of_html(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    html_words(html, |w| found.push(w.into_owned()));
    found
}

/// The first way of doing it, kept as the specification: decode the text a reader sees
/// into a string, then split it.
fn by_visible_text(html: &str) -> Vec<String> {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        out.push(' ');
        rest = &rest[lt..];
        let lower = rest
            .get(..7)
            .map(str::to_ascii_lowercase)
            .unwrap_or_default();
        let close = if lower.starts_with("<script") {
            Some("</script")
        } else if lower.starts_with("<style") {
            Some("</style")
        } else {
            None
        };
        if let Some(at) = close.and_then(|c| rest.find(c)) {
            rest = &rest[at..];
        }
        rest = rest.find('>').map_or("", |gt| &rest[gt + 1..]);
    }
    out.push_str(rest);
    for (entity, c) in [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
    ] {
        out = out.replace(entity, c);
    }
    words(&out.replace("&amp;", "&")).collect()
}

#[test]
fn words_are_lower_cased_stemmed_and_common_ones_left_out() {
    let found: Vec<String> =
        words("How do I store the Beans? Queries, glass & status: x").collect();
    assert_eq!(found, ["store", "bean", "query", "glass", "status"]);
}

#[test]
fn html_words_leave_out_tags_scripts_and_entities() {
    assert!(of_html("<p>a&amp;b<script>var x;</script><em>c</em></p>").is_empty());
    let found = of_html("<p>tea&amp;cake<script>hidden</script><em>scone</em></p>");
    assert_eq!(found, ["tea", "cake", "scone"]);
    assert_eq!(
        of_html("<p>x &lt;Vec&gt; &quot;quoted&quot; it&#39;s</p>"),
        ["vec", "quoted"]
    );
    // Entities the build never writes stay text, as a reader of the source would see.
    assert_eq!(of_html("fish&nbsp;chips"), ["fish", "nbsp", "chip"]);
    // A `<` before letters of several bytes does not split one of them.
    assert_eq!(of_html("café<bééé"), ["café"]);
    assert_eq!(of_html("Straße ÉCOLE"), ["straße", "école"]);
}

#[test]
fn html_words_agree_with_decoding_the_text_first() {
    let pieces = [
        "<p>",
        "</p>",
        "<script>",
        "</script>",
        "<STYLE x>",
        "</style>",
        "&amp;",
        "&lt;",
        "&gt;",
        "&quot;",
        "&#39;",
        "&amp;lt;",
        "&nbsp;",
        "&",
        "<",
        ">",
        " ",
        "Queries",
        "beans",
        "glass",
        "IS",
        "the",
        "ab",
        "x",
        "été",
        "İstanbul",
        "a1b2",
        "—",
        "Ünïcödé",
        "supercalifragilisticexpialidociousness",
        "<code>",
        "</code>",
        "don't",
        "\n",
    ];
    // A small deterministic generator: every page is a few hundred pieces long.
    let mut state = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..400 {
        let mut html = String::new();
        for _ in 0..(state % 300) {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            html.push_str(pieces[(state % pieces.len() as u64) as usize]);
        }
        assert_eq!(of_html(&html), by_visible_text(&html), "for {html:?}");
    }
}

#[test]
fn stop_words_are_short_and_known_by_their_packed_form() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(STOP_WORDS.iter().all(|w| w.len() <= LONGEST_STOP_WORD));
    assert!(STOP_WORDS.iter().all(|w| is_stop_word(w)));
    for word in ["ab", "hows", "ther", "thei", "i2", "whic", "yous", "tha"] {
        assert!(!is_stop_word(word), "{word}");
    }
}

use crate::test_text::generated;

use super::*;

fn of_html(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    html_words(html, |w| found.push(w.to_owned()));
    found
}

/// The first way of splitting a plain text, kept as the specification: every run of letters
/// and digits through [`searchable`], the rule for any run.
fn by_splitting(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter_map(searchable)
        .map(Cow::into_owned)
        .collect()
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
    by_splitting(&out.replace("&amp;", "&"))
}

#[test]
fn words_are_lower_cased_stemmed_and_common_ones_left_out() {
    let found = words("How do I store the Beans? Queries, glass & status: x");
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
        "BOXES",
        "Parties",
        "caféS",
        "İS",
        "abcdefghijklmnopqrstuvwxyzabcd",
        "ABCDEFGHIJKLMNOPQRSTUVWXYZABCDE",
    ];
    for html in generated(&pieces, 400, 300) {
        assert_eq!(of_html(&html), by_visible_text(&html), "for {html:?}");
    }
}

#[test]
fn ascii_runs_become_the_words_the_rule_makes_of_them() {
    // Runs of every length from none to past the longest kept, of capitals, small letters
    // and digits, ending as plurals do and as stop words are spelled.
    let pieces = [
        "a", "B", "s", "S", "ie", "IE", "u", "i", "9", "the", "THE", "Ies", "ss", "hOw", "x",
    ];
    let mut spelled = String::new();
    let capital = |run: &str| run.bytes().any(|b| b.is_ascii_uppercase());
    for run in generated(&pieces, 5000, 16) {
        assert_eq!(
            ascii_searchable(&run, capital(&run), &mut spelled),
            searchable(&run).as_deref(),
            "for {run:?}"
        );
    }
    for run in [
        "queries", "QUERIES", "Beans", "glass", "STATUS", "Tea", "The", "ies",
    ] {
        assert_eq!(
            ascii_searchable(run, capital(run), &mut spelled),
            searchable(run).as_deref()
        );
    }
    for stop in STOP_WORDS {
        let capitalised = stop.to_ascii_uppercase();
        assert_eq!(ascii_searchable(stop, false, &mut spelled), None, "{stop}");
        assert_eq!(ascii_searchable(&capitalised, true, &mut spelled), None);
    }
    assert_eq!(
        ascii_searchable("QUERIES", true, &mut spelled),
        Some("query")
    );
    assert_eq!(ascii_searchable("Beans", true, &mut spelled), Some("bean"));
}

#[test]
fn text_words_agree_with_splitting_the_text() {
    let pieces = [
        " ",
        "-",
        "Tea",
        "beans",
        "QUERIES",
        "the",
        "x",
        "été",
        "ÉTÉS",
        "İstanbul",
        "Straße",
        "—",
        "a1",
        "caféS",
        "ǅ",
        "Ⅻ",
        "<b>",
        "&amp;",
        "glass",
        "\u{300}",
    ];
    for text in generated(&pieces, 400, 60) {
        assert_eq!(words(&text), by_splitting(&text), "for {text:?}");
    }
}

#[test]
fn stop_words_are_short_and_known_by_their_packed_form() {
    assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    assert!(STOP_WORDS.iter().all(|w| w.len() <= LONGEST_STOP_WORD));
    assert!(STOP_WORDS.iter().all(|w| is_stop_word(w.as_bytes())));
    assert!(STOP_WORDS.iter().all(|w| may_be_stop_word(w.as_bytes()[0])));
    assert!(!may_be_stop_word(b'e') && !may_be_stop_word(b'7'));
    for word in ["ab", "hows", "ther", "thei", "i2", "whic", "yous", "tha"] {
        assert!(!is_stop_word(word.as_bytes()), "{word}");
    }
}

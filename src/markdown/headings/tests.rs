use super::*;

#[test]
fn icon_shortcodes_leave_the_id_and_the_title_with_emoji_on() {
    let mut features = super::super::Features::default();
    features.inline.emoji = Some(super::super::inline::emoji::Options::default());
    let html = super::super::tests_support::render_with(
        "## :material-check-all: on all pages :smile:\n",
        &features,
    );
    assert!(
        html.contains("<h2 id=\"on-all-pages\">:material-check-all: on all pages \u{1f604}"),
        "{html}"
    );
    // Without the emoji extension the shortcode is text, and slugged as text.
    features.inline.emoji = None;
    let html = super::super::tests_support::render_with("## :material-check: done\n", &features);
    assert!(html.contains("id=\"material-check-done\""), "{html}");
}

#[test]
fn slugs_match_python_markdown() {
    assert_eq!(slugify("See also"), "see-also");
    assert_eq!(
        slugify("Is foreach async in Python?"),
        "is-foreach-async-in-python"
    );
    assert_eq!(slugify("Café — crème brûlée"), "cafe-creme-brulee");
    assert_eq!(slugify("  a -- b  "), "a-b");
    assert_eq!(slugify("snake_case & `code`"), "snake_case-code");
    assert_eq!(slugify("日本語"), "");
}

#[test]
fn unicode_slugs_match_pymdownx() {
    assert_eq!(slugify_unicode("Café  Crème", true), "café--crème");
    assert_eq!(slugify_unicode("日本語 Text", false), "日本語-Text");
    assert_eq!(slugify_unicode("a & b?", true), "a--b");
}

#[test]
fn pages_that_may_set_heading_ids_are_spotted() {
    let parsed_sets_id = |text: &str| {
        let options = crate::markdown::options(&crate::markdown::Features::default());
        pulldown_cmark::Parser::new_ext(text, options).any(|e| {
            matches!(e, Event::Start(Tag::Heading { id: Some(_), .. }))
                || matches!(e, Event::Start(Tag::Heading { ref attrs, .. }) if !attrs.is_empty())
        })
    };
    let setting = [
        "# Title {#t}\n",
        "Title {#t}\n=====\n",
        "> Quoted {#q}\n> ---\n",
        "- Item\n\n  Sub {id=s}\n  ===\n",
        "> ## In a quote {#q}\n",
    ];
    for text in setting {
        assert!(parsed_sets_id(text), "{text}");
        assert!(may_set_ids(text), "{text}");
    }
    let plain = [
        "# Title\n\n```py\nd = {1: 2}\n```\n",
        "Text {#not}\n\nmore\n",
    ];
    for text in plain {
        assert!(!parsed_sets_id(text), "{text}");
        assert!(!may_set_ids(text), "{text}");
    }
}

/// The rule line by line, as written first: the byte search must agree with it.
fn may_set_ids_by_lines(text: &str) -> bool {
    let mut lines = text.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(brace) = line.find('{') else {
            continue;
        };
        let setext = lines.peek().is_some_and(|next| {
            let next = next.trim_start_matches(['>', ' ', '\t']).trim_end();
            !next.is_empty() && (next.bytes().all(|b| b == b'=') || next.bytes().all(|b| b == b'-'))
        });
        if line[..brace].contains('#') || setext {
            return true;
        }
    }
    false
}

#[test]
fn may_set_ids_agrees_with_the_line_by_line_rule() {
    let pieces = [
        "{", "}", "#", "\n", "\r\n", "=", "==", "-", "--", ">", " ", "\t", "a", "é", "{#x}",
    ];
    for text in crate::test_text::generated(&pieces, 20_000, 12) {
        assert_eq!(may_set_ids(&text), may_set_ids_by_lines(&text), "{text:?}");
    }
}

#[test]
fn toc_nests_h3_under_h2() {
    let h = |level, id: &str| Heading {
        level,
        id: id.into(),
        title: id.into(),
    };
    let t = toc(&[h(1, "t"), h(2, "a"), h(3, "b"), h(2, "c")]);
    assert_eq!(t.len(), 2);
    assert_eq!(t[0].children[0].id, "b");
}

/// The [`slugify`] before its one pass: filter, trim, then join the runs of separators.
fn slugify_in_steps(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let folded: String = match text.is_ascii() {
        true => text.to_owned(),
        false => text.nfkd().filter(char::is_ascii).collect(),
    };
    let kept: String = folded
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || c.is_ascii_whitespace())
        .collect();
    let mut out = String::with_capacity(kept.len());
    let mut pending_sep = false;
    for c in kept.trim().chars() {
        if c == '-' || c.is_ascii_whitespace() {
            pending_sep = true;
        } else {
            if pending_sep {
                out.push('-');
                pending_sep = false;
            }
            out.push(c.to_ascii_lowercase());
        }
    }
    if pending_sep {
        out.push('-');
    }
    out
}

#[test]
fn slugify_agrees_with_the_rule_in_steps() {
    let pieces = [
        "a", "Z", "9", "_", "-", " ", "\t", "\n", "\u{b}", "\u{c}", "!", "é", "É", "ﬁ", "—", "日",
        "\u{a0}", "--", "  ",
    ];
    for text in crate::test_text::generated(&pieces, 20_000, 10) {
        assert_eq!(slugify(&text), slugify_in_steps(&text), "{text:?}");
    }
}

#[test]
fn open_tag_agrees_with_formatting_it() {
    let pieces = ["a", "-", "\"", "<", "&", "'", "é", "_1", " "];
    for (i, id) in crate::test_text::generated(&pieces, 5_000, 8)
        .iter()
        .enumerate()
    {
        let n = (i % 6) as u8 + 1;
        let formatted = format!("<h{n} id=\"{}\"", super::super::escape_attr(id));
        assert_eq!(open_tag_start(n, id), formatted, "{id:?}");
        assert_eq!(level_digit(n).to_string(), n.to_string());
    }
}

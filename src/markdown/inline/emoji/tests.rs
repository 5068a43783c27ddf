use super::*;

fn html(text: &str, options: &Options) -> (String, Vec<(usize, String)>) {
    let mut events = Vec::new();
    let mut missing = Vec::new();
    split(text, options, &mut events, &mut missing);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    (html, missing)
}

#[test]
fn shortcodes_become_emoji() {
    let unicode = Options::default();
    assert_eq!(
        html("a :smile: b :nope: 1:2:3", &unicode).0,
        "a 😄 b :nope: 1:2:3"
    );
    let png = Options {
        generator: Generator::Png,
        ..Options::default()
    };
    assert_eq!(
        html(":smile:", &png).0,
        "<img alt=\"😄\" class=\"emojione\" src=\"https://cdnjs.cloudflare.com/ajax/libs/\
         emojione/2.2.7/assets/png/1f604.png\" title=\":smile:\" />"
    );
}

#[test]
fn people_named_the_twemoji_way_are_found_under_githubs_name() {
    let unicode = Options::default();
    assert_eq!(
        html(
            ":man_raising_hand: :woman_raising_hand: :man_frowning_x:",
            &unicode
        )
        .0,
        "\u{1f64b}\u{200d}\u{2642}\u{fe0f} \u{1f64b}\u{200d}\u{2640}\u{fe0f} :man_frowning_x:"
    );
    // GitHub's own spelling still comes first.
    assert_eq!(
        html(":man_technologist:", &unicode).0,
        "\u{1f468}\u{200d}\u{1f4bb}"
    );
}

#[test]
fn twemoji_keeps_the_variation_selector_only_in_joined_sequences() {
    let twemoji = Options {
        generator: Generator::Svg,
        index: Index::Twemoji,
        ..Options::default()
    };
    let (out, _) = html(":arrow_left: :man_raising_hand:", &twemoji);
    assert!(out.contains("alt=\"\u{2b05}\" class=\"twemoji\""), "{out}");
    assert!(out.contains("/svg/2b05.svg\""), "{out}");
    assert!(out.contains("/svg/1f64b-200d-2642-fe0f.svg\""), "{out}");
    assert!(
        out.contains("alt=\"\u{1f64b}\u{200d}\u{2642}\u{fe0f}\""),
        "{out}"
    );
    // EmojiOne's file names drop it everywhere, and its alt keeps it.
    let emojione = Options {
        generator: Generator::Png,
        ..Options::default()
    };
    let (out, _) = html(":arrow_left:", &emojione);
    assert!(out.contains("alt=\"\u{2b05}\u{fe0f}\""), "{out}");
    assert!(out.contains("/png/2b05.png\""), "{out}");
}

#[test]
fn unicode_names_are_shortcodes_of_twemoji_and_emojione_only() {
    let unicode = Options::default();
    assert_eq!(
        html(
            ":woman_in_lotus_position: :mens_room: :kettle_lid:",
            &unicode
        )
        .0,
        "\u{1f9d8}\u{200d}\u{2640}\u{fe0f} \u{1f6b9} :kettle_lid:"
    );
    let gemoji = Options {
        index: Index::Gemoji,
        ..Options::default()
    };
    assert_eq!(
        html(":woman_in_lotus_position:", &gemoji).0,
        ":woman_in_lotus_position:"
    );
}

#[test]
fn icons_without_an_icon_set_stay_text_and_are_reported() {
    let (html, missing) = html("Press :material-keyboard: now", &Options::default());
    assert_eq!(html, "Press :material-keyboard: now");
    assert_eq!(missing, [(6, "material-keyboard".to_owned())]);
}

/// The test [`may_have`] replaced: counting colons one byte at a time.
fn may_have_by_counting(text: &str) -> bool {
    text.bytes().filter(|b| *b == b':').nth(1).is_some()
}

#[test]
fn may_have_agrees_with_counting_colons() {
    let pieces = [":", "::", "a", " ", "smile", "é", "\n", ":+1:", "x:"];
    for text in crate::test_text::generated(&pieces, 20_000, 8) {
        assert_eq!(may_have(&text), may_have_by_counting(&text), "{text:?}");
    }
}

//! The fast path's byte searches held to the rules they replaced.

use super::*;

/// [`plain`], [`key_value`]'s key and the quoted scalars' checks as they were written
/// before they searched bytes, to hold the byte searches to.
fn plain_by_str(raw: &str) -> bool {
    let first = raw.as_bytes()[0];
    !b"-?:,[]{}#&*!|>'\"%@`\\ ".contains(&first)
        && !raw.ends_with(':')
        && !raw.contains(": ")
        && !raw.contains(" #")
}

fn key_end_by_chars(line: &str) -> usize {
    line.find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(line.len())
}

#[test]
fn byte_searches_agree_with_the_string_searches() {
    let pieces = [
        "a", "k-_1", ":", " ", "#", "\"", "'", "\\", "é", "日", "-", "x: y", " #c", "\n",
    ];
    for text in crate::test_text::generated(&pieces, 20_000, 9) {
        if !text.is_empty() {
            assert_eq!(plain(&text), plain_by_str(&text), "{text:?}");
        }
        let key_end = key_value(&text).map(|(key, _, _)| key.len());
        if let Some(end) = key_end {
            assert_eq!(end, key_end_by_chars(&text), "{text:?}");
        }
        let quoted = format!("\"{text}\"");
        let by_str = !text.contains(['"', '\\']);
        let borrowed = matches!(double_quoted(&quoted), Some(Cow::Borrowed(_)));
        assert_eq!(borrowed, by_str, "{text:?}");
        let single = format!("'{text}'");
        let borrowed = matches!(single_quoted(&single), Some(Cow::Borrowed(_)));
        assert_eq!(borrowed, !text.contains('\''), "{text:?}");
    }
}
/// The lines are the pieces `split('\n')` gives, each where it starts.
#[test]
fn lines_are_the_text_split_at_newlines() {
    let pieces = ["a", "key: v", "\n", "\n\n", " ", "é"];
    for text in crate::test_text::generated(&pieces, 5_000, 9) {
        let got = super::lines(&text);
        let want: Vec<&str> = text.split('\n').collect();
        assert_eq!(
            got.iter().map(|l| l.text).collect::<Vec<_>>(),
            want,
            "{text:?}"
        );
        for (n, line) in got.iter().enumerate() {
            assert_eq!(line.number, n + 1);
            assert_eq!(
                text.get(line.start..line.start + line.text.len()),
                Some(line.text)
            );
        }
    }
}

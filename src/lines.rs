//! The lines of a text as `str::lines` gives them (split after each `\n`, a `\r` before it
//! dropped, no last empty line), found with memchr: `str::lines` looks for each newline
//! with a search that reads the text a word at a time, which showed in the profile of a build.

/// The lines of `text`, as `text.lines()` gives them.
pub(crate) fn of(text: &str) -> impl Iterator<Item = &str> + '_ {
    let mut start = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(Some)
        .chain(std::iter::once(None))
        .filter_map(move |newline| match newline {
            Some(end) => {
                let line = &text[start..end];
                start = end + 1;
                Some(line.strip_suffix('\r').unwrap_or(line))
            }
            None => text.get(start..).filter(|rest| !rest.is_empty()),
        })
}

#[cfg(test)]
mod tests {
    #[test]
    fn lines_are_the_ones_str_lines_gives() {
        let pieces = ["a", "bc", "\n", "\r", "\r\n", "\n\n", "é", " ", "\u{2028}"];
        for text in crate::test_text::generated(&pieces, 20_000, 10) {
            let got: Vec<&str> = super::of(&text).collect();
            let want: Vec<&str> = text.lines().collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}

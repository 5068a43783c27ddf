//! Listing snippets: a page's summary as short HTML for section listings, cut at the end of a
//! sentence or else of a word (never inside one), with an ellipsis when cut, and its code
//! spans kept as `<code>`. The plain text arrives with code spans between two private-use
//! marks, put there by [`super::plain_text`].

/// Starts a code span in marked text.
pub const CODE_START: char = '\u{E000}';
/// Ends a code span in marked text.
pub const CODE_END: char = '\u{E001}';
/// Characters of text a listing shows at most.
pub const LISTING_CHARS: usize = 280;

pub fn is_mark(c: char) -> bool {
    c == CODE_START || c == CODE_END
}

/// `marked` as HTML, at most `limit` characters of text (plus the ellipsis): whole when it
/// fits; else up to the last sentence end within the limit when that keeps at least half of
/// it, else up to the last word end within the limit.
pub fn html(marked: &str, limit: usize) -> String {
    let end = cut(marked, limit);
    let shown = &marked[..end.map_or(marked.len(), |(at, _)| at)];
    let mut out = String::with_capacity(shown.len() + 16);
    // Read as bytes: what is written differently is ASCII or a mark (three bytes), found by
    // two memchr searches (each resumed only past what it found), and the text between is
    // copied a run at a time.
    let bytes = shown.as_bytes();
    let after = |from: usize, found: Option<usize>| found.map_or(bytes.len(), |i| from + i);
    let escaped = |from: usize| after(from, memchr::memchr3(b'&', b'<', b'>', &bytes[from..]));
    let quote_or_mark = |from: usize| after(from, memchr::memchr2(b'"', MARK_LEAD, &bytes[from..]));
    let (mut next_escaped, mut next_quote_or_mark) = (escaped(0), quote_or_mark(0));
    let mut in_code = false;
    let mut copied = 0;
    loop {
        let i = next_escaped.min(next_quote_or_mark);
        let Some(&b) = bytes.get(i) else {
            break;
        };
        let (written, len) = match b {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            _ => match mark_at(bytes, i) {
                Some(CODE_START) => {
                    in_code = true;
                    ("<code>", MARK_LEN)
                }
                Some(_) => {
                    in_code = false;
                    ("</code>", MARK_LEN)
                }
                None => ("", 0),
            },
        };
        if len > 0 {
            out.push_str(&shown[copied..i]);
            out.push_str(written);
            copied = i + len;
        }
        if next_escaped == i {
            next_escaped = escaped(i + 1);
        } else {
            next_quote_or_mark = quote_or_mark(i + 1);
        }
    }
    out.push_str(&shown[copied..]);
    if in_code {
        out.push_str("</code>");
    }
    if let Some((_, sentence)) = end {
        out.push_str(if sentence { " \u{2026}" } else { "\u{2026}" });
    }
    out
}

/// The first byte of both marks in UTF-8 (`EE 80 80`, `EE 80 81`), and their length.
const MARK_LEAD: u8 = 0xEE;
const MARK_LEN: usize = 3;

/// The mark that starts at byte `i` of `bytes`, if one does.
fn mark_at(bytes: &[u8], i: usize) -> Option<char> {
    match bytes.get(i..i + MARK_LEN)? {
        [MARK_LEAD, 0x80, 0x80] => Some(CODE_START),
        [MARK_LEAD, 0x80, 0x81] => Some(CODE_END),
        _ => None,
    }
}

/// Plain text as [`html`] shows it (a description, which has no code spans).
pub fn html_of_text(text: &str, limit: usize) -> String {
    let clean: String = text.chars().filter(|c| !is_mark(*c)).collect();
    html(&clean, limit)
}

/// Where to cut `marked` (a byte offset) and whether that is a sentence end; `None` when it
/// fits.
fn cut(marked: &str, limit: usize) -> Option<(usize, bool)> {
    // No more characters than bytes: a text of `limit` bytes fits.
    if marked.len() <= limit {
        return None;
    }
    let mut shown = 0;
    let mut sentence = None;
    let mut word = None;
    // The previous character's first byte: only ASCII ones are compared, and the first byte
    // of any other character is none of them.
    let mut prev = b' ';
    let mut in_code = false;
    let bytes = marked.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        // A UTF-8 continuation byte (a mark's two included): its character was counted, or
        // its mark read, at its first byte.
        if b & 0xC0 == 0x80 {
            continue;
        }
        if b == MARK_LEAD
            && let Some(mark) = mark_at(bytes, i)
        {
            in_code = mark == CODE_START;
            continue;
        }
        if b == b' ' && prev != b' ' {
            if shown > limit {
                break;
            }
            word = Some((i, shown));
            if !in_code && matches!(prev, b'.' | b'!' | b'?') {
                sentence = Some((i, shown));
            }
        }
        shown += 1;
        prev = b;
    }
    if shown <= limit {
        return None;
    }
    match (sentence, word) {
        (Some((at, n)), _) if n * 2 >= limit => Some((at, true)),
        (_, Some((at, _))) => Some((trim_word_end(marked, at), false)),
        // One word longer than the limit: shown whole.
        _ => Some((marked.len(), false)),
    }
}

/// Leaves out punctuation that would sit before the ellipsis (`word,…`).
fn trim_word_end(marked: &str, at: usize) -> usize {
    marked[..at]
        .trim_end_matches([',', ';', ':', '(', '-', '\u{2014}'])
        .len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(s: &str) -> String {
        format!("{CODE_START}{s}{CODE_END}")
    }

    #[test]
    fn short_text_is_whole_and_escaped() {
        let text = format!("Use {} & stop.", code("a<b"));
        assert_eq!(html(&text, 280), "Use <code>a&lt;b</code> &amp; stop.");
    }

    #[test]
    fn cuts_at_a_word_never_inside_one() {
        assert_eq!(html("alpha beta gamma delta", 13), "alpha beta\u{2026}");
        assert_eq!(html("alpha beta, gamma delta", 13), "alpha beta\u{2026}");
    }

    #[test]
    fn prefers_a_sentence_end_that_keeps_half() {
        let text = "The first sentence is here. Then more words follow on";
        assert_eq!(html(text, 40), "The first sentence is here. \u{2026}");
        // A sentence end too early is passed over for a word end.
        assert_eq!(
            html("Yes. Then many more words follow", 30),
            "Yes. Then many more words\u{2026}"
        );
    }

    #[test]
    fn a_cut_inside_code_closes_it() {
        let text = format!("Call {} now", code("for x in y"));
        assert_eq!(html(&text, 12), "Call <code>for x</code>\u{2026}");
    }

    /// [`html`] as it was written before it read bytes: character by character.
    fn html_by_chars(marked: &str, limit: usize) -> String {
        let end = cut_by_chars(marked, limit);
        let mut out = String::new();
        let mut in_code = false;
        for c in marked[..end.map_or(marked.len(), |(at, _)| at)].chars() {
            match c {
                CODE_START => {
                    out.push_str("<code>");
                    in_code = true;
                }
                CODE_END => {
                    out.push_str("</code>");
                    in_code = false;
                }
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c => out.push(c),
            }
        }
        if in_code {
            out.push_str("</code>");
        }
        if let Some((_, sentence)) = end {
            out.push_str(if sentence { " \u{2026}" } else { "\u{2026}" });
        }
        out
    }

    /// [`cut`] as it was written before it read bytes.
    fn cut_by_chars(marked: &str, limit: usize) -> Option<(usize, bool)> {
        let mut shown = 0;
        let mut sentence = None;
        let mut word = None;
        let mut prev = ' ';
        let mut in_code = false;
        for (i, c) in marked.char_indices() {
            match c {
                CODE_START => in_code = true,
                CODE_END => in_code = false,
                _ => {
                    if c == ' ' && prev != ' ' {
                        if shown > limit {
                            break;
                        }
                        word = Some((i, shown));
                        if !in_code && matches!(prev, '.' | '!' | '?') {
                            sentence = Some((i, shown));
                        }
                    }
                    shown += 1;
                    prev = c;
                }
            }
        }
        if shown <= limit {
            return None;
        }
        match (sentence, word) {
            (Some((at, n)), _) if n * 2 >= limit => Some((at, true)),
            (_, Some((at, _))) => Some((trim_word_end(marked, at), false)),
            _ => Some((marked.len(), false)),
        }
    }

    #[test]
    fn html_agrees_with_reading_characters() {
        let pieces = [
            "word", " ", "  ", ".", "!", "?", ",", "é", "\u{2014}", "日本", "&", "<", ">", "\"",
            "\u{E000}", "\u{E001}", "\u{E002}", "\u{EE80}", "a.", "b! ",
        ];
        for (n, text) in crate::test_text::generated(&pieces, 20_000, 16)
            .iter()
            .enumerate()
        {
            let limit = n % 24;
            assert_eq!(
                html(text, limit),
                html_by_chars(text, limit),
                "{text:?} {limit}"
            );
        }
    }
}

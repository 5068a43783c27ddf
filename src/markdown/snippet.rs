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
    let mut out = String::with_capacity(end.map_or(marked.len(), |(at, _)| at) + 16);
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

/// Plain text as [`html`] shows it (a description, which has no code spans).
pub fn html_of_text(text: &str, limit: usize) -> String {
    let clean: String = text.chars().filter(|c| !is_mark(*c)).collect();
    html(&clean, limit)
}

/// Where to cut `marked` (a byte offset) and whether that is a sentence end; `None` when it
/// fits.
fn cut(marked: &str, limit: usize) -> Option<(usize, bool)> {
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
}

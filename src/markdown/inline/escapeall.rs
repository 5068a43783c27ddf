//! pymdownx.escapeall: a backslash escapes any character, not only ASCII punctuation as in
//! CommonMark: `\a` is `a`, `\ ` a space (a no-break space with `nbsp`), and a backslash
//! ending a line a line break only with `hardbreak` (else a plain new line). Works on the
//! text events of the page pass, which still know where in the source they come from.

use std::ops::Range;

use pulldown_cmark::{CowStr, Event};

/// The options of pymdownx.escapeall.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// `\` at the end of a line is `<br>`.
    pub hardbreak: bool,
    /// `\ ` is a no-break space.
    pub nbsp: bool,
}

/// The event a text or hard break becomes; `source` is the text pulldown-cmark parsed.
pub fn event<'e>(
    event: Event<'e>,
    range: &Range<usize>,
    source: &str,
    options: Options,
) -> Event<'e> {
    let written = source.get(range.clone()).unwrap_or("");
    match event {
        Event::HardBreak if !options.hardbreak && written.starts_with('\\') => Event::SoftBreak,
        // A text event that is its source as written: every backslash in it is one that
        // CommonMark left alone, before a character it does not escape.
        Event::Text(text) if text.contains('\\') && *text == *written => {
            Event::Text(CowStr::from(unescape(&text, options)))
        }
        other => other,
    }
}

/// `text` with each backslash dropped and the character after it kept.
fn unescape(text: &str, options: Options) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match (c, chars.clone().next()) {
            ('\\', Some(' ')) if options.nbsp => {
                chars.next();
                out.push('\u{a0}');
            }
            ('\\', Some(next)) => {
                chars.next();
                out.push(next);
            }
            (c, _) => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn any_character_can_be_escaped() {
        let plain = Options::default();
        assert_eq!(unescape("\\W\\e\\ \\❤ \\😄", plain), "We ❤ 😄");
        let nbsp = Options {
            nbsp: true,
            ..plain
        };
        assert_eq!(unescape("a\\ b", nbsp), "a\u{a0}b");
        assert_eq!(unescape("end\\", plain), "end\\");
    }
}

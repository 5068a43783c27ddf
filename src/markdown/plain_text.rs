//! Plain text out of markdown events: for heading ids, the table of contents, summaries and
//! the FAQ answer. Code spans keep their text; markup and raw HTML are dropped; line breaks and
//! block ends become single spaces.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Tag, TagEnd};

use super::Rendered;
use super::preprocess::Preprocessed;
use super::snippet;

#[derive(Debug, Default)]
pub struct PlainText {
    text: String,
    /// Code spans kept between [`snippet::CODE_START`] and [`snippet::CODE_END`], for
    /// [`PlainText::finish_marked`].
    marks_code: bool,
}

impl PlainText {
    /// A plain text that also knows where its code spans are.
    fn marking_code() -> Self {
        PlainText {
            marks_code: true,
            ..PlainText::default()
        }
    }

    pub fn push(&mut self, event: &Event<'_>) {
        match event {
            Event::Code(t) if self.marks_code => {
                self.text.push(snippet::CODE_START);
                push_unmarked(&mut self.text, t);
                self.text.push(snippet::CODE_END);
            }
            Event::Text(t) if self.marks_code => push_unmarked(&mut self.text, t),
            Event::Text(t) | Event::Code(t) => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.space(),
            Event::End(
                TagEnd::Paragraph | TagEnd::Item | TagEnd::Heading(_) | TagEnd::CodeBlock,
            )
            | Event::End(TagEnd::TableCell | TagEnd::BlockQuote(_)) => self.space(),
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(' ') {
            self.text.push(' ');
        }
    }

    pub fn is_empty(&self) -> bool {
        self.text.trim().is_empty()
    }

    /// The text with runs of white space folded into single spaces.
    pub fn finish(&self) -> String {
        if self.marks_code {
            return fold(&without_marks(&self.text));
        }
        fold(&self.text)
    }

    /// As [`PlainText::finish`], with its code spans marked.
    fn finish_marked(&self) -> String {
        fold(&self.text)
    }
}

/// Appends `text` to `out` without the code span marks in it: copied whole when it has no
/// character of the marks' first byte (nearly always), else a character at a time.
fn push_unmarked(out: &mut String, text: &str) {
    if memchr::memchr(mark_lead(), text.as_bytes()).is_none() {
        out.push_str(text);
    } else {
        out.extend(text.chars().filter(|c| !snippet::is_mark(*c)));
    }
}

/// The first byte of both code span marks in UTF-8.
fn mark_lead() -> u8 {
    let mut buf = [0; 4];
    snippet::CODE_START.encode_utf8(&mut buf).as_bytes()[0]
}

/// `text` without its code span marks ([`snippet::CODE_START`], [`snippet::CODE_END`]), found
/// by their first byte.
fn without_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut start = 0;
    for at in memchr::memchr_iter(mark_lead(), text.as_bytes()) {
        let mark = text[at..].chars().next().is_some_and(snippet::is_mark);
        if mark && at >= start {
            out.push_str(&text[start..at]);
            start = at + snippet::CODE_START.len_utf8();
        }
    }
    out.push_str(&text[start..]);
    out
}

/// Text on one line: runs of white space (line breaks included) folded to one space, none at
/// the ends.
pub(crate) fn fold(text: &str) -> String {
    if !text.is_ascii() && has_unicode_space(text.as_bytes()) {
        // Unicode white space too (no-break and em spaces), as `split_whitespace` sees it.
        let mut out = String::with_capacity(text.len());
        for word in text.split_whitespace() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
        return out;
    }
    // The text without white space at its ends (a block's end leaves a space after it).
    let is_space = |b: &u8| b.is_ascii_whitespace() || *b == 0x0b;
    let b = text.as_bytes();
    let first = b.iter().position(|b| !is_space(b)).unwrap_or(b.len());
    let last = b
        .iter()
        .rposition(|b| !is_space(b))
        .map_or(first, |i| i + 1);
    let inner = &b[first..last];
    let folded = memchr::memchr3(b'\t', b'\n', b'\r', inner).is_none()
        && memchr::memchr2(0x0b, 0x0c, inner).is_none()
        && DOUBLE_SPACE.find(inner).is_none();
    if folded {
        // Already one line with single spaces inside (most answers and titles, and texts
        // folded before): its inside as it is, found by byte searches.
        return text[first..last].to_owned();
    }
    // ASCII white space as `split_whitespace` sees it (vertical tab included), in one pass
    // over the bytes, a word copied at a time; other characters (of any bytes) are in the
    // words, none of their bytes being ASCII.
    let mut out = Vec::with_capacity(text.len());
    let words = text
        .as_bytes()
        .split(|b| b.is_ascii_whitespace() || *b == 0x0b)
        .filter(|w| !w.is_empty());
    for word in words {
        if !out.is_empty() {
            out.push(b' ');
        }
        out.extend_from_slice(word);
    }
    String::from_utf8(out).expect("whole characters and spaces")
}

/// The search for two spaces in a row, made once: making it is most of a search of a title.
static DOUBLE_SPACE: std::sync::LazyLock<memchr::memmem::Finder<'static>> =
    std::sync::LazyLock::new(|| memchr::memmem::Finder::new(b"  "));

/// Whether `bytes` (UTF-8) holds one of Unicode's white space characters beyond ASCII's:
/// U+0085, U+00A0 (0xC2 ...), U+1680 (0xE1 ...), U+2000 to U+200A, U+2028, U+2029, U+202F,
/// U+205F (0xE2 ...) and U+3000. Without one, text with accents, dashes, quotes or the code
/// span marks folds as ASCII does.
fn has_unicode_space(bytes: &[u8]) -> bool {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    for lead in memchr::memchr3_iter(0xC2, 0xE1, 0xE2, bytes) {
        let space = match (bytes[lead], at(lead + 1), at(lead + 2)) {
            (0xC2, second, _) => matches!(second, 0x85 | 0xA0),
            (0xE1, second, third) => second == 0x9A && third == 0x80,
            (_, 0x80, third) => matches!(third, 0x80..=0x8A | 0xA8 | 0xA9 | 0xAF),
            (_, second, third) => second == 0x81 && third == 0x9F,
        };
        if space {
            return true;
        }
    }
    memchr::memmem::find(bytes, "\u{3000}".as_bytes()).is_some()
}

/// The page's plain texts beyond headings, collected from every event as the pass reads them:
/// the summary (text before `<!-- more -->`, the H1 left out) and the short answer (the body
/// of the admonition titled like the site's answer title).
#[derive(Debug)]
pub(super) struct PageText {
    /// Byte range of the answer admonition's body in the preprocessed text.
    answer_block: Option<Range<usize>>,
    answer: PlainText,
    summary: PlainText,
    in_summary: bool,
    saw_more: bool,
    /// Whether the page can hold a `<!-- more -->` at all; without one there is no summary
    /// to collect.
    summary_possible: bool,
}

impl PageText {
    pub(super) fn new(pre: &Preprocessed, answer_title: &str) -> Self {
        let answer_block = pre
            .blocks
            .iter()
            .find(|b| {
                b.title
                    .as_deref()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(answer_title))
            })
            .map(|b| b.body.clone());
        let summary_possible = pre.text.contains("more");
        PageText {
            answer_block,
            answer: PlainText::marking_code(),
            summary: PlainText::marking_code(),
            in_summary: summary_possible,
            saw_more: false,
            summary_possible,
        }
    }

    /// Feeds the summary and the answer with the plain text of an event.
    pub(super) fn push(&mut self, event: &Event<'_>, range: &Range<usize>) {
        if let Event::Html(h) | Event::InlineHtml(h) = event
            && is_more_marker(h)
            && !self.saw_more
        {
            self.saw_more = true;
            self.in_summary = false;
        }
        if self.in_summary {
            match event {
                Event::Start(Tag::Heading {
                    level: HeadingLevel::H1,
                    ..
                }) => {
                    self.in_summary = false;
                }
                _ => self.summary.push(event),
            }
        } else if self.summary_possible
            && !self.saw_more
            && matches!(event, Event::End(TagEnd::Heading(HeadingLevel::H1)))
        {
            self.in_summary = true;
        }
        if let Some(body) = &self.answer_block
            && range.start >= body.start
            && range.end <= body.end
        {
            self.answer.push(event);
        }
    }

    pub(super) fn finish(&self, rendered: &mut Rendered) {
        let mut listed = None;
        if self.saw_more && !self.summary.is_empty() {
            rendered.summary = Some(self.summary.finish());
            listed = Some(&self.summary);
        }
        if !self.answer.is_empty() {
            rendered.answer = Some(self.answer.finish());
            listed = listed.or(Some(&self.answer));
        }
        rendered.listing =
            listed.map(|t| snippet::html(&t.finish_marked(), snippet::LISTING_CHARS));
    }
}

fn is_more_marker(html: &str) -> bool {
    let t = html.trim();
    t.strip_prefix("<!--")
        .and_then(|r| r.strip_suffix("-->"))
        .is_some_and(|m| m.trim() == "more")
}

#[cfg(test)]
mod fold_tests {
    use super::{fold, push_unmarked, without_marks};
    use crate::markdown::snippet::{self, CODE_END, CODE_START};

    #[test]
    fn code_marks_are_taken_out_and_nothing_else() {
        let marked = format!("a {CODE_START}b{CODE_END} \u{E002}\u{E000}é{CODE_END}");
        assert_eq!(without_marks(&marked), "a b \u{E002}é");
        assert_eq!(without_marks("plain"), "plain");
    }

    #[test]
    fn unmarked_text_is_the_text_filtered_a_character_at_a_time() {
        let pieces = [
            "a", " ", "é", "\u{E000}", "\u{E001}", "\u{E002}", "\u{EFFF}", "—",
        ];
        for text in crate::test_text::generated(&pieces, 5_000, 9) {
            let mut got = String::from("x");
            push_unmarked(&mut got, &text);
            let want: String = "x"
                .chars()
                .chain(text.chars().filter(|c| !snippet::is_mark(*c)))
                .collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn fold_agrees_with_splitting_at_white_space() {
        let pieces = [
            "a", "bc", " ", "  ", "\t", "\n", "\r", "\x0b", "\x0c", "é", "\u{a0}", ".", "\u{85}",
            "\u{1680}", "\u{2003}", "\u{205f}", "\u{3000}", "\u{E000}", "—", "¢", "\u{84}",
            "\u{a1}", "\u{1681}", "\u{200b}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202f}",
            "\u{2030}", "\u{205e}", "\u{3001}", "\u{200a}", "\u{2000}", "’",
        ];
        for text in crate::test_text::generated(&pieces, 20_000, 9) {
            let want = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fold(&text), want, "{text:?}");
        }
    }

    #[test]
    fn fold_folds_every_run_of_white_space() {
        for (text, want) in [
            ("Steep it for two minutes.", "Steep it for two minutes."),
            ("Steep  it\tfor\ntwo", "Steep it for two"),
            (" padded ", "padded"),
            ("tab\x0bbed", "tab bed"),
            ("no\u{a0}break and\u{2003}em", "no break and em"),
            ("", ""),
        ] {
            assert_eq!(fold(text), want, "{text:?}");
        }
    }
}

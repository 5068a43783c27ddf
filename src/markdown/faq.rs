//! FAQPage JSON-LD: the schema.org block that tells search engines a page answers a question.
//!
//! answerbook writes one for every Q&A page. A block the author wrote by hand in the page is
//! recognised here so the build can drop it in favour of the generated one (never two).

use std::ops::Range;

use pulldown_cmark::Event;

use super::events::Pass;

use serde::Serialize;

/// What decides whether a page gets a generated FAQPage: whether it is a Q&A page at all
/// (not a section page, not the 404 page, not `faq: false`), whether it says it asks a
/// question without an answer admonition (`faq: true`, or a title ending in `?`), and its
/// description, the answer when the page has no short-answer admonition.
#[derive(Debug, Clone, Copy, Default)]
pub struct FaqRule<'a> {
    pub eligible: bool,
    /// `faq: true`, or a title that ends in `?`.
    pub asks: bool,
    pub description: Option<&'a str>,
}

impl<'a> FaqRule<'a> {
    /// The rule for a page: `faq` is its front matter's `faq:`, `is_question` whether it is a
    /// Q&A page (not a section page, not the 404 page).
    pub fn for_page(
        is_question: bool,
        faq: Option<bool>,
        title: &str,
        description: Option<&'a str>,
    ) -> Self {
        FaqRule {
            eligible: is_question && faq != Some(false),
            asks: faq == Some(true) || title.trim_end().ends_with('?'),
            description,
        }
    }
}

/// The one rule for a page's FAQPage answer. A page answers a question only when it has a
/// short-answer admonition, a hand-written FAQPage, `faq: true` or a title ending in `?`; its
/// answer is the admonition's text, else (for such a page) its description. `None` (no
/// FAQPage, hand-written blocks kept) for pages that are not Q&A pages, do not answer a
/// question (a "Disclaimer" page with a description) or have no answer.
pub fn answer<'a>(
    rule: FaqRule<'a>,
    short_answer: Option<&'a str>,
    hand_written: bool,
) -> Option<&'a str> {
    if !rule.eligible {
        return None;
    }
    let fallback = (rule.asks || hand_written)
        .then_some(rule.description)
        .flatten();
    short_answer.or(fallback).filter(|a| !a.trim().is_empty())
}

#[derive(Serialize)]
struct FaqPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "mainEntity")]
    main_entity: [Question<'a>; 1],
}

/// schema.org's `Question` with its accepted answer.
#[derive(Serialize)]
pub struct Question<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: Answer<'a>,
    name: &'a str,
}

#[derive(Serialize)]
struct Answer<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    text: &'a str,
}

/// The JSON of a one-question FAQPage, safe to put inside a `<script>` element: `<`, `>` and
/// `&` are written as `\u003c`-style escapes, so no title or answer can close the element.
pub fn json_ld(question: &str, answer: &str) -> String {
    script_json(&faq_page(question, answer))
}

impl<'a> Question<'a> {
    pub fn new(question: &'a str, answer: &'a str) -> Question<'a> {
        Question {
            kind: "Question",
            name: question,
            accepted_answer: Answer {
                kind: "Answer",
                text: answer,
            },
        }
    }
}

/// A one-question FAQPage as a JSON value (with its `@context`, which a node of an `@graph`
/// drops).
pub fn faq_page(question: &str, answer: &str) -> serde_json::Value {
    let doc = FaqPage {
        context: "https://schema.org",
        kind: "FAQPage",
        main_entity: [Question {
            kind: "Question",
            name: question,
            accepted_answer: Answer {
                kind: "Answer",
                text: answer,
            },
        }],
    };
    serde_json::to_value(&doc).unwrap_or_default()
}

/// Any JSON value written to sit inside a `<script>` element: `<`, `>`, `&`, U+2028 and
/// U+2029 escaped, so no text in it can close the element or break a script.
pub fn script_json(value: &impl Serialize) -> String {
    let json = serde_json::to_string(value).unwrap_or_default();
    escape_for_script(&json)
}

fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    let bytes = json.as_bytes();
    if memchr::memchr(0xE2, bytes).is_none() {
        // No U+2028 or U+2029 (nor any character that starts like them): only `<`, `>` and
        // `&` to replace, found by a byte search.
        let mut start = 0;
        for i in memchr::memchr3_iter(b'<', b'>', b'&', bytes) {
            out.push_str(&json[start..i]);
            out.push_str(match bytes[i] {
                b'<' => "\\u003c",
                b'>' => "\\u003e",
                _ => "\\u0026",
            });
            start = i + 1;
        }
        out.push_str(&json[start..]);
        return out;
    }
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let with = match b {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            // U+2028 and U+2029: E2 80 A8 and E2 80 A9.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA8)) => {
                "\\u2028"
            }
            0xE2 if bytes.get(i + 1) == Some(&0x80) && matches!(bytes.get(i + 2), Some(0xA9)) => {
                "\\u2029"
            }
            _ => continue,
        };
        out.push_str(&json[start..i]);
        out.push_str(with);
        start = i + if b == 0xE2 { 3 } else { 1 };
    }
    out.push_str(&json[start..]);
    out
}

/// What the JSON-LD scripts of one raw HTML block turned out to be.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct HandWritten {
    /// Byte ranges of the `<script type="application/ld+json">` elements whose `@type` is (or
    /// includes) FAQPage, each with the rest of its line when the element stands alone on it.
    pub faq_pages: Vec<std::ops::Range<usize>>,
    /// Why each JSON-LD script whose content is not valid JSON was refused.
    pub invalid: Vec<String>,
}

impl HandWritten {
    /// The block without its FAQPage scripts: the HTML around them stays as written.
    pub fn without_faq_pages(&self, html: &str) -> String {
        let mut kept = String::with_capacity(html.len());
        let mut from = 0;
        for range in &self.faq_pages {
            kept.push_str(&html[from..range.start]);
            from = range.end;
        }
        kept.push_str(&html[from..]);
        kept
    }
}

/// Looks at every `<script>` element of one raw HTML block.
pub fn classify(html: &str) -> HandWritten {
    let found = HandWritten::default();
    // Most blocks (`<!-- more -->`, a `<div>`) hold no `<s` in any case: no script to read,
    // found without lower-casing a copy of the block.
    let bytes = html.as_bytes();
    let opens_s = |i: usize| {
        bytes
            .get(i + 1)
            .is_some_and(|b| b.eq_ignore_ascii_case(&b's'))
    };
    if !memchr::memchr_iter(b'<', bytes).any(opens_s) {
        return found;
    }
    scripts(html, found)
}

/// [`classify`] without its first look for a `<s`.
fn scripts(html: &str, mut found: HandWritten) -> HandWritten {
    // ASCII lower-casing keeps byte offsets, so ranges found in `lower` are ranges of `html`.
    let lower = html.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(start) = lower[pos..].find("<script").map(|i| pos + i) {
        let Some(open_end) = lower[start..].find('>').map(|i| start + i + 1) else {
            break;
        };
        let close = lower[open_end..].find("</script").map(|i| open_end + i);
        let end = close
            .and_then(|c| lower[c..].find('>').map(|i| c + i + 1))
            .unwrap_or(html.len());
        pos = end;
        if !lower[start..open_end].contains("application/ld+json") {
            continue;
        }
        let json = &html[open_end..close.unwrap_or(html.len())];
        match serde_json::from_str::<serde_json::Value>(json) {
            Ok(value) if is_faq_page(&value) => {
                found.faq_pages.push(with_own_line(html, start..end));
            }
            Ok(_) => {}
            Err(e) => found.invalid.push(e.to_string()),
        }
    }
    found
}

/// Widens `range` to whole lines when nothing but white space shares its lines.
fn with_own_line(html: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let line_start = html[..range.start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = html[range.end..]
        .find('\n')
        .map_or(html.len(), |i| range.end + i + 1);
    let alone = html[line_start..range.start].trim().is_empty()
        && html[range.end..line_end].trim().is_empty();
    if alone { line_start..line_end } else { range }
}

fn is_faq_page(value: &serde_json::Value) -> bool {
    use serde_json::Value;
    match value {
        Value::Array(items) => items.iter().any(is_faq_page),
        Value::Object(map) => {
            let typed = match map.get("@type") {
                Some(Value::String(t)) => t == "FAQPage",
                Some(Value::Array(ts)) => ts.iter().any(|t| t == "FAQPage"),
                _ => false,
            };
            typed || map.get("@graph").is_some_and(is_faq_page)
        }
        _ => false,
    }
}

/// Event part: a raw HTML block with FAQPage JSON-LD is noted (the page may get a generated
/// FAQPage instead, see `hand_written_faq`); JSON-LD that is not JSON is a warning.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    out: &[Event<'e>],
) -> Option<Event<'e>> {
    let Event::Html(block) = &event else {
        return Some(event);
    };
    let found = classify(block);
    for err in &found.invalid {
        let message = format!("hand-written JSON-LD is not valid JSON: {err}");
        pass.warn(range.start, message);
    }
    if !found.faq_pages.is_empty() {
        pass.result.has_hand_written_faq = true;
        let without = found.without_faq_pages(block);
        pass.hand_written_faq.push((out.len(), without));
    }
    Some(event)
}

#[cfg(test)]
mod tests;

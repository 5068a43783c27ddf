//! FAQPage JSON-LD: the schema.org block that tells search engines a page answers a question.
//!
//! answerbook writes one for every Q&A page. A block the author wrote by hand in the page is
//! recognised here so the build can drop it in favour of the generated one (never two).

use serde::Serialize;

#[derive(Serialize)]
struct FaqPage<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "mainEntity")]
    main_entity: [Question<'a>; 1],
}

#[derive(Serialize)]
struct Question<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(rename = "acceptedAnswer")]
    accepted_answer: Answer<'a>,
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
    let json = serde_json::to_string(&doc).unwrap_or_default();
    escape_for_script(&json)
}

fn escape_for_script(json: &str) -> String {
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

/// What a raw HTML block turned out to be.
#[derive(Debug, PartialEq, Eq)]
pub enum HandWritten {
    /// Not JSON-LD, or JSON-LD of another type (kept as written).
    Other,
    /// A JSON-LD block whose `@type` is (or includes) FAQPage.
    FaqPage,
    /// A JSON-LD script whose content is not valid JSON.
    Invalid(String),
}

/// Looks at one raw HTML block of a page.
pub fn classify(html: &str) -> HandWritten {
    let Some(start) = html.find("<script") else {
        return HandWritten::Other;
    };
    let Some(open_end) = html[start..].find('>').map(|i| start + i + 1) else {
        return HandWritten::Other;
    };
    if !html[start..open_end].contains("application/ld+json") {
        return HandWritten::Other;
    }
    let end = html[open_end..]
        .find("</script")
        .map_or(html.len(), |i| open_end + i);
    match serde_json::from_str::<serde_json::Value>(&html[open_end..end]) {
        Ok(value) if is_faq_page(&value) => HandWritten::FaqPage,
        Ok(_) => HandWritten::Other,
        Err(e) => HandWritten::Invalid(e.to_string()),
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_so_the_script_cannot_be_closed_early() {
        let json = json_ld("Is </script> safe?", "Yes & <b>no</b>");
        assert!(!json.contains("</script>"));
        assert!(!json.contains('<'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["mainEntity"][0]["name"], "Is </script> safe?");
        assert_eq!(
            back["mainEntity"][0]["acceptedAnswer"]["text"],
            "Yes & <b>no</b>"
        );
    }

    #[test]
    fn recognises_hand_written_blocks() {
        let faq = "<script type=\"application/ld+json\">\n{\"@type\": \"FAQPage\"}\n</script>\n";
        assert_eq!(classify(faq), HandWritten::FaqPage);
        let graph = "<script type=\"application/ld+json\">{\"@graph\": [{\"@type\": \"FAQPage\"}]}</script>";
        assert_eq!(classify(graph), HandWritten::FaqPage);
        let article = "<script type=\"application/ld+json\">{\"@type\": \"Article\"}</script>";
        assert_eq!(classify(article), HandWritten::Other);
        assert!(matches!(
            classify("<script type=\"application/ld+json\">{oops</script>"),
            HandWritten::Invalid(_)
        ));
        assert_eq!(classify("<div>hi</div>"), HandWritten::Other);
    }
}

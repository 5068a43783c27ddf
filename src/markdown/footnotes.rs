//! Footnotes as Python-Markdown writes them: references `<sup id="fnref:x"><a
//! class="footnote-ref" href="#fn:x">1</a></sup>`, and every definition gathered at the end of
//! the page in `<div class="footnote"><hr /><ol><li id="fn:x">...` with a back link.

use super::events::Pass;

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::escape_attr;

/// Moves footnote definitions to the end of the page and numbers the references.
pub fn apply(events: &mut Vec<Event<'_>>) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::FootnoteDefinition(_))))
    {
        return;
    }
    let mut definitions: Vec<(String, Vec<Event<'_>>)> = Vec::new();
    let mut kept = Vec::with_capacity(events.len());
    let mut current: Option<(String, Vec<Event<'_>>)> = None;
    for event in events.drain(..) {
        match event {
            Event::Start(Tag::FootnoteDefinition(label)) => {
                current = Some((label.to_string(), Vec::new()))
            }
            Event::End(TagEnd::FootnoteDefinition) => definitions.extend(current.take()),
            other => match &mut current {
                Some((_, body)) => body.push(other),
                None => kept.push(other),
            },
        }
    }
    let number: HashMap<&str, usize> = definitions
        .iter()
        .enumerate()
        .map(|(i, (label, _))| (label.as_str(), i + 1))
        .collect();
    let mut seen: HashMap<String, usize> = HashMap::new();
    for event in &mut kept {
        let Event::FootnoteReference(label) = event else {
            continue;
        };
        let Some(&n) = number.get(label.as_ref()) else {
            *event = Event::Text(format!("[^{label}]").into());
            continue;
        };
        let count = seen.entry(label.to_string()).or_insert(0);
        *count += 1;
        let label = escape_attr(label);
        let id = if *count == 1 {
            format!("fnref:{label}")
        } else {
            format!("fnref{count}:{label}")
        };
        *event = Event::InlineHtml(
            format!(
                "<sup id=\"{id}\"><a class=\"footnote-ref\" href=\"#fn:{label}\">{n}</a></sup>"
            )
            .into(),
        );
    }
    kept.push(Event::Html(
        "<div class=\"footnote\">\n<hr />\n<ol>\n".into(),
    ));
    for (n, (label, mut body)) in definitions.into_iter().enumerate() {
        let label = escape_attr(&label);
        kept.push(Event::Html(format!("<li id=\"fn:{label}\">\n").into()));
        let backref = format!(
            "&#160;<a class=\"footnote-backref\" href=\"#fnref:{label}\" title=\"Jump back to footnote {} in the text\">&#8617;</a>",
            n + 1
        );
        match body
            .iter()
            .rposition(|e| matches!(e, Event::End(TagEnd::Paragraph)))
        {
            Some(p) => body.insert(p, Event::InlineHtml(backref.into())),
            None => body.push(Event::Html(backref.into())),
        }
        kept.extend(body);
        kept.push(Event::Html("</li>\n".into()));
    }
    kept.push(Event::Html("</ol>\n</div>\n".into()));
    *events = kept;
}

/// Event part: a definition's `fn:x` and a reference's `fnref:x` are ids of the page.
pub(super) fn event<'e>(pass: &mut Pass<'_, '_>, event: Event<'e>) -> Option<Event<'e>> {
    match &event {
        Event::Start(Tag::FootnoteDefinition(label)) => pass.ids.reserve(&format!("fn:{label}")),
        Event::FootnoteReference(label) => pass.ids.reserve(&format!("fnref:{label}")),
        _ => {}
    }
    Some(event)
}

//! Footnotes as Python-Markdown writes them: references `<sup id="fnref:x"><a
//! class="footnote-ref" href="#fn:x">1</a></sup>`, and every definition gathered at the end of
//! the page in `<div class="footnote"><hr /><ol><li id="fn:x">...` with a back link. The
//! extension's `BACKLINK_TEXT`, `BACKLINK_TITLE`, `SEPARATOR`, `SUPERSCRIPT_TEXT` and
//! `USE_DEFINITION_ORDER` options are read from mkdocs.yml ([`Options`]). A paragraph or
//! heading whose text holds `PLACE_MARKER` (`///Footnotes Go Here///`) is replaced by the
//! footnotes, which then stand there instead of at the end.

use super::events::Pass;

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::escape_attr;

/// The options of Python-Markdown's `footnotes` that change what is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Options {
    /// The back link's content, written as HTML (`&#8617;`).
    pub backlink_text: String,
    /// The back link's title; `{}` (or `%d`) is the footnote's number.
    pub backlink_title: String,
    /// Between `fn` / `fnref` and the label in ids (`:`).
    pub separator: String,
    /// The reference's text; `{}` is the footnote's number.
    pub superscript_text: String,
    /// `USE_DEFINITION_ORDER`: footnotes are numbered in the order they are defined, not in
    /// the order of their first reference.
    pub definition_order: bool,
    /// `PLACE_MARKER`: the first paragraph holding this text makes way for the footnotes.
    pub place_marker: String,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            backlink_text: "&#8617;".to_owned(),
            backlink_title: "Jump back to footnote {} in the text".to_owned(),
            separator: ":".to_owned(),
            superscript_text: "{}".to_owned(),
            definition_order: false,
            place_marker: "///Footnotes Go Here///".to_owned(),
        }
    }
}

/// `text` with its first `{}` (or `%d`) replaced by `n`, as Python's `format` and `%` do.
fn numbered(text: &str, n: usize) -> String {
    text.replacen("%d", "{}", 1)
        .replacen("{}", &n.to_string(), 1)
}

/// Moves footnote definitions to the end of the page and numbers the references.
pub fn apply(events: &mut Vec<Event<'_>>, options: &Options) {
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
    let defined: HashMap<String, usize> = definitions
        .iter()
        .enumerate()
        .map(|(i, (label, _))| (label.clone(), i))
        .collect();
    // Footnotes are numbered in the order of their first reference, the page's own text first,
    // then the footnotes' (a footnote may refer to another); unreferenced ones come last.
    let mut numbering = Numbering {
        options,
        order: Vec::new(),
        number: HashMap::new(),
        seen: HashMap::new(),
    };
    if options.definition_order {
        for (label, _) in &definitions {
            if !numbering.number.contains_key(label) {
                numbering.order.push(label.clone());
                numbering
                    .number
                    .insert(label.clone(), numbering.order.len());
            }
        }
    }
    numbering.references(&mut kept, &defined);
    let mut k = 0;
    while let Some(label) = numbering.order.get(k) {
        let body = &mut definitions[defined[label]].1;
        numbering.references(body, &defined);
        k += 1;
    }
    for (label, _) in &definitions {
        if !numbering.number.contains_key(label) {
            numbering
                .number
                .insert(label.clone(), numbering.order.len() + 1);
            numbering.order.push(label.clone());
        }
    }
    let mut div = vec![Event::Html(
        "<div class=\"footnote\">\n<hr />\n<ol>\n".into(),
    )];
    for (i, label) in numbering.order.iter().enumerate() {
        let mut body = std::mem::take(&mut definitions[defined[label]].1);
        let references = numbering.seen.get(label).copied().unwrap_or(1).max(1);
        let label = escape_attr(label);
        let sep = escape_attr(&options.separator);
        div.push(Event::Html(format!("<li id=\"fn{sep}{label}\">\n").into()));
        let mut backrefs = String::new();
        let title = escape_attr(&numbered(&options.backlink_title, i + 1));
        for count in 1..=references {
            let id = match count {
                1 => format!("fnref{sep}{label}"),
                _ => format!("fnref{count}{sep}{label}"),
            };
            backrefs.push_str(&format!(
                "<a class=\"footnote-backref\" href=\"#{id}\" title=\"{title}\">{}</a>",
                options.backlink_text
            ));
        }
        // After the text of a closing paragraph, else in a paragraph of its own.
        if matches!(body.last(), Some(Event::End(TagEnd::Paragraph))) {
            let at = body.len() - 1;
            body.insert(at, Event::InlineHtml(format!("&#160;{backrefs}").into()));
        } else {
            body.push(Event::Html(format!("<p>{backrefs}</p>\n").into()));
        }
        div.extend(body);
        div.push(Event::Html("</li>\n".into()));
    }
    div.push(Event::Html("</ol>\n</div>\n".into()));
    match placeholder(&kept, &options.place_marker) {
        Some(at) => {
            kept.splice(at, div);
        }
        None => kept.extend(div),
    }
    *events = kept;
}

/// The events of the first paragraph or heading whose leading text holds `marker`, the place
/// Python-Markdown gives the footnotes instead of the end of the page.
fn placeholder(events: &[Event<'_>], marker: &str) -> Option<std::ops::Range<usize>> {
    if marker.is_empty() {
        return None;
    }
    let mut text = String::new();
    for (start, event) in events.iter().enumerate() {
        if !matches!(event, Event::Start(Tag::Paragraph | Tag::Heading { .. })) {
            continue;
        }
        text.clear();
        for e in &events[start + 1..] {
            match e {
                Event::Text(t) => text.push_str(t),
                Event::SoftBreak => text.push('\n'),
                _ => break,
            }
        }
        if !text.contains(marker) {
            continue;
        }
        let mut depth = 0usize;
        for (i, e) in events.iter().enumerate().skip(start) {
            match e {
                Event::Start(_) => depth += 1,
                Event::End(_) if depth == 1 => return Some(start..i + 1),
                Event::End(_) => depth -= 1,
                _ => {}
            }
        }
    }
    None
}

/// Footnote numbers, in the order of first reference, and how often each is referred to.
struct Numbering<'o> {
    options: &'o Options,
    order: Vec<String>,
    number: HashMap<String, usize>,
    seen: HashMap<String, usize>,
}

impl Numbering<'_> {
    /// Writes the references among `events` as numbered links.
    fn references(&mut self, events: &mut [Event<'_>], defined: &HashMap<String, usize>) {
        for event in events {
            let Event::FootnoteReference(label) = event else {
                continue;
            };
            if !defined.contains_key(label.as_ref()) {
                *event = Event::Text(format!("[^{label}]").into());
                continue;
            }
            let n = match self.number.get(label.as_ref()) {
                Some(&n) => n,
                None => {
                    self.order.push(label.to_string());
                    self.number.insert(label.to_string(), self.order.len());
                    self.order.len()
                }
            };
            let count = self.seen.entry(label.to_string()).or_insert(0);
            *count += 1;
            let label = escape_attr(label);
            let sep = escape_attr(&self.options.separator);
            let id = match *count {
                1 => format!("fnref{sep}{label}"),
                c => format!("fnref{c}{sep}{label}"),
            };
            let text = escape_attr(&numbered(&self.options.superscript_text, n));
            *event = Event::InlineHtml(
                format!(
                    "<sup id=\"{id}\"><a class=\"footnote-ref\" href=\"#fn{sep}{label}\">{text}</a></sup>"
                )
                .into(),
            );
        }
    }
}

/// Event part: a definition's `fn:x` and a reference's `fnref:x` are ids of the page.
pub(super) fn event<'e>(pass: &mut Pass<'_, '_>, event: Event<'e>) -> Option<Event<'e>> {
    match &event {
        Event::Start(Tag::FootnoteDefinition(label)) => {
            let sep = &pass.input.features.footnote_options.separator;
            pass.ids.reserve(&format!("fn{sep}{label}"))
        }
        Event::FootnoteReference(label) => {
            let sep = &pass.input.features.footnote_options.separator;
            pass.ids.reserve(&format!("fnref{sep}{label}"))
        }
        _ => {}
    }
    Some(event)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use crate::content::PageId;
    use crate::link_index::LinkIndex;
    use crate::markdown::links::LinkContext;
    use crate::markdown::{Features, Input, Rules, faq, render};

    fn page(body: &str, options: super::Options) -> String {
        let index = LinkIndex::default();
        let features = Features {
            rules: Rules::PythonMarkdown,
            footnotes: true,
            footnote_options: options,
            ..Features::default()
        };
        let input = Input {
            body,
            body_line: 1,
            display_path: Path::new("docs/page.md"),
            links: LinkContext {
                source: Path::new("page.md"),
                page: PageId(0),
                page_url: "page/",
                index: &index,
                absolute_base: None,
            },
            answer_title: "Answer",
            features: &features,
            faq: faq::FaqRule::default(),
        };
        render(&input).html
    }

    #[test]
    fn the_place_marker_paragraph_makes_way_for_the_footnotes() {
        let body =
            "> Steep it.[^t]\n>\n> ///Footnotes Go Here///\n\nServe.\n\n[^t]: Three minutes.\n";
        let html = page(body, super::Options::default());
        assert!(!html.contains("Footnotes Go Here"), "{html}");
        let div = html.find("<div class=\"footnote\">").expect(&html);
        assert!(div < html.find("</blockquote>").expect(&html), "{html}");
        assert!(html.find("Steep it.").expect(&html) < div, "{html}");
        assert!(html.ends_with("<p>Serve.</p>\n"), "{html}");
    }

    #[test]
    fn the_marker_is_configurable_and_without_it_footnotes_close_the_page() {
        let options = super::Options {
            place_marker: "FOOTNOTES".to_owned(),
            ..super::Options::default()
        };
        let body = "FOOTNOTES\n\nPour.[^p]\n\n[^p]: Slowly.\n";
        let html = page(body, options);
        assert!(html.starts_with("<div class=\"footnote\">"), "{html}");
        let html = page(body, super::Options::default());
        assert!(html.starts_with("<p>FOOTNOTES</p>"), "{html}");
        assert!(html.trim_end().ends_with("</div>"), "{html}");
    }
}

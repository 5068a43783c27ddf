//! Footnotes as Python-Markdown writes them: references `<sup id="fnref:x"><a
//! class="footnote-ref" href="#fn:x">1</a></sup>`, and every definition gathered at the end of
//! the page in `<div class="footnote"><hr /><ol><li id="fn:x">...` with a back link. The
//! extension's `BACKLINK_TEXT`, `BACKLINK_TITLE`, `SEPARATOR`, `SUPERSCRIPT_TEXT` and
//! `USE_DEFINITION_ORDER` options are read from mkdocs.yml ([`Options`]).

use super::events::Pass;

use std::collections::HashMap;

use pulldown_cmark::{Event, Tag, TagEnd};

use super::escape_attr;

mod order;

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
    /// A paragraph of only this text is where the footnotes go (else at the end).
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

/// The events of a paragraph holding only `marker` (its text may come in pieces).
fn marker_paragraph(events: &[Event<'_>], marker: &str) -> Option<std::ops::Range<usize>> {
    let mut i = 0;
    while i < events.len() {
        if matches!(events[i], Event::Start(Tag::Paragraph)) {
            let pieces = events[i + 1..]
                .iter()
                .take_while(|e| matches!(e, Event::Text(_)))
                .count();
            let j = i + 1 + pieces;
            if matches!(events.get(j), Some(Event::End(TagEnd::Paragraph)))
                && is_marker(&events[i + 1..j], marker)
            {
                return Some(i..j + 1);
            }
        }
        i += 1;
    }
    None
}

/// Whether the text of `pieces` (text events), trimmed, is `marker`; read in place.
fn is_marker(pieces: &[Event<'_>], marker: &str) -> bool {
    if marker.trim() != marker {
        // Trimmed text never starts or ends with white space.
        return false;
    }
    let mut chars = pieces
        .iter()
        .flat_map(|e| match e {
            Event::Text(t) => t.chars(),
            _ => "".chars(),
        })
        .skip_while(|c| c.is_whitespace());
    marker.chars().all(|m| chars.next() == Some(m)) && chars.all(char::is_whitespace)
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
    // Footnotes are numbered in the order of their definitions, or of their first reference;
    // unreferenced ones come last.
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
    // The references in the order Python-Markdown meets them ([`order`]): the page's and the
    // footnotes' (a footnote may refer to another).
    let mut references: Vec<(usize, usize, usize)> = order::references(&kept)
        .into_iter()
        .map(|(depth, at)| (depth, 0, at))
        .collect();
    for (n, (_, body)) in definitions.iter().enumerate() {
        let inner = order::references(body).into_iter();
        references.extend(inner.map(|(depth, at)| (order::DEFINITION_DEPTH + depth, n + 1, at)));
    }
    references.sort_unstable();
    for (_, section, at) in references {
        let event = match section {
            0 => &mut kept[at],
            n => &mut definitions[n - 1].1[at],
        };
        numbering.reference(event, &defined);
    }
    for (label, _) in &definitions {
        if !numbering.number.contains_key(label) {
            numbering
                .number
                .insert(label.clone(), numbering.order.len() + 1);
            numbering.order.push(label.clone());
        }
    }
    let place = marker_paragraph(&kept, &options.place_marker);
    let mut footer = Vec::new();
    footer.push(Event::Html(
        "<div class=\"footnote\">\n<hr />\n<ol>\n".into(),
    ));
    for (i, label) in numbering.order.iter().enumerate() {
        let mut body = std::mem::take(&mut definitions[defined[label]].1);
        let references = numbering.seen.get(label).copied().unwrap_or(1).max(1);
        let label = escape_attr(label);
        let sep = escape_attr(&options.separator);
        footer.push(Event::Html(format!("<li id=\"fn{sep}{label}\">\n").into()));
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
        footer.extend(body);
        footer.push(Event::Html("</li>\n".into()));
    }
    footer.push(Event::Html("</ol>\n</div>\n".into()));
    match place {
        Some(range) => {
            kept.splice(range, footer);
        }
        None => kept.extend(footer),
    }
    *events = kept;
}

/// Footnote numbers, in the order of first reference, and how often each is referred to.
struct Numbering<'o> {
    options: &'o Options,
    order: Vec<String>,
    number: HashMap<String, usize>,
    seen: HashMap<String, usize>,
}

impl Numbering<'_> {
    /// Writes a reference as a numbered link.
    fn reference(&mut self, event: &mut Event<'_>, defined: &HashMap<String, usize>) {
        let Event::FootnoteReference(label) = event else {
            return;
        };
        if !defined.contains_key(label.as_ref()) {
            *event = Event::Text(format!("[^{label}]").into());
            return;
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
    use pulldown_cmark::{Event, Tag, TagEnd};

    use super::marker_paragraph;

    fn paragraph(pieces: &[&'static str]) -> Vec<Event<'static>> {
        let mut events = vec![Event::Text("before".into()), Event::Start(Tag::Paragraph)];
        events.extend(pieces.iter().map(|&p| Event::Text(p.into())));
        events.push(Event::End(TagEnd::Paragraph));
        events
    }

    #[test]
    fn the_marker_paragraph_is_found_whatever_pieces_its_text_comes_in() {
        for pieces in [
            &["[[notes]]"][..],
            &[" [[", "notes", "]] "],
            &["", "[[notes]]", "\n"],
        ] {
            let events = paragraph(pieces);
            assert_eq!(
                marker_paragraph(&events, "[[notes]]"),
                Some(1..events.len()),
                "{pieces:?}"
            );
        }
    }

    #[test]
    fn more_or_less_text_than_the_marker_is_no_marker() {
        for pieces in [
            &["[[notes]] x"][..],
            &["[[", "note", "]]"],
            &["[[notes]"],
            &["[[notes]]", "]"],
        ] {
            assert_eq!(
                marker_paragraph(&paragraph(pieces), "[[notes]]"),
                None,
                "{pieces:?}"
            );
        }
        // Trimmed text never ends in white space: such a marker matches nothing.
        assert_eq!(
            marker_paragraph(&paragraph(&["[[notes]] "]), "[[notes]] "),
            None
        );
    }
}

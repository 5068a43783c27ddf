//! The one pass over pulldown-cmark's events for a page. It owns what every extension shares
//! (the page's ids, link rewriting, source lines for diagnostics, titles rendered as inline
//! markdown) and hands each kind of event to the extension that owns it: see [`Pass::event`],
//! one line per extension.

use std::cell::OnceCell;
use std::ops::Range;

use pulldown_cmark::{CowStr, Event, LinkType, RefDefs, Tag, TagEnd};

mod atomic;
mod lines;
mod titles;
use atomic::Atomic;

use super::headings::HeadingAttrs;
use super::ids::IdSet;
use super::links::{self, AnchorRef, Rewrite};
use super::plain_text::PageText;
use super::preprocess::Preprocessed;
use super::py_events::PyEvents;
use super::py_fence_paras::FenceParas;
use super::tab_ids::TabIds;
use super::{
    Input, Rendered, Rules, abbr, admonition, alerts, blocks, code, def_list, faq, footnotes,
    headings, inline, md_in_html, py_breaks, py_html, tabs,
};

/// The parser's events as the pass reads them: the plain text of the page is collected from
/// every event on the way, and a raw HTML block arrives as one `Event::Html` holding all of it.
pub(super) struct Stream<'s, 'e> {
    source: &'s mut dyn Iterator<Item = (Event<'e>, Range<usize>)>,
    text: PageText,
}

impl<'e> Iterator for Stream<'_, 'e> {
    type Item = (Event<'e>, Range<usize>);

    fn next(&mut self) -> Option<Self::Item> {
        let (event, range) = self.source.next()?;
        self.text.push(&event, &range);
        if !matches!(event, Event::Start(Tag::HtmlBlock)) {
            return Some((event, range));
        }
        let mut block = String::new();
        for (e, r) in &mut *self.source {
            self.text.push(&e, &r);
            match e {
                Event::End(TagEnd::HtmlBlock) => break,
                Event::Html(h) | Event::Text(h) => block.push_str(&h),
                _ => {}
            }
        }
        Some((Event::Html(block.into()), range))
    }
}

/// What the extensions share while the events of one page go by.
pub(super) struct Pass<'i, 'p> {
    pub(super) input: &'i Input<'i>,
    pub(super) pre: &'p Preprocessed,
    /// The page's link reference definitions, for titles rendered on their own.
    refdefs: &'p RefDefs<'p>,
    /// Where each line of the preprocessed text starts, worked out when first needed.
    line_starts: OnceCell<Vec<usize>>,
    /// Where each line of the page's body starts, worked out when first needed.
    body_line_starts: OnceCell<Vec<usize>>,
    pub(super) ids: IdSet,
    /// Tab ids that wait for the page's headings ([`super::tab_ids`]).
    pub(super) tab_ids: TabIds,
    pub(super) result: Rendered,
    /// Raw HTML blocks holding FAQPage JSON-LD: their index in the output and their HTML
    /// without those scripts, for when the page gets a generated FAQPage instead.
    pub(super) hand_written_faq: Vec<(usize, String)>,
    /// The page's abbreviations (its own and the site's glossary), when it has any.
    pub(super) abbreviations: Option<abbr::Matcher>,
    /// How many code blocks the page has had so far (their line ids count them).
    pub(super) code_blocks: usize,
    /// The definition lists' definitions, tight or loose as Python-Markdown decides.
    definitions: def_list::Definitions,
    /// Python-Markdown's rules for emphasis and line ends, on pages that follow them.
    py: Option<PyEvents>,
    /// Inside an image's description (its `alt`) or an autolink: text no inline extension
    /// (abbreviations, emoji) touches, as in Python-Markdown.
    atomic: Atomic,
}

impl<'i, 'p> Pass<'i, 'p> {
    pub(super) fn new(
        input: &'i Input<'i>,
        pre: &'p Preprocessed,
        refdefs: &'p RefDefs<'p>,
    ) -> Self {
        Pass {
            input,
            pre,
            refdefs,
            line_starts: OnceCell::new(),
            body_line_starts: OnceCell::new(),
            ids: IdSet::default(),
            tab_ids: TabIds::default(),
            result: Rendered::default(),
            hand_written_faq: Vec::new(),
            abbreviations: (!pre.abbreviations.is_empty()
                || !input.features.abbr_glossary.is_empty())
            .then(|| abbr::resolve(&input.features.abbr_glossary, &pre.abbreviations))
            .filter(|a| !a.is_empty())
            .map(abbr::Matcher::new),
            code_blocks: 0,
            definitions: def_list::Definitions::default(),
            py: PyEvents::new(input.features),
            atomic: Atomic::default(),
        }
    }

    /// Ids the author set with `{#id}` are taken before any id is generated, as MkDocs does.
    pub(super) fn reserve_explicit_ids(&mut self, events: &[(Event<'_>, Range<usize>)]) {
        for (event, _) in events {
            if let Event::Start(Tag::Heading {
                id, classes, attrs, ..
            }) = event
                && let Some(id) = HeadingAttrs::new(id.as_deref(), classes, attrs).id
            {
                self.ids.reserve(&id);
            }
        }
    }

    /// Transforms the parser's events into `out`; returns what was found.
    pub(super) fn run<'e>(
        mut self,
        mut source: impl Iterator<Item = (Event<'e>, Range<usize>)>,
        out: &mut Vec<Event<'e>>,
    ) -> (Rendered, Vec<(usize, String)>) {
        let mut stream = Stream {
            source: &mut source,
            text: PageText::new(self.pre, self.input.answer_title),
        };
        let mut mailto_text = false;
        let mut fence_paras = FenceParas::new(self.input.features);
        let mut containers = (self.input.features.rules == Rules::PythonMarkdown)
            .then(py_breaks::Containers::default);
        while let Some((mut event, range)) = stream.next() {
            if let Some(containers) = &mut containers {
                containers.see(&event);
                if py_breaks::owns(&event, &self.pre.text, &range) {
                    let written = py_breaks::next_line_start(&self.pre.text, &range)
                        .and_then(|start| self.written_line(start));
                    containers.line_break(event, &self.pre.text, &range, written, out);
                    continue;
                }
            }
            if let Event::Start(Tag::Link {
                link_type,
                dest_url,
                ..
            }) = &event
            {
                // `<mailto:x>` shows `x`, as in Python-Markdown.
                mailto_text = *link_type == LinkType::Autolink && dest_url.starts_with("mailto:");
            }
            if let (true, Event::Text(text)) = (mailto_text, &event)
                && let Some(address) = text.strip_prefix("mailto:")
            {
                event = Event::Text(address.to_owned().into());
                mailto_text = false;
            }
            if let Some(py) = &mut self.py {
                let Some(e) = py.event(event, &range, &self.pre.text, out) else {
                    continue;
                };
                event = e;
            }
            let Some(seen) = fence_paras.before(&event, &range, &self.pre.text, out) else {
                continue;
            };
            self.rewrite_dest(&mut event, &range);
            if let Some(event) = self.event(event, &range, &mut stream, out) {
                out.push(event);
            }
            fence_paras.after(seen, &range, out);
        }
        fence_paras.finish(out);
        stream.text.finish(&mut self.result);
        std::mem::take(&mut self.tab_ids).fill(&mut self.ids, out);
        self.result.ids = std::mem::take(&mut self.ids).into_ids();
        (self.result, self.hand_written_faq)
    }

    /// Hands an event to the extension that owns it, which writes what it becomes to `out`
    /// (reading on in `rest` if it needs the events that follow); an event no extension
    /// takes comes back, to be written as it is.
    fn event<'e>(
        &mut self,
        event: Event<'e>,
        range: &Range<usize>,
        rest: &mut Stream<'_, 'e>,
        out: &mut Vec<Event<'e>>,
    ) -> Option<Event<'e>> {
        let event = match self.input.features.inline.escapeall {
            Some(o) => super::inline::escapeall::event(event, range, &self.pre.text, o),
            None => event,
        };
        self.atomic.see(&event);
        if self.atomic.inside() && matches!(event, Event::Text(_)) {
            return Some(event);
        }
        match event {
            Event::Start(Tag::Heading { .. }) => headings::event(self, event, rest, out),
            Event::Start(Tag::CodeBlock(_)) => code::event(self, event, range, rest, out),
            Event::Code(_) => {
                // inlinehilite reads a language only right after the backticks.
                let event = code::inline::event(&self.input.features.code, event);
                Some(match self.input.features.rules {
                    Rules::PythonMarkdown => code::inline::py_trim(event),
                    _ => event,
                })
            }
            Event::Start(Tag::BlockQuote(Some(_))) | Event::End(TagEnd::BlockQuote(Some(_))) => {
                alerts::event(event)
            }
            Event::Start(Tag::FootnoteDefinition(_)) | Event::FootnoteReference(_) => {
                footnotes::event(self, event)
            }
            Event::Start(Tag::Paragraph) | Event::End(TagEnd::Paragraph)
                if !self.pre.md_in_html.spans.is_empty() =>
            {
                md_in_html::event(self, event, range)
            }
            Event::InlineHtml(_) if py_html::is_filler(&self.pre.fillers, &event, range) => None,
            Event::InlineHtml(html) if self.input.features.rules == Rules::PythonMarkdown => {
                def_list::event(Event::InlineHtml(py_html::code_in_comment(html)))
                    .map(|e| self.raw_html(e))
            }
            Event::InlineHtml(_) => def_list::event(event).map(|e| self.raw_html(e)),
            Event::Start(Tag::DefinitionListDefinition) => {
                self.definitions.start(out, &self.pre.text, range.start);
                Some(event)
            }
            Event::End(TagEnd::DefinitionListDefinition) => {
                self.definitions.end(out);
                Some(event)
            }
            Event::Text(ref t) if self.escaped_mark(t, range) => {
                out.push(Event::InlineHtml(t[..1].to_owned().into()));
                let rest = Event::Text(t[1..].to_owned().into());
                match self.abbreviations.is_some() {
                    true => abbr::event(self, rest, out),
                    false => Some(rest),
                }
            }
            Event::Text(ref t)
                if self.input.features.inline.emoji.is_some() && inline::emoji::may_have(t) =>
            {
                inline::emoji::event(self, t, range, out);
                None
            }
            Event::Text(_) if self.abbreviations.is_some() => abbr::event(self, event, out),
            Event::Html(_) => md_in_html::html(self, event, range)
                .and_then(|e| blocks::event(self, e, range, out))
                .and_then(|e| tabs::event(self, e, range, out))
                .and_then(|e| admonition::event(self, e, range, out))
                .map(|e| self.raw_html(e))
                .and_then(|e| faq::event(self, e, range, out)),
            other => Some(other),
        }
    }

    /// Whether a text event starts with a backslash-escaped character of an inline syntax
    /// (`\^`), which must then stay text ([`super::inline`]).
    fn escaped_mark(&self, text: &str, range: &Range<usize>) -> bool {
        range.start > 0
            && self.pre.text.as_bytes().get(range.start - 1) == Some(&b'\\')
            && self
                .pre
                .fence_escapes
                .binary_search(&(range.start - 1))
                .is_err()
            && text
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii() && self.input.features.inline.escapable(c))
    }

    /// Rewrites the destination of a link or image event (see [`links::rewrite`]).
    pub(super) fn rewrite_dest(&mut self, event: &mut Event<'_>, range: &Range<usize>) {
        if let Event::Start(Tag::Link {
            link_type: LinkType::Email,
            ..
        }) = event
        {
            // `<x@example.org>`: an e-mail address, not a path.
            return;
        }
        if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) = event {
            let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
            *dest_url = self.rewrite_link(written, range);
        }
    }

    fn rewrite_link<'e>(&mut self, dest: CowStr<'e>, range: &Range<usize>) -> CowStr<'e> {
        match links::rewrite(&dest, &self.input.links) {
            Rewrite::Keep => dest,
            Rewrite::Href { href, anchor } => {
                if let Some((page, fragment)) = anchor {
                    let line = self.line_at(range.start);
                    self.result.anchors.push(AnchorRef {
                        page,
                        fragment,
                        written: dest.to_string(),
                        line,
                    });
                }
                href.into()
            }
            Rewrite::Broken(message) => {
                self.warn(range.start, message);
                dest
            }
        }
    }

    /// Raw HTML: its ids (`<a id="x">`, `<div id="x">`) are anchors too.
    fn raw_html<'e>(&mut self, event: Event<'e>) -> Event<'e> {
        if let Event::Html(html) | Event::InlineHtml(html) = &event {
            let mut rest = html.as_ref();
            while let Some(i) = rest.find(" id=") {
                rest = &rest[i + 4..];
                let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'');
                let value = match quote {
                    Some(q) => rest[1..].split(q).next().unwrap_or(""),
                    None => rest.split([' ', '>', '/']).next().unwrap_or(""),
                };
                if !value.is_empty() {
                    self.ids.reserve(value);
                }
            }
        }
        event
    }
}

/// Whether `markdown` renders as itself: one paragraph of words and harmless punctuation,
/// which pulldown-cmark would neither mark up nor escape, so no parser needs to run.
fn is_plain_inline(markdown: &str) -> bool {
    let starts_with_letter = markdown.chars().next().is_some_and(char::is_alphabetic);
    starts_with_letter
        && !markdown.ends_with(' ')
        && markdown.chars().all(|c| {
            c.is_alphanumeric()
                || matches!(
                    c,
                    ' ' | ',' | '.' | ';' | ':' | '?' | '\'' | '"' | '(' | ')' | '/' | '-'
                )
        })
}

#[cfg(test)]
mod tests;

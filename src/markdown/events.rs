//! The one pass over pulldown-cmark's events for a page: heading ids and permalinks, relative
//! link rewriting, code blocks, GitHub alerts, tab-set and admonition titles, abbreviations,
//! hand-written FAQPage JSON-LD, and the plain text of the H1, the summary and the answer.

use std::cell::OnceCell;
use std::fmt::Write as _;
use std::ops::Range;

use pulldown_cmark::{BrokenLink, CodeBlockKind, CowStr, Event, Parser, RefDefs, Tag, TagEnd};

use super::admonition::{self, TITLE_PLACEHOLDER};
use super::headings::{self, Heading, HeadingAttrs, IdSet};
use super::links::{self, AnchorRef, Rewrite};
use super::plain_text::PlainText;
use super::preprocess::{Preprocessed, TERM_MARK};
use super::{Features, Input, Rendered, abbr, alerts, code, escape_attr, faq, options, tabs};
use crate::diagnostics::Diagnostic;

pub(super) struct Pass<'i, 'p> {
    input: &'i Input<'i>,
    pre: &'p Preprocessed,
    /// The page's link reference definitions, for titles rendered on their own.
    refdefs: &'p RefDefs<'p>,
    /// Where each line of the preprocessed text starts, worked out when first needed.
    line_starts: OnceCell<Vec<usize>>,
    ids: IdSet,
    /// The page's abbreviations, when it defines any.
    abbreviations: Option<abbr::Matcher>,
    result: Rendered,
    /// Raw HTML blocks holding FAQPage JSON-LD: their index in the output and their HTML
    /// without those scripts, for when the page gets a generated FAQPage instead.
    hand_written_faq: Vec<(usize, String)>,
    titles_seen: usize,
    tab_sets_seen: usize,
    answer_block: Option<Range<usize>>,
    answer: PlainText,
    summary: PlainText,
    in_summary: bool,
    saw_more: bool,
    /// Whether the page can hold a `<!-- more -->` at all; without one there is no summary
    /// to collect.
    summary_possible: bool,
}

impl<'i, 'p> Pass<'i, 'p> {
    pub(super) fn new(
        input: &'i Input<'i>,
        pre: &'p Preprocessed,
        refdefs: &'p RefDefs<'p>,
    ) -> Self {
        let answer_block = pre
            .blocks
            .iter()
            .find(|b| {
                b.title
                    .as_deref()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(input.answer_title))
            })
            .map(|b| b.body.clone());
        let summary_possible = pre.text.contains("more");
        Pass {
            input,
            pre,
            refdefs,
            line_starts: OnceCell::new(),
            ids: IdSet::default(),
            abbreviations: (!pre.abbreviations.is_empty())
                .then(|| abbr::Matcher::new(&pre.abbreviations)),
            result: Rendered::default(),
            hand_written_faq: Vec::new(),
            titles_seen: 0,
            tab_sets_seen: 0,
            answer_block,
            answer: PlainText::default(),
            summary: PlainText::default(),
            in_summary: summary_possible,
            saw_more: false,
            summary_possible,
        }
    }

    /// The line of the source file at byte `offset` of the preprocessed text.
    fn line_at(&self, offset: usize) -> usize {
        let line_starts = self.line_starts.get_or_init(|| {
            let mut starts = vec![0];
            starts.extend(self.pre.text.match_indices('\n').map(|(i, _)| i + 1));
            starts
        });
        let out_line = line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let src_line = self.pre.line_map.get(out_line).copied().unwrap_or(0) as usize;
        self.input.body_line + src_line
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

    /// Transforms the parser's events into `out`.
    pub(super) fn transform<'e>(
        &mut self,
        mut iter: impl Iterator<Item = (Event<'e>, Range<usize>)>,
        out: &mut Vec<Event<'e>>,
    ) {
        while let Some((mut event, range)) = iter.next() {
            self.collect_text(&event, &range);
            if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                &mut event
            {
                let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
                *dest_url = self.rewrite_link(written, &range);
            }
            match event {
                Event::Start(Tag::Heading {
                    level,
                    id,
                    classes,
                    attrs,
                }) => {
                    let mut inner = Vec::new();
                    let mut text = PlainText::default();
                    for (e, r) in iter.by_ref() {
                        self.collect_text(&e, &r);
                        if matches!(e, Event::End(TagEnd::Heading(_))) {
                            break;
                        }
                        text.push(&e);
                        inner.push(e);
                    }
                    let title = text.finish();
                    let attrs = HeadingAttrs::new(id.as_deref(), &classes, &attrs);
                    let id = match attrs.id {
                        Some(id) => id,
                        None => self
                            .ids
                            .unique(&headings::slug(&title, self.input.features.slugs)),
                    };
                    let n = level as u8;
                    if n == 1 && self.result.h1.is_none() {
                        self.result.h1 = Some(title.clone());
                    }
                    let mut open = format!("<h{n} id=\"{}\"", escape_attr(&id));
                    if !attrs.classes.is_empty() {
                        let _ =
                            write!(open, " class=\"{}\"", escape_attr(&attrs.classes.join(" ")));
                    }
                    for (name, value) in &attrs.others {
                        let _ = write!(open, " {}=\"{}\"", escape_attr(name), escape_attr(value));
                    }
                    open.push('>');
                    out.push(Event::Html(open.into()));
                    out.extend(inner);
                    let close = format!(
                        "<a class=\"headerlink\" href=\"#{0}\" title=\"Permanent link\">&para;</a></h{n}>\n",
                        escape_attr(&id)
                    );
                    out.push(Event::Html(close.into()));
                    self.result.headings.push(Heading {
                        level: n,
                        id,
                        title,
                    });
                }
                Event::Start(Tag::HtmlBlock) => {
                    let mut block = String::new();
                    for (e, r) in iter.by_ref() {
                        self.collect_text(&e, &r);
                        match e {
                            Event::End(TagEnd::HtmlBlock) => break,
                            Event::Html(h) | Event::Text(h) => block.push_str(&h),
                            _ => {}
                        }
                    }
                    self.html_block(block, &range, out);
                }
                Event::Start(Tag::CodeBlock(kind)) => {
                    let info = match &kind {
                        CodeBlockKind::Fenced(info) => code::FenceInfo::parse(info),
                        CodeBlockKind::Indented => code::FenceInfo::default(),
                    };
                    let mut text = String::new();
                    for (e, r) in iter.by_ref() {
                        self.collect_text(&e, &r);
                        match e {
                            Event::End(TagEnd::CodeBlock) => break,
                            Event::Text(t) => text.push_str(&t),
                            _ => {}
                        }
                    }
                    if let Some(id) = &info.id {
                        self.ids.reserve(id);
                    }
                    out.push(Event::Html(code::render(&info, &text).into()));
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    out.push(Event::Html(alerts::open(kind).into()));
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => {
                    out.push(Event::Html(alerts::CLOSE.into()));
                }
                Event::Start(Tag::FootnoteDefinition(ref label)) => {
                    self.ids.reserve(&format!("fn:{label}"));
                    out.push(event);
                }
                Event::FootnoteReference(ref label) => {
                    self.ids.reserve(&format!("fnref:{label}"));
                    out.push(event);
                }
                Event::InlineHtml(ref html)
                    if TERM_MARK.starts_with(html.as_ref())
                        || TERM_MARK.ends_with(html.as_ref()) => {}
                Event::InlineHtml(ref html) => {
                    self.note_html_ids(html);
                    out.push(event);
                }
                Event::Text(text) if self.abbreviations.is_some() => {
                    let pieces = self
                        .abbreviations
                        .as_ref()
                        .map_or_else(Vec::new, |m| m.split(&text));
                    for (piece, abbr) in pieces {
                        match abbr {
                            Some(k) => {
                                let title = escape_attr(&self.pre.abbreviations[k].1);
                                let html = format!(
                                    "<abbr title=\"{title}\">{}</abbr>",
                                    escape_attr(piece)
                                );
                                out.push(Event::InlineHtml(html.into()));
                            }
                            None => out.push(Event::Text(piece.to_owned().into())),
                        }
                    }
                }
                other => out.push(other),
            }
        }
    }

    /// Feeds the summary and the answer with the plain text of an event.
    fn collect_text(&mut self, event: &Event<'_>, range: &Range<usize>) {
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
                    level: pulldown_cmark::HeadingLevel::H1,
                    ..
                }) => {
                    self.in_summary = false;
                }
                _ => self.summary.push(event),
            }
        } else if self.summary_possible
            && !self.saw_more
            && matches!(
                event,
                Event::End(TagEnd::Heading(pulldown_cmark::HeadingLevel::H1))
            )
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
                let line = self.line_at(range.start);
                self.result.diagnostics.push(Diagnostic::warning(
                    self.input.display_path,
                    Some(line),
                    message,
                ));
                dest
            }
        }
    }

    /// The ids of a set's radio inputs: counters, or slugs of the titles when the site
    /// configures `pymdownx.tabbed: slugify` (prefixed with the last heading's id under
    /// `combine_header_slug`).
    fn tab_ids(&mut self, n: usize, titles: &[String]) -> Vec<String> {
        let features = self.input.features;
        let Some(style) = features.tab_slugs else {
            return tabs::counter_ids(n, titles.len());
        };
        titles
            .iter()
            .map(|title| {
                let slug = headings::slug(&tabs::without_icons(title), style);
                let base = match self
                    .result
                    .headings
                    .last()
                    .filter(|_| features.combine_header_slug)
                {
                    Some(heading) => format!("{}-{slug}", heading.id),
                    None => slug,
                };
                self.ids.unique(&base)
            })
            .collect()
    }

    /// Renders a title (admonition, tab) as inline HTML, in the page's context: reference
    /// links resolve against the page's definitions and relative links are rewritten.
    fn inline(&mut self, markdown: &str, range: &Range<usize>) -> String {
        if is_plain_inline(markdown) {
            return markdown.to_owned();
        }
        let defs = self.refdefs;
        let callback = |link: BrokenLink<'_>| {
            defs.get(link.reference.as_ref()).map(|d| {
                let title = d.title.as_deref().unwrap_or("").to_owned();
                (CowStr::from(d.dest.to_string()), CowStr::from(title))
            })
        };
        let parser = Parser::new_with_broken_link_callback(
            markdown,
            options(&Features::default()),
            Some(callback),
        );
        let events: Vec<Event<'_>> = parser
            .map(|mut event| {
                if let Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) =
                    &mut event
                {
                    let written = std::mem::replace(dest_url, CowStr::Borrowed(""));
                    *dest_url = self.rewrite_link(written, range);
                }
                event
            })
            .collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        let trimmed = html.trim_end();
        trimmed
            .strip_prefix("<p>")
            .and_then(|s| s.strip_suffix("</p>"))
            .unwrap_or(trimmed)
            .to_owned()
    }

    fn html_block<'e>(&mut self, mut block: String, range: &Range<usize>, out: &mut Vec<Event<'e>>) {
        if block.contains(tabs::SET_PLACEHOLDER) {
            let n = self.tab_sets_seen;
            self.tab_sets_seen += 1;
            let opening = self.pre.tab_sets.get(n).map_or_else(String::new, |set| {
                let titles: Vec<String> =
                    set.titles.iter().map(|t| self.inline(t, range)).collect();
                let ids = self.tab_ids(n + 1, &set.titles);
                tabs::set_opening(n + 1, set, &titles, &ids)
            });
            block = block.replacen(tabs::SET_PLACEHOLDER, &opening, 1);
            return out.push(Event::Html(block.into()));
        }
        if block.contains(TITLE_PLACEHOLDER) {
            let title = self
                .pre
                .blocks
                .get(self.titles_seen)
                .map(|block| {
                    let rendered = block.title.as_deref().map(|t| self.inline(t, range));
                    admonition::title_html(block, rendered.as_deref())
                })
                .unwrap_or_default();
            self.titles_seen += 1;
            block = block.replacen(TITLE_PLACEHOLDER, &title, 1);
            if title.is_empty() {
                block = block
                    .lines()
                    .filter(|l| !l.trim().is_empty())
                    .map(|l| format!("{l}\n"))
                    .collect();
            }
            return out.push(Event::Html(block.into()));
        }
        self.note_html_ids(&block);
        let found = faq::classify(&block);
        for err in &found.invalid {
            let line = self.line_at(range.start);
            let message = format!("hand-written JSON-LD is not valid JSON: {err}");
            self.result.diagnostics.push(Diagnostic::warning(
                self.input.display_path,
                Some(line),
                message,
            ));
        }
        if !found.faq_pages.is_empty() {
            self.result.has_hand_written_faq = true;
            self.hand_written_faq
                .push((out.len(), found.without_faq_pages(&block)));
        }
        out.push(Event::Html(block.into()));
    }

    /// Ids in raw HTML (`<a id="x">`, `<div id="x">`) are anchors too.
    fn note_html_ids(&mut self, html: &str) {
        let mut rest = html;
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

    /// What the pass found, and the hand-written FAQPage blocks (see `hand_written_faq`).
    pub(super) fn finish(mut self) -> (Rendered, Vec<(usize, String)>) {
        if self.saw_more && !self.summary.is_empty() {
            self.result.summary = Some(self.summary.finish());
        }
        if !self.answer.is_empty() {
            self.result.answer = Some(self.answer.finish());
        }
        self.result.ids = std::mem::take(&mut self.ids).into_set();
        (self.result, self.hand_written_faq)
    }
}

/// Whether `markdown` renders as itself: one paragraph of words and harmless punctuation,
/// which pulldown-cmark would neither mark up nor escape, so no parser needs to run.
fn is_plain_inline(markdown: &str) -> bool {
    let starts_with_letter = markdown.chars().next().is_some_and(char::is_alphabetic);
    starts_with_letter
        && !markdown.ends_with(' ')
        && markdown.chars().all(|c| {
            c.is_alphanumeric() || matches!(c, ' ' | ',' | '.' | ';' | ':' | '?' | '\'' | '"' | '(' | ')' | '/' | '-')
        })
}

fn is_more_marker(html: &str) -> bool {
    let t = html.trim();
    t.strip_prefix("<!--")
        .and_then(|r| r.strip_suffix("-->"))
        .is_some_and(|m| m.trim() == "more")
}

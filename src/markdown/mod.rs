//! Markdown to HTML for one page: a pure function of the page's body and the site's link
//! index, run for every page in parallel.
//!
//! The steps, each in its own file: [`admonition`] rewrites `!!!`/`???` blocks before parsing
//! (keeping a line map); pulldown-cmark parses; then one pass over the events gives headings
//! their ids ([`headings`]), rewrites relative links ([`links`]), turns GitHub alerts into
//! admonitions ([`alerts`]), spots hand-written FAQPage JSON-LD ([`faq`]) and collects the plain
//! text of the H1, the summary and the short answer ([`plain_text`]).

pub mod abbr;
pub mod admonition;
pub mod alerts;
pub mod attr_list;
pub mod blocks;
pub mod code;
pub mod faq;
pub mod footnotes;
pub mod headings;
pub mod links;
pub mod md_in_html;
pub mod plain_text;
pub mod preprocess;
pub mod tabs;
pub mod tasklist;

use std::collections::HashSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{CodeBlockKind, CowStr, Event, Options, Parser, Tag, TagEnd};

use crate::diagnostics::Diagnostic;
use admonition::{Block, TITLE_PLACEHOLDER};
use headings::{Heading, IdSet};
use links::{AnchorRef, LinkContext, Rewrite};
use plain_text::PlainText;
use preprocess::Preprocessed;

/// Everything rendering needs to know about one page.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub body: &'a str,
    /// Line of the file on which `body` starts.
    pub body_line: usize,
    /// Path shown in diagnostics (`content/a/b.md`).
    pub display_path: &'a Path,
    pub links: LinkContext<'a>,
    /// Title of the admonition that holds the page's short answer.
    pub answer_title: &'a str,
    /// Which syntaxes are on.
    pub features: &'a Features,
}

/// The markdown syntaxes beyond CommonMark that a site uses. An answerbook site has them all;
/// an MkDocs site has the ones its `markdown_extensions` list names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Features {
    /// `!!!` blocks (Python-Markdown `admonition`).
    pub admonition: bool,
    /// `???` and `???+` blocks (`pymdownx.details`).
    pub details: bool,
    /// `=== "Tab"` content tabs (`pymdownx.tabbed`).
    pub tabbed: bool,
    /// `{ .class #id }` attribute lists (`attr_list`).
    pub attr_list: bool,
    /// `<div markdown>` (`md_in_html`).
    pub md_in_html: bool,
    /// Definition lists (`def_list`).
    pub def_list: bool,
    /// `*[HTML]: ...` abbreviations (`abbr`).
    pub abbr: bool,
    /// `[^1]` footnotes.
    pub footnotes: bool,
    /// `- [x]` task lists (`pymdownx.tasklist`).
    pub tasklist: bool,
    /// `/// note` blocks (`pymdownx.blocks.*`).
    pub blocks: bool,
    /// How heading ids are made.
    pub slugs: SlugStyle,
}

/// Heading-id styles: Python-Markdown's `toc` default, or `pymdownx.slugs.slugify`
/// (Unicode kept, optionally lower-cased).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SlugStyle {
    #[default]
    Toc,
    Unicode {
        lowercase: bool,
    },
}

impl Default for Features {
    fn default() -> Self {
        Features {
            admonition: true,
            details: true,
            tabbed: true,
            attr_list: true,
            md_in_html: true,
            def_list: true,
            abbr: true,
            footnotes: true,
            tasklist: true,
            blocks: true,
            slugs: SlugStyle::Toc,
        }
    }
}

/// What rendering found out about a page.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every id on the page (headings, footnotes, raw HTML), for anchor checks.
    pub ids: HashSet<String>,
    /// Plain text of the first H1.
    pub h1: Option<String>,
    /// Plain text before `<!-- more -->` (H1 excluded), when there is such text.
    pub summary: Option<String>,
    /// Plain text of the short-answer admonition.
    pub answer: Option<String>,
    /// Whether the page carries a hand-written FAQPage JSON-LD block.
    pub has_hand_written_faq: bool,
    pub anchors: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
}

/// pulldown-cmark's options for a site's features.
pub fn options(features: &Features) -> Options {
    let mut options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_GFM;
    if features.footnotes {
        options |= Options::ENABLE_FOOTNOTES;
    }
    if features.tasklist {
        options |= Options::ENABLE_TASKLISTS;
    }
    if features.def_list {
        options |= Options::ENABLE_DEFINITION_LIST;
    }
    options
}

/// Renders a page. `drop_hand_written_faq` removes hand-written FAQPage blocks from the HTML
/// (the build writes its own); it is decided by the caller from the result of a first look, so
/// the renderer returns both the HTML and whether such a block was there.
pub fn render(input: &Input<'_>, drop_hand_written_faq: impl Fn(&Rendered) -> bool) -> Rendered {
    let body = if input.features.blocks {
        blocks::convert(input.body)
    } else {
        input.body.into()
    };
    let pre = preprocess::run(&body, input.features);
    let events: Vec<(Event<'_>, Range<usize>)> =
        Parser::new_ext(&pre.text, options(input.features))
            .into_offset_iter()
            .collect();
    let mut pass = Pass::new(input, &pre);
    pass.reserve_explicit_ids(&events);
    let out_events = pass.transform(events);
    let mut rendered = pass.finish();
    let drop_faq = drop_hand_written_faq(&rendered);
    let mut html = String::with_capacity(input.body.len() * 3 / 2);
    let mut events: Vec<Event<'_>> = out_events
        .into_iter()
        .filter_map(|e| match e {
            Out::Event(ev) => Some(ev),
            Out::HandWrittenFaq(html) => (!drop_faq).then_some(Event::Html(html.into())),
        })
        .collect();
    if input.features.attr_list {
        rendered.ids.extend(attr_list::apply(&mut events));
    }
    if input.features.tasklist {
        tasklist::apply(&mut events);
    }
    if input.features.footnotes {
        footnotes::apply(&mut events);
    }
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    rendered.html = html;
    rendered
}

/// A transformed event, or a hand-written FAQPage block the caller may drop.
enum Out<'a> {
    Event(Event<'a>),
    HandWrittenFaq(String),
}

struct Pass<'i, 'p> {
    input: &'i Input<'i>,
    pre: &'p Preprocessed,
    line_starts: Vec<usize>,
    ids: IdSet,
    result: Rendered,
    titles_seen: usize,
    tab_sets_seen: usize,
    answer_block: Option<Range<usize>>,
    answer: PlainText,
    summary: PlainText,
    in_summary: bool,
    saw_more: bool,
}

impl<'i, 'p> Pass<'i, 'p> {
    fn new(input: &'i Input<'i>, pre: &'p Preprocessed) -> Self {
        let mut line_starts = vec![0];
        line_starts.extend(pre.text.match_indices('\n').map(|(i, _)| i + 1));
        let answer_block = pre
            .blocks
            .iter()
            .find(|b| {
                b.title
                    .as_deref()
                    .is_some_and(|t| t.trim().eq_ignore_ascii_case(input.answer_title))
            })
            .map(|b| b.body.clone());
        Pass {
            input,
            pre,
            line_starts,
            ids: IdSet::default(),
            result: Rendered::default(),
            titles_seen: 0,
            tab_sets_seen: 0,
            answer_block,
            answer: PlainText::default(),
            summary: PlainText::default(),
            in_summary: true,
            saw_more: false,
        }
    }

    /// The line of the source file at byte `offset` of the preprocessed text.
    fn line_at(&self, offset: usize) -> usize {
        let out_line = self
            .line_starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let src_line = self.pre.line_map.get(out_line).copied().unwrap_or(0) as usize;
        self.input.body_line + src_line
    }

    /// Ids the author set with `{#id}` are taken before any id is generated, as MkDocs does.
    fn reserve_explicit_ids(&mut self, events: &[(Event<'_>, Range<usize>)]) {
        for (event, _) in events {
            if let Event::Start(Tag::Heading { id: Some(id), .. }) = event {
                self.ids.reserve(id);
            }
        }
    }

    fn transform<'e>(&mut self, events: Vec<(Event<'e>, Range<usize>)>) -> Vec<Out<'e>> {
        let mut out = Vec::with_capacity(events.len());
        let mut iter = events.into_iter();
        while let Some((event, range)) = iter.next() {
            self.collect_text(&event, &range);
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
                    let id = match id {
                        Some(id) => id.to_string(),
                        None => self
                            .ids
                            .unique(&headings::slug(&title, self.input.features.slugs)),
                    };
                    let n = level as u8;
                    if n == 1 && self.result.h1.is_none() {
                        self.result.h1 = Some(title.clone());
                    }
                    let mut open = format!("<h{n} id=\"{}\"", escape_attr(&id));
                    if !classes.is_empty() {
                        let _ = write!(open, " class=\"{}\"", escape_attr(&classes.join(" ")));
                    }
                    for (name, value) in &attrs {
                        let _ = write!(
                            open,
                            " {}=\"{}\"",
                            escape_attr(name),
                            escape_attr(value.as_deref().unwrap_or("").trim_matches(['"', '\'']))
                        );
                    }
                    open.push('>');
                    out.push(Out::Event(Event::Html(open.into())));
                    out.extend(inner.into_iter().map(Out::Event));
                    let close = format!(
                        "<a class=\"headerlink\" href=\"#{0}\" title=\"Permanent link\">&para;</a></h{n}>\n",
                        escape_attr(&id)
                    );
                    out.push(Out::Event(Event::Html(close.into())));
                    self.result.headings.push(Heading {
                        level: n,
                        id,
                        title,
                    });
                }
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest_url = self.rewrite_link(dest_url, &range);
                    out.push(Out::Event(Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })));
                }
                Event::Start(Tag::Image {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest_url = self.rewrite_link(dest_url, &range);
                    out.push(Out::Event(Event::Start(Tag::Image {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })));
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
                    out.push(self.html_block(block, &range));
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
                    out.push(Out::Event(Event::Html(code::render(&info, &text).into())));
                }
                Event::Start(Tag::BlockQuote(Some(kind))) => {
                    out.push(Out::Event(Event::Html(alerts::open(kind).into())));
                }
                Event::End(TagEnd::BlockQuote(Some(_))) => {
                    out.push(Out::Event(Event::Html(alerts::CLOSE.into())));
                }
                Event::Start(Tag::FootnoteDefinition(ref label)) => {
                    self.ids.reserve(&format!("fn:{label}"));
                    out.push(Out::Event(event));
                }
                Event::FootnoteReference(ref label) => {
                    self.ids.reserve(&format!("fnref:{label}"));
                    out.push(Out::Event(event));
                }
                Event::InlineHtml(ref html) => {
                    self.note_html_ids(html);
                    out.push(Out::Event(event));
                }
                Event::Text(text) if !self.pre.abbreviations.is_empty() => {
                    for (piece, abbr) in abbr::split(&text, &self.pre.abbreviations) {
                        match abbr {
                            Some(k) => {
                                let title = escape_attr(&self.pre.abbreviations[k].1);
                                let html = format!(
                                    "<abbr title=\"{title}\">{}</abbr>",
                                    escape_attr(piece)
                                );
                                out.push(Out::Event(Event::InlineHtml(html.into())));
                            }
                            None => out.push(Out::Event(Event::Text(piece.to_owned().into()))),
                        }
                    }
                }
                other => out.push(Out::Event(other)),
            }
        }
        out
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
        } else if !self.saw_more
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

    fn html_block<'e>(&mut self, mut block: String, range: &Range<usize>) -> Out<'e> {
        if block.contains(tabs::SET_PLACEHOLDER) {
            let n = self.tab_sets_seen;
            self.tab_sets_seen += 1;
            let opening = self.pre.tab_sets.get(n).map_or_else(String::new, |set| {
                let titles: Vec<String> = set.titles.iter().map(|t| render_inline(t)).collect();
                tabs::set_opening(n + 1, set, &titles)
            });
            block = block.replacen(tabs::SET_PLACEHOLDER, &opening, 1);
            return Out::Event(Event::Html(block.into()));
        }
        if block.contains(TITLE_PLACEHOLDER) {
            let title = self
                .pre
                .blocks
                .get(self.titles_seen)
                .map(render_title)
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
            return Out::Event(Event::Html(block.into()));
        }
        self.note_html_ids(&block);
        match faq::classify(&block) {
            faq::HandWritten::FaqPage => {
                self.result.has_hand_written_faq = true;
                Out::HandWrittenFaq(block)
            }
            faq::HandWritten::Invalid(err) => {
                let line = self.line_at(range.start);
                let message = format!("hand-written JSON-LD is not valid JSON: {err}");
                self.result.diagnostics.push(Diagnostic::warning(
                    self.input.display_path,
                    Some(line),
                    message,
                ));
                Out::Event(Event::Html(block.into()))
            }
            faq::HandWritten::Other => Out::Event(Event::Html(block.into())),
        }
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

    fn finish(mut self) -> Rendered {
        if self.saw_more && !self.summary.is_empty() {
            self.result.summary = Some(self.summary.finish());
        }
        if !self.answer.is_empty() {
            self.result.answer = Some(self.answer.finish());
        }
        self.result.ids = std::mem::take(&mut self.ids).into_set();
        self.result
    }
}

fn is_more_marker(html: &str) -> bool {
    let t = html.trim();
    t.strip_prefix("<!--")
        .and_then(|r| r.strip_suffix("-->"))
        .is_some_and(|m| m.trim() == "more")
}

/// An admonition's title line, its markdown rendered inline.
fn render_title(block: &Block) -> String {
    let rendered = block.title.as_deref().map(render_inline);
    admonition::title_html(block, rendered.as_deref())
}

/// Renders a one-line snippet of markdown without the wrapping paragraph.
pub fn render_inline(markdown: &str) -> String {
    let mut html = String::new();
    let options = options(&Features::default());
    pulldown_cmark::html::push_html(&mut html, Parser::new_ext(markdown, options));
    let trimmed = html.trim_end();
    trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
        .unwrap_or(trimmed)
        .to_owned()
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}

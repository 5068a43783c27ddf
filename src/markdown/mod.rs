//! Markdown to HTML for one page: a pure function of the page's body and the site's link
//! index, run for every page in parallel.
//!
//! # How an extension plugs in
//!
//! Each extension beyond CommonMark lives in one module that owns its syntax end to end. It
//! has up to two parts, side by side in that module:
//!
//! - a **line part**, for syntax pulldown-cmark cannot see (indentation-based blocks, lines to
//!   take out): a `pub(super) const SYNTAX: preprocess::LineSyntax` whose `line` function is
//!   offered every line that is neither code nor blank, with the shared [`preprocess`] state
//!   (`LinePass`: output text, line map, open blocks, `push_line`, `open`, ...). It returns
//!   whether it took the line. Where its event part must find its output again, it notes a
//!   byte offset of the text (an admonition's tag, a tab set's wrapper), never a placeholder.
//! - an **event part**, `pub(super) fn event(pass, event, ...) -> Option<Event>`, handed the
//!   events it owns by the event pass (`events`) with the shared state (`Pass`: the page's
//!   ids, diagnostics, titles rendered as inline markdown, the `Stream` of events that follow
//!   when it needs to read on). It writes what the event becomes to the output and returns
//!   `None`, or gives the event back for the next owner.
//!
//! Registering one is one line in `preprocess::SYNTAXES` (line part, in the order syntaxes are
//! tried) and one arm in `events::Pass::event` (event part). The order of a page:
//! [`blocks`] rewrites `///` blocks into the indented syntax; the line pass; pulldown-cmark;
//! the event pass (streaming, unless a heading may set its own id or a title holds a link);
//! then [`attr_list`], [`tasklist`] and [`footnotes`], which need to look back over the page's
//! events; then pulldown-cmark's HTML writer.
//!
//! The extensions: [`admonition`] (`!!!`, `???`), [`tabs`] (`===`), [`blocks`] (`///`),
//! [`md_in_html`], [`abbr`], [`footnotes`], [`attr_list`], [`tasklist`], [`alerts`] (GitHub
//! `> [!NOTE]`), `def_list`, [`headings`] (ids, permalinks, table of contents), [`code`]
//! (with [`highlight`]), [`faq`] (hand-written FAQPage JSON-LD) and [`plain_text`] (the
//! H1, the summary and the short answer).

pub mod abbr;
pub mod admonition;
pub mod alerts;
pub mod arithmatex;
pub mod attr_list;
pub mod blocks;
pub mod code;
pub mod critic;
mod def_list;
mod events;
pub mod faq;
mod features;
pub mod footnotes;
mod hash_headings;
pub mod headings;
pub mod highlight;
pub mod ids;
pub mod inline;
pub mod links;
pub mod md_in_html;
pub mod plain_text;
pub mod preprocess;
/// Columns of leading white space (tabs to the next multiple of 4) and the rest of a line.
pub(crate) use preprocess::indentation;
mod py_breaks;
mod py_emphasis;
mod py_events;
mod py_fence_paras;
mod py_footnotes;
mod py_html;
mod py_links;
mod py_lists;
mod py_loose;
mod py_whitespace;
pub mod snippet;
pub mod snippets;
mod tab_ids;
pub mod tables;
pub mod tabs;
pub mod tasklist;
#[cfg(test)]
mod tests_support;
pub mod toc;

use std::ops::Range;
use std::path::Path;

use pulldown_cmark::{BrokenLink, CowStr, Event, Options, Parser, RefDefs};

use crate::diagnostics::Diagnostic;
use events::Pass;
pub use features::{Features, Rules, SlugStyle};
use headings::Heading;
use links::{AnchorRef, LinkContext};

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
    /// Whether the page gets a generated FAQPage ([`faq::answer`]).
    pub faq: faq::FaqRule<'a>,
}

/// What rendering found out about a page.
#[derive(Debug, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Every id on the page (headings, footnotes, raw HTML), for anchor checks.
    pub ids: ids::PageIds,
    /// Plain text of the first H1.
    pub h1: Option<String>,
    /// Plain text before `<!-- more -->` (H1 excluded), when there is such text.
    pub summary: Option<String>,
    /// Plain text of the short-answer admonition.
    pub answer: Option<String>,
    /// What a listing shows under the page, as HTML: the summary, else the short answer, cut
    /// at a word or sentence end ([`snippet::html`]), code spans kept as `<code>`.
    pub listing: Option<String>,
    /// Whether the page carries a hand-written FAQPage JSON-LD block.
    pub has_hand_written_faq: bool,
    /// The answer of the FAQPage the build generates for this page, if it gets one; its
    /// hand-written FAQPage blocks were then left out of `html`.
    pub faq_answer: Option<String>,
    pub anchors: Vec<AnchorRef>,
    pub diagnostics: Vec<Diagnostic>,
    /// The snippet files the page includes ([`snippets`]), resolved.
    pub includes: Vec<std::path::PathBuf>,
}

/// pulldown-cmark's options for a site's features.
pub fn options(features: &Features) -> Options {
    let mut options = Options::ENABLE_TABLES | Options::ENABLE_GFM;
    // In MkDocs projects a heading's `{ ... }` is attr_list's, read by its own parser
    // ([`headings`]: quoted values with spaces, braces, escapes); pulldown-cmark's heading
    // attributes split values at every space.
    if !(features.rules == Rules::PythonMarkdown && features.attr_list) {
        options |= Options::ENABLE_HEADING_ATTRIBUTES;
    }
    // pymdownx.tilde reads `~~` and `~` itself ([`inline`]).
    if features.inline.tilde.is_none() {
        options |= Options::ENABLE_STRIKETHROUGH;
    }
    if features.footnotes {
        options |= Options::ENABLE_FOOTNOTES;
    }
    if features.tasklist.is_some() {
        options |= Options::ENABLE_TASKLISTS;
    }
    if features.def_list {
        options |= Options::ENABLE_DEFINITION_LIST;
    }
    options
}

/// Renders a page. When the page gets a generated FAQPage ([`faq::answer`], decided here from
/// its short answer, once), hand-written FAQPage blocks are left out of the HTML.
pub fn render(input: &Input<'_>) -> Rendered {
    let expanded = input
        .features
        .snippets
        .as_ref()
        .and_then(|s| snippets::expand(input.body, input.body_line, input.display_path, s));
    let Some(expanded) = expanded else {
        return render_body(input);
    };
    let mut rendered = render_body(&Input {
        body: &expanded.text,
        ..*input
    });
    expanded.relocate(
        &mut rendered.diagnostics,
        input.body_line,
        input.display_path,
    );
    for anchor in &mut rendered.anchors {
        anchor.line = expanded.page_line(anchor.line, input.body_line);
    }
    rendered.diagnostics.extend(expanded.diagnostics);
    rendered.includes = expanded.files;
    rendered
}

fn render_body(input: &Input<'_>) -> Rendered {
    let syntax = &input.features.inline;
    let critic = syntax
        .critic
        .and_then(|mode| critic::rewrite(input.body, mode, syntax.escapeall.is_some()));
    let body = critic.as_ref().map_or(input.body, |c| c.text.as_str());
    let math = input
        .features
        .arithmatex
        .as_ref()
        .and_then(|o| arithmatex::extract(body, o));
    let body = math.as_ref().map_or(body, |m| m.text.as_str());
    let split = (input.features.rules == Rules::PythonMarkdown)
        .then(|| py_html::split_line_comments(body, input.features.md_in_html))
        .flatten();
    let body = split.as_ref().map_or(body, |s| s.text.as_str());
    let lifted = (input.features.rules == Rules::PythonMarkdown && input.features.footnotes)
        .then(|| py_footnotes::rewrite(body))
        .flatten();
    let body = lifted.as_ref().map_or(body, |l| l.text.as_str());
    let relisted = (input.features.rules == Rules::PythonMarkdown)
        .then(|| py_lists::rewrite(body, input.features.sane_lists, input.features.md_in_html))
        .flatten();
    let body = relisted.as_deref().unwrap_or(body);
    let tabled = tables::prepare(body, input.features.rules == Rules::PythonMarkdown);
    let body = tabled.as_deref().unwrap_or(body);
    let converted = input
        .features
        .blocks
        .enabled()
        .then(|| blocks::convert(body, &input.features.blocks))
        .flatten();
    let mut pre = match &converted {
        Some(lines) => {
            let lines: Vec<preprocess::Line<'_>> = lines
                .iter()
                .map(|(indent, text)| preprocess::Line::new(*indent, text))
                .collect();
            preprocess::run_lines(&lines, input.features)
        }
        None => preprocess::run(body, input.features),
    };
    // Each rewrite before the line pass maps its lines back to the lines it read, innermost
    // first (the footnotes' read the comments' split, which read arithmatex's output, which
    // read critic's).
    let rewrites = [
        lifted.as_ref().map(|l| &l.line_map),
        split.as_ref().map(|s| &s.line_map),
        math.as_ref().map(|m| &m.line_map),
        critic.as_ref().map(|c| &c.line_map),
    ];
    for line_map in rewrites.into_iter().flatten() {
        let to_input = |line: u32| line_map.get(line as usize).copied().unwrap_or(line);
        pre.line_map.iter_mut().for_each(|l| *l = to_input(*l));
        pre.warnings.iter_mut().for_each(|(l, _)| *l = to_input(*l));
    }
    // Ids that only Python-Markdown's definitions define ([`py_links::refdefs`]).
    let defined = |link: BrokenLink<'_>| {
        let (href, title) = pre.link_definitions.get(&link.reference)?;
        Some((CowStr::from(href), CowStr::from(title)))
    };
    let mut parser =
        Parser::new_with_broken_link_callback(&pre.text, options(input.features), Some(defined))
            .into_offset_iter();
    let mut events: Vec<Event<'_>> = Vec::with_capacity(pre.text.len() / 8);
    // Ids the author sets on headings (`{#id}`) are taken before any is generated, and titles
    // with links need the page's link definitions, so a page that may hold either is parsed in
    // full before the pass; any other streams through it.
    let (mut rendered, hand_written_faq) =
        if headings::may_set_ids(&pre.text) || pre.titles_have_links() {
            let mut parsed: Vec<(Event<'_>, Range<usize>)> = Vec::with_capacity(pre.text.len() / 8);
            parsed.extend(parser.by_ref());
            let mut pass = Pass::new(input, &pre, parser.reference_definitions());
            pass.reserve_explicit_ids(&parsed);
            pass.run(parsed.into_iter(), &mut events)
        } else {
            let refdefs = RefDefs::default();
            Pass::new(input, &pre, &refdefs).run(parser, &mut events)
        };
    for (line, message) in &pre.warnings {
        let line = input.body_line + *line as usize;
        let path = input.display_path;
        let warning = Diagnostic::warning(path, Some(line), message.clone());
        rendered.diagnostics.push(warning);
    }
    rendered.faq_answer = faq::answer(
        input.faq,
        rendered.answer.as_deref(),
        rendered.has_hand_written_faq,
    )
    .map(str::to_owned);
    if rendered.faq_answer.is_some() {
        // The generated FAQPage replaces the hand-written ones.
        for (i, without) in hand_written_faq.into_iter().rev() {
            if without.trim().is_empty() {
                events.remove(i);
            } else {
                events[i] = Event::Html(without.into());
            }
        }
    }
    if pre.inline_marks || split.is_some() {
        py_html::unwrap_lone_tags(&mut events);
    }
    let mut events = inline::apply(events, &input.features.inline);
    if input.features.attr_list {
        rendered.ids.extend(attr_list::apply(&mut events));
    }
    if input.features.def_list {
        def_list::split_terms(&mut events);
    }
    if input.features.blocks.definition && converted.is_some() {
        blocks::apply_definitions(&mut events);
    }
    if let Some(captions) = &input.features.blocks.caption
        && converted.is_some()
    {
        rendered
            .ids
            .extend(blocks::apply_captions(&mut events, captions));
    }
    if let Some(options) = &input.features.tasklist {
        tasklist::apply(&mut events, options);
    }
    if input.features.footnotes {
        footnotes::apply(&mut events, &input.features.footnote_options);
    }
    if memchr::memchr(b'|', pre.text.as_bytes()).is_some() {
        tables::apply(&mut events, input.features.table_align_attribute);
    }
    if input.features.rules == Rules::PythonMarkdown {
        py_links::hrefs::apply(&mut events);
        py_breaks::glue_nested_lists(&mut events);
    }
    if let Some(m) = &math {
        events = arithmatex::resolve(events, m);
    }
    let mut html = String::with_capacity(input.body.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    toc::replace_marker(&mut html, &rendered.headings, &input.features.toc);
    rendered.html = html;
    rendered
}

/// Escapes text for a double-quoted HTML attribute.
pub fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    pulldown_cmark_escape::escape_html(&mut out, s).ok();
    out
}

//! Definition lists (Python-Markdown `def_list`), which pulldown-cmark parses itself. One
//! case needs help: a term that is only an HTML comment (Material's `<!-- md:option x -->`),
//! which CommonMark would take for a raw HTML block rather than a term. The line pass puts
//! [`TERM_MARK`] in front of such a comment so that it stays a paragraph, and the event pass
//! drops the mark again. A line starting with `:` and no space after it (`:icon-name:`)
//! gets the same mark, so that it stays text as in Python-Markdown.
//!
//! pulldown-cmark decides tight or loose for a whole list; Python-Markdown decides it for each
//! definition ([`Definitions`]), and gives each line of a term's paragraph a `<dt>` of its own
//! ([`split_terms`]).

use super::preprocess::{At, Line, LinePass, LineSyntax, Taken};

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// Put before an HTML comment that is a definition term; the event pass drops it.
pub(super) const TERM_MARK: &str = "<answerbook-term></answerbook-term>";

/// Event part: the two halves of [`TERM_MARK`] are dropped; other inline HTML comes back.
pub(super) fn event(event: Event<'_>) -> Option<Event<'_>> {
    match &event {
        Event::InlineHtml(html)
            if TERM_MARK.starts_with(html.as_ref()) || TERM_MARK.ends_with(html.as_ref()) =>
        {
            None
        }
        _ => Some(event),
    }
}

/// Line part: a lone HTML comment followed by a definition gets [`TERM_MARK`].
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    let rest = at.rest;
    // `:word` at the start of a line (an icon shortcode, say) is text for Python-Markdown,
    // which wants a space after the `:` of a definition; pulldown-cmark does not.
    if pass.features.def_list
        && rest.starts_with(':')
        && rest[1..].starts_with(|c: char| !c.is_whitespace())
    {
        pass.push_indented(
            pass.out_col(at.col),
            &[TERM_MARK, rest].concat(),
            at.line_no,
        );
        return Taken::AsText;
    }
    if !(pass.features.def_list && is_comment_term(rest, at.next)) {
        return Taken::No;
    }
    pass.push_indented(
        pass.out_col(at.col),
        &[TERM_MARK, rest].concat(),
        at.line_no,
    );
    Taken::AsText
}

/// Whether `rest` is a lone one-line HTML comment with a definition after it.
fn is_comment_term(rest: &str, next: &[Line<'_>]) -> bool {
    let rest = rest.trim_end();
    rest.starts_with("<!--")
        && rest.ends_with("-->")
        && rest.len() >= 7
        && !rest[4..rest.len() - 3].contains("-->")
        && definition_follows(next)
}

/// The same for a line that Python-Markdown's raw HTML rules ([`super::py_html`]) would read:
/// Python-Markdown stashes the comment as a paragraph of its own, which a definition after it
/// takes for its term, so the term is loose and never joins a paragraph before it.
pub(super) fn py_comment_term(
    pass: &mut LinePass<'_>,
    rest: &str,
    line_no: u32,
    next: &[Line<'_>],
) -> bool {
    if !(pass.features.def_list && is_comment_term(rest, next)) {
        return false;
    }
    pass.ensure_blank(line_no);
    pass.push_line(&[TERM_MARK, rest.trim_end()].concat(), line_no);
    if next.first().is_some_and(|l| !l.text.trim().is_empty()) {
        pass.push_line("", line_no);
    }
    true
}

/// Width of a definition marker (`:   `) plus its spaces, as for a list item.
pub(super) fn marker_width(rest: &str) -> Option<usize> {
    let spaces = rest[1..].bytes().take_while(|&b| b == b' ').count();
    (1..=4).contains(&spaces).then_some(1 + spaces)
}

/// Whether the next line with text starts a definition (`:   ...`).
fn definition_follows(next: &[Line<'_>]) -> bool {
    next.iter()
        .take(2)
        .find(|l| !l.text.trim().is_empty())
        .is_some_and(|l| {
            let t = l.text.trim_start();
            t.starts_with(':') && marker_width(t).is_some()
        })
}

/// The definitions open while the page's events go by: where each starts in the output and
/// whether Python-Markdown makes it loose (`<p>` around its text).
#[derive(Default)]
pub(super) struct Definitions {
    open: Vec<(usize, bool)>,
    /// Whether the last definition that ended holds block elements (Python-Markdown's test for
    /// a definition that follows it after a blank line).
    last_had_blocks: bool,
}

impl Definitions {
    /// A definition starts at `out.len()`; `text` is the page and `at` where its `:` is. It is
    /// loose when a blank line comes before its `:` line and either its terms come before that
    /// (`term`, blank, `: def`) or it follows a definition holding block elements.
    pub(super) fn start(&mut self, out: &[Event<'_>], text: &str, at: usize) {
        let after_definition = matches!(
            out.last(),
            Some(Event::End(TagEnd::DefinitionListDefinition))
        );
        let loose = blank_line_before(text, at) && (!after_definition || self.last_had_blocks);
        self.open.push((out.len(), loose));
    }

    /// A definition ends: a tight one whose only block is a paragraph loses that paragraph's
    /// tags (they become empty text, so that positions in `out` stay as they are).
    pub(super) fn end(&mut self, out: &mut [Event<'_>]) {
        let Some((start, loose)) = self.open.pop() else {
            return;
        };
        let body = out.get_mut(start + 1..).unwrap_or_default();
        let blocks = child_blocks(body);
        let single_paragraph =
            blocks.len() == 1 && matches!(body[blocks[0]], Event::Start(Tag::Paragraph));
        self.last_had_blocks = !blocks.is_empty() && (loose || !single_paragraph);
        if loose || !single_paragraph {
            return;
        }
        body[blocks[0]] = Event::Text(CowStr::Borrowed(""));
        let mut depth = 1usize;
        for event in body.iter_mut().skip(blocks[0] + 1) {
            match event {
                Event::Start(_) => depth += 1,
                Event::End(_) => depth -= 1,
                _ => continue,
            }
            if depth == 0 {
                *event = Event::Text(CowStr::Borrowed(""));
                break;
            }
        }
    }
}

/// Whether the line before the one holding byte `at` of `text` is blank.
fn blank_line_before(text: &str, at: usize) -> bool {
    let line_start = text[..at.min(text.len())].rfind('\n').map_or(0, |i| i + 1);
    if line_start == 0 {
        return false;
    }
    let before = &text[..line_start - 1];
    let previous = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    previous
        .trim_matches(|c: char| c.is_whitespace() || c == '>')
        .is_empty()
}

/// Indexes in `body` of the block elements directly inside it (`body` ends with the
/// definition's own end).
fn child_blocks(body: &[Event<'_>]) -> Vec<usize> {
    let mut depth = 0usize;
    let mut blocks = Vec::new();
    for (i, event) in body.iter().enumerate() {
        match event {
            Event::Start(tag) => {
                if depth == 0 && is_block(tag) {
                    blocks.push(i);
                }
                depth += 1;
            }
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Html(_) | Event::Rule if depth == 0 => blocks.push(i),
            _ => {}
        }
    }
    blocks
}

fn is_block(tag: &Tag<'_>) -> bool {
    !matches!(
        tag,
        Tag::Emphasis
            | Tag::Strong
            | Tag::Strikethrough
            | Tag::Superscript
            | Tag::Subscript
            | Tag::Link { .. }
            | Tag::Image { .. }
    )
}

/// Each line of a term is a term of its own: a line break inside `<dt>` closes it and opens
/// the next.
pub(super) fn split_terms(events: &mut Vec<Event<'_>>) {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Start(Tag::DefinitionListTitle)))
    {
        return;
    }
    let mut out = Vec::with_capacity(events.len() + 4);
    let mut in_term = 0usize; // depth inside a <dt>, 1 directly inside
    for event in events.drain(..) {
        match &event {
            Event::Start(Tag::DefinitionListTitle) => in_term = 1,
            Event::End(TagEnd::DefinitionListTitle) => in_term = 0,
            Event::Start(_) if in_term > 0 => in_term += 1,
            Event::End(_) if in_term > 0 => in_term -= 1,
            Event::SoftBreak if in_term == 1 => {
                out.push(Event::End(TagEnd::DefinitionListTitle));
                out.push(Event::Start(Tag::DefinitionListTitle));
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    *events = out;
}

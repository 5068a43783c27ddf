//! Definition lists (Python-Markdown `def_list`), which pulldown-cmark parses itself. One
//! case needs help: a term that is only an HTML comment (Material's `<!-- md:option x -->`),
//! which CommonMark would take for a raw HTML block rather than a term. The line pass puts
//! [`TERM_MARK`] in front of such a comment so that it stays a paragraph, and the event pass
//! drops the mark again.

use super::preprocess::{At, Line, LinePass, LineSyntax, Taken};

use pulldown_cmark::Event;

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
    if !(pass.features.def_list
        && rest.starts_with("<!--")
        && rest.trim_end().ends_with("-->")
        && definition_follows(at.next))
    {
        return Taken::No;
    }
    pass.push_indented(
        pass.out_col(at.col),
        &[TERM_MARK, rest].concat(),
        at.line_no,
    );
    Taken::AsText
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

//! The pairs of marks pymdownx.caret, .tilde and .mark add (`^^ins^^`, `^sup^`, `~~del~~`,
//! `~sub~`, `==mark==`), matched in the text events of a page after pulldown-cmark, the way
//! CommonMark matches `*`: runs of one character that can open (not followed by white space)
//! or close (not preceded by it), paired nearest first within one inline parent (a link's
//! text, an emphasis, a paragraph), so code spans and links are never split.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

/// One character's pair of tags: two of it around text, and one (only around text without
/// unescaped white space, as `x^2^`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marks {
    pub ch: char,
    pub double: Option<&'static str>,
    pub single: Option<&'static str>,
}

/// A run of the same mark character, standing as its own text event in the output.
struct Run {
    event: usize,
    marks: Marks,
    /// Characters not yet used by a pair.
    left: usize,
    can_open: bool,
    can_close: bool,
    /// Whether it may still open a pair (runs inside a matched pair may not).
    active: bool,
    opens: Vec<&'static str>,
    closes: Vec<&'static str>,
}

/// Rewrites `events`, turning matched runs of the marks into tags; a page with none of their
/// characters is returned untouched after one scan of its text.
pub fn apply<'e>(events: Vec<Event<'e>>, marks: &[Marks]) -> Vec<Event<'e>> {
    // Every mark is one of three ASCII characters: a text is searched for them as bytes.
    let mut set = [None; 3];
    for (slot, m) in set.iter_mut().zip(marks) {
        assert!(m.ch.is_ascii(), "marks are ASCII characters");
        *slot = Some(m.ch as u8);
    }
    assert!(marks.len() <= set.len(), "at most three marks");
    let [a, b, c] = set.map(|m| m.or(set[0]).unwrap_or(0));
    let has_mark = |t: &str| memchr::memchr3(a, b, c, t.as_bytes()).is_some();
    if marks.is_empty()
        || !events
            .iter()
            .any(|e| matches!(e, Event::Text(t) if has_mark(t)))
    {
        return events;
    }
    let mut out: Vec<Event<'e>> = Vec::with_capacity(events.len() + 16);
    // The runs of each open inline parent, innermost last.
    let mut frames: Vec<Vec<Run>> = vec![Vec::new()];
    for event in events {
        match &event {
            Event::Text(t) if has_mark(t) => {
                let Event::Text(text) = event else {
                    unreachable!()
                };
                split(&text, marks, &mut out, frames.last_mut().expect("a frame"));
                continue;
            }
            Event::Start(tag) if is_inline(tag) => {
                out.push(event);
                frames.push(Vec::new());
                continue;
            }
            Event::End(tag) if is_inline_end(tag) && frames.len() > 1 => {
                let runs = frames.pop().expect("a frame");
                resolve(runs, &mut out);
            }
            Event::End(tag) if is_inline_end(tag) => {}
            Event::Start(_) | Event::End(_) => {
                for runs in frames.drain(..) {
                    resolve(runs, &mut out);
                }
                frames.push(Vec::new());
            }
            _ => {}
        }
        out.push(event);
    }
    for runs in frames {
        resolve(runs, &mut out);
    }
    out
}

fn is_inline(tag: &Tag<'_>) -> bool {
    matches!(
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

fn is_inline_end(tag: &TagEnd) -> bool {
    matches!(
        tag,
        TagEnd::Emphasis
            | TagEnd::Strong
            | TagEnd::Strikethrough
            | TagEnd::Superscript
            | TagEnd::Subscript
            | TagEnd::Link
            | TagEnd::Image
    )
}

/// Splits a text event into text and runs of marks, each its own event.
fn split<'e>(text: &str, marks: &[Marks], out: &mut Vec<Event<'e>>, runs: &mut Vec<Run>) {
    let before_text = out.last().map_or(' ', edge_char);
    let mut rest = text;
    let mut prev = before_text;
    while let Some((i, m)) = rest
        .char_indices()
        .find_map(|(i, c)| marks.iter().find(|m| m.ch == c).map(|m| (i, *m)))
    {
        if i > 0 {
            out.push(Event::Text(CowStr::from(rest[..i].to_owned())));
            prev = rest[..i].chars().next_back().unwrap_or(prev);
        }
        let len = rest[i..].chars().take_while(|&c| c == m.ch).count();
        let after = &rest[i + len..];
        // A run at the end of a text event is followed by an element, never by white space,
        // unless the line or the block ends there.
        let next = after.chars().next().unwrap_or('x');
        runs.push(Run {
            event: out.len(),
            marks: m,
            left: len,
            can_open: !next.is_whitespace(),
            can_close: !prev.is_whitespace(),
            active: true,
            opens: Vec::new(),
            closes: Vec::new(),
        });
        out.push(Event::Text(CowStr::from(m.ch.to_string().repeat(len))));
        prev = m.ch;
        rest = after;
    }
    if !rest.is_empty() {
        out.push(Event::Text(CowStr::from(rest.to_owned())));
    }
}

/// The character just before a run that starts a text event.
fn edge_char(event: &Event<'_>) -> char {
    match event {
        Event::Text(t) => t.chars().next_back().unwrap_or(' '),
        Event::SoftBreak | Event::HardBreak | Event::Start(_) => ' ',
        _ => 'x',
    }
}

/// Pairs the runs of one inline parent and writes the tags they become.
fn resolve(mut runs: Vec<Run>, out: &mut [Event<'_>]) {
    if runs.is_empty() {
        return;
    }
    for c in 0..runs.len() {
        if !runs[c].can_close {
            continue;
        }
        while runs[c].left > 0 {
            let closer = &runs[c];
            let opener = (0..c).rev().find(|&o| {
                let r = &runs[o];
                r.active
                    && r.can_open
                    && r.left > 0
                    && r.marks == closer.marks
                    && width(r.left, closer.left, r.marks).is_some()
            });
            let Some(o) = opener else { break };
            let marks = runs[o].marks;
            let Some((n, tag)) = width(runs[o].left, runs[c].left, marks) else {
                break;
            };
            if n == 1 && !unspaced(out, runs[o].event, runs[c].event) {
                break;
            }
            if out[runs[o].event + 1..runs[c].event]
                .iter()
                .all(|e| matches!(e, Event::Text(t) if t.is_empty()))
            {
                break;
            }
            if n == 1 {
                unescape_spaces(out, runs[o].event, runs[c].event);
            }
            runs[o].left -= n;
            runs[c].left -= n;
            runs[o].opens.push(tag);
            runs[c].closes.push(tag);
            for r in &mut runs[o + 1..c] {
                r.active = false;
            }
        }
        if runs[c].left > 0 && !runs[c].can_open {
            runs[c].active = false;
        }
    }
    for run in runs {
        if run.opens.is_empty() && run.closes.is_empty() {
            continue;
        }
        let mut html = String::new();
        for tag in &run.closes {
            html.push_str(&format!("</{tag}>"));
        }
        html.extend(std::iter::repeat_n(run.marks.ch, run.left));
        for tag in run.opens.iter().rev() {
            html.push_str(&format!("<{tag}>"));
        }
        out[run.event] = Event::InlineHtml(html.into());
    }
}

/// How many characters a pair of runs uses (two when both have two and the double tag is on)
/// and the tag it becomes.
fn width(open: usize, close: usize, marks: Marks) -> Option<(usize, &'static str)> {
    match (marks.double, marks.single) {
        (Some(tag), _) if open >= 2 && close >= 2 => Some((2, tag)),
        (_, Some(tag)) => Some((1, tag)),
        _ => None,
    }
}

/// Whether the text between two runs holds no white space but escaped spaces (`\ `).
fn unspaced(out: &[Event<'_>], open: usize, close: usize) -> bool {
    out[open + 1..close].iter().all(|e| match e {
        Event::Text(t) => {
            let mut prev = ' ';
            t.chars().all(|c| {
                let ok = !c.is_whitespace() || (c == ' ' && prev == '\\');
                prev = c;
                ok
            })
        }
        Event::SoftBreak | Event::HardBreak => false,
        _ => true,
    })
}

/// `\ ` between the runs of a single pair is a space.
fn unescape_spaces(out: &mut [Event<'_>], open: usize, close: usize) {
    for e in &mut out[open + 1..close] {
        if let Event::Text(t) = e
            && t.contains("\\ ")
        {
            *e = Event::Text(t.replace("\\ ", " ").into());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pulldown_cmark::Parser;

    const CARET: Marks = Marks {
        ch: '^',
        double: Some("ins"),
        single: Some("sup"),
    };
    const MARK: Marks = Marks {
        ch: '=',
        double: Some("mark"),
        single: None,
    };

    fn html(markdown: &str) -> String {
        let events: Vec<Event<'_>> = Parser::new(markdown).collect();
        let mut html = String::new();
        pulldown_cmark::html::push_html(&mut html, apply(events, &[CARET, MARK]).into_iter());
        html.trim_end().to_owned()
    }

    #[test]
    fn pairs_nest_by_which_closer_comes_first() {
        assert_eq!(html("x^2^ y"), "<p>x<sup>2</sup> y</p>");
        assert_eq!(
            html("^^^a^ b^^ ^c\\ d^"),
            "<p><ins><sup>a</sup> b</ins> <sup>c d</sup></p>"
        );
        assert_eq!(html("^a\\ ^^b^^^"), "<p><sup>a <ins>b</ins></sup></p>");
    }

    #[test]
    fn spaced_or_unmatched_marks_stay_text() {
        assert_eq!(html("^^ no ^^ and ^a b^"), "<p>^^ no ^^ and ^a b^</p>");
        assert_eq!(html("==a=== b=="), "<p><mark>a</mark>= b==</p>");
        assert_eq!(
            html("`^^a^^` ==b=="),
            "<p><code>^^a^^</code> <mark>b</mark></p>"
        );
    }

    #[test]
    fn marks_pair_inside_one_parent_only() {
        assert_eq!(
            html("==*a*== *==b* c=="),
            "<p><mark><em>a</em></mark> <em>==b</em> c==</p>"
        );
    }
}

//! Content tabs (`=== "Tab"`, pymdownx.tabbed in the alternate style Material uses), written
//! as radio inputs and labels so they switch without JavaScript. Line part: each `===` line
//! opens a block of the line pass ([`super::preprocess`]), the set's first writing the set's
//! wrapper and noting where; event part: the inputs and labels go in front of that wrapper.

use super::preprocess::{At, LinePass, LineSyntax, Open, OpenKind, Taken};

use std::ops::Range;

use pulldown_cmark::Event;

use super::events::Pass;
use super::tab_ids;

use std::fmt::Write as _;

/// A parsed `=== "Title"` line: `===+` selects the tab, `===!` starts a new set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TabMarker {
    pub title: String,
    pub select: bool,
    pub new_set: bool,
}

/// One set of tabs, in document order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TabSet {
    /// Titles as written (markdown).
    pub titles: Vec<String>,
    /// The tab shown first.
    pub selected: usize,
    /// Byte offset in the preprocessed text of the set's `<div class="tabbed-content">`: the
    /// HTML block holding it is where the inputs and labels go.
    pub at: usize,
    /// In the original (not alternate) style, the offsets of each tab's
    /// `<div class="tabbed-content">`, before which its input and label go.
    pub tabs_at: Vec<usize>,
    /// In the alternate style: `===` tabs under `pymdownx.tabbed: alternate_style`, and the
    /// `/// tab` blocks that reach this pass (the others are written in the first style by
    /// [`super::blocks`]).
    pub alternate: bool,
}

pub fn parse_marker(line: &str) -> Option<TabMarker> {
    let rest = line.strip_prefix("===")?;
    let flags_end = rest
        .find(|c: char| c != '+' && c != '!')
        .unwrap_or(rest.len());
    let flags = &rest[..flags_end];
    if flags.len() > 2
        || flags.chars().filter(|&c| c == '+').count() > 1
        || flags.chars().filter(|&c| c == '!').count() > 1
    {
        return None;
    }
    let rest = &rest[flags_end..];
    if !rest.starts_with(' ') {
        return None;
    }
    let quoted = rest.trim();
    let title = quoted.strip_prefix('"')?.strip_suffix('"')?;
    Some(TabMarker {
        title: title.to_owned(),
        select: flags.contains('+'),
        new_set: flags.contains('!'),
    })
}

/// The opening of set number `n` (1-based within the page): the wrapper, one radio input per
/// tab and the labels, given the titles rendered as inline HTML and the inputs' ids. Where
/// each tab's id was written (its byte offset, the tab) is added to `slots`.
pub fn set_opening(
    n: usize,
    set: &TabSet,
    rendered_titles: &[String],
    ids: &[String],
    slots: &mut Vec<(usize, usize)>,
) -> String {
    let count = rendered_titles.len();
    let mut html = format!("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"{n}:{count}\">");
    for (i, id) in ids.iter().enumerate() {
        let checked = if i == set.selected {
            "checked=\"checked\" "
        } else {
            ""
        };
        let _ = write!(html, "<input {checked}id=\"");
        slots.push((html.len(), i));
        let _ = write!(html, "{id}\" name=\"__tabbed_{n}\" type=\"radio\" />");
    }
    html.push_str("<div class=\"tabbed-labels\">");
    for (i, (title, id)) in rendered_titles.iter().zip(ids).enumerate() {
        html.push_str("<label for=\"");
        slots.push((html.len(), i));
        let _ = write!(html, "{id}\">{title}</label>");
    }
    html.push_str("</div>");
    html
}

/// Event part: the HTML block that opens a set gets the inputs and labels.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let Event::Html(block) = &event else {
        return Some(event);
    };
    let pre = pass.pre;
    let sets = &pre.tab_sets;
    let n = sets.partition_point(|s| s.at < range.start);
    let Some(set) = sets.get(n).filter(|s| s.at < range.end && s.alternate) else {
        return original_style(pass, event, range, out);
    };
    let titles: Vec<String> = set.titles.iter().map(|t| pass.inline(t, range)).collect();
    let (ids, first_slug) = tab_ids::set_ids(pass, n + 1, &set.titles);
    let mut slots = Vec::new();
    let mut html = set_opening(n + 1, set, &titles, &ids, &mut slots);
    if let Some(first) = first_slug {
        for (offset, tab) in slots {
            pass.tab_ids.slot(out.len(), offset, first + tab);
        }
    }
    html.push('\n');
    html.push_str(block);
    out.push(Event::Html(html.into()));
    None
}

/// Event part in pymdownx.tabbed's original style: each tab's input and label go before its
/// content, and the set's wrapper gets its `data-tabs`.
fn original_style<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let Event::Html(block) = &event else {
        return Some(event);
    };
    let pre = pass.pre;
    let inside = |o: usize| range.contains(&o);
    let mut marks: Vec<(usize, usize, Option<usize>)> = Vec::new();
    for (n, set) in pre.tab_sets.iter().enumerate() {
        if set.alternate {
            continue;
        }
        if inside(set.at) {
            marks.push((set.at, n, None));
        }
        let tabs = set.tabs_at.iter().enumerate();
        marks.extend(
            tabs.filter(|(_, o)| inside(**o))
                .map(|(t, &o)| (o, n, Some(t))),
        );
    }
    if marks.is_empty() {
        return Some(event);
    }
    marks.sort_unstable();
    let mut html = block.to_string();
    let mut pos = 0;
    for (_, n, tab) in marks {
        let set = &pre.tab_sets[n];
        let Some(tab) = tab else {
            let wrapper = "<div class=\"tabbed-set\">";
            if let Some(i) = html[pos..].find(wrapper).map(|i| i + pos) {
                let opening = format!(
                    "<div class=\"tabbed-set\" data-tabs=\"{}:{}\">",
                    n + 1,
                    set.titles.len()
                );
                html.replace_range(i..i + wrapper.len(), &opening);
                pos = i + opening.len();
            }
            continue;
        };
        let Some(i) = html[pos..].find(TAB_CONTENT).map(|i| i + pos) else {
            continue;
        };
        let title = pass.inline(&set.titles[tab], range);
        let slug = tab_ids::slug_base(pass, &set.titles[tab]).map(|base| pass.tab_ids.add(base));
        let id = match slug {
            Some(_) => String::new(),
            None => format!("__tabbed_{}_{}", n + 1, tab + 1),
        };
        let checked = if tab == set.selected {
            "checked=\"checked\" "
        } else {
            ""
        };
        let input = format!("<input {checked}id=\"");
        let label = format!(
            "{id}\" name=\"__tabbed_{}\" type=\"radio\" />\n<label for=\"",
            n + 1
        );
        let controls = format!("{input}{label}{id}\">{title}</label>\n");
        if let Some(slug) = slug {
            // Later insertions are all further on, so these offsets stay true.
            pass.tab_ids.slot(out.len(), i + input.len(), slug);
            pass.tab_ids
                .slot(out.len(), i + input.len() + label.len(), slug);
        }
        html.insert_str(i, &controls);
        pos = i + controls.len() + TAB_CONTENT.len();
    }
    out.push(Event::Html(html.into()));
    None
}

/// A tab's content in the original style.
const TAB_CONTENT: &str = "<div class=\"tabbed-content\">";

/// Line part: `===` lines; consecutive tabs at one column form a set.
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &["==="],
    line,
};

/// A tab set whose last tab has ended; the next line says whether another tab follows.
pub(super) struct PendingSet {
    marker_col: usize,
    out_col: usize,
    /// How many blocks enclose the set.
    depth: usize,
    alternate: bool,
    /// Index of the set in `tab_sets` (a set nested in its last tab comes after it there).
    set: usize,
}

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    let Some(marker) = tab_marker(pass.features, at.rest) else {
        return Taken::No;
    };
    let alternate = pass.features.tab_alternate || at.rest.starts_with(super::blocks::MARK);
    let (col, line_no) = (at.col, at.line_no);
    let out_col = pass.out_col(col);
    pass.ensure_blank(line_no);
    let depth = pass.depth();
    let continuing = pass
        .pending
        .pop_if(|p| p.depth == depth && p.marker_col == col && p.alternate == alternate);
    let set = if let Some(pending) = continuing {
        pending.set
    } else {
        close_pending(pass, depth, line_no);
        // The inputs and labels are put in front by the event part.
        let at = pass.out.text.len() + out_col;
        pass.out.tab_sets.push(TabSet {
            at,
            alternate,
            ..TabSet::default()
        });
        let wrapper = if alternate {
            TAB_CONTENT
        } else {
            "<div class=\"tabbed-set\">"
        };
        pass.push_indented(out_col, wrapper, line_no);
        pass.out.tab_sets.len() - 1
    };
    let content_at = pass.out.text.len() + out_col;
    let tab_set = &mut pass.out.tab_sets[set];
    if marker.select {
        tab_set.selected = tab_set.titles.len();
    }
    tab_set.titles.push(marker.title);
    if alternate {
        pass.push_indented(out_col, "<div class=\"tabbed-block\">", line_no);
    } else {
        pass.out.tab_sets[set].tabs_at.push(content_at);
        pass.push_indented(out_col, TAB_CONTENT, line_no);
    }
    pass.push_line("", line_no);
    pass.open(OpenKind::Tab(set), col, out_col);
    Taken::AsBlank
}

/// The tab a line opens: `===` with `pymdownx.tabbed` on, or a `/// tab` block, which
/// [`super::blocks`] rewrote into `===` behind its mark.
fn tab_marker(features: &super::Features, rest: &str) -> Option<TabMarker> {
    match rest.strip_prefix(super::blocks::MARK) {
        Some(rewritten) => parse_marker(rewritten),
        None => parse_marker(rest).filter(|_| features.tabbed),
    }
}

/// Closes the tab `top`; its set stays open until a line shows no tab follows.
pub(super) fn close(pass: &mut LinePass<'_>, top: &Open, line_no: u32) {
    pass.ensure_blank(line_no);
    pass.push_indented(top.out_col, "</div>", line_no);
    let depth = pass.depth();
    let (set, alternate) = match top.kind {
        OpenKind::Tab(set) => (set, pass.out.tab_sets.get(set).is_some_and(|s| s.alternate)),
        _ => (
            pass.out.tab_sets.len().saturating_sub(1),
            pass.features.tab_alternate,
        ),
    };
    pass.pending.push(PendingSet {
        marker_col: top.marker_col,
        out_col: top.out_col,
        depth,
        alternate,
        set,
    });
}

/// Closes the pending tab sets enclosed by at least `depth` blocks.
pub(super) fn close_pending(pass: &mut LinePass<'_>, depth: usize, line_no: u32) {
    while pass.pending.last().is_some_and(|p| p.depth >= depth) {
        let Some(set) = pass.pending.pop() else { break };
        pass.push_indented(set.out_col, "</div>", line_no);
        if set.alternate {
            pass.push_indented(set.out_col, "</div>", line_no);
        }
        pass.push_line("", line_no);
    }
}

/// Before a non-blank line, after a tab ended: another `===` at the same column continues
/// its set; anything else ends the set.
pub(super) fn resolve_pending(pass: &mut LinePass<'_>, col: usize, rest: &str, line_no: u32) {
    let depth = pass.depth();
    let Some(set) = pass.pending.last().filter(|p| p.depth == depth) else {
        return;
    };
    let continues = !pass.in_fence()
        && col == set.marker_col
        && tab_marker(pass.features, rest).is_some_and(|m| !m.new_set);
    if !continues {
        close_pending(pass, depth, line_no.saturating_sub(1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let t = parse_marker("=== \"Tab 1\"").unwrap();
        assert_eq!(t.title, "Tab 1");
        assert!(!t.select && !t.new_set);
        let t = parse_marker("===+ \"x\"").unwrap();
        assert!(t.select);
        let t = parse_marker("===! \"x\"").unwrap();
        assert!(t.new_set);
        assert!(parse_marker("=== Tab").is_none());
        assert!(parse_marker("===\"x\"").is_none());
        assert!(parse_marker("====").is_none());
    }

    #[test]
    fn opening_has_one_input_and_label_per_tab() {
        let set = TabSet {
            titles: vec!["A".into(), "B".into()],
            selected: 1,
            ..TabSet::default()
        };
        let mut slots = Vec::new();
        let ids = tab_ids::counter_ids(2, 2);
        let html = set_opening(2, &set, &["A".into(), "B".into()], &ids, &mut slots);
        assert_eq!(slots.len(), 4);
        assert!(
            slots
                .iter()
                .all(|&(at, tab)| html[at..].starts_with(&ids[tab]))
        );
        assert!(html.starts_with("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"2:2\">"));
        assert!(html.contains("<input id=\"__tabbed_2_1\" name=\"__tabbed_2\" type=\"radio\" />"));
        assert!(html.contains("<input checked=\"checked\" id=\"__tabbed_2_2\""));
        assert!(html.contains("<label for=\"__tabbed_2_2\">B</label>"));
    }
}

//! Admonitions in Python-Markdown syntax (`!!! type "Title"`) and pymdownx details
//! (`??? type "Title"`, `???+`): parsing the marker line and writing MkDocs' HTML.
//! Line part: the marker line opens a block of the line pass ([`super::preprocess`], which
//! dedents its body) and writes the opening tag, noting where; event part: the HTML block
//! holding that tag gets the title, rendered as inline markdown.

use super::preprocess::{At, LinePass, LineSyntax, OpenKind, Taken};

use pulldown_cmark::Event;

use super::events::Pass;

use std::ops::Range;

/// What a marker line opens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// `!!!`: always shown.
    Admonition,
    /// `???` (closed) and `???+` (open): collapsible.
    Details { open: bool },
}

/// One admonition found in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub style: Style,
    /// Lower-cased type words, each a CSS class.
    pub classes: Vec<String>,
    /// The title as written (markdown), `None` for an admonition's explicit `""`.
    pub title: Option<String>,
    /// Byte offset of the opening tag in the preprocessed text: the HTML block holding it is
    /// where the title goes.
    pub tag_at: usize,
    /// Byte range of the body in the preprocessed text.
    pub body: Range<usize>,
}

/// A parsed marker line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Marker {
    pub style: Style,
    pub classes: Vec<String>,
    pub title: Option<String>,
}

/// Parses `!!! type words "Title"`, `??? type "Title"`, `???+ "Title"` (the line without its
/// indentation). `admonition` and `details` say which of the two syntaxes are on.
pub fn parse_marker(line: &str, admonition: bool, details: bool) -> Option<Marker> {
    // Every line that is not code is offered, twice in a list: the first byte turns away
    // nearly all of them.
    if !matches!(line.as_bytes().first(), Some(b'!' | b'?')) {
        return None;
    }
    let (style, rest) = if let Some(r) = line.strip_prefix("!!!").filter(|_| admonition) {
        (Style::Admonition, r)
    } else if let Some(r) = line.strip_prefix("???+").filter(|_| details) {
        (Style::Details { open: true }, r)
    } else if let Some(r) = line.strip_prefix("???").filter(|_| details) {
        (Style::Details { open: false }, r)
    } else {
        return None;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let (words_part, title) = match rest.find('"') {
        Some(q) => {
            let after = &rest[q + 1..];
            let end = after.rfind('"')?;
            if !after[end + 1..].trim_end_matches(' ').is_empty() {
                return None;
            }
            if q > 0 && !rest[..q].ends_with(' ') {
                return None;
            }
            (&rest[..q], Some(after[..end].to_owned()))
        }
        None => (rest, None),
    };
    let words: Vec<&str> = words_part.split(' ').filter(|w| !w.is_empty()).collect();
    if words.iter().any(|w| {
        !w.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    }) {
        return None;
    }
    if words.is_empty() && (style == Style::Admonition || title.is_none()) {
        return None;
    }
    if words_part.starts_with(' ') && !words.is_empty() {
        return None;
    }
    let classes: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let title = match title {
        // pymdownx.details keeps an empty `<summary>` for `""`; an admonition has no title.
        Some(t) if t.is_empty() && style == Style::Admonition => None,
        Some(t) => Some(t),
        None => Some(capitalize(&classes[0])),
    };
    Some(Marker {
        style,
        classes,
        title,
    })
}

pub fn capitalize(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The opening tag of a block.
pub fn opening_tag(marker: &Marker) -> String {
    let classes = marker.classes.join(" ");
    match marker.style {
        Style::Admonition => format!("<div class=\"admonition {classes}\">"),
        Style::Details { open } => {
            let open_attr = if open { " open=\"open\"" } else { "" };
            if classes.is_empty() {
                format!("<details{open_attr}>")
            } else {
                format!("<details class=\"{classes}\"{open_attr}>")
            }
        }
    }
}

pub fn closing_tag(style: Style) -> &'static str {
    match style {
        Style::Admonition => "</div>",
        Style::Details { .. } => "</details>",
    }
}

/// The title element of a block of `style`, given its title rendered as inline HTML (`None`:
/// none, as a `///` block without title or type has: no title element; `??? note ""` gives
/// details `Some("")`, an empty summary).
pub fn title_html(style: Style, rendered_title: Option<&str>) -> String {
    match (style, rendered_title) {
        (_, None) => String::new(),
        (Style::Admonition, Some(t)) => format!("<p class=\"admonition-title\">{t}</p>"),
        (Style::Details { .. }, Some(t)) => format!("<summary>{t}</summary>"),
    }
}

/// Event part: the HTML block holding a block's opening tag (found by its offset) gets the
/// title, rendered as inline markdown, on a line after the tag's.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    range: &Range<usize>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let pre = pass.pre;
    let blocks = &pre.blocks;
    let found = blocks.partition_point(|b| b.tag_at < range.start);
    let (Event::Html(html), Some(block)) = (&event, blocks.get(found)) else {
        return Some(event);
    };
    if block.tag_at >= range.end {
        return Some(event);
    }
    let style = block.style;
    let rendered = block.title.as_deref().map(|t| pass.inline(t, range));
    let title = title_html(style, rendered.as_deref());
    if title.is_empty() {
        out.push(event);
        return None;
    }
    // The title line is indented like the tag's line, as what is left of the list
    // indentation around it is.
    let first_line = html.find('\n').map_or(html.len(), |i| i + 1);
    let indent = html.len() - html.trim_start_matches([' ', '\t']).len();
    let mut with_title = String::with_capacity(html.len() + indent + title.len() + 1);
    with_title.push_str(&html[..first_line]);
    with_title.push_str(&html[..indent.min(first_line)]);
    with_title.push_str(&title);
    with_title.push('\n');
    with_title.push_str(&html[first_line..]);
    out.push(Event::Html(with_title.into()));
    None
}

/// Line part: `!!!`/`???` lines, also on the line of a list item or definition marker.
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &["!!!", "???"],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    let (admonition, details) = (pass.features.admonition, pass.features.details);
    if let Some(marker) = parse_marker(at.rest, admonition, details) {
        open(pass, marker, at.col, at.line_no, None);
        return Taken::AsBlank;
    }
    if let Some((lead, inner)) = pass
        .item_marker_width(at.rest)
        .and_then(|w| Some((at.rest.get(..w)?, at.rest.get(w..)?)))
        && let Some(marker) = parse_marker(inner, admonition, details)
    {
        let col = at.col + lead.len();
        open(pass, marker, col, at.line_no, Some((at.col, lead)));
        return Taken::AsBlank;
    }
    Taken::No
}

/// Opens an admonition whose marker is at `col`. `lead` is the list or definition marker
/// the line starts with (`:   !!! note`), with its column: it stays in front of the tag.
fn open(
    pass: &mut LinePass<'_>,
    marker: Marker,
    col: usize,
    line_no: u32,
    lead: Option<(usize, &str)>,
) {
    let out_col = pass.out_col(col);
    pass.ensure_blank(line_no);
    let tag = opening_tag(&marker);
    let line_start = pass.out.text.len();
    let tag_at = match lead {
        Some((lead_col, lead)) => {
            let lead_col = pass.out_col(lead_col);
            pass.push_indented(lead_col, &format!("{lead}{tag}"), line_no);
            line_start + lead_col + lead.len()
        }
        None => {
            pass.push_indented(out_col, &tag, line_no);
            line_start + out_col
        }
    };
    // The title is put in by the event part, which renders inline markdown.
    pass.push_line("", line_no);
    let start = pass.out.text.len();
    pass.out.blocks.push(Block {
        style: marker.style,
        classes: marker.classes,
        title: marker.title,
        tag_at,
        body: start..start,
    });
    pass.open(OpenKind::Block(pass.out.blocks.len() - 1), col, out_col);
}

/// Closes block `b`, whose marker was at output column `out_col`.
pub(super) fn close(pass: &mut LinePass<'_>, b: usize, out_col: usize, line_no: u32) {
    pass.out.blocks[b].body.end = pass.out.text.len();
    pass.ensure_blank(line_no);
    pass.push_indented(out_col, closing_tag(pass.out.blocks[b].style), line_no);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(line: &str) -> Option<Marker> {
        parse_marker(line, true, true)
    }

    #[test]
    fn marker_titles_and_classes() {
        let b = m("!!! note").unwrap();
        assert_eq!(b.classes, ["note"]);
        assert_eq!(b.title.as_deref(), Some("Note"));
        assert_eq!(
            m("!!! info \"In short\"").unwrap().title.as_deref(),
            Some("In short")
        );
        assert_eq!(m("!!! warning \"\"").unwrap().title, None);
        let b = m("!!! Danger highlight blink \"Don't\"").unwrap();
        assert_eq!(b.classes, ["danger", "highlight", "blink"]);
        assert_eq!(b.title.as_deref(), Some("Don't"));
        let b = m("???+ \"Only a title\"").unwrap();
        assert_eq!(b.style, Style::Details { open: true });
        assert!(b.classes.is_empty());
        assert_eq!(m("!!!note").unwrap().classes, ["note"]);
    }

    #[test]
    fn not_markers() {
        assert!(m("!!!").is_none());
        assert!(m("!!! \"no type\"").is_none());
        assert!(m("!!! note \"a\" trailing").is_none());
        assert!(m("!!!  note").is_none());
        assert!(m("!!! no/te").is_none());
        assert!(parse_marker("!!! note", false, true).is_none());
        assert!(parse_marker("??? note", true, false).is_none());
    }

    #[test]
    fn an_empty_title_leaves_details_an_empty_summary() {
        let details = Style::Details { open: false };
        assert_eq!(title_html(details, Some("")), "<summary></summary>");
        assert_eq!(title_html(details, None), "", "a `///` block without title");
        assert_eq!(title_html(Style::Admonition, None), "");
    }
}

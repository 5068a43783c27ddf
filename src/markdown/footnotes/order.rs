//! The order in which Python-Markdown meets footnote references. Its inline pass reads the
//! page breadth first: the text of every block at the top of the page (paragraphs, headings),
//! then that of the blocks one level down (a tight list's items, a quote's or an admonition's
//! paragraphs), and so on; the footnotes' own text, which sits in a `<div><ol><li>` at the end
//! of the page by then, comes after the page's text of the same depth. The second reference
//! met is `fnref2:x`, and without `USE_DEFINITION_ORDER` a footnote is numbered by the first
//! one met.

use pulldown_cmark::{Event, Tag, TagEnd};

/// How deep a footnote's text sits: in `div.footnote > ol > li`.
pub(super) const DEFINITION_DEPTH: usize = 3;

/// The footnote references among `events`: each one's depth (how many block elements hold
/// it) and index.
pub(super) fn references(events: &[Event<'_>]) -> Vec<(usize, usize)> {
    let mut depth = 0usize;
    let mut found = Vec::new();
    for (i, event) in events.iter().enumerate() {
        match event {
            Event::Start(tag) => depth += blocks(tag),
            Event::End(end) => depth = depth.saturating_sub(blocks_end(*end)),
            // Admonitions, tabs, details and `<div markdown>` arrive as HTML.
            Event::Html(html) => depth = depth.saturating_add_signed(open_divs(html)),
            Event::FootnoteReference(_) => found.push((depth, i)),
            _ => {}
        }
    }
    found
}

/// How many elements of Python-Markdown's tree a tag opens: a table is `table` and `thead` or
/// `tbody` (pulldown-cmark's head holds its cells without a row); inline tags open none.
fn blocks(tag: &Tag<'_>) -> usize {
    match tag {
        Tag::Table(_) => 2,
        Tag::Paragraph
        | Tag::Heading { .. }
        | Tag::BlockQuote(_)
        | Tag::CodeBlock(_)
        | Tag::HtmlBlock
        | Tag::List(_)
        | Tag::Item
        | Tag::FootnoteDefinition(_)
        | Tag::DefinitionList
        | Tag::DefinitionListTitle
        | Tag::DefinitionListDefinition
        | Tag::TableHead
        | Tag::TableRow
        | Tag::TableCell => 1,
        _ => 0,
    }
}

/// [`blocks`] for the end of a tag.
fn blocks_end(end: TagEnd) -> usize {
    match end {
        TagEnd::Table => 2,
        TagEnd::Paragraph
        | TagEnd::Heading(_)
        | TagEnd::BlockQuote(_)
        | TagEnd::CodeBlock
        | TagEnd::HtmlBlock
        | TagEnd::List(_)
        | TagEnd::Item
        | TagEnd::FootnoteDefinition
        | TagEnd::DefinitionList
        | TagEnd::DefinitionListTitle
        | TagEnd::DefinitionListDefinition
        | TagEnd::TableHead
        | TagEnd::TableRow
        | TagEnd::TableCell => 1,
        _ => 0,
    }
}

/// The `<div>` and `<details>` an HTML event leaves open (negative when it closes them).
fn open_divs(html: &str) -> isize {
    let count = |pattern: &str| html.matches(pattern).count() as isize;
    count("<div") + count("<details") - count("</div") - count("</details")
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_python_markdown;

    #[test]
    fn references_are_met_breadth_first() {
        let page = "Top[^n].\n\n- tight[^n]\n\n> quoted[^n]\n\n!!! note\n\n    boxed[^n]\n\n\
                    Last[^n].\n\n[^n]: The note[^n].\n";
        let html = render_python_markdown(page);
        let id = |text: &str| {
            let at = html.find(text).unwrap_or_else(|| panic!("{text}: {html}"));
            let sup = &html[at..];
            let start = sup.find("<sup id=\"").expect("sup") + 9;
            sup[start..start + sup[start..].find('"').expect("quote")].to_owned()
        };
        assert_eq!(id("Top"), "fnref:n");
        assert_eq!(id("Last"), "fnref2:n");
        assert_eq!(id("tight"), "fnref3:n");
        assert_eq!(id("quoted"), "fnref4:n");
        assert_eq!(id("boxed"), "fnref5:n");
        assert_eq!(id("The note"), "fnref6:n");
    }
}

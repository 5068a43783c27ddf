use super::rewrite_line;
use super::target::{Target, read};
use crate::markdown::tests_support::{render_commonmark, render_python_markdown};

fn target(line: &str) -> Option<(String, Option<String>)> {
    let open = line.find("](")? + 1;
    read(line, open, std::iter::empty()).map(|Target { href, title, .. }| (href, title))
}

fn t(href: &str, title: Option<&str>) -> Option<(String, Option<String>)> {
    Some((href.to_owned(), title.map(str::to_owned)))
}

#[test]
fn an_address_may_hold_spaces_until_its_parentheses_balance() {
    assert_eq!(target("[go](my notes.md)"), t("my notes.md", None));
    assert_eq!(
        target("[go](my notes.md \"Open\")"),
        t("my notes.md", Some("Open"))
    );
    assert_eq!(target("[a](url (x))"), t("url (x)", None));
}

#[test]
fn from_the_first_quote_parentheses_stop_counting() {
    assert_eq!(target("[go](x/(y \"T\")"), t("x/(y", Some("T")));
    assert_eq!(target("[go](x/(\"T)\") after"), t("x/(", Some("T)")));
}

#[test]
fn the_other_quote_is_tried_when_the_first_does_not_close() {
    assert_eq!(target("[go](p/'\"tip\") after"), t("p/'", Some("tip")));
    assert_eq!(target("[go](p/\"'tip') after"), t("p/\"", Some("tip")));
}

#[test]
fn a_title_runs_to_the_last_quote_before_a_closing_parenthesis() {
    assert_eq!(
        target("[a](x \"t\" x) end \"q\")"),
        t("x", Some("t\" x) end \"q"))
    );
    assert_eq!(target("[go](a \"b\" c)"), t("a \"b\" c", None));
}

#[test]
fn a_quote_that_closes_nothing_is_part_of_the_address() {
    assert_eq!(target("[go](say\"hi)"), t("say\"hi", None));
    // ... unless a title closes on a later line of the paragraph.
    let line = "[go](say\"hi) and";
    assert_eq!(read(line, 4, ["more\") here"].into_iter()), None);
    assert!(read(line, 4, ["more here"].into_iter()).is_some());
}

#[test]
fn angle_brackets_hold_anything_but_angle_brackets() {
    assert_eq!(
        target("[go](<a b \"c\"> 'Title')"),
        t("a b \"c\"", Some("Title"))
    );
}

#[test]
fn escaped_parentheses_do_not_count() {
    assert_eq!(target("[go](a\\)b c)"), t("a)b c", None));
}

#[test]
fn plain_targets_are_left_as_written() {
    for line in [
        "[a](b.md)",
        "[a](b.md \"T\") and ![i](c.png 'd')",
        "[a](b(c)d)",
    ] {
        assert_eq!(rewrite_line(line, std::iter::empty()), line);
    }
}

#[test]
fn other_targets_are_written_for_commonmark_on_the_same_line() {
    assert_eq!(
        rewrite_line(
            "See [go](my notes.md 'Open \"it\"') now",
            std::iter::empty()
        ),
        "See [go](<my notes.md> \"Open \\\"it\\\"\") now"
    );
    // Inside a code span nothing changes.
    let code = "`[go](my notes.md)`";
    assert_eq!(rewrite_line(code, std::iter::empty()), code);
}

#[test]
fn mkdocs_pages_link_as_python_markdown_reads_them() {
    let html =
        render_python_markdown("See [the notes](my notes.md \"Open\") and ![a](x/(y.png \"T\").\n");
    assert!(
        html.contains("<a href=\"my notes.md\" title=\"Open\">the notes</a>"),
        "{html}"
    );
    assert!(
        html.contains("<img src=\"x/(y.png\" alt=\"a\" title=\"T\" />"),
        "{html}"
    );
}

#[test]
fn answerbook_sites_keep_commonmark_links() {
    let html = render_commonmark("See [the notes](my notes.md).\n");
    assert!(!html.contains("<a"), "{html}");
}

#[test]
fn a_space_between_text_and_a_defined_id_makes_one_link_in_mkdocs_projects() {
    let page = "Brew with [green tea] [leaf], not [black] [none].\n\n[leaf]: /tea/\n";
    assert_eq!(
        render_python_markdown(page),
        "<p>Brew with <a href=\"/tea/\">green tea</a>, not [black] [none].</p>\n"
    );
    // CommonMark: `[green tea]` is text and `[leaf]` a link of its own.
    assert!(render_commonmark(page).contains("[green tea] <a href=\"/tea/\">leaf</a>"));
}

#[test]
fn a_pair_split_over_two_lines_is_one_link_in_mkdocs_projects() {
    let page = "Brew with [green tea]\n[leaf] today.\n\n- Use the [pot]\n    [leaf] too.\n\n[leaf]: /tea/\n";
    let html = render_python_markdown(page);
    assert!(
        html.contains("<p>Brew with <a href=\"/tea/\">green tea</a>\ntoday.</p>"),
        "{html}"
    );
    // White space only between the link and the rest of the line, as in Python-Markdown.
    let item = html.split("<li>").nth(1).unwrap_or_default();
    let words: Vec<&str> = item.split_whitespace().collect();
    assert_eq!(
        words.join(" "),
        "Use the <a href=\"/tea/\">pot</a> too.</li> </ul>"
    );
    let html = render_commonmark(page);
    assert!(
        html.contains("[green tea]\n<a href=\"/tea/\">leaf</a> today."),
        "{html}"
    );
}

#[test]
fn an_undefined_full_reference_falls_back_to_its_text_as_a_shortcut() {
    let html = crate::markdown::tests_support::render_python_markdown(
        "Filter by [tags][by-tag] or [y][z].\n\n[tags]: https://example.org/tags\n",
    );
    assert!(
        html.contains("<a href=\"https://example.org/tags\">tags</a>[by-tag] or [y][z].</p>"),
        "{html}"
    );
}

#[test]
fn a_comma_after_a_reference_id_on_the_next_line_touches_the_link() {
    let html = crate::markdown::tests_support::render_python_markdown(
        "See the [price list]\n[prices], updated weekly.\n\n[prices]: /prices/\n",
    );
    assert!(
        html.contains("<a href=\"/prices/\">price list</a>,\nupdated weekly.</p>"),
        "{html}"
    );
}

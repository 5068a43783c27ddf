//! Fidelity with MkDocs: each page under tests/fixtures/fidelity/content/ is built by answerbook
//! and compared, element by element, with tests/fixtures/fidelity/expected/<page>.html, which is
//! what Python-Markdown + pymdown-extensions (the MkDocs Material set) produce for the same
//! file (recorded with `../shared/tools/mkdocs_reference.py`; re-record on purpose only).
//!
//! The comparison is of structure: element names, attributes (sorted) and text with HTML's
//! white space folded (a no-break space is kept). Code blocks are compared by their text
//! alone, since syntax highlighting markup differs between Pygments and answerbook's
//! highlighter by design.

mod common;
mod fidelity_support;

use fidelity_support::{compare, compare_in};

#[test]
fn admonition_titles() {
    compare("admonition-titles");
}

#[test]
fn lines_that_are_not_admonitions() {
    compare("admonition-not-markers");
}

#[test]
fn admonition_bodies() {
    compare("admonition-body");
}

#[test]
fn nested_admonitions_in_lists_and_quotes() {
    compare("admonition-nesting");
}

#[test]
fn collapsible_details() {
    compare("details");
}

#[test]
fn content_tabs() {
    compare("tabs");
}

#[test]
fn markers_in_code_stay_code() {
    compare("code-literal");
}

#[test]
fn slash_blocks() {
    compare("slash-blocks");
}

#[test]
fn task_lists_definitions_footnotes_abbreviations_attributes_html() {
    compare("lists-and-more");
}

#[test]
fn heading_ids() {
    compare("heading-ids");
}

#[test]
fn edge() {
    compare("edge");
}

#[test]
fn heading_id_attributes_and_comment_terms() {
    compare("attributes");
}

#[test]
fn admonitions_on_definition_and_list_marker_lines() {
    compare("definitions");
}

/// Inline code highlighted with `#!js`: Pygments' JavaScript lexer calls `.`, `...` and `=>`
/// punctuation (`p`), and `?.` the operator `?` before the punctuation `.`.
#[test]
fn javascript_dots_and_arrows_in_inline_code_are_punctuation() {
    compare_in("fidelity-mkdocs-code", "inline-code-tokens");
}

/// Inline code highlighted with `#!yaml`: Pygments' YAML lexer has no keywords or numbers, so
/// `null` and `false` are plain scalars (`l l-Scalar l-Scalar-Plain`), values in `[...]` are
/// `nv`, a tag is `kt`, and white space is `w`.
#[test]
fn yaml_in_inline_code_is_named_as_pygments_names_it() {
    compare_in("fidelity-mkdocs-code", "inline-yaml");
}

/// Inline code highlighted with `#!latex`: math delimiters are strings (`sb` opening display
/// math), what is inside them `nb`, numbers `m`, operators `o`; a command is `k` and its
/// `[option]` `na`, as Pygments' TeX lexer names them.
#[test]
fn latex_in_inline_code_is_named_as_pygments_names_it() {
    compare_in("fidelity-mkdocs-code", "inline-latex");
}

#[test]
fn attribute_lists_on_links_emphasis_code_items_and_terms() {
    compare("attr-lists");
}

#[test]
fn markdown_inside_html_blocks_spans_and_raw_children() {
    compare("md-in-html");
}

#[test]
fn definition_lists_several_terms_and_tightness_per_definition() {
    compare("def-lists");
}

#[test]
fn abbreviations_in_headings_tables_links_overridden_removed_longest_first() {
    compare("abbreviations");
}

#[test]
fn details_with_an_empty_title_keep_an_empty_summary() {
    compare("details-empty-title");
}

/// An MkDocs project whose `abbr` has a `glossary` and whose `footnotes` options change the back
/// link, its title, the id separator and the reference text (expected HTML recorded with the
/// same options given to Python-Markdown).
#[test]
fn abbreviation_glossary_and_footnote_options_from_mkdocs_yml() {
    compare_in("fidelity-mkdocs", "options");
}

/// pymdownx.tabbed names tabs after the headings have their ids: a heading keeps the plain
/// slug and a tab titled the same takes the next one, whichever comes first on the page.
#[test]
fn tab_ids_give_way_to_heading_ids_in_either_order() {
    compare_in("fidelity-mkdocs-tab-ids", "heading-first");
    compare_in("fidelity-mkdocs-tab-ids", "tabs-first");
}

/// A tab title's HTML tags are left out of its slug id (`Small <small>one cup</small>`:
/// `small-one-cup`).
#[test]
fn tab_ids_slug_the_titles_text_not_its_tags() {
    compare_in("fidelity-mkdocs-tab-ids", "tab-markup");
}

/// Footnotes are numbered in the order they are defined (Python-Markdown 3.10's default),
/// one defined with its text on the next line included.
#[test]
fn footnotes_numbered_in_definition_order() {
    compare_in("fidelity-mkdocs-notes", "footnote-order");
}

/// A footnote referred to more than once: Python-Markdown's inline pass meets the references
/// breadth first (the page's top paragraphs, then list items, then paragraphs in those, and a
/// quote in an item after them; the footnotes' own text after the page's), and numbers the
/// back-link ids `fnref2:x`, `fnref3:x`, … in that order.
#[test]
fn repeated_footnote_references_are_numbered_as_python_markdown_meets_them() {
    compare_in("fidelity-mkdocs-notes", "repeated-references");
}

/// `[text][id]` with `id` undefined links `[text]` when `text` is defined, leaving `[id]` as
/// text; `[text] []` is one link.
#[test]
fn an_undefined_reference_id_falls_back_to_the_text() {
    compare_in("fidelity-mkdocs-notes", "reference-fallback");
}

/// `##` followed by a no-break space, or by nothing, still makes a heading, its text stripped
/// of white space as Python-Markdown strips it.
#[test]
fn hash_headings_after_a_no_break_space_or_no_space() {
    compare_in("fidelity-mkdocs", "hash-headings");
}

/// With `pymdownx.saneheaders` the same lines are paragraphs, the no-break space kept.
#[test]
fn saneheaders_leaves_such_lines_as_paragraphs() {
    compare_in("fidelity-mkdocs-sane", "sane-headings");
}

/// Emoji as Material's documentation configures them (its twemoji index and SVG generator,
/// which hand ordinary shortcodes to pymdownx's): twemoji images from the CDN version that
/// the pymdown-extensions Material installs names; colons that are no shortcode stay text.
/// (The expected page is pymdownx's own twemoji index and `to_svg`, which Material's wrap.)
#[test]
fn emoji_as_material_configures_them() {
    compare_in("fidelity-mkdocs-emoji", "emoji");
}

/// Twemoji's file names and alt text keep U+FE0F only in sequences joined by U+200D; the
/// index also names emoji by their Unicode name (`:woman_in_lotus_position:`); emoji in
/// headings are images there too, and leave the heading's id.
#[test]
fn emoji_sequences_unicode_names_and_emoji_in_headings() {
    compare_in("fidelity-mkdocs-emoji", "people");
}

/// Shortcodes in a content tab's label and in an admonition's title are emoji too, as
/// pymdownx.emoji runs over every inline text (Material's documentation puts icons there).
#[test]
fn emoji_in_tab_labels_and_admonition_titles() {
    compare_in("fidelity-mkdocs-emoji", "tab-labels");
}

/// An attribute list written straight after an icon or emoji shortcode (`{ .slow }`,
/// `{: .quick }`, `{ style="…" }`, `{ title="…" data-mood }`) sets the attributes of the icon's
/// `<span class="twemoji">` or the emoji's `<img>` (classes after `twemoji`), in paragraphs,
/// list items, table cells, headings (whose id leaves the list out) and admonition titles;
/// after a space it stays text. The site's own icons stand in for Material's (the expected
/// HTML is Python-Markdown + pymdownx.emoji with Material's twemoji/to_svg and these icons as
/// `custom_icons`).
#[test]
fn attribute_lists_after_icons_and_emoji() {
    compare_in("fidelity-mkdocs-icons", "icon-attributes");
}

/// With pymdownx.superfences a fence with no blank line between it and a paragraph's line is
/// part of that paragraph (before it, after it, in an admonition, in a quote), and text right
/// after a fence makes one paragraph with it; a fence between blank lines stays a block.
#[test]
fn superfences_keeps_fences_that_touch_text_in_the_paragraph() {
    compare_in("fidelity-mkdocs-fences", "fence-paragraphs");
}

/// In an MkDocs project lists follow Python-Markdown: two spaces do not nest, four do; a fence
/// indented four spaces under `11.  ` stays in the item; no list straight after a paragraph
/// line; `1.` items then `-` items make one list.
#[test]
fn python_markdown_list_rules_in_an_mkdocs_project() {
    compare_in("fidelity-mkdocs-more", "list-rules");
}

/// Links inside headings go to the other page's URL, as MkDocs rewrites them after
/// Python-Markdown (the expected HTML applies that rewrite, `x.md` → `../x/`); `<mailto:…>`
/// and `<…@…>` autolinks show the address (Python-Markdown writes it as entities).
#[test]
fn links_in_headings_and_email_autolinks() {
    compare_in("fidelity-mkdocs-more", "heading-links");
}

/// Nothing inside an HTML comment is rendered, not even an admonition, and the page goes on
/// after the comment.
#[test]
fn admonitions_inside_html_comments_stay_hidden() {
    compare_in("fidelity-mkdocs-more", "comments");
}

/// `[TOC]` becomes the page's table of contents with toc's `title` and `toc_depth` from
/// mkdocs.yml.
#[test]
fn toc_marker_with_title_and_depth() {
    compare_in("fidelity-mkdocs-more", "toc-marker");
}

/// With `tables`: a `|` inside a code span does not split the cell, and a delimiter row with
/// tabs still makes a table.
#[test]
fn table_pipes_in_code_and_tabs_in_the_delimiter_row() {
    compare_in("fidelity-mkdocs-more", "tables");
}

/// Tabs in code become 4 spaces, white-space-only lines become empty, and a superfences
/// custom fence (`mermaid`) gives `<pre class="mermaid">`.
#[test]
fn code_tabs_blank_lines_and_a_custom_fence() {
    compare_in("fidelity-mkdocs-more", "code");
}

/// pymdownx.snippets with `base_path`: a line range, a section between `; --8<-- [start:…]`
/// and `[end:…]` markers in an ini file (inside a fence), the multi-file block form, and
/// `;--8<--` written out literally.
#[test]
fn snippets_line_ranges_sections_and_block_form() {
    compare_in("fidelity-mkdocs-more", "snippets");
}

/// Python-Markdown reads raw HTML only at the start of a line of the page: a comment there
/// before a definition is its term; inside list items, definitions, tabs and admonitions a
/// tag is inline HTML in a paragraph (a block-level tag alone in one loses the `<p>`).
#[test]
fn html_inside_blocks_is_inline_and_comments_are_terms() {
    compare_in("fidelity-mkdocs-html", "nested-html");
}

/// pymdownx.smartsymbols with an option from mkdocs.yml (`care_of: false`): symbols in text,
/// headings and link text; code, code blocks and image descriptions keep them as written.
#[test]
fn smart_symbols_with_their_options() {
    compare_in("fidelity-mkdocs-html", "symbols");
}

/// A comment that starts a line 1 to 3 spaces in ends the paragraph before it (a list item's,
/// a definition's, a quote's, a footnote's) and keeps it; what follows it on its line starts
/// a paragraph after the list, and a comment alone under an item makes the list loose. Inside
/// an inline element closed later, it stays inline; in a fence, it is code.
#[test]
fn comments_starting_a_continuation_line_end_the_paragraph() {
    compare_in("fidelity-mkdocs-comments", "line-comments");
}

//! pymdownx.tasklist's options in an MkDocs project, as a reader gets the checkboxes: plain
//! disabled inputs by default, Material's styled label with `custom_checkbox`, tickable ones
//! with `clickable_checkbox`, and ordered task lists marked like bulleted ones.
//! The site is tests/fixtures/mkdocs_plain with its page replaced in the test's temp copy.

mod common;

use common::{Doc, mkdocs_page};

const PAGE: &str =
    "# Chores\n\n- [x] sweep the porch\n- [ ] water the ferns\n\nAnd then:\n\n1. [ ] buy bread\n";

fn page(options: &str) -> Doc {
    let yml = format!("site_name: Chores\nmarkdown_extensions:\n  - pymdownx.tasklist{options}\n");
    mkdocs_page(&yml, PAGE)
}

#[test]
fn by_default_a_task_is_a_plain_disabled_checkbox() {
    let doc = page("");
    assert_eq!(
        doc.all("ul.task-list > li.task-list-item")[0].inner_html(),
        "<input checked=\"\" disabled=\"\" type=\"checkbox\"> sweep the porch"
    );
    assert!(!doc.has("label.task-list-control"));
    // The ordered list holding a task is a task list too.
    assert!(doc.has("ol.task-list > li.task-list-item"));
}

#[test]
fn custom_checkbox_wraps_the_input_in_materials_label() {
    let doc = page(":\n      custom_checkbox: true");
    assert_eq!(
        doc.all("label.task-list-control > input[disabled]").len(),
        3
    );
    assert_eq!(doc.all("label > span.task-list-indicator").len(), 3);
}

#[test]
fn clickable_checkbox_leaves_the_boxes_enabled() {
    let doc = page(":\n      clickable_checkbox: true");
    assert_eq!(doc.all("li.task-list-item input[type=checkbox]").len(), 3);
    assert!(!doc.has("input[disabled]"));
    assert_eq!(doc.all("input[checked]").len(), 1);
}

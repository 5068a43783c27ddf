//! Task lists as pymdownx.tasklist writes them: `<ul class="task-list"><li
//! class="task-list-item"><input type="checkbox" disabled checked/> ...`, with Material's
//! custom checkbox (`<label class="task-list-control">` around the input and an indicator
//! span) when `custom_checkbox` is on, and without `disabled` when `clickable_checkbox` is.

use pulldown_cmark::{Event, Tag, TagEnd};

/// The options of pymdownx.tasklist.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Material's styled checkbox: the input in a label, with an indicator span.
    pub custom_checkbox: bool,
    /// The reader may tick the boxes (no `disabled`).
    pub clickable_checkbox: bool,
}

impl Default for Options {
    /// answerbook's own sites: Material's custom checkboxes, not clickable.
    fn default() -> Self {
        Options {
            custom_checkbox: true,
            clickable_checkbox: false,
        }
    }
}

impl Options {
    fn checkbox(&self, checked: bool) -> String {
        let disabled = if self.clickable_checkbox {
            ""
        } else {
            " disabled"
        };
        let checked = if checked { " checked" } else { "" };
        let input = format!("<input type=\"checkbox\"{disabled}{checked}/>");
        if self.custom_checkbox {
            format!(
                "<label class=\"task-list-control\">{input}<span class=\"task-list-indicator\">\
                 </span></label> "
            )
        } else {
            format!("{input} ")
        }
    }
}

/// Rewrites the task list markers of a rendered event stream and their items and lists.
pub fn apply(events: &mut [Event<'_>], options: &Options) {
    let mut lists: Vec<usize> = Vec::new();
    let mut items: Vec<usize> = Vec::new();
    let mut task_lists: Vec<usize> = Vec::new();
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::List(_)) => lists.push(i),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => items.push(i),
            Event::End(TagEnd::Item) => {
                items.pop();
            }
            Event::TaskListMarker(checked) => {
                events[i] = Event::InlineHtml(options.checkbox(*checked).into());
                if let Some(&item) = items.last() {
                    events[item] = Event::Html("<li class=\"task-list-item\">".into());
                }
                if let Some(&list) = lists.last() {
                    task_lists.push(list);
                }
            }
            _ => {}
        }
    }
    for list in task_lists {
        let tag = match &events[list] {
            Event::Start(Tag::List(Some(1))) => "<ol class=\"task-list\">\n".to_owned(),
            Event::Start(Tag::List(Some(n))) => format!("<ol class=\"task-list\" start=\"{n}\">\n"),
            Event::Start(Tag::List(None)) => "<ul class=\"task-list\">\n".to_owned(),
            _ => continue,
        };
        events[list] = Event::Html(tag.into());
    }
}

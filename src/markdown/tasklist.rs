//! Task lists as pymdownx.tasklist writes them (with Material's custom checkboxes):
//! `<ul class="task-list"><li class="task-list-item"><label class="task-list-control">...`.

use pulldown_cmark::{Event, Tag, TagEnd};

const CHECKED: &str = "<label class=\"task-list-control\"><input type=\"checkbox\" disabled checked/><span class=\"task-list-indicator\"></span></label> ";
const UNCHECKED: &str = "<label class=\"task-list-control\"><input type=\"checkbox\" disabled/><span class=\"task-list-indicator\"></span></label> ";

/// Rewrites the task list markers of a rendered event stream and their items and lists.
pub fn apply(events: &mut [Event<'_>]) {
    let mut lists: Vec<usize> = Vec::new();
    let mut items: Vec<usize> = Vec::new();
    let mut task_lists: Vec<usize> = Vec::new();
    for i in 0..events.len() {
        match &events[i] {
            Event::Start(Tag::List(None)) => lists.push(i),
            Event::Start(Tag::List(Some(_))) => lists.push(usize::MAX),
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => items.push(i),
            Event::End(TagEnd::Item) => {
                items.pop();
            }
            Event::TaskListMarker(checked) => {
                let html = if *checked { CHECKED } else { UNCHECKED };
                events[i] = Event::InlineHtml(html.into());
                if let Some(&item) = items.last() {
                    events[item] = Event::Html("<li class=\"task-list-item\">".into());
                }
                if let Some(&list) = lists.last().filter(|&&l| l != usize::MAX) {
                    task_lists.push(list);
                }
            }
            _ => {}
        }
    }
    for list in task_lists {
        events[list] = Event::Html("<ul class=\"task-list\">\n".into());
    }
}

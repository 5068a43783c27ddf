//! Task lists as pymdownx.tasklist writes them: `<ul class="task-list"><li
//! class="task-list-item"><input type="checkbox" disabled checked/> ...`, with Material's
//! custom checkbox (`<label class="task-list-control">` around the input and an indicator
//! span) when `custom_checkbox` is on, and without `disabled` when `clickable_checkbox` is.

use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

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

/// A checkbox input with `attrs`, as pymdownx.tasklist writes it.
macro_rules! input {
    ($attrs:literal) => {
        concat!("<input type=\"checkbox\"", $attrs, "/>")
    };
}

/// The input in Material's label, with its indicator span.
macro_rules! custom {
    ($attrs:literal) => {
        concat!(
            "<label class=\"task-list-control\">",
            input!($attrs),
            "<span class=\"task-list-indicator\"></span></label> "
        )
    };
}

impl Options {
    /// The checkbox that replaces a task's marker: one of eight fixed strings, so a task
    /// costs no allocation.
    fn checkbox(&self, checked: bool) -> &'static str {
        match (self.custom_checkbox, self.clickable_checkbox, checked) {
            (true, false, false) => custom!(" disabled"),
            (true, false, true) => custom!(" disabled checked"),
            (true, true, false) => custom!(""),
            (true, true, true) => custom!(" checked"),
            (false, false, false) => concat!(input!(" disabled"), " "),
            (false, false, true) => concat!(input!(" disabled checked"), " "),
            (false, true, false) => concat!(input!(""), " "),
            (false, true, true) => concat!(input!(" checked"), " "),
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
        let tag: CowStr<'_> = match &events[list] {
            Event::Start(Tag::List(Some(1))) => "<ol class=\"task-list\">\n".into(),
            Event::Start(Tag::List(Some(n))) => {
                format!("<ol class=\"task-list\" start=\"{n}\">\n").into()
            }
            Event::Start(Tag::List(None)) => "<ul class=\"task-list\">\n".into(),
            _ => continue,
        };
        events[list] = Event::Html(tag);
    }
}

#[cfg(test)]
mod tests {
    use super::Options;

    #[test]
    fn each_option_pair_gives_its_checkbox() {
        for custom_checkbox in [false, true] {
            for clickable_checkbox in [false, true] {
                for checked in [false, true] {
                    let options = Options {
                        custom_checkbox,
                        clickable_checkbox,
                    };
                    let attrs = match (clickable_checkbox, checked) {
                        (false, false) => " disabled",
                        (false, true) => " disabled checked",
                        (true, false) => "",
                        (true, true) => " checked",
                    };
                    let input = format!("<input type=\"checkbox\"{attrs}/>");
                    let expected = if custom_checkbox {
                        format!(
                            "<label class=\"task-list-control\">{input}\
                             <span class=\"task-list-indicator\"></span></label> "
                        )
                    } else {
                        format!("{input} ")
                    };
                    assert_eq!(options.checkbox(checked), expected, "{options:?} {checked}");
                }
            }
        }
    }
}

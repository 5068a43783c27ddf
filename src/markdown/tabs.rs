//! Content tabs (`=== "Tab"`, pymdownx.tabbed in the alternate style Material uses), written
//! as radio inputs and labels so they switch without JavaScript. The indentation-based body
//! handling is shared with admonitions in [`super::preprocess`].

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

/// Put on the set's first line; the renderer replaces it with [`set_opening`].
pub const SET_PLACEHOLDER: &str = "<!--answerbook:tab-set-->";

/// The opening of set number `n` (1-based within the page): the wrapper, one radio input per
/// tab and the labels, given the titles rendered as inline HTML.
pub fn set_opening(n: usize, set: &TabSet, rendered_titles: &[String]) -> String {
    let count = rendered_titles.len();
    let mut html = format!("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"{n}:{count}\">");
    for i in 1..=count {
        let checked = if i == set.selected + 1 {
            "checked=\"checked\" "
        } else {
            ""
        };
        let _ = write!(
            html,
            "<input {checked}id=\"__tabbed_{n}_{i}\" name=\"__tabbed_{n}\" type=\"radio\" />"
        );
    }
    html.push_str("<div class=\"tabbed-labels\">");
    for (i, title) in rendered_titles.iter().enumerate() {
        let _ = write!(
            html,
            "<label for=\"__tabbed_{n}_{}\">{title}</label>",
            i + 1
        );
    }
    html.push_str("</div>");
    html
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
        };
        let html = set_opening(2, &set, &["A".into(), "B".into()]);
        assert!(html.starts_with("<div class=\"tabbed-set tabbed-alternate\" data-tabs=\"2:2\">"));
        assert!(html.contains("<input id=\"__tabbed_2_1\" name=\"__tabbed_2\" type=\"radio\" />"));
        assert!(html.contains("<input checked=\"checked\" id=\"__tabbed_2_2\""));
        assert!(html.contains("<label for=\"__tabbed_2_2\">B</label>"));
    }
}

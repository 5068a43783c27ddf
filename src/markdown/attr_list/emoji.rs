//! `:material-clock-fast:{ .lg .middle }`, `:heart:{ title="Thanks" }`: an attribute list
//! written straight after an emoji or icon shortcode sets the attributes of the element
//! pymdownx.emoji made of it (Material's `<span class="twemoji">` around an icon's SVG, an
//! emoji's `<img>`), as Python-Markdown's attr_list does for every inline element. Classes
//! come after the element's own (`twemoji lg middle`); an attribute it has already (`title`)
//! takes the new value, others are added (all sorted by name, as Python-Markdown writes
//! them). An emoji written as its character is text, and the list after it stays text too.

use pulldown_cmark::Event;

use super::{Attrs, escape_attr, take_leading};
use crate::markdown::inline::emoji;

/// An element's attributes in order: name, and value as written (`None`: the name alone).
type Written = Vec<(String, Option<String>)>;

/// Whether the inline HTML event at hand is an emoji or an icon that can take a list.
pub(super) fn is_emoji(html: &str) -> bool {
    emoji::is_markup(html)
}

/// The emoji or icon at `at`, given the attribute list that starts the text after it.
pub(super) fn attach(events: &mut [Event<'_>], at: usize) -> Option<Attrs> {
    let Event::InlineHtml(html) = &events[at] else {
        return None;
    };
    let html = html.to_string();
    let (name, mut written, rest) = open_tag(&html)?;
    let attrs = take_leading(events, at)?;
    if !attrs.classes.is_empty() {
        let added = escape_attr(&attrs.classes.join(" "));
        match written.iter_mut().find(|(k, _)| k == "class") {
            Some((_, Some(value))) => {
                value.push(' ');
                value.push_str(&added);
            }
            _ => set(&mut written, "class", Some(added)),
        }
    }
    if let Some(id) = &attrs.id {
        set(&mut written, "id", Some(escape_attr(id)));
    }
    for (key, value) in &attrs.pairs {
        // A key without a value is written alone ([`super::write_pair`]).
        let value = (key != value).then(|| escape_attr(value));
        set(&mut written, key, value);
    }
    // Python-Markdown writes attributes sorted by name.
    written.sort_by(|a, b| a.0.cmp(&b.0));
    let mut out = format!("<{name}");
    for (key, value) in &written {
        out.push(' ');
        out.push_str(key);
        if let Some(value) = value {
            out.push_str("=\"");
            out.push_str(value);
            out.push('"');
        }
    }
    out.push_str(rest);
    events[at] = Event::InlineHtml(out.into());
    Some(attrs)
}

/// Sets `key`, in place of the value the element has, if any.
fn set(written: &mut Written, key: &str, value: Option<String>) {
    match written.iter_mut().find(|(k, _)| k == key) {
        Some((_, old)) => *old = value,
        None => written.push((key.to_owned(), value)),
    }
}

/// The opening tag of markup [`emoji::split`] wrote: its name, its attributes (values as
/// written, escaped) and what follows them (`>` and the content, or ` />`).
fn open_tag(html: &str) -> Option<(&str, Written, &str)> {
    let inner = html.strip_prefix('<')?;
    let name_end = inner.find(' ')?;
    let name = &inner[..name_end];
    let mut rest = &inner[name_end..];
    let mut attrs = Vec::new();
    while let Some(next) = rest.strip_prefix(' ') {
        if next.starts_with('/') {
            break;
        }
        let (key, after) = next.split_once("=\"")?;
        let (value, after) = after.split_once('"')?;
        attrs.push((key.to_owned(), Some(value.to_owned())));
        rest = after;
    }
    Some((name, attrs, rest))
}

#[cfg(test)]
mod tests {
    use pulldown_cmark::Event;

    fn attach(markup: &str, after: &str) -> (String, String) {
        let mut events = vec![
            Event::InlineHtml(markup.to_owned().into()),
            Event::Text(after.to_owned().into()),
        ];
        assert!(super::is_emoji(markup), "{markup}");
        super::attach(&mut events, 0);
        let [Event::InlineHtml(html), Event::Text(text)] = &events[..] else {
            panic!("{events:?}");
        };
        (html.to_string(), text.to_string())
    }

    #[test]
    fn an_icon_takes_classes_after_its_own_and_new_attributes() {
        let icon = "<span class=\"twemoji\"><svg viewBox=\"0 0 1 1\"></svg></span>";
        assert_eq!(
            attach(icon, "{ .lg .middle style=\"color: #E00\" #fast } Fast"),
            (
                "<span class=\"twemoji lg middle\" id=\"fast\" style=\"color: #E00\">\
                 <svg viewBox=\"0 0 1 1\"></svg></span>"
                    .to_owned(),
                " Fast".to_owned()
            )
        );
    }

    #[test]
    fn an_emoji_image_takes_a_new_title_in_place_of_its_own() {
        let img = "<img alt=\"😄\" class=\"twemoji\" src=\"s.svg\" title=\":smile:\" />";
        assert_eq!(
            attach(img, "{: title=\"Glad <3\" data-mood } ok"),
            (
                "<img alt=\"😄\" class=\"twemoji\" data-mood src=\"s.svg\" \
                 title=\"Glad &lt;3\" />"
                    .to_owned(),
                " ok".to_owned()
            )
        );
    }

    #[test]
    fn braces_that_are_no_list_stay_text() {
        let icon = "<span class=\"twemoji\"><svg></svg></span>";
        assert_eq!(attach(icon, "{ } x").1, "{ } x");
        assert_eq!(attach(icon, " { .lg }").1, " { .lg }");
        assert!(!super::is_emoji("<span class=\"twemoji\">"));
        assert!(!super::is_emoji("<img alt=\"x\" src=\"y\" />"));
    }
}

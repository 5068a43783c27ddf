//! The line starts [`super`] tells apart: list markers, thematic breaks and the
//! openers of MkDocs' indented containers (admonitions, `???` details, content tabs).

pub(super) struct Marker<'a> {
    pub(super) ordered: bool,
    pub(super) number: &'a str,
    /// Marker and the spaces after it, as CommonMark counts them (1 to 4).
    pub(super) width: usize,
}

/// A list marker both readings know: `-`, `*`, `+` or `12.`, then a space and text.
pub(super) fn marker(text: &str) -> Option<Marker<'_>> {
    let b = text.as_bytes();
    let (ordered, len) = match b.first()? {
        b'-' | b'*' | b'+' => (false, 1),
        b'0'..=b'9' => {
            let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
            (digits <= 9 && b.get(digits) == Some(&b'.')).then_some((true, digits + 1))?
        }
        _ => return None,
    };
    let spaces = b[len..].iter().take_while(|&&c| c == b' ').count();
    if spaces == 0 || len + spaces == b.len() || is_rule(text) {
        return None;
    }
    let number = if ordered { &text[..len - 1] } else { "" };
    let width = len + if spaces > 4 { 1 } else { spaces };
    Some(Marker {
        ordered,
        number,
        width,
    })
}

/// `- - -`, `***`: a thematic break, not a list.
fn is_rule(text: &str) -> bool {
    let ch = text.as_bytes()[0];
    let t = text.trim_end();
    t.bytes().all(|b| b == ch || b == b' ') && t.bytes().filter(|&b| b == ch).count() >= 3
}

/// `!!! note`, `??? tip "Title"`, `???+ info`, `=== "Tab"`: a block whose body is the lines
/// indented 4 more below it. A `===` line with no quoted label underlines a heading instead.
pub(super) fn opens_container(text: &str) -> bool {
    let Some(rest) = text
        .strip_prefix("!!!")
        .or_else(|| text.strip_prefix("???"))
        .map(|rest| rest.strip_prefix('+').unwrap_or(rest))
    else {
        let Some(rest) = text.strip_prefix("===") else {
            return false;
        };
        let rest = rest.trim_start_matches(['!', '+']);
        return rest.starts_with(' ') && rest.trim_start().starts_with('"');
    };
    rest.trim_start()
        .starts_with(|c: char| c.is_alphanumeric() || c == '_' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::{marker, opens_container};

    #[test]
    fn containers_are_told_from_headings_and_text() {
        for yes in [
            "!!! note",
            "!!!tip \"Mind\"",
            "??? info",
            "???+ warning",
            "=== \"One\"",
            "===! \"Two\"",
        ] {
            assert!(opens_container(yes), "{yes}");
        }
        for no in [
            "===",
            "=== heading rule",
            "!!!",
            "??? ",
            "!!! \"only a title\"",
        ] {
            assert!(!opens_container(no), "{no}");
        }
    }

    #[test]
    fn markers_need_a_space_and_text() {
        assert_eq!(marker("- a").map(|m| m.width), Some(2));
        assert_eq!(marker("12.  b").map(|m| m.width), Some(5));
        assert_eq!(marker("1.      code").map(|m| m.width), Some(3));
        assert!(marker("-a").is_none() && marker("- - -").is_none() && marker("1)").is_none());
    }
}

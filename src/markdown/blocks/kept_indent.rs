//! Lines whose leading spaces Python-Markdown keeps where CommonMark drops them: the
//! indented option lines under a `///` header that is no block (they continue the header's
//! paragraph, `/// define\n    bad()` staying as written), and continuation lines of a list
//! item's paragraph inside `/// define` (`- Apple\n  the fruit`). The first space becomes
//! `&#32;`, which pulldown-cmark reads as text, so the line keeps its indentation.

/// The line with its indentation kept as text; `None` when it has none.
pub(super) fn keep(line: &str) -> Option<String> {
    let rest = line.strip_prefix(' ')?;
    (!rest.trim().is_empty()).then(|| format!("&#32;{rest}"))
}

/// Whether `line` (in a `/// define` body, after `prev`) continues a paragraph with spaces in
/// front that Python-Markdown keeps: plain text after a line of text or a list item.
pub(super) fn continues_paragraph(prev: &str, line: &str) -> bool {
    let text = line.trim_start();
    let prev = prev.trim_start();
    line.starts_with(' ')
        && text.starts_with(|c: char| c.is_alphanumeric())
        && !is_list_item(text)
        && prev.starts_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '*' | '+'))
        && !prev.starts_with("---")
        && !prev.starts_with("***")
}

/// `- `, `* `, `+ `, `1. ` or `1) ` at the start.
fn is_list_item(text: &str) -> bool {
    if let Some(rest) = text.strip_prefix(['-', '*', '+']) {
        return rest.is_empty() || rest.starts_with(' ');
    }
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    digits > 0 && {
        let rest = &text[digits..];
        rest.starts_with(". ") || rest.starts_with(") ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn continuation_lines() {
        assert!(continues_paragraph(
            "- Apple, a fruit",
            "  of the rose family"
        ));
        assert!(continues_paragraph("text", "    more"));
        assert!(!continues_paragraph("", "  more"));
        assert!(!continues_paragraph("text", "more"));
        assert!(!continues_paragraph("text", "  - item"));
        assert!(!continues_paragraph("<div>", "  more"));
        assert_eq!(keep("  x").as_deref(), Some("&#32; x"));
        assert_eq!(keep("x"), None);
    }
}

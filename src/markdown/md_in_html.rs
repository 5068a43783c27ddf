//! `md_in_html`: markdown inside block HTML marked `markdown` (`<div class="grid" markdown>`).
//! The attribute is dropped, and the tag lines are set apart by blank lines so that CommonMark
//! parses what lies between them as markdown rather than as raw HTML.

use super::preprocess::{At, LinePass, LineSyntax, Taken};

/// If `line` (without indentation) is a lone opening tag carrying a `markdown` attribute,
/// returns the tag without that attribute and the tag name.
pub fn opening(line: &str) -> Option<(String, String)> {
    let inner = line.trim_end().strip_prefix('<')?.strip_suffix('>')?;
    if inner.starts_with('/') || inner.contains(['<', '>']) {
        return None;
    }
    let name_end = inner
        .find(|c: char| c.is_whitespace())
        .unwrap_or(inner.len());
    let name = &inner[..name_end];
    if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    let attrs = &inner[name_end..];
    let (start, end) = find_markdown_attr(attrs)?;
    let kept = format!("{}{}", &attrs[..start], &attrs[end..]);
    let kept = kept.trim_end();
    Some((format!("<{name}{kept}>"), name.to_ascii_lowercase()))
}

/// Whether `line` (without indentation) is the closing tag `</name>`.
pub fn is_closing(line: &str, name: &str) -> bool {
    line.trim_end()
        .strip_prefix("</")
        .and_then(|r| r.strip_suffix('>'))
        .is_some_and(|n| n.trim().eq_ignore_ascii_case(name))
}

/// Byte range of ` markdown`, ` markdown="1"`, ` markdown="block"` ... in an attribute list.
fn find_markdown_attr(attrs: &str) -> Option<(usize, usize)> {
    let mut search = 0;
    while let Some(found) = attrs[search..].find("markdown") {
        let start = search + found;
        let end = start + "markdown".len();
        let before_ok = attrs[..start].ends_with(char::is_whitespace);
        let after = &attrs[end..];
        if before_ok
            && (after.is_empty()
                || after.starts_with(char::is_whitespace)
                || after.starts_with('/'))
        {
            return Some((start - 1, end));
        }
        if before_ok && after.starts_with('=') {
            let value = &after[1..];
            let len = match value.chars().next() {
                Some(q @ ('"' | '\'')) => value[1..].find(q).map(|i| i + 2)?,
                _ => value.find(char::is_whitespace).unwrap_or(value.len()),
            };
            return Some((start - 1, end + 1 + len));
        }
        search = end;
    }
    None
}

/// Line part: the opening and closing tag lines, set apart by blank lines.
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    if !pass.features.md_in_html {
        return Taken::No;
    }
    let (indent, line_no) = (pass.out_col(at.col), at.line_no);
    if let Some((tag, name)) = opening(at.rest) {
        pass.ensure_blank(line_no);
        pass.push_indented(indent, &tag, line_no);
        pass.push_line("", line_no);
        pass.html.push(name);
        return Taken::AsBlank;
    }
    if pass
        .html
        .last()
        .is_some_and(|name| is_closing(at.rest, name))
    {
        pass.html.pop();
        pass.ensure_blank(line_no);
        pass.push_indented(indent, at.rest, line_no);
        pass.push_line("", line_no);
        return Taken::AsBlank;
    }
    Taken::No
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_the_attribute() {
        assert_eq!(
            opening("<div markdown>"),
            Some(("<div>".into(), "div".into()))
        );
        assert_eq!(
            opening("<div class=\"grid cards\" markdown>"),
            Some(("<div class=\"grid cards\">".into(), "div".into()))
        );
        assert_eq!(
            opening("<figure markdown=\"span\">"),
            Some(("<figure>".into(), "figure".into()))
        );
        assert_eq!(opening("<div class=\"markdown\">"), None);
        assert_eq!(opening("<div>"), None);
        assert!(is_closing("</div>", "div"));
    }
}

//! Link reference definitions (`[id]: address "title"`) as Python-Markdown reads them, on the
//! pages of MkDocs projects. Where it differs from CommonMark:
//!
//! - a definition may stand on any line of a paragraph, which it splits in two;
//! - the address is everything up to the first space (`<` and `>` around it are taken off
//!   one by one, so `<a>"t"` is the address `a>"t"`), and a title needs a space before it
//!   only where the address would otherwise swallow it;
//! - a title in quotes runs to the last quote of its kind on the line;
//! - the last definition of an id wins.
//!
//! The line part takes a definition's lines out of the text (blank lines keep the line
//! count) and keeps it in [`Definitions`]; pulldown-cmark then asks for the ids it does not
//! know ([`Definitions::get`]), so links to them are made, rewritten and checked as usual.

use crate::markdown::preprocess::{At, LinePass, LineSyntax, Taken};

/// A page's definitions, in the order written.
#[derive(Debug, Default)]
pub struct Definitions(Vec<Definition>);

#[derive(Debug, PartialEq, Eq)]
struct Definition {
    /// Lower case, trimmed.
    id: String,
    href: String,
    title: Option<String>,
}

impl Definitions {
    /// Adds the definitions another pass found (a block quote's nested pass), after these.
    pub fn extend(&mut self, other: Definitions) {
        self.0.extend(other.0);
    }

    /// The address and title of the reference `[label]`, the last definition of its id.
    pub fn get(&self, label: &str) -> Option<(&str, &str)> {
        if self.0.is_empty() {
            return None;
        }
        let mut id = String::with_capacity(label.len());
        let mut space = false;
        for c in label.chars() {
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space {
                id.push(' ');
                space = false;
            }
            id.extend(c.to_lowercase());
        }
        if space {
            id.push(' ');
        }
        let d = self.0.iter().rev().find(|d| d.id == id)?;
        Some((&d.href, d.title.as_deref().unwrap_or("")))
    }
}

/// Line part; on pages with Python-Markdown's rules only.
pub(in crate::markdown) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    if pass.features.rules != crate::markdown::Rules::PythonMarkdown
        || !at.rest.starts_with('[')
        || at.col > at.container + 3
        || pass.in_html_block()
        // A blank line in a list item's text would make its list loose.
        || (!at.after_blank && pass.in_list())
    {
        return Taken::No;
    }
    let next = at.next.iter().map(|l| l.text);
    let Some((definition, lines)) = parse(at.rest, next) else {
        return Taken::No;
    };
    if pass.features.footnotes && definition.id.starts_with('^') {
        return Taken::No;
    }
    pass.out.link_definitions.0.push(definition);
    for _ in 0..lines {
        pass.push_line("", at.line_no);
    }
    pass.skip = lines - 1;
    Taken::AsBlank
}

/// A definition starting `first`, and how many lines it takes (1 to 3).
fn parse<'a>(first: &str, mut next: impl Iterator<Item = &'a str>) -> Option<(Definition, usize)> {
    let rest = first.strip_prefix('[')?;
    let close = rest.find(']')?;
    let label = &rest[..close];
    if label.contains('[') {
        return None;
    }
    let mut rest = rest[close + 1..].strip_prefix(':')?.trim_start_matches(' ');
    let mut lines = 1;
    if rest.is_empty() {
        rest = next.next()?.trim_start_matches(' ');
        lines += 1;
    }
    let (href, title) = address_and_title(rest)?;
    let title = match title {
        Some(t) => Some(t),
        None => match next.next().map(|l| l.trim_start_matches(' ')) {
            Some(l) if !l.is_empty() => title_only(l).inspect(|_| lines += 1),
            _ => None,
        },
    };
    let href = href
        .trim_start_matches('<')
        .trim_end_matches('>')
        .to_owned();
    let id = label.trim().to_lowercase();
    Some((Definition { id, href, title }, lines))
}

/// `address`, `address "title"`, `address(title)`...: the longest address that leaves a
/// title, or nothing, up to the end of the line. `None` for something else after it.
fn address_and_title(s: &str) -> Option<(&str, Option<String>)> {
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    if end == 0 {
        return None;
    }
    let after = s[end..].trim_start_matches(' ');
    if after.is_empty() {
        return Some((&s[..end], None));
    }
    if let Some(title) = title_only(after) {
        return Some((&s[..end], Some(title)));
    }
    // A title right after a shorter address, with no space between.
    (1..end)
        .rev()
        .filter(|&i| s.is_char_boundary(i) && matches!(s.as_bytes()[i], b'"' | b'\'' | b'('))
        .find_map(|i| Some((&s[..i], Some(title_only(&s[i..])?))))
}

/// A whole title and nothing after it but spaces: `"..."`, `'...'` (to the last quote of its
/// kind) or `(...)` (to the last `)`).
fn title_only(s: &str) -> Option<String> {
    let s = s.trim_end_matches(' ');
    let open = s.chars().next()?;
    let close = match open {
        '"' | '\'' => open,
        '(' => ')',
        _ => return None,
    };
    let inner = s[1..].strip_suffix(close)?;
    (!inner.contains('\n')).then(|| inner.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn def(text: &str) -> Option<(String, Option<String>, usize)> {
        let mut lines = text.lines();
        let first = lines.next()?;
        parse(first, lines).map(|(d, n)| (d.href, d.title, n))
    }

    fn d(href: &str, title: Option<&str>, lines: usize) -> Option<(String, Option<String>, usize)> {
        Some((href.to_owned(), title.map(str::to_owned), lines))
    }

    #[test]
    fn address_up_to_the_first_space() {
        assert_eq!(def("[id]: /a/b.html"), d("/a/b.html", None, 1));
        assert_eq!(def("[id]: /a/b.html\"t\""), d("/a/b.html\"t\"", None, 1));
        assert_eq!(def("[id]: <a/b>\"t\""), d("a/b>\"t\"", None, 1));
        assert_eq!(def("[id]: a b"), None);
    }

    #[test]
    fn titles_in_quotes_or_parentheses_on_the_line_or_the_next() {
        assert_eq!(def("[id]: a 'say \"hi\"'"), d("a", Some("say \"hi\""), 1));
        assert_eq!(def("[id]: a \"x\" \"y\""), d("a", Some("x\" \"y"), 1));
        assert_eq!(def("[id]: a (paren)"), d("a", Some("paren"), 1));
        assert_eq!(def("[id]:\n   a\n   \"below\""), d("a", Some("below"), 3));
        assert_eq!(def("[id]: a\nnot a title"), d("a", None, 1));
    }

    #[test]
    fn the_last_definition_wins_and_ids_ignore_case_and_line_breaks() {
        let mut defs = Definitions::default();
        for text in ["[Code of conduct]: /old", "[code of conduct]: /new 'New'"] {
            defs.0.push(parse(text, std::iter::empty()).unwrap().0);
        }
        assert_eq!(defs.get("Code of\n   Conduct"), Some(("/new", "New")));
        assert_eq!(defs.get("other"), None);
    }

    #[test]
    fn only_mkdocs_pages_take_the_last_definition() {
        use crate::markdown::tests_support::{render_commonmark, render_python_markdown};
        let page = "[home]\n\n[home]: /first/\n[home]: /second/\n";
        assert!(render_python_markdown(page).contains("<a href=\"/second/\">home</a>"));
        assert!(render_commonmark(page).contains("<a href=\"/first/\">home</a>"));
    }
}

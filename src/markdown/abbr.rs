//! Abbreviations (Python-Markdown `abbr`): `*[HTML]: Hyper Text Markup Language` anywhere in a
//! page wraps every whole-word `HTML` of its text in `<abbr title="...">`.

/// Parses a definition line (without indentation): `*[ABBR]: Full text`.
pub fn parse_definition(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("*[")?;
    let close = rest.find("]:")?;
    let abbr = &rest[..close];
    if abbr.is_empty() || abbr.contains(']') {
        return None;
    }
    Some((abbr.to_owned(), rest[close + 2..].trim().to_owned()))
}

/// Splits `text` around whole-word occurrences of the abbreviations: `(before, Some(index))`
/// pieces, where the piece is the abbreviation itself when an index is given.
pub fn split<'t>(text: &'t str, abbrs: &[(String, String)]) -> Vec<(&'t str, Option<usize>)> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < text.len() {
        if !text.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let at_word_start = i == 0 || !is_word_char(text[..i].chars().next_back());
        let hit = at_word_start
            .then(|| {
                abbrs.iter().position(|(a, _)| {
                    text[i..].starts_with(a.as_str())
                        && !is_word_char(text[i + a.len()..].chars().next())
                })
            })
            .flatten();
        match hit {
            Some(k) => {
                if start < i {
                    out.push((&text[start..i], None));
                }
                let end = i + abbrs[k].0.len();
                out.push((&text[i..end], Some(k)));
                start = end;
                i = end;
            }
            None => i += 1,
        }
    }
    if start < text.len() {
        out.push((&text[start..], None));
    }
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn definitions_and_whole_words() {
        let d = parse_definition("*[HTML]: Hyper Text Markup Language").unwrap();
        assert_eq!(
            d,
            ("HTML".to_owned(), "Hyper Text Markup Language".to_owned())
        );
        assert!(parse_definition("*[x] no").is_none());
        let abbrs = vec![d];
        let parts = split("HTML and XHTML, HTML.", &abbrs);
        assert_eq!(
            parts,
            vec![
                ("HTML", Some(0)),
                (" and XHTML, ", None),
                ("HTML", Some(0)),
                (".", None)
            ]
        );
    }
}

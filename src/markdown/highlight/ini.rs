//! A line-based lexer for INI and `.cfg` files, for [`super`]: hl-lite has none. Classes
//! follow Pygments' `IniLexer`: `;` and `#` comment lines `c1`, `[section]` headers `k`, keys
//! `na`, the `=` or `:` after them `o`, values `s`.

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    for line in code.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start().len();
        let text = &body[indent..];
        emit(None, &body[..indent]);
        if text.starts_with([';', '#']) {
            emit(Some("c1"), text);
        } else if text.starts_with('[') {
            emit(Some("k"), text);
        } else if let Some(at) = text.find(['=', ':']) {
            let key = text[..at].trim_end();
            emit(Some("na"), key);
            emit(None, &text[key.len()..at]);
            emit(Some("o"), &text[at..at + 1]);
            let value = &text[at + 1..];
            let space = value.len() - value.trim_start().len();
            emit(None, &value[..space]);
            emit(Some("s"), &value[space..]);
        } else {
            emit(None, text);
        }
        emit(None, &line[body.len()..]);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sections_keys_values_and_comments() {
        let code = "; settings\n[server]\nport = 8080\nname:x\n";
        let mut got = Vec::new();
        super::lex(code, |c, t| got.push((c, t)));
        let joined: String = got.iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, code);
        let classed: Vec<_> = got.into_iter().filter_map(|(c, t)| Some((c?, t))).collect();
        assert_eq!(
            classed,
            [
                ("c1", "; settings"),
                ("k", "[server]"),
                ("na", "port"),
                ("o", "="),
                ("s", "8080"),
                ("na", "name"),
                ("o", ":"),
                ("s", "x")
            ]
        );
    }
}

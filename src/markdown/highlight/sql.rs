//! A small SQL lexer for [`super`]: hl-lite has none. One forward pass; every byte ends up in
//! exactly one token, tokens never split a character, and unterminated strings and comments
//! run to the end of the code. Classes follow Pygments' `SqlLexer`: keywords (and the
//! functions it lists with them) `k`, names `n`, `'text'` `s1`, `"ident"` `ss`, numbers,
//! `--` comments `c1`, `/* */` comments `cm`, operators `o`, punctuation `p`.

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let class = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = run(bytes, i, |b| b.is_ascii_whitespace());
                None
            }
            b'-' if bytes.get(i + 1) == Some(&b'-') => {
                i = bytes[i..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(bytes.len(), |p| i + p);
                Some("c1")
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = code[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |p| i + 2 + p + 2);
                Some("cm")
            }
            b'\'' => {
                i = quoted(bytes, i, b'\'');
                Some("s1")
            }
            b'"' | b'`' => {
                i = quoted(bytes, i, b);
                Some("ss")
            }
            b'0'..=b'9' => {
                i = run(bytes, i, |b| b.is_ascii_digit());
                let mut float = false;
                if bytes.get(i) == Some(&b'.') && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
                    i = run(bytes, i + 1, |b| b.is_ascii_digit());
                    float = true;
                }
                if matches!(bytes.get(i), Some(b'e' | b'E'))
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
                {
                    i = run(bytes, i + 1, |b| b.is_ascii_digit());
                    float = true;
                }
                Some(if float { "mf" } else { "mi" })
            }
            b'@' | b':' | b'$' | b'?'
                if bytes
                    .get(i + 1)
                    .is_some_and(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    || b == b'?' =>
            {
                i = run(bytes, i + 1, |b| b.is_ascii_alphanumeric() || b == b'_');
                Some("nv")
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                i = run(bytes, i, |b| {
                    b.is_ascii_alphanumeric() || b == b'_' || b == b'$'
                });
                Some(if is_keyword(&code[start..i]) {
                    "k"
                } else {
                    "n"
                })
            }
            b'=' | b'<' | b'>' | b'!' | b'+' | b'-' | b'*' | b'/' | b'%' | b'|' | b'&' | b'^'
            | b'~' => {
                // The first byte is an operator whatever follows (a lone `-` included).
                i = run(bytes, i + 1, |b| b"=<>!+*/%|&^~".contains(&b));
                Some("o")
            }
            b'(' | b')' | b',' | b';' | b'.' | b'[' | b']' | b'{' | b'}' => {
                i += 1;
                Some("p")
            }
            _ => {
                // Anything else, one whole character at a time.
                i += code[i..].chars().next().map_or(1, char::len_utf8);
                None
            }
        };
        emit(class, &code[start..i]);
    }
}

/// The end of the run of bytes matching `keep` that starts at `i`.
fn run(bytes: &[u8], i: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes[i..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |p| i + p)
}

/// The end of a string opened by `quote` at `i`; a doubled quote escapes itself, as does a
/// backslash (MySQL). Unterminated: the end of the code.
fn quoted(bytes: &[u8], i: usize, quote: u8) -> usize {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if quote == b'\'' => j += 2,
            b if b == quote && bytes.get(j + 1) == Some(&quote) => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

fn is_keyword(word: &str) -> bool {
    if word.len() > 16 {
        return false;
    }
    let mut buf = [0u8; 16];
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    KEYWORDS.binary_search(&&*lower).is_ok()
}

/// Lower-case and sorted (a unit test checks), for the binary search.
#[rustfmt::skip]
const KEYWORDS: &[&[u8]] = &[
    b"add", b"all", b"alter", b"and", b"any", b"as", b"asc", b"avg", b"begin", b"between",
    b"bigint", b"boolean", b"by", b"cascade", b"case", b"cast", b"char", b"check", b"coalesce",
    b"column", b"commit", b"constraint", b"count", b"create", b"cross", b"current_date",
    b"current_timestamp", b"database", b"date", b"decimal", b"default", b"delete", b"desc",
    b"distinct", b"drop", b"else", b"end", b"except", b"exists", b"explain", b"false", b"fetch",
    b"float", b"for", b"foreign", b"from", b"full", b"function", b"grant", b"group", b"having",
    b"if", b"ilike", b"in", b"index", b"inner", b"insert", b"int", b"integer", b"intersect",
    b"interval", b"into", b"is", b"join", b"key", b"left", b"like", b"limit", b"lower", b"max",
    b"min", b"natural", b"not", b"null", b"numeric", b"offset", b"on", b"or", b"order", b"outer",
    b"over", b"partition", b"primary", b"procedure", b"real", b"recursive", b"references",
    b"replace", b"returning", b"revoke", b"right", b"rollback", b"row", b"rows", b"select",
    b"serial", b"set", b"smallint", b"sum", b"table", b"text", b"then", b"timestamp", b"to",
    b"transaction", b"trigger", b"true", b"truncate", b"union", b"unique", b"update", b"upper",
    b"using", b"values", b"varchar", b"view", b"when", b"where", b"window", b"with",
];

#[cfg(test)]
mod tests {
    use super::*;

    fn classes(code: &str) -> Vec<(Option<&'static str>, &str)> {
        let mut out = Vec::new();
        lex(code, |c, t| out.push((c, t)));
        out
    }

    #[test]
    fn keywords_are_sorted() {
        assert!(KEYWORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn tokens() {
        let t = classes("SELECT a, COUNT(*) FROM t WHERE b = 'it''s' -- c\n/* d */ \"q\" 1.5 @x");
        let kinds: Vec<_> = t.iter().filter_map(|(c, t)| c.map(|c| (c, *t))).collect();
        assert_eq!(
            kinds,
            [
                ("k", "SELECT"),
                ("n", "a"),
                ("p", ","),
                ("k", "COUNT"),
                ("p", "("),
                ("o", "*"),
                ("p", ")"),
                ("k", "FROM"),
                ("n", "t"),
                ("k", "WHERE"),
                ("n", "b"),
                ("o", "="),
                ("s1", "'it''s'"),
                ("c1", "-- c"),
                ("cm", "/* d */"),
                ("ss", "\"q\""),
                ("mf", "1.5"),
                ("nv", "@x"),
            ]
        );
    }

    #[test]
    fn covers_every_byte_without_splitting_characters() {
        for code in [
            "'unterminated é",
            "/* open",
            "é€𝄞 -- ü",
            "\"x",
            "?",
            "1e",
            "a.b",
            "\\'",
            "GROUP-  BY title;",
            "a - b",
            "-",
        ] {
            let joined: String = classes(code).iter().map(|(_, t)| *t).collect();
            assert_eq!(joined, code);
        }
    }
}

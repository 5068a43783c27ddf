//! A lexer for YAML, for [`super`], naming tokens as Pygments' `YamlLexer` does (hl-lite's
//! YAML spans are coarser, and Pygments has no keywords or numbers in YAML): keys `nt` and
//! their `:` `p`; a plain value `l l-Scalar l-Scalar-Plain` (`true`, `42`, `null` too), but
//! `nv` inside `[...]` or `{...}` (where the space before a key is part of the key); quoted
//! strings `s`, with the spaces inside `nv` and `''`, `\x41` `se`; `-`, `?`, `|`, `>`, `[`,
//! `]`, `{`, `}` and `,` `p p-Indicator`; the lines of a `|` or `>` block `no`; tags
//! (`!!python/name:x`) `kt`, anchors `nl`, aliases `nv`, `---` `nn`, comments `c1`, white
//! space `w`. It gives the tokens Pygments gives for every YAML block of Material for MkDocs'
//! documentation (597 blocks).

const PLAIN: &str = "l l-Scalar l-Scalar-Plain";
const INDICATOR: &str = "p p-Indicator";

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    // The class "" is no class: a line's end is outside any token, as in the other lexers.
    let mut emit =
        |class: &'static str, text: &'a str| emit((!class.is_empty()).then_some(class), text);
    // The indentation of the line that opened a `|` or `>` block, while its lines go on.
    let mut block_scalar: Option<usize> = None;
    // How deep in `[...]` / `{...}` the text is, and whether the innermost is a mapping.
    let mut flow: Vec<bool> = Vec::new();
    // The quote of a string that goes on over lines.
    let mut open_quote: Option<u8> = None;
    for line in code.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        let indent = body.len() - body.trim_start_matches(' ').len();
        if let Some(parent) = block_scalar {
            if body.trim().is_empty() || indent > parent {
                emit("w", &body[..indent]);
                emit("no", &body[indent..]);
                emit("", &line[body.len()..]);
                continue;
            }
            block_scalar = None;
        }
        emit("w", &body[..indent]);
        let mut rest = &body[indent..];
        if let Some(quote) = open_quote {
            let (len, closed) = quoted(rest, quote, false, &mut emit);
            open_quote = (!closed).then_some(quote);
            rest = &rest[len..];
        }
        if flow.is_empty() && indent == 0 && is_document_marker(rest) {
            emit("nn", &rest[..3]);
            rest = &rest[3..];
        }
        while !rest.is_empty() {
            let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
            if spaces > 0 {
                emit("w", &rest[..spaces]);
                rest = &rest[spaces..];
                continue;
            }
            let len = if rest.starts_with('#') {
                emit("c1", rest);
                rest.len()
            } else if !flow.is_empty() {
                flow_token(rest, &mut flow, &mut emit)
            } else {
                block_token(
                    rest,
                    indent,
                    &mut block_scalar,
                    &mut open_quote,
                    &mut flow,
                    &mut emit,
                )
            };
            rest = &rest[len..];
        }
        emit("", &line[body.len()..]);
    }
}

/// `---` or `...` alone or before a space.
fn is_document_marker(text: &str) -> bool {
    (text.starts_with("---") || text.starts_with("..."))
        && text[3..].chars().next().is_none_or(|c| c == ' ')
}

/// Emits the token of block context that `rest` starts with; returns its length.
fn block_token<'a>(
    rest: &'a str,
    indent: usize,
    block_scalar: &mut Option<usize>,
    open_quote: &mut Option<u8>,
    flow: &mut Vec<bool>,
    emit: &mut impl FnMut(&'static str, &'a str),
) -> usize {
    let first = rest.as_bytes()[0];
    let spaced = |n: usize| rest[n..].chars().next().is_none_or(char::is_whitespace);
    match first {
        b'-' | b'?' | b':' if spaced(1) => emit(INDICATOR, &rest[..1]),
        b'|' | b'>' => {
            let len = 1 + rest[1..]
                .find(|c: char| !(c == '-' || c == '+' || c.is_ascii_digit()))
                .unwrap_or(rest.len() - 1);
            *block_scalar = Some(indent);
            emit(INDICATOR, &rest[..len]);
            return len;
        }
        b'[' | b'{' => {
            flow.push(first == b'{');
            emit(INDICATOR, &rest[..1]);
            return 1 + spaced_key(&rest[1..], flow, emit);
        }
        b'"' | b'\'' => {
            let (len, closed) = quoted(rest, first, true, emit);
            *open_quote = (!closed).then_some(first);
            return len;
        }
        b'&' | b'*' | b'!' => {
            let len = rest.find(char::is_whitespace).unwrap_or(rest.len());
            let class = match first {
                b'&' => "nl",
                b'*' => "nv",
                _ => "kt",
            };
            emit(class, &rest[..len]);
            return len;
        }
        _ => {
            if let Some(key) = key_len(rest, false) {
                emit("nt", &rest[..key]);
                emit("p", &rest[key..key + 1]);
                return key + 1;
            }
            let len = scalar_len(rest, false);
            let text = rest[..len].trim_end();
            emit(PLAIN, text);
            return text.len();
        }
    }
    1
}

/// Emits the token of flow context (`[...]`, `{...}`) that `rest` starts with.
fn flow_token<'a>(
    rest: &'a str,
    flow: &mut Vec<bool>,
    emit: &mut impl FnMut(&'static str, &'a str),
) -> usize {
    let first = rest.as_bytes()[0];
    match first {
        b'[' | b'{' | b',' => {
            if first != b',' {
                flow.push(first == b'{');
            }
            emit(INDICATOR, &rest[..1]);
            return 1 + spaced_key(&rest[1..], flow, emit);
        }
        b']' | b'}' => {
            flow.pop();
        }
        b'"' | b'\'' => return quoted(rest, first, true, emit).0,
        b':' => {
            emit("p", &rest[..1]);
            return 1;
        }
        _ => {
            if flow.last() == Some(&true)
                && let Some(key) = key_len(rest, true)
            {
                emit("nt", &rest[..key]);
                return key;
            }
            let len = scalar_len(rest, true);
            let text = rest[..len].trim_end();
            emit("nv", text);
            return text.len();
        }
    }
    emit(INDICATOR, &rest[..1]);
    1
}

/// After `{` or `,` in a mapping, the white space before a key is part of the key, as
/// Pygments reads it; returns the length emitted.
fn spaced_key<'a>(
    rest: &'a str,
    flow: &[bool],
    emit: &mut impl FnMut(&'static str, &'a str),
) -> usize {
    let spaces = rest.len() - rest.trim_start_matches(' ').len();
    match (flow.last(), key_len(&rest[spaces..], true)) {
        (Some(true), Some(key)) if spaces > 0 => {
            emit("nt", &rest[..spaces + key]);
            spaces + key
        }
        _ => 0,
    }
}

/// A quoted string from the start of `rest` (its opening quote, or the next line of a string
/// that goes on over lines) to its closing quote or the end of the line: its length, and
/// whether it closed. Pygments names escapes (`''`, `\x41`) `se` and the spaces inside `nv`.
fn quoted<'a>(
    rest: &'a str,
    quote: u8,
    opening: bool,
    emit: &mut impl FnMut(&'static str, &'a str),
) -> (usize, bool) {
    let bytes = rest.as_bytes();
    let mut i = usize::from(opening);
    let mut start = 0;
    while i < bytes.len() {
        let b = bytes[i];
        let escape = match b {
            b'\'' if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') => 2,
            b'\\' if quote == b'"' => match escape_len(&rest[i..]) {
                // `\"`, `\n`, ...: part of the string, which goes on.
                0 => {
                    i += 1 + rest[i + 1..].chars().next().map_or(0, char::len_utf8);
                    continue;
                }
                len => len,
            },
            b' ' => {
                emit("s", &rest[start..i]);
                emit("nv", " ");
                i += 1;
                start = i;
                continue;
            }
            _ => 0,
        };
        if escape > 0 {
            emit("s", &rest[start..i]);
            emit("se", &rest[i..i + escape]);
            i += escape;
            start = i;
            continue;
        }
        i += 1;
        if b == quote {
            emit("s", &rest[start..i]);
            return (i, true);
        }
    }
    emit("s", &rest[start..]);
    (rest.len(), false)
}

/// The length of the escape code `\x41`, `\u00e9` or `\U0001f600` that `text` starts with, or
/// 0 (Pygments names only these `se` in a double-quoted string).
fn escape_len(text: &str) -> usize {
    let digits = match text.as_bytes().get(1) {
        Some(b'x') => 2,
        Some(b'u') => 4,
        Some(b'U') => 8,
        _ => return 0,
    };
    let hex = text[2..]
        .bytes()
        .take(digits)
        .take_while(u8::is_ascii_hexdigit)
        .count();
    if hex == digits { 2 + digits } else { 0 }
}

/// The length of a key that `rest` starts with: text up to a `:` followed by white space or
/// the end of the line (in `{...}`, before any `,` or `}`).
fn key_len(rest: &str, in_flow: bool) -> Option<usize> {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b':' if bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) => {
                return (i > 0).then_some(i);
            }
            b'#' if i > 0 && bytes[i - 1] == b' ' => return None,
            b',' | b'[' | b']' | b'{' | b'}' if i == 0 || in_flow => return None,
            _ => {}
        }
        i += 1;
    }
    None
}

/// The length of a plain scalar: to a comment, the end of the line, or in flow context a
/// `,`, `]`, `}` or `: `.
fn scalar_len(rest: &str, in_flow: bool) -> usize {
    let bytes = rest.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'#' if i > 0 && bytes[i - 1] == b' ' => return i,
            b',' | b']' | b'}' if in_flow => return i,
            b':' if in_flow && bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace()) => {
                return i;
            }
            _ => {}
        }
        i += 1;
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    fn tokens(code: &str) -> Vec<(Option<&'static str>, &str)> {
        let mut got: Vec<(Option<&'static str>, &str)> = Vec::new();
        super::lex(code, |class, text| {
            if !text.is_empty() {
                got.push((class, text));
            }
        });
        let joined: String = got.iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, code);
        got
    }

    #[test]
    fn keys_values_lists_and_comments_as_pygments_names_them() {
        let code = "# build\nsite: My notes # title\ntheme:\n  - name: material\n    n: 42\n";
        let got = tokens(code);
        for want in [
            (Some("c1"), "# build"),
            (Some("nt"), "site"),
            (Some("p"), ":"),
            (Some("w"), " "),
            (Some("l l-Scalar l-Scalar-Plain"), "My notes"),
            (Some("c1"), "# title"),
            (Some("w"), "  "),
            (Some("p p-Indicator"), "-"),
            (Some("l l-Scalar l-Scalar-Plain"), "42"),
            (None, "\n"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }

    #[test]
    fn flow_collections_strings_tags_and_blocks() {
        let code = "a: { icon: x/y, name: Dark }\nb: [1, 'it''s']\nc: !!python/name:m.f\n\
                    d: &anchor |\n  kept as is\ne: *anchor\nf: \"two\n  lines\"\n---\n";
        let got = tokens(code);
        for want in [
            (Some("p p-Indicator"), "{"),
            (Some("nt"), " icon"),
            (Some("nv"), "x/y"),
            (Some("nt"), " name"),
            (Some("nv"), "1"),
            (Some("s"), "'it"),
            (Some("se"), "''"),
            (Some("kt"), "!!python/name:m.f"),
            (Some("nl"), "&anchor"),
            (Some("p p-Indicator"), "|"),
            (Some("no"), "kept as is"),
            (Some("nv"), "*anchor"),
            (Some("s"), "lines\""),
            (Some("nn"), "---"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }
}

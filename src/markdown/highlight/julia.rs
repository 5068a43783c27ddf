//! A small Julia lexer, for [`super`]: hl-lite has none. One forward pass; every byte ends up
//! in exactly one token, tokens never split a character, and unterminated strings and
//! comments run to the end of the code. Classes follow Pygments' `JuliaLexer`: `#` comments
//! `c`, `#= =#` blocks (nested) `cm`, keywords `k`, types (known ones, after `::` or `<:`,
//! after `struct`, before `{`) `kt`, literals (`true`, `nothing`, `im`, `pi`, ...) `nb`,
//! macros `nd`, strings `s` with `$x` and `$(...)` interpolations `si` (the code inside
//! `$(...)` stays one `si` token here), `r"..."` regexes `sr` after their prefix `sa`,
//! characters `sc`, symbols `ss`, numbers `mi` / `mf` / `mh` / `mb` / `mo`, operators `o`,
//! `[](),;{}` `p`, other names `n`.

use super::scan::{char_end, decimal, is_name, line_end, run};

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    let bytes = code.as_bytes();
    let mut i = 0;
    // Whether the next name is a type (after `::`, `<:` or `struct`).
    let mut type_next = false;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| bytes[p]);
        let class = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = run(bytes, i, |b| b.is_ascii_whitespace());
                emit(None, &code[start..i]);
                continue;
            }
            b'#' if next == Some(b'=') => {
                i = block_comment_end(bytes, i);
                Some("cm")
            }
            b'#' => {
                i = line_end(bytes, i);
                Some("c")
            }
            b'"' => {
                i = string(code, i, "s", &mut emit);
                type_next = false;
                continue;
            }
            b'\'' if char_literal(code, i).is_some() => {
                i = char_literal(code, i).unwrap_or(i + 1);
                Some("sc")
            }
            b'\'' if prev.is_some_and(|p| is_name(p) || matches!(p, b'.' | b')' | b']')) => {
                i = run(bytes, i, |b| b == b'\'');
                Some("o")
            }
            b':' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == b'_')
                && prev.is_none_or(|p| {
                    !matches!(p, b']' | b')' | b':' | b'<' | b'>' | b'.') && !p.is_ascii_digit()
                }) =>
            {
                i = run(bytes, i + 1, is_name);
                Some("ss")
            }
            b'@' if next.is_some_and(|n| n.is_ascii_alphabetic() || n == b'_') => {
                i = run(bytes, i + 1, |b| is_name(b) || b == b'!');
                Some("nd")
            }
            b'0' if radix_digits(bytes, i + 2, next) > i + 2 => {
                i = radix_digits(bytes, i + 2, next);
                Some(match next {
                    Some(b'x') => "mh",
                    Some(b'b') => "mb",
                    _ => "mo",
                })
            }
            b'0'..=b'9' => {
                let (end, float) = decimal(bytes, i, b"ef", true);
                i = end;
                Some(if float { "mf" } else { "mi" })
            }
            b'.' if next.is_some_and(|n| n.is_ascii_digit()) => {
                i = decimal(bytes, i, b"ef", true).0;
                Some("mf")
            }
            _ if b.is_ascii_alphabetic() || b == b'_' || b >= 0x80 => {
                i = run(bytes, i, |b| is_name(b) || b == b'!');
                let word = &code[start..i];
                if bytes.get(i) == Some(&b'"') {
                    // A string macro's prefix: `r"..."` is a regex.
                    emit(Some("sa"), word);
                    i = string(code, i, if word == "r" { "sr" } else { "s" }, &mut emit);
                    type_next = false;
                    continue;
                }
                let class = word_class(word, type_next, bytes.get(i) == Some(&b'{'));
                type_next = word == "struct";
                emit(Some(class), word);
                continue;
            }
            b'(' | b')' | b'[' | b']' | b'{' | b'}' | b',' | b';' => {
                i += 1;
                Some("p")
            }
            b'=' | b'+' | b'-' | b'*' | b'/' | b'\\' | b'^' | b'%' | b'<' | b'>' | b'!' | b'&'
            | b'|' | b'~' | b'?' | b':' | b'$' | b'.' => {
                i = run(bytes, i, |b| b"=+-*/\\^%<>!&|~?:$.".contains(&b));
                let op = &code[start..i];
                emit(Some("o"), op);
                type_next = op.ends_with("::") || op.ends_with("<:");
                continue;
            }
            _ => {
                i = char_end(code, i);
                None
            }
        };
        type_next = false;
        emit(class, &code[start..i]);
    }
}

fn word_class(word: &str, type_next: bool, before_brace: bool) -> &'static str {
    if KEYWORDS.contains(&word) {
        "k"
    } else if type_next || before_brace || TYPES.contains(&word) {
        "kt"
    } else if LITERALS.contains(&word) {
        "nb"
    } else {
        "n"
    }
}

/// The end of the digits of a `0x` / `0b` / `0o` number (`radix` is the letter) from `i`:
/// digits of that base, single `_` between them, as Pygments reads them; `i` when none.
fn radix_digits(bytes: &[u8], i: usize, radix: Option<u8>) -> usize {
    let digit = |b: u8| match radix {
        Some(b'x') => b.is_ascii_hexdigit(),
        Some(b'b') => matches!(b, b'0' | b'1'),
        Some(b'o') => matches!(b, b'0'..=b'7'),
        _ => false,
    };
    let mut end = run(bytes, i, digit);
    while end > i && bytes.get(end) == Some(&b'_') && bytes.get(end + 1).is_some_and(|&b| digit(b))
    {
        end = run(bytes, end + 1, digit);
    }
    end
}

/// Emits a string whose opening quote is at `i` as `class` pieces and interpolations `si`;
/// returns where it ends (the end of the code when it is never closed).
fn string<'a>(
    code: &'a str,
    mut i: usize,
    class: &'static str,
    emit: &mut impl FnMut(Option<&'static str>, &'a str),
) -> usize {
    let mut emit = |class, text: &'a str| {
        if !text.is_empty() {
            emit(class, text);
        }
    };
    let bytes = code.as_bytes();
    let quote = if code[i..].starts_with("\"\"\"") {
        "\"\"\""
    } else {
        "\""
    };
    let mut piece = i;
    i += quote.len();
    while i < bytes.len() {
        match bytes[i] {
            b'\\' => i += 2,
            b'"' if code[i..].starts_with(quote) => {
                i += quote.len();
                emit(Some(class), &code[piece..i]);
                return i;
            }
            b'$' if class == "s" => {
                let end = match bytes.get(i + 1) {
                    Some(b'(') => paren_end(bytes, i + 1),
                    Some(&n) if n.is_ascii_alphabetic() || n == b'_' || n >= 0x80 => {
                        run(bytes, i + 1, is_name)
                    }
                    _ => i + 1,
                };
                if end > i + 1 {
                    emit(Some(class), &code[piece..i]);
                    emit(Some("si"), &code[i..end]);
                    piece = end;
                }
                i = end;
            }
            _ => i += 1,
        }
    }
    // `i` may have passed the end after a final backslash.
    emit(Some(class), &code[piece..]);
    bytes.len()
}

/// The end of the parenthesis opened at `i` (nested ones counted), or the end of the code.
fn paren_end(bytes: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    for (j, &b) in bytes.iter().enumerate().skip(i) {
        match b {
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return j + 1;
                }
            }
            _ => {}
        }
    }
    bytes.len()
}

/// The end of a character literal opened at `i` (`'a'`, `'\n'`, `'\u00e9'`), if one is there.
fn char_literal(code: &str, i: usize) -> Option<usize> {
    let bytes = code.as_bytes();
    let mut j = i + 1;
    match *bytes.get(j)? {
        b'\\' => {
            j = char_end(code, (j + 1).min(bytes.len() - 1));
            j = run(bytes, j, |b| b.is_ascii_hexdigit()).min(j + 8);
        }
        b'\'' | b'\n' => return None,
        _ => j = char_end(code, j),
    }
    (bytes.get(j) == Some(&b'\'')).then_some(j + 1)
}

/// The end of a `#=` block comment opened at `i`: its matching `=#` (nested blocks counted),
/// or the end of the code.
fn block_comment_end(bytes: &[u8], i: usize) -> usize {
    let mut depth = 0usize;
    let mut j = i;
    while j + 1 < bytes.len() {
        match (bytes[j], bytes[j + 1]) {
            (b'#', b'=') => {
                depth += 1;
                j += 2;
            }
            (b'=', b'#') => {
                depth -= 1;
                j += 2;
                if depth == 0 {
                    return j;
                }
            }
            _ => j += 1,
        }
    }
    bytes.len()
}

const KEYWORDS: &[&str] = &[
    "abstract",
    "baremodule",
    "begin",
    "break",
    "catch",
    "ccall",
    "const",
    "continue",
    "do",
    "else",
    "elseif",
    "end",
    "export",
    "finally",
    "for",
    "function",
    "global",
    "if",
    "import",
    "in",
    "isa",
    "let",
    "local",
    "macro",
    "module",
    "mutable",
    "primitive",
    "quote",
    "return",
    "struct",
    "try",
    "using",
    "where",
    "while",
];

const TYPES: &[&str] = &[
    "AbstractArray",
    "AbstractDict",
    "AbstractFloat",
    "AbstractString",
    "AbstractVector",
    "Any",
    "Array",
    "Bool",
    "Char",
    "Complex",
    "DataType",
    "Dict",
    "Exception",
    "Float16",
    "Float32",
    "Float64",
    "Function",
    "IO",
    "Int",
    "Int128",
    "Int16",
    "Int32",
    "Int64",
    "Int8",
    "Integer",
    "Matrix",
    "Missing",
    "NamedTuple",
    "Nothing",
    "Number",
    "Pair",
    "Rational",
    "Real",
    "Regex",
    "Set",
    "String",
    "Symbol",
    "Tuple",
    "Type",
    "UInt",
    "UInt16",
    "UInt32",
    "UInt64",
    "UInt8",
    "Union",
    "Vector",
];

const LITERALS: &[&str] = &[
    "ARGS", "ENV", "Inf", "NaN", "VERSION", "false", "im", "missing", "nothing", "pi", "stderr",
    "stdin", "stdout", "true", "undef",
];

#[cfg(test)]
#[path = "julia_tests.rs"]
mod tests;

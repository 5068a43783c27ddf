//! A small R lexer, for [`super`]: hl-lite has none. One forward pass; every byte ends up in
//! exactly one token, tokens never split a character, and unterminated strings run to the end
//! of the code. Classes follow Pygments' `SLexer` (`r` fences): `#` comments `c1`, strings
//! `s`, numbers `m` (`mh` in hex), the reserved words `kr`, constants (`TRUE`, `NULL`,
//! `NA_integer_`, `Inf`, ...) `kc`, `T` and `F` `bp`, a name before `(` `nf`, other names `n`,
//! operators (`<-`, `%in%`, `$`, `::`, ...) `o`, brackets and separators `p`.

use super::scan::{char_end, decimal, line_end, quoted, run};

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    let bytes = code.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let class = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = run(bytes, i, |b| b.is_ascii_whitespace());
                None
            }
            b'#' => {
                i = line_end(bytes, i);
                Some("c1")
            }
            b'\'' | b'"' => {
                i = quoted(bytes, i, b, true, false);
                Some("s")
            }
            b'`' => {
                i = quoted(bytes, i, b'`', true, false);
                Some("n")
            }
            _ if b.is_ascii_alphabetic()
                || (b == b'.'
                    && next.is_some_and(|n| n.is_ascii_alphabetic() || n == b'_' || n == b'.')) =>
            {
                i = run(bytes, i + 1, |b| super::scan::is_name(b) || b == b'.');
                Some(word_class(&code[start..i], bytes, i))
            }
            b'.' => {
                // A lone `.` is a name to Pygments, even before a digit.
                i += 1;
                Some("n")
            }
            b'0' if matches!(next, Some(b'x' | b'X'))
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit) =>
            {
                i = run(bytes, i + 2, |b| b.is_ascii_hexdigit());
                i = suffix(bytes, i);
                Some("mh")
            }
            b'0'..=b'9' => {
                i = suffix(bytes, decimal(bytes, i, b"e", false).0);
                Some("m")
            }
            _ if arrow(bytes, i) > 0 => {
                i += arrow(bytes, i);
                Some("o")
            }
            b'+' | b'-' if next.is_some_and(|n| n.is_ascii_digit() || n == b'.') => {
                // Pygments reads a sign before a number as part of it.
                i = suffix(bytes, decimal(bytes, i + 1, b"e", false).0.max(i + 2));
                Some("m")
            }
            b'(' | b')' | b',' | b';' | b'[' | b']' | b'{' | b'}' => {
                i += 1;
                Some("p")
            }
            b'%' => {
                // `%in%`, `%>%`: up to the next `%` on the line; a lone `%` is text.
                match code[i + 1..]
                    .find(['%', '\n'])
                    .filter(|&p| bytes[i + 1 + p] == b'%')
                {
                    Some(p) => {
                        i += p + 2;
                        Some("o")
                    }
                    None => {
                        i += 1;
                        None
                    }
                }
            }
            b'<' | b'>' | b'=' | b'!' | b'&' | b'|' | b'?' | b'*' | b'+' | b'-' | b'^' | b'/'
            | b'~' | b'$' | b'@' | b':' => {
                i += 1;
                Some("o")
            }
            _ => {
                i = char_end(code, i);
                None
            }
        };
        emit(class, &code[start..i]);
    }
}

/// The length of the assignment arrow (`<-`, `<<-`, `->`, `->>`) at `i`, or 0.
fn arrow(bytes: &[u8], i: usize) -> usize {
    let rest = &bytes[i..];
    [&b"<<-"[..], b"<-", b"->>", b"->"]
        .iter()
        .find(|a| rest.starts_with(a))
        .map_or(0, |a| a.len())
}

/// A number's `L` (integer) or `i` (imaginary) suffix.
fn suffix(bytes: &[u8], i: usize) -> usize {
    i + usize::from(matches!(bytes.get(i), Some(b'L' | b'i')))
}

/// The class of a name that ends at `end`.
fn word_class(word: &str, bytes: &[u8], end: usize) -> &'static str {
    if CONSTANTS.contains(&word)
        || (word.len() > 2
            && word.starts_with("..")
            && word[2..].bytes().all(|b| b.is_ascii_digit()))
    {
        "kc"
    } else if RESERVED.contains(&word) {
        "kr"
    } else if word == "T" || word == "F" {
        "bp"
    } else if bytes.get(run(bytes, end, |b| b == b' ' || b == b'\t')) == Some(&b'(') {
        "nf"
    } else {
        "n"
    }
}

const RESERVED: &[&str] = &[
    "if", "else", "for", "while", "repeat", "in", "next", "break", "return", "switch", "function",
];

const CONSTANTS: &[&str] = &[
    "NULL",
    "NA",
    "NA_integer_",
    "NA_real_",
    "NA_complex_",
    "NA_character_",
    "letters",
    "LETTERS",
    "Inf",
    "TRUE",
    "FALSE",
    "NaN",
    "pi",
    "...",
];

#[cfg(test)]
mod tests {
    use super::super::test_support::classed;

    #[test]
    fn classes_follow_pygments() {
        let got = classed(
            "r",
            "x <- c(1, 2.5, 3L) # note\nf <- function(a = TRUE) if (is.na(a)) NULL\n",
        );
        for expected in [
            ("n", "x"),
            ("o", "<-"),
            ("nf", "c"),
            ("m", "2.5"),
            ("m", "3L"),
            ("c1", "# note"),
            ("kr", "function"),
            ("kc", "TRUE"),
            ("kr", "if"),
            ("nf", "is.na"),
            ("kc", "NULL"),
            ("p", "("),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
        let got = classed("r", "x<-1");
        assert_eq!(got, [("n", "x"), ("o", "<-"), ("m", "1")]);
        let got = classed("r", "y %in% z; df$col; 'it\\'s' \"q\" 0x1F -1e-3");
        for expected in [
            ("o", "%in%"),
            ("o", "$"),
            ("s", "'it\\'s'"),
            ("s", "\"q\""),
            ("mh", "0x1F"),
            ("m", "-1e-3"),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
    }

    #[test]
    fn only_dots_before_digits_are_the_constant() {
        // `..1` and `...` name arguments (constants to Pygments); a bare `..` is a name, or a
        // function's name before `(`.
        let got = classed("r", "g(..1, ..12, ..., ..) + ..(x) + ..2L");
        for expected in [
            ("kc", "..1"),
            ("kc", "..12"),
            ("kc", "..."),
            ("n", ".."),
            ("nf", ".."),
            ("n", "..2L"),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
        assert!(!got.contains(&("kc", "..")), "{got:?}");
    }
}

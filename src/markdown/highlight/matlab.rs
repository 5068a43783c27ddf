//! A small MATLAB lexer, for [`super`]: hl-lite has none. One forward pass; every byte ends
//! up in exactly one token, tokens never split a character, and unterminated strings and
//! block comments run to the end of the code. Classes follow Pygments' `MatlabLexer`: `%`
//! and `...` comments `c`, `%{ ... %}` blocks `cm`, keywords `k`, common functions `nb`, the
//! name a `function` line defines `nf`, other names `n`, strings `s` (a `'` after a name, a
//! closing bracket or a `.` is the transpose operator), numbers `mi` / `mf`, operators `o`,
//! `= ; : , ( ) [ ] { } @ .` `p`, a `!` shell line `sx`.

use super::scan::{char_end, decimal, line_end, quoted, run};

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    let bytes = code.as_bytes();
    let mut i = 0;
    // Where the name a `function` line defines starts.
    let mut defined = None;
    // Whether only white space precedes `i` on its line.
    let mut line_start = true;
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let next = bytes.get(i + 1).copied();
        let class = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = run(bytes, i, |b| b.is_ascii_whitespace());
                None
            }
            b'%' if next == Some(b'{')
                && line_start
                && code[i + 2..line_end(bytes, i)].trim().is_empty() =>
            {
                i = block_comment_end(code, i);
                Some("cm")
            }
            b'%' => {
                i = line_end(bytes, i);
                Some("c")
            }
            b'.' if code[i..].starts_with("...") => {
                i = line_end(bytes, i);
                Some("c")
            }
            b'!' if line_start => {
                i = line_end(bytes, i);
                Some("sx")
            }
            b'"' => {
                i = quoted(bytes, i, b'"', false, true);
                Some("s")
            }
            b'\''
                if i > 0
                    && (super::scan::is_name(bytes[i - 1])
                        || matches!(bytes[i - 1], b')' | b']' | b'.')) =>
            {
                i = run(bytes, i, |b| b == b'\'');
                Some("o")
            }
            b'\'' => {
                i = quoted(bytes, i, b'\'', false, true);
                Some("s")
            }
            b'0'..=b'9' => {
                let (end, mut float) = decimal(bytes, i, b"ef", false);
                i = end;
                // `1.` is a number, unless the `.` starts an operator (`1.*x`).
                if bytes.get(i) == Some(&b'.')
                    && !matches!(bytes.get(i + 1), Some(b'*' | b'/' | b'\\' | b'^' | b'\''))
                {
                    i += 1;
                    float = true;
                }
                Some(if float { "mf" } else { "mi" })
            }
            b'.' if next.is_some_and(|n| n.is_ascii_digit()) => {
                i = decimal(bytes, i, b"ef", false).0;
                Some("mf")
            }
            b'.' if matches!(next, Some(b'*' | b'/' | b'\\' | b'^')) => {
                i += 2;
                Some("o")
            }
            _ if b.is_ascii_alphabetic() || b == b'_' => {
                i = run(bytes, i, super::scan::is_name);
                let word = &code[start..i];
                Some(if KEYWORDS.contains(&word) {
                    if word == "function" && line_start {
                        defined = defined_name(code, i);
                    }
                    "k"
                } else if defined == Some(start) {
                    "nf"
                } else if BUILTINS.contains(&word) {
                    "nb"
                } else {
                    "n"
                })
            }
            b'=' if next == Some(b'=') => {
                i += 2;
                Some("o")
            }
            b'=' | b';' | b':' | b',' | b'(' | b')' | b'[' | b']' | b'{' | b'}' | b'@' | b'.' => {
                i += 1;
                Some("p")
            }
            b'-' | b'~' | b'<' | b'>' | b'&' | b'|' | b'*' | b'+' | b'^' | b'/' | b'\\' => {
                i += 1;
                Some("o")
            }
            _ => {
                i = char_end(code, i);
                None
            }
        };
        let text = &code[start..i];
        line_start = match class {
            None if text.trim().is_empty() => line_start || text.contains('\n'),
            _ => text.ends_with('\n'),
        };
        emit(class, text);
    }
}

/// The end of a `%{` block comment opened at `i`: the end of the first later line that holds
/// only `%}` (spaces around it allowed), or the end of the code.
fn block_comment_end(code: &str, i: usize) -> usize {
    let bytes = code.as_bytes();
    let mut at = line_end(bytes, i);
    while at < bytes.len() {
        let end = line_end(bytes, at + 1);
        if code[at + 1..end].trim() == "%}" {
            return end;
        }
        at = end;
    }
    bytes.len()
}

/// Where the name defined by the `function` keyword that ends at `i` starts: the name after
/// the `=` of `function out = name(...)`, else the first name.
fn defined_name(code: &str, i: usize) -> Option<usize> {
    let line = &code[i..line_end(code.as_bytes(), i)];
    let head = &line[..line.find('(').unwrap_or(line.len())];
    let after = head.find('=').map_or(0, |e| e + 1);
    let offset = head[after..].find(|c: char| c.is_ascii_alphabetic() || c == '_')?;
    Some(i + after + offset)
}

const KEYWORDS: &[&str] = &[
    "arguments",
    "break",
    "case",
    "catch",
    "classdef",
    "continue",
    "else",
    "elseif",
    "end",
    "enumeration",
    "events",
    "for",
    "function",
    "global",
    "if",
    "methods",
    "otherwise",
    "parfor",
    "persistent",
    "properties",
    "return",
    "spmd",
    "switch",
    "try",
    "while",
];

const BUILTINS: &[&str] = &[
    "abs", "all", "any", "cell", "ceil", "cos", "disp", "eps", "error", "exp", "eye", "false",
    "figure", "find", "floor", "fprintf", "i", "inf", "Inf", "isempty", "j", "legend", "length",
    "linspace", "log", "max", "mean", "min", "mod", "NaN", "nan", "num2str", "numel", "ones", "pi",
    "plot", "rand", "randn", "repmat", "reshape", "round", "sin", "size", "sprintf", "sqrt",
    "struct", "sum", "tan", "title", "true", "warning", "xlabel", "ylabel", "zeros",
];

#[cfg(test)]
mod tests {
    use super::super::test_support::classed;

    #[test]
    fn classes_follow_pygments() {
        let code = "% top\nfunction y = square(x)\n  y = x.^2 + 1.5; % tail\n  s = 'it''s';\n  \
                    t = \"dq\";\n  for k = 1:10\n    disp(k)\n  end\nend\n%{\nold\n%}\n";
        let got = classed("matlab", code);
        for expected in [
            ("c", "% top"),
            ("k", "function"),
            ("nf", "square"),
            ("p", "="),
            ("o", ".^"),
            ("mi", "2"),
            ("mf", "1.5"),
            ("c", "% tail"),
            ("s", "'it''s'"),
            ("s", "\"dq\""),
            ("k", "for"),
            ("p", ":"),
            ("nb", "disp"),
            ("k", "end"),
            ("cm", "%{\nold\n%}"),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
    }
}

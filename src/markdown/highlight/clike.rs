//! A small lexer for the brace languages hl-lite lacks (C, C++, Go, Java) and PowerShell, for
//! [`super`]: one forward pass over static keyword tables per [`Dialect`]. Every byte ends up
//! in exactly one token, tokens never split a character, and unterminated strings and comments
//! run to the end of the code. Classes follow Pygments' lexers for these languages: keywords
//! `k`, declarations `kd`, namespaces (`import`, `package`) `kn`, types `kt`, constants `kc`,
//! strings `s` (`sc` for a C character), numbers `mi` / `mf` / `mh`, comments `c1` / `cm`,
//! preprocessor lines `cp`, annotations `nd`, a name after PowerShell's `function` `nf`,
//! PowerShell variables `nv`, cmdlets `nb` and `#` comments `c`, operators `o`, punctuation
//! `p`, other names `n` (`nx` in Go). The dialects' word lists are in `dialects`.

mod dialects;

pub use dialects::{C, CPP, GO, JAVA, POWERSHELL};

/// What sets one language apart.
#[derive(Debug, PartialEq, Eq)]
pub struct Dialect {
    keywords: &'static [&'static str],
    declarations: &'static [&'static str],
    namespaces: &'static [&'static str],
    types: &'static [&'static str],
    constants: &'static [&'static str],
    /// `#include` lines (C, C++).
    preprocessor: bool,
    /// `#` comments, `$variables`, `Verb-Noun` cmdlets, words matched without case (PowerShell).
    shell: bool,
    /// The word after which a name is a function's (`nf`).
    function_word: Option<&'static str>,
    /// The class of other names (`n`; Go's lexer says `nx`).
    name: &'static str,
}

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(
    dialect: &Dialect,
    code: &'a str,
    mut emit: impl FnMut(Option<&'static str>, &'a str),
) {
    let bytes = code.as_bytes();
    let (mut i, mut line_start, mut after_function_word) = (0, true, false);
    while i < bytes.len() {
        let start = i;
        let b = bytes[i];
        let class = match b {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i = run(bytes, i, |b| b.is_ascii_whitespace());
                if code[start..i].contains('\n') {
                    line_start = true;
                }
                emit(None, &code[start..i]);
                continue;
            }
            b'#' if dialect.preprocessor && line_start => {
                i = line_end(bytes, i);
                Some("cp")
            }
            b'#' if dialect.shell => {
                i = line_end(bytes, i);
                Some("c")
            }
            b'<' if dialect.shell && bytes.get(i + 1) == Some(&b'#') => {
                i = code[i + 2..]
                    .find("#>")
                    .map_or(bytes.len(), |p| i + 2 + p + 2);
                Some("cm")
            }
            b'/' if !dialect.shell && bytes.get(i + 1) == Some(&b'/') => {
                i = line_end(bytes, i);
                Some("c1")
            }
            b'/' if !dialect.shell && bytes.get(i + 1) == Some(&b'*') => {
                i = code[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |p| i + 2 + p + 2);
                Some("cm")
            }
            b'"' => {
                i = quoted(bytes, i, b'"', !dialect.shell);
                Some(if dialect.shell { "s2" } else { "s" })
            }
            b'\'' => {
                i = quoted(bytes, i, b'\'', !dialect.shell);
                Some(if dialect.shell { "s1" } else { "sc" })
            }
            b'`' if !dialect.shell => {
                i = quoted(bytes, i, b'`', false);
                Some("s")
            }
            b'$' if dialect.shell => {
                i = run(bytes, i + 1, |b| {
                    b.is_ascii_alphanumeric() || b == b'_' || b == b':'
                });
                Some("nv")
            }
            b'@' if !dialect.shell && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                i = run(bytes, i + 1, |b| {
                    b.is_ascii_alphanumeric() || b == b'_' || b == b'.'
                });
                Some("nd")
            }
            b'0'..=b'9' => {
                let (end, class) = number(bytes, i);
                i = end;
                Some(class)
            }
            b if b.is_ascii_alphabetic() || b == b'_' => {
                i = run(bytes, i, |b| b.is_ascii_alphanumeric() || b == b'_');
                if dialect.shell && bytes.get(i) == Some(&b'-') {
                    // `Get-ChildItem`: a cmdlet.
                    i = run(bytes, i + 1, |b| b.is_ascii_alphanumeric() || b == b'-');
                    emit(Some("nb"), &code[start..i]);
                    line_start = false;
                    continue;
                }
                Some(word_class(dialect, &code[start..i], after_function_word))
            }
            b'-' if dialect.shell && bytes.get(i + 1).is_some_and(u8::is_ascii_alphabetic) => {
                i = run(bytes, i + 1, |b| b.is_ascii_alphanumeric() || b == b'_');
                Some("n")
            }
            b'(' | b')' | b',' | b';' | b'.' | b'[' | b']' | b'{' | b'}' | b':' => {
                i += 1;
                Some("p")
            }
            b'=' | b'<' | b'>' | b'!' | b'+' | b'-' | b'*' | b'/' | b'%' | b'|' | b'&' | b'^'
            | b'~' | b'?' => {
                i = run(bytes, i + 1, |b| b"=<>!+-*/%|&^~?".contains(&b));
                Some("o")
            }
            _ => {
                // Anything else, a whole character.
                i += code[i..].chars().next().map_or(1, char::len_utf8);
                None
            }
        };
        let text = &code[start..i];
        after_function_word = dialect
            .function_word
            .is_some_and(|w| same(dialect, text, w));
        line_start = false;
        emit(class, text);
    }
}

fn same(dialect: &Dialect, a: &str, b: &str) -> bool {
    if dialect.shell {
        a.eq_ignore_ascii_case(b)
    } else {
        a == b
    }
}

fn word_class(dialect: &Dialect, word: &str, after_function_word: bool) -> &'static str {
    let is = |list: &[&str]| list.iter().any(|w| same(dialect, word, w));
    if after_function_word {
        "nf"
    } else if is(dialect.constants) {
        "kc"
    } else if is(dialect.namespaces) {
        "kn"
    } else if is(dialect.declarations) {
        "kd"
    } else if is(dialect.types) {
        "kt"
    } else if is(dialect.keywords) {
        "k"
    } else {
        dialect.name
    }
}

/// A number at `i`: hex `mh`, with a fraction or exponent `mf`, else `mi` (suffixes kept).
fn number(bytes: &[u8], i: usize) -> (usize, &'static str) {
    if bytes[i] == b'0' && matches!(bytes.get(i + 1), Some(b'x' | b'X')) {
        return (
            run(bytes, i + 2, |b| b.is_ascii_hexdigit() || b == b'_'),
            "mh",
        );
    }
    let mut end = run(bytes, i, |b| b.is_ascii_digit() || b == b'_');
    let mut float = false;
    if bytes.get(end) == Some(&b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = run(bytes, end + 1, |b| b.is_ascii_digit() || b == b'_');
        float = true;
    }
    if matches!(bytes.get(end), Some(b'e' | b'E'))
        && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)
    {
        end = run(bytes, end + 1, |b| b.is_ascii_digit());
        float = true;
    }
    end = run(bytes, end, |b| b.is_ascii_alphabetic());
    (end, if float { "mf" } else { "mi" })
}

fn run(bytes: &[u8], from: usize, keep: impl Fn(u8) -> bool) -> usize {
    from + bytes[from..].iter().take_while(|&&b| keep(b)).count()
}

fn line_end(bytes: &[u8], from: usize) -> usize {
    bytes[from..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| from + p)
}

/// The end of a string opened by `quote` at `from` (after its closing quote, or the end of
/// the code); a backslash escapes the next byte when `escapes`. A string never runs past the
/// end of its line unless it is a backtick string.
fn quoted(bytes: &[u8], from: usize, quote: u8, escapes: bool) -> usize {
    let mut i = from + 1;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if escapes => i += 2,
            b if b == quote => return i + 1,
            b'\n' if quote != b'`' => return i,
            _ => i += 1,
        }
    }
    bytes.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens<'a>(dialect: &Dialect, code: &'a str) -> Vec<(Option<&'static str>, &'a str)> {
        let mut out = Vec::new();
        lex(dialect, code, |c, t| out.push((c, t)));
        out
    }

    fn classed<'a>(dialect: &Dialect, code: &'a str) -> Vec<(&'static str, &'a str)> {
        tokens(dialect, code)
            .into_iter()
            .filter_map(|(c, t)| Some((c?, t)))
            .collect()
    }

    #[test]
    fn c_preprocessor_types_strings_and_comments() {
        let got = classed(
            &C,
            "#include <stdio.h>\nint main(void) { return 0x1F; } // done\n",
        );
        assert_eq!(got[0], ("cp", "#include <stdio.h>"));
        assert!(got.contains(&("kt", "int")) && got.contains(&("kt", "void")));
        assert!(got.contains(&("n", "main")) && got.contains(&("k", "return")));
        assert!(got.contains(&("mh", "0x1F")) && got.contains(&("c1", "// done")));
        assert!(classed(&C, "char c = 'x'; /* open").contains(&("cm", "/* open")));
    }

    #[test]
    fn go_and_java_declarations() {
        let go = classed(&GO, "package main\nfunc Add(a int) error { return nil }");
        assert!(go.contains(&("kn", "package")) && go.contains(&("kd", "func")));
        assert!(go.contains(&("nx", "Add")) && go.contains(&("kt", "error")));
        assert!(go.contains(&("kc", "nil")));
        let java = classed(
            &JAVA,
            "@Override public static void run() { s = \"a\\\"b\"; }",
        );
        assert!(java.contains(&("nd", "@Override")) && java.contains(&("kd", "public")));
        assert!(java.contains(&("kt", "void")) && java.contains(&("s", "\"a\\\"b\"")));
    }

    #[test]
    fn powershell_variables_cmdlets_and_comments() {
        let got = classed(
            &POWERSHELL,
            "Get-ChildItem -Path $HOME # list\nIF ($x) { 'a' }",
        );
        assert!(got.contains(&("nb", "Get-ChildItem")) && got.contains(&("n", "-Path")));
        assert!(got.contains(&("nv", "$HOME")) && got.contains(&("c", "# list")));
        assert!(got.contains(&("k", "IF")) && got.contains(&("s1", "'a'")));
    }

    #[test]
    fn tokens_cover_the_code_and_keep_characters_whole() {
        for dialect in [&C, &CPP, &GO, &JAVA, &POWERSHELL] {
            for code in [
                "é \"ünterminated",
                "'\\",
                "/* é",
                "x = 1.5e3 + ü",
                "<# ⌘",
                "0x",
                "@",
            ] {
                let joined: String = tokens(dialect, code).iter().map(|(_, t)| *t).collect();
                assert_eq!(joined, code);
            }
        }
    }
}

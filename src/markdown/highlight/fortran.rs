//! A small Fortran (free-form, `fortran` and `f90` fences) lexer, for [`super`]: hl-lite has
//! none. One forward pass; every byte ends up in exactly one token, tokens never split a
//! character, and unterminated strings run to the end of the code. Classes follow Pygments'
//! `FortranLexer`, whose words are matched without regard to case: `!` comments `c`, `#`
//! lines `cp`, statements (`program`, `do`, `call`, `end`, ...) `k`, types (`integer`,
//! `real`, ...) `kt`, `::` `kd`, intrinsic functions `nb`, strings `s1` / `s2`, numbers `mi` /
//! `mf`, operators `o`, `( ) [ ] , : & % ; .` `p` (so `.true.` is `.`, a name, `.`, as
//! Pygments has it), other names `n`.

use super::scan::{char_end, decimal, in_list_nocase, is_name, line_end, quoted, run};

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
            b'#' if i == 0 || bytes[i - 1] == b'\n' => {
                i = line_end(bytes, i);
                Some("cp")
            }
            b'!' => {
                i = line_end(bytes, i);
                Some("c")
            }
            b'"' => {
                i = quoted(bytes, i, b'"', true, false);
                Some("s2")
            }
            b'\'' => {
                i = quoted(bytes, i, b'\'', true, false);
                Some("s1")
            }
            b'0'..=b'9' => {
                let (end, float) = decimal(bytes, i, b"ed", false);
                i = kind(bytes, end);
                Some(if float { "mf" } else { "mi" })
            }
            b':' if next == Some(b':') => {
                i += 2;
                Some("kd")
            }
            _ if b.is_ascii_alphabetic() => {
                i = run(bytes, i, |b| is_name(b) || b == b'$');
                let word = &code[start..i];
                Some(if in_list_nocase(KEYWORDS, word) {
                    "k"
                } else if in_list_nocase(TYPES, word) {
                    "kt"
                } else if in_list_nocase(INTRINSICS, word) {
                    "nb"
                } else {
                    "n"
                })
            }
            b'*' | b'+' | b'-' | b'/' | b'<' | b'>' | b'=' => {
                i = run(bytes, i, |b| b"*+-/<>=".contains(&b));
                Some("o")
            }
            b'(' | b')' | b'[' | b']' | b',' | b':' | b'&' | b'%' | b';' | b'.' => {
                i += 1;
                Some("p")
            }
            _ => {
                i = char_end(code, i);
                None
            }
        };
        emit(class, &code[start..i]);
    }
}

/// A number's kind suffix (`_8`, `_dp`) after `i`.
fn kind(bytes: &[u8], i: usize) -> usize {
    match bytes.get(i + 1) {
        Some(b) if bytes[i] == b'_' && b.is_ascii_alphanumeric() => run(bytes, i + 1, is_name),
        _ => i,
    }
}

const KEYWORDS: &[&str] = &[
    "abstract",
    "all",
    "allocatable",
    "allocate",
    "assign",
    "associate",
    "backspace",
    "bind",
    "block",
    "call",
    "case",
    "class",
    "close",
    "common",
    "concurrent",
    "contains",
    "continue",
    "cycle",
    "data",
    "deallocate",
    "default",
    "dimension",
    "do",
    "elemental",
    "else",
    "elseif",
    "end",
    "enddo",
    "endif",
    "entry",
    "enum",
    "equivalence",
    "exit",
    "extends",
    "external",
    "final",
    "forall",
    "format",
    "function",
    "go",
    "goto",
    "if",
    "implicit",
    "import",
    "include",
    "inquire",
    "intent",
    "interface",
    "intrinsic",
    "module",
    "namelist",
    "none",
    "nullify",
    "only",
    "open",
    "optional",
    "parameter",
    "pass",
    "pointer",
    "print",
    "private",
    "procedure",
    "program",
    "protected",
    "public",
    "pure",
    "read",
    "recursive",
    "result",
    "return",
    "rewind",
    "save",
    "select",
    "sequence",
    "stop",
    "submodule",
    "subroutine",
    "target",
    "then",
    "to",
    "type",
    "use",
    "value",
    "volatile",
    "where",
    "while",
    "write",
];

const TYPES: &[&str] = &[
    "character",
    "complex",
    "double",
    "integer",
    "logical",
    "precision",
    "real",
    "c_int",
    "c_long",
    "c_float",
    "c_double",
    "c_bool",
    "c_char",
    "c_ptr",
    "c_size_t",
];

const INTRINSICS: &[&str] = &[
    "abs",
    "acos",
    "adjustl",
    "adjustr",
    "aimag",
    "aint",
    "allocated",
    "anint",
    "any",
    "asin",
    "associated",
    "atan",
    "atan2",
    "ceiling",
    "char",
    "cmplx",
    "cos",
    "cosh",
    "count",
    "cpu_time",
    "date_and_time",
    "dble",
    "dot_product",
    "epsilon",
    "exp",
    "float",
    "floor",
    "huge",
    "iachar",
    "ichar",
    "index",
    "int",
    "kind",
    "lbound",
    "len",
    "len_trim",
    "log",
    "log10",
    "matmul",
    "max",
    "maxval",
    "merge",
    "min",
    "minval",
    "mod",
    "modulo",
    "nint",
    "norm2",
    "present",
    "product",
    "random_number",
    "reshape",
    "selected_int_kind",
    "selected_real_kind",
    "shape",
    "sign",
    "sin",
    "sinh",
    "size",
    "sqrt",
    "sum",
    "tan",
    "tanh",
    "tiny",
    "transpose",
    "trim",
    "ubound",
];

#[cfg(test)]
mod tests {
    use super::super::test_support::classed;

    #[test]
    fn classes_follow_pygments() {
        let code = "! note\nPROGRAM demo\n  implicit none\n  real(8) :: x = 1.5d0\n  \
                    character(len=10) :: s = 'abc'\n  do i = 1, 10\n    x = x ** 2 + sqrt(x)\n  \
                    end do\n  print *, \"Hi\", .true.\nend program demo\n";
        let got = classed("fortran", code);
        for expected in [
            ("c", "! note"),
            ("k", "PROGRAM"),
            ("k", "implicit"),
            ("k", "none"),
            ("kt", "real"),
            ("kd", "::"),
            ("mf", "1.5d0"),
            ("mi", "10"),
            ("nb", "len"),
            ("s1", "'abc'"),
            ("k", "do"),
            ("o", "**"),
            ("nb", "sqrt"),
            ("s2", "\"Hi\""),
            ("p", "."),
            ("n", "true"),
            ("n", "demo"),
        ] {
            assert!(got.contains(&expected), "{expected:?} not in {got:?}");
        }
    }
}

//! Helpers for the unit tests of the small hand-written lexers (R, MATLAB, Julia, Fortran):
//! each lexer's own tests and the cross-language ones in [`super::tests`] call them by the
//! lexer's fence name.

/// Runs the standalone lexer named `lexer` over `code`.
fn lex<'a>(lexer: &str, code: &'a str, emit: impl FnMut(Option<&'static str>, &'a str)) {
    match lexer {
        "r" => super::rlang::lex(code, emit),
        "matlab" => super::matlab::lex(code, emit),
        "julia" => super::julia::lex(code, emit),
        "fortran" => super::fortran::lex(code, emit),
        _ => unreachable!("{lexer}"),
    }
}

/// The classified tokens `lexer` hands out for `code`, plain ones left out.
pub(super) fn classed<'a>(lexer: &str, code: &'a str) -> Vec<(&'static str, &'a str)> {
    let mut out = Vec::new();
    lex(lexer, code, |c, t| out.extend(c.map(|c| (c, t))));
    out
}

/// Every piece `lexer` hands out for `code`, as it hands them out (nothing merged or added).
pub(super) fn pieces(lexer: &str, code: &str) -> Vec<String> {
    let mut out = Vec::new();
    lex(lexer, code, |_, text| out.push(text.to_owned()));
    out
}

/// Asserts that every `(class, text)` of `expected` is among the tokens of `code`.
#[track_caller]
pub(super) fn assert_has(lexer: &str, code: &str, expected: &[(&str, &str)]) {
    let got = classed(lexer, code);
    for expected in expected {
        assert!(
            got.contains(expected),
            "{lexer}: {expected:?} not in {got:?}"
        );
    }
}

//! Tests of [`super`] (the Julia lexer), in their own file to keep julia.rs short.

use super::super::test_support::classed;

#[test]
fn classes_follow_pygments() {
    let code = "# note\nfunction f(x::Int64, y=2.0)\n    s = \"hi $x and $(y+1)\"\n    \
                c = 'c'\n    return x + y\nend\n@time println(sum([1 2]))\n#= a #= b =# =#\n\
                mutable struct P <: AbstractType; a::Vector{Float64}; end\n\
                r\"\\d+\" :sym true 0x1f 1_000\n";
    let got = classed("julia", code);
    for expected in [
        ("c", "# note"),
        ("k", "function"),
        ("o", "::"),
        ("kt", "Int64"),
        ("mf", "2.0"),
        ("s", "\"hi "),
        ("si", "$x"),
        ("si", "$(y+1)"),
        ("sc", "'c'"),
        ("k", "return"),
        ("nd", "@time"),
        ("n", "println"),
        ("cm", "#= a #= b =# =#"),
        ("k", "mutable"),
        ("kt", "P"),
        ("kt", "AbstractType"),
        ("kt", "Vector"),
        ("sa", "r"),
        ("sr", "\"\\d+\""),
        ("ss", ":sym"),
        ("nb", "true"),
        ("mh", "0x1f"),
        ("mi", "1_000"),
    ] {
        assert!(got.contains(&expected), "{expected:?} not in {got:?}");
    }
}

#[test]
fn binary_and_octal_numbers_take_only_their_own_digits() {
    // As Pygments reads them: the digits of the base, joined by single underscores; what
    // follows is a decimal number or a name.
    let got = classed("julia", "0b102 0o78 0b1_0 0o7_7 0x1f_ag 0b12 0b 0o9");
    let expected = [
        ("mb", "0b10"),
        ("mi", "2"),
        ("mo", "0o7"),
        ("mi", "8"),
        ("mb", "0b1_0"),
        ("mo", "0o7_7"),
        ("mh", "0x1f_a"),
        ("n", "g"),
        ("mb", "0b1"),
        ("mi", "2"),
        ("mi", "0"),
        ("n", "b"),
        ("mi", "0"),
        ("n", "o9"),
    ];
    assert_eq!(got, expected);
}

#[test]
fn a_string_macro_ends_what_made_the_next_name_a_type() {
    // After `::` or `struct` only the next word is a type; a string macro in that place
    // is that word, so the name after it is a plain name, as Pygments reads it.
    for code in ["x::html\"a\" y", "struct r\"x\" y"] {
        let got = classed("julia", code);
        assert_eq!(got.last(), Some(&("n", "y")), "{code}: {got:?}");
    }
}

//! Tests of [`super`] across languages: classes where Pygments gives them, aliases, and that
//! the tokens of any input, however broken, are that input.

use super::test_support::{assert_has, pieces};
use super::*;

/// The classified tokens of `code` in `lang`, white space and plain text left out.
fn classified(lang: &str, code: &str) -> Vec<(&'static str, String)> {
    let lexer = Lexer::for_fence(lang).unwrap_or_else(|| panic!("no lexer for {lang}"));
    tokens(lexer, code)
        .into_iter()
        .filter_map(|t| t.class.map(|c| (c, t.text.to_owned())))
        .collect()
}

#[track_caller]
fn has(lang: &str, code: &str, expected: &[(&str, &str)]) {
    let got = classified(lang, code);
    for (class, text) in expected {
        assert!(
            got.iter().any(|(c, t)| c == class && t == text),
            "{lang}: no {class}:{text:?} in {got:?}"
        );
    }
}

#[test]
fn aliases() {
    for (alias, name) in [
        ("py", "python"),
        ("sh", "bash"),
        ("zsh", "shell"),
        ("yml", "yaml"),
    ] {
        assert_eq!(Lexer::for_fence(alias), Lexer::for_fence(name));
    }
    assert_eq!(Lexer::for_fence("PostgreSQL"), Some(Lexer::Sql));
    assert_eq!(Lexer::for_fence("TS"), Some(Lexer::Lite(Lang::TypeScript)));
    assert_eq!(Lexer::for_fence("nosuchlang"), None);
    assert_eq!(Lexer::for_fence(""), None);
}

#[test]
fn python_classes_follow_pygments() {
    let code = concat!(
        "import os\n@dec\ndef f(x):\n    \"\"\"Doc.\"\"\"\n",
        "    return 'a' + \"b\" and self  # c\n",
        "class A: pass\nprint(rb'x', 1.5, 0o7)\n",
    );
    has(
        "python",
        code,
        &[
            ("kn", "import"),
            ("nn", "os"),
            ("nd", "@dec"),
            ("k", "def"),
            ("nf", "f"),
            ("sd", "\"\"\"Doc.\"\"\""),
            ("s1", "'a'"),
            ("s2", "\"b\""),
            ("ow", "and"),
            ("bp", "self"),
            ("c1", "# c"),
            ("nc", "A"),
            ("nb", "print"),
            ("sa", "rb"),
            ("mf", "1.5"),
            ("mo", "0o7"),
        ],
    );
    // A triple-quoted string that does not open its line is no docstring.
    has(
        "python",
        "x = \"\"\"text\"\"\"\n",
        &[("s2", "\"\"\"text\"\"\"")],
    );
}

#[test]
fn other_languages() {
    has(
        "bash",
        "echo \"a $X b\" # c\n",
        &[("nb", "echo"), ("nv", "$X"), ("s2", " b\""), ("c1", "# c")],
    );
    has(
        "js",
        "const s = `a${b}c`;\n",
        &[("kd", "const"), ("sb", "}c`")],
    );
    has(
        "json",
        "{\"k\": \"v\"}",
        &[("nt", "\"k\""), ("s2", "\"v\"")],
    );
    has(
        "rust",
        "let c = 'x'; // c\n",
        &[("kd", "let"), ("sc", "'x'"), ("c1", "// c")],
    );
    has(
        "toml",
        "[a]\nb = 2024-01-02\n",
        &[("k", "[a]"), ("ld", "2024-01-02")],
    );
    has("css", "#id .c { x: 1em }", &[("nn", "#id"), ("nc", ".c")]);
    has(
        "diff",
        "@@ -1 +1 @@\n-old\n+new\n same\n",
        &[("gu", "@@ -1 +1 @@\n"), ("gd", "-old\n"), ("gi", "+new\n")],
    );
}

#[test]
fn tokens_rebuild_any_input() {
    let nasty = [
        "",
        "\"",
        "'''",
        "/*",
        "<!--",
        "`${",
        "é€𝄞",
        "\"é",
        "'\\",
        "<<EOF\n",
        "#",
        "r#\"",
        "--",
        "[[",
        "\r\n",
        "\u{feff}x",
        "0x",
        "@",
        "%{",
        "#=",
        "$(",
        "\"\"\"$(",
        "'é'",
        "'\\é",
        "%é%",
        "(venv) $ é\\",
        "[a@b ]$",
        "x@é:$",
        "!",
        ".'",
        "::",
        "1.5d0_",
        "0x",
        "<-",
        "`é",
    ];
    let langs = [
        "python", "bash", "json", "yaml", "toml", "js", "ts", "rust", "html", "css",
    ];
    for lang in langs.iter().chain(&[
        "sql",
        "markdown",
        "dockerfile",
        "diff",
        "ini",
        "c",
        "go",
        "powershell",
        "console",
        "r",
        "matlab",
        "julia",
        "fortran",
        "xml",
        "latex",
    ]) {
        let lexer = Lexer::for_fence(lang).unwrap();
        for a in nasty {
            for b in nasty {
                let code = format!("{a}x {b}\n{a}");
                let joined: String = tokens(lexer, &code).iter().map(|t| t.text).collect();
                assert_eq!(joined, code, "{lang}");
            }
        }
    }
}

#[test]
fn a_quote_after_an_operand_is_the_transpose_operator_in_matlab_and_julia() {
    // After a name, a `)` or a `]` (and `.'` in MATLAB) a quote is an operator, as Pygments
    // reads it; elsewhere it opens text.
    assert_has(
        "matlab",
        "B = A' + x(1)' * [1 2]' + C.'; s = 'a';",
        &[("p", "."), ("s", "'a'")],
    );
    assert_has(
        "julia",
        "B = A' + x(1)' * [1 2]'; c = 'a'",
        &[("sc", "'a'")],
    );
    for (lexer, code) in [
        ("matlab", "A' + x(1)' * [1 2]' + C.'"),
        ("julia", "A' + x(1)' * [1 2]'"),
    ] {
        let quotes: Vec<_> = test_support::classed(lexer, code)
            .into_iter()
            .filter(|(_, t)| t.contains('\''))
            .collect();
        assert!(
            quotes.iter().all(|&q| q == ("o", "'")),
            "{lexer}: {quotes:?}"
        );
        assert_eq!(
            quotes.len(),
            code.matches('\'').count(),
            "{lexer}: {quotes:?}"
        );
    }
}

#[test]
fn new_lexers_hand_out_every_byte_once_even_unterminated() {
    let inputs = [
        "s = 'open é",
        "s = \"open é",
        "x = \"\"\"open $(a é",
        "%{\nnever closed é",
        "#= never #= closed =# é",
        "'\\",
        "\"\\",
        "é€𝄞 'é' \"é\" `é` %é",
        "a%b %in% c",
        "x.' .^ ... é",
        ":é @é 0x 1e 1.5d0_dp 3L .5 -.",
        "# é\n! é\n% é\n",
    ];
    for lexer in ["r", "matlab", "julia", "fortran"] {
        for input in inputs {
            let got = pieces(lexer, input);
            assert_eq!(got.concat(), input, "{lexer}: {got:?}");
            assert!(got.iter().all(|p| !p.is_empty()), "{lexer}: {got:?}");
        }
    }
}

#[test]
fn console_prompts_commands_and_output() {
    let code = "$ pip install \"x>=1\" --user\nCollecting x\n(venv) $ ls | grep y # note\n\
                # echo hi\n$ make \\\n> all\noutput\n";
    has(
        "console",
        code,
        &[
            ("gp", "$ "),
            ("s2", "\"x>=1\""),
            ("go", "Collecting x"),
            ("gp gp-VirtualEnv", "(venv)"),
            ("c1", "# note"),
            ("gp", "# "),
            ("nb", "echo"),
            ("gp", "> "),
            ("go", "output"),
        ],
    );
    // Output is never read as Bash: a `#` in it is no comment.
    let got = classified("console", "$ df\n/dev/sda1 50% /\n");
    assert!(
        got.contains(&("go", "/dev/sda1 50% /".to_owned())),
        "{got:?}"
    );
    assert_eq!(Lexer::for_fence("shell-session"), Some(Lexer::Console));
}

#[test]
fn xml_tags_attributes_declarations_and_cdata_as_pygments_names_them() {
    has(
        "xml",
        "<?xml version=\"1.0\"?>\n<a b=\"c\"><![CDATA[ x ]]></a>\n",
        &[
            ("cp", "<?xml version=\"1.0\"?>"),
            ("cp", "<![CDATA[ x ]]>"),
            ("nt", "<a"),
            ("na", "b="),
            ("s", "\"c\""),
            ("nt", ">"),
            ("nt", "</a>"),
        ],
    );
}

/// Long lines of half-finished constructs (what makes a lexer that scans ahead for an end
/// quadratic) still come back whole, every byte in exactly one token. How their time grows
/// is measured, not asserted here: the `lexer-*` pairs of `scripts/bench_pathological`.
#[test]
fn half_finished_constructs_lex_into_the_whole_input() {
    let seeds = [
        ("console", "a:b@c:"),
        ("console", "[a@b ]] "),
        ("r", "% x %%"),
        ("r", "'\\'"),
        ("matlab", "a''%{"),
        ("matlab", "function f"),
        ("julia", "\"$(((\""),
        ("julia", "#=#="),
        ("fortran", "'a\\'"),
        ("sql", "'/*"),
    ];
    for (lang, seed) in seeds {
        let lexer = Lexer::for_fence(lang).unwrap();
        let code = seed.repeat(2_000);
        let joined: String = tokens(lexer, &code).iter().map(|t| t.text).collect();
        assert_eq!(joined, code, "{lang} {seed:?}");
    }
}

#[test]
fn javascript_dots_and_arrows_are_punctuation_as_in_pygments() {
    for lang in ["js", "ts"] {
        let got = classified(lang, "app.dialog$.next(x, ...xs, (a) => a?.b ?? c);\n");
        for (class, text) in [
            ("p", "."),
            ("p", "..."),
            ("p", "=>"),
            ("o", "?"),
            ("o", "??"),
        ] {
            assert!(
                got.iter().any(|(c, t)| *c == class && t == text),
                "{lang}: no {class}:{text:?} in {got:?}"
            );
        }
        assert!(
            !got.iter().any(|(c, t)| *c == "o" && t.contains('.')),
            "{got:?}"
        );
    }
}

/// [`super::is_blank`] reads bytes where it can; it agrees with reading characters.
#[test]
fn blank_spans_are_those_of_white_space_characters() {
    let pieces = [
        " ", "\t", "\n", "\r", "\x0b", "\x0c", "a", "\u{a0}", "\u{2003}", "é", "\u{85}", "\u{3000}",
    ];
    for text in crate::test_text::generated(&pieces, 20_000, 6) {
        let want = text.chars().all(char::is_whitespace);
        assert_eq!(super::is_blank(&text), want, "{text:?}");
    }
}

//! Syntax highlighting, language by language, as a reader gets it: tokens in spans with
//! Pygments' short classes for each required language. The pages are under
//! tests/fixtures/highlight/content/.

mod common;
mod highlight_support;

use highlight_support::{assert_tokens, code, page};

#[test]
fn python_keywords_strings_comments_and_names() {
    let doc = page("languages");
    let code = code(&doc, "python");
    assert_tokens(
        code,
        &[
            ("kn", "import"),
            ("kn", "from"),
            ("nd", "@cached"),
            ("k", "def"),
            ("nf", "fetch"),
            ("sd", "\"\"\"Fetch one page.\"\"\""),
            ("ow", "is"),
            ("kc", "None"),
            ("s1", "'empty'"),
            ("c1", "# nothing to do"),
            ("nb", "print"),
            ("mh", "0x1F"),
            ("mf", "2.5"),
            ("mi", "3"),
            ("sa", "f"),
            ("s2", "\"got {url}\""),
            ("nc", "Client"),
            ("n", "url"),
            ("p", "("),
            ("o", "="),
        ],
    );
    // Highlighting only adds markup: the text is the code, blank lines included.
    assert!(
        code.text()
            .collect::<String>()
            .starts_with("import asyncio\nfrom os import path\n\n\n@cached\n")
    );
    assert_tokens(self::code(&doc, "py"), &[("s1", "'alias'")]);
}

#[test]
fn shell_json_yaml_and_toml() {
    let doc = page("languages");
    assert_tokens(
        code(&doc, "bash"),
        &[
            ("c1", "# install it"),
            ("nb", "export"),
            ("nv", "$HOME"),
            ("k", "for"),
            ("k", "done"),
            ("nb", "echo"),
        ],
    );
    // The prompt with its space, as Pygments' console lexer gives it.
    assert_tokens(code(&doc, "console"), &[("gp", "$ ")]);
    assert_tokens(
        code(&doc, "json"),
        &[
            ("nt", "\"name\""),
            ("s2", "\"answerbook\""),
            ("mi", "10000"),
            ("kc", "true"),
            ("kc", "null"),
        ],
    );
    // Pygments' YAML lexer has no keywords or numbers: every plain value is a scalar, and
    // the space inside quotes is `nv`.
    assert_tokens(
        code(&doc, "yaml"),
        &[
            ("c1", "# site settings"),
            ("nt", "title"),
            ("s", "\"Knowledge"),
            ("nv", " "),
            ("s", "base\""),
            ("l l-Scalar l-Scalar-Plain", "true"),
            ("l l-Scalar l-Scalar-Plain", "12"),
        ],
    );
    assert_tokens(
        code(&doc, "toml"),
        &[
            ("k", "[package]"),
            ("n", "name"),
            ("s2", "\"answerbook\""),
            ("c1", "# the crate"),
        ],
    );
}

#[test]
fn javascript_typescript_and_rust() {
    let doc = page("languages");
    assert_tokens(
        code(&doc, "javascript"),
        &[
            ("k", "import"),
            ("kd", "const"),
            ("s2", "\"node:fs/promises\""),
            ("s1", "'pages.json'"),
            ("c1", "// load"),
            ("kd", "function"),
            ("nx", "count"),
        ],
    );
    assert_tokens(
        code(&doc, "ts"),
        &[("kd", "interface"), ("kt", "string"), ("kd", "let")],
    );
    assert_tokens(
        code(&doc, "rust"),
        &[
            ("k", "use"),
            ("sd", "/// Reads the config."),
            ("k", "fn"),
            ("nf", "main"),
            ("nb", "Result"),
            ("kd", "let"),
            ("s", "\"site.yaml\""),
            ("c1", "// or empty"),
            ("fm", "println!"),
            ("mi", "42"),
        ],
    );
}

#[test]
fn html_css_and_sql() {
    let doc = page("languages");
    assert_tokens(
        code(&doc, "html"),
        &[
            ("c", "<!-- the header -->"),
            ("nt", "a"),
            ("na", "href"),
            ("s", "\"/docs\""),
            ("ni", "&amp;"),
        ],
    );
    assert_tokens(
        code(&doc, "css"),
        &[
            ("cm", "/* links */"),
            ("nc", ".nav"),
            ("k", "color"),
            ("mh", "#1a5fd0"),
        ],
    );
    assert_tokens(
        code(&doc, "sql"),
        &[
            ("k", "SELECT"),
            ("k", "FROM"),
            ("n", "pages"),
            ("s1", "'no'"),
            ("c1", "-- published"),
            ("p", ";"),
        ],
    );
}

#[test]
fn c_go_java_powershell_and_ini() {
    let doc = page("languages");
    assert_tokens(
        code(&doc, "c"),
        &[
            ("cp", "#include <string.h>"),
            ("cm", "/* count the letters */"),
            ("kt", "int"),
            ("k", "const"),
            ("k", "return"),
        ],
    );
    assert_tokens(
        code(&doc, "go"),
        &[
            ("kn", "package"),
            ("kd", "func"),
            ("kt", "string"),
            ("kc", "nil"),
        ],
    );
    assert_tokens(
        code(&doc, "java"),
        &[
            ("nd", "@Deprecated"),
            ("kd", "public"),
            ("kd", "class"),
            ("mh", "0x10"),
        ],
    );
    assert_tokens(
        code(&doc, "powershell"),
        &[
            ("nb", "Get-Item"),
            ("nv", "$env:TEMP"),
            ("c", "# where files wait"),
        ],
    );
    assert_tokens(
        code(&doc, "ini"),
        &[
            ("c1", "; shelf settings"),
            ("k", "[shelf]"),
            ("na", "width"),
            ("s", "80"),
        ],
    );
}

/// The languages of the science and operations pages of real MkDocs sites, each token class
/// the one Pygments gives the same code (checked with ../shared/tools/mkdocs_reference.py).
#[test]
fn console_r_matlab_julia_fortran_and_xml_as_pygments_classes_them() {
    let doc = page("science-and-sessions");
    let expected: [(&str, &[(&str, &str)]); 6] = [
        (
            "console",
            &[
                ("gp", "$ "),
                ("s2", "\"notes.tar.gz\""),
                ("go", "notes/index.txt"),
                ("gp gp-VirtualEnv", "(env)"),
                ("c1", "# count the lines"),
                ("go", "42 notes/index.txt"),
            ],
        ),
        (
            "r",
            &[
                ("c1", "# average of the scores"),
                ("o", "<-"),
                ("nf", "c"),
                ("m", "8.5"),
                ("m", "10L"),
                ("kr", "function"),
                ("kc", "FALSE"),
                ("nf", "is.null"),
                ("kc", "NA"),
                ("o", "%/%"),
            ],
        ),
        (
            "matlab",
            &[
                ("c", "% grow a vector"),
                ("k", "function"),
                ("nf", "grow"),
                ("nb", "zeros"),
                ("p", "="),
                ("o", ".^"),
                ("mi", "2"),
                ("k", "end"),
            ],
        ),
        (
            "julia",
            &[
                ("c", "# greet someone"),
                ("k", "function"),
                ("o", "::"),
                ("kt", "String"),
                ("si", "$name"),
                ("k", "return"),
                ("nd", "@show"),
            ],
        ),
        (
            "fortran",
            &[
                ("c", "! sum of squares"),
                ("kt", "integer"),
                ("kd", "::"),
                ("mf", "0.0"),
                ("nb", "sqrt"),
                ("s1", "'total'"),
                ("n", "squares"),
            ],
        ),
        (
            "xml",
            &[
                ("cp", "<?xml version=\"1.0\"?>"),
                ("cm", "<!-- shelf layout -->"),
                ("nt", "<shelf"),
                ("na", "width="),
                ("s", "\"80\""),
                ("ni", "&amp;"),
                ("nt", "</book>"),
            ],
        ),
    ];
    for (lang, tokens) in expected {
        assert_tokens(code(&doc, lang), tokens);
    }
}

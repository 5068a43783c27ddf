//! Syntax highlighting of code blocks, as a reader gets it: the MkDocs Material wrapper
//! (`div.language-x.highlight > pre > code`), tokens in spans with Pygments' short classes for
//! each required language, `title`, `hl_lines`, `linenums`, escaped plain code for unknown
//! languages, and code inside admonitions and lists. The pages are under
//! tests/fixtures/highlight/content/.

mod common;

use common::{Doc, fixture, text_of};
use scraper::ElementRef;

fn page(name: &str) -> Doc {
    let site = fixture("highlight");
    site.build(&["--strict"]).expect_clean();
    site.page(&format!("{name}/"))
}

/// The `<code>` of the one block whose wrapper is `div.language-{lang}`.
fn code<'a>(doc: &'a Doc, lang: &str) -> ElementRef<'a> {
    doc.one(&format!("div.language-{lang}.highlight pre > code"))
}

/// `(class, text)` of every token span in a block (marked-line spans left out).
fn spans(code: ElementRef<'_>) -> Vec<(String, String)> {
    code.descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| el.value().name() == "span")
        .filter_map(|el| {
            let class = el.value().attr("class")?;
            (class != "hll").then(|| (class.to_owned(), el.text().collect()))
        })
        .collect()
}

/// Panics unless the block holds a span of each `(class, text)`.
#[track_caller]
fn assert_tokens(code: ElementRef<'_>, expected: &[(&str, &str)]) {
    let got = spans(code);
    for (class, text) in expected {
        assert!(
            got.iter().any(|(c, t)| c == class && t == text),
            "no <span class=\"{class}\">{text}</span> among {got:?}"
        );
    }
}

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
fn every_block_is_wrapped_like_material() {
    let doc = page("languages");
    let wrappers = doc.all("article div.highlight");
    assert_eq!(wrappers.len(), 18);
    for div in wrappers {
        let first = div.children().filter_map(ElementRef::wrap).next().unwrap();
        assert_eq!(first.value().name(), "pre");
        // Pygments' empty span opens every <pre>, before <code>.
        let inner: Vec<_> = first.children().filter_map(ElementRef::wrap).collect();
        assert_eq!(inner[0].value().name(), "span");
        assert_eq!(inner[0].text().count(), 0);
        assert_eq!(inner[1].value().name(), "code");
    }
}

#[test]
fn title_becomes_a_filename_before_the_code() {
    let doc = page("options");
    assert_eq!(
        doc.text("div.language-python.highlight > span.filename + pre > code"),
        "print(\"titled\")"
    );
    assert_eq!(doc.text("div.highlight > span.filename"), "fetch.py");
}

#[test]
fn hl_lines_wrap_the_listed_lines() {
    let doc = page("options");
    let marked: Vec<String> = doc
        .all("div.highlight > pre > code > span.hll")
        .into_iter()
        .map(|el| el.text().collect())
        .collect();
    assert_eq!(
        marked,
        [
            "two = 2\n",
            "four = 4\n",
            "five = 5\n",
            "    \"\"\"First line.\n"
        ]
    );
}

#[test]
fn linenums_put_numbers_in_their_own_column() {
    let doc = page("options");
    let tables = doc.all("div.language-python.highlight > table.highlighttable");
    assert_eq!(tables.len(), 2);
    let numbers = doc.texts("table.highlighttable td.linenos div.linenodiv pre");
    assert_eq!(numbers, ["1 2 3", "9 10"]);
    let code = doc.all("table.highlighttable td.code pre > code");
    assert_eq!(text_of(code[0]), "a = 1 b = 2 c = 3");
    // Numbers start where linenums says; hl_lines still count from the block's first line.
    assert_eq!(
        doc.text("table.highlighttable th.filename > span.filename"),
        "late.py"
    );
    assert_eq!(
        doc.text("table.highlighttable td.code code > span.hll"),
        "y = 10"
    );
}

#[test]
fn unknown_or_missing_language_is_escaped_plain_code() {
    let doc = page("plain");
    let unknown = code(&doc, "nosuchlang");
    assert_eq!(
        unknown.text().collect::<String>(),
        "<script>alert(\"x\")</script> & more\n"
    );
    assert!(spans(unknown).is_empty());
    assert!(
        doc.source
            .contains("<code>&lt;script&gt;alert(\"x\")&lt;/script&gt; &amp; more\n</code>"),
        "the script tag must reach the reader as text"
    );
    assert!(!doc.has("article script"));
    let untagged = doc.all("div.language-text.highlight pre > code");
    assert_eq!(
        untagged.len(),
        2,
        "the fence without a language and the indented block"
    );
    assert_eq!(untagged[0].text().collect::<String>(), "<b>bold?</b>\n");
    assert_eq!(
        untagged[1].text().collect::<String>(),
        "indented <i>code</i>\n"
    );
    assert!(!doc.has("article b, article i"));
}

#[test]
fn code_inside_admonitions_details_and_lists_is_highlighted() {
    let doc = page("nested");
    assert_tokens(
        doc.one("div.admonition.example > div.language-python.highlight pre > code"),
        &[("kn", "import"), ("nn", "json")],
    );
    assert_tokens(
        doc.one("details.note > div.language-yaml.highlight pre > code"),
        // Pygments' YAML lexer names every quoted string `s`.
        &[("nt", "key"), ("s", "'value'")],
    );
    assert_tokens(
        doc.one("ol > li > div.language-bash.highlight pre > code"),
        &[("nb", "echo"), ("s2", "\"in a list\"")],
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

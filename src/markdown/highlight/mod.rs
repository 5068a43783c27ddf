//! Syntax highlighting of code blocks at build time: splits a block into tokens and names each
//! with the short CSS class Pygments gives it (`k`, `kn`, `nf`, `s1`, `c1`, `mi`, ...), so the
//! HTML that [`super`] (code.rs) wraps around them is styled by Material-style stylesheets.
//!
//! # Why hl-lite (plus a small SQL lexer here)
//!
//! Measured on the benchmark corpus (`scripts/gen_pages.py --pages 10000`: 10,000 pages, one
//! ~20-line Python block each, 4.8 MB of Python, 9,939 distinct blocks) on this project's
//! 2-core machine, release profile. The whole build without highlighting takes ~0.58 s.
//! "Highlighting" is the crate alone over all blocks on 2 rayon threads; "build" is a clean
//! release build of a scratch binary using it (rayon alone: 5 s).
//!
//! | crate | licence | highlighting | build |
//! |---|---|---|---|
//! | syntect 5.3 + two-face, `regex-fancy` | MIT | 9.0 s | 23 s |
//! | syntect 5.3, `regex-onig` (C) | MIT | 2.8 s | 18 s |
//! | synoptic 2.2 (regex) | MIT | 2.9 s | 15 s |
//! | tree-sitter-highlight 0.25 + 11 grammar crates (C) | MIT | 0.67 s | 36 s |
//! | arborium 2.18, 11 `lang-*` features (tree-sitter, C) | MIT or Apache-2.0 | 0.62 s | 25 s |
//! | oxidoc-highlight 0.1 (hand-written lexers) | MIT or Apache-2.0 | 0.03 s | ~6 s |
//! | **hl-lite 0.11** (hand-written lexers, no dependencies) | **MIT** | **0.03 s** | **~5.3 s** |
//!
//! Regex engines (syntect, synoptic) are 5-15x the whole build; tree-sitter roughly doubles it
//! (parsing alone is ~0.37 s) and compiles C grammars; only hand-written lexers keep 10,000
//! pages well under a second: with hl-lite the build takes ~0.65 s. Of the two, hl-lite has no
//! dependencies, `#![forbid(unsafe_code)]`, documents its guarantees (tokens concatenate to the
//! input, never split a character, unterminated constructs run to the end) and kept them over
//! 3 million fuzzed inputs; oxidoc-highlight cut multi-byte characters in two in its HTML and
//! TOML lexers on the same inputs (its own renderer would panic there). hl-lite's one gap among
//! the languages we need is SQL, which `sql` (highlight/sql.rs) covers in a page of code.
//! RustSec lists no advisory against hl-lite; syntect 5.3 pulls bincode 1.3
//! (RUSTSEC-2025-0141, unmaintained). hl-lite's token kinds are coarser than Pygments' token
//! types, so `pygments` (highlight/pygments.rs) refines them per language (quotes for
//! `s1`/`s2`, docstrings, `import` as `kn`, `def NAME` as `nf`, builtins as `nb`, ...).
//!
//! The lexers are plain functions over static tables: nothing is loaded per build, per thread
//! or per page, so there is no highlighter value to share. A cache of identical (language,
//! code) pairs was not added: lexing costs ~3 ns a byte, less than hashing and storing the pair.

pub mod clike;
mod diff;
mod ini;
mod pygments;
mod sql;

use hl_lite::Lang;

/// A language that can be highlighted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lexer {
    Lite(Lang),
    Sql,
    Diff,
    Ini,
    /// C, C++, Go, Java or PowerShell ([`clike`]).
    Clike(&'static clike::Dialect),
}

impl Lexer {
    /// The lexer for a fence's language (`python`, `py`, `sh`, `yml`, ...), matched without
    /// regard to case; `None` when the language is unknown or empty.
    pub fn for_fence(lang: &str) -> Option<Lexer> {
        const EXTRA: &[(&str, Lang)] = &[
            ("python3", Lang::Python),
            ("ksh", Lang::Bash),
            ("shell-session", Lang::Bash),
            ("shellsession", Lang::Bash),
            ("bash-session", Lang::Bash),
            ("xhtml", Lang::Html),
            ("node", Lang::JavaScript),
            ("mts", Lang::TypeScript),
            ("cts", Lang::TypeScript),
        ];
        const SQL: &[&str] = &[
            "sql",
            "mysql",
            "postgresql",
            "postgres",
            "sqlite",
            "plpgsql",
            "tsql",
        ];
        if SQL.iter().any(|s| s.eq_ignore_ascii_case(lang)) {
            return Some(Lexer::Sql);
        }
        const CLIKE: &[(&str, &clike::Dialect)] = &[
            ("c", &clike::C),
            ("h", &clike::C),
            ("cpp", &clike::CPP),
            ("c++", &clike::CPP),
            ("cxx", &clike::CPP),
            ("hpp", &clike::CPP),
            ("cc", &clike::CPP),
            ("go", &clike::GO),
            ("golang", &clike::GO),
            ("java", &clike::JAVA),
            ("powershell", &clike::POWERSHELL),
            ("pwsh", &clike::POWERSHELL),
            ("ps1", &clike::POWERSHELL),
            ("posh", &clike::POWERSHELL),
        ];
        if let Some(&(_, dialect)) = CLIKE.iter().find(|(n, _)| n.eq_ignore_ascii_case(lang)) {
            return Some(Lexer::Clike(dialect));
        }
        if ["ini", "cfg", "dosini", "editorconfig"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(lang))
        {
            return Some(Lexer::Ini);
        }
        if ["diff", "udiff", "patch"]
            .iter()
            .any(|s| s.eq_ignore_ascii_case(lang))
        {
            return Some(Lexer::Diff);
        }
        Lang::from_slug(lang)
            .or_else(|| {
                EXTRA
                    .iter()
                    .find(|(name, _)| name.eq_ignore_ascii_case(lang))
                    .map(|&(_, l)| l)
            })
            .map(Lexer::Lite)
    }
}

/// A piece of code and its Pygments class (`None`: text outside any token, like white space).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token<'a> {
    pub class: Option<&'static str>,
    pub text: &'a str,
}

/// The tokens of `code`, in order; their texts concatenate to `code`. Adjacent tokens of one
/// class are merged, as Pygments' HTML formatter does.
pub fn tokens(lexer: Lexer, code: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::new();
    each_token(lexer, code, &mut |class, text| {
        tokens.push(Token { class, text })
    });
    tokens
}

/// Calls `sink` with each token of `code`, in order, as [`tokens`] lists them, without
/// gathering them first.
pub fn each_token<'a>(
    lexer: Lexer,
    code: &'a str,
    sink: &mut dyn FnMut(Option<&'static str>, &'a str),
) {
    let mut out = Tokens {
        code,
        end: 0,
        pending: None,
        sink,
    };
    match lexer {
        Lexer::Sql => sql::lex(code, |class, text| out.push(class, text)),
        Lexer::Diff => diff::lex(code, |class, text| out.push(class, text)),
        Lexer::Ini => ini::lex(code, |class, text| out.push(class, text)),
        Lexer::Clike(dialect) => clike::lex(dialect, code, |class, text| out.push(class, text)),
        Lexer::Lite(lang) => {
            let mut at = Context {
                prev: "",
                line_start: true,
                import: (lang == Lang::Python).then_some(Import::No),
            };
            for span in hl_lite::highlight(lang, code) {
                pygments::refine(lang, span.kind, span.text, &at, &mut out);
                at.advance(span.text);
            }
        }
    }
    out.finish();
}

/// Where a span stands: the previous non-blank span, whether only white space separates
/// the span from the start of its line, and (Python only) whether it is in the module names
/// of an `import` or `from` statement.
struct Context<'a> {
    prev: &'a str,
    line_start: bool,
    import: Option<Import>,
}

/// Where a Python span stands in an import statement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Import {
    No,
    /// After `import` at the start of a line: every name is a module.
    Modules,
    /// After `from` at the start of a line, up to its `import`.
    From,
}

impl<'a> Context<'a> {
    /// Whether the span is part of the module names of an import statement.
    fn in_import(&self) -> bool {
        matches!(self.import, Some(Import::Modules | Import::From))
    }

    fn advance(&mut self, text: &'a str) {
        if let Some(import) = &mut self.import {
            *import = match (*import, text) {
                (_, _) if text.contains('\n') => Import::No,
                (_, "import") if self.line_start => Import::Modules,
                (_, "from") if self.line_start => Import::From,
                (Import::From, "import") => Import::No,
                (state, _) => state,
            };
        }
        let content = text.trim_end_matches([' ', '\t']);
        if text.trim().is_empty() {
            self.line_start |= text.contains('\n');
        } else {
            self.prev = text;
            self.line_start = content.ends_with('\n');
        }
    }
}

/// Tokens as they are pushed, in order, each one the next piece of `code`; a token is handed
/// on once the next one has another class.
struct Tokens<'a, 's> {
    code: &'a str,
    end: usize,
    /// The token being merged: its class and where it starts.
    pending: Option<(Option<&'static str>, usize)>,
    sink: &'s mut dyn FnMut(Option<&'static str>, &'a str),
}

impl Tokens<'_, '_> {
    /// Appends the next `text` of the code (it must follow the previous one).
    fn push(&mut self, class: Option<&'static str>, text: &str) {
        if text.is_empty() {
            return;
        }
        let start = self.end;
        debug_assert_eq!(self.code.get(start..start + text.len()), Some(text));
        match self.pending {
            Some((last, _)) if last == class => {}
            _ => {
                self.flush(start);
                self.pending = Some((class, start));
            }
        }
        self.end += text.len();
    }

    /// Hands on the pending token, which ends at `end`.
    fn flush(&mut self, end: usize) {
        if let Some((class, start)) = self.pending.take() {
            (self.sink)(class, self.code.get(start..end).unwrap_or(""));
        }
    }

    fn finish(mut self) {
        self.flush(self.end);
        // Whatever a lexer left out (it should leave nothing) is kept as plain text.
        if let Some(rest) = self.code.get(self.end..).filter(|r| !r.is_empty()) {
            (self.sink)(None, rest);
        }
    }
}

#[cfg(test)]
mod tests {
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
        ];
        let langs = [
            "python", "bash", "json", "yaml", "toml", "js", "ts", "rust", "html", "css",
        ];
        for lang in langs
            .iter()
            .chain(&["sql", "markdown", "dockerfile", "diff"])
        {
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
}

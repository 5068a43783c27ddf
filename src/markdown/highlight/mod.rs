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
//! TOML lexers on the same inputs (its own renderer would panic there). The languages hl-lite
//! lacks that documentation fences are covered here, each in a page or two of code with the
//! same guarantees: SQL (`sql`), diffs, INI, C/C++/Go/Java/PowerShell (`clike`), shell
//! sessions (`console`: prompts and output around Bash commands, which hl-lite lexes), R
//! (`rlang`), MATLAB, Julia and Fortran; `xml` is hl-lite's HTML lexer named as Pygments' XML.
//! TeX and LaTeX (`tex`) too. YAML has a lexer of its own as well (`yaml`): Pygments names
//! YAML's tokens unlike hl-lite's kinds (no keywords or numbers; plain values, flow
//! collections and quoted spaces apart).
//! RustSec lists no advisory against hl-lite; syntect 5.3 pulls bincode 1.3
//! (RUSTSEC-2025-0141, unmaintained). hl-lite's token kinds are coarser than Pygments' token
//! types, so `pygments` (highlight/pygments.rs) refines them per language (quotes for
//! `s1`/`s2`, docstrings, `import` as `kn`, `def NAME` as `nf`, builtins as `nb`, ...).
//!
//! The lexers are plain functions over static tables: nothing is loaded per build, per thread
//! or per page, so there is no highlighter value to share. A cache of identical (language,
//! code) pairs was not added: lexing costs ~3 ns a byte, less than hashing and storing the pair.

pub mod clike;
mod console;
mod diff;
mod fences;
mod fortran;
mod ini;
mod julia;
mod matlab;
mod pygments;
mod rlang;
mod scan;
mod sql;
mod tex;
mod xml;
mod yaml;

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
    /// A shell session: prompts, Bash commands, output ([`console`]).
    Console,
    R,
    Matlab,
    Julia,
    Fortran,
    Xml,
    Yaml,
    /// TeX and LaTeX ([`tex`]).
    Tex,
}

impl Lexer {
    /// The lexer for a fence's language (`python`, `py`, `sh`, `yml`, ...), matched without
    /// regard to case; `None` when the language is unknown or empty.
    pub fn for_fence(lang: &str) -> Option<Lexer> {
        fences::lexer(lang)
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
        Lexer::R => rlang::lex(code, |class, text| out.push(class, text)),
        Lexer::Matlab => matlab::lex(code, |class, text| out.push(class, text)),
        Lexer::Julia => julia::lex(code, |class, text| out.push(class, text)),
        Lexer::Fortran => fortran::lex(code, |class, text| out.push(class, text)),
        Lexer::Console => console::lex(code, &mut out),
        Lexer::Xml => xml::lex(code, &mut out),
        Lexer::Yaml => yaml::lex(code, |class, text| out.push(class, text)),
        Lexer::Tex => tex::lex(code, |class, text| out.push(class, text)),
        Lexer::Lite(lang) => lite(lang, code, &mut out),
    }
    out.finish();
}

/// Pushes the tokens of `code` (the next piece of the block) as hl-lite reads `lang`, in
/// Pygments' classes.
fn lite(lang: Lang, code: &str, out: &mut Tokens<'_, '_>) {
    let mut at = Context {
        prev: "",
        line_start: true,
        import: (lang == Lang::Python).then_some(Import::No),
    };
    for span in hl_lite::highlight(lang, code) {
        pygments::refine(lang, span.kind, span.text, &at, out);
        at.advance(span.text);
    }
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
        let has_newline = || text.as_bytes().contains(&b'\n');
        if let Some(import) = &mut self.import {
            // Outside an import statement only the words `import` and `from` change the state:
            // a newline would leave it at `No` anyway.
            if *import != Import::No || matches!(text, "import" | "from") {
                *import = match (*import, text) {
                    (_, _) if has_newline() => Import::No,
                    (_, "import") if self.line_start => Import::Modules,
                    (_, "from") if self.line_start => Import::From,
                    (Import::From, "import") => Import::No,
                    (state, _) => state,
                };
            }
        }
        if is_blank(text) {
            self.line_start |= has_newline();
        } else {
            self.prev = text;
            let bytes = text.as_bytes();
            let end = bytes
                .iter()
                .rposition(|&b| b != b' ' && b != b'\t')
                .map_or(0, |i| i + 1);
            self.line_start = end > 0 && bytes[end - 1] == b'\n';
        }
    }
}

/// Whether `text` is all white space, as `char::is_whitespace` sees it: read as bytes up to
/// the first that is not ASCII white space, which is the first byte of most spans; only a
/// text with a character beyond ASCII there is read as characters.
fn is_blank(text: &str) -> bool {
    match text
        .bytes()
        .find(|b| !b.is_ascii_whitespace() && *b != 0x0b)
    {
        None => true,
        Some(b) if b.is_ascii() => false,
        Some(_) => text.chars().all(char::is_whitespace),
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
pub(crate) mod reference_tests;
#[cfg(test)]
mod test_support;
#[cfg(test)]
mod tests;

//! Fence languages to lexers, for [`super`]: Pygments' names and aliases for each language
//! answerbook highlights, matched without regard to case. `console` is a shell session, not a
//! script; `xml` and `svg` are XML, as in Pygments, not HTML.

use hl_lite::Lang;

use super::{Lexer, clike};

/// The lexer for a fence's language; `None` when the language is unknown or empty.
pub(super) fn lexer(lang: &str) -> Option<Lexer> {
    const EXTRA: &[(&str, Lang)] = &[
        ("python3", Lang::Python),
        ("ksh", Lang::Bash),
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
    const OTHERS: &[(&str, Lexer)] = &[
        ("console", Lexer::Console),
        ("shell-session", Lexer::Console),
        ("shellsession", Lexer::Console),
        ("bash-session", Lexer::Console),
        ("r", Lexer::R),
        ("s", Lexer::R),
        ("splus", Lexer::R),
        ("matlab", Lexer::Matlab),
        ("julia", Lexer::Julia),
        ("jl", Lexer::Julia),
        ("fortran", Lexer::Fortran),
        ("f90", Lexer::Fortran),
        ("xml", Lexer::Xml),
        ("svg", Lexer::Xml),
        ("latex", Lexer::Tex),
        ("tex", Lexer::Tex),
        ("yaml", Lexer::Yaml),
        ("yml", Lexer::Yaml),
    ];
    if let Some(&(_, lexer)) = OTHERS.iter().find(|(n, _)| n.eq_ignore_ascii_case(lang)) {
        return Some(lexer);
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

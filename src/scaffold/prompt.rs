//! The two questions `answerbook init` asks at a terminal: the site's title and its base URL.
//! Asked only when standard input and standard error are terminals and `--yes` is absent; an
//! empty answer (or the end of input) takes the default shown in brackets.

use std::io::{self, BufRead, IsTerminal, Write};

use crate::config::check_base_url;

/// Whether a person is there to answer: standard input and standard error are terminals.
pub fn interactive() -> bool {
    io::stdin().is_terminal() && io::stderr().is_terminal()
}

/// Asks for the title; the default when the answer is empty.
pub fn title(input: &mut impl BufRead, out: &mut impl Write, default: &str) -> io::Result<String> {
    let answer = ask(input, out, &format!("Title of the site [{default}]: "))?;
    Ok(answer.unwrap_or_else(|| default.to_owned()))
}

/// Asks for the base URL until the answer is one `site.yaml` accepts (or empty: the default).
pub fn base_url(
    input: &mut impl BufRead,
    out: &mut impl Write,
    default: &str,
) -> io::Result<String> {
    loop {
        let question = format!(
            "Where will it be published? A URL like https://example.org/kb/ or a path like /kb/ [{default}]: "
        );
        let Some(answer) = ask(input, out, &question)? else {
            return Ok(default.to_owned());
        };
        match check_base_url(&answer) {
            Ok(()) => return Ok(answer),
            Err(message) => writeln!(out, "{message}")?,
        }
    }
}

/// One question; `None` for an empty answer or the end of input.
fn ask(
    input: &mut impl BufRead,
    out: &mut impl Write,
    question: &str,
) -> io::Result<Option<String>> {
    write!(out, "{question}")?;
    out.flush()?;
    let mut line = String::new();
    if input.read_line(&mut line)? == 0 {
        writeln!(out)?;
        return Ok(None);
    }
    let answer = line.trim();
    Ok((!answer.is_empty()).then(|| answer.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_answer_is_taken_trimmed_and_an_empty_one_is_the_default() {
        let mut out = Vec::new();
        let t = title(
            &mut "  Rust notes \n".as_bytes(),
            &mut out,
            "Knowledge base",
        )
        .unwrap();
        assert_eq!(t, "Rust notes");
        assert_eq!(
            String::from_utf8(out).unwrap(),
            "Title of the site [Knowledge base]: "
        );
        let t = title(&mut "\n".as_bytes(), &mut Vec::new(), "Knowledge base").unwrap();
        assert_eq!(t, "Knowledge base");
        let t = title(&mut "".as_bytes(), &mut Vec::new(), "Knowledge base").unwrap();
        assert_eq!(t, "Knowledge base");
    }

    #[test]
    fn a_bad_base_url_is_explained_and_asked_again() {
        let mut out = Vec::new();
        let url = base_url(
            &mut "example.org\nhttps://example.org/kb/\n".as_bytes(),
            &mut out,
            "/",
        )
        .unwrap();
        assert_eq!(url, "https://example.org/kb/");
        let said = String::from_utf8(out).unwrap();
        assert_eq!(
            said.matches("Where will it be published?").count(),
            2,
            "{said}"
        );
        assert!(
            said.contains("base_url `example.org` must be an http(s):// URL"),
            "{said}"
        );
        let url = base_url(&mut "not a url\n".as_bytes(), &mut Vec::new(), "/").unwrap();
        assert_eq!(url, "/", "the end of input takes the default");
    }
}

//! [`LineWriter::token`], rewritten to find newlines and characters to escape in one pass,
//! checked against the writer it replaced (kept here as it was) over generated tokens.

use super::*;
use crate::markdown::highlight::reference_tests::stretches;

impl LineWriter<'_, '_, '_> {
    /// The token writer as it was: a scan for newlines, then one for characters to escape.
    fn token_reference(&mut self, class: Option<&str>, text: &str) {
        if text.is_empty() {
            return;
        }
        if !text.bytes().any(|b| b == b'\n') {
            return push_token_reference(self.html, class, text);
        }
        let mut pieces = text.split('\n').peekable();
        while let Some(piece) = pieces.next() {
            if !piece.is_empty() {
                push_token_reference(self.html, class, piece);
            }
            if pieces.peek().is_some() {
                self.html.push('\n');
                self.close_line();
                self.line += 1;
                if self.line <= self.lines {
                    self.open_line();
                }
            }
        }
    }
}

fn push_token_reference(html: &mut String, class: Option<&str>, text: &str) {
    let push_text = |html: &mut String| {
        if text.bytes().any(|b| matches!(b, b'<' | b'>' | b'&')) {
            let _ = pulldown_cmark_escape::escape_html_body_text(&mut *html, text);
        } else {
            html.push_str(text);
        }
    };
    match class {
        Some(class) => {
            html.push_str("<span class=\"");
            html.push_str(class);
            html.push_str("\">");
            push_text(html);
            html.push_str("</span>");
        }
        None => push_text(html),
    }
}

/// The HTML of `tokens` (then a closing newline) written with `decor`, by the new writer or
/// by the reference one.
fn written(tokens: &[String], decor: &LineDecor<'_>, reference: bool) -> String {
    let classes = [None, Some("n"), Some("o"), Some("n")];
    let last = "\n".to_owned();
    let code: String = tokens.iter().chain([&last]).map(String::as_str).collect();
    let lines = code.matches('\n').count();
    let mut html = String::new();
    let mut writer = LineWriter::new(&mut html, decor, &code, 3, lines);
    for (i, token) in tokens.iter().chain([&last]).enumerate() {
        let class = classes[i % classes.len()];
        match reference {
            true => writer.token_reference(class, token),
            false => writer.token(class, token),
        }
    }
    html
}

#[test]
fn tokens_are_written_as_before() {
    let pieces = [
        "a", "bc", " ", "\n", "<", ">", "&", "é", "\t", "&amp;", "\n\n", "",
    ];
    let tokens = stretches(&pieces, 4);
    let marked = [false, true, false, true, true, false];
    let bare = LineDecor::new(&[], 1);
    let mut dressed = LineDecor::new(&marked, 9);
    dressed.spans = Some("__span-0".to_owned());
    dressed.anchors = Some("__codelineno-0".to_owned());
    dressed.inline_numbers = Some((
        LineNumbers {
            start: 3,
            step: 2,
            special: 3,
        },
        LineNumsStyle::PymdownxInline,
    ));
    for chunk in tokens.chunks(5) {
        for decor in [&bare, &dressed] {
            let new = written(chunk, decor, false);
            assert_eq!(new, written(chunk, decor, true), "{chunk:?}");
        }
    }
}

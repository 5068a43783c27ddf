//! XML (`xml`, `svg` fences), for [`super`]: hl-lite's HTML lexer, named as Pygments'
//! `XmlLexer` names the same pieces: a tag with its brackets `nt` (`<project`, `>`, `</dep>`),
//! an attribute with its `=` `na`, comments `cm`, `<?xml ...?>` and CDATA `cp`; the rest as
//! for HTML. Adjacent pieces of one class merge into one token, as in Pygments.

use hl_lite::{Kind, Lang};

use super::{Context, Tokens, pygments};

/// Writes the tokens of `code` to `out`.
pub(super) fn lex(code: &str, out: &mut Tokens<'_, '_>) {
    let at = Context {
        prev: "",
        line_start: false,
        import: None,
    };
    for span in hl_lite::highlight(Lang::Html, code) {
        match span.kind {
            Kind::Punctuation => out.push(Some("nt"), span.text),
            Kind::Operator if span.text == "=" => out.push(Some("na"), span.text),
            Kind::Comment => out.push(Some("cm"), span.text),
            kind => pygments::refine(Lang::Html, kind, span.text, &at, out),
        }
    }
}

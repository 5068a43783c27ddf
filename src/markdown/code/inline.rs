//! Inline code with a language, as `pymdownx.inlinehilite` reads it: `` `#!python x = 1` ``
//! or `` `:::python x = 1` `` is highlighted like a block, in `<code class="highlight">`.
//! Event part: `event`, which costs one look at the first bytes of inline code without `#!`
//! or `:::`.

use std::borrow::Cow;

use pulldown_cmark::Event;

use super::super::highlight::{self, Lexer};
use super::options::{BlockStyle, CodeOptions, InlineOptions};
use super::push_escaped;

/// `#!lang rest` or `:::lang rest`: the language and the code after the white space.
fn split_lang(code: &str) -> Option<(&str, &str)> {
    let rest = code
        .strip_prefix("#!")
        .or_else(|| code.strip_prefix(":::"))?;
    let end =
        rest.find(|c: char| !(c.is_alphanumeric() || matches!(c, '_' | '#' | '.' | '+' | '-')))?;
    let (lang, after) = rest.split_at(end);
    let code = after.trim_start();
    (!lang.is_empty() && code.len() < after.len()).then_some((lang, code))
}

/// The HTML of inline code `code`, or `None` when it stays as pulldown-cmark writes it.
pub fn render(opts: &CodeOptions, inline: &InlineOptions, code: &str) -> Option<String> {
    let css = if inline.css_class.is_empty() {
        opts.css_class.as_str()
    } else {
        inline.css_class.as_str()
    };
    let default = (!inline.default_lang.is_empty()).then_some((inline.default_lang.as_str(), code));
    let Some((lang, code)) = split_lang(code).or(default) else {
        if !inline.style_plain_text || css.is_empty() {
            return None;
        }
        let mut html = format!("<code class=\"{}\">", super::super::escape_attr(css));
        push_escaped(&mut html, code.trim());
        html.push_str("</code>");
        return Some(html);
    };
    let lang = opts.resolve_lang(lang);
    let lexer = Lexer::for_fence(lang);
    // As for blocks: the language as written, which Pygments (and so MkDocs) knows for
    // languages answerbook does not highlight (`#!latex`).
    let lang_class = match opts.style {
        BlockStyle::NoPygments => true,
        _ => opts.lang_class,
    };
    let mut classes: Vec<Cow<'_, str>> = Vec::new();
    if lang_class {
        let lang = if opts.lowercase_lang {
            Cow::Owned(lang.to_ascii_lowercase())
        } else {
            Cow::Borrowed(lang)
        };
        classes.push(format!("{}{lang}", opts.language_prefix).into());
    }
    if !css.is_empty() {
        classes.push(css.into());
    }
    let mut html = String::with_capacity(code.len() * 3 + 40);
    html.push_str("<code");
    if !classes.is_empty() {
        html.push_str(" class=\"");
        html.push_str(&super::super::escape_attr(&classes.join(" ")));
        html.push('"');
    }
    html.push('>');
    match lexer.filter(|_| opts.style != BlockStyle::NoPygments) {
        Some(lexer) => highlight::each_token(lexer, code, &mut |class, text| match class {
            Some(class) => {
                html.push_str("<span class=\"");
                html.push_str(class);
                html.push_str("\">");
                push_escaped(&mut html, text);
                html.push_str("</span>");
            }
            None => push_escaped(&mut html, text),
        }),
        None => push_escaped(&mut html, code),
    }
    html.push_str("</code>");
    Some(html)
}

/// Event part: inline code, highlighted when it names a language (or styled as plain text
/// when the options say so).
pub(in crate::markdown) fn event<'e>(opts: &CodeOptions, event: Event<'e>) -> Event<'e> {
    let (Some(inline), Event::Code(code)) = (&opts.inline, &event) else {
        return event;
    };
    if !inline.style_plain_text && !code.starts_with("#!") && !code.starts_with(":::") {
        return event;
    }
    match render(opts, inline, code) {
        Some(html) => Event::InlineHtml(html.into()),
        None => event,
    }
}

/// Python-Markdown strips all white space around a code span's text (`` `` `x`` ``` is
/// `` `x``), where CommonMark strips one space from each side only when both have one.
pub(in crate::markdown) fn py_trim(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Code(code) if code.starts_with(' ') || code.ends_with(' ') => {
            Event::Code(code.trim_matches(' ').to_owned().into())
        }
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn python_markdown_strips_every_space_around_code() {
        let code = |t: &'static str| py_trim(Event::Code(t.into()));
        assert_eq!(code(" `x"), Event::Code("`x".into()));
        assert_eq!(code("  a b  "), Event::Code("a b".into()));
        assert_eq!(code("tight"), Event::Code("tight".into()));
    }

    #[test]
    fn languages_are_read_from_the_start() {
        assert_eq!(
            split_lang("#!python import x"),
            Some(("python", "import x"))
        );
        assert_eq!(split_lang(":::c++ int x;"), Some(("c++", "int x;")));
        assert_eq!(split_lang("#!/bin/sh"), None);
        assert_eq!(split_lang("#!python"), None);
        assert_eq!(split_lang("python x"), None);
    }

    #[test]
    fn inline_code_is_highlighted_in_the_block_class() {
        let opts = CodeOptions::default();
        let inline = opts.inline.clone().unwrap();
        let html = render(&opts, &inline, "#!python import os").unwrap();
        assert_eq!(
            html,
            "<code class=\"language-python highlight\"><span class=\"kn\">import</span>\
             <span class=\"w\"> </span><span class=\"nn\">os</span></code>"
        );
        assert_eq!(render(&opts, &inline, "plain <b>"), None);
        // A language answerbook does not highlight keeps its class, as for blocks.
        assert_eq!(
            render(&opts, &inline, "#!erlang X = 2").as_deref(),
            Some("<code class=\"language-erlang highlight\">X = 2</code>")
        );
        let mut styled = InlineOptions {
            css_class: "inlinehilite".into(),
            style_plain_text: true,
            default_lang: String::new(),
        };
        assert_eq!(
            render(&opts, &styled, "a<b").as_deref(),
            Some("<code class=\"inlinehilite\">a&lt;b</code>")
        );
        // `style_plain_text: python`: code without a language is Python.
        styled.default_lang = "python".into();
        assert_eq!(
            render(&opts, &styled, "import os").as_deref(),
            Some(
                "<code class=\"language-python inlinehilite\"><span class=\"kn\">import</span>\
                 <span class=\"w\"> </span><span class=\"nn\">os</span></code>"
            )
        );
    }
}

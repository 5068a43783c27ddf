//! The HTML of a piece of math: MathJax's script with a preview, or the math as text in its
//! TeX delimiters (`generic`), in the tags the options name.

use super::Options;

pub(super) fn inline_html(math: &str, o: &Options) -> String {
    let esc = escape(math);
    let tag = &o.inline_tag;
    if o.generic {
        let (open, close) = &o.inline_wrap;
        return format!(
            "<{tag} class=\"arithmatex\">{}{esc}{}</{tag}>",
            escape(open),
            escape(close)
        );
    }
    let preview = if o.preview {
        format!("<span class=\"MathJax_Preview\">{esc}</span>")
    } else {
        String::new()
    };
    format!("<{tag} class=\"arithmatex\">{preview}<script type=\"math/tex\">{esc}</script></{tag}>")
}

pub(super) fn block_html(math: &str, o: &Options) -> String {
    let esc = escape(math);
    let tag = &o.block_tag;
    if o.generic {
        let (open, close) = &o.block_wrap;
        return format!(
            "<{tag} class=\"arithmatex\">{}{esc}{}</{tag}>",
            escape(open),
            escape(close)
        );
    }
    let preview = if o.preview {
        format!("<div class=\"MathJax_Preview\">{esc}</div>\n")
    } else {
        String::new()
    };
    format!(
        "<{tag} class=\"arithmatex\">\n{preview}<script type=\"math/tex; mode=display\">{esc}</script>\n</{tag}>"
    )
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    pulldown_cmark_escape::escape_html(&mut out, text).ok();
    out
}

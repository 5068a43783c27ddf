//! The code blocks answerbook does not highlight, for [`super`]: Python-Markdown's plain
//! `fenced_code` (`<pre><code class="language-x">`, also an indented block when only
//! superfences is on), `use_pygments: false` (`<pre class="highlight"><code>` for a
//! highlighter in the browser) and superfences custom fences (`<pre class="mermaid">`).

use std::borrow::Cow;
use std::fmt::Write as _;

use super::super::escape_attr;
use super::info::FenceInfo;
use super::options::{CodeOptions, CustomFence};
use super::{Attrs, Block, clean_lines, push_escaped};

/// A block as Python-Markdown writes it without a highlighter (an indented block when only
/// superfences is on): `<pre><code>`, the code as written, tabs expanded.
pub(super) fn render_plain(opts: &CodeOptions, info: &FenceInfo, code: &str) -> String {
    let code = clean_lines(code, true);
    let block = Block {
        info,
        code: &code,
        lang: "",
        lexer: None,
        number: 0,
        attr_list: false,
    };
    plain(opts, &block)
}

/// Python-Markdown's `fenced_code` without a highlighter: `<pre id class><code
/// class="language-x">`, the code as written.
pub(super) fn plain(opts: &CodeOptions, block: &Block<'_>) -> String {
    let mut html = String::with_capacity(block.code.len() + 64);
    let classes: Vec<Cow<'_, str>> = block
        .info
        .classes
        .iter()
        .map(|c| c.as_str().into())
        .collect();
    let _ = write!(html, "<pre");
    if let Some(id) = &block.info.id {
        let _ = write!(html, " id=\"{}\"", escape_attr(id));
    }
    if !classes.is_empty() {
        let _ = write!(html, " class=\"{}\"", escape_attr(&classes.join(" ")));
    }
    html.push('>');
    let lang: Vec<Cow<'_, str>> = match block.lang {
        "" => Vec::new(),
        lang => vec![format!("{}{lang}", opts.language_prefix).into()],
    };
    let code_tag = Block {
        info: &FenceInfo {
            id: None,
            ..block.info.clone()
        },
        ..*block
    };
    // `use_pygments=true` on the fence asks a highlighter for the block: Python-Markdown then
    // writes none of its attributes, even with no highlighter to ask.
    let pygments = block.info.option("use_pygments").is_some_and(|v| {
        matches!(
            v.to_ascii_lowercase().as_str(),
            "true" | "yes" | "y" | "on" | "1"
        )
    });
    let attrs = if pygments { Attrs::None } else { Attrs::All };
    code_tag.open_tag(&mut html, "code", &lang, attrs);
    push_escaped(&mut html, block.code);
    html.push_str("</code></pre>\n");
    html
}

/// `use_pygments: false`: `<pre class="highlight"><code class="language-x">`, for a
/// highlighter in the browser; `code_attr_on_pre` moves the code's attributes to `<pre>`.
pub(super) fn no_pygments(opts: &CodeOptions, block: &Block<'_>) -> String {
    let mut html = String::with_capacity(block.code.len() + 64);
    let mut classes: Vec<Cow<'_, str>> = Vec::new();
    if !block.lang.is_empty() {
        classes.extend(block.lang_class(opts).map(Cow::Owned));
    }
    let extra = block.info.classes.iter().map(|c| Cow::Borrowed(c.as_str()));
    let css: Vec<Cow<'_, str>> = (!opts.css_class.is_empty())
        .then(|| opts.css_class.as_str().into())
        .into_iter()
        .collect();
    if opts.code_attr_on_pre {
        classes.extend(css);
        classes.extend(extra);
        block.open_tag(&mut html, "pre", &classes, Attrs::All);
        html.push_str("<code>");
    } else {
        classes.extend(extra);
        block.open_tag(&mut html, "pre", &css, Attrs::None);
        block.open_tag(&mut html, "code", &classes, Attrs::All);
    }
    push_escaped(&mut html, block.code);
    html.push_str("</code></pre>\n");
    html
}

/// A superfences custom fence (`mermaid`): `<pre class="mermaid"><code>` or `<div
/// class="mermaid">` holding the escaped code, for a script in the browser to draw.
pub(super) fn custom(block: &Block<'_>, fence: &CustomFence) -> String {
    let code = block.code.trim_end_matches('\n');
    let mut html = String::with_capacity(code.len() + 64);
    let mut classes: Vec<Cow<'_, str>> = vec![fence.class.as_str().into()];
    classes.extend(block.info.classes.iter().map(|c| Cow::Borrowed(c.as_str())));
    let tag = if fence.div { "div" } else { "pre" };
    block.open_tag(&mut html, tag, &classes, Attrs::All);
    if !fence.div {
        html.push_str("<code>");
    }
    push_escaped(&mut html, code);
    html.push_str(if fence.div {
        "</div>\n"
    } else {
        "</code></pre>\n"
    });
    html
}

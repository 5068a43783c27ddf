//! A code block as pymdownx.highlight writes it with Pygments, for [`super`]:
//! `<div class="highlight">` (with `language-x` under `pygments_lang_class`), an optional
//! `<span class="filename">` (`title="..."`, `auto_title`), then `<pre><span></span><code>`
//! holding the tokens as `<span class="k">`-style spans. Line numbers use Pygments' table
//! (`table.highlighttable`, numbers in `td.linenos`, which copying the code leaves out) or
//! go inline (`linenums_style`); `hl_lines="2 4-6"` wraps those lines in
//! `<span class="hll">`; `line_spans` and `anchor_linenums` give each line an id.

use std::fmt::Write as _;

use super::super::highlight;
use super::lines::{LineDecor, LineNumbers, LineWriter, marked_lines};
use super::options::{CodeOptions, LineNumsStyle};
use super::{Block, push_escaped};

/// The HTML of one block; `block.code` ends with a newline.
pub(super) fn render(opts: &CodeOptions, block: &Block<'_>) -> String {
    let info = block.info;
    let code = block.code;
    let lines = memchr::memchr_iter(b'\n', code.as_bytes()).count();
    let spec = match opts.linenums {
        Some(false) => None,
        Some(true) => Some(info.option("linenums").unwrap_or("1")),
        None => info.option("linenums"),
    };
    let numbers = spec.and_then(|spec| LineNumbers::parse(spec, opts.linenums_special));
    let marked = info
        .option("hl_lines")
        .map(|spec| marked_lines(spec, lines))
        .unwrap_or_default();
    let title = match info.option("title") {
        Some(title) => Some(title).filter(|t| !t.is_empty()),
        None if opts.auto_title => Some(auto_title(opts, block.lang)),
        None => None,
    };
    let block_key = match &info.id {
        Some(id) => id.clone(),
        None => block.number.to_string(),
    };
    let anchors = opts.anchor_prefix().map(|a| format!("{a}-{block_key}"));
    let table = numbers.filter(|_| opts.linenums_style == LineNumsStyle::Table);

    let mut html = String::with_capacity(code.len() * 4 + 160);
    block.open_wrapper(&mut html, opts, "div", &opts.css_class);
    match &table {
        None => {
            if let Some(title) = title {
                push_filename(&mut html, title);
            }
            html.push_str("<pre><span></span><code>");
        }
        Some(numbers) => {
            let _ = write!(html, "<table class=\"{}table\"><tr>", opts.css_class);
            if let Some(title) = title {
                html.push_str("<th colspan=\"2\" class=\"filename\">");
                push_filename(&mut html, title);
                html.push_str("</th></tr><tr>");
            }
            html.push_str("<td class=\"linenos\"><div class=\"linenodiv\"><pre><span></span>");
            let link = anchors.as_deref().filter(|_| opts.anchor_linenums);
            numbers.push_column(&mut html, lines, link);
            html.push_str("</pre></div></td><td class=\"code\"><div><pre><span></span><code>");
        }
    }
    let mut decor = LineDecor::new(&marked, lines);
    decor.spans = (!opts.line_spans.is_empty()).then(|| format!("{}-{block_key}", opts.line_spans));
    decor.anchors = anchors;
    decor.numbered = numbers.is_some();
    if let Some(numbers) = numbers.filter(|_| table.is_none()) {
        decor.inline_numbers = Some((numbers, opts.linenums_style));
        decor.width = (numbers.start + lines.saturating_sub(1)).to_string().len();
    }
    decor.link_numbers = opts.anchor_linenums;
    let first = numbers.map_or(1, |n| n.start);
    let mut writer = LineWriter::new(&mut html, &decor, code, first, lines);
    match block.lexer {
        Some(lexer) => {
            highlight::each_token(lexer, code, &mut |class, text| writer.token(class, text))
        }
        None => writer.token(None, code),
    }
    html.push_str(if table.is_some() {
        "</code></pre></div></td></tr></table></div>\n"
    } else {
        "</code></pre></div>\n"
    });
    html
}

fn push_filename(html: &mut String, title: &str) {
    html.push_str("<span class=\"filename\">");
    push_escaped(html, title);
    html.push_str("</span>");
}

/// `auto_title`: the name Pygments gives the language (title-cased, as pymdownx shows it),
/// unless `auto_title_map` renames it.
fn auto_title<'a>(opts: &'a CodeOptions, lang: &str) -> &'a str {
    let name = NAMES
        .iter()
        .find(|(aliases, _)| aliases.split(' ').any(|a| a.eq_ignore_ascii_case(lang)))
        .map_or("Text Only", |(_, name)| *name);
    opts.auto_title_map
        .iter()
        .find(|(from, _)| from == name)
        .map_or(name, |(_, to)| to.as_str())
}

/// Pygments' names of the languages people write most, by their fence names.
#[rustfmt::skip]
const NAMES: &[(&str, &str)] = &[
    ("python py python3 py3", "Python"), ("pycon", "Python Console Session"),
    ("bash sh shell zsh ksh", "Bash"), ("console shell-session", "Bash Session"),
    ("json", "Json"), ("yaml yml", "Yaml"), ("toml", "Toml"), ("js javascript node", "Javascript"),
    ("ts typescript", "Typescript"), ("rust rs", "Rust"), ("html", "Html"), ("css", "Css"),
    ("sql", "Sql"), ("markdown md", "Markdown"), ("dockerfile docker", "Docker"),
    ("r splus s", "S"), ("matlab", "Matlab"), ("diff udiff", "Diff"), ("julia jl", "Julia"),
    ("powershell pwsh ps1 posh", "Powershell"), ("ini cfg dosini", "Ini"), ("xml", "Xml"),
    ("c", "C"), ("cpp c++", "C++"), ("fortran f90", "Fortran"), ("go golang", "Go"),
    ("java", "Java"), ("text", "Text Only"),
];

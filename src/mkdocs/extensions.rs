//! `markdown_extensions` of `mkdocs.yml` to [`Features`]: an MkDocs project has exactly the
//! syntaxes its extension list turns on, and its heading ids follow its `toc: slugify:`.

use crate::markdown::blocks::Settings as BlockSettings;
use crate::markdown::toc::TocOptions;
use crate::markdown::{Features, Rules, SlugStyle};

use super::tree::{Node, Value};

mod block_options;
use block_options::block_extension;

/// What an extension list turns on, and the extensions answerbook has no equivalent for.
#[derive(Debug, PartialEq, Eq)]
pub struct Extensions {
    pub features: Features,
    /// Extensions whose syntax answerbook leaves as text, in the order listed.
    pub unsupported: Vec<String>,
    /// A `toc: slugify:` function answerbook does not know (headings then get toc's ids).
    pub unknown_slugify: Option<(String, usize)>,
}

/// Extensions whose effect answerbook always has, or that change nothing it renders:
/// listed without a note.
const ALWAYS: &[&str] = &[
    "toc",
    "fenced_code",
    "meta",
    "codehilite",
    "pymdownx.superfences",
    "pymdownx.highlight",
    "pymdownx.inlinehilite",
];

/// Reads a `markdown_extensions` value: a list of names and `{name: {options}}`, or a
/// mapping of names to options (MkDocs takes both).
pub fn read(list: Option<&Node>) -> Extensions {
    let mut out = Extensions {
        features: Features {
            admonition: false,
            details: false,
            tabbed: false,
            attr_list: false,
            md_in_html: false,
            def_list: false,
            abbr: false,
            abbr_glossary: Vec::new(),
            footnotes: false,
            footnote_options: Default::default(),
            tasklist: None,
            arithmatex: None,
            blocks: BlockSettings::default(),
            slugs: SlugStyle::Toc,
            tab_slugs: None,
            tab_alternate: false,
            combine_header_slug: false,
            sane_headers: false,
            inline: Default::default(),
            code: crate::markdown::code::CodeOptions::plain(),
            snippets: None,
            rules: Rules::PythonMarkdown,
            sane_lists: false,
            table_align_attribute: false,
            toc: TocOptions::default(),
        },
        unsupported: Vec::new(),
        unknown_slugify: None,
    };
    let entries = entries(list);
    for (name, options) in &entries {
        enable(&mut out, name, *options);
    }
    let named: Vec<(&str, Option<&Node>)> =
        entries.iter().map(|(n, o)| (short_name(n), *o)).collect();
    out.features.code = super::code_options::read(&named);
    out
}

/// The `(name, options)` pairs of the list, in order.
fn entries(list: Option<&Node>) -> Vec<(String, Option<&Node>)> {
    let Some(list) = list else {
        return Vec::new();
    };
    match &list.value {
        Value::Seq(items) => items
            .iter()
            .flat_map(|item| match &item.value {
                Value::Str(name) => vec![(name.clone(), None)],
                Value::Map(entries) => entries
                    .iter()
                    .map(|(k, v)| (k.name.clone(), Some(v)))
                    .collect(),
                _ => Vec::new(),
            })
            .collect(),
        Value::Map(entries) => entries
            .iter()
            .map(|(k, v)| (k.name.clone(), Some(v)))
            .collect(),
        _ => Vec::new(),
    }
}

/// `markdown.extensions.admonition` and `admonition:AdmonitionExtension` are `admonition`.
fn short_name(name: &str) -> &str {
    let name = name.split(':').next().unwrap_or(name).trim();
    name.strip_prefix("markdown.extensions.").unwrap_or(name)
}

fn enable(out: &mut Extensions, full_name: &str, options: Option<&Node>) {
    let f = &mut out.features;
    match short_name(full_name) {
        "admonition" => f.admonition = true,
        "pymdownx.details" => f.details = true,
        "pymdownx.tabbed" => {
            f.tabbed = true;
            f.tab_alternate = options
                .and_then(|o| o.get("alternate_style"))
                .is_some_and(|v| matches!(&v.value, crate::mkdocs::tree::Value::Bool(true)));
            if let Some(slugify) = options.and_then(|o| o.get("slugify")) {
                f.tab_slugs = slug_style(slugify);
            }
            f.combine_header_slug = options
                .and_then(|o| o.get("combine_header_slug"))
                .is_some_and(|v| matches!(&v.value, crate::mkdocs::tree::Value::Bool(true)));
        }
        "attr_list" => f.attr_list = true,
        "md_in_html" => f.md_in_html = true,
        "def_list" => f.def_list = true,
        "abbr" => {
            f.abbr = true;
            f.abbr_glossary = glossary(options);
        }
        "footnotes" => {
            f.footnotes = true;
            f.footnote_options = footnote_options(options);
        }
        "pymdownx.tasklist" => {
            let flag = |key: &str| {
                options
                    .and_then(|o| o.get(key))
                    .is_some_and(|v| matches!(&v.value, Value::Bool(true)))
            };
            f.tasklist = Some(crate::markdown::tasklist::Options {
                custom_checkbox: flag("custom_checkbox"),
                clickable_checkbox: flag("clickable_checkbox"),
            });
        }
        "pymdownx.arithmatex" => f.arithmatex = Some(super::math_options::read(options)),
        "pymdownx.saneheaders" => f.sane_headers = true,
        "pymdownx.snippets" => f.snippets = Some(snippet_settings(options)),
        "sane_lists" => f.sane_lists = true,
        "tables" => {
            f.table_align_attribute = options
                .and_then(|o| o.get("use_align_attribute"))
                .is_some_and(|v| matches!(&v.value, crate::mkdocs::tree::Value::Bool(true)));
        }
        "extra" | "pymdownx.extra" => {
            f.abbr = true;
            f.attr_list = true;
            f.def_list = true;
            f.footnotes = true;
            f.md_in_html = true;
            // pymdownx.extra has betterem too; Python-Markdown's extra does not.
            f.inline.betterem |= short_name(full_name) == "pymdownx.extra";
            f.footnote_options = footnote_options(options.and_then(|o| o.get("footnotes")));
        }
        name if name.starts_with("pymdownx.blocks.") => block_extension(f, name, options),
        "toc" => {
            if let Some(options) = options {
                read_toc(options, &mut f.toc);
            }
            if let Some(slugify) = options.and_then(|o| o.get("slugify")) {
                match slug_style(slugify) {
                    Some(style) => f.slugs = style,
                    None => {
                        let name = slugify
                            .python_object()
                            .map_or_else(|| format!("{:?}", slugify.value), str::to_owned);
                        out.unknown_slugify = Some((name, slugify.line));
                    }
                }
            }
        }
        name if super::inline_extensions::enable(&mut f.inline, name, options) => {}
        name if ALWAYS.contains(&name) => {}
        _ => out.unsupported.push(full_name.to_owned()),
    }
}

/// `footnotes` options; one not given keeps Python-Markdown's default. Footnotes are numbered
/// in the order they are defined unless `USE_DEFINITION_ORDER: false` (Python-Markdown 3.10 and
/// later; 3.9 alone numbered them by first reference).
fn footnote_options(options: Option<&Node>) -> crate::markdown::footnotes::Options {
    let mut out = crate::markdown::footnotes::Options {
        definition_order: true,
        ..Default::default()
    };
    let text = |key: &str| Some(options?.get(key)?.as_str()?.to_owned());
    for (key, field) in [
        ("BACKLINK_TEXT", &mut out.backlink_text),
        ("BACKLINK_TITLE", &mut out.backlink_title),
        ("SEPARATOR", &mut out.separator),
        ("SUPERSCRIPT_TEXT", &mut out.superscript_text),
        ("PLACE_MARKER", &mut out.place_marker),
    ] {
        if let Some(value) = text(key) {
            *field = value;
        }
    }
    if let Some(Value::Bool(on)) = options
        .and_then(|o| o.get("USE_DEFINITION_ORDER"))
        .map(|v| &v.value)
    {
        out.definition_order = *on;
    }
    out
}

/// `abbr: glossary: {ABBR: title}` (titles as text).
fn glossary(options: Option<&Node>) -> Vec<(String, String)> {
    match options.and_then(|o| o.get("glossary")).map(|g| &g.value) {
        Some(Value::Map(entries)) => entries
            .iter()
            .filter_map(|(k, v)| Some((k.name.clone(), v.as_str()?.to_owned())))
            .collect(),
        _ => Vec::new(),
    }
}

/// `pymdownx.snippets` options; `base_path` as written (the project resolves it).
fn snippet_settings(options: Option<&Node>) -> crate::markdown::snippets::Settings {
    let list = |key: &str| -> Vec<String> {
        match options.and_then(|o| o.get(key)).map(|n| &n.value) {
            Some(Value::Str(s)) => vec![s.clone()],
            Some(Value::Seq(items)) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        }
    };
    let flag = |key: &str| {
        options
            .and_then(|o| o.get(key))
            .is_some_and(|v| matches!(&v.value, Value::Bool(true)))
    };
    let mut base_paths: Vec<std::path::PathBuf> =
        list("base_path").into_iter().map(Into::into).collect();
    if options.and_then(|o| o.get("base_path")).is_none() {
        base_paths.push(".".into());
    }
    crate::markdown::snippets::Settings {
        root: std::path::PathBuf::new(),
        base_paths,
        auto_append: list("auto_append"),
        check_paths: flag("check_paths"),
        dedent_subsections: flag("dedent_subsections"),
    }
}

/// `toc`'s options other than `slugify`.
fn read_toc(options: &Node, toc: &mut TocOptions) {
    let text = |key: &str| options.get(key).and_then(Node::scalar_text);
    match options.get("permalink").map(|p| &p.value) {
        Some(Value::Bool(false)) => toc.permalink = None,
        Some(Value::Bool(true)) | None => {}
        Some(_) => toc.permalink = text("permalink"),
    }
    let flag = |key: &str| options.get(key).map(|v| v.value == Value::Bool(true));
    if let Some(leading) = flag("permalink_leading") {
        toc.permalink_leading = leading;
    }
    if let Some(anchorlink) = flag("anchorlink") {
        toc.anchorlink = anchorlink;
    }
    let strings: [(&str, &mut String); 5] = [
        ("permalink_class", &mut toc.permalink_class),
        ("permalink_title", &mut toc.permalink_title),
        ("anchorlink_class", &mut toc.anchorlink_class),
        ("title_class", &mut toc.title_class),
        ("toc_class", &mut toc.toc_class),
    ];
    for (key, field) in strings {
        if let Some(value) = text(key) {
            *field = value;
        }
    }
    if let Some(marker) = text("marker") {
        toc.marker = marker;
    }
    if let Some(title) = text("title") {
        toc.title = Some(title);
    }
    if let Some(base) = text("baselevel").and_then(|b| b.parse().ok()) {
        toc.baselevel = base;
    }
    if let Some(depth) = text("toc_depth") {
        let parsed = match depth.split_once('-') {
            Some((a, b)) => a.trim().parse().ok().zip(b.trim().parse().ok()),
            None => depth.trim().parse().ok().map(|max| (1, max)),
        };
        if let Some(range) = parsed {
            toc.depth = range;
        }
    }
}

/// The heading ids a `toc: slugify:` function gives, when answerbook can give the same.
fn slug_style(slugify: &Node) -> Option<SlugStyle> {
    let lowercase = |lower| Some(SlugStyle::Unicode { lowercase: lower });
    match slugify.python_object()? {
        "markdown.extensions.toc.slugify" => Some(SlugStyle::Toc),
        "markdown.extensions.toc.slugify_unicode" => lowercase(true),
        // `slugify(case=...)`: `none` (its default) keeps the case.
        "pymdownx.slugs.slugify" => {
            let case = slugify
                .get("kwds")
                .and_then(|k| k.get("case"))
                .and_then(Node::as_str)
                .unwrap_or("none");
            lowercase(matches!(case, "lower" | "lower-ascii" | "fold"))
        }
        // The older functions of pymdownx.slugs (percent-encoding is not reproduced).
        "pymdownx.slugs.uslugify" | "pymdownx.slugs.uslugify_encoded" | "pymdownx.slugs.gfm" => {
            lowercase(true)
        }
        "pymdownx.slugs.uslugify_cased"
        | "pymdownx.slugs.uslugify_cased_encoded"
        | "pymdownx.slugs.gfm_cased" => lowercase(false),
        _ => None,
    }
}

#[cfg(test)]
mod tests;

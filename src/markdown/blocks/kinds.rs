//! What each kind of `///` block becomes, given its header and options: admonitions and
//! details (`pymdownx.blocks.admonition`, `.details`, with the types a site configures), HTML
//! elements (`.html`), definition lists (`.definition`), tabs (`.tab`) and captions
//! (`.caption`). A header whose name, argument or options the kind does not accept is no
//! block: its lines stay text.

use serde_json::Value;

use super::header::{Attrs, Header, Options, parse_attrs, parse_selector, set_attr};
use super::{Mode, Settings, TypeDef};
use crate::markdown::escape_attr;

/// What a header opens.
pub(super) enum Opening {
    /// An admonition or details block: a block of the line pass's own, with its title.
    Titled {
        details: Option<bool>,
        classes: Vec<String>,
        title: Option<String>,
        open_tag: String,
    },
    /// An element whose body is markdown, between an opening and a closing tag.
    Element { open_tag: String, close_tag: String },
    /// An element whose body is not block markdown (inline, raw or HTML).
    Text {
        open_tag: String,
        close_tag: String,
        mode: Mode,
    },
    /// A content tab.
    Tab {
        title: String,
        select: bool,
        new: bool,
    },
}

/// Reads a header and its options as the block `settings` know it; `None` when it is no
/// block there.
pub(super) fn open(settings: &Settings, header: &Header<'_>, options: &Options) -> Option<Opening> {
    let name = header.name.as_str();
    if let Some(types) = &settings.admonition
        && (name == "admonition" || types.iter().any(|t| t.name == name))
    {
        return titled(header, options, types, false);
    }
    if let Some(types) = &settings.details
        && (name == "details" || types.iter().any(|t| t.name == name))
    {
        return titled(header, options, types, true);
    }
    match name {
        "html" if settings.html.is_some() => html(settings, header, options),
        "define" if settings.definition => {
            let attrs = only(options, &[])?;
            header.argument.is_none().then(|| Opening::Element {
                open_tag: format!("{}{}", tag("dl", &attrs), super::define::MARK),
                close_tag: "</dl>".into(),
            })
        }
        "tab" if settings.tab => {
            let title = header.argument.filter(|a| !a.is_empty())?;
            only(options, &["new", "select"])?;
            Some(Opening::Tab {
                title: title.to_owned(),
                select: flag(options, "select")?,
                new: flag(options, "new")?,
            })
        }
        _ => {
            let captions = settings.caption.as_ref()?;
            let kind = captions.types.iter().find(|t| t.name == name)?;
            let attrs = only(options, &[])?;
            let caption = super::caption::read(captions, kind, header.argument, attrs)?;
            Some(Opening::Element {
                open_tag: caption.marker(),
                close_tag: super::caption::CLOSE.into(),
            })
        }
    }
}

/// The attributes of `attrs:`, when the options hold nothing but `attrs` and `allowed`.
fn only(options: &Options, allowed: &[&str]) -> Option<Attrs> {
    if options
        .keys()
        .any(|k| k != "attrs" && !allowed.contains(&k.as_str()))
    {
        return None;
    }
    parse_attrs(options.get("attrs"))
}

/// A `true`/`false` option (absent: false).
fn flag(options: &Options, key: &str) -> Option<bool> {
    match options.get(key) {
        None => Some(false),
        Some(Value::Bool(b)) => Some(*b),
        Some(_) => None,
    }
}

/// An admonition (`details` false) or a details block.
fn titled(
    header: &Header<'_>,
    options: &Options,
    types: &[TypeDef],
    details: bool,
) -> Option<Opening> {
    let generic = if details { "details" } else { "admonition" };
    let named = header.name != generic;
    let allowed: &[&str] = match (details, named) {
        (false, false) => &["type"],
        (false, true) => &[],
        (true, false) => &["type", "open"],
        (true, true) => &["open"],
    };
    let attrs = only(options, allowed)?;
    let open = if details {
        flag(options, "open")?
    } else {
        false
    };
    // The type: the block's own name, or the `type:` option of the generic block.
    let kind: Option<TypeDef> = if named {
        types.iter().find(|t| t.name == header.name).cloned()
    } else {
        match options.get("type") {
            None => None,
            Some(Value::String(t)) if super::header::is_identifier(t) => Some(TypeDef::new(t)),
            Some(_) => return None,
        }
    };
    let mut classes: Vec<String> = Vec::new();
    if !details {
        classes.push("admonition".into());
    }
    if let Some(kind) = &kind
        && (details || kind.name != "admonition")
    {
        classes.push(kind.class.clone());
    }
    let title = match header.argument {
        None => kind.as_ref().map(|k| k.title.clone()),
        Some("") => None,
        Some(t) => Some(t.to_owned()),
    };
    let mut all = Attrs::new();
    if !classes.is_empty() {
        all.push(("class".into(), classes.join(" ")));
    }
    for (k, v) in &attrs {
        set_attr(&mut all, k, v);
    }
    if details && open {
        set_attr(&mut all, "open", "open");
    }
    let element = if details { "details" } else { "div" };
    let class_words = all
        .iter()
        .find(|(k, _)| k == "class")
        .map(|(_, v)| v.split(' ').map(str::to_owned).collect())
        .unwrap_or_default();
    Some(Opening::Titled {
        details: details.then_some(open),
        classes: class_words,
        title,
        open_tag: tag(element, &all),
    })
}

/// `/// html | selector`.
fn html(settings: &Settings, header: &Header<'_>, options: &Options) -> Option<Opening> {
    let (element, mut attrs) = parse_selector(header.argument?)?;
    let extra = only(options, &["markdown"])?;
    for (k, v) in &extra {
        set_attr(&mut attrs, k, v);
    }
    let custom = settings
        .html
        .iter()
        .flatten()
        .find(|(t, _)| *t == element)
        .map(|(_, m)| *m);
    let mode = match options.get("markdown") {
        None => custom.unwrap_or(Mode::Auto),
        Some(Value::String(m)) => match Mode::parse(m)? {
            Mode::Auto => custom.unwrap_or(Mode::Auto),
            m => m,
        },
        Some(_) => return None,
    };
    let mode = match mode {
        Mode::Auto if matches!(element.as_str(), "script" | "style") => Mode::Html,
        Mode::Auto if RAW_TAGS.contains(&element.as_str()) => Mode::Raw,
        Mode::Auto if BLOCK_TAGS.contains(&element.as_str()) => Mode::Block,
        Mode::Auto => Mode::Inline,
        m => m,
    };
    let open_tag = tag(&element, &attrs);
    let close_tag = format!("</{element}>");
    Some(match mode {
        Mode::Block => Opening::Element {
            open_tag,
            close_tag,
        },
        mode => Opening::Text {
            open_tag,
            close_tag,
            mode,
        },
    })
}

/// Elements whose content is never parsed.
const RAW_TAGS: &[&str] = &[
    "canvas", "math", "option", "pre", "script", "style", "textarea", "code",
];

/// Elements whose content is block markdown (Python-Markdown's block-level elements less
/// those holding only inline content and the raw ones).
const BLOCK_TAGS: &[&str] = &[
    "article",
    "aside",
    "blockquote",
    "body",
    "center",
    "colgroup",
    "details",
    "div",
    "dl",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "group",
    "header",
    "hgroup",
    "html",
    "iframe",
    "main",
    "map",
    "menu",
    "nav",
    "noscript",
    "object",
    "ol",
    "output",
    "progress",
    "section",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
    "video",
];

/// An opening tag.
fn tag(element: &str, attrs: &Attrs) -> String {
    let mut out = format!("<{element}");
    for (k, v) in attrs {
        out.push_str(&format!(" {k}=\"{}\"", escape_attr(v)));
    }
    out.push('>');
    out
}

//! Which `///` blocks a site has and their settings (from `markdown_extensions` of
//! mkdocs.yml, or all of them on an answerbook site): admonition and details types, and the
//! modes `/// html` reads element bodies in.

/// Which `///` blocks a site has, with their settings.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Settings {
    /// `pymdownx.blocks.admonition`: the types that are block names of their own.
    pub admonition: Option<Vec<TypeDef>>,
    /// `pymdownx.blocks.details`: likewise.
    pub details: Option<Vec<TypeDef>>,
    /// `pymdownx.blocks.html`: elements whose body is read in a mode of their own (`custom`).
    pub html: Option<Vec<(String, Mode)>>,
    /// `pymdownx.blocks.definition` (`/// define`).
    pub definition: bool,
    /// `pymdownx.blocks.tab`.
    pub tab: bool,
    /// `alternate_style` of `pymdownx.blocks.tab` (the style Material needs; off by default
    /// in MkDocs).
    pub tab_alternate: bool,
    /// `pymdownx.blocks.caption`.
    pub caption: Option<CaptionSettings>,
}

/// `pymdownx.blocks.caption`: its figure types and how figures are numbered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionSettings {
    pub types: Vec<CaptionType>,
    /// Number every figure of a type with a prefix, and give it an id (`auto`).
    pub auto: bool,
    /// Figures nested this deep or deeper in figures of their type get no number (0: all do).
    pub auto_level: usize,
    /// Captions go first in their figure rather than last.
    pub prepend: bool,
}

/// A caption block (`/// figure-caption`): its name, the prefix its number is written in
/// (`Figure {}.`, empty for none) and the classes its figure gets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaptionType {
    pub name: String,
    pub prefix: String,
    pub classes: String,
}

impl Default for CaptionSettings {
    /// The types pymdownx has when a site names none: `caption`, `figure-caption` and
    /// `table-caption`, numbered.
    fn default() -> Self {
        let kind = |name: &str, prefix: &str| CaptionType {
            name: name.into(),
            prefix: prefix.into(),
            classes: String::new(),
        };
        CaptionSettings {
            types: vec![
                kind("caption", ""),
                kind("figure-caption", "Figure {}."),
                kind("table-caption", "Table {}."),
            ],
            auto: true,
            auto_level: 0,
            prepend: false,
        }
    }
}

impl Settings {
    /// Every block, with the admonition types Material for MkDocs styles (answerbook sites).
    pub fn all() -> Self {
        Settings {
            admonition: Some(MATERIAL_TYPES.iter().map(|t| TypeDef::new(t)).collect()),
            details: Some(Vec::new()),
            html: Some(Vec::new()),
            definition: true,
            tab: true,
            tab_alternate: true,
            caption: Some(CaptionSettings::default()),
        }
    }

    /// Whether any block is on.
    pub fn enabled(&self) -> bool {
        self.admonition.is_some()
            || self.details.is_some()
            || self.html.is_some()
            || self.definition
            || self.tab
            || self.caption.is_some()
    }
}

/// The types `pymdownx.blocks.admonition` has when a site names none.
pub const DEFAULT_ADMONITION_TYPES: &[&str] = &[
    "note",
    "attention",
    "caution",
    "danger",
    "error",
    "tip",
    "hint",
    "warning",
    "important",
];

/// The admonition types Material for MkDocs styles.
const MATERIAL_TYPES: &[&str] = &[
    "note",
    "attention",
    "caution",
    "danger",
    "error",
    "tip",
    "hint",
    "warning",
    "info",
    "important",
    "abstract",
    "summary",
    "tldr",
    "todo",
    "success",
    "check",
    "done",
    "question",
    "help",
    "faq",
    "failure",
    "fail",
    "missing",
    "bug",
    "example",
    "quote",
    "cite",
];

/// An admonition or details type: its block name, its CSS class and its default title.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TypeDef {
    pub name: String,
    pub class: String,
    pub title: String,
}

impl TypeDef {
    /// A type named `name`, with the class of the same name and the title pymdownx makes
    /// of it (`-` and `_` become spaces, words capitalised).
    pub fn new(name: &str) -> Self {
        TypeDef::with(name, None, None)
    }

    pub fn with(name: &str, class: Option<&str>, title: Option<&str>) -> Self {
        let class = class.unwrap_or(name).to_owned();
        let title = title.map_or_else(|| title_case(&class), str::to_owned);
        TypeDef {
            name: name.to_lowercase(),
            class,
            title,
        }
    }
}

/// `my_custom-type2x` -> `My Custom Type2X`, as Python's `str.title` after `[-_]+` -> space.
fn title_case(class: &str) -> String {
    let mut out = String::with_capacity(class.len());
    let mut prev_letter = false;
    let mut prev_sep = false;
    for c in class.chars() {
        if c == '-' || c == '_' {
            if !prev_sep {
                out.push(' ');
            }
            prev_sep = true;
            prev_letter = false;
            continue;
        }
        prev_sep = false;
        if prev_letter {
            out.extend(c.to_lowercase());
        } else {
            out.extend(c.to_uppercase());
        }
        prev_letter = c.is_alphabetic();
    }
    out
}

/// How the body of an HTML block is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// By the element: raw for `pre`, block markdown for `div`, inline for `span`, ...
    Auto,
    Block,
    Inline,
    /// Text, escaped.
    Raw,
    /// HTML, as written.
    Html,
}

impl Mode {
    pub fn parse(s: &str) -> Option<Mode> {
        Some(match s.to_lowercase().as_str() {
            "auto" => Mode::Auto,
            "block" => Mode::Block,
            "inline" => Mode::Inline,
            "raw" => Mode::Raw,
            "html" => Mode::Html,
            _ => return None,
        })
    }
}

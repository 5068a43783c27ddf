//! pymdownx.emoji: `:smile:` shortcodes (GitHub's names, from the `emojis` crate) become the
//! emoji, as the character itself or as the image markup of the site's `emoji_generator`
//! and `emoji_index`; Material's icon shortcodes (`:material-…:`, `:octicons-…:`,
//! `:fontawesome-…:`, `:simple-…:`) become the inline SVG of the icon file found under the
//! site's `extra: icons_dir:`, or stay text with a warning naming them.

use std::ops::Range;
use std::path::{Path, PathBuf};

use pulldown_cmark::{CowStr, Event};

use crate::markdown::escape_attr;
use crate::markdown::events::Pass;

/// How an emoji is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Generator {
    /// The character itself (`pymdownx.emoji.to_alt`; answerbook's own default).
    #[default]
    Unicode,
    /// An `<img>` of the index's PNG (`to_png`, pymdown's default).
    Png,
    /// An `<img>` of the index's SVG (`to_svg`, and Material's `to_svg` for emoji).
    Svg,
}

/// Whose images the `<img>` shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Index {
    #[default]
    Emojione,
    Twemoji,
    Gemoji,
}

/// What an `<img>` title shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Title {
    /// The shortcode.
    #[default]
    Short,
    /// The emoji's name.
    Long,
    None,
}

/// The options of pymdownx.emoji, and where the site keeps its icon set.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub generator: Generator,
    pub index: Index,
    pub title: Title,
    /// A folder laid out as Material's `.icons` (`material/`, `octicons/`, `fontawesome/…`).
    pub icons_dir: Option<PathBuf>,
}

/// A text event of the page pass with its shortcodes replaced; icons that cannot be shown
/// are reported at their line.
pub(in crate::markdown) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    text: &str,
    range: &Range<usize>,
    out: &mut Vec<Event<'e>>,
) {
    let Some(options) = &pass.input.features.inline.emoji else {
        return;
    };
    let mut missing = Vec::new();
    // `\:smile:`: the escaped colon opens nothing.
    let escaped = pass.pre.text[..range.start].ends_with('\\') && text.starts_with(':');
    if escaped {
        out.push(Event::Text(":".into()));
    }
    let skip = usize::from(escaped);
    split(&text[skip..], options, out, &mut missing);
    for (offset, name) in missing {
        pass.warn(range.start + skip + offset, missing_icon(options, &name));
    }
}

/// The events of a title (a tab's label, an admonition's title) with their shortcodes
/// replaced, as pymdownx.emoji does there too; icons that cannot be shown are reported at the
/// title's line.
pub(in crate::markdown) fn title<'e>(
    pass: &mut Pass<'_, '_>,
    events: Vec<Event<'e>>,
    range: &Range<usize>,
) -> Vec<Event<'e>> {
    let Some(options) = &pass.input.features.inline.emoji else {
        return events;
    };
    let mut out = Vec::with_capacity(events.len());
    let mut missing = Vec::new();
    for event in events {
        match event {
            Event::Text(text) if may_have(&text) => split(&text, options, &mut out, &mut missing),
            other => out.push(other),
        }
    }
    for (_, name) in missing {
        pass.warn(range.start, missing_icon(options, &name));
    }
    out
}

/// The warning for an icon shortcode shown as text.
fn missing_icon(options: &Options, name: &str) -> String {
    match &options.icons_dir {
        None => format!(
            "`:{name}:` is an icon shortcode, shown as text: set `extra: icons_dir:` to a \
             folder of icons (as Material's `.icons`) to show it"
        ),
        Some(dir) => format!(
            "`:{name}:` is not an icon of {}: it is shown as text",
            dir.display()
        ),
    }
}

/// Whether a text may hold a shortcode (two colons): the cheap test every text event gets,
/// two byte searches.
pub(crate) fn may_have(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr(b':', bytes)
        .is_some_and(|first| memchr::memchr(b':', &bytes[first + 1..]).is_some())
}

/// The events a text becomes; shortcodes of icons that could not be shown are added to
/// `missing` (with their byte offset in the text) for a warning.
pub(crate) fn split<'e>(
    text: &str,
    options: &Options,
    out: &mut Vec<Event<'e>>,
    missing: &mut Vec<(usize, String)>,
) {
    let mut plain = 0;
    let mut i = 0;
    while let Some(start) = text[i..].find(':').map(|p| p + i) {
        let name_len = text[start + 1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+')))
            .unwrap_or(text.len() - start - 1);
        let end = start + 1 + name_len;
        if name_len == 0 || !text[end..].starts_with(':') {
            i = start + 1;
            continue;
        }
        let name = &text[start + 1..end];
        let html = match icon_set(name) {
            Some(_) => {
                let svg = options.icons_dir.as_deref().and_then(|d| icon(d, name));
                if svg.is_none() {
                    missing.push((start, name.to_owned()));
                }
                svg
            }
            None => by_shortcode(name, options.index).map(|e| emoji(e, name, options)),
        };
        let Some(html) = html else {
            i = end;
            continue;
        };
        if start > plain {
            out.push(Event::Text(CowStr::from(text[plain..start].to_owned())));
        }
        out.push(match options.generator {
            Generator::Unicode if icon_set(name).is_none() => Event::Text(html.into()),
            _ => Event::InlineHtml(html.into()),
        });
        plain = end + 1;
        i = plain;
    }
    if plain < text.len() {
        out.push(Event::Text(CowStr::from(text[plain..].to_owned())));
    }
}

/// Whether an inline HTML event is one emoji or icon as [`split`] writes it: an icon's
/// `<span class="twemoji"><svg…></span>` or an emoji's `<img … class="twemoji" … />`. Raw
/// HTML never comes as a whole span in one event; an author's own `<img>` would have to copy
/// the emoji's markup to the letter.
pub(crate) fn is_markup(html: &str) -> bool {
    if let Some(rest) = html.strip_prefix("<span class=\"twemoji\"><svg") {
        return rest.ends_with("</svg></span>");
    }
    html.starts_with("<img alt=\"")
        && html.ends_with(" />")
        && [
            " class=\"twemoji\" ",
            " class=\"emojione\" ",
            " class=\"gemoji\" ",
        ]
        .iter()
        .any(|class| html.contains(class))
}

/// The icon set a shortcode names, if it is an icon's.
fn icon_set(name: &str) -> Option<&str> {
    let (set, _) = name.split_once('-')?;
    matches!(set, "material" | "octicons" | "fontawesome" | "simple").then_some(set)
}

/// `<span class="twemoji"><svg…></span>` for an icon file: `material-keyboard` is
/// `material/keyboard.svg`, `fontawesome-brands-github` `fontawesome/brands/github.svg`
/// (each hyphen from the left is tried as a folder).
fn icon(dir: &Path, name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split('-').collect();
    (1..parts.len()).find_map(|folders| {
        let mut path = dir.to_path_buf();
        path.extend(&parts[..folders]);
        path.push(format!("{}.svg", parts[folders..].join("-")));
        let svg = std::fs::read_to_string(path).ok()?;
        let svg = svg.trim();
        svg.starts_with("<svg")
            .then(|| format!("<span class=\"twemoji\">{svg}</span>"))
    })
}

/// The markup of one emoji.
fn emoji(e: &emojis::Emoji, shortcode: &str, options: &Options) -> String {
    // Twemoji writes a sequence without its U+FE0F variation selectors, unless it joins
    // several emoji with U+200D (`🙋‍♂️` keeps it, `⬅️` is `⬅`): its file names and the
    // characters pymdownx's twemoji index gives both follow that rule.
    let keep_fe0f = options.index == Index::Twemoji && e.as_str().contains('\u{200d}');
    let twemoji_alt: String;
    let alt = match options.index {
        Index::Twemoji if !keep_fe0f && e.as_str().contains('\u{fe0f}') => {
            twemoji_alt = e.as_str().replace('\u{fe0f}', "");
            twemoji_alt.as_str()
        }
        _ => e.as_str(),
    };
    if options.generator == Generator::Unicode {
        return alt.to_owned();
    }
    let code: Vec<String> = alt
        .chars()
        .filter(|c| keep_fe0f || *c != '\u{fe0f}')
        .map(|c| format!("{:x}", c as u32))
        .collect();
    let code = code.join("-");
    let (class, base) = match (options.index, options.generator) {
        (Index::Emojione, Generator::Svg) => (
            "emojione",
            "https://cdnjs.cloudflare.com/ajax/libs/emojione/2.2.7/assets/svg/",
        ),
        (Index::Emojione, _) => (
            "emojione",
            "https://cdnjs.cloudflare.com/ajax/libs/emojione/2.2.7/assets/png/",
        ),
        (Index::Twemoji, Generator::Svg) => (
            "twemoji",
            "https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/svg/",
        ),
        (Index::Twemoji, _) => (
            "twemoji",
            "https://cdn.jsdelivr.net/gh/jdecked/twemoji@16.0.1/assets/72x72/",
        ),
        (Index::Gemoji, _) => (
            "gemoji",
            "https://github.githubassets.com/images/icons/emoji/unicode/",
        ),
    };
    let ext = match options.generator {
        Generator::Svg if options.index != Index::Gemoji => "svg",
        _ => "png",
    };
    let title = match options.title {
        Title::Short => format!(" title=\":{}:\"", escape_attr(shortcode)),
        Title::Long => format!(" title=\"{}\"", escape_attr(e.name())),
        Title::None => String::new(),
    };
    format!("<img alt=\"{alt}\" class=\"{class}\" src=\"{base}{code}.{ext}\"{title} />")
}

/// The emoji of a shortcode: GitHub's names (the `emojis` crate); for the twemoji and
/// EmojiOne indexes also their spelling of people that GitHub names the other way round
/// (`:man_raising_hand:`, GitHub's `:raising_hand_man:`), and the emoji's Unicode name
/// written as a shortcode (`:woman_in_lotus_position:`), which is how those indexes name
/// most emoji GitHub names otherwise.
fn by_shortcode(name: &str, index: Index) -> Option<&'static emojis::Emoji> {
    emojis::get_by_shortcode(name).or_else(|| {
        if index == Index::Gemoji {
            return None;
        }
        let person = name
            .strip_prefix("man_")
            .map(|rest| ("man", rest))
            .or_else(|| name.strip_prefix("woman_").map(|rest| ("woman", rest)));
        person
            .and_then(|(who, rest)| emojis::get_by_shortcode(&format!("{rest}_{who}")))
            .or_else(|| by_unicode_name(name))
    })
}

/// The emoji whose Unicode name is `shortcode` with `_` for spaces and punctuation
/// (`men’s room`: `mens_room`); only for shortcodes GitHub does not know, so scanning the
/// emoji list costs nothing on pages that use none.
fn by_unicode_name(shortcode: &str) -> Option<&'static emojis::Emoji> {
    if !shortcode.contains('_')
        || !shortcode
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    {
        return None;
    }
    emojis::iter().find(|e| name_is(e.name(), shortcode))
}

/// Whether `name`, lower-cased, apostrophes dropped and each run of other non-alphanumeric
/// characters made one `_`, is `shortcode`.
fn name_is(name: &str, shortcode: &str) -> bool {
    let mut want = shortcode.bytes();
    let mut gap = false;
    let mut started = false;
    for c in name.chars().filter(|c| !matches!(c, '\'' | '\u{2019}')) {
        if !c.is_ascii_alphanumeric() {
            gap = started;
            continue;
        }
        if gap && want.next() != Some(b'_') {
            return false;
        }
        gap = false;
        started = true;
        if want.next() != Some(c.to_ascii_lowercase() as u8) {
            return false;
        }
    }
    want.next().is_none()
}

#[cfg(test)]
mod tests;

//! `/// caption` blocks (pymdownx.blocks.caption), line part: a caption header
//! (`/// figure-caption | < 2.1 .wide#fig-a`) is read here into a [`Caption`] and written
//! as an HTML comment that carries it to the event part ([`super::figures`]), which puts the
//! block before the caption and the caption into a `<figure>`.
//!
//! The argument is, in this order and each optional: `<` (caption first in the figure) or
//! `>` (last), a number (`2.1`, set by hand) or a level (`^1`, how deep the figure counts),
//! and a selector without a tag (`.class#id[attr=value]`) for the figure.

use super::CaptionSettings;
use super::header::{Attrs, selector_attrs, set_attr};
use super::settings::CaptionType;
use crate::markdown::escape_attr;

/// Starts the comment that opens a caption; its fields follow, separated by [`SEP`].
pub(super) const OPEN: &str = "<!--answerbook:caption\u{1}";
/// The comment that closes a caption.
pub(super) const CLOSE: &str = "<!--answerbook:caption-end-->";
const SEP: char = '\u{1}';
/// Between an attribute's name and its value.
const EQ: char = '\u{2}';

/// A caption block's header, read.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(super) struct Caption {
    /// The type's name (`figure-caption`).
    pub(super) kind: String,
    /// The caption goes first in its figure.
    pub(super) prepend: bool,
    /// `^N`: the figure counts as nested N deep.
    pub(super) level: Option<usize>,
    /// A number set by hand (`2.1`).
    pub(super) number: Option<Vec<u32>>,
    /// The classes of the type, for the figure.
    pub(super) classes: Vec<String>,
    /// The figure's attributes, values escaped for HTML; `class` is added to the type's.
    pub(super) attrs: Attrs,
}

/// Reads a caption header of type `kind` with its argument and `attrs:` option; `None` when
/// the argument is not one, which leaves the header as text.
pub(super) fn read(
    settings: &CaptionSettings,
    kind: &CaptionType,
    argument: Option<&str>,
    options: Attrs,
) -> Option<Caption> {
    let mut caption = Caption {
        kind: kind.name.clone(),
        prepend: settings.prepend,
        classes: kind.classes.split_whitespace().map(str::to_owned).collect(),
        ..Caption::default()
    };
    let mut arg = argument.unwrap_or("");
    if let Some(rest) = arg.strip_prefix('>') {
        caption.prepend = false;
        arg = rest.trim_start();
    } else if let Some(rest) = arg.strip_prefix('<') {
        caption.prepend = true;
        arg = rest.trim_start();
    }
    let (level, digits) = match arg.strip_prefix('^') {
        Some(rest) => (true, rest),
        None => (false, arg),
    };
    if let Some((number, rest)) = figure_number(digits) {
        if level {
            // `^1.2` is no level; a level is one number.
            caption.level = Some(usize::try_from(*number.first()?).ok()?);
            if number.len() > 1 {
                return None;
            }
        } else {
            caption.number = Some(number);
        }
        arg = rest.trim_start();
    }
    let mut attrs = options;
    if !arg.is_empty() {
        let from_selector = selector_attrs(arg)?;
        for (name, value) in from_selector {
            if name == "class" {
                let mut classes: Vec<String> = attrs
                    .iter()
                    .filter(|(k, _)| k == "class")
                    .flat_map(|(_, v)| v.split(' ').map(str::to_owned))
                    .chain(value.split(' ').map(str::to_owned))
                    .filter(|c| !c.is_empty())
                    .collect();
                classes.sort();
                classes.dedup();
                attrs.retain(|(k, _)| k != "class");
                attrs.push(("class".into(), classes.join(" ")));
            } else if !attrs.iter().any(|(k, _)| *k == name) {
                attrs.push((name, value));
            }
        }
    }
    caption.attrs = attrs
        .into_iter()
        .map(|(k, v)| (k, escape_attr(&v)))
        .collect();
    Some(caption)
}

/// `2.1.3` at the start of `s`, ended by a space or the end: the numbers and what follows.
fn figure_number(s: &str) -> Option<(Vec<u32>, &str)> {
    let end = s.find(' ').unwrap_or(s.len());
    let number: Vec<u32> = s[..end]
        .split('.')
        .map(|part| {
            let ok = !part.is_empty()
                && !part.starts_with('0')
                && part.bytes().all(|b| b.is_ascii_digit());
            ok.then(|| part.parse().ok()).flatten()
        })
        .collect::<Option<_>>()?;
    Some((number, &s[end..]))
}

impl Caption {
    /// The comment that carries the caption to the event part.
    pub(super) fn marker(&self) -> String {
        let mut out = String::from(OPEN);
        let number = self
            .number
            .as_ref()
            .map(|n| dotted(n, "."))
            .unwrap_or_default();
        let level = self.level.map(|l| l.to_string()).unwrap_or_default();
        let side = if self.prepend { "<" } else { ">" };
        for field in [
            self.kind.as_str(),
            side,
            &level,
            &number,
            &self.classes.join(" "),
        ] {
            out.push_str(&field.replace(['\u{1}', '\u{2}', '>'], ""));
            out.push(SEP);
        }
        for (k, v) in &self.attrs {
            out.push_str(&format!("{k}{EQ}{v}{SEP}"));
        }
        out.push_str("-->");
        out
    }

    /// Reads a comment [`Caption::marker`] wrote.
    pub(super) fn parse(html: &str) -> Option<Caption> {
        let fields = html.trim().strip_prefix(OPEN)?.strip_suffix("-->")?;
        let mut fields = fields.split(SEP);
        let kind = fields.next()?.to_owned();
        let prepend = fields.next()? == "<";
        let level = fields.next()?.parse().ok();
        let number = Some(fields.next()?)
            .filter(|n| !n.is_empty())
            .map(|n| n.split('.').filter_map(|p| p.parse().ok()).collect());
        let classes = fields
            .next()?
            .split_whitespace()
            .map(str::to_owned)
            .collect();
        let mut attrs = Attrs::new();
        for field in fields {
            if let Some((k, v)) = field.split_once(EQ) {
                set_attr(&mut attrs, k, v);
            }
        }
        Some(Caption {
            kind,
            prepend,
            level,
            number,
            classes,
            attrs,
        })
    }
}

/// `[2, 1]` as `2.1` (or `2_1`).
pub(super) fn dotted(number: &[u32], sep: &str) -> String {
    let parts: Vec<String> = number.iter().map(u32::to_string).collect();
    parts.join(sep)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read_arg(arg: &str) -> Option<Caption> {
        let settings = CaptionSettings::default();
        read(&settings, &settings.types[1], Some(arg), Attrs::new())
    }

    #[test]
    fn arguments() {
        let c = read_arg("< 2.1 .b.a#x").unwrap();
        assert!(c.prepend);
        assert_eq!(c.number, Some(vec![2, 1]));
        assert_eq!(
            c.attrs,
            [("id".into(), "x".into()), ("class".into(), "a b".into())]
        );
        assert_eq!(read_arg("^2").unwrap().level, Some(2));
        for bad in ["bad", "0", "1.", "^1.1", "#a#b"] {
            assert!(read_arg(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn marker_round_trip() {
        let c = read_arg("> 3 .c[data-x=\"a>b\"]").unwrap();
        let back = Caption::parse(&c.marker()).unwrap();
        assert_eq!(back, c);
        assert!(!c.marker()[4..c.marker().len() - 3].contains('>'));
    }
}

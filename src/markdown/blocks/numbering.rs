//! Numbers the figures of `/// caption` blocks whose type has a prefix (`Figure {}.`), as
//! pymdownx.blocks.caption does: with `auto`, every such figure in page order, a figure
//! inside a figure of its type numbered one level down (`1.1`), `^N` and hand-set numbers
//! moving the count, `auto_level` leaving deep figures unnumbered; without `auto`, only the
//! figures numbered by hand. A numbered figure gets the id `__figure-caption_1_1` unless it
//! has one, and its caption starts with `<span class="caption-prefix">Figure 1.1.</span>`.

use std::collections::HashMap;

use pulldown_cmark::Event;

use super::CaptionSettings;
use super::caption::dotted;
use super::figure_html::attr_value;
use super::figures::{Elem, Node};
use super::header::set_attr;

/// The count of one figure type: its numbers so far and the depth of the last one.
#[derive(Default)]
struct Count {
    numbers: Vec<u32>,
    last: usize,
}

/// A figure on the way down: its type and its level, as numbering left it.
struct Ancestor {
    kind: String,
    level: Option<i64>,
}

struct Numbering<'s> {
    settings: &'s CaptionSettings,
    counts: HashMap<String, Count>,
    ancestors: Vec<Ancestor>,
    ids: Vec<String>,
}

/// Numbers the figures of `nodes`; the ids figures have.
pub(super) fn number(nodes: &mut [Node<'_>], settings: &CaptionSettings) -> Vec<String> {
    let mut n = Numbering {
        settings,
        counts: HashMap::new(),
        ancestors: Vec::new(),
        ids: Vec::new(),
    };
    n.walk(nodes);
    n.ids
}

impl Numbering<'_> {
    fn walk(&mut self, nodes: &mut [Node<'_>]) {
        for node in nodes {
            let Node::Elem(elem) = node else {
                continue;
            };
            let Some(fig) = elem.figure.as_ref() else {
                self.walk(&mut elem.children);
                continue;
            };
            let kind = fig.kind.clone();
            let level = self.visit(elem);
            if let Some(fig) = &elem.figure {
                let own = fig
                    .attrs
                    .iter()
                    .find(|(k, _)| k == "id")
                    .map(|(_, v)| v.as_str());
                let existing = match &elem.open {
                    Some(Event::Html(h)) => attr_value(h, "id"),
                    _ => None,
                };
                self.ids.extend(own.or(existing).map(str::to_owned));
            }
            self.ancestors.push(Ancestor { kind, level });
            self.walk(&mut elem.children);
            self.ancestors.pop();
        }
    }

    /// Numbers one figure when it should be; the level it leaves for its children.
    fn visit(&mut self, elem: &mut Elem<'_>) -> Option<i64> {
        let fig = elem.figure.as_ref()?;
        let mut level = fig.level.and_then(|l| i64::try_from(l).ok());
        let template = self
            .settings
            .types
            .iter()
            .find(|t| t.name == fig.kind)
            .map(|t| t.prefix.clone())
            .filter(|p| !p.is_empty())?;
        if !self.settings.auto {
            let number = match (fig.level, &fig.number) {
                (Some(l), _) => Some(vec![1; l + 1]),
                (None, n) => n.clone(),
            };
            if let Some(number) = number {
                label(elem, &number, &template);
            }
            return level;
        }
        let limit = i64::try_from(self.settings.auto_level).unwrap_or(i64::MAX);
        let too_deep = |depth: i64| limit > 0 && depth >= limit;
        let mut depth: i64 = level.unwrap_or_default();
        if too_deep(depth) {
            return level;
        }
        for ancestor in self.ancestors.iter().rev().filter(|a| a.kind == fig.kind) {
            match ancestor.level {
                Some(l) => {
                    depth += l + 1;
                    level = Some(depth + 1);
                }
                None => depth += 1,
            }
            if too_deep(depth) {
                return level;
            }
        }
        if let Some(number) = &fig.number {
            let hand = i64::try_from(number.len()).unwrap_or(1) - 1;
            level = Some(hand - depth);
            depth = hand;
        }
        let depth = usize::try_from(depth).unwrap_or(0);
        let count = self
            .counts
            .entry(fig.kind.clone())
            .or_insert_with(|| Count {
                numbers: vec![0],
                last: 0,
            });
        let numbers = &mut count.numbers;
        if depth > count.last {
            numbers.extend(std::iter::repeat_n(1, depth - count.last));
        } else if depth == count.last {
            if let Some(n) = numbers.get_mut(depth) {
                *n += 1;
            }
        } else {
            numbers.truncate(depth + 1);
            if let Some(n) = numbers.last_mut() {
                *n += 1;
            }
        }
        count.last = depth;
        if let Some(hand) = &fig.number
            && *hand > *numbers
        {
            numbers.clone_from(hand);
        }
        let shown: Vec<u32> = numbers.iter().take(depth + 1).copied().collect();
        label(elem, &shown, &template);
        level
    }
}

/// Gives a figure its id (unless it has one) and its caption the prefix.
fn label(elem: &mut Elem<'_>, number: &[u32], template: &str) {
    let has_id = match &elem.open {
        Some(Event::Html(h)) => attr_value(h, "id").is_some(),
        _ => false,
    };
    let Some(fig) = elem.figure.as_mut() else {
        return;
    };
    if !has_id && !fig.attrs.iter().any(|(k, _)| k == "id") {
        let id = format!("__{}_{}", fig.kind, dotted(number, "_"));
        set_attr(&mut fig.attrs, "id", &crate::markdown::escape_attr(&id));
    }
    let prefix = template.replace("{}", &dotted(number, "."));
    let prepend = fig.prepend;
    let mut captions: Vec<&mut Elem<'_>> = elem
        .children
        .iter_mut()
        .filter_map(|c| match c {
            Node::Elem(e) if e.is_figcaption() => Some(&mut **e),
            _ => None,
        })
        .collect();
    if !prepend {
        captions.reverse();
    }
    for caption in captions {
        add_prefix(caption, &prefix);
    }
}

/// Starts a caption with its prefix: in its first paragraph, or in a paragraph of its own.
fn add_prefix(caption: &mut Elem<'_>, prefix: &str) {
    let span = format!("<span class=\"caption-prefix\">{prefix}</span>");
    match caption.children.first_mut() {
        Some(Node::Elem(p)) if p.is_paragraph() => {
            let space = matches!(
                p.children.first(),
                Some(Node::Leaf(Event::Text(t))) if !t.is_empty()
            );
            let html = if space { span + " " } else { span };
            p.children
                .insert(0, Node::Leaf(Event::InlineHtml(html.into())));
        }
        _ => {
            let html = format!("<p>{span}</p>\n");
            caption
                .children
                .insert(0, Node::Leaf(Event::Html(html.into())));
        }
    }
}

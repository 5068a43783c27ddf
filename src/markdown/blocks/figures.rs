//! `/// caption` blocks, event part: once the page's events are known, each caption's body
//! becomes a `<figcaption>` and goes, with the block just before it (its previous sibling),
//! into a new `<figure>`; when that block is a figure without a caption, the caption goes
//! into it instead. Then figures are numbered ([`super::numbering`]).
//!
//! The events are read into a tree of elements (parser tags, and HTML blocks that open or
//! close elements), so that "the block before" is one node; writing the tree back out gives
//! every event in its order, figures added. A page nested deeper than [`MAX_DEPTH`] keeps
//! its captions unwrapped (their markers dropped), so that nothing here recurses without end.

use pulldown_cmark::Event;

use super::CaptionSettings;
use super::caption::{self, Caption};
use super::figure_html::{add_attrs, balance, figure_tag};
use super::header::set_attr;
use super::numbering;

/// How deep the tree may nest.
const MAX_DEPTH: usize = 200;

/// A node of the page: one event, or an element with its children.
pub(super) enum Node<'e> {
    Leaf(Event<'e>),
    Elem(Box<Elem<'e>>),
}

#[derive(Default)]
pub(super) struct Elem<'e> {
    /// The opening event; `None` for a figure this pass writes.
    pub(super) open: Option<Event<'e>>,
    pub(super) children: Vec<Node<'e>>,
    pub(super) close: Option<Event<'e>>,
    /// How many HTML elements its opening event left open (0: a parser tag).
    html_open: usize,
    /// A caption block being read (its marker taken).
    caption: Option<Caption>,
    /// A figure a caption went into: the caption's type, number and attributes.
    pub(super) figure: Option<Caption>,
    /// How deep its subtree nests.
    depth: usize,
}

impl Elem<'_> {
    fn open_html(&self) -> &str {
        match &self.open {
            Some(Event::Html(h)) => h.trim_start(),
            _ => "",
        }
    }

    fn is_tag(&self, name: &str) -> bool {
        let html = self.open_html();
        html.strip_prefix('<')
            .and_then(|h| h.strip_prefix(name))
            .is_some_and(|rest| rest.starts_with(['>', ' ', '\n', '\t', '/']))
    }

    pub(super) fn is_figure(&self) -> bool {
        self.figure.is_some() || self.is_tag("figure")
    }

    pub(super) fn is_figcaption(&self) -> bool {
        self.is_tag("figcaption")
    }

    /// Whether it is a paragraph (`<p>` of the parser or of raw HTML).
    pub(super) fn is_paragraph(&self) -> bool {
        matches!(
            self.open,
            Some(Event::Start(pulldown_cmark::Tag::Paragraph))
        ) || self.is_tag("p")
    }
}

/// Wraps the captions of the page in figures and numbers them; the ids given to figures.
pub fn apply(events: &mut Vec<Event<'_>>, settings: &CaptionSettings) -> Vec<String> {
    let has_caption = events
        .iter()
        .any(|e| matches!(e, Event::Html(h) if h.contains(caption::OPEN)));
    if !has_caption {
        return Vec::new();
    }
    let mut root = match build(std::mem::take(events)) {
        Ok(root) => root,
        Err(unchanged) => {
            // Too deep: the captions stay where they are, without their markers.
            *events = unchanged.into_iter().filter(|e| !is_marker(e)).collect();
            return Vec::new();
        }
    };
    let ids = numbering::number(&mut root, settings);
    write(root, events);
    ids
}

fn is_marker(event: &Event<'_>) -> bool {
    matches!(event, Event::Html(h) if h.contains(caption::OPEN) || h.contains(caption::CLOSE))
}

/// Reads the events into a tree, captions placed; when it nests too deep, the events as
/// they were.
fn build(events: Vec<Event<'_>>) -> Result<Vec<Node<'_>>, Vec<Event<'_>>> {
    let mut stack: Vec<Elem<'_>> = vec![Elem::default()];
    let mut events = events.into_iter();
    while let Some(event) = events.next() {
        if stack.len() > MAX_DEPTH {
            let mut out = Vec::new();
            for elem in stack {
                out.extend(elem.open);
                write(elem.children, &mut out);
            }
            out.push(event);
            out.extend(events);
            return Err(out);
        }
        match event {
            Event::Start(_) => stack.push(Elem {
                open: Some(event),
                ..Elem::default()
            }),
            Event::End(_) => {
                // HTML elements and captions left open inside the tag end with it.
                while stack.len() > 2
                    && stack
                        .last()
                        .is_some_and(|e| e.html_open > 0 || e.caption.is_some())
                {
                    close_top(&mut stack, None);
                }
                if stack.len() > 1 {
                    close_top(&mut stack, Some(event));
                } else {
                    push_node(&mut stack, Node::Leaf(event));
                }
            }
            Event::Html(ref h) if h.contains(caption::OPEN) => {
                let caption = Caption::parse(h);
                stack.push(Elem {
                    caption: Some(caption.unwrap_or_default()),
                    ..Elem::default()
                });
            }
            Event::Html(ref h) if h.contains(caption::CLOSE) => {
                if let Some(at) = stack.iter().rposition(|e| e.caption.is_some()) {
                    while stack.len() > at + 1 {
                        close_top(&mut stack, None);
                    }
                    if let Some(frame) = stack.pop() {
                        place_caption(&mut stack, frame);
                    }
                }
            }
            Event::Html(ref h) => match balance(h) {
                n if n > 0 => stack.push(Elem {
                    open: Some(event),
                    html_open: n.unsigned_abs(),
                    ..Elem::default()
                }),
                n if n < 0 && stack.last().is_some_and(|e| e.html_open > 0) => {
                    let mut left = n.unsigned_abs();
                    let mut event = Some(event);
                    // The event closes the elements it can; it goes with the outermost.
                    let mut closing: Vec<Elem<'_>> = Vec::new();
                    while left > 0 && stack.len() > 1 {
                        let Some(top) = stack.last_mut().filter(|e| e.html_open > 0) else {
                            break;
                        };
                        let took = left.min(top.html_open);
                        top.html_open -= took;
                        left -= took;
                        if top.html_open > 0 {
                            break;
                        }
                        if let Some(elem) = stack.pop() {
                            closing.push(elem);
                        }
                    }
                    // Innermost first: each goes into the next; the event closes the last.
                    let mut inner: Option<Elem<'_>> = None;
                    let count = closing.len();
                    for (i, mut elem) in closing.into_iter().enumerate() {
                        if let Some(child) = inner.take() {
                            elem.depth = elem.depth.max(child.depth + 1);
                            elem.children.push(Node::Elem(Box::new(child)));
                        }
                        if i + 1 == count {
                            elem.close = event.take();
                        }
                        inner = Some(elem);
                    }
                    match inner {
                        Some(elem) => push_node(&mut stack, Node::Elem(Box::new(elem))),
                        None => push_node(
                            &mut stack,
                            Node::Leaf(event.take().unwrap_or(Event::SoftBreak)),
                        ),
                    }
                }
                _ => push_node(&mut stack, Node::Leaf(event)),
            },
            event => push_node(&mut stack, Node::Leaf(event)),
        }
    }
    while stack.len() > 1 {
        close_top(&mut stack, None);
    }
    Ok(stack.pop().map(|root| root.children).unwrap_or_default())
}

/// Ends the innermost open element with `close`; an unclosed caption's marker is dropped.
fn close_top<'e>(stack: &mut Vec<Elem<'e>>, close: Option<Event<'e>>) {
    if let Some(mut elem) = stack.pop() {
        elem.close = close;
        elem.caption = None;
        elem.html_open = 0;
        push_node(stack, Node::Elem(Box::new(elem)));
    }
}

fn push_node<'e>(stack: &mut [Elem<'e>], node: Node<'e>) {
    if let Some(parent) = stack.last_mut() {
        if let Node::Elem(e) = &node {
            parent.depth = parent.depth.max(e.depth + 1);
        }
        parent.children.push(node);
    }
}

/// Puts a caption just read into a figure with the node before it.
fn place_caption<'e>(stack: &mut [Elem<'e>], mut frame: Elem<'e>) {
    let Some(caption) = frame.caption.take() else {
        return;
    };
    let figcaption = Elem {
        open: Some(Event::Html("<figcaption>\n".into())),
        depth: frame.depth + 1,
        children: std::mem::take(&mut frame.children),
        close: Some(Event::Html("</figcaption>\n".into())),
        ..Elem::default()
    };
    let Some(parent) = stack.last_mut() else {
        return;
    };
    let prepend = caption.prepend;
    let into_existing = matches!(
        parent.children.last(),
        Some(Node::Elem(e)) if e.is_figure() && !e.children.iter().any(
            |c| matches!(c, Node::Elem(c) if c.is_figcaption()))
    );
    let mut figure = if into_existing {
        let Some(Node::Elem(mut figure)) = parent.children.pop() else {
            return;
        };
        let mut merged = figure.figure.take().unwrap_or_default();
        for class in &caption.classes {
            if !merged.classes.contains(class) {
                merged.classes.push(class.clone());
            }
        }
        for (k, v) in &caption.attrs {
            set_attr(&mut merged.attrs, k, v);
        }
        merged.kind.clone_from(&caption.kind);
        merged.prepend = caption.prepend;
        merged.level = caption.level;
        merged.number.clone_from(&caption.number);
        figure.figure = Some(merged);
        figure
    } else {
        let mut figure = Box::new(Elem {
            figure: Some(caption),
            ..Elem::default()
        });
        let sibling_depth = match parent.children.last() {
            Some(Node::Elem(e)) => e.depth + 1,
            Some(Node::Leaf(_)) => 1,
            None => 0,
        };
        if sibling_depth > 0
            && sibling_depth < MAX_DEPTH
            && let Some(sibling) = parent.children.pop()
        {
            figure.children.push(sibling);
        }
        figure
    };
    if prepend {
        figure.children.insert(0, Node::Elem(Box::new(figcaption)));
    } else {
        figure.children.push(Node::Elem(Box::new(figcaption)));
    }
    figure.depth = figure
        .children
        .iter()
        .map(|c| match c {
            Node::Elem(e) => e.depth + 1,
            Node::Leaf(_) => 1,
        })
        .max()
        .unwrap_or(0);
    parent.depth = parent.depth.max(figure.depth + 1);
    parent.children.push(Node::Elem(figure));
}

/// Writes the tree back out as events.
fn write<'e>(nodes: Vec<Node<'e>>, out: &mut Vec<Event<'e>>) {
    for node in nodes {
        match node {
            Node::Leaf(event) => out.push(event),
            Node::Elem(elem) => {
                let elem = *elem;
                let open = match (&elem.figure, elem.open) {
                    (Some(fig), None) => Some(Event::Html(figure_tag(fig).into())),
                    (Some(fig), Some(Event::Html(existing))) => {
                        Some(Event::Html(add_attrs(&existing, fig).into()))
                    }
                    (_, open) => open,
                };
                let close = match (&elem.figure, elem.close) {
                    (Some(_), None) => Some(Event::Html("</figure>\n".into())),
                    (_, close) => close,
                };
                out.extend(open);
                write(elem.children, out);
                out.extend(close);
            }
        }
    }
}

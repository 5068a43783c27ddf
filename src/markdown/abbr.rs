//! Abbreviations (Python-Markdown `abbr`): `*[HTML]: Hyper Text Markup Language` anywhere in a
//! page wraps every whole-word `HTML` of its text (headings, tables and link text included) in
//! `<abbr title="...">`. As in Python-Markdown: the site's `glossary` comes first, a later
//! definition replaces an earlier one, `*[HTML]: ""` removes one, and where several match at
//! one place the longest wins ([`resolve`]).

use super::preprocess::{At, LinePass, LineSyntax, Taken};

use pulldown_cmark::Event;

use super::escape_attr;
use super::events::Pass;

use std::collections::HashMap;

/// Parses a definition line (without indentation): `*[ABBR]: Full text`. The abbreviation
/// holds no backslash and runs to the first `]` followed by `:` or ` :`; a line with no
/// abbreviation or no title is not a definition.
pub fn parse_definition(line: &str) -> Option<(String, String)> {
    let rest = line.strip_prefix("*[")?;
    let (abbr, title) = rest.match_indices(']').find_map(|(close, _)| {
        let after = &rest[close + 1..];
        let after = after.strip_prefix(' ').unwrap_or(after);
        Some((&rest[..close], after.strip_prefix(':')?))
    })?;
    let (abbr, title) = (abbr.trim(), title.trim());
    if abbr.is_empty() || abbr.contains('\\') || title.is_empty() {
        return None;
    }
    Some((abbr.to_owned(), title.to_owned()))
}

/// The abbreviations in force on a page: the glossary's, then the page's definitions in order,
/// a later one replacing an earlier one of the same name and a title `""` or `''` removing
/// it; longest first, so that where several start at one place the longest wins.
pub fn resolve(glossary: &[(String, String)], page: &[(String, String)]) -> Vec<(String, String)> {
    let mut titles: HashMap<&str, &str> = HashMap::new();
    let mut order: Vec<&str> = Vec::new();
    for (abbr, title) in glossary.iter().chain(page) {
        if title == "\"\"" || title == "''" {
            titles.remove(abbr.as_str());
        } else if titles.insert(abbr, title).is_none() {
            order.push(abbr);
        }
    }
    let mut out: Vec<(String, String)> = order
        .into_iter()
        .filter_map(|abbr| Some((abbr.to_owned(), titles.remove(abbr)?.to_owned())))
        .collect();
    out.sort_by_key(|(abbr, _)| std::cmp::Reverse(abbr.chars().count()));
    out
}

/// Finds whole-word abbreviations in text, in time linear in the text, however many
/// abbreviations a page defines.
///
/// A match needs a word start before it and a word end after it. Both are written into the
/// searched bytes as markers (bytes that never occur in UTF-8): [`START`] where a word may
/// start, [`END`] where one may end. An abbreviation, marked the same way and framed by
/// `START ... END`, then matches exactly where it matches as a whole word. The marked
/// abbreviations, read backwards, form an Aho-Corasick automaton; running it over the text
/// backwards gives at every word start the first-defined abbreviation starting there.
#[derive(Debug)]
pub struct Matcher {
    /// The abbreviations and their titles, as [`resolve`] orders them.
    pub titles: Vec<(String, String)>,
    /// Trie edges (node, byte) -> node; node 0 is the root.
    goto: HashMap<(u32, u8), u32>,
    /// Fallback of each node: the node of its longest proper suffix in the trie.
    fail: Vec<u32>,
    /// Lowest index of an abbreviation ending at the node or at a node of its fallback chain.
    best: Vec<u32>,
    /// Byte length of each abbreviation.
    lens: Vec<usize>,
}

/// Marks a place where a word may start: the start of the text, or after a non-word character.
const START: u8 = 0xFE;
/// Marks a place where a word may end: before a non-word character, or the end of the text.
const END: u8 = 0xFF;
const NONE: u32 = u32::MAX;

impl Matcher {
    pub fn new(abbrs: Vec<(String, String)>) -> Matcher {
        let mut m = Matcher {
            titles: Vec::new(),
            goto: HashMap::new(),
            fail: vec![0],
            best: vec![NONE],
            lens: abbrs.iter().map(|(a, _)| a.len()).collect(),
        };
        // (depth, parent, byte, node) of every node but the root, to visit them shallow first.
        let mut made: Vec<(u32, u32, u8, u32)> = Vec::new();
        for (k, (abbr, _)) in abbrs.iter().enumerate() {
            let mut tokens = Vec::with_capacity(abbr.len() + 4);
            mark(abbr, |t, _| tokens.push(t));
            // The text may hold an END before the abbreviation's first character; the
            // abbreviation itself begins at the START.
            let tokens = tokens.strip_prefix(&[END]).unwrap_or(&tokens);
            let mut node = 0u32;
            for (depth, &t) in tokens.iter().rev().enumerate() {
                node = match m.goto.get(&(node, t)) {
                    Some(&next) => next,
                    None => {
                        let next = m.fail.len() as u32;
                        m.goto.insert((node, t), next);
                        m.fail.push(0);
                        m.best.push(NONE);
                        made.push((depth as u32 + 1, node, t, next));
                        next
                    }
                };
            }
            m.best[node as usize] = m.best[node as usize].min(k as u32);
        }
        m.titles = abbrs;
        made.sort_by_key(|&(depth, ..)| depth);
        for &(_, parent, byte, node) in &made {
            let node = node as usize;
            let fallback = if parent == 0 {
                0
            } else {
                m.step(m.fail[parent as usize], byte)
            };
            m.fail[node] = fallback;
            m.best[node] = m.best[node].min(m.best[fallback as usize]);
        }
        m
    }

    /// The node reached from `node` by `byte`, falling back as far as needed.
    fn step(&self, mut node: u32, byte: u8) -> u32 {
        loop {
            if let Some(&next) = self.goto.get(&(node, byte)) {
                return next;
            }
            if node == 0 {
                return 0;
            }
            node = self.fail[node as usize];
        }
    }

    /// Splits `text` around whole-word occurrences of the abbreviations, left to right: at a
    /// word start, the first-defined abbreviation found there wins. Pieces are
    /// `(text, Some(index))` for an abbreviation, `(text, None)` for what lies between.
    pub fn split<'t>(&self, text: &'t str) -> Vec<(&'t str, Option<usize>)> {
        let mut tokens: Vec<(u8, u32)> = Vec::with_capacity(text.len() * 5 / 4 + 2);
        mark(text, |t, at| tokens.push((t, at as u32)));
        // Backwards: the best abbreviation starting at each word start, last first.
        let mut found: Vec<(usize, usize)> = Vec::new();
        let mut node = 0;
        for &(t, at) in tokens.iter().rev() {
            node = self.step(node, t);
            let best = self.best[node as usize];
            if t == START && best != NONE {
                found.push((at as usize, best as usize));
            }
        }
        let mut out = Vec::new();
        let mut done = 0;
        for &(at, k) in found.iter().rev() {
            if at < done {
                continue;
            }
            if done < at {
                out.push((&text[done..at], None));
            }
            done = at + self.lens[k];
            out.push((&text[at..done], Some(k)));
        }
        if done < text.len() {
            out.push((&text[done..], None));
        }
        out
    }
}

/// Calls `emit(byte, offset)` for the bytes of `text` with [`START`] and [`END`] markers put
/// in (an END before a START at the same place).
fn mark(text: &str, mut emit: impl FnMut(u8, usize)) {
    let mut after_word = false;
    for (at, c) in text.char_indices() {
        let word = is_word_char(Some(c));
        if !word {
            emit(END, at);
        }
        if !after_word {
            emit(START, at);
        }
        let mut buf = [0; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            emit(b, at);
        }
        after_word = word;
    }
    emit(END, text.len());
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

/// Event part: every whole-word abbreviation in a text becomes `<abbr title="...">`.
pub(super) fn event<'e>(
    pass: &mut Pass<'_, '_>,
    event: Event<'e>,
    out: &mut Vec<Event<'e>>,
) -> Option<Event<'e>> {
    let (Event::Text(text), Some(matcher)) = (&event, &pass.abbreviations) else {
        return Some(event);
    };
    // `{ title="..." }` right after an image, link or emphasis is attr_list's, read later:
    // its values are no text to mark.
    let attrs_end = match pass.input.features.attr_list && text.starts_with('{') {
        true => text.find('}').map_or(0, |end| end + 1),
        false => 0,
    };
    if attrs_end > 0 {
        out.push(Event::Text(text[..attrs_end].to_owned().into()));
    }
    for (piece, abbr) in matcher.split(&text[attrs_end..]) {
        match abbr {
            Some(k) => {
                let title = escape_attr(&matcher.titles[k].1);
                let html = format!("<abbr title=\"{title}\">{}</abbr>", escape_attr(piece));
                out.push(Event::InlineHtml(html.into()));
            }
            None => out.push(Event::Text(piece.to_owned().into())),
        }
    }
    None
}

/// Line part: definitions are taken out of the text (a blank line keeps the line count).
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &["*["],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    let Some(definition) = parse_definition(at.rest).filter(|_| pass.features.abbr) else {
        return Taken::No;
    };
    pass.out.abbreviations.push(definition);
    pass.push_line("", at.line_no);
    Taken::AsBlank
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split<'t>(text: &'t str, abbrs: &[(String, String)]) -> Vec<(&'t str, Option<usize>)> {
        Matcher::new(abbrs.to_vec()).split(text)
    }

    fn defs(names: &[&str]) -> Vec<(String, String)> {
        names
            .iter()
            .map(|n| (n.to_string(), format!("{n}!")))
            .collect()
    }

    #[test]
    fn definitions_and_whole_words() {
        let d = parse_definition("*[HTML]: Hyper Text Markup Language").unwrap();
        assert_eq!(
            d,
            ("HTML".to_owned(), "Hyper Text Markup Language".to_owned())
        );
        assert!(parse_definition("*[x] no").is_none());
        let abbrs = vec![d];
        let parts = split("HTML and XHTML, HTML.", &abbrs);
        assert_eq!(
            parts,
            vec![
                ("HTML", Some(0)),
                (" and XHTML, ", None),
                ("HTML", Some(0)),
                (".", None)
            ]
        );
    }

    #[test]
    fn first_defined_wins_and_matches_do_not_overlap() {
        let abbrs = defs(&["Foo", "Foo Bar", "Bar", "Foo", ".NET", "é"]);
        assert_eq!(
            split("Foo Bar.NET é .NET", &abbrs),
            vec![
                ("Foo", Some(0)),
                (" ", None),
                ("Bar", Some(2)),
                (".NET ", None),
                ("é", Some(5)),
                (" ", None),
                (".NET", Some(4))
            ]
        );
        let abbrs = defs(&["Foo Bar", "Foo"]);
        assert_eq!(
            split("Foo Bar Bar", &abbrs),
            vec![("Foo Bar", Some(0)), (" Bar", None)]
        );
        assert_eq!(split("", &abbrs), vec![]);
        assert_eq!(split("Foo_", &abbrs), vec![("Foo_", None)]);
    }

    /// The definition of a match, checked at every byte: a word start, the abbreviation,
    /// a word end; the first-defined one found wins; the search goes on after it.
    fn naive_split<'t>(text: &'t str, abbrs: &[(String, String)]) -> Vec<(&'t str, Option<usize>)> {
        let mut out = Vec::new();
        let (mut start, mut i) = (0, 0);
        while i < text.len() {
            if !text.is_char_boundary(i) {
                i += 1;
                continue;
            }
            let at_word_start = i == 0 || !is_word_char(text[..i].chars().next_back());
            let hit = abbrs.iter().position(|(a, _)| {
                at_word_start
                    && text[i..].starts_with(a.as_str())
                    && !is_word_char(text[i + a.len()..].chars().next())
            });
            match hit {
                Some(k) => {
                    if start < i {
                        out.push((&text[start..i], None));
                    }
                    out.push((&text[i..i + abbrs[k].0.len()], Some(k)));
                    i += abbrs[k].0.len();
                    start = i;
                }
                None => i += 1,
            }
        }
        if start < text.len() {
            out.push((&text[start..], None));
        }
        out
    }

    #[test]
    fn same_pieces_as_checking_every_place() {
        let alphabet = ['a', 'é', ' ', '.', '_', '日'];
        let mut seed: u64 = 1;
        let mut pick = |n: usize| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) as usize % n
        };
        for round in 0..1000 {
            let names: Vec<String> = (0..1 + pick(6))
                .map(|_| {
                    (0..1 + pick(4))
                        .map(|_| alphabet[pick(alphabet.len())])
                        .collect()
                })
                .collect();
            let abbrs: Vec<(String, String)> =
                names.iter().map(|n| (n.clone(), String::new())).collect();
            let text: String = (0..pick(40))
                .map(|_| alphabet[pick(alphabet.len())])
                .collect();
            assert_eq!(
                split(&text, &abbrs),
                naive_split(&text, &abbrs),
                "round {round}: {text:?} with {names:?}"
            );
        }
    }

    #[test]
    fn an_attribute_list_after_an_image_keeps_its_values_unmarked() {
        let mut features = crate::markdown::Features {
            rules: crate::markdown::Rules::PythonMarkdown,
            ..Default::default()
        };
        features.attr_list = true;
        let html = crate::markdown::tests_support::render_with(
            "![Logo](tts.png){ title=\"Our TTS logo\" } reads TTS aloud.\n\n*[TTS]: Text To Speech\n",
            &features,
        );
        assert!(html.contains("title=\"Our TTS logo\""), "{html}");
        assert!(
            html.contains("<abbr title=\"Text To Speech\">TTS</abbr> aloud"),
            "{html}"
        );
    }
}

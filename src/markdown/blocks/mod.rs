//! `/// name | argument` blocks (pymdownx.blocks: `admonition`, `details`, `html`, `define`,
//! `tab` and the admonition and details types a site configures), closed by a `///` line with
//! as many slashes. Their bodies are not indented, so they are read before the line pass:
//! [`convert`] rewrites the page line for line, each header and end line becoming a line the
//! line part here ([`SYNTAX`]) writes out (opening tag, title, closing tag), tabs becoming the
//! indented `===` syntax, and a body that is not block markdown (`/// html | span`, `pre`,
//! `markdown: raw`) being carried whole by its header line to the event part ([`event`]).
//! Options indented under the header (`type: warning`, `open: true`, `attrs: {class: x}`) are
//! YAML; a header with a name, argument or option the block does not take stays text.
//! Captions (`/// figure-caption`) are written as markdown between two comments that
//! [`apply_captions`] turns into a `<figure>` once the page's events are known.

mod caption;
mod define;
mod figure_html;
mod figures;
mod header;
mod kept_indent;
mod kinds;
mod legacy_tabs;
mod numbering;
mod settings;
mod text_block;

use std::borrow::Cow;

use super::admonition::{self, Block, Style};
use super::preprocess::{At, LinePass, LineSyntax, Taken};
use header::{end_length, parse_header, parse_options};
use kinds::Opening;

pub use define::apply as apply_definitions;
pub use figures::apply as apply_captions;
pub use settings::{
    CaptionSettings, CaptionType, DEFAULT_ADMONITION_TYPES, Mode, Settings, TypeDef,
};
pub use text_block::TextBlock;
pub(super) use text_block::event;

/// The lines of a page with its `///` blocks rewritten, each with the columns of indentation
/// to put in front of it (4 per enclosing tab).
pub type Lines<'a> = Vec<(usize, Cow<'a, str>)>;

/// Starts the lines the line part reads; no page holds it (U+0000 became U+FFFD on reading).
pub(super) const MARK: char = '\0';
/// Separates the fields of such a line.
const SEP: char = '\u{1}';
/// An absent title.
const NO_TITLE: &str = "\u{2}";

/// How an open block ends.
enum Close {
    Titled,
    Element(String),
    /// A `/// define` block: `</dl>`.
    Define,
    Tab,
    /// A tab in the first style, of the set with this index.
    LegacyTab(usize),
}

/// Rewrites the `///` blocks of `src`; `None` when it has none.
pub fn convert<'a>(src: &'a str, settings: &Settings) -> Option<Lines<'a>> {
    if !has_triple_slash(src) {
        return None;
    }
    let lines: Vec<&str> = src.lines().collect();
    let mut out: Lines<'_> = Vec::with_capacity(lines.len());
    let mut stack: Vec<(usize, Close)> = Vec::new();
    // Columns of indentation of the body of the innermost tab.
    let mut indent = 0;
    let mut fence: Option<(u8, usize, usize)> = None;
    let mut legacy = legacy_tabs::LegacyTabs::default();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        i += 1;
        let rest = line.trim_start();
        let lead = &line[..line.len() - rest.len()];
        // The tab set a tab header here would join (any other line ends it).
        let pending = if rest.is_empty() {
            None
        } else {
            legacy.take_pending(stack.len())
        };
        if let Some((ch, len, open_lead)) = fence {
            if lead.len() <= open_lead + 3
                && rest.bytes().take_while(|&b| b == ch).count() >= len
                && rest.trim_start_matches(ch as char).trim().is_empty()
            {
                fence = None;
            }
            push(&mut out, indent, line.into());
            continue;
        }
        if let Some((ch, len)) = super::preprocess::fence_open(rest) {
            fence = Some((ch, len, lead.len()));
            push(&mut out, indent, line.into());
            continue;
        }
        let closes = end_length(rest).filter(|&n| stack.last().is_some_and(|b| b.0 == n));
        if closes.is_some() {
            let Some((_, close)) = stack.pop() else {
                continue;
            };
            match close {
                Close::Titled => push(&mut out, indent, format!("{lead}{MARK}E").into()),
                Close::Element(tag) => push(&mut out, indent, format!("{lead}{MARK}H{tag}").into()),
                Close::Define => push(&mut out, indent, format!("{lead}{MARK}H</dl>").into()),
                Close::Tab => {
                    indent -= 4;
                    out.push((0, "".into()));
                }
                Close::LegacyTab(set) => legacy.close(&mut out, (indent, lead), stack.len(), set),
            }
            continue;
        }
        let Some((header, opening, options_end)) = read_header(&lines, i, rest, lead, settings)
        else {
            let in_define = stack.iter().any(|b| matches!(b.1, Close::Define));
            let kept = match i.checked_sub(2).map(|p| lines[p]) {
                Some(prev) if in_define && kept_indent::continues_paragraph(prev, line) => {
                    kept_indent::keep(line)
                }
                _ => None,
            };
            push(&mut out, indent, kept.map_or(line.into(), Cow::Owned));
            if parse_header(rest).is_some() {
                // The options of a header that is no block continue its paragraph as written.
                while let Some(next) = lines.get(i).filter(|l| is_option_line(l, lead)) {
                    push(
                        &mut out,
                        indent,
                        kept_indent::keep(next).map_or((*next).into(), Cow::Owned),
                    );
                    i += 1;
                }
            }
            continue;
        };
        let option_lines = options_end - i;
        i = options_end;
        let slashes = header.slashes;
        match opening {
            Opening::Titled {
                details,
                classes,
                title,
                open_tag,
            } => {
                let style = match details {
                    None => 'a',
                    Some(false) => 'c',
                    Some(true) => 'o',
                };
                let title = title.as_deref().unwrap_or(NO_TITLE);
                let text = format!(
                    "{lead}{MARK}A{style}{SEP}{}{SEP}{title}{SEP}{open_tag}",
                    classes.join(" ")
                );
                push(&mut out, indent, text.into());
                stack.push((slashes, Close::Titled));
            }
            Opening::Element {
                open_tag,
                close_tag,
            } => {
                let close = if open_tag.contains(define::MARK) {
                    Close::Define
                } else {
                    Close::Element(close_tag)
                };
                push(&mut out, indent, format!("{lead}{MARK}H{open_tag}").into());
                stack.push((slashes, close));
            }
            Opening::Text {
                open_tag,
                close_tag,
                mode,
            } => {
                let end = (i..lines.len())
                    .find(|&k| end_length(lines[k].trim_start()) == Some(slashes))
                    .unwrap_or(lines.len());
                let body = lines[i..end].join("\n");
                let mode = match mode {
                    Mode::Inline => 'i',
                    Mode::Html => 'h',
                    _ => 'r',
                };
                let text = format!(
                    "{lead}{MARK}R{mode}{SEP}{open_tag}{SEP}{close_tag}{SEP}{}",
                    body.trim_matches('\n')
                );
                push(&mut out, indent, text.into());
                let taken = (end + 1).min(lines.len());
                for _ in 0..option_lines + taken - i {
                    out.push((0, "".into()));
                }
                i = taken;
                continue;
            }
            Opening::Tab { title, select, new } if !settings.tab_alternate => {
                let at = (indent, lead);
                let set = legacy.open(&mut out, at, &title, select, new, pending);
                stack.push((slashes, Close::LegacyTab(set)));
            }
            Opening::Tab { title, select, new } => {
                let flags = match (select, new) {
                    (true, true) => "+!",
                    (true, false) => "+",
                    (false, true) => "!",
                    (false, false) => "",
                };
                let text = format!("{lead}{MARK}==={flags} \"{title}\"");
                push(&mut out, indent, text.into());
                indent += 4;
                stack.push((slashes, Close::Tab));
            }
        }
        for _ in 0..option_lines {
            out.push((0, "".into()));
        }
    }
    // Blocks never closed end with the page.
    while let Some((_, close)) = stack.pop() {
        match close {
            Close::Titled => out.push((indent, format!("{MARK}E").into())),
            Close::Element(tag) => out.push((indent, format!("{MARK}H{tag}").into())),
            Close::Define => out.push((indent, format!("{MARK}H</dl>").into())),
            Close::Tab => indent -= 4,
            Close::LegacyTab(_) => out.push((indent, format!("{MARK}H</div></div>").into())),
        }
    }
    legacy.finish(&mut out);
    Some(out)
}

/// Reads the header on line `i - 1` (`rest` after its indentation `lead`) and the options
/// under it: the block it opens and the index of the first line after the options.
fn read_header<'l>(
    lines: &[&'l str],
    i: usize,
    rest: &'l str,
    lead: &str,
    settings: &Settings,
) -> Option<(header::Header<'l>, Opening, usize)> {
    let header = parse_header(rest)?;
    let mut end = i;
    while lines
        .get(end)
        .is_some_and(|next| is_option_line(next, lead))
    {
        end += 1;
    }
    let text = dedent_all(&lines[i..end]);
    let options = parse_options(&text)?;
    let opening = kinds::open(settings, &header, &options)?;
    Some((header, opening, end))
}

/// Whether `line` is indented as an option of a header indented by `lead`.
fn is_option_line(line: &str, lead: &str) -> bool {
    let spaces = line.len() - line.trim_start_matches(' ').len();
    !line.trim().is_empty() && spaces >= lead.len() + 4
}

/// Lines joined, less the indentation they all share.
fn dedent_all(lines: &[&str]) -> String {
    let common = lines
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = String::new();
    for l in lines {
        out.push_str(l.get(common..).unwrap_or(""));
        out.push('\n');
    }
    out
}

/// Whether `src` holds `///` anywhere. Found by looking at each `/` (one byte search, which
/// is fast), not by a search for the three-byte string, which is slow on text full of URLs.
fn has_triple_slash(src: &str) -> bool {
    let bytes = src.as_bytes();
    memchr::memchr_iter(b'/', bytes).any(|at| bytes[at..].starts_with(b"///"))
}

/// Adds a line, indented unless it is blank.
fn push<'a>(out: &mut Lines<'a>, indent: usize, line: Cow<'a, str>) {
    let indent = if line.trim().is_empty() { 0 } else { indent };
    out.push((indent, line));
}

/// Line part: the lines [`convert`] wrote for headers and end lines.
pub(super) const SYNTAX: LineSyntax = LineSyntax {
    quoted_starts: &[],
    line,
};

fn line(pass: &mut LinePass<'_>, at: &At<'_, '_>) -> Taken {
    let Some(rest) = at.rest.strip_prefix(MARK) else {
        return Taken::No;
    };
    let (line_no, out_col) = (at.line_no, pass.out_col(at.col));
    let Some(kind) = rest.get(..1).filter(|k| "AEHR".contains(*k)) else {
        return Taken::No;
    };
    let fields = &rest[1..];
    pass.ensure_blank(line_no);
    match kind {
        "A" => {
            let mut parts = fields[1..].splitn(4, SEP).skip(1);
            let (classes, title, tag) = (parts.next(), parts.next(), parts.next());
            let style = match fields.as_bytes().first() {
                Some(b'c') => Style::Details { open: false },
                Some(b'o') => Style::Details { open: true },
                _ => Style::Admonition,
            };
            let tag_at = pass.out.text.len() + out_col;
            pass.push_indented(out_col, tag.unwrap_or(""), line_no);
            pass.push_line("", line_no);
            let start = pass.out.text.len();
            pass.out.blocks.push(Block {
                style,
                classes: classes
                    .unwrap_or("")
                    .split(' ')
                    .filter(|c| !c.is_empty())
                    .map(str::to_owned)
                    .collect(),
                title: title.filter(|t| *t != NO_TITLE).map(str::to_owned),
                tag_at,
                body: start..start,
            });
            pass.slashed.push(pass.out.blocks.len() - 1);
            return Taken::AsBlank;
        }
        "E" => {
            if let Some(b) = pass.slashed.pop() {
                pass.out.blocks[b].body.end = pass.out.text.len();
                let tag = admonition::closing_tag(pass.out.blocks[b].style);
                pass.push_indented(out_col, tag, line_no);
            }
        }
        "H" => pass.push_indented(out_col, fields, line_no),
        "R" => {
            let mut parts = fields[1..].splitn(4, SEP).skip(1);
            let (open_tag, close_tag, body) = (parts.next(), parts.next(), parts.next());
            let mode = match fields.as_bytes().first() {
                Some(b'i') => Mode::Inline,
                Some(b'h') => Mode::Html,
                _ => Mode::Raw,
            };
            let at = pass.out.text.len() + out_col;
            pass.out.text_blocks.push(TextBlock {
                at,
                open_tag: open_tag.unwrap_or("").to_owned(),
                close_tag: close_tag.unwrap_or("").to_owned(),
                mode,
                body: body.unwrap_or("").to_owned(),
            });
            pass.push_indented(out_col, "<!-- -->", line_no);
        }
        _ => {}
    }
    pass.push_line("", line_no);
    Taken::AsBlank
}

#[cfg(test)]
mod tests;

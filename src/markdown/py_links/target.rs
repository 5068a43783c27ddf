//! The `(address "title")` after a link's or image's `[text]`, read as Python-Markdown reads
//! it. Its rules differ from CommonMark's:
//!
//! - `(<address> "title")`: the angle brackets may hold spaces and quotes;
//! - otherwise the address runs until its parentheses balance, and may hold spaces
//!   (`(my file.png)`), unless a quote comes first: from the first quote on, the text may be a
//!   title, which ends at the last matching quote right before a `)`, and brackets no longer
//!   count (`(a/("title")` is the address `a/(` with the title `title`);
//! - a second kind of quote is tried as the title when the first kind does not close one
//!   (`(a'"title")` is the address `a'` with the title `title`);
//! - a quote that never closes a title is part of the address, which then ends where the
//!   parentheses balanced (`(a"b)` is the address `a"b`).
//!
//! The text read is the rest of the paragraph: a title may close lines later.

use super::escapable;

/// An address and title read at a `(`.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Target {
    pub(super) href: String,
    pub(super) title: Option<String>,
    /// Byte index just after the closing `)`.
    pub(super) end: usize,
}

/// Reading state between `(` and its `)`.
struct Scan {
    /// Unclosed `(` (the link's own included), while no quote has been seen.
    depth: usize,
    /// After the first quote: the `(`s still to close for the address to end without a title.
    backup: usize,
    in_title: bool,
    /// The first quote character and where it is, and where it last came again.
    quote: Option<(u8, usize)>,
    quote_again: Option<usize>,
    /// The other quote character, likewise.
    other: Option<(u8, usize)>,
    other_again: Option<usize>,
    /// The last character read that is not a space.
    last: u8,
    /// Where the parentheses balanced after the title began (its `)`), if they did.
    fallback: Option<usize>,
}

/// How reading a stretch of text ended.
enum Read {
    /// At the `)` at this index.
    Closed(usize),
    /// The stretch ended first.
    Open,
    /// A code span or something else this reading does not follow.
    GiveUp,
}

impl Scan {
    fn new() -> Self {
        Scan {
            depth: 1,
            backup: 1,
            in_title: false,
            quote: None,
            quote_again: None,
            other: None,
            other_again: None,
            last: 0,
            fallback: None,
        }
    }

    /// Reads `s[from..]` (`s` starting at byte `base` of the whole text).
    fn read(&mut self, s: &[u8], from: usize, base: usize) -> Read {
        let mut i = from;
        while i < s.len() {
            let c = s[i];
            let at = base + i;
            match c {
                b'\\' if s.get(i + 1).is_some_and(|&b| escapable(b)) => {
                    // An escaped character is neither a bracket nor a quote.
                    self.last = 0;
                    i += 2;
                    continue;
                }
                b'`' => return Read::GiveUp,
                b'(' if !self.in_title => self.depth += 1,
                b'(' => self.backup = self.backup.saturating_sub(1),
                b')' if self.title_closes() => return Read::Closed(at),
                b')' if !self.in_title => {
                    self.depth -= 1;
                    if self.depth == 0 {
                        return Read::Closed(at);
                    }
                }
                b')' if self.backup > 0 => {
                    self.backup -= 1;
                    if self.backup == 0 {
                        self.fallback = Some(at);
                    }
                }
                b'"' | b'\'' => self.quote_mark(c, at),
                _ => {}
            }
            if c != b' ' {
                self.last = c;
            }
            i += 1;
        }
        Read::Open
    }

    /// Whether a `)` now would end a title: a quote of a kind that came twice is the last
    /// thing before it.
    fn title_closes(&self) -> bool {
        let closes = |q: Option<(u8, usize)>, again: Option<usize>| {
            again.is_some() && q.is_some_and(|(c, _)| c == self.last)
        };
        closes(self.quote, self.quote_again) || closes(self.other, self.other_again)
    }

    fn quote_mark(&mut self, c: u8, at: usize) {
        match self.quote {
            None => {
                self.in_title = true;
                self.backup = self.depth;
                self.depth = 1;
                self.quote = Some((c, at));
            }
            Some((q, _)) if q == c => self.quote_again = Some(at),
            Some(_) if self.other.is_none() => self.other = Some((c, at)),
            Some(_) => self.other_again = Some(at),
        }
    }

    /// Address and title when the `)` at `close` ends the link.
    fn split(&self, text: &str, start: usize, close: usize) -> (String, Option<String>) {
        let titled = |q: Option<(u8, usize)>, again: Option<usize>| match (q, again) {
            (Some((c, open)), Some(end)) if c == self.last => Some((open, end)),
            _ => None,
        };
        let title = titled(self.quote, self.quote_again).or(titled(self.other, self.other_again));
        match title {
            Some((open, end)) => (
                clean_href(&text[start..open]),
                Some(clean_title(&text[open + 1..end])),
            ),
            None => (clean_href(&text[start..close]), None),
        }
    }
}

/// Reads the target whose `(` is at `open` in `line`; `following` are the paragraph's next
/// lines. `None` when Python-Markdown would not make a link of it, or would end it on a later
/// line, or when a code span inside makes it uncertain.
pub(super) fn read<'a>(
    line: &str,
    open: usize,
    following: impl Iterator<Item = &'a str>,
) -> Option<Target> {
    let b = line.as_bytes();
    let mut start = open + 1;
    while b.get(start).is_some_and(u8::is_ascii_whitespace) {
        start += 1;
    }
    if b.get(start) == Some(&b'<')
        && let Some(target) = angled(line, start)
    {
        return Some(target);
    }
    let mut scan = Scan::new();
    match scan.read(b, start, 0) {
        Read::Closed(close) => {
            let (href, title) = scan.split(line, start, close);
            return Some(Target {
                href,
                title,
                end: close + 1,
            });
        }
        Read::GiveUp => return None,
        Read::Open => {}
    }
    // The title may close on a later line; the fallback stands only if none does.
    let fallback = scan.fallback?;
    for next in following {
        scan.last = b'\n';
        match scan.read(next.as_bytes(), 0, usize::MAX / 2) {
            Read::Open => {}
            Read::Closed(_) | Read::GiveUp => return None,
        }
    }
    (scan.backup == 0).then(|| Target {
        href: clean_href(&line[start..fallback]),
        title: None,
        end: fallback + 1,
    })
}

/// `<address>` with an optional quoted title, then `)`.
fn angled(line: &str, lt: usize) -> Option<Target> {
    let b = line.as_bytes();
    let gt = lt + 1 + b[lt + 1..].iter().position(|&c| c == b'<' || c == b'>')?;
    if b[gt] != b'>' {
        return None;
    }
    let skip_space = |mut i: usize| {
        while b.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let mut i = skip_space(gt + 1);
    let mut title = None;
    if let Some(&q) = b.get(i).filter(|&&q| q == b'"' || q == b'\'') {
        let close = i + 1 + b[i + 1..].iter().position(|&c| c == q)?;
        title = Some(clean_title(&line[i + 1..close]));
        i = skip_space(close + 1);
    }
    (b.get(i) == Some(&b')')).then(|| Target {
        href: clean_href(line[lt + 1..gt].trim()),
        title,
        end: i + 1,
    })
}

/// Backslash escapes of Python-Markdown taken off (`\)` is `)`, `\"` stays).
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match chars.peek() {
            Some(&n) if c == '\\' && n.is_ascii() && escapable(n as u8) => {
                out.push(n);
                chars.next();
            }
            _ => out.push(c),
        }
    }
    out
}

fn clean_href(raw: &str) -> String {
    unescape(raw).trim().to_owned()
}

/// A title: trimmed, unescaped, one pair of surrounding quotes taken off, every white-space
/// character a space.
fn clean_title(raw: &str) -> String {
    let t = unescape(raw.trim());
    let quoted =
        (t.starts_with('"') && t.ends_with('"')) || (t.starts_with('\'') && t.ends_with('\''));
    let t = match quoted {
        true => t.get(1..t.len() - 1).unwrap_or(""),
        false => &t,
    };
    t.chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect()
}

//! pymdownx.smartsymbols: `(tm)`, `(c)`, `(r)`, `+/-`, `=/=`, `c/o`, the arrows `-->`,
//! `<--` and `<-->`, the fractions that Unicode has (`1/2`, `3/8`, ...) and ordinal numbers
//! (`4th` becomes `4<sup>th</sup>`) become their symbols in text, after every other inline
//! syntax, as the extension's tree processor does; code, raw HTML, autolinks and image
//! descriptions keep them as written. Each symbol can be turned off in `mkdocs.yml`.
//!
//! A text with none of `(`, `+`, `=`, `/`, `-` and no digit costs one byte scan.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

/// The symbols a site has (pymdownx.smartsymbols' options, all on by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    pub trademark: bool,
    pub copyright: bool,
    pub registered: bool,
    pub plusminus: bool,
    pub arrows: bool,
    pub notequal: bool,
    pub fractions: bool,
    pub ordinal_numbers: bool,
    pub care_of: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            trademark: true,
            copyright: true,
            registered: true,
            plusminus: true,
            arrows: true,
            notequal: true,
            fractions: true,
            ordinal_numbers: true,
            care_of: true,
        }
    }
}

/// Fractions with a character of their own.
const FRACTIONS: &[(&str, &str)] = &[
    ("1/4", "¼"),
    ("1/2", "½"),
    ("3/4", "¾"),
    ("1/3", "⅓"),
    ("2/3", "⅔"),
    ("1/5", "⅕"),
    ("2/5", "⅖"),
    ("3/5", "⅗"),
    ("4/5", "⅘"),
    ("1/6", "⅙"),
    ("5/6", "⅚"),
    ("1/8", "⅛"),
    ("3/8", "⅜"),
    ("5/8", "⅝"),
    ("7/8", "⅞"),
];

/// Replaces the symbols in the page's text.
pub(super) fn apply<'e>(events: Vec<Event<'e>>, options: &Options) -> Vec<Event<'e>> {
    if !events
        .iter()
        .any(|e| matches!(e, Event::Text(t) if may_have(t)))
    {
        return events;
    }
    let mut out = Vec::with_capacity(events.len() + 8);
    // Depth inside code blocks, images and autolinks, whose text stays as written.
    let mut literal = 0usize;
    let mut run = String::new();
    let mut pending: Vec<Event<'e>> = Vec::new();
    for event in events {
        match &event {
            Event::Text(t) if literal == 0 => {
                run.push_str(t);
                pending.push(event);
                continue;
            }
            Event::Start(Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_)) => {
                literal += 1
            }
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => literal += 1,
            Event::End(TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_)) => {
                literal = literal.saturating_sub(1)
            }
            Event::End(TagEnd::Link) if literal > 0 => literal -= 1,
            _ => {}
        }
        flush(&mut run, &mut pending, options, &mut out);
        out.push(event);
    }
    flush(&mut run, &mut pending, options, &mut out);
    out
}

/// Whether a text may hold a symbol: the cheap test every text event gets.
fn may_have(text: &str) -> bool {
    text.bytes()
        .any(|b| matches!(b, b'(' | b'+' | b'=' | b'/' | b'-') || b.is_ascii_digit())
}

/// Writes a run of text events: as they were when it holds no symbol.
fn flush<'e>(
    run: &mut String,
    pending: &mut Vec<Event<'e>>,
    options: &Options,
    out: &mut Vec<Event<'e>>,
) {
    if pending.is_empty() {
        return;
    }
    if !may_have(run) || !replace(run, options, out) {
        out.append(pending);
    }
    pending.clear();
    run.clear();
}

/// Writes `text` with its symbols replaced into `out`; false (nothing written) if it has none.
fn replace(text: &str, options: &Options, out: &mut Vec<Event<'_>>) -> bool {
    let start_len = out.len();
    let mut plain = String::with_capacity(text.len());
    let mut found = false;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let before = text[..i].chars().next_back();
        if let Some((len, symbol)) = symbol_at(rest, before, options) {
            plain.push_str(symbol);
            found = true;
            i += len;
        } else if let Some((digits, suffix)) = ordinal_at(rest, before, options) {
            plain.push_str(&rest[..digits]);
            out.push(Event::Text(CowStr::from(std::mem::take(&mut plain))));
            out.push(Event::Start(Tag::Superscript));
            out.push(Event::Text(CowStr::from(
                rest[digits..digits + suffix].to_owned(),
            )));
            out.push(Event::End(TagEnd::Superscript));
            found = true;
            i += digits + suffix;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            plain.push(c);
            i += c.len_utf8();
        }
    }
    if !found {
        out.truncate(start_len);
        return false;
    }
    if !plain.is_empty() {
        out.push(Event::Text(CowStr::from(plain)));
    }
    true
}

/// `text` with its symbols replaced, as plain text (an ordinal's suffix is plain text too):
/// what a heading's id and title are made from. `None` when it has none.
pub fn plain(text: &str, options: &Options) -> Option<String> {
    if !may_have(text) {
        return None;
    }
    let mut out = String::with_capacity(text.len());
    let mut found = false;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        if let Some((len, symbol)) = symbol_at(rest, text[..i].chars().next_back(), options) {
            out.push_str(symbol);
            found = true;
            i += len;
        } else {
            let c = rest.chars().next().unwrap_or(' ');
            out.push(c);
            i += c.len_utf8();
        }
    }
    found.then_some(out)
}

/// The symbol `rest` starts with (the character before it being `before`): its length in
/// `rest` and what it becomes.
fn symbol_at(rest: &str, before: Option<char>, o: &Options) -> Option<(usize, &'static str)> {
    let next_after = |len: usize| rest[len..].chars().next();
    let fixed: [(bool, &str, &'static str); 5] = [
        (o.trademark, "(tm)", "™"),
        (o.copyright, "(c)", "©"),
        (o.registered, "(r)", "®"),
        (o.plusminus, "+/-", "±"),
        (o.notequal, "=/=", "≠"),
    ];
    for (on, from, to) in fixed {
        if on && rest.starts_with(from) {
            return Some((from.len(), to));
        }
    }
    if o.arrows {
        if rest.starts_with("<-->") {
            return Some((4, "↔"));
        }
        if rest.starts_with("-->") && before != Some('-') {
            return Some((3, "→"));
        }
        if rest.starts_with("<--") && next_after(3) != Some('-') {
            return Some((3, "←"));
        }
    }
    let digit = |c: Option<char>| c.is_some_and(|c| c.is_ascii_digit());
    if o.fractions && !digit(before) {
        for (from, to) in FRACTIONS {
            if rest.starts_with(from) && !digit(next_after(3)) {
                return Some((3, to));
            }
        }
    }
    if o.care_of && rest.starts_with("c/o") && !is_word(before) && !is_word(next_after(3)) {
        return Some((3, "℅"));
    }
    None
}

/// An ordinal number that `rest` starts with (`21st`, `4th`, `12th`): the length of its
/// digits and of its suffix. The suffix must suit the last digit; the number stands alone.
fn ordinal_at(rest: &str, before: Option<char>, o: &Options) -> Option<(usize, usize)> {
    if !o.ordinal_numbers || is_word(before) {
        return None;
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = rest.get(digits..digits + 2)?;
    if digits == 0 || (digits > 1 && rest.starts_with('0')) {
        return None;
    }
    if is_word(rest[digits + 2..].chars().next()) {
        return None;
    }
    let last = rest.as_bytes()[digits - 1];
    let teen = digits > 1 && rest.as_bytes()[digits - 2] == b'1';
    let fits = match suffix {
        "st" => last == b'1',
        "nd" => last == b'2',
        "rd" => last == b'3',
        "th" => !matches!(last, b'1' | b'2' | b'3') || teen,
        _ => false,
    };
    fits.then_some((digits, 2))
}

/// Whether `c` is a character of a word (regular expressions' `\w`).
fn is_word(c: Option<char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || c == '_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn html(markdown: &str, options: &Options) -> String {
        let events: Vec<Event<'_>> = pulldown_cmark::Parser::new(markdown).collect();
        let mut out = String::new();
        pulldown_cmark::html::push_html(&mut out, apply(events, options).into_iter());
        out
    }

    #[test]
    fn symbols_in_text_become_characters() {
        let on = Options::default();
        assert_eq!(
            html("Brand(tm) (c) (r), 5 +/- 1, a =/= b, c/o me", &on),
            "<p>Brand™ © ®, 5 ± 1, a ≠ b, ℅ me</p>\n"
        );
        assert_eq!(
            html("a --> b <-- c <--> d ---> e <--- f", &on),
            "<p>a → b ← c ↔ d ---&gt; e &lt;--- f</p>\n"
        );
        assert_eq!(
            html("1/2 cup, 3/8 inch, 11/2 and 1/23 stay", &on),
            "<p>½ cup, ⅜ inch, 11/2 and 1/23 stay</p>\n"
        );
    }

    #[test]
    fn ordinals_get_their_suffix_raised_when_it_fits() {
        let on = Options::default();
        assert_eq!(
            html("1st 2nd 3rd 4th 11th 12th 13th 21st 102nd 0th", &on),
            "<p>1<sup>st</sup> 2<sup>nd</sup> 3<sup>rd</sup> 4<sup>th</sup> 11<sup>th</sup> \
             12<sup>th</sup> 13<sup>th</sup> 21<sup>st</sup> 102<sup>nd</sup> 0<sup>th</sup></p>\n"
        );
        assert_eq!(
            html("1th 2st 4ths x4th 04th 3rdly", &on),
            "<p>1th 2st 4ths x4th 04th 3rdly</p>\n"
        );
    }

    #[test]
    fn code_autolinks_and_options_that_are_off_keep_the_text() {
        let on = Options::default();
        assert_eq!(
            html("`(c) 1/2` and <https://example.org/1/2>", &on),
            "<p><code>(c) 1/2</code> and <a href=\"https://example.org/1/2\">https://example.org/1/2</a></p>\n"
        );
        assert_eq!(
            html("```\n(tm) -->\n```\n", &on),
            "<pre><code>(tm) --&gt;\n</code></pre>\n"
        );
        let off = Options {
            copyright: false,
            ordinal_numbers: false,
            ..Options::default()
        };
        assert_eq!(html("(c) 4th (r)", &off), "<p>(c) 4th ®</p>\n");
    }
}

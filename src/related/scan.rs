//! The links of a question's source, read when the page is parsed (and kept in the build cache
//! for pages it brings back): what [`super::Related::compute`] works from.

use crate::urls;

/// A link as written in a page's source, and whether it is under its "See also" heading.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct OutLink {
    pub target: String,
    pub see_also: bool,
}

/// The links of a markdown body, in order, outside fenced code and code spans: inline links
/// `[text](target)` and reference definitions `[id]: target`; external links left out. A
/// heading (or a paragraph alone on its line) reading "See also" starts the See also part,
/// which a heading of the same level or higher ends.
pub fn scan(body: &str) -> Vec<OutLink> {
    let mut out = Vec::new();
    let mut fence: Option<(u8, usize)> = None;
    let mut see_also: Option<usize> = None;
    for line in crate::lines::of(body) {
        let t = line.trim_start();
        if let Some((c, n)) = fence {
            if run(t, c) >= n && t.trim_end().bytes().all(|b| b == c) {
                fence = None;
            }
            continue;
        }
        if let Some(c) = [b'`', b'~'].into_iter().find(|&c| run(t, c) >= 3) {
            fence = Some((c, run(t, c)));
            continue;
        }
        let level = run(t, b'#');
        if (1..=6).contains(&level) {
            if see_also.is_some_and(|l| level <= l) {
                see_also = None;
            }
            if is_see_also(heading_text(&t[level..])) {
                see_also = Some(level);
            }
            continue;
        }
        if is_see_also(t.trim_matches(|c: char| matches!(c, '*' | '_' | ':' | ' '))) {
            see_also = Some(7);
            continue;
        }
        links_in(line, see_also.is_some(), &mut out);
    }
    out
}

fn run(s: &str, c: u8) -> usize {
    s.bytes().take_while(|&b| b == c).count()
}

fn heading_text(rest: &str) -> &str {
    let t = rest.trim();
    let t = match t.rfind('{') {
        Some(i) if t.ends_with('}') => t[..i].trim_end(),
        _ => t,
    };
    t.trim_end_matches('#').trim()
}

fn is_see_also(text: &str) -> bool {
    text.eq_ignore_ascii_case("see also")
}

/// The link targets on one line, code spans skipped.
fn links_in(line: &str, see_also: bool, out: &mut Vec<OutLink>) {
    let bytes = line.as_bytes();
    // Both kinds of link need a `]`; most lines have none, and this search is fast.
    if memchr::memchr(b']', bytes).is_none() {
        return;
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('[')
        && let Some(i) = trimmed.find("]:")
    {
        push(target_at(&trimmed[i + 2..]), see_also, out);
        return;
    }
    // Only a backtick or a `]` can change anything: jump from one to the next.
    let mut i = 0;
    while let Some(at) = memchr::memchr2(b'`', b']', &bytes[i..]) {
        i += at;
        if bytes[i] == b'`' {
            let n = run(&line[i..], b'`');
            i = match line[i + n..].find(closing_ticks(n).as_ref()) {
                Some(j) => i + n + j + n,
                None => i + n,
            };
        } else if bytes.get(i + 1) == Some(&b'(') {
            push(target_at(&line[i + 2..]), see_also, out);
            i += 2;
        } else {
            i += 1;
        }
    }
}

/// The run of `n` backticks that closes a code span opened by as many, without an allocation
/// for the usual short ones.
fn closing_ticks(n: usize) -> std::borrow::Cow<'static, str> {
    const TICKS: &str = "````````````````";
    match TICKS.get(..n) {
        Some(close) => close.into(),
        None => "`".repeat(n).into(),
    }
}

/// The destination at the start of `s`: `<...>`, else up to white space or a `)`.
fn target_at(s: &str) -> &str {
    let s = s.trim_start();
    if let Some(rest) = s.strip_prefix('<') {
        return rest.split('>').next().unwrap_or("");
    }
    let end = s
        .find(|c: char| c.is_whitespace() || c == ')')
        .unwrap_or(s.len());
    &s[..end]
}

fn push(target: &str, see_also: bool, out: &mut Vec<OutLink>) {
    if target.is_empty() || target.starts_with('#') || urls::is_external(target) {
        return;
    }
    out.push(OutLink {
        target: target.to_owned(),
        see_also,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-at-a-time rule [`links_in`] replaced, kept to hold it to.
    fn links_in_bytewise(line: &str, see_also: bool, out: &mut Vec<OutLink>) {
        let bytes = line.as_bytes();
        if !bytes.contains(&b']') {
            return;
        }
        let trimmed = line.trim_start();
        if trimmed.starts_with('[')
            && let Some(i) = trimmed.find("]:")
        {
            push(target_at(&trimmed[i + 2..]), see_also, out);
            return;
        }
        let mut i = 0;
        while i < bytes.len() {
            match bytes[i] {
                b'`' => {
                    let n = run(&line[i..], b'`');
                    i = match line[i + n..].find(&"`".repeat(n)) {
                        Some(j) => i + n + j + n,
                        None => i + n,
                    };
                }
                b']' if bytes.get(i + 1) == Some(&b'(') => {
                    push(target_at(&line[i + 2..]), see_also, out);
                    i += 2;
                }
                _ => i += 1,
            }
        }
    }

    #[test]
    fn links_on_a_line_are_those_the_bytewise_rule_finds() {
        let pieces = [
            "[a](a.md)",
            "`",
            "``",
            "]",
            "](",
            "(",
            ")",
            " ",
            "x",
            "[b]: b.md",
            "<c d.md>",
            "](https://e.org/)",
            "é",
            "````````````````````",
            "](#top)",
            "\t",
        ];
        for line in crate::test_text::generated(&pieces, 20_000, 10) {
            let (mut fast, mut slow) = (Vec::new(), Vec::new());
            links_in(&line, true, &mut fast);
            links_in_bytewise(&line, true, &mut slow);
            assert_eq!(fast, slow, "{line:?}");
        }
    }

    fn targets(body: &str) -> Vec<(String, bool)> {
        scan(body)
            .into_iter()
            .map(|l| (l.target, l.see_also))
            .collect()
    }

    #[test]
    fn reads_links_and_the_see_also_part() {
        let body = "Intro [a](a.md) and `[not](code.md)`.\n\n```\n[no](fenced.md)\n```\n\n\
                    ## See also\n\n- [B](../b.md#x)\n- [ext](https://example.org/)\n\n\
                    ### Deeper\n\n[c]: c.md\n\n## Next\n\n[d](<d e.md> \"t\")\n";
        assert_eq!(
            targets(body),
            [
                ("a.md".to_owned(), false),
                ("../b.md#x".to_owned(), true),
                ("c.md".to_owned(), true),
                ("d e.md".to_owned(), false),
            ]
        );
    }

    #[test]
    fn a_bold_see_also_line_starts_the_part_too() {
        let body = "[a](a.md)\n\n**See also:**\n\n- [b](b.md)\n";
        assert_eq!(
            targets(body),
            [("a.md".to_owned(), false), ("b.md".to_owned(), true)]
        );
    }
}

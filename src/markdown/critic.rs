//! pymdownx.critic: CriticMarkup edits in a page's text, read before anything else (as
//! pymdown does, even across paragraphs): `{++added++}`, `{--removed--}`,
//! `{~~old~>new~~}`, `{==marked==}` and `{>>comment<<}`. `mode: view` shows the edits as
//! `<ins>`, `<del>`, `<mark>` and a comment `<span>` (a block-wide edit wraps its blocks; an
//! added or removed paragraph break shows as a `break` marker); `accept` and `reject` apply or
//! drop them. Returns the new text with a line map, so diagnostics keep their lines.

/// What a site does with the edits.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    #[default]
    View,
    Accept,
    Reject,
}

impl Mode {
    pub fn parse(name: &str) -> Option<Mode> {
        match name {
            "view" => Some(Mode::View),
            "accept" => Some(Mode::Accept),
            "reject" => Some(Mode::Reject),
            _ => None,
        }
    }
}

/// A page's text after its edits: `line_map[i]` is the line of the input output line `i`
/// came from.
#[derive(Debug)]
pub struct Rewritten {
    pub text: String,
    pub line_map: Vec<u32>,
}

const OPENERS: [&str; 5] = ["{++", "{--", "{~~", "{==", "{>>"];

/// The text with its edits done, or `None` when it has none. With `escapeall`, a backslash
/// before an edit is dropped, as pymdown's escape of its placeholder does.
pub fn rewrite(text: &str, mode: Mode, escapeall: bool) -> Option<Rewritten> {
    if !text.contains('{') || !OPENERS.iter().any(|o| text.contains(o)) {
        return None;
    }
    let mut out = Out {
        text: String::with_capacity(text.len() + 64),
        line_map: vec![0],
        line: 0,
    };
    let mut rest = text;
    while let Some((at, open, body_len, close_len)) = next_edit(rest) {
        let mut before = &rest[..at];
        if before.ends_with('\\') {
            before = &before[..before.len() - 1];
            out.copy(before);
            if !escapeall {
                out.synthetic("&#92;");
            }
        } else {
            out.copy(before);
        }
        let body = &rest[at + 3..at + 3 + body_len];
        let at_block_start = text.len() - rest.len() + at == 0 || before_is_blank(&out.text);
        edit(&mut out, open, body, mode, at_block_start);
        rest = &rest[at + 3 + body_len + close_len..];
    }
    out.copy(rest);
    Some(Rewritten {
        text: out.text,
        line_map: out.line_map,
    })
}

/// The next complete edit in `text`: where it starts, its opener, the length of its body and
/// of its closer.
fn next_edit(text: &str) -> Option<(usize, &'static str, usize, usize)> {
    let mut from = 0;
    loop {
        let at = from + text[from..].find('{')?;
        if let Some(open) = OPENERS.iter().find(|o| text[at..].starts_with(**o)) {
            let closer = match *open {
                "{++" => "++}",
                "{--" => "--}",
                "{~~" => "~~}",
                "{==" => "==}",
                _ => "<<}",
            };
            if let Some(len) = text[at + 3..].find(closer) {
                return Some((at, open, len, 3));
            }
        }
        from = at + 1;
    }
}

/// Whether the text written so far ends a block (a blank line or nothing before).
fn before_is_blank(written: &str) -> bool {
    written.is_empty() || written.ends_with("\n\n")
}

fn edit(out: &mut Out, open: &str, body: &str, mode: Mode, at_block_start: bool) {
    match (open, mode) {
        ("{++", Mode::View) => change(out, "ins", body, at_block_start),
        ("{--", Mode::View) => change(out, "del", body, at_block_start),
        ("{~~", Mode::View) => {
            let (old, new) = body.split_once("~>").unwrap_or((body, ""));
            change(out, "del", old, at_block_start);
            change(out, "ins", new, false);
        }
        ("{==", Mode::View) => wrap(out, "<mark class=\"critic\">", body, "</mark>"),
        ("{>>", Mode::View) => wrap(out, "<span class=\"critic comment\">", body, "</span>"),
        ("{++", Mode::Accept) | ("{--", Mode::Reject) | ("{==", _) => out.copy(body),
        ("{~~", _) => {
            let (old, new) = body.split_once("~>").unwrap_or((body, ""));
            let (kept, dropped) = match mode {
                Mode::Accept => (new, old),
                _ => (old, new),
            };
            out.skip(dropped);
            out.copy(kept);
        }
        _ => out.skip(body),
    }
}

/// An addition or removal in view mode.
fn change(out: &mut Out, tag: &str, body: &str, at_block_start: bool) {
    let is_break = !body.is_empty() && body.chars().all(|c| c == '\n') && body.len() >= 2;
    if is_break {
        out.skip(body);
        match tag {
            // A removed break keeps the paragraph together; an added one splits it.
            "del" => out.synthetic("<del class=\"critic break\">&nbsp;</del>"),
            // The tag alone on its line makes an HTML block, not a paragraph.
            _ => out.synthetic("\n\n<ins class=\"critic break\">\n&nbsp;</ins>\n\n"),
        }
    } else if at_block_start && body.starts_with("\n\n") && body.ends_with("\n\n") {
        let open = format!("<{tag} class=\"critic block\">");
        wrap(out, &open, body, &format!("</{tag}>"));
    } else {
        wrap(
            out,
            &format!("<{tag} class=\"critic\">"),
            body,
            &format!("</{tag}>"),
        );
    }
}

fn wrap(out: &mut Out, open: &str, body: &str, close: &str) {
    out.synthetic(open);
    out.copy(body);
    out.synthetic(close);
}

/// The rewritten text, and the input line of each of its lines.
struct Out {
    text: String,
    line_map: Vec<u32>,
    /// The input line of the text being read.
    line: u32,
}

impl Out {
    /// Copies input text.
    fn copy(&mut self, s: &str) {
        for piece in s.split_inclusive('\n') {
            self.text.push_str(piece);
            if piece.ends_with('\n') {
                self.line += 1;
                self.line_map.push(self.line);
            }
        }
    }

    /// Passes over input text without writing it.
    fn skip(&mut self, s: &str) {
        self.line += s.matches('\n').count() as u32;
    }

    /// Writes text of its own, at the current input line.
    fn synthetic(&mut self, s: &str) {
        for c in s.chars() {
            self.text.push(c);
            if c == '\n' {
                self.line_map.push(self.line);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str, mode: Mode) -> String {
        rewrite(s, mode, false).map_or_else(|| s.to_owned(), |r| r.text)
    }

    #[test]
    fn accept_and_reject_apply_or_drop_the_edits() {
        let s = "a {++b++}{--c--} {~~d~>e~~} {==f==}{>>note<<}";
        assert_eq!(text(s, Mode::Accept), "a b e f");
        assert_eq!(text(s, Mode::Reject), "a c d f");
    }

    #[test]
    fn view_shows_the_edits() {
        assert_eq!(
            text("a {~~b~>c~~} {>>n<<}", Mode::View),
            "a <del class=\"critic\">b</del><ins class=\"critic\">c</ins> \
             <span class=\"critic comment\">n</span>"
        );
        assert_eq!(
            text("{--\n\n* x\n\n--}\n", Mode::View),
            "<del class=\"critic block\">\n\n* x\n\n</del>\n"
        );
        assert_eq!(text("a {++b", Mode::View), "a {++b");
    }

    #[test]
    fn lines_after_a_removed_line_keep_their_number() {
        let r = rewrite("a {--x\ny--} b\nc\n", Mode::Accept, false).unwrap();
        assert_eq!(r.text, "a  b\nc\n");
        assert_eq!(r.line_map, [0, 2, 3]);
    }
}

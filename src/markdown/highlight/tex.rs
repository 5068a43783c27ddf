//! A lexer for TeX and LaTeX (`latex`, `tex`), for [`super`]: hl-lite has none. It follows
//! Pygments' `TexLexer` rule for rule: commands `k` (a `[option]` after one `na`), braces and
//! `&`, `_`, `^` `nb`, comments `c`; `$...$` and `\(...\)` open inline math (`s`), `$$...$$`
//! and `\[...\]` display math (`sb` to open, `s` to close), `\begin{equation}` (or `align`,
//! `math`, `displaymath`) math up to its `\end`. In math, commands are `nv`, numbers `m`,
//! `-=!+*/()[]` `o` and the rest `nb`.

/// Where the lexer is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Text,
    /// `$...$`, `\(...\)`.
    Inline,
    /// `$$...$$`, `\[...\]`.
    Display,
    /// `\begin{equation}...\end{equation}`.
    Environment,
}

/// Calls `emit(class, text)` for each token of `code`, in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    let mut state = State::Text;
    let mut rest = code;
    while !rest.is_empty() {
        // `\begin{equation}` and its `\end{equation}`: the command, then its braces and name.
        let environment = match state {
            State::Text => environment(rest, "\\begin").map(|len| (len, State::Environment)),
            State::Environment => environment(rest, "\\end").map(|len| (len, State::Text)),
            _ => None,
        };
        if let Some((len, next)) = environment {
            let command = rest.find('{').unwrap_or(len);
            emit(Some("k"), &rest[..command]);
            emit(Some("nb"), &rest[command..len]);
            state = next;
            rest = &rest[len..];
            continue;
        }
        let (class, len, next) = match state {
            State::Text => text_token(rest),
            math => math_token(rest, math),
        };
        emit(class, &rest[..len]);
        rest = &rest[len..];
        if state == State::Text && class == Some("k") {
            // After a command, its `[option]`s and a `*`.
            rest = options(rest, &mut emit);
        }
        state = next;
    }
}

/// The token of text that `rest` starts with: its class, its length, the state after it.
fn text_token(rest: &str) -> (Option<&'static str>, usize, State) {
    for (open, class, state) in [
        ("\\[", "sb", State::Display),
        ("\\(", "s", State::Inline),
        ("$$", "sb", State::Display),
        ("$", "s", State::Inline),
    ] {
        if rest.starts_with(open) {
            return (Some(class), open.len(), state);
        }
    }
    if let Some(after) = rest.strip_prefix('\\') {
        let name = after
            .find(|c: char| !(c.is_ascii_alphabetic() || matches!(c, '@' | '_' | ':')))
            .unwrap_or(after.len());
        return (Some("k"), 1 + command_len(after, name), State::Text);
    }
    if let Some(token) = general(rest) {
        return (token.0, token.1, State::Text);
    }
    let len = rest
        .find(['\\', '$', '%', '&', '_', '^', '{', '}'])
        .unwrap_or(rest.len());
    (None, len, State::Text)
}

/// The token of math that `rest` starts with.
fn math_token(rest: &str, state: State) -> (Option<&'static str>, usize, State) {
    let closes: &[(&str, &str)] = match state {
        State::Inline => &[("\\)", "s"), ("$", "s")],
        State::Display => &[("\\]", "s"), ("$$", "s")],
        _ => &[],
    };
    for (close, class) in closes {
        if rest.starts_with(close) {
            return (Some(class), close.len(), State::Text);
        }
    }
    if state == State::Display && rest.starts_with('$') {
        return (Some("nb"), 1, state);
    }
    if let Some(after) = rest.strip_prefix('\\') {
        let name = after
            .find(|c: char| !c.is_ascii_alphabetic())
            .unwrap_or(after.len());
        return (Some("nv"), 1 + command_len(after, name), state);
    }
    if let Some((class, len)) = general(rest) {
        return (class, len, state);
    }
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        return (Some("m"), digits, state);
    }
    if rest.starts_with(['-', '=', '!', '+', '*', '/', '(', ')', '[', ']']) {
        return (Some("o"), 1, state);
    }
    let len = rest
        .find(|c: char| "=!+*/()[]\\$%&_^{}-".contains(c) || c.is_ascii_digit())
        .unwrap_or(rest.len());
    (Some("nb"), len, state)
}

/// The length of a command's name after its backslash: `name` letters, or else one
/// character that is not white space, or none.
fn command_len(after: &str, name: usize) -> usize {
    match name {
        0 => after
            .chars()
            .next()
            .filter(|c| !c.is_whitespace())
            .map_or(0, char::len_utf8),
        n => n,
    }
}

/// What text and math share: a comment to its line's end, braces, `&`, `_`, `^`.
fn general(rest: &str) -> Option<(Option<&'static str>, usize)> {
    match rest.as_bytes()[0] {
        // Pygments lexes code with a line end added, so a comment always has one.
        b'%' => Some((Some("c"), rest.find('\n').map_or(rest.len(), |end| end + 1))),
        b'{' | b'}' | b'&' | b'_' | b'^' => Some((Some("nb"), 1)),
        _ => None,
    }
}

/// The length of `\begin{equation}` (`command` is `\begin` or `\end`) when `rest` starts
/// with that of a math environment.
fn environment(rest: &str, command: &str) -> Option<usize> {
    let after = rest.strip_prefix(command)?.strip_prefix('{')?;
    let name = [
        "displaymath",
        "math",
        "equation*",
        "equation",
        "align*",
        "align",
    ]
    .into_iter()
    .find(|n| after.starts_with(n))?;
    after[name.len()..]
        .starts_with('}')
        .then_some(command.len() + 1 + name.len() + 1)
}

/// The `[option]`s and `*` after a command, emitted; returns what follows them.
fn options<'a>(mut rest: &'a str, emit: &mut impl FnMut(Option<&'static str>, &'a str)) -> &'a str {
    loop {
        let len = if rest.starts_with('[') {
            match rest.find([']', '\n']) {
                Some(end) if rest.as_bytes()[end] == b']' => {
                    emit(Some("na"), &rest[..=end]);
                    end + 1
                }
                _ => return rest,
            }
        } else if rest.starts_with('*') {
            emit(Some("k"), &rest[..1]);
            1
        } else {
            return rest;
        };
        rest = &rest[len..];
    }
}

#[cfg(test)]
mod tests {
    fn tokens(code: &str) -> Vec<(Option<&'static str>, &str)> {
        let mut got = Vec::new();
        super::lex(code, |class, text| got.push((class, text)));
        let joined: String = got.iter().map(|(_, t)| *t).collect();
        assert_eq!(joined, code);
        got
    }

    #[test]
    fn commands_math_and_comments_as_pygments_names_them() {
        let got = tokens(
            "\\section*[short]{Title} % note\nSee $x_1 + 2$ and $$\\frac{a}{b}$$.\n\
             \\begin{align}y &= 3\\end{align}",
        );
        for want in [
            (Some("k"), "\\section"),
            (Some("k"), "*"),
            (Some("na"), "[short]"),
            (Some("nb"), "{"),
            (None, "Title"),
            (Some("c"), "% note\n"),
            (Some("s"), "$"),
            (Some("nb"), "x"),
            (Some("nb"), "_"),
            (Some("o"), "+"),
            (Some("m"), "2"),
            (Some("sb"), "$$"),
            (Some("nv"), "\\frac"),
            (Some("s"), "$$"),
            (Some("k"), "\\begin"),
            (Some("nb"), "{align}"),
            (Some("k"), "\\end"),
        ] {
            assert!(got.contains(&want), "{want:?} not in {got:?}");
        }
    }
}

//! Shell sessions (`console`, `shell-session` fences), for [`super`], as Pygments'
//! `BashSessionLexer` reads them: a line that opens with a prompt (`$ `, `# `, `% `,
//! `user@host:~$ `, `[root@box ~]# `, `sh-5.2$ `) is a command, its prompt `gp` and the rest
//! highlighted as Bash; a line after a command that ends in `\` continues it (after a `> `
//! prompt, if any); every other line is output (`go`). A leading `(venv)` is
//! `gp gp-VirtualEnv`. Each command line is lexed as Bash on its own (Pygments lexes a
//! continued command as one piece; the two differ only for a string running across lines).

use hl_lite::Lang;

use super::Tokens;
use super::scan::run;

/// Writes the tokens of a session to `out`.
pub(super) fn lex(code: &str, out: &mut Tokens<'_, '_>) {
    let mut continued = false;
    for line in code.split_inclusive('\n') {
        let body = line.strip_suffix('\n').unwrap_or(line);
        let mut rest = body;
        if rest.starts_with('(')
            && let Some(close) = rest.find(')')
        {
            out.push(Some("gp gp-VirtualEnv"), &rest[..=close]);
            let space = run(rest.as_bytes(), close + 1, is_space);
            out.push(None, &rest[close + 1..space]);
            rest = &rest[space..];
        }
        let prompt = match prompt_len(rest) {
            Some(end) => Some(end),
            None if continued => Some(if rest.starts_with("> ") { 2 } else { 0 }),
            None => None,
        };
        match prompt {
            Some(end) => {
                out.push(Some("gp"), &rest[..end]);
                super::lite(Lang::Bash, &rest[end..], out);
                continued = rest.ends_with('\\');
            }
            None => out.push(Some("go"), rest),
        }
        out.push(None, &line[body.len()..]);
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\x0b' | b'\x0c')
}

fn is_sign(b: u8) -> bool {
    matches!(b, b'$' | b'#' | b'%')
}

/// The length of the prompt that opens `line`, if it has one: what Pygments' prompt pattern
/// matches, tried in its order (a `[...]` prefix, none, `sh...`, `word@host:dir`, `[word@host
/// ...] ...`), each followed by `$`, `#` or `%` and any spaces.
fn prompt_len(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    // Spaces, a sign, spaces: the end of the prompt when a prefix ends at `at`.
    let sign_at = |at: usize| {
        let j = run(b, at, is_space);
        b.get(j)
            .is_some_and(|&c| is_sign(c))
            .then(|| run(b, j + 1, is_space))
    };
    // A sign at `at` exactly (inside a word), and the spaces after it.
    let sign_in_word = |at: usize| is_sign(b[at]).then(|| run(b, at + 1, is_space));
    if b.first() == Some(&b'[') {
        // `[user@host dir]$`: the first `]` a sign follows.
        if let Some(end) = line.match_indices(']').find_map(|(k, _)| sign_at(k + 1)) {
            return Some(end);
        }
    }
    if let Some(end) = sign_at(0) {
        return Some(end);
    }
    let word_end = run(b, 0, |c| !is_space(c));
    if line.starts_with("sh") {
        // `sh-5.2$`: the first sign in or right after the word.
        if let Some(end) = (2..word_end)
            .find_map(sign_in_word)
            .or_else(|| sign_at(word_end))
        {
            return Some(end);
        }
    }
    if b.first().is_some_and(|&c| super::scan::is_name(c)) {
        // `user@host:dir$`: an `@` or `:` after two characters or more, one more character,
        // then the greediest choice of sign: after a second word, ending it or inside it,
        // after the first word, or inside the first word.
        let at = (2..word_end.saturating_sub(1)).find(|&i| matches!(b[i], b'@' | b':'));
        if let Some(at) = at {
            let second = run(b, word_end, is_space);
            let second_end = run(b, second, |c| !is_space(c));
            let found = (second_end > second && second > word_end)
                .then(|| {
                    sign_at(second_end)
                        .or_else(|| (second + 1..second_end).rev().find_map(sign_in_word))
                })
                .flatten()
                .or_else(|| sign_at(word_end))
                .or_else(|| (at + 2..word_end).rev().find_map(sign_in_word));
            if found.is_some() {
                return found;
            }
        }
    }
    if b.first() == Some(&b'[') {
        // `[user@host dir] text$`: the last sign, two characters or more after a `]` that
        // follows an `@` or `:` of the first word.
        let at = (2..word_end).find(|&i| matches!(b[i], b'@' | b':'))?;
        let close = at + 2 + line.get(at + 2..)?.find(']')?;
        let sign = b.iter().rposition(|&c| is_sign(c))?;
        return (sign >= close + 2).then(|| run(b, sign + 1, is_space));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::prompt_len;

    /// What Pygments' prompt pattern takes as the prompt of each line (checked with Pygments).
    #[test]
    fn prompts_as_pygments_reads_them() {
        for (line, prompt) in [
            ("$ ls", Some("$ ")),
            ("# apt install x", Some("# ")),
            ("% make", Some("% ")),
            ("   $ x", Some("   $ ")),
            ("$", Some("$")),
            ("user@host:~$ ls", Some("user@host:~$ ")),
            ("user@host:~$ echo $HOME", Some("user@host:~$ echo $")),
            ("root@box:/# ls -la", Some("root@box:/# ")),
            ("[root@srv ~]# yum", Some("[root@srv ~]# ")),
            ("sh-4.2$ x", Some("sh-4.2$ ")),
            ("bash-5.1$ x", None),
            (">>> print(1)", None),
            ("output 50%", None),
            ("100% done", None),
            ("C:\\> dir", None),
        ] {
            assert_eq!(prompt_len(line).map(|n| &line[..n]), prompt, "{line}");
        }
    }
}

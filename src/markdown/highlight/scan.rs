//! Byte-scanning helpers shared by the small hand-written lexers ([`super::rlang`],
//! [`super::matlab`], [`super::julia`], [`super::fortran`], [`super::console`]): each returns
//! a byte offset that is a character boundary whenever its start is one, so the lexers never
//! split a character.

/// The end of the run of bytes matching `keep` that starts at `i`.
pub(super) fn run(bytes: &[u8], i: usize, keep: impl Fn(u8) -> bool) -> usize {
    bytes[i.min(bytes.len())..]
        .iter()
        .position(|&b| !keep(b))
        .map_or(bytes.len(), |p| i + p)
}

/// Where the line holding `i` ends (its `\n` excluded), or the end of the code.
pub(super) fn line_end(bytes: &[u8], i: usize) -> usize {
    run(bytes, i, |b| b != b'\n')
}

/// The end of the character that starts at `i`.
pub(super) fn char_end(code: &str, i: usize) -> usize {
    i + code[i..].chars().next().map_or(1, char::len_utf8)
}

/// Whether `b` can continue a name: ASCII letters, digits, `_`, and every byte of a
/// non-ASCII character (so a name never ends inside one).
pub(super) fn is_name(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The end of a string whose opening quote is at `i`: the next unescaped `quote` (a
/// backslash escapes the byte after it when `backslash`, a doubled quote escapes itself when
/// `doubled`), or the end of the code when it is never closed.
pub(super) fn quoted(bytes: &[u8], i: usize, quote: u8, backslash: bool, doubled: bool) -> usize {
    let mut j = i + 1;
    while j < bytes.len() {
        match bytes[j] {
            b'\\' if backslash => j += 2,
            b if b == quote && doubled && bytes.get(j + 1) == Some(&quote) => j += 2,
            b if b == quote => return j + 1,
            _ => j += 1,
        }
    }
    bytes.len()
}

/// The end of a decimal number starting at `i` (a digit, or `.` before a digit): digits with
/// `_` between them when `underscores`, an optional fraction, and an exponent written with
/// any of `exponents` (`e`, `d`, ...); whether it had a fraction or an exponent.
pub(super) fn decimal(
    bytes: &[u8],
    i: usize,
    exponents: &[u8],
    underscores: bool,
) -> (usize, bool) {
    let digits = |j| {
        run(bytes, j, |b| {
            b.is_ascii_digit() || (underscores && b == b'_')
        })
    };
    let mut j = digits(i);
    let mut float = false;
    if bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_digit) {
        j = digits(j + 1);
        float = true;
    }
    if bytes
        .get(j)
        .is_some_and(|b| exponents.contains(&b.to_ascii_lowercase()))
    {
        let sign = usize::from(matches!(bytes.get(j + 1), Some(b'+' | b'-')));
        if bytes.get(j + 1 + sign).is_some_and(u8::is_ascii_digit) {
            j = digits(j + 1 + sign);
            float = true;
        }
    }
    (j, float)
}

/// Whether `word` is in `list`, compared without regard to ASCII case.
pub(super) fn in_list_nocase(list: &[&str], word: &str) -> bool {
    list.iter().any(|w| w.eq_ignore_ascii_case(word))
}

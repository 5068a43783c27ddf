//! A line-based lexer for unified diffs, for [`super`]: hl-lite has none, and `diff` is
//! the most common fence language it lacks in Material's own documentation. Classes follow
//! Pygments' `DiffLexer`: added lines `gi`, removed `gd`, hunk headers (`@@`) `gu`, file
//! headers (`diff`, `Index`, `=`) `gh`, `!` lines `gs`; everything else is plain.

/// Calls `emit(class, text)` for each line of `code` (newline included), in order.
pub(super) fn lex<'a>(code: &'a str, mut emit: impl FnMut(Option<&'static str>, &'a str)) {
    for line in code.split_inclusive('\n') {
        let class = match line.as_bytes().first() {
            Some(b'+') => Some("gi"),
            Some(b'-') => Some("gd"),
            Some(b'@') => Some("gu"),
            Some(b'!') => Some("gs"),
            Some(b'=') => Some("gh"),
            _ if line.starts_with("diff") || line.starts_with("Index") => Some("gh"),
            _ => None,
        };
        emit(class, line);
    }
}

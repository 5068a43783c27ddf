//! The rules rewritten for speed, checked against the rules they replaced (kept here as they
//! were) over generated text: each must give the same answer on every input.

use hl_lite::Lang;

use super::pygments::{self, BASH_BUILTINS, JS_GLOBALS, PYTHON_BUILTINS, RUST_PRELUDE};
use super::{Context, Import, Tokens};
use crate::test_text::generated;

/// Pieces that stress name and white-space rules: ASCII, letters and digits beyond ASCII,
/// Unicode white space, and the words the import state looks for.
const PIECES: &[&str] = &[
    "a", "Z", "9", "_", "$", " ", "\t", "\n", "\r", "\u{b}", ".", "-", "é", "٣", "€", "\u{a0}",
    "\u{2028}", "😀", "import", "from", "x1", "  \n", "\n  ", "'", "#",
];

/// Every stretch of up to `most` characters of one long text of `pieces` put together by
/// [`generated`], from every character on. (`generated` alone hands out empty strings once
/// its generator draws a count of 0, so its first string is drawn long and cut up here.)
pub(crate) fn stretches(pieces: &[&str], most: usize) -> Vec<String> {
    let text = generated(pieces, 1, 4_001).concat();
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let mut out = Vec::new();
    for (n, &from) in starts.iter().enumerate() {
        for len in 0..=most {
            let to = starts.get(n + len).copied().unwrap_or(text.len());
            out.push(text[from..to].to_owned());
        }
    }
    out
}

/// A long run of `pieces` picked by [`generated`], one after another, joined in groups of
/// one to three (as a lexer's spans are one word or several).
fn spans(pieces: &[&str]) -> Vec<String> {
    let marks: Vec<String> = (0..pieces.len() as u32)
        .filter_map(|i| char::from_u32(0x100 + i).map(String::from))
        .collect();
    let marks: Vec<&str> = marks.iter().map(String::as_str).collect();
    let picked: Vec<&str> = generated(&marks, 1, 20_001)
        .concat()
        .chars()
        .map(|c| pieces[c as usize - 0x100])
        .collect();
    let mut out = Vec::new();
    let mut rest = &picked[..];
    for group in [1, 1, 2, 1, 3].into_iter().cycle() {
        if rest.is_empty() {
            break;
        }
        let (span, tail) = rest.split_at(group.min(rest.len()));
        out.push(span.concat());
        rest = tail;
    }
    out
}

/// The classified pieces `emit` pushes through a [`Tokens`], merged as the block gets them.
fn tokens_of(
    code: &str,
    emit: impl FnOnce(&mut Tokens<'_, '_>),
) -> Vec<(Option<&'static str>, String)> {
    let mut got = Vec::new();
    let mut sink = |class, text: &str| got.push((class, text.to_owned()));
    let mut out = Tokens {
        code,
        end: 0,
        pending: None,
        sink: &mut sink,
    };
    emit(&mut out);
    out.finish();
    got
}

/// The unclassified-text rule as it was: `str::find` with a closure over characters.
fn plain_reference(lang: Lang, text: &str, out: &mut Tokens<'_, '_>) {
    let name = match lang {
        Lang::Python | Lang::Rust | Lang::Toml => "n",
        Lang::JavaScript | Lang::TypeScript => "nx",
        _ => return out.push(None, text),
    };
    let mut rest = text;
    while !rest.is_empty() {
        let ident = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
            .unwrap_or(rest.len());
        if ident > 0 {
            let (word, tail) = rest.split_at(ident);
            let class = if lang == Lang::Python && word.starts_with(|c: char| c.is_ascii_digit()) {
                None
            } else {
                Some(name)
            };
            out.push(class, word);
            rest = tail;
        } else {
            let other = rest
                .find(|c: char| c.is_alphanumeric() || c == '_' || c == '$')
                .unwrap_or(rest.len());
            let (gap, tail) = rest.split_at(other);
            out.push(None, gap);
            rest = tail;
        }
    }
}

#[test]
fn plain_text_splits_into_the_same_names_as_before() {
    let langs = [Lang::Python, Lang::JavaScript, Lang::Rust, Lang::Bash];
    let texts = stretches(PIECES, 12);
    assert!(texts.len() > 20_000);
    for text in texts {
        for lang in langs {
            let old = tokens_of(&text, |out| plain_reference(lang, &text, out));
            let new = tokens_of(&text, |out| pygments::plain(lang, &text, out));
            assert_eq!(new, old, "{lang:?} {text:?}");
        }
    }
}

/// The context step as it was.
fn advance_reference<'a>(at: &mut Context<'a>, text: &'a str) {
    if let Some(import) = &mut at.import {
        *import = match (*import, text) {
            (_, _) if text.contains('\n') => Import::No,
            (_, "import") if at.line_start => Import::Modules,
            (_, "from") if at.line_start => Import::From,
            (Import::From, "import") => Import::No,
            (state, _) => state,
        };
    }
    let content = text.trim_end_matches([' ', '\t']);
    if text.trim().is_empty() {
        at.line_start |= text.contains('\n');
    } else {
        at.prev = text;
        at.line_start = content.ends_with('\n');
    }
}

#[test]
fn context_follows_spans_as_before() {
    let spans = spans(PIECES);
    assert!(spans.len() > 5_000);
    let starts = [
        None,
        Some(Import::No),
        Some(Import::Modules),
        Some(Import::From),
    ];
    for (n, start) in starts.into_iter().enumerate() {
        let fresh = |line_start| Context {
            prev: "",
            line_start,
            import: start,
        };
        let (mut old, mut new) = (fresh(n % 2 == 0), fresh(n % 2 == 0));
        for span in &spans {
            advance_reference(&mut old, span);
            new.advance(span);
            assert_eq!(
                (new.prev, new.line_start, new.import),
                (old.prev, old.line_start, old.import),
                "after {span:?}"
            );
        }
    }
}

#[test]
fn builtin_lists_are_sorted_and_searched_as_before() {
    let lists = [PYTHON_BUILTINS, BASH_BUILTINS, RUST_PRELUDE, JS_GLOBALS];
    let words = stretches(&["a", "s", "t", "e", "r", "S", "o", "n", "g", "x"], 7);
    for list in lists {
        assert!(list.is_sorted(), "{list:?}");
        let candidates = words.iter().map(String::as_str).chain(list.iter().copied());
        for word in candidates.chain(["", "zzz", "Ab"]) {
            assert_eq!(
                pygments::listed(list, word),
                list.contains(&word),
                "{word:?}"
            );
        }
    }
}

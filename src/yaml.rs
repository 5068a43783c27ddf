//! The one door to the YAML parser (serde-saphyr, the maintained successor of the archived
//! serde_yaml). Everything else in answerbook deserializes YAML through [`parse`], so the
//! parser can be swapped by changing this file alone; its errors are put in an author's words
//! here ([`author_message`]), never in the parser's (no "budget breached", no option names).

use std::borrow::Cow;
use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::{Budget, Error, MessageFormatter};

use crate::diagnostics::Diagnostic;

/// A position inside a YAML document, 1-based, as the parser reported it.
pub use serde_saphyr::Spanned;

/// Parses `text` as one YAML document.
///
/// `first_line` is the line of the file on which `text` starts (2 for front matter that follows
/// an opening `---`), so that errors point at the real line of `path`.
pub fn parse<T: DeserializeOwned>(
    text: &str,
    path: &Path,
    first_line: usize,
) -> Result<T, Diagnostic> {
    serde_saphyr::from_str(text).map_err(|err| {
        let (line, column) = match err.location() {
            Some(loc) if loc.line() > 0 => (
                Some(loc.line() as usize + first_line - 1),
                Some(loc.column() as usize),
            ),
            _ => (Some(first_line), None),
        };
        Diagnostic::error(path, line, author_message(&err)).with_column(column)
    })
}

/// The file line of a spanned value inside a document that starts on `first_line`.
pub fn line_of<T>(spanned: &Spanned<T>, first_line: usize) -> usize {
    spanned.referenced.line() as usize + first_line - 1
}

/// Where a scalar sits in a YAML text, counted as the parser counts: `line` and `column`
/// 1-based, `char_offset`/`char_len` in characters, `byte_offset`/`byte_len` in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScalarPosition {
    pub line: usize,
    pub column: usize,
    pub char_offset: usize,
    pub char_len: usize,
    pub byte_offset: usize,
    pub byte_len: usize,
}

/// `value` spanned at `pos`, exactly as [`parse`] would give it for a scalar written there
/// (not through an alias, so where it is used is where it is defined). For a reader that finds
/// the scalar without the parser (the front matter fast path). serde-saphyr builds locations
/// only itself, but reads them back from their serialized shape, which is what this writes.
pub fn spanned_at<T>(value: T, pos: ScalarPosition) -> Option<Spanned<T>> {
    use serde::Deserialize;
    let location = serde_json::json!({
        "line": pos.line,
        "column": pos.column,
        "span": {
            "offset": pos.char_offset,
            "len": pos.char_len,
            "byte_info": [pos.byte_offset, pos.byte_len],
        },
    });
    let location = serde_saphyr::Location::deserialize(location).ok()?;
    Some(Spanned::new(value, location, location))
}

/// What went wrong, in the words of someone writing a page or a `site.yaml`.
fn author_message(err: &Error) -> String {
    let limits = Budget::default();
    let too_complex = |what: String| format!("{what}; this YAML is too large or too complex");
    match err {
        Error::WithSnippet { error, .. } | Error::AliasError { error, .. } => author_message(error),
        Error::DuplicateMappingKey { key: Some(key), .. } => {
            format!("duplicate key `{key}`: each key may appear once")
        }
        Error::DuplicateMappingKey { key: None, .. } => {
            "duplicate key: each key may appear once".to_owned()
        }
        Error::Budget { breach, .. } => match breach {
            BudgetBreach::Nodes { .. } => format!(
                "too many YAML nodes ({} at most, counting what each `*alias` repeats)",
                limits.max_nodes
            ),
            BudgetBreach::Events { .. } => {
                format!("too many YAML items ({} at most)", limits.max_events)
            }
            BudgetBreach::Depth { .. } => format!(
                "lists and mappings nested too deep ({} levels at most)",
                limits.max_depth
            ),
            BudgetBreach::Aliases { .. } => {
                format!(
                    "too many `*alias` references ({} at most)",
                    limits.max_aliases
                )
            }
            BudgetBreach::Anchors { .. } => {
                format!("too many `&anchor`s ({} at most)", limits.max_anchors)
            }
            BudgetBreach::AliasAnchorRatio { aliases, anchors } => format!(
                "too many `*alias` references: {aliases} for {anchors} `&anchor`(s), {} per anchor at most",
                limits.alias_anchor_ratio_multiplier
            ),
            BudgetBreach::ScalarBytes { .. } => too_complex(format!(
                "more than {} MiB of text",
                limits.max_total_scalar_bytes / (1024 * 1024)
            )),
            BudgetBreach::Documents { .. } => "too many YAML documents".to_owned(),
            BudgetBreach::MergeKeys { .. } => {
                format!(
                    "too many `<<` merge keys ({} at most)",
                    limits.max_merge_keys
                )
            }
            BudgetBreach::RecordedAnchorEvents { .. }
            | BudgetBreach::RecordedAnchorBytes { .. } => {
                too_complex("`&anchor`s that repeat too much text".to_owned())
            }
            _ => too_complex("a limit of the YAML reader was reached".to_owned()),
        },
        Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayCounterOverflow { .. } => {
            too_complex("`*alias` references expand to too much".to_owned())
        }
        Error::AliasReplayStackDepthExceeded { .. } => {
            too_complex("`*alias` references nest too deep".to_owned())
        }
        Error::RecursiveReferencesRequireWeakTypes { .. } => {
            "an `*alias` refers to the value that contains it".to_owned()
        }
        Error::UnknownAnchor { .. } => {
            "`*alias` names an `&anchor` that is not defined above it".to_owned()
        }
        Error::MultipleDocuments { .. } => {
            "more than one YAML document (a second `---` line): write one".to_owned()
        }
        Error::MergeKeyNotAllowed { .. } | Error::MergeValueNotMapOrSeqOfMaps { .. } => {
            "a `<<` merge key must name a mapping or a list of mappings".to_owned()
        }
        Error::Eof { .. } => "the YAML ends in the middle of a value".to_owned(),
        Error::NullIntoString { .. } => "a value is missing here (empty or `null`)".to_owned(),
        other => {
            let text = serde_saphyr::UserMessageFormatter.format_message(other);
            strip_internals(text)
        }
    }
}

/// Anything the parser's own wording might still say that only a programmer can act on.
fn strip_internals(text: Cow<'_, str>) -> String {
    let text = text.into_owned();
    match text.find(", set ").or_else(|| text.find("; set ")) {
        Some(i) => text[..i].to_owned(),
        None => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error_of(text: &str) -> Diagnostic {
        parse::<serde_json::Value>(text, Path::new("site.yaml"), 1).unwrap_err()
    }

    #[test]
    fn duplicate_keys_name_the_key_and_its_line() {
        let err = error_of("title: a\ndescription: b\ntitle: c\n");
        assert_eq!(
            err.to_string(),
            "site.yaml:3:1: error: duplicate key `title`: each key may appear once"
        );
    }

    #[test]
    fn limits_are_named_in_words() {
        let deep = format!("a: {}{}\n", "[".repeat(100), "]".repeat(100));
        let err = error_of(&deep);
        assert_eq!(
            err.message,
            "lists and mappings nested too deep (64 levels at most)"
        );
        let many = format!("a: [{}]\n", vec!["0"; 250_001].join(","));
        let err = error_of(&many);
        assert_eq!(
            err.message,
            "too many YAML nodes (250000 at most, counting what each `*alias` repeats)"
        );
    }

    #[test]
    fn alias_bombs_are_refused_in_words() {
        let mut bomb = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let refs = vec![format!("*a{}", i - 1); 10].join(", ");
            bomb.push_str(&format!("a{i}: &a{i} [{refs}]\n"));
        }
        let err = error_of(&bomb);
        assert_eq!(
            err.message,
            "too many YAML nodes (250000 at most, counting what each `*alias` repeats)"
        );
        let many_refs = format!("a: &a x\nb: [{}]\n", vec!["*a"; 200].join(", "));
        let err = error_of(&many_refs);
        assert_eq!(
            err.to_string(),
            "site.yaml:3:1: error: too many `*alias` references: 200 for 1 `&anchor`(s), 10 per anchor at most"
        );
        let err = error_of("a: *nowhere\n");
        assert_eq!(
            err.message,
            "`*alias` names an `&anchor` that is not defined above it"
        );
    }
}

//! The syntax of `pymdownx.snippets`: `--8<--` markers, `"file:3:5"` and `"file:name"`
//! specs, `[start:name]`/`[end:name]` section markers, and the lines a spec takes from a file.

/// What part of a snippet file is taken.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Select<'a> {
    All,
    /// 1-based, inclusive; negative counts from the end; `None` an open end.
    Ranges(Vec<(Option<i64>, Option<i64>)>),
    Section(&'a str),
}

impl Select<'_> {
    /// The runs of lines taken, each with the 1-based number of its first line.
    pub(super) fn lines<'t>(&self, all: &[&'t str]) -> Vec<(usize, Vec<&'t str>)> {
        let n = all.len() as i64;
        let at = |v: i64| if v < 0 { n + v + 1 } else { v };
        match self {
            Select::All => vec![(1, all.to_vec())],
            Select::Ranges(ranges) => ranges
                .iter()
                .filter_map(|&(start, end)| {
                    let start = at(start.unwrap_or(1)).max(1);
                    let end = at(end.unwrap_or(n)).min(n);
                    (start <= end).then(|| {
                        let run = all[start as usize - 1..end as usize].to_vec();
                        (start as usize, run)
                    })
                })
                .collect(),
            Select::Section(name) => {
                // From its start marker to its end marker; an end marker first (or no start)
                // takes nothing; the section's own or other markers inside are left out later.
                let mut run: Option<(usize, Vec<&'t str>)> = None;
                for (i, line) in all.iter().enumerate() {
                    match (section_marker(line), &mut run) {
                        (Some(("end", n)), _) if n == *name => break,
                        (Some(("start", n)), None) if n == *name => run = Some((i + 2, Vec::new())),
                        (_, Some((_, lines))) => lines.push(line),
                        _ => {}
                    }
                }
                run.into_iter().collect()
            }
        }
    }
}

/// `file:3:5`, `file:-2`, `file:1:2,4:5` or `file:name`.
pub(super) fn split_spec(spec: &str) -> (&str, Select<'_>) {
    let after_folder = spec.rfind('/').map_or(0, |i| i + 1);
    let Some(colon) = spec[after_folder..].find(':').map(|i| after_folder + i) else {
        return (spec, Select::All);
    };
    let (name, rest) = (&spec[..colon], &spec[colon + 1..]);
    let is_range = |c: char| c.is_ascii_digit() || matches!(c, ':' | ',' | '-');
    if rest.chars().all(is_range) {
        let number = |s: &str| s.trim().parse::<i64>().ok().filter(|&v| v != 0);
        let ranges = rest
            .split(',')
            .filter(|part| !part.is_empty())
            .map(|part| match part.split_once(':') {
                Some((a, b)) => (number(a), number(b)),
                None => (number(part), None),
            })
            .collect();
        return (name, Select::Ranges(ranges));
    }
    if rest
        .chars()
        .all(|c| c.is_alphanumeric() || c == '_' || c == '-')
    {
        return (name, Select::Section(rest));
    }
    (spec, Select::All)
}

/// The length of a `--8<--` marker at the start of `s` (one or more `-` on each side).
pub(super) fn marker_len(s: &str) -> Option<usize> {
    let lead = s.len() - s.trim_start_matches('-').len();
    let rest = s[lead..].strip_prefix("8<")?;
    let trail = rest.len() - rest.trim_start_matches('-').len();
    (lead > 0 && trail > 0).then_some(lead + 2 + trail)
}

pub(super) fn is_marker(s: &str) -> bool {
    marker_len(s) == Some(s.len())
}

/// The file named by a `--8<-- "file"` line, if it is one.
pub(super) fn single(stripped: &str) -> Option<&str> {
    let len = marker_len(stripped)?;
    let rest = &stripped[len..];
    let rest_trimmed = rest.trim_start_matches([' ', '\t']);
    if rest_trimmed.len() == rest.len() {
        return None;
    }
    let quote = rest_trimmed
        .chars()
        .next()
        .filter(|c| matches!(c, '"' | '\''))?;
    let inner = &rest_trimmed[1..];
    let end = inner.find(quote)?;
    inner[end + 1..]
        .trim()
        .is_empty()
        .then(|| inner[..end].trim())
}

/// `--8<-- [start:name]` or `[end:name]` anywhere on a line: its kind and name (not when
/// escaped as `;--8<--`).
pub(super) fn section_marker(line: &str) -> Option<(&'static str, &str)> {
    let i = line.find("8<-")?;
    let before = line[..i].trim_end_matches('-');
    if before.len() == i || before.ends_with(';') {
        return None;
    }
    let after = line[i + 2..].trim_start_matches('-').trim_start();
    let inside = after.strip_prefix('[')?;
    let inside = &inside[..inside.find(']')?];
    let (kind, name) = inside.split_once(':')?;
    let kind = match kind.trim() {
        "start" => "start",
        "end" => "end",
        _ => return None,
    };
    Some((kind, name.trim()))
}

/// A line with an escaped section marker (`;--8<-- [start:x]`) loses its `;`.
pub(super) fn unescape_marker(line: &str) -> String {
    let Some(i) = line.find("8<-") else {
        return line.to_owned();
    };
    let dashes = line[..i].trim_end_matches('-');
    match dashes.strip_suffix(';') {
        Some(kept) if dashes.len() < i && section_marker(&line.replacen(';', "", 1)).is_some() => {
            format!("{kept}{}", &line[dashes.len()..])
        }
        _ => line.to_owned(),
    }
}

pub(super) fn common_indent(runs: &[(usize, Vec<&str>)]) -> usize {
    runs.iter()
        .flat_map(|(_, run)| run.iter())
        .filter(|l| !l.trim().is_empty() && section_marker(l).is_none())
        .map(|l| l.len() - l.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0)
}

pub(super) fn cut_indent(line: &str, n: usize) -> String {
    let line = line.trim_end_matches(['\n', '\r']);
    let cut = line.len() - line.trim_start_matches([' ', '\t']).len();
    line[cut.min(n)..].to_owned()
}

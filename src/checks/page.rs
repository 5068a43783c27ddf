//! The checks of one page's front matter and head: title, description, the FAQPage against
//! what the page shows, and its dates.

use crate::content::{Page, SectionId};
use crate::diagnostics::Diagnostic;
use crate::frontmatter::PageDate;
use crate::markdown::Rendered;
use crate::render::Site;
use crate::yaml;

use super::scan::{Found, Kind};
use super::visible;

pub(super) fn check(
    site: &Site<'_>,
    page: &Page,
    source: &str,
    rendered: &Rendered,
    found: &[Found],
    now: jiff::Timestamp,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    if page.is_not_found {
        return out;
    }
    let path = &page.display_path;
    let home = page.is_index && page.section == SectionId::HOME;
    let has_title = page
        .front
        .title
        .as_ref()
        .is_some_and(|t| !t.trim().is_empty())
        || rendered.h1.as_ref().is_some_and(|t| !t.trim().is_empty());
    if !has_title && !home {
        out.push(Diagnostic::warning(
            path,
            None,
            format!(
                "page has no title: add `title:` to its front matter or a `# ` heading (it is shown as '{}')",
                page.title
            ),
        ));
    }
    let has_description = page
        .front
        .description
        .as_ref()
        .is_some_and(|d| !d.trim().is_empty())
        || (home && !site.config.description.trim().is_empty());
    if !has_description {
        out.push(Diagnostic::warning(
            path,
            None,
            "page has no description: add `description:` to its front matter (search engines show it under the title)",
        ));
    }
    if let Some(answer) = &rendered.faq_answer {
        out.extend(faq(page, source, rendered, found, answer));
    }
    out.extend(dates(page, now));
    out
}

/// The FAQPage must say what the page shows: its question the visible H1, its answer on the
/// page.
fn faq(
    page: &Page,
    source: &str,
    rendered: &Rendered,
    found: &[Found],
    answer: &str,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let path = &page.display_path;
    let h1 = found.iter().find(|f| f.kind == Kind::H1);
    if let (Some(shown), Some(at)) = (&rendered.h1, h1)
        && visible::fold(shown) != visible::fold(&page.title)
    {
        out.push(
            Diagnostic::warning(
                path,
                Some(at.line),
                format!(
                    "the FAQPage question is the title '{}' but the page's heading says '{}': make them the same",
                    page.title, shown
                ),
            )
            .with_column(Some(at.column)),
        );
    }
    let shown = visible::text(&rendered.html);
    if rendered.answer.is_none() && !shown.contains(&visible::fold(answer)) {
        let at = key_line(source, "description");
        out.push(
            Diagnostic::error(
                path,
                at.map(|(l, _)| l),
                "the FAQPage answer is the description, which the page does not show: put the answer in an \"In short\" admonition, or set `faq: false`",
            )
            .with_column(at.map(|(_, c)| c)),
        );
    }
    out
}

/// `date` and `updated` are not in the future, and `updated` is not before `date`.
fn dates(page: &Page, now: jiff::Timestamp) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let path = &page.display_path;
    let date_at = page
        .front
        .date
        .as_ref()
        .map(|s| (yaml::line_of(s, 2), s.referenced.column() as usize));
    let updated_at = page
        .front
        .updated
        .as_ref()
        .map(|s| (yaml::line_of(s, 2), s.referenced.column() as usize));
    // A blog post's `date: {updated: ...}` sits on the `date` line.
    let updated_at = updated_at.or(date_at);
    let future = |d: &PageDate, key: &str, at: Option<(usize, usize)>| {
        let later = d.instant().is_some_and(|t| t > now);
        later.then(|| {
            Diagnostic::error(
                path,
                at.map(|(l, _)| l),
                format!("`{key}: {}` is in the future", d.machine),
            )
            .with_column(at.map(|(_, c)| c))
        })
    };
    if let Some(date) = &page.date {
        out.extend(future(date, "date", date_at));
    }
    if let Some(updated) = &page.updated {
        out.extend(future(updated, "updated", updated_at));
        let before = page
            .date
            .as_ref()
            .and_then(|d| Some(updated.instant()? < d.instant()?));
        if before == Some(true) {
            let date = page.date.as_ref().map_or("", |d| d.machine.as_str());
            out.push(
                Diagnostic::error(
                    path,
                    updated_at.map(|(l, _)| l),
                    format!("`updated: {}` is before `date: {date}`", updated.machine),
                )
                .with_column(updated_at.map(|(_, c)| c)),
            );
        }
    }
    out
}

/// The line and column of the value of a top-level front matter `key:` in a page's `source`.
pub(super) fn key_line(source: &str, key: &str) -> Option<(usize, usize)> {
    let mut lines = source.lines().enumerate();
    if lines
        .next()
        .map(|(_, l)| l.trim_start_matches('\u{feff}').trim_end())
        != Some("---")
    {
        return None;
    }
    for (i, line) in lines {
        if matches!(line.trim_end(), "---" | "...") {
            return None;
        }
        if let Some(rest) = line.strip_prefix(key).and_then(|r| r.strip_prefix(':')) {
            let value = rest.trim_start();
            let column = line.chars().count() - value.chars().count() + 1;
            return Some((i + 1, column));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_front_matter_key_and_its_value() {
        let source = "---\ntitle: A\ndescription:   Words\n---\ndescription: body\n";
        assert_eq!(key_line(source, "description"), Some((3, 16)));
        assert_eq!(key_line(source, "date"), None);
        assert_eq!(key_line("description: x\n", "description"), None);
    }
}

//! Link checks the build does not make: empty links, links without text, images without alt
//! text, and root-relative links (`/img/x.png`, `/support/contact.md`), which the build leaves
//! as written.

use std::collections::HashSet;
use std::path::Path;

use crate::content::Page;
use crate::diagnostics::Diagnostic;
use crate::link_index::Target;
use crate::render::Site;
use crate::urls;

use super::RootLinks;
use super::scan::{Found, Kind};

/// Generated files a root-relative link may name.
const GENERATED: [&str; 6] = [
    "sitemap.xml",
    "robots.txt",
    "404.html",
    "feed.xml",
    "llms.txt",
    "assets/style.css",
];

pub(super) fn check(
    site: &Site<'_>,
    page: &Page,
    found: &[Found],
    urls: &HashSet<String>,
    root_links: RootLinks,
) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let at = |f: &Found, d: Diagnostic| d.with_column(Some(f.column));
    let path = &page.display_path;
    for f in found {
        let line = Some(f.line);
        match f.kind {
            Kind::Link if f.dest.trim().is_empty() => out.push(at(
                f,
                Diagnostic::error(
                    path,
                    line,
                    format!("empty link: '{}' leads nowhere; write where it goes between the parentheses", f.text),
                ),
            )),
            Kind::Link if f.text.trim().is_empty() && !f.has_image => out.push(at(
                f,
                Diagnostic::warning(
                    path,
                    line,
                    format!("the link to '{}' has no text: readers see nothing to click", f.dest),
                ),
            )),
            Kind::Image if f.text.trim().is_empty() => out.push(at(
                f,
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "the image '{}' has no alt text: say what it shows between the brackets, ![what it shows]({})",
                        f.dest, f.dest
                    ),
                ),
            )),
            Kind::HtmlImage if f.text.trim().is_empty() => out.push(at(
                f,
                Diagnostic::warning(
                    path,
                    line,
                    format!(
                        "the image '{}' has no alt text: say what it shows in an alt=\"...\" attribute",
                        f.dest
                    ),
                ),
            )),
            _ => {}
        }
        let root_link = f.kind != Kind::H1 && f.dest.starts_with('/') && !f.dest.starts_with("//");
        if !root_link {
            continue;
        }
        let problem = match root_links {
            RootLinks::UnderBase => root_relative_problem(site, &f.dest, &site.base.path, urls),
            RootLinks::FromDocs => root_relative_problem(site, &f.dest, "/", urls),
            RootLinks::Warn => {
                let message = format!(
                    "absolute link '{}' is left as written (validation.links.absolute_links: warn in mkdocs.yml)",
                    f.dest
                );
                out.push(at(f, Diagnostic::warning(path, line, message)));
                None
            }
            RootLinks::Unchecked => None,
        };
        if let Some(problem) = problem {
            out.push(at(f, Diagnostic::error(path, line, problem)));
        }
    }
    out
}

/// What is wrong with a root-relative link, if anything: it must lead inside `base` (the
/// site's base path, or `/` when it is read from `docs_dir`), to a page, section, copied file
/// or generated file.
fn root_relative_problem(
    site: &Site<'_>,
    dest: &str,
    base: &str,
    urls: &HashSet<String>,
) -> Option<String> {
    let path = dest.split(['#', '?']).next().unwrap_or("");
    let Some(rest) = path
        .strip_prefix(base)
        .or_else(|| (path.len() + 1 == base.len() && base.starts_with(path)).then_some(""))
    else {
        return Some(format!(
            "broken link '{dest}': it leads outside the site, which is published under {base}; write it relative to this page"
        ));
    };
    let rest = urls::decode(rest);
    let target = urls::resolve_relative(Path::new(""), &rest).and_then(|p| site.index.get(&p));
    if let Some(Target::Draft) = target {
        return Some(format!("broken link '{dest}': that page is a draft"));
    }
    let known = target.is_some()
        || urls.contains(&rest)
        || urls.contains(&format!("{rest}/"))
        || GENERATED.contains(&rest.as_str());
    (!known).then(|| format!("broken link '{dest}'"))
}

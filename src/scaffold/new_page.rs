//! `answerbook new "How do I X in Y?" [--section NAME]`: a question page to fill in, at
//! `content/<section>/<slug>.md`, the slug made from the question the way the site makes heading
//! ids (so `How do I X in Y?` is `how-do-i-x-in-y.md`, published at `/<section>/how-do-i-x-in-y/`).

use std::path::PathBuf;

use crate::error::{Error, Result};
use crate::markdown::SlugStyle;
use crate::markdown::headings;
use crate::project::Project;

use super::{already_exists, create_file, exists, fill, today, under, yaml_string};

#[derive(Debug, clap::Args)]
pub struct NewArgs {
    /// The question, as readers will see it: its title and heading.
    pub question: String,
    /// The section (a folder under content/, e.g. `rust-files` or `rust/files`) to put it in;
    /// made if missing [default: the top of content/].
    #[arg(long, value_name = "NAME")]
    pub section: Option<String>,
    /// The site folder.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub site_dir: PathBuf,
}

/// The longest file name a question gets, before `.md` (cut at a word).
const MAX_SLUG: usize = 80;

/// Writes the page; returns its path, as the user named the site folder.
pub fn run(args: NewArgs) -> Result<String> {
    let question = args.question.trim();
    if question.is_empty() || question.contains(['\n', '\r']) {
        return Err(Error::Usage(
            "the question must be one line of text, e.g. \"How do I read a file in Rust?\"".into(),
        ));
    }
    let project = Project::load(&args.site_dir)?;
    let slug = file_slug(question, project.features.slugs);
    if slug.is_empty() {
        return Err(Error::Usage(format!(
            "`{question}` has no letters or digits to name its file by: write the question in words"
        )));
    }
    let section = match &args.section {
        Some(name) => section_path(name)?,
        None => PathBuf::new(),
    };
    let folder = under(&args.site_dir, project.content_name.join(&section));
    let path = folder.join(format!("{slug}.md"));
    // `a/b.md` and `a/b/index.md` publish the same page: refuse either way.
    let folder_page = folder.join(&slug);
    for same_url in [folder_page.join("index.md"), folder_page.join("README.md")] {
        if exists(&same_url) {
            return Err(Error::Unsafe(format!(
                "{} already exists and is published at the URL {} would have: pick another question or --section",
                same_url.display(),
                path.display()
            )));
        }
    }
    if exists(&path) {
        return Err(already_exists(&path));
    }
    let answer_title = yaml_string(&project.config.answer_title);
    let text = fill(
        include_str!("site/new_question.md"),
        &[
            ("title", &yaml_string(question)),
            ("heading", question),
            ("date", &today()),
            ("answer_title", &answer_title),
        ],
    );
    create_file(&path, &text)?;
    Ok(format!("{}\n", path.display()))
}

/// The file name (without `.md`) of a question: the site's heading slug, cut to [`MAX_SLUG`]
/// bytes at a `-`.
pub fn file_slug(question: &str, style: SlugStyle) -> String {
    let slug = headings::slug(question, style);
    let mut slug = slug.trim_matches(['-', '_']).to_owned();
    if slug.len() > MAX_SLUG {
        let mut end = MAX_SLUG;
        while !slug.is_char_boundary(end) {
            end -= 1;
        }
        let cut = slug[..end].rfind('-').filter(|&i| i > 0).unwrap_or(end);
        slug.truncate(cut);
    }
    slug
}

/// A section name as a relative folder: parts of a name each, no `.`/`..`, nothing hidden.
fn section_path(name: &str) -> Result<PathBuf> {
    let parts: Vec<&str> = name.trim_matches('/').split('/').collect();
    let bad = parts.iter().any(|p| {
        p.is_empty()
            || p.starts_with('.')
            || p.contains(['\\', ':'])
            || p.contains(char::is_control)
    });
    if bad {
        return Err(Error::Usage(format!(
            "--section `{}` must be a folder under the content folder, like `rust-files` or `rust/files`",
            name.escape_debug()
        )));
    }
    Ok(parts.iter().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    #[test]
    fn slugs_are_the_sites_heading_ids() {
        let toc = SlugStyle::Toc;
        assert_eq!(file_slug("How do I X in Y?", toc), "how-do-i-x-in-y");
        assert_eq!(
            file_slug("How do I read a file line by line in Rust?", toc),
            "how-do-i-read-a-file-line-by-line-in-rust"
        );
        assert_eq!(
            file_slug("Qu'est-ce qu'une « closure » ?", toc),
            "quest-ce-quune-closure"
        );
        assert_eq!(
            file_slug("What does `?` do - in C#?", toc),
            "what-does-do-in-c"
        );
        assert_eq!(file_slug("???", toc), "");
        let unicode = SlugStyle::Unicode { lowercase: true };
        assert_eq!(file_slug("Что такое Rust?", unicode), "что-такое-rust");
    }

    #[test]
    fn long_questions_are_cut_at_a_word() {
        let q = "How do I ".to_owned() + &"write very long questions ".repeat(10);
        let slug = file_slug(&q, SlugStyle::Toc);
        let whole = headings::slugify(&q);
        assert!(
            slug.len() <= MAX_SLUG && slug.len() > MAX_SLUG - 12,
            "{slug}"
        );
        assert!(
            whole.starts_with(&format!("{slug}-")),
            "{slug} is not cut at a word"
        );
    }

    #[test]
    fn sections_stay_inside_the_content_folder() {
        assert_eq!(section_path("rust/files").unwrap(), Path::new("rust/files"));
        assert_eq!(section_path("/rust/").unwrap(), Path::new("rust"));
        for bad in ["..", "a/../b", ".hidden", "a//b", "C:\\x", ""] {
            assert!(section_path(bad).is_err(), "{bad}");
        }
    }
}

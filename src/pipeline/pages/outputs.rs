//! What a build put in the output folder, as the next cache records it.

use std::collections::HashSet;
use std::path::Path;

use rustc_hash::FxHashMap as HashMap;

use crate::cache::Made;
use crate::content::Pages;
use crate::render;

use super::Known;
use super::next::gets_entry;

/// The files a build put in the output folder, and what each was made from.
pub(in crate::pipeline) enum Outputs {
    /// Every file of a build into a new folder, as it was put: its questions' pages among
    /// them, tens of thousands on a large site.
    Written(Vec<(String, Made)>),
    /// The output folder as a rebuild left it ([`crate::output::Collect::apply`]).
    Updated(HashMap<String, Made>),
}

/// The record of the output folder, which leaves out the files of the pages with entries:
/// each entry stands for its page's ([`crate::incremental::page_output`]). A reused page's file is
/// not in it; a page rendered this build that gets an entry has its file taken out.
pub(super) fn record(
    made: Outputs,
    pages: &Pages,
    facts: &render::Facts,
    known: &[Option<Known>],
    troubled: &HashSet<&Path>,
) -> HashMap<String, Made> {
    let rendered = (pages.ids().zip(known)).filter(|((_, page), _)| !page.reused);
    match made {
        Outputs::Updated(mut made) => {
            for ((id, page), known) in rendered {
                if gets_entry(page, &facts[id], known.as_ref(), troubled) {
                    made.remove(&render::output_path(&page.url));
                }
            }
            made
        }
        // A page rendered this build put its own file, once, as `Made::Page` (no other file
        // does): the file stays in the record when the page gets no entry. Those are few,
        // where putting every page's file in the record to take most of them out again was a
        // fiftieth of a clean build of 100,000 pages, on one thread.
        Outputs::Written(made) => {
            let without_entry: HashSet<String> = rendered
                .filter(|((id, page), known)| {
                    !gets_entry(page, &facts[*id], known.as_ref(), troubled)
                })
                .map(|((_, page), _)| render::output_path(&page.url))
                .collect();
            (made.into_iter())
                .filter(|(path, made)| *made != Made::Page || without_entry.contains(path))
                .collect()
        }
    }
}

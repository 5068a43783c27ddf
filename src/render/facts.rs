//! What phase two keeps of every page until the build is done ([`Facts`]).

use crate::content::PageId;
use crate::diagnostics::Diagnostic;
use crate::markdown::Rendered;

use super::SearchDoc;

/// What phase two keeps of every page, by [`PageId`]: the rendered markdown without its HTML
/// (kept only for section pages, which phase three puts through the theme), and a question's
/// search data.
pub struct Facts(pub(super) Vec<(Rendered, Option<SearchDoc>)>);

impl std::ops::Index<PageId> for Facts {
    type Output = Rendered;
    fn index(&self, id: PageId) -> &Rendered {
        &self.0[id.0 as usize].0
    }
}

impl std::ops::IndexMut<PageId> for Facts {
    fn index_mut(&mut self, id: PageId) -> &mut Rendered {
        &mut self.0[id.0 as usize].0
    }
}

impl Facts {
    /// Every question's search data.
    pub fn searches(&self) -> impl Iterator<Item = &SearchDoc> {
        self.0.iter().filter_map(|(_, search)| search.as_ref())
    }

    /// A question's search data.
    pub fn search(&self, id: PageId) -> Option<&SearchDoc> {
        self.0[id.0 as usize].1.as_ref()
    }

    /// A question's search data, taken out (for the build cache, once the index is written).
    pub fn take_search(&mut self, id: PageId) -> Option<SearchDoc> {
        self.0[id.0 as usize].1.take()
    }

    /// Every page's diagnostics, taken out.
    pub fn take_diagnostics(&mut self) -> Vec<Diagnostic> {
        self.0
            .iter_mut()
            .flat_map(|(r, _)| std::mem::take(&mut r.diagnostics))
            .collect()
    }
}

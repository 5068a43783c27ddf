//! Links and images as Python-Markdown reads and writes them, for the pages of MkDocs
//! projects (CommonMark's rules stay for answerbook sites): [`hrefs`], addresses written as
//! written.

pub(super) mod hrefs;

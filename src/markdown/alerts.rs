//! GitHub alerts (`> [!NOTE]`, `> [!TIP]`, ...), which pulldown-cmark parses as typed block
//! quotes, rendered as the same admonition HTML as `!!! note`.

use pulldown_cmark::BlockQuoteKind;

/// The opening HTML for an alert of `kind`.
pub fn open(kind: BlockQuoteKind) -> String {
    let (class, title) = match kind {
        BlockQuoteKind::Note => ("note", "Note"),
        BlockQuoteKind::Tip => ("tip", "Tip"),
        BlockQuoteKind::Important => ("important", "Important"),
        BlockQuoteKind::Warning => ("warning", "Warning"),
        BlockQuoteKind::Caution => ("caution", "Caution"),
    };
    format!("<div class=\"admonition {class}\">\n<p class=\"admonition-title\">{title}</p>\n")
}

pub const CLOSE: &str = "</div>\n";

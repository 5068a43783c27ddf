//! `/// tab` blocks in pymdownx.tabbed's first style (`alternate_style: false`, the default
//! of `pymdownx.blocks.tab`): a set is `<div class="tabbed-set">` holding, for each tab, its
//! radio input, its label and `<div class="tabbed-content">`. Tabs with nothing but blank
//! lines between them, in the same block, form one set unless a tab says `new: true`.
//!
//! Written by [`super::convert`] line for line: a tab's header line becomes the input and
//! the label (its title rendered as inline markdown by the text-block event part), its end
//! line closes the content and the set. When the next tab joins the set, that end line is
//! rewritten to close the content only; once the page is read, each set's size and checked
//! tab are filled in.

use std::borrow::Cow;

use super::{Lines, MARK, SEP};

const COUNT: &str = "\u{3}count\u{3}";
const CHECKED: &str = "\u{3}checked\u{3}";

#[derive(Default)]
pub(super) struct LegacyTabs {
    /// For each set, in order: the output lines of its tabs' headers and which select.
    sets: Vec<Vec<(usize, bool)>>,
    /// The set the last tab closed, its depth of blocks and its end line's index.
    pending: Option<(usize, usize, usize)>,
}

impl LegacyTabs {
    /// Called for every line that is not blank: the set a tab header at `depth` would join.
    pub(super) fn take_pending(&mut self, depth: usize) -> Option<(usize, usize)> {
        let (d, set, end) = self.pending.take()?;
        (d == depth).then_some((set, end))
    }

    /// Writes a tab's header line (`lead` its indentation), joining `pending` unless `new`;
    /// the tab's set.
    pub(super) fn open<'a>(
        &mut self,
        out: &mut Lines<'a>,
        (indent, lead): (usize, &str),
        title: &str,
        select: bool,
        new: bool,
        pending: Option<(usize, usize)>,
    ) -> usize {
        let (set, first) = match pending.filter(|_| !new) {
            Some((set, end)) => {
                if let Some(line) = out.get_mut(end) {
                    line.1 = Cow::Owned(line.1.replace("</div></div>", "</div>"));
                }
                (set, false)
            }
            None => {
                self.sets.push(Vec::new());
                (self.sets.len() - 1, true)
            }
        };
        let tab = self.sets[set].len() + 1;
        let number = set + 1;
        let wrapper = if first {
            format!("<div class=\"tabbed-set\" data-tabs=\"{number}:{COUNT}\">")
        } else {
            String::new()
        };
        let id = format!("__tabbed_{number}_{tab}");
        let open = format!(
            "{wrapper}<input{CHECKED} id=\"{id}\" name=\"__tabbed_{number}\" type=\"radio\"><label for=\"{id}\">"
        );
        let close = "</label><div class=\"tabbed-content\">";
        let title = title.replace(SEP, "");
        self.sets[set].push((out.len(), select));
        let text = format!("{lead}{MARK}Ri{SEP}{open}{SEP}{close}{SEP}{title}");
        out.push((indent, text.into()));
        set
    }

    /// Writes the end line of a tab of `set`; `depth` is the number of blocks still open
    /// around it.
    pub(super) fn close(
        &mut self,
        out: &mut Lines<'_>,
        (indent, lead): (usize, &str),
        depth: usize,
        set: usize,
    ) {
        self.pending = Some((depth, set, out.len()));
        out.push((indent, format!("{lead}{MARK}H</div></div>").into()));
    }

    /// Fills in each set's size and checked tab (the last that selects, else the first).
    pub(super) fn finish(self, out: &mut Lines<'_>) {
        for tabs in &self.sets {
            let checked = tabs.iter().rposition(|t| t.1).unwrap_or(0);
            for (i, (line, _)) in tabs.iter().enumerate() {
                if let Some(entry) = out.get_mut(*line) {
                    let mark = if i == checked {
                        " checked=\"checked\""
                    } else {
                        ""
                    };
                    let text = entry
                        .1
                        .replace(COUNT, &tabs.len().to_string())
                        .replace(CHECKED, mark);
                    entry.1 = Cow::Owned(text);
                }
            }
        }
    }
}

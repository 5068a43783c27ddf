//! Where the page pass is inside an image's description (its `alt`) or an autolink: text
//! there is atomic in Python-Markdown, which applies no inline extension to it (an
//! abbreviation or emoji in an `alt` would otherwise come out as escaped markup).

use pulldown_cmark::{Event, LinkType, Tag, TagEnd};

/// How deep in images, and whether in an autolink, the pass is.
#[derive(Default)]
pub(super) struct Atomic {
    images: usize,
    autolink: bool,
}

impl Atomic {
    pub(super) fn see(&mut self, event: &Event<'_>) {
        match event {
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Start(Tag::Link {
                link_type: LinkType::Autolink | LinkType::Email,
                ..
            }) => self.autolink = true,
            Event::End(TagEnd::Link) => self.autolink = false,
            _ => {}
        }
    }

    pub(super) fn inside(&self) -> bool {
        self.images > 0 || self.autolink
    }
}

#[cfg(test)]
mod tests {
    use crate::markdown::tests_support::render_python_markdown;

    #[test]
    fn abbreviations_leave_image_descriptions_and_autolinks_alone() {
        let html = render_python_markdown(
            "![The TTS logo](tts.png) and <https://example.org/TTS>\n\n*[TTS]: Text To Speech\n",
        );
        assert!(html.contains("alt=\"The TTS logo\""), "{html}");
        assert!(html.contains(">https://example.org/TTS</a>"), "{html}");
    }
}

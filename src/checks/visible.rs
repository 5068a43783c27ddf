//! The text a reader sees in a page's HTML: tags and the contents of `<script>` and `<style>`
//! taken out, the usual entities decoded, white space folded. Used to check that the FAQPage
//! answer is on the page.

/// The visible text of `html`, its runs of white space folded to one space.
pub fn text(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let lower = html.to_ascii_lowercase();
    let mut pos = 0;
    while let Some(lt) = html[pos..].find('<').map(|i| pos + i) {
        out.push_str(&html[pos..lt]);
        let hidden = ["<script", "<style"]
            .into_iter()
            .find(|tag| lower[lt..].starts_with(tag));
        let end = match hidden {
            Some(tag) => {
                let close = format!("</{}", &tag[1..]);
                lower[lt..]
                    .find(&close)
                    .and_then(|c| lower[lt + c..].find('>').map(|g| lt + c + g + 1))
            }
            None => lower[lt..].find('>').map(|g| lt + g + 1),
        };
        if !is_inline(&lower[lt..]) {
            out.push(' ');
        }
        pos = end.unwrap_or(html.len());
    }
    out.push_str(&html[pos..]);
    fold(&decode(&out))
}

/// Whether the tag at the start of `tag` (lower case) sits inside a line of text, so taking
/// it out must not split words.
fn is_inline(tag: &str) -> bool {
    let name: String = tag
        .trim_start_matches(['<', '/'])
        .chars()
        .take_while(char::is_ascii_alphanumeric)
        .collect();
    matches!(
        name.as_str(),
        "a" | "abbr"
            | "b"
            | "code"
            | "del"
            | "em"
            | "i"
            | "ins"
            | "kbd"
            | "mark"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "sub"
            | "sup"
            | "u"
    )
}

/// Runs of white space folded to one space, ends trimmed.
pub fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn decode(text: &str) -> String {
    const ENTITIES: [(&str, &str); 7] = [
        ("&lt;", "<"),
        ("&gt;", ">"),
        ("&quot;", "\""),
        ("&#39;", "'"),
        ("&#x27;", "'"),
        ("&nbsp;", " "),
        ("&amp;", "&"),
    ];
    let mut out = text.to_owned();
    for (entity, c) in ENTITIES {
        out = out.replace(entity, c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_scripts_go_text_stays() {
        let html = "<p>Yes: the <code>&lt;/script&gt;</code> text &amp; the <b>markup</b>.</p>\n<script type=\"application/ld+json\">{\"a\": 1}</script><p>Next</p>";
        assert_eq!(text(html), "Yes: the </script> text & the markup. Next");
    }
}

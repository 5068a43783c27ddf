//! Fenced and indented code blocks: the fence's info string (language and options such as
//! `title="..."`) and the block's HTML.

use std::fmt::Write as _;

/// What a fence's info string says: ```` ```python title="x.py" linenums="1" ````.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FenceInfo {
    /// The language, lower-cased (`python`); empty when none is given.
    pub lang: String,
    /// `key="value"` options after the language, in order.
    pub options: Vec<(String, String)>,
}

impl FenceInfo {
    pub fn parse(info: &str) -> FenceInfo {
        let info = info.trim();
        let info = info
            .strip_prefix('{')
            .and_then(|i| i.strip_suffix('}'))
            .unwrap_or(info)
            .trim();
        let mut out = FenceInfo::default();
        let mut rest = info;
        if !rest.is_empty() && !rest.starts_with(['.', '#']) && !first_word(rest).contains('=') {
            let word = first_word(rest);
            out.lang = word.to_ascii_lowercase();
            rest = rest[word.len()..].trim_start();
        }
        while !rest.is_empty() {
            let word_end = rest
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(rest.len());
            let key = &rest[..word_end];
            rest = &rest[word_end..];
            let value = if let Some(after) = rest.strip_prefix('=') {
                let (value, remaining) = match after.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let close = after[1..].find(q).map_or(after.len(), |i| i + 1);
                        (&after[1..close], after.get(close + 1..).unwrap_or(""))
                    }
                    _ => {
                        let end = after.find(char::is_whitespace).unwrap_or(after.len());
                        (&after[..end], &after[end..])
                    }
                };
                rest = remaining;
                value.to_owned()
            } else {
                String::new()
            };
            if let Some(class) = key.strip_prefix('.').filter(|_| out.lang.is_empty()) {
                out.lang = class.trim_start_matches("language-").to_ascii_lowercase();
            } else if !key.is_empty() {
                out.options.push((key.to_owned(), value));
            }
            rest = rest.trim_start();
        }
        out
    }

    pub fn option(&self, key: &str) -> Option<&str> {
        self.options
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }
}

fn first_word(s: &str) -> &str {
    s.split(char::is_whitespace).next().unwrap_or("")
}

/// The HTML of one code block.
pub fn render(info: &FenceInfo, code: &str) -> String {
    let mut html = String::with_capacity(code.len() + 64);
    html.push_str("<pre><code");
    if !info.lang.is_empty() {
        let _ = write!(
            html,
            " class=\"language-{}\"",
            super::escape_attr(&info.lang)
        );
    }
    html.push('>');
    let _ = pulldown_cmark_escape::escape_html_body_text(&mut html, code);
    html.push_str("</code></pre>\n");
    html
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn info_strings() {
        let i = FenceInfo::parse("Python title=\"a b.py\" linenums=\"1\" hl_lines=\"2 3\"");
        assert_eq!(i.lang, "python");
        assert_eq!(i.option("title"), Some("a b.py"));
        assert_eq!(i.option("linenums"), Some("1"));
        assert_eq!(i.option("hl_lines"), Some("2 3"));
        assert_eq!(FenceInfo::parse("{ .yaml .copy }").lang, "yaml");
        assert_eq!(FenceInfo::parse("").lang, "");
        assert_eq!(FenceInfo::parse("title=\"x\"").option("title"), Some("x"));
    }
}

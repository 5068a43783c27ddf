//! A code fence's info string: ```` ```python title="x.py" linenums="1" ```` or
//! ```` ``` { .sh .no-copy #example } ````.

/// What a fence's info string says: ```` ```python title="x.py" linenums="1" ````.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct FenceInfo {
    /// The language, lower-cased (`python`); empty when none is given.
    pub lang: String,
    /// The language as written (`PHP`), for the class pymdownx gives the block.
    pub lang_written: String,
    /// `key="value"` options after the language, in order.
    pub options: Vec<(String, String)>,
    /// `.class` words after the first (the first names the language).
    pub classes: Vec<String>,
    /// `#id` of the block.
    pub id: Option<String>,
}

impl FenceInfo {
    /// Reads `lang key="v"`, `{ .lang #id key="v" }` and superfences' `lang { .class }`.
    pub fn parse(info: &str) -> FenceInfo {
        let info = info.trim();
        let (head, braces) = match info.find('{') {
            Some(open) if info.ends_with('}') => {
                (info[..open].trim(), Some(&info[open + 1..info.len() - 1]))
            }
            _ => (info, None),
        };
        let mut out = FenceInfo::default();
        let mut rest = head;
        if !rest.is_empty() && !rest.starts_with(['.', '#']) && !first_word(rest).contains('=') {
            let word = first_word(rest);
            out.lang_written = word.to_owned();
            out.lang = word.to_ascii_lowercase();
            rest = rest[word.len()..].trim_start();
        }
        out.read_words(rest);
        if let Some(braces) = braces {
            out.read_words(braces.trim());
        }
        out
    }

    /// Reads `.class #id key="value" key=value` words.
    fn read_words(&mut self, mut rest: &str) {
        let out = self;
        while !rest.is_empty() {
            let word_end = rest
                .find(|c: char| c.is_whitespace() || c == '=')
                .unwrap_or(rest.len());
            let key = &rest[..word_end];
            rest = &rest[word_end..];
            let value = if let Some(after) = rest.strip_prefix('=') {
                let closing = |q: char| after[1..].find(q).map(|i| i + 1);
                let (value, remaining) = match after.chars().next() {
                    // A quote never closed is part of a value that ends at white space.
                    Some(q @ ('"' | '\'')) if closing(q).is_some() => {
                        let close = closing(q).unwrap_or(after.len());
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
            if let Some(class) = key.strip_prefix('.') {
                if out.lang.is_empty() {
                    out.lang_written = class.trim_start_matches("language-").to_owned();
                    out.lang = out.lang_written.to_ascii_lowercase();
                } else {
                    out.classes.push(class.to_owned());
                }
            } else if let Some(id) = key.strip_prefix('#').filter(|id| !id.is_empty()) {
                out.id = Some(id.to_owned());
            } else if !key.is_empty() {
                out.options.push((key.to_owned(), value));
            }
            rest = rest.trim_start();
        }
    }

    /// `key="value"` pairs that are not options of the highlighter: attributes of the block.
    pub fn attrs(&self) -> impl Iterator<Item = &(String, String)> {
        self.options.iter().filter(|(k, _)| {
            !matches!(
                k.as_str(),
                "title" | "linenums" | "hl_lines" | "use_pygments"
            )
        })
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
        let i = FenceInfo::parse("{ .sh .no-copy #example }");
        assert_eq!(
            (i.lang.as_str(), i.classes.as_slice(), i.id.as_deref()),
            ("sh", &["no-copy".to_owned()][..], Some("example"))
        );
        assert_eq!(FenceInfo::parse("").lang, "");
        assert_eq!(FenceInfo::parse("title=\"x\"").option("title"), Some("x"));
        let i = FenceInfo::parse("PHP {.test .more #id data-x=\"{ 1 }\" linenums=\"2\"}");
        assert_eq!((i.lang.as_str(), i.lang_written.as_str()), ("php", "PHP"));
        assert_eq!(i.classes, ["test", "more"]);
        assert_eq!(i.id.as_deref(), Some("id"));
        let attrs: Vec<_> = i.attrs().collect();
        assert_eq!(attrs, [&("data-x".to_owned(), "{ 1 }".to_owned())]);
        assert_eq!(i.option("linenums"), Some("2"));
    }

    #[test]
    fn a_quote_never_closed_is_part_of_the_value() {
        let i = FenceInfo::parse("{ .sh size=\">big }");
        assert_eq!(i.option("size"), Some("\">big"));
        let i = FenceInfo::parse("{ .sh size='a b' }");
        assert_eq!(i.option("size"), Some("a b"));
    }
}

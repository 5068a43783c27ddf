//! pymdownx.magiclink: plain URLs (`https://…`, `www.…`, `ftp://…`) and e-mail addresses in
//! text become links; with `repo_url_shortener`, links to GitHub, GitLab and Bitbucket users,
//! repositories, issues, pull requests, discussions, commits and comparisons are shown short
//! (`user/repo#12`); with `repo_url_shorthand`, `@user`, `@user/repo`, `user/repo#12`,
//! `provider:user/repo!3` and, given the site's `user` and `repo`, `#12`, `!3`, `?4` and commit
//! hashes become those links; `social_url_shorthand` and `_shortener` do the same for X.

use pulldown_cmark::{CowStr, Event, LinkType, Tag, TagEnd};

use super::super::escape_attr;
use super::magiclink_repos::{Provider, RepoLink, parse_repo_url, shorthand};

/// The options of pymdownx.magiclink a site sets.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Options {
    pub hide_protocol: bool,
    pub repo_url_shortener: bool,
    pub repo_url_shorthand: bool,
    pub social_url_shortener: bool,
    pub social_url_shorthand: bool,
    /// Pull requests (`!12`) and discussions (`?12`) are shown with `#` like issues.
    pub normalize_issue_symbols: bool,
    /// The provider of `#12` and `@user` (`github` unless set to one answerbook knows).
    pub provider: String,
    pub user: Option<String>,
    pub repo: Option<String>,
    /// `custom:` providers: name, host (`https://git.example.org`), label, and the kind of
    /// site it is (`github`, `gitlab` or `bitbucket`).
    pub custom: Vec<(String, String, String, String)>,
}

/// Turns what the options ask for into links, in text outside links and code.
pub(super) fn apply<'e>(events: Vec<Event<'e>>, options: &Options) -> Vec<Event<'e>> {
    let mut out = Vec::with_capacity(events.len());
    let mut in_link = 0usize;
    let mut autolink: Option<usize> = None;
    for event in events {
        match &event {
            Event::Start(Tag::Link { link_type, .. }) => {
                in_link += 1;
                if matches!(link_type, LinkType::Autolink)
                    && (options.repo_url_shortener || options.hide_protocol)
                {
                    autolink = Some(out.len());
                }
            }
            Event::End(TagEnd::Link) => {
                in_link = in_link.saturating_sub(1);
                // `<https://github.com/u/r/issues/1>`: shortened like a plain URL.
                if let Some(start) = autolink.take()
                    && out.len() == start + 2
                    && let Event::Text(url) = &out[start + 1]
                {
                    let Some(html) = repo_link(url, options) else {
                        // `hide_protocol`: `<https://example.org>` shows `example.org`.
                        if let Some((_, shown)) = url.split_once("://")
                            && options.hide_protocol
                        {
                            out[start + 1] = Event::Text(shown.to_owned().into());
                        }
                        out.push(event);
                        continue;
                    };
                    out.truncate(start);
                    out.push(Event::InlineHtml(html.into()));
                    continue;
                }
            }
            Event::Text(t) if in_link == 0 && may_link(t, options) => {
                link_text(t, options, &mut out);
                continue;
            }
            _ => {}
        }
        out.push(event);
    }
    out
}

/// Whether a text may hold something to link: the cheap test every text event gets.
fn may_link(text: &str, options: &Options) -> bool {
    text.contains([':', '@'])
        || text.contains("www.")
        || (options.repo_url_shorthand && text.bytes().any(|b| matches!(b, b'#' | b'!' | b'?')))
        || (options.repo_url_shorthand && options.repo.is_some() && has_hash(text))
}

fn has_hash(text: &str) -> bool {
    let mut run = 0;
    for b in text.bytes() {
        run = if b.is_ascii_hexdigit() { run + 1 } else { 0 };
        if run >= 7 {
            return true;
        }
    }
    false
}

/// Splits a text event at what it links.
fn link_text<'e>(text: &str, options: &Options, out: &mut Vec<Event<'e>>) {
    let mut plain_from = 0;
    let mut i = 0;
    let mut prev: Option<char> = None;
    while i < text.len() {
        let rest = &text[i..];
        let c = rest.chars().next().unwrap_or(' ');
        if starts_word(prev)
            && let Some((len, html)) = link_at(rest, options)
        {
            if plain_from < i {
                out.push(Event::Text(CowStr::from(text[plain_from..i].to_owned())));
            }
            out.push(Event::InlineHtml(html.into()));
            i += len;
            plain_from = i;
            prev = text[..i].chars().next_back();
            continue;
        }
        prev = Some(c);
        i += c.len_utf8();
    }
    if plain_from < text.len() {
        out.push(Event::Text(CowStr::from(text[plain_from..].to_owned())));
    }
}

/// A link may start at the start of the text or after anything but a word character or a
/// character that joins words into an address.
fn starts_word(prev: Option<char>) -> bool {
    prev.is_none_or(|p| !(p.is_alphanumeric() || "_-./@:#!?&%+".contains(p)))
}

/// The link that starts `text`, if any: its length and HTML.
fn link_at(text: &str, options: &Options) -> Option<(usize, String)> {
    if let Some(len) = url_len(text) {
        let url = &text[..len];
        let html = repo_link(url, options).unwrap_or_else(|| plain_link(url, options));
        return Some((len, html));
    }
    if let Some(len) = email_len(text) {
        let email = &text[..len];
        let html = format!(
            "<a href=\"mailto:{}\">{}</a>",
            escape_attr(email),
            escape_attr(email)
        );
        return Some((len, html));
    }
    if options.repo_url_shorthand || options.social_url_shorthand {
        let (len, link) = shorthand(text, options)?;
        return Some((len, link.html()));
    }
    None
}

/// The length of a URL at the start of `text`: a scheme (`http://`, `https://`, `ftp://`,
/// `ftps://`) or `www.`, then everything up to white space, less trailing punctuation and
/// unbalanced closing brackets.
fn url_len(text: &str) -> Option<usize> {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    let head = ["https://", "http://", "ftps://", "ftp://", "www."]
        .iter()
        .find(|h| lower.starts_with(**h))?;
    let mut end = text
        .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"' | '`'))
        .unwrap_or(text.len());
    loop {
        let url = &text[..end];
        let Some(last) = url.chars().next_back() else {
            break;
        };
        let strip = ".,:;!?*_~^='".contains(last)
            || (last == ')' && url.matches('(').count() < url.matches(')').count());
        if !strip {
            break;
        }
        end -= last.len_utf8();
    }
    let host = &text[head.len()..end];
    (host.contains('.') || head.ends_with("//") && !host.is_empty())
        .then_some(end)
        .filter(|_| host.chars().next().is_some_and(char::is_alphanumeric))
}

/// The length of an e-mail address at the start of `text`.
fn email_len(text: &str) -> Option<usize> {
    let local = text
        .find(|c: char| !(c.is_alphanumeric() || "._%+-".contains(c)))
        .unwrap_or(text.len());
    if local == 0 || !text[local..].starts_with('@') {
        return None;
    }
    let domain_start = local + 1;
    let domain = text[domain_start..]
        .find(|c: char| !(c.is_alphanumeric() || ".-".contains(c)))
        .map_or(text.len(), |n| domain_start + n);
    let domain_text = text[domain_start..domain].trim_end_matches(['.', '-']);
    let (name, tld) = domain_text.rsplit_once('.')?;
    (!name.is_empty() && tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
        .then_some(domain_start + domain_text.len())
}

/// A URL as a plain link (its protocol left out of the text with `hide_protocol`).
fn plain_link(url: &str, options: &Options) -> String {
    let href = if url.to_ascii_lowercase().starts_with("www.") {
        format!("http://{url}")
    } else {
        url.to_owned()
    };
    let shown = if options.hide_protocol {
        url.split_once("://").map_or(url, |(_, rest)| rest)
    } else {
        url
    };
    format!(
        "<a href=\"{}\">{}</a>",
        escape_attr(&href),
        escape_attr(shown)
    )
}

/// A link to a repository host or X, shortened, when the options ask for it.
fn repo_link(url: &str, options: &Options) -> Option<String> {
    let link: RepoLink = parse_repo_url(url, options)?;
    let social = matches!(link.provider, Provider::X | Provider::Twitter);
    let wanted = if social {
        options.social_url_shortener
    } else {
        options.repo_url_shortener
    };
    wanted.then(|| link.html())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalized_symbols_show_pulls_and_discussions_with_a_hash() {
        let html = |normalize: bool| {
            let options = Options {
                repo_url_shorthand: true,
                provider: "github".to_owned(),
                user: Some("lamplighter".to_owned()),
                repo: Some("wick".to_owned()),
                normalize_issue_symbols: normalize,
                ..Options::default()
            };
            let events = pulldown_cmark::Parser::new("Fixed by !15 after ?16.").collect();
            let mut out = String::new();
            pulldown_cmark::html::push_html(&mut out, apply(events, &options).into_iter());
            out
        };
        let normalized = html(true);
        assert!(normalized.contains(">#15</a> after"), "{normalized}");
        assert!(normalized.contains("/discussions/16\""), "{normalized}");
        assert!(normalized.contains(">#16</a>."), "{normalized}");
        let plain = html(false);
        assert!(
            plain.contains(">!15</a>") && plain.contains(">?16</a>"),
            "{plain}"
        );
    }
}

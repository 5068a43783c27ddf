//! The repository links of pymdownx.magiclink ([`super::magiclink`]): reading a GitHub,
//! GitLab, Bitbucket (or `custom:` host) or X URL and a shorthand (`@user`, `user/repo#12`,
//! `#12`, a commit hash) into one [`RepoLink`], and writing it as MkDocs does:
//! `<a class="magiclink magiclink-github magiclink-issue" href=… title="GitHub Issue: u/r #12">`.

use super::super::escape_attr;
use super::magiclink::Options;

/// What kind of site a provider is; it decides the URL paths and the length of short hashes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    GitHub,
    GitLab,
    Bitbucket,
    Social,
}

/// A site links go to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Provider {
    Repos {
        /// In the class (`magiclink-github`) and the `provider:` shorthand.
        name: String,
        label: String,
        host: String,
        kind: Kind,
    },
    X,
    Twitter,
}

/// What a link points at.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Target {
    User,
    Repository,
    Issue(String),
    Pull(String),
    Discussion(String),
    Commit(String),
    Compare(String, String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct RepoLink {
    pub(super) provider: Provider,
    user: String,
    repo: String,
    target: Target,
    /// The text leaves out `user/repo` (the site's own repository).
    own_repo: bool,
    /// The text leaves out `user/` (the site's own user).
    own_user: bool,
    /// The URL as written, for a shortened URL (it stays the link's address).
    written: Option<String>,
}

fn known(name: &str, options: &Options) -> Option<Provider> {
    let repos = |name: &str, label: &str, host: &str, kind| Provider::Repos {
        name: name.to_owned(),
        label: label.to_owned(),
        host: host.to_owned(),
        kind,
    };
    match name {
        "github" => Some(repos(
            "github",
            "GitHub",
            "https://github.com",
            Kind::GitHub,
        )),
        "gitlab" => Some(repos(
            "gitlab",
            "GitLab",
            "https://gitlab.com",
            Kind::GitLab,
        )),
        "bitbucket" => Some(repos(
            "bitbucket",
            "Bitbucket",
            "https://bitbucket.org",
            Kind::Bitbucket,
        )),
        "x" => Some(Provider::X),
        "twitter" => Some(Provider::Twitter),
        _ => options
            .custom
            .iter()
            .find(|(n, ..)| n == name)
            .map(|(n, host, label, kind)| {
                let kind = match kind.as_str() {
                    "gitlab" => Kind::GitLab,
                    "bitbucket" => Kind::Bitbucket,
                    _ => Kind::GitHub,
                };
                repos(n, label, host.trim_end_matches('/'), kind)
            }),
    }
}

/// The site's own provider: `provider:` when it is one answerbook knows, else GitHub.
fn default_provider(options: &Options) -> Provider {
    known(&options.provider, options).unwrap_or_else(|| known("github", options).expect("known"))
}

impl Provider {
    fn parts(&self) -> (&str, &str, &str, Kind) {
        match self {
            Provider::Repos {
                name,
                label,
                host,
                kind,
            } => (name, label, host, *kind),
            Provider::X => ("x", "X", "https://x.com", Kind::Social),
            Provider::Twitter => ("twitter", "Twitter", "https://twitter.com", Kind::Social),
        }
    }
}

/// Pages of a host that are not users.
const NOT_USERS: &[&str] = &[
    "about",
    "apps",
    "blog",
    "collections",
    "compose",
    "contact",
    "enterprise",
    "events",
    "explore",
    "features",
    "hashtag",
    "home",
    "i",
    "intent",
    "issues",
    "join",
    "login",
    "marketplace",
    "messages",
    "new",
    "notifications",
    "orgs",
    "organizations",
    "pricing",
    "pulls",
    "search",
    "security",
    "settings",
    "share",
    "signup",
    "site",
    "sponsors",
    "support",
    "topics",
    "trending",
];

/// Reads a URL of a known host into a link.
pub(super) fn parse_repo_url(url: &str, options: &Options) -> Option<RepoLink> {
    let (scheme, rest) = url.split_once("://")?;
    let mut candidates = vec!["github", "gitlab", "bitbucket", "x", "twitter"];
    candidates.extend(options.custom.iter().map(|(n, ..)| n.as_str()));
    let (provider, path) = candidates.into_iter().find_map(|name| {
        let provider = known(name, options)?;
        let (_, _, host, _) = provider.parts();
        let (host_scheme, host_name) = host.split_once("://")?;
        let path = rest.strip_prefix(host_name).or_else(|| {
            rest.strip_prefix("www.")
                .and_then(|r| r.strip_prefix(host_name))
        })?;
        let same_scheme = scheme.eq_ignore_ascii_case(host_scheme)
            || (scheme == "http" && host_scheme == "https");
        (same_scheme && (path.is_empty() || path.starts_with('/'))).then_some((provider, path))
    })?;
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let kind = provider.parts().3;
    let user = *segments.first()?;
    if NOT_USERS.contains(&user.to_ascii_lowercase().as_str()) || !is_name(user) {
        return None;
    }
    if kind == Kind::Social {
        let mut link = link(provider, user, "", Target::User, options);
        link.written = Some(url.to_owned());
        return (segments.len() == 1).then_some(link);
    }
    let Some(&repo) = segments.get(1) else {
        let mut link = link(provider, user, "", Target::User, options);
        link.written = Some(url.to_owned());
        return Some(link);
    };
    let mut rest = &segments[2..];
    if rest.first() == Some(&"-") {
        rest = &rest[1..];
    }
    let number = |n: &&str| n.bytes().all(|b| b.is_ascii_digit()).then(|| n.to_string());
    let target = match rest {
        [] => Target::Repository,
        ["issues", n, ..] => Target::Issue(number(n)?),
        ["pull", n, ..] if kind == Kind::GitHub => Target::Pull(number(n)?),
        ["merge_requests", n, ..] if kind == Kind::GitLab => Target::Pull(number(n)?),
        ["pull-requests", n, ..] if kind == Kind::Bitbucket => Target::Pull(number(n)?),
        ["discussions", n, ..] if kind == Kind::GitHub => Target::Discussion(number(n)?),
        ["commit", h] | ["commits", "commit", h] | ["commits", h] if is_hash(h) => {
            Target::Commit(h.to_string())
        }
        ["compare", range] if kind != Kind::Bitbucket => {
            let (a, b) = range.split_once("...")?;
            (is_hash(a) && is_hash(b)).then(|| Target::Compare(a.into(), b.into()))?
        }
        _ => return None,
    };
    let mut link = link(provider, user, repo, target, options);
    link.written = Some(url.to_owned());
    Some(link)
}

fn link(provider: Provider, user: &str, repo: &str, target: Target, options: &Options) -> RepoLink {
    let own_user = provider == default_provider(options) && options.user.as_deref() == Some(user);
    let own_repo = own_user && options.repo.as_deref() == Some(repo);
    RepoLink {
        provider,
        user: user.to_owned(),
        repo: repo.to_owned(),
        target,
        own_repo,
        own_user,
        written: None,
    }
}

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

fn is_hash(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Reads a shorthand at the start of `text`: its length and link.
pub(super) fn shorthand(text: &str, options: &Options) -> Option<(usize, RepoLink)> {
    let (len, link) = read_shorthand(text, options)?;
    // A shorthand ends where a word does.
    let next = text[len..].chars().next();
    next.is_none_or(|c| !(c.is_alphanumeric() || c == '_'))
        .then_some((len, link))
}

fn read_shorthand(text: &str, options: &Options) -> Option<(usize, RepoLink)> {
    let name_len = |s: &str, extra: &str| {
        s.find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_' || extra.contains(c)))
            .unwrap_or(s.len())
    };
    let (mention, body) = match text.strip_prefix('@') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    // `provider:` before the user.
    let word = name_len(body, "");
    let (provider, start) = match body[word..].strip_prefix(':') {
        Some(_) => (Some(known(&body[..word], options)?), word + 1),
        None => (None, 0),
    };
    let offset = text.len() - body.len() + start;
    let body = &body[start..];
    let provider = provider.unwrap_or_else(|| default_provider(options));
    let social = matches!(provider, Provider::X | Provider::Twitter);
    if (social && !options.social_url_shorthand) || (!social && !options.repo_url_shorthand) {
        return None;
    }
    if social {
        // X user names: letters, digits and `_`, up to 15.
        let n = body
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(body.len());
        return (mention && (1..=15).contains(&n)).then(|| {
            (
                offset + n,
                link(provider, &body[..n], "", Target::User, options),
            )
        });
    }
    let kind = provider.parts().3;
    let user_len = name_len(body, "");
    let after = &body[user_len..];
    let repo_len = |r: &str| name_len(r, ".").min(r.trim_end_matches('.').len());
    if let Some(r) = after.strip_prefix('/').filter(|_| user_len > 0) {
        // `user/repo` and what follows it.
        let user = &body[..user_len];
        let n = repo_len(r);
        if n == 0 {
            return None;
        }
        let repo = &r[..n];
        let used = offset + user_len + 1 + n;
        if mention {
            return Some((
                used,
                link(provider, user, repo, Target::Repository, options),
            ));
        }
        let (m, target) = reference(&r[n..], kind)?;
        return Some((used + m, link(provider, user, repo, target, options)));
    }
    if mention {
        if user_len == 0 || is_hash(&body[..user_len]) {
            return None;
        }
        let user = &body[..user_len];
        return Some((
            offset + user_len,
            link(provider, user, "", Target::User, options),
        ));
    }
    if start > 0 {
        return None;
    }
    let user = options.user.as_deref()?;
    // `repo#12`: a repository of the site's user.
    let n = repo_len(text);
    if n > 0
        && !is_hash(&text[..n.min(40)])
        && let Some((m, target)) = reference(&text[n..], kind)
            .filter(|_| !text[n..].starts_with(|c: char| c.is_ascii_hexdigit()))
    {
        return Some((n + m, link(provider, user, &text[..n], target, options)));
    }
    // `#12`, `!3`, `?4`, a commit hash: the site's own repository.
    let repo = options.repo.as_deref()?;
    let (m, target) = reference(text, kind)?;
    if matches!(target, Target::Commit(_) | Target::Compare(..)) && text.starts_with('@') {
        return None;
    }
    Some((m, link(provider, user, repo, target, options)))
}

/// `#12`, `!3`, `?4`, `@hash`, `@hash...hash` (the `@` only after `user/repo`), or a bare hash.
fn reference(text: &str, kind: Kind) -> Option<(usize, Target)> {
    let digits = |s: &str| {
        let n = s.bytes().take_while(u8::is_ascii_digit).count();
        (n > 0).then(|| s[..n].to_owned())
    };
    let mut chars = text.chars();
    match chars.next()? {
        '#' => digits(&text[1..]).map(|n| (n.len() + 1, Target::Issue(n))),
        '!' => digits(&text[1..]).map(|n| (n.len() + 1, Target::Pull(n))),
        '?' if kind == Kind::GitHub => {
            digits(&text[1..]).map(|n| (n.len() + 1, Target::Discussion(n)))
        }
        '@' => hashes(&text[1..]).map(|(n, t)| (n + 1, t)),
        _ => hashes(text),
    }
}

fn hashes(text: &str) -> Option<(usize, Target)> {
    let a = text.get(..40).filter(|h| is_hash(h))?;
    if let Some(b) = text[40..]
        .strip_prefix("...")
        .and_then(|r| r.get(..40))
        .filter(|h| is_hash(h))
    {
        return Some((83, Target::Compare(a.into(), b.into())));
    }
    Some((40, Target::Commit(a.into())))
}

impl RepoLink {
    /// The link as MkDocs writes it.
    pub(super) fn html(&self) -> String {
        let (name, label, host, kind) = self.provider.parts();
        let short = |h: &str| h[..if kind == Kind::GitLab { 8 } else { 7 }].to_owned();
        let (user, repo) = (&self.user, &self.repo);
        let whole = format!("{user}/{repo}");
        let prefix = match (self.own_repo, self.own_user) {
            (true, _) => "",
            (false, true) => repo.as_str(),
            (false, false) => whole.as_str(),
        };
        let gitlab = if kind == Kind::GitLab { "/-" } else { "" };
        let (class, href, title, text) = match &self.target {
            Target::User => (
                "mention",
                format!("{host}/{user}"),
                format!("{label} User: {user}"),
                format!("@{user}"),
            ),
            Target::Repository => (
                "repository",
                format!("{host}/{whole}"),
                format!("{label} Repository: {whole}"),
                whole.clone(),
            ),
            Target::Issue(n) => (
                "issue",
                format!("{host}/{whole}{gitlab}/issues/{n}"),
                format!("{label} Issue: {whole} #{n}"),
                format!("{prefix}#{n}"),
            ),
            Target::Pull(n) => {
                let path = match kind {
                    Kind::GitLab => "/-/merge_requests",
                    Kind::Bitbucket => "/pull-requests",
                    _ => "/pull",
                };
                (
                    "pull",
                    format!("{host}/{whole}{path}/{n}"),
                    format!("{label} Pull Request: {whole} #{n}"),
                    format!("{prefix}!{n}"),
                )
            }
            Target::Discussion(n) => (
                "discussion",
                format!("{host}/{whole}/discussions/{n}"),
                format!("{label} Discussion: {whole} #{n}"),
                format!("{prefix}?{n}"),
            ),
            Target::Commit(h) => {
                let path = match kind {
                    Kind::Bitbucket => "/commits/commit",
                    _ => "/commit",
                };
                let at = if prefix.is_empty() { "" } else { "@" };
                (
                    "commit",
                    format!("{host}/{whole}{gitlab}{path}/{h}"),
                    format!("{label} Commit: {whole}@{}", short(h)),
                    format!("{prefix}{at}{}", short(h)),
                )
            }
            Target::Compare(a, b) => {
                let at = if prefix.is_empty() { "" } else { "@" };
                let range = format!("{}...{}", short(a), short(b));
                let href = match kind {
                    Kind::Bitbucket => format!("{host}/{whole}/branches/commits/{a}..{b}#diff"),
                    _ => format!("{host}/{whole}{gitlab}/compare/{a}...{b}"),
                };
                (
                    "compare",
                    href,
                    format!("{label} Compare: {whole}@{range}"),
                    format!("{prefix}{at}{range}"),
                )
            }
        };
        format!(
            "<a class=\"magiclink magiclink-{name} magiclink-{class}\" href=\"{}\" title=\"{}\">{}</a>",
            escape_attr(self.written.as_deref().unwrap_or(&href)),
            escape_attr(&title),
            escape_attr(&text)
        )
    }
}

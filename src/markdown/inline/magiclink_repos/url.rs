//! Repository and user links read from a URL of a known host (`https://github.com/u/r/pull/3`),
//! for [`super`]: the link keeps the URL as written for its address.

use super::super::magiclink::Options;
use super::{Kind, RepoLink, Target, is_hash, known, link};

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
pub(in super::super) fn parse_repo_url(url: &str, options: &Options) -> Option<RepoLink> {
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

fn is_name(s: &str) -> bool {
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

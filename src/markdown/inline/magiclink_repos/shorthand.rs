//! Repository and user links read from a shorthand (`@user`, `user/repo#12`, `repo!3`, `#12`,
//! a commit hash; `provider:` before a user), for [`super`].

use super::super::magiclink::Options;
use super::{Kind, Provider, RepoLink, Target, default_provider, is_hash, known, link};

/// Reads a shorthand at the start of `text`: its length and link.
pub(in super::super) fn shorthand(text: &str, options: &Options) -> Option<(usize, RepoLink)> {
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

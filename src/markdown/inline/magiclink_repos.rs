//! The repository links of pymdownx.magiclink ([`super::magiclink`]): reading a GitHub,
//! GitLab, Bitbucket (or `custom:` host) or X URL and a shorthand (`@user`, `user/repo#12`,
//! `#12`, a commit hash) into one [`RepoLink`], and writing it as MkDocs does:
//! `<a class="magiclink magiclink-github magiclink-issue" href=… title="GitHub Issue: u/r #12">`.
//! URLs are read in `url`, shorthands in `shorthand`.

mod shorthand;
mod url;

use super::super::escape_attr;
use super::magiclink::Options;
pub(super) use shorthand::shorthand;
pub(super) use url::parse_repo_url;

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
    /// Pull requests and discussions are shown `#12` too (`normalize_issue_symbols`).
    normalize: bool,
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
        normalize: options.normalize_issue_symbols,
        written: None,
    }
}

fn is_hash(s: &str) -> bool {
    s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit())
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
        let symbol = |own: char| if self.normalize { '#' } else { own };
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
                    format!("{prefix}{}{n}", symbol('!')),
                )
            }
            Target::Discussion(n) => (
                "discussion",
                format!("{host}/{whole}/discussions/{n}"),
                format!("{label} Discussion: {whole} #{n}"),
                format!("{prefix}{}{n}", symbol('?')),
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

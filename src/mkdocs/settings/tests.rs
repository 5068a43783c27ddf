use super::*;

fn read(text: &str) -> Project {
    parse(text, Path::new("mkdocs.yml"), &|name| {
        (name == "SITE").then(|| "https://env.example.org/".to_owned())
    })
    .unwrap()
}

#[test]
fn site_settings_map_onto_the_config() {
    let p = read(concat!(
        "site_name: My docs\n",
        "site_url: !ENV [SITE, 'https://fallback.example.org/']\n",
        "site_description: What it is\n",
        "site_author: Ann\n",
        "copyright: (c) Ann\n",
        "docs_dir: pages\n",
        "theme:\n",
        "  name: material\n",
        "  language: de\n",
        "extra:\n",
        "  meta:\n",
        "    - name: robots\n",
        "      content: noindex\n",
        "  social: [{icon: x}]\n",
    ));
    let c = &p.config;
    assert_eq!(c.title, "My docs");
    assert_eq!(c.base_url, "https://env.example.org/");
    assert_eq!(c.description, "What it is");
    assert_eq!(c.author.as_deref(), Some("Ann"));
    assert_eq!(c.copyright.as_deref(), Some("(c) Ann"));
    assert_eq!(c.language, "de");
    assert_eq!(p.docs_dir, Path::new("pages"));
    assert_eq!(
        c.meta,
        [MetaTag {
            name: "robots".into(),
            content: "noindex".into()
        }]
    );
    assert!(c.extra.contains_key("social") && !c.extra.contains_key("meta"));
    assert_eq!(
        p.notes.iter().map(ToString::to_string).collect::<Vec<_>>(),
        ["mkdocs.yml: note: ignored keys: theme.name"]
    );
}

#[test]
fn unsupported_keys_are_one_note() {
    let p = read(concat!(
        "site_name: x\n",
        "repo_url: https://example.org/r\n",
        "plugins: [search]\n",
        "hooks: [a.py]\n",
        "use_directory_urls: true\n",
        "theme:\n",
        "  name: material\n",
        "  custom_dir: overrides\n",
        "  features: [navigation.tabs]\n",
    ));
    let notes: Vec<String> = p.notes.iter().map(ToString::to_string).collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    assert_eq!(
        notes[0],
        "mkdocs.yml:8: note: theme.custom_dir 'overrides' is ignored: its overrides are Jinja templates for MkDocs; answerbook's themes are Tera (themes/<name>/templates/)"
    );
    assert_eq!(
        notes[1],
        "mkdocs.yml: note: ignored keys: hooks, plugins, repo_url, theme.features, theme.name"
    );
}

#[test]
fn copyright_html_becomes_text() {
    assert_eq!(
        html_to_text("Copyright &copy; 2016 - 2026 <a href=\"x\">Martin</a> &amp; co &#8212; AT&T"),
        "Copyright © 2016 - 2026 Martin & co — AT&T"
    );
}

#[test]
fn defaults() {
    let p = read("site_name: x\n");
    assert_eq!(p.docs_dir, Path::new("docs"));
    assert_eq!(p.config.base_url, "/");
    assert!(p.nav.is_none() && p.notes.is_empty());
    assert!(!p.features.admonition);
}

#[test]
fn wrong_types_name_the_line() {
    let err = parse(
        "site_name: x\nsite_url: [a, b]\n",
        Path::new("mkdocs.yml"),
        &|_| None,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "mkdocs.yml:2: error: `site_url` must be text"
    );
    let err = parse(
        "site_name: x\nextra:\n  meta:\n    - name: a\n",
        Path::new("mkdocs.yml"),
        &|_| None,
    )
    .unwrap_err();
    assert_eq!(err.line, Some(4), "{err}");
}

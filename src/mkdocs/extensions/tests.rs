use std::path::Path;

use super::*;
use crate::mkdocs::tree;

fn read_yaml(text: &str) -> Extensions {
    let t = tree::parse(text, Path::new("mkdocs.yml")).unwrap();
    read(t.get("markdown_extensions"))
}

#[test]
fn listed_extensions_turn_their_syntax_on() {
    let e = read_yaml(concat!(
        "markdown_extensions:\n",
        "  - admonition\n",
        "  - pymdownx.details\n",
        "  - markdown.extensions.footnotes\n",
        "  - pymdownx.tabbed:\n",
        "      alternate_style: true\n",
        "  - pymdownx.blocks.admonition\n",
        "  - pymdownx.emoji:\n",
        "      emoji_generator: !!python/name:material.extensions.emoji.to_svg\n",
        "  - pymdownx.superfences\n",
    ));
    let f = &e.features;
    assert!(f.admonition && f.details && f.footnotes && f.tabbed);
    assert!(f.blocks.admonition.is_some() && !f.blocks.tab);
    assert!(!f.attr_list && !f.abbr && !f.def_list && !f.md_in_html && f.tasklist.is_none());
    assert!(f.inline.emoji.is_some());
    assert!(e.unsupported.is_empty(), "{:?}", e.unsupported);
}

#[test]
fn no_list_means_plain_markdown() {
    let e = read_yaml("site_name: x\n");
    assert!(!e.features.admonition && !e.features.footnotes);
    assert_eq!(e.features.slugs, SlugStyle::Toc);
}

#[test]
fn extra_is_its_parts() {
    let e = read_yaml("markdown_extensions: [extra]\n");
    let f = &e.features;
    assert!(f.abbr && f.attr_list && f.def_list && f.footnotes && f.md_in_html);
    assert!(!f.admonition);
}

#[test]
fn toc_slugify_picks_the_slug_style() {
    let lower = read_yaml(concat!(
        "markdown_extensions:\n",
        "  - toc:\n",
        "      slugify: !!python/object/apply:pymdownx.slugs.slugify\n",
        "        kwds:\n",
        "          case: lower\n",
    ));
    assert_eq!(lower.features.slugs, SlugStyle::Unicode { lowercase: true });
    let cased = read_yaml(concat!(
        "markdown_extensions:\n",
        "  toc:\n",
        "    slugify: !!python/name:pymdownx.slugs.uslugify_cased\n",
    ));
    assert_eq!(
        cased.features.slugs,
        SlugStyle::Unicode { lowercase: false }
    );
    let unknown = read_yaml(concat!(
        "markdown_extensions:\n",
        "  - toc:\n",
        "      slugify: !!python/name:my.own.slugify\n",
    ));
    assert_eq!(unknown.features.slugs, SlugStyle::Toc);
    assert_eq!(unknown.unknown_slugify, Some(("my.own.slugify".into(), 3)));
}

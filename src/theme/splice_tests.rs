//! A page rendered with its long values spliced in is the page rendered with them in its
//! context, for the default theme and for one that keeps them from being spliced.

use std::borrow::Cow;
use std::collections::BTreeMap;

use super::{Fill, Slot, Theme};
use crate::config::SiteConfig;
use crate::context::{HeadView, PageView, SiteView, SocialView, TemplateContext};
use crate::walk::Policy;

/// A question's context around `content`, `sidebar` and `json_ld`.
fn context<'a>(
    site: &'a SiteView<'a>,
    extra: &'a BTreeMap<String, serde_json::Value>,
    content: &'a str,
    sidebar: Cow<'a, str>,
    json_ld: Cow<'a, str>,
) -> TemplateContext<'a> {
    TemplateContext {
        site,
        page: PageView {
            title: "T",
            description: None,
            content,
            kind: "page",
            path: "t/",
            permalink: "/t/".into(),
            date: None,
            updated: None,
            summary: None,
            has_h1: false,
            diagrams: false,
            toc: &[],
            tags: Vec::new(),
            extra,
        },
        head: HeadView {
            title: "T".into(),
            description: None,
            canonical: None,
            meta: Vec::new(),
            json_ld: Some(json_ld),
            social: SocialView::default(),
        },
        root: "../".into(),
        breadcrumbs: Vec::new(),
        pages: Vec::new(),
        sections: Vec::new(),
        sidebar_html: Some(sidebar),
        prev: None,
        next: None,
        related: Vec::new(),
    }
}

fn theme(templates: &[(&str, &str)]) -> Theme {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("themes/t/templates");
    std::fs::create_dir_all(&folder).unwrap();
    for (name, text) in templates {
        std::fs::write(folder.join(name), text).unwrap();
    }
    let policy = Policy {
        site_dir: dir.path().to_owned(),
        out_dir: dir.path().join("public"),
        follow_outside: false,
        opt_in_hint: None,
    };
    Theme::load(dir.path(), "t", &policy).unwrap().0
}

/// `page.html` rendered both ways, the sidebar given in three parts.
fn both_ways(theme: &Theme, content: &str, sidebar: [&str; 3], json_ld: &str) -> (String, String) {
    let config = SiteConfig::default();
    let site = SiteView::new(&config, "/".into());
    let extra = BTreeMap::new();
    let whole = sidebar.concat();
    let plain = context(
        &site,
        &extra,
        content,
        whole.as_str().into(),
        json_ld.into(),
    );
    let plain = theme.render("page.html", &plain, "/t/").unwrap();
    let mut fill = Fill::default();
    let content = theme.hold_text(Slot::Content, content, &mut fill);
    let sidebar = theme.hold(Slot::Sidebar, sidebar, &mut fill);
    let json_ld = theme.hold(Slot::JsonLd, [json_ld, "", ""], &mut fill);
    let spliced = context(&site, &extra, content, sidebar, json_ld);
    let site_value = tera::Value::try_from_serializable(&site).unwrap();
    let ctx = spliced.to_tera(&site_value).unwrap();
    let spliced = theme.render_with("page.html", &ctx, &fill, "/t/").unwrap();
    (plain, String::from_utf8(spliced).unwrap())
}

#[test]
fn spliced_pages_are_the_pages_rendered_plainly() {
    let own_page = "{% extends \"base.html\" %}{% block main %}{% if page.content %}<div>{{ page.content | safe }}</div>{% endif %}{% endblock main %}";
    let odd_sidebar = "{% extends \"base.html\" %}{% block main %}{{ sidebar_html | length }}|{{ page.content | safe }}{% endblock main %}";
    for templates in [
        &[][..],
        &[("page.html", own_page)],
        &[("page.html", odd_sidebar)],
    ] {
        let theme = theme(templates);
        for content in ["", "<p>Q &amp; A</p>", "<p>é \u{FDD0}</p>"] {
            for sidebar in [["<nav>", " aria-current=\"page\"", "</nav>"], ["", "", ""]] {
                for json_ld in ["", "{\"a\":\"\\u003c\"}"] {
                    let (plain, spliced) = both_ways(&theme, content, sidebar, json_ld);
                    assert_eq!(plain, spliced, "{templates:?} {content:?} {sidebar:?}");
                }
            }
        }
    }
}

#[test]
fn values_used_otherwise_are_not_spliced() {
    let odd_sidebar = "{{ sidebar_html | length }}{{ page.content | safe }}";
    let theme = theme(&[("page.html", odd_sidebar)]);
    assert_eq!(theme.splices, [true, false, true]);
    let mut fill = Fill::default();
    assert_eq!(theme.hold(Slot::Sidebar, ["a", "b", ""], &mut fill), "ab");
    assert_eq!(
        theme.hold_text(Slot::Content, "c", &mut fill),
        Slot::Content.marker()
    );
}

//! Site-wide files: sitemap.xml, robots.txt, 404.html, the stylesheet, and how `--base-url`
//! with a sub-path shows in them while links between pages stay relative.

mod common;

use common::{SitemapUrl, fixture, sitemap_urls};

fn url(loc: &str, lastmod: Option<&str>) -> SitemapUrl {
    SitemapUrl {
        loc: loc.to_owned(),
        lastmod: lastmod.map(str::to_owned),
    }
}

#[test]
fn sitemap_lists_every_page_and_section_with_lastmod_from_updated_else_date() {
    let site = fixture("sections");
    site.build(&[]).expect_clean();
    let xml = site.out_text("sitemap.xml");
    assert!(
        xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"),
        "{xml}"
    );
    assert!(xml.contains(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#));
    let base = "https://sec.example.test/";
    let mut got = sitemap_urls(&xml);
    got.sort_by(|a, b| a.loc.cmp(&b.loc));
    assert_eq!(
        got,
        [
            // A section's lastmod is the latest of the pages under it.
            url(base, Some("2025-03-01T10:00:00Z")),
            url(&format!("{base}recipes/"), Some("2025-03-01T10:00:00Z")),
            url(
                &format!("{base}recipes/alpha-with-more/"),
                Some("2025-01-10")
            ),
            url(&format!("{base}recipes/beta-answer/"), Some("2025-02-01")),
            url(&format!("{base}recipes/delta-nothing/"), None),
            url(
                &format!("{base}recipes/desserts/"),
                Some("2025-03-01T10:00:00Z")
            ),
            url(
                &format!("{base}recipes/desserts/cake/"),
                Some("2025-03-01T10:00:00Z")
            ),
            url(&format!("{base}recipes/epsilon-no-heading/"), None),
            url(&format!("{base}recipes/gamma-description/"), None),
        ]
    );
}

#[test]
fn every_sitemap_url_is_a_published_page() {
    let site = fixture("faq_page");
    site.build(&[]).expect_clean();
    let urls = sitemap_urls(&site.out_text("sitemap.xml"));
    assert_eq!(urls.len(), 7);
    for u in urls {
        let path = u
            .loc
            .strip_prefix("https://notes.example.test/")
            .unwrap_or_else(|| panic!("{} is not under the base URL", u.loc));
        assert!(
            site.out().join(path).join("index.html").is_file(),
            "{}",
            u.loc
        );
    }
}

#[test]
fn robots_txt_points_at_the_sitemap_when_the_base_url_is_absolute() {
    let site = fixture("sections");
    site.build(&[]).expect_clean();
    assert_eq!(
        site.out_text("robots.txt"),
        "User-agent: *\nAllow: /\n\nSitemap: https://sec.example.test/sitemap.xml\n"
    );
}

#[test]
fn robots_txt_has_no_sitemap_line_without_an_absolute_base_url() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    let robots = site.out_text("robots.txt");
    assert_eq!(robots, "User-agent: *\nAllow: /\n");
}

#[test]
fn not_found_page_links_with_absolute_paths() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    let doc = site.page("404.html");
    assert_eq!(doc.text("article h1"), "Page not found");
    assert_eq!(
        doc.attr(r#"link[rel="stylesheet"]"#, "href"),
        "/assets/style.css"
    );
    assert_eq!(doc.attr("a.site-title", "href"), "/");
    assert!(!doc.has(r#"link[rel="canonical"]"#));
    assert!(doc.json_ld().is_empty());
}

#[test]
fn stylesheet_is_published() {
    let site = fixture("minimal");
    site.build(&[]).expect_clean();
    let css = site.out_text("assets/style.css");
    assert!(!css.trim().is_empty());
}

#[test]
fn content_file_of_the_same_name_replaces_a_generated_file() {
    let site = fixture("minimal");
    site.write("content/robots.txt", "User-agent: *\nDisallow: /private/\n");
    site.build(&[]).expect_clean();
    assert_eq!(
        site.out_text("robots.txt"),
        "User-agent: *\nDisallow: /private/\n"
    );
}

#[test]
fn shipped_files_like_cname_and_llms_txt_are_published_as_they_are() {
    let site = fixture("minimal");
    site.write("content/CNAME", "kb.example.test\n");
    site.write(
        "content/llms.txt",
        "# Knowledge base\n\n- [Start](/start/)\n",
    );
    site.build(&["--strict"]).expect_clean();
    assert_eq!(site.out_text("CNAME"), "kb.example.test\n");
    assert_eq!(
        site.out_text("llms.txt"),
        "# Knowledge base\n\n- [Start](/start/)\n"
    );
}

// ------------------------------------------------------------------------ --base-url /kb/

const KB: &str = "https://docs.example.test/kb/";

fn built_under_kb() -> common::Site {
    let site = fixture("links");
    site.build(&["--base-url", KB]).expect_clean();
    site
}

#[test]
fn base_url_with_sub_path_is_used_by_canonical_links() {
    let site = built_under_kb();
    assert_eq!(
        site.page("lists/how-to-reverse-a-list/")
            .attr(r#"link[rel="canonical"]"#, "href"),
        "https://docs.example.test/kb/lists/how-to-reverse-a-list/"
    );
    assert_eq!(
        site.page("").attr(r#"link[rel="canonical"]"#, "href"),
        "https://docs.example.test/kb/"
    );
    assert_eq!(
        site.page("sorting/")
            .attr(r#"link[rel="canonical"]"#, "href"),
        "https://docs.example.test/kb/sorting/"
    );
}

#[test]
fn base_url_with_sub_path_is_used_by_the_sitemap_and_robots_txt_is_left_out() {
    let site = built_under_kb();
    let mut locs: Vec<String> = sitemap_urls(&site.out_text("sitemap.xml"))
        .into_iter()
        .map(|u| u.loc)
        .collect();
    locs.sort();
    assert_eq!(
        locs,
        [
            "https://docs.example.test/kb/",
            "https://docs.example.test/kb/lists/",
            "https://docs.example.test/kb/lists/how-to-reverse-a-list/",
            "https://docs.example.test/kb/sorting/",
            "https://docs.example.test/kb/sorting/how-to-sort-in-place/",
        ]
    );
    // Crawlers read robots.txt only at the root of a host, never under /kb/.
    assert!(!site.out().join("robots.txt").exists());
    let check = site.run(&["check", "site", "--base-url", KB, "--format", "json"]);
    assert!(
        check.stdout.contains(
            r#"{"file":"robots.txt","line":null,"column":null,"severity":"note","message":"not written: crawlers read robots.txt only at the root of a host (/robots.txt), and this site is published under /kb/"}"#
        ),
        "{}",
        check.stdout
    );
}

#[test]
fn not_found_page_links_under_the_base_path() {
    let site = built_under_kb();
    let doc = site.page("404.html");
    assert_eq!(
        doc.attr(r#"link[rel="stylesheet"]"#, "href"),
        "/kb/assets/style.css"
    );
    let hrefs = doc.attrs("a", "href");
    assert!(!hrefs.is_empty());
    for href in hrefs {
        // In-page links (the skip link) hold wherever the page is served.
        assert!(
            href.starts_with("/kb/") || href.starts_with('#'),
            "{href} is not under /kb/"
        );
    }
}

#[test]
fn page_links_stay_relative_under_a_base_url() {
    let site = built_under_kb();
    let doc = site.page("lists/how-to-reverse-a-list/");
    assert_eq!(
        doc.href_of("sorting in place"),
        "../../sorting/how-to-sort-in-place/#the-key-argument"
    );
    assert_eq!(doc.attr("article img", "src"), "../img/slice-diagram.png");
    assert_eq!(
        doc.attr(r#"link[rel="stylesheet"]"#, "href"),
        "../../assets/style.css"
    );
    assert_eq!(doc.attr("a.site-title", "href"), "../../");
    for href in doc.attrs("a", "href") {
        assert!(!href.contains("docs.example.test"), "absolute link {href}");
        assert!(!href.starts_with("/kb"), "root-relative link {href}");
    }
}

#[test]
fn base_url_flag_overrides_site_yaml() {
    let site = fixture("sections");
    site.build(&["--base-url", "https://other.example.test/sub"])
        .expect_clean();
    assert_eq!(
        site.page("recipes/")
            .attr(r#"link[rel="canonical"]"#, "href"),
        "https://other.example.test/sub/recipes/"
    );
    assert!(
        sitemap_urls(&site.out_text("sitemap.xml"))
            .iter()
            .all(|u| u.loc.starts_with("https://other.example.test/sub/"))
    );
}

#[test]
fn path_only_base_url_gives_no_canonical_but_a_rooted_404() {
    let site = fixture("links");
    site.build(&["--base-url", "/kb/"]).expect_clean();
    assert!(!site.page("lists/").has(r#"link[rel="canonical"]"#));
    assert_eq!(site.page("404.html").attr("a.site-title", "href"), "/kb/");
    // Crawlers read robots.txt only at a host's root: none under a sub-path.
    assert!(!site.out().join("robots.txt").exists());
}

#[test]
fn a_404_page_in_content_replaces_the_generated_one() {
    let site = fixture("not_found_page");
    site.build(&["--strict", "--base-url", "https://docs.example.test/kb/"])
        .expect_clean();
    let doc = common::Doc::read(&site.out(), "404.html");
    assert!(doc.text("article h1").starts_with("Lost in the stacks"));
    // Served at any URL, so its links are absolute paths under the base path.
    assert_eq!(doc.href_of("getting started guide"), "/kb/guides/start/");
    assert_eq!(doc.href_of("home page"), "/kb/");
    assert_eq!(
        doc.attr("link[rel=stylesheet]", "href"),
        "/kb/assets/style.css"
    );
    assert!(!doc.has("link[rel=canonical]"));
    assert!(!doc.has(r#"script[type="application/ld+json"]"#));
    assert!(!site.out().join("404").exists(), "no 404/index.html page");
    let sitemap = site.out_text("sitemap.xml");
    assert!(!sitemap.contains("404"), "{sitemap}");
    let home = site.page("");
    assert!(
        home.all("ul.question-list a").is_empty(),
        "the 404 page is not listed"
    );
}

#[test]
fn sections_carry_the_latest_lastmod_of_the_pages_under_them() {
    let site = fixture("sections");
    // A time zone ahead of UTC: 2025-03-02T00:30+02:00 is before 2025-03-01T23:00Z.
    site.write(
        "content/recipes/desserts/pie.md",
        "---\ntitle: Pie\ndate: 2025-03-02T00:30:00+02:00\n---\n\nPie.\n",
    );
    site.write(
        "content/recipes/desserts/tart.md",
        "---\ntitle: Tart\nupdated: 2025-03-01T23:00:00Z\n---\n\nTart.\n",
    );
    site.build(&[]).expect_clean();
    let urls = common::sitemap_urls(&site.out_text("sitemap.xml"));
    let lastmod = |loc: &str| {
        urls.iter()
            .find(|u| u.loc == format!("https://sec.example.test/{loc}"))
            .unwrap_or_else(|| panic!("no {loc} in {urls:?}"))
            .lastmod
            .clone()
    };
    let latest = Some("2025-03-01T23:00:00Z".to_owned());
    assert_eq!(lastmod("recipes/desserts/"), latest);
    assert_eq!(
        lastmod("recipes/"),
        latest,
        "a section includes its sub-sections"
    );
    assert_eq!(lastmod(""), latest, "the home page is the top section");
}

#[test]
fn sitemap_locations_are_xml_escaped() {
    let site = fixture("sections");
    site.write("content/recipes/salt&pepper.md", "# Salt and pepper\n");
    site.build(&[]).expect_clean();
    let xml = site.out_text("sitemap.xml");
    assert!(
        xml.contains("<loc>https://sec.example.test/recipes/salt&amp;pepper/</loc>"),
        "{xml}"
    );
    assert!(!xml.contains("salt&pepper"), "{xml}");
    assert!(site.out().join("recipes/salt&pepper/index.html").is_file());
}

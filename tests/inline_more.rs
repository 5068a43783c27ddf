//! More inline syntaxes of pymdown-extensions in an MkDocs project, as a reader gets them:
//! keyboard keys (pymdownx.keys). The page is tests/fixtures/mkdocs_inline_more/docs/index.md.

mod common;

use common::{Doc, fixture, text_of};

fn page() -> Doc {
    let site = fixture("mkdocs_inline_more");
    site.build(&["--strict"]).expect_clean();
    site.page("")
}

fn paragraph(doc: &Doc, starts: &str) -> String {
    let p = doc
        .all("article p")
        .into_iter()
        .find(|p| text_of(*p).starts_with(starts))
        .unwrap_or_else(|| panic!("a paragraph starting {starts:?}"));
    p.inner_html()
}

#[test]
fn keys_become_kbd_elements_with_their_labels() {
    let doc = page();
    assert_eq!(
        doc.texts("span.keys kbd"),
        ["Ctrl", "S", "Cmd", "S", "Lamp Switch"]
    );
    // The quoted key has no class.
    assert_eq!(
        doc.attrs("span.keys kbd", "class"),
        ["key-control", "key-s", "key-command", "key-lamp"]
    );
    assert_eq!(doc.texts("span.keys > span"), ["+", "+"]);
    // An unknown key, code and an escaped `+` stay as written.
    let p = paragraph(&doc, "Not keys");
    assert_eq!(
        p,
        "Not keys: ++ctrl+teapot++, <code>++ctrl+c++</code> and ++alt++."
    );
}

#[test]
fn a_backslash_escapes_any_character() {
    let doc = page();
    // `nbsp: true`: an escaped space is a no-break space.
    assert_eq!(
        paragraph(&doc, "Escaped letters"),
        "Escaped letters: sky and 10&nbsp;km."
    );
}

#[test]
fn critic_edits_show_as_ins_del_and_comments() {
    let doc = page();
    let p = paragraph(&doc, "Edits");
    assert_eq!(
        p,
        "Edits: the tea is <del class=\"critic\">cold</del><ins class=\"critic\">hot</ins>, \
         <ins class=\"critic\">freshly</ins> <del class=\"critic\">badly</del> brewed\
         <span class=\"critic comment\">check this</span>."
    );
    // A removal of whole blocks wraps them.
    assert_eq!(doc.texts("del.critic.block li"), ["a removed list item"]);
}

#[test]
fn lines_after_critic_edits_keep_their_numbers() {
    let site = fixture("mkdocs_inline_more");
    site.write(
        "mkdocs.yml",
        "site_name: x\nmarkdown_extensions:\n  - pymdownx.critic:\n      mode: accept\n",
    );
    site.write(
        "docs/index.md",
        "# Page\n\nA {--removed\nline--} and more.\n\nSee [there](missing.md).\n",
    );
    let run = site.build(&[]);
    run.expect_code(0)
        .expect_line("docs/index.md:6: warning: broken link 'missing.md'");
    assert_eq!(site.page("").texts("article p")[0], "A and more.");
}

#[test]
fn emoji_shortcodes_and_icons_from_the_sites_icon_set() {
    let site = fixture("minimal");
    site.write(
        "content/keys.md",
        "---\ntitle: Keys\n---\n# Keys\n\nGood :smile: and :no-such-emoji:.\n\nPress :material-keyboard: now.\n",
    );
    // Without an icon set, the icon shortcode stays text and is reported at its line.
    let run = site.build(&[]);
    run.expect_code(0).expect_line(
        "content/keys.md:8: warning: `:material-keyboard:` is an icon shortcode, shown as text: \
         set `extra: icons_dir:` to a folder of icons (as Material's `.icons`) to show it",
    );
    let doc = site.page("keys/");
    let texts = doc.texts("article p");
    assert_eq!(texts[0], "Good 😄 and :no-such-emoji:.");
    assert_eq!(texts[1], "Press :material-keyboard: now.");
    // With one, it is the icon's SVG inline.
    site.write(
        "site.yaml",
        "title: Minimal answers\nextra:\n  icons_dir: icons\n",
    );
    site.write(
        "icons/material/keyboard.svg",
        "<svg viewBox=\"0 0 24 24\"><path d=\"M1 1h2\"/></svg>\n",
    );
    site.build(&["--strict"]).expect_clean();
    let doc = site.page("keys/");
    assert_eq!(
        doc.attr("article p span.twemoji svg", "viewBox"),
        "0 0 24 24"
    );
}

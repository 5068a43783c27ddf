//! Rebuilds after pages, links, settings or copied files changed: each writes what a clean
//! build of the same sources writes, and renders no more than it must.

use std::fs;
use std::time::Duration;

use super::{CACHE, HEAD, age, built, edit, rebuild_matches_clean};
use crate::common::{self, fixture, postings};

#[test]
fn an_edited_answer_is_the_only_page_rendered_and_the_site_matches_a_clean_build() {
    let site = built();
    let page = "content/tea/is-matcha-a-green-tea.md";
    edit(
        &site,
        page,
        "ground to a powder",
        "stone-ground to a fine powder",
    );
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    let answer = site.page("tea/is-matcha-a-green-tea/").faq_pages()[0]["mainEntity"][0]
        ["acceptedAnswer"]["text"]
        .clone();
    assert_eq!(
        answer,
        "Yes: it is shade-grown green tea, stone-ground to a fine powder."
    );
    // The tag pages still list the pages that were not read again.
    assert_eq!(
        site.page("tags/brewing/").texts(".question-title"),
        [
            "How long should green tea steep?",
            "What grind suits espresso?"
        ]
    );
}

#[test]
fn search_finds_a_page_by_its_new_words_and_no_longer_by_the_words_it_lost() {
    let site = built();
    let page = "content/tea/is-matcha-a-green-tea.md";
    let shard = |key: &str| common::read_text(&site.out().join(format!("search/t/{key}.json")));
    assert!(shard("whi").contains("\"whisk\""));
    edit(&site, page, "You whisk", "You stir");
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    // "whisk" was only on this page: its shard is gone; "stir" has one, naming the page.
    assert!(!site.out().join("search/t/whi.json").exists());
    let stir: Vec<String> = postings(&site, "sti", "stir")
        .into_iter()
        .map(|(url, _)| url)
        .collect();
    assert_eq!(stir, ["tea/is-matcha-a-green-tea/"]);
    // While the words no page holds are few, the next cache keeps them, numbered as they
    // were (so that it copies the entries the rebuild brought through as they were): a
    // further rebuild still gives what a clean build gives.
    let cache = fs::read(site.root().join(HEAD)).unwrap();
    assert!(cache.windows(5).any(|w| w == b"whisk"));
    assert!(cache.windows(4).any(|w| w == b"stir"));
    let other = "content/coffee/what-grind-suits-espresso.md";
    let text = common::read_text(&site.root().join(other));
    site.write(
        other,
        &format!("{text}\nStir the grounds before you tamp them.\n"),
    );
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    assert_eq!(postings(&site, "sti", "stir").len(), 2);
}

#[test]
fn once_many_words_are_on_no_page_the_cache_drops_them_and_numbers_the_rest_anew() {
    let site = built();
    let page = "content/coffee/what-grind-suits-espresso.md";
    let text = common::read_text(&site.root().join(page));
    let (front, _) = text.split_once("# What grind").unwrap();
    let body = |more: &str| {
        format!(
            "{front}# What grind suits espresso?\n\n!!! info \"In short\"\n    It is.\n\n\
             ## Grind size\n\nIt is.{more}\n\n![Beans](img/beans.svg)\n"
        )
    };
    // A dozen of the site's 51 words were only on this page, and numbered before the tea
    // pages' words: those numbers change, so the tea pages' entries are written anew.
    site.write(page, &body(""));
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    // Renumbered: a new body, and a head naming it.
    let mut cache = fs::read(site.root().join(CACHE)).unwrap();
    cache.extend(fs::read(site.root().join(HEAD)).unwrap());
    for gone in ["coarse", "sugar", "choke"] {
        assert!(
            !cache.windows(gone.len()).any(|w| w == gone.as_bytes()),
            "{gone}"
        );
    }
    // The next rebuild reads the tea pages' words by their new numbers: "bitterness" is the
    // steeping page's, and now this page's too.
    site.write(page, &body(" Bitterness comes late. Tamp the puck."));
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    assert_eq!(postings(&site, "bit", "bitterness").len(), 2);
    assert_eq!(postings(&site, "puc", "puck").len(), 1);
}

#[test]
fn a_rebuild_removes_a_file_it_wrote_and_no_longer_makes_but_not_one_put_there_by_hand() {
    let site = built();
    let hand = site.out().join("notes.txt");
    fs::write(&hand, "mine").unwrap();
    let page = "content/tea/is-matcha-a-green-tea.md";
    // "whisk" is only on this page: its shard file goes.
    edit(&site, page, "You whisk", "You stir");
    let said = site.build(&[]);
    said.expect_clean();
    assert!(said.stdout.contains("(2 unchanged)"), "{}", said.stdout);
    assert!(!site.out().join("search/t/whi.json").exists());
    assert_eq!(fs::read_to_string(&hand).unwrap(), "mine");
}

#[test]
fn words_gained_in_short_and_accented_shards_lost_or_moved_give_the_shards_of_a_clean_build() {
    let site = built();
    let page = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(page));
    // "powder" leaves the short answer for the text only; "leaves" is left to the other tea
    // page; "oz" has a shard of its own and "crème" one spelled in hex.
    let text = text.replace("ground to a powder", "finely ground").replace(
        "You whisk the powder into the water instead of steeping leaves in it.",
        "Whisk the crème and powder into water, oz by oz, instead of steeping.",
    );
    site.write(page, &text);
    rebuild_matches_clean(&site);
    let urls = |shard: &str, word: &str| -> Vec<(String, u64)> { postings(&site, shard, word) };
    let matcha = "tea/is-matcha-a-green-tea/".to_owned();
    assert_eq!(urls("x6372c3a8", "crème"), [(matcha.clone(), 8)]);
    assert_eq!(urls("oz", "oz"), [(matcha.clone(), 8)]);
    assert_eq!(urls("pow", "powder"), [(matcha, 8)]);
    let leave: Vec<String> = urls("lea", "leave").into_iter().map(|(u, _)| u).collect();
    assert_eq!(leave, ["tea/how-long-should-green-tea-steep/"]);
}

#[test]
fn added_removed_and_retitled_pages_give_what_a_clean_build_gives() {
    let site = built();
    site.write(
        "content/coffee/how-should-beans-be-stored.md",
        "---\ntitle: How should beans be stored?\n---\n\n# How should beans be stored?\n\n\
         !!! info \"In short\"\n    Airtight, dark and cool.\n",
    );
    rebuild_matches_clean(&site);
    assert!(
        site.out()
            .join("coffee/how-should-beans-be-stored/index.html")
            .is_file()
    );

    fs::remove_file(
        site.root()
            .join("content/coffee/how-should-beans-be-stored.md"),
    )
    .unwrap();
    rebuild_matches_clean(&site);
    assert!(
        !site
            .out()
            .join("coffee/how-should-beans-be-stored")
            .exists()
    );

    let page = "content/tea/is-matcha-a-green-tea.md";
    edit(
        &site,
        page,
        "title: Is matcha a green tea?",
        "title: Is matcha tea?",
    );
    rebuild_matches_clean(&site);
    assert_eq!(site.page("tea/").texts(".question-title"), {
        let mut titles = vec!["How long should green tea steep?", "Is matcha tea?"];
        titles.sort_by_key(|t| t.to_lowercase());
        titles
    });
}

#[test]
fn a_changed_heading_is_seen_by_the_anchor_check_of_unchanged_pages() {
    let site = built();
    let page = "content/coffee/what-grind-suits-espresso.md";
    edit(&site, page, "## Grind size", "## How fine");
    let run = site.build(&[]);
    run.expect_code(0).expect_line(
        "content/tea/how-long-should-green-tea-steep.md:22: warning: broken link \
         '../coffee/what-grind-suits-espresso.md#grind-size': no anchor #grind-size in \
         content/coffee/what-grind-suits-espresso.md",
    );
    // Reported again by the next build, though nothing changed in between.
    site.build(&[]).expect_code(0).expect_line(
        "content/tea/how-long-should-green-tea-steep.md:22: warning: broken link \
         '../coffee/what-grind-suits-espresso.md#grind-size': no anchor #grind-size in \
         content/coffee/what-grind-suits-espresso.md",
    );
}

#[test]
fn changed_settings_and_copied_files_give_what_a_clean_build_gives() {
    let site = built();
    site.write(
        "site.yaml",
        "title: Brewing answers\nbase_url: https://brew.example.test/\n",
    );
    let said = rebuild_matches_clean(&site);
    assert!(!said.contains("unchanged"), "{said}");
    site.write(
        "content/coffee/img/beans.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>",
    );
    rebuild_matches_clean(&site);
}

#[test]
fn the_feed_llms_txt_and_sitemap_follow_a_changed_answer_and_date() {
    let site = built();
    let read = |file: &str| common::read_text(&site.out().join(file));
    let page = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(page));
    // Not its title: the site's shape stays the same, and the rebuild reuses the other pages.
    site.write(
        page,
        &text
            .replace("updated: 2025-04-01", "updated: 2025-06-30")
            .replace("ground to a powder.", "ground to a fine powder."),
    );
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(2 unchanged)"), "{said}");
    for file in ["feed.xml", "llms.txt"] {
        let text = read(file);
        assert!(text.contains("ground to a fine powder."), "{file}: {text}");
    }
    assert!(read("feed.xml").contains("<updated>2025-06-30T00:00:00Z</updated>"));
    assert!(read("sitemap.xml").contains("<lastmod>2025-06-30</lastmod>"));
}

#[test]
fn a_section_page_follows_its_own_questions_and_only_them() {
    let site = fixture("incremental");
    // A section with no index page: its page is made of its questions alone.
    let cocoa = "content/cocoa/is-cocoa-bitter.md";
    let question = "---\ntitle: Is cocoa bitter?\ndescription: Raw cocoa is.\n---\n\n\
                    # Is cocoa bitter?\n\nUnsweetened cocoa tastes sharp and dry.\n";
    site.write(cocoa, question);
    age(&site.root().join("content"));
    site.build(&[]).expect_clean();
    // An edit in another section leaves the cocoa page as a clean build writes it.
    let tea = "content/tea/is-matcha-a-green-tea.md";
    edit(&site, tea, "ground to a powder", "milled to a powder");
    let said = rebuild_matches_clean(&site);
    // Three questions and the cocoa page (tea and coffee have index pages, always read).
    assert!(said.contains("(4 unchanged)"), "{said}");
    // An edit to its own question shows on it.
    site.write(
        cocoa,
        &question.replace(
            "Raw cocoa is.",
            "Raw cocoa is, and dark chocolate a little.",
        ),
    );
    let said = rebuild_matches_clean(&site);
    assert!(said.contains("(3 unchanged)"), "{said}");
    assert!(
        site.page("cocoa/")
            .text("article")
            .contains("dark chocolate a little"),
        "{}",
        site.page("cocoa/").text("article")
    );
}

#[test]
fn a_new_link_changes_the_related_questions_of_the_page_it_leads_to() {
    let site = built();
    assert_eq!(
        site.page("coffee/what-grind-suits-espresso/")
            .texts(".related a"),
        ["How long should green tea steep?"]
    );
    let page = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(page));
    site.write(
        page,
        &format!("{text}\n## See also\n\n- [Grinding](../coffee/what-grind-suits-espresso.md)\n"),
    );
    rebuild_matches_clean(&site);
    assert_eq!(
        site.page("coffee/what-grind-suits-espresso/")
            .texts(".related a"),
        ["How long should green tea steep?", "Is matcha a green tea?"]
    );
}

/// A page that is not read again keeps its links in the cache from rebuild to rebuild (the next
/// cache's entry takes them back from the page they were moved into), so they still lead to
/// related questions two rebuilds later.
#[test]
fn the_links_of_a_page_not_read_again_still_count_two_rebuilds_later() {
    let site = built();
    // The only tie between the two pages: a See also link (they share no tag).
    let matcha = "content/tea/is-matcha-a-green-tea.md";
    let text = common::read_text(&site.root().join(matcha));
    site.write(
        matcha,
        &format!("{text}\n## See also\n\n- [Grinding](../coffee/what-grind-suits-espresso.md)\n"),
    );
    rebuild_matches_clean(&site);
    // Another page edited twice: the page with the link is not read again either time.
    let steep = "content/tea/how-long-should-green-tea-steep.md";
    let text = common::read_text(&site.root().join(steep));
    for edit in ["A first edit.", "A second edit."] {
        site.write(steep, &format!("{text}\n{edit}\n"));
        let said = rebuild_matches_clean(&site);
        assert!(said.contains("(2 unchanged)"), "{said}");
        assert_eq!(
            site.page("coffee/what-grind-suits-espresso/")
                .texts(".related a"),
            ["How long should green tea steep?", "Is matcha a green tea?"]
        );
    }
}

/// A page that is a symlink is known by the file it leads to: an edit there reaches the page on
/// a rebuild, though the link itself did not change (the walk takes a page's stat from its
/// folder's entry only when the entry is not a symlink).
#[cfg(unix)]
#[test]
fn an_edit_to_the_file_a_symlinked_page_leads_to_reaches_the_page_on_a_rebuild() {
    let site = fixture("incremental");
    site.write(
        "shared/kettle.md",
        "---\ntitle: Kettles\n---\n\nFirst words.\n",
    );
    let link = site.root().join("content/tea/kettle.md");
    std::os::unix::fs::symlink("../../shared/kettle.md", &link).unwrap();
    age(&site.root().join("content"));
    age(&site.root().join("shared"));
    // The link's own time cannot be set back: wait until a build may trust it.
    std::thread::sleep(Duration::from_millis(1100));
    site.build(&[]).expect_clean();
    assert!(site.page("tea/kettle/").source.contains("First words."));

    site.write(
        "shared/kettle.md",
        "---\ntitle: Kettles\n---\n\nSecond words, a few more of them.\n",
    );
    age(&site.root().join("shared"));
    rebuild_matches_clean(&site);
    let page = site.page("tea/kettle/");
    assert!(page.source.contains("Second words"), "{}", page.source);
}

use super::*;

/// A page file, `NAME/index.html` holding `text`, for each of `names` under `out`.
fn pages_in(out: &Path, names: &[&str], text: &str) {
    for name in names {
        fs::create_dir_all(out.join(name)).unwrap();
        fs::write(out.join(name).join("index.html"), text).unwrap();
    }
}

#[test]
fn only_what_changed_is_written_and_only_what_went_away_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    fs::create_dir_all(out.join("a")).unwrap();
    fs::create_dir_all(out.join("gone")).unwrap();
    fs::write(out.join("a/index.html"), "section").unwrap();
    fs::write(out.join("gone/index.html"), "old page").unwrap();
    fs::write(out.join("mine.txt"), "not answerbook's").unwrap();
    let before: HashMap<String, Made> = [
        (
            "a/index.html".to_owned(),
            Made::Bytes(cache::hash_bytes(b"section")),
        ),
        ("gone/index.html".to_owned(), Made::Page),
    ]
    .into_iter()
    .collect();
    let collect = Collect::default();
    collect
        .put("a/index.html", Body::Bytes(b"section".to_vec()))
        .unwrap();
    collect
        .put("b/index.html", Body::Page(b"new page".to_vec()))
        .unwrap();
    // Told before the first change, and only then: nothing is written yet.
    let mut told = 0;
    let changing = || {
        assert!(!out.join("b").exists(), "told after a change");
        told += 1;
    };
    let (now, updated) = collect
        .apply(out, Path::new("public"), &before, [], [], changing)
        .unwrap();
    assert_eq!(told, 1);
    assert_eq!(
        updated,
        Updated {
            written: 1,
            removed: 1
        }
    );
    assert_eq!(
        fs::read_to_string(out.join("b/index.html")).unwrap(),
        "new page"
    );
    assert!(!out.join("gone").exists());
    assert_eq!(
        fs::read_to_string(out.join("mine.txt")).unwrap(),
        "not answerbook's"
    );
    assert_eq!(now.len(), 2);
}

/// A page the record names (one without a cache entry) is written again only when its
/// bytes differ from its file's; one it does not name is written whatever it holds.
#[test]
fn a_page_the_record_names_is_written_only_when_its_bytes_changed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    pages_in(out, &["same", "changed", "unnamed"], "page");
    let before: HashMap<String, Made> = ["same", "changed"]
        .map(|p| (format!("{p}/index.html"), Made::Page))
        .into_iter()
        .collect();
    let pages = || {
        let collect = Collect::default();
        for (page, bytes) in [("same", "page"), ("changed", "page!"), ("unnamed", "page")] {
            let path = format!("{page}/index.html");
            collect.put(&path, Body::Page(bytes.into())).unwrap();
        }
        collect
    };
    let (now, updated) = pages()
        .apply(out, Path::new("public"), &before, [], [], || {})
        .unwrap();
    assert_eq!(
        updated,
        Updated {
            written: 2,
            removed: 0
        }
    );
    assert_eq!(
        fs::read_to_string(out.join("changed/index.html")).unwrap(),
        "page!"
    );
    assert_eq!(now.len(), 3);
    // Nothing changed: nothing written, no one told.
    let (_, updated) = pages()
        .apply(out, Path::new("public"), &now, [], [], || panic!("told"))
        .unwrap();
    assert_eq!(updated, Updated::default());
}

#[test]
fn an_update_that_changes_nothing_tells_no_one() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    fs::create_dir_all(out.join("a")).unwrap();
    fs::write(out.join("a/index.html"), "section").unwrap();
    let made = Made::Bytes(cache::hash_bytes(b"section"));
    let before: HashMap<String, Made> = [("a/index.html".to_owned(), made)].into_iter().collect();
    let collect = Collect::default();
    collect
        .put("a/index.html", Body::Bytes(b"section".to_vec()))
        .unwrap();
    let mut told = false;
    let (now, updated) = collect
        .apply(out, Path::new("public"), &before, [], [], || told = true)
        .unwrap();
    assert!(!told);
    assert_eq!(updated, Updated::default());
    assert_eq!(now, before);
}

#[test]
fn pages_the_record_implies_go_unless_a_file_named_now_is_theirs() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path();
    pages_in(out, &["gone", "again", "both"], "old page");
    fs::write(out.join("mine.txt"), "not answerbook's").unwrap();
    // `both/` is in the record too: it is removed once, as the record says.
    let before: HashMap<String, Made> = [("both/index.html".to_owned(), Made::Page)]
        .into_iter()
        .collect();
    let collect = Collect::default();
    collect
        .put("again/index.html", Body::Page(b"new page".to_vec()))
        .unwrap();
    let implied = ["gone/index.html", "again/index.html", "both/index.html"];
    let (now, updated) = collect
        .apply(
            out,
            Path::new("public"),
            &before,
            implied.map(str::to_owned),
            [],
            || {},
        )
        .unwrap();
    assert_eq!(
        updated,
        Updated {
            written: 1,
            removed: 2
        }
    );
    assert!(!out.join("gone").exists());
    assert!(!out.join("both").exists());
    assert_eq!(
        fs::read_to_string(out.join("again/index.html")).unwrap(),
        "new page"
    );
    assert_eq!(
        fs::read_to_string(out.join("mine.txt")).unwrap(),
        "not answerbook's"
    );
    assert_eq!(now.into_keys().collect::<Vec<_>>(), ["again/index.html"]);
}

/// A record or an implied page that names a place outside the output folder (a damaged
/// or crafted build cache) removes nothing there, and no file is written through a
/// symlink in the folder. Everything it could touch is in the test's own temporary folder.
#[cfg(unix)]
#[test]
fn nothing_outside_the_output_folder_is_removed_or_written_through_a_bad_path() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("public");
    let elsewhere = tmp.path().join("elsewhere");
    fs::create_dir_all(out.join("tea")).unwrap();
    fs::create_dir_all(elsewhere.join("page")).unwrap();
    fs::write(tmp.path().join("outside.txt"), "mine").unwrap();
    fs::write(elsewhere.join("page/index.html"), "mine").unwrap();
    std::os::unix::fs::symlink(&elsewhere, out.join("link")).unwrap();
    fs::write(out.join("tea/index.html"), "old page").unwrap();
    let absolute = tmp
        .path()
        .join("outside.txt")
        .to_string_lossy()
        .into_owned();
    let before: HashMap<String, Made> = [
        ("../outside.txt".to_owned(), Made::Bytes(1)),
        (absolute.clone(), Made::Bytes(1)),
        ("link/page/index.html".to_owned(), Made::Page),
        ("tea/index.html".to_owned(), Made::Page),
    ]
    .into_iter()
    .collect();
    let implied = ["../outside.txt", "link/page/index.html", &absolute];
    let (_, updated) = Collect::default()
        .apply(
            &out,
            Path::new("public"),
            &before,
            implied.map(str::to_owned),
            [],
            || {},
        )
        .unwrap();
    // Only the page inside the folder goes.
    assert_eq!(updated.removed, 1);
    assert!(!out.join("tea/index.html").exists());
    assert_eq!(
        fs::read_to_string(tmp.path().join("outside.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_to_string(elsewhere.join("page/index.html")).unwrap(),
        "mine"
    );

    let collect = Collect::default();
    collect
        .put("link/new/index.html", Body::Page(b"new".to_vec()))
        .unwrap();
    let error = collect
        .apply(
            &out,
            Path::new("public"),
            &HashMap::default(),
            [],
            [],
            || {},
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("public/link/new/index.html"),
        "{error}"
    );
    assert!(!elsewhere.join("new").exists());
}

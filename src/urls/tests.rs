use super::*;

#[test]
fn file_paths_join_components_whatever_the_spelling() {
    for path in [
        "a/b.md",
        "b.md",
        "",
        ".",
        "./a/b.md",
        "a/./b.md",
        "a/.",
        "a//b.md",
        "a/b/",
        "/abs/x.md",
        "a/../b.md",
        "dé/jà.md",
    ] {
        let joined = Path::new(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        assert_eq!(file_path(Path::new(path)), joined, "{path:?}");
    }
}

#[test]
fn page_paths() {
    assert_eq!(
        page_path(Path::new("python-async/is-foreach.md")),
        "python-async/is-foreach/"
    );
    assert_eq!(
        page_path(Path::new("python-async/index.md")),
        "python-async/"
    );
    assert_eq!(page_path(Path::new("index.md")), "");
    assert_eq!(page_path(Path::new("top.md")), "top/");
    assert_eq!(page_path(Path::new("a//b/c.md")), "a/b/c/");
    assert_eq!(page_path(Path::new("./a/c.md")), "./a/c/");
    assert_eq!(page_path(Path::new("a/b/index.md")), "a/b/");
}

#[test]
fn folders_worked_out_on_text_agree_with_the_components() {
    let pieces = ["a", "/", ".", "..", "//", "./", "b.md"];
    for text in crate::test_text::generated(&pieces, 5000, 8) {
        let path = Path::new(&text);
        assert_eq!(folder_of(path), folder_by_components(path), "{text:?}");
    }
    assert_eq!(folder_of(Path::new("a/b/c.md")), "a/b");
    assert_eq!(folder_of(Path::new("c.md")), "");
}

#[test]
fn page_paths_worked_out_on_text_agree_with_the_components() {
    let pieces = [
        "a", "/", ".", "..", "index", "md", ".md", "é", " ", "//", "./",
    ];
    for text in crate::test_text::generated(&pieces, 5000, 9) {
        let path = Path::new(&text);
        if let Some(url) = plain_page_path(path) {
            assert_eq!(url, page_path_by_components(path), "{text:?}");
        }
    }
    assert!(plain_page_path(Path::new("a/b.md")).is_some());
}

/// The rule as first written, with `str` splits: [`relative`] must agree with it.
fn relative_by_splits(from: &str, to: &str) -> String {
    let from_dirs = || from.split_terminator('/');
    let (to_dir, to_file) = match to.rfind('/') {
        Some(i) => (Some(&to[..i]), &to[i + 1..]),
        None => (None, to),
    };
    let to_dirs = || to_dir.into_iter().flat_map(|dir| dir.split('/'));
    let common = from_dirs()
        .zip(to_dirs())
        .take_while(|(a, b)| a == b)
        .count();
    let mut out = "../".repeat(from_dirs().count() - common);
    for dir in to_dirs().skip(common) {
        out.push_str(dir);
        out.push('/');
    }
    out.push_str(to_file);
    if out.is_empty() { "./".to_owned() } else { out }
}

#[test]
fn relative_agrees_with_the_rule_written_with_splits() {
    let parts = ["", "a", "b", "é", "x.html", "/", "//"];
    let mut paths = vec![String::new()];
    for a in parts {
        for b in parts {
            for c in parts {
                paths.push(format!("{a}{b}{c}"));
                paths.push(format!("{a}/{b}/{c}"));
            }
        }
    }
    for from in &paths {
        for to in &paths {
            assert_eq!(
                relative(from, to),
                relative_by_splits(from, to),
                "{from:?} -> {to:?}"
            );
        }
    }
}

#[test]
fn relative_urls() {
    assert_eq!(relative("a/b/", "c/d/"), "../../c/d/");
    assert_eq!(relative("a/b/", "a/c/"), "../c/");
    assert_eq!(relative("a/b/", "a/b/"), "./");
    assert_eq!(relative("", "a/b/"), "a/b/");
    assert_eq!(relative("a/", ""), "../");
    assert_eq!(relative("a/b/", "a/img.png"), "../img.png");
    assert_eq!(to_root(""), "./");
}

#[test]
fn encoding_keeps_slashes_and_escapes_what_a_segment_cannot_hold() {
    assert_eq!(encode_path("a/b-c_d.e~/"), "a/b-c_d.e~/");
    assert_eq!(
        encode_path("c# tips/what is 100%?/"),
        "c%23%20tips/what%20is%20100%25%3F/"
    );
    assert_eq!(
        encode_path("caf\u{e9}/\u{65e5}.png"),
        "caf%C3%A9/%E6%97%A5.png"
    );
    assert_eq!(
        encode_path("a\"<>\\^`{|}[]"),
        "a%22%3C%3E%5C%5E%60%7B%7C%7D%5B%5D"
    );
    assert_eq!(href("a/", "c# tips/x/"), "../c%23%20tips/x/");
    for name in [
        "c# tips/what is 100%?/",
        "caf\u{e9} na\u{ef}ve/",
        "a+b=c;d/",
    ] {
        assert_eq!(decode(&encode_path(name)), name);
    }
    assert_eq!(decode("bad%zz%2"), "bad%zz%2");
}

#[test]
fn resolving_links() {
    let from = Path::new("python-async/x.md");
    assert_eq!(
        resolve_relative(from, "../python-lists/y.md"),
        Some(PathBuf::from("python-lists/y.md"))
    );
    assert_eq!(
        resolve_relative(from, "./z.md"),
        Some(PathBuf::from("python-async/z.md"))
    );
    assert_eq!(resolve_relative(from, "../../out.md"), None);
    let deep = Path::new("a/b/c.md");
    assert_eq!(
        resolve_relative_key(deep, "./d/../../e//f.md").as_deref(),
        Some("a/e/f.md")
    );
    assert_eq!(
        resolve_relative_key(deep, "../../g.md").as_deref(),
        Some("g.md")
    );
    assert_eq!(resolve_relative_key(Path::new("top.md"), "../g.md"), None);
    assert_eq!(
        resolve_relative_key(Path::new("top.md"), "a/./b.md").as_deref(),
        Some("a/b.md")
    );
}

#[test]
fn external() {
    assert!(is_external("https://x.io"));
    assert!(is_external("mailto:a@b"));
    assert!(is_external("/abs/path"));
    assert!(!is_external("../a.md"));
    assert!(!is_external("a.md#x:y"));
}

#[test]
fn base_urls() {
    let b = BaseUrl::parse("https://x.io/kb");
    assert_eq!(b.absolute.as_deref(), Some("https://x.io/kb/"));
    assert_eq!(b.path, "/kb/");
    assert_eq!(
        BaseUrl::parse("https://x.io").url_of("a/"),
        "https://x.io/a/"
    );
    assert_eq!(BaseUrl::parse("/").url_of("a/"), "/a/");
}

/// [`is_plain_relative`] as it was written before one walk over the `/`s.
fn is_plain_relative_by_str(text: &str) -> bool {
    cfg!(unix)
        && !text.starts_with('/')
        && !text.ends_with('/')
        && !text.contains("//")
        && !text.split('/').skip(1).any(|part| part == ".")
}

#[test]
fn plain_relative_paths_are_those_the_string_rule_finds() {
    let pieces = ["a", "b.md", "/", ".", "..", "é", ".x", "./"];
    for text in crate::test_text::generated(&pieces, 20_000, 8) {
        assert_eq!(
            is_plain_relative(&text),
            is_plain_relative_by_str(&text),
            "{text:?}"
        );
    }
}

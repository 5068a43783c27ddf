use super::*;

/// A snippet folder in a temporary site: `TMP/snippets/` holding `files`.
fn site(files: &[(&str, &str)]) -> (tempfile::TempDir, Settings) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().canonicalize().unwrap();
    for (name, text) in files {
        let path = root.join("snippets").join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let settings = Settings {
        root: root.clone(),
        base_paths: vec![root.join("snippets")],
        ..Settings::default()
    };
    (tmp, settings)
}

fn run(body: &str, settings: &Settings) -> (String, Vec<String>) {
    let e = expand(body, 3, Path::new("docs/a.md"), settings).unwrap();
    let said = e.diagnostics.iter().map(ToString::to_string).collect();
    (e.text, said)
}

#[test]
fn single_lines_and_lists_put_files_in_keeping_indentation() {
    let (_t, s) = site(&[("a.txt", "A1\nA2\n"), ("b.txt", "B\n")]);
    let body = "x\n--8<-- \"a.txt\"\n- item\n\n    ---8<---\n    b.txt\n    ; a.txt\n    ---8<---\n;--8<-- \"b.txt\"\n";
    let (text, said) = run(body, &s);
    assert_eq!(text, "x\nA1\nA2\n\n- item\n\n    B\n\n--8<-- \"b.txt\"\n");
    assert!(said.is_empty(), "{said:?}");
}

#[test]
fn ranges_and_sections_take_their_lines() {
    let lines = "one\ntwo\nthree\nfour\nfive\n";
    let code = "a\n  # --8<-- [start:core]\n  b\n    c\n  # --8<-- [end:core]\nd\n";
    let (_t, mut s) = site(&[("l.txt", lines), ("c.py", code)]);
    // As in pymdownx, a file ending in a newline has an empty last line: -1 is that line, -2
    // the last line of text.
    let (text, _) = run(
        "--8<-- \"l.txt:2:3\"\n--8<-- \"l.txt:-2\"\n--8<-- \"l.txt:1:1,4:4\"\n",
        &s,
    );
    assert_eq!(text, "two\nthree\nfive\n\none\nfour\n");
    let (text, _) = run("--8<-- \"c.py:core\"\n", &s);
    assert_eq!(text, "  b\n    c\n");
    s.dedent_subsections = true;
    let (text, _) = run("--8<-- \"c.py:core\"\n", &s);
    assert_eq!(text, "b\n  c\n");
    // The whole file, without its section markers.
    let (text, _) = run("--8<-- \"c.py\"\n", &s);
    assert_eq!(text, "a\n  b\n    c\nd\n\n");
}

#[test]
fn missing_files_loops_and_urls_are_reported_where_written() {
    let (_t, mut s) = site(&[("loop.txt", "L\n--8<-- \"loop.txt\"\n")]);
    let (text, said) = run(
        "--8<-- \"loop.txt\"\n--8<-- \"nope.txt\"\n--8<-- \"https://x.test/a.md\"\n",
        &s,
    );
    assert_eq!(text, "L\n\n");
    assert_eq!(
        said,
        [
            "snippets/loop.txt:2: warning: snippet 'loop.txt' includes itself; it is left out there",
            "docs/a.md:4: warning: snippet 'nope.txt' is not in the snippet folders (snippets)",
            "docs/a.md:5: warning: snippet 'https://x.test/a.md' is a URL: answerbook never downloads snippets; save it under a base_path folder",
        ]
    );
    s.check_paths = true;
    let (_, said) = run("--8<-- \"nope.txt\"\n", &s);
    assert_eq!(
        said,
        ["docs/a.md:3: error: snippet 'nope.txt' is not in the snippet folders (snippets)"]
    );
}

#[test]
fn nothing_outside_the_base_paths_is_read_not_even_through_a_symlink() {
    let (tmp, s) = site(&[("ok.txt", "fine\n")]);
    std::fs::write(tmp.path().join("secret.txt"), "SECRET\n").unwrap();
    #[cfg(unix)]
    std::os::unix::fs::symlink(
        tmp.path().join("secret.txt"),
        tmp.path().join("snippets/link.txt"),
    )
    .unwrap();
    let absolute = tmp.path().canonicalize().unwrap().join("secret.txt");
    let body = format!(
        "--8<-- \"../secret.txt\"\n--8<-- \"link.txt\"\n--8<-- \"/etc/passwd\"\n--8<-- \"{}\"\n",
        absolute.display()
    );
    let (text, said) = run(&body, &s);
    assert!(
        !text.contains("SECRET") && !text.contains("root:"),
        "{text}"
    );
    assert!(
        said[0].starts_with("docs/a.md:3: error: snippet '../secret.txt' leads outside"),
        "{said:?}"
    );
    #[cfg(unix)]
    assert!(
        said[1].starts_with("docs/a.md:4: error: snippet 'link.txt' leads outside"),
        "{said:?}"
    );
    let last = said.last().unwrap();
    assert!(
        last.starts_with(&format!(
            "docs/a.md:6: error: snippet '{}' leads outside",
            absolute.display()
        )),
        "{said:?}"
    );
}

#[test]
fn auto_append_ends_every_page_and_lines_remember_their_origin() {
    let (_t, mut s) = site(&[("abbr.md", "*[HTML]: Hyper Text\n"), ("n.txt", "N1\nN2\n")]);
    s.auto_append = vec!["abbr.md".into()];
    let e = expand(
        "Some HTML.\n--8<-- \"n.txt\"\nEnd",
        10,
        Path::new("docs/a.md"),
        &s,
    )
    .unwrap();
    assert_eq!(
        e.text,
        "Some HTML.\nN1\nN2\n\nEnd\n\n*[HTML]: Hyper Text\n\n"
    );
    // N2 is line 2 of the snippet, written on page line 11.
    let mut d = vec![Diagnostic::warning("docs/a.md", Some(12), "x")];
    e.relocate(&mut d, 10, Path::new("docs/a.md"));
    assert_eq!(d[0].to_string(), "snippets/n.txt:2: warning: x");
    assert_eq!(e.page_line(12, 10), 11);
    assert_eq!(e.page_line(14, 10), 12);
    assert!(expand("no includes\n", 1, Path::new("a.md"), &Settings::default()).is_none());
}

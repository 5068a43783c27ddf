use super::*;

#[test]
fn a_page_is_read_again_only_when_its_bytes_are_those_phase_one_parsed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("q.md");
    std::fs::write(&path, "# Q\n\nnul \0 here\n").unwrap();
    let bytes = std::fs::read(&path).unwrap();
    let (hash, len) = (crate::cache::hash_bytes(&bytes), bytes.len() as u64);
    let shown = Path::new("content/q.md");
    assert_eq!(
        read_again(&path, hash, len, shown).unwrap(),
        "# Q\n\nnul \u{FFFD} here\n"
    );
    // Saved again between the phases: the build stops, naming the file.
    std::fs::write(&path, "# Q\n\nedited\n").unwrap();
    let error = read_again(&path, hash, len, shown).unwrap_err().to_string();
    assert_eq!(
        error,
        "content/q.md: the file changed while the site was being built: build again"
    );
    std::fs::remove_file(&path).unwrap();
    let error = read_again(&path, hash, len, shown).unwrap_err().to_string();
    assert!(error.starts_with("content/q.md: "), "{error}");
}

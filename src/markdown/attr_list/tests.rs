use super::*;

#[test]
fn parses_attribute_lists() {
    let a = Attrs::parse(": .lead #intro data-x=\"1 2\" hidden").unwrap();
    assert_eq!(a.classes, ["lead"]);
    assert_eq!(a.id.as_deref(), Some("intro"));
    assert_eq!(
        a.pairs,
        vec![
            ("data-x".into(), "1 2".into()),
            ("hidden".into(), "hidden".into())
        ]
    );
    assert_eq!(
        a.to_html(),
        " class=\"lead\" id=\"intro\" data-x=\"1 2\" hidden"
    );
    // A key without a value is written alone, as MkDocs writes it.
    let html = crate::markdown::tests_support::render_python_markdown(
        "[Guide](guide.md){ data-preview }\n\n## Notes { data-skip }\n",
    );
    assert!(
        html.contains("<a href=\"guide.md\" data-preview>"),
        "{html}"
    );
    assert!(html.contains(" data-skip>"), "{html}");
    assert!(Attrs::parse("x + y").is_none());
    assert!(Attrs::parse("").is_none());
}

#[test]
fn highlighted_inline_code_takes_the_list_after_its_own_classes() {
    let features = crate::markdown::Features {
        rules: crate::markdown::Rules::PythonMarkdown,
        attr_list: true,
        ..Default::default()
    };
    let html = crate::markdown::tests_support::render_with(
        "Run `#!python import os`{ .tiny #imp } first.\n",
        &features,
    );
    assert!(
        html.contains("<code class=\"language-python highlight tiny\" id=\"imp\"><span"),
        "{html}"
    );
    assert!(html.contains("</code> first."), "{html}");
}

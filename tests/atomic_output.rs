//! Atomic output: a build that fails leaves the previous output exactly as it was, and gka
//! never writes into a folder it did not create.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Builds the example into a fresh output folder and returns it with its snapshot.
fn previous_output() -> (Built, std::collections::BTreeMap<String, Vec<u8>>) {
    let built = build_example(&[]);
    let before = snapshot(&built.out);
    assert!(before.contains_key("index.html"), "{:?}", before.keys());
    assert!(before.len() > 30, "{:?}", before.keys());
    (built, before)
}

/// The output folder is byte for byte what it was, and nothing was left beside it.
#[track_caller]
fn assert_unchanged(built: &Built, before: &std::collections::BTreeMap<String, Vec<u8>>) {
    let after = snapshot(&built.out);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (file, bytes) in before {
        assert!(after[file] == *bytes, "{file} changed");
    }
    let beside: Vec<String> = fs::read_dir(built.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["public"], "no staging folders are left behind");
}

#[test]
fn a_content_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "content/interventies/kansrijk-in-almere.md",
        "titel: Kansrijk in Almere\n",
        "titel: Kansrijk in Almere\nstatus: misschien\n",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/interventies/kansrijk-in-almere.md:3:9: error[GKA-E010]:"),
        "the file, line and column of `misschien`:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("misschien"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_template_syntax_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "themes/gka/templates/interventie.html",
        "{% endblock content %}",
        "{% if %}\n{% endblock content %}",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(run.stderr.contains("interventie.html"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_template_render_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "themes/gka/templates/interventie.html",
        "<h1>{{ page.titel }}</h1>",
        "<h1>{{ interventie.bestaat.niet }}</h1>",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(run.stderr.contains("interventie.html"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_successful_rebuild_replaces_the_previous_output_completely() {
    let root = SiteRoot::fixture("drafts");
    let built = build_into_temp(root.path(), &["--drafts"]);
    built.run.assert_success();
    assert!(
        built
            .out
            .join("interventies/zomerschool/index.html")
            .is_file()
    );
    build(root.path(), &built.out, &[]).assert_success();
    assert!(!built.out.join("interventies/zomerschool").exists());
    assert!(
        built
            .out
            .join("interventies/huiswerkklas/index.html")
            .is_file()
    );
    let beside: Vec<String> = fs::read_dir(built.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside,
        ["public"],
        "the old output is removed, not kept beside"
    );
}

#[test]
fn gka_refuses_a_non_empty_folder_it_did_not_create() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mijn-map");
    fs::create_dir_all(out.join("sub")).unwrap();
    fs::write(out.join("notities.txt"), "van mij").unwrap();
    fs::write(out.join("sub/index.html"), "<p>ook van mij</p>").unwrap();
    let before = snapshot(&out);

    let run = build(&repo_root(), &out, &[]);
    run.assert_code(2);
    assert!(!run.stderr.trim().is_empty(), "says why");
    assert_eq!(snapshot(&out), before, "the folder is untouched");
    let beside: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["mijn-map"], "nothing is written beside it");
}

#[test]
fn gka_refuses_outputs_that_would_destroy_files() {
    let root = SiteRoot::fixture("terms");
    let before = snapshot(root.path());
    let file = root.path().join("bestand.txt");
    fs::write(&file, "van mij").unwrap();
    let targets: [&Path; 4] = [
        root.path(),
        &root.path().join("content"),
        &root.path().join("themes/gka"),
        &file,
    ];
    for output in targets {
        let run = build(root.path(), output, &[]);
        assert_eq!(
            run.code,
            Some(2),
            "--output {} is refused\n{}",
            output.display(),
            run.stderr
        );
    }
    let mut after = snapshot(root.path());
    assert_eq!(
        after.remove("bestand.txt").as_deref(),
        Some(&b"van mij"[..])
    );
    assert_eq!(after, before, "the site's own files are untouched");
}

//! Links to large files (issue 16, item 3): a visitor reads in the link's own text that a file
//! is large, and the communicator gets warning GKA-W012 with what to do. The limit is set in
//! `site.yaml` (`downloads: { waarschuwing_vanaf: … }`, 10 MB by default).
//!
//! The large files are real files of that size, made sparse with `File::set_len`, so they take
//! no room on the disk.

mod common;

use std::fs;

use common::*;

/// A minimal site with a sparse file of `bytes` at `content/static/<name>`, linked from the
/// home page and as the agenda's document.
fn site_with_file(name: &str, bytes: u64) -> SiteRoot {
    let root = SiteRoot::minimal();
    fs::create_dir_all(root.file("content/static")).unwrap();
    fs::File::create(root.file(&format!("content/static/{name}")))
        .unwrap()
        .set_len(bytes)
        .unwrap();
    root.edit(
        "content/index.md",
        "Voorbeeldstad werkt aan gelijke kansen.",
        &format!("Lees het [verslag van de raad](/static/{name})."),
    );
    root.edit(
        "content/agenda.md",
        "titel: GKA-Agenda\n",
        &format!("titel: GKA-Agenda\ndocument: /static/{name}\n"),
    );
    root
}

fn check(root: &SiteRoot, extra: &[&str]) -> Run {
    let mut args = vec!["check", "--root", root.path().to_str().unwrap()];
    args.extend(extra);
    gka(args)
}

#[test]
fn a_link_to_a_large_file_says_so_on_the_site_and_warns_in_the_check() {
    let root = site_with_file("verslag.pdf", 12_000_000);
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_success();
    let home = fs::read_to_string(built.out.join("index.html")).unwrap();
    assert!(
        home.contains(
            r#"<a href="/static/verslag.pdf">verslag van de raad (PDF, groot bestand: 12 MB)</a>"#
        ),
        "{home}"
    );
    let agenda = fs::read_to_string(built.out.join("agenda/index.html")).unwrap();
    assert!(agenda.contains("(PDF, groot bestand: 12 MB)"), "{agenda}");

    let run = check(&root, &[]);
    run.assert_success();
    // Once for the body's link, once for the agenda's document.
    assert_eq!(
        run.stderr.matches("waarschuwing[GKA-W012]").count(),
        2,
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/index.md:5:10: waarschuwing[GKA-W012]: de link naar '/static/verslag.pdf' \
             gaat naar een groot bestand van 12 MB"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("content/agenda.md:3:11: waarschuwing[GKA-W012]"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("(nu 10 MB)"), "{}", run.stderr);
    // With --strict, a warning fails the check.
    check(&root, &["--strict"]).assert_code(1);
}

#[test]
fn a_large_image_is_flagged_too_and_a_small_one_is_not() {
    let root = site_with_file("plattegrond.png", 40_000_000);
    let run = check(&root, &[]);
    run.assert_success();
    assert!(
        run.stderr.contains("groot bestand van 40 MB"),
        "{}",
        run.stderr
    );

    let small = site_with_file("plattegrond.png", 300_000);
    let run = check(&small, &[]);
    run.assert_success();
    assert!(!run.stderr.contains("GKA-W012"), "{}", run.stderr);
}

#[test]
fn the_limit_is_set_in_site_yaml() {
    let root = site_with_file("verslag.pdf", 40_000_000);
    root.edit(
        "content/site.yaml",
        "gemeente: Voorbeeldstad\n",
        "gemeente: Voorbeeldstad\ndownloads:\n  waarschuwing_vanaf: 50 MB\n",
    );
    let run = check(&root, &[]);
    run.assert_success();
    assert!(!run.stderr.contains("GKA-W012"), "{}", run.stderr);
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_success();
    let home = fs::read_to_string(built.out.join("index.html")).unwrap();
    assert!(
        home.contains("verslag van de raad (PDF, 40 MB)</a>"),
        "{home}"
    );

    root.edit("content/site.yaml", "50 MB", "1,5 MB");
    let run = check(&root, &[]);
    assert!(run.stderr.contains("(nu 1,5 MB)"), "{}", run.stderr);
}

#[test]
fn a_limit_that_is_no_size_is_an_error_at_its_place_with_a_hint() {
    let root = SiteRoot::minimal();
    for (value, column) in [("veel", 34), ("10", 34), ("10 MiB", 34)] {
        root.write(
            "content/site.yaml",
            format!(
                "gemeente: Voorbeeldstad\nbase_url: \"{MINIMAL_BASE_URL}\"\ndownloads: {{ waarschuwing_vanaf: {value} }}\n"
            ),
        );
        let run = check(&root, &[]);
        run.assert_code(1);
        assert!(
            run.stderr.contains(&format!(
                "content/site.yaml:3:{column}: fout[GKA-E030]: '{value}' is geen grootte"
            )),
            "{value}: {}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains("= tip: schrijf een getal met kB, MB of GB, bijvoorbeeld `waarschuwing_vanaf: 10 MB`"),
            "{}",
            run.stderr
        );
    }
}

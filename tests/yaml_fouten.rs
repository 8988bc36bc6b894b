//! The usual YAML mistakes, each as `gka check` reports it to a communicator: the file, line and
//! column, the message in plain Dutch, the line with a marker under what is wrong, and the hint.
//!
//! Each folder in `tests/fixtures/yaml-fouten/` is one mistake: its `content/` is laid over a
//! minimal valid site ([`SiteRoot::minimal`]), and `verwacht.txt` holds the whole report (standard
//! error) that `gka check` must print; `verwacht.en.txt`, where there is one, the report with
//! `--lang en`. After a change of wording, `GKA_SNAPSHOTS=overwrite cargo test --test yaml_fouten`
//! writes the reports as they are now; read the difference before committing it.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;

/// The folder with one folder per mistake.
fn cases_dir() -> std::path::PathBuf {
    fixture_dir("yaml-fouten")
}

/// What `gka check` prints on standard error for the site with the mistake of `case`, in
/// `lang`.
fn report(case: &Path, lang: &str) -> String {
    let root = SiteRoot::minimal();
    copy_dir(&case.join("content"), &root.file("content"));
    let output = Command::new(BIN)
        .args(["check", "--lang", lang, "--root"])
        .arg(root.path())
        .env_remove("GKA_LANG")
        .env_remove("RUST_LOG")
        .env("NO_COLOR", "1")
        .output()
        .expect("the gka binary runs");
    String::from_utf8_lossy(&output.stderr).into_owned()
}

#[test]
fn every_mistake_is_reported_as_expected() {
    let overwrite = std::env::var("GKA_SNAPSHOTS").is_ok_and(|v| v == "overwrite");
    let mut cases: Vec<_> = fs::read_dir(cases_dir())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .collect();
    cases.sort();
    assert!(cases.len() >= 15, "one folder per mistake: {cases:?}");
    let mut wrong = Vec::new();
    let mut english = 0;
    for case in &cases {
        for (lang, file) in [("nl", "verwacht.txt"), ("en", "verwacht.en.txt")] {
            let expected_file = case.join(file);
            if lang == "en" && !expected_file.exists() {
                continue;
            }
            english += usize::from(lang == "en");
            let actual = report(case, lang);
            if overwrite {
                fs::write(&expected_file, &actual).unwrap();
                continue;
            }
            let expected = fs::read_to_string(&expected_file)
                .unwrap_or_else(|e| panic!("{}: {e}", expected_file.display()));
            if actual != expected {
                wrong.push(format!(
                    "{}:\n--- expected:\n{expected}--- actual:\n{actual}",
                    expected_file.display()
                ));
            }
        }
    }
    assert!(
        english >= 1,
        "at least one mistake is also checked in English"
    );
    assert!(
        wrong.is_empty(),
        "{}\n(GKA_SNAPSHOTS=overwrite rewrites the expected reports)",
        wrong.join("\n")
    );
}

/// The reports are read by people, so they must say where: every report names the file with
/// a line and a column, and has a marker line.
#[test]
fn every_expected_report_points_at_a_line_and_a_column() {
    for entry in fs::read_dir(cases_dir()).unwrap() {
        let case = entry.unwrap().path();
        let expected = fs::read_to_string(case.join("verwacht.txt")).unwrap();
        let first = expected.lines().next().unwrap_or_default();
        let place = first.split(": ").next().unwrap_or_default();
        let numbers: Vec<&str> = place.rsplitn(3, ':').take(2).collect();
        assert!(
            place.starts_with("content/")
                && numbers.len() == 2
                && numbers.iter().all(|n| n.parse::<usize>().is_ok()),
            "{}: {first}",
            case.display()
        );
        assert!(expected.contains('^'), "{}: no marker", case.display());
    }
}

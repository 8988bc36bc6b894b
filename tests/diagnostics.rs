//! Diagnostics: one run reports every problem of every file, each as
//! `path:line:col: error: message` with a `  hint: …` line, and writes nothing.

mod common;

use common::*;

/// `tests/fixtures/errors` has three broken files with five problems between them:
/// - `content/nieuws/bijeenkomst.md`: the key `samenvating` (typo) on line 3 and the date
///   `2021-13-45` on line 4 (value at column 8);
/// - `content/interventies/voorleesouders.md`: the theme `Ouderbetrokenheid`, not in the agenda,
///   on line 5 (list item value at column 5);
/// - `content/addenda/2021-2024.md`: the missing interventie `bestaat-niet` on line 6, column 5,
///   and the link `[x](/bestaat-niet/)` on line 11, column 9.
///
/// The third field is the hint that must follow: `Some("")` for any hint, `None` when the
/// message itself says how to fix it (the date).
const EXPECTED: [(&str, &str, Option<&str>); 5] = [
    (
        "content/nieuws/bijeenkomst.md:3:1: error: ",
        "unknown key 'samenvating'",
        Some("did you mean 'samenvatting'?"),
    ),
    (
        "content/nieuws/bijeenkomst.md:4:8: error: ",
        "'2021-13-45' is not a valid date",
        None,
    ),
    (
        "content/interventies/voorleesouders.md:5:5: error: ",
        "unknown theme 'Ouderbetrokenheid'",
        Some("did you mean 'Ouderbetrokkenheid'?"),
    ),
    (
        "content/addenda/2021-2024.md:6:5: error: ",
        "unknown interventie 'bestaat-niet'",
        Some(""),
    ),
    (
        "content/addenda/2021-2024.md:11:9: error: ",
        "link to '/bestaat-niet/'",
        Some(""),
    ),
];

#[test]
fn every_error_in_every_file_is_reported_in_one_run() {
    let root = SiteRoot::fixture("errors");
    let built = build_into_temp(root.path(), &[]);
    let run = &built.run;
    run.assert_code(1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    for (location, message, hint) in EXPECTED {
        let at = lines
            .iter()
            .position(|l| l.starts_with(location) && l.contains(message))
            .unwrap_or_else(|| panic!("no line `{location}{message}…` in stderr:\n{}", run.stderr));
        let next = lines.get(at + 1).copied().unwrap_or_default();
        if let Some(hint) = hint {
            assert!(
                next.starts_with("  hint: ") && next.contains(hint),
                "hint {hint:?} after `{}`:\n{}",
                lines[at],
                run.stderr
            );
        }
    }
    let errors = lines.iter().filter(|l| l.contains(": error: ")).count();
    assert_eq!(
        errors,
        EXPECTED.len(),
        "exactly these errors:\n{}",
        run.stderr
    );
    assert!(!built.out.exists(), "nothing is written on errors");
}

#[test]
fn every_stderr_line_is_a_diagnostic_a_hint_or_the_summary() {
    let root = SiteRoot::fixture("errors");
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    let mut problems = Vec::new();
    for line in run.stderr.lines() {
        if line.starts_with("  hint: ") || line.starts_with("Build failed: ") {
            continue;
        }
        // path:line:col: error: message
        let ok = line
            .split_once(": error: ")
            .is_some_and(|(location, message)| {
                let parts: Vec<&str> = location.rsplitn(3, ':').collect();
                parts.len() == 3
                    && parts[0].parse::<usize>().is_ok_and(|c| c > 0)
                    && parts[1].parse::<usize>().is_ok_and(|l| l > 0)
                    && root.path().join(parts[2]).is_file()
                    && !message.is_empty()
            });
        if !ok {
            problems.push(line);
        }
    }
    assert!(
        problems.is_empty(),
        "not `path:line:col: error: message`: {problems:#?}"
    );
    assert!(
        run.stderr.contains("Build failed: 5 error(s)"),
        "{}",
        run.stderr
    );
}

#[test]
fn diagnostics_are_the_same_on_every_run() {
    let root = SiteRoot::fixture("errors");
    let first = build_into_temp(root.path(), &[]).run;
    for _ in 0..3 {
        let again = build_into_temp(root.path(), &[]).run;
        assert_eq!(again.stderr, first.stderr);
    }
}

/// A template problem is reported like a content problem: the template's own file (relative
/// to the site root, so an editor can open it) with the line and column.
#[test]
fn a_template_syntax_error_names_the_template_file_with_line_and_column() {
    // `{% if %}` on a new last line of interventie.html; the error is at the `%}`, column 7.
    let root = SiteRoot::example();
    let template = "themes/gka/templates/interventie.html";
    let lines = std::fs::read_to_string(root.file(template)).unwrap();
    let line = lines.lines().count() + 1;
    std::fs::write(root.file(template), format!("{lines}{{% if %}}\n")).unwrap();
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    let expected = format!("{template}:{line}:7: error: ");
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with `{expected}`:\n{}",
        run.stderr
    );
}

/// Same for an error found while rendering: the template file, line and column.
#[test]
fn a_template_render_error_names_the_template_file_with_line_and_column() {
    // An undefined field on line 3; `bestaat` starts at column 20.
    let root = SiteRoot::example();
    let template = "themes/gka/templates/interventie.html";
    root.edit(
        template,
        "<h1>{{ page.titel }}</h1>",
        "<h1>{{ interventie.bestaat.niet }}</h1>",
    );
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    let expected = format!("{template}:3:20: error: ");
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with `{expected}`:\n{}",
        run.stderr
    );
}

/// `tests/fixtures/unchecked-links`: internal links outside Markdown bodies that point at
/// nothing: the menu entry `/nieuws/` (site.yaml line 8; there is no news section), the `logo`
/// `/static/logo.svg` (line 3) and the agenda's `document` `/static/gka-agenda.pdf`
/// (agenda.md line 3); there is no content/static/ at all.
///
/// Either the build refuses them like a broken link in the text (exit 1, naming both files),
/// or — if it builds — the site it writes has no broken internal links.
#[test]
fn links_in_site_yaml_and_front_matter_are_checked_too() {
    let root = SiteRoot::fixture("unchecked-links");
    let built = build_into_temp(root.path(), &[]);
    match built.run.code {
        Some(0) => {
            let broken = broken_links(&built.out, "https://gka.voorbeeldstad.example/");
            assert!(
                broken.is_empty(),
                "the build succeeded, but wrote {} broken internal links, e.g.:\n{}",
                broken.len(),
                broken
                    .iter()
                    .filter(|b| b.starts_with("agenda/index.html:"))
                    .cloned()
                    .collect::<Vec<_>>()
                    .join("\n")
            );
        }
        Some(1) => {
            for file in ["content/site.yaml:", "content/agenda.md:"] {
                assert!(
                    built.run.stderr.contains(file),
                    "{file} in:\n{}",
                    built.run.stderr
                );
            }
        }
        other => panic!("exit code {other:?}:\n{}", built.run.stderr),
    }
}

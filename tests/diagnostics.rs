//! Diagnostics: one run reports every problem of every file, each as
//! `path:line:col: fout[CODE]: message` with the source line and a hint, and writes nothing.

mod common;

use std::ffi::OsStr;
use std::process::Command;

use common::*;

/// `tests/fixtures/errors` has three broken files with five problems between them:
/// - `content/nieuws/bijeenkomst.md`: the key `samenvating` (typo) on line 3 and the date
///   `2021-13-45` on line 4 (value at column 8);
/// - `content/interventies/voorleesouders.md`: the theme `Ouderbetrokenheid`, not in the agenda,
///   on line 5 (list item value at column 5);
/// - `content/addenda/2021-2024.md`: the missing interventie `bestaat-niet` on line 6, column 5,
///   and the link `[x](/bestaat-niet/)` on line 11, column 9.
///
/// Each expected problem: file, line, column, code, a part of the message, and a part of the
/// hint (`""` for any hint, `None` when the message itself says how to fix it).
/// File, line, column, code, part of the message, part of the hint.
type Expected = (
    &'static str,
    usize,
    usize,
    &'static str,
    &'static str,
    Option<&'static str>,
);

const EXPECTED: [Expected; 5] = [
    (
        "content/nieuws/bijeenkomst.md",
        3,
        1,
        "GKA-E007",
        "onbekende sleutel 'samenvating'",
        Some("bedoelt u 'samenvatting'?"),
    ),
    (
        "content/nieuws/bijeenkomst.md",
        4,
        8,
        "GKA-E011",
        "'2021-13-45' is geen datum: er is geen maand 13",
        None,
    ),
    (
        "content/interventies/voorleesouders.md",
        5,
        5,
        "GKA-E026",
        "onbekend thema 'Ouderbetrokenheid'",
        Some("bedoelt u 'Ouderbetrokkenheid'?"),
    ),
    (
        "content/addenda/2021-2024.md",
        6,
        5,
        "GKA-E028",
        "onbekende interventie 'bestaat-niet'",
        Some(""),
    ),
    (
        "content/addenda/2021-2024.md",
        11,
        9,
        "GKA-E040",
        "de link naar '/bestaat-niet/'",
        Some(""),
    ),
];

#[test]
fn every_error_in_every_file_is_reported_in_one_run() {
    let root = SiteRoot::fixture("errors");
    let run = gka(["check", "--format", "json", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([root.path().as_os_str()]));
    run.assert_code(1);
    let found: serde_json::Value =
        serde_json::from_str(&run.stdout).expect("stdout is one JSON array");
    let found = found.as_array().expect("an array");
    assert_eq!(
        found.len(),
        EXPECTED.len(),
        "exactly these problems: {found:#?}"
    );
    for (file, line, column, code, message, hint) in EXPECTED {
        let d = found
            .iter()
            .find(|d| d["file"] == file && d["line"] == line && d["column"] == column)
            .unwrap_or_else(|| panic!("no diagnostic at {file}:{line}:{column}: {found:#?}"));
        assert_eq!(d["code"], code, "{d}");
        assert_eq!(d["severity"], "error", "{d}");
        assert!(d["message"].as_str().unwrap().contains(message), "{d}");
        match hint {
            Some(hint) => assert!(d["hint"].as_str().is_some_and(|h| h.contains(hint)), "{d}"),
            None => assert!(d["hint"].is_null(), "{d}"),
        }
    }
}

#[test]
fn build_reports_the_same_problems_and_writes_nothing() {
    let root = SiteRoot::fixture("errors");
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_code(1);
    for (file, line, column, code, message, _) in EXPECTED {
        let header = format!("{file}:{line}:{column}: fout[{code}]: ");
        assert!(
            built
                .run
                .stderr
                .lines()
                .any(|l| l.starts_with(&header) && l.contains(message)),
            "no `{header}{message}` in:\n{}",
            built.run.stderr
        );
    }
    assert!(
        built
            .run
            .stderr
            .contains("Niet gelukt: 5 fouten, 0 waarschuwingen."),
        "{}",
        built.run.stderr
    );
    assert!(!built.out.exists(), "nothing is written on errors");
}

/// The human report shows, under each `path:line:col: fout[CODE]: message` line, the source
/// line with its number and a marker under the problem, then the hint.
#[test]
fn human_report_shows_the_source_line_with_a_marker() {
    let root = SiteRoot::fixture("errors");
    let run = gka(["check", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([root.path().as_os_str()]));
    run.assert_code(1);
    let lines: Vec<&str> = run.stderr.lines().collect();
    let at = lines
        .iter()
        .position(|l| {
            l.starts_with(
                "content/nieuws/bijeenkomst.md:3:1: fout[GKA-E007]: onbekende sleutel 'samenvating'",
            )
        })
        .unwrap_or_else(|| panic!("{}", run.stderr));
    let source = std::fs::read_to_string(root.file("content/nieuws/bijeenkomst.md")).unwrap();
    let line3 = source.lines().nth(2).unwrap();
    let snippet = &lines[at + 1..at + 6].join("\n");
    assert!(snippet.contains(&format!("3 | {line3}")), "{snippet}");
    assert!(
        snippet.contains("^^^^^^^^^^^"),
        "a marker under the key:\n{snippet}"
    );
    assert!(
        snippet.contains("tip: bedoelt u 'samenvatting'?"),
        "{snippet}"
    );
    assert!(
        !run.stderr.contains('\u{1b}'),
        "no colour when stderr is not a terminal"
    );
}

/// GitHub Actions annotations and the GitLab Code Quality report carry the same problems.
#[test]
fn ci_formats_carry_every_problem() {
    let root = SiteRoot::fixture("errors");
    let path = root.path().as_os_str();
    let github = gka(["check", "--format", "github", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([path]));
    github.assert_code(1);
    let annotations: Vec<&str> = github.stdout.lines().collect();
    assert_eq!(annotations.len(), EXPECTED.len(), "{}", github.stdout);
    for (file, line, column, code, _, _) in EXPECTED {
        let start = format!("::error file={file},line={line},col={column},title={code}::");
        assert!(
            annotations.iter().any(|a| a.starts_with(&start)),
            "no `{start}` in:\n{}",
            github.stdout
        );
    }
    let gitlab = gka(["check", "--format", "gitlab", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([path]));
    gitlab.assert_code(1);
    let report: serde_json::Value = serde_json::from_str(&gitlab.stdout).unwrap();
    let issues = report.as_array().unwrap();
    assert_eq!(issues.len(), EXPECTED.len());
    for issue in issues {
        assert!(issue["fingerprint"].as_str().is_some_and(|f| !f.is_empty()));
        assert_eq!(issue["severity"], "major");
        assert!(
            issue["location"]["lines"]["begin"]
                .as_u64()
                .is_some_and(|l| l > 0)
        );
    }
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
}

/// On GitHub Actions the default format is annotations.
#[test]
fn github_actions_get_annotations_by_default() {
    let root = SiteRoot::fixture("errors");
    let run = Command::new(BIN)
        .args(["check", "--root"])
        .arg(root.path())
        .env("GITHUB_ACTIONS", "true")
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&run.stdout).starts_with("::error file="));
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
    let expected = format!("{template}:{line}:7: fout[GKA-E051]: ");
    assert!(
        run.stderr.lines().any(|l| l.starts_with(&expected)),
        "expected a line starting with `{expected}`:\n{}",
        run.stderr
    );
}

/// Same for an error found while rendering: the template file, line and column.
#[test]
fn a_template_render_error_names_the_template_file_with_line_and_column() {
    // An undefined field on line 4; `bestaat` starts at column 20.
    let root = SiteRoot::example();
    let template = "themes/gka/templates/interventie.html";
    root.edit(
        template,
        "<h1>{{ page.titel }}</h1>",
        "<h1>{{ interventie.bestaat.niet }}</h1>",
    );
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    let expected = format!("{template}:4:20: fout[GKA-E051]: ");
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

/// GKA-E031: the NJi databank does not award "Goed beschreven"; the level's own line is reported.
#[test]
fn an_erkenning_level_must_belong_to_its_databank() {
    let root = SiteRoot::fixture("terms");
    root.edit(
        "content/interventies/huiswerkklas.md",
        "  niveau: goed-onderbouwd\n",
        "  niveau: goed-beschreven\n",
    );
    let run = gka(["check", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([root.path().as_os_str()]));
    run.assert_code(1);
    // Line 10 of the file: `  niveau: goed-beschreven`, the value at column 11.
    assert!(
        run.stderr.contains(
            "content/interventies/huiswerkklas.md:10:11: fout[GKA-E031]: de databank 'nji' kent het niveau 'goed-beschreven' niet toe"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("niveaus van nji: goed-onderbouwd"),
        "{}",
        run.stderr
    );

    // An unknown level is not one of the allowed words.
    root.edit(
        "content/interventies/huiswerkklas.md",
        "  niveau: goed-beschreven\n",
        "  niveau: veelbelovend\n",
    );
    let run = gka(["check", "--root"]
        .map(OsStr::new)
        .into_iter()
        .chain([root.path().as_os_str()]));
    run.assert_code(1);
    assert!(run.stderr.contains("fout[GKA-E010]"), "{}", run.stderr);
}

/// Finding 10 of issue 14: the human format indexes each file's lines once, so thousands of
/// warnings in one file print in linear time; each must still show its own line.
#[test]
fn many_warnings_in_one_file_each_show_their_own_line() {
    const HEADINGS: usize = 5000;
    let root = SiteRoot::minimal();
    let body: String = (0..HEADINGS).map(|n| format!("# Kop {n}\n\n")).collect();
    root.write(
        "content/index.md",
        format!("---\ntitel: Gemeente Voorbeeldstad\n---\n\n{body}"),
    );
    let run = gka([
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("human"),
        OsStr::new("--root"),
        root.path().as_os_str(),
    ]);
    run.assert_success();
    let mut lines = run.stderr.lines();
    let mut shown = 0;
    while let Some(header) = lines.next() {
        let Some(rest) = header.strip_prefix("content/index.md:") else {
            continue;
        };
        let line: usize = rest.split(':').next().unwrap().parse().unwrap();
        assert!(rest.contains("waarschuwing[GKA-W003]"), "{header}");
        let source = lines
            .find(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
            .unwrap_or_else(|| panic!("no source line after {header}"));
        assert_eq!(
            source.trim_start(),
            format!("{line} | # Kop {}", (line - 5) / 2),
            "{header}"
        );
        shown += 1;
    }
    assert_eq!(
        shown,
        HEADINGS,
        "{}",
        run.stderr.lines().last().unwrap_or("")
    );
    assert!(
        run.stderr
            .ends_with(&format!("0 fouten, {HEADINGS} waarschuwingen\n")),
        "{}",
        run.stderr
    );
}

/// Finding 10 of issue 14: a body nested deeper than the HTML sanitiser can parse in linear
/// time is an error that names the file and line, not a build that takes minutes.
#[test]
fn markdown_nested_too_deep_is_an_error_naming_file_and_line() {
    let root = SiteRoot::minimal();
    root.write(
        "content/index.md",
        format!(
            "---\ntitel: Gemeente Voorbeeldstad\n---\n\nTekst\n\n{}<b>diep</b>\n",
            "> ".repeat(50_000)
        ),
    );
    let (run, found) = check_json(root.path(), &[]);
    run.assert_code(1);
    let deep: Vec<_> = found.iter().filter(|d| d["code"] == "GKA-E013").collect();
    assert_eq!(deep.len(), 1, "{found:?}");
    assert_eq!(deep[0]["file"], "content/index.md");
    assert_eq!(deep[0]["line"], 7);
    assert!(
        deep[0]["message"].as_str().unwrap().contains("lagen diep"),
        "{deep:?}"
    );
    assert!(deep[0]["hint"].is_string(), "{deep:?}");
}

/// Colour is decided once, as command-line tools agree: none when the report is piped (as
/// here) or with `NO_COLOR`, colour with `CLICOLOR_FORCE` (a CI log that shows colours).
#[test]
fn colour_follows_no_color_and_clicolor_force() {
    let root = SiteRoot::minimal();
    root.write(
        "content/contact.md",
        "---\ntitel: [Contact\n---\n\nTekst.\n",
    );
    let run = |env: &[(&str, &str)]| {
        let mut command = Command::new(BIN);
        command
            .args(["check", "--root"])
            .arg(root.path())
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.output().expect("the gka binary runs");
        assert_eq!(output.status.code(), Some(1));
        String::from_utf8(output.stderr).unwrap()
    };
    let escape = "\u{1b}[";
    assert!(!run(&[]).contains(escape), "piped: no colour");
    let forced = run(&[("CLICOLOR_FORCE", "1")]);
    assert!(forced.contains(escape), "{forced}");
    assert!(!run(&[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]).contains(escape));
}

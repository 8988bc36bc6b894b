//! gka speaks Dutch unless asked for English (`--lang en` or `GKA_LANG=en`), whatever the
//! system's language: the help of every command and the lines that end a run.

mod common;

use std::process::Command;

use common::*;

/// Runs `gka` with `args` and the environment variables `env`, the system's locale set to
/// English as on many communicators' laptops and CI runners.
fn gka_env(args: &[&str], env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(BIN);
    command
        .args(args)
        .env_remove("GKA_LANG")
        .env("LANG", "en_US.UTF-8")
        .env("LC_ALL", "en_US.UTF-8");
    for (key, value) in env {
        command.env(key, value);
    }
    let output = command.output().expect("the gka binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

const COMMANDS: [&str; 5] = ["build", "check", "serve", "new", "schema"];

#[test]
fn help_is_dutch_for_every_command() {
    let top = gka_env(&["--help"], &[]);
    top.assert_success();
    for word in [
        "Gebruik:",
        "Opdrachten:",
        "Opties:",
        "Toon deze hulp",
        "Afsluitcodes",
    ] {
        assert!(top.stdout.contains(word), "{word} in:\n{}", top.stdout);
    }
    for command in COMMANDS {
        let run = gka_env(&[command, "--help"], &[]);
        run.assert_success();
        assert!(
            run.stdout.contains("Gebruik: gka"),
            "{command}:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("Toon deze hulp"),
            "{command}:\n{}",
            run.stdout
        );
        // No English of clap's own or of the flags' descriptions.
        for english in [
            "Print help",
            "Usage:",
            "Options:",
            "[default:",
            "Possible values",
        ] {
            assert!(
                !run.stdout.contains(english),
                "{command}: {english} in:\n{}",
                run.stdout
            );
        }
    }
}

#[test]
fn help_is_english_on_request() {
    for (args, env) in [
        (vec!["--lang", "en", "build", "--help"], vec![]),
        (vec!["build", "--lang=en", "--help"], vec![]),
        (vec!["build", "--help"], vec![("GKA_LANG", "en")]),
    ] {
        let run = gka_env(&args, &env);
        run.assert_success();
        assert!(
            run.stdout.contains("Usage: gka build"),
            "{args:?}:\n{}",
            run.stdout
        );
        assert!(
            run.stdout.contains("Print help"),
            "{args:?}:\n{}",
            run.stdout
        );
        assert!(!run.stdout.contains("Gebruik"), "{args:?}:\n{}", run.stdout);
    }
    // The flag wins over the environment.
    let run = gka_env(&["--lang", "nl", "--help"], &[("GKA_LANG", "en")]);
    assert!(run.stdout.contains("Gebruik:"), "{}", run.stdout);
}

#[test]
fn an_unknown_language_is_a_usage_error() {
    let run = gka_env(&["--lang", "de", "build"], &[]);
    run.assert_code(2);
    assert!(run.stderr.contains("kies nl of en"), "{}", run.stderr);
    let run = gka_env(&["check"], &[("GKA_LANG", "fr")]);
    run.assert_code(2);
    assert!(run.stderr.contains("GKA_LANG"), "{}", run.stderr);
}

#[test]
fn the_end_of_a_run_is_dutch_by_default_and_english_on_request() {
    let site = SiteRoot::minimal();
    let root = site.path().to_str().unwrap();
    let out = site.file("uit");
    let out = out.to_str().unwrap();
    let run = gka_env(
        &["build", "--no-search", "--root", root, "--output", out],
        &[],
    );
    run.assert_success();
    assert!(run.stderr.contains("pagina's ("), "{}", run.stderr);
    assert!(
        run.stderr.contains("bestanden) gemaakt in "),
        "{}",
        run.stderr
    );
    let run = gka_env(
        &["build", "--no-search", "--root", root, "--output", out],
        &[("GKA_LANG", "en")],
    );
    run.assert_success();
    assert!(run.stderr.contains("Built "), "{}", run.stderr);

    site.write("content/index.md", "---\ntitel: \"\"\n---\n\nTekst.\n");
    let run = gka_env(&["check", "--root", root], &[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("Niet gelukt: 1 fout, 0 waarschuwingen."),
        "{}",
        run.stderr
    );
    let run = gka_env(&["check", "--root", root, "--lang", "en"], &[]);
    assert!(
        run.stderr.contains("Failed: 1 error, 0 warnings."),
        "{}",
        run.stderr
    );
}

#[test]
fn yaml_mistakes_are_said_in_dutch_on_their_line_and_nothing_follows_from_them() {
    let site = SiteRoot::fixture("nothing-lost");
    site.write(
        "content/contact.md",
        "---\ntitel: “Contact: bel ons”\n---\n\nMail ons.\n",
    );
    site.write(
        "content/agenda.md",
        "---\ntitel: GKA-Agenda\nthemas:\n\t- Versterken van taal\n  - Ouderbetrokkenheid\n---\n\nTekst.\n",
    );
    let root = site.path().to_str().unwrap();
    let run = gka_env(&["check", "--root", root], &[]);
    run.assert_code(1);
    for line in [
        "content/agenda.md:4:1: error[GKA-E005]: aan het begin van deze regel staat een tab",
        "= help: gebruik spaties in plaats van de tab: `  - Versterken van taal`",
        "content/contact.md:2:8: error[GKA-E005]: de tekst staat tussen gekrulde aanhalingstekens",
        "= help: zet de tekst tussen rechte aanhalingstekens: `titel: \"Contact: bel ons\"`",
        // The interventie's theme is not reported as unknown: the agenda's own error says why.
        "Niet gelukt: 2 fouten, 0 waarschuwingen.",
    ] {
        assert!(run.stderr.contains(line), "{line}\nin:\n{}", run.stderr);
    }
    let run = gka_env(&["check", "--root", root, "--lang", "en"], &[]);
    assert!(
        run.stderr.contains("this line starts with a tab"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_near_miss_key_gets_the_dutch_key_once_and_a_missing_key_its_first_line() {
    let site = SiteRoot::fixture("nothing-lost");
    site.write(
        "content/contact.md",
        "---\ntitl: Contact\nsamenvatting: Bel ons.\n---\n\nMail ons.\n",
    );
    site.write(
        "content/privacy.md",
        "---\nsamenvatting: Wat we bewaren.\nslug: privacy\n---\n\nNiets.\n",
    );
    site.edit("content/site.yaml", "gemeente:", "gemeent:");
    let (run, found) = check_json(site.path(), &[]);
    run.assert_code(1);
    let said: Vec<(String, u64, String, String)> = found
        .iter()
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64().unwrap(),
                d["code"].as_str().unwrap().to_string(),
                d["hint"].as_str().unwrap_or_default().to_string(),
            )
        })
        .collect();
    let expected = [
        ("content/contact.md", 2, "GKA-E007", "bedoelt u 'titel'?"),
        (
            "content/privacy.md",
            2,
            "GKA-E009",
            "voeg een regel `titel: …` toe",
        ),
        ("content/site.yaml", 1, "GKA-E007", "bedoelt u 'gemeente'?"),
    ];
    assert_eq!(
        said,
        expected.map(|(f, l, c, h)| (f.to_string(), l, c.to_string(), h.to_string())),
    );
}

#[test]
fn an_event_without_a_place_is_a_warning_in_dutch() {
    let site = SiteRoot::fixture("nothing-lost");
    site.edit(
        "content/nieuws/open-dag.md",
        "locatie: Bibliotheek Voorbeeldstad\n",
        "",
    );
    let root = site.path().to_str().unwrap();
    let run = gka_env(&["check", "--root", root], &[]);
    run.assert_success();
    assert!(
        run.stderr.contains(
            "content/nieuws/open-dag.md:2:1: warning[GKA-W010]: een evenement zonder `locatie`: waar is het?"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("0 fouten, 1 waarschuwing"),
        "{}",
        run.stderr
    );
}

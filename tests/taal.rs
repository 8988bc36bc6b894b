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

const COMMANDS: [&str; 9] = [
    "build",
    "check",
    "serve",
    "new",
    "schema",
    "completions",
    "copy-theme",
    "bronnen",
    "uitleg",
];

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
            "[OPTIONS]",
            // A text id shown as it is: the catalogue lacks the text.
            "help-",
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
        "content/agenda.md:4:1: fout[GKA-E005]: aan het begin van deze regel staat een tab",
        "= tip: gebruik spaties in plaats van de tab: `  - Versterken van taal`",
        "content/contact.md:2:8: fout[GKA-E005]: de tekst staat tussen gekrulde aanhalingstekens",
        "= tip: zet de tekst tussen rechte aanhalingstekens: `titel: \"Contact: bel ons\"`",
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
            "content/nieuws/open-dag.md:2:1: waarschuwing[GKA-W010]: een evenement zonder `locatie`: waar is het?"
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

#[test]
fn the_words_of_the_report_are_dutch_and_english_on_request_but_machines_keep_theirs() {
    let site = SiteRoot::fixture("nothing-lost");
    site.edit("content/contact.md", "titel: Contact", "titl: Contact");
    let root = site.path().to_str().unwrap();
    let run = gka_env(&["check", "--root", root], &[]);
    run.assert_code(1);
    for part in [
        "content/contact.md:2:1: fout[GKA-E007]: onbekende sleutel 'titl'",
        "= tip: bedoelt u 'titel'?",
    ] {
        assert!(run.stderr.contains(part), "{part} in:\n{}", run.stderr);
    }
    assert!(!run.stderr.contains("error["), "{}", run.stderr);
    assert!(!run.stderr.contains("help:"), "{}", run.stderr);

    let run = gka_env(&["check", "--root", root, "--lang", "en"], &[]);
    run.assert_code(1);
    for part in [
        "content/contact.md:2:1: error[GKA-E007]: unknown key 'titl'",
        "= help: did you mean 'titel'?",
    ] {
        assert!(run.stderr.contains(part), "{part} in:\n{}", run.stderr);
    }

    // Tools read the machine formats: their words stay, the texts follow the language.
    let run = gka_env(&["check", "--root", root, "--format", "github"], &[]);
    assert!(
        run.stdout.contains(
            "::error file=content/contact.md,line=2,col=1,title=GKA-E007::onbekende sleutel 'titl'"
        ),
        "{}",
        run.stdout
    );
    let run = gka_env(&["check", "--root", root, "--format", "json"], &[]);
    assert!(
        run.stdout.contains("\"severity\": \"error\""),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("bedoelt u 'titel'?"), "{}", run.stdout);
}

#[test]
fn mistakes_on_the_command_line_are_dutch_and_english_on_request() {
    let run = gka_env(&["check", "--roott", "site"], &[]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "fout: gka kent '--roott' hier niet\n\n  tip: bedoelt u '--root'?\n\n\
         Gebruik: gka check [OPTIES]\n\nMeer uitleg krijgt u met: gka check --help\n"
    );
    let run = gka_env(&["check", "--roott", "site", "--lang", "en"], &[]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        "error: gka does not know '--roott' here\n\n  help: did you mean '--root'?\n\n\
         Usage: gka check [OPTIONS]\n\nFor more information, try: gka check --help\n"
    );

    for (args, said) in [
        (&["bouw"][..], "fout: gka kent de opdracht 'bouw' niet"),
        (
            &["check", "--format"],
            "fout: na --format <VORM> hoort een waarde",
        ),
        (
            &["check", "--format", "xml"],
            "fout: 'xml' kan niet bij --format <VORM>",
        ),
        (
            &["serve", "--port", "99999"],
            "fout: '99999' kan niet bij --port <N>: ",
        ),
        (
            &["new", "zwolle"],
            "fout: dit ontbreekt nog: --gemeente <NAAM>",
        ),
    ] {
        let run = gka_env(args, &[]);
        run.assert_code(2);
        assert!(run.stderr.starts_with(said), "{args:?}:\n{}", run.stderr);
        assert!(
            run.stderr.contains(" --help\n"),
            "{args:?}:\n{}",
            run.stderr
        );
        for english in ["error:", "Usage:", "For more information", "[OPTIONS]"] {
            assert!(!run.stderr.contains(english), "{args:?}:\n{}", run.stderr);
        }
    }
    let run = gka_env(&["check", "--format", "xml"], &[("GKA_LANG", "en")]);
    assert!(
        run.stderr
            .starts_with("error: 'xml' is not a value for --format <FORMAT>\n  use one of: human"),
        "{}",
        run.stderr
    );
}

#[test]
fn gka_new_says_what_it_made_and_what_went_wrong_in_dutch_or_english() {
    let tmp = tempfile::tempdir().unwrap();
    let folder = tmp.path().join("zwolle");
    let folder = folder.to_str().unwrap();
    let run = gka_env(&["new", folder, "--gemeente", "Zwolle"], &[]);
    run.assert_success();
    assert!(
        run.stderr
            .starts_with("Nieuwe site voor Zwolle gemaakt in "),
        "{}",
        run.stderr
    );
    let run = gka_env(&["new", folder, "--gemeente", "Zwolle"], &[]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        format!("fout: in de map {folder} staan al bestanden; kies een nieuwe of lege map\n")
    );
    let run = gka_env(
        &["new", folder, "--gemeente", "Zwolle", "--lang", "en"],
        &[],
    );
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        format!("error: {folder} is not empty; pass a new or empty folder\n")
    );
    let other = tmp.path().join("ergens");
    let run = gka_env(
        &[
            "new",
            other.to_str().unwrap(),
            "--gemeente",
            "Zwolle",
            "--thema",
            "blauw",
        ],
        &[],
    );
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("gka heeft geen thema 'blauw' om op voort te bouwen; kies uit: almere, gka"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_template_error_is_framed_in_dutch_with_the_file_line_and_column() {
    let site = SiteRoot::minimal();
    let template = "themes/gka/templates/pagina.html";
    let text = std::fs::read_to_string(site.file(template)).unwrap();
    let line = text.lines().count() + 1;
    site.write(template, format!("{text}{{% if %}}\n"));
    let root = site.path().to_str().unwrap();
    let run = gka_env(&["check", "--root", root], &[]);
    run.assert_code(1);
    let dutch = format!(
        "{template}:{line}:7: fout[GKA-E051]: dit sjabloon is niet goed geschreven: Found `%}}`"
    );
    assert!(run.stderr.contains(&dutch), "{dutch} in:\n{}", run.stderr);
    assert!(
        run.stderr
            .contains("= tip: verbeter het sjabloon op deze plek; gka uitleg sjablonen noemt"),
        "{}",
        run.stderr
    );
    let run = gka_env(&["check", "--root", root, "--lang", "en"], &[]);
    let english = format!(
        "{template}:{line}:7: error[GKA-E051]: this template is not written correctly: Found `%}}`"
    );
    assert!(
        run.stderr.contains(&english),
        "{english} in:\n{}",
        run.stderr
    );
}

#[test]
fn an_output_folder_that_is_refused_is_said_in_dutch_or_english() {
    let site = SiteRoot::minimal();
    let root = site.path().to_str().unwrap();
    let run = gka_env(&["build", "--root", root, "--output", root], &[]);
    run.assert_code(2);
    assert!(
        run.stderr.ends_with(&format!(
            "fout: gka schrijft de site niet in {root}: daarin staan de bestanden van de site zelf\n"
        )),
        "{}",
        run.stderr
    );
    let run = gka_env(
        &["build", "--root", root, "--output", root, "--lang", "en"],
        &[],
    );
    assert!(
        run.stderr.ends_with(&format!(
            "error: refusing to write the site into {root}: it contains the site's own files\n"
        )),
        "{}",
        run.stderr
    );
}

#[test]
fn a_port_in_use_is_said_in_dutch_with_what_to_do() {
    let site = SiteRoot::minimal();
    let root = site.path().to_str().unwrap();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let run = gka_env(&["serve", "--root", root, "--port", &port], &[]);
    run.assert_code(2);
    assert_eq!(
        run.stderr,
        format!(
            "fout: kan de server niet starten op 127.0.0.1:{port}: die poort is al in gebruik, \
             misschien door een andere gka serve. Kies een andere poort met --port, of laat de \
             computer een vrije poort kiezen met --port 0\n"
        )
    );
    let run = gka_env(
        &["serve", "--root", root, "--port", &port, "--lang", "en"],
        &[],
    );
    run.assert_code(2);
    assert!(
        run.stderr.starts_with(&format!(
            "error: cannot listen on 127.0.0.1:{port}: the port is in use"
        )),
        "{}",
        run.stderr
    );
}

/// An argument that is not UTF-8 (a file name in another encoding) is a mistake on the
/// command line like any other, not a crash.
#[cfg(unix)]
#[test]
fn an_argument_that_is_not_utf8_is_a_mistake_said_in_dutch() {
    use std::os::unix::ffi::OsStrExt;
    let output = Command::new(BIN)
        .arg("build")
        .arg(std::ffi::OsStr::from_bytes(b"caf\xe9"))
        .env_remove("GKA_LANG")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.starts_with("fout: "), "{stderr}");
    assert!(stderr.contains("gka build --help"), "{stderr}");
}

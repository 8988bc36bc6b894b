//! One fixture per check: each test writes a minimal valid site plus one broken file (or a
//! broken setup) into a temporary folder, runs `gka check --format json` and asserts the exact
//! diagnostics: code, file, line and column. Nothing else may be reported, so each test also
//! proves that the check does not drag in unrelated problems.
//!
//! Large files, odd file names and symbolic links are made at test time; none is committed.

mod common;

use std::fs;
use std::path::Path;

use common::*;
use serde_json::Value;

/// One expected diagnostic: file, `(line, column)` or `None` for the file as a whole, code.
type Expected<'a> = (&'a str, Option<(u64, u64)>, &'a str);

/// A diagnostic as [`Expected`] holds it, owned.
type Found = (String, Option<(u64, u64)>, String);

/// Runs `gka check --format json` on `root` with `extra` flags, asserts the exit code and that
/// exactly `expected` was reported (in any order), and returns the diagnostics.
#[track_caller]
fn assert_check(root: &SiteRoot, extra: &[&str], exit: i32, expected: &[Expected]) -> Vec<Value> {
    let (run, found) = check_json(root.path(), extra);
    run.assert_code(exit);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    let mut got: Vec<Found> = found
        .iter()
        .map(|d| {
            let at = d["line"].as_u64().zip(d["column"].as_u64());
            (
                d["file"].as_str().unwrap().to_string(),
                at,
                d["code"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let mut want: Vec<Found> = expected
        .iter()
        .map(|(f, at, c)| (f.to_string(), *at, c.to_string()))
        .collect();
    want.sort();
    got.sort();
    assert_eq!(got, want, "diagnostics:\n{found:#?}");
    found
}

/// The only diagnostic of a check that reports exactly one.
#[track_caller]
fn only(root: &SiteRoot, exit: i32, expected: Expected) -> Value {
    assert_check(root, &[], exit, &[expected]).remove(0)
}

#[track_caller]
fn assert_message(d: &Value, message: &str, hint: Option<&str>) {
    assert!(
        d["message"].as_str().unwrap().contains(message),
        "message {:?} should contain {message:?}",
        d["message"]
    );
    if let Some(hint) = hint {
        assert!(
            d["hint"].as_str().is_some_and(|h| h.contains(hint)),
            "hint {:?} should contain {hint:?}",
            d["hint"]
        );
    }
}

#[test]
fn the_minimal_site_is_clean() {
    assert_check(&SiteRoot::minimal(), &["--strict"], 0, &[]);
}

// --- Files and front-matter blocks -------------------------------------------------------

#[test]
fn e002_a_file_that_is_not_utf8() {
    let root = SiteRoot::minimal();
    // `Café` in Latin-1: the é (0xE9) is the 11th character of line 2.
    root.write(
        "content/contact.md",
        b"---\ntitel: Caf\xe9\n---\n\nTekst.\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((2, 11)), "GKA-E002"));
    assert_message(&d, "geen geldige UTF-8-tekst", Some("UTF-8"));
}

#[test]
fn e003_a_file_without_front_matter() {
    let root = SiteRoot::minimal();
    root.write("content/contact.md", "# Contact\n\nBel ons.\n");
    let d = only(&root, 1, ("content/contact.md", Some((1, 1)), "GKA-E003"));
    assert_message(&d, "begint niet met front matter", Some("---"));
}

#[test]
fn e004_a_front_matter_that_is_never_closed() {
    let root = SiteRoot::minimal();
    root.write("content/contact.md", "---\ntitel: Contact\n\nBel ons.\n");
    // Said where the closing line is missing: above the text, under the last key.
    let d = only(&root, 1, ("content/contact.md", Some((4, 1)), "GKA-E004"));
    assert_message(
        &d,
        "niet gesloten",
        Some("onder regel 2 (`titel: Contact`)"),
    );
}

#[test]
fn e005_yaml_syntax_at_the_file_line_and_column() {
    let root = SiteRoot::minimal();
    // The unclosed quote starts at line 3, column 15.
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\nsamenvatting: \"Bel ons\n---\n\nTekst.\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((3, 15)), "GKA-E005"));
    assert_message(
        &d,
        "aanhalingsteken aan het begin van deze tekst wordt niet gesloten",
        Some("`samenvatting: \"Bel ons\"`"),
    );
}

#[test]
fn e006_a_front_matter_that_is_not_a_mapping() {
    let root = SiteRoot::minimal();
    root.write(
        "content/contact.md",
        "---\n- titel\n- Contact\n---\n\nTekst.\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((2, 1)), "GKA-E006"));
    assert_message(&d, "regels `sleutel: waarde`", None);
}

#[test]
fn e013_a_file_over_10_mib() {
    let root = SiteRoot::minimal();
    root.write("content/groot.md", "---\ntitel: Groot\n---\n\n");
    // A sparse file one byte over the limit: nothing is written to disk but its length.
    let file = fs::OpenOptions::new()
        .write(true)
        .open(root.file("content/groot.md"))
        .unwrap();
    file.set_len(10 * 1024 * 1024 + 1).unwrap();
    let d = only(&root, 1, ("content/groot.md", None, "GKA-E013"));
    assert_message(&d, "10485761 bytes", None);
}

#[test]
fn e013_a_front_matter_over_64_kib() {
    let root = SiteRoot::minimal();
    let long = "x".repeat(64 * 1024);
    root.write(
        "content/contact.md",
        format!("---\ntitel: Contact\nsamenvatting: {long}\n---\n\nTekst.\n"),
    );
    let d = only(&root, 1, ("content/contact.md", Some((1, 1)), "GKA-E013"));
    assert_message(&d, "de front matter is", Some("tweede regel `---`"));
}

#[test]
fn e013_a_yaml_alias_bomb() {
    let root = SiteRoot::minimal();
    let mut yaml = String::from("a0: &a0 lol\n");
    for level in 1..=9 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    root.write(
        "content/contact.md",
        format!("---\ntitel: Contact\n{yaml}samenvatting: *a9\n---\n\nTekst.\n"),
    );
    // The limit is hit at the first alias of `a6` (line 8, column 10): 9^6 replays.
    let found = assert_check(
        &root,
        &[],
        1,
        &[("content/contact.md", Some((8, 10)), "GKA-E013")],
    );
    assert_message(&found[0], "YAML-aliassen", Some("*naam"));
}

#[test]
fn e014_control_characters_and_backslashes_in_file_names() {
    let root = SiteRoot::minimal();
    let mut expected = Vec::new();
    for name in ["tab\tnaam.md", "back\\slash.md"] {
        let path = root.file("content").join(name);
        match fs::write(&path, "---\ntitel: X\n---\n") {
            Ok(()) => expected.push(format!("content/{name}")),
            // Windows refuses both characters in file names: nothing to check there.
            Err(err) => eprintln!("skipped {name:?}: this platform cannot create it: {err}"),
        }
    }
    let expected: Vec<Expected> = expected
        .iter()
        .map(|f| (f.as_str(), None, "GKA-E014"))
        .collect();
    let exit = if expected.is_empty() { 0 } else { 1 };
    for d in assert_check(&root, &[], exit, &expected) {
        assert_message(
            &d,
            "onzichtbaar teken of een backslash",
            Some("geef het bestand een naam"),
        );
    }
}

#[cfg(unix)]
#[test]
fn e015_a_symbolic_link_that_points_outside_the_site() {
    let root = SiteRoot::minimal();
    let outside = tempfile::tempdir().unwrap();
    let target = outside.path().join("geheim.md");
    fs::write(&target, "---\ntitel: Geheim\n---\n").unwrap();
    std::os::unix::fs::symlink(&target, root.file("content/geheim.md")).unwrap();
    let d = only(&root, 1, ("content/geheim.md", None, "GKA-E015"));
    assert_message(&d, "buiten de site", Some("kopieer het bestand"));
}

// --- Keys and values ---------------------------------------------------------------------

#[test]
fn e007_an_unknown_key_with_a_suggestion() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/kansrijk.md",
        "---\ntitel: Kansrijk\nsamenvating: Scholen ondersteunen\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        ("content/interventies/kansrijk.md", Some((3, 1)), "GKA-E007"),
    );
    assert_message(
        &d,
        "onbekende sleutel 'samenvating'",
        Some("bedoelt u 'samenvatting'?"),
    );
}

#[test]
fn e008_a_value_of_the_wrong_type() {
    let root = SiteRoot::minimal();
    // A list where text is expected, and a word where a number is expected.
    root.write(
        "content/contact.md",
        "---\ntitel: [Contact, Over ons]\n---\n\nTekst.\n",
    );
    root.write(
        "content/interventies/kansrijk.md",
        "---\ntitel: Kansrijk\nsinds: vorig jaar\n---\n\nTekst.\n",
    );
    let found = assert_check(
        &root,
        &[],
        1,
        &[
            ("content/contact.md", Some((2, 8)), "GKA-E008"),
            ("content/interventies/kansrijk.md", Some((3, 8)), "GKA-E008"),
        ],
    );
    for d in &found {
        assert_message(d, "hier hoort ", Some("schrijf"));
    }
}

#[test]
fn e009_a_missing_required_key() {
    let root = SiteRoot::minimal();
    root.write(
        "content/programmalijnen/lijn-1.md",
        "---\ntitel: Programmalijn 1\n---\n\nTekst.\n",
    );
    root.write(
        "content/nieuws/bijeenkomst.md",
        "---\ntitel: Bijeenkomst\n---\n\nTekst.\n",
    );
    root.write("content/contact.md", "---\nsamenvatting: Bel ons\n---\n");
    let found = assert_check(
        &root,
        &[],
        1,
        &[
            (
                "content/programmalijnen/lijn-1.md",
                Some((2, 1)),
                "GKA-E009",
            ),
            ("content/nieuws/bijeenkomst.md", Some((2, 1)), "GKA-E009"),
            ("content/contact.md", Some((2, 1)), "GKA-E009"),
        ],
    );
    let message = |file: &str| {
        found
            .iter()
            .find(|d| d["file"] == file)
            .unwrap()
            .to_string()
    };
    assert!(message("content/programmalijnen/lijn-1.md").contains("nummer"));
    assert!(message("content/nieuws/bijeenkomst.md").contains("datum"));
    assert!(message("content/contact.md").contains("titel"));
}

// Found by the `site` fuzz target: the build failed with "0 errors" and no word why.
#[test]
fn e012_a_home_page_that_is_a_draft() {
    let root = SiteRoot::minimal();
    root.edit("content/index.md", "---\n", "---\nconcept: true\n");
    let d = only(&root, 1, ("content/index.md", None, "GKA-E012"));
    assert_message(&d, "is een concept", Some("--drafts"));
    assert_check(&root, &["--drafts"], 0, &[]);
}

#[test]
fn e010_a_status_that_is_not_allowed() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/kansrijk.md",
        "---\ntitel: Kansrijk\nstatus: misschien\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        ("content/interventies/kansrijk.md", Some((3, 9)), "GKA-E010"),
    );
    assert_message(
        &d,
        "'misschien' mag hier niet",
        Some("gepland, lopend, afgerond"),
    );
}

#[test]
fn e011_invalid_dates_and_age_ranges() {
    let root = SiteRoot::minimal();
    root.write(
        "content/nieuws/bijeenkomst.md",
        "---\ntitel: Bijeenkomst\ndatum: 2021-02-30\n---\n\nTekst.\n",
    );
    // The youngest age must come first.
    root.write(
        "content/interventies/omgekeerd.md",
        "---\ntitel: Omgekeerd\nleeftijden:\n  - 0-6\n  - 18-12\n---\n\nTekst.\n",
    );
    // Ages are whole years.
    root.write(
        "content/interventies/half.md",
        "---\ntitel: Half\nleeftijden: [\"4.5-12\"]\n---\n\nTekst.\n",
    );
    let found = assert_check(
        &root,
        &[],
        1,
        &[
            ("content/nieuws/bijeenkomst.md", Some((3, 8)), "GKA-E011"),
            (
                "content/interventies/omgekeerd.md",
                Some((5, 5)),
                "GKA-E011",
            ),
            ("content/interventies/half.md", Some((3, 14)), "GKA-E011"),
        ],
    );
    let message = |file: &str| {
        found.iter().find(|d| d["file"] == file).unwrap()["message"]
            .as_str()
            .unwrap()
            .to_string()
    };
    assert!(
        message("content/nieuws/bijeenkomst.md")
            .contains("'2021-02-30' bestaat niet: februari 2021 heeft 28 dagen")
    );
    assert!(
        message("content/interventies/omgekeerd.md").contains("staat de oudste leeftijd eerst"),
        "{}",
        message("content/interventies/omgekeerd.md")
    );
    assert!(message("content/interventies/half.md").contains("hele leeftijden"));
}

// --- Cross references --------------------------------------------------------------------

#[test]
fn e026_a_theme_that_is_not_in_the_agenda() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/voorlezen.md",
        "---\ntitel: Voorlezen\nthemas:\n  - Versterken van taal\n  - Ouderbetrokenheid\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        (
            "content/interventies/voorlezen.md",
            Some((5, 5)),
            "GKA-E026",
        ),
    );
    assert_message(
        &d,
        "onbekend thema 'Ouderbetrokenheid'",
        Some("bedoelt u 'Ouderbetrokkenheid'?"),
    );
}

#[test]
fn e028_an_addendum_that_names_a_missing_interventie() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/huiswerkklas.md",
        "---\ntitel: Huiswerkklas\n---\n\nTekst.\n",
    );
    root.write(
        "content/addenda/2021-2024.md",
        "---\ntitel: Addendum\ninterventies:\n  - huiswerkklas\n  - huiswerkklass\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        ("content/addenda/2021-2024.md", Some((5, 5)), "GKA-E028"),
    );
    assert_message(
        &d,
        "onbekende interventie 'huiswerkklass'",
        Some("bedoelt u 'huiswerkklas'?"),
    );
}

#[test]
fn e029_two_programmalijnen_with_the_same_nummer() {
    let root = SiteRoot::minimal();
    root.write(
        "content/programmalijnen/a.md",
        "---\ntitel: Lijn A\nnummer: 1\n---\n\nTekst.\n",
    );
    root.write(
        "content/programmalijnen/b.md",
        "---\ntitel: Lijn B\nvolgorde: 2\nnummer: 1\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        ("content/programmalijnen/b.md", Some((4, 9)), "GKA-E029"),
    );
    assert_message(&d, "ook het nummer van content/programmalijnen/a.md", None);
}

#[test]
fn e022_two_documents_with_the_same_url() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/a.md",
        "---\ntitel: A\n---\n\nTekst.\n",
    );
    root.write(
        "content/interventies/b.md",
        "---\ntitel: B\nslug: a\n---\n\nTekst.\n",
    );
    let d = only(
        &root,
        1,
        ("content/interventies/b.md", Some((3, 7)), "GKA-E022"),
    );
    assert_message(
        &d,
        "het adres /interventies/a/ wordt ook gebruikt door",
        None,
    );
}

#[test]
fn e024_an_alias_with_dot_dot_and_e025_an_alias_that_hides_a_page() {
    let root = SiteRoot::minimal();
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\naliassen:\n  - /oud/contact/\n  - /oud/../../etc/\n  - /agenda/\n---\n\nTekst.\n",
    );
    let found = assert_check(
        &root,
        &[],
        1,
        &[
            ("content/contact.md", Some((5, 5)), "GKA-E024"),
            ("content/contact.md", Some((6, 5)), "GKA-E025"),
        ],
    );
    assert_message(&found[0], "'..'", None);
    assert_message(
        &found[1],
        "zou de pagina van content/agenda.md verbergen",
        None,
    );
}

// --- Links, images and headings in the text ----------------------------------------------

#[test]
fn e040_broken_internal_links_absolute_and_relative() {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/huiswerkklas.md",
        "---\ntitel: Huiswerkklas\n---\n\nZie [de agenda](/agenda/) en [nergens](/nergens/).\n\nOf [de zomerschool](zomerschool.md) en [de voorschool](../voorschool.md).\n",
    );
    let found = assert_check(
        &root,
        &[],
        1,
        &[
            (
                "content/interventies/huiswerkklas.md",
                Some((5, 30)),
                "GKA-E040",
            ),
            (
                "content/interventies/huiswerkklas.md",
                Some((7, 4)),
                "GKA-E040",
            ),
            (
                "content/interventies/huiswerkklas.md",
                Some((7, 40)),
                "GKA-E040",
            ),
        ],
    );
    let messages: Vec<&str> = found
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("'/nergens/'")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("content/interventies/zomerschool.md")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("content/voorschool.md")),
        "{messages:?}"
    );
}

#[test]
fn e042_a_fragment_that_is_not_a_heading() {
    let root = SiteRoot::minimal();
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\n## Adres\n\nZie [ons adres](#adres) en [de route](#route).\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((7, 28)), "GKA-E042"));
    assert_message(&d, "'#route' is geen kop", Some("#adres"));
}

#[test]
fn e043_a_javascript_link() {
    let root = SiteRoot::minimal();
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\nEen [formulier](javascript:alert(1)).\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((5, 5)), "GKA-E043"));
    assert_message(&d, "'javascript:'", None);
}

#[test]
fn e044_an_image_without_alt_text() {
    let root = SiteRoot::minimal();
    // An SVG: a photo that is no image would be a second error (GKA-E045).
    root.write(
        "content/static/kaart.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"4\" height=\"4\"/>\n",
    );
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\nHet stadhuis:\n\n![](/static/kaart.svg)\n",
    );
    let d = only(&root, 1, ("content/contact.md", Some((7, 1)), "GKA-E044"));
    assert_message(&d, "geen alt-tekst", Some("beschrijf tussen de haken"));
}

const WARNINGS: &str = "---\ntitel: Contact\n---\n\n## Bezoek\n\n[Lees verder](/agenda/), [klik hier](/agenda/) of <https://www.almere.nl/>.\n\n#### Te diep\n\n# Tweede titel\n";

/// `WARNINGS`, as (file, position, code).
const WARNINGS_FOUND: [Expected; 5] = [
    ("content/contact.md", Some((7, 1)), "GKA-W005"),
    ("content/contact.md", Some((7, 26)), "GKA-W005"),
    ("content/contact.md", Some((7, 51)), "GKA-W005"),
    ("content/contact.md", Some((9, 1)), "GKA-W004"),
    ("content/contact.md", Some((11, 1)), "GKA-W003"),
];

#[test]
fn w003_w004_w005_vague_link_texts_skipped_levels_and_an_h1_are_warnings() {
    let root = SiteRoot::minimal();
    root.write("content/contact.md", WARNINGS);
    let found = assert_check(&root, &[], 0, &WARNINGS_FOUND);
    for d in &found {
        assert_eq!(d["severity"], "warning", "{d}");
    }
    let messages: Vec<&str> = found
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    for part in [
        "'Lees verder'",
        "'klik hier'",
        "alleen het adres https://www.almere.nl/",
        "kop van niveau 4 volgt op een kop van niveau 2",
        "kop van niveau 1",
    ] {
        assert!(
            messages.iter().any(|m| m.contains(part)),
            "{part}: {messages:?}"
        );
    }
}

#[test]
fn strict_turns_warnings_into_a_failure() {
    let root = SiteRoot::minimal();
    root.write("content/contact.md", WARNINGS);
    assert_check(&root, &[], 0, &WARNINGS_FOUND);
    assert_check(&root, &["--strict"], 1, &WARNINGS_FOUND);
    // The build follows the same rule, and writes nothing when it fails.
    let built = build_into_temp(root.path(), &["--strict"]);
    built.run.assert_code(1);
    assert!(!built.out.exists());
    build_into_temp(root.path(), &[]).run.assert_success();
}

// --- The output folder -------------------------------------------------------------------

/// `gka build --output <output>` for the site in `<tmp>/site`: refused with exit 2, and
/// nothing in `<tmp>` changes.
#[track_caller]
fn assert_output_refused(output: impl Fn(&Path) -> std::path::PathBuf, why: &str) {
    let root = SiteRoot::minimal();
    let site = root.file("site");
    copy_dir(&root.file("content"), &site.join("content"));
    copy_dir(&root.file("themes"), &site.join("themes"));
    let output = output(&site);
    let before = snapshot(root.path());
    let run = build(&site, &output, &[]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("gka schrijft de site niet in") && run.stderr.contains(why),
        "{why}: {}",
        run.stderr
    );
    assert!(snapshot(root.path()) == before, "{why}: files changed");
}

#[test]
fn output_may_not_be_the_site_or_its_folders() {
    assert_output_refused(
        |site| site.to_path_buf(),
        "daarin staan de bestanden van de site zelf",
    );
    assert_output_refused(
        |site| site.join("content"),
        "die map ligt in content/, themes/ of templates/",
    );
    assert_output_refused(
        |site| site.join("themes"),
        "die map ligt in content/, themes/ of templates/",
    );
    assert_output_refused(
        |site| site.join("content").join("public"),
        "die map ligt in content/, themes/ of templates/",
    );
    assert_output_refused(
        |site| site.parent().unwrap().to_path_buf(),
        "daarin staan de bestanden van de site zelf",
    );
    assert_output_refused(
        |_| std::path::PathBuf::from("/"),
        "de bovenste map van de computer",
    );
}

#[test]
fn output_may_not_be_the_home_folder() {
    let root = SiteRoot::minimal();
    let home = tempfile::tempdir().unwrap();
    fs::write(home.path().join("notities.txt"), "van mij").unwrap();
    let before = snapshot(home.path());
    let run = std::process::Command::new(BIN)
        .arg("build")
        .arg("--root")
        .arg(root.path())
        .arg("--output")
        .arg(home.path())
        .env("HOME", home.path())
        .output()
        .unwrap();
    assert_eq!(run.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&run.stderr).contains("dat is uw persoonlijke map"));
    assert!(snapshot(home.path()) == before);
}

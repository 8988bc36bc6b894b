//! Robustness on malformed input: a few hundred broken documents, generated deterministically
//! from a small set of valid ones by systematic mutations (truncation, broken `---` lines,
//! tabs, bad indentation, unclosed quotes and brackets, wrong types, unknown keys, bad values,
//! non-UTF-8 bytes, YAML alias bombs, …).
//!
//! All of them go into one fixture site, checked with one run of the real binary: it must exit
//! 1 without panicking, and every broken file must get an error with a line number. Variants
//! that only change the encoding (a UTF-8 byte-order mark, CRLF line endings) must be accepted
//! without any diagnostic. The same inputs also go through `gka::build::check_document` for
//! every content type, which must not panic either.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use common::*;

/// A valid document to mutate: its folder in `content/`, its front-matter keys (each key with
/// the rest of its lines after the `:`) and its body. `{n}` in a value is replaced by the
/// case's number, so that values that must be unique (`nummer`) stay unique.
struct Base {
    name: &'static str,
    folder: &'static str,
    keys: &'static [(&'static str, &'static str)],
    body: &'static str,
}

const BODY: &str = "Deze tekst gaat over gelijke kansen.\n\n## Aanpak\n\nMeer over de aanpak op de [website van de gemeente](https://www.almere.nl/).\n";

const BASES: [Base; 5] = [
    Base {
        name: "interventie",
        folder: "interventies",
        keys: &[
            ("titel", " Huiswerkklas {n}"),
            (
                "samenvatting",
                " \"Hulp bij huiswerk: twee middagen per week\"",
            ),
            (
                "themas",
                "\n  - Versterken van taal\n  - Ouderbetrokkenheid",
            ),
            ("leeftijden", "\n  - \"4-12\"\n  - 12-18"),
            ("status", " lopend"),
            ("sinds", " 2019"),
            ("partners", " [Bibliotheek, Buurthuis]"),
            ("website", " https://huiswerkklas.example/"),
            (
                "video",
                "\n  url: https://video.example/huiswerk\n  titel: Film over de huiswerkklas",
            ),
        ],
        body: BODY,
    },
    Base {
        name: "programmalijn",
        folder: "programmalijnen",
        keys: &[
            ("titel", " \"Programmalijn {n}: Passende ondersteuning\""),
            ("nummer", " {n}"),
            ("volgorde", " 2"),
            (
                "ambities",
                "\n  - \"Elk kind krijgt de *ondersteuning* die het nodig heeft.\"",
            ),
            (
                "resultaten",
                "\n  - jaar: 2019\n    leeftijd: \"0-6\"\n    tekst: Acht pilots in de voorschool.",
            ),
        ],
        body: BODY,
    },
    Base {
        name: "nieuws",
        folder: "nieuws",
        keys: &[
            ("titel", " Bijeenkomst {n} over armoede"),
            ("datum", " 2021-03-24"),
            ("soort", " evenement"),
            ("locatie", " Stadhuis Almere"),
            ("samenvatting", " Een middag over omgaan met armoede."),
        ],
        body: BODY,
    },
    Base {
        name: "addendum",
        folder: "addenda",
        keys: &[
            ("titel", " Addendum {n}"),
            ("periode", " 2021-2024"),
            ("ondertekend_op", " 2021-06-01"),
            ("partners", "\n  - Schoolbestuur"),
            ("interventies", "\n  - basis"),
        ],
        body: BODY,
    },
    Base {
        name: "pagina",
        folder: "",
        keys: &[
            ("titel", " Contact {n}"),
            ("samenvatting", " Zo bereikt u ons."),
            ("volgorde", " 5"),
        ],
        body: BODY,
    },
];

/// The valid interventie every addendum refers to (`interventies/basis.md`).
const BASIS: &str = "---\ntitel: Basis\nthemas:\n  - Versterken van taal\n---\n\nDe basis.\n";

/// What a case must give.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Expect {
    /// At least one error with a line number.
    Error,
    /// At least one error with a line number and this code.
    Code(&'static str),
    /// No diagnostic at all: a valid file in another encoding.
    Clean,
}

const E002: Expect = Expect::Code("GKA-E002");
const E003: Expect = Expect::Code("GKA-E003");
const E004: Expect = Expect::Code("GKA-E004");
const E006: Expect = Expect::Code("GKA-E006");
const E007: Expect = Expect::Code("GKA-E007");
const E008: Expect = Expect::Code("GKA-E008");
const E009: Expect = Expect::Code("GKA-E009");
const E013: Expect = Expect::Code("GKA-E013");

/// One generated input.
struct Case {
    /// `content/…` path of the file in the fixture site.
    file: String,
    /// What was done to the base document, for failure messages.
    what: String,
    bytes: Vec<u8>,
    expect: Expect,
}

/// The front-matter lines of `keys`: `key:` and the rest of its lines.
fn front_matter(keys: &[(&str, String)]) -> Vec<String> {
    keys.iter().map(|(k, rest)| format!("{k}:{rest}")).collect()
}

/// A Markdown file: `---`, the front-matter lines, `---`, an empty line and the body.
fn document(front: &[String], body: &str) -> String {
    let mut text = String::from("---\n");
    for entry in front {
        text.push_str(entry);
        text.push('\n');
    }
    text.push_str("---\n\n");
    text.push_str(body);
    text
}

/// YAML whose aliases expand to 9^9 strings: the "billion laughs" attack.
fn billion_laughs() -> String {
    let mut yaml = String::from("a0: &a0 \"lol\"\n");
    for level in 1..=9 {
        let refs = vec![format!("*a{}", level - 1); 9].join(", ");
        yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
    }
    yaml.push_str("titel: *a9\n");
    yaml
}

/// Every mutation of `base`, as (what, bytes, expectation). Each case gets its own `{n}`.
fn mutations(base: &Base) -> Vec<(String, Vec<u8>, Expect)> {
    let mut out: Vec<(String, Vec<u8>, Expect)> = Vec::new();
    let mut n = 0;
    let keys = |n: usize| -> Vec<(&'static str, String)> {
        base.keys
            .iter()
            .map(|(k, v)| (*k, v.replace("{n}", &n.to_string())))
            .collect()
    };
    let mut add = |what: String, bytes: Vec<u8>, expect: Expect| {
        out.push((what, bytes, expect));
    };
    let mut next = || {
        n += 1;
        n
    };

    // Valid in another encoding: accepted, no diagnostics.
    let valid = |n| document(&front_matter(&keys(n)), base.body);
    add(
        "byte-order mark".into(),
        {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend(valid(next()).into_bytes());
            b
        },
        Expect::Clean,
    );
    add(
        "CRLF line endings".into(),
        valid(next()).replace('\n', "\r\n").into_bytes(),
        Expect::Clean,
    );
    add(
        "byte-order mark and CRLF".into(),
        {
            let mut b = vec![0xEF, 0xBB, 0xBF];
            b.extend(valid(next()).replace('\n', "\r\n").into_bytes());
            b
        },
        Expect::Clean,
    );
    add(
        "old Mac CR line endings".into(),
        valid(next()).replace('\n', "\r").into_bytes(),
        Expect::Clean,
    );

    // Truncated at every line of the front matter (the closing `---` is lost).
    let text = valid(next());
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let closing = lines.iter().skip(1).position(|l| *l == "---\n").unwrap() + 1;
    for cut in 0..=closing {
        let expect = if cut == 0 { E003 } else { E004 };
        add(
            format!("truncated after {cut} lines"),
            lines[..cut].concat().into_bytes(),
            expect,
        );
    }
    // Truncated inside the last key line, no newline at the end.
    let partial = lines[..closing].concat();
    add(
        "truncated mid-line".into(),
        partial.as_bytes()[..partial.len() - 3].to_vec(),
        E004,
    );

    // The `---` lines dropped, duplicated or misspelt.
    let front = front_matter(&keys(next()));
    let yaml = front.join("\n") + "\n";
    add(
        "no opening ---".into(),
        format!("{yaml}---\n\n{}", base.body).into_bytes(),
        E003,
    );
    add(
        "no closing ---".into(),
        format!("---\n{yaml}\n{}", base.body).into_bytes(),
        E004,
    );
    add(
        "no --- at all".into(),
        format!("{yaml}\n{}", base.body).into_bytes(),
        E003,
    );
    add(
        "opening --- twice".into(),
        format!("---\n---\n{yaml}---\n\n{}", base.body).into_bytes(),
        Expect::Error,
    );
    for opening in ["----", "- --", "--", "+++", "..."] {
        add(
            format!("opening line {opening:?}"),
            format!("{opening}\n{yaml}---\n\n{}", base.body).into_bytes(),
            E003,
        );
    }
    add(
        "closing ... instead of ---".into(),
        format!("---\n{yaml}...\n\n{}", base.body).into_bytes(),
        E004,
    );
    add("empty file".into(), Vec::new(), E003);
    add("only ---".into(), b"---".to_vec(), E004);
    add("body only".into(), base.body.as_bytes().to_vec(), E003);

    // Not a mapping.
    for (what, yaml) in [
        ("a list", "- titel\n- Huiswerkklas\n"),
        ("a single text", "Huiswerkklas\n"),
        ("a number", "42\n"),
        ("a flow list", "[titel, Huiswerkklas]\n"),
    ] {
        add(
            format!("front matter is {what}"),
            format!("---\n{yaml}---\n\n{}", base.body).into_bytes(),
            E006,
        );
    }

    // Per key: broken syntax, wrong types, bad indentation, tabs.
    for (i, (key, _)) in base.keys.iter().enumerate() {
        let mut with = |replacement: &str| {
            let mut k = keys(next());
            k[i].1 = replacement.to_string();
            document(&front_matter(&k), base.body).into_bytes()
        };
        add(
            format!("{key}: unclosed double quote"),
            with(" \"niet gesloten"),
            Expect::Error,
        );
        add(
            format!("{key}: unclosed single quote"),
            with(" 'niet gesloten"),
            Expect::Error,
        );
        add(
            format!("{key}: unclosed bracket"),
            with(" [een, twee"),
            Expect::Error,
        );
        add(
            format!("{key}: unclosed brace"),
            with(" {een: twee"),
            Expect::Error,
        );
        // A mapping is wrong everywhere; for `video` it has an unknown key instead.
        let expect = if *key == "video" { E007 } else { E008 };
        let expect = if matches!(*key, "status" | "soort") {
            Expect::Error
        } else {
            expect
        };
        add(
            format!("{key}: a mapping (wrong type)"),
            with(" {x: 1}"),
            expect,
        );
        add(
            format!("{key}: unknown alias"),
            with(" *bestaat_niet"),
            Expect::Error,
        );
        add(
            format!("{key}: a tab as indentation"),
            with("\n\t- tab"),
            Expect::Error,
        );
        let value = base.keys[i].1;
        if !value.starts_with('\n') && !value.starts_with(" [") {
            add(format!("{key}: a list (wrong type)"), with(" [1, 2]"), E008);
        }
        let mut k = keys(next());
        let mut front = front_matter(&k);
        front[i] = format!("\t{}", front[i]);
        add(
            format!("{key}: a tab before the key"),
            document(&front, base.body).into_bytes(),
            Expect::Error,
        );
        if i > 0 {
            let mut front = front_matter(&k);
            front[i] = format!(" {}", front[i]);
            add(
                format!("{key}: indented one space"),
                document(&front, base.body).into_bytes(),
                Expect::Error,
            );
        }
        // The key twice.
        k.push(k[i].clone());
        add(
            format!("{key}: twice"),
            document(&front_matter(&k), base.body).into_bytes(),
            Expect::Error,
        );
    }

    // Unknown keys.
    for (what, extra) in [
        ("unknown key", ("onbekend", " waarde".to_string())),
        ("misspelt key", ("samenvating", " Tekst".to_string())),
        ("key with a capital", ("Titel", " Tekst".to_string())),
    ] {
        let mut k = keys(next());
        k.push(extra);
        add(
            what.to_string(),
            document(&front_matter(&k), base.body).into_bytes(),
            E007,
        );
    }

    // Required keys dropped.
    let required: &[&str] = match base.name {
        "programmalijn" => &["titel", "nummer"],
        "nieuws" => &["titel", "datum"],
        _ => &["titel"],
    };
    for key in required {
        let k: Vec<_> = keys(next())
            .into_iter()
            .filter(|(name, _)| name != key)
            .collect();
        add(
            format!("required {key} missing"),
            document(&front_matter(&k), base.body).into_bytes(),
            E009,
        );
    }
    let empty = format!("---\n---\n\n{}", base.body);
    add("empty front matter".into(), empty.into_bytes(), E009);

    // Bad values for the keys with a form.
    let mut bad_values: Vec<(&str, &str)> = vec![
        ("volgorde", " veel"),
        ("titel", " ~"),
        ("titel", " !!binary /w=="),
        ("concept", " misschien"),
        ("datum", " 2021-13-45"),
        ("datum", " 2021-02-30"),
        ("datum", " 24-03-2021"),
        ("datum", " morgen"),
        ("aliassen", " {oud: /x/}"),
    ];
    bad_values.extend(match base.name {
        "interventie" => vec![
            ("leeftijden", "\n  - 18-12"),
            ("leeftijden", "\n  - 6-6"),
            ("leeftijden", "\n  - 0-6.5"),
            ("leeftijden", "\n  - baby"),
            ("leeftijden", "\n  - -1-4"),
            ("leeftijden", "\n  - 0-300"),
            ("status", " misschien"),
            ("status", " Lopend"),
            ("sinds", " -5"),
            ("sinds", " 70000"),
            ("sinds", " 2019.5"),
            (
                "video",
                "\n  url: https://video.example/\n  titel: Film\n  duur: 3",
            ),
            ("video", "\n  url: https://video.example/"),
        ],
        "programmalijn" => vec![
            ("nummer", " -1"),
            ("nummer", " 1.5"),
            ("nummer", " drie"),
            (
                "resultaten",
                "\n  - jaar: 2019\n    leeftijd: 6-0\n    tekst: X",
            ),
            (
                "resultaten",
                "\n  - jaar: negentien\n    leeftijd: 0-6\n    tekst: X",
            ),
            ("resultaten", "\n  - jaar: 2019\n    tekst: X"),
            (
                "resultaten",
                "\n  - jaar: 2019\n    leeftijd: 0-6\n    tekst: X\n    extra: Y",
            ),
        ],
        "nieuws" => vec![("soort", " artikel"), ("datum", " 2021-3-4x")],
        "addendum" => vec![
            ("periode", " 2024-2021"),
            ("periode", " 2021"),
            ("periode", " twintig-dertig"),
            ("ondertekend_op", " gisteren"),
        ],
        _ => vec![],
    });
    for (key, value) in bad_values {
        let mut k = keys(next());
        match k.iter_mut().find(|(name, _)| *name == key) {
            Some(entry) => entry.1 = value.to_string(),
            None => k.push((key, value.to_string())),
        }
        add(
            format!("{key}:{value}"),
            document(&front_matter(&k), base.body).into_bytes(),
            Expect::Error,
        );
    }

    // Bytes that are not UTF-8, in the front matter and in the body.
    let text = valid(next());
    let body_at = text.rfind("## Aanpak").unwrap();
    let title_at = text.find("titel:").unwrap() + "titel: ".len();
    for (what, at, bytes) in [
        ("0xFF in the title", title_at, &[0xFF][..]),
        ("Latin-1 é in the title", title_at, &[0xE9][..]),
        (
            "overlong encoding in the title",
            title_at,
            &[0xC0, 0xAF][..],
        ),
        ("lone continuation byte in the body", body_at, &[0x80][..]),
        (
            "UTF-16 surrogate in the body",
            body_at,
            &[0xED, 0xA0, 0x80][..],
        ),
        ("0xFF at the very start", 0, &[0xFF][..]),
        (
            "truncated sequence at the end",
            text.len(),
            &[0xE2, 0x82][..],
        ),
    ] {
        let mut b = text.clone().into_bytes();
        b.splice(at..at, bytes.iter().copied());
        add(format!("not UTF-8: {what}"), b, E002);
    }
    let mut utf16 = vec![0xFF, 0xFE];
    utf16.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    add("UTF-16 file".into(), utf16, E002);

    // Hostile YAML: alias expansion and deep nesting.
    let mut k = keys(next());
    k.retain(|(name, _)| *name != "titel");
    let mut front = vec![billion_laughs()];
    front.extend(front_matter(&k));
    add(
        "billion laughs".into(),
        document(&front, base.body).into_bytes(),
        E013,
    );
    let deep = format!("titel: {}{}", "[".repeat(10_000), "]".repeat(10_000));
    add(
        "10 000 nested lists".into(),
        document(&[deep], base.body).into_bytes(),
        E013,
    );
    let huge = format!("titel: Groot\nsamenvatting: \"{}\"", "x".repeat(70 * 1024));
    add(
        "front matter over 64 KiB".into(),
        document(&[huge], base.body).into_bytes(),
        E013,
    );

    out
}

/// Every case, numbered, with its file in the fixture site.
fn cases() -> Vec<Case> {
    let mut cases = Vec::new();
    for base in &BASES {
        for (what, bytes, expect) in mutations(base) {
            let name = format!("{}-{:03}.md", base.name, cases.len());
            let file = if base.folder.is_empty() {
                format!("content/{name}")
            } else {
                format!("content/{}/{name}", base.folder)
            };
            cases.push(Case {
                file,
                what,
                bytes,
                expect,
            });
        }
    }
    cases
}

#[test]
fn there_are_a_few_hundred_cases() {
    let cases = cases();
    assert!(cases.len() >= 300, "{} cases", cases.len());
    let clean = cases.iter().filter(|c| c.expect == Expect::Clean).count();
    assert_eq!(clean, 4 * BASES.len());
}

/// One run of the real binary over a site holding every case.
#[test]
fn gka_check_reports_every_malformed_file_with_a_line_and_accepts_bom_and_crlf() {
    let cases = cases();
    let root = SiteRoot::minimal();
    root.write("content/interventies/basis.md", BASIS);
    for case in &cases {
        root.write(&case.file, &case.bytes);
    }
    let (run, found) = check_json(root.path(), &[]);
    run.assert_code(1);
    assert!(
        !run.stderr.contains("panicked"),
        "gka panicked:\n{}",
        run.stderr
    );

    let mut by_file: BTreeMap<&str, Vec<&serde_json::Value>> = BTreeMap::new();
    for d in &found {
        by_file
            .entry(d["file"].as_str().unwrap())
            .or_default()
            .push(d);
    }
    let mut problems = Vec::new();
    for case in &cases {
        let diagnostics = by_file.remove(case.file.as_str()).unwrap_or_default();
        match case.expect {
            Expect::Error | Expect::Code(_) => {
                let located = diagnostics.iter().any(|d| {
                    d["severity"] == "error"
                        && d["line"].as_u64().is_some_and(|l| l >= 1)
                        && d["column"].as_u64().is_some_and(|c| c >= 1)
                        && match case.expect {
                            Expect::Code(code) => d["code"] == code,
                            _ => true,
                        }
                });
                if !located {
                    problems.push(format!(
                        "{} ({}): no {:?} error with a line: {diagnostics:?}",
                        case.file, case.what, case.expect
                    ));
                }
            }
            Expect::Clean => {
                if !diagnostics.is_empty() {
                    problems.push(format!(
                        "{} ({}) is valid but got {diagnostics:?}",
                        case.file, case.what
                    ));
                }
            }
        }
    }
    let others: BTreeSet<&str> = by_file.keys().copied().collect();
    assert!(
        others.is_empty(),
        "diagnostics about files that are fine: {others:?}"
    );
    assert!(
        problems.is_empty(),
        "{} of {} cases:\n{}",
        problems.len(),
        cases.len(),
        problems.join("\n")
    );
}

/// The human report (source lines with markers) survives the same inputs.
#[test]
fn the_human_report_survives_malformed_files() {
    let root = SiteRoot::minimal();
    root.write("content/interventies/basis.md", BASIS);
    for case in cases() {
        root.write(&case.file, &case.bytes);
    }
    let run = gka([
        std::ffi::OsStr::new("check"),
        "--root".as_ref(),
        root.path().as_os_str(),
    ]);
    run.assert_code(1);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    assert!(run.stderr.contains("Niet gelukt: "), "{}", run.stderr);
}

/// One content path per content type, as the fuzz target picks them.
const PATHS: [&str; 8] = [
    "index.md",
    "agenda.md",
    "addenda/x.md",
    "interventies/x.md",
    "programmalijnen/x.md",
    "nieuws/x.md",
    "_index.md",
    "pagina.md",
];

/// Runs `bytes` through `check_document` as every content type, with the fuzz target's
/// invariants: no panic, and every position 1-based and at most one line past the end.
fn check_as_every_type(label: &str, bytes: &[u8]) {
    let lines = 1 + bytes
        .iter()
        .enumerate()
        .filter(|(i, b)| **b == b'\n' || (**b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    for path in PATHS {
        let found = std::panic::catch_unwind(|| gka::build::check_document(path, bytes))
            .unwrap_or_else(|_| panic!("{label} as {path} panicked"));
        for d in found {
            if let Some(p) = d.position {
                assert!(
                    p.line >= 1 && p.column >= 1 && p.line <= lines + 1,
                    "{label} as {path}, {lines} lines: {d}"
                );
            }
        }
    }
}

/// Every case through the library, as every content type.
#[test]
fn check_document_never_panics() {
    for case in cases() {
        check_as_every_type(&format!("{} ({})", case.file, case.what), &case.bytes);
    }
}

/// Inputs kept in `tests/fixtures/fuzz-regressions/` (see `fuzz/README.md`): each once
/// crashed or stalled `check_document`, and goes through it again as every content type.
#[test]
fn fuzz_regressions_stay_fixed() {
    let dir = repo_root().join("tests/fixtures/fuzz-regressions");
    let mut inputs: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    inputs.sort();
    assert!(!inputs.is_empty(), "no inputs in {}", dir.display());
    for input in inputs {
        let bytes = std::fs::read(&input).unwrap();
        // Some once stalled; how fast they go now is for benchmarks, not for a test.
        check_as_every_type(&input.display().to_string(), &bytes);
    }
}

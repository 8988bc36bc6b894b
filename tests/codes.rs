//! Every diagnostic code has a fixture site, `tests/fixtures/codes/<code>/`, that makes gka
//! report that code, and no other. What `gka check` prints for it is kept as a snapshot
//! (`verwacht.txt`, in Dutch, with its file, line and column), and the example under the
//! code's heading in `docs/errors.md` (Dutch) and `docs/errors.en.md` (English) must be
//! exactly what gka prints for it: the documentation cannot drift from the catalogue.
//!
//! After a deliberate change of wording, `GKA_SNAPSHOTS=overwrite cargo test --test codes`
//! rewrites the snapshots and the examples in both documents; review the diff.

mod common;

use std::fs;
use std::path::Path;
use std::process::Command;

use common::*;
use gka::diagnostics::Code;

/// Codes no fixture can bring about, each with the reason. Their examples in the documents
/// are written by hand.
const NOT_REPRODUCIBLE: &[(&str, &str)] = &[(
    "GKA-W009",
    "needs a folder beside the output that cannot be removed, which a test running as root \
     cannot make",
)];

/// Whether snapshots and documented examples are to be rewritten rather than compared.
fn overwrite() -> bool {
    std::env::var("GKA_SNAPSHOTS").is_ok_and(|v| v == "overwrite")
}

/// Adds to the fixture what git cannot carry or what must point outside the copy: symbolic
/// links, file names with a backslash, a photo and a large file (made here, so the repository
/// holds no binary file).
fn prepare(code: &str, root: &SiteRoot) {
    match code {
        "GKA-E046" => {
            let photo = image::RgbImage::from_pixel(64, 48, image::Rgb([200, 120, 40]));
            let mut jpeg = Vec::new();
            photo
                .write_to(
                    &mut std::io::Cursor::new(&mut jpeg),
                    image::ImageFormat::Jpeg,
                )
                .unwrap();
            root.write("content/static/kinderen.jpg", jpeg);
        }
        "GKA-E001" => symlink("bestaat-niet.md", &root.file("content/contact.md")),
        // A 40 MB scan, sparse: it takes no room on the disk.
        "GKA-W012" => {
            std::fs::create_dir_all(root.file("content/static")).unwrap();
            let file = std::fs::File::create(root.file("content/static/verslag.pdf")).unwrap();
            file.set_len(40_000_000).unwrap();
        }
        "GKA-E014" => root.write(
            "content/nieuws\\open-dag.md",
            "---\ntitel: Open dag\ndatum: 2025-06-14\n---\n\nDe bibliotheek is open.\n",
        ),
        "GKA-E015" => symlink("/etc/hostname", &root.file("content/contact.md")),
        // A copy of gka's theme from another version of gka, as an older `gka new` made.
        "GKA-W050" => {
            let theme = root.file("themes/gka/theme.yaml");
            let text = std::fs::read_to_string(&theme).unwrap();
            root.write(
                "themes/gka/theme.yaml",
                format!("{text}# Van een oudere gka.\n"),
            );
        }
        // A copy of a gemeente's open data that this gka cannot read: made by a newer gka.
        "GKA-W061" => root.write("bronnen/zwolle/gka.json", "{\"versie\": 2}\n"),
        // A gemeente's site in a folder of the national site, with a front matter that does
        // not close.
        "GKA-W063" => {
            root.write(
                "gemeenten/zwolle/content/site.yaml",
                "gemeente: Zwolle\nbase_url: \"https://gka.zwolle.example/\"\n",
            );
            for file in ["index.md", "agenda.md"] {
                let text = fs::read_to_string(root.file(&format!("content/{file}"))).unwrap();
                root.write(&format!("gemeenten/zwolle/content/{file}"), text);
            }
            root.write(
                "gemeenten/zwolle/content/interventies/kapot.md",
                "---\ntitel: Kapot\n",
            );
        }
        // A national site's theme mapping, over the site of Zwolle in a folder, whose agenda
        // and interventie have the theme `Taal`.
        "GKA-E061" | "GKA-W064" | "GKA-W065" => {
            root.write(
                "gemeenten/zwolle/content/site.yaml",
                "gemeente: Zwolle\nbase_url: \"https://gka.zwolle.example/\"\n",
            );
            root.write(
                "gemeenten/zwolle/content/index.md",
                "---\ntitel: GKA Zwolle\n---\n\nZwolle werkt aan gelijke kansen.\n",
            );
            root.write(
                "gemeenten/zwolle/content/agenda.md",
                "---\ntitel: GKA-Agenda\nthemas: [Taal]\n---\n\nDe agenda van Zwolle.\n",
            );
            root.write(
                "gemeenten/zwolle/content/interventies/voorlezen.md",
                "---\ntitel: Voorlezen\nthemas: [Taal]\n---\n\nVrijwilligers lezen voor.\n",
            );
        }
        "GKA-W006" => {
            root.write(
                "content/nieuws/open-dag.md",
                "---\ntitel: Open dag\ndatum: 2025-06-14\n---\n\nDe bibliotheek is open.\n",
            );
            symlink("nieuws", &root.file("content/actueel"));
        }
        _ => {}
    }
}

/// What the fixture of `code` is checked with besides `--lang`: to-dos are summed up per file
/// unless `--todos` asks for each, and the documented example is one.
fn flags(code: &str) -> &'static [&'static str] {
    match code {
        "GKA-W008" => &["--todos"],
        _ => &[],
    }
}

fn symlink(target: &str, link: &Path) {
    std::os::unix::fs::symlink(target, link)
        .unwrap_or_else(|e| panic!("symlink {}: {e}", link.display()));
}

/// The command that reports `code`: `gka check`, but for a source that cannot be fetched,
/// which only fetching finds (its fixture's address is a closed port on this computer).
fn command(code: &str) -> &'static str {
    match code {
        "GKA-W060" => "bronnen",
        _ => "check",
    }
}

/// Runs the command of `code` ([`command`]) on its fixture in `lang`; returns what it printed
/// on stderr.
fn check(code: &str, lang: &str) -> String {
    let root = SiteRoot::fixture(&format!("codes/{code}"));
    prepare(code, &root);
    let output = Command::new(BIN)
        .args([command(code), "--lang", lang])
        .args(flags(code))
        .arg("--root")
        .arg(root.path())
        .env_remove("GKA_LANG")
        .env("NO_COLOR", "1")
        .output()
        .expect("the gka binary runs");
    String::from_utf8(output.stderr).expect("gka prints UTF-8")
}

/// The diagnostics in a human report, each as its lines: a heading line naming the code,
/// then the indented source lines, markers and hints.
fn diagnostics(report: &str) -> Vec<String> {
    let mut found: Vec<String> = Vec::new();
    let mut open = false;
    for line in report.lines() {
        let continues = line.starts_with(' ')
            || line
                .split_once('|')
                .is_some_and(|(gutter, _)| gutter.trim().chars().all(|c| c.is_ascii_digit()));
        if line.contains("[GKA-") && !continues {
            found.push(format!("{line}\n"));
            open = true;
        } else if open && continues {
            found.last_mut().unwrap().push_str(&format!("{line}\n"));
        } else {
            open = false;
        }
    }
    found
}

/// The part of `doc` under the heading `## <code>`, up to the next heading.
fn section<'a>(doc: &'a str, code: &str) -> Option<&'a str> {
    let start = doc.find(&format!("\n## {code}\n"))? + 1;
    let end = doc[start + 3..]
        .find("\n## ")
        .map_or(doc.len(), |end| start + 3 + end + 1);
    Some(&doc[start..end])
}

/// The first ```` ```text ```` block of a section, its contents.
fn example(section: &str) -> Option<&str> {
    let start = section.find("```text\n")? + "```text\n".len();
    let end = start + section[start..].find("```\n")?;
    Some(&section[start..end])
}

/// `doc` with the example of `code` replaced by `wanted`, or added after the section's text.
fn with_example(doc: &str, code: &str, wanted: &str) -> String {
    let section = section(doc, code).unwrap_or_else(|| panic!("no section for {code}"));
    let at = doc.find(section).unwrap();
    let replaced = match example(section) {
        // By place, not by text: an empty example is found everywhere.
        Some(old) => {
            let start = old.as_ptr() as usize - section.as_ptr() as usize;
            format!(
                "{}{wanted}{}",
                &section[..start],
                &section[start + old.len()..]
            )
        }
        None => format!("{}\n\n```text\n{wanted}```\n\n", section.trim_end()),
    };
    format!("{}{replaced}{}", &doc[..at], &doc[at + section.len()..])
}

#[test]
fn every_code_has_a_fixture_whose_report_is_the_documented_example() {
    let docs = [
        ("nl", repo_root().join("docs/errors.md")),
        ("en", repo_root().join("docs/errors.en.md")),
    ];
    let mut texts: Vec<String> = docs
        .iter()
        .map(|(_, path)| fs::read_to_string(path).unwrap())
        .collect();
    let mut problems = Vec::new();

    for code in Code::ALL.iter().map(|c| c.as_str()) {
        let fixture = fixture_dir(&format!("codes/{code}"));
        if let Some((_, why)) = NOT_REPRODUCIBLE.iter().find(|(c, _)| *c == code) {
            assert!(
                !fixture.exists(),
                "{code} has a fixture but is listed as not reproducible"
            );
            assert!(!why.is_empty());
            for ((lang, _), text) in docs.iter().zip(&texts) {
                let documented = section(text, code).and_then(example);
                if !documented.is_some_and(|e| e.contains(&format!("[{code}]"))) {
                    problems.push(format!("{code}: the {lang} documentation has no example"));
                }
            }
            continue;
        }
        assert!(
            fixture.is_dir(),
            "{code} has no fixture in {}",
            fixture.display()
        );

        for ((lang, _), text) in docs.iter().zip(texts.iter_mut()) {
            let report = check(code, lang);
            let found = diagnostics(&report);
            let [only] = found.as_slice() else {
                problems.push(format!(
                    "{code} ({lang}): the fixture should give exactly one diagnostic:\n{report}"
                ));
                continue;
            };
            if !only.contains(&format!("[{code}]")) {
                problems.push(format!(
                    "{code} ({lang}): the fixture gives another code:\n{only}"
                ));
                continue;
            }
            if *lang == "nl" {
                let snapshot = fixture.join("verwacht.txt");
                if overwrite() {
                    fs::write(&snapshot, &report).unwrap();
                } else if fs::read_to_string(&snapshot).ok().as_deref() != Some(&report) {
                    problems.push(format!(
                        "{code}: gka check prints something else than {}:\n{report}",
                        snapshot.display()
                    ));
                }
            }
            let documented = section(text, code).and_then(example);
            if overwrite() {
                *text = with_example(text, code, only);
            } else if documented != Some(only.as_str()) {
                problems.push(format!(
                    "{code}: the example in the {lang} documentation is not what gka prints:\n\
                     documented:\n{}\nprinted:\n{only}",
                    documented.unwrap_or("(none)\n")
                ));
            }
        }
    }

    if overwrite() {
        for ((_, path), text) in docs.iter().zip(&texts) {
            fs::write(path, text).unwrap();
        }
    }
    assert!(
        problems.is_empty(),
        "{}\n(after a deliberate change: GKA_SNAPSHOTS=overwrite cargo test --test codes)",
        problems.join("\n")
    );
}

#[test]
fn the_dutch_and_english_documentation_explain_every_code_and_no_other() {
    for doc in ["docs/errors.md", "docs/errors.en.md"] {
        let text = fs::read_to_string(repo_root().join(doc)).unwrap();
        for code in Code::ALL {
            assert!(
                section(&text, code.as_str()).is_some(),
                "{doc} does not explain {code}"
            );
        }
        for line in text.lines().filter(|l| l.starts_with("## GKA-")) {
            assert!(
                Code::ALL.iter().any(|c| c.as_str() == &line[3..]),
                "{doc} explains unknown code {line}"
            );
        }
    }
}

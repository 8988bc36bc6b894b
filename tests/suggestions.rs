//! "Bedoelt u …?": a link that leads nowhere, or a theme that is not in the agenda, gets a hint
//! with the address or the name its author most likely meant.

mod common;

use std::ffi::OsStr;

use common::*;

/// A minimal site with an interventie `huiswerkklas`, a news item `zomerschool-2025` and a
/// contact page in `content/` that links to both by near misses; the interventie names a
/// theme with a typo.
fn site() -> SiteRoot {
    let root = SiteRoot::minimal();
    root.write(
        "content/interventies/huiswerkklas.md",
        "---\ntitel: Huiswerkklas\nthemas:\n  - Versterken van tall\n---\n\nHulp bij huiswerk.\n",
    );
    root.write(
        "content/nieuws/zomerschool-2025.md",
        "---\ntitel: Zomerschool 2025\ndatum: 2025-07-01\n---\n\nDe zomerschool begint.\n",
    );
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\nVraag naar [de huiswerkklas](/interventies/huiswerk-klas/).\n\
         Lees over [de zomerschool](zomerschool-2025.md).\n",
    );
    root
}

#[test]
fn near_misses_get_the_address_they_most_likely_meant() {
    let root = site();
    let (run, found) = check_json(root.path(), &[]);
    run.assert_code(1);
    let problem = |code: &str, line: u64| {
        found
            .iter()
            .find(|d| d["code"] == code && d["line"] == line)
            .unwrap_or_else(|| panic!("no {code} on line {line}: {found:#?}"))
    };

    let near_miss = problem("GKA-E040", 5);
    assert_eq!(near_miss["file"], "content/contact.md");
    assert_eq!(near_miss["column"], 12);
    assert_eq!(
        near_miss["message"],
        "de link naar '/interventies/huiswerk-klas/' past bij geen pagina of bestand van de \
         site (/interventies/huiswerk-klas/)"
    );
    assert_eq!(
        near_miss["hint"],
        "bedoelt u /interventies/huiswerkklas/? Dat adres bestaat wel"
    );

    // `.md` links are relative to the file: content/zomerschool-2025.md does not exist.
    let markdown = problem("GKA-E040", 6);
    assert_eq!(markdown["file"], "content/contact.md");
    assert_eq!(markdown["column"], 11);
    assert_eq!(
        markdown["message"],
        "de link naar 'zomerschool-2025.md' wijst naar content/zomerschool-2025.md, maar dat \
         bestand bestaat niet of is een concept"
    );
    assert_eq!(
        markdown["hint"],
        "bedoelt u content/nieuws/zomerschool-2025.md? Link dan naar het adres van die pagina: \
         /nieuws/zomerschool-2025/"
    );

    let theme = problem("GKA-E026", 4);
    assert_eq!(theme["file"], "content/interventies/huiswerkklas.md");
    assert_eq!(theme["column"], 5);
    assert_eq!(theme["message"], "onbekend thema 'Versterken van tall'");
    assert!(
        theme["hint"]
            .as_str()
            .unwrap()
            .starts_with("bedoelt u 'Versterken van taal'?"),
        "{theme:#?}"
    );
    assert_eq!(found.len(), 3, "{found:#?}");
}

#[test]
fn the_suggested_addresses_are_right() {
    let root = site();
    root.edit(
        "content/contact.md",
        "/interventies/huiswerk-klas/",
        "/interventies/huiswerkklas/",
    );
    root.edit(
        "content/contact.md",
        "(zomerschool-2025.md)",
        "(/nieuws/zomerschool-2025/)",
    );
    root.edit(
        "content/interventies/huiswerkklas.md",
        "Versterken van tall",
        "Versterken van taal",
    );
    let run = gka([
        OsStr::new("check"),
        OsStr::new("--root"),
        root.path().as_os_str(),
    ]);
    run.assert_success();
    assert!(
        run.stderr.contains("0 fouten, 0 waarschuwingen"),
        "{}",
        run.stderr
    );
}

#[test]
fn the_human_report_shows_the_hint_under_the_line() {
    let root = site();
    let run = gka([
        OsStr::new("check"),
        OsStr::new("--format"),
        OsStr::new("human"),
        OsStr::new("--root"),
        root.path().as_os_str(),
    ]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/contact.md:5:12: "),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("bedoelt u /interventies/huiswerkklas/? Dat adres bestaat wel"),
        "{}",
        run.stderr
    );
    // No example gemeente in any hint.
    assert!(
        !run.stderr.to_lowercase().contains("almere"),
        "{}",
        run.stderr
    );
}

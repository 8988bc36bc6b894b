//! Nothing lost, nothing injected: a build that succeeds publishes no damage. One test per
//! finding, each on the `nothing-lost` fixture (a home page, an agenda, a contact page, an
//! interventie, an event and a security contact) changed the way a careless or hostile edit
//! would change it.

mod common;

use std::collections::HashSet;
use std::fs;

use common::*;

/// The diagnostics of `gka check` on `root` with `code`, as `(file, line, message)`.
fn found(root: &SiteRoot, code: &str) -> Vec<(String, Option<u64>, String)> {
    let (run, found) = check_json(root.path(), &[]);
    assert_ne!(run.code, Some(0), "check passed:\n{}", run.stderr);
    found
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| {
            (
                d["file"].as_str().unwrap().to_string(),
                d["line"].as_u64(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// Builds `root` and checks that it fails and writes nothing.
#[track_caller]
fn build_fails(root: &SiteRoot) {
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_code(1);
    assert!(
        !built.out.exists(),
        "a failed build wrote {}",
        built.out.display()
    );
}

#[test]
fn fixture_builds_cleanly() {
    let root = SiteRoot::fixture("nothing-lost");
    let (run, found) = check_json(root.path(), &[]);
    run.assert_success();
    assert!(found.is_empty(), "{found:#?}");
}

// 1. An alias overwrites a real page.
#[test]
fn alias_overwriting_a_real_file_is_an_error() {
    let aliases = [
        "/index.html",
        "/contact/index.html",
        "/agenda/index.html",
        "/interventies/huiswerkklas/index.html",
        "/zoeken/",
        "/.well-known/security.txt",
        "/data/interventies.csv",
        "/pagefind/pagefind.js",
    ];
    for alias in aliases {
        let root = SiteRoot::fixture("nothing-lost");
        root.edit(
            "content/nieuws/open-dag.md",
            "soort:",
            &format!("aliassen: [\"{alias}\"]\nsoort:"),
        );
        let found = found(&root, "GKA-E032");
        assert_eq!(found.len(), 1, "{alias}: {found:#?}");
        let (file, line, message) = &found[0];
        assert_eq!(file, "content/nieuws/open-dag.md", "{alias}");
        assert_eq!(*line, Some(4), "{alias}: the alias's line");
        assert!(
            message.contains(alias.trim_end_matches('/')),
            "{alias}: {message}"
        );
        build_fails(&root);
    }
}

// 2. Two outputs on one address, decided by chance.
#[test]
fn two_outputs_on_one_address_are_an_error() {
    // A page beside the news section's list page (which has no `_index.md`).
    let root = SiteRoot::fixture("nothing-lost");
    root.write(
        "content/nieuws.md",
        "---\ntitel: Nieuws\n---\n\nOns nieuws.\n",
    );
    let found_here = found(&root, "GKA-E032");
    assert_eq!(found_here.len(), 1, "{found_here:#?}");
    assert_eq!(found_here[0].0, "content/nieuws.md");
    assert!(
        found_here[0].2.contains("/nieuws/index.html"),
        "{found_here:#?}"
    );
    build_fails(&root);

    // A page where the search page goes, with search on; without search it is the page.
    let root = SiteRoot::fixture("nothing-lost");
    root.write(
        "content/zoeken.md",
        "---\ntitel: Zoeken\n---\n\nZoek hier.\n",
    );
    let found_here = found(&root, "GKA-E032");
    assert_eq!(found_here.len(), 1, "{found_here:#?}");
    assert!(found_here[0].2.contains("de zoekpagina"), "{found_here:#?}");
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let zoeken = fs::read_to_string(built.out.join("zoeken/index.html")).unwrap();
    assert!(zoeken.contains("Zoek hier."));

    // An agenda theme without a name would be a term page at /themas//, the overview's file.
    let root = SiteRoot::fixture("nothing-lost");
    root.edit("content/agenda.md", "themas:\n", "themas:\n  - \"\"\n");
    let found_here = found(&root, "GKA-E011");
    assert_eq!(found_here.len(), 1, "{found_here:#?}");
    assert_eq!(found_here[0].0, "content/agenda.md");
    assert_eq!(found_here[0].1, Some(4));
}

// 3. Spreadsheet formulas in the open data.
#[test]
fn spreadsheet_formulas_in_open_data_are_neutralised() {
    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/interventies/huiswerkklas.md",
        "doelgroep: Leerlingen van groep 5 tot en met 8",
        "doelgroep: \"=HYPERLINK(\\\"https://evil.example\\\",\\\"klik\\\")\"",
    );
    root.edit(
        "content/interventies/huiswerkklas.md",
        "  - Bibliotheek Voorbeeldstad",
        "  - \"+31 cmd\"\n  - \"@SUM(A1)\"",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let text = fs::read_to_string(built.out.join("data/interventies.csv")).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers = reader.headers().unwrap().clone();
    let row = reader.records().next().unwrap().unwrap();
    let cell = |name: &str| &row[headers.iter().position(|h| h == name).unwrap()];
    assert_eq!(
        cell("doelgroep"),
        "'=HYPERLINK(\"https://evil.example\",\"klik\")"
    );
    assert_eq!(cell("partners"), "'+31 cmd; @SUM(A1)");
    for record in reader.records() {
        for value in record.unwrap().iter() {
            assert!(!value.starts_with(['=', '+', '-', '@']), "{value}");
        }
    }
    // The JSON keeps the text as written: it is data, not a spreadsheet.
    let json = fs::read_to_string(built.out.join("data/gka.json")).unwrap();
    assert!(json.contains(r#""=HYPERLINK(\"https://evil.example\",\"klik\")""#));
}

// 4. Line injection in security.txt.
#[test]
fn line_injection_in_security_txt_is_an_error() {
    for (from, to) in [
        (
            "contact: mailto:security@voorbeeldstad.example",
            "contact: \"mailto:security@voorbeeldstad.example\\nPolicy: https://evil.example/\"",
        ),
        (
            "contact: mailto:security@voorbeeldstad.example",
            "contact: \"tel:0201234567\\nPolicy: https://evil.example/\"",
        ),
        (
            "beleid: \"https://voorbeeldstad.example/kwetsbaarheid-melden\"",
            "beleid: \"https://voorbeeldstad.example/\\nExpires: 2099-01-01T00:00:00Z\"",
        ),
    ] {
        let root = SiteRoot::fixture("nothing-lost");
        root.edit("content/site.yaml", from, to);
        let found = found(&root, "GKA-E030");
        assert_eq!(found.len(), 1, "{to}: {found:#?}");
        assert_eq!(found[0].0, "content/site.yaml");
        build_fails(&root);
    }
    let built = build_into_temp(SiteRoot::fixture("nothing-lost").path(), &["--no-search"]);
    built.run.assert_success();
    let txt = fs::read_to_string(built.out.join(".well-known/security.txt")).unwrap();
    let fields: Vec<&str> = (txt.lines())
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| l.split(':').next().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "Contact",
            "Expires",
            "Preferred-Languages",
            "Canonical",
            "Policy"
        ]
    );
}

// 4, found by the `site` fuzz target: `taal` and `titel` of site.yaml reached security.txt
// as written, and `taal` every page's `lang`.
#[test]
fn line_breaks_in_taal_and_titel_stay_out_of_security_txt() {
    for taal in [
        "\"nl\\nPolicy: https://evil.example/\"",
        "\"nl nl\"",
        "\"\"",
    ] {
        let root = SiteRoot::fixture("nothing-lost");
        root.edit(
            "content/site.yaml",
            "gemeente: Voorbeeldstad",
            &format!("gemeente: Voorbeeldstad\ntaal: {taal}"),
        );
        let found = found(&root, "GKA-E011");
        assert_eq!(found.len(), 1, "{taal}: {found:#?}");
        assert_eq!(found[0].0, "content/site.yaml");
        assert_eq!(found[0].1, Some(2), "{taal}: the line of taal");
        build_fails(&root);
    }
    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/site.yaml",
        "gemeente: Voorbeeldstad",
        "gemeente: Voorbeeldstad\ntitel: \"GKA\\nPolicy: https://evil.example/\"",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let txt = fs::read_to_string(built.out.join(".well-known/security.txt")).unwrap();
    assert_eq!(
        txt.lines().next(),
        Some("# Security contact of GKA Policy: https://evil.example/. See RFC 9116.")
    );
    let policies: Vec<&str> = txt.lines().filter(|l| l.starts_with("Policy:")).collect();
    assert_eq!(
        policies,
        ["Policy: https://voorbeeldstad.example/kwetsbaarheid-melden"]
    );
}

// 4, found by the `site` fuzz target: the calendar's NAME holds the site's title unescaped.
#[test]
fn line_breaks_in_titel_stay_inside_the_calendar_name() {
    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/site.yaml",
        "gemeente: Voorbeeldstad",
        "gemeente: Voorbeeldstad\ntitel: \"GKA\\nURL:https://evil.example/\"",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let ics = fs::read_to_string(built.out.join("nieuws/open-dag/evenement.ics")).unwrap();
    // Every line ends in CRLF, so a bare line feed is a line break inside a value.
    assert!(!ics.replace("\r\n", "").contains('\n'), "{ics}");
    let urls: Vec<&str> = ics.lines().filter(|l| l.starts_with("URL")).collect();
    assert_eq!(
        urls,
        ["URL:https://gka.voorbeeldstad.example/nieuws/open-dag/"],
        "{ics}"
    );
    assert!(
        ics.contains("NAME;VALUE=TEXT:GKA\\nURL:https://evil.example/\r\n"),
        "{ics}"
    );
}

// 5. Control characters.
#[test]
fn control_characters_are_errors_with_their_place() {
    let cases: [(&str, &str, &str, (u64, u64)); 4] = [
        // A NUL in a body.
        ("content/contact.md", "Mail naar", "Mail\0 naar", (5, 5)),
        // A form feed and an escape in a news title, as raw characters.
        (
            "content/nieuws/open-dag.md",
            "titel: Open dag",
            "titel: Open\u{c} dag",
            (2, 12),
        ),
        (
            "content/nieuws/open-dag.md",
            "titel: Open dag",
            "titel: Open\u{1b}[31m dag",
            (2, 12),
        ),
        // The same through a YAML escape, which the file does not show.
        (
            "content/nieuws/open-dag.md",
            "titel: Open dag van de huiswerkklas",
            "titel: \"Open\\b dag\"",
            (2, 8),
        ),
    ];
    for (file, from, to, (line, column)) in cases {
        let root = SiteRoot::fixture("nothing-lost");
        root.edit(file, from, to);
        let (run, found) = check_json(root.path(), &[]);
        run.assert_code(1);
        let here: Vec<_> = found.iter().filter(|d| d["code"] == "GKA-E016").collect();
        assert_eq!(here.len(), 1, "{to:?}: {found:#?}");
        assert_eq!(here[0]["file"], file);
        assert_eq!(
            (here[0]["line"].as_u64(), here[0]["column"].as_u64()),
            (Some(line), Some(column)),
            "{to:?}"
        );
        build_fails(&root);
    }
}

// 6. Blank required texts.
#[test]
fn blank_required_texts_are_errors() {
    for (file, from, to) in [
        ("content/contact.md", "titel: Contact", "titel: \"\""),
        ("content/contact.md", "titel: Contact", "titel: \"   \""),
        (
            "content/interventies/huiswerkklas.md",
            "titel: Huiswerkklas",
            "titel: \"\u{a0}\"",
        ),
        (
            "content/site.yaml",
            "gemeente: Voorbeeldstad",
            "gemeente: \"  \"",
        ),
        (
            "content/site.yaml",
            "gemeente: Voorbeeldstad",
            "gemeente: Voorbeeldstad\nmenu:\n  - titel: \" \"\n    url: /agenda/",
        ),
        (
            "content/agenda.md",
            "themas:",
            "ondertekend_door:\n  naam: \"\"\n  functie: Wethouder\nthemas:",
        ),
    ] {
        let root = SiteRoot::fixture("nothing-lost");
        root.edit(file, from, to);
        let found = found(&root, "GKA-E011");
        assert_eq!(found.len(), 1, "{to}: {found:#?}");
        assert_eq!(found[0].0, file);
        assert!(found[0].2.contains("leeg"), "{found:#?}");
        build_fails(&root);
    }
}

// 7. Duplicate ids.
#[test]
fn duplicate_ids_never_appear_on_a_page() {
    let root = SiteRoot::fixture("nothing-lost");
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\n## Inhoud\n\nA.\n\n## Inhoud\n\nB.\n\n## Inhoud-1\n\nC[^1].\n\n## 1\n\nD.\n\n[^1]: Noot.\n",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    for file in html_files(&built.out) {
        let doc =
            scraper::Html::parse_document(&fs::read_to_string(built.out.join(&file)).unwrap());
        let mut seen = HashSet::new();
        for element in doc.select(&sel("[id]")) {
            let id = element.value().id().unwrap();
            assert!(seen.insert(id.to_string()), "{file}: id {id} twice");
        }
    }
    let doc = page(&built.out, "/contact/");
    let ids: Vec<&str> = doc
        .select(&sel("main h2"))
        .filter_map(|h| h.value().id())
        .collect();
    assert_eq!(ids, ["inhoud-1", "inhoud-2", "inhoud-1-1", "1-1"]);
}

// 7, found by the `site` fuzz target: a footnote's id is its label, which may be a
// template's id, no id at all, or defined twice.
#[test]
fn footnote_ids_are_unique_ids_too() {
    let root = SiteRoot::fixture("nothing-lost");
    root.write(
        "content/contact.md",
        "---\ntitel: Contact\n---\n\nMail ons[^inhoud] of bel[^a b].\n\n[^inhoud]: Op werkdagen.\n\n[^a b]: Van 9 tot 5.\n\n[^inhoud]: Twee keer.\n",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let doc = page(&built.out, "/contact/");
    let ids: Vec<&str> = doc
        .select(&sel("[id]"))
        .map(|e| e.value().id().unwrap())
        .collect();
    let unique: HashSet<&&str> = ids.iter().collect();
    assert_eq!(unique.len(), ids.len(), "{ids:?}");
    assert!(ids.iter().all(|id| !id.contains(' ')), "{ids:?}");
    let definitions = sel(".footnote-definition");
    for note in doc.select(&sel(".footnote-reference a")) {
        let target = note.value().attr("href").unwrap().trim_start_matches('#');
        let found = doc
            .select(&definitions)
            .filter(|d| d.value().id() == Some(target));
        assert_eq!(found.count(), 1, "#{target} names no footnote");
    }
}

// 8. `slug` ignored on plain pages.
#[test]
fn slug_on_plain_pages_moves_the_page() {
    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/contact.md",
        "titel: Contact",
        "titel: Contact\nslug: bereikbaarheid",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    assert!(built.out.join("bereikbaarheid/index.html").is_file());
    assert!(!built.out.join("contact").exists());
    // Still the contact page: in the menu and on the home page, at its new address.
    let home = page(&built.out, "/");
    let hrefs: Vec<String> = doc_links(&home);
    assert!(
        hrefs
            .iter()
            .filter(|h| h.ends_with("/bereikbaarheid/"))
            .count()
            >= 2,
        "{hrefs:#?}"
    );
}

fn doc_links(doc: &scraper::Html) -> Vec<String> {
    doc.select(&sel("a[href]"))
        .map(|a| a.value().attr("href").unwrap().to_string())
        .collect()
}

// 12, found by the `site` fuzz target: a name that slugifies to nothing left `//` in a URL,
// and the breadcrumb's `href="//a/"` pointed at another site.
#[test]
fn names_without_letters_or_digits_are_an_error() {
    for file in ["content/-/a.md", "content/nieuws/-.md", "content/….md"] {
        let root = SiteRoot::fixture("nothing-lost");
        root.write(file, "---\ntitel: A\ndatum: 2025-01-01\n---\n\nTekst.\n");
        let found = found(&root, "GKA-E021");
        assert_eq!(found.len(), 1, "{file}: {found:#?}");
        assert_eq!(found[0].0, file);
        assert!(found[0].2.contains("//"), "{file}: {found:#?}");
        build_fails(&root);
    }
}

// 12. Also accepted and wrong: a protocol-relative alias, addresses equal but for case.
#[test]
fn other_sites_and_case_only_addresses_are_errors() {
    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/nieuws/open-dag.md",
        "soort:",
        "aliassen: [\"//evil.example/\"]\nsoort:",
    );
    let found_here = found(&root, "GKA-E024");
    assert_eq!(found_here.len(), 1, "{found_here:#?}");
    assert_eq!(found_here[0].1, Some(4));
    build_fails(&root);

    let root = SiteRoot::fixture("nothing-lost");
    root.edit(
        "content/nieuws/open-dag.md",
        "soort:",
        "aliassen: [\"/CONTACT/\"]\nsoort:",
    );
    let found_here = found(&root, "GKA-E032");
    assert_eq!(found_here.len(), 1, "{found_here:#?}");
    assert!(
        found_here[0].2.contains("content/contact.md"),
        "{found_here:#?}"
    );
    build_fails(&root);
}

//! Incremental rebuilds (`gka serve`) give the same site as a full build: after each edit of
//! a series (bodies, titles, front matter, added, removed and renamed files, settings and
//! templates), the session's output folder is compared byte for byte with `gka build`'s.
//! A rule in `render::inputs` that misses a dependency shows up here as a stale file.

mod common;

use std::path::{Path, PathBuf};

use common::{EXAMPLE_BASE_URL, SiteRoot, site_files, stale_and_extra};
use gka::build::{self, BuildError, BuildOptions};
use gka::content::values::Datum;
use gka::diagnostics::Code;
use gka::rebuild::{Rebuilt, Session};

fn options(root: &Path, output: PathBuf) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output,
        base_url: Some(EXAMPLE_BASE_URL.into()),
        drafts: false,
        search: true,
    }
}

/// Rebuilds after `changed` and compares the result, and the warnings, with a full build of
/// the same content.
#[track_caller]
fn assert_same_as_full_build(
    session: &mut Session,
    site: &SiteRoot,
    changed: &[&str],
    step: &str,
) -> Rebuilt {
    let changed: Vec<PathBuf> = changed.iter().map(|c| site.file(c)).collect();
    let rebuilt = session
        .rebuild(&changed)
        .unwrap_or_else(|e| panic!("{step}: {e:?}"));
    session.finish().unwrap();
    let full = tempfile::tempdir().unwrap();
    let output = full.path().join("public");
    let report = build::build(&options(site.path(), output.clone()), false)
        .unwrap_or_else(|e| panic!("{step}: full build: {e:?}"));
    assert_eq!(rebuilt.warnings, report.warnings, "{step}: the warnings");
    let incremental = site_files(session.output());
    let expected = site_files(&output);
    let (stale, extra) = stale_and_extra(&incremental, &expected);
    assert!(
        stale.is_empty() && extra.is_empty(),
        "{step}: files that differ from a full build: {stale:?}; files a full build does not have: {extra:?}"
    );
    rebuilt
}

/// Adds `text` at the end of the file `rel`.
fn append(site: &SiteRoot, rel: &str, text: &str) {
    let mut contents = std::fs::read_to_string(site.file(rel)).unwrap();
    contents.push_str(text);
    site.write(rel, contents);
}

#[test]
fn every_rebuild_equals_a_full_build() {
    let site = SiteRoot::example();
    let out = tempfile::tempdir().unwrap();
    let mut session = Session::new(options(site.path(), out.path().join("site"))).unwrap();
    assert_same_as_full_build(&mut session, &site, &[], "first build");

    let kansrijk = "content/interventies/kansrijk-in-almere.md";
    site.edit(kansrijk, "Het onderwijs werkt", "Het onderwijs werkt hard");
    assert_same_as_full_build(&mut session, &site, &[kansrijk], "body after the summary");

    site.edit(kansrijk, "Bij Kansrijk in Almere", "Met Kansrijk in Almere");
    assert_same_as_full_build(&mut session, &site, &[kansrijk], "the summary");

    site.edit(
        kansrijk,
        "titel: Kansrijk in Almere",
        "titel: Kansrijk Almere",
    );
    assert_same_as_full_build(&mut session, &site, &[kansrijk], "a title");

    site.edit(kansrijk, "  - Ouderbetrokkenheid\n", "");
    assert_same_as_full_build(&mut session, &site, &[kansrijk], "a thema less");

    let addendum = "content/addenda/2021-2024.md";
    site.edit(addendum, "titel: Addendum 2021-2024", "titel: Het addendum");
    assert_same_as_full_build(&mut session, &site, &[addendum], "an addendum's title");

    let section = "content/interventies/_index.md";
    site.edit(section, "titel: Interventies", "titel: Aanpakken");
    assert_same_as_full_build(&mut session, &site, &[section], "a section's title");

    let new = "content/interventies/nieuwe-aanpak.md";
    site.write(
        new,
        "---\ntitel: Nieuwe aanpak\nthemas:\n  - Ouderbetrokkenheid\n---\n\nZie [Kansrijk](kansrijk-in-almere.md).\n",
    );
    assert_same_as_full_build(&mut session, &site, &[new], "an added interventie");

    let renamed = "content/interventies/hernoemde-aanpak.md";
    std::fs::rename(site.file(new), site.file(renamed)).unwrap();
    assert_same_as_full_build(
        &mut session,
        &site,
        &[new, renamed],
        "a renamed interventie",
    );

    std::fs::remove_file(site.file(renamed)).unwrap();
    assert_same_as_full_build(&mut session, &site, &[renamed], "a removed interventie");

    let nieuws = "content/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede.md";
    site.edit(
        nieuws,
        "werden er nieuwe kennis",
        "werden er veel nieuwe kennis",
    );
    assert_same_as_full_build(&mut session, &site, &[nieuws], "a news item's body");
    site.edit(nieuws, "datum: 2021-03-24", "datum: 2021-03-25");
    assert_same_as_full_build(&mut session, &site, &[nieuws], "a news item's date");

    let lijn = "content/programmalijnen/doorlopende-lijnen-en-verbindingen.md";
    site.edit(
        lijn,
        "toegevoegd aan de applicatie",
        "opgenomen in de applicatie",
    );
    assert_same_as_full_build(&mut session, &site, &[lijn], "a programme result");

    let config = "content/site.yaml";
    site.edit(config, "gemeente: Almere", "gemeente: Almere-Stad");
    assert_same_as_full_build(&mut session, &site, &[config], "the settings");

    let template = "themes/gka/templates/interventie.html";
    site.edit(template, "<dt>Doelgroep</dt>", "<dt>Voor wie</dt>");
    assert_same_as_full_build(&mut session, &site, &[template], "a template");
}

#[test]
fn a_broken_edit_writes_nothing_and_the_fix_catches_up() {
    let site = SiteRoot::example();
    let out = tempfile::tempdir().unwrap();
    let mut session = Session::new(options(site.path(), out.path().join("site"))).unwrap();
    session.rebuild(&[]).unwrap();
    session.finish().unwrap();
    let good = site_files(session.output());

    let contact = "content/contact.md";
    site.edit(contact, "titel: Contact", "titel: [Contact");
    assert!(session.rebuild(&[site.file(contact)]).is_err());
    assert_eq!(
        site_files(session.output()),
        good,
        "the last good build stays"
    );

    site.edit(contact, "titel: [Contact", "titel: Contact gegevens");
    assert_same_as_full_build(&mut session, &site, &[contact], "the fix");
}

#[test]
fn body_edits_patch_the_last_model_and_equal_a_full_build() {
    let site = SiteRoot::example();
    let out = tempfile::tempdir().unwrap();
    let mut session = Session::new(options(site.path(), out.path().join("site"))).unwrap();
    assert_same_as_full_build(&mut session, &site, &[], "first build");

    // A body edit of each kind of document; the first paragraphs are summaries on cards.
    let edits = [
        ("content/index.md", "Een groot aantal", "Een flink aantal"),
        ("content/agenda.md", "zien mogelijkheden", "zien kansen"),
        (
            "content/toegankelijkheid.md",
            "eenvoudige HTML",
            "simpele HTML",
        ),
        (
            "content/interventies/_index.md",
            "wil dat alle",
            "wil graag dat alle",
        ),
        (
            "content/addenda/2021-2024.md",
            "eind 2021",
            "aan het eind van 2021",
        ),
        (
            "content/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede.md",
            "Op woensdag 24 maart",
            "Op woensdag 24 maart 2021",
        ),
        (
            "content/contact.md",
            "Neem contact op",
            "Neem gerust contact op",
        ),
        (
            "content/interventies/kansrijk-in-almere.md",
            "Het onderwijs werkt",
            "Het onderwijs werkt hard",
        ),
    ];
    for (file, from, to) in edits {
        site.edit(file, from, to);
        let rebuilt = assert_same_as_full_build(&mut session, &site, &[file], file);
        assert!(rebuilt.patched, "{file}: the last model is patched");
    }
    let lijn = "content/programmalijnen/kwalitatief-goed-aanbod.md";
    append(&site, lijn, "\nEen tekst onder de resultaten.\n");
    assert!(assert_same_as_full_build(&mut session, &site, &[lijn], "a programmalijn").patched);

    let contact = "content/contact.md";
    site.edit(
        contact,
        "meer informatie.",
        "meer informatie. TODO: telefoonnummers",
    );
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[contact], "a to-do");
    assert!(rebuilt.patched);
    assert!(
        rebuilt.warnings.iter().any(|w| w.code == Code::Todo),
        "the to-do is reported: {:?}",
        rebuilt.warnings
    );
    site.edit(contact, " TODO: telefoonnummers", "");
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[contact], "the to-do done");
    assert!(rebuilt.patched && rebuilt.warnings.is_empty());

    // An editor that saves by renaming a temporary file over the document.
    let kansrijk = "content/interventies/kansrijk-in-almere.md";
    let temporary = "content/interventies/.kansrijk-in-almere.md.tmp";
    let text = std::fs::read_to_string(site.file(kansrijk)).unwrap();
    site.write(temporary, text.replace("werkt hard", "werkt heel hard"));
    std::fs::rename(site.file(temporary), site.file(kansrijk)).unwrap();
    let rebuilt = assert_same_as_full_build(
        &mut session,
        &site,
        &[temporary, kansrijk],
        "a renamed save",
    );
    assert!(rebuilt.patched);
    let swap = "content/interventies/.kansrijk-in-almere.md.kate-swp";
    site.write(swap, "an editor's swap file");
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[swap], "a hidden file");
    assert!(rebuilt.patched && rebuilt.read == 0);

    // After the model was patched, edits of front matter, added files and templates still
    // build it again.
    site.edit(
        kansrijk,
        "titel: Kansrijk in Almere",
        "titel: Kansrijk Almere",
    );
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[kansrijk], "a title");
    assert!(!rebuilt.patched, "a title changes lists and links");
    let new = "content/interventies/nieuwe-aanpak.md";
    site.write(
        new,
        "---\ntitel: Nieuwe aanpak\n---\n\nEen nieuwe aanpak.\n",
    );
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[new], "an added interventie");
    assert!(!rebuilt.patched);
    site.edit(new, "Een nieuwe aanpak.", "Een andere aanpak.");
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[new], "its body");
    assert!(rebuilt.patched);
    let template = "themes/gka/templates/interventie.html";
    site.edit(template, "<dt>Doelgroep</dt>", "<dt>Voor wie</dt>");
    let rebuilt = assert_same_as_full_build(&mut session, &site, &[template], "a template");
    assert!(!rebuilt.patched);
}

#[test]
fn a_body_edit_that_breaks_a_link_fails_until_it_is_fixed() {
    let site = SiteRoot::example();
    let out = tempfile::tempdir().unwrap();
    let mut session = Session::new(options(site.path(), out.path().join("site"))).unwrap();
    assert_same_as_full_build(&mut session, &site, &[], "first build");

    let contact = "content/contact.md";
    site.edit(
        contact,
        "meer informatie.",
        "meer informatie over [de basis](/agenda/#inzetten-op-preventieve-basisinfrastructuur).",
    );
    assert!(assert_same_as_full_build(&mut session, &site, &[contact], "a fragment link").patched);

    // The heading the link names goes: the link, in another document, breaks.
    let agenda = "content/agenda.md";
    site.edit(
        agenda,
        "## Inzetten op preventieve",
        "## Inzetten op een preventieve",
    );
    let codes = |result: Result<Rebuilt, BuildError>| match result {
        Err(BuildError::Content(found)) => found.iter().map(|d| d.code).collect::<Vec<_>>(),
        other => panic!("the build fails on its content: {other:?}"),
    };
    assert_eq!(
        codes(session.rebuild(&[site.file(agenda)])),
        [Code::BrokenFragment]
    );
    // Another edit while the site is broken still reports the broken link.
    let kansrijk = "content/interventies/kansrijk-in-almere.md";
    site.edit(kansrijk, "Het onderwijs werkt", "Het onderwijs werkt hard");
    assert_eq!(
        codes(session.rebuild(&[site.file(kansrijk)])),
        [Code::BrokenFragment]
    );
    site.edit(
        agenda,
        "## Inzetten op een preventieve",
        "## Inzetten op preventieve",
    );
    assert_same_as_full_build(&mut session, &site, &[agenda], "the heading back");

    // A broken link in a body is an error of the patched model too.
    site.edit(contact, "(/agenda/#", "(/agendas/#");
    assert_eq!(
        codes(session.rebuild(&[site.file(contact)])),
        [Code::BrokenLink]
    );
    site.edit(contact, "(/agendas/#", "(/agenda/#");
    assert_same_as_full_build(&mut session, &site, &[contact], "the link fixed");
}

/// A session keeps running past midnight: the next rebuild, even without any edit, reads the
/// new date and moves events that are now over to the archive, as a fresh build that day
/// would. The clock is injected: the session's runs and the full builds are given the date.
#[test]
fn a_session_that_passes_midnight_builds_as_a_fresh_build_would() {
    let site = SiteRoot::example();
    site.write(
        "content/nieuws/middernacht.md",
        "---\ntitel: Bijeenkomst na middernacht\ndatum: 2031-01-11\nsoort: evenement\nlocatie: Stadhuis\n---\n\nWe praten over gelijke kansen.\n",
    );
    let dir = tempfile::tempdir().unwrap();
    let mut session = Session::new(options(site.path(), dir.path().join("serve"))).unwrap();
    let news_list = |out: &Path| {
        let html = std::fs::read_to_string(out.join("nieuws/index.html")).unwrap();
        let archive = html
            .find("Bijeenkomst na middernacht")
            .zip(html.find(r#"id="archief""#))
            .is_some_and(|(event, archief)| event > archief);
        (html, archive)
    };
    let mut pages = Vec::new();
    for (day, archived) in [
        ("2031-01-10", false),
        ("2031-01-11", false),
        ("2031-01-12", true),
    ] {
        let today: Datum = day.parse().unwrap();
        session.rebuild_at(&[], today).unwrap();
        session.finish().unwrap();
        let full = tempfile::tempdir().unwrap();
        let output = full.path().join("public");
        build::build_at(&options(site.path(), output.clone()), false, &(), today).unwrap();
        let (served, built) = (site_files(session.output()), site_files(&output));
        let (stale, extra) = stale_and_extra(&served, &built);
        assert!(
            stale.is_empty() && extra.is_empty(),
            "{day}: files that differ from a full build: {stale:?}; files a full build does not have: {extra:?}"
        );
        let (html, archive) = news_list(session.output());
        assert_eq!(
            archive, archived,
            "{day}: the event in the archive:\n{html}"
        );
        pages.push(html);
    }
    assert_ne!(pages[1], pages[2], "the news page changed after midnight");
}

//! The news feed (Atom, RFC 4287), the events' calendar files (iCalendar, RFC 5545) and the
//! news archive, read back with real parsers.

mod common;

use common::*;

#[test]
fn the_news_feed_parses_as_atom_with_every_item() {
    let built = build_example(&[]);
    let xml = std::fs::read(built.out.join("nieuws/feed.xml")).expect("nieuws/feed.xml exists");
    let feed = feed_rs::parser::parse(xml.as_slice()).expect("a valid Atom feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(feed.id, "https://gka.almere.example/nieuws/feed.xml");
    assert_eq!(feed.authors[0].name.as_deref(), Some("Gemeente Almere"));
    assert_eq!(feed.entries.len(), 1);
    let entry = &feed.entries[0];
    assert_eq!(
        entry.id,
        "https://gka.almere.example/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/"
    );
    assert_eq!(
        entry.title.as_ref().unwrap().content,
        "Online regionale bijeenkomst 'omgaan met armoede'"
    );
    assert_eq!(
        entry.updated.unwrap().to_rfc3339(),
        "2021-03-24T00:00:00+00:00"
    );
    let content = entry
        .content
        .as_ref()
        .and_then(|c| c.body.as_deref())
        .unwrap();
    assert!(
        content.contains("<p>Op woensdag 24 maart organiseerde Gemeente Almere"),
        "{content}"
    );
    assert!(entry.summary.is_some());

    let home = page(&built.out, "/");
    let alternate = one(
        &home,
        r#"link[rel="alternate"][type="application/atom+xml"]"#,
    );
    assert_eq!(alternate.attr("href"), Some("/nieuws/feed.xml"));
}

#[test]
fn events_have_a_calendar_file_linked_from_their_page() {
    use icalendar::{Calendar, CalendarComponent, Component, EventLike};
    let built = build_example(&[]);
    let dir = "nieuws/online-regionale-bijeenkomst-omgaan-met-armoede";
    let text = std::fs::read_to_string(built.out.join(dir).join("evenement.ics")).unwrap();
    assert!(text.contains("\r\n"), "iCalendar lines end in CRLF");
    let calendar: Calendar = text.parse().expect("a valid iCalendar file");
    let events: Vec<_> = calendar
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    assert_eq!(events.len(), 1);
    let event = events[0];
    assert_eq!(
        event.get_summary(),
        Some("Online regionale bijeenkomst 'omgaan met armoede'")
    );
    assert_eq!(event.get_location(), Some("Online"));
    assert_eq!(
        event.get_start(),
        Some(chrono::NaiveDate::from_ymd_opt(2021, 3, 24).unwrap().into())
    );
    let doc = page(&built.out, &format!("/{dir}/"));
    let link = one(&doc, r#"a[href$="evenement.ics"]"#);
    assert_eq!(
        link.attr("href"),
        Some(format!("/{dir}/evenement.ics").as_str())
    );
}

#[test]
fn past_events_move_to_the_archive() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/nieuws/");
    let archive = h2(main_of(&doc), "Archief");
    let section = archive
        .parent()
        .and_then(scraper::ElementRef::wrap)
        .unwrap();
    assert_eq!(
        card_titles(section),
        ["Online regionale bijeenkomst 'omgaan met armoede'"]
    );
}

#[test]
fn upcoming_events_are_current_until_their_date() {
    let root = SiteRoot::example();
    let run = std::process::Command::new(BIN)
        .args(["build", "--root"])
        .arg(root.path())
        .arg("--output")
        .arg(root.path().join("out"))
        // 1 March 2021: the event of 24 March is still to come.
        .env("SOURCE_DATE_EPOCH", "1614556800")
        .output()
        .unwrap();
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let doc = page(&root.path().join("out"), "/nieuws/");
    assert!(
        main_of(&doc).select(&sel("h2#archief")).next().is_none(),
        "no archive yet"
    );
    assert_eq!(
        card_titles(main_of(&doc)),
        ["Online regionale bijeenkomst 'omgaan met armoede'"]
    );
}

//! What a national site makes of all its gemeenten together: the news of all gemeenten at
//! `/landelijk/nieuws/` with its Atom feed, the national open data (`/data/landelijk.json`
//! with its schema, `/data/landelijk-interventies.csv`), and each gemeente's contact on its
//! page. The fixture is a national site with stored copies of three gemeenten's open data,
//! as `gka bronnen` leaves them, and one gemeente whose site is a folder.

mod common;

use common::{SiteRoot, main_of, one, page, sel, text};
use serde_json::{Value, json};

/// The open data of a small gka site, as its build publishes it: the base of each copy.
fn base_data() -> Value {
    let site = SiteRoot::minimal();
    site.write(
        "content/interventies/voorlezen.md",
        "---\ntitel: Voorlezen\nthemas: [Versterken van taal]\nleeftijden: [4-12]\n---\n\nVrijwilligers lezen voor.\n",
    );
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    serde_json::from_slice(&std::fs::read(built.out.join("data/gka.json")).unwrap()).unwrap()
}

/// A news item as `gka.json` holds it.
fn nieuws(titel: &str, url: &str, datum: Option<&str>, evenement: Option<&str>) -> Value {
    json!({
        "titel": titel,
        "url": url,
        "samenvatting": format!("Over {titel}."),
        "datum": datum,
        "trefwoorden": [],
        "tekst": {"markdown": "Tekst.", "html": "<p>Tekst.</p>"},
        "soort": if evenement.is_some() { "evenement" } else { "nieuws" },
        "locatie": evenement,
    })
}

/// The copy of `gemeente`'s open data: `base` with its site, news and one interventie named
/// after it.
fn copy(base: &Value, gemeente: &str, news: Vec<Value>) -> Value {
    let slug = gemeente.to_lowercase();
    let site = format!("https://gka.{slug}.example/");
    let mut data = base.clone();
    data["site"]["gemeente"] = gemeente.into();
    data["site"]["url"] = site.clone().into();
    data["nieuws"] = news.into();
    let interventie = &mut data["interventies"][0];
    interventie["titel"] = format!("Voorlezen in {gemeente}").into();
    interventie["url"] = format!("{site}interventies/voorlezen/").into();
    data
}

/// A national site listing `sources` as (gemeente, place line), with copies of those that
/// have `data`.
fn national(sources: &[(&str, &str, Option<Value>)]) -> SiteRoot {
    let site = SiteRoot::minimal();
    let mut yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    yaml.push_str("bronnen:\n");
    for (name, place, data) in sources {
        yaml.push_str(&format!("  - gemeente: {name}\n    {place}\n"));
        if let Some(data) = data {
            site.write(
                &format!("bronnen/{}/gka.json", name.to_lowercase()),
                serde_json::to_vec_pretty(data).unwrap(),
            );
        }
    }
    site.write("content/site.yaml", yaml);
    site
}

fn adres(slug: &str) -> String {
    format!("adres: https://gka.{slug}.example/data/gka.json")
}

/// Three gemeenten from copies, whose news interleaves by date, with ties on one day and
/// items without a date or web address; and one gemeente whose site is a folder.
fn fixture() -> SiteRoot {
    let base = base_data();
    let zwolle = copy(
        &base,
        "Zwolle",
        vec![
            nieuws(
                "Zomerschool",
                "https://gka.zwolle.example/nieuws/zomerschool/",
                Some("2026-06-01"),
                None,
            ),
            nieuws(
                "Taalcafé",
                "https://gka.zwolle.example/nieuws/taalcafe/",
                Some("2026-03-10"),
                Some("Bibliotheek"),
            ),
            nieuws(
                "Zonder datum",
                "https://gka.zwolle.example/nieuws/zonder-datum/",
                None,
                None,
            ),
        ],
    );
    let almere = copy(
        &base,
        "Almere",
        vec![
            nieuws(
                "Startbijeenkomst",
                "https://gka.almere.example/nieuws/start/",
                Some("2026-06-01"),
                None,
            ),
            nieuws(
                "Armoede",
                "https://gka.almere.example/nieuws/armoede/",
                Some("2026-06-01"),
                None,
            ),
            nieuws(
                "Geen webadres",
                "ftp://gka.almere.example/nieuws/oud/",
                Some("2026-01-05"),
                None,
            ),
        ],
    );
    let urk = copy(
        &base,
        "Urk",
        vec![nieuws(
            "Nieuw jaar",
            "https://gka.urk.example/nieuws/nieuw-jaar/",
            Some("2026-01-05"),
            None,
        )],
    );
    let site = national(&[
        ("Zwolle", &adres("zwolle"), Some(zwolle)),
        ("Almere", &adres("almere"), Some(almere)),
        ("Urk", &adres("urk"), Some(urk)),
        ("Lokaalstad", "map: gemeenten/lokaalstad", None),
    ]);
    let local = SiteRoot::minimal();
    local.edit("content/site.yaml", "Voorbeeldstad", "Lokaalstad");
    local.write(
        "content/interventies/speelotheek.md",
        "---\ntitel: Speelotheek\n---\n\nSpeelgoed lenen.\n",
    );
    common::copy_dir(
        &local.file("content"),
        &site.file("gemeenten/lokaalstad/content"),
    );
    site
}

/// The items of the news page as (title, link or none, gemeente, date).
fn news_items(doc: &scraper::Html) -> Vec<(String, Option<String>, String, Option<String>)> {
    main_of(doc)
        .select(&sel(".elsewhere-list > li"))
        .map(|li| {
            let heading = li.select(&sel("h2")).next().unwrap();
            let link = heading.select(&sel("a")).next();
            let gemeente = li.select(&sel(".meta a")).next().unwrap();
            let datum = li.select(&sel("time")).next();
            (
                text(heading),
                link.and_then(|a| a.attr("href")).map(String::from),
                text(gemeente),
                datum.and_then(|t| t.attr("datetime")).map(String::from),
            )
        })
        .collect()
}

#[test]
fn the_news_of_all_gemeenten_is_one_page_newest_first_linking_to_the_originals() {
    let site = fixture();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let doc = page(&built.out, "/landelijk/nieuws/");
    let link = |s: &str| Some(s.to_string());
    let date = |s: &str| Some(s.to_string());
    assert_eq!(
        news_items(&doc),
        [
            // One day: by gemeente, then by title.
            (
                "Armoede".into(),
                link("https://gka.almere.example/nieuws/armoede/"),
                "Almere".into(),
                date("2026-06-01")
            ),
            (
                "Startbijeenkomst".into(),
                link("https://gka.almere.example/nieuws/start/"),
                "Almere".into(),
                date("2026-06-01")
            ),
            (
                "Zomerschool".into(),
                link("https://gka.zwolle.example/nieuws/zomerschool/"),
                "Zwolle".into(),
                date("2026-06-01")
            ),
            (
                "Taalcafé".into(),
                link("https://gka.zwolle.example/nieuws/taalcafe/"),
                "Zwolle".into(),
                date("2026-03-10")
            ),
            // An address that is no web address is shown, without a link.
            (
                "Geen webadres".into(),
                None,
                "Almere".into(),
                date("2026-01-05")
            ),
            (
                "Nieuw jaar".into(),
                link("https://gka.urk.example/nieuws/nieuw-jaar/"),
                "Urk".into(),
                date("2026-01-05")
            ),
            // Without a date: last.
            (
                "Zonder datum".into(),
                link("https://gka.zwolle.example/nieuws/zonder-datum/"),
                "Zwolle".into(),
                None
            ),
        ]
    );
    // The gemeente links to its page here; an event says where.
    let main = main_of(&doc);
    let gemeente = main.select(&sel(".elsewhere-list .meta a")).next().unwrap();
    assert_eq!(gemeente.attr("href"), Some("/gemeenten/almere/"));
    assert!(
        text(main).contains("Evenement. Plaats: Bibliotheek."),
        "{}",
        text(main)
    );
    // All items fit on one page: no pager.
    assert_eq!(main.select(&sel(".pager")).count(), 0);
    // The feed, from the head and from the page; the menu names the page.
    let head = doc
        .select(&sel(
            r#"link[rel="alternate"][type="application/atom+xml"]"#,
        ))
        .filter_map(|l| l.attr("href"))
        .collect::<Vec<_>>();
    assert_eq!(head, ["/landelijk/nieuws/feed.xml"]);
    let feed_link = main
        .select(&sel(r#"a[href="/landelijk/nieuws/feed.xml"]"#))
        .count();
    assert_eq!(feed_link, 1);
    let menu: Vec<String> = doc.select(&sel(".site-nav__link")).map(text).collect();
    assert!(
        menu.contains(&"Nieuws uit de gemeenten".to_string()),
        "{menu:?}"
    );
    let sitemap = std::fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(sitemap.contains("/landelijk/nieuws/</loc>"), "{sitemap}");
}

#[test]
fn the_news_is_split_into_pages_of_fifty_and_the_feed_has_the_newest_fifty() {
    let base = base_data();
    let many: Vec<Value> = (1..=120)
        .map(|day| {
            let datum = format!("2025-{:02}-{:02}", 1 + (day - 1) / 28, 1 + (day - 1) % 28);
            nieuws(
                &format!("Bericht {day:03}"),
                &format!("https://gka.zwolle.example/nieuws/{day}/"),
                Some(&datum),
                None,
            )
        })
        .collect();
    let site = national(&[(
        "Zwolle",
        &adres("zwolle"),
        Some(copy(&base, "Zwolle", many)),
    )]);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    // 120 items: 50, 50 and 20, newest first, each page linking to its neighbours.
    let pages = [
        ("/landelijk/nieuws/", "Bericht 120", "Bericht 071", 50),
        (
            "/landelijk/nieuws/pagina/2/",
            "Bericht 070",
            "Bericht 021",
            50,
        ),
        (
            "/landelijk/nieuws/pagina/3/",
            "Bericht 020",
            "Bericht 001",
            20,
        ),
    ];
    for (path, first, last, count) in pages {
        let doc = page(&built.out, path);
        let items = news_items(&doc);
        assert_eq!(items.len(), count, "{path}");
        assert_eq!(items[0].0, first, "{path}");
        assert_eq!(items[count - 1].0, last, "{path}");
        let current: Vec<String> = doc
            .select(&sel(".pager [aria-current=page]"))
            .map(text)
            .collect();
        assert_eq!(current.len(), 1, "{path}");
    }
    let second = page(&built.out, "/landelijk/nieuws/pagina/2/");
    let rel = |name: &str| {
        second
            .select(&sel(&format!("head link[rel={name}]")))
            .filter_map(|l| l.attr("href"))
            .collect::<Vec<_>>()
    };
    assert_eq!(rel("prev"), ["/landelijk/nieuws/"]);
    assert_eq!(rel("next"), ["/landelijk/nieuws/pagina/3/"]);
    assert_eq!(
        text(one(&second, "main h1")),
        "Nieuws uit de gemeenten, pagina 2 van 3"
    );
    let sitemap = std::fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    for path in ["/landelijk/nieuws/pagina/2/", "/landelijk/nieuws/pagina/3/"] {
        assert!(sitemap.contains(&format!("{path}</loc>")), "{sitemap}");
    }
    assert!(!built.out.join("landelijk/nieuws/pagina/4").exists());
    let xml = std::fs::read(built.out.join("landelijk/nieuws/feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(xml.as_slice()).expect("a valid Atom feed");
    assert_eq!(feed.entries.len(), 50, "the newest fifty");
}

#[test]
fn the_feed_is_atom_with_the_newest_dated_items_linking_to_the_originals() {
    let site = fixture();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let xml = std::fs::read(built.out.join("landelijk/nieuws/feed.xml")).unwrap();
    let feed = feed_rs::parser::parse(xml.as_slice()).expect("a valid Atom feed");
    assert_eq!(feed.feed_type, feed_rs::model::FeedType::Atom);
    assert_eq!(
        feed.id,
        "https://gka.voorbeeldstad.example/landelijk/nieuws/feed.xml"
    );
    assert_eq!(
        feed.updated.unwrap().to_rfc3339(),
        "2026-06-01T00:00:00+00:00"
    );
    let entries: Vec<(String, String, String, String)> = feed
        .entries
        .iter()
        .map(|e| {
            (
                e.title.as_ref().unwrap().content.clone(),
                e.id.clone(),
                e.links[0].href.clone(),
                e.authors[0].name.clone().unwrap_or_default(),
            )
        })
        .collect();
    let entry = |titel: &str, url: &str, gemeente: &str| {
        (
            titel.to_string(),
            url.to_string(),
            url.to_string(),
            format!("Gemeente {gemeente}"),
        )
    };
    // Without the item that has no date and the one without a web address.
    assert_eq!(
        entries,
        [
            entry(
                "Armoede",
                "https://gka.almere.example/nieuws/armoede/",
                "Almere"
            ),
            entry(
                "Startbijeenkomst",
                "https://gka.almere.example/nieuws/start/",
                "Almere"
            ),
            entry(
                "Zomerschool",
                "https://gka.zwolle.example/nieuws/zomerschool/",
                "Zwolle"
            ),
            entry(
                "Taalcafé",
                "https://gka.zwolle.example/nieuws/taalcafe/",
                "Zwolle"
            ),
            entry(
                "Nieuw jaar",
                "https://gka.urk.example/nieuws/nieuw-jaar/",
                "Urk"
            ),
        ]
    );
    let first = &feed.entries[0];
    assert_eq!(first.summary.as_ref().unwrap().content, "Over Armoede.");
    assert!(
        first.content.is_none(),
        "a source's HTML is not in the feed"
    );
}

/// The published files of a build, as JSON.
fn json_file(out: &std::path::Path, path: &str) -> Value {
    serde_json::from_slice(&std::fs::read(out.join(path)).unwrap()).unwrap()
}

#[test]
fn the_national_open_data_validates_and_lists_every_interventie() {
    let site = fixture();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let data = json_file(&built.out, "data/landelijk.json");
    let schema = json_file(&built.out, "data/landelijk.schema.json");
    let validator = jsonschema::validator_for(&schema).expect("a valid schema");
    let errors: Vec<String> = validator
        .iter_errors(&data)
        .map(|e| e.to_string())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(data["versie"], 1);

    let gemeenten = data["gemeenten"].as_array().unwrap();
    let slugs: Vec<&str> = gemeenten
        .iter()
        .map(|g| g["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["zwolle", "almere", "urk", "lokaalstad"]);
    assert_eq!(
        gemeenten[0],
        json!({
            "naam": "Zwolle",
            "slug": "zwolle",
            "site": "https://gka.zwolle.example/",
            "pagina": "https://gka.voorbeeldstad.example/gemeenten/zwolle/",
            "bron": {"soort": "adres", "adres": "https://gka.zwolle.example/data/gka.json"},
            "interventies": 1,
            "nieuws": 3,
        })
    );
    assert_eq!(gemeenten[3]["bron"], json!({"soort": "map"}));

    let interventies: Vec<(&str, &str)> = data["interventies"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["gemeente"].as_str().unwrap(),
                i["titel"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        interventies,
        [
            ("zwolle", "Voorlezen in Zwolle"),
            ("almere", "Voorlezen in Almere"),
            ("urk", "Voorlezen in Urk"),
            ("lokaalstad", "Speelotheek"),
        ]
    );
    let first = &data["interventies"][0];
    assert_eq!(
        first["url"],
        "https://gka.zwolle.example/interventies/voorlezen/"
    );
    assert_eq!(first["themas"], json!(["Versterken van taal"]));
    assert_eq!(first["leeftijden"], json!(["4-12"]));
    assert!(first.get("tekst").is_none(), "an index, without the bodies");

    // The schema in the repository is the published one.
    let documented =
        std::fs::read_to_string(common::repo_root().join("docs/landelijk.schema.json")).unwrap();
    let published = std::fs::read_to_string(built.out.join("data/landelijk.schema.json")).unwrap();
    assert!(
        documented == published,
        "docs/landelijk.schema.json is out of date: copy data/landelijk.schema.json of a national build over it"
    );
    // The site's own open data stays as it is.
    assert!(built.out.join("data/gka.json").is_file());
}

/// Reads a CSV written for Dutch Excel: checks the byte-order mark, splits on `;`.
fn spreadsheet(bytes: &[u8]) -> Vec<Vec<String>> {
    let rest = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .expect("starts with a byte-order mark");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .has_headers(false)
        .from_reader(rest);
    reader
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect()
}

#[test]
fn the_national_spreadsheet_has_a_row_per_interventie_with_its_gemeente() {
    let site = fixture();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let rows =
        spreadsheet(&std::fs::read(built.out.join("data/landelijk-interventies.csv")).unwrap());
    let header = &rows[0];
    assert_eq!(
        header[..4],
        ["gemeente", "slug", "titel", "url"].map(String::from)
    );
    assert_eq!(header.len(), 16);
    let column = |name: &str| header.iter().position(|h| h == name).unwrap();
    let gemeenten: Vec<&str> = rows[1..]
        .iter()
        .map(|r| r[column("gemeente")].as_str())
        .collect();
    assert_eq!(gemeenten, ["Zwolle", "Almere", "Urk", "Lokaalstad"]);
    assert_eq!(rows[1][column("themas")], "Versterken van taal");
    assert_eq!(rows[1][column("leeftijden")], "4-12");
}

/// What one gemeente publishes is text and web addresses on the national site, never markup,
/// scripts or formulas: not on its page, the news page, the feed, the data or the spreadsheet.
#[test]
fn a_source_cannot_put_markup_links_or_formulas_into_the_national_outputs() {
    let base = base_data();
    let mut bad = copy(
        &base,
        "Zwolle",
        vec![nieuws(
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            Some("2026-02-02"),
            Some("<b>Hier</b>"),
        )],
    );
    bad["nieuws"][0]["samenvatting"] = "<img src=x onerror=alert(1)>".into();
    bad["nieuws"][0]["tekst"]["html"] = "<script>alert(2)</script>".into();
    bad["interventies"][0]["titel"] = "=HYPERLINK(\"https://kwaad.example\")".into();
    bad["interventies"][0]["url"] = "javascript:alert(3)".into();
    bad["interventies"][0]["website"] = "javascript:alert(4)".into();
    bad["site"]["url"] = "javascript:alert(5)".into();
    bad["site"]["contact"] = json!({
        "tekst": "<script>alert(6)</script>",
        "email": "javascript:alert(7)",
        "telefoon": "<a href=x>bel</a>",
    });
    let site = national(&[("Zwolle", &adres("zwolle"), Some(bad))]);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();

    for file in [
        "landelijk/nieuws/index.html",
        "landelijk/nieuws/feed.xml",
        "gemeenten/zwolle/index.html",
        "data/landelijk.json",
        "data/landelijk-interventies.csv",
    ] {
        let text = std::fs::read_to_string(built.out.join(file)).unwrap();
        for markup in ["<script>", "<img", "<b>", "<a href=x", "javascript:"] {
            assert!(!text.contains(markup), "{file} has {markup}:\n{text}");
        }
    }
    let doc = page(&built.out, "/landelijk/nieuws/");
    assert_eq!(
        news_items(&doc)[0].0,
        "<script>alert(1)</script>",
        "shown as text"
    );
    assert_eq!(news_items(&doc)[0].1, None, "no link");
    let rows =
        spreadsheet(&std::fs::read(built.out.join("data/landelijk-interventies.csv")).unwrap());
    assert_eq!(
        rows[1][2], "'=HYPERLINK(\"https://kwaad.example\")",
        "no formula"
    );
    let data = json_file(&built.out, "data/landelijk.json");
    assert_eq!(data["interventies"][0]["url"], Value::Null);
    assert_eq!(data["gemeenten"][0]["site"], Value::Null);

    let zwolle = page(&built.out, "/gemeenten/zwolle/");
    // The section is there, for its sentence.
    common::h2(main_of(&zwolle), "Contact");
    assert_eq!(
        main_of(&zwolle)
            .select(&sel(r#"a[href^="mailto:"], a[href^="tel:"]"#))
            .count(),
        0,
        "unsafe values are no links"
    );
    assert!(
        text(main_of(&zwolle)).contains("<script>alert(6)</script>"),
        "the sentence, as text"
    );
}

#[test]
fn a_gemeentes_page_shows_its_contact_with_mail_and_phone_links() {
    let mut data = base_data();
    data["site"]["contact"] = json!({
        "tekst": "Bel of mail het GKA-team.",
        "email": "gka@zwolle.example",
        "telefoon": "(038) 498 91 11",
    });
    let site = national(&[("Zwolle", &adres("zwolle"), Some(data))]);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let zwolle = page(&built.out, "/gemeenten/zwolle/");
    let links = common::links_in(main_of(&zwolle), "#contact ~ ul a");
    assert_eq!(
        links,
        [
            (
                "gka@zwolle.example".to_string(),
                "mailto:gka@zwolle.example".to_string()
            ),
            ("(038) 498 91 11".to_string(), "tel:0384989111".to_string()),
        ]
    );
    assert!(text(main_of(&zwolle)).contains("Bel of mail het GKA-team."));
}

/// A gemeente's `site.yaml` contact is in its open data. The field came within format
/// version 1: a reader with the schema of before (which knew no `contact`) must still accept
/// the data, and data from before (without it) must still be valid now.
#[test]
fn the_contact_in_open_data_is_readable_by_older_and_newer_readers() {
    let site = SiteRoot::minimal();
    let yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    site.write(
        "content/site.yaml",
        format!("{yaml}contact:\n  email: gka@voorbeeldstad.example\n  telefoon: 14 038\n"),
    );
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let data = json_file(&built.out, "data/gka.json");
    assert_eq!(
        data["site"]["contact"],
        json!({"tekst": null, "email": "gka@voorbeeldstad.example", "telefoon": "14 038"})
    );
    let schema = json_file(&built.out, "data/gka.schema.json");
    // The schema of before: the same without `contact`.
    let mut older = schema.clone();
    let site_data = &mut older["$defs"]["SiteData"];
    site_data["properties"]
        .as_object_mut()
        .unwrap()
        .remove("contact")
        .unwrap();
    assert!(
        !site_data["required"]
            .as_array()
            .unwrap()
            .contains(&"contact".into())
    );
    older["$defs"]
        .as_object_mut()
        .unwrap()
        .remove("ContactData");
    let older = jsonschema::validator_for(&older).unwrap();
    assert!(
        older.is_valid(&data),
        "an older reader accepts the new field"
    );
    // Data of before, without the field, is valid for the schema of now.
    let mut before = data.clone();
    before["site"].as_object_mut().unwrap().remove("contact");
    let now = jsonschema::validator_for(&schema).unwrap();
    assert!(now.is_valid(&before), "the field is optional");
    assert!(
        !serde_json::to_string(&schema)
            .unwrap()
            .contains("\"additionalProperties\":false"),
        "no object of the format refuses fields it does not know"
    );
}

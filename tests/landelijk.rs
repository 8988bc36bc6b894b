//! A national site's pages over its gemeenten' interventies, built by the real binary from
//! copies in `bronnen/`: the national themes of `content/themas.yaml` (a gemeente theme under
//! two national themes counts under both; one under none stays, as a theme of its own), the
//! pages per theme, age, education and recognition listing exactly their interventies, the
//! counts in the navigation, lists of more than 50 split into pages, the warnings and errors
//! about the mapping at their place, and sources that try to put markup or scripts on the
//! pages.

mod common;

use std::sync::OnceLock;

use common::{Built, SiteRoot};
use serde_json::{Value, json};

/// One interventie of a gemeente's open data: title, themes, age ranges, levels of education
/// and recognition level.
struct X {
    titel: String,
    themas: &'static [&'static str],
    leeftijden: &'static [&'static str],
    onderwijs: &'static [&'static str],
    erkenning: Option<&'static str>,
}

/// The open data a real build of a minimal site publishes, to change into each gemeente's.
fn template() -> &'static Value {
    static TEMPLATE: OnceLock<Value> = OnceLock::new();
    TEMPLATE.get_or_init(|| {
        let site = SiteRoot::minimal();
        site.write(
            "content/interventies/voorlezen.md",
            "---\ntitel: Voorlezen\nthemas: [Versterken van taal]\n---\n\nVoorlezen.\n",
        );
        let built = common::build_into_temp(site.path(), &["--no-search"]);
        built.run.assert_success();
        serde_json::from_slice(&std::fs::read(built.out.join("data/gka.json")).unwrap()).unwrap()
    })
}

/// The open data of `gemeente` whose agenda has the themes `agenda`, with `interventies`.
fn open_data(gemeente: &str, agenda: &[&str], interventies: &[X]) -> Value {
    let mut data = template().clone();
    let site = format!("https://gka.{}.example/", gemeente.to_lowercase());
    data["site"]["gemeente"] = gemeente.into();
    data["site"]["titel"] = format!("GKA {gemeente}").into();
    data["site"]["url"] = site.clone().into();
    let term = |naam: &&str| json!({"naam": naam, "url": format!("{site}themas/x/")});
    data["agenda"]["themas"] = agenda.iter().map(term).collect();
    let model = data["interventies"][0].clone();
    data["interventies"] = interventies
        .iter()
        .enumerate()
        .map(|(i, x)| {
            let mut item = model.clone();
            item["slug"] = format!("x{i}").into();
            item["titel"] = x.titel.as_str().into();
            item["url"] = format!("{site}interventies/x{i}/").into();
            item["samenvatting"] = format!("Over {}.", x.titel).into();
            item["themas"] = x.themas.iter().map(term).collect();
            item["leeftijden"] = json!(x.leeftijden);
            item["onderwijs"] = json!(x.onderwijs);
            item["erkenning"] = x.erkenning.map_or(Value::Null, |niveau| {
                json!({"niveau": niveau, "niveau_naam": niveau, "databank": "nji", "url": null})
            });
            item
        })
        .collect();
    data
}

/// A national site with a copy of each gemeente's open data in `bronnen/`.
fn national(gemeenten: &[(&str, Value)]) -> SiteRoot {
    let site = SiteRoot::minimal();
    let mut yaml = std::fs::read_to_string(site.file("content/site.yaml")).unwrap();
    yaml.push_str("bronnen:\n");
    for (naam, data) in gemeenten {
        let slug = naam.to_lowercase();
        yaml.push_str(&format!(
            "  - gemeente: {naam}\n    adres: https://gka.{slug}.example/data/gka.json\n"
        ));
        site.write(
            &format!("bronnen/{slug}/gka.json"),
            serde_json::to_vec(data).unwrap(),
        );
    }
    site.write("content/site.yaml", yaml);
    site
}

const THEMAS: &str = "\
- thema: Taal en lezen
  omschrijving: Kinderen leren de taal goed, thuis en op school.
  gemeentethemas:
    - Taal
    - Versterken van taal
    - Voorleesen
- thema: Meedoen
  gemeentethemas:
    - Sport
    - Taal
";

/// Three gemeenten: `Taal` under two national themes, `Versterken van Taal` (written with
/// another capital) under one, `Armoede` under none.
fn three_gemeenten() -> SiteRoot {
    let almere = open_data(
        "Almere",
        &["Taal", "Sport"],
        &[
            X {
                titel: "Voorlezen".into(),
                themas: &["Taal"],
                leeftijden: &["4-12"],
                onderwijs: &["po"],
                erkenning: Some("goed-onderbouwd"),
            },
            X {
                titel: "Sportclub".into(),
                themas: &["Sport"],
                leeftijden: &["13-18"],
                onderwijs: &["vo"],
                erkenning: None,
            },
        ],
    );
    let ede = open_data(
        "Ede",
        &["Taal"],
        &[X {
            titel: "Leesclub".into(),
            themas: &["Taal"],
            leeftijden: &["4-6"],
            onderwijs: &["po"],
            erkenning: None,
        }],
    );
    let zwolle = open_data(
        "Zwolle",
        &["Versterken van taal", "Armoede"],
        &[
            X {
                titel: "Taalhuis".into(),
                themas: &["Versterken van Taal"],
                leeftijden: &["0-3"],
                onderwijs: &["voorschool"],
                erkenning: Some("effectief-goede-aanwijzingen"),
            },
            X {
                titel: "Schoolontbijt".into(),
                themas: &["Armoede"],
                leeftijden: &["4-12"],
                onderwijs: &[],
                erkenning: None,
            },
        ],
    );
    let site = national(&[("Zwolle", zwolle), ("Almere", almere), ("Ede", ede)]);
    site.write("content/themas.yaml", THEMAS);
    site
}

/// The titles of the interventies a list page shows.
fn titles(built: &Built, site_path: &str) -> Vec<String> {
    let page = common::page(&built.out, site_path);
    (common::main_of(&page).select(&common::sel(".card .card__title")))
        .map(common::text)
        .collect()
}

/// `(text, href)` of the links in the facet navigation of `site_path`.
fn nav(built: &Built, site_path: &str, selector: &str) -> Vec<(String, String)> {
    let page = common::page(&built.out, site_path);
    common::links_in(common::main_of(&page), selector)
}

/// The texts of the elements `selector` in `site_path`.
fn texts(built: &Built, site_path: &str, selector: &str) -> Vec<String> {
    let page = common::page(&built.out, site_path);
    (page.select(&common::sel(selector)))
        .map(common::text)
        .collect()
}

#[test]
fn each_facet_page_lists_exactly_its_interventies() {
    let site = three_gemeenten();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();

    // Every interventie, by gemeente name.
    assert_eq!(
        titles(&built, "/landelijk/interventies/"),
        [
            "Voorlezen",
            "Sportclub",
            "Leesclub",
            "Taalhuis",
            "Schoolontbijt"
        ]
    );
    // By national theme: `Taal` counts under both of its themes; the theme written with
    // another capital is the same; `Armoede` is a theme of its own.
    assert_eq!(
        titles(&built, "/landelijk/themas/taal-en-lezen/"),
        ["Voorlezen", "Leesclub", "Taalhuis"]
    );
    assert_eq!(
        titles(&built, "/landelijk/themas/meedoen/"),
        ["Voorlezen", "Sportclub", "Leesclub"]
    );
    assert_eq!(
        titles(&built, "/landelijk/themas/armoede/"),
        ["Schoolontbijt"]
    );
    // By age: everything whose range overlaps.
    assert_eq!(
        titles(&built, "/landelijk/leeftijden/4-12/"),
        ["Voorlezen", "Leesclub", "Schoolontbijt"]
    );
    assert_eq!(titles(&built, "/landelijk/leeftijden/0-3/"), ["Taalhuis"]);
    assert_eq!(
        titles(&built, "/landelijk/onderwijs/po/"),
        ["Voorlezen", "Leesclub"]
    );
    assert_eq!(
        titles(&built, "/landelijk/erkenning/goed-onderbouwd/"),
        ["Voorlezen"]
    );
    assert!(!built.out.join("landelijk/onderwijs/hbo").exists());

    // A theme's page: its sentence and the gemeenten that work on it, linking to their pages.
    let taal = common::page(&built.out, "/landelijk/themas/taal-en-lezen/");
    assert_eq!(
        common::text(common::one(&taal, ".lead")),
        "Kinderen leren de taal goed, thuis en op school."
    );
    assert_eq!(
        nav(
            &built,
            "/landelijk/themas/taal-en-lezen/",
            "#gemeenten-kop + ul a"
        ),
        [
            ("Almere".to_string(), "/gemeenten/almere/".to_string()),
            ("Ede".to_string(), "/gemeenten/ede/".to_string()),
            ("Zwolle".to_string(), "/gemeenten/zwolle/".to_string()),
        ]
    );
    // Each interventie links to its original on the gemeente's site and to its gemeente here.
    assert_eq!(
        nav(&built, "/landelijk/themas/armoede/", ".card a"),
        [
            (
                "Schoolontbijt".to_string(),
                "https://gka.zwolle.example/interventies/x1/".to_string()
            ),
            ("Zwolle".to_string(), "/gemeenten/zwolle/".to_string()),
            (
                "Armoede".to_string(),
                "/landelijk/themas/armoede/".to_string()
            ),
            (
                "4-12 jaar".to_string(),
                "/landelijk/leeftijden/4-12/".to_string()
            ),
        ]
    );
}

#[test]
fn the_navigation_counts_interventies_and_gemeenten() {
    let site = three_gemeenten();
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();

    let overview = "/landelijk/interventies/";
    assert_eq!(
        texts(&built, overview, "#filters-thema + ul li"),
        ["Taal en lezen (3)", "Meedoen (3)", "Armoede (1)"]
    );
    assert_eq!(
        texts(&built, overview, "#filters-leeftijd + ul li"),
        ["0-3 (1)", "4-6 (3)", "4-12 (3)", "13-18 (1)"]
    );
    assert_eq!(
        texts(&built, overview, "#filters-erkenning + ul li"),
        [
            "Goed onderbouwd (1)",
            "Effectief volgens goede aanwijzingen (1)"
        ]
    );
    assert_eq!(
        nav(&built, overview, "#filters-gemeente a"),
        [("Per gemeente".to_string(), "/gemeenten/".to_string())]
    );
    // The overview of gemeenten: its themes with counts of gemeenten, and each gemeente's
    // themes as national themes.
    assert_eq!(
        texts(&built, "/gemeenten/", "#themas-kop + ul li"),
        [
            "Taal en lezen (3 gemeenten)",
            "Meedoen (2 gemeenten)",
            "Armoede (1 gemeente)"
        ]
    );
    assert_eq!(
        texts(
            &built,
            "/gemeenten/",
            ".gemeente-list > li:last-child .tags a"
        ),
        ["Taal en lezen", "Armoede"]
    );
    // The index of the themes, and the menu.
    assert_eq!(
        texts(&built, "/landelijk/themas/", ".term-list li a"),
        ["Taal en lezen", "Meedoen", "Armoede"]
    );
    let menu = texts(&built, "/", ".site-nav__link");
    let gemeenten = menu.iter().position(|m| m == "Gemeenten").unwrap();
    assert_eq!(menu[gemeenten + 1], "Interventies van gemeenten");
    // Breadcrumbs: a term's page sits under the index of its facet.
    assert_eq!(
        texts(
            &built,
            "/landelijk/leeftijden/4-12/",
            ".breadcrumbs__list a"
        ),
        ["Home", "Interventies per leeftijd", "4-12 jaar"]
    );
}

#[test]
fn the_mapping_warns_about_themes_it_misses_and_themes_nobody_uses() {
    let site = three_gemeenten();
    let run = common::gka(["check", "--root", site.path().to_str().unwrap()]);
    run.assert_success();
    assert!(
        run.stderr.contains(
            "content/themas.yaml: waarschuwing[GKA-W064]: het thema ‘Armoede’ van Zwolle hoort bij geen landelijk thema"
        ),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "content/themas.yaml:6:7: waarschuwing[GKA-W065]: geen enkele gemeente heeft het thema ‘Voorleesen’"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("[GKA-W064]").count(),
        1,
        "{}",
        run.stderr
    );

    // Without the file, every theme is its own, each named once with its gemeenten.
    std::fs::remove_file(site.file("content/themas.yaml")).unwrap();
    let run = common::gka(["check", "--root", site.path().to_str().unwrap()]);
    run.assert_success();
    assert!(
        run.stderr.contains(
            "content/site.yaml:4:15: waarschuwing[GKA-W064]: het thema ‘Taal’ van Almere en Ede hoort bij geen landelijk thema"
        ),
        "{}",
        run.stderr
    );
    assert_eq!(
        run.stderr.matches("[GKA-W064]").count(),
        4,
        "{}",
        run.stderr
    );
}

#[test]
fn mistakes_in_the_mapping_are_errors_at_their_line() {
    let site = three_gemeenten();
    let check = || common::gka(["check", "--root", site.path().to_str().unwrap()]);
    site.write(
        "content/themas.yaml",
        "- thema: Taal\n  gemeentethemas: [Taal]\n- thema: TAAL\n  gemeentethemas: [Sport]\n- thema: Armoede\n- omschrijving: Zonder naam.\n  gemeentethemas: [Sport]\n",
    );
    let run = check();
    run.assert_code(1);
    for expected in [
        "content/themas.yaml:3:10: fout[GKA-E061]: het thema ‘TAAL’ staat twee keer in themas.yaml (ook op regel 1)",
        "content/themas.yaml:5:10: fout[GKA-E061]: bij het thema ‘Armoede’ staan geen gemeentethema's",
        "content/themas.yaml:6:3: fout[GKA-E061]: dit landelijke thema heeft geen naam",
    ] {
        assert!(run.stderr.contains(expected), "{expected}\n{}", run.stderr);
    }
    // While the file has mistakes, gka does not say which themes it misses.
    assert!(!run.stderr.contains("[GKA-W064]"), "{}", run.stderr);

    // An unknown key is the usual mistake, with a suggestion.
    site.write(
        "content/themas.yaml",
        "- thema: Taal\n  gemeenthemas: [Taal]\n",
    );
    let run = check();
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/themas.yaml:2:3: fout[GKA-E007]"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_long_list_is_split_into_pages_of_fifty() {
    let xs: Vec<X> = (1..=120)
        .map(|i| X {
            titel: format!("Interventie {i:03}"),
            themas: &["Taal"],
            leeftijden: &[],
            onderwijs: &[],
            erkenning: None,
        })
        .collect();
    let site = national(&[("Groot", open_data("Groot", &["Taal"], &xs))]);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();

    for list in ["/landelijk/interventies/", "/landelijk/themas/taal/"] {
        let pages = [
            list.to_string(),
            format!("{list}pagina/2/"),
            format!("{list}pagina/3/"),
        ];
        let shown: Vec<Vec<String>> = pages.iter().map(|p| titles(&built, p)).collect();
        assert_eq!(
            shown.iter().map(Vec::len).collect::<Vec<_>>(),
            [50, 50, 20],
            "{list}"
        );
        assert_eq!(shown[0][0], "Interventie 001");
        assert_eq!(shown[1][0], "Interventie 051");
        assert_eq!(shown[2][19], "Interventie 120");
        assert!(!built.out.join(format!("{}pagina/4", &list[1..])).exists());
        assert!(!built.out.join(format!("{}pagina/1", &list[1..])).exists());

        // The second page: links to its neighbours in the head and in the pager.
        let second = common::page(&built.out, &pages[1]);
        let head = |rel: &str| {
            second
                .select(&common::sel(&format!("head link[rel={rel}]")))
                .map(|l| l.attr("href").unwrap().to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(head("prev"), [pages[0].clone()]);
        assert_eq!(head("next"), [pages[2].clone()]);
        let pager = common::one(&second, "nav.pager");
        assert_eq!(
            common::text(common::one(&second, ".pager__status")),
            "Pagina 2 van 3"
        );
        assert_eq!(
            common::links_in(pager, "a"),
            [
                ("Vorige pagina".to_string(), pages[0].clone()),
                ("Pagina 1".to_string(), pages[0].clone()),
                ("Pagina 2".to_string(), pages[1].clone()),
                ("Pagina 3".to_string(), pages[2].clone()),
                ("Volgende pagina".to_string(), pages[2].clone()),
            ]
        );
        let current: Vec<String> = (pager.select(&common::sel("[aria-current=page]")))
            .map(common::text)
            .collect();
        assert_eq!(current, ["Pagina 2"]);
        // The first page has no previous one, the last no next one.
        let first = common::page(&built.out, &pages[0]);
        assert_eq!(first.select(&common::sel("head link[rel=prev]")).count(), 0);
        assert_eq!(first.select(&common::sel("head link[rel=next]")).count(), 1);
        let last = common::page(&built.out, &pages[2]);
        assert_eq!(last.select(&common::sel("head link[rel=next]")).count(), 0);
        // Each page has a title of its own.
        assert!(
            common::text(common::one(&last, "h1")).ends_with(", pagina 3 van 3"),
            "{list}"
        );
    }
    let sitemap = std::fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    let locs = common::sitemap_locs(&sitemap);
    for page in [
        "landelijk/interventies/",
        "landelijk/interventies/pagina/2/",
        "landelijk/interventies/pagina/3/",
        "landelijk/themas/taal/pagina/3/",
    ] {
        assert!(
            locs.iter().any(|l| l.ends_with(page)),
            "{page} not in the sitemap"
        );
    }
}

/// What a source publishes is text and addresses, never markup or scripts on the national
/// pages: a title or a theme with HTML is shown as text, an address that is no web address is
/// no link.
#[test]
fn a_source_cannot_put_markup_or_scripts_into_the_national_pages() {
    let mut data = open_data(
        "Zwolle",
        &["<b>Taal</b>"],
        &[X {
            titel: "Voorlezen".into(),
            themas: &["<b>Taal</b>"],
            leeftijden: &["4-12"],
            onderwijs: &["po"],
            erkenning: None,
        }],
    );
    data["interventies"][0]["titel"] = "<script>alert(1)</script>".into();
    data["interventies"][0]["url"] = "javascript:alert(1)".into();
    data["interventies"][0]["samenvatting"] = "<img src=x onerror=alert(1)>".into();
    let site = national(&[("Zwolle", data)]);
    let built = common::build_into_temp(site.path(), &["--no-search"]);
    built.run.assert_success();
    let pages = common::html_files(&built.out);
    let national: Vec<&String> = (pages.iter())
        .filter(|p| p.starts_with("landelijk/") || p.starts_with("gemeenten/"))
        .collect();
    assert!(national.len() >= 6, "{national:?}");
    for page in national {
        let html = std::fs::read_to_string(built.out.join(page)).unwrap();
        assert!(!html.contains("<script>alert"), "{page}");
        assert!(!html.contains("<img src=x"), "{page}");
        assert!(!html.contains("<b>Taal"), "{page}");
        assert!(!html.contains("javascript:"), "{page}");
    }
    let overview = common::page(&built.out, "/landelijk/interventies/");
    assert_eq!(
        (overview.select(&common::sel(".card__title")))
            .map(common::text)
            .collect::<Vec<_>>(),
        ["<script>alert(1)</script>"],
        "the title is shown as text, without a link"
    );
    assert_eq!(overview.select(&common::sel(".card__title a")).count(), 0);
}

/// Only a national site reads `content/themas.yaml`: on a gemeente's site it is a file that
/// is not published, and gka says why.
#[test]
fn a_site_without_sources_does_not_read_the_theme_mapping() {
    let site = SiteRoot::minimal();
    site.write("content/themas.yaml", THEMAS);
    let run = common::gka(["check", "--root", site.path().to_str().unwrap()]);
    run.assert_success();
    assert!(
        run.stderr
            .contains("content/themas.yaml: waarschuwing[GKA-W001]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains(
            "alleen een landelijke site (met `bronnen` in site.yaml) gebruikt content/themas.yaml"
        ),
        "{}",
        run.stderr
    );
}

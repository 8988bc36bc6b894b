//! Small fixture sites (`tests/fixtures/<case>/content`, built with the real theme) whose
//! expected output is obvious from reading the fixture: term pages, drafts and redirects.

mod common;

use std::fs;

use common::*;

/// The titles of the interventie cards on the page at `site_path`.
fn cards(built: &Built, site_path: &str) -> Vec<String> {
    let doc = page(&built.out, site_path);
    card_titles(main_of(&doc))
}

/// The hrefs of all links inside `main` of the page at `site_path`.
fn main_hrefs(built: &Built, site_path: &str) -> Vec<String> {
    let doc = page(&built.out, site_path);
    links_in(main_of(&doc), "a")
        .into_iter()
        .map(|(_, href)| href)
        .collect()
}

// ---------------------------------------------------------------------------------------------
// terms: three interventies, three themes (one unused), age ranges from interventies and results

#[test]
fn theme_pages_list_exactly_the_interventies_with_that_theme() {
    let built = build_fixture("terms", &[]);
    assert_eq!(
        cards(&built, "/themas/versterken-van-taal/"),
        ["Huiswerkklas", "Voorleesouders"]
    );
    assert_eq!(
        cards(&built, "/themas/inzetten-op-gezondheid/"),
        ["Schoolontbijt", "Voorleesouders"]
    );
    assert!(cards(&built, "/themas/sport-en-cultuur/").is_empty());
    let doc = page(&built.out, "/themas/sport-en-cultuur/");
    assert_eq!(text(one(&doc, "h1")), "Sport en cultuur");

    let hrefs = main_hrefs(&built, "/themas/versterken-van-taal/");
    assert!(hrefs.contains(&"/interventies/huiswerkklas/".to_string()));
    assert!(hrefs.contains(&"/interventies/voorleesouders/".to_string()));
    assert!(!hrefs.contains(&"/interventies/schoolontbijt/".to_string()));
}

/// The texts of the programme results on the page at `site_path`.
fn results(built: &Built, site_path: &str) -> Vec<String> {
    let doc = page(&built.out, site_path);
    main_of(&doc)
        .select(&sel("ul.resultaten > li"))
        .map(text)
        .collect()
}

#[test]
fn age_pages_list_every_interventie_and_result_whose_range_overlaps() {
    // Huiswerkklas 4-12, Schoolontbijt 0-6 and 4-12, Voorleesouders 0-6; results 4-12 and
    // 12-18. 4-12 overlaps 0-6; 4-12 and 12-18 only touch, so they do not overlap.
    let built = build_fixture("terms", &[]);
    assert_eq!(
        cards(&built, "/leeftijden/0-6/"),
        ["Huiswerkklas", "Schoolontbijt", "Voorleesouders"]
    );
    assert_eq!(
        cards(&built, "/leeftijden/4-12/"),
        ["Huiswerkklas", "Schoolontbijt", "Voorleesouders"]
    );
    assert!(cards(&built, "/leeftijden/12-18/").is_empty());

    let r = results(&built, "/leeftijden/0-6/");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Drie scholen zijn gestart met een ouderspreekuur."));
    assert!(
        r[0].contains("4-12 jaar"),
        "the result keeps its own range: {r:?}"
    );
    let r = results(&built, "/leeftijden/4-12/");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Drie scholen zijn gestart met een ouderspreekuur."));
    let r = results(&built, "/leeftijden/12-18/");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Alle middelbare scholen hebben een mentorprogramma."));
    assert!(
        main_hrefs(&built, "/leeftijden/12-18/").contains(&"/programmalijnen/lijn-1/".to_string())
    );
}

#[test]
fn onderwijs_and_erkenning_pages_list_exactly_their_interventies() {
    let built = build_fixture("terms", &[]);
    assert_eq!(
        cards(&built, "/onderwijs/voorschool/"),
        ["Schoolontbijt", "Voorleesouders"]
    );
    assert_eq!(
        cards(&built, "/onderwijs/po/"),
        ["Huiswerkklas", "Schoolontbijt"]
    );
    assert!(
        !built.out.join("onderwijs/vo/index.html").exists(),
        "no page for a level no interventie names"
    );
    assert_eq!(
        cards(&built, "/erkenning/goed-onderbouwd/"),
        ["Huiswerkklas"]
    );
    assert_eq!(
        cards(&built, "/erkenning/goed-beschreven/"),
        ["Schoolontbijt"]
    );
    let doc = page(&built.out, "/erkenning/goed-onderbouwd/");
    assert_eq!(text(one(&doc, "h1")), "Goed onderbouwd");
    let doc = page(&built.out, "/onderwijs/po/");
    assert_eq!(text(one(&doc, "h1")), "Primair onderwijs");

    let terms = |site_path: &str| -> Vec<String> {
        let doc = page(&built.out, site_path);
        main_of(&doc).select(&sel("li")).map(text).collect()
    };
    assert_eq!(
        terms("/onderwijs/"),
        [
            "Voorschool (2 interventies)",
            "Primair onderwijs (2 interventies)"
        ]
    );
    assert_eq!(
        terms("/erkenning/"),
        [
            "Goed beschreven (1 interventie)",
            "Goed onderbouwd (1 interventie)"
        ]
    );
}

#[test]
fn the_interventie_page_shows_onderwijs_and_erkenning() {
    let built = build_fixture("terms", &[]);
    let doc = page(&built.out, "/interventies/huiswerkklas/");
    let facts = one(&doc, "main dl.facts");
    let facts_text = text(facts);
    // A space between each term and its value, so the search index reads them apart too.
    assert!(
        facts_text.contains("Onderwijs Primair onderwijs"),
        "{facts_text}"
    );
    assert!(
        facts_text.contains(
            "Erkenning Goed onderbouwd in de Databank Effectieve Jeugdinterventies (NJi)"
        ),
        "{facts_text}"
    );
    let links = links_in(facts, "a");
    for expected in [
        ("Primair onderwijs", "/onderwijs/po/"),
        ("Goed onderbouwd", "/erkenning/goed-onderbouwd/"),
        (
            "Databank Effectieve Jeugdinterventies (NJi)",
            "https://www.example.org/databank/huiswerkklas",
        ),
    ] {
        assert!(
            links.contains(&(expected.0.to_string(), expected.1.to_string())),
            "{expected:?} in {links:?}"
        );
    }
}

#[test]
fn the_overview_links_every_facet_and_tags_cards_for_filtering() {
    let built = build_fixture("terms", &[]);
    let doc = page(&built.out, "/interventies/");
    let nav = one(&doc, "main nav.filters");
    let hrefs: Vec<String> = links_in(nav, "a").into_iter().map(|(_, h)| h).collect();
    for expected in [
        "/themas/",
        "/themas/versterken-van-taal/",
        "/leeftijden/",
        "/leeftijden/12-18/",
        "/onderwijs/",
        "/onderwijs/po/",
        "/erkenning/",
        "/erkenning/goed-beschreven/",
    ] {
        assert!(
            hrefs.contains(&expected.to_string()),
            "{expected} in {hrefs:?}"
        );
    }
    // Instant filtering is an enhancement: the form is hidden until the script shows it.
    let form = one(&doc, "main form.filter-form");
    assert!(form.attr("hidden").is_some());
    assert_eq!(
        one(&doc, "head script[src]").attr("src"),
        Some("/static/js/filter.js")
    );
    assert!(one(&doc, "head script[src]").attr("defer").is_some());
    // Voorleesouders (0-6) is on the 0-6 and, by overlap, the 4-12 page: its card says so.
    let card = doc
        .select(&sel("main .card"))
        .find(|c| text(*c).contains("Voorleesouders"))
        .unwrap();
    let facetten: Vec<&str> = card.attr("data-facetten").unwrap().split(' ').collect();
    assert_eq!(
        facetten,
        [
            "thema:versterken-van-taal",
            "thema:inzetten-op-gezondheid",
            "leeftijd:0-6",
            "leeftijd:4-12",
            "onderwijs:voorschool"
        ]
    );
    // Every option of the form is a term with a page.
    for option in doc.select(&sel("main form.filter-form option[value]")) {
        let value = option.attr("value").unwrap();
        if let Some((facet, slug)) = value.split_once(':') {
            let index = match facet {
                "thema" => "themas",
                "leeftijd" => "leeftijden",
                other => other,
            };
            assert!(
                built
                    .out
                    .join(format!("{index}/{slug}/index.html"))
                    .exists(),
                "{value}"
            );
        }
    }
    let script = fs::read_to_string(built.out.join("static/js/filter.js")).unwrap();
    assert!(script.contains("data-filter") && script.contains("dataset.facetten"));
}

#[test]
fn term_index_pages_link_every_term_in_order() {
    let built = build_fixture("terms", &[]);
    assert_eq!(
        main_hrefs(&built, "/themas/"),
        [
            "/themas/versterken-van-taal/",
            "/themas/inzetten-op-gezondheid/",
            "/themas/sport-en-cultuur/"
        ]
    );
    assert_eq!(
        main_hrefs(&built, "/onderwijs/"),
        ["/onderwijs/voorschool/", "/onderwijs/po/"]
    );
    assert_eq!(
        main_hrefs(&built, "/leeftijden/"),
        [
            "/leeftijden/0-6/",
            "/leeftijden/4-12/",
            "/leeftijden/12-18/"
        ]
    );
}

#[test]
fn interventie_pages_and_cards_link_their_terms() {
    let built = build_fixture("terms", &[]);
    let hrefs = main_hrefs(&built, "/interventies/voorleesouders/");
    for expected in [
        "/themas/versterken-van-taal/",
        "/themas/inzetten-op-gezondheid/",
        "/leeftijden/0-6/",
    ] {
        assert!(
            hrefs.contains(&expected.to_string()),
            "{expected} in {hrefs:?}"
        );
    }
    assert!(
        !hrefs.contains(&"/leeftijden/4-12/".to_string()),
        "{hrefs:?}"
    );
    assert_eq!(
        cards(&built, "/interventies/"),
        ["Huiswerkklas", "Schoolontbijt", "Voorleesouders"]
    );
}

#[test]
fn fixture_sites_have_no_broken_links_and_the_page_skeleton() {
    for case in ["terms", "drafts", "redirects"] {
        for flags in [&[][..], &["--drafts"][..]] {
            let built = build_fixture(case, flags);
            let broken = broken_links(&built.out, "https://gka.voorbeeldstad.example/");
            assert!(
                broken.is_empty(),
                "{case} {flags:?}:\n{}",
                broken.join("\n")
            );
        }
    }
}

#[test]
fn the_link_checker_finds_a_missing_page_and_a_missing_anchor() {
    let built = build_fixture("terms", &[]);
    fs::remove_file(built.out.join("themas/sport-en-cultuur/index.html")).unwrap();
    let index = built.out.join("index.html");
    let html = fs::read_to_string(&index).unwrap();
    fs::write(
        &index,
        html.replace("href=\"#inhoud\"", "href=\"#nergens\""),
    )
    .unwrap();
    let broken = broken_links(&built.out, "https://gka.voorbeeldstad.example/");
    assert!(
        broken
            .iter()
            .any(|b| b.contains("themas/sport-en-cultuur/index.html does not exist")),
        "{broken:#?}"
    );
    assert!(
        broken
            .iter()
            .any(|b| b.starts_with("index.html:") && b.contains("nergens")),
        "{broken:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// drafts: Huiswerkklas is published; Zomerschool (`concept: true`) and Zwemles (`draft: true`)
// are drafts

const DRAFTS: [(&str, &str); 2] = [("Zomerschool", "zomerschool"), ("Zwemles", "zwemles")];

#[test]
fn drafts_are_left_out_without_the_drafts_flag() {
    let built = build_fixture("drafts", &[]);
    for (titel, slug) in DRAFTS {
        assert!(
            !built
                .out
                .join(format!("interventies/{slug}/index.html"))
                .exists(),
            "the page of draft {titel} is absent"
        );
        // No file of the site mentions the draft: not a list, a term page or the sitemap.
        for file in files(&built.out)
            .into_iter()
            .filter(|f| !f.starts_with("static/"))
        {
            let bytes = fs::read(built.out.join(&file)).unwrap();
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(titel), "{file} mentions draft {titel}");
            assert!(!text.contains(slug), "{file} mentions draft {slug}");
        }
    }
    assert_eq!(cards(&built, "/interventies/"), ["Huiswerkklas"]);
    assert_eq!(
        cards(&built, "/themas/versterken-van-taal/"),
        ["Huiswerkklas"]
    );
    assert_eq!(cards(&built, "/leeftijden/4-12/"), ["Huiswerkklas"]);
    assert!(
        !built.out.join("leeftijden/12-18/index.html").exists(),
        "12-18 is only used by a draft"
    );
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    let locs = sitemap_locs(&sitemap);
    assert!(
        locs.contains(&"https://gka.voorbeeldstad.example/interventies/huiswerkklas/".to_string()),
        "{locs:#?}"
    );
    assert!(
        !locs
            .iter()
            .any(|l| l.contains("zomerschool") || l.contains("zwemles"))
    );
}

#[test]
fn drafts_are_published_with_the_drafts_flag() {
    let built = build_fixture("drafts", &["--drafts"]);
    for (titel, slug) in DRAFTS {
        let doc = page(&built.out, &format!("/interventies/{slug}/"));
        assert_eq!(text(one(&doc, "h1")), titel);
    }
    assert_eq!(
        cards(&built, "/interventies/"),
        ["Huiswerkklas", "Zomerschool", "Zwemles"]
    );
    assert_eq!(
        cards(&built, "/themas/versterken-van-taal/"),
        ["Huiswerkklas", "Zomerschool", "Zwemles"]
    );
    assert_eq!(
        cards(&built, "/leeftijden/4-12/"),
        ["Huiswerkklas", "Zomerschool"]
    );
    assert_eq!(cards(&built, "/leeftijden/12-18/"), ["Zomerschool"]);
    let locs = sitemap_locs(&fs::read_to_string(built.out.join("sitemap.xml")).unwrap());
    for (_, slug) in DRAFTS {
        let loc = format!("https://gka.voorbeeldstad.example/interventies/{slug}/");
        assert!(locs.contains(&loc), "{loc} in {locs:#?}");
    }
}

// ---------------------------------------------------------------------------------------------
// redirects: Huiswerkklas has the old address /oud/huiswerkklas/

#[test]
fn an_alias_redirects_to_its_page_and_is_not_in_the_sitemap() {
    let built = build_fixture("redirects", &[]);
    let doc = page(&built.out, "/oud/huiswerkklas/");
    let refresh = one(&doc, "meta[http-equiv=\"refresh\"]");
    assert_eq!(
        refresh.attr("content"),
        Some("0; url=/interventies/huiswerkklas/")
    );
    assert_eq!(
        one(&doc, "link[rel=\"canonical\"]").attr("href"),
        Some("https://gka.voorbeeldstad.example/interventies/huiswerkklas/")
    );
    assert!(
        links_in(doc.root_element(), "a")
            .iter()
            .any(|(_, href)| href == "/interventies/huiswerkklas/")
    );

    let xml = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    let mut locs = sitemap_locs(&xml);
    locs.sort();
    assert_eq!(
        locs,
        [
            "https://gka.voorbeeldstad.example/",
            "https://gka.voorbeeldstad.example/contact/",
            "https://gka.voorbeeldstad.example/interventies/",
            "https://gka.voorbeeldstad.example/interventies/huiswerkklas/",
            "https://gka.voorbeeldstad.example/zoeken/",
        ],
        "pages only: no redirect, no 404"
    );
}

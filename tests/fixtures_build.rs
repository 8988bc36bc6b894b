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

#[test]
fn age_pages_list_the_interventies_and_results_of_exactly_that_range() {
    let built = build_fixture("terms", &[]);
    assert_eq!(
        cards(&built, "/leeftijden/0-6/"),
        ["Schoolontbijt", "Voorleesouders"]
    );
    assert_eq!(
        cards(&built, "/leeftijden/4-12/"),
        ["Huiswerkklas", "Schoolontbijt"]
    );
    assert!(cards(&built, "/leeftijden/12-18/").is_empty());

    let results = |site_path: &str| -> Vec<String> {
        let doc = page(&built.out, site_path);
        main_of(&doc)
            .select(&sel("ul.resultaten > li"))
            .map(text)
            .collect()
    };
    assert!(results("/leeftijden/0-6/").is_empty());
    let r = results("/leeftijden/4-12/");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Drie scholen zijn gestart met een ouderspreekuur."));
    assert!(r[0].contains("4-12 jaar"), "{r:?}");
    let r = results("/leeftijden/12-18/");
    assert_eq!(r.len(), 1, "{r:?}");
    assert!(r[0].contains("Alle middelbare scholen hebben een mentorprogramma."));
    assert!(
        main_hrefs(&built, "/leeftijden/12-18/").contains(&"/programmalijnen/lijn-1/".to_string())
    );
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
        ],
        "pages only: no redirect, no 404"
    );
}

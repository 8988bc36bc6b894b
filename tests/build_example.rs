//! Builds the example site (the repository's `content/`, the Almere site) with the real binary
//! and checks the output: every page exists, every link works, every page has the same
//! accessible skeleton, and the agenda, addendum, programmalijnen and term pages show what the
//! content says.

mod common;

use std::fs;

use common::*;
use scraper::ElementRef;

const THEMAS: [(&str, &str); 5] = [
    ("Tegengaan kinderarmoede", "tegengaan-kinderarmoede"),
    ("Versterken van taal", "versterken-van-taal"),
    ("Inzetten op gezondheid", "inzetten-op-gezondheid"),
    ("Brede talentontwikkeling", "brede-talentontwikkeling"),
    ("Ouderbetrokkenheid", "ouderbetrokkenheid"),
];

const INTERVENTIES: [&str; 3] = [
    "als-ik-later-groot-ben",
    "dare-to-dream-in-036",
    "kansrijk-in-almere",
];

const PROGRAMMALIJNEN: [&str; 3] = [
    "passende-ondersteuning-voor-elk-kind",
    "doorlopende-lijnen-en-verbindingen",
    "kwalitatief-goed-aanbod",
];

/// Every age range used in the example: by Dare to dream in 036 (12-18) and by the results.
const LEEFTIJDEN: [&str; 6] = ["0-6", "0-18", "4-16", "4-18", "12-18", "16-23"];

fn expected_urls() -> Vec<String> {
    let mut urls: Vec<String> = [
        "/",
        "/agenda/",
        "/addenda/",
        "/addenda/2021-2024/",
        "/interventies/",
        "/programmalijnen/",
        "/nieuws/",
        "/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/",
        "/themas/",
        "/leeftijden/",
        "/contact/",
        "/interview/",
        "/video/",
        "/toegankelijkheid/",
        "/privacy/",
        "/zoeken/",
        "/sitemap.xml",
        "/robots.txt",
        "/404.html",
    ]
    .map(String::from)
    .into();
    urls.extend(INTERVENTIES.map(|s| format!("/interventies/{s}/")));
    urls.extend(PROGRAMMALIJNEN.map(|s| format!("/programmalijnen/{s}/")));
    urls.extend(THEMAS.map(|(_, s)| format!("/themas/{s}/")));
    urls.extend(LEEFTIJDEN.map(|s| format!("/leeftijden/{s}/")));
    urls
}

#[test]
fn every_url_of_the_example_exists_as_a_file() {
    let built = build_example(&[]);
    assert!(built.out.join("index.html").is_file(), "/index.html");
    let missing: Vec<String> = expected_urls()
        .into_iter()
        .filter(|url| !built.out.join(output_file(url)).is_file())
        .collect();
    assert!(missing.is_empty(), "missing pages: {missing:#?}");
}

#[test]
fn every_internal_link_and_source_resolves() {
    let built = build_example(&[]);
    let broken = broken_links(&built.out, EXAMPLE_BASE_URL);
    assert!(
        broken.is_empty(),
        "{} broken internal links:\n{}",
        broken.len(),
        broken.join("\n")
    );
}

#[test]
fn every_page_has_one_h1_and_the_accessible_skeleton() {
    let built = build_example(&[]);
    let pages = html_files(&built.out);
    // Every URL above except sitemap.xml and robots.txt is an HTML page.
    assert_eq!(pages.len(), expected_urls().len() - 2, "{pages:#?}");
    let problems = skeleton_problems(&built.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn sitemap_lists_every_page_with_an_absolute_url() {
    let built = build_example(&[]);
    let xml = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(
        xml.contains(r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">"#),
        "{xml}"
    );
    assert!(xml.trim_end().ends_with("</urlset>"), "{xml}");
    assert_eq!(
        xml.matches("<url>").count(),
        xml.matches("</url>").count(),
        "{xml}"
    );

    let locs = sitemap_locs(&xml);
    let mut expected: Vec<String> = html_files(&built.out)
        .iter()
        .filter(|f| *f != "404.html")
        .map(|f| format!("https://gka.almere.example{}", site_path(f)))
        .collect();
    expected.sort();
    let mut sorted = locs.clone();
    sorted.sort();
    assert_eq!(sorted, expected, "one <loc> per page, 404 excluded");
    assert!(
        locs.iter()
            .all(|l| l.starts_with("https://gka.almere.example/")),
        "{locs:#?}"
    );
    assert!(!xml.contains("404"), "the 404 page is not in the sitemap");
}

#[test]
fn robots_txt_names_the_sitemap() {
    let built = build_example(&[]);
    let robots = fs::read_to_string(built.out.join("robots.txt")).unwrap();
    assert!(
        robots
            .lines()
            .any(|l| l.trim() == "Sitemap: https://gka.almere.example/sitemap.xml"),
        "{robots}"
    );
}

#[test]
fn agenda_links_the_five_themes_and_names_the_signatory() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/agenda/");
    let main = main_of(&doc);
    let theme_links: Vec<(String, String)> = links_in(main, "a")
        .into_iter()
        .filter(|(_, href)| href.starts_with("/themas/"))
        .collect();
    let expected: Vec<(String, String)> = THEMAS
        .iter()
        .map(|(naam, slug)| (naam.to_string(), format!("/themas/{slug}/")))
        .collect();
    assert_eq!(theme_links, expected, "the themes, in the agenda's order");
    for (naam, slug) in THEMAS {
        let term = page(&built.out, &format!("/themas/{slug}/"));
        assert_eq!(text(one(&term, "h1")), naam);
    }

    let paragraphs: Vec<String> = main.select(&sel("p")).map(text).collect();
    assert!(
        paragraphs
            .iter()
            .any(|p| p == "De GKA-Agenda is ondertekend door Wethouder Onderwijs Roelie Bosch."),
        "{paragraphs:#?}"
    );
}

#[test]
fn addendum_links_both_of_its_interventies() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/addenda/2021-2024/");
    let hrefs: Vec<String> = links_in(main_of(&doc), "a")
        .into_iter()
        .map(|(_, href)| href)
        .collect();
    for target in [
        "/interventies/kansrijk-in-almere/",
        "/interventies/dare-to-dream-in-036/",
    ] {
        assert!(hrefs.iter().any(|h| h == target), "{target} in {hrefs:#?}");
    }
    let titles = card_titles(main_of(&doc));
    assert!(
        titles.contains(&"Kansrijk in Almere".to_string()),
        "{titles:?}"
    );
    assert!(
        titles.contains(&"Dare to dream in 036".to_string()),
        "{titles:?}"
    );
}

/// The items of the list that directly follows the `h2` with text `heading` in `main`.
fn list_after<'a>(main: ElementRef<'a>, heading: &str) -> Vec<ElementRef<'a>> {
    let h = h2(main, heading);
    let list = next_element(h).unwrap_or_else(|| panic!("nothing after h2 {heading:?}"));
    assert!(
        matches!(list.value().name(), "ul" | "ol"),
        "after h2 {heading:?} comes <{}>, not a list",
        list.value().name()
    );
    list.child_elements()
        .inspect(|li| assert_eq!(li.value().name(), "li"))
        .collect()
}

fn is_visually_hidden(element: ElementRef) -> bool {
    std::iter::once(element)
        .chain(element.ancestors().filter_map(ElementRef::wrap))
        .any(|e| e.value().classes().any(|c| c == "visually-hidden"))
}

/// The visible age label of a result item and where it links.
fn age_label(item: ElementRef) -> (String, String) {
    let labels: Vec<ElementRef> = item
        .select(&sel("a"))
        .filter(|a| text(*a).ends_with(" jaar"))
        .collect();
    assert_eq!(labels.len(), 1, "one age label in {}", item.html());
    let label = labels[0];
    assert!(
        !is_visually_hidden(label),
        "the age label is hidden: {}",
        item.html()
    );
    (
        text(label),
        label.attr("href").unwrap_or_default().to_string(),
    )
}

#[test]
fn programmalijnen_show_their_ambities_and_2019_results_with_age_labels() {
    let built = build_example(&[]);
    // (slug, number of ambities, age range of each 2019 result in content order)
    let lines: [(&str, usize, &[&str]); 3] = [
        (
            "passende-ondersteuning-voor-elk-kind",
            4,
            &["0-6", "0-6", "0-6", "0-6", "4-18", "4-18", "0-18"],
        ),
        (
            "doorlopende-lijnen-en-verbindingen",
            2,
            &["0-6", "0-6", "0-6", "4-16", "4-16", "16-23"],
        ),
        (
            "kwalitatief-goed-aanbod",
            4,
            &["0-6", "4-16", "4-16", "4-16"],
        ),
    ];
    for (slug, ambities, ages) in lines {
        let doc = page(&built.out, &format!("/programmalijnen/{slug}/"));
        let main = main_of(&doc);
        let items = list_after(main, "Welke ambities hebben we met elkaar uitgesproken?");
        assert_eq!(items.len(), ambities, "{slug}: ambities");
        assert!(items.iter().all(|li| !text(*li).is_empty()), "{slug}");

        let results = list_after(main, "Wat hebben we in 2019 onder andere gerealiseerd?");
        assert_eq!(results.len(), ages.len(), "{slug}: results of 2019");
        for (item, age) in results.iter().zip(ages) {
            let (label, href) = age_label(*item);
            assert_eq!(label, format!("{age} jaar"), "{slug}: {}", item.html());
            assert_eq!(href, format!("/leeftijden/{age}/"), "{slug}");
            assert!(
                text(*item).len() > label.len() + 10,
                "{slug}: result without text: {}",
                item.html()
            );
        }
    }
    let first = page(
        &built.out,
        "/programmalijnen/passende-ondersteuning-voor-elk-kind/",
    );
    let results = list_after(
        main_of(&first),
        "Wat hebben we in 2019 onder andere gerealiseerd?",
    );
    assert!(
        text(results[0]).contains(
            "De campagne De Voorschool is er voor iedereen is in het voorjaar gelanceerd."
        ),
        "{}",
        results[0].html()
    );
}

#[test]
fn thema_ouderbetrokkenheid_lists_kansrijk_in_almere() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/themas/ouderbetrokkenheid/");
    let main = main_of(&doc);
    assert_eq!(card_titles(main), ["Kansrijk in Almere"]);
    assert!(
        links_in(main, ".card__title a")
            .iter()
            .all(|(_, href)| href == "/interventies/kansrijk-in-almere/")
    );
}

/// A theme with nothing on it yet says so and sends the visitor on: to the agenda, and to
/// the other themes.
#[test]
fn an_empty_theme_points_at_the_agenda_and_the_other_themes() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/themas/versterken-van-taal/");
    let main = main_of(&doc);
    assert!(card_titles(main).is_empty());
    assert!(
        text(main).contains("nog geen interventies"),
        "{}",
        text(main)
    );
    assert_eq!(
        links_in(main, "a"),
        [
            (
                "Lees de GKA-Agenda van Almere".to_string(),
                "/agenda/".to_string()
            ),
            ("Bekijk alle thema's".to_string(), "/themas/".to_string()),
        ]
    );
}

/// When the agenda has a heading of the theme's name, the empty theme links to it.
#[test]
fn an_empty_theme_links_to_the_agendas_heading_about_it() {
    let site = tempfile::tempdir().unwrap();
    copy_dir(&repo_root().join("content"), &site.path().join("content"));
    copy_dir(&repo_root().join("themes"), &site.path().join("themes"));
    let agenda = site.path().join("content/agenda.md");
    let text_before = fs::read_to_string(&agenda).unwrap();
    fs::write(
        &agenda,
        format!("{text_before}\n## Versterken van taal\n\nTaal is de basis.\n"),
    )
    .unwrap();
    let built = build_into_temp(site.path(), &[]);
    let doc = page(&built.out, "/themas/versterken-van-taal/");
    let links = links_in(main_of(&doc), "a");
    assert_eq!(
        links[0],
        (
            "Lees in de GKA-Agenda van Almere wat de gemeente met dit thema wil bereiken"
                .to_string(),
            "/agenda/#versterken-van-taal".to_string()
        )
    );
}

/// The interventies overview: its filters and its list each under a heading of their own,
/// the cards one level below.
#[test]
fn the_interventies_overview_has_its_headings_in_order() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/interventies/");
    let headings: Vec<String> = main_of(&doc)
        .select(&sel("h1, h2, h3"))
        .map(|h| format!("{} {}", h.value().name(), fold_ws(&text(h))))
        .collect();
    assert_eq!(headings[0], "h1 Interventies");
    assert_eq!(headings[1], "h2 Bekijk de interventies per onderwerp");
    let list = headings
        .iter()
        .position(|h| h == "h2 Alle interventies")
        .unwrap();
    assert_eq!(headings.len() - list - 1, INTERVENTIES.len());
    assert!(headings[list + 1..].iter().all(|h| h.starts_with("h3 ")));
}

#[test]
fn leeftijd_12_18_lists_dare_to_dream_in_036_and_the_overlapping_results() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/leeftijden/12-18/");
    let main = main_of(&doc);
    assert_eq!(card_titles(main), ["Dare to dream in 036"]);
    assert_eq!(
        links_in(main, ".card__title a")[0].1,
        "/interventies/dare-to-dream-in-036/"
    );
    // 12-18 overlaps 0-18 (1 result), 4-16 (5), 4-18 (2) and 16-23 (1); not 0-6.
    let labels: Vec<String> = main
        .select(&sel("ul.resultaten > li"))
        .map(|li| age_label(li).0)
        .collect();
    let count = |label: &str| labels.iter().filter(|l| *l == label).count();
    assert_eq!(
        [
            count("0-18 jaar"),
            count("4-16 jaar"),
            count("4-18 jaar"),
            count("16-23 jaar"),
            count("0-6 jaar"),
        ],
        [1, 5, 2, 1, 0],
        "{labels:?}"
    );
    assert_eq!(labels.len(), 9, "{labels:?}");
}

#[test]
fn leeftijd_0_6_lists_the_eight_0_6_results_and_the_overlapping_ones() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/leeftijden/0-6/");
    let main = main_of(&doc);
    // 4 in programmalijn 1, 3 in programmalijn 2, 1 in programmalijn 3.
    let expected = [
        (
            "De campagne De Voorschool is er voor iedereen",
            PROGRAMMALIJNEN[0],
        ),
        ("Vitree en Mee voeren Sterke Start uit", PROGRAMMALIJNEN[0]),
        ("De inloopsprekuren voor ouders", PROGRAMMALIJNEN[0]),
        (
            "Er zijn pilots kwaliteitsimpuls VVE ontwikkeld",
            PROGRAMMALIJNEN[0],
        ),
        ("Inzichtelijk wordt toegevoegd", PROGRAMMALIJNEN[1]),
        (
            "Het protocol Van voor- naar vroegschool",
            PROGRAMMALIJNEN[1],
        ),
        (
            "In de pilots kwaliteitsimpuls VVE werken we",
            PROGRAMMALIJNEN[1],
        ),
        (
            "Vanaf januari 2020 starten er op acht plekken",
            PROGRAMMALIJNEN[2],
        ),
    ];
    let items: Vec<ElementRef> = main.select(&sel("ul.resultaten > li")).collect();
    let texts: Vec<String> = items.iter().map(|li| text(*li)).collect();
    for (start, lijn) in expected {
        let matching: Vec<&ElementRef> = items
            .iter()
            .filter(|li| text(**li).contains(start))
            .collect();
        assert_eq!(matching.len(), 1, "{start:?} once in {texts:#?}");
        assert_eq!(
            age_label(*matching[0]),
            ("0-6 jaar".to_string(), "/leeftijden/0-6/".to_string())
        );
        let hrefs: Vec<String> = links_in(*matching[0], "a")
            .into_iter()
            .map(|(_, h)| h)
            .collect();
        assert!(
            hrefs.contains(&format!("/programmalijnen/{lijn}/")),
            "{start:?} links its programmalijn: {hrefs:?}"
        );
    }
    // Overlapping: 0-18 (inspiratieregio), 4-16 (5 results), 4-18 (Sterk in de Wijk, 2);
    // 16-23 does not overlap 0-6.
    let labels: Vec<String> = items.iter().map(|li| age_label(*li).0).collect();
    let count = |label: &str| labels.iter().filter(|l| *l == label).count();
    assert_eq!(
        [
            count("0-6 jaar"),
            count("0-18 jaar"),
            count("4-16 jaar"),
            count("4-18 jaar"),
            count("16-23 jaar"),
        ],
        [8, 1, 5, 2, 0],
        "{labels:?}"
    );
    assert_eq!(items.len(), 16, "{texts:#?}");
    let all = text(main);
    assert!(
        !all.contains("meerjarige afspraken"),
        "the 16-23 result is not on the 0-6 page"
    );
    assert!(
        card_titles(main).is_empty(),
        "no interventie's range overlaps 0-6 in the example"
    );
}

#[test]
fn term_index_pages_list_every_term() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/themas/");
    let links = links_in(main_of(&doc), "a");
    for (naam, slug) in THEMAS {
        assert!(
            links.contains(&(naam.to_string(), format!("/themas/{slug}/"))),
            "{naam} in {links:?}"
        );
    }
    let doc = page(&built.out, "/leeftijden/");
    let hrefs: Vec<String> = links_in(main_of(&doc), "a")
        .into_iter()
        .map(|(_, h)| h)
        .collect();
    let expected: Vec<String> = LEEFTIJDEN.map(|l| format!("/leeftijden/{l}/")).into();
    assert_eq!(hrefs, expected, "age ranges, youngest first");
}

/// Records what a build tells its progress indicator.
#[derive(Default)]
struct Recorder {
    stages: std::sync::Mutex<Vec<(gka::build::Stage, Option<usize>)>>,
    steps: std::sync::atomic::AtomicUsize,
}

impl gka::build::Progress for Recorder {
    fn stage(&self, stage: gka::build::Stage, steps: Option<usize>) {
        self.stages.lock().unwrap().push((stage, steps));
    }
    fn step(&self) {
        self.steps.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
    }
}

#[test]
fn a_build_reports_its_stages_and_every_rendered_file_to_the_progress_indicator() {
    use gka::build::Stage;
    let site = SiteRoot::example();
    let out = tempfile::tempdir().unwrap();
    let options = gka::build::BuildOptions {
        root: site.path().to_path_buf(),
        output: out.path().join("public"),
        base_url: None,
        drafts: false,
        search: true,
    };
    let recorder = Recorder::default();
    let built = gka::build::build_with(&options, false, &recorder).unwrap();
    let stages = recorder.stages.into_inner().unwrap();
    let names: Vec<Stage> = stages.iter().map(|(stage, _)| *stage).collect();
    assert_eq!(
        names,
        [
            Stage::Loading,
            Stage::Rendering,
            Stage::Writing,
            Stage::Indexing
        ]
    );
    let rendering = stages[1].1.expect("rendering has a known number of steps");
    assert_eq!(recorder.steps.into_inner(), rendering, "one step per file");
    // Every page is among the rendered files; the open data, static files and index are not.
    assert!(
        rendering > built.pages && rendering < built.files,
        "{rendering} of {built:?}"
    );
}

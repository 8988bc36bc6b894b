//! Search (issue 5, item 2): `gka build` writes a Dutch Pagefind index under `/pagefind/` and
//! the `/zoeken/` page; `--no-search` leaves both out. The browser side (typing a query on
//! `/zoeken/`) is checked by `.ci/checkers/search.mjs` in `.ci/site-checks`.

mod common;

use std::fs;

use common::*;
use scraper::Html;

fn page(built: &Built, rel: &str) -> Html {
    Html::parse_document(&fs::read_to_string(built.out.join(rel)).unwrap())
}

#[test]
fn the_example_has_a_dutch_index_of_every_page_but_the_search_page() {
    let built = build_example(&[]);
    let entry: serde_json::Value =
        serde_json::from_slice(&fs::read(built.out.join("pagefind/pagefind-entry.json")).unwrap())
            .unwrap();
    let languages = entry["languages"].as_object().unwrap();
    assert_eq!(
        languages.keys().collect::<Vec<_>>(),
        ["nl"],
        "one Dutch index: {entry}"
    );
    assert_eq!(languages["nl"]["wasm"], "nl", "Dutch stemming: {entry}");
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    let pages = sitemap.matches("<loc>").count();
    // Every page of the sitemap, except /zoeken/ itself.
    assert_eq!(languages["nl"]["page_count"], pages - 1, "{entry}");
    for file in ["pagefind.js", "pagefind-worker.js", "wasm.nl.pagefind"] {
        assert!(built.out.join("pagefind").join(file).is_file(), "{file}");
    }
    assert!(
        !built.out.join("pagefind/pagefind-ui.js").exists(),
        "Pagefind's own interface is not shipped"
    );
}

#[test]
fn only_the_main_content_is_indexed() {
    let built = build_example(&[]);
    for file in html_files(&built.out) {
        let html = fs::read_to_string(built.out.join(&file)).unwrap();
        if html.contains("http-equiv=\"refresh\"") {
            continue; // redirects are not pages
        }
        let doc = Html::parse_document(&html);
        let bodies: Vec<_> = doc
            .select(&scraper::Selector::parse("[data-pagefind-body]").unwrap())
            .map(|e| e.value().name().to_string())
            .collect();
        // The search page and the 404 page keep their own text out of the index.
        let expected: &[&str] = if file == "zoeken/index.html" || file == "404.html" {
            &[]
        } else {
            &["main"]
        };
        assert_eq!(bodies, expected, "{file}");
        // Cards repeat other pages: the page itself is the result, not every list it is on.
        for card in doc.select(&scraper::Selector::parse(".card").unwrap()) {
            assert!(card.attr("data-pagefind-ignore").is_some(), "{file}");
        }
    }
}

#[test]
fn the_search_page_has_a_form_and_a_plain_message_without_javascript() {
    let built = build_example(&[]);
    let doc = page(&built, "zoeken/index.html");
    let form = one(&doc, "form[role=\"search\"][data-zoeken]");
    assert!(
        form.attr("hidden").is_some(),
        "the form shows only with JavaScript"
    );
    one(&doc, "label[for=\"zoekterm\"]");
    one(&doc, "[data-zoeken-zonder-js] a[href=\"/sitemap.xml\"]");
    let script = one(&doc, "script[src=\"/static/js/zoeken.js\"]");
    assert_eq!(script.attr("type"), Some("module"));
    let csp = one(&doc, "meta[http-equiv=\"Content-Security-Policy\"]")
        .attr("content")
        .unwrap();
    assert!(
        csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
        "{csp}"
    );
    // Only the search page may compile WebAssembly.
    let home = page(&built, "index.html");
    let home_csp = one(&home, "meta[http-equiv=\"Content-Security-Policy\"]")
        .attr("content")
        .unwrap();
    assert!(!home_csp.contains("wasm-unsafe-eval"), "{home_csp}");
    assert!(built.out.join("static/js/zoeken.js").is_file());
}

#[test]
fn results_know_their_type() {
    let built = build_example(&[]);
    let event = page(
        &built,
        "nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/index.html",
    );
    let main = one(&event, "main");
    assert_eq!(main.attr("data-pagefind-meta"), Some("soort:Evenement"));
    let interventie = page(&built, "interventies/kansrijk-in-almere/index.html");
    assert_eq!(
        one(&interventie, "main").attr("data-pagefind-meta"),
        Some("soort:Interventie")
    );
}

#[test]
fn no_search_leaves_out_the_index_and_the_search_page() {
    let built = build_example(&["--no-search"]);
    assert!(!built.out.join("pagefind").exists());
    assert!(!built.out.join("zoeken").exists());
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/zoeken/"), "{sitemap}");
}

#[test]
fn trefwoorden_are_shown_inside_the_indexed_content() {
    let built = build_example(&[]);
    let doc = page(&built, "interventies/kansrijk-in-almere/index.html");
    let keywords = one(&doc, "main[data-pagefind-body] .page-keywords");
    assert_eq!(
        keywords.text().collect::<String>(),
        "Trefwoorden: armoede, schoolontbijt, financiële educatie"
    );
    // A page without trefwoorden has no empty line for them.
    let other = page(&built, "privacy/index.html");
    assert!(
        other
            .select(&scraper::Selector::parse(".page-keywords").unwrap())
            .next()
            .is_none()
    );
}

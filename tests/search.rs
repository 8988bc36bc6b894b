//! Search (issue 5, item 2; issue 16, item 4): `gka build` writes a Dutch Pagefind index under
//! `/pagefind/` and the `/zoeken/` page, and every other page has a search field in its header
//! that leads there; `--no-search` leaves all three out. The index holds the documents, and
//! the overviews with less weight, but no term pages or empty pages, and reads their text as
//! sentences without the page's chrome. The browser side (searching from the header, the
//! ranking and excerpts a visitor sees, no layout shift) is checked by
//! `.ci/checkers/search.mjs` in `.ci/site-checks`.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::io::Read;

use common::*;
use scraper::Html;

fn page(built: &Built, rel: &str) -> Html {
    Html::parse_document(&fs::read_to_string(built.out.join(rel)).unwrap())
}

/// Every page of the index as Pagefind stores it: its fragment files are gzipped JSON (after
/// a `pagefind_dcd` signature) with the page's `url` and indexed `content`.
fn indexed_pages(built: &Built) -> Vec<serde_json::Value> {
    let folder = built.out.join("pagefind/fragment");
    let mut pages = Vec::new();
    for entry in fs::read_dir(&folder).unwrap() {
        let path = entry.unwrap().path();
        let mut data = Vec::new();
        flate2::read::GzDecoder::new(fs::File::open(&path).unwrap())
            .read_to_end(&mut data)
            .unwrap();
        let json = data
            .strip_prefix(b"pagefind_dcd")
            .unwrap_or_else(|| panic!("{}: no Pagefind signature", path.display()));
        pages.push(serde_json::from_slice(json).unwrap());
    }
    pages
}

/// The site paths of the HTML files that carry `data-pagefind-body` (what gets indexed).
fn pages_with_body(built: &Built) -> BTreeSet<String> {
    html_files(&built.out)
        .into_iter()
        .filter(|file| {
            let doc = page(built, file);
            doc.select(&sel("[data-pagefind-body]")).next().is_some()
        })
        .map(|file| format!("/{}", file.trim_end_matches("index.html")))
        .collect()
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
    // Every page that asks to be indexed, and only those.
    assert_eq!(
        languages["nl"]["page_count"],
        pages_with_body(&built).len(),
        "{entry}"
    );
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
        // At most the main content; the header, menu, breadcrumbs and footer never.
        assert!(
            bodies.is_empty() || bodies == ["main"],
            "{file}: {bodies:?}"
        );
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
    // The form is there from the first paint (nothing moves when the script starts); only
    // without JavaScript does a stylesheet in <noscript> hide it.
    let form = one(&doc, "form[role=\"search\"][data-zoeken]");
    assert!(form.attr("hidden").is_none());
    one(&doc, "label[for=\"zoekterm\"]");
    let hide: String = one(&doc, "head noscript").text().collect();
    assert!(
        hide.contains("href=\"/static/css/zoeken-zonder-js.css\""),
        "{hide}"
    );
    let css = fs::read_to_string(built.out.join("static/css/zoeken-zonder-js.css")).unwrap();
    assert!(css.contains(".search-page"), "{css}");
    one(&doc, ".search-page form[data-zoeken]");
    // A parser that runs scripts reads <noscript> as text: parse the message on its own.
    let message = Html::parse_fragment(&one(&doc, "main noscript").text().collect::<String>());
    one(&message, "[data-zoeken-zonder-js] a[href=\"/sitemap.xml\"]");
    // The search page does not repeat the search field in its own header.
    assert!(doc.select(&sel("header form")).next().is_none());
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
fn no_search_leaves_out_the_index_the_search_page_and_the_header_field() {
    let built = build_example(&["--no-search"]);
    assert!(!built.out.join("pagefind").exists());
    assert!(!built.out.join("zoeken").exists());
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("/zoeken/"), "{sitemap}");
    for file in html_files(&built.out) {
        let doc = page(&built, &file);
        assert!(
            doc.select(&sel("form[role=\"search\"]")).next().is_none(),
            "{file}: a search field without a search page"
        );
    }
}

#[test]
fn every_page_but_the_search_page_has_a_search_field_in_its_header() {
    let built = build_example(&[]);
    let mut checked = 0;
    for file in html_files(&built.out) {
        let html = fs::read_to_string(built.out.join(&file)).unwrap();
        if file == "zoeken/index.html" || html.contains("http-equiv=\"refresh\"") {
            continue;
        }
        let doc = Html::parse_document(&html);
        // A plain form: without JavaScript it goes to /zoeken/?q=…
        let form = one(&doc, "header form[role=\"search\"]");
        assert_eq!(form.attr("action"), Some("/zoeken/"), "{file}");
        assert_eq!(form.attr("method"), Some("get"), "{file}");
        let field = one(&doc, "header form[role=\"search\"] input[name=\"q\"]");
        assert_eq!(field.attr("type"), Some("search"), "{file}");
        let id = field.attr("id").unwrap();
        let label = one(&doc, &format!("header form label[for=\"{id}\"]"));
        assert_eq!(label.text().collect::<String>(), "Zoeken op deze website");
        one(&doc, "header form button[type=\"submit\"]");
        checked += 1;
    }
    assert!(checked > 20, "only {checked} pages");
}

#[test]
fn a_site_in_a_sub_folder_searches_there() {
    let built = build_example(&["--base-url", "https://example.github.io/gka/"]);
    let doc = page(&built, "interventies/index.html");
    let form = one(&doc, "header form[role=\"search\"]");
    assert_eq!(form.attr("action"), Some("/gka/zoeken/"));
}

#[test]
fn the_index_holds_documents_and_overviews_but_no_term_or_empty_pages() {
    let built = build_example(&[]);
    let indexed: BTreeSet<String> = indexed_pages(&built)
        .iter()
        .map(|p| p["url"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(indexed, pages_with_body(&built));
    for document in [
        "/interventies/kansrijk-in-almere/",
        "/programmalijnen/kwalitatief-goed-aanbod/",
        "/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/",
        "/addenda/2021-2024/",
        "/agenda/",
        "/privacy/",
        "/toegankelijkheid/",
        // Overviews with an introduction of their own.
        "/",
        "/interventies/",
    ] {
        assert!(indexed.contains(document), "{document} is not indexed");
    }
    for not_a_result in [
        // Term pages and their indexes list what is found on the documents' own pages.
        "/themas/",
        "/themas/versterken-van-taal/",
        "/leeftijden/",
        "/leeftijden/0-6/",
        // An overview without an introduction has nothing but its title and cards.
        "/nieuws/",
        "/zoeken/",
        "/404.html",
    ] {
        assert!(!indexed.contains(not_a_result), "{not_a_result} is indexed");
    }
}

#[test]
fn overviews_weigh_less_than_documents() {
    let built = build_example(&[]);
    for overview in ["index.html", "interventies/index.html"] {
        let doc = page(&built, overview);
        let main = one(&doc, "main");
        assert_eq!(main.attr("data-pagefind-weight"), Some("0.1"), "{overview}");
        assert_eq!(
            main.attr("data-pagefind-meta"),
            Some("soort:Overzicht"),
            "{overview}"
        );
    }
    for document in [
        "interventies/kansrijk-in-almere/index.html",
        "programmalijnen/kwalitatief-goed-aanbod/index.html",
        "privacy/index.html",
    ] {
        let doc = page(&built, document);
        let main = one(&doc, "main[data-pagefind-body]");
        assert_eq!(main.attr("data-pagefind-weight"), None, "{document}");
    }
    // The page's title weighs through its <h1>, which an overview weighs less; Pagefind's own
    // boost of a matching title would not, so the search page turns it off.
    let script = fs::read_to_string(built.out.join("static/js/zoeken.js")).unwrap();
    assert!(
        script.contains("metaWeights: { title: 0 }"),
        "the title boost is off"
    );
}

#[test]
fn indexed_text_reads_as_sentences_without_the_page_chrome() {
    let built = build_example(&[]);
    let pages = indexed_pages(&built);
    for indexed in &pages {
        let content = indexed["content"].as_str().unwrap();
        let url = &indexed["url"];
        assert!(!content.contains("Laatst gewijzigd"), "{url}: {content}");
    }
    // The line is on the pages, only not in the index.
    let modified = html_files(&built.out)
        .iter()
        .filter(|file| {
            let doc = page(&built, file);
            doc.select(&sel(
                "main[data-pagefind-body] .page-modified[data-pagefind-ignore]",
            ))
            .next()
            .is_some()
        })
        .count();
    assert!(modified > 0, "no indexed page shows when it was changed");
    // Every fact of an interventie or addendum: its term, a space, its value.
    let mut facts = 0;
    for file in html_files(&built.out) {
        let doc = page(&built, &file);
        let url = format!("/{}", file.trim_end_matches("index.html"));
        for group in doc.select(&sel("main[data-pagefind-body] dl.facts > div")) {
            let words = |selector: &str| {
                let element = group.select(&sel(selector)).next().unwrap();
                let text: String = element.text().collect();
                text.split_whitespace()
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            };
            let (term, value) = (words("dt").join(" "), words("dd"));
            let content = pages
                .iter()
                .find(|p| p["url"] == url.as_str())
                .unwrap_or_else(|| panic!("{url} is not indexed"))["content"]
                .as_str()
                .unwrap();
            let expected = format!("{term} {}", value[0]);
            assert!(
                content.contains(&expected),
                "{url}: {expected:?} in {content}"
            );
            facts += 1;
        }
    }
    assert!(facts >= 4, "only {facts} facts");
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

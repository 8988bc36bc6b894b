//! Head metadata on the example: Open Graph, OWMS core metadata as `DCTERMS.*` meta tags and
//! schema.org JSON-LD (a `BreadcrumbList` on every page, `GovernmentOrganization` on the home
//! page, `Event` or `NewsArticle` on news items).

mod common;

use std::fs;

use common::*;
use scraper::Html;
use serde_json::Value;

/// The page's JSON-LD, parsed; panics unless there is exactly one block and it is JSON.
fn json_ld(doc: &Html) -> Value {
    let script = one(doc, "script[type=\"application/ld+json\"]");
    let text: String = script.text().collect();
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("JSON-LD: {e}\n{text}"))
}

/// The `@type` of every node in the graph.
fn types(data: &Value) -> Vec<String> {
    data["@graph"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n["@type"].as_str().unwrap().to_string())
        .collect()
}

fn meta<'a>(doc: &'a Html, attr: &str, name: &str) -> &'a str {
    one(doc, &format!("meta[{attr}=\"{name}\"]"))
        .attr("content")
        .unwrap()
}

#[test]
fn every_page_has_open_graph_owms_and_a_breadcrumb_list() {
    let built = build_example(&[]);
    for file in html_files(&built.out) {
        let doc = Html::parse_document(&fs::read_to_string(built.out.join(&file)).unwrap());
        if is_redirect(&doc) || file == "404.html" {
            continue;
        }
        let permalink = format!("{}{}", EXAMPLE_BASE_URL, &site_path(&file)[1..]);
        assert_eq!(meta(&doc, "property", "og:url"), permalink, "{file}");
        assert_eq!(meta(&doc, "property", "og:locale"), "nl_NL", "{file}");
        assert_eq!(
            meta(&doc, "property", "og:site_name"),
            "Gelijke Kansen Alliantie Almere",
            "{file}"
        );
        assert!(!meta(&doc, "property", "og:title").is_empty(), "{file}");
        assert_eq!(
            meta(&doc, "name", "DCTERMS.identifier"),
            permalink,
            "{file}"
        );
        assert_eq!(meta(&doc, "name", "DCTERMS.creator"), "Almere", "{file}");
        assert_eq!(meta(&doc, "name", "DCTERMS.language"), "nl-NL", "{file}");
        let modified = meta(&doc, "name", "DCTERMS.modified");
        assert!(
            time::Date::parse(
                modified,
                &time::macros::format_description!("[year]-[month]-[day]")
            )
            .is_ok(),
            "{file}: {modified}"
        );
        let data = json_ld(&doc);
        assert_eq!(data["@context"], "https://schema.org", "{file}");
        let list = &data["@graph"][0];
        assert_eq!(list["@type"], "BreadcrumbList", "{file}");
        let items = list["itemListElement"].as_array().unwrap();
        assert_eq!(
            items.last().unwrap()["item"].as_str(),
            Some(permalink.as_str()),
            "{file}: the list ends at the page itself"
        );
        for (i, item) in items.iter().enumerate() {
            assert_eq!(item["position"], i + 1, "{file}");
        }
    }
}

#[test]
fn the_home_page_describes_the_gemeente() {
    let built = build_example(&[]);
    let doc = page(&built.out, "/");
    let data = json_ld(&doc);
    assert_eq!(types(&data), ["BreadcrumbList", "GovernmentOrganization"]);
    assert_eq!(data["@graph"][1]["name"], "Gemeente Almere");
    assert_eq!(data["@graph"][1]["url"], EXAMPLE_BASE_URL);
    assert_eq!(meta(&doc, "property", "og:type"), "website");
    assert_eq!(meta(&doc, "name", "DCTERMS.type"), "webpagina");
}

#[test]
fn an_event_is_an_event_and_a_page_is_a_webpagina() {
    let built = build_example(&[]);
    let doc = page(
        &built.out,
        "/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/",
    );
    let data = json_ld(&doc);
    assert_eq!(types(&data), ["BreadcrumbList", "Event"]);
    let event = &data["@graph"][1];
    assert_eq!(event["startDate"], "2021-03-24");
    assert_eq!(event["location"]["@type"], "VirtualLocation");
    assert_eq!(event["organizer"]["name"], "Gemeente Almere");
    let crumbs: Vec<&str> = data["@graph"][0]["itemListElement"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        crumbs,
        [
            "Home",
            "Nieuws",
            "Online regionale bijeenkomst 'omgaan met armoede'"
        ]
    );
    assert_eq!(meta(&doc, "name", "DCTERMS.type"), "nieuwsbericht");
    assert_eq!(meta(&doc, "property", "og:type"), "article");

    let doc = page(&built.out, "/interventies/kansrijk-in-almere/");
    assert_eq!(types(&json_ld(&doc)), ["BreadcrumbList"]);
    assert_eq!(meta(&doc, "name", "DCTERMS.type"), "webpagina");
}

#[test]
fn a_news_item_is_a_news_article_and_json_ld_cannot_close_its_script() {
    let root = SiteRoot::example();
    root.edit(
        "content/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede.md",
        "soort: evenement",
        "soort: nieuws",
    );
    root.edit(
        "content/nieuws/online-regionale-bijeenkomst-omgaan-met-armoede.md",
        "titel: ",
        "samenvatting: \"Geen </script><script>alert(1)</script> & meer\"\ntitel: ",
    );
    let built = build_into_temp(root.path(), &[]);
    built.run.assert_success();
    let path = "nieuws/online-regionale-bijeenkomst-omgaan-met-armoede/index.html";
    let html = fs::read_to_string(built.out.join(path)).unwrap();
    assert!(!html.contains("<script>alert"), "{html}");
    let doc = Html::parse_document(&html);
    let data = json_ld(&doc);
    assert_eq!(types(&data), ["BreadcrumbList", "NewsArticle"]);
    let article = &data["@graph"][1];
    assert_eq!(
        article["description"], "Geen </script><script>alert(1)</script> & meer",
        "escaped in the HTML, the same text as JSON"
    );
    assert_eq!(article["datePublished"], "2021-03-24");
    assert_eq!(article["publisher"]["@type"], "GovernmentOrganization");
}

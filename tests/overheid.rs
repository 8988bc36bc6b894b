//! What every Dutch government site needs, built with the real binary from
//! `tests/fixtures/overheid`: the house style, the accessibility statement and its register
//! label, the privacy page, download links with type and size, click-to-load videos, the
//! Content-Security-Policy and referrer policy, and `/.well-known/security.txt`.

mod common;

use std::fs;

use common::*;

const YOUTUBE_PLAYER: &str = "https://www.youtube-nocookie.com/embed/abcdefghijk";

#[test]
fn the_house_style_is_linked_after_the_theme_and_its_class_is_on_html() {
    let built = build_fixture("overheid", &[]);
    for file in html_files(&built.out) {
        let doc = page(&built.out, &site_path(&file));
        let css: Vec<&str> = doc
            .select(&sel("link[rel=stylesheet]"))
            .filter_map(|l| l.attr("href"))
            .collect();
        assert_eq!(
            css,
            ["/static/css/gka.css", "/static/huisstijl.css"],
            "{file}"
        );
        assert_eq!(
            one(&doc, "html").attr("class"),
            Some("voorbeeld-theme"),
            "{file}"
        );
    }
}

#[test]
fn a_house_style_from_another_site_is_refused() {
    let root = SiteRoot::fixture("overheid");
    root.edit(
        "content/site.yaml",
        "css: /static/huisstijl.css",
        "css: https://cdn.example/huisstijl.css",
    );
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    assert!(
        run.stderr.contains(
            "content/site.yaml:8:8: fout[GKA-E030]: het stijlblad 'https://cdn.example/huisstijl.css' van de huisstijl is geen bestand van deze site"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn every_page_has_a_content_security_policy_and_a_referrer_policy() {
    let built = build_fixture("overheid", &[]);
    for file in html_files(&built.out) {
        let doc = page(&built.out, &site_path(&file));
        let csp = one(&doc, "meta[http-equiv=Content-Security-Policy]")
            .attr("content")
            .unwrap();
        assert!(csp.starts_with("default-src 'self';"), "{file}: {csp}");
        // Only the search page may compile WebAssembly (Pagefind's), and nothing may `eval`.
        let scripts = if file == "zoeken/index.html" {
            "script-src 'self' 'wasm-unsafe-eval';"
        } else {
            "script-src 'self';"
        };
        assert!(csp.contains(scripts), "{file}: {csp}");
        assert!(!csp.contains("'unsafe-eval'"), "{file}: {csp}");
        let frames = csp.rsplit("frame-src ").next().unwrap();
        let expected = match file.as_str() {
            "uitleg/index.html" => "https://www.youtube-nocookie.com",
            "interventies/huiswerkklas/index.html" => "https://player.vimeo.com",
            _ => "'none'",
        };
        assert_eq!(frames, expected, "{file}");
        assert_eq!(
            one(&doc, "meta[name=referrer]").attr("content"),
            Some("same-origin"),
            "{file}"
        );
        // The policy comes before anything it governs.
        let head: Vec<&str> = doc
            .select(&sel("head > *"))
            .map(|e| e.value().name())
            .collect();
        let policy = head.iter().position(|n| *n == "meta").unwrap();
        let first_link = head
            .iter()
            .position(|n| *n == "link" || *n == "script")
            .unwrap();
        assert!(policy < first_link, "{file}: {head:?}");
    }
}

#[test]
fn videos_load_nothing_until_asked_and_work_as_a_link_without_javascript() {
    let built = build_fixture("overheid", &[]);
    let doc = page(&built.out, "/uitleg/");
    let html = fs::read_to_string(built.out.join("uitleg/index.html")).unwrap();
    assert!(!html.contains("<iframe"), "no player in the HTML: {html}");
    assert!(!html.contains("youtube.com/embed"), "{html}");

    let video = one(&doc, "main .video");
    assert_eq!(video.attr("data-video-src"), Some(YOUTUBE_PLAYER));
    assert_eq!(video.attr("data-video-title"), Some("Zo werkt de GKA"));
    let links = links_in(video, "a");
    assert_eq!(
        links,
        [(
            "Bekijk de video: Zo werkt de GKA".to_string(),
            "https://www.youtube.com/watch?v=abcdefghijk".to_string()
        )]
    );
    // The button exists for the script to reveal; without JavaScript it stays hidden.
    let consent = one(&doc, "main .video .video__consent");
    assert!(consent.attr("hidden").is_some());
    assert_eq!(
        text(one(&doc, "main .video button[type=button]")),
        "Speel de video hier af: Zo werkt de GKA"
    );
    assert!(text(consent).contains("www.youtube-nocookie.com"));
    assert_eq!(
        one(&doc, "script[src]").attr("src"),
        Some("/static/js/video.js")
    );

    let interventie = page(&built.out, "/interventies/huiswerkklas/");
    assert_eq!(
        one(&interventie, "main .video").attr("data-video-src"),
        Some("https://player.vimeo.com/video/123456?dnt=1")
    );
    // Pages without a video load no script; their only <script> is JSON-LD data.
    let home = page(&built.out, "/");
    assert_eq!(home.select(&sel("script[src]")).count(), 0);
    for script in home.select(&sel("script")) {
        assert_eq!(script.attr("type"), Some("application/ld+json"));
    }
    let script = fs::read_to_string(built.out.join("static/js/video.js")).unwrap();
    assert!(script.contains("createElement('iframe')") && script.contains("frame.title"));
}

#[test]
fn links_to_downloads_say_type_and_size() {
    let built = build_fixture("overheid", &[]);
    let home = page(&built.out, "/");
    let links = links_in(main_of(&home), ".prose a");
    assert_eq!(
        links,
        [
            (
                "verslag van 2024 (PDF, 1,2 MB)".to_string(),
                "/static/verslag.pdf".to_string()
            ),
            (
                "het verslag als tekst".to_string(),
                "/static/verslag.txt".to_string()
            ),
        ]
    );
    let agenda = page(&built.out, "/agenda/");
    assert!(
        links_in(main_of(&agenda), "a").contains(&(
            "Download de ondertekende GKA-Agenda (PDF, 1,2 MB)".to_string(),
            "/static/verslag.pdf".to_string()
        )),
        "{:?}",
        links_in(main_of(&agenda), "a")
    );
}

#[test]
fn the_accessibility_statement_and_its_label_in_the_footer() {
    let built = build_fixture("overheid", &[]);
    let doc = page(&built.out, "/toegankelijkheid/");
    let main = main_of(&doc);
    let all = text(main);
    assert!(all.contains("WCAG 2.1 niveau AA"), "{all}");
    assert!(all.contains("Alles is getest."), "{all}");
    let row: Vec<String> = main.select(&sel("tbody tr > *")).map(text).collect();
    assert_eq!(
        row,
        [
            "Nu Html Checker (automatisch)",
            "Controleert de HTML van elke pagina. Rapport van Nu Html Checker (automatisch) (PDF, 1,2 MB)",
            "Bij elke wijziging van de site"
        ]
    );
    assert_eq!(main.select(&sel("thead th[scope=col]")).count(), 3);
    // Contact for problems: the site's e-mail and phone, as the statement names none.
    let contact = links_in(main, "ul a");
    assert!(contact.contains(&(
        "gka@voorbeeldstad.example".to_string(),
        "mailto:gka@voorbeeldstad.example".to_string()
    )));
    assert!(contact.contains(&("14 000".to_string(), "tel:14000".to_string())));

    // Every page's footer links the statement, the privacy page and the register.
    for file in html_files(&built.out) {
        let doc = page(&built.out, &site_path(&file));
        let footer = one(&doc, "footer");
        let about = links_in(footer, "nav[aria-label=\"Over deze site\"] a");
        assert_eq!(
            about,
            [
                (
                    "Toegankelijkheid".to_string(),
                    "/toegankelijkheid/".to_string()
                ),
                ("Privacy".to_string(), "/privacy/".to_string())
            ],
            "{file}"
        );
        let label = one(&doc, "footer .status-label a");
        assert_eq!(
            label.attr("href"),
            Some("https://www.toegankelijkheidsverklaring.nl/register/0000")
        );
        assert!(
            text(label).starts_with("B Toegankelijkheid: voldoet gedeeltelijk"),
            "{}",
            text(label)
        );
    }
}

#[test]
fn a_statement_without_tests_or_contact_is_an_error() {
    let root = SiteRoot::fixture("overheid");
    fs::write(
        root.file("content/toegankelijkheid.md"),
        "---\ntitel: Toegankelijkheidsverklaring\n---\n\nTekst.\n",
    )
    .unwrap();
    root.edit(
        "content/site.yaml",
        "  email: gka@voorbeeldstad.example\n  telefoon: \"14 000\"\n",
        "  tekst: Bel ons.\n",
    );
    let run = build_into_temp(root.path(), &[]).run;
    run.assert_code(1);
    for message in [
        "content/toegankelijkheid.md: fout[GKA-E009]: de toegankelijkheidsverklaring zegt niet hoe de site is onderzocht",
        "content/toegankelijkheid.md: fout[GKA-E009]: de toegankelijkheidsverklaring zegt niet waar iemand een probleem kan melden",
    ] {
        assert!(run.stderr.contains(message), "{message}\n{}", run.stderr);
    }
}

#[test]
fn security_txt_follows_rfc_9116() {
    let built = build_fixture("overheid", &[]);
    let txt = fs::read_to_string(built.out.join(".well-known/security.txt")).unwrap();
    let fields: Vec<(&str, &str)> = txt
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split_once(": "))
        .collect();
    let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
    assert_eq!(
        names,
        [
            "Contact",
            "Contact",
            "Expires",
            "Preferred-Languages",
            "Canonical",
            "Policy"
        ],
        "{txt}"
    );
    assert_eq!(fields[0].1, "mailto:security@voorbeeldstad.example");
    assert_eq!(
        fields[1].1,
        "https://voorbeeldstad.example/kwetsbaarheid-melden"
    );
    assert_eq!(fields[3].1, "nl, en");
    assert_eq!(
        fields[4].1,
        "https://gka.voorbeeldstad.example/.well-known/security.txt"
    );
    // Expires: an RFC 3339 time, less than a year after the build.
    let expires =
        time::OffsetDateTime::parse(fields[2].1, &time::format_description::well_known::Rfc3339)
            .unwrap();
    let now = time::OffsetDateTime::now_utc();
    assert!(
        expires > now && expires < now + time::Duration::days(366),
        "{expires}"
    );
    // Not a page: not in the sitemap.
    let sitemap = fs::read_to_string(built.out.join("sitemap.xml")).unwrap();
    assert!(!sitemap.contains("security.txt"));
}

#[test]
fn without_a_security_contact_there_is_no_security_txt() {
    let built = build_example(&[]);
    assert!(!built.out.join(".well-known").exists());
}

#[test]
fn the_government_pages_pass_the_structural_checks() {
    let built = build_fixture("overheid", &[]);
    let problems = skeleton_problems(&built.out);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    let broken = broken_links(&built.out, "https://gka.voorbeeldstad.example/");
    assert!(broken.is_empty(), "{}", broken.join("\n"));
}

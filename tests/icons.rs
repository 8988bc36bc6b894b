//! The site's icons: the favicon, the touch icon, the manifest's icons and the web manifest,
//! made from the logo in `site.yaml` (an SVG or a PNG) or, without one, from the theme's
//! neutral mark; linked from every page, the same bytes on every build, and a logo gka cannot
//! read is an error in Dutch.

mod common;

use std::fs;
use std::io::Cursor;
use std::path::Path;

use common::*;
use image::{ImageFormat, Rgba, RgbaImage};

/// The icons every site has, as files in the output folder.
const ICON_FILES: [&str; 5] = [
    "favicon.ico",
    "apple-touch-icon.png",
    "icon-192.png",
    "icon-512.png",
    "manifest.webmanifest",
];

/// The PNG file `file` of `out`, decoded.
#[track_caller]
fn png(out: &Path, file: &str) -> RgbaImage {
    let bytes = fs::read(out.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
    image::load_from_memory_with_format(&bytes, ImageFormat::Png)
        .unwrap_or_else(|e| panic!("{file} is no PNG: {e}"))
        .to_rgba8()
}

/// The images of an ICO file with the size each entry of its directory claims, in order.
fn ico_frames(bytes: &[u8]) -> Vec<(u32, RgbaImage)> {
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
    assert_eq!((u16_at(0), u16_at(2)), (0, 1), "an ICO header");
    (0..usize::from(u16_at(4)))
        .map(|i| {
            let entry = 6 + 16 * i;
            // 0 stands for 256.
            let size = match bytes[entry] {
                0 => 256,
                n => u32::from(n),
            };
            let (length, offset) = (u32_at(entry + 8) as usize, u32_at(entry + 12) as usize);
            let image = image::load_from_memory(&bytes[offset..offset + length])
                .expect("every frame is an image")
                .to_rgba8();
            (size, image)
        })
        .collect()
}

/// The manifest of `out`, parsed.
fn manifest(out: &Path) -> serde_json::Value {
    let text = fs::read_to_string(out.join("manifest.webmanifest")).unwrap();
    serde_json::from_str(&text).expect("the manifest is JSON")
}

/// The `href`s of the `<link rel=…>` elements of the page at `file` in `out`.
fn head_links(out: &Path, file: &str, rel: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(&fs::read_to_string(out.join(file)).unwrap());
    doc.select(&sel(&format!("head link[rel=\"{rel}\"]")))
        .filter_map(|link| link.value().attr("href").map(String::from))
        .collect()
}

/// A 300 × 100 PNG: red, with a transparent frame of 10 px.
fn wide_png() -> Vec<u8> {
    let image = RgbaImage::from_fn(300, 100, |x, y| {
        if (10..290).contains(&x) && (10..90).contains(&y) {
            Rgba([200, 0, 0, 255])
        } else {
            Rgba([0, 0, 0, 0])
        }
    });
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

#[test]
fn the_example_has_every_icon_at_its_size() {
    let built = build_example(&["--no-search"]);
    let out = &built.out;
    for file in ICON_FILES {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    let frames = ico_frames(&fs::read(out.join("favicon.ico")).unwrap());
    let sizes: Vec<(u32, u32, u32)> = (frames.iter())
        .map(|(size, image)| (*size, image.width(), image.height()))
        .collect();
    assert_eq!(sizes, [(16, 16, 16), (32, 32, 32), (48, 48, 48)]);
    for (file, size) in [
        ("apple-touch-icon.png", 180),
        ("icon-192.png", 192),
        ("icon-512.png", 512),
    ] {
        assert_eq!(png(out, file).dimensions(), (size, size), "{file}");
    }
    // iOS shows transparency as black: the touch icon is opaque.
    let touch = png(out, "apple-touch-icon.png");
    assert!(
        touch.pixels().all(|p| p[3] == 255),
        "the touch icon is opaque"
    );
    // The logo is an SVG: browsers that draw SVG icons get it as it is.
    let home = "index.html";
    assert!(
        head_links(out, home, "icon").contains(&"/static/img/almere-logo.svg".to_string()),
        "{:?}",
        head_links(out, home, "icon")
    );
    let manifest = manifest(out);
    assert_eq!(manifest["name"], "Gelijke Kansen Alliantie Almere");
    assert_eq!(manifest["short_name"], "Almere");
    assert_eq!(manifest["lang"], "nl");
    assert_eq!(manifest["display"], "browser");
}

#[test]
fn every_page_links_the_icons_and_no_link_is_broken() {
    let base_url = "https://gka.voorbeeldstad.example/gka/";
    let built = build_example(&["--no-search", "--base-url", base_url]);
    let out = &built.out;
    let pages = html_files(out);
    assert!(pages.len() > 20, "{pages:?}");
    for page in &pages {
        let icons = head_links(out, page, "icon");
        assert!(
            icons.contains(&"/gka/favicon.ico".into()),
            "{page}: {icons:?}"
        );
        assert_eq!(
            head_links(out, page, "apple-touch-icon"),
            ["/gka/apple-touch-icon.png"],
            "{page}"
        );
        assert_eq!(
            head_links(out, page, "manifest"),
            ["/gka/manifest.webmanifest"],
            "{page}"
        );
    }
    // Every <link> (and every other href or src) names a file of the site.
    assert_eq!(broken_links(out, base_url), Vec::<String>::new());

    // The manifest's addresses are under the sub-folder, and each icon is there.
    let manifest = manifest(out);
    assert_eq!(manifest["start_url"], "/gka/");
    assert_eq!(manifest["scope"], "/gka/");
    let icons = manifest["icons"].as_array().unwrap();
    let sources: Vec<&str> = icons.iter().map(|i| i["src"].as_str().unwrap()).collect();
    assert_eq!(
        sources,
        [
            "/gka/icon-192.png",
            "/gka/icon-512.png",
            "/gka/static/img/almere-logo.svg"
        ]
    );
    for icon in icons {
        let src = icon["src"].as_str().unwrap();
        let file = src.strip_prefix("/gka/").unwrap();
        assert!(out.join(file).is_file(), "{src}");
        if let Some((w, _)) = icon["sizes"].as_str().unwrap().split_once('x') {
            let size: u32 = w.parse().unwrap();
            assert_eq!(png(out, file).dimensions(), (size, size), "{src}");
        }
    }
}

#[test]
fn a_site_without_a_logo_gets_the_neutral_mark() {
    let root = SiteRoot::minimal();
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let out = &built.out;
    for file in ICON_FILES {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    assert_eq!(
        head_links(out, "index.html", "icon"),
        ["/favicon.ico", "/icon-192.png", "/static/img/icoon.svg"]
    );
    // The mark: an equals sign, white on the theme's accent colour, which fills the square.
    let icon = png(out, "icon-192.png");
    assert_eq!(icon.get_pixel(96, 8), &Rgba([0x15, 0x42, 0x73, 255]));
    assert_eq!(icon.get_pixel(96, 70), &Rgba([255, 255, 255, 255]));
    assert_eq!(manifest(out)["short_name"], "Voorbeeldstad");
}

#[test]
fn a_png_logo_is_fitted_into_the_square() {
    let root = SiteRoot::minimal();
    root.write("content/static/logo.png", wide_png());
    root.edit(
        "content/site.yaml",
        "gemeente:",
        "logo: /static/logo.png\ngemeente:",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let out = &built.out;
    // 300 × 100 in 192 × 192: 192 × 64, centred, so the top and bottom 64 rows stay clear.
    let icon = png(out, "icon-192.png");
    assert_eq!(icon.dimensions(), (192, 192));
    assert_eq!(icon.get_pixel(96, 30)[3], 0, "above the logo");
    assert_eq!(icon.get_pixel(96, 160)[3], 0, "below the logo");
    assert_eq!(icon.get_pixel(96, 96), &Rgba([200, 0, 0, 255]), "the logo");
    // The touch icon stands on white, with a margin.
    let touch = png(out, "apple-touch-icon.png");
    assert_eq!(touch.get_pixel(2, 2), &Rgba([255, 255, 255, 255]));
    assert_eq!(touch.get_pixel(90, 90), &Rgba([200, 0, 0, 255]));
    let frames = ico_frames(&fs::read(out.join("favicon.ico")).unwrap());
    assert_eq!(frames.len(), 3);
    // A PNG is no SVG: no SVG icon is linked or listed.
    assert_eq!(
        head_links(out, "index.html", "icon"),
        ["/favicon.ico", "/icon-192.png"]
    );
    let manifest = manifest(out);
    assert_eq!(manifest["icons"].as_array().unwrap().len(), 2);
}

#[test]
fn a_logo_gka_cannot_read_is_an_error_in_dutch() {
    for (file, contents, reason) in [
        (
            "logo.png",
            &b"geen afbeelding"[..],
            "het is geen PNG- of JPEG-afbeelding die gka kan lezen",
        ),
        (
            "logo.svg",
            &b"<svg xmlns=\"http://www.w3.org/2000/svg\"><rect"[..],
            "het is geen SVG die gka kan lezen",
        ),
        (
            "logo.gif",
            &b"GIF89a\x01\x00\x01\x00\x00\x00\x00"[..],
            "het is een gif-afbeelding; gka gebruikt alleen SVG, PNG en JPEG",
        ),
    ] {
        let root = SiteRoot::minimal();
        root.write(&format!("content/static/{file}"), contents);
        root.edit(
            "content/site.yaml",
            "gemeente:",
            &format!("logo: /static/{file}\ngemeente:"),
        );
        let built = build_into_temp(root.path(), &["--no-search"]);
        built.run.assert_code(1);
        let expected = format!(
            "content/static/{file}: fout[GKA-E030]: van het logo content/static/{file} kan gka \
             geen favicon en iconen maken: {reason}"
        );
        assert!(
            built.run.stderr.contains(&expected),
            "expected {expected:?} in:\n{}",
            built.run.stderr
        );
        assert!(
            built
                .run
                .stderr
                .contains("tip: gebruik als `logo` in content/site.yaml"),
            "{}",
            built.run.stderr
        );
        assert!(!built.out.exists(), "{file}: nothing is published");
        // `gka check` finds it too.
        let (run, found) = check_json(root.path(), &[]);
        run.assert_code(1);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0]["code"], "GKA-E030");
    }
}

#[test]
fn an_alias_cannot_take_the_address_of_an_icon() {
    let root = SiteRoot::minimal();
    root.write(
        "content/icoon.md",
        "---\ntitel: Icoon\naliassen:\n  - /favicon.ico\n---\n\nTekst.\n",
    );
    let (run, found) = check_json(root.path(), &[]);
    run.assert_code(1);
    let messages: Vec<&str> = found
        .iter()
        .filter(|d| d["code"] == "GKA-E032")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "de alias /favicon.ico in content/icoon.md en de iconen van de site (favicon en \
             manifest) zouden allebei in /favicon.ico komen"
        ]
    );
}

#[test]
fn two_builds_make_the_same_icons() {
    let first = build_example(&["--no-search"]);
    let second = build_example(&["--no-search"]);
    for file in ICON_FILES {
        assert!(
            fs::read(first.out.join(file)).unwrap() == fs::read(second.out.join(file)).unwrap(),
            "{file} differs between two builds"
        );
    }
}

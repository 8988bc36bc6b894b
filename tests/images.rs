//! Photos in bodies and in front matter (`afbeelding`): made responsive (WebP at a few widths,
//! a JPEG or PNG fallback, `width` and `height`), turned upright by their EXIF orientation,
//! without any metadata (no EXIF, no GPS position, no XMP, no comments), the original not
//! published unless asked, and made once: a second build takes every file from the disk cache.
//! A document's `afbeelding` is also its page's Open Graph image. The photos are made here,
//! with EXIF written byte by byte, so the repository holds no binary fixtures.

mod common;

use std::fs;
use std::io::Cursor;
use std::path::Path;

use common::*;
use image::codecs::jpeg::JpegEncoder;
use image::{ImageFormat, Rgb, RgbImage, Rgba, RgbaImage};

/// A JPEG segment: marker, length, payload.
fn segment(marker: u8, payload: &[u8]) -> Vec<u8> {
    let mut bytes = vec![0xFF, marker];
    bytes.extend(u16::try_from(payload.len() + 2).unwrap().to_be_bytes());
    bytes.extend(payload);
    bytes
}

/// An EXIF block (big-endian TIFF) with an orientation and a GPS latitude, 52° 22' 12.34" N.
fn exif(orientation: u16) -> Vec<u8> {
    fn entry(tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]) {
        tiff.extend(tag.to_be_bytes());
        tiff.extend(kind.to_be_bytes());
        tiff.extend(count.to_be_bytes());
        tiff.extend(value);
    }
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    // IFD0 at 8: the orientation (SHORT) and where the GPS IFD is (LONG).
    tiff.extend(2u16.to_be_bytes());
    let [high, low] = orientation.to_be_bytes();
    entry(&mut tiff, 0x0112, 3, 1, [high, low, 0, 0]);
    entry(&mut tiff, 0x8825, 4, 1, 38u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    // The GPS IFD at 38: the latitude's reference (ASCII) and value (3 RATIONALs at 68).
    tiff.extend(2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut tiff, 0x0002, 5, 3, 68u32.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    for (numerator, denominator) in [(52u32, 1u32), (22, 1), (1234, 100)] {
        tiff.extend(numerator.to_be_bytes());
        tiff.extend(denominator.to_be_bytes());
    }
    let mut payload = b"Exif\0\0".to_vec();
    payload.extend(tiff);
    payload
}

/// A `width` × `height` JPEG, red on the left half and blue on the right, with EXIF (the
/// `orientation` and a GPS position), XMP and a comment, as a phone writes them.
fn phone_photo(width: u32, height: u32, orientation: u16) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, _| {
        if x < width / 2 {
            Rgb([220, 20, 20])
        } else {
            Rgb([20, 20, 220])
        }
    });
    let mut jpeg = Vec::new();
    JpegEncoder::new_with_quality(&mut jpeg, 90)
        .encode_image(&image)
        .unwrap();
    let xmp = b"http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:Description exif:GPSLatitude=\"52,22N\"/></x:xmpmeta>";
    let mut bytes = jpeg[..2].to_vec();
    bytes.extend(segment(0xE1, &exif(orientation)));
    bytes.extend(segment(0xE1, xmp));
    bytes.extend(segment(0xFE, b"Wethouder bij de opening, Stationsplein"));
    bytes.extend(&jpeg[2..]);
    bytes
}

/// A `width` × `height` PNG with a transparent half.
fn transparent_png(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_fn(width, height, |x, _| {
        Rgba([0, 120, 0, if x < width / 2 { 0 } else { 255 }])
    });
    let mut bytes = Vec::new();
    image
        .write_to(&mut Cursor::new(&mut bytes), ImageFormat::Png)
        .unwrap();
    bytes
}

/// A site with two photos: a phone photo turned a quarter by its EXIF at the top of the home
/// page, and a PNG lower on a page.
fn site_with_photos() -> SiteRoot {
    let root = SiteRoot::minimal();
    root.write(
        "content/static/img/wethouder.jpg",
        phone_photo(1000, 600, 6),
    );
    root.write(
        "content/static/img/logo-groen.png",
        transparent_png(700, 300),
    );
    root.write(
        "content/index.md",
        "---\ntitel: Gemeente Voorbeeldstad\n---\n\n![De wethouder opent de speeltuin](/static/img/wethouder.jpg)\n\nVoorbeeldstad werkt aan gelijke kansen.\n",
    );
    root.write(
        "content/over.md",
        "---\ntitel: Over ons\n---\n\n## Wie we zijn\n\nTekst.\n\n![Het groene logo van de alliantie](../static/img/logo-groen.png)\n\n![](/static/img/wethouder.jpg \"decoratief\")\n",
    );
    root
}

/// The `src` and `srcset` addresses of the page's images, as output files.
fn image_files(out: &Path, page_path: &str) -> Vec<String> {
    let doc = page(out, page_path);
    let mut files = Vec::new();
    for element in doc.select(&sel("picture img, picture source")) {
        let value = element.value();
        files.extend(value.attr("src").map(String::from));
        for candidate in value.attr("srcset").unwrap_or_default().split(',') {
            files.extend(candidate.split_whitespace().next().map(String::from));
        }
    }
    files.iter().map(|url| output_file(url)).collect()
}

/// Why the image file at `path` still carries metadata, if it does.
fn metadata_in(path: &Path) -> Option<String> {
    let bytes = fs::read(path).unwrap();
    if exif::Reader::new()
        .read_from_container(&mut Cursor::new(&bytes))
        .is_ok()
    {
        return Some("EXIF".into());
    }
    let contains = |needle: &[u8]| bytes.windows(needle.len()).any(|w| w == needle);
    for needle in [&b"Exif\0"[..], b"http://ns.adobe.com/xap", b"Stationsplein"] {
        if contains(needle) {
            return Some(String::from_utf8_lossy(needle).into_owned());
        }
    }
    if bytes.starts_with(&[0xFF, 0xD8]) {
        // JPEG: no APP1 (EXIF, XMP), APP13 (IPTC), APP2 (ICC) or COM segment.
        let mut at = 2;
        while at + 4 <= bytes.len() && bytes[at] == 0xFF && bytes[at + 1] != 0xDA {
            if [0xE1, 0xED, 0xE2, 0xFE].contains(&bytes[at + 1]) {
                return Some(format!("JPEG segment {:02X}", bytes[at + 1]));
            }
            at += 2 + usize::from(u16::from_be_bytes([bytes[at + 2], bytes[at + 3]]));
        }
    } else if bytes.starts_with(b"RIFF") {
        // WebP: only image chunks.
        let mut at = 12;
        while at + 8 <= bytes.len() {
            let fourcc = &bytes[at..at + 4];
            if [&b"EXIF"[..], b"XMP ", b"ICCP"].contains(&fourcc) {
                return Some(String::from_utf8_lossy(fourcc).into_owned());
            }
            let size = u32::from_le_bytes(bytes[at + 4..at + 8].try_into().unwrap()) as usize;
            at += 8 + size + size % 2;
        }
    } else if bytes.starts_with(b"\x89PNG") {
        for chunk in [&b"eXIf"[..], b"iTXt", b"tEXt", b"zTXt", b"iCCP"] {
            if contains(chunk) {
                return Some(String::from_utf8_lossy(chunk).into_owned());
            }
        }
    }
    None
}

#[test]
fn the_test_photo_carries_a_position_and_an_orientation() {
    let photo = phone_photo(100, 60, 6);
    let exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(&photo))
        .expect("the test photo has EXIF");
    let tags: Vec<exif::Tag> = exif.fields().map(|f| f.tag).collect();
    assert!(tags.contains(&exif::Tag::GPSLatitude), "{tags:?}");
    assert!(tags.contains(&exif::Tag::Orientation), "{tags:?}");
}

#[test]
fn photos_become_responsive_images_without_metadata() {
    let root = site_with_photos();
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let out = &built.out;

    // Every image of every page has its size, so the page does not jump while it loads.
    for file in html_files(out) {
        let doc = scraper::Html::parse_document(&fs::read_to_string(out.join(&file)).unwrap());
        for img in doc.select(&sel("img")) {
            let value = img.value();
            assert!(
                value.attr("width").is_some() && value.attr("height").is_some(),
                "{file}: {}",
                img.html()
            );
        }
    }

    // The home page: WebP at 480 and 600 (the photo's own width, never more), a JPEG.
    let home = image_files(out, "/");
    assert_eq!(home.len(), 3, "{home:?}");
    assert!(
        home[0].ends_with(".480.webp") && home[1].ends_with(".600.webp"),
        "{home:?}"
    );
    assert!(home[2].ends_with(".600.jpg"), "{home:?}");
    for file in &home {
        assert!(out.join(file).is_file(), "{file} is missing");
    }
    // The phone held upright: 1000 × 600 stored, 600 × 1000 shown, the red half on top.
    let doc = page(out, "/");
    let img = one(&doc, "picture img");
    assert_eq!(
        (img.value().attr("width"), img.value().attr("height")),
        (Some("600"), Some("1000"))
    );
    assert_eq!(
        img.value().attr("alt"),
        Some("De wethouder opent de speeltuin")
    );
    let fallback = image::open(out.join(&home[2])).unwrap().to_rgb8();
    assert_eq!(fallback.dimensions(), (600, 1000));
    let (top, bottom) = (fallback.get_pixel(300, 100), fallback.get_pixel(300, 900));
    assert!(top[0] > 150 && top[2] < 100, "red on top: {top:?}");
    assert!(bottom[2] > 150 && bottom[0] < 100, "blue below: {bottom:?}");
    let webp = image::open(out.join(&home[1])).unwrap();
    assert_eq!((webp.width(), webp.height()), (600, 1000));
    // The first photo high on the page is fetched at once; the others when they scroll in.
    assert_eq!(img.value().attr("fetchpriority"), Some("high"));
    assert_eq!(img.value().attr("loading"), None);

    // Lower on a page: lazy; a PNG with transparency keeps a PNG fallback.
    let over = page(out, "/over/");
    let imgs: Vec<_> = over.select(&sel("picture img")).collect();
    assert_eq!(imgs.len(), 2);
    assert_eq!(imgs[0].value().attr("loading"), Some("lazy"));
    assert_eq!(imgs[0].value().attr("decoding"), Some("async"));
    assert!(imgs[0].value().attr("src").unwrap().ends_with(".700.png"));
    let png = image::open(out.join(output_file(imgs[0].value().attr("src").unwrap()))).unwrap();
    assert!(png.color().has_alpha());
    // A decorative image has an empty alt text, on purpose.
    assert_eq!(imgs[1].value().attr("alt"), Some(""));
    assert_eq!(imgs[1].value().attr("title"), None);

    // No output image carries metadata; the originals are not published.
    let images: Vec<String> = (files(out).into_iter())
        .filter(|f| [".jpg", ".png", ".webp"].iter().any(|e| f.ends_with(e)))
        .collect();
    assert!(images.len() >= 7, "{images:?}");
    for file in &images {
        assert_eq!(metadata_in(&out.join(file)), None, "{file}");
    }
    assert!(!out.join("static/img/wethouder.jpg").exists());
    assert!(!out.join("static/img/logo-groen.png").exists());
    assert_eq!(broken_links(out, MINIMAL_BASE_URL), Vec::<String>::new());
}

#[test]
fn a_second_build_makes_nothing_again_and_a_damaged_cache_file_is_made_again() {
    let root = site_with_photos();
    let first = build_into_temp(root.path(), &["--no-search"]);
    first.run.assert_success();
    // 480, 600 and 600 of the phone photo; 480, 700 and 700 of the PNG.
    assert!(
        first
            .run
            .stderr
            .contains("6 afbeeldingen gemaakt, 0 uit de cache"),
        "{}",
        first.run.stderr
    );
    let second = build_into_temp(root.path(), &["--no-search"]);
    second.run.assert_success();
    assert!(
        second
            .run
            .stderr
            .contains("0 afbeeldingen gemaakt, 6 uit de cache"),
        "{}",
        second.run.stderr
    );
    assert_eq!(site_files(&first.out), site_files(&second.out));

    // Half a file, as a build stopped while writing it would leave: made again, not used.
    let cache = root.file(".gka-cache/afbeeldingen");
    for entry in fs::read_dir(&cache).unwrap() {
        let path = entry.unwrap().path();
        let bytes = fs::read(&path).unwrap();
        fs::write(&path, &bytes[..bytes.len() / 2]).unwrap();
    }
    let third = build_into_temp(root.path(), &["--no-search"]);
    third.run.assert_success();
    assert!(
        third
            .run
            .stderr
            .contains("6 afbeeldingen gemaakt, 0 uit de cache"),
        "{}",
        third.run.stderr
    );
    assert_eq!(site_files(&first.out), site_files(&third.out));
}

#[test]
fn originals_are_published_when_the_site_asks() {
    let root = site_with_photos();
    root.write(
        "content/site.yaml",
        format!(
            "gemeente: Voorbeeldstad\nbase_url: \"{MINIMAL_BASE_URL}\"\nafbeeldingen:\n  originelen: true\n"
        ),
    );
    root.edit(
        "content/over.md",
        "Tekst.",
        "De [foto van de wethouder](/static/img/wethouder.jpg) in het groot.",
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    assert_eq!(
        fs::read(built.out.join("static/img/wethouder.jpg")).unwrap(),
        fs::read(root.file("content/static/img/wethouder.jpg")).unwrap()
    );
}

#[test]
fn a_link_to_an_original_that_is_not_published_is_an_error() {
    let root = site_with_photos();
    root.edit(
        "content/over.md",
        "Tekst.",
        "De [foto van de wethouder](/static/img/wethouder.jpg) in het groot.",
    );
    let (run, found) = check_json(root.path(), &[]);
    run.assert_code(1);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["code"], "GKA-E046");
    assert_eq!(found[0]["file"], "content/over.md");
    assert_eq!(
        (found[0]["line"].as_u64(), found[0]["column"].as_u64()),
        (Some(7), Some(4))
    );
}

#[test]
fn a_broken_photo_is_an_error_at_its_image_and_the_output_stays() {
    let root = site_with_photos();
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let before = snapshot(&built.out);
    root.write("content/static/img/wethouder.jpg", "geen foto maar tekst");
    let run = build(root.path(), &built.out, &["--no-search"]);
    run.assert_code(1);
    assert!(
        run.stderr.contains("content/index.md:5:1: fout[GKA-E045]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr
            .contains("'/static/img/wethouder.jpg' is geen JPEG-, PNG- of WebP-foto"),
        "{}",
        run.stderr
    );
    assert_eq!(
        snapshot(&built.out),
        before,
        "a failed build changes nothing"
    );
}

/// A `gka serve` session of `root` (without search) writing into `folder`, after its first
/// build, and the options it runs with.
fn serve_session(
    root: &SiteRoot,
    folder: &Path,
) -> (gka::build::BuildOptions, gka::rebuild::Session) {
    let options = gka::build::BuildOptions {
        root: gka::build::resolve_root(root.path()),
        output: folder.join("public"),
        base_url: None,
        drafts: false,
        search: false,
    };
    let mut session = gka::rebuild::Session::new(options.clone()).unwrap();
    session.rebuild(&[]).unwrap();
    (options, session)
}

#[test]
fn serve_follows_a_replaced_photo_and_drops_its_old_files() {
    let root = site_with_photos();
    let served = tempfile::tempdir().unwrap();
    let (options, mut session) = serve_session(&root, served.path());
    let out = session.output().to_path_buf();
    let before = image_files(&out, "/");

    let photo = options.root.join("content/static/img/wethouder.jpg");
    fs::write(&photo, phone_photo(900, 900, 1)).unwrap();
    let rebuilt = session.rebuild(std::slice::from_ref(&photo)).unwrap();
    assert!(rebuilt.pages_rendered >= 2, "{rebuilt:?}");
    let after = image_files(&out, "/");
    assert!(after.iter().all(|file| !before.contains(file)), "{after:?}");
    assert!(after[after.len() - 1].ends_with(".900.jpg"), "{after:?}");
    for file in &before {
        assert!(!out.join(file).exists(), "{file} is left behind");
    }
    // The open data is made after the pages, as `gka serve` does when it is idle.
    session.finish().unwrap();
    let built = build_into_temp(&options.root, &["--no-search"]);
    built.run.assert_success();
    let (served, expected) = (site_files(&out), site_files(&built.out));
    let (stale, extra) = stale_and_extra(&served, &expected);
    assert!(
        stale.is_empty() && extra.is_empty(),
        "stale {stale:?}, extra {extra:?}"
    );
}

/// A site whose interventie and news item have an `afbeelding`: the same phone photo (EXIF with
/// a GPS position), described on the interventie and decorative on the news item, which names
/// it by a path relative to its page, as a Markdown image may.
fn site_with_afbeeldingen() -> SiteRoot {
    let root = SiteRoot::minimal();
    root.write(
        "content/static/img/voorlezen.jpg",
        phone_photo(1400, 1000, 1),
    );
    root.write(
        "content/interventies/voorlezen.md",
        "---\ntitel: Voorlezen op school\nafbeelding:\n  bestand: /static/img/voorlezen.jpg\n  alt: Een vrijwilliger leest een groep kinderen voor\n  bijschrift: Voorlezen in groep 3.\n  maker: Sanne de Vries\n---\n\nVrijwilligers lezen elke week voor.\n",
    );
    root.write(
        "content/nieuws/open-dag.md",
        "---\ntitel: Open dag\ndatum: 2025-06-14\nafbeelding:\n  bestand: ../../static/img/voorlezen.jpg\n  decoratief: true\n---\n\nDe bibliotheek is open.\n",
    );
    root
}

/// The content of the `<meta>` with this `property` or `name` on the page, if there is one.
fn meta(doc: &scraper::Html, key: &str) -> Option<String> {
    let selector = format!("meta[property=\"{key}\"], meta[name=\"{key}\"]");
    (doc.select(&sel(&selector)).next()).and_then(|m| m.value().attr("content").map(String::from))
}

#[test]
fn an_afbeelding_is_shown_on_its_page_and_cards_and_shared_without_metadata() {
    let root = site_with_afbeeldingen();
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let out = &built.out;

    // On its page: a figure high on the page, fetched at once, with caption and credit.
    let doc = page(out, "/interventies/voorlezen/");
    let img = one(&doc, "figure.afbeelding picture img");
    let value = img.value();
    assert_eq!(
        value.attr("alt"),
        Some("Een vrijwilliger leest een groep kinderen voor")
    );
    assert_eq!(
        (value.attr("width"), value.attr("height")),
        (Some("1200"), Some("857"))
    );
    assert_eq!(value.attr("fetchpriority"), Some("high"));
    assert_eq!(
        text(one(&doc, "figure.afbeelding figcaption")),
        "Voorlezen in groep 3. Foto: Sanne de Vries"
    );

    // Shared: the 1200-pixel JPEG, by its absolute address, with its size and alt text.
    let shared = meta(&doc, "og:image").expect("og:image");
    let file = shared
        .strip_prefix(MINIMAL_BASE_URL.trim_end_matches('/'))
        .unwrap_or_else(|| panic!("{shared} is absolute"));
    let shared_file = out.join(output_file(file));
    let jpeg = image::open(&shared_file).unwrap();
    assert_eq!((jpeg.width(), jpeg.height()), (1200, 857));
    assert_eq!(
        image::guess_format(&fs::read(&shared_file).unwrap()).unwrap(),
        ImageFormat::Jpeg
    );
    assert_eq!(meta(&doc, "og:image:type").as_deref(), Some("image/jpeg"));
    assert_eq!(meta(&doc, "og:image:width").as_deref(), Some("1200"));
    assert_eq!(meta(&doc, "og:image:height").as_deref(), Some("857"));
    assert_eq!(
        meta(&doc, "og:image:alt").as_deref(),
        Some("Een vrijwilliger leest een groep kinderen voor")
    );
    assert_eq!(
        meta(&doc, "twitter:card").as_deref(),
        Some("summary_large_image")
    );

    // A decorative photo: an empty alt text on the page, none when shared.
    let news = page(out, "/nieuws/open-dag/");
    assert_eq!(
        one(&news, "figure.afbeelding img").value().attr("alt"),
        Some("")
    );
    assert!(meta(&news, "og:image").is_some());
    assert_eq!(meta(&news, "og:image:alt"), None);
    // News names its photo in its structured data too.
    let json_ld: serde_json::Value =
        serde_json::from_str(&text(one(&news, "script[type=\"application/ld+json\"]"))).unwrap();
    let article = &json_ld["@graph"][1];
    assert_eq!(article["@type"], "NewsArticle");
    assert_eq!(
        article["image"].as_str(),
        meta(&news, "og:image").as_deref()
    );

    // On the overviews' cards: lazy, sized for a card, with an empty alt text beside the
    // title that names the item.
    for (overview, title) in [
        ("/interventies/", "Voorlezen op school"),
        ("/nieuws/", "Open dag"),
    ] {
        let doc = page(out, overview);
        let card = one(&doc, ".card");
        assert_eq!(text(one(&doc, ".card__title a")), title);
        let img = card.select(&sel(".card__afbeelding img")).next().unwrap();
        assert_eq!(img.value().attr("alt"), Some(""), "{overview}");
        assert_eq!(img.value().attr("loading"), Some("lazy"), "{overview}");
        assert!(img.value().attr("width").is_some() && img.value().attr("height").is_some());
        let source = card
            .select(&sel(".card__afbeelding source"))
            .next()
            .unwrap();
        assert_eq!(
            source.value().attr("sizes"),
            Some("(min-width: 36rem) 26rem, 100vw")
        );
    }

    // A page without an afbeelding, on a site without a logo, is shared without an image.
    let home = page(out, "/");
    assert_eq!(meta(&home, "og:image"), None);
    assert_eq!(meta(&home, "twitter:card").as_deref(), Some("summary"));

    // Every image file the pages name is there and carries no metadata; the original is not
    // published.
    let mut named = image_files(out, "/interventies/voorlezen/");
    named.extend(image_files(out, "/nieuws/"));
    for file in &named {
        assert!(out.join(file).is_file(), "{file} is missing");
        assert_eq!(metadata_in(&out.join(file)), None, "{file}");
    }
    assert_eq!(metadata_in(&shared_file), None);
    assert!(!out.join("static/img/voorlezen.jpg").exists());
    assert_eq!(broken_links(out, MINIMAL_BASE_URL), Vec::<String>::new());
}

#[test]
fn a_page_without_an_afbeelding_is_shared_with_the_logo_of_the_site() {
    let root = site_with_afbeeldingen();
    root.write(
        "content/static/logo.svg",
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="40"><rect width="40" height="40" fill="#036"/></svg>"##,
    );
    root.write(
        "content/site.yaml",
        format!(
            "gemeente: Voorbeeldstad\nbase_url: \"{MINIMAL_BASE_URL}\"\nlogo: /static/logo.svg\n"
        ),
    );
    let built = build_into_temp(root.path(), &["--no-search"]);
    built.run.assert_success();
    let home = page(&built.out, "/");
    let shared = meta(&home, "og:image").expect("og:image");
    assert_eq!(shared, format!("{MINIMAL_BASE_URL}icon-512.png"));
    let icon = image::open(built.out.join("icon-512.png")).unwrap();
    assert_eq!((icon.width(), icon.height()), (512, 512));
    assert_eq!(meta(&home, "og:image:width").as_deref(), Some("512"));
    assert_eq!(meta(&home, "og:image:height").as_deref(), Some("512"));
    assert_eq!(
        meta(&home, "og:image:alt").as_deref(),
        Some("Logo van Gelijke Kansen Alliantie Voorbeeldstad")
    );
    assert_eq!(meta(&home, "twitter:card").as_deref(), Some("summary"));
    // A page with a photo of its own is shared with that.
    let interventie = page(&built.out, "/interventies/voorlezen/");
    assert!(
        meta(&interventie, "og:image")
            .unwrap()
            .ends_with(".1200.jpg")
    );
}

#[test]
fn mistakes_in_an_afbeelding_are_errors_at_their_line() {
    // (what the afbeelding says instead, the code, the line and column it is reported at)
    let cases: [(&str, &str, u64, u64); 7] = [
        // No alt text and not decorative: at the file.
        ("  bestand: /static/img/voorlezen.jpg\n", "GKA-E044", 4, 12),
        // Alt text, and decorative too: at `true`.
        (
            "  bestand: /static/img/voorlezen.jpg\n  alt: Voorlezen\n  decoratief: true\n",
            "GKA-E047",
            6,
            15,
        ),
        // A file that is not there.
        (
            "  bestand: /static/img/voorlzen.jpg\n  alt: Voorlezen\n",
            "GKA-E040",
            4,
            12,
        ),
        // A file of the site that is no photo.
        (
            "  bestand: /static/img/kaart.svg\n  alt: Een kaart\n",
            "GKA-E047",
            4,
            12,
        ),
        // An address elsewhere.
        (
            "  bestand: https://example.org/foto.jpg\n  alt: Voorlezen\n",
            "GKA-E047",
            4,
            12,
        ),
        // A key the afbeelding does not know.
        (
            "  bestand: /static/img/voorlezen.jpg\n  alt: Voorlezen\n  fotograaf: Sanne\n",
            "GKA-E007",
            6,
            3,
        ),
        // A list where one text belongs.
        (
            "  bestand: /static/img/voorlezen.jpg\n  alt: [Voorlezen, school]\n",
            "GKA-E008",
            5,
            8,
        ),
    ];
    for (afbeelding, code, line, column) in cases {
        let root = site_with_afbeeldingen();
        root.write(
            "content/static/img/kaart.svg",
            r#"<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"/>"#,
        );
        root.write(
            "content/interventies/voorlezen.md",
            format!("---\ntitel: Voorlezen op school\nafbeelding:\n{afbeelding}---\n\nTekst.\n"),
        );
        let (run, found) = check_json(root.path(), &[]);
        run.assert_code(1);
        assert_eq!(found.len(), 1, "{afbeelding}: {found:?}");
        let found = &found[0];
        assert_eq!(found["code"], code, "{afbeelding}: {found}");
        assert_eq!(found["file"], "content/interventies/voorlezen.md");
        assert_eq!(
            (found["line"].as_u64(), found["column"].as_u64()),
            (Some(line), Some(column)),
            "{afbeelding}: {found}"
        );
        assert!(
            found["hint"].as_str().is_some_and(|h| !h.is_empty()),
            "{found}"
        );
    }
}

#[test]
fn serve_shows_an_afbeelding_as_the_build_does_and_follows_its_photo() {
    let root = site_with_afbeeldingen();
    let served = tempfile::tempdir().unwrap();
    let (options, mut session) = serve_session(&root, served.path());
    let out = session.output().to_path_buf();
    let before = image_files(&out, "/interventies/");

    // A new photo under the same name: the page, its cards and its shared image follow.
    let photo = options.root.join("content/static/img/voorlezen.jpg");
    fs::write(&photo, phone_photo(900, 900, 1)).unwrap();
    session.rebuild(std::slice::from_ref(&photo)).unwrap();
    let after = image_files(&out, "/interventies/");
    assert!(after.iter().all(|file| !before.contains(file)), "{after:?}");
    let doc = page(&out, "/interventies/voorlezen/");
    assert!(meta(&doc, "og:image").unwrap().ends_with(".900.jpg"));

    // A new caption in the front matter.
    let file = options.root.join("content/interventies/voorlezen.md");
    let text_before = fs::read_to_string(&file).unwrap();
    fs::write(
        &file,
        text_before.replace("Voorlezen in groep 3.", "Voorlezen in groep 4."),
    )
    .unwrap();
    session.rebuild(std::slice::from_ref(&file)).unwrap();

    session.finish().unwrap();
    let built = build_into_temp(&options.root, &["--no-search"]);
    built.run.assert_success();
    assert!(text(one(&page(&out, "/interventies/voorlezen/"), "figcaption")).contains("groep 4"));
    let (served, expected) = (site_files(&out), site_files(&built.out));
    let (stale, extra) = stale_and_extra(&served, &expected);
    assert!(
        stale.is_empty() && extra.is_empty(),
        "stale {stale:?}, extra {extra:?}"
    );
}

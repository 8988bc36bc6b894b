//! Photos in bodies: made responsive (WebP at a few widths, a JPEG or PNG fallback, `width`
//! and `height`), turned upright by their EXIF orientation, without any metadata (no EXIF, no
//! GPS position, no XMP, no comments), the original not published unless asked, and made
//! once: a second build takes every file from the disk cache. The photos are made here, with
//! EXIF written byte by byte, so the repository holds no binary fixtures.

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

#[test]
fn serve_follows_a_replaced_photo_and_drops_its_old_files() {
    let root = site_with_photos();
    let served = tempfile::tempdir().unwrap();
    let options = gka::build::BuildOptions {
        root: gka::build::resolve_root(root.path()),
        output: served.path().join("public"),
        base_url: None,
        drafts: false,
        search: false,
    };
    let mut session = gka::rebuild::Session::new(options.clone()).unwrap();
    session.rebuild(&[]).unwrap();
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

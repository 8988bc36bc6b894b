//! Photos in bodies, done for the communicator: a JPEG, PNG or WebP file of the site that a
//! Markdown body shows (`![alt](/static/img/foto.jpg)`) becomes a responsive image, a
//! `<picture>` with WebP files at a few widths and one JPEG or PNG for browsers without WebP,
//! with the `width` and `height` of the displayed image, so the page does not jump while
//! it loads. The files are made from the pixels: the EXIF orientation is applied, and none
//! of the photo's metadata (EXIF with its GPS position and camera, XMP, IPTC, comments, a
//! colour profile) reaches the site. The original is not published unless `site.yaml` asks
//! for it (`afbeeldingen: { originelen: true }`).
//!
//! Two halves, so that a page costs little to model:
//! - while the model is built (a supporting module of that stage, like [`crate::markdown`]),
//!   each photo's header and content hash are read ([`ProbeCache::photos`]): enough to write
//!   the HTML with file names that hold the hash ([`variants`], [`picture`]), so a changed
//!   photo gets new names and no browser keeps the old one;
//! - while the pages render, [`encode`] makes those files, in parallel, from a cache where it
//!   can (in memory in `gka serve`, on disk between builds).

pub mod encode;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::hash::{Hash, Hasher};
use std::io::Cursor;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use image::metadata::Orientation;
use image::{ImageDecoder, ImageFormat, ImageReader};
use rayon::prelude::*;

use crate::content::StaticFile;
use crate::diagnostics::{Code, Diagnostic, Position};

/// The widths of the WebP files, in pixels: a phone, a tablet or a phone at 2×, the text
/// column at 2×… A photo is never made wider than it is: a narrower one gets the widths below
/// its own and its own.
pub const WIDTHS: [u32; 4] = [480, 800, 1200, 1600];
/// The widest fallback (JPEG or PNG) file: one file at most this wide, for the few browsers
/// without WebP.
const FALLBACK_WIDTH: u32 = 1200;
/// How wide a photo in a body or at the top of a page is shown, for `sizes`: the text column
/// of the gka theme (`--gka-prose-max-width`, 44rem), or the whole window when that is
/// narrower.
const COLUMN_SIZES: &str = "(min-width: 46rem) 44rem, 100vw";
/// How wide a photo on a card is shown: the gka theme puts cards of at least 17rem side by
/// side from a window of about 36rem, none wider than 26rem; below that, one card fills the
/// window. The browser takes the narrowest file that covers this, so a card loads the 480 or
/// 800 pixel WebP, not the 1600 pixel one.
const CARD_SIZES: &str = "(min-width: 36rem) 26rem, 100vw";
/// The most pixels a photo may have: 64 megapixels, more than a 50-megapixel phone camera
/// gives. Decoding takes 4 bytes a pixel, so a file of a few kilobytes that claims millions
/// of pixels (a decompression bomb) is refused before it is decoded.
pub const MAX_PIXELS: u64 = 64_000_000;
/// The Markdown title that marks an image as decorative: `![](/static/lijn.png "decoratief")`
/// gets an empty alt text, which screen readers skip, instead of the error for a missing one.
pub const DECORATIVE: &str = "decoratief";

/// The kind of file made for browsers without WebP: JPEG for photos, PNG for a PNG source or
/// a WebP source with transparency (JPEG has none).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Fallback {
    /// `.jpg`.
    Jpeg,
    /// `.png`.
    Png,
}

/// The kind of a file made from a photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Lossy WebP, for every browser of the last years.
    WebP,
    /// The fallback.
    Fallback(Fallback),
}

impl Kind {
    /// The file name's extension.
    pub fn extension(self) -> &'static str {
        match self {
            Kind::WebP => "webp",
            Kind::Fallback(Fallback::Jpeg) => "jpg",
            Kind::Fallback(Fallback::Png) => "png",
        }
    }

    /// The media type, for `<source type>` and `og:image:type`.
    pub fn media_type(self) -> &'static str {
        match self {
            Kind::WebP => "image/webp",
            Kind::Fallback(Fallback::Jpeg) => "image/jpeg",
            Kind::Fallback(Fallback::Png) => "image/png",
        }
    }
}

/// What the model knows of a photo without decoding it: read from its header.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Probe {
    /// The XXH3-128 hash of the file: its variants' names hold it, and the disk cache is keyed
    /// by it.
    pub hash: u128,
    /// The width as it is shown, its EXIF orientation applied.
    pub width: u32,
    /// The height as it is shown.
    pub height: u32,
    /// The fallback's kind.
    pub fallback: Fallback,
}

/// Why a photo cannot be used.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Problem {
    /// The file cannot be read; the reason, in words.
    Unreadable(String),
    /// The file is not a JPEG, PNG or WebP image, or its header is damaged.
    NotAnImage,
    /// The image has more pixels than [`MAX_PIXELS`].
    TooLarge {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
    },
}

/// A photo of the site: a JPEG, PNG or WebP file among the static files.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Photo {
    /// The file on disk.
    pub source: PathBuf,
    /// What its header says, or why it cannot be used.
    pub probed: Result<Probe, Problem>,
}

/// The photos of the site by site path (`/static/img/foto.jpg`), for the Markdown of every
/// body to look up.
#[derive(Debug, Default)]
pub struct Photos {
    by_path: HashMap<String, Arc<Photo>>,
}

impl Photos {
    /// The photo at a site path, if the path names one.
    pub fn get(&self, site_path: &str) -> Option<&Arc<Photo>> {
        self.by_path.get(site_path)
    }

    /// Adds a fingerprint of every photo (path, hash, size) to `hasher`: a body renders
    /// again when a photo it may show changed.
    pub fn hash_into(&self, hasher: &mut impl Hasher) {
        let mut photos: Vec<_> = self.by_path.iter().collect();
        photos.sort_unstable_by(|a, b| a.0.cmp(b.0));
        photos.hash(hasher);
    }
}

/// Whether a static file's name makes it a photo: `.jpg`, `.jpeg`, `.png` or `.webp`.
pub fn is_photo(path: &str) -> bool {
    let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
    ["jpg", "jpeg", "png", "webp"]
        .iter()
        .any(|e| extension.eq_ignore_ascii_case(e))
}

/// The probes of earlier runs, by file, with the size and modification time they were made
/// at. Kept by `gka serve` between rebuilds, so that an unchanged photo is not read again.
#[derive(Debug, Default)]
pub struct ProbeCache {
    probes: Mutex<HashMap<PathBuf, Probed>>,
}

/// A probe with the size and modification time of the file it was made from.
type Probed = (u64, Option<SystemTime>, Photo);

impl ProbeCache {
    /// The photos among `files` (the theme's static files, then `content/static/`'s, which win
    /// over the theme's of the same path), with `static_path` giving a file's site path. Files
    /// named in `changed` (or inside a folder named there) are read again even when their size
    /// and time look the same.
    pub fn photos<'a>(
        &self,
        files: impl Iterator<Item = &'a StaticFile>,
        static_path: impl Fn(&str) -> String,
        changed: &[PathBuf],
    ) -> Photos {
        let mut wanted: HashMap<String, &StaticFile> = HashMap::new();
        for file in files.filter(|f| is_photo(&f.path)) {
            wanted.insert(static_path(&file.path), file);
        }
        let earlier = {
            let mut probes = self.probes.lock().unwrap_or_else(|e| e.into_inner());
            probes.retain(|path, _| !changed.iter().any(|c| path.starts_with(c)));
            std::mem::take(&mut *probes)
        };
        let found: Vec<(String, PathBuf, u64, Option<SystemTime>, Photo)> = wanted
            .into_par_iter()
            .map(|(site_path, file)| {
                let modified = std::fs::metadata(&file.source)
                    .and_then(|m| m.modified())
                    .ok();
                let photo = match earlier.get(&file.source) {
                    Some((size, time, photo)) if *size == file.size && *time == modified => {
                        photo.clone()
                    }
                    _ => Photo {
                        source: file.source.clone(),
                        probed: probe(&file.source),
                    },
                };
                (site_path, file.source.clone(), file.size, modified, photo)
            })
            .collect();
        let mut probes = self.probes.lock().unwrap_or_else(|e| e.into_inner());
        let mut photos = Photos::default();
        for (site_path, source, size, modified, photo) in found {
            probes.insert(source, (size, modified, photo.clone()));
            photos.by_path.insert(site_path, Arc::new(photo));
        }
        photos
    }
}

/// Reads the file's header and hashes its bytes.
fn probe(path: &Path) -> Result<Probe, Problem> {
    let bytes = std::fs::read(path).map_err(|e| Problem::Unreadable(crate::i18n::io_error(&e)))?;
    let hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    let reader = ImageReader::new(Cursor::new(&bytes))
        .with_guessed_format()
        .map_err(|_| Problem::NotAnImage)?;
    let format = reader.format();
    if !matches!(
        format,
        Some(ImageFormat::Jpeg | ImageFormat::Png | ImageFormat::WebP)
    ) {
        return Err(Problem::NotAnImage);
    }
    let mut decoder = reader.into_decoder().map_err(|_| Problem::NotAnImage)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Problem::TooLarge { width, height });
    }
    if width == 0 || height == 0 {
        return Err(Problem::NotAnImage);
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let (width, height) = if turns(orientation) {
        (height, width)
    } else {
        (width, height)
    };
    let fallback = if format == Some(ImageFormat::Png) || decoder.color_type().has_alpha() {
        Fallback::Png
    } else {
        Fallback::Jpeg
    };
    Ok(Probe {
        hash,
        width,
        height,
        fallback,
    })
}

/// The error for the photo at `site_path`, which cannot be used, at the image in `file`
/// that shows it (a marker `width` characters wide under it).
pub fn diagnostic(
    file: &Path,
    position: Option<Position>,
    width: Option<usize>,
    site_path: &str,
    problem: &Problem,
) -> Diagnostic {
    let (message, hint) = match problem {
        Problem::Unreadable(reason) => (
            t!(
                "afbeelding-onleesbaar",
                image = site_path,
                reason = reason.as_str()
            ),
            t!("afbeelding-onleesbaar-hint"),
        ),
        Problem::NotAnImage => (
            t!("afbeelding-geen-foto", image = site_path),
            t!("afbeelding-geen-foto-hint"),
        ),
        Problem::TooLarge { width, height } => (
            t!(
                "afbeelding-te-groot",
                image = site_path,
                width = *width,
                height = *height,
                max = MAX_PIXELS / 1_000_000
            ),
            t!("afbeelding-te-groot-hint"),
        ),
    };
    Diagnostic::new(Code::BrokenImage, file, position, message)
        .with_width(width)
        .with_hint(hint)
}

/// Whether an orientation turns the image a quarter, swapping its width and height.
fn turns(orientation: Orientation) -> bool {
    matches!(
        orientation,
        Orientation::Rotate90
            | Orientation::Rotate270
            | Orientation::Rotate90FlipH
            | Orientation::Rotate270FlipH
    )
}

/// One file made from a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    /// Its site path: the photo's, with the hash and width before a new extension,
    /// `/static/img/foto.1a2b3c4d.800.webp`.
    pub site_path: String,
    /// Its width.
    pub width: u32,
    /// Its height.
    pub height: u32,
    /// Its kind.
    pub kind: Kind,
}

/// The files made from the photo at `site_path`: the WebP files, narrow to wide, then the
/// fallback.
pub fn variants(site_path: &str, probe: &Probe) -> Vec<Variant> {
    let stem = site_path
        .rsplit_once('.')
        .map_or(site_path, |(stem, _)| stem);
    let hash = format!("{:08x}", (probe.hash >> 96) as u32);
    let variant = |width: u32, kind: Kind| {
        let (full_width, full_height) = (u64::from(probe.width), u64::from(probe.height));
        let height = ((full_height * u64::from(width) + full_width / 2) / full_width).max(1) as u32;
        Variant {
            site_path: format!("{stem}.{hash}.{width}.{}", kind.extension()),
            width,
            height: height.min(probe.height),
            kind,
        }
    };
    let widest = probe.width.min(WIDTHS[WIDTHS.len() - 1]);
    let mut widths: Vec<u32> = WIDTHS.into_iter().filter(|&w| w < widest).collect();
    widths.push(widest);
    let fallback = widths
        .iter()
        .copied()
        .filter(|&w| w <= FALLBACK_WIDTH)
        .max()
        .unwrap_or(widths[0]);
    (widths.iter().map(|&w| variant(w, Kind::WebP)))
        .chain([variant(fallback, Kind::Fallback(probe.fallback))])
        .collect()
}

/// Where a photo is shown, which decides how wide the browser should expect it (`sizes`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// In the text column: a body's photo, or a document's `afbeelding` on its own page.
    Column,
    /// On a card in an overview.
    Card,
}

impl Place {
    fn sizes(self) -> &'static str {
        match self {
            Place::Column => COLUMN_SIZES,
            Place::Card => CARD_SIZES,
        }
    }
}

/// How a photo is shown on its page.
pub struct Shown<'a> {
    /// The alt text, as plain text; empty for a decorative photo.
    pub alt: &'a str,
    /// The Markdown title, if any (not the decorative mark).
    pub title: Option<&'a str>,
    /// Whether it is the first photo high on the page, which the browser should fetch at
    /// once instead of when it scrolls into view.
    pub first: bool,
    /// Where it is shown.
    pub place: Place,
}

/// The `<picture>` of the photo at `site_path`; `href` turns a site path into the address to
/// write (the site's base path before it).
pub fn picture(
    site_path: &str,
    probe: &Probe,
    shown: &Shown,
    href: impl Fn(&str) -> String,
) -> String {
    let variants = variants(site_path, probe);
    let (fallback, webp) = variants.split_last().expect("a photo has a fallback");
    let srcset = |variants: &[Variant]| {
        (variants.iter())
            .map(|v| format!("{} {}w", href(&v.site_path), v.width))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut html = format!(
        r#"<picture><source type="{}" srcset="{}" sizes="{}"><img src="{}" alt="{}""#,
        Kind::WebP.media_type(),
        escape(&srcset(webp)),
        shown.place.sizes(),
        escape(&href(&fallback.site_path)),
        escape(shown.alt),
    );
    if let Some(title) = shown.title {
        let _ = write!(html, r#" title="{}""#, escape(title));
    }
    let _ = write!(
        html,
        r#" width="{}" height="{}""#,
        fallback.width, fallback.height
    );
    html.push_str(if shown.first {
        r#" fetchpriority="high"></picture>"#
    } else {
        r#" loading="lazy" decoding="async"></picture>"#
    });
    html
}

/// Text escaped for an HTML attribute value in double quotes.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
    out
}

/// A photo a body shows, where it shows it.
#[derive(Debug, Clone)]
pub struct PhotoUse {
    /// The photo's site path.
    pub site_path: String,
    /// The photo.
    pub photo: Arc<Photo>,
    /// Where the image is written in the document.
    pub position: Option<Position>,
}

/// The photo of a document's `afbeelding` (see [`crate::content::values::Afbeelding`]),
/// checked: shown at the top of its page, on its cards, and as the page's image when it is
/// shared.
#[derive(Debug, Clone)]
pub struct Cover {
    /// The photo's site path.
    pub site_path: String,
    /// Its header.
    pub probe: Probe,
    /// The alt text; empty for a photo marked decorative.
    pub alt: String,
    /// The caption.
    pub bijschrift: Option<String>,
    /// Who made it.
    pub maker: Option<String>,
}

impl Cover {
    /// The `<picture>` of the photo at `place`; on its own page it is high up, so fetched at
    /// once, and on a card it loads when it scrolls into view. `href` as for [`picture`].
    pub fn picture(&self, place: Place, alt: &str, href: impl Fn(&str) -> String) -> String {
        let shown = Shown {
            alt,
            title: None,
            first: place == Place::Column,
            place,
        };
        picture(&self.site_path, &self.probe, &shown, href)
    }

    /// The file to show when the page is shared (Open Graph): the fallback, a JPEG or PNG at
    /// most 1200 pixels wide, which every platform reads and most show at that width.
    pub fn shared(&self) -> Variant {
        let mut made = variants(&self.site_path, &self.probe);
        made.pop().expect("a photo has a fallback")
    }
}

/// A link in a body to a photo's file itself, which is not published when a body shows the
/// photo (unless the site publishes originals).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhotoLink {
    /// The photo's site path.
    pub site_path: String,
    /// Where the link is written.
    pub position: Option<Position>,
    /// How many characters of its line the link takes, for the marker under it.
    pub width: Option<usize>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe(width: u32, height: u32) -> Probe {
        Probe {
            hash: 0x1234_5678_9abc_def0_0000_0000_0000_0000,
            width,
            height,
            fallback: Fallback::Jpeg,
        }
    }

    #[test]
    fn widths_are_never_wider_than_the_photo() {
        let made = |w, h| -> Vec<(u32, u32, &str)> {
            variants("/static/img/foto.jpg", &probe(w, h))
                .iter()
                .map(|v| (v.width, v.height, v.kind.extension()))
                .collect()
        };
        assert_eq!(
            made(4000, 3000),
            [
                (480, 360, "webp"),
                (800, 600, "webp"),
                (1200, 900, "webp"),
                (1600, 1200, "webp"),
                (1200, 900, "jpg")
            ]
        );
        assert_eq!(
            made(1000, 500),
            [
                (480, 240, "webp"),
                (800, 400, "webp"),
                (1000, 500, "webp"),
                (1000, 500, "jpg")
            ]
        );
        assert_eq!(made(300, 301), [(300, 301, "webp"), (300, 301, "jpg")]);
    }

    #[test]
    fn variant_names_hold_the_hash_and_width() {
        let names: Vec<String> = variants("/static/img/foto.JPG", &probe(500, 500))
            .into_iter()
            .map(|v| v.site_path)
            .collect();
        assert_eq!(
            names,
            [
                "/static/img/foto.12345678.480.webp",
                "/static/img/foto.12345678.500.webp",
                "/static/img/foto.12345678.500.jpg"
            ]
        );
    }

    #[test]
    fn pictures_have_size_and_load_lazily_but_the_first() {
        let shown = Shown {
            alt: "De \"wethouder\"",
            title: None,
            first: false,
            place: Place::Column,
        };
        let html = picture("/static/a.jpg", &probe(900, 600), &shown, |p| {
            format!("/gka{p}")
        });
        assert_eq!(
            html,
            concat!(
                r#"<picture><source type="image/webp" srcset="/gka/static/a.12345678.480.webp 480w, /gka/static/a.12345678.800.webp 800w, /gka/static/a.12345678.900.webp 900w" sizes="(min-width: 46rem) 44rem, 100vw">"#,
                r#"<img src="/gka/static/a.12345678.900.jpg" alt="De &quot;wethouder&quot;" width="900" height="600" loading="lazy" decoding="async"></picture>"#
            )
        );
        let first = Shown {
            first: true,
            ..shown
        };
        let html = picture("/static/a.jpg", &probe(900, 600), &first, |p| p.to_string());
        assert!(
            html.ends_with(r#" fetchpriority="high"></picture>"#),
            "{html}"
        );
        assert!(!html.contains("lazy"), "{html}");
    }

    /// A decompression bomb: a PNG of a few bytes that claims 20 000 × 20 000 pixels, 1.6 GB
    /// once decoded, is refused from its header; a file that is no image and one that is not
    /// there are errors of their own.
    #[test]
    fn probes_refuse_what_cannot_be_a_photo() {
        fn chunk(kind: &[u8; 4], data: &[u8]) -> Vec<u8> {
            let mut crc = flate2::Crc::new();
            crc.update(kind);
            crc.update(data);
            let length = u32::try_from(data.len()).unwrap().to_be_bytes();
            [&length[..], kind, data, &crc.sum().to_be_bytes()].concat()
        }
        let mut header = Vec::new();
        header.extend(20_000u32.to_be_bytes());
        header.extend(20_000u32.to_be_bytes());
        header.extend([8, 2, 0, 0, 0]);
        let empty_zlib = [0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01];
        let bomb = [
            &b"\x89PNG\r\n\x1a\n"[..],
            &chunk(b"IHDR", &header),
            &chunk(b"IDAT", &empty_zlib),
            &chunk(b"IEND", &[]),
        ]
        .concat();
        let dir = tempfile::tempdir().unwrap();
        let (png, text) = (dir.path().join("bom.png"), dir.path().join("tekst.jpg"));
        std::fs::write(&png, bomb).unwrap();
        std::fs::write(&text, "geen foto").unwrap();
        assert_eq!(
            super::probe(&png),
            Err(Problem::TooLarge {
                width: 20_000,
                height: 20_000
            })
        );
        assert_eq!(super::probe(&text), Err(Problem::NotAnImage));
        assert!(matches!(
            super::probe(&dir.path().join("weg.jpg")),
            Err(Problem::Unreadable(_))
        ));
    }

    #[test]
    fn photos_are_known_by_their_extension() {
        for yes in ["a.jpg", "b/c.JPEG", "d.png", "e.webp"] {
            assert!(is_photo(yes), "{yes}");
        }
        for no in ["a.svg", "b.gif", "jpg", "c.pdf"] {
            assert!(!is_photo(no), "{no}");
        }
    }
}

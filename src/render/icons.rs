//! The site's icons, made from its logo while the site is built: the favicon
//! ([`routes::FAVICON`], 16, 32 and 48 px in one ICO file), the touch icon of iOS
//! ([`routes::TOUCH_ICON`], 180 px), the icons of the web manifest
//! ([`routes::MANIFEST_ICONS`], 192 and 512 px) and the manifest itself ([`routes::MANIFEST`]).
//! Every page links them (`site.iconen`), so no browser asks for a favicon that is not there.
//!
//! The logo is `logo` in `site.yaml` when it is a file of the site: an SVG, drawn at each size
//! by resvg, or a PNG or JPEG, scaled with a Lanczos filter. Without one the icons are made
//! from the theme's neutral mark, `/static/img/icoon.svg`, or, for a theme chain without that
//! file, from gka's own copy of it. A logo that is not square is fitted into the square,
//! centred, keeping its proportions.
//!
//! The same logo gives the same bytes on every machine: an SVG is drawn without the system's
//! fonts (text in it is not drawn at all), and the PNG files carry no metadata (no time, no
//! colour profile).

use std::borrow::Cow;
use std::io::Cursor;
use std::path::Path;

use image::codecs::ico::{IcoEncoder, IcoFrame};
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::{self, FilterType};
use image::{ExtendedColorType, ImageEncoder, ImageFormat, ImageReader, Rgba32FImage, RgbaImage};
use resvg::{tiny_skia, usvg};
use serde::Serialize;
use xxhash_rust::xxh3::Xxh3;

use crate::diagnostics::{Code, Diagnostic};
use crate::routes;
use crate::site::Site;

use super::OutputFile;

/// The theme's neutral mark, as a path inside the static folders: the icons' source when
/// `site.yaml` names no logo.
pub const MARK: &str = "img/icoon.svg";

/// gka's own copy of the mark, for a theme chain that does not have it.
const BUILT_IN_MARK: &[u8] = include_bytes!("../../themes/gka/static/img/icoon.svg");

/// The sizes in the favicon: what browsers show in tabs and bookmarks at 1×, 2× and 3×.
const FAVICON_SIZES: [u32; 3] = [16, 32, 48];
/// The touch icon's size, Apple's for the iPhone's home screen.
const TOUCH_SIZE: u32 = 180;
/// The sizes of [`routes::MANIFEST_ICONS`], in order: those Android and Chrome ask a manifest
/// for.
const MANIFEST_SIZES: [u32; 2] = [192, 512];
/// The touch icon's margin around the logo, of its size: iOS rounds the corners off.
const TOUCH_MARGIN: f32 = 0.1;
/// The touch icon's background. iOS shows a transparent pixel as black; a logo is made to
/// stand on white.
const TOUCH_BACKGROUND: [u8; 3] = [255, 255, 255];

/// Where the icons come from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A published static file, by its site path: the logo, or the theme's mark.
    File(String),
    /// gka's own copy of the mark, which the site does not publish.
    BuiltIn,
}

impl Source {
    /// The source of `site`'s icons: its logo when that is a file the site publishes (an
    /// address elsewhere cannot be read, and could not be shown under the site's
    /// Content-Security-Policy either), else the mark of the theme, else gka's.
    pub fn of(site: &Site) -> Source {
        let mark = routes::static_file(MARK);
        (site.config.logo.iter())
            .chain([&mark])
            .find(|path| site.files.contains_key(path.as_str()))
            .map_or(Source::BuiltIn, |path| Source::File(path.clone()))
    }

    /// The site path of the source when it is an SVG the site publishes: browsers that draw
    /// SVG icons use it as it is, sharp at every size.
    fn svg(&self) -> Option<&str> {
        match self {
            Source::File(path) if is_svg(path) => Some(path),
            _ => None,
        }
    }
}

/// Whether a path names an SVG file.
fn is_svg(path: &str) -> bool {
    Path::new(path)
        .extension()
        .is_some_and(|ext| ext.eq_ignore_ascii_case("svg"))
}

/// One `<link>` to an icon or the manifest, for the `<head>` of every page.
#[derive(Debug, Clone, Serialize)]
pub struct IconLink {
    /// `icon`, `apple-touch-icon` or `manifest`.
    pub rel: &'static str,
    /// The address.
    pub href: String,
    /// The media type, when it helps the browser choose.
    #[serde(rename = "type")]
    pub media_type: Option<&'static str>,
    /// The sizes in the file, `16x16 32x32`.
    pub sizes: Option<String>,
}

/// The image of a page that has no photo of its own when it is shared (Open Graph): the
/// largest manifest icon, as site path and size in pixels, when it is made from the site's own
/// logo. The theme's neutral mark tells nothing about the gemeente, so a site without a logo
/// has none, and the platforms show the page's title and description alone.
pub fn shared(site: &Site) -> Option<(&'static str, u32)> {
    let source = Source::of(site);
    let from_logo =
        matches!(&source, Source::File(path) if site.config.logo.as_ref() == Some(path));
    from_logo.then_some((routes::MANIFEST_ICONS[1], MANIFEST_SIZES[1]))
}

/// The links of `site.iconen`: the favicon, the SVG when the source is one, the largest
/// favicon-sized PNG, the touch icon and the manifest; `link` turns a site path into an
/// `href`.
pub fn links(site: &Site, link: impl Fn(&str) -> String) -> Vec<IconLink> {
    let icon = |rel, path: &str, media_type, sizes: Option<String>| IconLink {
        rel,
        href: link(path),
        media_type,
        sizes,
    };
    let favicon_sizes = FAVICON_SIZES.map(square).join(" ");
    let source = Source::of(site);
    [
        Some(icon("icon", routes::FAVICON, None, Some(favicon_sizes))),
        Some(icon(
            "icon",
            routes::MANIFEST_ICONS[0],
            Some("image/png"),
            Some(square(MANIFEST_SIZES[0])),
        )),
        // Last of the icons: a browser that draws SVG takes the last icon it can use.
        source
            .svg()
            .map(|svg| icon("icon", svg, Some("image/svg+xml"), Some("any".into()))),
        Some(icon(
            "apple-touch-icon",
            routes::TOUCH_ICON,
            None,
            Some(square(TOUCH_SIZE)),
        )),
        Some(icon("manifest", routes::MANIFEST, None, None)),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// `size` as the `sizes` of a square icon: `32x32`.
fn square(size: u32) -> String {
    format!("{size}x{size}")
}

/// The web manifest (<https://www.w3.org/TR/appmanifest/>).
#[derive(Serialize)]
struct Manifest<'a> {
    name: &'a str,
    short_name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    lang: &'a str,
    start_url: &'a str,
    scope: &'a str,
    // `browser`: a shortcut opens the site as a web page, with the address bar, back button
    // and sharing that a site of documents and links needs; `standalone` would take them
    // away, as for an app.
    display: &'static str,
    icons: Vec<ManifestIcon>,
    // No `theme_color` or `background_color`: the colours are the stylesheets' design tokens,
    // which a house style may set, and gka does not evaluate CSS. Browsers use their own.
}

/// One icon of the manifest.
#[derive(Serialize)]
struct ManifestIcon {
    src: String,
    sizes: String,
    #[serde(rename = "type")]
    media_type: &'static str,
}

/// The manifest of `site`, whose icons come from `source`.
fn manifest(site: &Site, source: &Source) -> Vec<u8> {
    let config = &site.config;
    let root = config.base_path();
    let svg = source.svg().map(|svg| ManifestIcon {
        src: config.link(svg),
        sizes: "any".into(),
        media_type: "image/svg+xml",
    });
    let pngs =
        (routes::MANIFEST_ICONS.iter().zip(MANIFEST_SIZES)).map(|(path, size)| ManifestIcon {
            src: config.link(path),
            sizes: square(size),
            media_type: "image/png",
        });
    let manifest = Manifest {
        name: &config.titel,
        short_name: &config.gemeente,
        description: config.omschrijving.as_deref(),
        lang: &config.taal,
        start_url: root,
        scope: root,
        display: "browser",
        icons: pngs.chain(svg).collect(),
    };
    let mut json = serde_json::to_vec_pretty(&manifest).expect("a manifest serializes");
    json.push(b'\n');
    json
}

/// The icons of `site`, made from `source`, whose file on disk is `file` (`None` for
/// [`Source::BuiltIn`]). `earlier` is the digest of what the icons
/// on hand were made from, if any: when it is this run's too, they are not made again and
/// `files` is empty. A logo that cannot be read or drawn is an error at its file (`root`
/// shortens its path).
pub fn make(
    site: &Site,
    source: &Source,
    file: Option<&Path>,
    root: &Path,
    earlier: Option<u64>,
) -> Result<Icons, Diagnostic> {
    let manifest = manifest(site, source);
    // The file the bytes come from; `None` for gka's own mark.
    let (bytes, svg, origin) = match (source, file) {
        (Source::File(path), Some(file)) => {
            let bytes =
                std::fs::read(file).map_err(|e| unusable(file, root, crate::i18n::io_error(&e)))?;
            (Cow::Owned(bytes), is_svg(path), Some(file))
        }
        _ => (Cow::Borrowed(BUILT_IN_MARK), true, None),
    };
    let mut hasher = Xxh3::new();
    hasher.update(&bytes);
    hasher.update(&[u8::from(svg)]);
    hasher.update(&manifest);
    let digest = hasher.digest();
    if earlier == Some(digest) {
        return Ok(Icons {
            digest,
            files: Vec::new(),
        });
    }
    let logo = Logo::decode(&bytes, svg)
        .map_err(|reason| unusable(origin.expect("gka's own mark is an SVG"), root, reason))?;
    let favicon = ico(&FAVICON_SIZES.map(|size| logo.draw(size, 0.0, None)));
    let touch = png(&logo.draw(TOUCH_SIZE, TOUCH_MARGIN, Some(TOUCH_BACKGROUND)));
    let [small, large] = MANIFEST_SIZES.map(|size| png(&logo.draw(size, 0.0, None)));
    let files = [favicon, touch, small, large, manifest]
        .into_iter()
        .zip(routes::ICONS)
        .map(|(contents, path)| OutputFile {
            path: routes::output_path(path),
            contents,
            is_page: false,
        })
        .collect();
    Ok(Icons { digest, files })
}

/// What [`make`] made.
#[derive(Debug)]
pub struct Icons {
    /// A digest of everything the icons are made from.
    pub digest: u64,
    /// The files of [`routes::ICONS`], in that order; empty when the icons on hand are these.
    pub files: Vec<OutputFile>,
}

/// The error for a logo gka cannot make icons of, because of `reason`.
fn unusable(file: &Path, root: &Path, reason: String) -> Diagnostic {
    let file = crate::diagnostics::relative(root, file);
    let shown = file.display().to_string();
    Diagnostic::new(
        Code::BadSetting,
        file,
        None,
        t!("logo-onbruikbaar", file = shown, reason = reason),
    )
    .with_hint(t!("logo-onbruikbaar-hint"))
}

/// A decoded logo, ready to draw at any size.
enum Logo {
    /// An SVG, drawn at each size. Boxed: the tree's own value is large, and a logo is made
    /// once per run.
    Svg(Box<usvg::Tree>),
    /// A raster image with premultiplied alpha, so that scaling does not bleed the colour of
    /// transparent pixels into the edges.
    Raster(Rgba32FImage),
}

impl Logo {
    /// The logo in `bytes`, an SVG when `svg`, else a PNG or JPEG; or why it is not one.
    fn decode(bytes: &[u8], svg: bool) -> Result<Logo, String> {
        if svg {
            // Fails too for an SVG without a size.
            usvg::Tree::from_data(bytes, &usvg::Options::default())
                .map(|tree| Logo::Svg(Box::new(tree)))
                .map_err(|_| t!("logo-geen-svg"))
        } else {
            Logo::raster(bytes)
        }
    }

    /// A PNG or JPEG logo, or why it is not one.
    fn raster(bytes: &[u8]) -> Result<Logo, String> {
        let format = image::guess_format(bytes).map_err(|_| t!("logo-geen-afbeelding"))?;
        if !matches!(format, ImageFormat::Png | ImageFormat::Jpeg) {
            return Err(t!("logo-soort", soort = format.extensions_str()[0]));
        }
        // The reader's default limits keep a small file that claims a huge image from taking
        // all memory.
        let image = ImageReader::with_format(Cursor::new(bytes), format)
            .decode()
            .map_err(|_| t!("logo-geen-afbeelding"))?;
        let mut image = image.to_rgba32f();
        for pixel in image.pixels_mut() {
            let alpha = pixel[3];
            for channel in &mut pixel.0[..3] {
                *channel *= alpha;
            }
        }
        Ok(Logo::Raster(image))
    }

    /// The logo in a square of `size` px, fitted inside a margin of `margin` of the size on
    /// each side and centred, over `background` or transparent.
    fn draw(&self, size: u32, margin: f32, background: Option<[u8; 3]>) -> RgbaImage {
        let inner = size as f32 * (1.0 - 2.0 * margin);
        let (width, height) = match self {
            Logo::Svg(tree) => (tree.size().width(), tree.size().height()),
            Logo::Raster(image) => (image.width() as f32, image.height() as f32),
        };
        let scale = (inner / width).min(inner / height);
        let mut pixmap = tiny_skia::Pixmap::new(size, size).expect("an icon has a size");
        if let Some([r, g, b]) = background {
            pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
        }
        match self {
            Logo::Svg(tree) => {
                let x = (size as f32 - width * scale) / 2.0;
                let y = (size as f32 - height * scale) / 2.0;
                let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, x, y);
                resvg::render(tree, transform, &mut pixmap.as_mut());
            }
            Logo::Raster(image) => {
                let w = ((width * scale).round() as u32).clamp(1, size);
                let h = ((height * scale).round() as u32).clamp(1, size);
                let scaled = imageops::resize(image, w, h, FilterType::Lanczos3);
                let (x, y) = ((size - w) / 2, (size - h) / 2);
                let stride = size as usize;
                let pixels = pixmap.pixels_mut();
                for (px, py, source) in scaled.enumerate_pixels() {
                    // Lanczos overshoots a little at sharp edges: clamp to a valid
                    // premultiplied colour.
                    let alpha = source[3].clamp(0.0, 1.0);
                    let [r, g, b] = [0, 1, 2].map(|i| source[i].clamp(0.0, alpha));
                    let index = (y + py) as usize * stride + (x + px) as usize;
                    let under = pixels[index];
                    let over = |top: f32, bottom: u8| {
                        ((top + f32::from(bottom) / 255.0 * (1.0 - alpha)) * 255.0).round() as u8
                    };
                    let alpha_out = over(alpha, under.alpha());
                    pixels[index] = tiny_skia::PremultipliedColorU8::from_rgba(
                        over(r, under.red()).min(alpha_out),
                        over(g, under.green()).min(alpha_out),
                        over(b, under.blue()).min(alpha_out),
                        alpha_out,
                    )
                    .expect("each channel is at most alpha");
                }
            }
        }
        let mut out = RgbaImage::new(size, size);
        for (to, from) in out.pixels_mut().zip(pixmap.pixels()) {
            let color = from.demultiply();
            to.0 = [color.red(), color.green(), color.blue(), color.alpha()];
        }
        out
    }
}

/// `image` as a PNG file: RGBA, no metadata.
fn png(image: &RgbaImage) -> Vec<u8> {
    let mut bytes = Vec::new();
    PngEncoder::new_with_quality(&mut bytes, CompressionType::Best, PngFilter::Adaptive)
        .write_image(
            image.as_raw(),
            image.width(),
            image.height(),
            ExtendedColorType::Rgba8,
        )
        .expect("a PNG is written to memory");
    bytes
}

/// `images` as one ICO file, each stored as a PNG (as every browser and Windows since Vista
/// read them).
fn ico(images: &[RgbaImage]) -> Vec<u8> {
    let frames: Vec<IcoFrame> = (images.iter())
        .map(|image| {
            IcoFrame::as_png(
                image.as_raw(),
                image.width(),
                image.height(),
                ExtendedColorType::Rgba8,
            )
            .expect("an icon of at most 256 px is a frame")
        })
        .collect();
    let mut bytes = Vec::new();
    IcoEncoder::new(&mut bytes)
        .encode_images(&frames)
        .expect("an ICO is written to memory");
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_wide_logo_is_centred_in_the_square() {
        let svg = br##"<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#0000ff"/></svg>"##;
        let icon = Logo::decode(svg, true).unwrap().draw(16, 0.0, None);
        // 40 × 20 in 16 × 16: 16 × 8, rows 4 to 11.
        assert_eq!(icon.get_pixel(8, 2).0[3], 0);
        assert_eq!(icon.get_pixel(8, 8).0, [0, 0, 255, 255]);
        assert_eq!(icon.get_pixel(8, 13).0[3], 0);
        // With a margin and a background, the square is filled.
        let touch = Logo::decode(svg, true)
            .unwrap()
            .draw(20, 0.1, Some([255, 255, 255]));
        assert_eq!(touch.get_pixel(0, 0).0, [255, 255, 255, 255]);
        assert_eq!(
            touch.get_pixel(1, 10).0,
            [255, 255, 255, 255],
            "in the margin"
        );
        assert_eq!(touch.get_pixel(10, 10).0, [0, 0, 255, 255]);
    }

    #[test]
    fn scaling_a_raster_logo_does_not_bleed_into_its_edges() {
        // A red square on transparent white, as many editors save a PNG: scaled without
        // premultiplied alpha, the white of the invisible pixels would bleed into the edges.
        let image = RgbaImage::from_fn(64, 64, |x, y| {
            let inside = (16..48).contains(&x) && (16..48).contains(&y);
            image::Rgba(if inside {
                [255, 0, 0, 255]
            } else {
                [255, 255, 255, 0]
            })
        });
        let mut png_bytes = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut png_bytes), ImageFormat::Png)
            .unwrap();
        let icon = Logo::decode(&png_bytes, false).unwrap().draw(16, 0.0, None);
        let visible: Vec<_> = icon.pixels().filter(|p| p.0[3] > 16).collect();
        assert!(visible.len() >= 16, "{}", visible.len());
        for pixel in visible {
            let [r, g, b, _] = pixel.0;
            assert!(r >= 240 && g <= 8 && b <= 8, "{pixel:?}");
        }
    }

    #[test]
    fn a_jpeg_logo_is_drawn() {
        let image = image::RgbImage::from_pixel(40, 20, image::Rgb([0, 128, 0]));
        let mut jpeg = Vec::new();
        image
            .write_to(&mut Cursor::new(&mut jpeg), ImageFormat::Jpeg)
            .unwrap();
        let icon = Logo::decode(&jpeg, false).unwrap().draw(32, 0.0, None);
        assert_eq!(icon.get_pixel(16, 2).0[3], 0, "above the logo");
        let [r, g, b, a] = icon.get_pixel(16, 16).0;
        assert!(
            r < 8 && (120..=136).contains(&g) && b < 8 && a == 255,
            "{r} {g} {b} {a}"
        );
    }

    #[test]
    fn what_is_no_svg_png_or_jpeg_is_refused_with_the_reason() {
        assert_eq!(
            Logo::decode(b"GIF89a\x01\x00\x01\x00\x00\x00\x00", false).err(),
            Some(t!("logo-soort", soort = "gif"))
        );
        assert_eq!(Logo::decode(b"<svg", true).err(), Some(t!("logo-geen-svg")));
        assert_eq!(
            Logo::decode(b"\x89PNG\r\n\x1a\n kapot", false).err(),
            Some(t!("logo-geen-afbeelding"))
        );
    }
}

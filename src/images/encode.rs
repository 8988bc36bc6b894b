//! Making the files of the photos the bodies show ([`super::variants`]), while the pages
//! render: each photo is decoded once, turned as its EXIF orientation says, scaled to its
//! widths with a Lanczos filter (fast_image_resize) and written as lossy WebP (libwebp) and
//! one JPEG or PNG. Only pixels are written, so none of the original's metadata comes along.
//!
//! Nothing is made twice. A file is keyed by the photo's content hash and everything else
//! that decides its bytes ([`RECIPE`], its width and kind): a file the output already has with
//! that key (`gka serve`, which keeps its output between runs) is left alone, and one in the
//! disk cache ([`DiskCache`], `.gka-cache/afbeeldingen/` in the site's folder) is taken from
//! there. The disk cache is in the site's folder and not beside the output because it belongs
//! to the site's sources, whatever output folder a build writes to (`-o`), and because
//! `gka build` replaces the output folder as a whole. A cache file carries a checksum of its
//! bytes; one that does not match (a half-written or damaged file) is made again, never
//! published.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use fast_image_resize as fr;
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::metadata::Orientation;
use image::{DynamicImage, ExtendedColorType, ImageDecoder, ImageEncoder, ImageReader, Limits};
use rayon::prelude::*;
use xxhash_rust::xxh3::{Xxh3, xxh3_128};

use super::{Fallback, Kind, MAX_PIXELS, Photo, Probe, Problem, Variant};
use crate::diagnostics::{Diagnostic, Position};

/// The disk cache's folder, in the site's folder.
pub const CACHE_DIR: &str = ".gka-cache/afbeeldingen";
/// WebP quality: libwebp's scale, 80 is where photos show no artefacts at their size.
const WEBP_QUALITY: f32 = 80.0;
/// JPEG quality of the fallback.
const JPEG_QUALITY: u8 = 82;
/// Everything besides the photo, its width and its kind that decides a file's bytes. Change it
/// when an encoder, a quality or the filter changes, so that cached files are made again.
const RECIPE: &str = "gka-images 1; lanczos3 fast_image_resize 5; webp q80 libwebp 1.5; jpeg q82 image 0.25; png default adaptive";

/// A photo to make the files of, with where a body shows it first (for its problems).
#[derive(Debug, Clone)]
pub struct Planned {
    /// The photo's site path.
    pub site_path: String,
    /// The photo's file.
    pub source: PathBuf,
    /// Its header.
    pub probe: Probe,
    /// The files to make.
    pub variants: Vec<Variant>,
    /// The document that shows it first, relative to the site's folder.
    pub file: PathBuf,
    /// Where in that document.
    pub position: Option<Position>,
}

impl Planned {
    /// The photo at `site_path` shown by the document `file` at `position`, when its header
    /// could be read.
    pub fn of(
        site_path: &str,
        photo: &Photo,
        file: &Path,
        position: Option<Position>,
    ) -> Option<Planned> {
        let probe = photo.probed.as_ref().ok()?;
        Some(Planned {
            site_path: site_path.to_string(),
            source: photo.source.clone(),
            probe: probe.clone(),
            variants: super::variants(site_path, probe),
            file: file.to_path_buf(),
            position,
        })
    }
}

/// The key of a file made from a photo: equal keys mean equal bytes.
pub fn key(probe: &Probe, variant: &Variant) -> u128 {
    let mut hasher = Xxh3::new();
    hasher.update(RECIPE.as_bytes());
    hasher.update(&probe.hash.to_le_bytes());
    hasher.update(&variant.width.to_le_bytes());
    hasher.update(&variant.height.to_le_bytes());
    hasher.update(variant.kind.extension().as_bytes());
    hasher.digest128()
}

/// Files made earlier, in a folder, by key. Reading or writing it may fail (a read-only site
/// folder, a full disk): then the files are made as if it were empty.
#[derive(Debug, Clone)]
pub struct DiskCache {
    dir: PathBuf,
}

/// The length of the checksum after a cached file's bytes.
const CHECKSUM: usize = 16;

impl DiskCache {
    /// The cache of the site in `root`.
    pub fn of_site(root: &Path) -> DiskCache {
        DiskCache {
            dir: root.join(CACHE_DIR),
        }
    }

    fn path(&self, key: u128, kind: Kind) -> PathBuf {
        self.dir.join(format!("{key:032x}.{}", kind.extension()))
    }

    /// The bytes cached under `key`, when the file is there and whole.
    fn get(&self, key: u128, kind: Kind) -> Option<Vec<u8>> {
        let mut bytes = std::fs::read(self.path(key, kind)).ok()?;
        let at = bytes.len().checked_sub(CHECKSUM)?;
        let sum = u128::from_le_bytes(bytes[at..].try_into().ok()?);
        bytes.truncate(at);
        (xxh3_128(&bytes) == sum).then_some(bytes)
    }

    /// Keeps `bytes` under `key`: written beside and renamed, so that no reader sees half a
    /// file.
    fn put(&self, key: u128, kind: Kind, bytes: &[u8]) {
        let path = self.path(key, kind);
        let written = std::fs::create_dir_all(&self.dir).and_then(|()| {
            let mut file = tempfile::NamedTempFile::new_in(&self.dir)?;
            std::io::Write::write_all(&mut file, bytes)?;
            std::io::Write::write_all(&mut file, &xxh3_128(bytes).to_le_bytes())?;
            file.persist(&path).map_err(|e| e.error)?;
            Ok(())
        });
        // A cache that cannot be written only costs the next build time.
        drop(written);
    }
}

/// What [`make`] did.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every file's site path and the low half of its key, made now or not.
    pub prints: Vec<(String, u64)>,
    /// Files encoded now.
    pub encoded: usize,
    /// Files taken from the disk cache.
    pub reused: usize,
}

/// Why [`make`] failed.
#[derive(Debug)]
pub enum Failed<E> {
    /// Photos that could not be decoded, one problem each.
    Photos(Vec<Diagnostic>),
    /// The sink failed.
    Sink(E),
}

/// Makes the files of `planned` that `has` (site path, low half of the key) says the output
/// does not have, from `cache` where it can, in parallel, handing each to `sink` as soon as it
/// is made.
pub fn make<E: Send>(
    planned: &[Planned],
    has: impl Fn(&str, u64) -> bool + Sync,
    cache: &DiskCache,
    sink: impl Fn(&Variant, Vec<u8>) -> Result<(), E> + Sync,
) -> Result<Outcome, Failed<E>> {
    let results: Vec<Result<Outcome, Failed<E>>> = planned
        .par_iter()
        .map(|photo| make_one(photo, &has, cache, &sink))
        .collect();
    let mut outcome = Outcome::default();
    let mut problems = Vec::new();
    for result in results {
        match result {
            Ok(one) => {
                outcome.prints.extend(one.prints);
                outcome.encoded += one.encoded;
                outcome.reused += one.reused;
            }
            Err(Failed::Photos(found)) => problems.extend(found),
            Err(sink) => return Err(sink),
        }
    }
    if problems.is_empty() {
        Ok(outcome)
    } else {
        Err(Failed::Photos(problems))
    }
}

fn make_one<E>(
    photo: &Planned,
    has: &(impl Fn(&str, u64) -> bool + Sync),
    cache: &DiskCache,
    sink: &(impl Fn(&Variant, Vec<u8>) -> Result<(), E> + Sync),
) -> Result<Outcome, Failed<E>> {
    let mut outcome = Outcome::default();
    let mut missing = Vec::new();
    for variant in &photo.variants {
        let key = key(&photo.probe, variant);
        outcome.prints.push((variant.site_path.clone(), key as u64));
        if has(&variant.site_path, key as u64) {
            continue;
        }
        match cache.get(key, variant.kind) {
            Some(bytes) => {
                sink(variant, bytes).map_err(Failed::Sink)?;
                outcome.reused += 1;
            }
            None => missing.push((variant, key)),
        }
    }
    if missing.is_empty() {
        return Ok(outcome);
    }
    let problem = |problem: Problem| {
        Failed::Photos(vec![super::diagnostic(
            &photo.file,
            photo.position,
            None,
            &photo.site_path,
            &problem,
        )])
    };
    let image = decode(&photo.source).map_err(problem)?;
    let pixels = Pixels::of(image);
    // Widest first: each narrower size is scaled from the one before, not from the whole
    // photo, which is several times faster at no visible cost.
    missing.sort_by_key(|(variant, _)| std::cmp::Reverse(variant.width));
    let mut scaled: Option<Pixels> = None;
    for (variant, key) in missing {
        let from = scaled.as_ref().unwrap_or(&pixels);
        let now = if from.width == variant.width && from.height == variant.height {
            None
        } else {
            Some(from.resize(variant.width, variant.height))
        };
        let at_size = now.as_ref().unwrap_or(from);
        let bytes = at_size
            .encode(variant.kind)
            .ok_or_else(|| problem(Problem::NotAnImage))?;
        cache.put(key, variant.kind, &bytes);
        sink(variant, bytes).map_err(Failed::Sink)?;
        outcome.encoded += 1;
        if let Some(now) = now {
            scaled = Some(now);
        }
    }
    Ok(outcome)
}

/// The photo in `source` decoded and turned upright, refused before decoding when it has
/// more than [`MAX_PIXELS`].
fn decode(source: &Path) -> Result<DynamicImage, Problem> {
    let bytes =
        std::fs::read(source).map_err(|e| Problem::Unreadable(crate::i18n::io_error(&e)))?;
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| Problem::NotAnImage)?;
    let mut limits = Limits::default();
    // 16-bit RGBA is 8 bytes a pixel, the most a decoder of these formats allocates.
    limits.max_alloc = Some(MAX_PIXELS * 8);
    reader.limits(limits);
    let mut decoder = reader.into_decoder().map_err(|_| Problem::NotAnImage)?;
    let (width, height) = decoder.dimensions();
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Problem::TooLarge { width, height });
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|_| Problem::NotAnImage)?;
    image.apply_orientation(orientation);
    Ok(image)
}

/// 8-bit RGB or RGBA pixels, row by row.
struct Pixels {
    width: u32,
    height: u32,
    alpha: bool,
    bytes: Vec<u8>,
}

impl Pixels {
    fn of(image: DynamicImage) -> Pixels {
        let (width, height) = (image.width(), image.height());
        let alpha = image.color().has_alpha();
        let bytes = if alpha {
            image.into_rgba8().into_raw()
        } else {
            image.into_rgb8().into_raw()
        };
        Pixels {
            width,
            height,
            alpha,
            bytes,
        }
    }

    fn pixel_type(&self) -> fr::PixelType {
        if self.alpha {
            fr::PixelType::U8x4
        } else {
            fr::PixelType::U8x3
        }
    }

    /// Scaled to `width` × `height` with a Lanczos filter; transparent pixels' colours do not
    /// bleed into the edges (fast_image_resize multiplies by alpha first).
    fn resize(&self, width: u32, height: u32) -> Pixels {
        let source =
            fr::images::ImageRef::new(self.width, self.height, &self.bytes, self.pixel_type())
                .expect("the buffer holds width × height pixels");
        let mut target = fr::images::Image::new(width, height, self.pixel_type());
        let options = fr::ResizeOptions::new()
            .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3));
        fr::Resizer::new()
            .resize(&source, &mut target, &options)
            .expect("both images have the same pixel type");
        Pixels {
            width,
            height,
            alpha: self.alpha,
            bytes: target.into_vec(),
        }
    }

    /// The pixels as a file of `kind`; `None` when the encoder refuses them.
    fn encode(&self, kind: Kind) -> Option<Vec<u8>> {
        let mut out = Vec::new();
        match kind {
            Kind::WebP => {
                let encoder = if self.alpha {
                    webp::Encoder::from_rgba(&self.bytes, self.width, self.height)
                } else {
                    webp::Encoder::from_rgb(&self.bytes, self.width, self.height)
                };
                out = encoder.encode_simple(false, WEBP_QUALITY).ok()?.to_vec();
            }
            Kind::Fallback(Fallback::Jpeg) => {
                let rgb;
                let bytes = if self.alpha {
                    rgb = self
                        .bytes
                        .chunks_exact(4)
                        .flat_map(|p| [p[0], p[1], p[2]])
                        .collect::<Vec<u8>>();
                    &rgb
                } else {
                    &self.bytes
                };
                JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                    .encode(bytes, self.width, self.height, ExtendedColorType::Rgb8)
                    .ok()?;
            }
            Kind::Fallback(Fallback::Png) => {
                let color = if self.alpha {
                    ExtendedColorType::Rgba8
                } else {
                    ExtendedColorType::Rgb8
                };
                PngEncoder::new_with_quality(
                    &mut out,
                    CompressionType::Default,
                    PngFilter::Adaptive,
                )
                .write_image(&self.bytes, self.width, self.height, color)
                .ok()?;
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn probe() -> Probe {
        Probe {
            hash: 7,
            width: 64,
            height: 48,
            fallback: Fallback::Jpeg,
        }
    }

    #[test]
    fn a_damaged_cache_file_is_not_used() {
        let dir = tempfile::tempdir().unwrap();
        let cache = DiskCache {
            dir: dir.path().to_path_buf(),
        };
        cache.put(1, Kind::WebP, b"RIFF....WEBP");
        assert_eq!(
            cache.get(1, Kind::WebP).as_deref(),
            Some(&b"RIFF....WEBP"[..])
        );
        let path = cache.path(1, Kind::WebP);
        let mut bytes = std::fs::read(&path).unwrap();
        bytes[0] ^= 1;
        std::fs::write(&path, &bytes).unwrap();
        assert_eq!(cache.get(1, Kind::WebP), None);
        std::fs::write(&path, b"short").unwrap();
        assert_eq!(cache.get(1, Kind::WebP), None);
    }

    #[test]
    fn keys_differ_by_photo_width_and_kind() {
        let variants = super::super::variants("/static/a.jpg", &probe());
        let keys: std::collections::HashSet<u128> =
            variants.iter().map(|v| key(&probe(), v)).collect();
        assert_eq!(keys.len(), variants.len());
        let other = Probe { hash: 8, ..probe() };
        assert_ne!(key(&probe(), &variants[0]), key(&other, &variants[0]));
    }

    #[test]
    fn pixels_are_scaled_and_encoded() {
        let image = DynamicImage::ImageRgb8(image::RgbImage::from_fn(64, 48, |x, y| {
            image::Rgb([x as u8 * 4, y as u8 * 5, 128])
        }));
        let pixels = Pixels::of(image).resize(32, 24);
        assert_eq!(
            (pixels.width, pixels.height, pixels.bytes.len()),
            (32, 24, 32 * 24 * 3)
        );
        let webp = pixels.encode(Kind::WebP).unwrap();
        assert_eq!(&webp[8..12], b"WEBP");
        let jpeg = pixels.encode(Kind::Fallback(Fallback::Jpeg)).unwrap();
        assert_eq!(&jpeg[..2], [0xFF, 0xD8]);
        let decoded = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((decoded.width(), decoded.height()), (32, 24));
    }
}

//! Link resolution for Markdown: what internal links may point at, how a link target written
//! in a document becomes the `href` to write (checked, and with the site's base path), and
//! the type and size shown in the text of links to downloadable files, with a warning for a
//! file so large that a visitor on a phone should know before following the link.
//!
//! Model stage, like its parent: [`crate::site`] resolves with it the links written in
//! Markdown (through [`super::render`] and [`super::render_inline`]) and the link fields of
//! front matter; [`crate::render`] only asks it for the labels of downloads.
//!
//! Safety policy: links and images may only use `http`, `https`, `mailto` and `tel` or point
//! into the site; anything else (`javascript:` and friends) is an error.

use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use crate::content::front_matter::closest;
use crate::diagnostics::Code;

/// What internal links may point at.
#[derive(Debug, Default)]
pub struct LinkTargets {
    /// The path the site is served under, `/` or e.g. `/gka/`.
    pub base_path: String,
    /// Every site path of a page or file, e.g. `/interventies/x/`, `/static/agenda.pdf`.
    pub pages: HashSet<String>,
    /// Content path (`interventies/x.md`) → site path.
    pub by_source: HashMap<String, String>,
    /// Site paths of drafts left out of this build.
    pub drafts: HashSet<String>,
    /// Site path of every published static file (`/static/agenda.pdf`) → its size in bytes.
    pub files: HashMap<String, u64>,
    /// The ids the templates give elements (`inhoud` on `<main>`), sorted: a heading never
    /// gets one of them, so every id on a page stays unique.
    pub template_ids: Vec<String>,
    /// The photos among the files, which a body shows as responsive images.
    pub photos: Arc<crate::images::Photos>,
    /// From how many bytes a link to a file says it is a large file (`downloads:` in
    /// `site.yaml`); `None` never says so.
    pub heavy_from: Option<u64>,
}

impl LinkTargets {
    /// A fingerprint of the targets: within one run, equal values resolve every link alike.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        fn sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
            let mut items: Vec<T> = items.collect();
            items.sort_unstable();
            items
        }
        let mut hasher = std::hash::DefaultHasher::new();
        self.base_path.hash(&mut hasher);
        sorted(self.pages.iter()).hash(&mut hasher);
        sorted(self.by_source.iter()).hash(&mut hasher);
        sorted(self.drafts.iter()).hash(&mut hasher);
        sorted(self.files.iter()).hash(&mut hasher);
        self.template_ids.hash(&mut hasher);
        self.photos.hash_into(&mut hasher);
        self.heavy_from.hash(&mut hasher);
        hasher.finish()
    }
}

/// A resolved link target.
#[derive(Debug, PartialEq, Eq)]
pub struct Resolved {
    /// What to write in `href`.
    pub href: String,
    /// For a link into the site: the target's site path, and the `#fragment` if any.
    pub internal: Option<(String, Option<String>)>,
}

impl Resolved {
    fn external(href: &str) -> Resolved {
        Resolved {
            href: href.to_string(),
            internal: None,
        }
    }
}

/// Why a link cannot be resolved.
#[derive(Debug)]
pub struct Problem {
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, to follow "the link to '…'" (`link-naar` in the catalogue).
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn problem(code: Code, message: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem {
        code,
        message: message.into(),
        hint: hint.into(),
    }
}

/// Checks a link target written in the file at `content_path` (relative to `content/`)
/// for the page at `page_url`, and turns it into the `href` to write.
pub fn resolve(
    dest: &str,
    content_path: &str,
    page_url: &str,
    links: &LinkTargets,
) -> Result<Resolved, Problem> {
    let dest = dest.trim();
    if dest.is_empty() {
        return Err(problem(
            Code::UnsafeLink,
            t!("link-leeg"),
            t!("link-leeg-hint"),
        ));
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Ok(Resolved {
            href: dest.to_string(),
            internal: Some((page_url.to_string(), Some(fragment.to_string()))),
        });
    }
    if let Some((scheme, _)) = dest
        .split_once(':')
        .filter(|(s, _)| !s.contains(['/', '?', '#']))
    {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" | "mailto" | "tel" => Ok(Resolved::external(dest)),
            _ => Err(problem(
                Code::UnsafeLink,
                t!("link-schema", scheme = scheme),
                t!("link-schema-hint"),
            )),
        };
    }
    if dest.starts_with("//") {
        return Ok(Resolved::external(dest));
    }
    let (path, suffix) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let fragment = suffix.split_once('#').map(|(_, f)| f.to_string());
    let resolved = |target: &str| Resolved {
        href: format!("{}{suffix}", join(&links.base_path, target)),
        internal: Some((target.to_string(), fragment.clone())),
    };
    let site_path = if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        normalize(path)
            .ok_or_else(|| problem(Code::BrokenLink, t!("link-buiten"), t!("link-puntjes-hint")))?
    } else if path.ends_with(".md") {
        let folder = content_path.rsplit_once('/').map_or("", |(f, _)| f);
        let file = normalize(&format!("/{folder}/{path}")).ok_or_else(|| {
            problem(
                Code::BrokenLink,
                t!("link-buiten-content"),
                t!("link-puntjes-hint"),
            )
        })?;
        let file = file.trim_start_matches('/');
        return links
            .by_source
            .get(file)
            .map(|url| resolved(url))
            .ok_or_else(|| {
                let meant = nearest(file, links.by_source.keys().map(String::as_str));
                let hint = match meant {
                    Some(meant) => t!(
                        "link-md-bedoelt",
                        file = meant,
                        address = &links.by_source[meant]
                    ),
                    None => t!("link-md-onbekend-hint"),
                };
                problem(Code::BrokenLink, t!("link-md-onbekend", file = file), hint)
            });
    } else {
        let folder = if page_url.ends_with('/') {
            page_url
        } else {
            page_url.rsplit_once('/').map_or("/", |(f, _)| f)
        };
        normalize(&format!("{folder}/{path}"))
            .ok_or_else(|| problem(Code::BrokenLink, t!("link-buiten"), t!("link-puntjes-hint")))?
    };
    let with_slash = format!("{site_path}/");
    let found = if links.pages.contains(&site_path) {
        Some(site_path.as_str())
    } else if !site_path.ends_with('/') && links.pages.contains(&with_slash) {
        Some(with_slash.as_str())
    } else {
        None
    };
    match found {
        Some(target) => Ok(resolved(target)),
        None if links.drafts.contains(&site_path) || links.drafts.contains(&with_slash) => {
            Err(problem(
                Code::LinkToDraft,
                t!("link-concept", path = &site_path),
                t!("link-concept-hint"),
            ))
        }
        None => Err(problem(
            Code::BrokenLink,
            t!("link-onbekend", path = &site_path),
            match nearest(&site_path, links.pages.iter().map(String::as_str)) {
                Some(meant) => t!("link-bedoelt", address = meant),
                None => t!("link-onbekend-hint"),
            },
        )),
    }
}

/// The path among `candidates` (site paths, or content paths such as `nieuws/x.md`) that
/// `wanted`, which names none of them, most likely meant; `None` when none is close enough.
///
/// Paths are compared ignoring case, a trailing `/` and a `.md` ending (`/Nieuws/x.md` means
/// `/nieuws/x/`). Failing that, the last segment is compared, as [`closest`] compares words:
/// first with the paths in the same folder (a typo in the name), then with every path (a
/// missing or wrong section, as `/huiswerkklas/` for `/interventies/huiswerkklas/`), where
/// the name must then belong to one path only: a name found in several sections says nothing
/// about which was meant.
fn nearest<'a>(wanted: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    fn key(path: &str) -> String {
        let path = path.trim_end_matches('/');
        path.strip_suffix(".md").unwrap_or(path).to_lowercase()
    }
    fn split(key: &str) -> (&str, &str) {
        key.rsplit_once('/').unwrap_or(("", key))
    }
    let wanted = key(wanted);
    // Sorted, so that a tie always goes the same way; the home page has no name to compare.
    let mut candidates: Vec<(String, &str)> = candidates
        .map(|path| (key(path), path))
        .filter(|(key, _)| !split(key).1.is_empty())
        .collect();
    candidates.sort_unstable();
    if let Some((_, path)) = candidates.iter().find(|(key, _)| *key == wanted) {
        return Some(path);
    }
    let (folder, name) = split(&wanted);
    if name.is_empty() {
        return None;
    }
    let named = |within: &dyn Fn(&str) -> bool| -> Option<&'a str> {
        let names = candidates
            .iter()
            .filter(|(key, _)| within(split(key).0))
            .map(|(key, _)| split(key).1);
        let meant = closest(name, names)?;
        if !alike(name, meant) {
            return None;
        }
        let mut paths = candidates
            .iter()
            .filter(|(key, _)| within(split(key).0) && split(key).1 == meant);
        match (paths.next(), paths.next()) {
            (Some((_, path)), None) => Some(*path),
            _ => None,
        }
    };
    named(&|other| other == folder).or_else(|| named(&|_| true))
}

/// How alike, letter by letter (0 to 1), a name must be to the name of a page or file to
/// be suggested as what was meant.
const SAME_NAME: f64 = 0.6;

/// Whether `meant`, which [`closest`] found for `name`, is alike enough to suggest. Jaro-Winkler
/// favours a shared beginning, so `ouderavond` is close to `ouderbetrokkenheid` by it; a link
/// names one page, so the names must also be close letter by letter, or one must be the other
/// shortened at a word (`kansrijk` for `kansrijk-in-de-wijk`).
fn alike(name: &str, meant: &str) -> bool {
    let shortened = |long: &str, short: &str| {
        long.strip_prefix(short)
            .is_some_and(|rest| rest.starts_with('-'))
    };
    strsim::normalized_damerau_levenshtein(name, meant) >= SAME_NAME
        || shortened(meant, name)
        || shortened(name, meant)
}

/// Resolves `.` and `..` in an absolute site path; `None` when it climbs above the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if path.ends_with('/') && out != "/" {
        out.push('/');
    }
    Some(out)
}

fn join(base_path: &str, site_path: &str) -> String {
    format!("{}{}", base_path.trim_end_matches('/'), site_path)
}

/// File extensions of documents a reader downloads rather than views as a page; links to them
/// get the type and size in their text.
const DOWNLOADS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "epub",
    "zip",
];

/// File extensions of images a link may point at. A browser shows them rather than saving
/// them, so their links get a type and size only when the file is large.
const IMAGES: &[&str] = &[
    "jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "tif", "tiff", "bmp", "heic",
];

/// The words in a link's text that warn of a large file. Dutch whatever language gka speaks:
/// they are part of the site, which is Dutch.
pub const LARGE_FILE: &str = "groot bestand";

/// What the text of a link to the file at `site_path` in `files` says about it: "PDF, 1,2 MB"
/// for a document; "PDF, groot bestand: 40 MB" for a document or an image of at least
/// `heavy_from` bytes, which a visitor on a phone should know before following the link;
/// `None` for anything else.
pub fn file_label(
    site_path: &str,
    files: &HashMap<String, u64>,
    heavy_from: Option<u64>,
) -> Option<String> {
    let path = without_suffix(site_path);
    let size = *files.get(path)?;
    let extension = labelled_extension(path)?;
    let kind = extension.to_ascii_uppercase();
    if heavy_from.is_some_and(|limit| size >= limit) {
        Some(format!("{kind}, {LARGE_FILE}: {}", dutch_size(size)))
    } else {
        (DOWNLOADS.contains(&extension.as_str())).then(|| format!("{kind}, {}", dutch_size(size)))
    }
}

/// The warning for the communicator about a link to the file at `site_path` whose text
/// [`file_label`] marks as a large file: what the file weighs and what to do about it.
pub fn heavy_file(site_path: &str, links: &LinkTargets) -> Option<Problem> {
    let path = without_suffix(site_path);
    let size = *links.files.get(path)?;
    let limit = links.heavy_from.filter(|limit| size >= *limit)?;
    labelled_extension(path)?;
    Some(problem(
        Code::HeavyFile,
        t!("bestand-groot", size = dutch_size(size)),
        t!("bestand-groot-hint", limit = dutch_size(limit)),
    ))
}

/// A site path without its `#fragment` or `?query`.
fn without_suffix(site_path: &str) -> &str {
    site_path.split(['#', '?']).next().unwrap_or(site_path)
}

/// The extension of the file at `path`, in lower case, when links to it can get a label: a
/// document or an image.
fn labelled_extension(path: &str) -> Option<String> {
    let (_, extension) = path.rsplit_once('/')?.1.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    (DOWNLOADS.contains(&extension.as_str()) || IMAGES.contains(&extension.as_str()))
        .then_some(extension)
}

/// A file size as Dutch readers write it: `1,2 MB`, `245 kB`, `800 bytes` (units of 1000,
/// one decimal below 10).
pub fn dutch_size(bytes: u64) -> String {
    if bytes < 1000 {
        return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
    }
    let units = ["kB", "MB", "GB", "TB"];
    // Sizes are far below 2^52 bytes, so the f64 is exact enough.
    let mut value = bytes as f64 / 1000.0;
    for (i, unit) in units.iter().enumerate() {
        let rounded = if value < 10.0 {
            (value * 10.0).round() / 10.0
        } else {
            value.round()
        };
        if rounded < 1000.0 || i == units.len() - 1 {
            return if rounded < 10.0 {
                format!("{rounded:.1} {unit}").replace('.', ",")
            } else {
                format!("{rounded:.0} {unit}")
            };
        }
        value /= 1000.0;
    }
    unreachable!("the last unit always returns")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGES: &[&str] = &[
        "/",
        "/interventies/",
        "/interventies/huiswerkklas/",
        "/interventies/taalmaatje/",
        "/nieuws/zomerschool-2025/",
        "/nieuws/open-dag/",
        "/programmalijnen/open-dag/",
        "/static/agenda.pdf",
    ];

    fn meant(wanted: &str) -> Option<&'static str> {
        nearest(wanted, PAGES.iter().copied())
    }

    #[test]
    fn near_misses_get_the_address_they_most_likely_meant() {
        let huiswerkklas = Some("/interventies/huiswerkklas/");
        // A typo in the name, in the same folder.
        assert_eq!(meant("/interventies/huiswerk-klas/"), huiswerkklas);
        assert_eq!(meant("/interventies/huiswerkklass"), huiswerkklas);
        // Case, a trailing slash or a `.md` ending.
        assert_eq!(meant("/Interventies/Huiswerkklas/"), huiswerkklas);
        assert_eq!(meant("/static/agenda.pdf/"), Some("/static/agenda.pdf"));
        assert_eq!(
            meant("/nieuws/zomerschool-2025.md"),
            Some("/nieuws/zomerschool-2025/")
        );
        // A missing or wrong section.
        assert_eq!(meant("/huiswerkklas/"), huiswerkklas);
        assert_eq!(meant("/nieuws/huiswerk-klas/"), huiswerkklas);
        // A name in two sections, or nothing alike: no guess.
        assert_eq!(meant("/open-dag/"), None);
        assert_eq!(meant("/interventies/voorleesexpress/"), None);
        // Alike in their beginning only, which is close enough for `closest` alone; but a
        // name shortened at a word is what was meant.
        let pages = [
            "/nieuws/ouderbetrokkenheid/",
            "/interventies/kansrijk-in-de-wijk/",
        ];
        assert_eq!(
            closest("ouderavond", ["ouderbetrokkenheid"].into_iter()),
            Some("ouderbetrokkenheid")
        );
        assert_eq!(nearest("/nieuws/ouderavond/", pages.into_iter()), None);
        assert_eq!(
            nearest("/interventies/kansrijk/", pages.into_iter()),
            Some("/interventies/kansrijk-in-de-wijk/")
        );
        assert_eq!(meant("/"), None);
    }

    fn site() -> LinkTargets {
        LinkTargets {
            base_path: "/".into(),
            pages: PAGES.iter().map(|p| p.to_string()).collect(),
            by_source: [
                (
                    "interventies/huiswerkklas.md",
                    "/interventies/huiswerkklas/",
                ),
                ("nieuws/zomerschool-2025.md", "/nieuws/zomerschool-2025/"),
            ]
            .map(|(file, url)| (file.to_string(), url.to_string()))
            .into(),
            ..LinkTargets::default()
        }
    }

    #[test]
    fn hints_of_broken_links_name_the_address_to_write() {
        let hint = |dest: &str| {
            resolve(dest, "agenda.md", "/agenda/", &site())
                .unwrap_err()
                .hint
        };
        assert_eq!(
            hint("/interventies/huiswerk-klas/"),
            "bedoelt u /interventies/huiswerkklas/? Dat adres bestaat wel"
        );
        assert_eq!(
            hint("zomerschool-2025.md"),
            "bedoelt u content/nieuws/zomerschool-2025.md? \
             Link dan naar het adres van die pagina: /nieuws/zomerschool-2025/"
        );
        assert_eq!(hint("/nergens/"), t!("link-onbekend-hint"));
        assert_eq!(hint("nergens.md"), t!("link-md-onbekend-hint"));
        // A relative `.md` link to a file that exists resolves to its page.
        let found = resolve(
            "../nieuws/zomerschool-2025.md",
            "agenda/x.md",
            "/agenda/x/",
            &site(),
        );
        assert_eq!(found.unwrap().href, "/nieuws/zomerschool-2025/");
    }

    #[test]
    fn links_to_large_files_say_so_and_warn() {
        let files: HashMap<String, u64> = [
            ("/static/agenda.pdf", 1_234_567),
            ("/static/scan.pdf", 40_000_000),
            ("/static/foto.JPG", 12_000_000),
            ("/static/klein.png", 300_000),
            ("/static/data.bin", 50_000_000),
        ]
        .map(|(path, size)| (path.to_string(), size))
        .into();
        let limit = Some(10_000_000);
        let label = |path: &str| file_label(path, &files, limit);
        assert_eq!(label("/static/agenda.pdf").unwrap(), "PDF, 1,2 MB");
        assert_eq!(
            label("/static/scan.pdf#pagina=3").unwrap(),
            "PDF, groot bestand: 40 MB"
        );
        assert_eq!(
            label("/static/foto.JPG").unwrap(),
            "JPG, groot bestand: 12 MB"
        );
        // A small image is shown, not downloaded: no label; nor for a file of no known kind.
        assert_eq!(label("/static/klein.png"), None);
        assert_eq!(label("/static/data.bin"), None);
        // Exactly at the limit counts; without a limit nothing is large.
        assert!(
            file_label("/static/scan.pdf", &files, Some(40_000_000))
                .is_some_and(|l| l.contains("groot"))
        );
        assert_eq!(
            file_label("/static/scan.pdf", &files, None).unwrap(),
            "PDF, 40 MB"
        );

        let links = LinkTargets {
            files,
            heavy_from: limit,
            ..LinkTargets::default()
        };
        let warning = heavy_file("/static/scan.pdf", &links).unwrap();
        assert_eq!(warning.code, Code::HeavyFile);
        assert!(warning.message.contains("40 MB"), "{}", warning.message);
        assert!(warning.hint.contains("10 MB"), "{}", warning.hint);
        for quiet in [
            "/static/agenda.pdf",
            "/static/data.bin",
            "/static/nergens.pdf",
        ] {
            assert!(heavy_file(quiet, &links).is_none(), "{quiet}");
        }
    }

    #[test]
    fn sizes_are_written_the_dutch_way() {
        assert_eq!(dutch_size(1), "1 byte");
        assert_eq!(dutch_size(999), "999 bytes");
        assert_eq!(dutch_size(1_000), "1,0 kB");
        assert_eq!(dutch_size(9_960), "10 kB");
        assert_eq!(dutch_size(245_400), "245 kB");
        assert_eq!(dutch_size(999_600), "1,0 MB");
        assert_eq!(dutch_size(1_234_567), "1,2 MB");
        assert_eq!(dutch_size(12_345_678), "12 MB");
        assert_eq!(dutch_size(3_100_000_000), "3,1 GB");
    }
}

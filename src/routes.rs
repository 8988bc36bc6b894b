//! Every address the site has: the fixed site paths, the patterns of the generated ones and
//! the rule that turns a site path into a file in the output folder.
//!
//! Kept in one place so that a page, the links to it and the check that no document claims
//! it cannot disagree. It sits below `site` and `render` and uses only `content` types.

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use serde::Serialize;

use crate::content::values::{AgeRange, Erkenningsniveau, Onderwijs};
use crate::diagnostics::Position;

/// The home page.
pub const HOME: &str = "/";
/// The agenda page (`content/agenda.md`).
pub const AGENDA: &str = "/agenda/";
/// The accessibility statement (`content/toegankelijkheid.md`).
pub const TOEGANKELIJKHEID: &str = "/toegankelijkheid/";
/// The search page.
pub const ZOEKEN: &str = "/zoeken/";
/// The index of the themes.
pub const THEMAS: &str = "/themas/";
/// The index of the age ranges.
pub const LEEFTIJDEN: &str = "/leeftijden/";
/// The index of the levels of education.
pub const ONDERWIJS: &str = "/onderwijs/";
/// The index of the recognition levels.
pub const ERKENNING: &str = "/erkenning/";
/// A national site's overview of its gemeenten.
pub const GEMEENTEN: &str = "/gemeenten/";
/// A national site's overview of every interventie of its gemeenten.
pub const LANDELIJK_INTERVENTIES: &str = "/landelijk/interventies/";
/// A national site's themes, each with the gemeenten' interventies on it.
pub const LANDELIJK_THEMAS: &str = "/landelijk/themas/";
/// The age ranges of a national site's gemeenten' interventies.
pub const LANDELIJK_LEEFTIJDEN: &str = "/landelijk/leeftijden/";
/// The levels of education of a national site's gemeenten' interventies.
pub const LANDELIJK_ONDERWIJS: &str = "/landelijk/onderwijs/";
/// The recognition levels of a national site's gemeenten' interventies.
pub const LANDELIJK_ERKENNING: &str = "/landelijk/erkenning/";
/// A national site's news and events of all its gemeenten, newest first.
pub const LANDELIJK_NIEUWS: &str = "/landelijk/nieuws/";
/// A national site's open data: its gemeenten and all their interventies, the JSON Schema of
/// that, and the interventies as CSV (`docs/open-data.md`).
pub const LANDELIJK_DATA: [&str; 3] = [
    "/data/landelijk.json",
    "/data/landelijk.schema.json",
    "/data/landelijk-interventies.csv",
];
/// The folder of static files, the theme's and `content/static/`.
pub const STATIC: &str = "/static/";
/// The page shown for an address that does not exist.
pub const NOT_FOUND: &str = "/404.html";
/// The sitemap.
pub const SITEMAP: &str = "/sitemap.xml";
/// The instructions for crawlers.
pub const ROBOTS: &str = "/robots.txt";
/// The security contact file (RFC 9116).
pub const SECURITY_TXT: &str = "/.well-known/security.txt";
/// The open data: the whole content model, its JSON Schema and the interventies as CSV
/// (`docs/open-data.md`).
pub const OPEN_DATA: [&str; 3] = [
    "/data/gka.json",
    "/data/gka.schema.json",
    "/data/interventies.csv",
];
/// The favicon: the site's icon at 16, 32 and 48 px in one ICO file, at the site's root, where
/// browsers look for it when a page names none.
pub const FAVICON: &str = "/favicon.ico";
/// The icon iOS shows for a page saved to the home screen (180 px).
pub const TOUCH_ICON: &str = "/apple-touch-icon.png";
/// The icons the web manifest lists, 192 and 512 px.
pub const MANIFEST_ICONS: [&str; 2] = ["/icon-192.png", "/icon-512.png"];
/// The web manifest: the site's name and icons for a shortcut on a phone's home screen.
pub const MANIFEST: &str = "/manifest.webmanifest";
/// Every file made from the site's logo (`render::icons`).
pub const ICONS: [&str; 5] = [
    FAVICON,
    TOUCH_ICON,
    MANIFEST_ICONS[0],
    MANIFEST_ICONS[1],
    MANIFEST,
];

/// The file name of an event's calendar file, next to its page.
const CALENDAR_FILE: &str = "evenement.ics";
/// The file name of a section's news feed, next to its list page.
const FEED_FILE: &str = "feed.xml";

/// A path on the site from its root, as pages link to it before the base path is put in
/// front: `/`, `/interventies/kansrijk/`, `/nieuws/feed.xml`. The model's documents, sections
/// and terms hold one; it is made only here, by the functions below, so that every address
/// the site has follows one rule.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct SitePath(Cow<'static, str>);

impl SitePath {
    /// One of the fixed site paths of this module (`HOME`, `AGENDA`, …).
    pub const fn fixed(path: &'static str) -> SitePath {
        SitePath(Cow::Borrowed(path))
    }

    /// The path as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::ops::Deref for SitePath {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::borrow::Borrow<str> for SitePath {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for SitePath {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for SitePath {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<str> for SitePath {
    fn eq(&self, other: &str) -> bool {
        self.0 == other
    }
}

impl PartialEq<&str> for SitePath {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl From<&SitePath> for crate::i18n::Arg {
    fn from(path: &SitePath) -> crate::i18n::Arg {
        path.as_str().into()
    }
}

impl PartialEq<String> for SitePath {
    fn eq(&self, other: &String) -> bool {
        self.0 == other.as_str()
    }
}

/// Tests spell the site paths they expect.
#[cfg(test)]
impl From<&str> for SitePath {
    fn from(path: &str) -> SitePath {
        SitePath(path.to_string().into())
    }
}

impl From<SitePath> for String {
    fn from(path: SitePath) -> String {
        path.0.into_owned()
    }
}

/// The page of a section, or of a folder's `_index.md`: `/<folder>/`.
pub fn section(folder: &str) -> SitePath {
    SitePath(format!("/{folder}/").into())
}

/// A document in a section folder: `/<folder>/<slug>/`.
pub fn document(folder: &str, slug: &str) -> SitePath {
    SitePath(format!("/{folder}/{slug}/").into())
}

/// A plain page: its folders in `content/`, then its own name, each as a slug:
/// `/<folder>/…/<slug>/` (the home page for no parts). A part that is empty leaves `//` in the
/// path, which the model reports, as `//a/` would be an address on another site.
pub fn page<'a>(parts: impl IntoIterator<Item = &'a str>) -> SitePath {
    let mut path = String::from("/");
    for part in parts {
        path.push_str(part);
        path.push('/');
    }
    SitePath(path.into())
}

/// An old address of a page (`aliassen`), as [`crate::markdown::links`] normalised it.
pub fn alias(normalised: &str) -> SitePath {
    SitePath(normalised.to_string().into())
}

/// An interventie: `/interventies/<slug>/`.
pub fn interventie(slug: &str) -> SitePath {
    document(
        crate::content::types::Kind::Interventie
            .folder()
            .expect("interventies have a folder"),
        slug,
    )
}

/// The term page of a theme: `/themas/<slug>/`.
pub fn thema(slug: &str) -> SitePath {
    SitePath(format!("{THEMAS}{slug}/").into())
}

/// The page of a national site about one gemeente: `/gemeenten/<slug>/`.
pub fn gemeente(slug: &str) -> SitePath {
    SitePath(format!("{GEMEENTEN}{slug}/").into())
}

/// The page of a term of a national facet, given the facet's index: `<facet><slug>/`.
pub fn landelijk_term(facet: &str, slug: &str) -> SitePath {
    SitePath(format!("{facet}{slug}/").into())
}

/// Page `number` of a list that is split into pages, given the list's site path: the list
/// itself for the first page, `<list>pagina/<number>/` for the others.
pub fn pagina(list: &str, number: usize) -> SitePath {
    if number <= 1 {
        SitePath(list.to_string().into())
    } else {
        SitePath(format!("{list}pagina/{number}/").into())
    }
}

/// The term page of an age range: `/leeftijden/<range>/`.
pub fn age(range: AgeRange) -> SitePath {
    SitePath(format!("{LEEFTIJDEN}{range}/").into())
}

/// The term page of a level of education: `/onderwijs/<niveau>/`.
pub fn onderwijs(niveau: Onderwijs) -> SitePath {
    SitePath(format!("{ONDERWIJS}{}/", niveau.as_str()).into())
}

/// The term page of a recognition level: `/erkenning/<niveau>/`.
pub fn erkenning(niveau: Erkenningsniveau) -> SitePath {
    SitePath(format!("{ERKENNING}{}/", niveau.as_str()).into())
}

/// A static file by its path inside the static folder: `/static/<path>`.
pub fn static_file(path: &str) -> String {
    format!("{STATIC}{path}")
}

/// The news feed of a section, given the section's site path: `<section>feed.xml`.
pub fn feed(section: &str) -> SitePath {
    SitePath(format!("{section}{FEED_FILE}").into())
}

/// The calendar file of an event, given the event's site path: `<event>evenement.ics`.
pub fn calendar(item: &str) -> SitePath {
    SitePath(format!("{item}{CALENDAR_FILE}").into())
}

/// The path in the output folder of a site path: a folder gets an `index.html`, so that a web
/// server answers `/x/` with `x/index.html`.
pub fn output_path(site_path: &str) -> String {
    let path = site_path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The site path of a path in the output folder, the inverse of [`output_path`]: only a whole
/// `index.html` names its folder (`x/index.html` → `/x/`, `xindex.html` → `/xindex.html`).
pub fn site_path(output_path: &str) -> String {
    match output_path.strip_suffix("index.html") {
        Some(folder) if folder.is_empty() || folder.ends_with('/') => format!("/{folder}"),
        _ => format!("/{output_path}"),
    }
}

/// Who asks for a file of the output: a document, a setting or gka itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Claimant {
    /// The file that asks for it, relative to the site root; `None` for a file every site
    /// has.
    pub file: Option<PathBuf>,
    /// Where in that file.
    pub position: Option<Position>,
    /// What the claim is, in a few words: "the page of content/contact.md".
    pub what: String,
}

impl Claimant {
    /// A claim of a file or setting.
    pub fn file(file: impl Into<PathBuf>, position: Option<Position>, what: String) -> Claimant {
        Claimant {
            file: Some(file.into()),
            position,
            what,
        }
    }

    /// A claim of gka's own.
    pub fn gka(what: impl Into<String>) -> Claimant {
        Claimant {
            file: None,
            position: None,
            what: what.into(),
        }
    }
}

/// The pairs of `paths` (output paths; one ending in `/` claims a whole folder) that would
/// end up as one file, as indexes with the earlier first, in order: the same path, paths
/// equal but for case (one file on Windows and macOS, and on many web servers), paths equal
/// but for repeated `/` (one file everywhere), and a file where another path needs a folder
/// of that name. Whichever is written last would win, by chance, so every clash is an
/// error rather than a rule about who wins.
pub fn clashes(paths: &[&str]) -> Vec<(usize, usize)> {
    fn key(path: &str) -> Cow<'_, str> {
        if path.contains("//") || path.chars().any(char::is_uppercase) {
            let mut key = path.to_lowercase();
            while key.contains("//") {
                key = key.replace("//", "/");
            }
            Cow::Owned(key)
        } else {
            Cow::Borrowed(path)
        }
    }
    let mut files: HashMap<Cow<str>, usize> = HashMap::with_capacity(paths.len());
    let mut folders: Vec<(Cow<str>, usize)> = Vec::new();
    let mut found = Vec::new();
    for (i, path) in paths.iter().enumerate() {
        let key = key(path);
        if key.ends_with('/') {
            folders.push((key, i));
        } else if let Some(&first) = files.get(&key) {
            found.push((first, i));
        } else {
            files.insert(key, i);
        }
    }
    for (key, &i) in &files {
        let folder_clashes = key
            .match_indices('/')
            .filter_map(|(end, _)| files.get(&key[..end]).copied());
        let in_folders = folders.iter().filter_map(|(folder, j)| {
            (key.starts_with(folder.as_ref()) || key.as_ref() == folder.trim_end_matches('/'))
                .then_some(*j)
        });
        found.extend(
            folder_clashes
                .chain(in_folders)
                .map(|j| (i.min(j), i.max(j))),
        );
    }
    found.sort_unstable();
    found.dedup();
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn patterned_paths() {
        assert_eq!(section("nieuws"), "/nieuws/");
        assert_eq!(document("addenda", "a"), "/addenda/a/");
        assert_eq!(interventie("x"), "/interventies/x/");
        assert_eq!(thema("armoede"), "/themas/armoede/");
        let range: AgeRange = "0-6".parse().unwrap();
        assert_eq!(age(range), "/leeftijden/0-6/");
        assert_eq!(
            onderwijs(Onderwijs::ALL[0]),
            format!("/onderwijs/{}/", Onderwijs::ALL[0].as_str())
        );
        assert_eq!(
            erkenning(Erkenningsniveau::ALL[0]),
            format!("/erkenning/{}/", Erkenningsniveau::ALL[0].as_str())
        );
        assert_eq!(static_file("css/a.css"), "/static/css/a.css");
        assert_eq!(feed("/nieuws/"), "/nieuws/feed.xml");
        assert_eq!(calendar("/nieuws/dag/"), "/nieuws/dag/evenement.ics");
        assert_eq!(
            landelijk_term(LANDELIJK_THEMAS, "taal"),
            "/landelijk/themas/taal/"
        );
        assert_eq!(pagina(LANDELIJK_INTERVENTIES, 1), LANDELIJK_INTERVENTIES);
        assert_eq!(
            pagina(LANDELIJK_INTERVENTIES, 3),
            "/landelijk/interventies/pagina/3/"
        );
    }

    #[test]
    fn output_paths() {
        assert_eq!(output_path(HOME), "index.html");
        assert_eq!(output_path("/interventies/x/"), "interventies/x/index.html");
        assert_eq!(output_path(NOT_FOUND), "404.html");
        assert_eq!(output_path(SECURITY_TXT), ".well-known/security.txt");
        assert_eq!(output_path(&feed("/nieuws/")), "nieuws/feed.xml");
        assert_eq!(output_path(OPEN_DATA[0]), "data/gka.json");
        assert_eq!(
            output_path(&feed(LANDELIJK_NIEUWS)),
            "landelijk/nieuws/feed.xml"
        );
        for path in [HOME, "/interventies/x/", NOT_FOUND, SITEMAP, "/xindex.html"] {
            assert_eq!(site_path(&output_path(path)), path);
        }
    }

    #[test]
    fn clashes_are_paths_that_end_up_as_one_file() {
        let paths = [
            "index.html",
            "contact/index.html",
            "CONTACT/index.html",
            "themas//index.html",
            "themas/index.html",
            "pagefind/",
            "pagefind/pagefind.js",
            "oud",
            "oud/index.html",
            "index.html",
            "nieuws/feed.xml",
        ];
        assert_eq!(
            clashes(&paths),
            vec![(0, 9), (1, 2), (3, 4), (5, 6), (7, 8)]
        );
        assert!(
            clashes(&[
                "a/index.html",
                "a/b/index.html",
                "static/a.css",
                "pagefind/"
            ])
            .is_empty()
        );
    }
}

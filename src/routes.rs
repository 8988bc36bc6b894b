//! Every address the site has: the fixed site paths, the patterns of the generated ones and
//! the rule that turns a site path into a file in the output folder.
//!
//! Kept in one place so that a page, the links to it and the check that no document claims
//! it cannot disagree. It sits below `site` and `render` and uses only `content` types.

use crate::content::values::{AgeRange, Erkenningsniveau, Onderwijs};

/// The home page.
pub const HOME: &str = "/";
/// The agenda page (`content/agenda.md`).
pub const AGENDA: &str = "/agenda/";
/// The accessibility statement (`content/toegankelijkheid.md`).
pub const TOEGANKELIJKHEID: &str = "/toegankelijkheid/";
/// The privacy page (`content/privacy.md`), linked in the footer when it exists.
pub const PRIVACY: &str = "/privacy/";
/// The contact page (`content/contact.md`), added to the menu and the home page when it exists.
pub const CONTACT: &str = "/contact/";
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

/// The file name of an event's calendar file, next to its page.
const CALENDAR_FILE: &str = "evenement.ics";
/// The file name of a section's news feed, next to its list page.
const FEED_FILE: &str = "feed.xml";

/// The page of a section, or of a folder's `_index.md`: `/<folder>/`.
pub fn section(folder: &str) -> String {
    format!("/{folder}/")
}

/// A document in a section folder: `/<folder>/<slug>/`.
pub fn document(folder: &str, slug: &str) -> String {
    format!("/{folder}/{slug}/")
}

/// An interventie: `/interventies/<slug>/`.
pub fn interventie(slug: &str) -> String {
    document("interventies", slug)
}

/// The term page of a theme: `/themas/<slug>/`.
pub fn thema(slug: &str) -> String {
    format!("{THEMAS}{slug}/")
}

/// The term page of an age range: `/leeftijden/<range>/`.
pub fn age(range: AgeRange) -> String {
    format!("{LEEFTIJDEN}{range}/")
}

/// The term page of a level of education: `/onderwijs/<niveau>/`.
pub fn onderwijs(niveau: Onderwijs) -> String {
    format!("{ONDERWIJS}{}/", niveau.as_str())
}

/// The term page of a recognition level: `/erkenning/<niveau>/`.
pub fn erkenning(niveau: Erkenningsniveau) -> String {
    format!("{ERKENNING}{}/", niveau.as_str())
}

/// A static file by its path inside the static folder: `/static/<path>`.
pub fn static_file(path: &str) -> String {
    format!("{STATIC}{path}")
}

/// The news feed of a section, given the section's site path: `<section>feed.xml`.
pub fn feed(section: &str) -> String {
    format!("{section}{FEED_FILE}")
}

/// The calendar file of an event, given the event's site path: `<event>evenement.ics`.
pub fn calendar(item: &str) -> String {
    format!("{item}{CALENDAR_FILE}")
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
    }

    #[test]
    fn output_paths() {
        assert_eq!(output_path(HOME), "index.html");
        assert_eq!(output_path("/interventies/x/"), "interventies/x/index.html");
        assert_eq!(output_path(NOT_FOUND), "404.html");
        assert_eq!(output_path(SECURITY_TXT), ".well-known/security.txt");
        assert_eq!(output_path(&feed("/nieuws/")), "nieuws/feed.xml");
        assert_eq!(output_path(OPEN_DATA[0]), "data/gka.json");
        for path in [HOME, "/interventies/x/", NOT_FOUND, SITEMAP, "/xindex.html"] {
            assert_eq!(site_path(&output_path(path)), path);
        }
    }
}

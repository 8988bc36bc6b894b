//! Site-wide settings, resolved from `site.yaml` and the command line.

use crate::content::front_matter::LineMap;
use crate::content::site_config::{Contact, SiteConfig};
use crate::content::{CONFIG_FILE, content_file};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

use super::ModelOptions;

/// Site-wide settings, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// The gemeente's name.
    pub gemeente: String,
    /// The site's title.
    pub titel: String,
    /// Language code for `lang`.
    pub taal: String,
    /// Theme folder name.
    pub thema: String,
    /// A sentence about the site.
    pub omschrijving: Option<String>,
    /// Logo path or URL, resolved.
    pub logo: Option<String>,
    /// The main menu, with resolved URLs.
    pub menu: Vec<MenuLink>,
    /// Footer contact details.
    pub contact: Option<Contact>,
    /// The absolute address of the site, ending in `/`.
    pub base_url: url::Url,
}

/// A menu entry with a resolved URL.
#[derive(Debug, Clone)]
pub struct MenuLink {
    /// Link text.
    pub titel: String,
    /// Site path (`/agenda/`) or absolute URL.
    pub url: String,
}

impl Config {
    /// The path the site lives under on its host, `/` or e.g. `/gka/`.
    pub fn base_path(&self) -> &str {
        self.base_url.path()
    }

    /// A site path (`/agenda/`) as a link that works under the base path.
    pub fn link(&self, site_path: &str) -> String {
        link(self.base_path(), site_path)
    }

    /// A site path as an absolute URL, for sitemaps, canonical links and feeds.
    pub fn absolute(&self, site_path: &str) -> String {
        let mut url = self.base_url.as_str().trim_end_matches('/').to_string();
        url.push_str(site_path);
        url
    }
}

fn link(base_path: &str, site_path: &str) -> String {
    if site_path.starts_with('/') {
        format!("{}{}", base_path.trim_end_matches('/'), site_path)
    } else {
        site_path.to_string()
    }
}

pub(super) fn resolve_config(
    raw: SiteConfig,
    lines: LineMap,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Config> {
    let file = content_file(CONFIG_FILE);
    let base_url = match (&options.base_url, &raw.base_url) {
        (Some(flag), _) => parse_base_url(flag).map_err(|problem| {
            Diagnostic::new(Code::BaseUrl, "--base-url", None, format!("'{flag}' {problem}")).with_hint("pass a full address such as https://gka.example.nl/")
        }),
        (None, Some(value)) => parse_base_url(&value.value).map_err(|problem| {
            Diagnostic::new(Code::BaseUrl, &file, lines.of(value), format!("base_url '{}' {problem}", value.value))
                .with_hint("write the full address the site is published at, e.g. https://gka.almere.nl/")
        }),
        (None, None) => Err(Diagnostic::new(Code::BaseUrl, &file, None, "base_url is missing")
            .with_hint("add `base_url: https://…/` with the address the site is published at, or pass --base-url")),
    };
    let base_url = base_url.map_err(|d| diagnostics.push(d)).ok()?;
    let menu = raw.menu.map(|items| {
        items
            .into_iter()
            .map(|item| MenuLink {
                titel: item.titel,
                url: item.url.value,
            })
            .collect()
    });
    Some(Config {
        titel: raw
            .titel
            .unwrap_or_else(|| format!("Gelijke Kansen Alliantie {}", raw.gemeente)),
        gemeente: raw.gemeente,
        taal: raw.taal,
        thema: raw.thema,
        omschrijving: raw.omschrijving,
        logo: raw.logo.map(|l| l.value),
        menu: menu.unwrap_or_default(),
        contact: raw.contact,
        base_url,
    })
}

fn parse_base_url(text: &str) -> Result<url::Url, &'static str> {
    let mut url = url::Url::parse(text.trim()).map_err(|_| "is not a valid address")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must start with https:// or http://");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("may not contain ? or #");
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base_urls_get_a_trailing_slash() {
        assert_eq!(parse_base_url("https://x.nl/gka").unwrap().path(), "/gka/");
        assert!(parse_base_url("ftp://x.nl/").is_err());
        assert!(parse_base_url("gka.nl").is_err());
    }

    #[test]
    fn links_respect_the_base_path() {
        assert_eq!(link("/gka/", "/agenda/"), "/gka/agenda/");
        assert_eq!(link("/", "/agenda/"), "/agenda/");
        assert_eq!(link("/", "https://elders.nl/"), "https://elders.nl/");
    }
}

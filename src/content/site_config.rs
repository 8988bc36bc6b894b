//! `content/site.yaml`: settings for the whole site.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// The keys of `content/site.yaml`. Unknown keys are reported by the loader, with a suggestion.
#[derive(Debug, Clone, Deserialize)]
pub struct SiteConfig {
    /// The gemeente's name, e.g. `Almere`. Required.
    pub gemeente: String,
    /// The site's title; defaults to "Gelijke Kansen Alliantie <gemeente>".
    #[serde(default)]
    pub titel: Option<String>,
    /// The address the site is published at, e.g. `https://gka.almere.nl/`.
    #[serde(default)]
    pub base_url: Option<Spanned<String>>,
    /// The site's language.
    #[serde(default = "default_taal")]
    pub taal: String,
    /// The theme folder in `themes/`.
    #[serde(default = "default_thema")]
    pub thema: String,
    /// A sentence about the site, for search engines and the home page.
    #[serde(default)]
    pub omschrijving: Option<String>,
    /// Path of the logo image, e.g. `/static/logo.svg`.
    #[serde(default)]
    pub logo: Option<Spanned<String>>,
    /// The main menu; defaults to the site's sections.
    #[serde(default)]
    pub menu: Option<Vec<MenuItem>>,
    /// Contact details shown in the footer.
    #[serde(default)]
    pub contact: Option<Contact>,
}

fn default_taal() -> String {
    "nl".into()
}

fn default_thema() -> String {
    "gka".into()
}

/// One menu entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// The link text.
    pub titel: String,
    /// Where it goes: a site path such as `/agenda/` or a full URL.
    pub url: Spanned<String>,
}

/// Contact details for the footer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// A sentence such as "Neem contact op met …".
    #[serde(default)]
    pub tekst: Option<String>,
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    pub telefoon: Option<String>,
}

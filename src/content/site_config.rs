//! `content/site.yaml`: settings for the whole site.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::Datum;

/// The keys of `content/site.yaml`. Unknown keys are reported by the loader, with a suggestion.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct SiteConfig {
    /// The gemeente's name, e.g. `Almere`. Required.
    #[schemars(description = "Naam van de gemeente, bijvoorbeeld Almere. Verplicht.")]
    pub gemeente: String,
    /// The site's title; defaults to "Gelijke Kansen Alliantie <gemeente>".
    #[serde(default)]
    #[schemars(description = "Naam van de site.")]
    pub titel: Option<String>,
    /// The address the site is published at, e.g. `https://gka.almere.nl/`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(
        description = "Het volledige adres van de site, bijvoorbeeld https://gka.almere.nl/."
    )]
    pub base_url: Option<Spanned<String>>,
    /// The site's language.
    #[serde(default = "default_taal")]
    #[schemars(description = "Taalcode, meestal nl.")]
    pub taal: String,
    /// The theme folder in `themes/`.
    #[serde(default = "default_thema")]
    #[schemars(description = "De vormgeving van de site: een map in themes/. Standaard gka.")]
    pub thema: String,
    /// A sentence about the site, for search engines and the home page.
    #[serde(default)]
    #[schemars(description = "Korte omschrijving van de site (één zin).")]
    pub omschrijving: Option<String>,
    /// Path of the logo image, e.g. `/static/logo.svg`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(
        description = "Het logo, bijvoorbeeld /static/logo.svg (een bestand in content/static/)."
    )]
    pub logo: Option<Spanned<String>>,
    /// The main menu; defaults to the site's sections.
    #[serde(default)]
    #[schemars(description = "Het hoofdmenu. Elk item heeft titel (de tekst) en url (het adres).")]
    pub menu: Option<Vec<MenuItem>>,
    /// Contact details shown in the footer.
    #[serde(default)]
    #[schemars(description = "Contactgegevens onderaan elke pagina: tekst, email en telefoon.")]
    pub contact: Option<Contact>,
    /// The gemeente's own look: an NL Design System theme stylesheet and its class.
    #[serde(default)]
    #[schemars(
        description = "De huisstijl van de gemeente: css (een stylesheet in content/static/) en klasse."
    )]
    pub huisstijl: Option<Huisstijl>,
    /// The site's entry in the register of accessibility statements, shown as a label in the
    /// footer.
    #[serde(default)]
    #[schemars(
        description = "De toegankelijkheidsverklaring in het register: register (het adres) en status."
    )]
    pub toegankelijkheid: Option<Toegankelijkheidslabel>,
    /// Who to tell about a security problem; publishes `/.well-known/security.txt`.
    #[serde(default, alias = "security")]
    #[schemars(
        description = "Waar iemand een beveiligingsprobleem meldt: contact, verloopt en beleid."
    )]
    pub beveiliging: Option<Beveiliging>,
}

fn default_taal() -> String {
    "nl".into()
}

fn default_thema() -> String {
    "gka".into()
}

/// One menu entry.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MenuItem {
    /// The link text.
    #[schemars(description = "De tekst in het menu.")]
    pub titel: String,
    /// Where it goes: a site path such as `/agenda/` or a full URL.
    #[schemars(with = "String")]
    #[schemars(description = "Het adres, bijvoorbeeld /agenda/.")]
    pub url: Spanned<String>,
}

/// Contact details for the footer.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
    /// A sentence such as "Neem contact op met …".
    #[serde(default)]
    #[schemars(description = "Een korte tekst boven de contactgegevens.")]
    pub tekst: Option<String>,
    /// E-mail address.
    #[serde(default)]
    #[schemars(description = "Het e-mailadres.")]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    #[schemars(description = "Het telefoonnummer.")]
    pub telefoon: Option<String>,
}

/// A gemeente's house style the NL Design System way: the theme stylesheet its token package
/// provides, and the class that switches it on.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Huisstijl {
    /// A stylesheet of this site, e.g. `/static/huisstijl.css`, linked after the theme's CSS.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(description = "Een stylesheet met de huisstijl, in content/static/.")]
    pub css: Option<Spanned<String>>,
    /// One or more class names set on `<html>`, e.g. `voorbeeld-theme`.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(description = "De naam van het thema van de huisstijl.")]
    pub klasse: Option<Spanned<String>>,
}

/// The site's accessibility statement in the public register.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Toegankelijkheidslabel {
    /// The statement's address in the register, `https://…`.
    #[schemars(with = "String")]
    #[schemars(description = "Het adres van de verklaring in het register.")]
    pub register: Spanned<String>,
    /// The status the register gives the statement.
    #[schemars(
        description = "De status in het register: voldoet, voldoet-gedeeltelijk, eerste-maatregelen of geen-maatregelen."
    )]
    pub status: Nalevingsstatus,
}

/// How far a site meets the accessibility requirements: the register's statuses A to D.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
pub enum Nalevingsstatus {
    /// A: meets all requirements.
    #[serde(rename = "voldoet", alias = "A")]
    Voldoet,
    /// B: meets part of the requirements.
    #[serde(rename = "voldoet-gedeeltelijk", alias = "B")]
    VoldoetGedeeltelijk,
    /// C: first measures taken.
    #[serde(rename = "eerste-maatregelen", alias = "C")]
    EersteMaatregelen,
    /// D: no measures taken.
    #[serde(rename = "geen-maatregelen", alias = "D")]
    GeenMaatregelen,
}

impl Nalevingsstatus {
    /// The register's letter for the status.
    pub fn letter(self) -> &'static str {
        match self {
            Nalevingsstatus::Voldoet => "A",
            Nalevingsstatus::VoldoetGedeeltelijk => "B",
            Nalevingsstatus::EersteMaatregelen => "C",
            Nalevingsstatus::GeenMaatregelen => "D",
        }
    }

    /// The register's wording of the status.
    pub fn tekst(self) -> &'static str {
        match self {
            Nalevingsstatus::Voldoet => "Voldoet volledig",
            Nalevingsstatus::VoldoetGedeeltelijk => "Voldoet gedeeltelijk",
            Nalevingsstatus::EersteMaatregelen => "Eerste maatregelen genomen",
            Nalevingsstatus::GeenMaatregelen => "Geen maatregelen genomen",
        }
    }
}

/// A security contact, published as `/.well-known/security.txt` (RFC 9116).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Beveiliging {
    /// Where to report a problem: `mailto:`, `https://` or `tel:` addresses, one or a list.
    #[schemars(
        description = "Een adres dat begint met mailto:, https:// of tel:, of een lijst daarvan."
    )]
    pub contact: OneOrMore,
    /// The last day the file is valid; defaults to 364 days after the build.
    #[serde(default, alias = "expires")]
    #[schemars(with = "Option<Datum>")]
    #[schemars(description = "Tot wanneer de gegevens gelden. Schrijf: JJJJ-MM-DD.")]
    pub verloopt: Option<Spanned<Datum>>,
    /// The gemeente's policy for reporting vulnerabilities, `https://…`.
    #[serde(default, alias = "policy")]
    #[schemars(with = "Option<String>")]
    #[schemars(
        description = "Het beleid van de gemeente voor het melden van kwetsbaarheden (https://...)."
    )]
    pub beleid: Option<Spanned<String>>,
}

/// One address or a list of them.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum OneOrMore {
    /// A single address.
    #[schemars(with = "String")]
    One(Spanned<String>),
    /// A list of addresses.
    #[schemars(with = "Vec<String>")]
    More(Vec<Spanned<String>>),
}

impl OneOrMore {
    /// The addresses, in the order written.
    pub fn items(&self) -> &[Spanned<String>] {
        match self {
            OneOrMore::One(one) => std::slice::from_ref(one),
            OneOrMore::More(more) => more,
        }
    }
}

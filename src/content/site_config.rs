//! `content/site.yaml`: settings for the whole site.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::Datum;

/// The keys of `content/site.yaml`. Unknown keys are reported by the loader, with a suggestion.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[schemars(description = "De instellingen van de hele site.")]
pub struct SiteConfig {
    /// The gemeente's name as it is written, e.g. `'s-Hertogenbosch`. Required.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(
        description = "De naam van de gemeente zoals die geschreven wordt, bijvoorbeeld 's-Hertogenbosch.",
        regex(pattern = r"\S")
    )]
    pub gemeente: String,
    /// The site's title; defaults to `Gelijke Kansen Alliantie <gemeente>`.
    #[serde(default)]
    #[schemars(
        description = "De naam van de site. Standaard is dat Gelijke Kansen Alliantie met de naam van de gemeente."
    )]
    pub titel: Option<String>,
    /// The address the site is published at, e.g. `https://gka.gemeente.nl/`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        title = "Adres van de site",
        description = "Het volledige adres waar de site komt te staan, bijvoorbeeld https://gka.gemeente.nl/."
    )]
    pub base_url: Option<Spanned<String>>,
    /// The site's language: a language code such as `nl`.
    #[serde(
        default = "default_taal",
        deserialize_with = "super::values::language_tag"
    )]
    #[schemars(
        description = "De taalcode, meestal nl.",
        regex(pattern = r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
    )]
    pub taal: String,
    /// The theme folder in `themes/`.
    #[serde(default = "default_thema")]
    #[schemars(
        with = "String",
        description = "De vormgeving van de site: een map in themes/. Standaard is dat gka."
    )]
    pub thema: Spanned<String>,
    /// A sentence about the site, for search engines and the home page.
    #[serde(default)]
    #[schemars(description = "Een korte omschrijving van de site, in één zin.")]
    pub omschrijving: Option<String>,
    /// Path of the logo image, e.g. `/static/logo.svg`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Het logo, bijvoorbeeld /static/logo.svg (een bestand in content/static/)."
    )]
    pub logo: Option<Spanned<String>>,
    /// The main menu; defaults to the site's sections.
    #[serde(default)]
    #[schemars(
        description = "Het hoofdmenu. Zonder menu toont de site de onderdelen van de site."
    )]
    pub menu: Option<Vec<MenuItem>>,
    /// Contact details shown in the footer.
    #[serde(default)]
    #[schemars(description = "De contactgegevens onderaan elke pagina.")]
    pub contact: Option<Contact>,
    /// The gemeente's own look: an NL Design System theme stylesheet and its class.
    #[serde(default)]
    #[schemars(
        description = "De huisstijl van de gemeente: een stylesheet en de naam van het thema."
    )]
    pub huisstijl: Option<Huisstijl>,
    /// The site's entry in the register of accessibility statements, shown as a label in the
    /// footer.
    #[serde(default)]
    #[schemars(
        description = "Uw toegankelijkheidsverklaring in het register. Onderaan elke pagina staat dan de status."
    )]
    pub toegankelijkheid: Option<Toegankelijkheidslabel>,
    /// Who to tell about a security problem; publishes `/.well-known/security.txt`.
    #[serde(default, alias = "security")]
    #[schemars(
        description = "Waar iemand een beveiligingsprobleem in de site meldt. Dit komt in /.well-known/security.txt."
    )]
    pub beveiliging: Option<Beveiliging>,
    /// What gka does with the photos the bodies show.
    #[serde(default)]
    #[schemars(
        description = "Wat gka doet met de foto's op de pagina's. gka maakt ze kleiner en haalt de gegevens eruit, zoals de plek waar de foto is gemaakt."
    )]
    pub afbeeldingen: Option<Afbeeldingen>,
    /// From what size a link to a file warns the visitor that it is a large download.
    #[serde(default)]
    #[schemars(
        description = "Vanaf welke grootte een link naar een bestand (een document of een afbeelding) de bezoeker waarschuwt dat het een groot bestand is. Standaard vanaf 10 MB."
    )]
    pub downloads: Option<Downloads>,
    /// A national site's sources: the gemeenten whose content it shows (see `gka bronnen`).
    #[serde(default)]
    #[schemars(
        description = "Alleen voor een landelijke site: de gemeenten waarvan de site de teksten toont. Per gemeente het adres van haar gka.json, of een map met haar site."
    )]
    pub bronnen: Option<Vec<Bron>>,
}

/// Settings of the links to files.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Instellingen voor links naar bestanden.")]
pub struct Downloads {
    /// The size from which a link to a file says it is a large file, e.g. `10 MB`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Vanaf deze grootte staat bij een link naar een bestand dat het een groot bestand is, bijvoorbeeld 10 MB of 500 kB. Standaard 10 MB.",
        regex(pattern = r"^\s*[0-9]+([.,][0-9]+)?\s*([bB]|[bB]ytes?|[kKmMgG][bB])\s*$")
    )]
    pub waarschuwing_vanaf: Option<Spanned<String>>,
}

/// One gemeente a national site reads: the address of its published `/data/gka.json`, or a
/// folder with its site.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Een gemeente waarvan de landelijke site de teksten toont.")]
pub struct Bron {
    /// The gemeente's name as it is written.
    #[schemars(
        with = "String",
        regex(pattern = r"\S"),
        description = "De naam van de gemeente zoals die geschreven wordt."
    )]
    pub gemeente: Spanned<String>,
    /// The address of the gemeente's published `gka.json`, `https://…/data/gka.json`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Het adres van de open data van de gemeente: https://…/data/gka.json. gka bronnen haalt het op."
    )]
    pub adres: Option<Spanned<String>>,
    /// A folder holding the gemeente's site (its `content/`), relative to this site's folder,
    /// e.g. a git submodule.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Een map met de site van de gemeente (met content/ erin), vanaf de map van deze site. Bijvoorbeeld een git-submodule."
    )]
    pub map: Option<Spanned<String>>,
}

/// Settings of the photos the bodies show.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Instellingen voor de foto's op de pagina's.")]
pub struct Afbeeldingen {
    /// Publish the original files too, metadata included; by default only the scaled
    /// versions gka makes are published.
    #[serde(default)]
    #[schemars(
        description = "Zet ook de originele fotobestanden op de site, met alle gegevens die erin staan (zoals de plek waar de foto is gemaakt). Standaard niet: dan staan alleen de verkleinde versies op de site."
    )]
    pub originelen: bool,
}

fn default_taal() -> String {
    "nl".into()
}

/// `gka`, written nowhere: a theme that does not exist is then reported without a line.
fn default_thema() -> Spanned<String> {
    let nowhere = serde_saphyr::Location::UNKNOWN;
    Spanned::new("gka".into(), nowhere, nowhere)
}

/// One menu entry.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Eén link in het menu.")]
pub struct MenuItem {
    /// The link text.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(regex(pattern = r"\S"), description = "De tekst van de link.")]
    pub titel: String,
    /// Where it goes: a site path such as `/agenda/` or a full URL.
    #[schemars(
        with = "String",
        description = "Waar de link naartoe gaat: een pagina van de site, zoals /agenda/, of een volledig webadres."
    )]
    pub url: Spanned<String>,
}

/// Contact details for the footer.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Contactgegevens.")]
pub struct Contact {
    /// A sentence such as "Neem contact op met …".
    #[serde(default)]
    #[schemars(description = "Een zin zoals: Heeft u een vraag? Neem contact met ons op.")]
    pub tekst: Option<String>,
    /// E-mail address.
    #[serde(default)]
    #[schemars(title = "E-mailadres", description = "Het e-mailadres.")]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    #[schemars(description = "Het telefoonnummer, zoals het op de site moet staan.")]
    pub telefoon: Option<String>,
}

/// A gemeente's house style the NL Design System way: the theme stylesheet its token package
/// provides, and the class that switches it on.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "De huisstijl van de gemeente (NL Design System).")]
pub struct Huisstijl {
    /// A stylesheet of this site, e.g. `/static/huisstijl.css`, linked after the theme's CSS.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        title = "Stylesheet",
        description = "Het CSS-bestand van de huisstijl in content/static/, bijvoorbeeld /static/huisstijl.css."
    )]
    pub css: Option<Spanned<String>>,
    /// One or more class names set on `<html>`, e.g. `voorbeeld-theme`.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "De naam (klasse) van het thema, bijvoorbeeld voorbeeld-theme."
    )]
    pub klasse: Option<Spanned<String>>,
}

/// The site's accessibility statement in the public register.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Uw toegankelijkheidsverklaring in het register.")]
pub struct Toegankelijkheidslabel {
    /// The statement's address in the register, `https://…`.
    #[schemars(
        with = "String",
        description = "Het adres van uw verklaring in het register (https://…)."
    )]
    pub register: Spanned<String>,
    /// The status the register gives the statement.
    #[schemars(description = "De status die het register geeft.")]
    pub status: Nalevingsstatus,
}

/// How far a site meets the accessibility requirements: the register's statuses A to D.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[schemars(
    description = "Hoe goed de site voldoet aan de eisen voor toegankelijkheid (A tot en met D)."
)]
pub enum Nalevingsstatus {
    /// A: meets all requirements.
    #[serde(rename = "voldoet", alias = "A")]
    #[schemars(description = "A: voldoet volledig.")]
    Voldoet,
    /// B: meets part of the requirements.
    #[serde(rename = "voldoet-gedeeltelijk", alias = "B")]
    #[schemars(description = "B: voldoet gedeeltelijk.")]
    VoldoetGedeeltelijk,
    /// C: first measures taken.
    #[serde(rename = "eerste-maatregelen", alias = "C")]
    #[schemars(description = "C: eerste maatregelen genomen.")]
    EersteMaatregelen,
    /// D: no measures taken.
    #[serde(rename = "geen-maatregelen", alias = "D")]
    #[schemars(description = "D: geen maatregelen genomen.")]
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
#[schemars(description = "Waar iemand een beveiligingsprobleem meldt.")]
pub struct Beveiliging {
    /// Where to report a problem: `mailto:`, `https://` or `tel:` addresses, one or a list.
    #[schemars(
        description = "Een adres dat begint met mailto:, https:// of tel:. Meer adressen mag ook, als lijst."
    )]
    pub contact: OneOrMore,
    /// The last day the file is valid; defaults to 364 days after the build.
    #[serde(default, alias = "expires")]
    #[schemars(
        with = "Option<Datum>",
        description = "Tot wanneer de gegevens gelden. Standaard is dat 364 dagen na het bouwen van de site."
    )]
    pub verloopt: Option<Spanned<Datum>>,
    /// The gemeente's policy for reporting vulnerabilities, `https://…`.
    #[serde(default, alias = "policy")]
    #[schemars(
        with = "Option<String>",
        description = "Het beleid van de gemeente voor het melden van kwetsbaarheden (https://…)."
    )]
    pub beleid: Option<Spanned<String>>,
}

/// One address or a list of them.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum OneOrMore {
    /// A single address.
    #[schemars(with = "String", description = "Eén adres.")]
    One(Spanned<String>),
    /// A list of addresses.
    #[schemars(with = "Vec<String>", description = "Een lijst van adressen.")]
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

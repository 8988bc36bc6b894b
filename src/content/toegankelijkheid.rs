//! `content/toegankelijkheid.md`: the accessibility statement every Dutch government site must
//! publish, at `/toegankelijkheid/`. Its keys are the statement's required parts: the standard,
//! how and when the site was tested, and where to report a problem.

use serde::Deserialize;
use serde_saphyr::Spanned;

/// The statement's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Toegankelijkheid {
    /// The standard the site is built to; defaults to [`STANDAARD`].
    #[serde(default)]
    #[schemars(
        description = "De standaard waaraan de site voldoet. Standaard is dat WCAG 2.1 niveau AA."
    )]
    pub standaard: Option<String>,
    /// How and when the site was tested. At least one.
    #[serde(default)]
    #[schemars(description = "Hoe en wanneer de site is onderzocht. Minstens één onderzoek.")]
    pub onderzoeken: Vec<Onderzoek>,
    /// Where visitors report an accessibility problem; defaults to the site's contact.
    #[serde(default)]
    #[schemars(
        description = "Waar iemand een probleem meldt. Zonder dit gebruikt de site het contact uit site.yaml."
    )]
    pub contact: Option<Melden>,
}

/// The standard Dutch government sites must meet (Besluit digitale toegankelijkheid overheid).
pub const STANDAARD: &str = "WCAG 2.1 niveau AA";

/// One test of the site.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Eén onderzoek van de site.")]
pub struct Onderzoek {
    /// Who or what tested, e.g. `Nu Html Checker (automatisch)`.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(
        regex(pattern = r"\S"),
        description = "Wie of wat de site heeft onderzocht, bijvoorbeeld Nu Html Checker (automatisch)."
    )]
    pub door: String,
    /// What was tested and how.
    #[serde(default)]
    #[schemars(description = "Wat is onderzocht, en hoe.")]
    pub methode: Option<String>,
    /// When, in words (`bij elke wijziging van de site`) or as a date.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(
        regex(pattern = r"\S"),
        description = "Wanneer: een datum, of bijvoorbeeld bij elke wijziging van de site."
    )]
    pub wanneer: String,
    /// A link to the report.
    #[serde(default)]
    #[schemars(with = "Option<String>", description = "Een link naar het rapport.")]
    pub rapport: Option<Spanned<String>>,
}

/// Ways to report an accessibility problem.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Manieren om een probleem te melden. Eén manier is genoeg.")]
pub struct Melden {
    /// E-mail address.
    #[serde(default)]
    #[schemars(title = "E-mailadres", description = "Het e-mailadres.")]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    #[schemars(description = "Het telefoonnummer, zoals het op de site moet staan.")]
    pub telefoon: Option<String>,
    /// A page or form for it: a page of this site (`/contact/`) or a full address.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Een pagina of formulier om te melden: een pagina van de site, zoals /contact/, of een volledig webadres."
    )]
    pub pagina: Option<Spanned<String>>,
}

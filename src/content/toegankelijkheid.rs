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
        description = "De standaard waaraan de site voldoet. Standaard: WCAG 2.1 niveau AA."
    )]
    pub standaard: Option<String>,
    /// How and when the site was tested. At least one.
    #[serde(default)]
    #[schemars(
        description = "Hoe en wanneer de site is onderzocht: door, wanneer, en eventueel methode en rapport."
    )]
    pub onderzoeken: Vec<Onderzoek>,
    /// Where visitors report an accessibility problem; defaults to the site's contact.
    #[serde(default)]
    #[schemars(
        description = "Waar iemand een probleem met de toegankelijkheid meldt: email, telefoon en/of pagina."
    )]
    pub contact: Option<Melden>,
}

/// The standard Dutch government sites must meet (Besluit digitale toegankelijkheid overheid).
pub const STANDAARD: &str = "WCAG 2.1 niveau AA";

/// One test of the site.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Onderzoek {
    /// Who or what tested, e.g. `Nu Html Checker (automatisch)`.
    #[schemars(description = "Wie of wat de site onderzocht.")]
    pub door: String,
    /// What was tested and how.
    #[serde(default)]
    #[schemars(description = "Wat en hoe er is onderzocht.")]
    pub methode: Option<String>,
    /// When, in words (`bij elke wijziging van de site`) or as a date.
    #[schemars(description = "Een datum, of bijvoorbeeld \"Bij elke wijziging van de site\".")]
    pub wanneer: String,
    /// A link to the report.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(description = "Link naar het rapport van het onderzoek.")]
    pub rapport: Option<Spanned<String>>,
}

/// Ways to report an accessibility problem.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Melden {
    /// E-mail address.
    #[serde(default)]
    #[schemars(description = "Het e-mailadres om een probleem te melden.")]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    #[schemars(description = "Het telefoonnummer om een probleem te melden.")]
    pub telefoon: Option<String>,
    /// A page or form for it: a page of this site (`/contact/`) or a full address.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    #[schemars(description = "Een pagina om een probleem te melden, bijvoorbeeld /contact/.")]
    pub pagina: Option<Spanned<String>>,
}

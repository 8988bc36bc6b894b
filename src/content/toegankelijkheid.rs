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
    pub standaard: Option<String>,
    /// How and when the site was tested. At least one.
    #[serde(default)]
    pub onderzoeken: Vec<Onderzoek>,
    /// Where visitors report an accessibility problem; defaults to the site's contact.
    #[serde(default)]
    pub contact: Option<Melden>,
}

/// The standard Dutch government sites must meet (Besluit digitale toegankelijkheid overheid).
pub const STANDAARD: &str = "WCAG 2.1 niveau AA";

/// One test of the site.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Onderzoek {
    /// Who or what tested, e.g. `Nu Html Checker (automatisch)`.
    pub door: String,
    /// What was tested and how.
    #[serde(default)]
    pub methode: Option<String>,
    /// When, in words (`bij elke wijziging van de site`) or as a date.
    pub wanneer: String,
    /// A link to the report.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub rapport: Option<Spanned<String>>,
}

/// Ways to report an accessibility problem.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Melden {
    /// E-mail address.
    #[serde(default)]
    pub email: Option<String>,
    /// Phone number as it should be shown.
    #[serde(default)]
    pub telefoon: Option<String>,
    /// A page or form for it: a page of this site (`/contact/`) or a full address.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub pagina: Option<Spanned<String>>,
}

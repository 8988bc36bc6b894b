//! `content/agenda.md`: the gemeente's GKA-Agenda, whose themes are the vocabulary that every
//! other document refers to.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{Datum, Periode};

/// The agenda's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Agenda {
    /// Who signed the agenda.
    #[serde(default)]
    #[schemars(description = "Wie de agenda heeft ondertekend: naam en functie.")]
    pub ondertekend_door: Option<Ondertekenaar>,
    /// When it was signed.
    #[serde(default)]
    #[schemars(description = "De datum waarop de agenda is ondertekend.")]
    pub ondertekend_op: Option<Datum>,
    /// The years it covers.
    #[serde(default)]
    #[schemars(description = "De jaren van de agenda, bijvoorbeeld 2020-2024.")]
    pub periode: Option<Periode>,
    /// The gemeente's themes, in the order to show them. Required.
    #[schemars(
        with = "Vec<String>",
        title = "Thema's",
        description = "De thema's van de agenda. Interventies mogen alleen thema's uit deze lijst gebruiken."
    )]
    pub themas: Vec<Spanned<String>>,
    /// Link to the signed document (a URL or a file in `content/static/`).
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Link naar de ondertekende agenda, bijvoorbeeld een pdf in content/static/."
    )]
    pub document: Option<Spanned<String>>,
}

/// A person who signed, with their role.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Wie de agenda heeft ondertekend.")]
pub struct Ondertekenaar {
    /// Name, e.g. `Roelie Bosch`.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(
        regex(pattern = r"\S"),
        description = "De naam, bijvoorbeeld A. de Vries."
    )]
    pub naam: String,
    /// Role, e.g. `Wethouder Onderwijs`.
    #[serde(deserialize_with = "super::values::non_blank")]
    #[schemars(
        regex(pattern = r"\S"),
        description = "De functie, bijvoorbeeld Wethouder Onderwijs."
    )]
    pub functie: String,
}

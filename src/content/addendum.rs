//! `content/addenda/*.md`: an addendum to the agenda that adds interventies for a period.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{Datum, Periode};

/// An addendum's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Addendum {
    /// The years it covers, e.g. `2021-2024`.
    #[serde(default)]
    #[schemars(description = "De jaren van het addendum, bijvoorbeeld 2021-2024.")]
    pub periode: Option<Periode>,
    /// When it was signed.
    #[serde(default)]
    #[schemars(description = "De datum waarop het addendum is ondertekend.")]
    pub ondertekend_op: Option<Datum>,
    /// Who signed it with the gemeente.
    #[serde(default)]
    #[schemars(description = "De partijen die het addendum hebben ondertekend.")]
    pub partners: Vec<String>,
    /// Slugs of the interventies it adds; each must exist.
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        description = "De interventies uit dit addendum. Schrijf de bestandsnaam van de interventie zonder .md."
    )]
    pub interventies: Vec<Spanned<String>>,
}

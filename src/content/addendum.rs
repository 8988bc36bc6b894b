//! `content/addenda/*.md`: an addendum to the agenda that adds interventies for a period.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{Datum, Periode};

/// An addendum's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Addendum {
    /// The years it covers, e.g. `2021-2024`.
    #[serde(default)]
    pub periode: Option<Periode>,
    /// When it was signed.
    #[serde(default)]
    pub ondertekend_op: Option<Datum>,
    /// Who signed it with the gemeente.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Slugs of the interventies it adds; each must exist.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub interventies: Vec<Spanned<String>>,
}

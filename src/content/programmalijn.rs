//! `content/programmalijnen/*.md`: one line of the gemeente's programme, with its ambitions and
//! its results per year and age range.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::AgeRange;

/// A programmalijn's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Programmalijn {
    /// Its number in the programme; unique. Spanned, so a duplicate is reported at its line.
    #[schemars(with = "u32")]
    pub nummer: Spanned<u32>,
    /// Ambitions, each a line of inline Markdown.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub ambities: Vec<Spanned<String>>,
    /// What was achieved.
    #[serde(default)]
    pub resultaten: Vec<Resultaat>,
}

/// One result: a year, the age range it concerns and what was done.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resultaat {
    /// The year of the result.
    pub jaar: u16,
    /// The age range it concerns, shown as a label.
    pub leeftijd: AgeRange,
    /// What was achieved, as inline Markdown.
    #[schemars(with = "String")]
    pub tekst: Spanned<String>,
}

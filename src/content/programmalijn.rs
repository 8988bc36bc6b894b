//! `content/programmalijnen/*.md`: one line of the gemeente's programme, with its ambitions and
//! its results per year and age range.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::AgeRange;

/// A programmalijn's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Programmalijn {
    /// Its number in the programme; unique. Spanned, so a duplicate is reported at its line.
    #[schemars(
        with = "u32",
        description = "Het nummer van de programmalijn: 1, 2, 3 enzovoort. Elk nummer mag maar één keer voorkomen."
    )]
    pub nummer: Spanned<u32>,
    /// Ambitions, each a line of inline Markdown.
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        description = "De ambities. Elke tekst mag Markdown bevatten, zoals *cursief*."
    )]
    pub ambities: Vec<Spanned<String>>,
    /// What was achieved.
    #[serde(default)]
    #[schemars(
        description = "Wat is bereikt. Elk resultaat heeft een jaar, een leeftijdsgroep en een tekst."
    )]
    pub resultaten: Vec<Resultaat>,
}

/// One result: a year, the age range it concerns and what was done.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Eén resultaat van de programmalijn.")]
pub struct Resultaat {
    /// The year of the result.
    #[schemars(description = "Het jaar van het resultaat, bijvoorbeeld 2022.")]
    pub jaar: u16,
    /// The age range it concerns, shown as a label.
    #[schemars(description = "De leeftijdsgroep, bijvoorbeeld 0-6.")]
    pub leeftijd: AgeRange,
    /// What was achieved, as inline Markdown.
    #[schemars(
        with = "String",
        description = "Wat is bereikt. De tekst mag Markdown bevatten, zoals een link."
    )]
    pub tekst: Spanned<String>,
}

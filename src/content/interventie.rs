//! `content/interventies/*.md`: one intervention of the gemeente.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{Afbeelding, AgeRange, Erkenning, Onderwijs, Status, Video};

/// An interventie's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Interventie {
    /// Themes, each one of the agenda's `themas`.
    #[serde(default)]
    #[schemars(
        with = "Vec<String>",
        title = "Thema's",
        description = "De thema's van de interventie. Schrijf elk thema precies zoals in de agenda."
    )]
    pub themas: Vec<Spanned<String>>,
    /// Age ranges it serves, e.g. `12-18`.
    #[serde(default)]
    #[schemars(description = "De leeftijdsgroepen, bijvoorbeeld 4-12 en 12-18.")]
    pub leeftijden: Vec<AgeRange>,
    /// Who it is for, in words.
    #[serde(default)]
    #[schemars(description = "Voor wie de interventie is.")]
    pub doelgroep: Option<String>,
    /// Planned, running or finished.
    #[serde(default)]
    #[schemars(description = "Hoe ver de interventie is: gepland, lopend of afgerond.")]
    pub status: Option<Status>,
    /// The year it started.
    #[serde(default)]
    #[schemars(description = "Het jaar waarin de interventie begon, bijvoorbeeld 2021.")]
    pub sinds: Option<u16>,
    /// Organisations it works with.
    #[serde(default)]
    #[schemars(description = "Organisaties die meewerken.")]
    pub partners: Vec<String>,
    /// Its own website.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "De website van de interventie."
    )]
    pub website: Option<Spanned<String>>,
    /// A photo of it.
    #[serde(default)]
    #[schemars(description = "Een foto bij de interventie.")]
    pub afbeelding: Option<Afbeelding>,
    /// A video about it.
    #[serde(default)]
    #[schemars(description = "Een video over de interventie, met een adres en een titel.")]
    pub video: Option<Video>,
    /// The levels of education it works in.
    #[serde(default)]
    #[schemars(description = "In welk onderwijs de interventie werkt.")]
    pub onderwijs: Vec<Onderwijs>,
    /// Its recognition in the NJi or RIVM database (boxed: most interventies have none).
    #[serde(default)]
    #[schemars(
        description = "De erkenning van de interventie in de databank van het NJi of het RIVM."
    )]
    pub erkenning: Option<Box<Erkenning>>,
}

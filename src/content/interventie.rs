//! `content/interventies/*.md`: one intervention of the gemeente.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::values::{AgeRange, Erkenning, Onderwijs, Status, Video};

/// An interventie's own front-matter keys.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Interventie {
    /// Themes, each one of the agenda's `themas`.
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub themas: Vec<Spanned<String>>,
    /// Age ranges it serves, e.g. `12-18`.
    #[serde(default)]
    pub leeftijden: Vec<AgeRange>,
    /// Who it is for, in words.
    #[serde(default)]
    pub doelgroep: Option<String>,
    /// Planned, running or finished.
    #[serde(default)]
    pub status: Option<Status>,
    /// The year it started.
    #[serde(default)]
    pub sinds: Option<u16>,
    /// Organisations it works with.
    #[serde(default)]
    pub partners: Vec<String>,
    /// Its own website.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    /// A video about it.
    #[serde(default)]
    pub video: Option<Video>,
    /// The levels of education it works in.
    #[serde(default)]
    pub onderwijs: Vec<Onderwijs>,
    /// Its recognition in the NJi or RIVM database (boxed: most interventies have none).
    #[serde(default)]
    pub erkenning: Option<Box<Erkenning>>,
}

//! `content/nieuws/*.md`: news items and events, newest first.

use serde::Deserialize;

use super::values::{Afbeelding, Soort};

/// A news item's own front-matter keys. Its `datum` (a common key) is required.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Nieuws {
    /// News or event.
    #[serde(default)]
    #[schemars(description = "Is het een gewoon bericht of een evenement?")]
    pub soort: Soort,
    /// Where an event takes place.
    #[serde(default)]
    #[schemars(description = "Waar het evenement is, bijvoorbeeld Online of Stadhuis.")]
    pub locatie: Option<String>,
    /// A photo with the item.
    #[serde(default)]
    #[schemars(description = "Een foto bij het bericht of evenement.")]
    pub afbeelding: Option<Afbeelding>,
}

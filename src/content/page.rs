//! Documents with few or no keys of their own: the home page, plain pages and section intros.

use serde::Deserialize;

use super::values::{Afbeelding, Video};

/// `content/index.md`: the home page.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct Home {}

/// Any other Markdown file: a plain page such as contact or an interview.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct Page {
    /// A photo with the page.
    #[serde(default)]
    #[schemars(description = "Een foto bij de pagina.")]
    pub afbeelding: Option<Afbeelding>,
    /// A video the page is about.
    #[serde(default)]
    #[schemars(description = "Een video waar de pagina over gaat, met een adres en een titel.")]
    pub video: Option<Video>,
}

/// `_index.md` in a folder: the intro of that section's overview page.
#[derive(Debug, Clone, Default, Deserialize, schemars::JsonSchema)]
pub struct SectionIntro {}

//! The parts every document shares: where it came from and the common front-matter keys.

use std::path::PathBuf;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::front_matter::LineMap;
use super::values::Datum;
use crate::diagnostics::Diagnostic;

/// Where a document came from, for diagnostics and link resolution.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path relative to the site root, e.g. `content/interventies/kansrijk.md`.
    pub path: PathBuf,
    /// Path relative to `content/`, with `/` separators, e.g. `interventies/kansrijk.md`.
    pub content_path: String,
    /// The Markdown body.
    pub body: String,
    /// The file line on which the body starts.
    pub body_line: usize,
    /// Maps front-matter positions to file positions.
    pub lines: LineMap,
    /// When the file last changed (git history, else the file's time).
    pub modified: Option<Datum>,
    /// Hashes of the file's two parts, so that `gka serve` can tell what an edit changed.
    pub digest: Digest,
    /// Warnings about how the front matter is written, such as a ` #` that cuts a text
    /// short; reported with the document, which reads despite them.
    pub warnings: Vec<Diagnostic>,
}

/// Hashes of a document's front matter and body. Equal hashes within one run of `gka` mean
/// equal text; they are not stable across versions of gka and never written anywhere.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Digest {
    /// Of the YAML between the `---` lines.
    pub front_matter: u64,
    /// Of the Markdown body.
    pub body: u64,
}

impl Digest {
    /// The digest of a document split into `front_matter` and `body`.
    pub fn of(front_matter: &str, body: &str) -> Digest {
        Digest {
            front_matter: hash_str(front_matter),
            body: hash_str(body),
        }
    }
}

fn hash_str(text: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    text.hash(&mut hasher);
    hasher.finish()
}

/// The front-matter keys every document accepts. Dutch names; the usual English names of
/// other site generators are accepted as aliases.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
pub struct Meta {
    /// Title, shown as the page's only `h1` (`titel`, also `title`). Required.
    #[serde(alias = "title", deserialize_with = "super::values::non_blank")]
    #[schemars(
        description = "De titel van de pagina. Dit is de hoofdkop.",
        regex(pattern = r"\S")
    )]
    pub titel: String,
    /// One or two sentences shown on cards and in `<meta name="description">`.
    #[serde(default, alias = "summary")]
    #[schemars(
        description = "Eén zin die zegt waar de pagina over gaat. Staat onder andere in overzichten."
    )]
    pub samenvatting: Option<String>,
    /// Publication or event date.
    #[serde(default, alias = "date")]
    #[schemars(description = "De datum van de pagina, bijvoorbeeld van een bericht of evenement.")]
    pub datum: Option<Datum>,
    /// A draft: left out of the site unless built with `--drafts`.
    #[serde(default, alias = "draft")]
    #[schemars(
        description = "Een concept komt nog niet op de site. Zet dit op true als de pagina nog niet klaar is."
    )]
    pub concept: bool,
    /// The last part of the URL; defaults to the file name.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Het laatste deel van het adres van de pagina. Standaard is dat de bestandsnaam. Gebruik kleine letters, cijfers en streepjes."
    )]
    pub slug: Option<Spanned<String>>,
    /// Ordering in lists: lower comes first.
    #[serde(default, alias = "weight")]
    #[schemars(description = "De plaats in lijsten: een lager getal komt eerder.")]
    pub volgorde: Option<i64>,
    /// Old URLs that redirect to this page.
    #[serde(default, alias = "aliases")]
    #[schemars(
        with = "Vec<String>",
        description = "Oude adressen van deze pagina. Wie een oud adres bezoekt, komt op deze pagina."
    )]
    pub aliassen: Vec<Spanned<String>>,
    /// Words people search for that the text does not use as such, e.g. `armoede` for a
    /// text about a `kwetsbare thuissituatie`: Dutch compounds (`kinderarmoede`) do not match
    /// their parts in the search index. Shown on the page, so a result never matches on
    /// hidden words.
    #[serde(default, alias = "keywords")]
    #[schemars(
        description = "Woorden waarop mensen zoeken maar die niet zo in de tekst staan. Ze staan onder de tekst en de zoekfunctie vindt de pagina erop."
    )]
    pub trefwoorden: Vec<String>,
}

/// A document of one content type: its source, its common keys and its own keys.
#[derive(Debug, Clone)]
pub struct Document<T> {
    /// The file it was read from.
    pub source: Source,
    /// The keys every document has.
    pub meta: Meta,
    /// The keys of its content type.
    pub data: T,
}

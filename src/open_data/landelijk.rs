//! A national site's open data: its gemeenten and all their interventies as
//! `/data/landelijk.json` (with its JSON Schema at `/data/landelijk.schema.json`, derived from
//! these types so it cannot drift), and the interventies as `/data/landelijk-interventies.csv`
//! for spreadsheets. See `docs/open-data.md`.
//!
//! Made from the gemeenten the site read (`render::open_data::landelijk`, borrowing their
//! texts from `Site::gemeenten`). It is an index: each interventie's fields without its body,
//! which is in the gemeente's own `gka.json`. With the bodies, the file would hold every
//! gemeente's texts once more, twice over (Markdown and HTML): at 350 gemeenten 120 MB more
//! than its 19 MB, for a reader who can fetch them where they are kept.
//!
//! A source's addresses are published only when they are web addresses (`http` or `https`,
//! see [`super::web_address`]), as on the national site's pages: what one gemeente publishes
//! cannot put a `javascript:` link into the national data.

use schemars::JsonSchema;
use serde::Serialize;

use crate::content::values::{Databank, Erkenningsniveau, Onderwijs, Status};

/// The version of the national open-data format; raised when a field changes meaning or
/// disappears.
pub const VERSION: u32 = 1;

/// A national site's open data.
#[derive(Debug, Serialize, JsonSchema)]
pub struct LandelijkData<'a> {
    /// Version of this format.
    pub versie: u32,
    /// The gemeenten whose open data the site could read, in the order of its `site.yaml`.
    pub gemeenten: Vec<GemeenteData<'a>>,
    /// Every interventie of those gemeenten: by gemeente, then as the gemeente lists them.
    pub interventies: Vec<InterventieRef<'a>>,
}

/// A gemeente of a national site.
#[derive(Debug, Serialize, JsonSchema)]
pub struct GemeenteData<'a> {
    /// Its name.
    pub naam: &'a str,
    /// Its identifier on the national site, also the last part of its page's address;
    /// `interventies[].gemeente` refers to it.
    pub slug: &'a str,
    /// The address of its own site; null when its open data gives no web address.
    pub site: Option<&'a str>,
    /// The absolute address of its page on the national site.
    pub pagina: String,
    /// Where the national site got its open data.
    pub bron: BronData<'a>,
    /// How many interventies it has.
    pub interventies: usize,
    /// How many news items and events it has.
    pub nieuws: usize,
}

/// Where a national site got a gemeente's open data.
#[derive(Debug, Serialize, JsonSchema)]
#[serde(tag = "soort", rename_all = "lowercase")]
pub enum BronData<'a> {
    /// Fetched from the gemeente's site (`gka bronnen`).
    Adres {
        /// The address of its `gka.json`.
        adres: &'a str,
    },
    /// Read from a folder with the gemeente's site, in the national site's repository.
    Map,
}

/// An interventie of a gemeente: its fields as the gemeente's `gka.json` gives them, without
/// its body.
#[derive(Debug, Serialize, JsonSchema)]
pub struct InterventieRef<'a> {
    /// The gemeente's `slug`.
    pub gemeente: &'a str,
    /// Its identifier within the gemeente's site.
    pub slug: &'a str,
    /// Title.
    pub titel: &'a str,
    /// Its page on the gemeente's site, the original; null when not a web address.
    pub url: Option<&'a str>,
    /// Summary.
    pub samenvatting: Option<&'a str>,
    /// Date, `YYYY-MM-DD`.
    pub datum: Option<&'a str>,
    /// The names of its themes, from the gemeente's agenda.
    pub themas: Vec<&'a str>,
    /// Age ranges such as `12-18`.
    pub leeftijden: &'a [String],
    /// Who it is for.
    pub doelgroep: Option<&'a str>,
    /// Planned, running or finished.
    pub status: Option<Status>,
    /// The year it started.
    pub sinds: Option<u16>,
    /// Organisations it works with.
    pub partners: &'a [String],
    /// Its website; null when not a web address.
    pub website: Option<&'a str>,
    /// The levels of education it works in.
    pub onderwijs: &'a [Onderwijs],
    /// Its recognition in the NJi or RIVM database.
    pub erkenning: Option<ErkenningRef<'a>>,
}

/// A recognition in the NJi Databank Effectieve Jeugdinterventies or RIVM's Loket Gezond Leven.
#[derive(Debug, Serialize, JsonSchema)]
pub struct ErkenningRef<'a> {
    /// The recognition level.
    pub niveau: Erkenningsniveau,
    /// The database.
    pub databank: Databank,
    /// The interventie's page in the database; null when not a web address.
    pub url: Option<&'a str>,
}

impl LandelijkData<'_> {
    /// Writes the JSON, pretty-printed like `gka.json`.
    pub fn write_json(&self, mut out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")
    }

    /// Writes the interventies as CSV, in the Dutch Excel style of
    /// [`super::interventies_csv`]: the same columns after a first one with the gemeente's name.
    pub fn interventies_csv(&self, out: &mut dyn std::io::Write) -> std::io::Result<()> {
        let names: std::collections::HashMap<&str, &str> =
            (self.gemeenten.iter()).map(|g| (g.slug, g.naam)).collect();
        let rows = self.interventies.iter().map(|i| {
            let erkenning = i.erkenning.as_ref();
            [
                names
                    .get(i.gemeente)
                    .copied()
                    .unwrap_or(i.gemeente)
                    .to_string(),
                i.slug.to_string(),
                i.titel.to_string(),
                i.url.unwrap_or_default().to_string(),
                i.samenvatting.unwrap_or_default().to_string(),
                i.themas.join("; "),
                i.leeftijden.join("; "),
                i.doelgroep.unwrap_or_default().to_string(),
                i.status.map(Status::as_str).unwrap_or_default().to_string(),
                i.sinds.map(|s| s.to_string()).unwrap_or_default(),
                i.partners.join("; "),
                i.website.unwrap_or_default().to_string(),
                (i.onderwijs.iter())
                    .map(|o| o.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                erkenning
                    .map(|e| e.niveau.as_str().to_string())
                    .unwrap_or_default(),
                erkenning
                    .map(|e| e.databank.as_str().to_string())
                    .unwrap_or_default(),
                erkenning
                    .and_then(|e| e.url)
                    .unwrap_or_default()
                    .to_string(),
            ]
        });
        let header = std::iter::once("gemeente").chain(super::INTERVENTIE_COLUMNS);
        super::spreadsheet(out, header, rows)
    }
}

/// The JSON Schema of [`LandelijkData`].
pub fn schema() -> String {
    let schema = schemars::schema_for!(LandelijkData<'static>);
    serde_json::to_string_pretty(&schema).expect("the schema serializes to JSON") + "\n"
}

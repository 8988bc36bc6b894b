//! The open data format: the whole content model of a gka site as `/data/gka.json` (with a JSON
//! Schema at `/data/gka.schema.json`, derived from these types so it cannot drift) and the
//! interventies as `/data/interventies.csv` for spreadsheets. See `docs/open-data.md`.
//!
//! A site writes it (`render::open_data::of`, borrowing its texts from the model); a national
//! site reads it back from its sources ([`OpenData::from_json`], owning them).

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::content::values::{Databank, Erkenningsniveau, Onderwijs, Soort, Status};

pub mod landelijk;

/// The version of the open-data format; raised when a field changes meaning or disappears.
pub const VERSION: u32 = 1;

/// Everything a gemeente's GKA site publishes, as data.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct OpenData<'a> {
    /// Version of this format.
    pub versie: u32,
    /// The site and its gemeente.
    pub site: SiteData,
    /// The GKA-Agenda, when the site has one.
    pub agenda: Option<AgendaData<'a>>,
    /// Addenda to the agenda.
    pub addenda: Vec<AddendumData<'a>>,
    /// Interventies.
    pub interventies: Vec<InterventieData<'a>>,
    /// The programme (the intro of the programmalijnen), when there is one.
    pub programma: Option<PageData<'a>>,
    /// Programmalijnen, by number.
    pub programmalijnen: Vec<ProgrammalijnData<'a>>,
    /// News and events, newest first.
    pub nieuws: Vec<NieuwsData<'a>>,
    /// The site's other pages (an interview, the contact page, …), by address; not the home
    /// page. Added within version 1: data of an older gka has none.
    #[serde(default)]
    pub paginas: Vec<PageData<'a>>,
}

// Borrowed from the site when written: at 10 000 pages the bodies are most of the open data,
// and copying them would double the memory. Owned when read back (a national site's sources).
/// Markdown text, both as written and as rendered HTML.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct Markdown<'a> {
    /// The Markdown source.
    pub markdown: Cow<'a, str>,
    /// The HTML it renders to, with links resolved to absolute site paths.
    pub html: Cow<'a, str>,
}

/// The site and its gemeente.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct SiteData {
    /// The gemeente's name.
    pub gemeente: String,
    /// The site's title.
    pub titel: String,
    /// The site's address.
    pub url: String,
    /// Language code.
    pub taal: String,
    /// A sentence about the site.
    pub omschrijving: Option<String>,
    /// How to reach the people behind the site, when `site.yaml` says. Added within version 1:
    /// the schema allows fields it does not name, so older readers skip it, and data without
    /// it (from an older gka) is valid too.
    pub contact: Option<ContactData>,
}

/// How to reach the people behind a site: its `contact` in `site.yaml`, as written there.
/// A reader that makes links of it checks the values first: they are the gemeente's texts.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct ContactData {
    /// A sentence such as "Neem contact op met …".
    pub tekst: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Phone number as it should be shown.
    pub telefoon: Option<String>,
}

/// A page's common fields.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct PageData<'a> {
    /// Title.
    pub titel: String,
    /// Absolute address of the page.
    pub url: String,
    /// Summary.
    pub samenvatting: Option<String>,
    /// Date, `YYYY-MM-DD`.
    pub datum: Option<String>,
    /// Search words the text itself does not use.
    pub trefwoorden: Vec<String>,
    /// The body.
    pub tekst: Markdown<'a>,
}

/// A term with its page.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct TermData {
    /// The term as written.
    pub naam: String,
    /// Absolute address of its page.
    pub url: String,
}

/// Who signed.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct SignatoryData {
    /// Name.
    pub naam: String,
    /// Role.
    pub functie: String,
}

/// The GKA-Agenda.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct AgendaData<'a> {
    /// The page.
    #[serde(flatten)]
    pub pagina: PageData<'a>,
    /// Who signed it.
    pub ondertekend_door: Option<SignatoryData>,
    /// When it was signed, `YYYY-MM-DD`.
    pub ondertekend_op: Option<String>,
    /// The years it covers, e.g. `2021-2024`.
    pub periode: Option<String>,
    /// The gemeente's themes.
    pub themas: Vec<TermData>,
    /// Link to the signed document.
    pub document: Option<String>,
}

/// An addendum.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct AddendumData<'a> {
    /// The page.
    #[serde(flatten)]
    pub pagina: PageData<'a>,
    /// The years it covers.
    pub periode: Option<String>,
    /// When it was signed, `YYYY-MM-DD`.
    pub ondertekend_op: Option<String>,
    /// Who signed it with the gemeente.
    pub partners: Vec<String>,
    /// Slugs of the interventies it adds (see `interventies[].slug`).
    pub interventies: Vec<String>,
}

/// An interventie.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct InterventieData<'a> {
    /// Its identifier within the site, also the last part of its URL.
    pub slug: String,
    /// The page.
    #[serde(flatten)]
    pub pagina: PageData<'a>,
    /// Themes, from the agenda's.
    pub themas: Vec<TermData>,
    /// Age ranges such as `12-18`.
    pub leeftijden: Vec<String>,
    /// Who it is for.
    pub doelgroep: Option<String>,
    /// Planned, running or finished.
    pub status: Option<Status>,
    /// The year it started.
    pub sinds: Option<u16>,
    /// Organisations it works with.
    pub partners: Vec<String>,
    /// Its website.
    pub website: Option<String>,
    /// A video about it.
    pub video: Option<VideoData>,
    /// The levels of education it works in.
    pub onderwijs: Vec<Onderwijs>,
    /// Its recognition in the NJi or RIVM database.
    pub erkenning: Option<ErkenningData>,
}

/// A recognition in the NJi Databank Effectieve Jeugdinterventies or RIVM's Loket Gezond Leven.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct ErkenningData {
    /// The recognition level.
    pub niveau: Erkenningsniveau,
    /// The level's name as the database writes it, e.g. `Goed onderbouwd`.
    pub niveau_naam: String,
    /// The database.
    pub databank: Databank,
    /// The interventie's page in the database.
    pub url: Option<String>,
}

/// A video link.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct VideoData {
    /// Where the video is.
    pub url: String,
    /// What it is about.
    pub titel: String,
}

/// A programmalijn.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct ProgrammalijnData<'a> {
    /// Its number in the programme.
    pub nummer: u32,
    /// The page.
    #[serde(flatten)]
    pub pagina: PageData<'a>,
    /// Ambitions.
    pub ambities: Vec<Markdown<'a>>,
    /// Results per year and age range.
    pub resultaten: Vec<ResultaatData<'a>>,
}

/// A result of a programmalijn.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct ResultaatData<'a> {
    /// The year.
    pub jaar: u16,
    /// The age range, e.g. `0-6`.
    pub leeftijd: String,
    /// What was achieved.
    pub tekst: Markdown<'a>,
}

/// A news item or event.
#[derive(Debug, Serialize, Deserialize, JsonSchema)]
pub struct NieuwsData<'a> {
    /// The page.
    #[serde(flatten)]
    pub pagina: PageData<'a>,
    /// News or event.
    pub soort: Soort,
    /// Where an event takes place.
    pub locatie: Option<String>,
}

impl OpenData<'_> {
    /// Reads open data as `gka.json` holds it, every text owned: what a national site reads
    /// of each gemeente. Fields that a newer gka adds are skipped; check the bytes with the
    /// schema first to name what is wrong ([`crate::sources::read`] does both).
    pub fn from_json(bytes: &[u8]) -> serde_json::Result<OpenData<'static>> {
        serde_json::from_slice(bytes)
    }

    /// Writes the JSON, pretty-printed so diffs between builds are readable.
    pub fn write_json(&self, mut out: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")
    }
}

/// The JSON Schema of [`OpenData`].
pub fn schema() -> String {
    let schema = schemars::schema_for!(OpenData<'static>);
    serde_json::to_string_pretty(&schema).expect("the schema serializes to JSON") + "\n"
}

/// The columns of a spreadsheet of interventies, as [`interventies_csv`] writes them.
const INTERVENTIE_COLUMNS: [&str; 15] = [
    "slug",
    "titel",
    "url",
    "samenvatting",
    "themas",
    "leeftijden",
    "doelgroep",
    "status",
    "sinds",
    "partners",
    "website",
    "onderwijs",
    "erkenning_niveau",
    "erkenning_databank",
    "erkenning_url",
];

/// Writes the interventies as CSV: one row per interventie, lists joined with `; `, as
/// [`spreadsheet`] writes it.
pub fn interventies_csv(data: &OpenData, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let rows = data.interventies.iter().map(|i| {
        [
            i.slug.clone(),
            i.pagina.titel.clone(),
            i.pagina.url.clone(),
            i.pagina.samenvatting.clone().unwrap_or_default(),
            i.themas
                .iter()
                .map(|t| t.naam.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            i.leeftijden.join("; "),
            i.doelgroep.clone().unwrap_or_default(),
            i.status.map(Status::as_str).unwrap_or_default().to_string(),
            i.sinds.map(|s| s.to_string()).unwrap_or_default(),
            i.partners.join("; "),
            i.website.clone().unwrap_or_default(),
            i.onderwijs
                .iter()
                .map(|o| o.as_str())
                .collect::<Vec<_>>()
                .join("; "),
            i.erkenning
                .as_ref()
                .map(|e| e.niveau.as_str().to_string())
                .unwrap_or_default(),
            i.erkenning
                .as_ref()
                .map(|e| e.databank.as_str().to_string())
                .unwrap_or_default(),
            i.erkenning
                .as_ref()
                .and_then(|e| e.url.clone())
                .unwrap_or_default(),
        ]
    });
    spreadsheet(out, INTERVENTIE_COLUMNS, rows)
}

/// Writes a CSV file of `header` and `rows` to `out`, every cell [`spreadsheet_safe`], row by
/// row: a national site's has every gemeente's interventies, 9 MB at 350 gemeenten.
///
/// Written the way Dutch Excel opens a file by double-click: a byte-order mark, without which
/// Excel reads UTF-8 as Windows-1252 and garbles `‘` and `…`, and `;` between fields, the
/// list separator of the Dutch regional settings; with `,` every row lands in column A.
fn spreadsheet<'h, R: IntoIterator<Item = String>>(
    mut out: &mut dyn std::io::Write,
    header: impl IntoIterator<Item = &'h str>,
    rows: impl Iterator<Item = R>,
) -> std::io::Result<()> {
    out.write_all(BYTE_ORDER_MARK.as_bytes())?;
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(&mut out);
    writer.write_record(header)?;
    for row in rows {
        writer.write_record(row.into_iter().map(spreadsheet_safe))?;
    }
    writer.flush()
}

/// An address from another site's open data when it may be a link: `http` or `https` only,
/// so that a source cannot put a `javascript:` address into a national site's pages or data.
pub fn web_address(url: &str) -> Option<&str> {
    url::Url::parse(url)
        .ok()
        .filter(|u| matches!(u.scheme(), "https" | "http"))
        .map(|_| url)
}

/// The byte-order mark that tells a spreadsheet the CSV is UTF-8.
pub const BYTE_ORDER_MARK: &str = "\u{feff}";

/// A cell that a spreadsheet shows as text: one that starts with a character that would make
/// it a formula (`=`, `+`, `-`, `@`, or a tab or line end before one) gets a `'` in front,
/// as OWASP advises against CSV injection. Spreadsheets hide the `'`; a program reading
/// the file sees it.
fn spreadsheet_safe(cell: String) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r', '\n']) {
        format!("'{cell}")
    } else {
        cell
    }
}

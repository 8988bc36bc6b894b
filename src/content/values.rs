//! Value types used in front matter: dates, periods, age ranges and the closed lists of words
//! (`status`, `soort`). Each parses itself and says in Dutch-friendly English what it expects,
//! so a wrong value is caught while reading, with its line.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, de};

/// Reads a text that must say something: empty or only spaces is refused, as it would
/// publish an empty heading, title or link (`titel: ""`, `gemeente: "  "`).
pub fn non_blank<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if text.trim().is_empty() {
        Err(de::Error::custom(t!("tekst-leeg")))
    } else {
        Ok(text)
    }
}

/// Reads a language code such as `nl`, `fy` or `nl-NL`, in the shape of a BCP 47 tag: 2 to 8
/// letters, then parts of 1 to 8 letters or digits after a `-`. It lands unescaped in
/// `security.txt`, where a line break would start a field of its own, and in every page's
/// `lang`, which must be a tag.
pub fn language_tag<'de, D: Deserializer<'de>>(deserializer: D) -> Result<String, D::Error> {
    let text = String::deserialize(deserializer)?;
    if is_language_tag(&text) {
        Ok(text)
    } else {
        Err(de::Error::custom(t!(
            "taalcode",
            text = text.escape_debug().to_string()
        )))
    }
}

/// Whether `tag` has the shape of a BCP 47 language tag (see [`language_tag`]).
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let language = parts.next().unwrap_or_default();
    (2..=8).contains(&language.len())
        && language.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Defines `Deserialize` for a type through its `FromStr`, keeping the parse error's text,
/// and its JSON Schema: a string of the form `$pattern` (a regular expression), described for
/// editors in Dutch by `$beschrijving`, which forms also show when a text does not match.
macro_rules! deserialize_from_str {
    ($ty:ty, $what:literal, $beschrijving:literal, $pattern:literal) => {
        impl schemars::JsonSchema for $ty {
            fn schema_name() -> std::borrow::Cow<'static, str> {
                stringify!($ty).into()
            }
            fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
                schemars::json_schema!({
                    "type": "string",
                    "pattern": $pattern,
                    "description": $beschrijving,
                })
            }
        }

        impl<'de> Deserialize<'de> for $ty {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct V;
                impl de::Visitor<'_> for V {
                    type Value = $ty;
                    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                        f.write_str($what)
                    }
                    fn visit_str<E: de::Error>(self, v: &str) -> Result<$ty, E> {
                        v.parse().map_err(E::custom)
                    }
                    fn visit_u64<E: de::Error>(self, v: u64) -> Result<$ty, E> {
                        self.visit_str(&v.to_string())
                    }
                    fn visit_i64<E: de::Error>(self, v: i64) -> Result<$ty, E> {
                        self.visit_str(&v.to_string())
                    }
                }
                deserializer.deserialize_any(V)
            }
        }
    };
}

/// A calendar date written as `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Datum(pub time::Date);

impl FromStr for Datum {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let format = time::macros::format_description!("[year]-[month]-[day]");
        let text = s.trim();
        time::Date::parse(text, &format).map(Datum).map_err(|_| {
            impossible_date(text)
                .or_else(|| {
                    let meant = written_the_dutch_way(text)?;
                    Some(t!("datum-vorm-bedoeld", text = text, meant = meant))
                })
                .unwrap_or_else(|| t!("datum-vorm", text = text))
        })
    }
}

/// The date `text` means when it is written as people in the Netherlands write dates,
/// `30 juni 2025` or `30-06-2025`, as `YYYY-MM-DD`; `None` for anything else.
fn written_the_dutch_way(text: &str) -> Option<String> {
    let parts: Vec<&str> = text
        .split([' ', '-', '/', '.'])
        .filter(|p| !p.is_empty())
        .collect();
    let [day, month, year] = parts.as_slice() else {
        return None;
    };
    let day: u8 = day.parse().ok()?;
    let year: i32 = year.parse().ok().filter(|y| (1000..=9999).contains(y))?;
    let month = match month.parse::<u8>() {
        Ok(number) => number,
        Err(_) => {
            let name = month.to_lowercase();
            // Also the usual abbreviations: `jan`, `feb`, `sept`.
            let index = MAANDEN
                .iter()
                .position(|m| name.len() >= 3 && m.starts_with(name.trim_end_matches('.')))?;
            u8::try_from(index + 1).ok()?
        }
    };
    let date =
        time::Date::from_calendar_date(year, time::Month::try_from(month).ok()?, day).ok()?;
    Some(format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    ))
}
deserialize_from_str!(
    Datum,
    "a date written as YYYY-MM-DD",
    "Een datum als JJJJ-MM-DD, bijvoorbeeld 2021-03-24.",
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$"
);

/// Why a date written in the right form (`2025-06-31`) does not exist: a month that is not
/// 1 to 12, or a day past the month's last. `None` when the form itself is wrong.
fn impossible_date(text: &str) -> Option<String> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some()
        || year.len() != 4
        || month.len() != 2
        || day.len() != 2
        || ![year, month, day]
            .iter()
            .all(|p| p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let (year, month, day): (i32, u8, u8) =
        (year.parse().ok()?, month.parse().ok()?, day.parse().ok()?);
    let Ok(maand) = time::Month::try_from(month) else {
        return Some(t!("datum-maand", text = text, month = u32::from(month)));
    };
    let days = maand.length(year);
    (day == 0 || day > days).then(|| {
        t!(
            "datum-dag",
            text = text,
            month = u32::from(month),
            year = i64::from(year),
            days = u32::from(days),
        )
    })
}

const MAANDEN: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

impl Datum {
    /// Today's date in UTC, or the date of `SOURCE_DATE_EPOCH` when it is set, so that a build
    /// can be reproduced byte for byte.
    pub fn today() -> Datum {
        let now = std::env::var("SOURCE_DATE_EPOCH")
            .ok()
            .and_then(|s| s.trim().parse::<i64>().ok())
            .and_then(|secs| time::OffsetDateTime::from_unix_timestamp(secs).ok())
            .unwrap_or_else(time::OffsetDateTime::now_utc);
        Datum(now.date())
    }

    /// The date as `YYYY-MM-DD`, for `datetime` attributes and machine-readable output.
    pub fn iso(self) -> String {
        let d = self.0;
        format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day())
    }

    /// The date as Dutch readers write it: `24 maart 2021`.
    pub fn dutch(self) -> String {
        let d = self.0;
        format!(
            "{} {} {}",
            d.day(),
            MAANDEN[usize::from(u8::from(d.month())) - 1],
            d.year()
        )
    }
}

/// Two whole numbers written as `a-b`, as periods and age ranges are.
fn number_pair<T: FromStr>(s: &str) -> Option<(T, T)> {
    let (a, b) = s.trim().split_once('-')?;
    Some((a.trim().parse().ok()?, b.trim().parse().ok()?))
}

/// A period of whole years such as `2021-2024`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Periode {
    /// First year.
    pub van: u16,
    /// Last year.
    pub tot: u16,
}

impl FromStr for Periode {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let err = || t!("periode-vorm", text = s);
        let (van, tot): (u16, u16) = number_pair(s).ok_or_else(err)?;
        if !(1900..=2200).contains(&van) || tot < van || tot > 2200 {
            return Err(err());
        }
        Ok(Periode { van, tot })
    }
}
deserialize_from_str!(
    Periode,
    "a period of years like 2021-2024",
    "Twee jaartallen met een streepje ertussen, bijvoorbeeld 2021-2024.",
    "^ *[0-9]{4} *- *[0-9]{4} *$"
);

impl fmt::Display for Periode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.van, self.tot)
    }
}

/// An age range in whole years, `lo-hi` with `lo < hi`, such as `0-6` or `12-18`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct AgeRange {
    /// Youngest age in the range.
    pub lo: u8,
    /// Oldest age in the range.
    pub hi: u8,
}

impl FromStr for AgeRange {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        let err = || t!("leeftijden-vorm", text = s);
        let (lo, hi): (u8, u8) = number_pair(s).ok_or_else(err)?;
        if lo >= hi {
            return Err(t!(
                "leeftijden-volgorde",
                text = s,
                lo = u32::from(hi),
                hi = u32::from(lo)
            ));
        }
        if hi > 120 {
            return Err(err());
        }
        Ok(AgeRange { lo, hi })
    }
}
deserialize_from_str!(
    AgeRange,
    "an age range like 0-6 or 12-18",
    "Twee leeftijden met een streepje ertussen, de jongste eerst, bijvoorbeeld 0-6 of 12-18.",
    "^ *[0-9]{1,3} *- *[0-9]{1,3} *$"
);

impl AgeRange {
    /// Whether two ranges share an age. A range includes its first age and runs up to its
    /// last (`0-6` is from birth until the sixth birthday), so ranges that only touch, such as
    /// `0-6` and `6-12`, do not overlap: `lo1 < hi2 && lo2 < hi1`.
    pub fn overlaps(self, other: AgeRange) -> bool {
        self.lo < other.hi && other.lo < self.hi
    }
}

impl fmt::Display for AgeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.lo, self.hi)
    }
}

/// A video somewhere else, shown as a link and, after the visitor asks for it, as an embedded
/// player (see `render::embed`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "Een video op een andere website.")]
pub struct Video {
    /// Where the video is.
    #[schemars(
        with = "String",
        description = "Het adres van de video, bijvoorbeeld op YouTube of Vimeo."
    )]
    pub url: serde_saphyr::Spanned<String>,
    /// What it is about; used as the link text and the player's title.
    #[schemars(description = "Waar de video over gaat. Dit is ook de tekst van de link.")]
    pub titel: String,
}

/// A photo that goes with a document (`afbeelding` in its front matter): shown at the top of
/// its page and on its cards, and the page's image when it is shared (Open Graph). Like a photo
/// in a body, it needs alt text, or `decoratief: true` to say that it shows nothing a reader
/// would miss; which of the two is checked with the photo itself, where its position is known
/// (see `markdown::afbeelding`).
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(
    description = "Een foto bij de pagina: bovenaan de pagina, op de kaartjes in de overzichten en als plaatje als iemand de pagina deelt.",
    extend(
        "if" = {
            "properties": {
                "decoratief": { "const": true, "description": "De foto is alleen versiering." }
            },
            "required": ["decoratief"]
        },
        "then" = { "not": { "required": ["alt"] } },
        "else" = { "required": ["alt"] }
    )
)]
pub struct Afbeelding {
    /// The photo's path, as in a Markdown image: `/static/img/foto.jpg`.
    #[schemars(
        with = "String",
        extend("x-afbeelding" = true), // crate::schema::IMAGE
        description = "De foto: een JPEG-, PNG- of WebP-bestand in content/static/, bijvoorbeeld /static/img/foto.jpg."
    )]
    pub bestand: serde_saphyr::Spanned<String>,
    /// What the photo shows, for those who cannot see it.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        title = "Alt-tekst",
        description = "Wat er op de foto te zien is, voor wie de foto niet kan zien. Verplicht, behalve bij een foto die alleen versiering is."
    )]
    pub alt: Option<serde_saphyr::Spanned<String>>,
    /// Marks a photo that shows nothing a reader would miss: it gets an empty alt text.
    #[serde(default)]
    #[schemars(
        with = "Option<bool>",
        description = "Kies dit (true) als de foto alleen versiering is en niets laat zien dat een lezer zou missen. Laat de alt-tekst dan weg."
    )]
    pub decoratief: Option<serde_saphyr::Spanned<bool>>,
    /// A caption under the photo on its page.
    #[serde(default)]
    #[schemars(description = "Een zin onder de foto op de pagina.")]
    pub bijschrift: Option<String>,
    /// Who made the photo, credited under it.
    #[serde(default)]
    #[schemars(
        description = "Wie de foto heeft gemaakt. Onder de foto staat dan: Foto: en de naam."
    )]
    pub maker: Option<String>,
}

/// Where an interventie stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "Hoe ver een interventie is.")]
pub enum Status {
    /// Planned, not started.
    #[schemars(description = "Gepland: nog niet begonnen.")]
    Gepland,
    /// Running.
    #[schemars(description = "Lopend: de interventie loopt nu.")]
    Lopend,
    /// Finished.
    #[schemars(description = "Afgerond: de interventie is klaar.")]
    Afgerond,
}

impl Status {
    /// The word as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Gepland => "gepland",
            Status::Lopend => "lopend",
            Status::Afgerond => "afgerond",
        }
    }
}

/// What kind of news item a `nieuws` document is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "Een gewoon bericht of een evenement.")]
pub enum Soort {
    /// A news article.
    #[default]
    #[schemars(description = "Een gewoon nieuwsbericht.")]
    Nieuws,
    /// An event on a date.
    #[schemars(description = "Een evenement op een datum.")]
    Evenement,
}

/// A level of education an interventie works in (`onderwijs`).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "Een soort onderwijs.")]
pub enum Onderwijs {
    /// Pre-school (voor- en vroegschoolse educatie).
    #[schemars(description = "Voorschool: voor- en vroegschoolse educatie.")]
    Voorschool,
    /// Primary school (primair onderwijs).
    #[schemars(description = "Primair onderwijs.")]
    Po,
    /// Secondary school (voortgezet onderwijs).
    #[schemars(description = "Voortgezet onderwijs.")]
    Vo,
    /// Secondary vocational education.
    #[schemars(description = "Middelbaar beroepsonderwijs.")]
    Mbo,
    /// Higher professional education.
    #[schemars(description = "Hoger beroepsonderwijs.")]
    Hbo,
}

impl Onderwijs {
    /// Every level, in school order.
    pub const ALL: [Onderwijs; 5] = [
        Onderwijs::Voorschool,
        Onderwijs::Po,
        Onderwijs::Vo,
        Onderwijs::Mbo,
        Onderwijs::Hbo,
    ];

    /// The word as written in front matter, also the URL slug.
    pub fn as_str(self) -> &'static str {
        match self {
            Onderwijs::Voorschool => "voorschool",
            Onderwijs::Po => "po",
            Onderwijs::Vo => "vo",
            Onderwijs::Mbo => "mbo",
            Onderwijs::Hbo => "hbo",
        }
    }

    /// The Dutch label.
    pub fn label(self) -> &'static str {
        match self {
            Onderwijs::Voorschool => "Voorschool",
            Onderwijs::Po => "Primair onderwijs",
            Onderwijs::Vo => "Voortgezet onderwijs",
            Onderwijs::Mbo => "Mbo",
            Onderwijs::Hbo => "Hbo",
        }
    }
}

/// The database that recognised an interventie.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
#[schemars(description = "De databank die de interventie heeft erkend.")]
pub enum Databank {
    /// NJi, Databank Effectieve Jeugdinterventies.
    #[schemars(description = "NJi: Databank Effectieve Jeugdinterventies.")]
    Nji,
    /// RIVM, Loket Gezond Leven (Interventiedatabase Gezond en Actief Leven).
    #[schemars(description = "RIVM: Loket Gezond Leven.")]
    Rivm,
}

impl Databank {
    /// The word as written in front matter.
    pub fn as_str(self) -> &'static str {
        match self {
            Databank::Nji => "nji",
            Databank::Rivm => "rivm",
        }
    }

    /// The database's name.
    pub fn label(self) -> &'static str {
        match self {
            Databank::Nji => "Databank Effectieve Jeugdinterventies (NJi)",
            Databank::Rivm => "Loket Gezond Leven (RIVM)",
        }
    }

    /// The recognition levels this database awards, lowest first. The NJi databank lists
    /// interventies from "Goed onderbouwd" up; RIVM also awards "Goed beschreven".
    pub fn niveaus(self) -> &'static [Erkenningsniveau] {
        use Erkenningsniveau::*;
        match self {
            Databank::Nji => &[
                GoedOnderbouwd,
                EffectiefEersteAanwijzingen,
                EffectiefGoedeAanwijzingen,
                EffectiefSterkeAanwijzingen,
            ],
            Databank::Rivm => &[
                GoedBeschreven,
                GoedOnderbouwd,
                EffectiefEersteAanwijzingen,
                EffectiefGoedeAanwijzingen,
                EffectiefSterkeAanwijzingen,
            ],
        }
    }
}

/// A recognition level of the Dutch recognition system for interventies (Erkenningscommissie
/// Interventies), shared by the NJi and RIVM databases.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Deserialize,
    Serialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
#[schemars(description = "Het erkenningsniveau, zoals de databank het noemt.")]
pub enum Erkenningsniveau {
    /// Goed beschreven (RIVM only).
    #[schemars(description = "Goed beschreven. Alleen bij het RIVM.")]
    GoedBeschreven,
    /// Goed onderbouwd; RIVM formerly called it "Theoretisch goed onderbouwd".
    #[serde(alias = "theoretisch-goed-onderbouwd")]
    #[schemars(description = "Goed onderbouwd.")]
    GoedOnderbouwd,
    /// Effectief volgens eerste aanwijzingen.
    #[schemars(description = "Effectief volgens eerste aanwijzingen.")]
    EffectiefEersteAanwijzingen,
    /// Effectief volgens goede aanwijzingen.
    #[schemars(description = "Effectief volgens goede aanwijzingen.")]
    EffectiefGoedeAanwijzingen,
    /// Effectief volgens sterke aanwijzingen.
    #[schemars(description = "Effectief volgens sterke aanwijzingen.")]
    EffectiefSterkeAanwijzingen,
}

impl Erkenningsniveau {
    /// Every level, lowest first.
    pub const ALL: [Erkenningsniveau; 5] = [
        Erkenningsniveau::GoedBeschreven,
        Erkenningsniveau::GoedOnderbouwd,
        Erkenningsniveau::EffectiefEersteAanwijzingen,
        Erkenningsniveau::EffectiefGoedeAanwijzingen,
        Erkenningsniveau::EffectiefSterkeAanwijzingen,
    ];

    /// The word as written in front matter, also the URL slug.
    pub fn as_str(self) -> &'static str {
        match self {
            Erkenningsniveau::GoedBeschreven => "goed-beschreven",
            Erkenningsniveau::GoedOnderbouwd => "goed-onderbouwd",
            Erkenningsniveau::EffectiefEersteAanwijzingen => "effectief-eerste-aanwijzingen",
            Erkenningsniveau::EffectiefGoedeAanwijzingen => "effectief-goede-aanwijzingen",
            Erkenningsniveau::EffectiefSterkeAanwijzingen => "effectief-sterke-aanwijzingen",
        }
    }

    /// The level's name as the databases write it.
    pub fn label(self) -> &'static str {
        match self {
            Erkenningsniveau::GoedBeschreven => "Goed beschreven",
            Erkenningsniveau::GoedOnderbouwd => "Goed onderbouwd",
            Erkenningsniveau::EffectiefEersteAanwijzingen => {
                "Effectief volgens eerste aanwijzingen"
            }
            Erkenningsniveau::EffectiefGoedeAanwijzingen => "Effectief volgens goede aanwijzingen",
            Erkenningsniveau::EffectiefSterkeAanwijzingen => {
                "Effectief volgens sterke aanwijzingen"
            }
        }
    }
}

/// `erkenning`: an interventie's recognition in the NJi or RIVM database.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(description = "De erkenning van een interventie in een databank.")]
pub struct Erkenning {
    /// The recognition level; must be one the database awards.
    #[schemars(
        with = "Erkenningsniveau",
        description = "Het erkenningsniveau. Het niveau moet bij de databank horen."
    )]
    pub niveau: serde_saphyr::Spanned<Erkenningsniveau>,
    /// Which database.
    #[schemars(description = "Welke databank: nji of rivm.")]
    pub databank: Databank,
    /// The interventie's page in that database.
    #[serde(default)]
    #[schemars(
        with = "Option<String>",
        description = "Het adres van de interventie in de databank."
    )]
    pub url: Option<serde_saphyr::Spanned<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn impossible_dates_say_why() {
        let why = |text: &str| text.parse::<Datum>().unwrap_err();
        assert_eq!(
            why("2025-06-31"),
            "'2025-06-31' bestaat niet: juni 2025 heeft 30 dagen"
        );
        assert_eq!(
            why("2023-02-29"),
            "'2023-02-29' bestaat niet: februari 2023 heeft 28 dagen"
        );
        assert!(why("2025-13-01").contains("er is geen maand 13"));
        assert!(why("juni 2025").contains("schrijf hem als JJJJ-MM-DD"));
        assert!("2024-02-29".parse::<Datum>().is_ok());
    }

    #[test]
    fn dates_written_the_dutch_way_get_the_form_they_mean() {
        let why = |text: &str| text.parse::<Datum>().unwrap_err();
        assert_eq!(
            why("30 juni 2025"),
            "'30 juni 2025' is geen datum in de vorm JJJJ-MM-DD: schrijf 2025-06-30"
        );
        for (text, meant) in [
            ("30-06-2025", "2025-06-30"),
            ("1 Sept. 2025", "2025-09-01"),
            ("3/2/2026", "2026-02-03"),
        ] {
            assert!(why(text).ends_with(meant), "{text}: {}", why(text));
        }
        // A day the month does not have, a month that is no month: the form only.
        for text in ["31 juni 2025", "30 jun 25", "30 ju 2025", "30 smurf 2025"] {
            assert!(
                why(text).contains("JJJJ-MM-DD, bijvoorbeeld"),
                "{text}: {}",
                why(text)
            );
        }
    }

    #[test]
    fn language_codes_are_tags() {
        for tag in ["nl", "fy", "en", "EN", "nl-NL", "zh-Hant-TW", "es-419"] {
            assert!(is_language_tag(tag), "{tag}");
        }
        for text in [
            "",
            "n",
            "nl ",
            "nl nl",
            "nl\nPolicy: x",
            "nl-",
            "-nl",
            "nl_NL",
            "néerl",
            "\"x",
        ] {
            assert!(!is_language_tag(text), "{text:?}");
        }
    }

    #[test]
    fn dates_parse_and_print_in_dutch() {
        let d: Datum = "2021-03-24".parse().unwrap();
        assert_eq!(d.iso(), "2021-03-24");
        assert_eq!(d.dutch(), "24 maart 2021");
        assert!("2021-02-30".parse::<Datum>().is_err());
        assert!("24-03-2021".parse::<Datum>().is_err());
    }

    #[test]
    fn age_ranges_need_lo_below_hi() {
        assert_eq!("12-18".parse::<AgeRange>(), Ok(AgeRange { lo: 12, hi: 18 }));
        assert!("18-12".parse::<AgeRange>().is_err());
        assert!("6-6".parse::<AgeRange>().is_err());
        assert!("0-6.5".parse::<AgeRange>().is_err());
        assert!("baby".parse::<AgeRange>().is_err());
    }

    #[test]
    fn age_ranges_overlap_but_touching_ends_do_not() {
        let r = |s: &str| s.parse::<AgeRange>().unwrap();
        assert!(r("4-18").overlaps(r("12-18")));
        assert!(r("12-18").overlaps(r("4-18")));
        assert!(r("0-18").overlaps(r("4-12")));
        assert!(r("4-12").overlaps(r("0-6")));
        assert!(!r("0-6").overlaps(r("6-12")));
        assert!(!r("4-12").overlaps(r("12-18")));
        assert!(!r("0-4").overlaps(r("12-18")));
    }

    #[test]
    fn periods_are_two_years() {
        assert_eq!(
            "2021-2024".parse::<Periode>().unwrap().to_string(),
            "2021-2024"
        );
        assert!("2024-2021".parse::<Periode>().is_err());
    }

    #[test]
    fn goed_beschreven_is_a_level_of_rivm_only() {
        assert!(
            !Databank::Nji
                .niveaus()
                .contains(&Erkenningsniveau::GoedBeschreven)
        );
        assert!(
            Databank::Rivm
                .niveaus()
                .contains(&Erkenningsniveau::GoedBeschreven)
        );
        for niveau in Erkenningsniveau::ALL {
            assert!(Databank::Rivm.niveaus().contains(&niveau));
        }
    }
}

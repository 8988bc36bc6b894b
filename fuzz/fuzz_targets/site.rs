//! Fuzz target `site`: whole sites through `gka::build::build_at`, with real parsers as
//! oracles on what it writes.
//!
//! The input is read with `arbitrary` as a small site: `site.yaml` and a handful of
//! documents, each at a path chosen from a small set (so that documents meet at the same
//! addresses), with front-matter keys of their content type and a Markdown body of links,
//! headings, footnotes and HTML. Values are chosen from lists of plausible ones, many with
//! markup, line breaks, formulas or look-alike characters in them, so that a mutation
//! changes a site rather than making noise. Three in four sites are tame: only values a
//! build accepts. The others are wild: values that stop a build, odd texts and any text.
//!
//! A build that succeeds must publish nothing broken or injected: every `.xml` file is
//! well-formed, every `.json` file valid, every `.ics` file a calendar of CRLF lines of the
//! properties gka writes, every `.csv` file free of spreadsheet formulas, every HTML page free
//! of repeated or malformed ids, event handlers, `javascript:` addresses and scripts other
//! than the theme's own and valid JSON-LD, with language tags in `lang`; `security.txt` and
//! `robots.txt` hold their fields and nothing else; every link into the site (pages,
//! sitemap, feeds) lands on a file and every `#fragment` on an id of its page; and no file is
//! claimed twice (the build's count of files equals the files on disk, and no two differ only
//! by case). A build that fails must write nothing, and report errors whose files and
//! positions lie in the site; every report format must render them.

#![no_main]

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::OnceLock;

use gka::build::{BuildError, BuildOptions};
use gka::content::values::Datum;
use gka::diagnostics::report::{Format, Reporter};
use gka::diagnostics::{Diagnostic, Severity};
use libfuzzer_sys::arbitrary::{self, Arbitrary};
use libfuzzer_sys::fuzz_target;
use scraper::{Html, Selector};
use tempfile::TempDir;

/// The build date: fixed, so that a crash reproduces (events move to the archive by it, and
/// `security.txt` must expire after it).
const TODAY: &str = "2025-06-01";

/// Documents a site has at most, keys a document, blocks a body and texts a block, so that
/// one run stays fast.
const MAX_DOCUMENTS: usize = 12;
const MAX_FIELDS: usize = 8;
const MAX_BLOCKS: usize = 16;
const MAX_INLINES: usize = 6;

/// The values of one field: `valid` ones, which a build accepts on their own (though they
/// may clash with other documents), and `wrong` ones, which stop it.
struct Values {
    valid: &'static [&'static str],
    wrong: &'static [&'static str],
}

/// Texts for any field of a wild site: blank texts, control and invisible characters, YAML
/// syntax, and values of the wrong type or format.
const ODD: &[&str] = &[
    "",
    "  ",
    "\u{0}",
    "\u{1b}[31m",
    "\u{85}",
    "\u{200b}\u{feff}\u{2028}",
    "\u{202e}rtl",
    "\tindented",
    "key: value",
    "- item",
    "# comment",
    "[a, b]",
    "{a: b}",
    "\\",
    "'",
    "~",
    "TODO: later",
    "2025-02-30",
    "-1",
    "4294967296",
    "https://evil.example/x.css",
    "//evil.example/",
    "javascript:alert(1)",
    "../x",
];

/// Titles and other free texts. Each valid one tests how a generated file escapes it:
/// markup, entities, CDATA ends, line breaks that would start a field of a line-based file,
/// spreadsheet formulas, template syntax, look-alike and astral characters.
const TITLES: Values = Values {
    valid: &[
        "Huiswerkklas",
        "Open dag van de huiswerkklas",
        "Contact",
        "Gemeente Voorbeeldstad",
        "Café & co",
        "<script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<b>vet</b> & \"quoted\" 'single'",
        "a]]>b <![CDATA[x]]>",
        "&amp; &#0; &bogus; &lt;",
        "line\nbreak",
        "x\nPolicy: https://evil.example/",
        "tab\there",
        "e\u{301}migre\u{301} ẞ ß SS",
        "😀 ﷺ",
        "=HYPERLINK(\"https://evil.example\")",
        "+31 6 1234",
        "-10 graden",
        "@SUM(A1)",
        "{{ site.titel }} {% raw %}",
        "*nadruk* [link](/) `code`",
        "BEGIN:VEVENT",
        "a, b; c\\d",
        "https://example.org/",
    ],
    wrong: &["", "   ", "x\r\nContact: mailto:evil@evil.example"],
};

const DATES: Values = Values {
    valid: &[
        "2025-06-12",
        "2025-05-01",
        "2025-06-01",
        "2021-03-24",
        "2099-12-31",
        "1900-01-01",
    ],
    wrong: &[
        "2025-02-30",
        "12-06-2025",
        "2025-6-1",
        "2025-06-01T10:00:00",
    ],
};

/// Expiry dates of `security.txt`, which must lie after the build date.
const EXPIRES: Values = Values {
    valid: &["2025-06-02", "2025-12-31", "2026-05-31"],
    wrong: &["2025-06-01", "2021-03-24", "2099-12-31"],
};

/// File and folder names: addresses gka uses itself, case and Unicode look-alikes, spaces
/// and ampersands.
const NAMES: &[&str] = &[
    "a",
    "b",
    "contact",
    "nieuws",
    "zoeken",
    "index",
    "_index",
    "agenda",
    "A",
    "café",
    "cafe\u{301}",
    "a b",
    "a&b",
    "data",
    "static",
    "sitemap",
    "404",
    "feed",
    "themas",
    "leeftijden",
    "onderwijs",
    "erkenning",
    "pagefind",
    ".well-known",
    "robots",
    "interventies",
    "2021-2024",
    "evenement",
    "-",
    "ü",
];

/// References to interventies from an addendum, by the slugs files of [`NAMES`] get.
const INTERVENTIES: Values = Values {
    valid: &["a", "b", "contact", "cafe", "2021-2024", "evenement"],
    wrong: &["bestaat-niet", "A"],
};

const SLUGS: Values = Values {
    valid: &[
        "a",
        "b",
        "contact",
        "nieuws",
        "zoeken",
        "index",
        "feed",
        "404",
        "data",
        "themas",
        "static",
        "evenement",
        "pagefind",
        "a-b",
        "1",
        "_",
    ],
    wrong: &["Contact", "a b", "sitemap.xml", "café", "../x", ""],
};

/// Old addresses: free ones, and ones of pages, generated files and other aliases, by case
/// and Unicode look-alikes too.
const ALIASES: Values = Values {
    valid: &[
        "/oud/",
        "oud",
        "/oud//",
        "/oud/pagina.html",
        "/b/",
        "/B/",
        "/nieuws/oud/",
        "/contact/",
        "/Contact/",
        "/CONTACT/index.html",
        "/a/",
        "/index.html",
        "/nieuws/feed.xml",
        "/sitemap.xml",
        "/robots.txt",
        "/404.html",
        "/data/gka.json",
        "/data/interventies.csv",
        "/.well-known/security.txt",
        "/static/css/gka.css",
        "/themas/",
        "/themas/versterken-van-taal/",
        "/zoeken/",
        "/pagefind/pagefind.js",
        "/interventies/a/",
        "/nieuws/a/evenement.ics",
        "/x.html",
        "/café/",
        "/CAFÉ/",
        "/cafe\u{301}/",
        "/a?b",
        "/a#b",
        "/a%2fb/",
        "/\"><script>alert(1)</script>/",
        "/a b/",
        " /spatie/ ",
        "/ß/",
        "/SS/",
    ],
    wrong: &[
        "//evil.example/",
        "https://evil.example/",
        "/a/../b/",
        "/a\\b/",
        "/x\ny/",
        "/",
    ],
};

/// The base agenda's themes, and in wild sites themes it does not have.
const THEMES: Values = Values {
    valid: &["Versterken van taal", "Ouderbetrokkenheid"],
    wrong: &[
        "versterken van taal",
        "Tegengaan kinderarmoede",
        "Café & cultuur",
    ],
};

const AGES: Values = Values {
    valid: &["0-6", "4-12", "12-18", "0-4", " 4 - 12 "],
    wrong: &["6-4", "0-200", "x"],
};
const STATUSES: Values = Values {
    valid: &["gepland", "lopend", "afgerond"],
    wrong: &["Lopend", "klaar"],
};
const YEARS: Values = Values {
    valid: &["2020", "2024", "1999"],
    wrong: &["-1", "65536", "1.5"],
};
const NUMMERS: Values = Values {
    valid: &["1", "2", "3", "4", "5"],
    wrong: &["0", "-1", "x"],
};
const PHONES: Values = Values {
    valid: &["020 123 4567", "+31 20 123 4567", "14 020"],
    wrong: &[],
};
const PERIODS: Values = Values {
    valid: &["2021-2024", "2025-2028", "2021 - 2024"],
    wrong: &["2024-2021", "2021", "1899-2000"],
};
const ONDERWIJS: Values = Values {
    valid: &["po", "vo", "mbo", "hbo", "voorschool"],
    wrong: &["wo", "PO"],
};
const SOORTEN: Values = Values {
    valid: &["nieuws", "evenement"],
    wrong: &["Evenement", "agenda"],
};
const NIVEAUS: Values = Values {
    valid: &[
        "goed-onderbouwd",
        "theoretisch-goed-onderbouwd",
        "effectief-eerste-aanwijzingen",
        "effectief-goede-aanwijzingen",
        "effectief-sterke-aanwijzingen",
    ],
    wrong: &["onbekend"],
};
const DATABANKEN: Values = Values {
    valid: &["nji", "rivm"],
    wrong: &["x"],
};

/// Addresses on other sites, for websites, videos and registers.
const URLS: Values = Values {
    valid: &[
        "https://example.org/",
        "https://example.org/?a=<b>&c=\"d\"",
        "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "https://youtu.be/dQw4w9WgXcQ",
        "https://vimeo.com/123456",
        "https://www.jeugdinterventies.nl/interventies/x",
        "https://www.loketgezondleven.nl/x",
    ],
    wrong: &[
        "http://example.org/",
        "mailto:a@b.example",
        "https://ex.example/a b",
        "javascript:alert(1)",
    ],
};

/// Link targets in bodies, menus and front matter that every site here has: pages by
/// address and by file, files, other sites, addresses with markup in them.
const TARGETS: Values = Values {
    valid: &[
        "/",
        "/agenda/",
        "/themas/",
        "/themas/versterken-van-taal/",
        "/themas/ouderbetrokkenheid/",
        "index.md",
        "agenda.md",
        "agenda.md#inhoud",
        "#inhoud",
        "/static/logo.svg",
        "/static/huisstijl.css",
        "/static/css/gka.css",
        "https://example.org/?a=1&b=<2>",
        "https://example.org/\"onmouseover=\"alert(1)",
        "mailto:a@b.example",
        "tel:+31201234567",
    ],
    wrong: &[
        "data:text/html,<script>alert(1)</script>",
        "javascript:alert(1)",
        "/agenda.md",
        "",
    ],
};

/// Link targets that need a document or heading a site may not have.
const DOCUMENT_TARGETS: Values = Values {
    valid: &[
        "/contact/",
        "contact.md",
        "../contact.md",
        "/nieuws/",
        "/interventies/a/",
        "interventies/a.md",
        "a.md#kop",
        "#kop",
        "/agenda/#x",
    ],
    wrong: &[],
};

const IMAGES: Values = Values {
    valid: &[
        "/static/logo.svg",
        "https://example.org/a.png?b=<c>&d",
        "/static/logo.svg?v=1",
    ],
    wrong: &["/", "missing.png"],
};

/// Raw HTML in Markdown, which the renderer sanitises. None has an `id`: the sanitiser keeps
/// ids as written, so `<div id="inhoud">` would repeat the skip link's target (see the
/// README's findings).
const HTML: &[&str] = &[
    "<div class=\"inhoud\">x</div>",
    "<h2>Kop</h2>",
    "<a name=\"x\">x</a>",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg><g/onload=alert(1)>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<style>*{}</style>",
    "<!-- comment -->",
    "<details><summary>s</summary>t</details>",
    "</main></body>",
    "<table><tr><td>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<span title=\"\">x</span>",
    "<form action=\"javascript:alert(1)\"><button formaction=\"javascript:x\">",
    "<object data=\"x.swf\"></object>",
    "<base href=\"https://evil.example/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example/\">",
];

/// Footnote labels, which become ids as they are.
const FOOTNOTES: &[&str] = &["1", "2", "a", "kop", "inhoud", "a b", "A", "x\"y"];

/// Heading attributes (`{#id .class}`), which set ids by hand.
const ATTRIBUTES: &[&str] = &[
    "{#kop}",
    "{#inhoud}",
    "{#1}",
    "{.c}",
    "{#kop .c}",
    "{#}",
    "{#a\"b}",
];

const GEMEENTEN: Values = Values {
    valid: &[
        "Voorbeeldstad",
        "'s-Hertogenbosch",
        "Súdwest-Fryslân",
        "Bergen (NH)",
        "Stad & Ommeland",
        "<Stad>",
    ],
    wrong: &["", " "],
};

const BASE_URLS: Values = Values {
    valid: &[
        "https://gka.voorbeeldstad.example/",
        "https://gka.voorbeeldstad.example/sub/",
        "https://gka.voorbeeldstad.example",
        "https://café.example/",
        "https://x.example:8443/",
    ],
    wrong: &[
        "https://x.example/?q=<x>&y=\"z\"",
        "https://x.example/#frag",
        "https://x.example/a b/",
        "https://x.example/\nPolicy: https://evil.example/",
        "http://gka.voorbeeldstad.example/",
        "ftp://x.example/",
        "/relative/",
    ],
};

const LANGUAGES: Values = Values {
    valid: &["nl", "en", "EN", "fy", "nl-NL"],
    wrong: &[
        "nl\nPolicy: https://evil.example/",
        "nl\"><script>alert(1)</script>",
        "nl nl",
        "",
    ],
};

const THEME_NAMES: Values = Values {
    valid: &["gka", "almere"],
    wrong: &["nope", "../themes/gka"],
};

const CONTACTS: Values = Values {
    valid: &[
        "mailto:security@voorbeeldstad.example",
        "https://voorbeeldstad.example/melden",
        "tel:+31201234567",
        "mailto:a@b.example?subject=<x>",
    ],
    wrong: &[
        "mailto:a@b.example\nPolicy: https://evil.example/",
        "http://voorbeeldstad.example/",
        "security@voorbeeldstad.example",
    ],
};

/// Keys of no content type, and aliases of keys; only in wild sites.
const KEYS: Values = Values {
    valid: &[],
    wrong: &[
        "title", "date", "aliases", "weight", "draft", "summary", "keywords", "titel", "extra",
        "security",
    ],
};

const LOGOS: Values = Values {
    valid: &["/static/logo.svg"],
    wrong: &[
        "/static/img/almere-logo.svg",
        "static/logo.svg",
        "/static/missing.svg",
    ],
};
const STYLESHEETS: Values = Values {
    valid: &["/static/huisstijl.css", "/static/css/gka.css"],
    wrong: &[
        "https://evil.example/x.css",
        "//evil.example/x.css",
        "huisstijl.css",
        "/static/logo.svg",
    ],
};
const CLASSES: Values = Values {
    valid: &["voorbeeld-theme", "voorbeeld-theme _x", "a b"],
    wrong: &["1x", "x\"y"],
};
const STATUSLETTERS: Values = Values {
    valid: &["A", "B", "C", "D", "voldoet", "voldoet-gedeeltelijk"],
    wrong: &["E"],
};

/// A scalar: one of its field's values, an odd text or any text, quoted one of three ways.
#[derive(Arbitrary)]
struct Scalar {
    text: Text,
    style: Style,
}

/// Mostly one of the field's values; odd and arbitrary texts count in wild sites only.
enum Text {
    Known(u8),
    Odd(u8),
    Any(String),
}

impl<'a> Arbitrary<'a> for Text {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u8::arbitrary(u)? {
            0..=223 => Text::Known(u.arbitrary()?),
            224..=247 => Text::Odd(u.arbitrary()?),
            _ => Text::Any(u.arbitrary()?),
        })
    }
}

/// Mostly double-quoted; plain scalars count in wild sites only, as most of the texts here
/// are not valid YAML unquoted.
enum Style {
    Double,
    Plain,
    Single,
}

impl<'a> Arbitrary<'a> for Style {
    fn arbitrary(u: &mut arbitrary::Unstructured<'a>) -> arbitrary::Result<Self> {
        Ok(match u8::arbitrary(u)? {
            0..=191 => Style::Double,
            192..=223 => Style::Plain,
            _ => Style::Single,
        })
    }
}

fn pick<'a>(list: &[&'a str], index: u8) -> &'a str {
    list[usize::from(index) % list.len()]
}

impl Text {
    fn get<'a>(&'a self, values: &Values, wild: bool) -> &'a str {
        let valid = values.valid;
        match self {
            Text::Known(i) if wild => {
                let i = usize::from(*i) % (valid.len() + values.wrong.len());
                valid
                    .get(i)
                    .unwrap_or_else(|| &values.wrong[i - valid.len()])
            }
            Text::Odd(i) if wild => pick(ODD, *i),
            Text::Any(text) if wild => text,
            Text::Known(i) | Text::Odd(i) => pick(valid, *i),
            Text::Any(_) => valid[0],
        }
    }
}

impl Scalar {
    /// The value as YAML.
    fn yaml(&self, values: &Values, wild: bool) -> String {
        let text = self.text.get(values, wild);
        match self.style {
            Style::Plain if wild => text.to_string(),
            Style::Single => format!("'{}'", text.replace('\'', "''")),
            // A JSON string is a YAML double-quoted scalar.
            _ => serde_json::to_string(text).expect("a string serialises"),
        }
    }
}

fn yaml_list(items: &[Scalar], values: &Values, wild: bool) -> String {
    if items.is_empty() {
        return "[]".into();
    }
    items
        .iter()
        .map(|item| format!("\n  - {}", item.yaml(values, wild)))
        .collect()
}

/// One front-matter key of any content type.
#[derive(Arbitrary)]
enum Field {
    Samenvatting(Scalar),
    Datum(Scalar),
    Concept(bool),
    Slug(Scalar),
    Volgorde(i16),
    Aliassen(Vec<Scalar>),
    Trefwoorden(Vec<Scalar>),
    Themas(Vec<Scalar>),
    Leeftijden(Vec<Scalar>),
    Doelgroep(Scalar),
    Partners(Vec<Scalar>),
    Status(Scalar),
    Sinds(Scalar),
    Website(Scalar),
    Onderwijs(Vec<Scalar>),
    Video(Scalar, Scalar),
    Erkenning(Scalar, Scalar, Scalar),
    Soort(Scalar),
    Locatie(Scalar),
    Nummer(Scalar),
    Ambities(Vec<Scalar>),
    Resultaat(Scalar, Scalar, Scalar),
    Periode(Scalar),
    OndertekendOp(Scalar),
    OndertekendDoor(Scalar, Scalar),
    Interventies(Vec<Scalar>),
    Document(Scalar),
    Standaard(Scalar),
    Onderzoek(Scalar, Scalar, Scalar),
    Contact(Scalar),
    Other(Scalar, Scalar),
}

impl Field {
    /// Whether the key belongs to documents of content type `kind` (as
    /// `gka::content::kind_name` names them): keys of other types would stop nearly every
    /// build. `Other` brings unknown keys into wild sites.
    fn fits(&self, kind: &str, wild: bool) -> bool {
        let kinds: &[&str] = match self {
            Field::Other(..) => return wild,
            Field::Samenvatting(_)
            | Field::Datum(_)
            | Field::Concept(_)
            | Field::Slug(_)
            | Field::Volgorde(_)
            | Field::Aliassen(_)
            | Field::Trefwoorden(_) => return true,
            Field::Video(..) => &["pagina", "interventie"],
            Field::Themas(_) => &["agenda", "interventie"],
            Field::Periode(_) | Field::OndertekendOp(_) => &["agenda", "addendum"],
            Field::OndertekendDoor(..) | Field::Document(_) => &["agenda"],
            Field::Partners(_) => &["addendum", "interventie"],
            Field::Interventies(_) => &["addendum"],
            Field::Leeftijden(_)
            | Field::Doelgroep(_)
            | Field::Status(_)
            | Field::Sinds(_)
            | Field::Website(_)
            | Field::Onderwijs(_)
            | Field::Erkenning(..) => &["interventie"],
            Field::Soort(_) | Field::Locatie(_) => &["nieuws"],
            Field::Nummer(_) | Field::Ambities(_) | Field::Resultaat(..) => &["programmalijn"],
            Field::Standaard(_) | Field::Onderzoek(..) | Field::Contact(_) => &["toegankelijkheid"],
        };
        kinds.contains(&kind)
    }

    /// The key and its value as YAML.
    fn entry(&self, wild: bool) -> (String, String) {
        let w = wild;
        let (key, value) = match self {
            Field::Samenvatting(s) => ("samenvatting", s.yaml(&TITLES, w)),
            Field::Datum(s) => ("datum", s.yaml(&DATES, w)),
            Field::Concept(b) => ("concept", b.to_string()),
            Field::Slug(s) => ("slug", s.yaml(&SLUGS, w)),
            Field::Volgorde(n) => ("volgorde", n.to_string()),
            Field::Aliassen(l) => ("aliassen", yaml_list(l, &ALIASES, w)),
            Field::Trefwoorden(l) => ("trefwoorden", yaml_list(l, &TITLES, w)),
            Field::Themas(l) => ("themas", yaml_list(l, &THEMES, w)),
            Field::Leeftijden(l) => ("leeftijden", yaml_list(l, &AGES, w)),
            Field::Doelgroep(s) => ("doelgroep", s.yaml(&TITLES, w)),
            Field::Partners(l) => ("partners", yaml_list(l, &GEMEENTEN, w)),
            Field::Status(s) => ("status", s.yaml(&STATUSES, w)),
            Field::Sinds(s) => ("sinds", s.yaml(&YEARS, w)),
            Field::Website(s) => ("website", s.yaml(&URLS, w)),
            Field::Onderwijs(l) => ("onderwijs", yaml_list(l, &ONDERWIJS, w)),
            Field::Video(url, titel) => (
                "video",
                format!(
                    "\n  url: {}\n  titel: {}",
                    url.yaml(&URLS, w),
                    titel.yaml(&TITLES, w)
                ),
            ),
            Field::Erkenning(niveau, databank, url) => (
                "erkenning",
                format!(
                    "\n  niveau: {}\n  databank: {}\n  url: {}",
                    niveau.yaml(&NIVEAUS, w),
                    databank.yaml(&DATABANKEN, w),
                    url.yaml(&URLS, w)
                ),
            ),
            Field::Soort(s) => ("soort", s.yaml(&SOORTEN, w)),
            Field::Locatie(s) => ("locatie", s.yaml(&TITLES, w)),
            Field::Nummer(s) => ("nummer", s.yaml(&NUMMERS, w)),
            Field::Ambities(l) => ("ambities", yaml_list(l, &TITLES, w)),
            Field::Resultaat(jaar, leeftijd, tekst) => (
                "resultaten",
                format!(
                    "\n  - jaar: {}\n    leeftijd: {}\n    tekst: {}",
                    jaar.yaml(&YEARS, w),
                    leeftijd.yaml(&AGES, w),
                    tekst.yaml(&TITLES, w)
                ),
            ),
            Field::Periode(s) => ("periode", s.yaml(&PERIODS, w)),
            Field::OndertekendOp(s) => ("ondertekend_op", s.yaml(&DATES, w)),
            Field::OndertekendDoor(naam, functie) => (
                "ondertekend_door",
                format!(
                    "\n  naam: {}\n  functie: {}",
                    naam.yaml(&TITLES, w),
                    functie.yaml(&TITLES, w)
                ),
            ),
            Field::Interventies(l) => ("interventies", yaml_list(l, &INTERVENTIES, w)),
            Field::Document(s) => ("document", s.yaml(&TARGETS, w)),
            Field::Standaard(s) => ("standaard", s.yaml(&TITLES, w)),
            Field::Onderzoek(door, methode, wanneer) => (
                "onderzoeken",
                format!(
                    "\n  - door: {}\n    methode: {}\n    wanneer: {}",
                    door.yaml(&TITLES, w),
                    methode.yaml(&TITLES, w),
                    wanneer.yaml(&TITLES, w)
                ),
            ),
            Field::Contact(pagina) => (
                "contact",
                format!("\n  pagina: {}", pagina.yaml(&TARGETS, w)),
            ),
            Field::Other(key, value) => return (key.yaml(&KEYS, w), value.yaml(&TITLES, w)),
        };
        (key.to_string(), value)
    }
}

/// A text inside a Markdown block.
#[derive(Arbitrary)]
enum Inline {
    Text(Text),
    Link(Text, Text),
    DocumentLink(Text, Text),
    Image(Text, Text),
    Emphasis(Text),
    Code(Text),
    FootnoteRef(u8),
    Html(u8),
    Autolink(Text),
}

impl Inline {
    fn markdown(&self, wild: bool) -> String {
        let text = |t: &Text| t.get(&TITLES, wild).to_string();
        match self {
            Inline::Text(t) => text(t),
            Inline::Link(to, t) => format!("[{}]({})", text(t), to.get(&TARGETS, wild)),
            Inline::DocumentLink(to, t) => {
                format!("[{}]({})", text(t), to.get(&DOCUMENT_TARGETS, wild))
            }
            Inline::Image(to, t) => format!("![{}]({})", text(t), to.get(&IMAGES, wild)),
            Inline::Emphasis(t) => format!("*{}*", text(t)),
            Inline::Code(t) => format!("`{}`", text(t)),
            Inline::FootnoteRef(n) => format!("[^{}]", pick(FOOTNOTES, *n)),
            Inline::Html(i) => pick(HTML, *i).to_string(),
            Inline::Autolink(to) => format!("<{}>", to.get(&TARGETS, wild)),
        }
    }
}

fn inlines(parts: &[Inline], wild: bool) -> String {
    (parts.iter().take(MAX_INLINES))
        .map(|part| part.markdown(wild))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A Markdown block of a body.
#[derive(Arbitrary)]
enum Block {
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>, Option<u8>),
    Item(Vec<Inline>),
    Quote(Vec<Inline>),
    Code(Text),
    Table(Vec<Inline>, Vec<Inline>),
    Html(u8),
    Footnote(u8, Vec<Inline>),
    Any(String),
}

impl Block {
    fn markdown(&self, wild: bool) -> String {
        match self {
            Block::Paragraph(p) => inlines(p, wild),
            Block::Heading(level, p, attributes) => format!(
                "{} {}{}",
                "#".repeat(usize::from(level % 6) + 1),
                inlines(p, wild),
                attributes.map_or(String::new(), |a| format!(" {}", pick(ATTRIBUTES, a)))
            ),
            Block::Item(p) => format!("- {}", inlines(p, wild)),
            Block::Quote(p) => format!("> {}", inlines(p, wild)),
            Block::Code(t) => format!("```\n{}\n```", t.get(&TITLES, wild)),
            Block::Table(a, b) => format!(
                "| {} | x |\n|---|:-:|\n| {} | y |",
                inlines(a, wild),
                inlines(b, wild)
            ),
            Block::Html(i) => pick(HTML, *i).to_string(),
            Block::Footnote(n, p) => format!("[^{}]: {}", pick(FOOTNOTES, *n), inlines(p, wild)),
            Block::Any(text) if wild => text.clone(),
            Block::Any(_) => String::new(),
        }
    }
}

/// Where a document is, as `Kind::of` tells content types apart.
#[derive(Arbitrary)]
enum Place {
    Index,
    Agenda,
    Toegankelijkheid,
    Page(u8),
    Section(u8, u8),
    SectionIndex(u8),
    Nested(u8, u8),
}

const SECTIONS: &[&str] = &["nieuws", "interventies", "programmalijnen", "addenda"];

impl Place {
    fn content_path(&self) -> String {
        match self {
            Place::Index => "index.md".into(),
            Place::Agenda => "agenda.md".into(),
            Place::Toegankelijkheid => "toegankelijkheid.md".into(),
            Place::Page(name) => format!("{}.md", pick(NAMES, *name)),
            Place::Section(section, name) => {
                format!("{}/{}.md", pick(SECTIONS, *section), pick(NAMES, *name))
            }
            Place::SectionIndex(section) => format!("{}/_index.md", pick(SECTIONS, *section)),
            Place::Nested(folder, name) => {
                format!("{}/{}.md", pick(NAMES, *folder), pick(NAMES, *name))
            }
        }
    }
}

#[derive(Arbitrary)]
struct Document {
    place: Place,
    titel: Scalar,
    fields: Vec<Field>,
    body: Vec<Block>,
    /// A news item without `soort` is an event, with a calendar file.
    event: bool,
    crlf: bool,
    bom: bool,
}

impl Document {
    /// The file; `number` is its place among the documents, for a programmalijn's `nummer`.
    fn bytes(&self, number: usize, wild: bool) -> Vec<u8> {
        let kind = gka::content::kind_name(&self.place.content_path());
        let mut text = format!("---\ntitel: {}\n", self.titel.yaml(&TITLES, wild));
        // A key twice is a YAML error, which would stop the build before anything is checked.
        let mut keys = HashSet::from(["titel".to_string()]);
        for field in (self.fields.iter().take(MAX_FIELDS)).filter(|f| f.fits(kind, wild)) {
            let (key, value) = field.entry(wild);
            if keys.insert(key.clone()) {
                text.push_str(&format!("{key}: {value}\n"));
            }
        }
        // The keys a content type requires, when the fields have none.
        let required = match kind {
            "nieuws" if self.event => vec![
                ("datum", "2025-06-12".to_string()),
                ("soort", "evenement".to_string()),
            ],
            "nieuws" => vec![("datum", "2025-06-12".to_string())],
            "programmalijn" => vec![("nummer", number.to_string())],
            "agenda" => vec![("themas", "\n  - Versterken van taal".to_string())],
            "toegankelijkheid" => vec![
                ("contact", "\n  pagina: /".to_string()),
                (
                    "onderzoeken",
                    "\n  - door: Wij\n    wanneer: Elke maand".to_string(),
                ),
            ],
            _ => Vec::new(),
        };
        for (key, value) in required.into_iter().filter(|(key, _)| !keys.contains(*key)) {
            text.push_str(&format!("{key}: {value}\n"));
        }
        text.push_str("---\n");
        for block in self.body.iter().take(MAX_BLOCKS) {
            text.push('\n');
            text.push_str(&block.markdown(wild));
            text.push('\n');
        }
        if self.crlf {
            text = text.replace('\n', "\r\n");
        }
        let mut bytes = if self.bom {
            "\u{feff}".as_bytes().to_vec()
        } else {
            Vec::new()
        };
        bytes.extend(text.into_bytes());
        bytes
    }
}

/// `site.yaml`.
#[derive(Arbitrary)]
struct Config {
    gemeente: Scalar,
    base_url: Option<Scalar>,
    titel: Option<Scalar>,
    taal: Option<Scalar>,
    thema: Option<Scalar>,
    omschrijving: Option<Scalar>,
    logo: Option<Scalar>,
    menu: Option<Vec<(Scalar, Scalar)>>,
    contact: Option<(Scalar, Scalar, Scalar)>,
    huisstijl: Option<(Scalar, Scalar)>,
    toegankelijkheid: Option<(Scalar, Scalar)>,
    beveiliging: Option<Beveiliging>,
}

/// `beveiliging` in `site.yaml`: at least one contact, as it requires.
#[derive(Arbitrary)]
struct Beveiliging {
    contact: Scalar,
    more: Vec<Scalar>,
    verloopt: Option<Scalar>,
    beleid: Option<Scalar>,
}

impl Config {
    fn yaml(&self, wild: bool) -> String {
        let w = wild;
        let mut text = format!("gemeente: {}\n", self.gemeente.yaml(&GEMEENTEN, w));
        // Without `base_url` no site builds: missing, it is the usual one.
        match &self.base_url {
            Some(url) => text.push_str(&format!("base_url: {}\n", url.yaml(&BASE_URLS, w))),
            None => text.push_str("base_url: \"https://gka.voorbeeldstad.example/\"\n"),
        }
        let optional = [
            ("titel", &self.titel, &TITLES),
            ("taal", &self.taal, &LANGUAGES),
            ("thema", &self.thema, &THEME_NAMES),
            ("omschrijving", &self.omschrijving, &TITLES),
            ("logo", &self.logo, &LOGOS),
        ];
        for (key, value, values) in optional {
            if let Some(value) = value {
                text.push_str(&format!("{key}: {}\n", value.yaml(values, w)));
            }
        }
        if let Some(menu) = &self.menu {
            text.push_str("menu:");
            if menu.is_empty() {
                text.push_str(" []");
            }
            for (titel, url) in menu {
                text.push_str(&format!(
                    "\n  - titel: {}\n    url: {}",
                    titel.yaml(&TITLES, w),
                    url.yaml(&TARGETS, w)
                ));
            }
            text.push('\n');
        }
        if let Some((tekst, email, telefoon)) = &self.contact {
            text.push_str(&format!(
                "contact:\n  tekst: {}\n  email: {}\n  telefoon: {}\n",
                tekst.yaml(&TITLES, w),
                email.yaml(&CONTACTS, w),
                telefoon.yaml(&PHONES, w)
            ));
        }
        if let Some((css, klasse)) = &self.huisstijl {
            text.push_str(&format!(
                "huisstijl:\n  css: {}\n  klasse: {}\n",
                css.yaml(&STYLESHEETS, w),
                klasse.yaml(&CLASSES, w)
            ));
        }
        if let Some((register, status)) = &self.toegankelijkheid {
            text.push_str(&format!(
                "toegankelijkheid:\n  register: {}\n  status: {}\n",
                register.yaml(&URLS, w),
                status.yaml(&STATUSLETTERS, w)
            ));
        }
        if let Some(beveiliging) = &self.beveiliging {
            let contact = if beveiliging.more.is_empty() {
                beveiliging.contact.yaml(&CONTACTS, w)
            } else {
                format!(
                    "\n    - {}{}",
                    beveiliging.contact.yaml(&CONTACTS, w),
                    yaml_list(&beveiliging.more, &CONTACTS, w).replace("\n  - ", "\n    - ")
                )
            };
            text.push_str(&format!("beveiliging:\n  contact: {contact}\n"));
            if let Some(verloopt) = &beveiliging.verloopt {
                text.push_str(&format!("  verloopt: {}\n", verloopt.yaml(&EXPIRES, w)));
            }
            if let Some(beleid) = &beveiliging.beleid {
                text.push_str(&format!("  beleid: {}\n", beleid.yaml(&URLS, w)));
            }
        }
        text
    }
}

/// Shown (by `cargo fuzz fmt`, and in a crash report) as its files.
#[derive(Arbitrary)]
struct Site {
    /// Wild from 192 on: one site in four.
    wildness: u8,
    config: Config,
    drafts: bool,
    documents: Vec<Document>,
}

impl Site {
    fn wild(&self) -> bool {
        self.wildness >= 192
    }

    /// The files of `content/`, by path relative to the site root: `site.yaml`, [`BASE`],
    /// and the documents, a later one at the same path replacing an earlier one.
    fn files(&self) -> BTreeMap<PathBuf, Vec<u8>> {
        let mut files = BTreeMap::new();
        let content = Path::new("content");
        files.insert(
            content.join("site.yaml"),
            self.config.yaml(self.wild()).into_bytes(),
        );
        for (path, text) in BASE {
            files.insert(content.join(path), text.as_bytes().to_vec());
        }
        for (number, document) in self.documents.iter().take(MAX_DOCUMENTS).enumerate() {
            files.insert(
                content.join(document.place.content_path()),
                document.bytes(number + 1, self.wild()),
            );
        }
        files
    }
}

impl fmt::Debug for Site {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (path, bytes) in self.files() {
            writeln!(f, "=== {}", path.display())?;
            writeln!(f, "{}", String::from_utf8_lossy(&bytes))?;
        }
        Ok(())
    }
}

/// A home page, an agenda with two themes, a logo and a stylesheet: with them, a site without
/// other documents builds, and links to the files resolve. A document at the same path
/// replaces them.
const BASE: [(&str, &str); 4] = [
    (
        "static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>\n",
    ),
    (
        "static/huisstijl.css",
        ".voorbeeld-theme { color: black; }\n",
    ),
    (
        "index.md",
        "---\ntitel: Gemeente Voorbeeldstad\n---\n\nVoorbeeldstad werkt aan gelijke kansen.\n",
    ),
    (
        "agenda.md",
        "---\ntitel: GKA-Agenda\nthemas:\n  - Versterken van taal\n  - Ouderbetrokkenheid\n---\n\nDe agenda.\n",
    ),
];

/// A temporary folder holding `site/` (the site root, with a copy of the repository's themes)
/// and, after a successful build, `out/`. Made once per process: copying the themes for every
/// run would cost more than the build.
struct Workspace {
    dir: TempDir,
}

impl Workspace {
    fn get() -> &'static Workspace {
        static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
        WORKSPACE.get_or_init(|| {
            let dir = tempfile::Builder::new()
                .prefix("gka-fuzz-site-")
                .tempdir()
                .expect("a temporary folder");
            let themes = Path::new(env!("CARGO_MANIFEST_DIR")).join("../themes");
            for entry in walkdir::WalkDir::new(&themes) {
                let entry = entry.expect("the repository's themes are readable");
                let rel = entry.path().strip_prefix(&themes).expect("under themes/");
                let to = dir.path().join("site/themes").join(rel);
                if entry.file_type().is_dir() {
                    fs::create_dir_all(&to).expect("a theme folder");
                } else {
                    fs::copy(entry.path(), &to).expect("a theme file");
                }
            }
            Workspace { dir }
        })
    }

    fn root(&self) -> PathBuf {
        self.dir.path().join("site")
    }

    fn out(&self) -> PathBuf {
        self.dir.path().join("out")
    }
}

/// The number of lines as the loader counts them: `\r\n`, `\r` and `\n` each end a line.
fn line_count(bytes: &[u8]) -> usize {
    let mut lines = 1;
    for (i, byte) in bytes.iter().enumerate() {
        match byte {
            b'\n' => lines += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => lines += 1,
            _ => {}
        }
    }
    lines
}

/// Writes the site's files under `content/` of a fresh root, and returns them.
fn write_site(site: &Site, root: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let content = root.join("content");
    if content.exists() {
        fs::remove_dir_all(&content).expect("the last run's content is removed");
    }
    let files = site.files();
    for (path, bytes) in &files {
        let path = root.join(path);
        fs::create_dir_all(path.parent().expect("a file has a folder")).expect("a folder");
        fs::write(&path, bytes).expect("a content file");
    }
    files
}

/// Every diagnostic names a file of the site, and a position only in a file that exists,
/// within its lines; every report format renders them, and the machine formats are JSON.
fn check_diagnostics(root: &Path, files: &BTreeMap<PathBuf, Vec<u8>>, found: &[Diagnostic]) {
    for d in found {
        assert!(
            !d.file.as_os_str().is_empty() && d.file.is_relative(),
            "diagnostic without a relative file: {d}"
        );
        assert!(
            d.file
                .components()
                .all(|c| matches!(c, Component::Normal(_))),
            "diagnostic with a file outside the site: {d}"
        );
        let Some(position) = d.position else {
            continue;
        };
        assert!(
            position.line >= 1 && position.column >= 1,
            "position {position:?} is not 1-based: {d}"
        );
        let bytes = match files.get(&d.file) {
            Some(bytes) => bytes.clone(),
            None => fs::read(root.join(&d.file))
                .unwrap_or_else(|_| panic!("a position in a file that does not exist: {d}")),
        };
        let lines = line_count(&bytes);
        assert!(
            position.line <= lines + 1,
            "line {} is past the end of a {lines}-line file: {d}",
            position.line
        );
    }
    let mut reporter = Reporter::new(root, false);
    for format in [Format::Human, Format::Json, Format::Github, Format::Gitlab] {
        let report = reporter.render(format, found);
        if matches!(format, Format::Json | Format::Gitlab) {
            serde_json::from_str::<serde_json::Value>(&report)
                .unwrap_or_else(|e| panic!("{format:?} report is not JSON ({e}):\n{report}"));
        }
    }
}

/// What a field of a line-based file holds.
#[derive(Clone, Copy)]
enum Holds {
    /// One address (RFC 3986), without spaces.
    Address,
    /// Language tags separated by `, `.
    Languages,
    /// Anything on one line.
    Line,
}

/// A field of a line-based file: its name, how often the file has it, what it holds.
type Rule = (&'static str, std::ops::RangeInclusive<usize>, Holds);

/// `security.txt` as gka writes it (RFC 9116): a line injected through a text of the site
/// shows as a field too often, or as a value that is not what the field holds.
const SECURITY_TXT: &[Rule] = &[
    ("Contact", 1..=usize::MAX, Holds::Address),
    ("Expires", 1..=1, Holds::Line),
    ("Preferred-Languages", 1..=1, Holds::Languages),
    ("Canonical", 1..=1, Holds::Address),
    ("Policy", 0..=1, Holds::Address),
];

const ROBOTS_TXT: &[Rule] = &[
    ("User-agent", 1..=1, Holds::Line),
    ("Allow", 0..=1, Holds::Line),
    ("Disallow", 0..=1, Holds::Line),
    ("Sitemap", 1..=1, Holds::Address),
];

/// A language tag in the shape of BCP 47: `nl`, `nl-NL`, `fy`.
fn is_language_tag(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let first = parts.next().unwrap_or_default();
    (2..=8).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_alphabetic())
        && parts.all(|p| (1..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Every line of `text` is a comment or a field of `rules`, holding what the field holds, and
/// every field is there as often as `rules` say.
fn check_fields(path: &str, text: &str, rules: &[Rule]) {
    let mut counts = HashMap::new();
    for line in text.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (name, value) = line
            .split_once(": ")
            .unwrap_or_else(|| panic!("/{path}: line {line:?} is not a field\n{text}"));
        let Some((_, _, holds)) = rules.iter().find(|(n, ..)| *n == name) else {
            panic!("/{path}: line {line:?} is not one of its fields\n{text}");
        };
        *counts.entry(name).or_insert(0) += 1;
        let fits = match holds {
            Holds::Address => {
                url::Url::parse(value).is_ok() && !value.contains(char::is_whitespace)
            }
            Holds::Languages => value.split(", ").all(is_language_tag),
            Holds::Line => true,
        };
        assert!(fits, "/{path}: {name} holds {value:?}\n{text}");
    }
    for (name, times, _) in rules {
        let count = counts.get(name).copied().unwrap_or(0);
        assert!(
            times.contains(&count),
            "/{path}: {name} {count} times\n{text}"
        );
    }
}

/// iCalendar properties a calendar file of gka holds (RFC 5545, and the names calendar
/// programs read).
const ICS_PROPERTIES: &[&str] = &[
    "BEGIN",
    "END",
    "VERSION",
    "PRODID",
    "CALSCALE",
    "METHOD",
    "NAME",
    "X-WR-CALNAME",
    "UID",
    "DTSTAMP",
    "DTSTART",
    "DTEND",
    "SUMMARY",
    "LOCATION",
    "DESCRIPTION",
    "URL",
];

/// A calendar the `icalendar` parser reads, of CRLF lines no longer than 75 octets, each a
/// property gka writes or the continuation of one: a line break in a value would start a
/// property of its own.
fn check_ics(path: &str, text: &str) {
    text.parse::<icalendar::Calendar>()
        .unwrap_or_else(|e| panic!("/{path} is not an iCalendar file: {e}\n{text}"));
    assert!(
        text.ends_with("\r\n") && !text.replace("\r\n", "").contains(['\r', '\n']),
        "/{path}: every line must end in CRLF\n{text:?}"
    );
    // Folded lines continue with a space or tab; every other line starts a property.
    for line in text.split("\r\n").filter(|l| !l.is_empty()) {
        if line.starts_with([' ', '\t']) {
            continue;
        }
        let name = line.split([':', ';']).next().unwrap_or_default();
        assert!(
            ICS_PROPERTIES.contains(&name),
            "/{path}: line {line:?} is not a property gka writes\n{text}"
        );
        assert!(line.len() <= 75, "/{path}: line {line:?} is not folded");
    }
}

/// Well-formed, and every address of the site in it (a sitemap's `<loc>`, a feed's links)
/// names a published file.
fn check_xml(path: &str, text: &str, site: &Published) {
    let document = roxmltree::Document::parse(text)
        .unwrap_or_else(|e| panic!("/{path} is not well-formed XML: {e}\n{text}"));
    for node in document.descendants().filter(|n| n.is_element()) {
        if let Some(href) = node.attribute("href") {
            site.check(path, href);
        }
        if node.tag_name().name() == "loc" {
            site.check(path, node.text().unwrap_or_default());
        }
    }
}

/// CSV as Dutch Excel reads it (a byte-order mark, `;` between fields), with no cell a
/// spreadsheet would run as a formula.
fn check_csv(path: &str, bytes: &[u8]) {
    let bytes = bytes
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or_else(|| panic!("/{path} has no byte-order mark"));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(bytes);
    for record in reader.records() {
        let record = record.unwrap_or_else(|e| panic!("/{path} is not CSV: {e}"));
        for cell in &record {
            assert!(
                !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                "/{path}: cell {cell:?} would be a spreadsheet formula"
            );
        }
    }
}

/// The files a build wrote, to check that every link into the site lands on one.
struct Published<'a> {
    files: HashSet<&'a str>,
    /// The address of the site, `https://host/` or `https://host/sub/`, as in the sitemap.
    url: String,
    /// Its path, `/` or `/sub/`, which links within the site start with.
    path: String,
}

impl<'a> Published<'a> {
    /// The site as published in `paths`, at the address `robots.txt` gives its sitemap.
    fn new(paths: &'a [String], robots: &str) -> Published<'a> {
        let sitemap = (robots.lines())
            .find_map(|l| l.strip_prefix("Sitemap: "))
            .expect("robots.txt names the sitemap");
        let url = sitemap
            .strip_suffix("sitemap.xml")
            .expect("the sitemap is at the site's root");
        let path = url::Url::parse(url)
            .expect("the sitemap's address")
            .path()
            .to_string();
        Published {
            files: paths.iter().map(String::as_str).collect(),
            url: url.to_string(),
            path,
        }
    }

    /// Checks that `address`, when it is one of this site's, names a published file (or a
    /// folder with `index.html`).
    fn check(&self, from: &str, address: &str) {
        let Some(rest) = (address.strip_prefix(&self.url)).or_else(|| {
            address
                .strip_prefix(&self.path)
                .filter(|_| !address.starts_with("//"))
        }) else {
            return;
        };
        let rest = rest.split(['?', '#']).next().unwrap_or_default();
        let rest = percent_encoding::percent_decode_str(rest)
            .decode_utf8()
            .unwrap_or_else(|_| panic!("/{from}: {address:?} is not UTF-8"));
        let lands = if rest.is_empty() || rest.ends_with('/') {
            self.files.contains(format!("{rest}index.html").as_str())
        } else {
            self.files.contains(rest.as_ref())
                || self.files.contains(format!("{rest}/index.html").as_str())
        };
        assert!(lands, "/{from}: the link to {address:?} lands on no file");
    }
}

/// Read with the HTML parser of browsers (html5ever): ids, attributes, links, `lang` and
/// scripts as the module's documentation says.
fn check_html(path: &str, text: &str, site: &Published) {
    let document = Html::parse_document(text);
    let mut ids = HashSet::new();
    let mut fragments = Vec::new();
    let all = Selector::parse("*").expect("a selector");
    for element in document.select(&all) {
        let element = element.value();
        if let Some(id) = element.id() {
            assert!(
                !id.is_empty() && !id.contains(|c: char| c.is_ascii_whitespace()),
                "/{path}: id {id:?} is empty or has spaces"
            );
            assert!(ids.insert(id.to_string()), "/{path}: id {id:?} twice");
        }
        for (name, value) in element.attrs() {
            assert!(
                !name.starts_with("on"),
                "/{path}: event handler {name}={value:?} on <{}>",
                element.name()
            );
            if matches!(name, "href" | "src") {
                match value.strip_prefix('#') {
                    Some(fragment) => fragments.push(fragment),
                    None => site.check(path, value),
                }
            }
            let value = value.trim_start().to_ascii_lowercase();
            assert!(
                !(matches!(name, "href" | "src" | "action" | "formaction")
                    && (value.starts_with("javascript:") || value.starts_with("data:text"))),
                "/{path}: {name}={value:?} runs a script"
            );
        }
    }
    for fragment in fragments.into_iter().filter(|f| !f.is_empty()) {
        assert!(
            ids.contains(fragment),
            "/{path}: the link to #{fragment} names no id on the page"
        );
    }
    let lang = Selector::parse("[lang]").expect("a selector");
    for element in document.select(&lang) {
        let lang = element.attr("lang").unwrap_or_default();
        assert!(
            is_language_tag(lang),
            "/{path}: lang={lang:?} is not a language tag"
        );
    }
    let scripts = Selector::parse("script").expect("a selector");
    for script in document.select(&scripts) {
        match (script.attr("src"), script.attr("type")) {
            (Some(src), _) => assert!(
                src.starts_with('/') && !src.starts_with("//") && src.contains("/static/js/"),
                "/{path}: script from {src:?}"
            ),
            (None, Some("application/ld+json")) => {
                let json: String = script.text().collect();
                serde_json::from_str::<serde_json::Value>(&json)
                    .unwrap_or_else(|e| panic!("/{path}: JSON-LD is not JSON ({e}): {json}"));
            }
            (None, _) => panic!("/{path}: inline script {}", script.html()),
        }
    }
}

/// Checks every file of a successful build with a parser for its kind.
fn check_output(out: &Path, files_reported: usize) {
    let mut paths = Vec::new();
    for entry in walkdir::WalkDir::new(out).sort_by_file_name() {
        let entry = entry.expect("the output is readable");
        if entry.file_type().is_file() {
            let rel = entry.path().strip_prefix(out).expect("inside the output");
            let rel = rel
                .to_str()
                .expect("output paths are UTF-8")
                .replace('\\', "/");
            paths.push(rel);
        }
    }
    paths.retain(|p| p != gka::output::MARKER);
    // A path claimed twice is written twice, so there would be fewer files than written.
    assert_eq!(
        paths.len(),
        files_reported,
        "the build reports {files_reported} files and wrote {}: one overwrote another\n{paths:#?}",
        paths.len()
    );
    let mut lower = HashMap::new();
    for path in &paths {
        if let Some(other) = lower.insert(path.to_lowercase(), path) {
            panic!("/{path} and /{other} differ only by case");
        }
    }
    let robots = fs::read_to_string(out.join("robots.txt")).expect("robots.txt is written");
    let site = Published::new(&paths, &robots);
    for path in &paths {
        let bytes = fs::read(out.join(path)).expect("an output file is readable");
        let extension = path.rsplit_once('.').map_or("", |(_, e)| e);
        let text =
            || String::from_utf8(bytes.clone()).unwrap_or_else(|_| panic!("/{path} is not UTF-8"));
        match extension {
            "html" => check_html(path, &text(), &site),
            "xml" => check_xml(path, &text(), &site),
            "json" => {
                if let Err(e) = serde_json::from_slice::<serde_json::Value>(&bytes) {
                    panic!("/{path} is not JSON: {e}");
                }
            }
            "ics" => check_ics(path, &text()),
            "csv" => check_csv(path, &bytes),
            _ => {}
        }
        match path.as_str() {
            ".well-known/security.txt" => check_fields(path, &text(), SECURITY_TXT),
            "robots.txt" => check_fields(path, &text(), ROBOTS_TXT),
            _ => {}
        }
    }
}

fuzz_target!(|site: Site| {
    let workspace = Workspace::get();
    let (root, out) = (workspace.root(), workspace.out());
    let files = write_site(&site, &root);
    let options = BuildOptions {
        root: root.clone(),
        output: out.clone(),
        base_url: None,
        drafts: site.drafts,
        search: false,
    };
    let today: Datum = TODAY.parse().expect("a date");
    match gka::build::build_at(&options, false, &(), today) {
        Ok(report) => {
            check_diagnostics(&root, &files, &report.warnings);
            assert!(
                report
                    .warnings
                    .iter()
                    .all(|d| d.severity() == Severity::Warning),
                "a successful build reported an error"
            );
            check_output(&out, report.files);
            fs::remove_dir_all(&out).expect("the output is removed");
        }
        Err(BuildError::Content(found)) => {
            assert!(
                found.iter().any(|d| d.severity() == Severity::Error),
                "a build failed without an error: {found:#?}"
            );
            check_diagnostics(&root, &files, &found);
        }
        Err(other) => panic!("the build failed outside the content: {other}"),
    }
    // A failed build writes nothing, and a successful one leaves no staging folder behind.
    let left: Vec<_> = fs::read_dir(workspace.dir.path())
        .expect("the workspace is readable")
        .map(|e| e.expect("an entry").file_name())
        .filter(|name| name != "site")
        .collect();
    assert!(left.is_empty(), "the build left {left:?} beside the site");
});

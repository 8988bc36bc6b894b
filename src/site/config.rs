//! Site-wide settings, resolved from `site.yaml` and the command line.

use crate::content::front_matter::LineMap;
use serde_saphyr::Spanned;

use crate::content::site_config::{Beveiliging, Contact, Huisstijl, Nalevingsstatus, SiteConfig};
use crate::content::values::Datum;
use crate::content::{CONFIG_FILE, content_file};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};

use super::ModelOptions;

/// Site-wide settings, resolved.
#[derive(Debug, Clone)]
pub struct Config {
    /// The gemeente's name.
    pub gemeente: String,
    /// The site's title.
    pub titel: String,
    /// Language code for `lang`.
    pub taal: String,
    /// Theme folder name.
    pub thema: String,
    /// A sentence about the site.
    pub omschrijving: Option<String>,
    /// Logo path or URL, resolved.
    pub logo: Option<String>,
    /// The main menu, with resolved URLs.
    pub menu: Vec<MenuLink>,
    /// Footer contact details.
    pub contact: Option<Contact>,
    /// The absolute address of the site, ending in `/`.
    pub base_url: url::Url,
    /// The house style's stylesheet, a site path linked after the theme's CSS.
    pub huisstijl_css: Option<String>,
    /// The house style's class names for `<html>`.
    pub huisstijl_klasse: Option<String>,
    /// The accessibility statement's register entry, for the footer label.
    pub toegankelijkheidslabel: Option<Label>,
    /// The security contact, for `/.well-known/security.txt`.
    pub beveiliging: Option<SecurityContact>,
    /// Whether the original files of the photos the bodies show are published too.
    pub originelen: bool,
    /// From how many bytes a link to a file says it is a large file.
    pub heavy_from: u64,
}

/// The size from which a link to a file warns of a large download, when `site.yaml` sets none:
/// 10 MB, about what a phone on a slow connection loads in a minute or more.
pub const HEAVY_FROM: u64 = 10_000_000;

/// The register entry of the site's accessibility statement.
#[derive(Debug, Clone)]
pub struct Label {
    /// The statement's address in the register.
    pub register: String,
    /// Its status there.
    pub status: Nalevingsstatus,
}

/// What `/.well-known/security.txt` says (RFC 9116).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SecurityContact {
    /// `Contact:` addresses, in order of preference.
    pub contact: Vec<String>,
    /// The last day the file is valid (`Expires:`).
    pub verloopt: Datum,
    /// `Policy:` address.
    pub beleid: Option<String>,
}

/// A menu entry with a resolved URL.
#[derive(Debug, Clone)]
pub struct MenuLink {
    /// Link text.
    pub titel: String,
    /// Site path (`/agenda/`) or absolute URL.
    pub url: String,
}

impl Config {
    /// The path the site lives under on its host, `/` or e.g. `/gka/`.
    pub fn base_path(&self) -> &str {
        self.base_url.path()
    }

    /// A site path (`/agenda/`) as a link that works under the base path.
    pub fn link(&self, site_path: &str) -> String {
        link(self.base_path(), site_path)
    }

    /// A site path as an absolute URL, for sitemaps, canonical links and feeds.
    pub fn absolute(&self, site_path: &str) -> String {
        let mut url = self.base_url.as_str().trim_end_matches('/').to_string();
        url.push_str(site_path);
        url
    }
}

fn link(base_path: &str, site_path: &str) -> String {
    if site_path.starts_with('/') {
        format!("{}{}", base_path.trim_end_matches('/'), site_path)
    } else {
        site_path.to_string()
    }
}

pub(super) fn resolve_config(
    raw: SiteConfig,
    lines: LineMap,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Config> {
    let file = content_file(CONFIG_FILE);
    let base_url = match (&options.base_url, &raw.base_url) {
        (Some(flag), _) => parse_base_url(flag).map_err(|problem| {
            Diagnostic::new(
                Code::BaseUrl,
                "--base-url",
                None,
                t!("adres-vlag", url = flag, problem = problem),
            )
            .with_hint(t!("adres-vlag-hint"))
        }),
        (None, Some(value)) => parse_base_url(&value.value).map_err(|problem| {
            Diagnostic::new(
                Code::BaseUrl,
                &file,
                lines.of(value),
                t!("base-url-fout", url = &value.value, problem = problem),
            )
            .with_width(lines.width(value))
            .with_hint(t!("base-url-fout-hint"))
        }),
        (None, None) => Err(
            Diagnostic::new(Code::BaseUrl, &file, None, t!("base-url-ontbreekt"))
                .with_hint(t!("base-url-ontbreekt-hint")),
        ),
    };
    let base_url = base_url.map_err(|d| diagnostics.push(d)).ok();
    let huisstijl = raw
        .huisstijl
        .map(|h| resolve_huisstijl(h, lines, diagnostics))
        .unwrap_or_default();
    let toegankelijkheidslabel = raw.toegankelijkheid.and_then(|t| {
        check_https(&t.register, "register", lines, diagnostics).map(|register| Label {
            register,
            status: t.status,
        })
    });
    // The run's build date, as everywhere else: the expiry date must lie after it.
    let beveiliging = raw
        .beveiliging
        .and_then(|b| resolve_beveiliging(b, lines, options.today.0, diagnostics));
    let heavy_from = raw
        .downloads
        .and_then(|d| d.waarschuwing_vanaf)
        .and_then(|limit| match parse_size(&limit.value) {
            Ok(bytes) => Some(bytes),
            Err(()) => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::BadSetting,
                        &file,
                        lines.of(&limit),
                        t!("grootte-ongeldig", text = limit.value.trim()),
                    )
                    .with_width(lines.width(&limit))
                    .with_hint(t!("grootte-ongeldig-hint")),
                );
                None
            }
        })
        .unwrap_or(HEAVY_FROM);
    let base_url = base_url?;
    let menu = raw.menu.map(|items| {
        items
            .into_iter()
            .map(|item| MenuLink {
                titel: item.titel,
                url: item.url.value,
            })
            .collect()
    });
    Some(Config {
        titel: raw
            .titel
            .unwrap_or_else(|| format!("Gelijke Kansen Alliantie {}", raw.gemeente)),
        gemeente: raw.gemeente,
        taal: raw.taal,
        thema: raw.thema.value,
        omschrijving: raw.omschrijving,
        logo: raw.logo.map(|l| l.value),
        menu: menu.unwrap_or_default(),
        contact: raw.contact,
        base_url,
        huisstijl_css: huisstijl.0,
        huisstijl_klasse: huisstijl.1,
        toegankelijkheidslabel,
        beveiliging,
        originelen: raw.afbeeldingen.is_some_and(|a| a.originelen),
        heavy_from,
    })
}

/// A size as people write it: a number, with a decimal comma or point, and a unit of 1000
/// bytes as [`crate::markdown::links::dutch_size`] shows sizes: `10 MB`, `500 kB`, `1,5 GB`,
/// `800 bytes`. Case and spaces do not matter; a number without a unit, or a size of 0, is
/// not one.
pub fn parse_size(text: &str) -> Result<u64, ()> {
    let text = text.trim();
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(text.len());
    let (number, unit) = text.split_at(split);
    let factor: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "b" | "byte" | "bytes" => 1,
        "kb" => 1_000,
        "mb" => 1_000_000,
        "gb" => 1_000_000_000,
        _ => return Err(()),
    };
    let (whole, fraction) = number.split_once([',', '.']).unwrap_or((number, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty() || !digits(whole) || !digits(fraction) || fraction.len() > 9 {
        return Err(());
    }
    // In whole units and billionths of one, so that `1,5 MB` is exact.
    let whole: u64 = whole.parse().map_err(|_| ())?;
    let billionths: u64 = format!("{fraction:0<9}").parse().map_err(|_| ())?;
    let bytes = whole
        .checked_mul(factor)
        .and_then(|b| b.checked_add(billionths * factor / 1_000_000_000))
        .ok_or(())?;
    if bytes == 0 { Err(()) } else { Ok(bytes) }
}

/// The house style's stylesheet (a file of this site: other sites' CSS would break the
/// promise that nothing loads from third parties) and class names.
fn resolve_huisstijl(
    raw: Huisstijl,
    lines: LineMap,
    diagnostics: &mut Diagnostics,
) -> (Option<String>, Option<String>) {
    let file = content_file(CONFIG_FILE);
    let css = raw.css.and_then(|css| {
        let path = css.value.trim();
        if !path.starts_with('/') || path.starts_with("//") {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSetting,
                    &file,
                    lines.of(&css),
                    t!("css-niet-van-site", path = path),
                )
                .with_width(lines.width(&css))
                .with_hint(t!("css-niet-van-site-hint")),
            );
            None
        } else if !path.ends_with(".css") {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSetting,
                    &file,
                    lines.of(&css),
                    t!("css-geen-stijlblad", path = path),
                )
                .with_width(lines.width(&css))
                .with_hint(t!("css-geen-stijlblad-hint")),
            );
            None
        } else {
            Some(path.to_string())
        }
    });
    let klasse = raw.klasse.and_then(|klasse| {
        let names: Vec<&str> = klasse.value.split_whitespace().collect();
        match names.iter().find(|n| !is_class_name(n)) {
            Some(bad) => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::BadSetting,
                        &file,
                        lines.of(&klasse),
                        t!("css-klasse", class = *bad),
                    )
                    .with_width(lines.width(&klasse))
                    .with_hint(t!("css-klasse-hint")),
                );
                None
            }
            None if names.is_empty() => None,
            None => Some(names.join(" ")),
        }
    });
    (css, klasse)
}

/// A class name that needs no escaping in CSS: `[A-Za-z_-][A-Za-z0-9_-]*`, not `-` + digit.
fn is_class_name(name: &str) -> bool {
    let rest = name.strip_prefix('-').unwrap_or(name);
    rest.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '-')
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// An `https://` address, or an error at its line.
fn check_https(
    value: &Spanned<String>,
    key: &str,
    lines: LineMap,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    let text = value.value.trim();
    match url::Url::parse(text) {
        // The parser drops line ends inside an address; the text is kept, so it must have none.
        Ok(url) if url.scheme() == "https" && url.host().is_some() && is_one_word(text) => {
            Some(text.to_string())
        }
        _ => {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSetting,
                    content_file(CONFIG_FILE),
                    lines.of(value),
                    t!("geen-https-adres", key = key, text = text),
                )
                .with_width(lines.width(value))
                .with_hint(t!("geen-https-adres-hint")),
            );
            None
        }
    }
}

/// Whether `text` is one word: an address has no spaces, tabs, line ends or other control
/// characters, and is written on one line wherever it lands.
fn is_one_word(text: &str) -> bool {
    !text.is_empty() && !text.contains(|c: char| c.is_whitespace() || c.is_control())
}

/// How long `security.txt` stays valid when `verloopt` is not given: RFC 9116 asks for less
/// than a year, so a site rebuilt at least once a year never publishes an expired file.
const SECURITY_TXT_DAYS: i64 = 364;

fn resolve_beveiliging(
    raw: Beveiliging,
    lines: LineMap,
    today: time::Date,
    diagnostics: &mut Diagnostics,
) -> Option<SecurityContact> {
    let file = content_file(CONFIG_FILE);
    let before = diagnostics.counts().0;
    let mut contact = Vec::new();
    for item in raw.contact.items() {
        let text = item.value.trim();
        // Each value is one line of security.txt (RFC 9116): a line end in it would add lines.
        let valid = is_one_word(text)
            && match text.split_once(':') {
                Some(("mailto", address)) => address.contains('@'),
                Some(("tel", number)) => {
                    number.chars().any(|c| c.is_ascii_digit())
                        && number
                            .chars()
                            .all(|c| c.is_ascii_digit() || "+-.()".contains(c))
                }
                Some(("https", _)) => url::Url::parse(text).is_ok_and(|u| u.host().is_some()),
                _ => false,
            };
        if valid {
            contact.push(text.to_string());
        } else {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSetting,
                    &file,
                    lines.of(item),
                    t!("beveiliging-contact", text = text),
                )
                .with_width(lines.width(item))
                .with_hint(t!("beveiliging-contact-hint")),
            );
        }
    }
    if raw.contact.items().is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::MissingKey,
                &file,
                None,
                t!("beveiliging-geen-contact"),
            )
            .with_hint(t!("beveiliging-geen-contact-hint")),
        );
    }
    let verloopt = match raw.verloopt {
        Some(date) if date.value.0 < today => {
            diagnostics.push(
                Diagnostic::new(
                    Code::InvalidValue,
                    &file,
                    lines.of(&date),
                    t!("beveiliging-verlopen", date = date.value.iso()),
                )
                .with_width(lines.width(&date))
                .with_hint(t!("beveiliging-verlopen-hint")),
            );
            date.value
        }
        Some(date) => {
            if date.value.0 > today + time::Duration::days(366) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::LongExpiry,
                        &file,
                        lines.of(&date),
                        t!("beveiliging-lang", date = date.value.iso()),
                    )
                    .with_width(lines.width(&date))
                    .with_hint(t!("beveiliging-lang-hint")),
                );
            }
            date.value
        }
        None => Datum(today + time::Duration::days(SECURITY_TXT_DAYS)),
    };
    let beleid = raw
        .beleid
        .and_then(|b| check_https(&b, "beleid", lines, diagnostics));
    (diagnostics.counts().0 == before).then_some(SecurityContact {
        contact,
        verloopt,
        beleid,
    })
}

fn parse_base_url(text: &str) -> Result<url::Url, String> {
    let mut url = url::Url::parse(text.trim()).map_err(|_| t!("adres-ongeldig"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(t!("adres-geen-https"));
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err(t!("adres-vraagteken"));
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_read_as_people_write_them() {
        for (text, bytes) in [
            ("10 MB", 10_000_000),
            ("10MB", 10_000_000),
            (" 500 kB ", 500_000),
            ("1,5 MB", 1_500_000),
            ("1.5 mb", 1_500_000),
            ("2 GB", 2_000_000_000),
            ("800 bytes", 800),
            ("1 byte", 1),
            ("0,001 kB", 1),
        ] {
            assert_eq!(parse_size(text), Ok(bytes), "{text}");
        }
        for text in [
            "",
            "10",
            "MB",
            "10 MiB",
            "tien MB",
            "-1 MB",
            "0 MB",
            "1,5,0 MB",
            ",5 MB",
            "1e3 kB",
            "99999999999 GB",
        ] {
            assert_eq!(parse_size(text), Err(()), "{text}");
        }
    }

    #[test]
    fn security_values_are_single_line_addresses() {
        let today = time::macros::date!(2025 - 01 - 01);
        for contact in [
            "\"mailto:a@b.example\\nPolicy: https://evil.example/\"",
            "\"tel:123\\nPolicy: https://evil.example/\"",
            "\"https://x.example/\\nPolicy: https://evil.example/\"",
            "\"tel:+31 20 123\"",
        ] {
            let yaml = format!("gemeente: X\nbeveiliging:\n  contact: {contact}\n");
            let raw = config(&yaml).beveiliging.unwrap();
            let mut diagnostics = Diagnostics::default();
            let lines = LineMap { first_line: 1 };
            assert!(
                resolve_beveiliging(raw, lines, today, &mut diagnostics).is_none(),
                "{contact}"
            );
        }
        let yaml = "gemeente: X\nbeveiliging:\n  contact: tel:+31-20-123\n  beleid: \"https://x.example/\\nExpires: 2099\"\n";
        let raw = config(yaml).beveiliging.unwrap();
        let mut diagnostics = Diagnostics::default();
        let lines = LineMap { first_line: 1 };
        assert!(resolve_beveiliging(raw, lines, today, &mut diagnostics).is_none());
        assert_eq!(diagnostics.counts().0, 1, "only the policy is wrong");
    }

    #[test]
    fn base_urls_get_a_trailing_slash() {
        assert_eq!(parse_base_url("https://x.nl/gka").unwrap().path(), "/gka/");
        assert!(parse_base_url("ftp://x.nl/").is_err());
        assert!(parse_base_url("gka.nl").is_err());
    }

    fn config(yaml: &str) -> SiteConfig {
        crate::content::front_matter::parse(yaml, LineMap { first_line: 1 }).unwrap()
    }

    #[test]
    fn security_contacts_are_checked_and_expire_within_a_year() {
        let today = time::macros::date!(2030 - 01 - 01);
        let mut diagnostics = Diagnostics::default();
        let raw = config("gemeente: X\nbeveiliging:\n  contact: mailto:cert@x.example\n")
            .beveiliging
            .unwrap();
        let contact =
            resolve_beveiliging(raw, LineMap { first_line: 1 }, today, &mut diagnostics).unwrap();
        assert_eq!(contact.contact, ["mailto:cert@x.example"]);
        assert_eq!(contact.verloopt.iso(), "2030-12-31");
        assert!(diagnostics.is_empty());

        let raw = config("gemeente: X\nsecurity:\n  contact: [cert@x.example, 'https://x.example/cvd']\n  expires: 2029-12-31\n")
            .beveiliging
            .unwrap();
        assert!(
            resolve_beveiliging(raw, LineMap { first_line: 1 }, today, &mut diagnostics).is_none()
        );
        let messages: Vec<String> = diagnostics.into_iter().map(|d| d.message).collect();
        assert_eq!(messages.len(), 2, "{messages:?}");
        assert!(
            messages[0].contains("'cert@x.example' is geen mailto:"),
            "{messages:?}"
        );
        assert!(
            messages[1].contains("verlopen op 2029-12-31"),
            "{messages:?}"
        );
    }

    #[test]
    fn house_style_needs_a_local_stylesheet_and_class_names() {
        let mut diagnostics = Diagnostics::default();
        let raw = config("gemeente: X\nhuisstijl:\n  css: /static/huisstijl.css\n  klasse: voorbeeld-theme  extra\n").huisstijl.unwrap();
        let (css, klasse) = resolve_huisstijl(raw, LineMap { first_line: 1 }, &mut diagnostics);
        assert_eq!(css.as_deref(), Some("/static/huisstijl.css"));
        assert_eq!(klasse.as_deref(), Some("voorbeeld-theme extra"));
        assert!(diagnostics.is_empty());

        let raw =
            config("gemeente: X\nhuisstijl:\n  css: https://cdn.example/x.css\n  klasse: 1abc\n")
                .huisstijl
                .unwrap();
        assert_eq!(
            resolve_huisstijl(raw, LineMap { first_line: 1 }, &mut diagnostics),
            (None, None)
        );
        let lines: Vec<usize> = diagnostics
            .into_iter()
            .filter_map(|d| d.position.map(|p| p.line))
            .collect();
        assert_eq!(lines, [3, 4]);
    }

    #[test]
    fn links_respect_the_base_path() {
        assert_eq!(link("/gka/", "/agenda/"), "/gka/agenda/");
        assert_eq!(link("/", "/agenda/"), "/agenda/");
        assert_eq!(link("/", "https://elders.nl/"), "https://elders.nl/");
    }
}

//! A national site's sources: the gemeenten listed under `bronnen` in `site.yaml`, each with
//! the address of its published `/data/gka.json` or a folder holding its site.
//!
//! `gka bronnen` fetches the published ones into `bronnen/<slug>/` in the site's folder, to be
//! committed, so that building stays offline and gives the same site on every machine. A copy
//! replaces the last one only when it is gka open data of a version this gka reads (checked
//! against the open data schema): a gemeente whose site is down, slow, too large or broken
//! costs a warning, never the national site. Beside each copy, `herkomst.json` keeps where and
//! when it was fetched and the server's validators, so the next fetch asks only for changes.

mod fetch;

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::sync::{Arc, LazyLock, Mutex, PoisonError};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use crate::content::front_matter::LineMap;
use crate::content::site_config::{Bron, SiteConfig};
use crate::content::{CONFIG_FILE, CONTENT_DIR};
use crate::diagnostics::{Code, Diagnostic};
use crate::markdown::links::dutch_size;
use crate::open_data::OpenData;

pub use fetch::Limits;

/// The folder in a national site that holds the fetched copies, one folder per gemeente.
pub const SOURCES_DIR: &str = "bronnen";
/// A fetched copy of a gemeente's open data.
pub const DATA_FILE: &str = "gka.json";
/// Where a copy came from and when, beside it.
pub const ORIGIN_FILE: &str = "herkomst.json";

/// How many sources are fetched at the same time: enough to hide the wait for slow servers,
/// few enough not to look like an attack on any of them.
const AT_ONCE: usize = 4;

/// One gemeente of a national site, as `site.yaml` lists it.
#[derive(Debug, Clone)]
pub struct Source {
    /// The gemeente's name as it is written.
    pub name: String,
    /// Its folder name in [`SOURCES_DIR`] and, later, in the site's addresses.
    pub slug: String,
    /// Where its content is.
    pub place: Place,
    /// Where `site.yaml` names the place, and how wide that is, for diagnostics.
    position: Option<crate::diagnostics::Position>,
    width: Option<usize>,
}

/// Where a source's content is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// The address of its published `gka.json`.
    Remote(url::Url),
    /// A folder with its site, relative to the national site's folder.
    Local(PathBuf),
}

/// The sources `config` lists, or every problem with the list (`GKA-E060`): each source needs
/// exactly one of `adres` (an `https://` address; plain `http://` only on this computer, for
/// tests and previews) and `map` (a folder with a site), and each gemeente is listed once.
pub fn sources(
    root: &Path,
    config: &SiteConfig,
    lines: LineMap,
) -> Result<Vec<Source>, Vec<Diagnostic>> {
    let mut found: Vec<Source> = Vec::new();
    let mut problems = Vec::new();
    for bron in config.bronnen.iter().flatten() {
        match source(root, bron, lines) {
            Ok(source) => match found.iter().find(|s| s.slug == source.slug) {
                Some(earlier) => problems.push(setting(
                    lines,
                    &bron.gemeente,
                    t!(
                        "bron-dubbel",
                        gemeente = &source.name,
                        earlier = &earlier.name
                    ),
                    t!("bron-dubbel-hint"),
                )),
                None => found.push(source),
            },
            Err(problem) => problems.push(problem),
        }
    }
    if problems.is_empty() {
        Ok(found)
    } else {
        Err(problems)
    }
}

fn source(root: &Path, bron: &Bron, lines: LineMap) -> Result<Source, Diagnostic> {
    let name = bron.gemeente.value.trim().to_string();
    let slug = slug::slugify(&name);
    if slug.is_empty() {
        return Err(setting(
            lines,
            &bron.gemeente,
            t!("bron-geen-naam"),
            t!("bron-geen-naam-hint"),
        ));
    }
    let (place, at) = match (&bron.adres, &bron.map) {
        (Some(adres), None) => (Place::Remote(address(adres, lines)?), adres),
        (None, Some(map)) => {
            let folder = PathBuf::from(map.value.trim());
            if !root.join(&folder).join(CONTENT_DIR).is_dir() {
                return Err(setting(
                    lines,
                    map,
                    t!("bron-geen-site", folder = folder.display()),
                    t!("bron-geen-site-hint"),
                ));
            }
            (Place::Local(folder), map)
        }
        (Some(_), Some(map)) => {
            return Err(setting(
                lines,
                map,
                t!("bron-twee-plekken", gemeente = &name),
                t!("bron-plek-hint"),
            ));
        }
        (None, None) => {
            return Err(setting(
                lines,
                &bron.gemeente,
                t!("bron-geen-plek", gemeente = &name),
                t!("bron-plek-hint"),
            ));
        }
    };
    Ok(Source {
        name,
        slug,
        place,
        position: lines.of(at),
        width: lines.width(at),
    })
}

/// The address of `adres`: `https://`, or `http://` on this computer only, since the data of a
/// national site must not be changeable on its way.
fn address(adres: &Spanned<String>, lines: LineMap) -> Result<url::Url, Diagnostic> {
    let text = adres.value.trim();
    let url = url::Url::parse(text).map_err(|_| {
        setting(
            lines,
            adres,
            t!("bron-geen-adres", address = text),
            t!("bron-adres-hint"),
        )
    })?;
    let local = match url.host() {
        Some(url::Host::Domain(name)) => name == "localhost",
        Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
        Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
        None => false,
    };
    match url.scheme() {
        "https" => Ok(url),
        "http" if local => Ok(url),
        _ => Err(setting(
            lines,
            adres,
            t!("bron-geen-https", address = text),
            t!("bron-adres-hint"),
        )),
    }
}

fn setting(lines: LineMap, at: &Spanned<String>, message: String, hint: String) -> Diagnostic {
    Diagnostic::new(Code::SourceSetting, config_file(), lines.of(at), message)
        .with_width(lines.width(at))
        .with_hint(hint)
}

fn config_file() -> PathBuf {
    Path::new(CONTENT_DIR).join(CONFIG_FILE)
}

/// Where and when a copy was fetched, and what the server said about its version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Origin {
    /// The address it was fetched from.
    pub adres: String,
    /// When, in UTC (RFC 3339).
    pub opgehaald: String,
    /// The server's `ETag`, for `If-None-Match` next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// The server's `Last-Modified`, for `If-Modified-Since` next time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gewijzigd: Option<String>,
}

/// What fetching one source came to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The first copy, of this many bytes.
    New(u64),
    /// A new copy replaced the last one.
    Changed(u64),
    /// The server said, or the bytes showed, that nothing changed.
    Unchanged,
    /// A folder in the repository: nothing to fetch.
    Local,
    /// Not fetched, or not usable; the last good copy (fetched at the time given) stays.
    Failed {
        /// When the copy that stays was fetched; `None` when there is none.
        kept: Option<String>,
    },
}

/// What `gka bronnen` did: per source its outcome, in the order of `site.yaml`, and a
/// warning for each one that failed.
#[derive(Debug, Default)]
pub struct Report {
    /// Each source's name and outcome.
    pub outcomes: Vec<(String, Outcome)>,
    /// `GKA-W060` and `GKA-W061`, naming the gemeente, at its entry in `site.yaml`.
    pub warnings: Vec<Diagnostic>,
}

impl Report {
    /// One line per source, in the language gka speaks.
    pub fn lines(&self) -> String {
        let width = (self.outcomes.iter())
            .map(|(name, _)| name.chars().count())
            .max()
            .unwrap_or(0);
        let mut out = String::new();
        for (name, outcome) in &self.outcomes {
            let what = match outcome {
                Outcome::New(bytes) => t!("bron-nieuw", size = dutch_size(*bytes)),
                Outcome::Changed(bytes) => t!("bron-veranderd", size = dutch_size(*bytes)),
                Outcome::Unchanged => t!("bron-onveranderd"),
                Outcome::Local => t!("bron-lokaal"),
                Outcome::Failed { kept: Some(at) } => t!("bron-mislukt-kopie", date = at),
                Outcome::Failed { kept: None } => t!("bron-mislukt-geen-kopie"),
            };
            let _ = writeln!(out, "  {name:<width$}  {what}");
        }
        out
    }

    /// The counts: sources, new or changed ones, failed ones.
    pub fn summary(&self) -> String {
        let count =
            |wanted: fn(&Outcome) -> bool| self.outcomes.iter().filter(|(_, o)| wanted(o)).count();
        t!(
            "bronnen-klaar",
            total = self.outcomes.len(),
            changed = count(|o| matches!(o, Outcome::New(_) | Outcome::Changed(_))),
            failed = count(|o| matches!(o, Outcome::Failed { .. }))
        )
    }
}

/// Fetches every remote source of the site at `root` into [`SOURCES_DIR`], [`AT_ONCE`] at a
/// time, keeping the last good copy of each one that fails.
pub fn fetch_all(root: &Path, sources: &[Source], limits: &Limits) -> Report {
    let agent = fetch::agent(limits);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(AT_ONCE)
        .build()
        .expect("a thread pool of a few threads can be made");
    let results: Vec<(Outcome, Option<Diagnostic>)> = pool.install(|| {
        sources
            .par_iter()
            .map(|source| match &source.place {
                Place::Local(_) => (Outcome::Local, None),
                Place::Remote(url) => update(root, source, url, &agent, limits),
            })
            .collect()
    });
    let mut report = Report::default();
    for (source, (outcome, warning)) in sources.iter().zip(results) {
        report.outcomes.push((source.name.clone(), outcome));
        report.warnings.extend(warning);
    }
    report
}

/// The folder of `source`'s copy.
pub fn copy_folder(root: &Path, source: &Source) -> PathBuf {
    root.join(SOURCES_DIR).join(&source.slug)
}

/// Fetches one source and, when it is usable, writes it over the last copy.
fn update(
    root: &Path,
    source: &Source,
    url: &url::Url,
    agent: &ureq::Agent,
    limits: &Limits,
) -> (Outcome, Option<Diagnostic>) {
    let folder = copy_folder(root, source);
    let last = std::fs::read(folder.join(DATA_FILE)).ok();
    let origin: Option<Origin> = std::fs::read(folder.join(ORIGIN_FILE))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .filter(|o: &Origin| o.adres == url.as_str() && last.is_some());
    let kept = || Outcome::Failed {
        kept: origin.as_ref().map(|o| o.opgehaald.clone()),
    };
    let warn = |code: Code, message: String, hint: String| {
        Diagnostic::new(code, config_file(), source.position, message)
            .with_width(source.width)
            .with_hint(hint)
    };
    let fetched = match fetch::get(agent, url, origin.as_ref(), limits) {
        Ok(fetched) => fetched,
        Err(reason) => {
            let hint = match &origin {
                Some(o) => t!("bron-niet-opgehaald-hint", date = &o.opgehaald),
                None => t!("bron-niet-opgehaald-hint-geen-kopie"),
            };
            let message = t!(
                "bron-niet-opgehaald",
                gemeente = &source.name,
                address = url.as_str(),
                reason = reason
            );
            return (kept(), Some(warn(Code::SourceUnavailable, message, hint)));
        }
    };
    let Some(fetched) = fetched else {
        return (Outcome::Unchanged, None);
    };
    if let Err(reason) = read(&fetched.body) {
        let message = t!(
            "bron-ongeldig",
            gemeente = &source.name,
            address = url.as_str(),
            reason = reason
        );
        let hint = match &origin {
            Some(o) => t!("bron-ongeldig-hint", date = &o.opgehaald),
            None => t!("bron-ongeldig-hint-geen-kopie"),
        };
        return (kept(), Some(warn(Code::SourceInvalid, message, hint)));
    }
    let new_origin = Origin {
        adres: url.to_string(),
        opgehaald: now(),
        etag: fetched.etag,
        gewijzigd: fetched.last_modified,
    };
    let same = last.as_deref() == Some(fetched.body.as_slice());
    let written = (!same)
        .then(|| write_atomically(&folder, DATA_FILE, &fetched.body))
        .transpose()
        .and_then(|_| {
            let json = serde_json::to_vec_pretty(&new_origin).expect("an origin is JSON");
            write_atomically(&folder, ORIGIN_FILE, &json)
        });
    if let Err(err) = written {
        let message = t!(
            "bron-niet-bewaard",
            gemeente = &source.name,
            folder = folder.display(),
            reason = crate::i18n::io_error(&err)
        );
        return (
            kept(),
            Some(Diagnostic::new(
                Code::Io,
                folder.join(DATA_FILE),
                None,
                message,
            )),
        );
    }
    let bytes = fetched.body.len() as u64;
    let outcome = match last {
        None => Outcome::New(bytes),
        Some(_) if same => Outcome::Unchanged,
        Some(_) => Outcome::Changed(bytes),
    };
    (outcome, None)
}

/// Writes `name` in `folder` through a temporary file in the same folder, so that a copy is
/// never half written, not even when the machine stops.
fn write_atomically(folder: &Path, name: &str, bytes: &[u8]) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    std::io::Write::write_all(&mut file, bytes)?;
    file.as_file().sync_all()?;
    file.persist(folder.join(name)).map_err(|e| e.error)?;
    Ok(())
}

fn now() -> String {
    time::OffsetDateTime::now_utc()
        .replace_nanosecond(0)
        .unwrap_or_else(|_| time::OffsetDateTime::now_utc())
        .format(&time::format_description::well_known::Rfc3339)
        .expect("a UTC time has an RFC 3339 form")
}

/// The open data schema of this gka, compiled once.
static SCHEMA: LazyLock<jsonschema::Validator> = LazyLock::new(|| {
    let schema: serde_json::Value =
        serde_json::from_str(&crate::open_data::schema()).expect("the open data schema is JSON");
    jsonschema::validator_for(&schema).expect("the open data schema is a valid JSON Schema")
});

/// What is wrong with a value, in the words of the people who keep a national site: the
/// schema library's own messages are English and quote whole objects.
fn problem(error: &jsonschema::ValidationError) -> String {
    use jsonschema::JsonType;
    use jsonschema::error::{TypeKind, ValidationErrorKind as Kind};
    let value = error.instance().to_string();
    let quoted = (value.chars().count() <= 60).then_some(value);
    match error.kind() {
        Kind::Required { property } => {
            let key = property
                .as_str()
                .map_or_else(|| property.to_string(), str::to_string);
            t!("bron-schema-ontbreekt", key = key)
        }
        Kind::Type {
            kind: TypeKind::Single(expected),
        } => {
            let expected = match expected {
                JsonType::Null => t!("bron-soort-null"),
                JsonType::Boolean => t!("bron-soort-boolean"),
                JsonType::Integer => t!("bron-soort-integer"),
                JsonType::Number => t!("bron-soort-number"),
                JsonType::String => t!("bron-soort-string"),
                JsonType::Array => t!("bron-soort-array"),
                JsonType::Object => t!("bron-soort-object"),
            };
            t!("bron-schema-soort", expected = expected)
        }
        Kind::Enum { .. }
        | Kind::Constant { .. }
        | Kind::AnyOf { .. }
        | Kind::OneOfNotValid { .. }
        | Kind::OneOfMultipleValid { .. } => match quoted {
            Some(value) => t!("bron-schema-waarde", value = value),
            None => t!("bron-schema-waarde-lang"),
        },
        _ => t!("bron-schema-anders"),
    }
}

/// How many schema violations a warning names; the rest are counted.
const SHOWN_VIOLATIONS: usize = 3;

/// `bytes` as gka open data, when this gka reads them: JSON, of the format version
/// [`crate::open_data::VERSION`], valid under its schema and read by its types. The reason in
/// plain words when not.
pub fn read(bytes: &[u8]) -> Result<OpenData<'static>, String> {
    let value: serde_json::Value = serde_json::from_slice(bytes)
        .map_err(|err| t!("bron-geen-json", line = err.line(), column = err.column()))?;
    let ours = crate::open_data::VERSION;
    match value.get("versie").and_then(serde_json::Value::as_u64) {
        Some(version) if version == u64::from(ours) => {}
        Some(version) if version > u64::from(ours) => {
            return Err(t!("bron-nieuwere-versie", version = version, ours = ours));
        }
        Some(version) => {
            return Err(t!("bron-oudere-versie", version = version, ours = ours));
        }
        None => return Err(t!("bron-geen-versie")),
    }
    let violations: Vec<String> = SCHEMA
        .iter_errors(&value)
        .map(|error| {
            let at = error.instance_path().to_string();
            t!(
                "bron-schema-fout",
                at = if at.is_empty() { "/".to_string() } else { at },
                problem = problem(&error)
            )
        })
        .collect();
    if violations.is_empty() {
        // What the schema allows, the types that wrote it read back; a difference between the
        // two is gka's mistake, but it is named here rather than when the site is built.
        return serde_json::from_value(value)
            .map_err(|err| t!("bron-niet-leesbaar", reason = err.to_string()));
    }
    let mut reason = violations
        .iter()
        .take(SHOWN_VIOLATIONS)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if violations.len() > SHOWN_VIOLATIONS {
        reason.push_str(&t!(
            "bron-schema-meer",
            count = violations.len() - SHOWN_VIOLATIONS
        ));
    }
    Err(reason)
}

/// The checks of the copies made by earlier runs, by file, with the size and modification time
/// the file had then. `gka serve` keeps them between rebuilds, so that a national site's
/// hundreds of copies are not read and checked again on every edit.
#[derive(Debug, Default)]
pub struct CopyChecks {
    checked: Mutex<HashMap<PathBuf, Checked>>,
}

/// A copy's open data, or why it is not valid, with the size and modification time of the file
/// it was read from.
type Checked = (
    u64,
    Option<SystemTime>,
    Result<Arc<OpenData<'static>>, String>,
);

impl CopyChecks {
    /// The open data of the copy at `file`, or why it is not valid: from an earlier read when
    /// the file has the same size and time and is not named in `changed` (itself or a folder
    /// it is in), else read and checked now.
    fn read(
        &self,
        file: &Path,
        changed: &[PathBuf],
    ) -> std::io::Result<Result<Arc<OpenData<'static>>, String>> {
        let meta = std::fs::metadata(file)?;
        let (len, time) = (meta.len(), meta.modified().ok());
        let lock = || self.checked.lock().unwrap_or_else(PoisonError::into_inner);
        if !changed.iter().any(|c| file.starts_with(c))
            && let Some((l, t, data)) = lock().get(file)
            && (*l, *t) == (len, time)
        {
            return Ok(data.clone());
        }
        let data = read(&std::fs::read(file)?).map(Arc::new);
        lock().insert(file.to_path_buf(), (len, time, data.clone()));
        Ok(data)
    }
}

/// A gemeente of a national site with its content, as its copy or its site gives it.
#[derive(Debug, Clone)]
pub struct Gemeente {
    /// Its name as `site.yaml` writes it.
    pub naam: String,
    /// Its folder in [`SOURCES_DIR`] and the last part of its page's address.
    pub slug: String,
    /// Where its open data came from: the address it was fetched from, or its site's folder.
    pub place: Place,
    /// Its open data.
    pub data: Arc<OpenData<'static>>,
}

impl Gemeente {
    /// Its name as people look it up in a list: ignoring case, and the `'s-` of
    /// `'s-Hertogenbosch`.
    pub fn sort_key(&self) -> String {
        let naam = self.naam.to_lowercase();
        naam.strip_prefix("'s-")
            .map_or(naam.clone(), str::to_string)
    }
}

/// The stored copies of the remote `sources` as `gka check`, `build` and `serve` read them:
/// each usable copy's gemeente, in the order of `site.yaml`, and a warning for each remote
/// source without a copy (`GKA-W062`) or with a copy that is not valid (`GKA-W061`, e.g. edited
/// by hand), which the site then leaves out. Copies not `changed` since `checks` read them are
/// not read again. Sources with a folder (`map`) are the caller's to load.
pub fn read_copies(
    root: &Path,
    sources: &[Source],
    checks: &CopyChecks,
    changed: &[PathBuf],
) -> (Vec<(usize, Gemeente)>, Vec<Diagnostic>) {
    let results: Vec<Option<Result<(usize, Gemeente), Diagnostic>>> = sources
        .par_iter()
        .enumerate()
        .map(|(index, source)| {
            let Place::Remote(url) = &source.place else {
                return None;
            };
            let file = copy_folder(root, source).join(DATA_FILE);
            let rel = Path::new(SOURCES_DIR).join(&source.slug).join(DATA_FILE);
            Some(match checks.read(&file, changed) {
                Err(_) => Err(Diagnostic::new(
                    Code::SourceNotFetched,
                    config_file(),
                    source.position,
                    t!(
                        "bron-nog-niet-opgehaald",
                        gemeente = &source.name,
                        file = rel.display()
                    ),
                )
                .with_width(source.width)
                .with_hint(t!("bron-nog-niet-opgehaald-hint"))),
                Ok(Err(reason)) => Err(Diagnostic::new(
                    Code::SourceInvalid,
                    rel,
                    None,
                    t!(
                        "bron-ongeldig",
                        gemeente = &source.name,
                        address = url.as_str(),
                        reason = reason
                    ),
                )
                .with_hint(t!("bron-kopie-ongeldig-hint"))),
                Ok(Ok(data)) => Ok((index, source.gemeente(data))),
            })
        })
        .collect();
    let mut found = Vec::new();
    let mut warnings = Vec::new();
    for result in results.into_iter().flatten() {
        match result {
            Ok(gemeente) => found.push(gemeente),
            Err(warning) => warnings.push(warning),
        }
    }
    (found, warnings)
}

impl Source {
    /// This source's gemeente with `data`.
    pub fn gemeente(&self, data: Arc<OpenData<'static>>) -> Gemeente {
        Gemeente {
            naam: self.name.clone(),
            slug: self.slug.clone(),
            place: self.place.clone(),
            data,
        }
    }

    /// A warning that the site of this source, a folder, has errors: the national site leaves
    /// the gemeente out until they are fixed.
    pub fn site_with_errors(&self, errors: usize) -> Diagnostic {
        let Place::Local(folder) = &self.place else {
            unreachable!("only a source with a folder has a site of its own");
        };
        Diagnostic::new(
            Code::SourceSiteErrors,
            config_file(),
            self.position,
            t!(
                "bron-site-fouten",
                gemeente = &self.name,
                folder = folder.display(),
                errors = errors
            ),
        )
        .with_width(self.width)
        .with_hint(t!("bron-site-fouten-hint", folder = folder.display()))
    }
}

/// `gka bronnen`: reads the sources of the site at `root` from its `site.yaml` and fetches
/// them. Errors in `site.yaml` (its YAML, or a source that cannot be used) come back as
/// diagnostics, and then nothing is fetched.
pub fn fetch_site(root: &Path, limits: &Limits) -> Result<Report, Vec<Diagnostic>> {
    let (config, lines) = crate::content::load_config(root)?;
    let sources = sources(root, &config, lines)?;
    Ok(fetch_all(root, &sources, limits))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What is wrong with a source is said in the editors' words, naming the place and,
    /// when it is short, the value.
    #[test]
    fn schema_violations_are_named_in_plain_words() {
        let valid = serde_json::json!({
            "versie": 1,
            "site": {"gemeente": "Zwolle", "titel": "GKA Zwolle", "url": "https://z.example/", "taal": "nl"},
            "addenda": [], "interventies": [], "programmalijnen": [], "nieuws": []
        });
        assert!(read(valid.to_string().as_bytes()).is_ok());
        let broken = |change: &dyn Fn(&mut serde_json::Value)| {
            let mut value = valid.clone();
            change(&mut value);
            read(value.to_string().as_bytes()).unwrap_err()
        };
        let missing = broken(&|v| {
            v["site"].as_object_mut().unwrap().remove("titel");
        });
        assert_eq!(missing, "bij /site: 'titel' ontbreekt");
        let wrong_type = broken(&|v| v["site"]["gemeente"] = 12.into());
        assert_eq!(wrong_type, "bij /site/gemeente: hoort tekst te zijn");
        let not_allowed = broken(&|v| {
            v["nieuws"] = serde_json::json!([{"titel": "t", "url": "u", "trefwoorden": [],
                "tekst": {"markdown": "", "html": ""}, "soort": "roddel"}]);
        });
        assert_eq!(
            not_allowed,
            "bij /nieuws/0/soort: \"roddel\" is hier geen toegestane waarde"
        );
    }

    /// A copy whose size and time stay the same is not read again, unless serve names it as
    /// changed: a same-second rewrite of the same length is still seen.
    #[test]
    fn an_unchanged_copy_is_not_checked_again_unless_named_as_changed() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(DATA_FILE);
        let broken = b"{\"versie\": 2}";
        std::fs::write(&file, broken).unwrap();
        let checks = CopyChecks::default();
        let reason = |changed: &[PathBuf]| checks.read(&file, changed).unwrap().err();
        let first = reason(&[]);
        assert!(
            first.as_deref().is_some_and(|r| r.contains('2')),
            "{first:?}"
        );

        // The same length, the same time: the earlier answer stands.
        let time = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, b"{\"versie\": 3}").unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert_eq!(reason(&[]), first);
        // Named as changed (the file or its folder), it is read again.
        let again = reason(&[dir.path().to_path_buf()]);
        assert!(
            again.as_deref().is_some_and(|r| r.contains('3')),
            "{again:?}"
        );
    }
}

//! Model: the one typed, validated value of the whole site, built once from what was loaded.
//!
//! Building the [`Site`] is where cross-references are checked (themes against the agenda,
//! addenda against interventies, URL collisions, internal links) and where every Markdown body
//! is rendered to HTML, in parallel. Once a `Site` exists it is valid: rendering it cannot fail
//! on content, only on templates.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rayon::prelude::*;
use serde_saphyr::Spanned;

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::{Document, Meta};
use crate::content::front_matter::LineMap;
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::page::{Home, Page, SectionIntro};
use crate::content::programmalijn::Programmalijn;
use crate::content::site_config::{Contact, SiteConfig};
use crate::content::values::AgeRange;
use crate::content::{CONFIG_FILE, Loaded, content_file};
use crate::diagnostics::{Diagnostic, Diagnostics, Position};
use crate::render::markdown::{self, LinkTargets, Rendered};

/// Options that change what the model contains.
#[derive(Debug, Clone, Default)]
pub struct ModelOptions {
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Keep documents marked `concept: true`.
    pub drafts: bool,
}

/// The whole site, valid and ready to render.
#[derive(Debug)]
pub struct Site {
    /// Site-wide settings.
    pub config: Config,
    /// The home page.
    pub home: Entry<Home>,
    /// The GKA-Agenda, when the site has one.
    pub agenda: Option<Entry<Agenda>>,
    /// Addenda, newest period first.
    pub addenda: Section<Addendum>,
    /// Interventies, by `volgorde` then title.
    pub interventies: Section<Interventie>,
    /// The programme and its lines, by `nummer`.
    pub programma: Section<Programmalijn>,
    /// News and events, newest first.
    pub nieuws: Section<Nieuws>,
    /// Plain pages.
    pub pages: Vec<Entry<Page>>,
    /// Sections of other folders, each listing the plain pages in it.
    pub sections: Vec<Entry<SectionIntro>>,
    /// The agenda's themes, in the agenda's order.
    pub themas: Vec<Term>,
    /// Every age range used, youngest first.
    pub leeftijden: Vec<Term>,
    /// Files in `content/static/`, relative to it.
    pub static_files: Vec<String>,
    /// Old site paths (`aliassen`) and the site path each redirects to.
    pub redirects: Vec<(String, String)>,
}

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

/// One document with its place in the site.
#[derive(Debug)]
pub struct Entry<T> {
    /// The document as loaded.
    pub doc: Document<T>,
    /// Its site path, e.g. `/interventies/kansrijk-in-almere/`.
    pub url: String,
    /// Its Markdown body as HTML.
    pub body: Rendered,
    /// Fields of its type rendered from inline Markdown, in the order the type defines.
    pub inline: Vec<String>,
}

impl<T> Entry<T> {
    /// The common front-matter keys.
    pub fn meta(&self) -> &Meta {
        &self.doc.meta
    }

    /// The summary: `samenvatting`, or else the start of the body's first paragraph.
    pub fn summary(&self) -> Option<&str> {
        self.doc
            .meta
            .samenvatting
            .as_deref()
            .or((!self.body.summary.is_empty()).then_some(self.body.summary.as_str()))
    }
}

/// A content section: its overview page and its items.
#[derive(Debug)]
pub struct Section<T> {
    /// The overview page's site path, e.g. `/interventies/`.
    pub url: String,
    /// The overview's title, from `_index.md` or a default.
    pub titel: String,
    /// The section's `_index.md`, when there is one.
    pub intro: Option<Entry<SectionIntro>>,
    /// The items.
    pub items: Vec<Entry<T>>,
}

impl<T> Section<T> {
    /// Whether the section has an overview page: an intro or at least one item.
    pub fn exists(&self) -> bool {
        self.intro.is_some() || !self.items.is_empty()
    }
}

/// A term of a vocabulary (a thema or an age range) and what carries it.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as written, e.g. `Versterken van taal` or `0-6`.
    pub naam: String,
    /// Its URL slug.
    pub slug: String,
    /// Its site path, e.g. `/themas/versterken-van-taal/`.
    pub url: String,
    /// Indexes into `Site::interventies.items`.
    pub interventies: Vec<usize>,
    /// Pairs of (programmalijn index, result index).
    pub resultaten: Vec<(usize, usize)>,
}

/// Site paths the generator writes itself; no document may claim them.
const RESERVED: &[&str] = &[
    "/themas/",
    "/leeftijden/",
    "/static/",
    "/404.html",
    "/sitemap.xml",
    "/robots.txt",
];

/// Turns text into a URL slug: lower-case ASCII, words joined by `-`.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

/// Content types whose front matter holds inline Markdown besides the body.
pub trait InlineMarkdown {
    /// The inline Markdown fields, in a fixed order the type's views rely on.
    fn inline_markdown(&self) -> Vec<&str> {
        Vec::new()
    }
}

impl InlineMarkdown for Home {}
impl InlineMarkdown for Agenda {}
impl InlineMarkdown for Addendum {}
impl InlineMarkdown for Interventie {}
impl InlineMarkdown for Nieuws {}
impl InlineMarkdown for Page {}
impl InlineMarkdown for SectionIntro {}

impl InlineMarkdown for Programmalijn {
    /// The `ambities`, then the `tekst` of each result.
    fn inline_markdown(&self) -> Vec<&str> {
        self.ambities
            .iter()
            .map(String::as_str)
            .chain(self.resultaten.iter().map(|r| r.tekst.as_str()))
            .collect()
    }
}

impl Site {
    /// Builds the model from loaded content, reporting every problem into `diagnostics`.
    /// Returns `None` when an error makes a correct site impossible.
    pub fn build(
        loaded: Loaded,
        options: &ModelOptions,
        diagnostics: &mut Diagnostics,
    ) -> Option<Site> {
        let (raw_config, config_lines) = loaded.config?;
        let config = resolve_config(raw_config, config_lines, options, diagnostics);

        let mut places = Places {
            drafts: options.drafts,
            ..Places::default()
        };
        let home = match loaded.home {
            Some(doc) => places.place(doc, |_| "/".into(), diagnostics),
            None => {
                diagnostics.push(
                    Diagnostic::error(
                        content_file("index.md"),
                        None,
                        "the home page content/index.md is missing",
                    )
                    .with_hint("create it with a `titel` and an introduction"),
                );
                None
            }
        };
        let agenda = loaded
            .agenda
            .and_then(|doc| places.place(doc, |_| "/agenda/".into(), diagnostics));

        let mut intros: BTreeMap<String, Document<SectionIntro>> = loaded
            .sections
            .into_iter()
            .map(|doc| (folder_of(&doc.source.content_path).to_string(), doc))
            .collect();
        let mut addenda = places.section(
            "addenda",
            "Addenda",
            &mut intros,
            loaded.addenda,
            diagnostics,
        );
        let mut interventies = places.section(
            "interventies",
            "Interventies",
            &mut intros,
            loaded.interventies,
            diagnostics,
        );
        let mut programma = places.section(
            "programmalijnen",
            "Programma",
            &mut intros,
            loaded.programmalijnen,
            diagnostics,
        );
        let mut nieuws =
            places.section("nieuws", "Nieuws", &mut intros, loaded.nieuws, diagnostics);
        let pages: Vec<Placed<Page>> = loaded
            .pages
            .into_iter()
            .filter_map(|doc| places.place(doc, |d| page_url(&d.source.content_path), diagnostics))
            .collect();
        let sections: Vec<Placed<SectionIntro>> = intros
            .into_iter()
            .filter_map(|(folder, doc)| places.place(doc, |_| format!("/{folder}/"), diagnostics))
            .collect();
        places.check_aliases(diagnostics);
        let redirects: Vec<(String, String)> = places
            .aliases
            .drain(..)
            .map(|(from, _, _, to)| (from, to))
            .collect();

        addenda.items.sort_by_cached_key(|(d, _)| {
            (
                d.meta.volgorde,
                std::cmp::Reverse(d.data.periode),
                d.meta.titel.clone(),
            )
        });
        interventies
            .items
            .sort_by_cached_key(|(d, _)| (d.meta.volgorde, d.meta.titel.clone()));
        programma
            .items
            .sort_by_key(|(d, _)| (d.data.nummer, d.meta.volgorde));
        nieuws
            .items
            .sort_by_cached_key(|(d, _)| (std::cmp::Reverse(d.meta.datum), d.meta.titel.clone()));

        let themas = thema_terms(
            agenda.as_ref().map(|(d, _)| d),
            &interventies.items,
            diagnostics,
        );
        let leeftijden = age_terms(&interventies.items, &programma.items);
        check_addenda(
            &addenda.items,
            &interventies.items,
            &places.draft_urls,
            diagnostics,
        );
        check_nieuws(&nieuws.items, diagnostics);
        check_programmalijnen(&programma.items, diagnostics);

        let mut pages_and_files: HashSet<String> = places.urls.into_keys().collect();
        pages_and_files.extend(GENERATED_FILES.iter().map(|s| s.to_string()));
        for terms in [&themas, &leeftijden] {
            pages_and_files.extend(terms.iter().map(|t| t.url.clone()));
        }
        if !themas.is_empty() {
            pages_and_files.insert("/themas/".into());
        }
        if !leeftijden.is_empty() {
            pages_and_files.insert("/leeftijden/".into());
        }
        pages_and_files.extend(loaded.static_files.iter().map(|f| format!("/static/{f}")));
        let links = LinkTargets {
            base_path: config.as_ref().map_or("/", |c| c.base_path()).to_string(),
            pages: pages_and_files,
            by_source: places.by_source,
            drafts: places.draft_urls,
        };

        let home = home.map(|placed| render_entry(placed, &links, diagnostics));
        let agenda = agenda.map(|placed| render_entry(placed, &links, diagnostics));
        let addenda = addenda.render(&links, diagnostics);
        let interventies = interventies.render(&links, diagnostics);
        let programma = programma.render(&links, diagnostics);
        let nieuws = nieuws.render(&links, diagnostics);
        let pages = render_all(pages, &links, diagnostics);
        let sections = render_all(sections, &links, diagnostics);

        if diagnostics.has_errors() {
            return None;
        }
        Some(Site {
            config: config?,
            home: home?,
            agenda,
            addenda,
            interventies,
            programma,
            nieuws,
            pages,
            sections,
            themas,
            leeftijden,
            static_files: loaded.static_files,
            redirects,
        })
    }
}

/// Site paths of files the renderer always writes, which links may point at.
const GENERATED_FILES: &[&str] = &["/404.html", "/sitemap.xml", "/robots.txt"];

/// A document with its site path, before its Markdown is rendered.
type Placed<T> = (Document<T>, String);

/// A section whose documents have their site paths.
struct PlacedSection<T> {
    url: String,
    titel: String,
    intro: Option<Placed<SectionIntro>>,
    items: Vec<Placed<T>>,
}

impl<T: InlineMarkdown + Send> PlacedSection<T> {
    fn render(self, links: &LinkTargets, diagnostics: &mut Diagnostics) -> Section<T> {
        Section {
            url: self.url,
            titel: self.titel,
            intro: self
                .intro
                .map(|placed| render_entry(placed, links, diagnostics)),
            items: render_all(self.items, links, diagnostics),
        }
    }
}

/// Hands out site paths and remembers who claimed which.
#[derive(Default)]
struct Places {
    drafts: bool,
    /// Site path → the file that claims it.
    urls: BTreeMap<String, std::path::PathBuf>,
    /// Content path (`interventies/x.md`) → site path, for links to source files.
    by_source: HashMap<String, String>,
    /// Site paths of drafts left out of this build.
    draft_urls: HashSet<String>,
    /// Redirects asked for: (old path, file, position, new path).
    aliases: Vec<(String, std::path::PathBuf, Option<Position>, String)>,
}

impl Places {
    /// Gives a document its site path, unless it is a draft left out of this build or its
    /// path is invalid or already taken.
    fn place<T>(
        &mut self,
        doc: Document<T>,
        url_of: impl Fn(&Document<T>) -> String,
        diagnostics: &mut Diagnostics,
    ) -> Option<Placed<T>> {
        if let Some(slug) = doc.meta.slug.as_ref().filter(|s| !is_valid_slug(&s.value)) {
            diagnostics.push(
                Diagnostic::error(
                    &doc.source.path,
                    doc.source.lines.of(slug),
                    format!("slug '{}' cannot be used in a URL", slug.value),
                )
                .with_hint(format!(
                    "use lower-case letters, digits and dashes, e.g. '{}'",
                    slugify(&slug.value)
                )),
            );
            return None;
        }
        let url = url_of(&doc);
        if doc.meta.concept && !self.drafts {
            self.draft_urls.insert(url);
            return None;
        }
        let position = doc.meta.slug.as_ref().and_then(|s| doc.source.lines.of(s));
        if let Some(reserved) = RESERVED.iter().find(|r| url.starts_with(**r)) {
            diagnostics.push(
                Diagnostic::error(
                    &doc.source.path,
                    position,
                    format!("the URL {url} is reserved for pages gka makes itself ({reserved})"),
                )
                .with_hint("rename the file or set another `slug`"),
            );
            return None;
        }
        if let Some(other) = self.urls.get(&url) {
            diagnostics.push(
                Diagnostic::error(
                    &doc.source.path,
                    position,
                    format!("the URL {url} is also used by {}", other.display()),
                )
                .with_hint("give one of the two documents another file name or `slug`"),
            );
            return None;
        }
        for alias in &doc.meta.aliassen {
            let at = doc.source.lines.of(alias);
            match normalize_alias(&alias.value) {
                Ok(path) => self
                    .aliases
                    .push((path, doc.source.path.clone(), at, url.clone())),
                Err(problem) => diagnostics.push(
                    Diagnostic::error(
                        &doc.source.path,
                        at,
                        format!("alias '{}' {problem}", alias.value),
                    )
                    .with_hint("write an old address of this page on this site, e.g. /oud/adres/"),
                ),
            }
        }
        self.urls.insert(url.clone(), doc.source.path.clone());
        self.by_source
            .insert(doc.source.content_path.clone(), url.clone());
        Some((doc, url))
    }

    fn section<T>(
        &mut self,
        folder: &str,
        default_title: &str,
        intros: &mut BTreeMap<String, Document<SectionIntro>>,
        docs: Vec<Document<T>>,
        diagnostics: &mut Diagnostics,
    ) -> PlacedSection<T> {
        let url = format!("/{folder}/");
        let intro = intros
            .remove(folder)
            .and_then(|d| self.place(d, |_| url.clone(), diagnostics));
        let items = docs
            .into_iter()
            .filter_map(|d| self.place(d, |d| format!("{url}{}/", slug_of(d)), diagnostics))
            .collect();
        PlacedSection {
            titel: intro
                .as_ref()
                .map_or_else(|| default_title.to_string(), |(d, _)| d.meta.titel.clone()),
            url,
            intro,
            items,
        }
    }

    /// Aliases may not shadow a page, a reserved path or each other.
    fn check_aliases(&mut self, diagnostics: &mut Diagnostics) {
        let mut seen: HashMap<String, std::path::PathBuf> = HashMap::new();
        for (alias, file, position, _) in &self.aliases {
            let problem = if let Some(page) = self.urls.get(alias) {
                Some(format!(
                    "alias {alias} would hide the page of {}",
                    page.display()
                ))
            } else if RESERVED.iter().any(|r| alias.starts_with(r)) || alias == "/" {
                Some(format!("alias {alias} is a path gka uses itself"))
            } else {
                seen.insert(alias.clone(), file.clone())
                    .map(|other| format!("alias {alias} is also claimed by {}", other.display()))
            };
            if let Some(message) = problem {
                diagnostics.push(
                    Diagnostic::error(file, *position, message)
                        .with_hint("remove the alias or pick another old address"),
                );
            }
        }
        let urls = &self.urls;
        self.aliases.retain(|(alias, ..)| !urls.contains_key(alias));
    }
}

/// An alias as a site path: leading `/`, and a trailing `/` unless it names a file.
fn normalize_alias(alias: &str) -> Result<String, &'static str> {
    let alias = alias.trim();
    if alias.contains("://") {
        return Err("must be a path on this site, not a full address");
    }
    if alias.contains('\\')
        || alias.chars().any(char::is_control)
        || alias.split('/').any(|p| p == ".." || p == ".")
    {
        return Err("contains '..', '.', a backslash or a control character");
    }
    let mut path = format!("/{}", alias.trim_start_matches('/'));
    let last = path.rsplit('/').next().unwrap_or("");
    if !last.is_empty() && !last.contains('.') {
        path.push('/');
    }
    if path == "/" {
        return Err("is empty");
    }
    Ok(path)
}

/// Whether a slug can be used as it is in a URL.
fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The slug of a document: its `slug` key, or else its file name made URL-safe.
fn slug_of<T>(doc: &Document<T>) -> String {
    match &doc.meta.slug {
        Some(slug) => slug.value.clone(),
        None => {
            let name = doc
                .source
                .content_path
                .rsplit('/')
                .next()
                .unwrap_or_default();
            slugify(name.trim_end_matches(".md"))
        }
    }
}

/// The folder of a content path, without a trailing `/` (`""` for the top).
fn folder_of(content_path: &str) -> &str {
    content_path
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder)
}

/// The site path of a plain page: its folders, then its slug.
fn page_url(content_path: &str) -> String {
    let folder = folder_of(content_path);
    let name = content_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".md");
    let name = if name == "index" {
        String::new()
    } else {
        format!("{}/", slugify(name))
    };
    let folder: String = folder
        .split('/')
        .filter(|p| !p.is_empty())
        .map(|p| format!("{}/", slugify(p)))
        .collect();
    format!("/{folder}{name}")
}

fn resolve_config(
    raw: SiteConfig,
    lines: LineMap,
    options: &ModelOptions,
    diagnostics: &mut Diagnostics,
) -> Option<Config> {
    let file = content_file(CONFIG_FILE);
    let base_url = match (&options.base_url, &raw.base_url) {
        (Some(flag), _) => parse_base_url(flag).map_err(|problem| {
            Diagnostic::error("--base-url", None, format!("'{flag}' {problem}")).with_hint("pass a full address such as https://gka.example.nl/")
        }),
        (None, Some(value)) => parse_base_url(&value.value).map_err(|problem| {
            Diagnostic::error(&file, lines.of(value), format!("base_url '{}' {problem}", value.value))
                .with_hint("write the full address the site is published at, e.g. https://gka.almere.nl/")
        }),
        (None, None) => Err(Diagnostic::error(&file, None, "base_url is missing")
            .with_hint("add `base_url: https://…/` with the address the site is published at, or pass --base-url")),
    };
    let base_url = base_url.map_err(|d| diagnostics.push(d)).ok()?;
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
        thema: raw.thema,
        omschrijving: raw.omschrijving,
        logo: raw.logo,
        menu: menu.unwrap_or_default(),
        contact: raw.contact,
        base_url,
    })
}

fn parse_base_url(text: &str) -> Result<url::Url, &'static str> {
    let mut url = url::Url::parse(text.trim()).map_err(|_| "is not a valid address")?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err("must start with https:// or http://");
    }
    if url.query().is_some() || url.fragment().is_some() {
        return Err("may not contain ? or #");
    }
    if !url.path().ends_with('/') {
        let path = format!("{}/", url.path());
        url.set_path(&path);
    }
    Ok(url)
}

/// The agenda's themes as terms; reports interventie themes the agenda does not have.
fn thema_terms(
    agenda: Option<&Document<Agenda>>,
    interventies: &[Placed<Interventie>],
    diagnostics: &mut Diagnostics,
) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    if let Some(agenda) = agenda {
        let mut slugs: HashMap<String, &str> = HashMap::new();
        for thema in &agenda.data.themas {
            let slug = slugify(&thema.value);
            if let Some(other) = slugs.insert(slug.clone(), &thema.value) {
                diagnostics.push(
                    Diagnostic::error(
                        &agenda.source.path,
                        agenda.source.lines.of(thema),
                        format!(
                            "theme '{}' has the same URL as '{other}' (/themas/{slug}/)",
                            thema.value
                        ),
                    )
                    .with_hint("each theme needs its own wording"),
                );
                continue;
            }
            terms.push(Term {
                naam: thema.value.clone(),
                url: format!("/themas/{slug}/"),
                slug,
                interventies: Vec::new(),
                resultaten: Vec::new(),
            });
        }
    }
    for (index, (doc, _)) in interventies.iter().enumerate() {
        for thema in &doc.data.themas {
            match terms.iter_mut().find(|t| t.naam == thema.value) {
                Some(term) => term.interventies.push(index),
                None => diagnostics.push(unknown_reference(
                    doc,
                    thema,
                    "theme",
                    terms.iter().map(|t| t.naam.as_str()),
                    if agenda.is_some() {
                        "themes must be one of the `themas` in content/agenda.md"
                    } else {
                        "themes come from content/agenda.md, which is missing"
                    },
                )),
            }
        }
    }
    terms
}

/// An error for a value that names something that does not exist, with the closest name.
fn unknown_reference<'a, T>(
    doc: &Document<T>,
    value: &Spanned<String>,
    what: &str,
    candidates: impl Iterator<Item = &'a str>,
    rule: &str,
) -> Diagnostic {
    let candidates: Vec<&str> = candidates.collect();
    let closest = candidates
        .iter()
        .map(|c| {
            (
                strsim::normalized_levenshtein(&value.value.to_lowercase(), &c.to_lowercase()),
                *c,
            )
        })
        .filter(|(score, _)| *score > 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match closest {
        Some((_, c)) => format!("did you mean '{c}'? {rule}"),
        None => rule.to_string(),
    };
    Diagnostic::error(
        &doc.source.path,
        doc.source.lines.of(value),
        format!("unknown {what} '{}'", value.value),
    )
    .with_hint(hint)
}

/// Every age range used by an interventie or a result, youngest first.
fn age_terms(
    interventies: &[Placed<Interventie>],
    programma: &[Placed<Programmalijn>],
) -> Vec<Term> {
    let mut terms: BTreeMap<AgeRange, Term> = BTreeMap::new();
    fn term(terms: &mut BTreeMap<AgeRange, Term>, range: AgeRange) -> &mut Term {
        terms.entry(range).or_insert_with(|| Term {
            naam: range.to_string(),
            slug: range.to_string(),
            url: format!("/leeftijden/{range}/"),
            interventies: Vec::new(),
            resultaten: Vec::new(),
        })
    }
    for (index, (doc, _)) in interventies.iter().enumerate() {
        for range in &doc.data.leeftijden {
            let t = term(&mut terms, *range);
            if t.interventies.last() != Some(&index) {
                t.interventies.push(index);
            }
        }
    }
    for (line, (doc, _)) in programma.iter().enumerate() {
        for (result, r) in doc.data.resultaten.iter().enumerate() {
            term(&mut terms, r.leeftijd).resultaten.push((line, result));
        }
    }
    terms.into_values().collect()
}

fn check_addenda(
    addenda: &[Placed<Addendum>],
    interventies: &[Placed<Interventie>],
    drafts: &HashSet<String>,
    diagnostics: &mut Diagnostics,
) {
    let slugs: Vec<&str> = interventies.iter().map(|(_, url)| url_slug(url)).collect();
    for (doc, _) in addenda {
        for reference in &doc.data.interventies {
            if slugs.contains(&reference.value.as_str()) {
                continue;
            }
            if drafts.contains(&format!("/interventies/{}/", reference.value)) {
                diagnostics.push(
                    Diagnostic::warning(
                        &doc.source.path,
                        doc.source.lines.of(reference),
                        format!(
                            "interventie '{}' is a draft and is left out of the list",
                            reference.value
                        ),
                    )
                    .with_hint(
                        "build with --drafts to include it, or remove `concept: true` from it",
                    ),
                );
                continue;
            }
            diagnostics.push(unknown_reference(
                doc,
                reference,
                "interventie",
                slugs.iter().copied(),
                "name an interventie by its slug: its file name in content/interventies/ without .md",
            ));
        }
    }
}

/// The last segment of a site path such as `/interventies/kansrijk/`.
fn url_slug(url: &str) -> &str {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

fn check_nieuws(nieuws: &[Placed<Nieuws>], diagnostics: &mut Diagnostics) {
    for (doc, _) in nieuws {
        if doc.meta.datum.is_none() {
            diagnostics.push(
                Diagnostic::error(
                    &doc.source.path,
                    Some(Position {
                        line: doc.source.lines.first_line,
                        column: 1,
                    }),
                    "a news item needs a `datum`",
                )
                .with_hint(
                    "add `datum: YYYY-MM-DD`, the publication date or the date of the event",
                ),
            );
        }
    }
}

fn check_programmalijnen(lines: &[Placed<Programmalijn>], diagnostics: &mut Diagnostics) {
    let mut seen: HashMap<u32, &Path> = HashMap::new();
    for (doc, _) in lines {
        if let Some(other) = seen.insert(doc.data.nummer, &doc.source.path) {
            diagnostics.push(
                Diagnostic::error(
                    &doc.source.path,
                    None,
                    format!(
                        "programmalijn number {} is also used by {}",
                        doc.data.nummer,
                        other.display()
                    ),
                )
                .with_hint("give each programmalijn its own `nummer`"),
            );
        }
    }
}

fn render_entry<T: InlineMarkdown>(
    placed: Placed<T>,
    links: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> Entry<T> {
    let (entry, found) = render_one(placed, links);
    diagnostics.extend(found);
    entry
}

fn render_all<T: InlineMarkdown + Send>(
    placed: Vec<Placed<T>>,
    links: &LinkTargets,
    diagnostics: &mut Diagnostics,
) -> Vec<Entry<T>> {
    let rendered: Vec<(Entry<T>, Vec<Diagnostic>)> = placed
        .into_par_iter()
        .map(|p| render_one(p, links))
        .collect();
    rendered
        .into_iter()
        .map(|(entry, found)| {
            diagnostics.extend(found);
            entry
        })
        .collect()
}

fn render_one<T: InlineMarkdown>(
    (doc, url): Placed<T>,
    links: &LinkTargets,
) -> (Entry<T>, Vec<Diagnostic>) {
    let mut found = Vec::new();
    let body = markdown::render(&doc.source, &url, links, &mut found);
    let inline = doc
        .data
        .inline_markdown()
        .into_iter()
        .map(|text| markdown::render_inline(text, &doc.source, &url, links, &mut found))
        .collect();
    (
        Entry {
            doc,
            url,
            body,
            inline,
        },
        found,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_urls_follow_folders_and_slugs() {
        assert_eq!(page_url("contact.md"), "/contact/");
        assert_eq!(
            page_url("over ons/Privacy Verklaring.md"),
            "/over-ons/privacy-verklaring/"
        );
        assert_eq!(page_url("over/index.md"), "/over/");
    }

    #[test]
    fn slugs_are_lower_case_ascii() {
        assert_eq!(
            slugify("Brede talentontwikkeling"),
            "brede-talentontwikkeling"
        );
        assert_eq!(
            slugify("Interventies voor café-bezoekers"),
            "interventies-voor-cafe-bezoekers"
        );
        assert!(is_valid_slug("dare-to-dream-in-036"));
        assert!(!is_valid_slug("Dare to dream"));
        assert!(!is_valid_slug("../etc"));
    }

    #[test]
    fn aliases_become_site_paths() {
        assert_eq!(normalize_alias("oud/adres"), Ok("/oud/adres/".into()));
        assert_eq!(normalize_alias("/oud.html"), Ok("/oud.html".into()));
        assert!(normalize_alias("/../etc/passwd").is_err());
        assert!(normalize_alias("https://elders.nl/").is_err());
        assert!(normalize_alias("/").is_err());
    }

    #[test]
    fn base_urls_get_a_trailing_slash() {
        assert_eq!(parse_base_url("https://x.nl/gka").unwrap().path(), "/gka/");
        assert!(parse_base_url("ftp://x.nl/").is_err());
        assert!(parse_base_url("gka.nl").is_err());
    }

    #[test]
    fn links_respect_the_base_path() {
        assert_eq!(link("/gka/", "/agenda/"), "/gka/agenda/");
        assert_eq!(link("/", "/agenda/"), "/agenda/");
        assert_eq!(link("/", "https://elders.nl/"), "https://elders.nl/");
    }
}

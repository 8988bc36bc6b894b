//! Render: turn the [`Site`] into output files, every page in parallel.
//!
//! Each output file is a `Job`; a job picks its template and builds its context from
//! [`views`]. The `site` value is serialized once into Tera's global context.
//!
//! Every file also gets a fingerprint: a digest of everything its template is given (the
//! template's name and the compiled templates, the `site` value and the file's whole
//! context), taken while the context is built. A template sees nothing else, so two renders
//! with the same fingerprint give the same bytes, and `gka serve` renders again exactly the
//! files whose fingerprint changed: what a file depends on is recorded, never declared.

pub mod calendar;
pub mod embed;
pub mod icons;
pub mod landelijk;
pub mod open_data;
pub mod pager;
mod pages;
pub mod security;
pub mod views;

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;
use xxhash_rust::xxh3::Xxh3;

use crate::content::toegankelijkheid::STANDAARD;
use crate::content::values::Soort;
use crate::content::{CONFIG_FILE, content_file};
use crate::diagnostics::Diagnostic;
use crate::routes::{self, Claimant, SitePath, output_path};
use crate::site::reads::{self, Reads};
use crate::site::{Entry, Facet, Site, Term};
use crate::theme::Theme;
use views::{Card, DateView, Link, THEMAS_TITLE, Views};

/// One file to write, with its path relative to the output folder (`/` separators).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// Path inside the output folder, e.g. `interventies/x/index.html`.
    pub path: String,
    /// The bytes to write.
    pub contents: Vec<u8>,
    /// Whether it is an HTML page listed in the sitemap.
    pub is_page: bool,
}

/// Every file the site consists of, except static files copied as they are, the sitemap and
/// the open data, which are made from the others.
#[derive(Clone, Copy, Debug)]
enum Job {
    Home,
    Agenda,
    Toegankelijkheid,
    Addendum(usize),
    Addenda,
    Interventie(usize),
    Interventies,
    Programmalijn(usize),
    Programma,
    Nieuws(usize),
    NieuwsLijst,
    Page(usize),
    Section(usize),
    TermIndex(Facet),
    Term(Facet, usize),
    NotFound,
    Redirect(usize),
    Robots,
    Feed,
    Calendar(usize),
    SecurityTxt,
    Zoeken,
    Gemeenten,
    Gemeente(usize),
    /// Page `.1` (from 1) of a national list of interventies.
    Landelijk(landelijk::Lijst, usize),
    LandelijkIndex(Facet),
    /// Page `.0` (from 1) of the news of all gemeenten.
    LandelijkNieuws(usize),
    LandelijkFeed,
}

impl Job {
    /// The site path of the file the job writes.
    fn site_path(self, site: &Site) -> SitePath {
        match self {
            Job::Home => site.home.url.clone(),
            Job::Agenda => site
                .agenda
                .as_ref()
                .map_or(SitePath::fixed(routes::AGENDA), |e| e.url.clone()),
            Job::Toegankelijkheid => site
                .toegankelijkheid
                .as_ref()
                .map_or(SitePath::fixed(routes::TOEGANKELIJKHEID), |e| e.url.clone()),
            Job::Addendum(i) => site.addenda.items[i].url.clone(),
            Job::Addenda => site.addenda.url.clone(),
            Job::Interventie(i) => site.interventies.items[i].url.clone(),
            Job::Interventies => site.interventies.url.clone(),
            Job::Programmalijn(i) => site.programma.items[i].url.clone(),
            Job::Programma => site.programma.url.clone(),
            Job::Nieuws(i) => site.nieuws.items[i].url.clone(),
            Job::NieuwsLijst => site.nieuws.url.clone(),
            Job::Page(i) => site.pages[i].url.clone(),
            Job::Section(i) => site.sections[i].url.clone(),
            Job::TermIndex(facet) => SitePath::fixed(facet.url()),
            Job::Term(facet, i) => site.terms(facet)[i].url.clone(),
            Job::NotFound => SitePath::fixed(routes::NOT_FOUND),
            Job::Redirect(i) => site.redirects[i].from.clone(),
            Job::Robots => SitePath::fixed(routes::ROBOTS),
            Job::Feed => routes::feed(&site.nieuws.url),
            Job::Calendar(i) => routes::calendar(&site.nieuws.items[i].url),
            Job::SecurityTxt => SitePath::fixed(routes::SECURITY_TXT),
            Job::Zoeken => SitePath::fixed(routes::ZOEKEN),
            Job::Gemeenten => SitePath::fixed(routes::GEMEENTEN),
            Job::Gemeente(i) => routes::gemeente(&site.gemeenten[i].slug),
            Job::Landelijk(lijst, number) => routes::pagina(&lijst.url(site), number),
            Job::LandelijkIndex(facet) => SitePath::fixed(facet.landelijk_url()),
            Job::LandelijkNieuws(number) => routes::pagina(routes::LANDELIJK_NIEUWS, number),
            Job::LandelijkFeed => routes::feed(routes::LANDELIJK_NIEUWS),
        }
    }

    /// Who asks for the file: the document, alias or setting it comes from, or gka.
    fn claimant(self, site: &Site) -> Claimant {
        fn page<T>(entry: &Entry<T>, what: fn(String) -> String) -> Claimant {
            let (file, position) = entry.claimed_at();
            Claimant::file(file, position, what(file.display().to_string()))
        }
        fn own<T>(entry: &Entry<T>) -> Claimant {
            page(entry, |file| t!("claim-pagina", file = file))
        }
        fn list<T>(section: &crate::site::Section<T>) -> Claimant {
            match &section.intro {
                Some(intro) => page(intro, |file| t!("claim-lijst", file = file)),
                None => Claimant::gka(t!("claim-lijst-gka", url = &section.url)),
            }
        }
        match self {
            Job::Home => page(&site.home, |file| t!("claim-startpagina", file = file)),
            Job::Agenda => site
                .agenda
                .as_ref()
                .map_or_else(|| Claimant::gka(t!("claim-agenda")), own),
            Job::Toegankelijkheid => site
                .toegankelijkheid
                .as_ref()
                .map_or_else(|| Claimant::gka(t!("claim-verklaring")), own),
            Job::Addendum(i) => own(&site.addenda.items[i]),
            Job::Interventie(i) => own(&site.interventies.items[i]),
            Job::Programmalijn(i) => own(&site.programma.items[i]),
            Job::Nieuws(i) => own(&site.nieuws.items[i]),
            Job::Page(i) => own(&site.pages[i]),
            Job::Section(i) => own(&site.sections[i]),
            Job::Addenda => list(&site.addenda),
            Job::Interventies => list(&site.interventies),
            Job::Programma => list(&site.programma),
            Job::NieuwsLijst => list(&site.nieuws),
            Job::TermIndex(facet) => Claimant::gka(t!("claim-overzicht", url = facet.url())),
            Job::Term(facet, i) => {
                let term = &site.terms(facet)[i];
                let what = t!("claim-term", name = &term.naam, url = &term.url);
                match (facet, &site.agenda) {
                    (Facet::Thema, Some(agenda)) => {
                        Claimant::file(agenda.claimed_at().0, None, what)
                    }
                    _ => Claimant::gka(what),
                }
            }
            Job::Redirect(i) => {
                let redirect = &site.redirects[i];
                let what = t!(
                    "claim-alias",
                    alias = &redirect.from,
                    file = redirect.file.display()
                );
                Claimant::file(&redirect.file, redirect.position, what)
            }
            Job::Calendar(i) => page(&site.nieuws.items[i], |file| {
                t!("claim-kalender", file = file)
            }),
            Job::SecurityTxt => {
                Claimant::file(content_file(CONFIG_FILE), None, t!("claim-security"))
            }
            Job::NotFound => Claimant::gka(t!("claim-404")),
            Job::Robots => Claimant::gka(t!("claim-robots")),
            Job::Feed => Claimant::gka(t!("claim-feed")),
            Job::Zoeken => Claimant::gka(t!("claim-zoeken")),
            Job::Gemeenten => Claimant::file(
                content_file(CONFIG_FILE),
                None,
                t!("claim-gemeenten", url = routes::GEMEENTEN),
            ),
            Job::Gemeente(i) => Claimant::file(
                content_file(CONFIG_FILE),
                None,
                t!("claim-gemeente", gemeente = &site.gemeenten[i].naam),
            ),
            Job::Landelijk(..) | Job::LandelijkIndex(_) => Claimant::file(
                content_file(CONFIG_FILE),
                None,
                t!("claim-landelijk", url = self.site_path(site).as_str()),
            ),
            Job::LandelijkNieuws(_) => Claimant::file(
                content_file(CONFIG_FILE),
                None,
                t!(
                    "claim-landelijk-nieuws",
                    url = self.site_path(site).as_str()
                ),
            ),
            Job::LandelijkFeed => Claimant::file(
                content_file(CONFIG_FILE),
                None,
                t!(
                    "claim-landelijk-feed",
                    url = &routes::feed(routes::LANDELIJK_NIEUWS)
                ),
            ),
        }
    }

    /// Whether the file is a page to list in the sitemap: not a redirect, the 404 page or a
    /// file that is not HTML.
    fn is_page(self) -> bool {
        !matches!(
            self,
            Job::NotFound
                | Job::Redirect(_)
                | Job::Robots
                | Job::Feed
                | Job::LandelijkFeed
                | Job::Calendar(_)
                | Job::SecurityTxt
        )
    }
}

/// One file of the site before it is rendered: what makes it and where it goes.
#[derive(Debug, Clone)]
pub struct Planned {
    job: Job,
    /// Path inside the output folder, e.g. `interventies/x/index.html`.
    pub path: String,
    /// Whether it is an HTML page listed in the sitemap.
    pub is_page: bool,
}

/// Renders the files of one site with one theme. Creating it sets the theme's `site` value,
/// which every template sees.
pub struct Renderer<'a> {
    views: Views<'a>,
    theme: &'a Theme,
    search: bool,
    /// Digest of what every template sees besides its context: the compiled templates and
    /// the `site` value.
    globals: u64,
}

/// What a run made of a file: the digest of everything its template was given, and the
/// documents its context read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fingerprint {
    /// The digest (see the module's header).
    pub digest: u64,
    /// The documents the file's context read.
    pub reads: Reads,
}

/// What the caller kept of an earlier run, so that unchanged files cost less.
#[derive(Debug, Clone, Copy, Default)]
pub struct Earlier<'e> {
    /// Output path → the fingerprint of the file the caller has; a file with the same
    /// fingerprint now is not rendered again.
    pub files: Option<&'e HashMap<String, Fingerprint>>,
    /// The digests of the interventies' cards in the earlier run.
    pub cards: Option<&'e CardPrints>,
    /// The documents whose contents changed (sorted ids), when nothing else in the model did
    /// and the templates and the `site` value are the same: then a file whose context read
    /// none of them keeps its fingerprint without its context being built.
    pub changed: Option<&'e [u64]>,
}

impl Earlier<'_> {
    /// The fingerprint of the file at `path`, when it is the earlier one.
    fn same<'a>(
        &self,
        path: &str,
        made: impl FnOnce() -> (JobOutput<'a>, Reads),
        renderer: &Renderer,
    ) -> Known<'a> {
        let earlier = self.files.and_then(|files| files.get(path));
        if let (Some(earlier), Some(changed)) = (earlier, self.changed)
            && !earlier.reads.any_of(changed)
        {
            return Known::Kept(earlier.clone());
        }
        let (made, reads) = made();
        let fingerprint = Fingerprint {
            digest: renderer.digest(&made),
            reads,
        };
        if earlier.is_some_and(|e| e.digest == fingerprint.digest) {
            Known::Kept(fingerprint)
        } else {
            Known::New(made, fingerprint)
        }
    }
}

/// A file's fingerprint, and whether it must be rendered.
enum Known<'a> {
    /// The caller has the file as it would be rendered now.
    Kept(Fingerprint),
    /// The file must be rendered from what it is made of.
    New(JobOutput<'a>, Fingerprint),
}

/// A file rendered, or found unchanged, by [`Renderer::render_each`].
#[derive(Debug)]
pub struct Made<T> {
    /// What the file is made from (see the module's header).
    pub fingerprint: Fingerprint,
    /// What the sink returned for it; `None` when the caller has the file as it would be
    /// rendered now, so it was not rendered.
    pub sunk: Option<T>,
}

impl<'a> Renderer<'a> {
    /// A renderer of `site` with `theme`; with `search`, the site has the search page
    /// `/zoeken/` (its index is built from the rendered pages by [`crate::search`]).
    pub fn new(site: &'a Site, theme: &'a mut Theme, search: bool) -> Renderer<'a> {
        let views = Views { site };
        let site_value = views.site(&theme.css, search);
        let mut globals = Digest::default();
        theme.digest.hash(&mut globals.0);
        globals.add("site", &site_value);
        theme.tera.global_context().insert("site", &site_value);
        Renderer {
            views,
            theme,
            search,
            globals: globals.finish(),
        }
    }

    /// Every file the site consists of, except static files, the sitemap, the open data and
    /// the search index.
    pub fn plan(&self) -> Vec<Planned> {
        let site = self.views.site;
        jobs(site, self.search)
            .into_iter()
            .map(|job| Planned {
                job,
                path: output_path(&job.site_path(site)),
                is_page: job.is_page(),
            })
            .collect()
    }

    /// Who asks for the planned file: the document, alias or setting it comes from, or gka.
    pub fn claimant(&self, planned: &Planned) -> Claimant {
        planned.job.claimant(self.views.site)
    }

    /// Digest of what every template sees besides its context: the compiled templates and
    /// the `site` value. When it changed, every file's fingerprint did.
    pub fn globals(&self) -> u64 {
        self.globals
    }

    /// Renders every file of `planned`, in parallel.
    pub fn render(&self, planned: &[&Planned]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let cards = self.card_prints(Earlier::default());
        let made = self.render_each(planned, Earlier::default(), &cards, |file| file)?;
        Ok(made.into_iter().filter_map(|m| m.sunk).collect())
    }

    /// Makes the fingerprint of every file of `planned`, in parallel, and renders each file
    /// that the caller does not have as it would be rendered now (see [`Earlier`]), with the
    /// interventies' cards of [`Renderer::card_prints`]; hands each
    /// rendered file to `sink` as soon as it is rendered, so that a build can write it and let
    /// it go instead of holding every page. Returns one [`Made`] per file, in the order of
    /// `planned`; fails with every template error found (the other files are still rendered
    /// and handed over, to find them all).
    pub fn render_each<T: Send>(
        &self,
        planned: &[&Planned],
        earlier: Earlier,
        cards: &CardPrints,
        sink: impl Fn(OutputFile) -> T + Sync,
    ) -> Result<Vec<Made<T>>, Vec<Diagnostic>> {
        let cards = Cards::new(self.views, cards);
        let results: Vec<Result<Made<T>, Diagnostic>> = planned
            .par_iter()
            .map(|p| {
                let made = || reads::recording(|| make_job(&self.views, p.job, &cards));
                match earlier.same(&p.path, made, self) {
                    Known::Kept(fingerprint) => Ok(Made {
                        fingerprint,
                        sunk: None,
                    }),
                    Known::New(made, fingerprint) => {
                        let contents = self.finish(made)?;
                        Ok(Made {
                            fingerprint,
                            sunk: Some(sink(OutputFile {
                                path: p.path.clone(),
                                contents,
                                is_page: p.is_page,
                            })),
                        })
                    }
                }
            })
            .collect();
        let mut done = Vec::with_capacity(results.len());
        let mut errors = Vec::new();
        for result in results {
            match result {
                Ok(value) => done.push(value),
                Err(d) => errors.push(d),
            }
        }
        if errors.is_empty() {
            Ok(done)
        } else {
            Err(errors)
        }
    }

    /// `sitemap.xml`, listing the pages of `plan`, rendered unless the caller has it as it
    /// would be rendered now.
    pub fn sitemap(
        &self,
        plan: &[Planned],
        earlier: Earlier,
    ) -> Result<Made<OutputFile>, Vec<Diagnostic>> {
        let made = || reads::recording(|| sitemap(&self.views, plan));
        let path = output_path(routes::SITEMAP);
        match earlier.same(&path, made, self) {
            Known::Kept(fingerprint) => Ok(Made {
                fingerprint,
                sunk: None,
            }),
            Known::New(made, fingerprint) => {
                let contents = self.finish(made).map_err(|d| vec![d])?;
                Ok(Made {
                    fingerprint,
                    sunk: Some(OutputFile {
                        path,
                        contents,
                        is_page: false,
                    }),
                })
            }
        }
    }

    /// The digest of a file: its own with what every template sees.
    fn digest(&self, made: &JobOutput) -> u64 {
        let own = match made {
            JobOutput::Template(template, ctx) => {
                let mut digest = ctx.digest.clone();
                template.hash(&mut digest.0);
                digest.finish()
            }
            JobOutput::Text(text) => {
                let mut digest = Digest::default();
                text.hash(&mut digest.0);
                digest.finish()
            }
        };
        let mut hasher = Xxh3::new();
        (self.globals, own).hash(&mut hasher);
        hasher.finish()
    }

    /// The bytes of a file whose context is made.
    fn finish(&self, made: JobOutput) -> Result<Vec<u8>, Diagnostic> {
        match made {
            JobOutput::Text(text) => Ok(text.into_bytes()),
            JobOutput::Template(template, ctx) => {
                let html = (self.theme.tera)
                    .render(template, &ctx.context())
                    .map_err(|err| self.theme.diagnostic(&err))?;
                Ok(html.into_bytes())
            }
        }
    }
}

/// The open data of `site`: `/data/gka.json`, its schema and `/data/interventies.csv`.
pub fn open_data(site: &Site) -> Vec<OutputFile> {
    let mut files = Vec::new();
    write_open_data(site, |path, write| {
        let mut contents = Vec::new();
        write(&mut contents)?;
        files.push(OutputFile {
            path: path.to_string(),
            contents,
            is_page: false,
        });
        Ok::<(), std::io::Error>(())
    })
    .expect("writing into memory does not fail");
    files
}

/// The site paths of the open data of `site`: its own, and on a national site the national
/// data too.
pub fn open_data_paths(site: &Site) -> Vec<&'static str> {
    let national = (!site.gemeenten.is_empty()).then_some(routes::LANDELIJK_DATA);
    (routes::OPEN_DATA.into_iter())
        .chain(national.into_iter().flatten())
        .collect()
}

/// Hands each open data file to `sink` with its path and a function that writes its bytes,
/// so that `gka build` can stream `/data/gka.json` (every body twice: at 10 000 pages it is
/// 170 MB) into its file instead of holding it. On a national site, the national data follows
/// (see [`crate::open_data::landelijk`]).
pub fn write_open_data<E>(
    site: &Site,
    mut sink: impl FnMut(&str, &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<(), E>,
) -> Result<(), E> {
    let data = open_data::of(site);
    let [json, schema, csv] = routes::OPEN_DATA.map(output_path);
    sink(&json, &|w| data.write_json(w))?;
    sink(&schema, &|w| {
        w.write_all(crate::open_data::schema().as_bytes())
    })?;
    sink(&csv, &|w| crate::open_data::interventies_csv(&data, w))?;
    if site.gemeenten.is_empty() {
        return Ok(());
    }
    let data = open_data::landelijk(site);
    let [json, schema, csv] = routes::LANDELIJK_DATA.map(output_path);
    sink(&json, &|w| data.write_json(w))?;
    sink(&schema, &|w| {
        w.write_all(crate::open_data::landelijk::schema().as_bytes())
    })?;
    sink(&csv, &|w| data.interventies_csv(w))
}

fn jobs(site: &Site, search: bool) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Robots];
    if search {
        jobs.push(Job::Zoeken);
    }
    if site.agenda.is_some() {
        jobs.push(Job::Agenda);
    }
    if site.toegankelijkheid.is_some() {
        jobs.push(Job::Toegankelijkheid);
    }
    if site.config.beveiliging.is_some() {
        jobs.push(Job::SecurityTxt);
    }
    for (exists, list) in [
        (site.addenda.exists(), Job::Addenda),
        (site.interventies.exists(), Job::Interventies),
        (site.programma.exists(), Job::Programma),
        (site.nieuws.exists(), Job::NieuwsLijst),
    ] {
        if exists {
            jobs.push(list);
        }
    }
    jobs.extend((0..site.addenda.items.len()).map(Job::Addendum));
    jobs.extend((0..site.interventies.items.len()).map(Job::Interventie));
    jobs.extend((0..site.programma.items.len()).map(Job::Programmalijn));
    jobs.extend((0..site.nieuws.items.len()).map(Job::Nieuws));
    jobs.extend((0..site.pages.len()).map(Job::Page));
    jobs.extend((0..site.sections.len()).map(Job::Section));
    for facet in Facet::ALL {
        let terms = site.terms(facet);
        if !terms.is_empty() {
            jobs.push(Job::TermIndex(facet));
        }
        jobs.extend((0..terms.len()).map(|i| Job::Term(facet, i)));
    }
    jobs.extend((0..site.redirects.len()).map(Job::Redirect));
    if !site.gemeenten.is_empty() {
        jobs.push(Job::Gemeenten);
        jobs.extend((0..site.gemeenten.len()).map(Job::Gemeente));
        let pages = pager::count(site.national.nieuws.len());
        jobs.extend((1..=pages).map(Job::LandelijkNieuws));
        jobs.push(Job::LandelijkFeed);
    }
    let national = &site.national;
    if !national.interventies.is_empty() {
        let lists = std::iter::once(landelijk::Lijst::Alles).chain(
            Facet::ALL.into_iter().flat_map(|facet| {
                (0..national.terms(facet).len()).map(move |i| landelijk::Lijst::Term(facet, i))
            }),
        );
        for lijst in lists {
            jobs.extend((1..=lijst.pages(site)).map(|number| Job::Landelijk(lijst, number)));
        }
        jobs.extend(
            (Facet::ALL.into_iter())
                .filter(|facet| !national.terms(*facet).is_empty())
                .map(Job::LandelijkIndex),
        );
    }
    if !site.nieuws.items.is_empty() {
        jobs.push(Job::Feed);
    }
    let events = site.nieuws.items.iter().enumerate();
    jobs.extend(
        events
            .filter(|(_, e)| e.doc().data.soort == Soort::Evenement)
            .map(|(i, _)| Job::Calendar(i)),
    );
    jobs
}

/// A page to render: its template and the template's context.
type PageJob<'a> = (&'static str, Ctx<'a>);

/// What makes a file: a template and its context, or, for fixed formats, the text itself.
enum JobOutput<'a> {
    Template(&'static str, Box<Ctx<'a>>),
    Text(String),
}

/// A running digest of values as they are given to a template.
#[derive(Clone, Default)]
struct Digest(Xxh3);

impl Digest {
    /// Adds the value `key` holds, as its serialized form: exactly what the template gets.
    /// CBOR rather than JSON: it is self-describing too (map keys and lengths included, so
    /// two different values never give the same bytes), and it copies strings, the bodies
    /// above all, as they are instead of escaping them.
    fn add(&mut self, key: &str, value: &(impl Serialize + ?Sized)) {
        key.hash(&mut self.0);
        ciborium::into_writer(value, &mut *self).expect("views serialize");
    }

    fn finish(&self) -> u64 {
        self.0.finish()
    }
}

impl std::io::Write for Digest {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.update(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The digests of the interventies' cards, each with the documents it read: made once per
/// run for the overview and the term pages, which list them between them several times, and
/// kept by `gka serve` from run to run like the files' fingerprints.
#[derive(Debug, Clone, Default)]
pub struct CardPrints(Vec<CardPrint>);

#[derive(Debug, Clone)]
struct CardPrint {
    /// Of the card as the term pages show it.
    card: u64,
    /// Of the card as the overview shows it: with the term pages it is on.
    filterable: u64,
    reads: Reads,
}

impl Renderer<'_> {
    /// The digests of the interventies' cards: those of `earlier` where they read none of the
    /// documents that changed, the others made again.
    pub fn card_prints(&self, earlier: Earlier) -> CardPrints {
        let views = &self.views;
        let items = &views.site.interventies.items;
        let kept = earlier
            .cards
            .zip(earlier.changed)
            .filter(|(cards, _)| cards.0.len() == items.len());
        let prints = (0..items.len())
            .into_par_iter()
            .map(|i| match kept {
                Some((cards, changed)) if !cards.0[i].reads.any_of(changed) => cards.0[i].clone(),
                _ => {
                    let ((card, facetten), reads) = reads::recording(|| {
                        let mut card = Digest::default();
                        card.add("card", &views.interventie_card(i));
                        let mut facetten = Digest::default();
                        facetten.add("facetten", &views.facetten(i));
                        (card.finish(), facetten.finish())
                    });
                    let mut filterable = Xxh3::new();
                    (card, facetten).hash(&mut filterable);
                    CardPrint {
                        card,
                        filterable: filterable.finish(),
                        reads,
                    }
                }
            })
            .collect();
        CardPrints(prints)
    }
}

/// The interventies' cards of one run: their digests, and their template values, made once
/// and only when a page that lists them is rendered.
struct Cards<'a> {
    views: Views<'a>,
    prints: &'a CardPrints,
    values: OnceLock<Vec<tera::Value>>,
    filterable: OnceLock<Vec<tera::Value>>,
}

impl<'a> Cards<'a> {
    fn new(views: Views<'a>, prints: &'a CardPrints) -> Cards<'a> {
        Cards {
            views,
            prints,
            values: OnceLock::new(),
            filterable: OnceLock::new(),
        }
    }

    /// Every interventie's index, in order.
    fn all(&self) -> Vec<usize> {
        (0..self.prints.0.len()).collect()
    }

    /// The cards as values, with the term pages they are on when `filterable`.
    fn values(&self, filterable: bool) -> &[tera::Value] {
        let views = &self.views;
        let count = views.site.interventies.items.len();
        if filterable {
            self.filterable.get_or_init(|| {
                (0..count)
                    .into_par_iter()
                    .map(|i| tera::Value::from_serializable(&views.filterable_card(i)))
                    .collect()
            })
        } else {
            self.values.get_or_init(|| {
                (0..count)
                    .into_par_iter()
                    .map(|i| tera::Value::from_serializable(&views.interventie_card(i)))
                    .collect()
            })
        }
    }
}

/// One value of a template's context, kept as it is until the file is rendered.
enum CtxValue<'a> {
    /// A view.
    View(Box<dyn erased_serde::Serialize + 'a>),
    /// Some of the interventies' cards, by index, with the term pages they are on when the
    /// flag is set.
    Cards(&'a Cards<'a>, Vec<usize>, bool),
}

/// Context builder: `page` plus named values, with the digest of all of them. The values
/// become a Tera context only when the file is rendered.
struct Ctx<'a> {
    values: Vec<(&'static str, CtxValue<'a>)>,
    digest: Digest,
}

impl<'a> Ctx<'a> {
    fn new(page: impl Serialize + 'a) -> Ctx<'a> {
        Ctx {
            values: Vec::new(),
            digest: Digest::default(),
        }
        .with("page", page)
    }

    fn with(mut self, key: &'static str, value: impl Serialize + 'a) -> Ctx<'a> {
        self.digest.add(key, &value);
        self.values.push((key, CtxValue::View(Box::new(value))));
        self
    }

    /// Adds the cards of the interventies at `indices`; with the term pages they are on when
    /// `filterable`.
    fn with_cards(
        mut self,
        key: &'static str,
        cards: &'a Cards<'a>,
        indices: Vec<usize>,
        filterable: bool,
    ) -> Ctx<'a> {
        (key, filterable).hash(&mut self.digest.0);
        for i in &indices {
            let print = &cards.prints.0[*i];
            let digest = if filterable {
                print.filterable
            } else {
                print.card
            };
            digest.hash(&mut self.digest.0);
            // The cards were made before this context: what they read, it reads.
            print.reads.replay();
        }
        self.values
            .push((key, CtxValue::Cards(cards, indices, filterable)));
        self
    }

    /// The Tera context.
    fn context(&self) -> Context {
        let mut context = Context::new();
        for (key, value) in &self.values {
            match value {
                CtxValue::View(view) => context.insert(*key, view),
                CtxValue::Cards(cards, indices, filterable) => {
                    let values = cards.values(*filterable);
                    let list: Vec<tera::Value> =
                        indices.iter().map(|i| values[*i].clone()).collect();
                    context.insert_value(*key, list.into());
                }
            }
        }
        context
    }
}

/// The template and context, or the text, of the file `job` writes; `cards` are the
/// interventies' cards, for term pages.
fn make_job<'a>(views: &Views<'a>, job: Job, cards: &'a Cards<'a>) -> JobOutput<'a> {
    let site = views.site;
    let (template, ctx): PageJob = match job {
        Job::Calendar(i) => return JobOutput::Text(pages::calendar_file(views, i)),
        Job::SecurityTxt => return JobOutput::Text(pages::security_txt(views)),
        Job::Home => pages::home(views),
        Job::Agenda => pages::agenda(views),
        Job::Toegankelijkheid => pages::toegankelijkheid(views),
        Job::Addendum(i) => pages::addendum(views, i),
        Job::Interventie(i) => pages::interventie(views, i),
        Job::Programmalijn(i) => pages::programmalijn(views, i),
        Job::Nieuws(i) => pages::nieuwsbericht(views, i),
        Job::Page(i) => pages::pagina(views, i),
        Job::Section(i) => pages::sectie(views, i),
        Job::Addenda => pages::section_job(
            views,
            &site.addenda,
            site.addenda.items.iter().map(|e| views.card(e)).collect(),
        ),
        Job::Interventies => pages::interventies(views, cards),
        Job::Programma => pages::section_job(
            views,
            &site.programma,
            site.programma.items.iter().map(|e| views.card(e)).collect(),
        ),
        Job::NieuwsLijst => pages::nieuws_lijst(views),
        Job::Feed => pages::feed(views),
        Job::TermIndex(facet) => pages::term_index(views, facet),
        Job::Term(facet, i) => pages::term(views, facet, i, cards),
        Job::NotFound => pages::not_found(views),
        Job::Redirect(i) => pages::redirect(views, i),
        Job::Robots => pages::robots(views),
        Job::Zoeken => pages::zoeken(views),
        Job::Gemeenten => pages::gemeenten(views),
        Job::Gemeente(i) => pages::gemeente(views, i),
        Job::Landelijk(lijst, number) => landelijk::lijst(views, lijst, number),
        Job::LandelijkIndex(facet) => landelijk::index(views, facet),
        Job::LandelijkNieuws(number) => pages::landelijk_nieuws(views, number),
        Job::LandelijkFeed => pages::landelijk_feed(views),
    };
    JobOutput::Template(template, Box::new(ctx))
}

fn sitemap<'a>(views: &Views<'a>, plan: &[Planned]) -> JobOutput<'a> {
    #[derive(Serialize)]
    struct Url {
        loc: String,
        lastmod: Option<String>,
    }
    let site = views.site;
    // The sitemap's lastmod: the document's own date, else when its file last changed.
    let dates: std::collections::HashMap<String, String> = site
        .documents()
        .into_iter()
        .filter_map(|d| {
            d.meta
                .datum
                .or(d.source.modified)
                .map(|date| (output_path(d.url), date.iso()))
        })
        .collect();
    let mut urls: Vec<Url> = plan
        .iter()
        .filter(|f| f.is_page)
        .map(|f| {
            let site_path = routes::site_path(&f.path);
            Url {
                loc: site.config.absolute(&site_path),
                lastmod: dates.get(&f.path).cloned(),
            }
        })
        .collect();
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    let page = views.page_at("sitemap", None, routes::SITEMAP, "", None);
    JobOutput::Template("sitemap.xml", Box::new(Ctx::new(page).with("urls", urls)))
}

/// A link to a file, with its type and size when it is a download of the site.
#[derive(Serialize)]
struct Download {
    url: String,
    /// "PDF, 1,2 MB".
    bestand: Option<String>,
}

/// `verklaring` on `toegankelijkheidsverklaring.html`.
#[derive(Serialize)]
struct VerklaringView<'a> {
    standaard: &'a str,
    onderzoeken: Vec<OnderzoekView<'a>>,
    contact: MeldenView<'a>,
}

#[derive(Serialize)]
struct OnderzoekView<'a> {
    door: &'a str,
    methode: Option<&'a str>,
    wanneer: &'a str,
    rapport: Option<Download>,
}

/// Where to report an accessibility problem: the statement's own contact, else the site's.
#[derive(Serialize)]
struct MeldenView<'a> {
    email: Option<&'a str>,
    telefoon: Option<&'a str>,
    telefoon_link: Option<String>,
    pagina: Option<String>,
}

/// An interventie's recognition, on `interventie.html`.
#[derive(Serialize)]
struct ErkenningView {
    /// The level, linking to its term page.
    niveau: Link,
    /// The database's name.
    databank: &'static str,
    /// The interventie's page in the database.
    url: Option<String>,
}

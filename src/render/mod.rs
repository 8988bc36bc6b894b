//! Render: turn the [`Site`] into output files, every page in parallel.
//!
//! Each output file is a [`Job`]; a job picks its template and builds its context from
//! [`views`]. The `site` value is serialized once into Tera's global context.
//!
//! Every file also gets a fingerprint: a digest of everything its template is given (the
//! template's name and the compiled templates, the `site` value and the file's whole
//! context), taken while the context is built. A template sees nothing else, so two renders
//! with the same fingerprint give the same bytes, and `gka serve` renders again exactly the
//! files whose fingerprint changed: what a file depends on is recorded, never declared.

pub mod calendar;
pub mod embed;
pub mod open_data;
mod pages;
pub mod security;
pub mod views;

use std::hash::{Hash, Hasher};
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;
use xxhash_rust::xxh3::Xxh3;

use crate::content::toegankelijkheid::STANDAARD;
use crate::content::values::Soort;
use crate::diagnostics::Diagnostic;
use crate::site::{Facet, SECURITY_TXT, Site, Term};
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
}

impl Job {
    /// The site path of the file the job writes.
    fn site_path(self, site: &Site) -> String {
        match self {
            Job::Home => site.home.url.clone(),
            Job::Agenda => site
                .agenda
                .as_ref()
                .map(|e| e.url.clone())
                .unwrap_or_default(),
            Job::Toegankelijkheid => site
                .toegankelijkheid
                .as_ref()
                .map(|e| e.url.clone())
                .unwrap_or_default(),
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
            Job::TermIndex(facet) => facet.url().to_string(),
            Job::Term(facet, i) => site.terms(facet)[i].url.clone(),
            Job::NotFound => "/404.html".into(),
            Job::Redirect(i) => site.redirects[i].0.clone(),
            Job::Robots => "/robots.txt".into(),
            Job::Feed => format!("{}feed.xml", site.nieuws.url),
            Job::Calendar(i) => format!("{}{}", site.nieuws.items[i].url, calendar::FILE_NAME),
            Job::SecurityTxt => SECURITY_TXT.into(),
            Job::Zoeken => pages::ZOEKEN.into(),
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

/// A file rendered, or found unchanged, by [`Renderer::render_each`].
#[derive(Debug)]
pub struct Made<T> {
    /// The fingerprint of everything the file was made from (see the module's header).
    pub fingerprint: u64,
    /// What the sink returned for it; `None` when the caller found its fingerprint unchanged
    /// and the file was not rendered.
    pub sunk: Option<T>,
}

impl<'a> Renderer<'a> {
    /// A renderer of `site` with `theme`; with `search`, the site has the search page
    /// `/zoeken/` (its index is built from the rendered pages by [`crate::search`]).
    pub fn new(site: &'a Site, theme: &'a mut Theme, search: bool) -> Renderer<'a> {
        let views = Views { site };
        let site_value = views.site(&theme.css);
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

    /// Renders every file of `planned`, in parallel.
    pub fn render(&self, planned: &[&Planned]) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
        let made = self.render_each(planned, |_, _| false, |file| file)?;
        Ok(made.into_iter().filter_map(|m| m.sunk).collect())
    }

    /// Builds the context of every file of `planned` and its fingerprint, in parallel, and
    /// renders the file unless `unchanged(file, fingerprint)` says the caller has it already;
    /// hands each rendered file to `sink` as soon as it is rendered, so that a build can write
    /// it and let it go instead of holding every page. Returns one [`Made`] per file, in the
    /// order of `planned`; fails with every template error found (the other files are still
    /// rendered and handed over, to find them all).
    pub fn render_each<T: Send>(
        &self,
        planned: &[&Planned],
        unchanged: impl Fn(&Planned, u64) -> bool + Sync,
        sink: impl Fn(OutputFile) -> T + Sync,
    ) -> Result<Vec<Made<T>>, Vec<Diagnostic>> {
        let cards = Cards::new(self.views);
        let results: Vec<Result<Made<T>, Diagnostic>> = planned
            .par_iter()
            .map(|p| {
                let made = make_job(&self.views, p.job, &cards);
                let fingerprint = self.fingerprint(&made);
                if unchanged(p, fingerprint) {
                    return Ok(Made {
                        fingerprint,
                        sunk: None,
                    });
                }
                let contents = self.finish(made)?;
                Ok(Made {
                    fingerprint,
                    sunk: Some(sink(OutputFile {
                        path: p.path.clone(),
                        contents,
                        is_page: p.is_page,
                    })),
                })
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

    /// `sitemap.xml`, listing the pages of `plan`, unless `unchanged(fingerprint)` says the
    /// caller has it already.
    pub fn sitemap(
        &self,
        plan: &[Planned],
        unchanged: impl Fn(u64) -> bool,
    ) -> Result<Made<OutputFile>, Vec<Diagnostic>> {
        let made = sitemap(&self.views, plan);
        let fingerprint = self.fingerprint(&made);
        if unchanged(fingerprint) {
            return Ok(Made {
                fingerprint,
                sunk: None,
            });
        }
        let contents = self.finish(made).map_err(|d| vec![d])?;
        Ok(Made {
            fingerprint,
            sunk: Some(OutputFile {
                path: SITEMAP.into(),
                contents,
                is_page: false,
            }),
        })
    }

    /// The fingerprint of a file: its own digest with what every template sees.
    fn fingerprint(&self, made: &JobOutput) -> u64 {
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

/// The sitemap's path in the output folder.
pub const SITEMAP: &str = "sitemap.xml";

/// The paths of the open data files in the output folder.
pub const OPEN_DATA_FILES: [&str; 3] = [
    "data/gka.json",
    "data/gka.schema.json",
    "data/interventies.csv",
];

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

/// Hands each open data file to `sink` with its path and a function that writes its bytes,
/// so that `gka build` can stream `/data/gka.json` (every body twice: at 10 000 pages it is
/// 170 MB) into its file instead of holding it.
pub fn write_open_data<E>(
    site: &Site,
    mut sink: impl FnMut(&str, &dyn Fn(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<(), E>,
) -> Result<(), E> {
    let data = open_data::OpenData::of(site);
    let [json, schema, csv] = OPEN_DATA_FILES;
    sink(json, &|w| data.write_json(w))?;
    sink(schema, &|w| w.write_all(open_data::schema().as_bytes()))?;
    sink(csv, &|w| {
        w.write_all(open_data::interventies_csv(&data).as_bytes())
    })
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
    if !site.nieuws.items.is_empty() {
        jobs.push(Job::Feed);
    }
    let events = site.nieuws.items.iter().enumerate();
    jobs.extend(
        events
            .filter(|(_, e)| e.doc.data.soort == Soort::Evenement)
            .map(|(i, _)| Job::Calendar(i)),
    );
    jobs
}

/// The output path of a site path: folders get an `index.html`.
fn output_path(site_path: &str) -> String {
    let path = site_path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
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

/// The interventies' cards, which the term pages list between them several times: each card
/// is made and digested once per render, and turned into a template value once, and only when
/// a term page is rendered.
struct Cards<'a> {
    views: Views<'a>,
    digests: Vec<u64>,
    values: OnceLock<Vec<tera::Value>>,
}

impl<'a> Cards<'a> {
    fn new(views: Views<'a>) -> Cards<'a> {
        let digests = (views.site.interventies.items.par_iter())
            .map(|entry| {
                let mut digest = Digest::default();
                digest.add("card", &views.interventie_card(entry));
                digest.finish()
            })
            .collect();
        Cards {
            views,
            digests,
            values: OnceLock::new(),
        }
    }

    fn values(&self) -> &[tera::Value] {
        self.values.get_or_init(|| {
            let views = &self.views;
            (views.site.interventies.items.par_iter())
                .map(|entry| tera::Value::from_serializable(&views.interventie_card(entry)))
                .collect()
        })
    }
}

/// One value of a template's context, kept as it is until the file is rendered.
enum CtxValue<'a> {
    /// A view.
    View(Box<dyn erased_serde::Serialize + 'a>),
    /// Some of the interventies' cards, by index.
    Cards(&'a Cards<'a>, Vec<usize>),
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

    /// Adds the cards of the interventies at `indices`.
    fn with_cards(
        mut self,
        key: &'static str,
        cards: &'a Cards<'a>,
        indices: Vec<usize>,
    ) -> Ctx<'a> {
        key.hash(&mut self.digest.0);
        for i in &indices {
            cards.digests[*i].hash(&mut self.digest.0);
        }
        self.values.push((key, CtxValue::Cards(cards, indices)));
        self
    }

    /// The Tera context.
    fn context(&self) -> Context {
        let mut context = Context::new();
        for (key, value) in &self.values {
            match value {
                CtxValue::View(view) => context.insert(*key, view),
                CtxValue::Cards(cards, indices) => {
                    let values = cards.values();
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
        Job::Interventies => pages::interventies(views),
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
            let site_path = format!("/{}", f.path.trim_end_matches("index.html"));
            Url {
                loc: site.config.absolute(&site_path),
                lastmod: dates.get(&f.path).cloned(),
            }
        })
        .collect();
    urls.sort_by(|a, b| a.loc.cmp(&b.loc));
    let page = views.page_at("sitemap", None, "/sitemap.xml", "", None);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_get_index_files() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/interventies/x/"), "interventies/x/index.html");
        assert_eq!(output_path("/404.html"), "404.html");
    }
}

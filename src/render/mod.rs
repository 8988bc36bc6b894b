//! Render: turn the [`Site`] into output files, every page in parallel.
//!
//! Each output file is a [`Job`]; a job picks its template and builds its context from
//! [`views`]. The `site` value is serialized once into Tera's global context.

pub mod calendar;
pub mod embed;
pub mod markdown;
pub mod open_data;
mod pages;
pub mod security;
pub mod templates;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::content::toegankelijkheid::STANDAARD;
use crate::content::values::Soort;
use crate::diagnostics::Diagnostic;
use crate::site::{Facet, SECURITY_TXT, Site, Term};
use templates::Theme;
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

/// Every file the site consists of, except static files copied as they are.
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

/// Renders every page and generated file of `site` with `theme`; with `search`, also the
/// search page `/zoeken/` (its index is built from the rendered pages by [`crate::search`]).
pub fn render(
    site: &Site,
    theme: &mut Theme,
    search: bool,
) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let views = Views { site };
    theme
        .tera
        .global_context()
        .insert("site", &views.site(&theme.css));
    let theme = &*theme;
    let mut jobs = jobs(site);
    if search {
        jobs.push(Job::Zoeken);
    }
    let results: Vec<Result<OutputFile, Diagnostic>> = jobs
        .par_iter()
        .map(|job| render_job(&views, theme, *job))
        .collect();
    let mut files = Vec::with_capacity(results.len());
    let mut errors = Vec::new();
    for result in results {
        match result {
            Ok(file) => files.push(file),
            Err(d) => errors.push(d),
        }
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    // The sitemap lists the pages just rendered, so it comes last.
    files.push(sitemap(&views, theme, &files)?);
    let data = open_data::OpenData::of(site);
    for (path, contents) in [
        ("data/gka.json", data.to_json()),
        ("data/gka.schema.json", open_data::schema()),
        ("data/interventies.csv", open_data::interventies_csv(&data)),
    ] {
        files.push(OutputFile {
            path: path.to_string(),
            contents: contents.into_bytes(),
            is_page: false,
        });
    }
    Ok(files)
}

fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Robots];
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

/// A page to render: its site path, its template and the template's context.
type PageJob = (String, &'static str, Ctx);

/// Context builder: `page` plus named values.
struct Ctx(Context);

impl Ctx {
    fn new(page: &impl Serialize) -> Ctx {
        let mut context = Context::new();
        context.insert("page", page);
        Ctx(context)
    }

    fn with(mut self, key: &'static str, value: &impl Serialize) -> Ctx {
        self.0.insert(key, value);
        self
    }
}

fn render_job(views: &Views, theme: &Theme, job: Job) -> Result<OutputFile, Diagnostic> {
    let site = views.site;
    match job {
        Job::Calendar(i) => return Ok(pages::calendar_file(views, i)),
        Job::SecurityTxt => return Ok(pages::security_txt(views)),
        _ => {}
    }
    let (site_path, template, ctx): PageJob = match job {
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
        Job::Calendar(_) | Job::SecurityTxt => {
            unreachable!("files without a template are written above")
        }
        Job::TermIndex(facet) => pages::term_index(views, facet),
        Job::Term(facet, i) => pages::term(views, facet, i),
        Job::NotFound => pages::not_found(views),
        Job::Redirect(i) => pages::redirect(views, i),
        Job::Robots => pages::robots(views),
        Job::Zoeken => pages::zoeken(views),
    };
    // Redirects, the 404 page, robots.txt and the feed are not pages to list in the sitemap.
    let is_page = !matches!(
        job,
        Job::NotFound | Job::Redirect(_) | Job::Robots | Job::Feed
    );
    let html = theme
        .tera
        .render(template, &ctx.0)
        .map_err(|err| theme.diagnostic(&err))?;
    Ok(OutputFile {
        path: output_path(&site_path),
        contents: html.into_bytes(),
        is_page,
    })
}

fn sitemap(
    views: &Views,
    theme: &Theme,
    files: &[OutputFile],
) -> Result<OutputFile, Vec<Diagnostic>> {
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
    let mut urls: Vec<Url> = files
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
    let ctx = Ctx::new(&page).with("urls", &urls);
    let xml = theme
        .tera
        .render("sitemap.xml", &ctx.0)
        .map_err(|e| vec![theme.diagnostic(&e)])?;
    Ok(OutputFile {
        path: "sitemap.xml".into(),
        contents: xml.into_bytes(),
        is_page: false,
    })
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

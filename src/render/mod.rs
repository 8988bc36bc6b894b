//! Render: turn the [`Site`] into output files, every page in parallel.
//!
//! Each output file is a [`Job`]; a job picks its template and builds its context from
//! [`views`]. The `site` value is serialized once into Tera's global context.

pub mod markdown;
pub mod templates;
pub mod views;

use rayon::prelude::*;
use serde::Serialize;
use tera::Context;

use crate::diagnostics::Diagnostic;
use crate::site::{Site, Term};
use templates::Theme;
use views::{Card, DateView, LEEFTIJDEN_TITLE, Link, THEMAS_TITLE, Views};

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
    Themas,
    Thema(usize),
    Leeftijden,
    Leeftijd(usize),
    NotFound,
    Redirect(usize),
    Robots,
}

/// Renders every page and generated file of `site` with `theme`.
pub fn render(site: &Site, theme: &mut Theme) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let views = Views { site };
    theme.tera.global_context().insert("site", &views.site());
    let theme = &*theme;
    let jobs = jobs(site);
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
    Ok(files)
}

fn jobs(site: &Site) -> Vec<Job> {
    let mut jobs = vec![Job::Home, Job::NotFound, Job::Robots];
    if site.agenda.is_some() {
        jobs.push(Job::Agenda);
    }
    for (exists, list) in [
        (site.addenda.exists(), Job::Addenda),
        (site.interventies.exists(), Job::Interventies),
        (site.programma.exists(), Job::Programma),
        (site.nieuws.exists(), Job::NieuwsLijst),
        (!site.themas.is_empty(), Job::Themas),
        (!site.leeftijden.is_empty(), Job::Leeftijden),
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
    jobs.extend((0..site.themas.len()).map(Job::Thema));
    jobs.extend((0..site.leeftijden.len()).map(Job::Leeftijd));
    jobs.extend((0..site.redirects.len()).map(Job::Redirect));
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
    let (site_path, template, ctx): (String, &str, Ctx) = match job {
        Job::Home => {
            let page = views.page(&site.home);
            (
                site.home.url.clone(),
                "home.html",
                Ctx::new(&page).with("onderdelen", &home_cards(views)),
            )
        }
        Job::Agenda => {
            let agenda = site
                .agenda
                .as_ref()
                .expect("job only exists with an agenda");
            let data = &agenda.doc.data;
            let view = AgendaView {
                ondertekend_door: data.ondertekend_door.as_ref().map(|o| Signatory {
                    naam: &o.naam,
                    functie: &o.functie,
                }),
                ondertekend_op: data.ondertekend_op.map(DateView::from),
                periode: data.periode.map(|p| p.to_string()),
                themas: views.thema_links(data.themas.iter().map(|t| t.value.as_str())),
                document: data.document.as_ref().map(|d| views.href(&d.value)),
            };
            (
                agenda.url.clone(),
                "agenda.html",
                Ctx::new(&views.page(agenda)).with("agenda", &view),
            )
        }
        Job::Addendum(i) => {
            let entry = &site.addenda.items[i];
            let data = &entry.doc.data;
            let interventies: Vec<Card> = data
                .interventies
                .iter()
                .filter_map(|slug| {
                    site.interventies
                        .items
                        .iter()
                        .find(|e| e.url == format!("/interventies/{}/", slug.value))
                })
                .map(|e| views.interventie_card(e))
                .collect();
            let view = AddendumView {
                periode: data.periode.map(|p| p.to_string()),
                ondertekend_op: data.ondertekend_op.map(DateView::from),
                partners: &data.partners,
                interventies,
            };
            (
                entry.url.clone(),
                "addendum.html",
                Ctx::new(&views.page(entry)).with("addendum", &view),
            )
        }
        Job::Interventie(i) => {
            let entry = &site.interventies.items[i];
            let data = &entry.doc.data;
            let slug = entry
                .url
                .trim_end_matches('/')
                .rsplit('/')
                .next()
                .unwrap_or_default();
            let view = InterventieView {
                themas: views.thema_links(data.themas.iter().map(|t| t.value.as_str())),
                leeftijden: data.leeftijden.iter().map(|r| views.age_link(*r)).collect(),
                doelgroep: data.doelgroep.as_deref(),
                status: data.status.map(views::status_label),
                sinds: data.sinds,
                partners: &data.partners,
                website: data.website.as_ref().map(|w| w.value.as_str()),
                video: data.video.as_ref().map(|v| Link {
                    titel: v.titel.clone(),
                    url: v.url.value.clone(),
                }),
                addenda: site
                    .addenda
                    .items
                    .iter()
                    .filter(|a| a.doc.data.interventies.iter().any(|s| s.value == slug))
                    .map(|a| views.link(&a.doc.meta.titel, &a.url))
                    .collect(),
            };
            (
                entry.url.clone(),
                "interventie.html",
                Ctx::new(&views.page(entry)).with("interventie", &view),
            )
        }
        Job::Programmalijn(i) => {
            let entry = &site.programma.items[i];
            let data = &entry.doc.data;
            let (ambities, teksten) = entry.inline.split_at(data.ambities.len());
            let mut jaren: Vec<JaarView> = Vec::new();
            for (result, tekst) in data.resultaten.iter().zip(teksten) {
                let item = ResultaatView {
                    leeftijd: views.age_link(result.leeftijd),
                    tekst,
                };
                match jaren.iter_mut().find(|j| j.jaar == result.jaar) {
                    Some(jaar) => jaar.resultaten.push(item),
                    None => jaren.push(JaarView {
                        jaar: result.jaar,
                        resultaten: vec![item],
                    }),
                }
            }
            jaren.sort_by_key(|j| std::cmp::Reverse(j.jaar));
            let view = ProgrammalijnView {
                nummer: data.nummer.value,
                ambities,
                jaren,
            };
            (
                entry.url.clone(),
                "programmalijn.html",
                Ctx::new(&views.page(entry)).with("programmalijn", &view),
            )
        }
        Job::Nieuws(i) => {
            let entry = &site.nieuws.items[i];
            let view = NieuwsView {
                soort: views::soort_label(entry.doc.data.soort),
                locatie: entry.doc.data.locatie.as_deref(),
            };
            (
                entry.url.clone(),
                "nieuwsbericht.html",
                Ctx::new(&views.page(entry)).with("nieuws", &view),
            )
        }
        Job::Page(i) => {
            let entry = &site.pages[i];
            (
                entry.url.clone(),
                "pagina.html",
                Ctx::new(&views.page(entry)),
            )
        }
        Job::Section(i) => {
            let entry = &site.sections[i];
            let items: Vec<Card> = site
                .pages
                .iter()
                .filter(|p| p.url.starts_with(&entry.url) && p.url != entry.url)
                .map(|p| views.card(p))
                .collect();
            (
                entry.url.clone(),
                "lijst.html",
                Ctx::new(&views.page(entry)).with("items", &items),
            )
        }
        Job::Addenda => section_job(
            views,
            &site.addenda,
            site.addenda.items.iter().map(|e| views.card(e)).collect(),
        ),
        Job::Interventies => section_job(
            views,
            &site.interventies,
            site.interventies
                .items
                .iter()
                .map(|e| views.interventie_card(e))
                .collect(),
        ),
        Job::Programma => section_job(
            views,
            &site.programma,
            site.programma.items.iter().map(|e| views.card(e)).collect(),
        ),
        Job::NieuwsLijst => section_job(
            views,
            &site.nieuws,
            site.nieuws
                .items
                .iter()
                .map(|e| views.nieuws_card(e))
                .collect(),
        ),
        Job::Themas => term_index(views, "/themas/", THEMAS_TITLE, &site.themas),
        Job::Leeftijden => term_index(views, "/leeftijden/", LEEFTIJDEN_TITLE, &site.leeftijden),
        Job::Thema(i) => term_page(views, &site.themas[i], &site.themas[i].naam),
        Job::Leeftijd(i) => term_page(
            views,
            &site.leeftijden[i],
            &format!("{} jaar", site.leeftijden[i].naam),
        ),
        Job::NotFound => {
            let page = views.page_at("Pagina niet gevonden", None, "/404.html", "", None);
            ("/404.html".into(), "404.html", Ctx::new(&page))
        }
        Job::Redirect(i) => {
            let (from, to) = &site.redirects[i];
            let target = views.link("", to);
            let ctx = Ctx::new(&views.page_at("Deze pagina is verhuisd", None, from, "", None))
                .with("doel", &target)
                .with("doel_permalink", &site.config.absolute(to));
            (from.clone(), "alias.html", ctx)
        }
        Job::Robots => {
            let page = views.page_at("robots.txt", None, "/robots.txt", "", None);
            let ctx = Ctx::new(&page).with("sitemap", &site.config.absolute("/sitemap.xml"));
            ("/robots.txt".into(), "robots.txt", ctx)
        }
    };
    // Redirects, the 404 page and robots.txt are not pages to list in the sitemap.
    let is_page = !matches!(job, Job::NotFound | Job::Redirect(_) | Job::Robots);
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

fn section_job<'a, T>(
    views: &Views<'a>,
    section: &'a crate::site::Section<T>,
    items: Vec<Card<'a>>,
) -> (String, &'static str, Ctx) {
    let page = match &section.intro {
        Some(intro) => views.page(intro),
        None => views.page_at(&section.titel, None, &section.url, "", None),
    };
    (
        section.url.clone(),
        "lijst.html",
        Ctx::new(&page).with("items", &items),
    )
}

fn term_index(
    views: &Views,
    site_path: &str,
    titel: &'static str,
    terms: &[Term],
) -> (String, &'static str, Ctx) {
    let page = views.page_at(titel, None, site_path, "", None);
    let list: Vec<_> = terms.iter().map(|t| views.term_summary(t)).collect();
    (
        site_path.to_string(),
        "termen.html",
        Ctx::new(&page).with("termen", &list),
    )
}

fn term_page<'a>(views: &Views<'a>, term: &'a Term, titel: &str) -> (String, &'static str, Ctx) {
    let site = views.site;
    let page = views.page_at(titel, None, &term.url, "", None);
    let interventies: Vec<Card> = term
        .interventies
        .iter()
        .map(|i| views.interventie_card(&site.interventies.items[*i]))
        .collect();
    let resultaten: Vec<TermResultaat> = term
        .resultaten
        .iter()
        .map(|(line, index)| {
            let entry = &site.programma.items[*line];
            let result = &entry.doc.data.resultaten[*index];
            TermResultaat {
                programmalijn: views.link(&entry.doc.meta.titel, &entry.url),
                jaar: result.jaar,
                leeftijd: views.age_link(result.leeftijd),
                tekst: &entry.inline[entry.doc.data.ambities.len() + index],
            }
        })
        .collect();
    let ctx = Ctx::new(&page)
        .with("interventies", &interventies)
        .with("resultaten", &resultaten)
        .with("term", &term.naam);
    (term.url.clone(), "term.html", ctx)
}

/// The home page's cards: each part of the site with a short summary.
fn home_cards<'a>(views: &Views<'a>) -> Vec<Card<'a>> {
    let site = views.site;
    let mut cards = Vec::new();
    if let Some(agenda) = &site.agenda {
        cards.push(views.card(agenda));
    }
    let section_card = |titel: &'a str, url: &str, summary: Option<&'a str>| Card {
        titel,
        url: views.href(url),
        samenvatting: summary,
        datum: None,
        themas: Vec::new(),
        leeftijden: Vec::new(),
        status: None,
        soort: None,
    };
    if !site.themas.is_empty() {
        let mut card = section_card(THEMAS_TITLE, "/themas/", None);
        card.themas = site
            .themas
            .iter()
            .map(|t| views.link(&t.naam, &t.url))
            .collect();
        cards.push(card);
    }
    for (exists, titel, url, intro) in [
        (
            site.interventies.exists(),
            &site.interventies.titel,
            &site.interventies.url,
            &site.interventies.intro,
        ),
        (
            site.programma.exists(),
            &site.programma.titel,
            &site.programma.url,
            &site.programma.intro,
        ),
        (
            site.nieuws.exists(),
            &site.nieuws.titel,
            &site.nieuws.url,
            &site.nieuws.intro,
        ),
    ] {
        if exists {
            cards.push(section_card(
                titel,
                url,
                intro.as_ref().and_then(|i| i.summary()),
            ));
        }
    }
    // News without an intro is summed up by its newest item.
    if let (Some(card), Some(newest)) = (
        cards
            .iter_mut()
            .find(|c| c.url == views.href(&site.nieuws.url)),
        site.nieuws.items.first(),
    ) && card.samenvatting.is_none()
    {
        card.samenvatting = Some(&newest.doc.meta.titel);
        card.datum = newest.doc.meta.datum.map(DateView::from);
    }
    if let Some(contact) = site.pages.iter().find(|p| p.url == "/contact/") {
        cards.push(views.card(contact));
    }
    cards
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
    let dates = site
        .agenda
        .iter()
        .map(|e| (&e.url, e.doc.meta.datum))
        .chain(
            site.addenda
                .items
                .iter()
                .map(|e| (&e.url, e.doc.meta.datum)),
        )
        .chain(
            site.interventies
                .items
                .iter()
                .map(|e| (&e.url, e.doc.meta.datum)),
        )
        .chain(site.nieuws.items.iter().map(|e| (&e.url, e.doc.meta.datum)))
        .chain(site.pages.iter().map(|e| (&e.url, e.doc.meta.datum)))
        .filter_map(|(url, d)| d.map(|d| (output_path(url), d.iso())))
        .collect::<std::collections::HashMap<_, _>>();
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

#[derive(Serialize)]
struct Signatory<'a> {
    naam: &'a str,
    functie: &'a str,
}

/// `agenda` on `agenda.html`.
#[derive(Serialize)]
struct AgendaView<'a> {
    ondertekend_door: Option<Signatory<'a>>,
    ondertekend_op: Option<DateView>,
    periode: Option<String>,
    themas: Vec<Link>,
    document: Option<String>,
}

/// `addendum` on `addendum.html`.
#[derive(Serialize)]
struct AddendumView<'a> {
    periode: Option<String>,
    ondertekend_op: Option<DateView>,
    partners: &'a [String],
    interventies: Vec<Card<'a>>,
}

/// `interventie` on `interventie.html`.
#[derive(Serialize)]
struct InterventieView<'a> {
    themas: Vec<Link>,
    leeftijden: Vec<Link>,
    doelgroep: Option<&'a str>,
    status: Option<&'static str>,
    sinds: Option<u16>,
    partners: &'a [String],
    website: Option<&'a str>,
    video: Option<Link>,
    addenda: Vec<Link>,
}

/// `programmalijn` on `programmalijn.html`.
#[derive(Serialize)]
struct ProgrammalijnView<'a> {
    nummer: u32,
    ambities: &'a [String],
    jaren: Vec<JaarView<'a>>,
}

#[derive(Serialize)]
struct JaarView<'a> {
    jaar: u16,
    resultaten: Vec<ResultaatView<'a>>,
}

#[derive(Serialize)]
struct ResultaatView<'a> {
    leeftijd: Link,
    tekst: &'a str,
}

/// `nieuws` on `nieuwsbericht.html`.
#[derive(Serialize)]
struct NieuwsView<'a> {
    soort: &'static str,
    locatie: Option<&'a str>,
}

/// One programme result on a term page.
#[derive(Serialize)]
struct TermResultaat<'a> {
    programmalijn: Link,
    jaar: u16,
    leeftijd: Link,
    tekst: &'a str,
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

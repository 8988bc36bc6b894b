//! Render: turn the [`Site`] into output files, every page in parallel.
//!
//! Each output file is a [`Job`]; a job picks its template and builds its context from
//! [`views`]. The `site` value is serialized once into Tera's global context.

pub mod calendar;
pub mod embed;
pub mod markdown;
pub mod open_data;
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
}

/// Renders every page and generated file of `site` with `theme`.
pub fn render(site: &Site, theme: &mut Theme) -> Result<Vec<OutputFile>, Vec<Diagnostic>> {
    let views = Views { site };
    theme
        .tera
        .global_context()
        .insert("site", &views.site(&theme.css));
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
    if let Job::Calendar(i) = job {
        let entry = &site.nieuws.items[i];
        return Ok(OutputFile {
            path: output_path(&format!("{}{}", entry.url, calendar::FILE_NAME)),
            contents: calendar::event(&site.config, entry)
                .unwrap_or_default()
                .into_bytes(),
            is_page: false,
        });
    }
    let (site_path, template, ctx): (String, &str, Ctx) = match job {
        Job::Home => {
            let config = &site.config;
            let organisatie = serde_json::json!({
                "@type": "GovernmentOrganization",
                "name": format!("Gemeente {}", config.gemeente),
                "url": config.base_url.as_str(),
                "description": config.omschrijving,
            });
            let page = views.page(&site.home).with_structured_data(
                Some(organisatie),
                "website",
                "webpagina",
            );
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
                document: data.document.as_ref().map(|d| Download {
                    url: views.href(&d.value),
                    bestand: views.file_label(&d.value),
                }),
            };
            (
                agenda.url.clone(),
                "agenda.html",
                Ctx::new(&views.page(agenda)).with("agenda", &view),
            )
        }
        Job::Toegankelijkheid => {
            let entry = site
                .toegankelijkheid
                .as_ref()
                .expect("job only exists with a statement");
            let data = &entry.doc.data;
            let site_contact = site.config.contact.as_ref();
            let own = data.contact.as_ref();
            let email = own
                .and_then(|c| c.email.as_deref())
                .or(site_contact.and_then(|c| c.email.as_deref()));
            let telefoon = own
                .and_then(|c| c.telefoon.as_deref())
                .or(site_contact.and_then(|c| c.telefoon.as_deref()));
            let view = VerklaringView {
                standaard: data.standaard.as_deref().unwrap_or(STANDAARD),
                onderzoeken: data
                    .onderzoeken
                    .iter()
                    .map(|o| OnderzoekView {
                        door: &o.door,
                        methode: o.methode.as_deref(),
                        wanneer: &o.wanneer,
                        rapport: o.rapport.as_ref().map(|r| Download {
                            url: views.href(&r.value),
                            bestand: views.file_label(&r.value),
                        }),
                    })
                    .collect(),
                contact: MeldenView {
                    email,
                    telefoon,
                    telefoon_link: telefoon.map(views::tel_link),
                    pagina: own
                        .and_then(|c| c.pagina.as_ref())
                        .map(|p| views.href(&p.value)),
                },
            };
            (
                entry.url.clone(),
                "toegankelijkheidsverklaring.html",
                Ctx::new(&views.page(entry)).with("verklaring", &view),
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
                onderwijs: data
                    .onderwijs
                    .iter()
                    .map(|o| views.onderwijs_link(*o))
                    .collect(),
                erkenning: data.erkenning.as_ref().map(|e| ErkenningView {
                    niveau: views.erkenning_link(e.niveau.value),
                    databank: e.databank.label(),
                    url: e.url.as_ref().map(|u| views.external_or_href(&u.value)),
                }),
                addenda: site
                    .addenda
                    .items
                    .iter()
                    .filter(|a| a.doc.data.interventies.iter().any(|s| s.value == slug))
                    .map(|a| views.link(&a.doc.meta.titel, &a.url))
                    .collect(),
            };
            let page = views
                .page(entry)
                .with_video(data.video.as_ref().map(|v| views.video(v)));
            (
                entry.url.clone(),
                "interventie.html",
                Ctx::new(&page).with("interventie", &view),
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
                nummer: data.nummer,
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
                agenda: (entry.doc.data.soort == Soort::Evenement)
                    .then(|| views.href(&format!("{}{}", entry.url, calendar::FILE_NAME))),
            };
            let page = views.page(entry);
            let data = &entry.doc.data;
            let datum = entry.doc.meta.datum.map(|d| d.iso());
            let gemeente = serde_json::json!({
                "@type": "GovernmentOrganization",
                "name": format!("Gemeente {}", site.config.gemeente),
                "url": site.config.base_url.as_str(),
            });
            let item = match data.soort {
                Soort::Evenement => serde_json::json!({
                    "@type": "Event",
                    "name": entry.doc.meta.titel,
                    "description": entry.summary(),
                    "url": page.permalink,
                    "startDate": datum,
                    "location": data.locatie.as_ref().map(|l| if l.eq_ignore_ascii_case("online") {
                        serde_json::json!({"@type": "VirtualLocation", "name": l})
                    } else {
                        serde_json::json!({"@type": "Place", "name": l})
                    }),
                    "organizer": gemeente,
                }),
                Soort::Nieuws => serde_json::json!({
                    "@type": "NewsArticle",
                    "headline": entry.doc.meta.titel,
                    "description": entry.summary(),
                    "url": page.permalink,
                    "datePublished": datum,
                    "dateModified": page.dcterms_modified,
                    "inLanguage": site.config.taal,
                    "author": gemeente.clone(),
                    "publisher": gemeente,
                }),
            };
            let page = page.with_structured_data(Some(item), "article", "nieuwsbericht");
            (
                entry.url.clone(),
                "nieuwsbericht.html",
                Ctx::new(&page).with("nieuws", &view),
            )
        }
        Job::Page(i) => {
            let entry = &site.pages[i];
            let page = views
                .page(entry)
                .with_video(entry.doc.data.video.as_ref().map(|v| views.video(v)));
            (entry.url.clone(), "pagina.html", Ctx::new(&page))
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
        Job::Interventies => {
            let (path, template, ctx) = section_job(
                views,
                &site.interventies,
                (0..site.interventies.items.len())
                    .map(|i| views.filterable_card(i))
                    .collect(),
            );
            (path, template, ctx.with("filters", &views.filters()))
        }
        Job::Programma => section_job(
            views,
            &site.programma,
            site.programma.items.iter().map(|e| views.card(e)).collect(),
        ),
        Job::NieuwsLijst => {
            // Events that are over move to the archive; news stays current.
            let (archief, actueel): (Vec<_>, Vec<_>) = site.nieuws.items.iter().partition(|e| {
                e.doc.data.soort == Soort::Evenement
                    && e.doc.meta.datum.is_some_and(|d| d < site.today)
            });
            let (path, template, ctx) = section_job(
                views,
                &site.nieuws,
                actueel.into_iter().map(|e| views.nieuws_card(e)).collect(),
            );
            let archief: Vec<Card> = archief.into_iter().map(|e| views.nieuws_card(e)).collect();
            (path, template, ctx.with("archief", &archief))
        }
        Job::Feed => {
            let entries: Vec<FeedEntry> = site
                .nieuws
                .items
                .iter()
                .take(FEED_ITEMS)
                .map(|e| FeedEntry {
                    titel: &e.doc.meta.titel,
                    permalink: site.config.absolute(&e.url),
                    updated: e.doc.meta.datum.map(rfc3339).unwrap_or_default(),
                    samenvatting: e.summary(),
                    inhoud: &e.body.html,
                    soort: views::soort_label(e.doc.data.soort),
                })
                .collect();
            let path = format!("{}feed.xml", site.nieuws.url);
            let page = views.page_at(&site.nieuws.titel, None, &path, "", None);
            let ctx = Ctx::new(&page)
                .with("entries", &entries)
                .with(
                    "updated",
                    &entries
                        .first()
                        .map(|e| e.updated.clone())
                        .unwrap_or_default(),
                )
                .with("nieuws_permalink", &site.config.absolute(&site.nieuws.url));
            (path, "atom.xml", ctx)
        }
        Job::Calendar(_) => unreachable!("calendar files are written above"),
        Job::TermIndex(facet) => term_index(views, facet),
        Job::Term(facet, i) => {
            let term = &site.terms(facet)[i];
            let titel = match facet {
                Facet::Leeftijd => format!("{} jaar", term.naam),
                _ => term.naam.clone(),
            };
            term_page(views, term, &titel)
        }
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
        Job::SecurityTxt => {
            let contact = site
                .config
                .beveiliging
                .as_ref()
                .expect("job only exists with a security contact");
            // A fixed format (RFC 9116), not a theme's business: no template.
            return Ok(OutputFile {
                path: output_path(SECURITY_TXT),
                contents: security::security_txt(&site.config, contact).into_bytes(),
                is_page: false,
            });
        }
        Job::Robots => {
            let page = views.page_at("robots.txt", None, "/robots.txt", "", None);
            let ctx = Ctx::new(&page).with("sitemap", &site.config.absolute("/sitemap.xml"));
            ("/robots.txt".into(), "robots.txt", ctx)
        }
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
        Ctx::new(&page)
            .with("items", &items)
            .with("archief", &Vec::<Card>::new())
            .with("filters", &Vec::<views::FilterGroup>::new()),
    )
}

fn term_index(views: &Views, facet: Facet) -> (String, &'static str, Ctx) {
    let page = views.page_at(views::facet_title(facet), None, facet.url(), "", None);
    let list: Vec<_> = views
        .site
        .terms(facet)
        .iter()
        .map(|t| views.term_summary(t))
        .collect();
    (
        facet.url().to_string(),
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
        ..Card::default()
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

#[derive(Serialize)]
struct Signatory<'a> {
    naam: &'a str,
    functie: &'a str,
}

/// A link to a file, with its type and size when it is a download of the site.
#[derive(Serialize)]
struct Download {
    url: String,
    /// "PDF, 1,2 MB".
    bestand: Option<String>,
}

/// `agenda` on `agenda.html`.
#[derive(Serialize)]
struct AgendaView<'a> {
    ondertekend_door: Option<Signatory<'a>>,
    ondertekend_op: Option<DateView>,
    periode: Option<String>,
    themas: Vec<Link>,
    document: Option<Download>,
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
    onderwijs: Vec<Link>,
    erkenning: Option<ErkenningView>,
    addenda: Vec<Link>,
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
    /// The event's calendar file.
    agenda: Option<String>,
}

/// One entry of the Atom feed.
#[derive(Serialize)]
struct FeedEntry<'a> {
    titel: &'a str,
    permalink: String,
    /// RFC 3339, midnight UTC of the document's date.
    updated: String,
    samenvatting: Option<&'a str>,
    inhoud: &'a str,
    soort: &'static str,
}

/// The newest items in the feed: enough for readers, small enough to fetch often.
const FEED_ITEMS: usize = 20;

/// One programme result on a term page.
#[derive(Serialize)]
struct TermResultaat<'a> {
    programmalijn: Link,
    jaar: u16,
    leeftijd: Link,
    tekst: &'a str,
}

/// A date as an RFC 3339 timestamp at midnight UTC, as Atom wants it.
fn rfc3339(datum: crate::content::values::Datum) -> String {
    format!("{}T00:00:00Z", datum.iso())
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

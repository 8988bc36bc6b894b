//! One function per kind of page: each picks its template and builds the context from
//! views. `make_job` in the parent module dispatches to them.

use super::*;
use crate::content::types::{ContentKind, Kind};

/// The home page: the intro and a card for each part of the site.
pub(super) fn home<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let config = &site.config;
    let organisatie = serde_json::json!({
        "@type": "GovernmentOrganization",
        "name": format!("Gemeente {}", config.gemeente),
        "url": config.base_url.as_str(),
        "description": config.omschrijving,
    });
    let page =
        views
            .page(&site.home)
            .with_structured_data(Some(organisatie), "website", "webpagina");
    (
        Kind::Home.info().template,
        Ctx::new(page).with("onderdelen", home_cards(views)),
    )
}

/// The GKA-Agenda: its themes and who signed it.
pub(super) fn agenda<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let agenda = site
        .agenda
        .as_ref()
        .expect("job only exists with an agenda");
    let data = &agenda.doc().data;
    let view = AgendaView {
        ondertekend_door: data.ondertekend_door.as_ref().map(|o| Signatory {
            naam: &o.naam,
            functie: &o.functie,
        }),
        ondertekend_op: data.ondertekend_op.map(DateView::from),
        periode: data.periode.map(|p| p.to_string()),
        // The site's themes are the agenda's, in its order.
        themas: (site.themas.iter())
            .map(|t| views.link(&t.naam, &t.url))
            .collect(),
        document: data.document.as_ref().map(|d| Download {
            url: views.href(&d.value),
            bestand: views.file_label(&d.value),
        }),
    };
    (
        Kind::Agenda.info().template,
        Ctx::new(views.page(agenda)).with("agenda", view),
    )
}

/// The accessibility statement.
pub(super) fn toegankelijkheid<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let entry = site
        .toegankelijkheid
        .as_ref()
        .expect("job only exists with a statement");
    let data = &entry.doc().data;
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
        Kind::Toegankelijkheid.info().template,
        Ctx::new(views.page(entry)).with("verklaring", view),
    )
}

/// An addendum with the interventies it adds.
pub(super) fn addendum<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.addenda.items[i];
    let data = &entry.doc().data;
    let interventies: Vec<Card> = site.addendum_interventies[i]
        .iter()
        .map(|&index| views.interventie_card(index))
        .collect();
    let view = AddendumView {
        periode: data.periode.map(|p| p.to_string()),
        ondertekend_op: data.ondertekend_op.map(DateView::from),
        partners: &data.partners,
        interventies,
    };
    (
        Kind::Addendum.info().template,
        Ctx::new(views.page(entry)).with("addendum", view),
    )
}

/// An interventie with its facts and the addenda that add it.
pub(super) fn interventie<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.interventies.items[i];
    let data = &entry.doc().data;
    let view = InterventieView {
        themas: views.thema_links(&site.interventie_themas[i]),
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
        addenda: site.interventie_addenda[i]
            .iter()
            .map(|&index| {
                let addendum = &site.addenda.items[index];
                views.link(&addendum.doc().meta.titel, &addendum.url)
            })
            .collect(),
    };
    let page = views
        .page(entry)
        .with_video(data.video.as_ref().map(|v| views.video(v)));
    (
        Kind::Interventie.info().template,
        Ctx::new(page).with("interventie", view),
    )
}

/// A programmalijn: ambitions, and results grouped by year.
pub(super) fn programmalijn<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.programma.items[i];
    let data = &entry.doc().data;
    let (ambities, teksten) = entry.inline().split_at(data.ambities.len());
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
        Kind::Programmalijn.info().template,
        Ctx::new(views.page(entry)).with("programmalijn", view),
    )
}

/// A news item or event.
pub(super) fn nieuwsbericht<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.nieuws.items[i];
    let view = NieuwsView {
        soort: views::soort_label(entry.doc().data.soort),
        locatie: entry.doc().data.locatie.as_deref(),
        agenda: (entry.doc().data.soort == Soort::Evenement)
            .then(|| views.href(&routes::calendar(&entry.url))),
    };
    let page = views.page(entry);
    let data = &entry.doc().data;
    let datum = entry.doc().meta.datum.map(|d| d.iso());
    let gemeente = serde_json::json!({
        "@type": "GovernmentOrganization",
        "name": format!("Gemeente {}", site.config.gemeente),
        "url": site.config.base_url.as_str(),
    });
    // The item's own photo, as shared: the site's logo is no image of the item.
    let image = (page.afbeelding.as_ref())
        .and(page.deelafbeelding.as_ref())
        .map(|shared| shared.url.clone());
    let mut item = match data.soort {
        Soort::Evenement => serde_json::json!({
            "@type": "Event",
            "name": entry.doc().meta.titel,
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
            "headline": entry.doc().meta.titel,
            "description": entry.summary(),
            "url": page.permalink,
            "datePublished": datum,
            "dateModified": page.dcterms_modified,
            "inLanguage": site.config.taal,
            "author": gemeente.clone(),
            "publisher": gemeente,
        }),
    };
    if let Some(image) = image {
        item["image"] = image.into();
    }
    let page = page.with_structured_data(Some(item), "article", "nieuwsbericht");
    (
        Kind::Nieuws.info().template,
        Ctx::new(page).with("nieuws", view),
    )
}

/// A plain page.
pub(super) fn pagina<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.pages[i];
    let page = views
        .page(entry)
        .with_video(entry.doc().data.video.as_ref().map(|v| views.video(v)));
    (Kind::Page.info().template, Ctx::new(page))
}

/// The overview of a folder of plain pages.
pub(super) fn sectie<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let entry = &site.sections[i];
    let items: Vec<Card> = site.section_pages[i]
        .iter()
        .map(|&index| views.card(&site.pages[index]))
        .collect();
    (
        Kind::Section.info().template,
        Ctx::new(views.page(entry))
            .with("items", items)
            .with("lijst", Kind::Section.info().name),
    )
}

/// The interventies overview with its filters; `cards` holds every interventie's card.
pub(super) fn interventies<'a>(views: &Views<'a>, cards: &'a Cards<'a>) -> PageJob<'a> {
    let site = views.site;
    let (template, ctx) = section_page(views, &site.interventies);
    let ctx = ctx
        .with_cards("items", cards, cards.all(), true)
        .with("archief", Vec::<Card>::new())
        .with("filters", views.filters());
    (template, ctx)
}

/// The news overview: current items, then the archive of past events.
pub(super) fn nieuws_lijst<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    // Events that are over move to the archive; news stays current.
    let (archief, actueel): (Vec<_>, Vec<_>) = site.nieuws.items.iter().partition(|e| {
        e.doc().data.soort == Soort::Evenement && e.doc().meta.datum.is_some_and(|d| d < site.today)
    });
    let cards = |entries: Vec<_>| -> Vec<Card> {
        entries.into_iter().map(|e| views.nieuws_card(e)).collect()
    };
    let (template, ctx) = section_page(views, &site.nieuws);
    let ctx = ctx
        .with("items", cards(actueel))
        .with("archief", cards(archief))
        .with("filters", Vec::<views::FilterGroup>::new());
    (template, ctx)
}

/// The Atom feed of the newest news.
pub(super) fn feed<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let entries: Vec<FeedEntry> = site
        .nieuws
        .items
        .iter()
        .take(FEED_ITEMS)
        .map(|e| FeedEntry {
            titel: &e.doc().meta.titel,
            permalink: site.config.absolute(&e.url),
            updated: e.doc().meta.datum.map(rfc3339).unwrap_or_default(),
            samenvatting: e.summary(),
            inhoud: Some(&e.body().html),
            soort: views::soort_label(e.doc().data.soort),
            auteur: None,
        })
        .collect();
    let path = routes::feed(&site.nieuws.url);
    let page = views.page_at(&site.nieuws.titel, None, &path, "", None);
    let updated = (entries.first())
        .map(|e| e.updated.clone())
        .unwrap_or_default();
    let ctx = Ctx::new(page)
        .with("entries", entries)
        .with("updated", updated)
        .with("nieuws_permalink", site.config.absolute(&site.nieuws.url));
    ("atom.xml", ctx)
}

/// The page of one term (a theme, an age range, …); `cards` holds every interventie's card as
/// a template value.
pub(super) fn term<'a>(
    views: &Views<'a>,
    facet: Facet,
    i: usize,
    cards: &'a Cards<'a>,
) -> PageJob<'a> {
    let site = views.site;
    let term = &site.terms(facet)[i];
    let titel = match facet {
        Facet::Leeftijd => format!("{} jaar", term.naam),
        _ => term.naam.clone(),
    };
    let (template, ctx) = term_page(views, term, titel, cards);
    let mut ctx = ctx.with(
        "overzicht",
        views.link(views::facet_title(facet), facet.url()),
    );
    if facet == Facet::Thema
        && let Some(agenda) = &site.agenda
    {
        // A theme with nothing on it yet can still point at what the agenda says about it,
        // when the agenda has a heading of that name.
        // A theme's slug is its name as a heading id would be (both `markdown::slugify`).
        let slug = &term.slug;
        let heading = agenda.body().ids.contains(slug);
        let url = if heading {
            format!("{}#{slug}", agenda.url)
        } else {
            agenda.url.to_string()
        };
        let view = TermAgenda {
            titel: &agenda.meta().titel,
            url: views.href(&url),
            over_dit_thema: heading,
        };
        ctx = ctx.with("agenda", view);
    }
    (template, ctx)
}

/// The `agenda` value of a theme's page: where the agenda is, and whether the link goes to
/// its heading about the theme.
#[derive(Serialize)]
struct TermAgenda<'a> {
    titel: &'a str,
    url: String,
    over_dit_thema: bool,
}

/// The 404 page.
pub(super) fn not_found<'a>(views: &Views<'a>) -> PageJob<'a> {
    let page = views.page_at("Pagina niet gevonden", None, routes::NOT_FOUND, "", None);
    ("404.html", Ctx::new(page))
}

/// The search page: a form and a script that reads the index under `/pagefind/`. Its policy
/// lets that script run Pagefind's WebAssembly; no other page's does.
pub(super) fn zoeken<'a>(views: &Views<'a>) -> PageJob<'a> {
    let page = views
        .page_at("Zoeken", None, routes::ZOEKEN, "", None)
        .with_search();
    ("zoeken.html", Ctx::new(page))
}

/// A redirect page for an old address.
pub(super) fn redirect<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let site = views.site;
    let crate::site::Redirect { from, to, .. } = &site.redirects[i];
    let target = views.link("", to);
    let ctx = Ctx::new(views.page_at("Deze pagina is verhuisd", None, from, "", None))
        .with("doel", target)
        .with("doel_permalink", site.config.absolute(to));
    ("alias.html", ctx)
}

/// `/.well-known/security.txt`: a fixed format (RFC 9116), so no template.
pub(super) fn security_txt<'a>(views: &Views<'a>) -> String {
    let site = views.site;
    let contact = site
        .config
        .beveiliging
        .as_ref()
        .expect("job only exists with a security contact");
    security::security_txt(&site.config, contact)
}

/// An event's iCalendar file: a fixed format (RFC 5545), so no template.
pub(super) fn calendar_file<'a>(views: &Views<'a>, i: usize) -> String {
    let site = views.site;
    calendar::event(&site.config, &site.nieuws.items[i]).unwrap_or_default()
}

/// robots.txt, naming the sitemap.
pub(super) fn robots<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let page = views.page_at("robots.txt", None, routes::ROBOTS, "", None);
    let ctx = Ctx::new(page).with("sitemap", site.config.absolute(routes::SITEMAP));
    ("robots.txt", ctx)
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
    document: Option<Download>,
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
    /// The body as HTML; null in the news of all gemeenten, which shows no source's HTML.
    inhoud: Option<&'a str>,
    soort: &'static str,
    /// Who wrote it, when not the site itself: `Gemeente Zwolle` in the news of all
    /// gemeenten.
    auteur: Option<String>,
}

/// The newest items of the news of all gemeenten in its feed.
const LANDELIJK_FEED_ITEMS: usize = 50;

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

/// A section overview with its cards.
pub(super) fn section_job<'a, T: ContentKind>(
    views: &Views<'a>,
    section: &'a crate::site::Section<T>,
    items: Vec<Card<'a>>,
) -> PageJob<'a> {
    let (template, ctx) = section_page(views, section);
    let ctx = ctx
        .with("items", items)
        .with("archief", Vec::<Card>::new())
        .with("filters", Vec::<views::FilterGroup>::new());
    (template, ctx)
}

/// A section overview's template and `page`: its intro, else a page with its title; `lijst`
/// names the type of its items, so the theme can give the list a fitting heading.
fn section_page<'a, T: ContentKind>(
    views: &Views<'a>,
    section: &'a crate::site::Section<T>,
) -> PageJob<'a> {
    let page = match &section.intro {
        Some(intro) => views.page(intro),
        None => views.page_at(&section.titel, None, &section.url, "", None),
    };
    (
        Kind::Section.info().template,
        Ctx::new(page).with("lijst", T::KIND.info().name),
    )
}

/// The index of all terms of one facet, with counts.
pub(super) fn term_index<'a>(views: &Views<'a>, facet: Facet) -> PageJob<'a> {
    let page = views.page_at(views::facet_title(facet), None, facet.url(), "", None);
    let list: Vec<_> = views
        .site
        .terms(facet)
        .iter()
        .map(|t| views.term_summary(t))
        .collect();
    ("termen.html", Ctx::new(page).with("termen", list))
}

fn term_page<'a>(
    views: &Views<'a>,
    term: &'a Term,
    titel: String,
    cards: &'a Cards<'a>,
) -> PageJob<'a> {
    let site = views.site;
    let page = views.page_at(titel, None, &term.url, "", None);
    let resultaten: Vec<TermResultaat> = term
        .resultaten
        .iter()
        .map(|(line, index)| {
            let entry = &site.programma.items[*line];
            let result = &entry.doc().data.resultaten[*index];
            TermResultaat {
                programmalijn: views.link(&entry.doc().meta.titel, &entry.url),
                jaar: result.jaar,
                leeftijd: views.age_link(result.leeftijd),
                tekst: &entry.inline()[entry.doc().data.ambities.len() + index],
            }
        })
        .collect();
    let ctx = Ctx::new(page)
        .with_cards("interventies", cards, term.interventies.clone(), false)
        .with("resultaten", resultaten)
        .with("term", &term.naam);
    ("term.html", ctx)
}

/// The home page's cards: each part of the site with a short summary.
fn home_cards<'a>(views: &Views<'a>) -> Vec<Card<'a>> {
    let site = views.site;
    let mut cards = Vec::new();
    let section_card = |titel: &'a str, url: &str, summary: Option<&'a str>| Card {
        titel,
        url: views.href(url),
        samenvatting: summary,
        ..Card::default()
    };
    for kind in views::featured() {
        if kind == Kind::Agenda {
            if let Some(agenda) = &site.agenda {
                cards.push(views.card(agenda));
            }
            // The agenda's themes, right after it.
            if !site.themas.is_empty() {
                let mut card = section_card(THEMAS_TITLE, routes::THEMAS, None);
                card.themas = (site.themas.iter())
                    .map(|t| views.link(&t.naam, &t.url))
                    .collect();
                cards.push(card);
            }
        } else if let Some(section) = site.section(kind).filter(|s| s.exists) {
            let summary = section.intro.and_then(|i| i.summary());
            cards.push(section_card(section.titel, section.url, summary));
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
        card.samenvatting = Some(&newest.doc().meta.titel);
        card.datum = newest.doc().meta.datum.map(DateView::from);
    }
    if let Some(contact) = site.contact.map(|i| &site.pages[i]) {
        cards.push(views.card(contact));
    }
    cards
}

/// A date as an RFC 3339 timestamp at midnight UTC, as Atom wants it.
fn rfc3339(datum: crate::content::values::Datum) -> String {
    format!("{}T00:00:00Z", datum.iso())
}

/// A national site's overview of its gemeenten.
pub(super) fn gemeenten<'a>(views: &Views<'a>) -> PageJob<'a> {
    let page = views.page_at(views::GEMEENTEN_TITEL, None, routes::GEMEENTEN, "", None);
    let themas: Vec<_> = (views.site.national.themas.iter())
        .map(|t| views.landelijk_term_summary(t))
        .collect();
    let ctx = Ctx::new(page)
        .with("gemeenten", views.gemeente_summaries())
        .with("letters", views.gemeente_letters())
        .with("themas", themas);
    ("gemeenten.html", ctx)
}

/// A national site's page about one gemeente, from its open data.
pub(super) fn gemeente<'a>(views: &Views<'a>, i: usize) -> PageJob<'a> {
    let gemeente = &views.site.gemeenten[i];
    let page = views.page_at(
        gemeente.naam.as_str(),
        gemeente.data.site.omschrijving.as_deref(),
        &routes::gemeente(&gemeente.slug),
        "",
        None,
    );
    (
        "gemeente.html",
        Ctx::new(page).with("gemeente", views.gemeente(i)),
    )
}

/// Page `number` (from 1) of the news and events of all gemeenten of a national site, newest
/// first, [`pager::PER_PAGE`] a page; the undated last.
pub(super) fn landelijk_nieuws<'a>(views: &Views<'a>, number: usize) -> PageJob<'a> {
    let totaal = views.site.national.nieuws.len();
    let pages = pager::count(totaal);
    let shown = pager::items(totaal, number);
    let titel = if number > 1 {
        format!(
            "{}, pagina {number} van {pages}",
            views::LANDELIJK_NIEUWS_TITEL
        )
    } else {
        views::LANDELIJK_NIEUWS_TITEL.to_string()
    };
    let page = views.page_at(
        titel,
        Some("Het nieuws en de evenementen van alle gemeenten, het nieuwste eerst."),
        &routes::pagina(routes::LANDELIJK_NIEUWS, number),
        "",
        None,
    );
    let items = (views.landelijk_nieuws())
        .skip(shown.start)
        .take(shown.len());
    let ctx = Ctx::new(page)
        .with("nieuws", views.landelijk_nieuws_view(items, totaal))
        .with(
            "pager",
            pager::Pager::of(routes::LANDELIJK_NIEUWS, number, pages, |path| {
                views.href(path)
            }),
        );
    ("landelijk-nieuws.html", ctx)
}

/// The Atom feed of the news of all gemeenten: the newest items that have a date (an entry
/// needs one) and a web address (an entry's `id` and link are the original's), each with
/// its title and summary as text and never the source's HTML.
pub(super) fn landelijk_feed<'a>(views: &Views<'a>) -> PageJob<'a> {
    let site = views.site;
    let entries: Vec<FeedEntry> = (views.landelijk_nieuws())
        .filter_map(|n| {
            let url = crate::open_data::web_address(&n.item.pagina.url)?;
            Some(FeedEntry {
                titel: &n.item.pagina.titel,
                permalink: url.to_string(),
                updated: rfc3339(n.datum?),
                samenvatting: n.item.pagina.samenvatting.as_deref(),
                inhoud: None,
                soort: views::soort_label(n.item.soort),
                auteur: Some(format!("Gemeente {}", n.gemeente.naam)),
            })
        })
        .take(LANDELIJK_FEED_ITEMS)
        .collect();
    let path = routes::feed(routes::LANDELIJK_NIEUWS);
    let page = views.page_at(views::LANDELIJK_NIEUWS_TITEL, None, &path, "", None);
    // An empty feed is still valid Atom, which needs a time it was last updated.
    let updated = (entries.first()).map_or_else(|| rfc3339(site.today), |e| e.updated.clone());
    let ctx = Ctx::new(page)
        .with("entries", entries)
        .with("updated", updated)
        .with(
            "nieuws_permalink",
            site.config.absolute(routes::LANDELIJK_NIEUWS),
        );
    ("atom.xml", ctx)
}

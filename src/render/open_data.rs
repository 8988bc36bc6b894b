//! A site's open data (`crate::open_data`), made from its model: every page's fields, its texts
//! borrowed from the documents, addresses made absolute; and a national site's
//! (`crate::open_data::landelijk`), borrowed from its gemeenten.

use std::borrow::Cow;

use crate::open_data::landelijk::{
    self, BronData, ErkenningRef, GemeenteData, InterventieRef, LandelijkData,
};
use crate::open_data::web_address;
use crate::open_data::{
    AddendumData, AgendaData, ContactData, ErkenningData, InterventieData, Markdown, NieuwsData,
    OpenData, PageData, ProgrammalijnData, ResultaatData, SignatoryData, SiteData, TermData,
    VERSION, VideoData,
};
use crate::routes;
use crate::site::{Entry, Site, Term};
use crate::sources::{Gemeente, Place};

/// The open data of a site, its texts borrowed from the model.
pub fn of<'a>(site: &'a Site) -> OpenData<'a> {
    let config = &site.config;
    let page = |entry: &'a dyn PageSource| entry.page_data(site);
    let slug = |url: &str| {
        url.trim_end_matches('/')
            .rsplit('/')
            .next()
            .unwrap_or_default()
            .to_string()
    };
    let thema = |term: &Term| TermData {
        naam: term.naam.clone(),
        url: config.absolute(&term.url),
    };
    OpenData {
        versie: VERSION,
        site: SiteData {
            gemeente: config.gemeente.clone(),
            titel: config.titel.clone(),
            url: config.base_url.to_string(),
            taal: config.taal.clone(),
            omschrijving: config.omschrijving.clone(),
            contact: config.contact.as_ref().map(|c| ContactData {
                tekst: c.tekst.clone(),
                email: c.email.clone(),
                telefoon: c.telefoon.clone(),
            }),
        },
        agenda: site.agenda.as_ref().map(|e| AgendaData {
            pagina: page(e),
            ondertekend_door: e
                .doc()
                .data
                .ondertekend_door
                .as_ref()
                .map(|o| SignatoryData {
                    naam: o.naam.clone(),
                    functie: o.functie.clone(),
                }),
            ondertekend_op: e.doc().data.ondertekend_op.map(|d| d.iso()),
            periode: e.doc().data.periode.map(|p| p.to_string()),
            // The site's themes are the agenda's, in its order.
            themas: site.themas.iter().map(thema).collect(),
            document: e
                .doc()
                .data
                .document
                .as_ref()
                .map(|d| absolute_link(site, &d.value)),
        }),
        addenda: site
            .addenda
            .items
            .iter()
            .map(|e| AddendumData {
                pagina: page(e),
                periode: e.doc().data.periode.map(|p| p.to_string()),
                ondertekend_op: e.doc().data.ondertekend_op.map(|d| d.iso()),
                partners: e.doc().data.partners.clone(),
                interventies: e
                    .doc()
                    .data
                    .interventies
                    .iter()
                    .map(|s| s.value.clone())
                    .collect(),
            })
            .collect(),
        interventies: site
            .interventies
            .items
            .iter()
            .zip(&site.interventie_themas)
            .map(|(e, themas)| {
                let data = &e.doc().data;
                InterventieData {
                    slug: slug(&e.url),
                    pagina: page(e),
                    themas: themas.iter().map(|&t| thema(&site.themas[t])).collect(),
                    leeftijden: data.leeftijden.iter().map(|r| r.to_string()).collect(),
                    doelgroep: data.doelgroep.clone(),
                    status: data.status,
                    sinds: data.sinds,
                    partners: data.partners.clone(),
                    website: data.website.as_ref().map(|w| absolute_link(site, &w.value)),
                    video: data.video.as_ref().map(|v| VideoData {
                        url: absolute_link(site, &v.url.value),
                        titel: v.titel.clone(),
                    }),
                    onderwijs: data.onderwijs.clone(),
                    erkenning: data.erkenning.as_ref().map(|e| ErkenningData {
                        niveau: e.niveau.value,
                        niveau_naam: e.niveau.value.label().to_string(),
                        databank: e.databank,
                        url: e.url.as_ref().map(|u| absolute_link(site, &u.value)),
                    }),
                }
            })
            .collect(),
        programma: site.programma.intro.as_ref().map(|e| page(e)),
        programmalijnen: site
            .programma
            .items
            .iter()
            .map(|e| {
                let data = &e.doc().data;
                let (ambities, teksten) = e.inline().split_at(data.ambities.len());
                ProgrammalijnData {
                    nummer: data.nummer.value,
                    pagina: page(e),
                    ambities: data
                        .ambities
                        .iter()
                        .zip(ambities)
                        .map(|(source, html)| markdown(&source.value, html))
                        .collect(),
                    resultaten: data
                        .resultaten
                        .iter()
                        .zip(teksten)
                        .map(|(r, html)| ResultaatData {
                            jaar: r.jaar,
                            leeftijd: r.leeftijd.to_string(),
                            tekst: markdown(&r.tekst.value, html),
                        })
                        .collect(),
                }
            })
            .collect(),
        nieuws: site
            .nieuws
            .items
            .iter()
            .map(|e| NieuwsData {
                pagina: page(e),
                soort: e.doc().data.soort,
                locatie: e.doc().data.locatie.clone(),
            })
            .collect(),
        paginas: {
            let mut paginas: Vec<PageData> = site.pages.iter().map(|e| page(e)).collect();
            paginas.sort_by(|a, b| a.url.cmp(&b.url));
            paginas
        },
    }
}

/// The national open data of a national site: its gemeenten, in the order of its `site.yaml`,
/// and all their interventies.
pub fn landelijk(site: &Site) -> LandelijkData<'_> {
    let gemeenten = &site.gemeenten;
    LandelijkData {
        versie: landelijk::VERSION,
        gemeenten: (gemeenten.iter())
            .map(|g| GemeenteData {
                naam: &g.naam,
                slug: &g.slug,
                site: web_address(&g.data.site.url),
                pagina: site.config.absolute(&routes::gemeente(&g.slug)),
                bron: match &g.place {
                    Place::Remote(url) => BronData::Adres {
                        adres: url.as_str(),
                    },
                    Place::Local(_) => BronData::Map,
                },
                interventies: g.data.interventies.len(),
                nieuws: g.data.nieuws.len(),
            })
            .collect(),
        interventies: (gemeenten.iter())
            .flat_map(|g| (g.data.interventies.iter()).map(move |i| landelijk_interventie(g, i)))
            .collect(),
    }
}

/// An interventie of a gemeente in the national open data: its fields without its body, and
/// only web addresses.
fn landelijk_interventie<'a>(
    gemeente: &'a Gemeente,
    i: &'a InterventieData<'static>,
) -> InterventieRef<'a> {
    InterventieRef {
        gemeente: &gemeente.slug,
        slug: &i.slug,
        titel: &i.pagina.titel,
        url: web_address(&i.pagina.url),
        samenvatting: i.pagina.samenvatting.as_deref(),
        datum: i.pagina.datum.as_deref(),
        themas: i.themas.iter().map(|t| t.naam.as_str()).collect(),
        leeftijden: &i.leeftijden,
        doelgroep: i.doelgroep.as_deref(),
        status: i.status,
        sinds: i.sinds,
        partners: &i.partners,
        website: i.website.as_deref().and_then(web_address),
        onderwijs: &i.onderwijs,
        erkenning: i.erkenning.as_ref().map(|e| ErkenningRef {
            niveau: e.niveau,
            databank: e.databank,
            url: e.url.as_deref().and_then(web_address),
        }),
    }
}

fn markdown<'a>(source: &'a str, html: &'a str) -> Markdown<'a> {
    Markdown {
        markdown: Cow::Borrowed(source),
        html: Cow::Borrowed(html),
    }
}

/// A link from front matter as an absolute address: site paths get the site's address.
fn absolute_link(site: &Site, link: &str) -> String {
    if link.starts_with('/') {
        site.config.absolute(link)
    } else {
        link.to_string()
    }
}

/// Documents of any type, as open data's common page fields.
trait PageSource {
    fn page_data<'a>(&'a self, site: &Site) -> PageData<'a>;
}

impl<T> PageSource for Entry<T> {
    fn page_data<'a>(&'a self, site: &Site) -> PageData<'a> {
        PageData {
            titel: self.doc().meta.titel.clone(),
            url: site.config.absolute(&self.url),
            samenvatting: self.summary().map(String::from),
            datum: self.doc().meta.datum.map(|d| d.iso()),
            trefwoorden: self.doc().meta.trefwoorden.clone(),
            tekst: markdown(&self.doc().source.body, &self.body().html),
        }
    }
}

//! A national site's pages over its gemeenten' interventies: the overview
//! `/landelijk/interventies/` with the facet navigation, each facet's index and the page of
//! each term (`/landelijk/themas/<slug>/`, …), the long lists split into pages ([`pager`]).
//!
//! Each interventie links to its original page on the gemeente's own site: only texts and
//! `http(s)` addresses of a source reach these pages (see [`crate::open_data::web_address`]).

use serde::Serialize;

use crate::content::values::AgeRange;
use crate::routes::{self, SitePath};
use crate::site::{Facet, LandelijkTerm, Site};

use super::pager::{self, Pager};
use super::views::{self, Link, Views};
use super::{Ctx, PageJob};

/// The title of the overview, in the menu and the breadcrumbs: whose interventies they are,
/// which also tells them apart from a national site's own interventies.
pub const LANDELIJK_TITEL: &str = "Interventies van gemeenten";

/// A list of the national pages that is split into pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lijst {
    /// Every interventie: `/landelijk/interventies/`.
    Alles,
    /// Those of a term of a facet: an index into its terms.
    Term(Facet, usize),
}

impl Lijst {
    /// The site path of the list's first page.
    pub fn url(self, site: &Site) -> SitePath {
        match self {
            Lijst::Alles => SitePath::fixed(routes::LANDELIJK_INTERVENTIES),
            Lijst::Term(facet, i) => site.national.terms(facet)[i].url.clone(),
        }
    }

    /// The interventies page `number` of it shows (indexes into `National::interventies`),
    /// and how many the whole list has.
    fn page(self, site: &Site, number: usize) -> (Vec<usize>, usize) {
        match self {
            Lijst::Alles => {
                let total = site.national.interventies.len();
                (pager::items(total, number).collect(), total)
            }
            Lijst::Term(facet, i) => {
                let all = &site.national.terms(facet)[i].interventies;
                (all[pager::items(all.len(), number)].to_vec(), all.len())
            }
        }
    }

    /// How many pages it takes.
    pub fn pages(self, site: &Site) -> usize {
        let total = match self {
            Lijst::Alles => site.national.interventies.len(),
            Lijst::Term(facet, i) => site.national.terms(facet)[i].interventies.len(),
        };
        pager::count(total)
    }
}

/// The title of the index of a national facet's terms.
pub fn facet_title(facet: Facet) -> &'static str {
    match facet {
        Facet::Thema => "Interventies per thema",
        Facet::Leeftijd => "Interventies per leeftijd",
        Facet::Onderwijs => "Interventies per soort onderwijs",
        Facet::Erkenning => "Interventies per erkenning",
    }
}

/// The title of a term's page.
pub fn term_title(facet: Facet, term: &LandelijkTerm) -> String {
    match facet {
        Facet::Leeftijd => format!("{} jaar", term.naam),
        _ => term.naam.clone(),
    }
}

/// An interventie of a gemeente on the national pages.
#[derive(Debug, Serialize)]
pub struct LandelijkItem<'a> {
    /// Its title.
    pub titel: &'a str,
    /// Its original page on the gemeente's site; null when the source's address is not
    /// `http(s)`.
    pub url: Option<&'a str>,
    /// Its gemeente, linking to the gemeente's page on this site.
    pub gemeente: Link,
    /// Its summary.
    pub samenvatting: Option<&'a str>,
    /// Its national themes, linking to their pages.
    pub themas: Vec<Link>,
    /// Its age ranges, linking to their pages.
    pub leeftijden: Vec<Link>,
    /// Its levels of education, linking to their pages.
    pub onderwijs: Vec<Link>,
    /// Its recognition level, linking to its page.
    pub erkenning: Option<Link>,
}

/// A term with its counts, in the facet navigation and on a facet's index.
#[derive(Debug, Serialize)]
pub struct LandelijkTermSummary<'a> {
    /// The term.
    pub naam: &'a str,
    /// Its page's `href`.
    pub url: String,
    /// A national theme's sentence about itself.
    pub omschrijving: Option<&'a str>,
    /// How many interventies carry it.
    pub interventies: usize,
    /// How many gemeenten work on it.
    pub gemeenten: usize,
}

/// One facet of the navigation on the overview.
#[derive(Debug, Serialize)]
pub struct LandelijkGroep<'a> {
    /// The facet's index title, e.g. `Interventies per thema`.
    pub titel: &'static str,
    /// The facet's key, e.g. `thema`.
    pub naam: &'static str,
    /// The facet's index page.
    pub url: String,
    /// Its terms with their counts.
    pub termen: Vec<LandelijkTermSummary<'a>>,
}

/// `term` on the page of a term.
#[derive(Debug, Serialize)]
pub struct LandelijkTermView<'a> {
    /// The term.
    pub naam: &'a str,
    /// A national theme's sentence about itself.
    pub omschrijving: Option<&'a str>,
    /// The gemeenten that work on it, linking to their pages, by name.
    pub gemeenten: Vec<Link>,
}

impl<'a> Views<'a> {
    /// The national themes as links, given as indexes into `National::themas`.
    pub fn landelijk_thema_links(&self, themas: &[usize]) -> Vec<Link> {
        (themas.iter())
            .map(|&t| &self.site.national.themas[t])
            .map(|t| self.link(&t.naam, &t.url))
            .collect()
    }

    /// Interventie `i` of `National::interventies` as a list shows it.
    pub fn landelijk_item(&self, i: usize) -> LandelijkItem<'a> {
        let site = self.site;
        let x = &site.national.interventies[i];
        let gemeente = &site.gemeenten[x.gemeente];
        let data = &gemeente.data.interventies[x.index];
        let ages = (data.leeftijden.iter()).filter_map(|r| r.parse::<AgeRange>().ok());
        LandelijkItem {
            titel: &data.pagina.titel,
            url: crate::open_data::web_address(&data.pagina.url),
            gemeente: self.link(&gemeente.naam, &routes::gemeente(&gemeente.slug)),
            samenvatting: data.pagina.samenvatting.as_deref(),
            themas: self.landelijk_thema_links(&x.themas),
            leeftijden: ages
                .map(|range| {
                    let slug = range.to_string();
                    let url = routes::landelijk_term(routes::LANDELIJK_LEEFTIJDEN, &slug);
                    self.link(&format!("{range} jaar"), &url)
                })
                .collect(),
            onderwijs: (data.onderwijs.iter())
                .map(|o| {
                    let url = routes::landelijk_term(routes::LANDELIJK_ONDERWIJS, o.as_str());
                    self.link(o.label(), &url)
                })
                .collect(),
            erkenning: data.erkenning.as_ref().map(|e| {
                let url = routes::landelijk_term(routes::LANDELIJK_ERKENNING, e.niveau.as_str());
                self.link(e.niveau.label(), &url)
            }),
        }
    }

    /// A national term with its counts.
    pub fn landelijk_term_summary(&self, term: &'a LandelijkTerm) -> LandelijkTermSummary<'a> {
        LandelijkTermSummary {
            naam: &term.naam,
            url: self.href(&term.url),
            omschrijving: term.omschrijving.as_deref(),
            interventies: term.interventies.len(),
            gemeenten: term.gemeenten.len(),
        }
    }

    /// The facet navigation of the overview: every national facet that has terms.
    pub fn landelijk_groepen(&self) -> Vec<LandelijkGroep<'a>> {
        let national = &self.site.national;
        Facet::ALL
            .into_iter()
            .filter(|f| !national.terms(*f).is_empty())
            .map(|facet| LandelijkGroep {
                titel: facet_title(facet),
                naam: facet.key(),
                url: self.href(facet.landelijk_url()),
                termen: (national.terms(facet).iter())
                    .map(|t| self.landelijk_term_summary(t))
                    .collect(),
            })
            .collect()
    }
}

/// Page `number` of a list of interventies: the overview, or a term's page.
pub(super) fn lijst<'a>(views: &Views<'a>, lijst: Lijst, number: usize) -> PageJob<'a> {
    let site = views.site;
    let url = lijst.url(site);
    let pages = lijst.pages(site);
    let titel = match lijst {
        Lijst::Alles => LANDELIJK_TITEL.to_string(),
        Lijst::Term(facet, i) => term_title(facet, &site.national.terms(facet)[i]),
    };
    let titel = if number > 1 {
        format!("{titel}, pagina {number} van {pages}")
    } else {
        titel
    };
    let (shown, aantal) = lijst.page(site, number);
    let shown: Vec<LandelijkItem> = shown.into_iter().map(|i| views.landelijk_item(i)).collect();
    let samenvatting = match lijst {
        Lijst::Term(Facet::Thema, i) => site.national.themas[i].omschrijving.as_deref(),
        _ => None,
    };
    let path = routes::pagina(&url, number);
    let page = views.page_at(titel, samenvatting, &path, "", None);
    // Every value is there on every page, null or empty where it does not apply.
    let (groepen, gemeenten, term, overzicht) = match lijst {
        Lijst::Alles => (
            views.landelijk_groepen(),
            Some(views.link(views::GEMEENTEN_TITEL, routes::GEMEENTEN)),
            None,
            None,
        ),
        Lijst::Term(facet, i) => {
            let term = &site.national.terms(facet)[i];
            // Who works on a theme is part of what it is; for an age or a level, the
            // interventies say it.
            let gemeenten: Vec<Link> = (term.gemeenten.iter())
                .filter(|_| facet == Facet::Thema)
                .map(|&g| &site.gemeenten[g])
                .map(|g| views.link(&g.naam, &routes::gemeente(&g.slug)))
                .collect();
            let view = LandelijkTermView {
                naam: &term.naam,
                omschrijving: term.omschrijving.as_deref(),
                gemeenten,
            };
            let overzicht = views.link(LANDELIJK_TITEL, routes::LANDELIJK_INTERVENTIES);
            (Vec::new(), None, Some(view), Some(overzicht))
        }
    };
    let ctx = Ctx::new(page)
        .with("interventies", shown)
        .with("aantal", aantal)
        .with(
            "pager",
            Pager::of(&url, number, pages, |path| views.href(path)),
        )
        .with("groepen", groepen)
        .with("gemeenten", gemeenten)
        .with("term", term)
        .with("overzicht", overzicht);
    ("landelijk.html", ctx)
}

/// The index of a national facet's terms, with their counts.
pub(super) fn index<'a>(views: &Views<'a>, facet: Facet) -> PageJob<'a> {
    let page = views.page_at(facet_title(facet), None, facet.landelijk_url(), "", None);
    let termen: Vec<LandelijkTermSummary> = (views.site.national.terms(facet).iter())
        .map(|t| views.landelijk_term_summary(t))
        .collect();
    let ctx = Ctx::new(page).with("termen", termen).with(
        "overzicht",
        views.link(LANDELIJK_TITEL, routes::LANDELIJK_INTERVENTIES),
    );
    ("landelijk-termen.html", ctx)
}

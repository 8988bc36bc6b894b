//! Views: what templates see. This is the template API (documented in `docs/templates.md`);
//! it is decoupled from the model so that the model can change without breaking themes.
//!
//! Views borrow from the [`Site`] and carry only what a template shows: list and term pages
//! get [`Card`]s (title, URL, summary, terms), never other pages' bodies.

use std::borrow::Cow;

use serde::Serialize;

use crate::content::types::{Kind, TYPES};
use crate::content::values::{Datum, Erkenningsniveau, Onderwijs, Soort, Status, Video};
use crate::images::Place;
use crate::markdown::links;
use crate::open_data::{ContactData, NieuwsData, PageData, SignatoryData, web_address};
use crate::routes;
use crate::site::{Config, Entry, Facet, Site, Term, Titled};
use crate::sources::Gemeente;

use super::icons::{self, IconLink};
use super::{embed, security};

/// `site`: site-wide values, the same on every page.
#[derive(Debug, Serialize)]
pub struct SiteView<'a> {
    /// The gemeente's name.
    pub gemeente: &'a str,
    /// The site's title.
    pub titel: &'a str,
    /// Language code for `lang`.
    pub taal: &'a str,
    /// A sentence about the site.
    pub omschrijving: Option<&'a str>,
    /// Logo URL.
    pub logo: Option<String>,
    /// The `<link>`s of the favicon, the other icons and the web manifest, made from the logo
    /// (or a neutral mark without one).
    pub iconen: Vec<IconLink>,
    /// The path the site is served under, ending in `/`: prefix for theme files
    /// (`{{ site.root }}static/…`).
    pub root: &'a str,
    /// The absolute address of the site, ending in `/`.
    pub base_url: &'a str,
    /// The main menu.
    pub menu: Vec<Link>,
    /// The search page `/zoeken/`, for the search field in the header; null when the site is
    /// built without search (the page does not exist then).
    pub zoeken: Option<String>,
    /// Footer contact details.
    pub contact: Option<ContactView<'a>>,
    /// The Atom feed of the news, when there is news.
    pub feed: Option<String>,
    /// Stylesheets to link, in order: the theme chain's (parents first), then the house
    /// style's.
    pub stylesheets: Vec<String>,
    /// Class names for `<html>` that switch on the house style's NL Design System theme.
    pub klasse: Option<&'a str>,
    /// Links about the site itself for the footer: the accessibility statement and the
    /// privacy page, when the site has them.
    pub over: Vec<Link>,
    /// The accessibility statement's status label, linking to the register.
    pub toegankelijkheidslabel: Option<LabelView>,
    /// The referrer policy for `<meta name="referrer">`.
    pub referrer: &'static str,
}

/// The accessibility statement's status in the register.
#[derive(Debug, Serialize)]
pub struct LabelView {
    /// The statement in the register.
    pub url: String,
    /// The status letter, `A` to `D`.
    pub status: &'static str,
    /// The status in words, `Voldoet gedeeltelijk`.
    pub tekst: &'static str,
}

/// A video: a link, and the player to embed after the visitor asks for it.
#[derive(Debug, Clone, Serialize)]
pub struct VideoView {
    /// What the video is about.
    pub titel: String,
    /// The video's own address, for the link.
    pub url: String,
    /// The player address to embed on request, or null when it can only be linked.
    pub embed: Option<String>,
    /// The player's host, to tell the visitor where it comes from.
    pub host: Option<String>,
}

/// A document's `afbeelding` on its own page.
#[derive(Debug, Clone, Serialize)]
pub struct AfbeeldingView {
    /// The `<picture>`, fetched at once (it is high on the page), already safe.
    pub html: String,
    /// The alt text; empty for a photo marked decorative.
    pub alt: String,
    /// The caption, for `<figcaption>`.
    pub bijschrift: Option<String>,
    /// Who made the photo, for the credit in `<figcaption>`.
    pub maker: Option<String>,
}

/// The image a page shows when it is shared: Open Graph's `og:image` and the Twitter card.
#[derive(Debug, Clone, Serialize)]
pub struct DeelAfbeeldingView {
    /// Its absolute address.
    pub url: String,
    /// Its media type, `image/jpeg` or `image/png`.
    #[serde(rename = "type")]
    pub media_type: &'static str,
    /// Its width in pixels.
    pub breedte: u32,
    /// Its height in pixels.
    pub hoogte: u32,
    /// What it shows, for `og:image:alt`; null for a photo marked decorative.
    pub alt: Option<String>,
    /// The Twitter card: `summary_large_image` for a photo, `summary` for the logo.
    pub twitter_card: &'static str,
}

/// Footer contact details.
#[derive(Debug, Clone, Serialize)]
pub struct ContactView<'a> {
    /// A sentence about how to get in touch.
    pub tekst: Option<&'a str>,
    /// E-mail address.
    pub email: Option<&'a str>,
    /// Phone number as shown.
    pub telefoon: Option<&'a str>,
    /// The phone number for a `tel:` link: digits and `+` only.
    pub telefoon_link: Option<String>,
}

/// A link: text and `href`.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    /// Link text.
    pub titel: String,
    /// The `href`, already including the base path.
    pub url: String,
}

/// A date for templates.
#[derive(Debug, Clone, Serialize)]
pub struct DateView {
    /// `YYYY-MM-DD`, for `<time datetime>`.
    pub iso: String,
    /// `24 maart 2021`.
    pub tekst: String,
}

impl From<Datum> for DateView {
    fn from(d: Datum) -> Self {
        DateView {
            iso: d.iso(),
            tekst: d.dutch(),
        }
    }
}

/// `page`: the page being rendered, on every template.
#[derive(Debug, Serialize)]
pub struct PageView<'a> {
    /// Title, the page's `h1`.
    pub titel: Cow<'a, str>,
    /// Summary for `<meta name="description">` and intros.
    pub samenvatting: Option<&'a str>,
    /// The page's `href`.
    pub url: String,
    /// The document's `trefwoorden`, shown on the page and indexed for search.
    pub trefwoorden: &'a [String],
    /// The page's absolute address, for `<link rel="canonical">`.
    pub permalink: String,
    /// The body as HTML (already safe).
    pub inhoud: &'a str,
    /// The document's date.
    pub datum: Option<DateView>,
    /// The way from the home page to this page's parent.
    pub kruimelpad: Vec<Link>,
    /// The `href` of the top-level section the page is in, for marking the menu.
    pub sectie: String,
    /// When the page's text last changed.
    pub gewijzigd: Option<DateView>,
    /// The video the page is about, for interventies and plain pages.
    pub video: Option<VideoView>,
    /// The document's photo, for interventies, news and plain pages that have one.
    pub afbeelding: Option<AfbeeldingView>,
    /// The image the page shows when it is shared: its photo, else the site's logo, else
    /// none.
    pub deelafbeelding: Option<DeelAfbeeldingView>,
    /// The page's Content-Security-Policy, for `<meta http-equiv>`.
    pub csp: String,
    /// Open Graph's `og:type`: `website` for the home page, `article` for the rest.
    pub og_type: &'static str,
    /// OWMS `DCTERMS.type` (informatietype): `webpagina`, or `nieuwsbericht` for news.
    pub dcterms_type: &'static str,
    /// OWMS `DCTERMS.modified`, `YYYY-MM-DD`: when the text last changed, else its date,
    /// else the build date.
    pub dcterms_modified: String,
    /// schema.org JSON-LD for `<script type="application/ld+json">`: already serialized,
    /// with `<`, `>` and `&` escaped so it cannot close the element. Output it with `| safe`.
    pub json_ld: String,
    /// The breadcrumb trail as (title, absolute address), for the JSON-LD.
    #[serde(skip)]
    crumbs: Vec<(String, String)>,
}

/// Serializes JSON-LD for a `<script>` element: `<`, `>` and `&` only occur inside JSON
/// strings, where their `\u` escapes mean the same, so `</script>` can never appear.
pub fn json_ld_text(value: &serde_json::Value) -> String {
    serde_json::to_string(value)
        .expect("JSON values serialize")
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

impl PageView<'_> {
    /// The same page with a video, whose player's origin its policy now allows.
    pub fn with_video(mut self, video: Option<VideoView>) -> Self {
        let origin = video
            .as_ref()
            .and_then(|v| v.embed.as_deref())
            .and_then(embed::embed)
            .map(|e| e.origin);
        self.csp = security::content_security_policy(origin.as_deref());
        self.video = video;
        self
    }

    /// The same page running the search script, whose policy allows compiling Pagefind's
    /// WebAssembly.
    pub fn with_search(mut self) -> Self {
        self.csp = security::search_policy();
        self
    }

    /// The same page described by `item` (a schema.org node, e.g. a `NewsArticle`) besides
    /// its breadcrumbs, with its Open Graph and OWMS types.
    pub fn with_structured_data(
        mut self,
        item: Option<serde_json::Value>,
        og_type: &'static str,
        dcterms_type: &'static str,
    ) -> Self {
        self.og_type = og_type;
        self.dcterms_type = dcterms_type;
        self.json_ld = json_ld_text(&structured_data(&self.crumbs, item));
        self
    }
}

/// The page's JSON-LD: a `BreadcrumbList` (home, the ancestors, the page), plus `item`.
fn structured_data(
    crumbs: &[(String, String)],
    item: Option<serde_json::Value>,
) -> serde_json::Value {
    let list = serde_json::json!({
        "@type": "BreadcrumbList",
        "itemListElement": crumbs
            .iter()
            .enumerate()
            .map(|(i, (name, url))| serde_json::json!({
                "@type": "ListItem",
                "position": i + 1,
                "name": name,
                "item": url,
            }))
            .collect::<Vec<_>>(),
    });
    serde_json::json!({
        "@context": "https://schema.org",
        "@graph": std::iter::once(list).chain(item).collect::<Vec<_>>(),
    })
}

/// A summary of a page for lists: what a card shows, nothing more.
#[derive(Debug, Default, Serialize)]
pub struct Card<'a> {
    /// Title.
    pub titel: &'a str,
    /// `href`.
    pub url: String,
    /// Summary.
    pub samenvatting: Option<&'a str>,
    /// Date.
    pub datum: Option<DateView>,
    /// Themes, as links to their term pages.
    pub themas: Vec<Link>,
    /// Age ranges, as links to their term pages.
    pub leeftijden: Vec<Link>,
    /// Status label of an interventie (`Lopend`).
    pub status: Option<&'static str>,
    /// Kind label of a news item (`Evenement`).
    pub soort: Option<&'static str>,
    /// Levels of education of an interventie, as links to their term pages.
    pub onderwijs: Vec<Link>,
    /// Recognition level of an interventie, as a link to its term page.
    pub erkenning: Option<Link>,
    /// The document's photo as a `<picture>` that loads when it scrolls into view, with an
    /// empty alt text: the card's title, a link, already names what the card is about, and the
    /// photo's description is read on the page itself, so a list of cards is not read out as a
    /// list of photo descriptions. Already safe.
    pub afbeelding: Option<String>,
    /// On the interventies overview: every term page the interventie is listed on, as
    /// `facet:slug` (`leeftijd:12-18`), for filtering with JavaScript.
    pub facetten: Vec<String>,
}

/// One facet's filter links on the interventies overview.
#[derive(Debug, Serialize)]
pub struct FilterGroup {
    /// The facet's title, e.g. `Thema's`.
    pub titel: &'static str,
    /// The facet's key, e.g. `thema`.
    pub naam: &'static str,
    /// The facet's index page.
    pub url: String,
    /// Each term with its page and counts; `slug` is the value in a card's `facetten`.
    pub termen: Vec<TermSummary>,
}

/// The title of a facet's index page.
pub fn facet_title(facet: Facet) -> &'static str {
    match facet {
        Facet::Thema => THEMAS_TITLE,
        Facet::Leeftijd => LEEFTIJDEN_TITLE,
        Facet::Onderwijs => ONDERWIJS_TITLE,
        Facet::Erkenning => ERKENNING_TITLE,
    }
}

/// The Dutch label of a status.
pub fn status_label(status: Status) -> &'static str {
    match status {
        Status::Gepland => "Gepland",
        Status::Lopend => "Lopend",
        Status::Afgerond => "Afgerond",
    }
}

/// The Dutch label of a news kind.
pub fn soort_label(soort: Soort) -> &'static str {
    match soort {
        Soort::Nieuws => "Nieuws",
        Soort::Evenement => "Evenement",
    }
}

/// Builds views; holds the site and its configuration.
#[derive(Clone, Copy)]
pub struct Views<'a> {
    /// The site being rendered.
    pub site: &'a Site,
}

impl<'a> Views<'a> {
    fn config(&self) -> &'a Config {
        &self.site.config
    }

    /// A site path as an `href`.
    pub fn href(&self, site_path: &str) -> String {
        self.config().link(site_path)
    }

    /// The `site` value; `theme_css` are the theme's stylesheets, as paths inside `static/`;
    /// `search` tells whether the site has its search page.
    pub fn site(&self, theme_css: &[String], search: bool) -> SiteView<'a> {
        let config = self.config();
        let menu = if config.menu.is_empty() {
            self.default_menu()
        } else {
            config
                .menu
                .iter()
                .map(|m| Link {
                    titel: m.titel.clone(),
                    url: self.href(&m.url),
                })
                .collect()
        };
        SiteView {
            gemeente: &config.gemeente,
            titel: &config.titel,
            taal: &config.taal,
            omschrijving: config.omschrijving.as_deref(),
            logo: config.logo.as_deref().map(|l| self.href(l)),
            iconen: icons::links(self.site, |path| self.href(path)),
            root: config.base_path(),
            feed: (!self.site.nieuws.items.is_empty())
                .then(|| self.href(&routes::feed(&self.site.nieuws.url))),
            base_url: config.base_url.as_str(),
            menu,
            zoeken: search.then(|| self.href(routes::ZOEKEN)),
            contact: config.contact.as_ref().map(|c| ContactView {
                tekst: c.tekst.as_deref(),
                email: c.email.as_deref(),
                telefoon: c.telefoon.as_deref(),
                telefoon_link: c.telefoon.as_deref().map(tel_link),
            }),
            stylesheets: theme_css
                .iter()
                .map(|css| self.href(&routes::static_file(css)))
                .chain(config.huisstijl_css.as_deref().map(|css| self.href(css)))
                .collect(),
            klasse: config.huisstijl_klasse.as_deref(),
            over: self.about_links(),
            toegankelijkheidslabel: config.toegankelijkheidslabel.as_ref().map(|l| LabelView {
                url: l.register.clone(),
                status: l.status.letter(),
                tekst: l.status.tekst(),
            }),
            referrer: security::REFERRER_POLICY,
        }
    }

    /// The footer's links about the site: the accessibility statement, then the privacy page.
    fn about_links(&self) -> Vec<Link> {
        let site = self.site;
        let statement = site
            .toegankelijkheid
            .as_ref()
            .map(|e| self.link("Toegankelijkheid", &e.url));
        let privacy = (site.privacy)
            .map(|i| &site.pages[i])
            .map(|p| self.link(&p.doc().meta.titel, &p.url));
        statement.into_iter().chain(privacy).collect()
    }

    /// The `video` value of a document's video.
    pub fn video(&self, video: &Video) -> VideoView {
        let url = &video.url.value;
        let player = embed::embed(url);
        VideoView {
            titel: video.titel.clone(),
            url: if url.starts_with('/') {
                self.href(url)
            } else {
                url.clone()
            },
            host: player.as_ref().map(|p| p.host.clone()),
            embed: player.map(|p| p.src),
        }
    }

    /// "PDF, 1,2 MB" for a link to a downloadable file of the site, "PDF, groot bestand:
    /// 40 MB" for a large one (see [`links::file_label`]), else `None`.
    pub fn file_label(&self, site_path: &str) -> Option<String> {
        links::file_label(
            site_path,
            &self.site.files,
            Some(self.site.config.heavy_from),
        )
    }

    /// The agenda and the sections the content types feature (see [`crate::content::types::ContentType::featured`]),
    /// in the order of the table, then the contact page.
    fn default_menu(&self) -> Vec<Link> {
        let site = self.site;
        let mut menu = Vec::new();
        for kind in featured() {
            if kind == Kind::Agenda {
                if let Some(agenda) = &site.agenda {
                    menu.push(self.link(&agenda.meta().titel, &agenda.url));
                }
            } else if let Some(section) = site.section(kind).filter(|s| s.exists) {
                menu.push(self.link(section.titel, section.url));
            }
        }
        if !site.gemeenten.is_empty() {
            menu.push(self.link(GEMEENTEN_TITEL, routes::GEMEENTEN));
            if !site.national.interventies.is_empty() {
                menu.push(self.link(
                    super::landelijk::LANDELIJK_TITEL,
                    routes::LANDELIJK_INTERVENTIES,
                ));
            }
            menu.push(self.link(LANDELIJK_NIEUWS_TITEL, routes::LANDELIJK_NIEUWS));
        }
        if let Some(contact) = site.contact.map(|i| &site.pages[i]) {
            menu.push(self.link(&contact.meta().titel, &contact.url));
        }
        menu
    }

    /// A link to a site path.
    pub fn link(&self, titel: &str, site_path: &str) -> Link {
        Link {
            titel: titel.to_string(),
            url: self.href(site_path),
        }
    }

    /// The `page` value of a document.
    pub fn page<T>(&self, entry: &'a Entry<T>) -> PageView<'a> {
        let mut page = self.page_at(
            &entry.doc().meta.titel,
            entry.summary(),
            &entry.url,
            &entry.body().html,
            entry.doc().meta.datum,
        );
        page.gewijzigd = entry.doc().source.modified.map(DateView::from);
        page.trefwoorden = &entry.doc().meta.trefwoorden;
        if let Some(cover) = &entry.body().afbeelding {
            page.afbeelding = Some(AfbeeldingView {
                html: cover.picture(Place::Column, &cover.alt, |path| self.href(path)),
                alt: cover.alt.clone(),
                bijschrift: cover.bijschrift.clone(),
                maker: cover.maker.clone(),
            });
            let shared = cover.shared();
            page.deelafbeelding = Some(DeelAfbeeldingView {
                url: self.config().absolute(&shared.site_path),
                media_type: shared.kind.media_type(),
                breedte: shared.width,
                hoogte: shared.height,
                alt: Some(cover.alt.clone()).filter(|alt| !alt.is_empty()),
                twitter_card: "summary_large_image",
            });
        }
        if let Some(modified) = entry.doc().source.modified.or(entry.doc().meta.datum) {
            page.dcterms_modified = modified.iso();
        }
        page
    }

    /// The `page` value of a page that is not a document (term pages, overviews without intro).
    pub fn page_at(
        &self,
        titel: impl Into<Cow<'a, str>>,
        samenvatting: Option<&'a str>,
        site_path: &str,
        inhoud: &'a str,
        datum: Option<Datum>,
    ) -> PageView<'a> {
        let titel = titel.into();
        let kruimelpad = self.breadcrumbs(site_path);
        let config = self.config();
        let crumbs: Vec<(String, String)> = self
            .breadcrumb_paths(site_path)
            .into_iter()
            .map(|(titel, path)| (titel, config.absolute(&path)))
            .chain(std::iter::once((
                titel.to_string(),
                config.absolute(site_path),
            )))
            .collect();
        let page = PageView {
            titel,
            samenvatting,
            url: self.href(site_path),
            trefwoorden: &[],
            permalink: config.absolute(site_path),
            inhoud,
            datum: datum.map(DateView::from),
            kruimelpad,
            sectie: self.href(&top_section(site_path)),
            gewijzigd: None,
            video: None,
            afbeelding: None,
            deelafbeelding: self.shared_logo(),
            csp: security::content_security_policy(None),
            og_type: "article",
            dcterms_type: "webpagina",
            dcterms_modified: datum.unwrap_or(self.site.today).iso(),
            json_ld: String::new(),
            crumbs,
        };
        page.with_structured_data(None, "article", "webpagina")
    }

    /// The image of a page without a photo of its own when it is shared: the site's logo,
    /// if it has one (see [`icons::shared`]).
    fn shared_logo(&self) -> Option<DeelAfbeeldingView> {
        let (path, size) = icons::shared(self.site)?;
        Some(DeelAfbeeldingView {
            url: self.config().absolute(path),
            media_type: "image/png",
            breedte: size,
            hoogte: size,
            alt: Some(format!("Logo van {}", self.config().titel)),
            twitter_card: "summary",
        })
    }

    /// Home, then each ancestor of `site_path` that is a page, by its title.
    fn breadcrumbs(&self, site_path: &str) -> Vec<Link> {
        self.breadcrumb_paths(site_path)
            .into_iter()
            .map(|(titel, path)| self.link(&titel, &path))
            .collect()
    }

    /// The breadcrumbs as (title, site path).
    pub(crate) fn breadcrumb_paths(&self, site_path: &str) -> Vec<(String, String)> {
        if site_path == routes::HOME {
            return Vec::new();
        }
        let mut crumbs = vec![("Home".to_string(), routes::HOME.to_string())];
        let parts: Vec<&str> = site_path.trim_matches('/').split('/').collect();
        for depth in 1..parts.len() {
            let path = format!("/{}/", parts[..depth].join("/"));
            if let Some(titel) = self.title_of(&path) {
                crumbs.push((titel, path));
            }
        }
        crumbs
    }

    /// The title of the page at a site path, for breadcrumbs.
    fn title_of(&self, site_path: &str) -> Option<String> {
        let site = self.site;
        let titel = match site.titled(site_path)? {
            Titled::Section(kind) => site.section(kind)?.titel,
            Titled::Facet(facet) => facet_title(facet),
            Titled::Intro(i) => &site.sections[i].meta().titel,
            Titled::Page(i) => &site.pages[i].meta().titel,
            Titled::Gemeenten => GEMEENTEN_TITEL,
            Titled::Landelijk => super::landelijk::LANDELIJK_TITEL,
            Titled::LandelijkFacet(facet) => super::landelijk::facet_title(facet),
            Titled::LandelijkTerm(facet, i) => {
                return Some(super::landelijk::term_title(
                    facet,
                    &site.national.terms(facet)[i],
                ));
            }
        };
        Some(titel.to_string())
    }

    /// Links to the term pages of themes, given as indexes into `Site::themas`.
    pub fn thema_links(&self, themas: &[usize]) -> Vec<Link> {
        (themas.iter())
            .map(|&index| &self.site.themas[index])
            .map(|t| self.link(&t.naam, &t.url))
            .collect()
    }

    /// A link to the term page of a level of education.
    pub fn onderwijs_link(&self, onderwijs: Onderwijs) -> Link {
        self.link(onderwijs.label(), &routes::onderwijs(onderwijs))
    }

    /// A link to the term page of a recognition level.
    pub fn erkenning_link(&self, niveau: Erkenningsniveau) -> Link {
        self.link(niveau.label(), &routes::erkenning(niveau))
    }

    /// A link from front matter as an `href`: site paths get the base path, addresses stay.
    pub fn external_or_href(&self, link: &str) -> String {
        if link.starts_with('/') {
            self.href(link)
        } else {
            link.to_string()
        }
    }

    /// A link to the term page of an age range, labelled `0-6 jaar`.
    pub fn age_link(&self, range: crate::content::values::AgeRange) -> Link {
        self.link(&format!("{range} jaar"), &routes::age(range))
    }

    /// A card for any document.
    pub fn card<T>(&self, entry: &'a Entry<T>) -> Card<'a> {
        Card {
            titel: &entry.doc().meta.titel,
            url: self.href(&entry.url),
            samenvatting: entry.summary(),
            datum: entry.doc().meta.datum.map(DateView::from),
            afbeelding: (entry.body().afbeelding.as_ref())
                .map(|cover| cover.picture(Place::Card, "", |path| self.href(path))),
            ..Card::default()
        }
    }

    /// A card for interventie `index`, with its terms and status.
    pub fn interventie_card(&self, index: usize) -> Card<'a> {
        let site = self.site;
        let entry = &site.interventies.items[index];
        let data = &entry.doc().data;
        Card {
            themas: self.thema_links(&site.interventie_themas[index]),
            leeftijden: data.leeftijden.iter().map(|r| self.age_link(*r)).collect(),
            status: data.status.map(status_label),
            onderwijs: data
                .onderwijs
                .iter()
                .map(|o| self.onderwijs_link(*o))
                .collect(),
            erkenning: data
                .erkenning
                .as_ref()
                .map(|e| self.erkenning_link(e.niveau.value)),
            ..self.card(entry)
        }
    }

    /// The card of interventie `index` on the overview, with the term pages it is on.
    pub fn filterable_card(&self, index: usize) -> Card<'a> {
        Card {
            facetten: self.facetten(index),
            ..self.interventie_card(index)
        }
    }

    /// The term pages interventie `index` is on, as `facet:slug`.
    pub fn facetten(&self, index: usize) -> Vec<String> {
        let site = self.site;
        Facet::ALL
            .into_iter()
            .flat_map(|facet| {
                site.terms(facet)
                    .iter()
                    .filter(|t| t.interventies.binary_search(&index).is_ok())
                    .map(move |t| format!("{}:{}", facet.key(), t.slug))
            })
            .collect()
    }

    /// The filter links of the interventies overview: every facet that has terms.
    pub fn filters(&self) -> Vec<FilterGroup> {
        Facet::ALL
            .into_iter()
            .filter(|f| !self.site.terms(*f).is_empty())
            .map(|facet| FilterGroup {
                titel: facet_title(facet),
                naam: facet.key(),
                url: self.href(facet.url()),
                termen: self
                    .site
                    .terms(facet)
                    .iter()
                    .map(|t| self.term_summary(t))
                    .collect(),
            })
            .collect()
    }

    /// A card for a news item, with its kind.
    pub fn nieuws_card(&self, entry: &'a Entry<crate::content::nieuws::Nieuws>) -> Card<'a> {
        Card {
            soort: Some(soort_label(entry.doc().data.soort)),
            ..self.card(entry)
        }
    }

    /// A term with the number of items carrying it, for the term index pages.
    pub fn term_summary(&self, term: &Term) -> TermSummary {
        TermSummary {
            naam: term.naam.clone(),
            slug: term.slug.clone(),
            url: self.href(&term.url),
            interventies: term.interventies.len(),
            resultaten: term.resultaten.len(),
        }
    }
}

/// A term on an index page.
#[derive(Debug, Serialize)]
pub struct TermSummary {
    /// The term.
    pub naam: String,
    /// Its slug, the last part of its page's path.
    pub slug: String,
    /// `href` of its page.
    pub url: String,
    /// How many interventies carry it.
    pub interventies: usize,
    /// How many programme results carry it.
    pub resultaten: usize,
}

/// A phone number for a `tel:` link: digits and `+` only.
pub fn tel_link(number: &str) -> String {
    number
        .chars()
        .filter(|ch| ch.is_ascii_digit() || *ch == '+')
        .collect()
}

/// Title of the themes index page.
pub const THEMAS_TITLE: &str = "Thema's";
/// Title of the age ranges index page.
pub const LEEFTIJDEN_TITLE: &str = "Leeftijden";
/// Title of the levels of education index page.
pub const ONDERWIJS_TITLE: &str = "Onderwijs";
/// Title of the recognition levels index page.
pub const ERKENNING_TITLE: &str = "Erkenning";

/// The content types shown in the menu and on the home page, in the order of the table.
pub(super) fn featured() -> impl Iterator<Item = Kind> {
    TYPES.iter().filter(|t| t.featured).map(|t| t.kind)
}

/// The first segment of a site path as a section path (`/interventies/x/` → `/interventies/`).
fn top_section(site_path: &str) -> String {
    match site_path.trim_start_matches('/').split_once('/') {
        Some((first, _)) if !first.is_empty() => format!("/{first}/"),
        _ => site_path.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_gemeente_is_listed_under_the_first_letter_people_look_it_up_by() {
        assert_eq!(initial_of("almere"), 'A');
        // `Gemeente::sort_key` has dropped the `'s-` already.
        assert_eq!(initial_of("hertogenbosch"), 'H');
        assert_eq!(initial_of("ërmelo"), 'E');
        assert_eq!(initial_of("1e gemeente"), '#');
        assert_eq!(letter_anchor('H'), "letter-h");
        assert_eq!(letter_anchor('#'), "letter-overig");
    }

    #[test]
    fn only_plain_mail_addresses_and_phone_numbers_of_a_source_are_shown() {
        assert_eq!(mail_address(" gka@zwolle.nl "), Some("gka@zwolle.nl"));
        assert_eq!(
            mail_address("j.o'brien+gka@gemeente.example"),
            Some("j.o'brien+gka@gemeente.example")
        );
        for unsafe_address in [
            "javascript:alert(1)",
            "a@b.nl?cc=c@d.nl",
            "<script>@x.nl",
            "a@b@c.nl",
            "gka@localhost",
            "a@b..nl",
            "\"a\"@b.nl",
        ] {
            assert_eq!(mail_address(unsafe_address), None, "{unsafe_address}");
        }
        assert_eq!(phone_number("(038) 498 91 11"), Some("(038) 498 91 11"));
        assert_eq!(phone_number("+31 38-4989111"), Some("+31 38-4989111"));
        for unsafe_number in ["javascript:alert(1)", "14 038<b>", "bel ons", "112a", "1"] {
            assert_eq!(phone_number(unsafe_number), None, "{unsafe_number}");
        }
        let contact = ContactData {
            tekst: Some("  ".into()),
            email: Some("javascript:alert(1)".into()),
            telefoon: None,
        };
        assert!(
            elsewhere_contact(&contact).is_none(),
            "nothing safe is left"
        );
    }

    #[test]
    fn top_sections() {
        assert_eq!(top_section("/interventies/x/"), "/interventies/");
        assert_eq!(top_section("/contact/"), "/contact/");
        assert_eq!(top_section("/"), "/");
        assert_eq!(top_section("/404.html"), "/404.html");
    }
}

/// The title of a national site's overview of its gemeenten, in its menu and breadcrumbs.
pub const GEMEENTEN_TITEL: &str = "Gemeenten";

/// A date from open data (`YYYY-MM-DD`) for templates; `None` when it is not one.
fn data_date(iso: Option<&str>) -> Option<DateView> {
    iso.and_then(|d| d.parse::<Datum>().ok())
        .map(DateView::from)
}

/// The title of a national site's page with the news of all its gemeenten, in its menu: not
/// "Nieuws", which a national site's own news may be called.
pub const LANDELIJK_NIEUWS_TITEL: &str = "Nieuws uit de gemeenten";

/// A news item or event of one of a national site's gemeenten, in the merged news.
#[derive(Debug, Clone, Copy)]
pub struct GemeenteNieuws<'a> {
    /// The gemeente.
    pub gemeente: &'a Gemeente,
    /// The item, as its open data gives it.
    pub item: &'a NieuwsData<'static>,
    /// Its date, when it has a valid one.
    pub datum: Option<Datum>,
}

/// An item of the news of all gemeenten on a national site.
#[derive(Debug, Clone, Serialize)]
pub struct LandelijkNieuwsItem<'a> {
    /// Its title, its address on the gemeente's site, its summary and date.
    #[serde(flatten)]
    pub item: ElsewhereItem<'a>,
    /// The gemeente, linking to its page on this site.
    pub gemeente: Link,
    /// `Nieuws` or `Evenement`.
    pub soort: &'static str,
    /// Where an event takes place.
    pub locatie: Option<&'a str>,
}

/// `nieuws` on `landelijk-nieuws.html`: one page of the merged news.
#[derive(Debug, Clone, Serialize)]
pub struct LandelijkNieuwsView<'a> {
    /// The items of this page, newest first.
    pub items: Vec<LandelijkNieuwsItem<'a>>,
    /// How many items the gemeenten have together.
    pub totaal: usize,
    /// The Atom feed of the newest items.
    pub feed: String,
}

/// A gemeente of a national site on the overview of gemeenten.
#[derive(Debug, Clone, Serialize)]
pub struct GemeenteSummary<'a> {
    /// Its name.
    pub naam: &'a str,
    /// Its page on this site.
    pub url: String,
    /// Its site's sentence about itself.
    pub omschrijving: Option<&'a str>,
    /// The names of its national themes (those its agenda and interventies have, mapped by
    /// `content/themas.yaml`).
    pub themas: Vec<&'a str>,
    /// The same themes, linking to their pages.
    pub thema_links: Vec<Link>,
    /// How many interventies it has.
    pub interventies: usize,
    /// How many news items and events it has.
    pub nieuws: usize,
    /// The `id` of the first gemeente of its letter (`letter-a`), where the letter navigation
    /// leads; null for the others.
    pub anker: Option<String>,
}

/// The letter a gemeente is listed under: the first of its name as people look it up,
/// without accents (`'s-Hertogenbosch` under H, `Ërmelo` under E); `#` for a digit or sign.
fn initial(gemeente: &Gemeente) -> char {
    initial_of(&gemeente.sort_key())
}

/// The letter a name as people look it up (see [`Gemeente::sort_key`]) is listed under.
fn initial_of(sort_key: &str) -> char {
    slug::slugify(sort_key)
        .chars()
        .next()
        .filter(char::is_ascii_alphabetic)
        .map_or('#', |c| c.to_ascii_uppercase())
}

/// The anchor of a letter on the overview of gemeenten.
fn letter_anchor(letter: char) -> String {
    match letter {
        '#' => "letter-overig".to_string(),
        c => format!("letter-{}", c.to_ascii_lowercase()),
    }
}

/// A page of a gemeente's own site, as a national site links to it: that page is the
/// original, so the national site shows its summary and links there.
#[derive(Debug, Clone, Serialize)]
pub struct ElsewhereItem<'a> {
    /// Its title.
    pub titel: &'a str,
    /// Its address on the gemeente's site; `None` when it is not a web address.
    pub url: Option<&'a str>,
    /// Its summary.
    pub samenvatting: Option<&'a str>,
    /// Its date.
    pub datum: Option<DateView>,
}

impl<'a> ElsewhereItem<'a> {
    fn of(page: &'a PageData<'static>) -> ElsewhereItem<'a> {
        ElsewhereItem {
            titel: &page.titel,
            url: web_address(&page.url),
            samenvatting: page.samenvatting.as_deref(),
            datum: data_date(page.datum.as_deref()),
        }
    }
}

/// An interventie of a gemeente on a national site.
#[derive(Debug, Clone, Serialize)]
pub struct ElsewhereInterventie<'a> {
    /// Its page.
    #[serde(flatten)]
    pub item: ElsewhereItem<'a>,
    /// Its themes' names.
    pub themas: Vec<&'a str>,
    /// Its age ranges.
    pub leeftijden: Vec<&'a str>,
}

/// A gemeente's agenda on a national site.
#[derive(Debug, Clone, Serialize)]
pub struct ElsewhereAgenda<'a> {
    /// Its page.
    #[serde(flatten)]
    pub item: ElsewhereItem<'a>,
    /// The years it covers.
    pub periode: Option<&'a str>,
    /// Who signed it and in what role.
    pub ondertekend_door: Option<&'a SignatoryData>,
    /// When.
    pub ondertekend_op: Option<DateView>,
}

/// A gemeente's page on a national site: what its own site publishes, each item linking to
/// its page there.
#[derive(Debug, Clone, Serialize)]
pub struct GemeenteView<'a> {
    /// Its name.
    pub naam: &'a str,
    /// Its site.
    pub site: Option<&'a str>,
    /// Its site's sentence about itself.
    pub omschrijving: Option<&'a str>,
    /// Its GKA-Agenda.
    pub agenda: Option<ElsewhereAgenda<'a>>,
    /// The themes of its agenda, each linking to its page there.
    pub themas: Vec<ElsewhereItem<'a>>,
    /// Its addenda.
    pub addenda: Vec<ElsewhereItem<'a>>,
    /// Its interventies.
    pub interventies: Vec<ElsewhereInterventie<'a>>,
    /// Its news and events, newest first.
    pub nieuws: Vec<ElsewhereItem<'a>>,
    /// Its other pages (an interview, its contact page, …).
    pub paginas: Vec<ElsewhereItem<'a>>,
    /// How to reach it: only an e-mail address and a phone number that are safe as a
    /// `mailto:` and a `tel:` link; null when nothing is left.
    pub contact: Option<ContactView<'a>>,
}

impl<'a> Views<'a> {
    /// The gemeenten of a national site for its overview, by name as people look them up
    /// (ignoring case, and the `'s-` of `'s-Hertogenbosch`).
    pub fn gemeente_summaries(&self) -> Vec<GemeenteSummary<'a>> {
        let site = self.site;
        let mut summaries: Vec<GemeenteSummary<'a>> = (site.national.by_name.iter())
            .map(|&i| (i, &site.gemeenten[i]))
            .map(|(i, g)| GemeenteSummary {
                naam: &g.naam,
                url: self.href(&routes::gemeente(&g.slug)),
                omschrijving: g.data.site.omschrijving.as_deref(),
                themas: (site.national.gemeente_themas[i].iter())
                    .map(|&t| site.national.themas[t].naam.as_str())
                    .collect(),
                thema_links: self.landelijk_thema_links(&site.national.gemeente_themas[i]),
                interventies: g.data.interventies.len(),
                nieuws: g.data.nieuws.len(),
                anker: None,
            })
            .collect();
        let mut last = None;
        for (summary, &i) in summaries.iter_mut().zip(&site.national.by_name) {
            let letter = initial(&site.gemeenten[i]);
            if last != Some(letter) {
                summary.anker = Some(letter_anchor(letter));
                last = Some(letter);
            }
        }
        summaries
    }

    /// The letters the gemeenten of a national site are listed under, in their order, each
    /// linking to its first gemeente on the overview.
    pub fn gemeente_letters(&self) -> Vec<Link> {
        let site = self.site;
        let mut letters: Vec<char> = (site.national.by_name.iter())
            .map(|&i| initial(&site.gemeenten[i]))
            .collect();
        letters.dedup();
        (letters.into_iter())
            .map(|letter| Link {
                titel: letter.to_string(),
                url: format!("#{}", letter_anchor(letter)),
            })
            .collect()
    }

    /// Every news item and event of a national site's gemeenten, newest first (see
    /// [`crate::site::national::NewsRef`]).
    pub fn landelijk_nieuws(&self) -> impl Iterator<Item = GemeenteNieuws<'a>> + use<'a> {
        let site = self.site;
        site.national.nieuws.iter().map(move |n| {
            let gemeente = &site.gemeenten[n.gemeente];
            GemeenteNieuws {
                gemeente,
                item: &gemeente.data.nieuws[n.index],
                datum: n.datum,
            }
        })
    }

    /// The merged news as a page shows `items` of it, of `totaal` in all.
    pub fn landelijk_nieuws_view(
        &self,
        items: impl Iterator<Item = GemeenteNieuws<'a>>,
        totaal: usize,
    ) -> LandelijkNieuwsView<'a> {
        LandelijkNieuwsView {
            items: items
                .map(|n| LandelijkNieuwsItem {
                    item: ElsewhereItem::of(&n.item.pagina),
                    gemeente: self.link(&n.gemeente.naam, &routes::gemeente(&n.gemeente.slug)),
                    soort: soort_label(n.item.soort),
                    locatie: n.item.locatie.as_deref(),
                })
                .collect(),
            totaal,
            feed: self.href(&routes::feed(routes::LANDELIJK_NIEUWS)),
        }
    }

    /// The page of the `i`th gemeente of a national site.
    pub fn gemeente(&self, i: usize) -> GemeenteView<'a> {
        let gemeente = &self.site.gemeenten[i];
        let data = &*gemeente.data;
        GemeenteView {
            naam: &gemeente.naam,
            site: web_address(&data.site.url),
            omschrijving: data.site.omschrijving.as_deref(),
            agenda: data.agenda.as_ref().map(|a| ElsewhereAgenda {
                item: ElsewhereItem::of(&a.pagina),
                periode: a.periode.as_deref(),
                ondertekend_door: a.ondertekend_door.as_ref(),
                ondertekend_op: data_date(a.ondertekend_op.as_deref()),
            }),
            themas: (data.agenda.iter())
                .flat_map(|a| &a.themas)
                .map(|t| ElsewhereItem {
                    titel: &t.naam,
                    url: web_address(&t.url),
                    samenvatting: None,
                    datum: None,
                })
                .collect(),
            addenda: data
                .addenda
                .iter()
                .map(|a| ElsewhereItem::of(&a.pagina))
                .collect(),
            interventies: (data.interventies.iter())
                .map(|x| ElsewhereInterventie {
                    item: ElsewhereItem::of(&x.pagina),
                    themas: x.themas.iter().map(|t| t.naam.as_str()).collect(),
                    leeftijden: x.leeftijden.iter().map(String::as_str).collect(),
                })
                .collect(),
            nieuws: data
                .nieuws
                .iter()
                .map(|n| ElsewhereItem::of(&n.pagina))
                .collect(),
            paginas: data.paginas.iter().map(ElsewhereItem::of).collect(),
            contact: data.site.contact.as_ref().and_then(elsewhere_contact),
        }
    }
}

/// A source's contact as it may be shown: its sentence as text, its e-mail address and phone
/// number only when they are one (see [`mail_address`], [`phone_number`]); `None` when
/// nothing is left.
fn elsewhere_contact(contact: &ContactData) -> Option<ContactView<'_>> {
    let email = contact.email.as_deref().and_then(mail_address);
    let telefoon = contact.telefoon.as_deref().and_then(phone_number);
    let tekst = contact.tekst.as_deref().filter(|t| !t.trim().is_empty());
    (tekst.is_some() || email.is_some() || telefoon.is_some()).then(|| ContactView {
        tekst,
        email,
        telefoon,
        telefoon_link: telefoon.map(tel_link),
    })
}

/// An e-mail address from another site's open data, when it is a plain one: letters, digits
/// and `._+-'` before one `@`, a domain of letters, digits and `-` in parts between dots
/// after it. A `mailto:` link of it then cannot add headers (`?cc=`) or be anything but an
/// address; anything else is not shown at all.
fn mail_address(address: &str) -> Option<&str> {
    let address = address.trim();
    let (local, domain) = address.split_once('@')?;
    let local_ok = !local.is_empty()
        && (local.chars()).all(|c| c.is_ascii_alphanumeric() || "._+-'".contains(c));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() > 1
        && labels.iter().all(|label| {
            !label.is_empty() && (label.chars()).all(|c| c.is_ascii_alphanumeric() || c == '-')
        });
    (local_ok && domain_ok).then_some(address)
}

/// A phone number from another site's open data, when it is one: digits with spaces,
/// `+`, `-`, `.`, `/` and brackets, as people write them; anything else is not shown.
fn phone_number(number: &str) -> Option<&str> {
    let number = number.trim();
    let digits = number.chars().filter(char::is_ascii_digit).count();
    let plain = (number.chars()).all(|c| c.is_ascii_digit() || " +-./()".contains(c));
    (plain && digits >= 3).then_some(number)
}

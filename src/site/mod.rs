//! Model: the one typed, validated value of the whole site, built once from what was loaded.
//!
//! Building the [`Site`] is where cross-references are checked (themes against the agenda,
//! addenda against interventies, URL collisions, internal links) and resolved to indexes,
//! and where every Markdown body is rendered to HTML, in parallel. Once a `Site` exists it is
//! valid: rendering it cannot fail on content, only on templates.

mod bodies;
mod config;
mod national;
mod places;
pub mod reads;
mod references;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_saphyr::Spanned;

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::{Document, Meta, Source};
use crate::content::front_matter::LineMap;
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::page::{Home, Page, SectionIntro};
use crate::content::programmalijn::Programmalijn;
use crate::content::toegankelijkheid::Toegankelijkheid;
use crate::content::types::{Kind, TYPES};
use crate::content::values::{Afbeelding, Datum};
use crate::content::{CONFIG_FILE, Item, Loaded, StaticFile, content_file};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position};
use crate::markdown::links::LinkTargets;
use crate::markdown::{self, Rendered};
use crate::routes::{self, SitePath};
use crate::sources::Gemeente;

use bodies::Bodies;
pub use bodies::MarkdownCache;

use config::resolve_config;
pub use config::{Config, Label, MenuLink, SecurityContact};
pub use national::{LandelijkInterventie, LandelijkTerm, National};
use places::{Placed, Places, default_url, folder_of, plain_page_url};
use references::{
    age_terms, check_addenda, check_erkenningen, check_nieuws, check_programmalijnen,
    erkenning_terms, onderwijs_terms, pages_in_sections, resolve_addenda, thema_terms,
};

/// Options that change what the model contains.
#[derive(Debug, Clone)]
pub struct ModelOptions {
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Keep documents marked `concept: true`.
    pub drafts: bool,
    /// The build date: events before it are in the past.
    pub today: Datum,
    /// Files the theme publishes under `/static/`, which content may link to too.
    pub theme_files: Vec<StaticFile>,
    /// The ids the templates give elements, sorted (see [`LinkTargets::template_ids`]).
    pub template_ids: Vec<String>,
    /// The photos among the static files (see [`LinkTargets::photos`]).
    pub photos: std::sync::Arc<crate::images::Photos>,
    /// A national site's gemeenten, from its sources (see [`crate::sources`]).
    pub gemeenten: Vec<Gemeente>,
    /// How many gemeenten `site.yaml` lists as sources, usable or not.
    pub bronnen: usize,
}

/// The whole site, valid and ready to render. A clone shares the documents and their rendered
/// bodies, so it is cheap: `gka serve` hands one to the thread that makes the open data.
#[derive(Debug, Clone)]
pub struct Site {
    /// Site-wide settings.
    pub config: Config,
    /// The home page.
    pub home: Entry<Home>,
    /// The GKA-Agenda, when the site has one.
    pub agenda: Option<Entry<Agenda>>,
    /// The accessibility statement, when the site has one.
    pub toegankelijkheid: Option<Entry<Toegankelijkheid>>,
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
    /// The contact page, `content/contact.md`, when there is one: an index into `pages`. The
    /// menu and the home page link to it.
    pub contact: Option<usize>,
    /// The privacy statement, `content/privacy.md`, when there is one: an index into
    /// `pages`. The footer links to it.
    pub privacy: Option<usize>,
    /// Sections of other folders, each listing the plain pages in it.
    pub sections: Vec<Entry<SectionIntro>>,
    /// For each addendum, the interventies it adds: indexes into `interventies.items`, in the
    /// order the addendum lists them. Resolved while the model is built, as are the other
    /// index lists here, so that rendering never joins documents by slug or path.
    pub addendum_interventies: Vec<Vec<usize>>,
    /// For each interventie, the addenda that add it: indexes into `addenda.items`, ascending.
    pub interventie_addenda: Vec<Vec<usize>>,
    /// For each interventie, its themes: indexes into `themas`, in the order it lists them.
    pub interventie_themas: Vec<Vec<usize>>,
    /// For each section in `sections`, the plain pages in its folder or below: indexes into
    /// `pages`, ascending.
    pub section_pages: Vec<Vec<usize>>,
    /// The agenda's themes, in the agenda's order: all of them, as a theme named twice is an
    /// error.
    pub themas: Vec<Term>,
    /// Every age range used, youngest first; each lists what overlaps it.
    pub leeftijden: Vec<Term>,
    /// Every level of education used, in school order.
    pub onderwijs: Vec<Term>,
    /// Every recognition level used, lowest first.
    pub erkenningen: Vec<Term>,
    /// Files in `content/static/`.
    pub static_files: Vec<StaticFile>,
    /// Every file published under `/static/` (the theme's and `content/static/`'s), by site
    /// path, with its size in bytes.
    pub files: HashMap<String, u64>,
    /// Old site paths (`aliassen`), each a page that sends the browser on.
    pub redirects: Vec<Redirect>,
    /// The build date: events before it are in the past.
    pub today: Datum,
    /// A fingerprint of everything internal links resolve against (site paths, files,
    /// drafts): within one run, two models with the same value render every text alike.
    pub link_targets: u64,
    /// A national site's gemeenten, in the order of its `site.yaml`: those whose copy or site
    /// is usable.
    pub gemeenten: Vec<Gemeente>,
    /// How many gemeenten `site.yaml` lists as sources, usable or not.
    pub bronnen: usize,
    /// A national site's themes and its gemeenten's interventies by facet (see
    /// [`National`]); empty on other sites.
    pub national: National,
    /// The pages breadcrumbs may name, by site path (see [`Site::titled`]).
    titled: HashMap<SitePath, Titled>,
}

/// A page that breadcrumbs may name, found once by its site path while the model is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titled {
    /// The overview of a content type's section (see [`Site::section`]).
    Section(Kind),
    /// The index of a facet's terms.
    Facet(Facet),
    /// A folder's intro: an index into `Site::sections`.
    Intro(usize),
    /// A plain page: an index into `Site::pages`.
    Page(usize),
    /// A national site's overview of its gemeenten.
    Gemeenten,
    /// A national site's overview of its gemeenten' interventies.
    Landelijk,
    /// The index of a national facet's terms.
    LandelijkFacet(Facet),
    /// The first page of a national facet's term: an index into its terms.
    LandelijkTerm(Facet, usize),
}

/// The contact page's file in `content/`.
const CONTACT_FILE: &str = "contact.md";
/// The privacy statement's file in `content/`.
const PRIVACY_FILE: &str = "privacy.md";

/// An old site path (an alias) that sends the browser on to a page.
#[derive(Debug, Clone)]
pub struct Redirect {
    /// The old site path, e.g. `/oud/adres/`.
    pub from: SitePath,
    /// The site path of the page it sends to.
    pub to: SitePath,
    /// The document whose `aliassen` name it.
    pub file: PathBuf,
    /// Where in that document.
    pub position: Option<Position>,
}

/// One document with its place in the site.
///
/// Its contents are handed out only by methods that note the read ([`reads`]), so that what
/// each output file read of which document is recorded; its site path is not, because it
/// cannot change without the site being built again.
#[derive(Debug)]
pub struct Entry<T> {
    /// The document as loaded.
    doc: Arc<Document<T>>,
    /// Its site path, e.g. `/interventies/kansrijk-in-almere/`.
    pub url: SitePath,
    /// Its Markdown body as HTML.
    body: Arc<Rendered>,
    /// Fields of its type rendered from inline Markdown, in the order the type defines.
    inline: Vec<String>,
    /// Its id for [`reads`]: a hash of its content path. Two documents that shared one would
    /// only make each other's readers render again.
    id: u64,
}

// Not derived: that would ask `T: Clone`, and the document is shared, not copied.
impl<T> Clone for Entry<T> {
    fn clone(&self) -> Self {
        Entry {
            doc: Arc::clone(&self.doc),
            url: self.url.clone(),
            body: Arc::clone(&self.body),
            inline: self.inline.clone(),
            id: self.id,
        }
    }
}

impl<T> Entry<T> {
    fn new(doc: Arc<Document<T>>, url: SitePath, body: Arc<Rendered>, inline: Vec<String>) -> Self {
        let id = xxhash_rust::xxh3::xxh3_64(doc.source.content_path.as_bytes());
        Entry {
            doc,
            url,
            body,
            inline,
            id,
        }
    }

    /// The file that claims its site path, and the line of its `slug` when it sets one.
    /// Not a read of its contents: like the site path, it cannot change without the site
    /// being built again.
    pub fn claimed_at(&self) -> (&Path, Option<Position>) {
        let source = &self.doc.source;
        let slug = self.doc.meta.slug.as_ref();
        (&source.path, slug.and_then(|s| source.lines.of(s)))
    }

    /// The document as loaded.
    pub fn doc(&self) -> &Document<T> {
        reads::record(self.id);
        &self.doc
    }

    /// Its Markdown body as HTML.
    pub fn body(&self) -> &Rendered {
        reads::record(self.id);
        &self.body
    }

    /// Fields of its type rendered from inline Markdown, in the order the type defines.
    pub fn inline(&self) -> &[String] {
        reads::record(self.id);
        &self.inline
    }

    /// The common front-matter keys.
    pub fn meta(&self) -> &Meta {
        &self.doc().meta
    }

    /// The summary: `samenvatting`, or else the start of the body's first paragraph.
    pub fn summary(&self) -> Option<&str> {
        reads::record(self.id);
        self.doc
            .meta
            .samenvatting
            .as_deref()
            .or((!self.body.summary.is_empty()).then_some(self.body.summary.as_str()))
    }

    /// Its id in [`reads::Reads`].
    pub fn id(&self) -> u64 {
        self.id
    }
}

/// Any document of the site, seen through what all types share.
#[derive(Debug, Clone, Copy)]
pub struct DocumentRef<'a> {
    /// The common front-matter keys.
    pub meta: &'a Meta,
    /// The file it came from.
    pub source: &'a Source,
    /// Its site path.
    pub url: &'a str,
    /// Its rendered body.
    pub body: &'a Rendered,
}

/// A content section: its overview page and its items.
#[derive(Debug)]
pub struct Section<T> {
    /// The overview page's site path, e.g. `/interventies/`.
    pub url: SitePath,
    /// The overview's title, from `_index.md` or a default.
    pub titel: String,
    /// The section's `_index.md`, when there is one.
    pub intro: Option<Entry<SectionIntro>>,
    /// The items.
    pub items: Vec<Entry<T>>,
}

// Not derived, as for `Entry`.
impl<T> Clone for Section<T> {
    fn clone(&self) -> Self {
        Section {
            url: self.url.clone(),
            titel: self.titel.clone(),
            intro: self.intro.clone(),
            items: self.items.clone(),
        }
    }
}

impl<T> Section<T> {
    /// Whether the section has an overview page: an intro or at least one item.
    pub fn exists(&self) -> bool {
        self.intro.is_some() || !self.items.is_empty()
    }

    /// What every section has, whatever the type of its items.
    pub fn head(&self) -> SectionHead<'_> {
        SectionHead {
            url: &self.url,
            titel: &self.titel,
            intro: self.intro.as_ref(),
            exists: self.exists(),
        }
    }
}

/// The overview page of a section, whatever the type of its items: for what lists sections
/// (the menu, the home page, breadcrumbs) without knowing each type.
#[derive(Debug, Clone, Copy)]
pub struct SectionHead<'a> {
    /// The overview page's site path.
    pub url: &'a SitePath,
    /// The overview's title.
    pub titel: &'a str,
    /// The section's `_index.md`, when there is one.
    pub intro: Option<&'a Entry<SectionIntro>>,
    /// Whether the overview page exists (see [`Section::exists`]).
    pub exists: bool,
}

/// A term of a vocabulary (a thema or an age range) and what carries it.
#[derive(Debug, Clone)]
pub struct Term {
    /// The term as written, e.g. `Versterken van taal` or `0-6`.
    pub naam: String,
    /// Its URL slug.
    pub slug: String,
    /// Its site path, e.g. `/themas/versterken-van-taal/`.
    pub url: SitePath,
    /// Indexes into `Site::interventies.items`, in ascending order.
    pub interventies: Vec<usize>,
    /// Pairs of (programmalijn index, result index).
    pub resultaten: Vec<(usize, usize)>,
}

/// A vocabulary that interventies are filtered by, each with its own term pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Facet {
    /// The agenda's themes: `/themas/<slug>/`.
    Thema,
    /// Age ranges: `/leeftijden/<lo-hi>/`, by overlap.
    Leeftijd,
    /// Levels of education: `/onderwijs/<niveau>/`.
    Onderwijs,
    /// Recognition levels: `/erkenning/<niveau>/`.
    Erkenning,
}

impl Facet {
    /// Every facet, in the order overviews show them.
    pub const ALL: [Facet; 4] = [
        Facet::Thema,
        Facet::Leeftijd,
        Facet::Onderwijs,
        Facet::Erkenning,
    ];

    /// The site path of the facet's index page.
    pub fn url(self) -> &'static str {
        match self {
            Facet::Thema => routes::THEMAS,
            Facet::Leeftijd => routes::LEEFTIJDEN,
            Facet::Onderwijs => routes::ONDERWIJS,
            Facet::Erkenning => routes::ERKENNING,
        }
    }

    /// The site path of the index of the facet's terms on a national site, over its
    /// gemeenten' interventies.
    pub fn landelijk_url(self) -> &'static str {
        match self {
            Facet::Thema => routes::LANDELIJK_THEMAS,
            Facet::Leeftijd => routes::LANDELIJK_LEEFTIJDEN,
            Facet::Onderwijs => routes::LANDELIJK_ONDERWIJS,
            Facet::Erkenning => routes::LANDELIJK_ERKENNING,
        }
    }

    /// A short key for the facet, used in `data-` attributes for filtering.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Thema => "thema",
            Facet::Leeftijd => "leeftijd",
            Facet::Onderwijs => "onderwijs",
            Facet::Erkenning => "erkenning",
        }
    }
}

impl Site {
    /// The section of the documents of `kind`, for the types whose files are in a folder of
    /// their own (see [`crate::content::types::Place::Folder`]).
    pub fn section(&self, kind: Kind) -> Option<SectionHead<'_>> {
        match kind {
            Kind::Addendum => Some(self.addenda.head()),
            Kind::Interventie => Some(self.interventies.head()),
            Kind::Programmalijn => Some(self.programma.head()),
            Kind::Nieuws => Some(self.nieuws.head()),
            Kind::Home | Kind::Agenda | Kind::Toegankelijkheid | Kind::Section | Kind::Page => None,
        }
    }

    /// The terms of a facet.
    pub fn terms(&self, facet: Facet) -> &[Term] {
        match facet {
            Facet::Thema => &self.themas,
            Facet::Leeftijd => &self.leeftijden,
            Facet::Onderwijs => &self.onderwijs,
            Facet::Erkenning => &self.erkenningen,
        }
    }
}

/// What of a content type's front matter is rendered with its body: inline Markdown fields,
/// and the photo above the body.
pub trait InlineMarkdown {
    /// The inline Markdown fields, in a fixed order the type's views rely on.
    fn inline_markdown(&self) -> Vec<&Spanned<String>> {
        Vec::new()
    }

    /// The `afbeelding`, for the types that have one.
    fn afbeelding(&self) -> Option<&Afbeelding> {
        None
    }
}

impl InlineMarkdown for Home {}
impl InlineMarkdown for Agenda {}
impl InlineMarkdown for Toegankelijkheid {}
impl InlineMarkdown for Addendum {}
impl InlineMarkdown for SectionIntro {}

impl InlineMarkdown for Interventie {
    fn afbeelding(&self) -> Option<&Afbeelding> {
        self.afbeelding.as_ref()
    }
}

impl InlineMarkdown for Nieuws {
    fn afbeelding(&self) -> Option<&Afbeelding> {
        self.afbeelding.as_ref()
    }
}

impl InlineMarkdown for Page {
    fn afbeelding(&self) -> Option<&Afbeelding> {
        self.afbeelding.as_ref()
    }
}

impl InlineMarkdown for Programmalijn {
    /// The `ambities`, then the `tekst` of each result.
    fn inline_markdown(&self) -> Vec<&Spanned<String>> {
        self.ambities
            .iter()
            .chain(self.resultaten.iter().map(|r| &r.tekst))
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
        Site::build_with(loaded, options, &mut MarkdownCache::default(), diagnostics)
    }

    /// [`Site::build`], rendering only the Markdown that `cache` does not already hold as
    /// this build would render it, and leaving this build's Markdown in `cache`. Every check
    /// runs in full either way, so the problems reported are the same.
    pub fn build_with(
        loaded: Loaded,
        options: &ModelOptions,
        cache: &mut MarkdownCache,
        diagnostics: &mut Diagnostics,
    ) -> Option<Site> {
        // Without usable settings the site cannot be built, but its documents are still
        // checked so that one run reports every problem.
        let config_links: Vec<(Spanned<String>, LineMap)> = loaded
            .config
            .iter()
            .flat_map(|(raw, lines)| {
                let menu = raw.menu.iter().flatten().map(|item| item.url.clone());
                let css = raw.huisstijl.as_ref().and_then(|h| h.css.clone());
                menu.chain(raw.logo.clone())
                    .chain(css)
                    .map(|link| (link, *lines))
            })
            .collect();
        // Where site.yaml lists the gemeenten: the first of them.
        let bronnen = (loaded.config.as_ref()).and_then(|(raw, lines)| {
            let first = raw.bronnen.as_ref()?.first()?;
            lines.of(&first.gemeente)
        });
        let national = National::of(&options.gemeenten, &loaded.themas, bronnen, diagnostics);
        let config = loaded
            .config
            .and_then(|(raw, lines)| resolve_config(raw, lines, options, diagnostics));

        let mut places = Places {
            drafts: options.drafts,
            ..Places::default()
        };
        let home = match loaded.home {
            // A draft is left out without a word, but a site cannot do without its home page.
            Some(doc) if doc.meta.concept && !options.drafts => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::MissingFile,
                        &doc.source.path,
                        None,
                        t!("startpagina-concept"),
                    )
                    .with_hint(t!("startpagina-concept-hint")),
                );
                None
            }
            Some(doc) => places.place(doc, |_| SitePath::fixed(routes::HOME), diagnostics),
            // A home page that is there but could not be read has its own errors.
            None if loaded.failed.iter().any(|f| f == "index.md") => None,
            None => {
                diagnostics.push(
                    Diagnostic::new(
                        Code::MissingFile,
                        content_file("index.md"),
                        None,
                        t!("geen-startpagina"),
                    )
                    .with_hint(t!("geen-startpagina-hint")),
                );
                None
            }
        };
        let agenda = loaded
            .agenda
            .and_then(|doc| places.place(doc, |_| SitePath::fixed(routes::AGENDA), diagnostics));
        let toegankelijkheid = loaded.toegankelijkheid.and_then(|doc| {
            places.place(
                doc,
                |_| SitePath::fixed(routes::TOEGANKELIJKHEID),
                diagnostics,
            )
        });
        if let Some((doc, _)) = &toegankelijkheid {
            check_statement(doc, config.as_ref(), diagnostics);
        }

        let mut intros: BTreeMap<String, Arc<Document<SectionIntro>>> = loaded
            .sections
            .into_iter()
            .map(|doc| (folder_of(&doc.source.content_path).to_string(), doc))
            .collect();
        let mut addenda = places.section(Kind::Addendum, &mut intros, loaded.addenda, diagnostics);
        let mut interventies = places.section(
            Kind::Interventie,
            &mut intros,
            loaded.interventies,
            diagnostics,
        );
        let mut programma = places.section(
            Kind::Programmalijn,
            &mut intros,
            loaded.programmalijnen,
            diagnostics,
        );
        let mut nieuws = places.section(Kind::Nieuws, &mut intros, loaded.nieuws, diagnostics);
        let pages: Vec<Placed<Page>> = loaded
            .pages
            .into_iter()
            .filter_map(|doc| places.place(doc, plain_page_url, diagnostics))
            .collect();
        let sections: Vec<Placed<SectionIntro>> = intros
            .into_iter()
            .filter_map(|(folder, doc)| {
                places.place(doc, |_| routes::section(&folder), diagnostics)
            })
            .collect();
        places.check_aliases(diagnostics);
        let redirects: Vec<Redirect> = places
            .aliases
            .drain(..)
            .map(|(from, file, position, to)| Redirect {
                from,
                to,
                file,
                position,
            })
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
            .sort_by_key(|(d, _)| (d.data.nummer.value, d.meta.volgorde));
        nieuws
            .items
            .sort_by_cached_key(|(d, _)| (std::cmp::Reverse(d.meta.datum), d.meta.titel.clone()));

        // Documents that failed to load still count as existing, so that links and
        // references to them do not add misleading errors to the ones already reported.
        let failed_urls: Vec<SitePath> =
            loaded.failed.iter().map(|path| default_url(path)).collect();
        // An agenda that is there but could not be read has its own errors: its themes are
        // unknown, not missing, so the interventies' themes are not checked against nothing.
        let agenda_failed = loaded.failed.iter().any(|f| f == "agenda.md");
        let mut unheard = Diagnostics::default();
        let (themas, interventie_themas) = thema_terms(
            agenda.as_ref().map(|(d, _)| &**d),
            &interventies.items,
            if agenda_failed {
                &mut unheard
            } else {
                &mut *diagnostics
            },
        );
        let leeftijden = age_terms(&interventies.items, &programma.items);
        let onderwijs = onderwijs_terms(&interventies.items);
        let erkenningen = erkenning_terms(&interventies.items);
        check_addenda(
            &addenda.items,
            &interventies.items,
            &places.draft_urls,
            &failed_urls,
            diagnostics,
        );
        let (addendum_interventies, interventie_addenda) =
            resolve_addenda(&addenda.items, &interventies.items);
        let section_pages = pages_in_sections(&sections, &pages);
        check_nieuws(&nieuws.items, diagnostics);
        check_erkenningen(&interventies.items, diagnostics);
        check_programmalijnen(&programma.items, diagnostics);

        let mut pages_and_files: HashSet<String> =
            places.urls.into_keys().map(String::from).collect();
        pages_and_files.extend(failed_urls.into_iter().map(String::from));
        pages_and_files.extend(GENERATED_FILES.iter().map(|s| s.to_string()));
        for (facet, terms) in [
            (Facet::Thema, &themas),
            (Facet::Leeftijd, &leeftijden),
            (Facet::Onderwijs, &onderwijs),
            (Facet::Erkenning, &erkenningen),
        ] {
            pages_and_files.extend(terms.iter().map(|t| t.url.to_string()));
            if !terms.is_empty() {
                pages_and_files.insert(facet.url().into());
            }
        }
        if config.as_ref().is_some_and(|c| c.beveiliging.is_some()) {
            pages_and_files.insert(routes::SECURITY_TXT.into());
        }
        // content/static/ wins over the theme's file of the same path.
        let files: HashMap<String, u64> = options
            .theme_files
            .iter()
            .chain(&loaded.static_files)
            .map(|f| (routes::static_file(&f.path), f.size))
            .collect();
        pages_and_files.extend(files.keys().cloned());
        let links = LinkTargets {
            base_path: config.as_ref().map_or("/", |c| c.base_path()).to_string(),
            pages: pages_and_files,
            by_source: (places.by_source.into_iter())
                .map(|(source, url)| (source, url.into()))
                .collect(),
            drafts: places.draft_urls.iter().map(|u| u.to_string()).collect(),
            files,
            template_ids: options.template_ids.clone(),
            photos: std::sync::Arc::clone(&options.photos),
            heavy_from: config.as_ref().map(|c| c.heavy_from),
        };

        check_links_in_front_matter(
            &config_links,
            &FrontMatterLinks {
                agenda: agenda.as_ref(),
                toegankelijkheid: toegankelijkheid.as_ref(),
                interventies: &interventies.items,
                pages: &pages,
            },
            &links,
            diagnostics,
        );

        let files = links.files.clone();
        let mut bodies = Bodies::new(links, cache);
        let home = home.map(|placed| bodies.one(placed, diagnostics));
        let agenda = agenda.map(|placed| bodies.one(placed, diagnostics));
        let toegankelijkheid = toegankelijkheid.map(|placed| bodies.one(placed, diagnostics));
        let addenda = addenda.render(&mut bodies, diagnostics);
        let interventies = interventies.render(&mut bodies, diagnostics);
        let programma = programma.render(&mut bodies, diagnostics);
        let nieuws = nieuws.render(&mut bodies, diagnostics);
        let pages = bodies.all(pages, diagnostics);
        let sections = bodies.all(sections, diagnostics);
        let link_targets = bodies.links_digest();
        *cache = bodies.finish();

        if diagnostics.has_errors() {
            return None;
        }
        // Found by file, not address, so that a `slug` can move them.
        let page_from = |file: &str| {
            (pages.iter()).position(|p: &Entry<Page>| p.doc.source.content_path == file)
        };
        let (contact, privacy) = (page_from(CONTACT_FILE), page_from(PRIVACY_FILE));
        let mut site = Site {
            config: config?,
            home: home?,
            agenda,
            toegankelijkheid,
            addenda,
            interventies,
            programma,
            nieuws,
            pages,
            contact,
            privacy,
            sections,
            addendum_interventies,
            interventie_addenda,
            interventie_themas,
            section_pages,
            themas,
            leeftijden,
            onderwijs,
            erkenningen,
            static_files: loaded.static_files,
            files,
            redirects,
            today: options.today,
            link_targets,
            gemeenten: options.gemeenten.clone(),
            bronnen: options.bronnen,
            national,
            titled: HashMap::new(),
        };
        site.titled = site.titled_pages();
        site.check_fragments(diagnostics);
        (!diagnostics.has_errors()).then_some(site)
    }

    /// The pages that breadcrumbs may name, by site path: when two have one path, a section
    /// of a content type wins over a facet's index, that over a folder's intro and a plain
    /// page, and those over a national site's overview of its gemeenten.
    fn titled_pages(&self) -> HashMap<SitePath, Titled> {
        let pages = (self.pages.iter().enumerate()).map(|(i, p)| (p.url.clone(), Titled::Page(i)));
        let intros =
            (self.sections.iter().enumerate()).map(|(i, s)| (s.url.clone(), Titled::Intro(i)));
        let facets = (Facet::ALL.into_iter()).map(|f| (SitePath::fixed(f.url()), Titled::Facet(f)));
        let sections = (TYPES.iter())
            .filter_map(|t| Some((self.section(t.kind)?.url.clone(), t.kind)))
            .map(|(url, kind)| (url, Titled::Section(kind)));
        let gemeenten = (!self.gemeenten.is_empty())
            .then(|| (SitePath::fixed(routes::GEMEENTEN), Titled::Gemeenten));
        let landelijk = (!self.national.interventies.is_empty()).then(|| {
            (
                SitePath::fixed(routes::LANDELIJK_INTERVENTIES),
                Titled::Landelijk,
            )
        });
        let national_facets = Facet::ALL
            .into_iter()
            .filter(|f| !self.national.terms(*f).is_empty())
            .flat_map(|f| {
                let terms = self.national.terms(f).iter().enumerate();
                let index = (
                    SitePath::fixed(f.landelijk_url()),
                    Titled::LandelijkFacet(f),
                );
                std::iter::once(index)
                    .chain(terms.map(move |(i, t)| (t.url.clone(), Titled::LandelijkTerm(f, i))))
            });
        (gemeenten.into_iter())
            .chain(landelijk)
            .chain(national_facets)
            .chain(pages)
            .chain(intros)
            .chain(facets)
            .chain(sections)
            .collect()
    }

    /// The page at `site_path` that breadcrumbs may name, if there is one.
    pub fn titled(&self, site_path: &str) -> Option<Titled> {
        self.titled.get(site_path).copied()
    }

    /// Every document, whatever its type: common keys, source, site path and rendered body.
    pub fn documents(&self) -> Vec<DocumentRef<'_>> {
        fn of<T>(entry: &Entry<T>) -> DocumentRef<'_> {
            reads::record(entry.id);
            DocumentRef {
                meta: &entry.doc.meta,
                source: &entry.doc.source,
                url: &entry.url,
                body: &entry.body,
            }
        }
        let sections = [
            &self.addenda.intro,
            &self.interventies.intro,
            &self.programma.intro,
            &self.nieuws.intro,
        ];
        std::iter::once(of(&self.home))
            .chain(self.agenda.iter().map(of))
            .chain(self.toegankelijkheid.iter().map(of))
            .chain(sections.into_iter().flatten().map(of))
            .chain(self.addenda.items.iter().map(of))
            .chain(self.interventies.items.iter().map(of))
            .chain(self.programma.items.iter().map(of))
            .chain(self.nieuws.items.iter().map(of))
            .chain(self.pages.iter().map(of))
            .chain(self.sections.iter().map(of))
            .collect()
    }

    /// Puts `docs`, new versions of documents of this site whose front matter did not change
    /// (edits of their bodies), in place of the old ones, with their Markdown rendered again
    /// against the link targets the site was built with (kept in `cache`). Returns the
    /// problems their Markdown had before and has now; [`Site::check_fragments`] is left to
    /// the caller, as [`Site::build_with`] runs it only on a site without errors. `None` when a
    /// document is not in the site (a draft) or its front matter changed: then the site must
    /// be built again, and this one may be left half changed.
    pub fn replace_bodies(
        &mut self,
        docs: Vec<Item>,
        cache: &mut MarkdownCache,
    ) -> Option<ReplacedBodies> {
        let mut replaced = ReplacedBodies::default();
        for doc in docs {
            let (id, before, found) = match doc {
                Item::Home(doc) => replace_body(std::iter::once(&mut self.home), doc, cache),
                Item::Agenda(doc) => replace_body(self.agenda.iter_mut(), doc, cache),
                Item::Toegankelijkheid(doc) => {
                    replace_body(self.toegankelijkheid.iter_mut(), doc, cache)
                }
                Item::Addendum(doc) => replace_body(self.addenda.items.iter_mut(), doc, cache),
                Item::Interventie(doc) => {
                    replace_body(self.interventies.items.iter_mut(), doc, cache)
                }
                Item::Programmalijn(doc) => {
                    replace_body(self.programma.items.iter_mut(), doc, cache)
                }
                Item::Nieuws(doc) => replace_body(self.nieuws.items.iter_mut(), doc, cache),
                Item::Page(doc) => replace_body(self.pages.iter_mut(), doc, cache),
                Item::Section(doc) => {
                    let intros = [
                        &mut self.addenda.intro,
                        &mut self.interventies.intro,
                        &mut self.programma.intro,
                        &mut self.nieuws.intro,
                    ];
                    let entries = intros.into_iter().flatten();
                    replace_body(entries.chain(self.sections.iter_mut()), doc, cache)
                }
            }?;
            replaced.before.extend(before);
            replaced.found.extend(found);
            replaced.ids.push(id);
        }
        replaced.ids.sort_unstable();
        Some(replaced)
    }

    /// Checks that every `#fragment` link into a document names one of its headings or
    /// footnotes: the last check of the model. Pages that gka generates (overviews, term
    /// pages) have no headings of their own to check against.
    pub fn check_fragments(&self, diagnostics: &mut Diagnostics) {
        let documents = self.documents();
        // Most documents have no such links: only the pages they point at are looked up.
        let targets: HashSet<&str> = (documents.iter())
            .flat_map(|d| &d.body.fragments)
            .map(|link| link.target.as_str())
            .collect();
        if targets.is_empty() {
            return;
        }
        let ids: HashMap<&str, &[String]> = (documents.iter())
            .filter(|d| targets.contains(d.url))
            .map(|d| (d.url, d.body.ids.as_slice()))
            .collect();
        for DocumentRef { source, body, .. } in &documents {
            for link in &body.fragments {
                let Some(known) = ids.get(link.target.as_str()) else {
                    continue;
                };
                if !known.contains(&link.fragment) {
                    let hint = if known.is_empty() {
                        t!("anker-geen-koppen")
                    } else {
                        let ids: Vec<String> = known.iter().map(|id| format!("#{id}")).collect();
                        t!("anker-koppen", ids = ids.join(", "))
                    };
                    diagnostics.push(
                        Diagnostic::new(
                            Code::BrokenFragment,
                            &source.path,
                            link.position,
                            t!(
                                "anker-onbekend",
                                fragment = &link.fragment,
                                page = &link.target
                            ),
                        )
                        .with_width(link.width)
                        .with_hint(hint),
                    );
                }
            }
        }
    }
}

/// What [`Site::replace_bodies`] found in the Markdown of the documents it replaced.
#[derive(Debug, Default)]
pub struct ReplacedBodies {
    /// The problems of the documents' earlier versions.
    pub before: Vec<Diagnostic>,
    /// The problems of the new versions.
    pub found: Vec<Diagnostic>,
    /// The ids of the documents replaced ([`Entry::id`]), sorted: nothing else in the site
    /// changed.
    pub ids: Vec<u64>,
}

/// Puts `doc` in place of the entry among `entries` that has its source, when their front
/// matter is the same; returns the entry's id and the problems its Markdown had and has now.
fn replace_body<'a, T: InlineMarkdown + 'a>(
    mut entries: impl Iterator<Item = &'a mut Entry<T>>,
    doc: Arc<Document<T>>,
    cache: &mut MarkdownCache,
) -> Option<(u64, Vec<Diagnostic>, Vec<Diagnostic>)> {
    let content_path = &doc.source.content_path;
    let entry = entries.find(|e| &e.doc.source.content_path == content_path)?;
    if entry.doc.source.digest.front_matter != doc.source.digest.front_matter {
        return None;
    }
    let again = cache.render_again(&doc, &entry.url)?;
    entry.doc = doc;
    entry.body = again.body;
    entry.inline = again.inline;
    Some((entry.id, again.found_before, again.found))
}

/// Site paths of files the renderer always writes, which links may point at.
const GENERATED_FILES: &[&str] = &[
    routes::NOT_FOUND,
    routes::SITEMAP,
    routes::ROBOTS,
    routes::FAVICON,
    routes::TOUCH_ICON,
    routes::MANIFEST_ICONS[0],
    routes::MANIFEST_ICONS[1],
    routes::MANIFEST,
];

/// A section whose documents have their site paths.
struct PlacedSection<T> {
    url: SitePath,
    titel: String,
    intro: Option<Placed<SectionIntro>>,
    items: Vec<Placed<T>>,
}

impl<T: InlineMarkdown + Send + Sync> PlacedSection<T> {
    fn render(self, bodies: &mut Bodies, diagnostics: &mut Diagnostics) -> Section<T> {
        Section {
            url: self.url,
            titel: self.titel,
            intro: self.intro.map(|placed| bodies.one(placed, diagnostics)),
            items: bodies.all(self.items, diagnostics),
        }
    }
}

/// The documents whose front matter holds links.
struct FrontMatterLinks<'a> {
    agenda: Option<&'a Placed<Agenda>>,
    toegankelijkheid: Option<&'a Placed<Toegankelijkheid>>,
    interventies: &'a [Placed<Interventie>],
    pages: &'a [Placed<Page>],
}

/// Links written in `site.yaml` and in front matter must resolve like links in bodies, and
/// warn like them of a large file.
fn check_links_in_front_matter(
    config_links: &[(Spanned<String>, LineMap)],
    documents: &FrontMatterLinks,
    links: &LinkTargets,
    diagnostics: &mut Diagnostics,
) {
    let mut check = |file: &Path,
                     content_path: &str,
                     page_url: &str,
                     link: &Spanned<String>,
                     lines: LineMap| {
        let found = match markdown::links::resolve(&link.value, content_path, page_url, links) {
            Ok(resolved) => resolved
                .internal
                .and_then(|(site_path, _)| markdown::links::heavy_file(&site_path, links)),
            Err(problem) => Some(problem),
        };
        if let Some(problem) = found {
            diagnostics.push(
                Diagnostic::new(
                    problem.code,
                    file,
                    lines.of(link),
                    format!("{} '{}' {}", t!("link-naar"), link.value, problem.message),
                )
                .with_width(lines.width(link))
                .with_hint(problem.hint),
            );
        }
    };
    let config_file = content_file(CONFIG_FILE);
    for (link, lines) in config_links {
        check(&config_file, CONFIG_FILE, routes::HOME, link, *lines);
    }
    let agenda = documents
        .agenda
        .iter()
        .map(|(doc, url)| (&doc.source, url, doc.data.document.as_ref()));
    let statement = documents.toegankelijkheid.iter().flat_map(|(doc, url)| {
        let data = &doc.data;
        let pagina = data.contact.as_ref().and_then(|c| c.pagina.as_ref());
        let rapporten = data.onderzoeken.iter().filter_map(|o| o.rapport.as_ref());
        std::iter::once(pagina)
            .chain(rapporten.map(Some))
            .map(move |link| (&doc.source, url, link))
    });
    let interventies = documents.interventies.iter().flat_map(|(doc, url)| {
        let video = doc.data.video.as_ref().map(|v| &v.url);
        let erkenning = doc.data.erkenning.as_ref().and_then(|e| e.url.as_ref());
        [doc.data.website.as_ref(), video, erkenning].map(|link| (&doc.source, url, link))
    });
    let pages = documents
        .pages
        .iter()
        .map(|(doc, url)| (&doc.source, url, doc.data.video.as_ref().map(|v| &v.url)));
    for (source, url, link) in agenda.chain(statement).chain(interventies).chain(pages) {
        if let Some(link) = link {
            check(&source.path, &source.content_path, url, link, source.lines);
        }
    }
}

/// The accessibility statement must say how the site was tested and where to report a problem.
fn check_statement(
    doc: &Document<Toegankelijkheid>,
    config: Option<&Config>,
    diagnostics: &mut Diagnostics,
) {
    if doc.data.onderzoeken.is_empty() {
        diagnostics.push(
            Diagnostic::new(
                Code::MissingKey,
                &doc.source.path,
                None,
                t!("verklaring-geen-onderzoek"),
            )
            .with_hint(t!("verklaring-geen-onderzoek-hint")),
        );
    }
    let own = doc
        .data
        .contact
        .as_ref()
        .is_some_and(|c| c.email.is_some() || c.telefoon.is_some() || c.pagina.is_some());
    let site = config
        .and_then(|c| c.contact.as_ref())
        .is_some_and(|c| c.email.is_some() || c.telefoon.is_some());
    if !own && !site && config.is_some() {
        diagnostics.push(
            Diagnostic::new(
                Code::MissingKey,
                &doc.source.path,
                None,
                t!("verklaring-geen-contact"),
            )
            .with_hint(t!("verklaring-geen-contact-hint")),
        );
    }
}

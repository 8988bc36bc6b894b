//! What each output file is made from, as a fingerprint, so that `gka serve` re-renders only
//! the files whose inputs changed since its previous build.
//!
//! A file's fingerprint hashes everything its template context is built from:
//!
//! - the globals, which every file may show: the templates, the `site` value, the settings,
//!   the build date, the terms, the redirects, the published files and the link targets
//!   (adding, removing or renaming a document changes them, so everything renders again);
//! - for a document's own page: the document's text, site path and date of change, and the
//!   titles in its breadcrumbs; an interventie's page also shows the addenda that add it;
//! - for overviews, term pages, the home page and addenda: every document's card (what a list
//!   shows of it: its front matter, site path, summary and date of change) and the bodies of
//!   the pages that introduce lists;
//! - for the sitemap: the pages, and every document's site path and dates.
//!
//! A change that no fingerprint covers would leave a stale file, so the rules err on the side
//! of rendering too much: a card that changes renders every list again.
//!
//! The parts that many files share ([`Shared`]: the globals, the cards, what lists show) are
//! made from every document's own fingerprints ([`DocumentPrints`]). After an edit of some
//! documents' bodies, which `gka serve` applies to its last model, only those documents' own
//! fingerprints are made again; when the shared parts come out the same, only the files that
//! show those documents' pages ([`Renderer::shows_page_of`]) can have new fingerprints.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::content::document::Source;
use crate::site::{Entry, Facet};

use crate::markdown::Rendered;

use super::{Job, Planned, Renderer, Views};

/// The fingerprints of one build's files.
#[derive(Debug)]
pub struct Fingerprints {
    /// One per planned file, in the plan's order.
    pub files: Vec<u64>,
    /// Of `sitemap.xml`.
    pub sitemap: u64,
}

/// Every document's own fingerprints, in the order of [`crate::site::Site::documents`]: of
/// what its own page shows of it, and of its card. Kept by `gka serve`, so that after an edit
/// of a few documents only theirs are made again.
#[derive(Debug, Clone)]
pub struct DocumentPrints {
    pages: Vec<u64>,
    cards: Vec<u64>,
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// What a document's own page shows of it: its text, site path and date of change.
fn page_of(source: &Source, url: &str) -> u64 {
    hash_of((source.digest, url, source.modified))
}

/// What other pages show of a document: its front matter, site path, summary (which may come
/// from the body) and date of change.
fn card_of(source: &Source, url: &str, body: &Rendered) -> u64 {
    hash_of((
        source.digest.front_matter,
        url,
        &body.summary,
        source.modified,
    ))
}

fn page_of_entry<T>(entry: &Entry<T>) -> u64 {
    page_of(&entry.doc.source, &entry.url)
}

/// The parts of the fingerprints that many files share: what every file may show (the
/// globals), every document's card, and what lists show. When two builds of the same plan
/// have equal `Shared` values, only the files that show the page of a document that changed
/// ([`Renderer::shows_page_of`]) can have other fingerprints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shared {
    globals: u64,
    cards: u64,
    lists: u64,
}

impl Renderer<'_> {
    /// The fingerprints of every document.
    pub fn document_prints(&self) -> DocumentPrints {
        let documents = self.views.site.documents();
        DocumentPrints {
            pages: documents.iter().map(|d| page_of(d.source, d.url)).collect(),
            cards: (documents.iter())
                .map(|d| card_of(d.source, d.url, d.body))
                .collect(),
        }
    }

    /// The fingerprints of every document of a model patched from one whose fingerprints were
    /// `earlier` by replacing the documents at `content_paths`: theirs are made again.
    pub fn document_prints_after(
        &self,
        earlier: DocumentPrints,
        content_paths: &[String],
    ) -> DocumentPrints {
        let mut prints = earlier;
        for (i, d) in self.views.site.documents().iter().enumerate() {
            if content_paths.contains(&d.source.content_path) {
                prints.pages[i] = page_of(d.source, d.url);
                prints.cards[i] = card_of(d.source, d.url, d.body);
            }
        }
        prints
    }

    /// The fingerprint parts that many files share, from the documents' own.
    pub fn shared(&self, documents: &DocumentPrints) -> Shared {
        let site = self.views.site;
        let cards = hash_of((
            &documents.cards,
            Facet::ALL.map(|facet| {
                site.terms(facet)
                    .iter()
                    .map(|t| (&t.interventies, &t.resultaten))
                    .collect::<Vec<_>>()
            }),
        ));
        // Lists show their cards and the body of the page that introduces them.
        let intros = [
            &site.addenda.intro,
            &site.interventies.intro,
            &site.programma.intro,
            &site.nieuws.intro,
        ];
        let lists = hash_of((
            cards,
            page_of_entry(&site.home),
            intros.map(|i| i.as_ref().map(page_of_entry)),
            site.sections.iter().map(page_of_entry).collect::<Vec<_>>(),
        ));
        Shared {
            globals: self.globals(),
            cards,
            lists,
        }
    }

    /// The fingerprints of `plan`'s files and the sitemap.
    pub fn fingerprints(&self, plan: &[Planned], shared: Shared) -> Fingerprints {
        let pages: Vec<&str> = plan
            .iter()
            .filter(|p| p.is_page)
            .map(|p| p.path.as_str())
            .collect();
        // The sitemap lists the pages with each document's date, nothing of their text.
        let dates: Vec<_> = (self.views.site.documents().iter())
            .map(|d| (d.url, d.meta.datum, d.source.modified))
            .collect();
        Fingerprints {
            files: plan.iter().map(|p| self.fingerprint(p, shared)).collect(),
            sitemap: hash_of((shared.globals, pages, dates)),
        }
    }

    /// The fingerprint of one planned file.
    pub fn fingerprint(&self, planned: &Planned, shared: Shared) -> u64 {
        hash_of((
            shared.globals,
            self.inputs(planned.job, shared.lists, shared.cards),
        ))
    }

    /// The fingerprint of the open data, which shows every document's page.
    pub fn open_data_fingerprint(&self, shared: Shared, documents: &DocumentPrints) -> u64 {
        hash_of((shared.globals, &documents.pages))
    }

    /// Whether `planned` shows the page, not only the card, of a document at one of
    /// `content_paths`: whether its own inputs, those [`Shared`] does not cover, include the
    /// document's text. Must follow the rules of the inputs of each file below.
    pub fn shows_page_of(&self, planned: &Planned, content_paths: &[String]) -> bool {
        let site = self.views.site;
        let is = |source: &Source| content_paths.contains(&source.content_path);
        match planned.job {
            Job::Addendum(i) => is(&site.addenda.items[i].doc.source),
            Job::Interventie(i) => is(&site.interventies.items[i].doc.source),
            Job::Programmalijn(i) => is(&site.programma.items[i].doc.source),
            Job::Nieuws(i) | Job::Calendar(i) => is(&site.nieuws.items[i].doc.source),
            Job::Page(i) => is(&site.pages[i].doc.source),
            Job::Agenda => site.agenda.as_ref().is_some_and(|e| is(&e.doc.source)),
            Job::Toegankelijkheid => site
                .toegankelijkheid
                .as_ref()
                .is_some_and(|e| is(&e.doc.source)),
            Job::Feed => site.nieuws.items.iter().any(|e| is(&e.doc.source)),
            Job::Home
            | Job::Addenda
            | Job::Interventies
            | Job::Programma
            | Job::NieuwsLijst
            | Job::Section(_)
            | Job::TermIndex(_)
            | Job::Term(..)
            | Job::NotFound
            | Job::Robots
            | Job::SecurityTxt
            | Job::Redirect(_)
            | Job::Zoeken => false,
        }
    }

    /// What every file may show.
    fn globals(&self) -> u64 {
        let site = self.views.site;
        let site_value = serde_json::to_string(&self.views.site(&self.theme.css))
            .expect("the site value serializes");
        let mut files: Vec<(&String, &u64)> = site.files.iter().collect();
        files.sort_unstable();
        let terms = Facet::ALL.map(|facet| {
            site.terms(facet)
                .iter()
                .map(|t| (&t.naam, &t.slug, &t.url))
                .collect::<Vec<_>>()
        });
        hash_of((
            self.theme.digest,
            site_value,
            format!("{:?}", site.config),
            site.today,
            site.link_targets,
            &site.redirects,
            files,
            terms,
        ))
    }

    /// The inputs of `job` besides the globals; `lists` and `cards` as in
    /// [`Renderer::fingerprints`].
    fn inputs(&self, job: Job, lists: u64, cards: u64) -> u64 {
        let views = &self.views;
        let site = views.site;
        let own = |entry_page: u64, url: &str| hash_of((entry_page, crumbs(views, url)));
        match job {
            Job::Home
            | Job::Addenda
            | Job::Interventies
            | Job::Programma
            | Job::NieuwsLijst
            | Job::Section(_)
            | Job::TermIndex(_)
            | Job::Term(..) => lists,
            Job::Addendum(i) => {
                let entry = &site.addenda.items[i];
                hash_of((own(page_of_entry(entry), &entry.url), cards))
            }
            Job::Interventie(i) => {
                let entry = &site.interventies.items[i];
                let addenda: Vec<u64> = (site.addenda.items.iter())
                    .map(|a| card_of(&a.doc.source, &a.url, &a.body))
                    .collect();
                hash_of((own(page_of_entry(entry), &entry.url), addenda))
            }
            Job::Programmalijn(i) => {
                let entry = &site.programma.items[i];
                own(page_of_entry(entry), &entry.url)
            }
            Job::Nieuws(i) | Job::Calendar(i) => {
                let entry = &site.nieuws.items[i];
                own(page_of_entry(entry), &entry.url)
            }
            Job::Page(i) => {
                let entry = &site.pages[i];
                own(page_of_entry(entry), &entry.url)
            }
            Job::Agenda => site
                .agenda
                .as_ref()
                .map_or(0, |e| own(page_of_entry(e), &e.url)),
            Job::Toegankelijkheid => site
                .toegankelijkheid
                .as_ref()
                .map_or(0, |e| own(page_of_entry(e), &e.url)),
            Job::Feed => hash_of((
                cards,
                site.nieuws
                    .items
                    .iter()
                    .map(page_of_entry)
                    .collect::<Vec<_>>(),
            )),
            Job::NotFound | Job::Robots | Job::SecurityTxt | Job::Redirect(_) | Job::Zoeken => 0,
        }
    }
}

/// The breadcrumbs of the page at `url`, titles included.
fn crumbs(views: &Views, url: &str) -> u64 {
    hash_of(views.breadcrumb_paths(url))
}

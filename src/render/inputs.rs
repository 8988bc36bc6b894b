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
//!   the pages that introduce lists.
//!
//! A change that no fingerprint covers would leave a stale file, so the rules err on the side
//! of rendering too much: a card that changes renders every list again.

use std::hash::{DefaultHasher, Hash, Hasher};

use crate::content::document::Source;
use crate::site::{Entry, Facet};

use super::markdown::Rendered;

use super::{Job, Planned, Renderer, Views};

/// The fingerprints of one build's files.
#[derive(Debug)]
pub struct Fingerprints {
    /// One per planned file, in the plan's order.
    pub files: Vec<u64>,
    /// Of `sitemap.xml`.
    pub sitemap: u64,
    /// Of the open data files.
    pub open_data: u64,
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

impl Renderer<'_> {
    /// The fingerprints of `plan`'s files, the sitemap and the open data.
    pub fn fingerprints(&self, plan: &[Planned]) -> Fingerprints {
        let views = &self.views;
        let site = views.site;
        let globals = self.globals();
        let documents = site.documents();
        let cards = hash_of((
            documents
                .iter()
                .map(|d| card_of(d.source, d.url, d.body))
                .collect::<Vec<_>>(),
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
        let files = plan
            .iter()
            .map(|planned| hash_of((globals, self.inputs(planned.job, lists, cards))))
            .collect();
        let pages: Vec<&str> = plan
            .iter()
            .filter(|p| p.is_page)
            .map(|p| p.path.as_str())
            .collect();
        Fingerprints {
            files,
            sitemap: hash_of((globals, cards, pages)),
            open_data: hash_of((
                globals,
                documents
                    .iter()
                    .map(|d| page_of(d.source, d.url))
                    .collect::<Vec<_>>(),
            )),
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

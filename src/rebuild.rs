//! Rebuild: the pipeline of [`crate::build`] run again after every change, for `gka serve`.
//!
//! A [`Session`] keeps what each stage made for the next run: the loaded documents and the
//! walk of `content/` ([`LoadCache`]), their rendered Markdown ([`MarkdownCache`]), a
//! fingerprint of the inputs of every output file ([`crate::render::Fingerprints`]), the output
//! folder itself ([`LiveOutput`]), and the model, theme and plan of the last good build. A
//! rebuild re-reads only the files that changed, renders only the files whose inputs changed
//! and writes only the files whose bytes changed.
//!
//! The model is built and validated again in full (every cross-reference check), except after
//! an edit of documents' bodies alone, the common case while writing: then the last good model
//! is patched ([`Site::replace_bodies`]: the documents' Markdown rendered again and every
//! `#fragment` checked again), and when the fingerprint parts that many files share are
//! unchanged, only the files that show those documents' pages are fingerprinted again.
//!
//! Files made from every document or page at once (the open data, the search index) are slow
//! to make and not what an author looks at; [`Session::finish`] makes them after the changed
//! pages are on disk.

use std::collections::HashMap;
use std::collections::HashSet;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::build::{self, BuildError, BuildOptions};
use crate::content::LoadCache;
use crate::content::values::Datum;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{Copy, LiveOutput, OutputError};
use crate::render::{self, DocumentPrints, OutputFile, Planned, Renderer, Shared};
use crate::search;
use crate::site::{MarkdownCache, Site};
use crate::theme::Theme;

/// Builds one site again and again into one output folder.
pub struct Session {
    options: BuildOptions,
    loads: LoadCache,
    markdown: MarkdownCache,
    output: LiveOutput,
    /// Output path → fingerprint of the inputs it was last written from.
    fingerprints: HashMap<String, u64>,
    /// The last build, while it is the last good one: no later build failed.
    last: Option<Last>,
    /// What the last build left for [`Session::finish`].
    unfinished: Option<Unfinished>,
    /// Fingerprint of the inputs of the open data on disk.
    open_data: Option<u64>,
    /// Fingerprint of the pages the search index on disk was made from.
    search: Option<u64>,
    /// The search index's files on disk.
    index_files: Vec<String>,
}

/// A good build, kept so that the next rebuild can patch it instead of building the site
/// again when only documents' bodies changed.
struct Last {
    site: Site,
    theme: Theme,
    plan: Vec<Planned>,
    documents: DocumentPrints,
    shared: Shared,
    /// The problems that did not stop it, sorted.
    warnings: Vec<Diagnostic>,
}

/// What a rebuild leaves for [`Session::finish`], made from the last build.
struct Unfinished {
    /// Fingerprint of the open data's inputs.
    open_data: u64,
    /// Fingerprint of the pages' paths and inputs.
    search: u64,
}

/// A model ready to render, and how it was made.
struct Model {
    site: Site,
    theme: Theme,
    /// The problems that did not stop it, sorted.
    warnings: Vec<Diagnostic>,
    /// Markdown files read from disk.
    read: usize,
    made: Made,
}

/// How a [`Model`] was made.
enum Made {
    /// Built in full, with the static files to copy.
    Built(Vec<Copy>),
    /// The last good model with the bodies of `documents` (content paths) replaced; `plan`,
    /// `prints` and `shared` are the last build's.
    Patched {
        plan: Vec<Planned>,
        prints: DocumentPrints,
        shared: Shared,
        documents: Vec<String>,
    },
}

/// What one successful rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// HTML pages the site has.
    pub pages: usize,
    /// Pages rendered again because their inputs changed.
    pub pages_rendered: usize,
    /// Files rendered again, pages included.
    pub rendered: usize,
    /// Files written because their bytes changed (static files included).
    pub written: usize,
    /// Files removed because the site no longer has them.
    pub removed: usize,
    /// Markdown files read from disk.
    pub read: usize,
    /// Whether the last good model was patched (an edit of documents' bodies alone) rather
    /// than built again.
    pub patched: bool,
    /// Wall time.
    pub elapsed: Duration,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
}

impl Session {
    /// A session that builds the site of `options` into `options.output`, a folder that
    /// must not exist yet or be empty: the session owns it.
    pub fn new(options: BuildOptions) -> Result<Session, OutputError> {
        let output = LiveOutput::create(&options.output)?;
        Ok(Session {
            options,
            loads: LoadCache::default(),
            markdown: MarkdownCache::default(),
            output,
            fingerprints: HashMap::new(),
            last: None,
            unfinished: None,
            open_data: None,
            search: None,
            index_files: Vec::new(),
        })
    }

    /// The output folder.
    pub fn output(&self) -> &std::path::Path {
        self.output.dir()
    }

    /// Builds the site again after `changed` files or folders changed (nothing for the first
    /// build; a folder for everything in it). With errors nothing is written, so the output
    /// stays that of the last good build.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        let start = Instant::now();
        let last = self.last.take();
        if !self.options.root.is_dir() {
            return Err(BuildError::NoRoot(self.options.root.clone()));
        }
        let model = match last.and_then(|last| self.patch(last, changed)) {
            Some(patched) => patched?,
            None => self.build(changed)?,
        };
        let Model {
            site,
            mut theme,
            warnings,
            read,
            made,
        } = model;

        let renderer = Renderer::new(&site, &mut theme, self.options.search);
        let patched = matches!(made, Made::Patched { .. });
        let (plan, copies, document_prints, shared, documents) = match made {
            Made::Built(copies) => {
                let prints = renderer.document_prints();
                let shared = renderer.shared(&prints);
                (renderer.plan(), Some(copies), prints, shared, None)
            }
            Made::Patched {
                plan,
                prints,
                shared: before,
                documents,
            } => {
                let prints = renderer.document_prints_after(prints, &documents);
                let shared = renderer.shared(&prints);
                let documents = (before == shared).then_some(documents);
                (plan, None, prints, shared, documents)
            }
        };
        // Fingerprints by index into the plan; the sitemap's when every file has one. When
        // only documents' bodies changed and nothing that many files share, only the files
        // that show their pages can have new fingerprints.
        let (prints, sitemap): (Vec<(usize, u64)>, Option<u64>) = match &documents {
            Some(documents) => {
                let prints = (plan.iter().enumerate())
                    .filter(|(_, planned)| renderer.shows_page_of(planned, documents))
                    .map(|(i, planned)| (i, renderer.fingerprint(planned, shared)))
                    .collect();
                (prints, None)
            }
            None => {
                let all = renderer.fingerprints(&plan, shared);
                (
                    all.files.into_iter().enumerate().collect(),
                    Some(all.sitemap),
                )
            }
        };
        let stale: Vec<&Planned> = prints
            .iter()
            .filter(|(i, print)| self.fingerprints.get(&plan[*i].path) != Some(print))
            .map(|(i, _)| &plan[*i])
            .collect();
        let mut files = renderer.render(&stale).map_err(BuildError::Content)?;
        if let Some(sitemap) = sitemap
            && self.fingerprints.get(SITEMAP) != Some(&sitemap)
        {
            files.push(renderer.sitemap(&plan).map_err(BuildError::Content)?);
        }
        let mut written = self.output.write(&files)?;
        for (i, print) in &prints {
            self.fingerprints.insert(plan[*i].path.clone(), *print);
        }
        if let Some(sitemap) = sitemap {
            self.fingerprints.insert(SITEMAP.to_string(), sitemap);
        }
        // A patched model has the same files as the last one; a built one may have others.
        let mut removed = 0;
        if let Some(copies) = copies {
            written += self.output.copy(&copies)?;
            let mut keep: HashSet<&str> = plan.iter().map(|p| p.path.as_str()).collect();
            keep.insert(SITEMAP);
            keep.extend(copies.iter().map(|c| c.path.as_str()));
            keep.extend(render::OPEN_DATA_FILES);
            keep.extend(self.index_files.iter().map(String::as_str));
            removed = self.output.retain(&keep)?;
            self.fingerprints
                .retain(|path, _| keep.contains(path.as_str()));
        }

        let pages: Vec<(&String, Option<&u64>)> = (plan.iter())
            .filter(|planned| planned.is_page)
            .map(|planned| (&planned.path, self.fingerprints.get(&planned.path)))
            .collect();
        self.unfinished = Some(Unfinished {
            open_data: renderer.open_data_fingerprint(shared, &document_prints),
            search: if self.options.search {
                hash_of(&pages)
            } else {
                0
            },
        });
        let rebuilt = Rebuilt {
            pages: pages.len(),
            pages_rendered: stale.iter().filter(|p| p.is_page).count(),
            rendered: files.len(),
            written,
            removed,
            read,
            patched,
            elapsed: start.elapsed(),
            warnings: warnings.clone(),
        };
        self.last = Some(Last {
            site,
            theme,
            plan,
            documents: document_prints,
            shared,
            warnings,
        });
        Ok(rebuilt)
    }

    /// The model built in full after `changed`, with its theme.
    fn build(&mut self, changed: &[PathBuf]) -> Result<Model, BuildError> {
        let options = &self.options;
        let loaded = build::load_site_with(options, &mut self.loads, &mut self.markdown, changed);
        let read = self.loads.read_last();
        // Templates are few and small: they are compiled again on every full build, and the
        // files that use them render again only when their text changed (see render::inputs).
        let build::Ready {
            site,
            chain,
            theme,
            diagnostics,
        } = build::ready(&options.root, loaded)?;
        let copies = build::static_copies(&chain.files, &site.static_files);
        Ok(Model {
            site,
            theme,
            warnings: diagnostics.sorted(),
            read,
            made: Made::Built(copies),
        })
    }

    /// The `last` model patched after `changed`, when they are edits of the bodies of its
    /// documents; `None` when the site must be built again. The problems are those a full
    /// build would report: the last build's, with the to-dos and Markdown problems of the
    /// changed documents found again and every `#fragment` checked again.
    fn patch(&mut self, last: Last, changed: &[PathBuf]) -> Option<Result<Model, BuildError>> {
        let Last {
            mut site,
            theme,
            plan,
            documents: prints,
            shared,
            warnings,
        } = last;
        // Events move to the archive by the build date.
        if site.today != Datum::today() {
            return None;
        }
        let reread = self.loads.reread(&self.options.root, changed)?;
        let read = reread.len();
        let documents: Vec<String> = (reread.iter())
            .map(|r| r.item.source().content_path.clone())
            .collect();
        let mut before = Vec::new();
        let mut found = Vec::new();
        let items = (reread.into_iter())
            .map(|r| {
                before.extend(r.todos_before);
                found.extend(r.todos);
                r.item
            })
            .collect();
        let replaced = site.replace_bodies(items, &mut self.markdown)?;
        before.extend(replaced.before);
        found.extend(replaced.found);

        let mut diagnostics = Diagnostics::default();
        diagnostics.extend(warnings.into_iter().filter(|d| !before.contains(d)));
        diagnostics.extend(found);
        if !diagnostics.has_errors() {
            site.check_fragments(&mut diagnostics);
        }
        if diagnostics.has_errors() {
            return Some(Err(BuildError::Content(diagnostics.sorted())));
        }
        Some(Ok(Model {
            site,
            theme,
            warnings: diagnostics.sorted(),
            read,
            made: Made::Patched {
                plan,
                prints,
                shared,
                documents,
            },
        }))
    }

    /// Makes the files that the last good rebuild left for later because they are made from
    /// every document or page: the open data when any document changed, and the search index
    /// (unless the options leave it out) when any page changed. Returns how many files were
    /// written.
    pub fn finish(&mut self) -> Result<usize, BuildError> {
        let (Some(unfinished), Some(last)) = (self.unfinished.take(), &self.last) else {
            return Ok(0);
        };
        let mut written = 0;
        if self.open_data != Some(unfinished.open_data) {
            let files: Vec<OutputFile> = render::open_data(&last.site);
            written += self.output.write(&files)?;
            self.open_data = Some(unfinished.open_data);
        }
        if self.options.search && self.search != Some(unfinished.search) {
            written += self.index()?;
            self.search = Some(unfinished.search);
        }
        Ok(written)
    }

    /// Indexes the pages on disk (the last good build's) again and replaces the index's files.
    fn index(&mut self) -> Result<usize, BuildError> {
        let index = search::index(self.output.dir())?;
        let written = self.output.write(&index)?;
        // Pagefind names its files by their contents: the previous index's other files go.
        let new: HashSet<&str> = index.iter().map(|f| f.path.as_str()).collect();
        let gone: Vec<String> = (self.index_files.iter())
            .filter(|path| !new.contains(path.as_str()))
            .cloned()
            .collect();
        self.output.remove(&gone)?;
        self.index_files = index.into_iter().map(|f| f.path).collect();
        Ok(written)
    }
}

fn hash_of(value: impl Hash) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

/// The sitemap's path in the output folder.
const SITEMAP: &str = "sitemap.xml";

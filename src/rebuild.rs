//! Rebuild: the pipeline of [`crate::build`] run again after every change, for `gka serve`.
//!
//! A [`Session`] keeps what each stage made for the next run: the loaded documents
//! ([`LoadCache`]), their rendered Markdown ([`MarkdownCache`]), a fingerprint of the inputs of
//! every output file ([`crate::render::Fingerprints`]) and the output folder itself
//! ([`LiveOutput`]). A rebuild re-reads only the files that changed, validates the whole model
//! again (cheap next to reading and rendering, and it keeps every cross-reference check), renders
//! only the files whose inputs changed and writes only the files whose bytes changed.
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
use crate::diagnostics::Diagnostic;
use crate::output::{LiveOutput, OutputError};
use crate::render::{self, OutputFile, Renderer};
use crate::search;
use crate::site::{MarkdownCache, Site};

/// Builds one site again and again into one output folder.
pub struct Session {
    options: BuildOptions,
    loads: LoadCache,
    markdown: MarkdownCache,
    output: LiveOutput,
    /// Output path → fingerprint of the inputs it was last written from.
    fingerprints: HashMap<String, u64>,
    /// What the last good build left for [`Session::finish`].
    unfinished: Option<Unfinished>,
    /// Fingerprint of the inputs of the open data on disk.
    open_data: Option<u64>,
    /// Fingerprint of the pages the search index on disk was made from.
    search: Option<u64>,
    /// The search index's files on disk.
    index_files: Vec<String>,
}

/// What a rebuild leaves for [`Session::finish`].
struct Unfinished {
    site: Site,
    /// Fingerprint of the open data's inputs.
    open_data: u64,
    /// Fingerprint of the pages' paths and their inputs.
    search: u64,
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
        let options = &self.options;
        if !options.root.is_dir() {
            return Err(BuildError::NoRoot(options.root.clone()));
        }
        let loaded = build::load_site_with(options, &mut self.loads, &mut self.markdown, changed);
        let read = self.loads.read_last();
        // Templates are few and small: they are compiled again on every run, and the files
        // that use them render again only when their text changed (see render::inputs).
        let build::Ready {
            site,
            chain,
            mut theme,
            diagnostics,
        } = build::ready(&options.root, loaded)?;

        let renderer = Renderer::new(&site, &mut theme, options.search);
        let plan = renderer.plan();
        let fingerprints = renderer.fingerprints(&plan);
        let stale: Vec<&render::Planned> = plan
            .iter()
            .zip(&fingerprints.files)
            .filter(|(planned, print)| self.fingerprints.get(&planned.path) != Some(print))
            .map(|(planned, _)| planned)
            .collect();
        let mut files = renderer.render(&stale).map_err(BuildError::Content)?;
        if self.fingerprints.get(SITEMAP) != Some(&fingerprints.sitemap) {
            files.push(renderer.sitemap(&plan).map_err(BuildError::Content)?);
        }
        let copies = build::static_copies(&chain.files, &site.static_files);

        let written = self.output.write(&files)? + self.output.copy(&copies)?;
        let mut keep: HashSet<&str> = plan.iter().map(|p| p.path.as_str()).collect();
        keep.insert(SITEMAP);
        keep.extend(copies.iter().map(|c| c.path.as_str()));
        keep.extend(render::OPEN_DATA_FILES);
        keep.extend(self.index_files.iter().map(String::as_str));
        let removed = self.output.retain(&keep)?;

        for (planned, print) in plan.iter().zip(&fingerprints.files) {
            self.fingerprints.insert(planned.path.clone(), *print);
        }
        self.fingerprints
            .insert(SITEMAP.to_string(), fingerprints.sitemap);
        self.fingerprints
            .retain(|path, _| keep.contains(path.as_str()));
        let pages_rendered = stale.iter().filter(|p| p.is_page).count();
        let rendered = files.len();
        let pages: Vec<(&String, &u64)> = plan
            .iter()
            .zip(&fingerprints.files)
            .filter(|(planned, _)| planned.is_page)
            .map(|(planned, print)| (&planned.path, print))
            .collect();
        let search = hash_of(&pages);
        self.unfinished = Some(Unfinished {
            site,
            open_data: fingerprints.open_data,
            search,
        });
        Ok(Rebuilt {
            pages: plan.iter().filter(|p| p.is_page).count(),
            pages_rendered,
            rendered,
            written,
            removed,
            read,
            elapsed: start.elapsed(),
            warnings: diagnostics.sorted(),
        })
    }

    /// Makes the files that the last good rebuild left for later because they are made from
    /// every document or page: the open data when any document changed, and the search index
    /// (unless the options leave it out) when any page changed. Returns how many files were
    /// written.
    pub fn finish(&mut self) -> Result<usize, BuildError> {
        let Some(unfinished) = self.unfinished.take() else {
            return Ok(0);
        };
        let mut written = 0;
        if self.open_data != Some(unfinished.open_data) {
            let files: Vec<OutputFile> = render::open_data(&unfinished.site);
            written += self.output.write(&files)?;
            self.open_data = Some(unfinished.open_data);
        }
        if self.options.search && self.search != Some(unfinished.search) {
            written += self.index()?;
            self.search = Some(unfinished.search);
        }
        Ok(written)
    }

    /// Indexes the pages on disk again and replaces the index's files.
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

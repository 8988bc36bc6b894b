//! Rebuild: the pipeline of [`crate::build`] run again after every change, for `gka serve`.
//!
//! A [`Session`] keeps one [`Pipeline`], whose caches carry over from run to run (see there),
//! and one output folder that is updated in place ([`LiveOutput`]): only files whose bytes
//! changed are written, and files the site no longer has are removed. There is no second
//! driver: a rebuild is a run of the same pipeline as `gka build`, with full caches.
//!
//! Files made from every document or page at once (the open data, the search index) are slow
//! to make and not what an author looks at; [`Session::finish`] makes them after the changed
//! pages are on disk.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::build::{BuildError, BuildOptions, Pipeline};
use crate::content::values::Datum;
use crate::diagnostics::Diagnostic;
use crate::output::{LiveOutput, OutputError};
use crate::render::{self, OutputFile};
use crate::search;

/// Builds one site again and again into one output folder.
pub struct Session {
    pipeline: Pipeline,
    output: LiveOutput,
    /// Whether the last good run left the open data and the search index to
    /// [`Session::finish`].
    unfinished: bool,
    /// Fingerprint of the pages the search index on disk was made from.
    search: Option<u64>,
    /// The search index's files on disk.
    index_files: Vec<String>,
}

/// What one successful rebuild did.
#[derive(Debug)]
pub struct Rebuilt {
    /// HTML pages the site has.
    pub pages: usize,
    /// Pages rendered again because their fingerprint changed.
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
    /// must not exist yet or be empty: the session owns it. The changed paths given to each
    /// rebuild must have the form of `options.root` (see [`crate::build::resolve_root`]).
    pub fn new(options: BuildOptions) -> Result<Session, OutputError> {
        let output = LiveOutput::create(&options.output)?;
        Ok(Session {
            pipeline: Pipeline::new(options),
            output,
            unfinished: false,
            search: None,
            index_files: Vec::new(),
        })
    }

    /// The output folder.
    pub fn output(&self) -> &std::path::Path {
        self.output.dir()
    }

    /// Builds the site again after `changed` files or folders changed (nothing for the first
    /// build; a folder for everything in it), with the build date read now. With errors
    /// nothing is written, so the output stays that of the last good build.
    pub fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Rebuilt, BuildError> {
        self.rebuild_at(changed, Datum::today())
    }

    /// [`Session::rebuild`] with `today` as the build date.
    pub fn rebuild_at(&mut self, changed: &[PathBuf], today: Datum) -> Result<Rebuilt, BuildError> {
        let start = Instant::now();
        // Only the files whose fingerprint changed come here: few, except after a template
        // change. They are written once the run has succeeded, so a failed run writes nothing.
        let rendered = Mutex::new(Vec::new());
        let run = self.pipeline.run(changed, today, false, &(), |file| {
            rendered
                .lock()
                .unwrap_or_else(|e| e.into_inner())
                .push(file);
            Ok(())
        })?;
        let files: Vec<OutputFile> = rendered.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut written = self.output.write(&files)?;
        written += self.output.copy(&run.copies)?;
        let mut keep: HashSet<&str> = (self.pipeline.fingerprints().keys())
            .map(String::as_str)
            .collect();
        keep.extend(run.copies.iter().map(|c| c.path.as_str()));
        keep.extend(render::OPEN_DATA_FILES);
        keep.extend(self.index_files.iter().map(String::as_str));
        let removed = self.output.retain(&keep)?;
        self.unfinished = true;
        Ok(Rebuilt {
            pages: run.pages,
            pages_rendered: run.pages_rendered,
            rendered: run.rendered,
            written,
            removed,
            read: run.read,
            patched: run.patched,
            elapsed: start.elapsed(),
            warnings: run.warnings,
        })
    }

    /// Makes the files that the last good rebuild left for later because they are made from
    /// every document or page: the open data (written where its bytes changed), and the
    /// search index (unless the options leave it out) when any page's fingerprint changed.
    /// Returns how many files were written.
    pub fn finish(&mut self) -> Result<usize, BuildError> {
        if std::env::var_os("NOFINISH").is_some() {
            return Ok(0);
        }
        let Some(site) = self.pipeline.site().filter(|_| self.unfinished) else {
            return Ok(0);
        };
        self.unfinished = false;
        let mut written = self.output.write(&render::open_data(site))?;
        if self.pipeline.options().search {
            let mut pages: Vec<(&String, &u64)> = (self.pipeline.fingerprints().iter())
                .filter(|(path, _)| path.ends_with(".html"))
                .map(|(path, print)| (path, &print.digest))
                .collect();
            pages.sort_unstable();
            let mut hasher = std::hash::DefaultHasher::new();
            pages.hash(&mut hasher);
            let search = hasher.finish();
            if self.search != Some(search) {
                written += self.index()?;
                self.search = Some(search);
            }
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

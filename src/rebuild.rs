//! Rebuild: the pipeline of [`crate::build`] run again after every change, for `gka serve`.
//!
//! A [`Session`] keeps one [`Pipeline`], whose caches carry over from run to run (see there),
//! and one output folder that is updated in place ([`LiveOutput`]): only files whose bytes
//! changed are written, and files the site no longer has are removed. There is no second
//! driver: a rebuild is a run of the same pipeline as `gka build`, with full caches.
//!
//! Files made from every document or page at once (the open data, the search index) are slow
//! to make and not what an author looks at; [`Session::finish`] makes them after the changed
//! pages are on disk. After [`Session::finish_in_background`] a thread of the session's own
//! makes them instead, from a snapshot of the last good run, while the caller goes on with the
//! next rebuild; a newer snapshot supersedes the one being worked on.

use std::collections::HashSet;
use std::hash::{Hash, Hasher};
use std::path::PathBuf;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

use crate::build::{BuildError, BuildOptions, Pipeline};
use crate::content::values::Datum;
use crate::diagnostics::Diagnostic;
use crate::output::{LiveOutput, OutputError};
use crate::render::{self, OutputFile};
use crate::search;
use crate::site::Site;

/// Builds one site again and again into one output folder.
pub struct Session {
    pipeline: Pipeline,
    /// The pages, the other rendered files and the static files.
    output: LiveOutput,
    /// Whether the last good run left the open data and the search index to
    /// [`Session::finish`].
    unfinished: bool,
    /// Makes the open data and the search index when [`Session::finish`] is called; `None`
    /// once a background thread has it.
    finisher: Option<Finisher>,
    /// What the session shares with the background thread.
    shared: Arc<Shared>,
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

/// What making the open data and the search index did.
#[derive(Debug, Default)]
pub struct Finished {
    /// Files written because their bytes changed.
    pub written: usize,
    /// How long making the search index took, when it was made again and put in place.
    pub indexed: Option<Duration>,
}

/// What the open data and the search index are made from: a snapshot of a good run, taken
/// on the thread that rebuilds, so that the next rebuild may change the model meanwhile.
struct Later {
    /// The model, for the open data. A clone shares the documents and their bodies.
    site: Site,
    /// A fingerprint of the pages, for the search index; `None` without search.
    pages: Option<u64>,
    /// [`Shared::runs`] when it was taken.
    run: u64,
    /// [`Shared::changes`] when it was taken.
    changes: u64,
}

/// What a session shares with the thread that makes its open data and search index.
///
/// How a snapshot is superseded: the open data is made from the snapshot's model alone, so it
/// is only left unwritten when a newer good run exists (whose own snapshot follows). The index
/// is made from the pages on disk, which the next rebuild may rewrite while Pagefind reads
/// them. Rather than copy 10 000 pages first, an index is written only when no rebuild changed
/// the output since the snapshot, and is otherwise dropped: the rebuild that changed it leaves
/// a newer snapshot, whose index follows. Pagefind cannot stop while it reads the pages or
/// while it makes the index's files, so an index out of date is dropped after one of the two.
#[derive(Default)]
struct Shared {
    /// Good rebuilds so far.
    runs: AtomicU64,
    /// Rebuilds that changed files in the output, counted before they change any.
    changes: AtomicU64,
    /// Held while the open data or the index is written; `true` once the session is dropped,
    /// after which nothing is written (its output folder may be on its way out).
    closed: Mutex<bool>,
    /// The newest snapshot the background thread has not started on; a newer one replaces it.
    next: Mutex<Option<Later>>,
    /// Wakes the background thread for `next` or to stop.
    wake: Condvar,
}

/// A lock whose holder panicked is still good: the data behind it stays consistent.
fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(|e| e.into_inner())
}

impl Session {
    /// A session that builds the site of `options` into `options.output`, a folder that
    /// must not exist yet or be empty: the session owns it. The changed paths given to each
    /// rebuild must have the form of `options.root` (see [`crate::build::resolve_root`]).
    pub fn new(options: BuildOptions) -> Result<Session, OutputError> {
        let output = LiveOutput::create(&options.output)?;
        let shared = Arc::new(Shared::default());
        let finisher = Finisher {
            output: output.other_files(),
            indexed: None,
            index_files: Vec::new(),
            shared: Arc::clone(&shared),
        };
        Ok(Session {
            pipeline: Pipeline::new(options),
            output,
            unfinished: false,
            finisher: Some(finisher),
            shared,
        })
    }

    /// The output folder.
    pub fn output(&self) -> &std::path::Path {
        self.output.dir()
    }

    /// The folders of a national site's sources (`map`), whose changes change the site.
    pub fn source_folders(&self) -> impl Iterator<Item = &std::path::Path> {
        self.pipeline.source_folders()
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
            lock(&rendered).push(file);
            Ok(())
        })?;
        let files: Vec<OutputFile> = rendered.into_inner().unwrap_or_else(|e| e.into_inner());
        let mut keep: HashSet<&str> = (self.pipeline.fingerprints().keys())
            .map(String::as_str)
            .collect();
        keep.extend(run.copies.iter().map(|c| c.path.as_str()));
        let gone = self.output.stale(&keep);
        // Counted before anything changes, so that an index made meanwhile is dropped.
        if !files.is_empty() || !gone.is_empty() {
            self.shared.changes.fetch_add(1, Ordering::SeqCst);
        }
        let mut written = self.output.write(&files)?;
        written += self.output.copy(&run.copies)?;
        let removed = self.output.remove(&gone)?;
        self.shared.runs.fetch_add(1, Ordering::SeqCst);
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
    /// Returns what it did, or `None` when it handed the work to the background thread (see
    /// [`Session::finish_in_background`]), which reports it.
    pub fn finish(&mut self) -> Result<Option<Finished>, BuildError> {
        let Some(later) = self.later() else {
            return Ok(Some(Finished::default()));
        };
        match &mut self.finisher {
            Some(finisher) => finisher.finish(later).map(Some),
            None => {
                *lock(&self.shared.next) = Some(later);
                self.shared.wake.notify_one();
                Ok(None)
            }
        }
    }

    /// From now on [`Session::finish`] hands the open data and the search index to a thread of
    /// the session's own and returns at once; the next rebuild need not wait for them. The
    /// thread calls `report` with what each snapshot it finished did, but not for snapshots
    /// superseded before it started on them. Dropping the session stops the thread; an index
    /// it is making then is not written.
    pub fn finish_in_background(
        &mut self,
        report: impl Fn(Result<Finished, BuildError>) + Send + 'static,
    ) {
        let Some(mut finisher) = self.finisher.take() else {
            return;
        };
        let shared = Arc::clone(&self.shared);
        std::thread::Builder::new()
            .name("gka-finish".into())
            .spawn(move || {
                while let Some(later) = shared.take_next() {
                    let result = finisher.finish(later);
                    if !*lock(&shared.closed) {
                        report(result);
                    }
                }
            })
            .expect("the system starts a thread");
    }

    /// A snapshot of the last good run, when it left the open data and the index for later.
    fn later(&mut self) -> Option<Later> {
        let site = self.pipeline.site().filter(|_| self.unfinished)?.clone();
        self.unfinished = false;
        let pages = self.pipeline.options().search.then(|| {
            let mut pages: Vec<(&String, &u64)> = (self.pipeline.fingerprints().iter())
                .filter(|(path, _)| path.ends_with(".html"))
                .map(|(path, print)| (path, &print.digest))
                .collect();
            pages.sort_unstable();
            let mut hasher = std::hash::DefaultHasher::new();
            pages.hash(&mut hasher);
            hasher.finish()
        });
        Some(Later {
            site,
            pages,
            run: self.shared.runs.load(Ordering::SeqCst),
            changes: self.shared.changes.load(Ordering::SeqCst),
        })
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        *lock(&self.shared.closed) = true;
        let _next = lock(&self.shared.next);
        self.shared.wake.notify_all();
    }
}

impl Shared {
    /// Waits for the next snapshot to work on; `None` once the session is dropped.
    fn take_next(&self) -> Option<Later> {
        let mut next = lock(&self.next);
        loop {
            if *lock(&self.closed) {
                return None;
            }
            if let Some(later) = next.take() {
                return Some(later);
            }
            next = self.wake.wait(next).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// The lock to hold while writing: `None` when the session is gone.
    fn writing(&self) -> Option<MutexGuard<'_, bool>> {
        Some(lock(&self.closed)).filter(|closed| !**closed)
    }
}

/// Makes the open data and the search index, and knows which of their files are on disk.
struct Finisher {
    /// The open data and the index; the session's own [`LiveOutput`] has the rest.
    output: LiveOutput,
    /// A fingerprint of the pages the index on disk was made from.
    indexed: Option<u64>,
    /// The index's files on disk.
    index_files: Vec<String>,
    shared: Arc<Shared>,
}

impl Finisher {
    /// Makes what `later` needs, unless a newer good run superseded it (see [`Shared`]).
    fn finish(&mut self, later: Later) -> Result<Finished, BuildError> {
        let Later {
            site,
            pages,
            run,
            changes,
        } = later;
        let shared = Arc::clone(&self.shared);
        let newest_run = || shared.runs.load(Ordering::SeqCst) == run;
        let same_pages = || shared.changes.load(Ordering::SeqCst) == changes;
        let mut finished = Finished::default();
        if newest_run() {
            let files = render::open_data(&site);
            if let Some(_writing) = shared.writing().filter(|_| newest_run()) {
                finished.written += self.output.write(&files)?;
            }
        }
        drop(site);
        let Some(pages) = pages.filter(|pages| self.indexed != Some(*pages)) else {
            return Ok(finished);
        };
        if !same_pages() {
            return Ok(finished);
        }
        let start = Instant::now();
        let index = search::index_unless(self.output.dir(), &|| !same_pages());
        // Read while the pages changed, it is dropped, even when it failed.
        if let Some(_writing) = shared.writing().filter(|_| same_pages())
            && let Some(index) = index?
        {
            finished.written += self.replace_index(index)?;
            self.indexed = Some(pages);
            finished.indexed = Some(start.elapsed());
        }
        Ok(finished)
    }

    /// Puts a new index in place of the old one so that a browser never loads a mix of the two:
    /// first the new files (the old index does not name them), then the entry files and the
    /// list of parts that name them, and only then are the old files no longer named removed.
    fn replace_index(&mut self, index: Vec<OutputFile>) -> Result<usize, OutputError> {
        let (entry, files): (Vec<OutputFile>, Vec<OutputFile>) = index
            .into_iter()
            .partition(|file| search::is_entry(&file.path));
        let written = self.output.write(&files)? + self.output.write(&entry)?;
        let new: HashSet<&str> = (files.iter().chain(&entry))
            .map(|file| file.path.as_str())
            .collect();
        let gone: Vec<String> = (self.index_files.iter())
            .filter(|path| !new.contains(path.as_str()))
            .cloned()
            .collect();
        self.output.remove(&gone)?;
        self.index_files = new.into_iter().map(String::from).collect();
        Ok(written)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(output: PathBuf) -> Session {
        Session::new(BuildOptions {
            root: PathBuf::from(env!("CARGO_MANIFEST_DIR")),
            output,
            base_url: None,
            drafts: false,
            search: true,
        })
        .unwrap()
    }

    #[test]
    fn superseded_snapshots_write_nothing() {
        let out = tempfile::tempdir().unwrap();
        let site = out.path().join("site");
        let mut session = example(site.clone());
        session.rebuild(&[]).unwrap();
        let later = session.later().unwrap();
        // As a rebuild on another thread would while the snapshot is worked on: a good run
        // that changed pages.
        session.shared.changes.fetch_add(1, Ordering::SeqCst);
        session.shared.runs.fetch_add(1, Ordering::SeqCst);
        let finisher = session.finisher.as_mut().unwrap();
        let finished = finisher.finish(later).unwrap();
        assert_eq!((finished.written, finished.indexed), (0, None));
        assert!(!site.join("data").exists() && !site.join("pagefind").exists());

        // A good run that changed no page supersedes the open data, not the index.
        session.unfinished = true;
        let later = session.later().unwrap();
        session.shared.runs.fetch_add(1, Ordering::SeqCst);
        let finisher = session.finisher.as_mut().unwrap();
        let finished = finisher.finish(later).unwrap();
        assert!(finished.indexed.is_some());
        assert!(!site.join("data").exists());
        assert!(site.join(search::ENTRY).is_file());
    }
}

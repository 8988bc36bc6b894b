//! Rebuild: the pipeline of [`crate::build`] run again after every change, for `gka serve`.
//!
//! A [`Session`] keeps what each stage made for the next run: the loaded documents
//! ([`LoadCache`]), their rendered Markdown ([`MarkdownCache`]), a fingerprint of the inputs of
//! every output file ([`crate::render::Fingerprints`]) and the output folder itself
//! ([`LiveOutput`]). A rebuild re-reads only the files that changed, validates the whole model
//! again (cheap next to reading and rendering, and it keeps every cross-reference check), renders
//! only the files whose inputs changed and writes only the files whose bytes changed.
//!
//! Files made from every document at once (the open data) are slow to make and not what an
//! author looks at; [`Session::finish`] makes them after the changed pages are on disk.

use std::collections::HashMap;
use std::collections::HashSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::build::{self, BuildError, BuildOptions};
use crate::content::LoadCache;
use crate::diagnostics::Diagnostic;
use crate::output::{LiveOutput, OutputError};
use crate::render::{self, OutputFile, Renderer, templates::Theme};
use crate::site::{MarkdownCache, Site};

/// Builds one site again and again into one output folder.
pub struct Session {
    options: BuildOptions,
    loads: LoadCache,
    markdown: MarkdownCache,
    output: LiveOutput,
    /// Output path → fingerprint of the inputs it was last written from.
    fingerprints: HashMap<String, u64>,
    /// The site of the last good build, until [`Session::finish`] has made its open data.
    unfinished: Option<(Site, u64)>,
    /// Fingerprint of the inputs of the open data on disk.
    open_data: Option<u64>,
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
        let (site, chain, mut diagnostics) =
            build::load_site_with(options, &mut self.loads, &mut self.markdown, changed);
        let read = self.loads.read_last();
        // Templates are few and small: they are compiled again on every run, and the files
        // that use them render again only when their text changed (see render::inputs).
        let theme = chain
            .as_ref()
            .map(|chain| Theme::load(&options.root, chain));
        let (site, chain, mut theme) = match (site, chain, theme) {
            (Some(site), Some(chain), Some(Ok(theme))) if !diagnostics.has_errors() => {
                (site, chain, theme)
            }
            (_, _, Some(Err(found))) => {
                diagnostics.extend(found);
                return Err(BuildError::Content(diagnostics.sorted()));
            }
            _ => return Err(BuildError::Content(diagnostics.sorted())),
        };

        let renderer = Renderer::new(&site, &mut theme);
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
        self.unfinished = Some((site, fingerprints.open_data));
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
    /// every document: the open data, when any document changed. (A search index of the
    /// rendered pages belongs here too.) Returns how many files were written.
    pub fn finish(&mut self) -> Result<usize, OutputError> {
        let Some((site, print)) = self.unfinished.take() else {
            return Ok(0);
        };
        if self.open_data == Some(print) {
            return Ok(0);
        }
        let files: Vec<OutputFile> = render::open_data(&site);
        let written = self.output.write(&files)?;
        self.open_data = Some(print);
        Ok(written)
    }
}

/// The sitemap's path in the output folder.
const SITEMAP: &str = "sitemap.xml";

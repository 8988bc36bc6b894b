//! The pipeline, start to end: load → model (validate) → render → write.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::content::{self, LoadCache, StaticFile};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{self, OutputError};
use crate::render::{
    self, OutputFile, Renderer,
    templates::{Theme, ThemeChain},
};
use crate::search;
use crate::site::{MarkdownCache, ModelOptions, Site};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder, holding `content/` and `themes/`; see [`resolve_root`].
    pub root: PathBuf,
    /// Where to write the site.
    pub output: PathBuf,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
    /// Build the `/zoeken/` page and the search index under `/pagefind/`.
    pub search: bool,
}

/// The site folder `root` as an absolute path with symbolic links resolved, the form file
/// watchers report paths in, so that every path the pipeline meets compares with the root's
/// (`gka serve` matches the watcher's paths against `content/`). On Windows it has no `\\?\`
/// prefix, which would show in messages. `root` as given when it cannot be resolved, so that a
/// missing folder is reported as it was typed.
pub fn resolve_root(root: &Path) -> PathBuf {
    dunce::canonicalize(root).unwrap_or_else(|_| root.to_path_buf())
}

/// The stages of a build, for a progress indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading and checking the content and the theme.
    Loading,
    /// Rendering the pages and other files.
    Rendering,
    /// Writing the open data and copying the static files.
    Writing,
    /// Making the search index from the written pages.
    Indexing,
}

impl Stage {
    /// What the stage does, for people.
    pub fn label(self) -> &'static str {
        match self {
            Stage::Loading => "Reading content",
            Stage::Rendering => "Rendering",
            Stage::Writing => "Writing open data and static files",
            Stage::Indexing => "Making the search index",
        }
    }
}

/// Told how far a build is. The command line shows it on a terminal; `()` ignores it.
pub trait Progress: Sync {
    /// `stage` starts; it has `steps` steps when that is known beforehand.
    fn stage(&self, stage: Stage, steps: Option<usize>);
    /// One step of the current stage is done.
    fn step(&self);
}

impl Progress for () {
    fn stage(&self, _: Stage, _: Option<usize>) {}
    fn step(&self) {}
}

/// What a successful build did.
#[derive(Debug)]
pub struct BuildReport {
    /// HTML pages written.
    pub pages: usize,
    /// All files written, pages included.
    pub files: usize,
    /// Wall time.
    pub elapsed: Duration,
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content or templates have errors; every diagnostic of the run, sorted.
    #[error("the site has errors")]
    Content(Vec<Diagnostic>),
    /// The site folder does not exist.
    #[error("the site folder {0} does not exist; pass the folder that holds content/ with --root")]
    NoRoot(PathBuf),
    /// The output could not be written.
    #[error(transparent)]
    Output(#[from] OutputError),
    /// Pagefind could not build the search index.
    #[error(transparent)]
    Search(#[from] search::SearchError),
}

/// Loads and validates the site and resolves its theme chain: the shared first half of every
/// command. The theme is resolved before the model is built, because links in the content may
/// point at the theme's static files (a logo, a stylesheet).
pub fn load_site(options: &BuildOptions) -> (Option<Site>, Option<ThemeChain>, Diagnostics) {
    load_site_with(
        options,
        &mut LoadCache::default(),
        &mut MarkdownCache::default(),
        &[],
    )
}

/// [`load_site`] taking unchanged documents and their rendered Markdown from the caches of
/// earlier runs; `changed` names the files (or folders) changed since then.
pub fn load_site_with(
    options: &BuildOptions,
    loads: &mut LoadCache,
    markdown: &mut MarkdownCache,
    changed: &[PathBuf],
) -> (Option<Site>, Option<ThemeChain>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let loaded = content::load_with(&options.root, loads, changed, &mut diagnostics);
    let chain = loaded.config.as_ref().and_then(|(config, _)| {
        ThemeChain::resolve(&options.root, &config.thema)
            .map_err(|found| diagnostics.extend(found))
            .ok()
    });
    let model_options = ModelOptions {
        base_url: options.base_url.clone(),
        drafts: options.drafts,
        theme_files: chain.as_ref().map(|c| c.files.clone()).unwrap_or_default(),
        today: crate::content::values::Datum::today(),
    };
    let site = Site::build_with(loaded, &model_options, markdown, &mut diagnostics);
    (site, chain, diagnostics)
}

/// A site without errors, with its theme: what rendering needs.
pub struct Ready {
    /// The model.
    pub site: Site,
    /// The theme chain, for its static files.
    pub chain: ThemeChain,
    /// The compiled templates.
    pub theme: Theme,
    /// The warnings found on the way.
    pub diagnostics: Diagnostics,
}

/// Compiles the theme of a loaded site (see [`load_site`]) and returns it all when neither
/// the site nor the theme has errors; otherwise every diagnostic found.
pub fn ready(
    root: &Path,
    (site, chain, mut diagnostics): (Option<Site>, Option<ThemeChain>, Diagnostics),
) -> Result<Ready, BuildError> {
    let theme = chain.as_ref().map(|chain| Theme::load(root, chain));
    match (site, chain, theme) {
        (Some(site), Some(chain), Some(Ok(theme))) if !diagnostics.has_errors() => Ok(Ready {
            site,
            chain,
            theme,
            diagnostics,
        }),
        (_, _, Some(Err(found))) => {
            diagnostics.extend(found);
            Err(BuildError::Content(diagnostics.sorted()))
        }
        _ => Err(BuildError::Content(diagnostics.sorted())),
    }
}

fn load_ready(options: &BuildOptions, progress: &dyn Progress) -> Result<Ready, BuildError> {
    if !options.root.is_dir() {
        return Err(BuildError::NoRoot(options.root.clone()));
    }
    progress.stage(Stage::Loading, None);
    ready(&options.root, load_site(options))
}

/// What [`render_files`] rendered.
struct Rendered {
    pages: usize,
    files: usize,
}

/// Renders every page and generated file but the open data and the index, in parallel, and
/// hands each to `sink` as soon as it is rendered: the part `check` and `build` share. Fails
/// with every template error, and with `strict` also with the site's warnings.
fn render_files(
    ready: &mut Ready,
    search: bool,
    strict: bool,
    progress: &dyn Progress,
    sink: impl Fn(OutputFile) -> Result<(), OutputError> + Sync,
) -> Result<Rendered, BuildError> {
    let renderer = Renderer::new(&ready.site, &mut ready.theme, search);
    let plan = renderer.plan();
    progress.stage(Stage::Rendering, Some(plan.len() + 1));
    let sink = |file| {
        let written = sink(file);
        progress.step();
        written
    };
    let mut errors = Vec::new();
    match renderer.render_each(&plan.iter().collect::<Vec<_>>(), sink) {
        Ok(written) => written.into_iter().collect::<Result<(), _>>()?,
        Err(found) => errors.extend(found),
    }
    // The sitemap lists the pages of the plan, so it comes last.
    match renderer.sitemap(&plan) {
        Ok(file) => sink(file)?,
        Err(found) => errors.extend(found),
    }
    if !errors.is_empty() || (strict && !ready.diagnostics.is_empty()) {
        ready.diagnostics.extend(errors);
        return Err(BuildError::Content(
            std::mem::take(&mut ready.diagnostics).sorted(),
        ));
    }
    Ok(Rendered {
        pages: plan.iter().filter(|p| p.is_page).count(),
        files: plan.len() + 1,
    })
}

/// What a successful check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages the site would have.
    pub pages: usize,
    /// Problems that do not stop a build.
    pub warnings: Vec<Diagnostic>,
}

/// Checks the site as `build` would, without writing anything. With `strict`, warnings fail
/// the check too.
pub fn check(options: &BuildOptions, strict: bool) -> Result<CheckReport, BuildError> {
    check_with(options, strict, &())
}

/// [`check`], telling `progress` how far it is.
pub fn check_with(
    options: &BuildOptions,
    strict: bool,
    progress: &dyn Progress,
) -> Result<CheckReport, BuildError> {
    let mut ready = load_ready(options, progress)?;
    let rendered = render_files(&mut ready, options.search, strict, progress, |_| Ok(()))?;
    Ok(CheckReport {
        pages: rendered.pages,
        warnings: ready.diagnostics.sorted(),
    })
}

/// Builds the site. Every file is written into a new folder as soon as it is made, and the
/// folder replaces the output only when every stage succeeded; otherwise the previous output
/// stays as it was. With `strict`, warnings fail the build too.
pub fn build(options: &BuildOptions, strict: bool) -> Result<BuildReport, BuildError> {
    build_with(options, strict, &())
}

/// [`build`], telling `progress` how far it is.
pub fn build_with(
    options: &BuildOptions,
    strict: bool,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    if options.root.is_dir() {
        output::check_output(&options.root, &options.output)?;
    }
    let mut ready = load_ready(options, progress)?;
    let staging = output::Staging::new(&options.output)?;
    let rendered = render_files(&mut ready, options.search, strict, progress, |file| {
        staging.write(&file)
    })?;
    progress.stage(Stage::Writing, None);
    render::write_open_data(&ready.site, |path, write| staging.write_with(path, write))?;
    let copies = static_copies(&ready.chain.files, &ready.site.static_files);
    staging.copy(&copies)?;
    let mut files = rendered.files + render::OPEN_DATA_FILES.len() + copies.len();
    let warnings = std::mem::take(&mut ready.diagnostics).sorted();
    // The index is made from the written pages; the model is not needed any more, and the
    // index is the largest thing a build holds.
    drop(ready);
    if options.search {
        progress.stage(Stage::Indexing, None);
        let index = search::index(staging.dir())?;
        for file in &index {
            staging.write(file)?;
        }
        files += index.len();
    }
    staging.publish()?;
    Ok(BuildReport {
        pages: rendered.pages,
        files,
        elapsed: start.elapsed(),
        warnings,
    })
}

/// Checks one Markdown document on its own, as the loader and renderer would: front-matter
/// splitting, YAML, the content type's keys and the Markdown body. Links to other pages are
/// not resolved. For fuzzing and tests: it must never panic, whatever the bytes.
pub fn check_document(content_path: &str, bytes: &[u8]) -> Vec<Diagnostic> {
    let file = content::content_file(content_path);
    let text = match content::decode(&file, bytes.to_vec()) {
        Ok(text) => text,
        Err(diagnostic) => return vec![diagnostic],
    };
    match content::parse_markdown(file, content_path, &text) {
        Ok(item) => {
            let mut found = Vec::new();
            let source = item.source();
            crate::render::markdown::render(source, "/", &Default::default(), &mut found);
            found
        }
        Err(found) => found,
    }
}

/// The files to publish under `static/`: the theme chain's, then `content/static/`'s, which
/// win over the theme's files of the same path (the chain already let a child theme's files
/// win over its parents').
pub(crate) fn static_copies(theme: &[StaticFile], content: &[StaticFile]) -> Vec<output::Copy> {
    let mut copies: BTreeMap<&str, &StaticFile> = BTreeMap::new();
    for file in theme.iter().chain(content) {
        copies.insert(&file.path, file);
    }
    copies
        .into_values()
        .map(|file| output::Copy {
            source: file.source.clone(),
            path: format!("static/{}", file.path),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    fn file(path: &str, source: &str) -> StaticFile {
        StaticFile {
            path: path.into(),
            source: source.into(),
            size: 1,
        }
    }

    #[test]
    fn content_static_files_win_over_the_theme() {
        let copies = static_copies(
            &[
                file("css/gka.css", "theme/gka.css"),
                file("logo.svg", "theme/logo.svg"),
            ],
            &[file("logo.svg", "content/logo.svg")],
        );
        let pairs: Vec<(&str, &Path)> = copies
            .iter()
            .map(|c| (c.path.as_str(), c.source.as_path()))
            .collect();
        assert_eq!(
            pairs,
            [
                ("static/css/gka.css", Path::new("theme/gka.css")),
                ("static/logo.svg", Path::new("content/logo.svg")),
            ]
        );
    }
}

//! The pipeline, start to end: load → model (validate) → render → write, and the commands
//! that run it: [`build`], [`check`], and, through [`crate::rebuild`], `gka serve`.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::content::front_matter::LineMap;
use crate::content::site_config::SiteConfig;
use crate::content::values::Datum;
use crate::content::{self, LoadCache, StaticFile};
use crate::diagnostics::{Code, Diagnostic, Diagnostics};
use crate::images::{ProbeCache, encode};
use crate::open_data::OpenData;
use crate::output::{self, OutputError};
use crate::render::{self, CardPrints, Earlier, Fingerprint, OutputFile, Renderer};
use crate::routes::{self, Claimant};
use crate::search;
use crate::site::{MarkdownCache, ModelOptions, Site};
use crate::sources::{CopyChecks, Gemeente, Place, read_copies};
use crate::theme::{Theme, ThemeChain};
use rayon::prelude::*;

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
    pub fn label(self) -> String {
        match self {
            Stage::Loading => t!("stap-lezen"),
            Stage::Rendering => t!("stap-maken"),
            Stage::Writing => t!("stap-schrijven"),
            Stage::Indexing => t!("stap-zoekindex"),
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
    /// Files made from photos now, and taken from the disk cache.
    pub images: (usize, usize),
    /// Problems that did not stop the build.
    pub warnings: Vec<Diagnostic>,
    /// A national site's gemeenten: how many are on the site, of how many it lists.
    pub gemeenten: Option<(usize, usize)>,
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// The content or templates have errors; every diagnostic of the run, sorted.
    #[error("{}", t!("site-heeft-fouten"))]
    Content(Vec<Diagnostic>),
    /// The site folder does not exist.
    #[error("{}", t!("site-map-ontbreekt", folder = .0.display()))]
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
        &ProbeCache::default(),
        &mut SourceCache::default(),
        &[],
        Datum::today(),
    )
}

/// [`load_site`] taking unchanged documents, their rendered Markdown, the photos' headers and
/// what a national site read of its sources from the caches of earlier runs; `changed` names
/// the files (or folders) changed since then; `today` is the build date.
pub fn load_site_with(
    options: &BuildOptions,
    loads: &mut LoadCache,
    markdown: &mut MarkdownCache,
    probes: &ProbeCache,
    sources: &mut SourceCache,
    changed: &[PathBuf],
    today: Datum,
) -> (Option<Site>, Option<ThemeChain>, Diagnostics) {
    let national = |config: &SiteConfig, lines: LineMap, diagnostics: &mut Diagnostics| {
        if config.bronnen.is_none() {
            sources.sites.clear();
            return Vec::new();
        }
        gemeenten(options, config, lines, sources, changed, today, diagnostics)
    };
    load_model(options, loads, markdown, probes, changed, today, national)
}

/// Loads and validates the site at `options.root`, with the gemeenten `national` finds for it
/// (see [`gemeenten`]).
fn load_model(
    options: &BuildOptions,
    loads: &mut LoadCache,
    markdown: &mut MarkdownCache,
    probes: &ProbeCache,
    changed: &[PathBuf],
    today: Datum,
    national: impl FnOnce(&SiteConfig, LineMap, &mut Diagnostics) -> Vec<Gemeente>,
) -> (Option<Site>, Option<ThemeChain>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let loaded = content::load_with(&options.root, loads, changed, &mut diagnostics);
    let chain = loaded.config.as_ref().and_then(|(config, lines)| {
        let named = &config.thema;
        match ThemeChain::resolve(&options.root, &named.value, lines.of(named)) {
            Ok(mut chain) => {
                diagnostics.extend(std::mem::take(&mut chain.warnings));
                Some(chain)
            }
            Err(found) => {
                diagnostics.extend(found);
                None
            }
        }
    });
    let gemeenten = match &loaded.config {
        Some((config, lines)) => national(config, *lines, &mut diagnostics),
        None => Vec::new(),
    };
    let bronnen = (loaded.config.as_ref())
        .and_then(|(config, _)| config.bronnen.as_ref())
        .map_or(0, Vec::len);
    let theme_files = chain
        .as_ref()
        .map(|c| c.files.as_slice())
        .unwrap_or_default();
    // content/static/ wins over the theme's file of the same path.
    let photos = probes.photos(
        theme_files.iter().chain(&loaded.static_files),
        routes::static_file,
        changed,
    );
    let model_options = ModelOptions {
        base_url: options.base_url.clone(),
        drafts: options.drafts,
        theme_files: chain.as_ref().map(|c| c.files.clone()).unwrap_or_default(),
        template_ids: chain
            .as_ref()
            .map(|c| c.template_ids(&options.root))
            .unwrap_or_default(),
        today,
        photos: Arc::new(photos),
        gemeenten,
        bronnen,
    };
    let site = Site::build_with(loaded, &model_options, markdown, &mut diagnostics);
    (site, chain, diagnostics)
}

/// What a national site read of its sources, kept between the runs of a [`Pipeline`] so that
/// `gka serve` reads again only the sources that changed: each copy's open data by its file's
/// size and time ([`CopyChecks`]), and the site in each source folder (`map`) with the caches
/// of its own load, loaded again only when a file in that folder changed.
#[derive(Default)]
pub struct SourceCache {
    copies: CopyChecks,
    /// Source folder (resolved, as the watcher reports it) → its site.
    sites: HashMap<PathBuf, LocalSite>,
}

/// The site in a national site's source folder, as the last run loaded it.
#[derive(Default)]
struct LocalSite {
    loads: LoadCache,
    markdown: MarkdownCache,
    probes: ProbeCache,
    /// Its open data, or how many errors it has; `None` before its first load.
    loaded: Option<Result<Arc<OpenData<'static>>, usize>>,
}

impl SourceCache {
    /// The source folders (`map`) of the last run, for `gka serve` to watch: a change in one
    /// of them changes the national site.
    pub fn folders(&self) -> impl Iterator<Item = &Path> {
        self.sites.keys().map(PathBuf::as_path)
    }
}

impl LocalSite {
    /// Loads the site in `folder` as `gka check` does, without following its own sources,
    /// when it was not loaded yet or a file in it `changed`; its open data, or how many
    /// errors it has.
    fn load(
        &mut self,
        folder: &Path,
        changed: &[PathBuf],
        today: Datum,
    ) -> Result<Arc<OpenData<'static>>, usize> {
        let inside: Vec<PathBuf> = (changed.iter())
            .filter(|c| c.starts_with(folder) || folder.starts_with(c))
            .cloned()
            .collect();
        if let Some(loaded) = self.loaded.as_ref().filter(|_| inside.is_empty()) {
            return loaded.clone();
        }
        let options = BuildOptions {
            root: folder.to_path_buf(),
            output: PathBuf::new(),
            base_url: None,
            drafts: false,
            search: false,
        };
        let (site, _, problems) = load_model(
            &options,
            &mut self.loads,
            &mut self.markdown,
            &self.probes,
            &inside,
            today,
            |_, _, _| Vec::new(),
        );
        let loaded = match site.filter(|_| !problems.has_errors()) {
            Some(site) => {
                let json = serde_json::to_vec(&render::open_data::of(&site))
                    .expect("open data serializes");
                Ok(Arc::new(
                    OpenData::from_json(&json).expect("open data reads back"),
                ))
            }
            None => Err(problems.counts().0),
        };
        self.loaded = Some(loaded.clone());
        loaded
    }
}

/// A national site's gemeenten, in the order of its `site.yaml`: the copies `gka bronnen`
/// fetched, and the site in each folder (`map`), loaded as `gka check` loads it and turned into
/// the open data it would publish, the form a copy arrives in. A gemeente whose copy or site
/// is not usable is left out with a warning; mistakes in the list itself are errors. The
/// sources of a gemeente's own site are not followed.
fn gemeenten(
    options: &BuildOptions,
    config: &SiteConfig,
    lines: LineMap,
    cache: &mut SourceCache,
    changed: &[PathBuf],
    today: Datum,
    diagnostics: &mut Diagnostics,
) -> Vec<Gemeente> {
    let sources = match crate::sources::sources(&options.root, config, lines) {
        Ok(sources) => sources,
        Err(found) => {
            diagnostics.extend(found);
            return Vec::new();
        }
    };
    let (mut found, warnings) = read_copies(&options.root, &sources, &cache.copies, changed);
    diagnostics.extend(warnings);
    // Each folder's site with its own caches, loaded side by side; folders no longer listed
    // are forgotten.
    let mut sites = std::mem::take(&mut cache.sites);
    let local: Vec<(usize, PathBuf, LocalSite)> = (sources.iter().enumerate())
        .filter_map(|(index, source)| match &source.place {
            Place::Local(folder) => {
                let folder = resolve_root(&options.root.join(folder));
                let site = sites.remove(&folder).unwrap_or_default();
                Some((index, folder, site))
            }
            Place::Remote(_) => None,
        })
        .collect();
    let loaded: Vec<_> = (local.into_par_iter())
        .map(|(index, folder, mut site)| {
            let result = site.load(&folder, changed, today);
            (index, folder, site, result)
        })
        .collect();
    for (index, folder, site, result) in loaded {
        let source = &sources[index];
        match result {
            Ok(data) => found.push((index, source.gemeente(data))),
            Err(errors) => diagnostics.push(source.site_with_errors(errors)),
        }
        cache.sites.insert(folder, site);
    }
    found.sort_by_key(|(index, _)| *index);
    found.into_iter().map(|(_, gemeente)| gemeente).collect()
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

/// The pipeline of every command, load → model → render, with what earlier runs made.
///
/// `gka build` and `gka check` run a new one once; `gka serve` keeps one and runs it after
/// every change. Each stage takes what it can from its cache, keyed by content: a document
/// is read again only when its file changed, its Markdown rendered again only when its text,
/// site path or the link targets changed, and a file rendered again only when its
/// fingerprint changed (see [`crate::render`]). After an edit of documents' bodies alone the
/// last good model is patched instead of built again ([`Site::replace_bodies`]).
pub struct Pipeline {
    options: BuildOptions,
    loads: LoadCache,
    markdown: MarkdownCache,
    probes: ProbeCache,
    /// What a national site read of its sources, kept between builds.
    sources: SourceCache,
    /// Where the files made from photos are kept between builds.
    photo_cache: encode::DiskCache,
    /// Output path → fingerprint of the file last handed to a sink, by the last good run.
    fingerprints: HashMap<String, Fingerprint>,
    /// The digest of what every template saw in the last good run besides its context.
    globals: Option<u64>,
    /// The digests of the interventies' cards in the last good run.
    cards: CardPrints,
    /// The last good run's model, while no later run failed.
    last: Option<Model>,
}

/// A model ready to render.
struct Model {
    site: Site,
    theme: Theme,
    /// The static files to publish.
    copies: Vec<output::Copy>,
    /// The problems that did not stop it, sorted.
    warnings: Vec<Diagnostic>,
}

/// The last good model patched after an edit of documents' bodies.
struct Patched {
    model: Model,
    /// Markdown files read from disk.
    read: usize,
    /// The ids of the documents whose contents changed, sorted: nothing else did.
    ids: Vec<u64>,
}

/// What one run of a [`Pipeline`] did.
#[derive(Debug)]
pub struct Run {
    /// HTML pages the site has.
    pub pages: usize,
    /// Files the site has, pages, the sitemap, the icons and static files included; not the
    /// open data and the search index.
    pub files: usize,
    /// Pages rendered, because their fingerprint changed.
    pub pages_rendered: usize,
    /// Files rendered, pages included.
    pub rendered: usize,
    /// Markdown files read from disk.
    pub read: usize,
    /// Files made from photos now, and taken from the disk cache (see [`encode`]).
    pub images: (usize, usize),
    /// Whether the last good model was patched (an edit of documents' bodies alone) rather
    /// than built again.
    pub patched: bool,
    /// The static files the site publishes.
    pub copies: Vec<output::Copy>,
    /// Problems that did not stop the run.
    pub warnings: Vec<Diagnostic>,
    /// A national site's gemeenten: how many are on the site, of how many it lists.
    pub gemeenten: Option<(usize, usize)>,
}

impl Pipeline {
    /// A pipeline with empty caches.
    pub fn new(options: BuildOptions) -> Pipeline {
        Pipeline {
            photo_cache: encode::DiskCache::of_site(&options.root),
            options,
            loads: LoadCache::default(),
            markdown: MarkdownCache::default(),
            probes: ProbeCache::default(),
            sources: SourceCache::default(),
            fingerprints: HashMap::new(),
            globals: None,
            cards: CardPrints::default(),
            last: None,
        }
    }

    /// The options it runs with.
    pub fn options(&self) -> &BuildOptions {
        &self.options
    }

    /// The folders of a national site's sources (`map`) as the last run found them.
    pub fn source_folders(&self) -> impl Iterator<Item = &Path> {
        self.sources.folders()
    }

    /// The model of the last good run, while no later run failed.
    pub fn site(&self) -> Option<&Site> {
        self.last.as_ref().map(|last| &last.site)
    }

    /// The paths of the files the last good run rendered or found unchanged, with their
    /// fingerprints: every page and generated file but the open data and the search index.
    pub fn fingerprints(&self) -> &HashMap<String, Fingerprint> {
        &self.fingerprints
    }

    /// Runs the pipeline after `changed` files or folders changed (nothing for a first run; a
    /// folder for everything in it), with `today` as the build date. Every file whose
    /// fingerprint differs from the one the last good run gave it is rendered and handed to
    /// `sink` as soon as it is made. Fails with every problem found, and with `strict` also
    /// with the warnings; then the next run starts from the last good run's files but builds
    /// the model again.
    pub fn run(
        &mut self,
        changed: &[PathBuf],
        today: Datum,
        strict: bool,
        progress: &dyn Progress,
        sink: impl Fn(OutputFile) -> Result<(), OutputError> + Sync,
    ) -> Result<Run, BuildError> {
        if !self.options.root.is_dir() {
            self.last = None;
            return Err(BuildError::NoRoot(self.options.root.clone()));
        }
        progress.stage(Stage::Loading, None);
        let last = self.last.take();
        // The documents whose contents alone changed, when the last model was patched.
        let (mut model, read, patched) =
            match last.and_then(|last| self.patch(last, changed, today)) {
                Some(patched) => {
                    let Patched { model, read, ids } = patched?;
                    (model, read, Some(ids))
                }
                None => {
                    let loaded = load_site_with(
                        &self.options,
                        &mut self.loads,
                        &mut self.markdown,
                        &self.probes,
                        &mut self.sources,
                        changed,
                        today,
                    );
                    let read = self.loads.read_last();
                    let Ready {
                        site,
                        chain,
                        theme,
                        diagnostics,
                    } = ready(&self.options.root, loaded)?;
                    let copies = static_copies(&chain.files, &site.static_files);
                    let model = Model {
                        site,
                        theme,
                        copies,
                        warnings: diagnostics.sorted(),
                    };
                    (model, read, None)
                }
            };

        let photos = ShownPhotos::of(&model.site);
        let copies = photos.published(&model.copies);
        let renderer = Renderer::new(&model.site, &mut model.theme, self.options.search);
        let plan = renderer.plan();
        let mut clashes = clashes(
            &self.options,
            &model.site,
            &renderer,
            &plan,
            &copies,
            &photos.planned,
        );
        clashes.extend(photos.problems);
        if !clashes.is_empty() {
            let mut diagnostics = Diagnostics::default();
            diagnostics.extend(std::mem::take(&mut model.warnings));
            diagnostics.extend(clashes);
            return Err(BuildError::Content(diagnostics.sorted()));
        }
        progress.stage(Stage::Rendering, Some(plan.len() + 1 + routes::ICONS.len()));
        let earlier = Earlier {
            files: Some(&self.fingerprints),
            cards: Some(&self.cards),
            changed: patched
                .as_deref()
                .filter(|_| self.globals == Some(renderer.globals())),
        };
        let cards = renderer.card_prints(earlier);
        let sink = |file| {
            let written = sink(file);
            progress.step();
            written
        };
        let mut errors = Vec::new();
        let mut fingerprints = HashMap::with_capacity(plan.len() + 1);
        let (mut pages_rendered, mut rendered) = (0, 0);
        // The icons take a few milliseconds of one thread, made while the pages render, and
        // so are the photos' files, which take most of a first build with many photos.
        let (pages, (icons, images)) = rayon::join(
            || renderer.render_each(&plan.iter().collect::<Vec<_>>(), earlier, &cards, sink),
            || {
                rayon::join(
                    || make_icons(&model.site, &copies, &self.options.root, &self.fingerprints),
                    || {
                        let has = |site_path: &str, key: u64| {
                            (self.fingerprints.get(&routes::output_path(site_path)))
                                .is_some_and(|print| print.digest == key)
                        };
                        encode::make(&photos.planned, has, &self.photo_cache, |variant, bytes| {
                            sink(OutputFile {
                                path: routes::output_path(&variant.site_path),
                                contents: bytes,
                                is_page: false,
                            })
                        })
                    },
                )
            },
        );
        match pages {
            Ok(made) => {
                for (planned, made) in plan.iter().zip(made) {
                    fingerprints.insert(planned.path.clone(), made.fingerprint);
                    if let Some(written) = made.sunk {
                        written?;
                        rendered += 1;
                        pages_rendered += usize::from(planned.is_page);
                    }
                }
            }
            Err(found) => errors.extend(found),
        }
        // The sitemap lists the pages of the plan, so it comes last.
        match renderer.sitemap(&plan, earlier) {
            Ok(made) => {
                fingerprints.insert(routes::output_path(routes::SITEMAP), made.fingerprint);
                if let Some(file) = made.sunk {
                    sink(file)?;
                    rendered += 1;
                }
            }
            Err(found) => errors.extend(found),
        }
        match icons {
            Ok(icons) => {
                let fingerprint = Fingerprint {
                    digest: icons.digest,
                    reads: Default::default(),
                };
                for path in routes::ICONS {
                    fingerprints.insert(routes::output_path(path), fingerprint.clone());
                }
                rendered += icons.files.len();
                for file in icons.files {
                    sink(file)?;
                }
            }
            Err(found) => errors.push(found),
        }
        let mut made_images = (0, 0);
        match images {
            Ok(made) => {
                made_images = (made.encoded, made.reused);
                rendered += made.encoded + made.reused;
                for (site_path, key) in made.prints {
                    let print = Fingerprint {
                        digest: key,
                        reads: Default::default(),
                    };
                    fingerprints.insert(routes::output_path(&site_path), print);
                }
            }
            Err(encode::Failed::Photos(found)) => errors.extend(found),
            Err(encode::Failed::Sink(error)) => return Err(error.into()),
        }
        if !errors.is_empty() || (strict && !model.warnings.is_empty()) {
            let mut diagnostics = Diagnostics::default();
            diagnostics.extend(std::mem::take(&mut model.warnings));
            diagnostics.extend(errors);
            return Err(BuildError::Content(diagnostics.sorted()));
        }
        let run = Run {
            pages: plan.iter().filter(|p| p.is_page).count(),
            files: plan.len()
                + 1
                + routes::ICONS.len()
                + copies.len()
                + (photos.planned.iter())
                    .map(|p| p.variants.len())
                    .sum::<usize>(),
            pages_rendered,
            rendered,
            read,
            images: made_images,
            patched: patched.is_some(),
            copies,
            warnings: model.warnings.clone(),
            gemeenten: (model.site.bronnen > 0)
                .then_some((model.site.gemeenten.len(), model.site.bronnen)),
        };
        self.fingerprints = fingerprints;
        self.globals = Some(renderer.globals());
        self.cards = cards;
        self.last = Some(model);
        Ok(run)
    }

    /// The `last` model patched after `changed`, when they are edits of the bodies of its
    /// documents on the same day; `None` when the site must be built again. The problems are those a full build would report: the last
    /// run's, with the to-dos and Markdown problems of the changed documents found again and
    /// every `#fragment` checked again.
    fn patch(
        &mut self,
        last: Model,
        changed: &[PathBuf],
        today: Datum,
    ) -> Option<Result<Patched, BuildError>> {
        let Model {
            mut site,
            theme,
            copies,
            warnings,
        } = last;
        // Events move to the archive by the build date.
        if site.today != today {
            return None;
        }
        let reread = self.loads.reread(&self.options.root, changed)?;
        let read = reread.len();
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
        let ids = replaced.ids;
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
        Some(Ok(Patched {
            model: Model {
                site,
                theme,
                copies,
                warnings: diagnostics.sorted(),
            },
            read,
            ids,
        }))
    }
}

/// What a successful check found.
#[derive(Debug)]
pub struct CheckReport {
    /// Pages the site would have.
    pub pages: usize,
    /// Problems that do not stop a build.
    pub warnings: Vec<Diagnostic>,
    /// A national site's gemeenten: how many would be on the site, of how many it lists.
    pub gemeenten: Option<(usize, usize)>,
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
    let run =
        Pipeline::new(options.clone()).run(&[], Datum::today(), strict, progress, |_| Ok(()))?;
    Ok(CheckReport {
        pages: run.pages,
        warnings: run.warnings,
        gemeenten: run.gemeenten,
    })
}

/// Builds the site. Every file is written into a new folder as soon as it is made, and the
/// folder replaces the output only when every stage succeeded; otherwise the previous output
/// stays as it was. With `strict`, warnings fail the build too; a previous output that could
/// not be removed after the swap is a warning even then (see [`output::Staging::publish`]).
pub fn build(options: &BuildOptions, strict: bool) -> Result<BuildReport, BuildError> {
    build_with(options, strict, &())
}

/// [`build`], telling `progress` how far it is.
pub fn build_with(
    options: &BuildOptions,
    strict: bool,
    progress: &dyn Progress,
) -> Result<BuildReport, BuildError> {
    build_at(options, strict, progress, Datum::today())
}

/// [`build_with`] with `today` as the build date.
pub fn build_at(
    options: &BuildOptions,
    strict: bool,
    progress: &dyn Progress,
    today: Datum,
) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    if !options.root.is_dir() {
        return Err(BuildError::NoRoot(options.root.clone()));
    }
    output::check_output(&options.root, &options.output)?;
    let staging = output::Staging::new(&options.output)?;
    let mut pipeline = Pipeline::new(options.clone());
    let run = pipeline.run(&[], today, strict, progress, |file| staging.write(&file))?;
    progress.stage(Stage::Writing, None);
    let site = pipeline.site().expect("a good run keeps its model");
    render::write_open_data(site, |path, write| staging.write_with(path, write))?;
    staging.copy(&run.copies)?;
    let mut files = run.files + render::open_data_paths(site).len();
    // The index is made from the written pages; the model is not needed any more, and the
    // index is the largest thing a build holds.
    drop(pipeline);
    if options.search {
        progress.stage(Stage::Indexing, None);
        let index = search::index(staging.dir())?;
        for file in &index {
            staging.write(file)?;
        }
        files += index.len();
    }
    let published = staging.publish()?;
    let mut warnings = run.warnings;
    warnings.extend(
        (published.leftovers.iter()).map(|leftover| leftover_warning(&options.root, leftover)),
    );
    Ok(BuildReport {
        pages: run.pages,
        files,
        elapsed: start.elapsed(),
        images: run.images,
        warnings,
        gemeenten: run.gemeenten,
    })
}

/// The site's icons ([`render::icons`]), unless `earlier` (the last good run's fingerprints)
/// shows the output has them as they would be made now; then `files` is empty.
fn make_icons(
    site: &Site,
    copies: &[output::Copy],
    root: &Path,
    earlier: &HashMap<String, Fingerprint>,
) -> Result<render::icons::Icons, Diagnostic> {
    let source = render::icons::Source::of(site);
    let file = match &source {
        render::icons::Source::File(path) => {
            let path = routes::output_path(path);
            (copies.iter())
                .find(|copy| copy.path == path)
                .map(|copy| copy.source.as_path())
        }
        render::icons::Source::BuiltIn => None,
    };
    let earlier = earlier
        .get(&routes::output_path(routes::FAVICON))
        .map(|print| print.digest);
    render::icons::make(site, &source, file, root, earlier)
}

/// Every file a run of `options` would write, the planned ones, the sitemap, the icons, the
/// static files, the open data, the search index and gka's marker, checked before any is written:
/// two that would end up as one file are an error naming both ([`routes::clashes`]).
fn clashes(
    options: &BuildOptions,
    site: &Site,
    renderer: &Renderer,
    plan: &[render::Planned],
    copies: &[output::Copy],
    photos: &[encode::Planned],
) -> Vec<Diagnostic> {
    let mut paths: Vec<&str> = plan.iter().map(|p| p.path.as_str()).collect();
    let sitemap = routes::output_path(routes::SITEMAP);
    let open_data: Vec<(String, Claimant)> = (render::open_data_paths(site).into_iter())
        .map(|path| {
            let what = if routes::LANDELIJK_DATA.contains(&path) {
                t!("claim-landelijk-data")
            } else {
                t!("claim-open-data")
            };
            (routes::output_path(path), Claimant::gka(what))
        })
        .collect();
    let icons = routes::ICONS.map(routes::output_path);
    let index = format!("{}/", search::FOLDER);
    let fixed: Vec<(&str, Claimant)> = [
        (sitemap.as_str(), Claimant::gka(t!("claim-sitemap"))),
        (output::MARKER, Claimant::gka(t!("claim-merkteken"))),
    ]
    .into_iter()
    .chain(
        icons
            .iter()
            .map(|p| (p.as_str(), Claimant::gka(t!("claim-iconen")))),
    )
    .chain(open_data.iter().map(|(p, c)| (p.as_str(), c.clone())))
    .chain(
        options
            .search
            .then(|| (index.as_str(), Claimant::gka(t!("claim-zoekindex")))),
    )
    .collect();
    let variants: Vec<(String, Claimant)> = (photos.iter())
        .flat_map(|photo| {
            photo.variants.iter().map(|variant| {
                let what = t!(
                    "claim-afbeelding",
                    image = &variant.site_path,
                    file = photo.file.display()
                );
                let claimant = Claimant::file(&photo.file, photo.position, what);
                (routes::output_path(&variant.site_path), claimant)
            })
        })
        .collect();
    let fixed: Vec<(&str, Claimant)> = (fixed.into_iter())
        .chain(variants.iter().map(|(path, c)| (path.as_str(), c.clone())))
        .collect();
    paths.extend(fixed.iter().map(|(path, _)| *path));
    paths.extend(copies.iter().map(|c| c.path.as_str()));
    let claimant = |i: usize| -> Claimant {
        if let Some(planned) = plan.get(i) {
            return renderer.claimant(planned);
        }
        let i = i - plan.len();
        if let Some((_, claimant)) = fixed.get(i) {
            return claimant.clone();
        }
        let copy = &copies[i - fixed.len()];
        let file = crate::diagnostics::relative(&options.root, &copy.source);
        let what = t!("claim-bestand", file = file.display());
        Claimant::file(file, None, what)
    };
    routes::clashes(&paths)
        .into_iter()
        .map(|(first, second)| {
            let (a, b) = (claimant(first), claimant(second));
            // Said at the file a person can change: the later claim's, else the earlier's.
            let at = if b.file.is_some() { &b } else { &a };
            // The file itself, not a folder claimed as a whole.
            let file = [paths[second], paths[first]]
                .into_iter()
                .find(|p| !p.ends_with('/'))
                .unwrap_or(paths[second]);
            Diagnostic::new(
                Code::OutputClash,
                at.file
                    .clone()
                    .unwrap_or_else(|| content::CONTENT_DIR.into()),
                at.position,
                t!(
                    "uitvoer-botsing",
                    first = &a.what,
                    second = &b.what,
                    file = file
                ),
            )
            .with_hint(t!("uitvoer-botsing-hint"))
        })
        .collect()
}

/// The photos the bodies of a site show ([`crate::images`]): the files to make of them, which of
/// their originals are not published, and the links to those originals, which cannot work.
struct ShownPhotos {
    /// One per photo, shown first where it is planned: in the order of [`Site::documents`].
    planned: Vec<encode::Planned>,
    /// The output paths of the originals not published.
    withheld: HashSet<String>,
    /// The links to them.
    problems: Vec<Diagnostic>,
}

impl ShownPhotos {
    fn of(site: &Site) -> ShownPhotos {
        let documents = site.documents();
        let mut planned: Vec<encode::Planned> = Vec::new();
        let mut seen = HashSet::new();
        for doc in &documents {
            for shown in &doc.body.photos {
                if seen.insert(shown.site_path.as_str()) {
                    planned.extend(encode::Planned::of(
                        &shown.site_path,
                        &shown.photo,
                        &doc.source.path,
                        shown.position,
                    ));
                }
            }
        }
        // The logo is shown by the theme on every page, as it is.
        let withheld: HashSet<&str> = if site.config.originelen {
            HashSet::new()
        } else {
            seen.into_iter()
                .filter(|path| site.config.logo.as_deref() != Some(*path))
                .collect()
        };
        let problems = (documents.iter())
            .flat_map(|doc| doc.body.photo_links.iter().map(move |link| (doc, link)))
            .filter(|(_, link)| withheld.contains(link.site_path.as_str()))
            .map(|(doc, link)| {
                Diagnostic::new(
                    Code::OriginalNotPublished,
                    &doc.source.path,
                    link.position,
                    t!("origineel-niet-gepubliceerd", image = &link.site_path),
                )
                .with_width(link.width)
                .with_hint(t!("origineel-niet-gepubliceerd-hint"))
            })
            .collect();
        let withheld = withheld.into_iter().map(routes::output_path).collect();
        ShownPhotos {
            planned,
            withheld,
            problems,
        }
    }

    /// The static files to publish: `copies` without the originals withheld.
    fn published(&self, copies: &[output::Copy]) -> Vec<output::Copy> {
        (copies.iter())
            .filter(|copy| !self.withheld.contains(&copy.path))
            .cloned()
            .collect()
    }
}

/// The warning for a folder beside the output that could not be removed: the build itself
/// succeeded, so it does not fail for that.
fn leftover_warning(root: &Path, leftover: &output::Leftover) -> Diagnostic {
    Diagnostic::new(
        Code::LeftoverFolder,
        crate::diagnostics::relative(root, &leftover.path),
        None,
        t!(
            "uitvoer-rest",
            what = &leftover.what,
            reason = crate::i18n::io_error(&leftover.error)
        ),
    )
    .with_hint(t!("uitvoer-rest-hint"))
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
            crate::markdown::render(source, None, "/", &Default::default(), &mut found);
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

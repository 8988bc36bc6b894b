//! The pipeline, start to end: load → model (validate) → render → write.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::content;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::output::{self, OutputError};
use crate::render::{self, templates::Theme};
use crate::site::{ModelOptions, Site};

/// What to build and where.
#[derive(Debug, Clone)]
pub struct BuildOptions {
    /// The site's folder, holding `content/` and `themes/`.
    pub root: PathBuf,
    /// Where to write the site.
    pub output: PathBuf,
    /// Overrides `base_url` from `site.yaml`.
    pub base_url: Option<String>,
    /// Include drafts.
    pub drafts: bool,
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
}

/// Loads and validates the site: the shared first half of every command.
pub fn load_site(options: &BuildOptions) -> (Option<Site>, Diagnostics) {
    let mut diagnostics = Diagnostics::default();
    let loaded = content::load(&options.root, &mut diagnostics);
    let model_options = ModelOptions {
        base_url: options.base_url.clone(),
        drafts: options.drafts,
    };
    let site = Site::build(loaded, &model_options, &mut diagnostics);
    (site, diagnostics)
}

/// Builds the site. Writes nothing unless every stage succeeded.
pub fn build(options: &BuildOptions) -> Result<BuildReport, BuildError> {
    let start = Instant::now();
    if !options.root.is_dir() {
        return Err(BuildError::NoRoot(options.root.clone()));
    }
    output::check_output(&options.root, &options.output)?;
    let (site, mut diagnostics) = load_site(options);
    let theme = site
        .as_ref()
        .map(|site| Theme::load(&options.root, &site.config.thema));
    let (site, mut theme) = match (site, theme) {
        (Some(site), Some(Ok(theme))) if !diagnostics.has_errors() => (site, theme),
        (_, Some(Err(found))) => {
            diagnostics.extend(found);
            return Err(BuildError::Content(diagnostics.sorted()));
        }
        _ => return Err(BuildError::Content(diagnostics.sorted())),
    };
    let files = match render::render(&site, &mut theme) {
        Ok(files) => files,
        Err(found) => {
            diagnostics.extend(found);
            return Err(BuildError::Content(diagnostics.sorted()));
        }
    };
    let mut copies = output::copies_of(&theme.static_dir, "static/")?;
    copies.extend(output::copies_of(
        &options
            .root
            .join(content::CONTENT_DIR)
            .join(content::STATIC_DIR),
        "static/",
    )?);
    let pages = files.iter().filter(|f| f.is_page).count();
    let written = output::write_site(&options.output, &files, &copies)?;
    Ok(BuildReport {
        pages,
        files: written,
        elapsed: start.elapsed(),
        warnings: diagnostics.sorted(),
    })
}

//! Command-line arguments. Thin by design: every flag maps to a field of the pipeline's options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Shown under `gka --help`, so the main command's flags are visible from the top.
const BUILD_FLAGS: &str = "\
gka build [--root DIR] [--output DIR] [--base-url URL] [--drafts]
  --root DIR        the site's folder, holding content/ and themes/ (default: .)
  --output DIR      where to write the site (default: public/ in the site's folder)
  --base-url URL    the address the site is published at, overriding content/site.yaml
  --drafts          also publish documents marked `concept: true`

Exit codes: 0 success, 1 errors in content or templates, 2 usage or file errors.
More: gka build --help";

/// Build the website of a gemeente's Gelijke Kansen Alliantie (GKA) work from Markdown.
#[derive(Debug, Parser)]
#[command(name = "gka", version, about, long_about = None, after_help = BUILD_FLAGS)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build the site from content/ and themes/ into the output folder.
    ///
    /// The previous output is replaced only when the whole build succeeded; on any error
    /// nothing is written and the exit code is 1.
    Build(BuildArgs),
}

/// Flags of `gka build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// Where to write the site [default: public/ in the site's folder].
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// The address the site will be published at, overriding base_url in content/site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Also publish documents marked `concept: true` (drafts).
    #[arg(long)]
    pub drafts: bool,
}

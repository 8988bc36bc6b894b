//! Command-line arguments. Thin by design: every flag maps to a field of the pipeline's options.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

/// Build the website of a gemeente's Gelijke Kansen Alliantie (GKA) work from Markdown.
#[derive(Debug, Parser)]
#[command(name = "gka", version, about, long_about = None)]
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

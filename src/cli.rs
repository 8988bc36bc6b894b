//! Command-line arguments. Thin by design: every flag maps to a field of the pipeline's options.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};

use gka::diagnostics::report::Format;

/// Shown under `gka --help`, so the main commands' flags are visible from the top.
const FLAGS: &str = "\
gka build [--root DIR] [--output DIR] [--base-url URL] [--drafts] [--no-search] [--strict] [--format F]
gka check [--root DIR] [--base-url URL] [--drafts] [--no-search] [--strict] [--format F]
gka serve [--root DIR] [--interface 127.0.0.1] [--port 1111] [--open] [--drafts] [--no-search]
gka new <FOLDER> --gemeente NAAM [--thema gka]
gka schema [--output schemas] [--cms frontmatter|decap [--repo OWNER/NAME] [--backend B]]
  --root DIR        the site's folder, holding content/ and themes/ (default: .)
  --output DIR      where to write the site (default: public/ in the site's folder)
  --base-url URL    the address the site is published at, overriding content/site.yaml
  --drafts          also publish documents marked `concept: true`
  --no-search       leave out the search page and its index (build, check and serve)
  --strict          fail on warnings too
  --format F        human, json, github or gitlab (default: human; github on GitHub Actions)
  --interface IP    serve on this address (default: 127.0.0.1, this computer only)
  --port N          serve on this port (default: 1111; 0 picks a free one)
  --open            open the site in the browser once it is built

Exit codes: 0 success, 1 errors in content or templates, 2 usage or file errors.
Every problem has a code such as GKA-E007, explained in docs/errors.md.";

/// Build the website of a gemeente's Gelijke Kansen Alliantie (GKA) work from Markdown.
#[derive(Debug, Parser)]
#[command(name = "gka", version, about, long_about = None, after_help = FLAGS)]
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
    /// Check the site for errors without writing anything.
    ///
    /// Runs every check of `gka build`: front matter, cross-references, links and templates.
    /// Exit code 0 when there are no errors, 1 when there are (or warnings, with --strict).
    Check(CheckArgs),
    /// Build the site, serve it on this computer and rebuild it on every change.
    ///
    /// Open pages reload after each rebuild. When an edit breaks the site, the last good build
    /// stays on line and every page shows the errors until they are fixed.
    Serve(ServeArgs),
    /// Create a complete, valid site for a gemeente in a new folder.
    ///
    /// Writes one example of every content type, an agenda with placeholder themes, the
    /// gemeente's own theme (extending gka) and the publish pipelines. Texts still to write are
    /// marked `TODO:`; `gka check --strict` lists them. Refuses a folder that is not empty.
    New(NewArgs),
    /// Write JSON Schemas of content/site.yaml and of every content type's front matter.
    ///
    /// One `<type>.schema.json` per content type, derived from the types gka reads the files
    /// with, for editors' completion and validation. With --cms, the forms of Front Matter CMS
    /// (frontmatter.json) or Decap/Sveltia CMS (config.yml), read off the same schemas.
    Schema(SchemaArgs),
}

/// Flags shared by every command that reads a site.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// The address the site will be published at, overriding base_url in content/site.yaml.
    #[arg(long, value_name = "URL")]
    pub base_url: Option<String>,

    /// Also publish documents marked `concept: true` (drafts).
    #[arg(long)]
    pub drafts: bool,

    /// Leave out the search page (/zoeken/) and its index (/pagefind/).
    #[arg(long)]
    pub no_search: bool,

    /// Treat warnings as errors.
    #[arg(long)]
    pub strict: bool,

    /// How to print problems [default: github when GITHUB_ACTIONS=true, else human].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// Flags of `gka build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Where to write the site [default: public/ in the site's folder].
    #[arg(long, short, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// The site and how to report on it.
    #[command(flatten)]
    pub site: SiteArgs,
}

/// Flags of `gka check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The site and how to report on it.
    #[command(flatten)]
    pub site: SiteArgs,
}

/// Flags of `gka serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// The address to listen on. Anything but a loopback address shares the site with the
    /// network, and prints a warning.
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub interface: IpAddr,

    /// The port to listen on; 0 lets the system pick a free one.
    #[arg(long, short, value_name = "N", default_value_t = 1111)]
    pub port: u16,

    /// Open the site in the default browser once it is built.
    #[arg(long)]
    pub open: bool,

    /// Also publish documents marked `concept: true` (drafts).
    #[arg(long)]
    pub drafts: bool,

    /// Leave out the search page and its index: faster rebuilds of large sites (indexing
    /// takes about 2 s per 1 000 pages).
    #[arg(long)]
    pub no_search: bool,
}

/// Flags of `gka new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The folder to create; it must not exist yet, or be empty.
    #[arg(value_name = "FOLDER")]
    pub folder: PathBuf,

    /// The gemeente's name as it is written, e.g. "Zwolle" or "'s-Hertogenbosch".
    #[arg(long, value_name = "NAAM")]
    pub gemeente: String,

    /// The theme the gemeente's own theme extends.
    #[arg(long, value_name = "THEMA", default_value = "gka")]
    pub thema: String,
}

/// Flags of `gka schema`.
#[derive(Debug, Args)]
pub struct SchemaArgs {
    /// Where to write: the folder for the JSON Schemas [default: schemas], or with --cms the
    /// file [default: frontmatter.json, or content/static/admin/config.yml for decap].
    #[arg(long, short, value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Write the configuration of a form-based editor instead of the JSON Schemas.
    #[arg(long, value_enum, value_name = "CMS")]
    pub cms: Option<CmsArg>,

    /// With --cms decap: the repository the web editor commits to, as owner/name. Without it
    /// the editor works only on this computer (Decap's local backend, `npx decap-server`).
    #[arg(long, value_name = "OWNER/NAME", requires = "cms")]
    pub repo: Option<String>,

    /// With --cms decap and --repo: where the repository is.
    #[arg(long, value_enum, default_value = "github", requires = "repo")]
    pub backend: BackendArg,

    /// With --cms decap: the branch the web editor commits to.
    #[arg(long, value_name = "BRANCH", default_value = "main", requires = "cms")]
    pub branch: String,
}

/// The editors `gka schema --cms` configures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum CmsArg {
    /// Front Matter CMS, the VS Code extension: frontmatter.json.
    Frontmatter,
    /// Decap CMS or Sveltia CMS, web editors: content/static/admin/config.yml.
    Decap,
}

/// The Git hosts a Decap web editor commits to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum BackendArg {
    /// GitHub.
    Github,
    /// GitLab.
    Gitlab,
}

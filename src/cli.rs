//! Command-line arguments. Thin by design: every flag maps to a field of the pipeline's options.

use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

use clap::{Args, CommandFactory, Parser, Subcommand};

use gka::diagnostics::report::Format;

/// Build the website of a gemeente's Gelijke Kansen Alliantie (GKA) work from Markdown.
#[derive(Debug, Parser)]
#[command(name = "gka", version, about, long_about = None)]
pub struct Cli {
    /// The language gka speaks: nl (the default) or en; also GKA_LANG.
    #[arg(long, global = true, value_name = "TAAL")]
    pub lang: Option<String>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The command line with every help text in the current language ([`gka::i18n`]): the
/// `about` of the program and each command from `help-<command>` (and `help-<command>-long`),
/// each flag's from `help-<command>-<flag>`, else the shared `help-arg-<flag>`.
pub fn command() -> clap::Command {
    let gka = localise(Cli::command(), "gka")
        .after_help(text("help-gka-flags"))
        .mut_subcommands(|sub| {
            let name = sub.get_name().to_string();
            localise(sub, &name)
        });
    // The help and version flags are clap's own; their texts and the headings come from the
    // catalogue too.
    let mut gka = gka.disable_help_subcommand(true);
    // Clap writes `[OPTIONS]` in every usage line; the usage is rendered once, with that
    // placeholder in the current language, and given back to clap for help and errors.
    gka.build();
    let usage = |command: &mut clap::Command| {
        let rendered = command.render_usage().to_string();
        let line = rendered.trim_start_matches("Usage:").trim();
        line.replace("[OPTIONS]", &gka::t!("help-opties-plaats"))
    };
    let top = usage(&mut gka);
    gka.override_usage(top).mut_subcommands(|mut sub| {
        let line = usage(&mut sub);
        sub.override_usage(line)
    })
}

/// A mistake on the command line (an unknown flag, a missing or wrong value, an unknown
/// command) in the current language, as clap would say it: the problem with a tip when clap
/// has a suggestion, the usage of the command, and where to find more help. `command` is the
/// command line as [`command`] made it, `args` the arguments after the program's name.
pub fn parse_error(command: &clap::Command, args: &[String], err: &clap::Error) -> String {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let get = |kind| match err.get(kind) {
        Some(ContextValue::String(value)) => value.clone(),
        Some(ContextValue::Strings(values)) => values.join(", "),
        _ => String::new(),
    };
    let arg = get(ContextKind::InvalidArg);
    let value = get(ContextKind::InvalidValue);
    let message = match err.kind() {
        ErrorKind::UnknownArgument => gka::t!("cli-onbekend", arg = arg),
        ErrorKind::InvalidSubcommand => {
            gka::t!(
                "cli-onbekende-opdracht",
                command = get(ContextKind::InvalidSubcommand)
            )
        }
        ErrorKind::InvalidValue if value.is_empty() => gka::t!("cli-waarde-ontbreekt", arg = arg),
        ErrorKind::InvalidValue => gka::t!("cli-waarde-fout", arg = arg, value = value),
        ErrorKind::ValueValidation => {
            // The reason is the value's parser's own (such as `invalid IP address syntax`).
            let reason = std::error::Error::source(err).map_or(String::new(), |e| e.to_string());
            gka::t!(
                "cli-waarde-ongeldig",
                arg = arg,
                value = value,
                reason = reason
            )
        }
        ErrorKind::MissingRequiredArgument => gka::t!("cli-ontbreekt", args = arg),
        ErrorKind::ArgumentConflict if get(ContextKind::PriorArg) == arg => {
            gka::t!("cli-twee-keer", arg = arg)
        }
        ErrorKind::ArgumentConflict => gka::t!(
            "cli-niet-samen",
            arg = arg,
            other = get(ContextKind::PriorArg)
        ),
        ErrorKind::TooManyValues => gka::t!("cli-te-veel", arg = arg, value = value),
        _ => gka::t!("cli-onbegrepen"),
    };
    let mut out = gka::t!("fout", message = message);
    let valid = get(ContextKind::ValidValue);
    if !valid.is_empty() {
        out.push_str(&format!("\n  {}", gka::t!("kies-uit", words = valid)));
    }
    let suggested: Vec<String> = [
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedArg,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .filter_map(|kind| match err.get(kind) {
        Some(ContextValue::String(one)) => Some(vec![one.clone()]),
        Some(ContextValue::Strings(many)) => Some(many.clone()),
        _ => None,
    })
    .flatten()
    .map(|word| format!("'{word}'"))
    .collect();
    if !suggested.is_empty() {
        let words = suggested.join(&format!(" {} ", gka::t!("cli-of")));
        let tip = gka::t!("cli-bedoelt-u", words = words);
        out.push_str(&format!("\n\n  {}: {tip}", gka::t!("label-tip")));
    }
    if let Some(ContextValue::StyledStr(usage)) = err.get(ContextKind::Usage) {
        // Clap's own heading is English; the line after it is ours ([`command`]).
        let usage = usage.to_string();
        let line = usage.trim_start_matches("Usage:").trim();
        out.push_str(&format!("\n\n{} {line}", text("help-gebruik")));
    }
    // The command the mistake is in: the first argument that names one.
    let name = match args.iter().find_map(|arg| command.find_subcommand(arg)) {
        Some(sub) => format!("{} {}", command.get_name(), sub.get_name()),
        None => command.get_name().to_string(),
    };
    out.push_str(&format!(
        "\n\n{}\n",
        gka::t!("cli-meer-hulp", command = name)
    ));
    out
}

fn localise(command: clap::Command, name: &str) -> clap::Command {
    let template = format!(
        "{{before-help}}{{about-with-newline}}\n{} {{usage}}\n\n{{all-args}}{{after-help}}",
        text("help-gebruik")
    );
    let command = command.about(text(&format!("help-{name}")));
    let command = match try_text(&format!("help-{name}-long")) {
        Some(long) => command.long_about(long),
        None => command.long_about(None::<&str>),
    };
    let command = command
        .help_template(template)
        .subcommand_help_heading(text("help-opdrachten"))
        .subcommand_value_name(text("help-opdracht"))
        .disable_help_flag(true)
        .arg(
            clap::Arg::new("help")
                .short('h')
                .long("help")
                .action(clap::ArgAction::Help)
                .help(text("help-arg-help")),
        );
    let command = if name == "gka" {
        command.disable_version_flag(true).arg(
            clap::Arg::new("version")
                .short('V')
                .long("version")
                .action(clap::ArgAction::Version)
                .help(text("help-arg-version")),
        )
    } else {
        command
    };
    command.mut_args(|arg| {
        // Text ids are kebab-case like the flags; clap's ids are the fields' snake_case.
        let id = arg.get_id().as_str().replace('_', "-");
        let help = try_text(&format!("help-{name}-{id}"))
            .unwrap_or_else(|| text(&format!("help-arg-{id}")));
        let heading = text(if arg.is_positional() {
            "help-argumenten"
        } else {
            "help-opties"
        });
        // Defaults and choices are in the catalogue's texts, in the right language.
        let names: Vec<String> = (arg.get_value_names().unwrap_or_default().iter())
            .map(|name| {
                try_text(&format!("waarde-{}", name.to_lowercase().replace('/', "-")))
                    .unwrap_or_else(|| name.to_string())
            })
            .collect();
        let arg = if names.is_empty() {
            arg
        } else {
            arg.value_names(names)
        };
        let arg = arg.help(help).long_help(None::<&str>).help_heading(heading);
        if arg.get_action().takes_values() {
            arg.hide_default_value(true).hide_possible_values(true)
        } else {
            arg
        }
    })
}

/// A help text of the catalogue.
fn text(id: &str) -> String {
    gka::i18n::text(id, &[])
}

/// A help text, when the catalogue has one with this id.
fn try_text(id: &str) -> Option<String> {
    Some(text(id)).filter(|found| found != id)
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
    /// Print the completions of gka's commands and flags for a shell.
    ///
    /// Load them in the shell's start-up file, e.g. `source <(gka completions bash)` in
    /// ~/.bashrc; the descriptions are in the language gka speaks.
    Completions(CompletionsArgs),
    /// Put a copy of one of gka's themes in themes/, to change it yourself.
    ///
    /// Without a folder of its own, a site uses the theme inside gka, and so gets every
    /// improvement with a new gka. With a copy, the theme is the site's own: gka check says so
    /// when a newer gka has a newer theme.
    CopyTheme(CopyThemeArgs),
    /// Fetch the open data of the gemeenten a national site shows.
    ///
    /// For each source in `bronnen` of content/site.yaml with an address, its gka.json is
    /// fetched into bronnen/<gemeente>/, to be committed; a copy is replaced only by valid data.
    Bronnen(BronnenArgs),
    /// Explain a code such as GKA-E007: what the message means and what to do about it.
    ///
    /// Without a code, lists every code with a one-line summary; `gka uitleg sjablonen` shows
    /// the values templates can use.
    Uitleg(UitlegArgs),
}

/// Flags of `gka bronnen`.
#[derive(Debug, Args)]
pub struct BronnenArgs {
    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, short, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// How many seconds to wait for each source.
    #[arg(long, value_name = "SECONDS", default_value_t = 60, value_parser = clap::value_parser!(u64).range(1..))]
    pub timeout: u64,

    /// Exit with code 1 when a source was not fetched or is not valid.
    #[arg(long)]
    pub strict: bool,

    /// How to print problems [default: github when GITHUB_ACTIONS=true, else human].
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,
}

/// Flags of `gka uitleg`.
#[derive(Debug, Args)]
pub struct UitlegArgs {
    /// The code (GKA-E007, E007 or e7), or `sjablonen`; without it, every code is listed.
    #[arg(value_name = "CODE")]
    pub code: Option<String>,
}

/// Flags of `gka copy-theme`.
#[derive(Debug, Args)]
pub struct CopyThemeArgs {
    /// The theme to copy.
    #[arg(value_name = "THEMA", default_value = "gka")]
    pub theme: String,

    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, short, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// Replace a folder of that theme that is already there.
    #[arg(long)]
    pub force: bool,
}

/// Flags of `gka completions`.
#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell: bash, zsh, fish, powershell or elvish.
    #[arg(value_enum, value_name = "SHELL")]
    pub shell: clap_complete::Shell,
}

/// Flags shared by every command that reads a site.
#[derive(Debug, Args)]
pub struct SiteArgs {
    /// The site's folder: the one holding content/ and themes/.
    #[arg(long, short, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// The address the site will be published at, overriding base_url in content/site.yaml.
    #[arg(long, short = 'u', value_name = "URL")]
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

    /// Show each placeholder text marked `TODO:` in full, instead of one line per file.
    #[arg(long)]
    pub todos: bool,

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
    #[arg(long, short, value_name = "DIR", default_value = ".")]
    pub root: PathBuf,

    /// The address to listen on. Anything but a loopback address shares the site with the
    /// network, and prints a warning.
    #[arg(long, value_name = "IP", default_value_t = IpAddr::V4(Ipv4Addr::LOCALHOST))]
    pub interface: IpAddr,

    /// The port to listen on; 0 lets the system pick a free one.
    #[arg(long, short, value_name = "N", default_value_t = 1111)]
    pub port: u16,

    /// Open the site in the default browser once it is built.
    #[arg(long, short = 'O')]
    pub open: bool,

    /// The address the preview is seen at, instead of this server's own: with a path
    /// (`http://127.0.0.1:1111/gka/`) the site is served under it, as when it is published in
    /// a sub-folder; with a name (`http://laptop.local:1111/`) that name is answered too.
    #[arg(long, short = 'u', value_name = "URL")]
    pub base_url: Option<String>,

    /// Where to keep the preview's files, updated in place on every change (default: a
    /// temporary folder, removed when the server stops). Must be empty or gka's own output.
    #[arg(long, value_name = "DIR")]
    pub output: Option<PathBuf>,

    /// Also publish documents marked `concept: true` (drafts).
    #[arg(long)]
    pub drafts: bool,

    /// Leave out the search page and its index: faster rebuilds of large sites (indexing
    /// takes about 2 s per 1 000 pages).
    #[arg(long)]
    pub no_search: bool,

    /// Show each placeholder text marked `TODO:` in full, instead of one line per file.
    #[arg(long)]
    pub todos: bool,
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

    /// With --backend gitlab: the Application ID of the site's GitLab application, so editors
    /// log in with GitLab itself (PKCE), without a server of their own.
    #[arg(long, value_name = "ID", requires = "repo")]
    pub app_id: Option<String>,
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

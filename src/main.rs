//! The `gka` binary: parses arguments, runs the pipeline, prints diagnostics and maps the
//! outcome to an exit code (0 success, 1 content errors, 2 usage or I/O errors).

mod cli;
mod progress;

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::FromArgMatches;
use gka::t;

use cli::{Cli, Command, SiteArgs};
use gka::build::{BuildError, BuildOptions};
use gka::diagnostics::Diagnostic;
use gka::diagnostics::overview::{self, Todos};
use gka::diagnostics::report::{self, Format, Reporter};

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    match language() {
        Ok(lang) => gka::i18n::set(lang),
        Err(message) => {
            eprintln!("{message}");
            return ExitCode::from(2);
        }
    }
    // The help texts are in the language just set, so the command line is read only now.
    let command = cli::command();
    let matches = match command.clone().try_get_matches() {
        Ok(matches) => matches,
        Err(err) => return parse_error(&command, &err),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(err) => return parse_error(&command, &err),
    };
    match cli.command {
        Command::Build(args) => {
            let (options, output_format) = options(&args.site, args.output);
            let indicator = progress::Indicator::start();
            let result = gka::build::build_with(&options, args.site.strict, progress(&indicator));
            drop(indicator);
            finish(
                &options,
                output_format,
                todos(&args.site),
                false,
                result.map(|built| {
                    let line = t!(
                        "klaar-gebouwd",
                        pages = built.pages,
                        files = built.files,
                        folder = shown(&options.output).display(),
                        seconds = gka::i18n::decimal(built.elapsed.as_secs_f64(), 2),
                    );
                    // Only for a site with photos: how many files were made and how many the
                    // disk cache saved.
                    let line = match built.images {
                        (0, 0) => line,
                        (made, reused) => {
                            let images = t!("afbeeldingen-gemaakt", made = made, reused = reused);
                            format!("{line}\n{images}")
                        }
                    };
                    (built.warnings, with_gemeenten(built.gemeenten, line))
                }),
            )
        }
        Command::Serve(args) => {
            let options = gka::serve::ServeOptions {
                root: gka::build::resolve_root(&args.root),
                interface: args.interface,
                port: args.port,
                open: args.open,
                base_url: args.base_url,
                drafts: args.drafts,
                output: args.output.map(absolute),
                search: !args.no_search,
                todos: if args.todos {
                    Todos::Each
                } else {
                    Todos::PerFile
                },
            };
            match gka::serve::serve(&options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => {
                    eprintln!("{}", t!("fout", message = err.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::New(args) => {
            let options = gka::new::NewOptions {
                folder: args.folder,
                gemeente: args.gemeente,
                parent: args.thema,
            };
            match gka::new::new_site(&options) {
                Ok(created) => {
                    eprintln!(
                        "{}",
                        t!(
                            "nieuw-gemaakt",
                            gemeente = options.gemeente.trim(),
                            folder = options.folder.display(),
                            files = created.files.len(),
                            theme = &created.theme,
                        )
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => {
                    eprintln!("{}", t!("fout", message = err.to_string()));
                    ExitCode::from(2)
                }
            }
        }
        Command::Schema(args) => schema(args),
        Command::CopyTheme(args) => copy_theme(&args),
        Command::Bronnen(args) => bronnen(&args),
        Command::Uitleg(args) => uitleg(args.code.as_deref()),
        Command::Completions(args) => {
            // From the command line as people see it: its help texts in their language. Made
            // in memory first, as clap_complete panics when it cannot write, and a reader that
            // stops early (`| head`) is no error.
            let mut script = Vec::new();
            clap_complete::generate(args.shell, &mut cli::command(), "gka", &mut script);
            match std::io::stdout().write_all(&script) {
                Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("{}", t!("fout", message = gka::i18n::io_error(&err)));
                    ExitCode::from(2)
                }
                _ => ExitCode::SUCCESS,
            }
        }
        Command::Check(args) => {
            let (options, output_format) = options(&args.site, None);
            let indicator = progress::Indicator::start();
            let result = gka::build::check_with(&options, args.site.strict, progress(&indicator));
            drop(indicator);
            finish(
                &options,
                output_format,
                todos(&args.site),
                true,
                result.map(|checked| {
                    let line = t!("klaar-gecontroleerd", pages = checked.pages);
                    (checked.warnings, with_gemeenten(checked.gemeenten, line))
                }),
            )
        }
    }
}

/// Ends a run whose command line clap could not read: the help and the version as clap prints
/// them (their texts are the catalogue's already), anything else said in the current language
/// with exit code 2.
fn parse_error(command: &clap::Command, err: &clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match err.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => err.exit(),
        _ => {
            let args: Vec<String> = arguments();
            eprint!("{}", cli::parse_error(command, &args, err));
            ExitCode::from(2)
        }
    }
}

/// The arguments after the program's name; one that is not UTF-8 is read with its bad bytes
/// replaced, so that it is reported as a mistake rather than ending gka with a panic.
fn arguments() -> Vec<String> {
    std::env::args_os()
        .skip(1)
        .map(|arg| arg.to_string_lossy().into_owned())
        .collect()
}

/// The language asked for: `--lang` (also as `--lang=en`), else `GKA_LANG`, else Dutch. Read
/// before the command line is parsed, since the help texts depend on it.
fn language() -> Result<gka::i18n::Lang, String> {
    let args: Vec<String> = arguments();
    let flag = args
        .iter()
        .enumerate()
        .find_map(|(i, arg)| match arg.as_str() {
            "--lang" => Some(args.get(i + 1).cloned().unwrap_or_default()),
            _ => arg.strip_prefix("--lang=").map(String::from),
        });
    let (code, source) = match flag {
        Some(code) => (code, "--lang"),
        None => match std::env::var(gka::i18n::ENV) {
            Ok(code) if !code.trim().is_empty() => (code, gka::i18n::ENV),
            _ => return Ok(gka::i18n::Lang::default()),
        },
    };
    gka::i18n::Lang::parse(&code).ok_or_else(|| t!("onbekende-taal", code = code, source = source))
}

/// `gka schema`: the JSON Schemas, or with `--cms` an editor's configuration.
fn schema(args: cli::SchemaArgs) -> ExitCode {
    let Some(cms) = args.cms else {
        let output = args.output.unwrap_or_else(|| "schemas".into());
        return match gka::schema::write(&output) {
            Ok(written) => {
                eprintln!(
                    "{}",
                    t!(
                        "schemas-geschreven",
                        count = written.len(),
                        folder = output.display()
                    )
                );
                ExitCode::SUCCESS
            }
            Err(err) => cannot_write(&output, &err),
        };
    };
    let cms = match cms {
        cli::CmsArg::Frontmatter => gka::cms::Cms::FrontMatter,
        cli::CmsArg::Decap => gka::cms::Cms::Decap,
    };
    let output = args.output.unwrap_or_else(|| cms.default_path().into());
    let options = gka::cms::DecapOptions {
        backend: args.repo.map(|repo| gka::cms::Backend {
            name: match args.backend {
                cli::BackendArg::Github => "github",
                cli::BackendArg::Gitlab => "gitlab",
            }
            .into(),
            repo,
            app_id: args.app_id,
        }),
        branch: args.branch,
    };
    match gka::cms::write(cms, &output, &options) {
        Ok(()) => {
            eprintln!("{}", t!("geschreven", file = output.display()));
            ExitCode::SUCCESS
        }
        Err(err) => cannot_write(&output, &err),
    }
}

/// Says that `path` could not be written, and why: a file error, exit code 2.
fn cannot_write(path: &Path, err: &dyn std::fmt::Display) -> ExitCode {
    let message = t!(
        "kan-niet-schrijven",
        file = path.display(),
        reason = err.to_string()
    );
    eprintln!("{message}");
    ExitCode::from(2)
}

/// The pipeline's options from the command line. The root is resolved here, once, so that
/// every path the pipeline handles compares with it; `output` defaults to `public/` in it.
fn options(site: &SiteArgs, output: Option<PathBuf>) -> (BuildOptions, Format) {
    let format = format(site.format);
    let root = gka::build::resolve_root(&site.root);
    let output = output.map_or_else(|| root.join("public"), absolute);
    let options = BuildOptions {
        root,
        output,
        base_url: site.base_url.clone(),
        drafts: site.drafts,
        search: !site.no_search,
    };
    (options, format)
}

/// The format asked for, else GitHub's in GitHub Actions and the human one elsewhere.
fn format(asked: Option<Format>) -> Format {
    asked.unwrap_or_else(|| {
        if std::env::var("GITHUB_ACTIONS").is_ok_and(|v| v == "true") {
            Format::Github
        } else {
            Format::Human
        }
    })
}

/// `--output` made absolute against the current folder, where it was meant; unlike the root it
/// may not exist yet. As given when that fails (an empty path), for the pipeline to refuse.
fn absolute(output: PathBuf) -> PathBuf {
    std::path::absolute(&output).unwrap_or(output)
}

/// `path` as messages show it: relative to the current folder when it lies inside it, the way
/// it would be typed there (`public`, `site/public`), else in full.
fn shown(path: &Path) -> PathBuf {
    let inside = std::env::current_dir()
        .ok()
        .and_then(|current| path.strip_prefix(gka::build::resolve_root(&current)).ok())
        .map(Path::to_path_buf);
    match inside {
        Some(rel) if rel.as_os_str().is_empty() => PathBuf::from("."),
        Some(rel) => rel,
        None => path.to_path_buf(),
    }
}

/// The indicator to tell, or nothing.
fn progress(indicator: &Option<progress::Indicator>) -> &dyn gka::build::Progress {
    match indicator {
        Some(indicator) => indicator,
        None => &(),
    }
}

/// How the report shows the to-dos: each of them with `--todos`, and with `--strict`, which
/// fails on them; else one line per file.
fn todos(site: &SiteArgs) -> Todos {
    if site.todos || site.strict {
        Todos::Each
    } else {
        Todos::PerFile
    }
}

/// Prints the diagnostics and the outcome, and picks the exit code. `always_count` adds the
/// count of errors and warnings to a success line even when both are zero.
fn finish(
    options: &BuildOptions,
    format: Format,
    todos: Todos,
    always_count: bool,
    result: Result<(Vec<Diagnostic>, String), BuildError>,
) -> ExitCode {
    let (diagnostics, outcome, code) = match result {
        Ok((warnings, line)) => (warnings, Ok(line), ExitCode::SUCCESS),
        Err(BuildError::Content(diagnostics)) => (diagnostics, Err(None), ExitCode::from(1)),
        Err(err) => (Vec::new(), Err(Some(err.to_string())), ExitCode::from(2)),
    };
    print_diagnostics(&options.root, format, todos, &diagnostics);
    let summary = || overview::summary(&diagnostics, todos);
    match outcome {
        Ok(line) if diagnostics.is_empty() && !always_count => eprintln!("{line}"),
        Ok(line) => eprintln!("{line}: {}", summary()),
        Err(None) => eprintln!("{}", t!("mislukt", summary = summary())),
        Err(Some(message)) => eprintln!("{}", t!("fout", message = message)),
    }
    code
}

/// The closing `line` of a national site's build or check, after how many of the gemeenten it
/// lists are on the site: the one count an editor needs after a night's fetch.
fn with_gemeenten(gemeenten: Option<(usize, usize)>, line: String) -> String {
    match gemeenten {
        Some((shown, listed)) => {
            let counts = t!(
                "klaar-gemeenten",
                shown = shown,
                listed = listed,
                left = listed - shown
            );
            format!("{counts}\n{line}")
        }
        None => line,
    }
}

/// Prints `diagnostics` of the site at `root` in `format`: the human report on stderr, the
/// others on stdout for tools to read.
fn print_diagnostics(root: &Path, format: Format, todos: Todos, diagnostics: &[Diagnostic]) {
    let mut reporter = Reporter::new(root, report::colour_on_stderr());
    if format == Format::Human {
        eprint!(
            "{}",
            overview::human_report(&mut reporter, diagnostics, todos)
        );
    } else {
        print!("{}", reporter.render(format, diagnostics));
        let _ = std::io::stdout().flush();
    }
}

/// `gka bronnen`: fetches a national site's sources, then prints a line per source, the
/// warnings of those that failed and the counts. Exit code 1 for errors in `site.yaml`, and
/// with `--strict` for a source that failed too.
fn bronnen(args: &cli::BronnenArgs) -> ExitCode {
    let format = format(args.format);
    let root = gka::build::resolve_root(&args.root);
    let limits = gka::sources::Limits {
        timeout: std::time::Duration::from_secs(args.timeout),
        ..Default::default()
    };
    match gka::sources::fetch_site(&root, &limits) {
        Ok(report) => {
            eprint!("{}", report.lines());
            print_diagnostics(&root, format, Todos::Each, &report.warnings);
            eprintln!("{}", report.summary());
            if args.strict && !report.warnings.is_empty() {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            }
        }
        Err(errors) => {
            print_diagnostics(&root, format, Todos::Each, &errors);
            eprintln!(
                "{}",
                t!("mislukt", summary = overview::summary(&errors, Todos::Each))
            );
            ExitCode::from(1)
        }
    }
}

/// `gka uitleg`: the explanation of one code on standard output, like `rustc --explain`, so that
/// it can go through a pager; without a code, the list of every code with its title.
fn uitleg(code: Option<&str>) -> ExitCode {
    use gka::diagnostics::{Code, Severity};
    use gka::uitleg;
    let lang = gka::i18n::current();
    let text = match code.map(uitleg::parse) {
        Some(Ok(topic)) => format!("{}\n", uitleg::text(topic, lang)),
        Some(Err(unknown)) => {
            eprintln!("{}", t!("fout", message = unknown.to_string()));
            eprintln!("  {}: {}", t!("label-tip"), unknown.hint());
            return ExitCode::from(2);
        }
        None => {
            let mut out = format!("{}\n", t!("uitleg-lijst"));
            for (severity, heading) in [
                (Severity::Error, t!("uitleg-lijst-fouten")),
                (Severity::Warning, t!("uitleg-lijst-waarschuwingen")),
            ] {
                out.push_str(&format!("\n{heading}\n"));
                for code in Code::ALL.iter().filter(|c| c.severity() == severity) {
                    out.push_str(&format!("  {code}  {}\n", uitleg::title(*code, lang)));
                }
            }
            out.push_str(&format!("\n{}\n", t!("uitleg-lijst-gidsen")));
            out
        }
    };
    match std::io::stdout().write_all(text.as_bytes()) {
        Err(err) if err.kind() != std::io::ErrorKind::BrokenPipe => {
            eprintln!("{}", t!("fout", message = gka::i18n::io_error(&err)));
            ExitCode::from(2)
        }
        _ => ExitCode::SUCCESS,
    }
}

/// `gka copy-theme`: one of gka's themes into the site's `themes/`.
fn copy_theme(args: &cli::CopyThemeArgs) -> ExitCode {
    use gka::theme::{THEMES_DIR, embedded};
    let folder = args.root.join(THEMES_DIR).join(&args.theme);
    let failed = |message: String| {
        eprintln!("{}", t!("fout", message = message));
        ExitCode::from(2)
    };
    if !embedded::names().contains(&args.theme) {
        return failed(t!(
            "kopie-onbekend",
            theme = &args.theme,
            available = embedded::names().join(", ")
        ));
    }
    match embedded::copy_out(&args.theme, &folder, args.force) {
        Ok(files) => {
            eprintln!(
                "{}",
                t!(
                    "kopie-gemaakt",
                    theme = &args.theme,
                    folder = folder.display(),
                    files = files.len()
                )
            );
            ExitCode::SUCCESS
        }
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            failed(t!("kopie-bestaat", folder = folder.display()))
        }
        Err(err) => failed(t!(
            "kopie-mislukt",
            folder = folder.display(),
            reason = gka::i18n::io_error(&err)
        )),
    }
}

//! The `gka` binary: parses arguments, runs the pipeline, prints diagnostics and maps the
//! outcome to an exit code (0 success, 1 content errors, 2 usage or I/O errors).

mod cli;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};
use gka::build::{BuildError, BuildOptions};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build(args) => {
            let options = BuildOptions {
                output: args.output.unwrap_or_else(|| args.root.join("public")),
                root: args.root,
                base_url: args.base_url,
                drafts: args.drafts,
            };
            match gka::build::build(&options) {
                Ok(report) => {
                    for warning in &report.warnings {
                        eprintln!("{warning}");
                    }
                    eprintln!(
                        "Built {} pages ({} files) into {} in {:.2} s",
                        report.pages,
                        report.files,
                        options.output.display(),
                        report.elapsed.as_secs_f64()
                    );
                    ExitCode::SUCCESS
                }
                Err(BuildError::Content(diagnostics)) => {
                    let errors = diagnostics
                        .iter()
                        .filter(|d| d.severity == gka::diagnostics::Severity::Error)
                        .count();
                    for diagnostic in &diagnostics {
                        eprintln!("{diagnostic}");
                    }
                    eprintln!(
                        "Build failed: {errors} error(s), {} warning(s). Nothing was written.",
                        diagnostics.len() - errors
                    );
                    ExitCode::from(1)
                }
                Err(err) => {
                    eprintln!("error: {err:#}");
                    ExitCode::from(2)
                }
            }
        }
    }
}

//! Themes: a folder `themes/<name>/` with Tera templates in `templates/` and files to publish
//! in `static/`. Templates are compiled once per build.

use std::path::{Path, PathBuf};

use crate::diagnostics::{Code, Diagnostic, Position, relative};

/// The folder in the site root that holds themes.
pub const THEMES_DIR: &str = "themes";

/// A loaded theme.
pub struct Theme {
    /// The compiled templates.
    pub tera: tera::Tera,
    /// The theme's `static/` folder, copied into the output.
    pub static_dir: PathBuf,
    /// The templates folder relative to the site root, for messages.
    pub templates_dir: PathBuf,
}

impl Theme {
    /// A template error as a diagnostic at the template's file, line and column.
    pub fn diagnostic(&self, err: &tera::Error) -> Diagnostic {
        template_diagnostic(&self.templates_dir, err)
    }
}

impl Theme {
    /// Loads and compiles the templates of theme `name` in `root/themes/`.
    pub fn load(root: &Path, name: &str) -> Result<Theme, Vec<Diagnostic>> {
        let dir = root.join(THEMES_DIR).join(name);
        let templates = dir.join("templates");
        if !templates.is_dir() {
            return Err(vec![
                Diagnostic::new(
                    Code::ThemeMissing,
                    relative(root, &templates),
                    None,
                    format!("theme '{name}' has no templates folder"),
                )
                .with_hint(
                    "set `thema` in content/site.yaml to a folder in themes/, e.g. `thema: gka`",
                ),
            ]);
        }
        let mut files = Vec::new();
        let mut problems = Vec::new();
        for entry in walkdir::WalkDir::new(&templates).sort_by_file_name() {
            match entry {
                Ok(e) if e.file_type().is_file() => {
                    let name = e.path().strip_prefix(&templates).ok().and_then(|p| {
                        let parts: Option<Vec<&str>> =
                            p.components().map(|c| c.as_os_str().to_str()).collect();
                        parts.map(|p| p.join("/"))
                    });
                    match name {
                        Some(n) if !n.split('/').any(|p| p.starts_with('.')) => {
                            files.push((e.into_path(), Some(n)))
                        }
                        Some(_) => {}
                        None => problems.push(Diagnostic::new(
                            Code::BadFileName,
                            relative(root, e.path()),
                            None,
                            "template name is not valid UTF-8",
                        )),
                    }
                }
                Ok(_) => {}
                Err(err) => problems.push(Diagnostic::new(
                    Code::Io,
                    relative(root, &templates),
                    None,
                    format!("cannot read: {err}"),
                )),
            }
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        let templates_dir = relative(root, &templates);
        tera.add_template_files(files)
            .map_err(|err| vec![template_diagnostic(&templates_dir, &err)])?;
        Ok(Theme {
            tera,
            static_dir: dir.join("static"),
            templates_dir,
        })
    }
}

fn template_diagnostic(templates_dir: &Path, err: &tera::Error) -> Diagnostic {
    let hint = "fix the template; docs/templates.md lists the values templates can use";
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut message = report.message().to_string();
            if let Some(cause) = std::error::Error::source(err) {
                message = format!("{message}: {}", error_chain(cause));
            }
            Diagnostic::new(
                Code::Template,
                templates_dir.join(report.filename()),
                Some(Position {
                    line: span.start_line,
                    column: span.start_col + 1,
                }),
                message,
            )
            .with_hint(hint)
        }
        _ => Diagnostic::new(Code::Template, templates_dir, None, error_chain(err)).with_hint(hint),
    }
}

/// An error with all its causes, on one line each.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str("\n  ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

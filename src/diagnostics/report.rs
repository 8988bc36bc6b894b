//! Printing diagnostics: for people (with the offending source line and a marker), and as
//! JSON, GitHub Actions annotations or a GitLab Code Quality report for machines.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{Diagnostic, Severity};

/// How to print diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    /// For people: each problem with its source line and a marker, then a summary.
    #[default]
    Human,
    /// One JSON array of {file, line, column, severity, code, message, hint}.
    Json,
    /// GitHub Actions annotations (`::error file=…,line=…,col=…::message`).
    Github,
    /// A GitLab Code Quality report (JSON).
    Gitlab,
}

/// Renders diagnostics of the site at `root` in one format.
pub struct Reporter {
    root: PathBuf,
    color: bool,
    sources: HashMap<PathBuf, Option<Lines>>,
}

/// A file's text with where each of its lines starts, read once for all its diagnostics: a
/// file with many diagnostics would otherwise be scanned from the top for each of them.
struct Lines {
    text: String,
    /// The byte offset of each line's first byte; the first line starts at 0.
    starts: Vec<usize>,
}

impl Lines {
    fn new(text: String) -> Lines {
        let starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        Lines { text, starts }
    }

    /// Line `number` (1-based), without its line break.
    fn get(&self, number: usize) -> Option<&str> {
        let start = *self.starts.get(number.checked_sub(1)?)?;
        let end = self
            .starts
            .get(number)
            .map_or(self.text.len(), |next| next - 1);
        Some(&self.text[start..end])
    }
}

/// Whether reports on standard error get terminal colours: decided in one place, the way
/// command-line tools agree on (through `anstream`, as clap decides): never with `NO_COLOR` or
/// `TERM=dumb`, always with `CLICOLOR_FORCE`, else when standard error is a terminal.
pub fn colour_on_stderr() -> bool {
    anstream::AutoStream::choice(&std::io::stderr()) != anstream::ColorChoice::Never
}

impl Reporter {
    /// A reporter for the site at `root`; `color` adds terminal colours to the human format.
    pub fn new(root: &Path, color: bool) -> Reporter {
        Reporter {
            root: root.to_path_buf(),
            color,
            sources: HashMap::new(),
        }
    }

    /// The whole report in `format`.
    pub fn render(&mut self, format: Format, diagnostics: &[Diagnostic]) -> String {
        match format {
            Format::Human => diagnostics.iter().map(|d| self.human(d)).collect(),
            Format::Json => json(diagnostics),
            Format::Github => diagnostics.iter().map(github).collect(),
            Format::Gitlab => gitlab(diagnostics),
        }
    }

    /// One diagnostic for people: a `file:line:col: fout[CODE]: message` line editors and
    /// terminals can jump to, the source line with a marker, and the hint (`= tip: …`); the
    /// words `fout`, `waarschuwing` and `tip` in the current language.
    pub fn human(&mut self, d: &Diagnostic) -> String {
        let title = d.to_string();
        let title = title.lines().next().unwrap_or_default();
        let level = match d.severity() {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        }
        .no_name();
        let line_text = d
            .position
            .and_then(|p| self.line(&d.file, p.line).map(|text| (p, text)));
        let mut group = Group::with_title(level.primary_title(title));
        if let Some((position, text)) = &line_text {
            group = group.element(
                Snippet::source(text.as_str())
                    .line_start(position.line)
                    .annotation(AnnotationKind::Primary.span(marker(
                        text,
                        position.column,
                        d.width,
                    ))),
            );
        }
        if let Some(hint) = &d.hint {
            group = group.element(
                Level::HELP
                    .with_name(t!("label-tip"))
                    .message(hint.as_str()),
            );
        }
        let renderer = if self.color {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = renderer.render(&[group]);
        out.push('\n');
        out
    }

    /// Line `number` (1-based) of `file`, when the file can be read.
    fn line(&mut self, file: &Path, number: usize) -> Option<String> {
        let root = &self.root;
        let lines = self.sources.entry(file.to_path_buf()).or_insert_with(|| {
            std::fs::read(root.join(file))
                .ok()
                .map(|b| Lines::new(String::from_utf8_lossy(&b).into_owned()))
        });
        let line = lines.as_ref()?.get(number)?;
        Some(
            line.trim_end_matches('\r')
                .trim_start_matches('\u{feff}')
                .to_string(),
        )
    }
}

/// The byte range to underline: `width` characters from `column` (1-based, in characters),
/// without the spaces at the line's end, or else the word starting at `column`.
fn marker(line: &str, column: usize, width: Option<usize>) -> std::ops::Range<usize> {
    let start = line
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line.len(), |(i, _)| i);
    if let Some(width) = width.filter(|w| *w > 0) {
        let rest = &line[start..];
        let end = rest
            .char_indices()
            .nth(width)
            .map_or(rest.len(), |(i, _)| i);
        let end = start + rest[..end].trim_end().len();
        if end > start {
            return start..end;
        }
    }
    let word = line[start..]
        .find(|c: char| c.is_whitespace() || matches!(c, ':' | ',' | ']' | ')'))
        .unwrap_or(line.len() - start);
    let end = if word == 0 {
        (start + line[start..].chars().next().map_or(0, char::len_utf8)).min(line.len())
    } else {
        start + word
    };
    start..end
}

/// The one-line summary after a human report.
pub fn summary(diagnostics: &[Diagnostic]) -> String {
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .count();
    let warnings = diagnostics.len() - errors;
    t!("samenvatting", errors = errors, warnings = warnings)
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    severity: &'static str,
    code: &'static str,
    message: &'a str,
    hint: Option<&'a str>,
}

fn json(diagnostics: &[Diagnostic]) -> String {
    let items: Vec<JsonDiagnostic> = diagnostics
        .iter()
        .map(|d| JsonDiagnostic {
            file: slash_path(&d.file),
            line: d.position.map(|p| p.line),
            column: d.position.map(|p| p.column),
            severity: d.severity().label(),
            code: d.code.as_str(),
            message: &d.message,
            hint: d.hint.as_deref(),
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&items).expect("diagnostics serialize to JSON");
    out.push('\n');
    out
}

/// A path with `/` separators, as CI systems expect.
fn slash_path(path: &Path) -> String {
    path.components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// One GitHub Actions workflow command, escaped as GitHub documents.
fn github(d: &Diagnostic) -> String {
    let data = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let property = |s: &str| data(s).replace(':', "%3A").replace(',', "%2C");
    let command = match d.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut out = format!("::{command} file={}", property(&slash_path(&d.file)));
    if let Some(p) = d.position {
        let _ = write!(out, ",line={},col={}", p.line, p.column);
    }
    let _ = write!(
        out,
        ",title={}::{}",
        property(d.code.as_str()),
        data(&d.message)
    );
    if let Some(hint) = &d.hint {
        let _ = write!(out, "{}", data(&format!(" — {hint}")));
    }
    out.push('\n');
    out
}

#[derive(Serialize)]
struct CodeQualityIssue {
    description: String,
    check_name: &'static str,
    fingerprint: String,
    severity: &'static str,
    location: CodeQualityLocation,
}

#[derive(Serialize)]
struct CodeQualityLocation {
    path: String,
    lines: CodeQualityLines,
}

#[derive(Serialize)]
struct CodeQualityLines {
    begin: usize,
}

/// A GitLab Code Quality report: a JSON array of issues with stable fingerprints.
fn gitlab(diagnostics: &[Diagnostic]) -> String {
    let issues: Vec<CodeQualityIssue> = diagnostics
        .iter()
        .map(|d| {
            let path = slash_path(&d.file);
            let line = d.position.map_or(1, |p| p.line);
            let fingerprint = Sha256::digest(format!("{}\0{path}\0{line}\0{}", d.code, d.message));
            CodeQualityIssue {
                description: match &d.hint {
                    Some(hint) => format!("{} — {hint}", d.message),
                    None => d.message.clone(),
                },
                check_name: d.code.as_str(),
                fingerprint: fingerprint.iter().map(|b| format!("{b:02x}")).collect(),
                severity: match d.severity() {
                    Severity::Error => "major",
                    Severity::Warning => "minor",
                },
                location: CodeQualityLocation {
                    path,
                    lines: CodeQualityLines { begin: line },
                },
            }
        })
        .collect();
    let mut out = serde_json::to_string_pretty(&issues).expect("issues serialize to JSON");
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Code, Position};

    fn diagnostic() -> Diagnostic {
        Diagnostic::new(
            Code::UnknownKey,
            "content/interventies/kansrijk.md",
            Some(Position { line: 2, column: 1 }),
            "unknown key 'samenvating'",
        )
        .with_hint("did you mean 'samenvatting'?")
    }

    #[test]
    fn human_output_shows_the_line_with_a_marker() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/interventies")).unwrap();
        std::fs::write(
            dir.path().join("content/interventies/kansrijk.md"),
            "---\nsamenvating: x\n---\n",
        )
        .unwrap();
        let out = Reporter::new(dir.path(), false).human(&diagnostic());
        assert!(
            out.starts_with(
                "content/interventies/kansrijk.md:2:1: fout[GKA-E007]: unknown key 'samenvating'\n"
            ),
            "{out}"
        );
        assert!(out.contains("2 | samenvating: x"), "{out}");
        assert!(out.contains("^^^^^^^^^^^"), "{out}");
        // The words around the texts are the current language's: Dutch unless asked otherwise.
        assert!(out.contains("= tip: did you mean 'samenvatting'?"), "{out}");
    }

    #[test]
    fn machine_formats() {
        let diagnostics = [diagnostic()];
        let mut reporter = Reporter::new(Path::new("."), false);
        let json: serde_json::Value =
            serde_json::from_str(&reporter.render(Format::Json, &diagnostics)).unwrap();
        assert_eq!(json[0]["code"], "GKA-E007");
        assert_eq!(json[0]["line"], 2);
        assert_eq!(json[0]["severity"], "error");
        let github = reporter.render(Format::Github, &diagnostics);
        assert_eq!(
            github,
            "::error file=content/interventies/kansrijk.md,line=2,col=1,title=GKA-E007::unknown key 'samenvating' — did you mean 'samenvatting'?\n"
        );
        let gitlab: serde_json::Value =
            serde_json::from_str(&reporter.render(Format::Gitlab, &diagnostics)).unwrap();
        assert_eq!(gitlab[0]["location"]["lines"]["begin"], 2);
        assert_eq!(gitlab[0]["severity"], "major");
        assert_eq!(gitlab[0]["fingerprint"].as_str().unwrap().len(), 64);
    }

    /// Finding 10 of issue 14: the lines are indexed once per file; each shown line must be
    /// the one the old scan from the top of the file found, for every kind of line end.
    #[test]
    fn many_diagnostics_show_the_same_lines_as_a_scan_from_the_top() {
        let dir = tempfile::tempdir().unwrap();
        let mut text = String::from("\u{feff}---\r\ntitel: één\r\n---\n\n");
        for n in 0..3000 {
            text.push_str(&format!(
                "# Kop {n} — ä\n{}",
                if n % 7 == 0 { "\r\n" } else { "\n" }
            ));
        }
        text.push_str("laatste regel zonder einde");
        std::fs::write(dir.path().join("a.md"), &text).unwrap();
        let mut reporter = Reporter::new(dir.path(), false);
        let count = text.split('\n').count();
        for number in 0..count + 3 {
            let expected = number
                .checked_sub(1)
                .and_then(|i| text.split('\n').nth(i))
                .map(|l| {
                    l.trim_end_matches('\r')
                        .trim_start_matches('\u{feff}')
                        .to_string()
                });
            assert_eq!(
                reporter.line(Path::new("a.md"), number),
                expected,
                "line {number}"
            );
        }
        assert_eq!(reporter.line(Path::new("missing.md"), 1), None);
    }

    #[test]
    fn markers_cover_one_word() {
        assert_eq!(marker("titel: A", 1, None), 0..5);
        assert_eq!(marker("datum: 2021-13-45", 8, None), 7..17);
        assert_eq!(marker("x", 5, None), 1..1);
    }

    #[test]
    fn markers_cover_a_whole_value_up_to_the_line_end() {
        assert_eq!(marker("datum: 30 juni 2025", 8, Some(12)), 7..19);
        // A value that goes on on the next line: up to this line's end, not its spaces.
        assert_eq!(marker("samenvatting: Een lange  ", 15, Some(40)), 14..23);
        // Characters, not bytes.
        assert_eq!(marker("titel: “één”", 8, Some(5)), 7..18);
        assert_eq!(marker("titel: A", 8, Some(0)), 7..8);
    }

    #[test]
    fn summaries_count() {
        // Dutch unless asked otherwise.
        assert_eq!(summary(&[diagnostic()]), "1 fout, 0 waarschuwingen");
    }
}

//! The report for people as a whole: errors first, then warnings, then the placeholder texts
//! (`TODO:`) summed up per file, then the errors once more, so that a real error neither
//! drowns among the to-dos of a new site nor scrolls out of sight.
//!
//! A site made by `gka new` has a couple of dozen to-dos; shown one by one on every build they
//! would bury the one error that matters. `--todos` and `--strict` show each of them, and the
//! machine formats always do ([`super::report::Reporter::render`]): tools need every record.
//!
//! The report ends with one line naming every code in it and `gka uitleg`, which explains them:
//! once per run rather than under each diagnostic, as `rustc` points to `rustc --explain`.

use std::collections::BTreeMap;
use std::path::Path;

use super::report::Reporter;
use super::{Code, Diagnostic, Severity};

/// How a report for people shows the to-dos.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Todos {
    /// One line per file, after the errors and warnings.
    PerFile,
    /// Each to-do in full, like any other warning.
    Each,
}

/// How many errors a report repeats at its end; the rest are above.
const RECAP: usize = 10;

/// The human report of `diagnostics`: errors, warnings, to-dos per file (with
/// [`Todos::PerFile`]) and, when anything followed the errors, their first lines once more.
/// Within each part the diagnostics keep their order, by file and position as
/// [`super::Diagnostics::sorted`] returns them.
pub fn human_report(reporter: &mut Reporter, diagnostics: &[Diagnostic], todos: Todos) -> String {
    let collapsed = |d: &Diagnostic| todos == Todos::PerFile && d.code == Code::Todo;
    let errors: Vec<&Diagnostic> = diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Error)
        .collect();
    let mut out: String = errors.iter().map(|d| reporter.human(d)).collect();
    // Whether anything follows the errors, which are then repeated at the end.
    let mut followed = false;
    for warning in diagnostics
        .iter()
        .filter(|d| d.severity() == Severity::Warning && !collapsed(d))
    {
        out.push_str(&reporter.human(warning));
        followed = true;
    }
    let mut per_file: BTreeMap<&Path, Vec<usize>> = BTreeMap::new();
    for todo in diagnostics.iter().filter(|d| collapsed(d)) {
        // Every to-do has its position (see `content::todo`); line 1 only to be total.
        let line = todo.position.map_or(1, |p| p.line);
        per_file.entry(&todo.file).or_default().push(line);
    }
    if !per_file.is_empty() {
        if !out.is_empty() {
            out.push('\n');
        }
        for (file, lines) in &per_file {
            out.push_str(&todo_line(file, lines));
            out.push('\n');
        }
        out.push_str(&t!("todo-alle"));
        out.push('\n');
        followed = true;
    }
    if followed && !errors.is_empty() {
        out.push('\n');
        out.push_str(&t!("fouten-nog-eens", count = errors.len()));
        out.push('\n');
        for error in errors.iter().take(RECAP) {
            let title = error.to_string();
            out.push_str("  ");
            out.push_str(title.lines().next().unwrap_or_default());
            out.push('\n');
        }
        if errors.len() > RECAP {
            out.push_str("  ");
            out.push_str(&t!("fouten-meer", count = errors.len() - RECAP));
            out.push('\n');
        }
    }
    if let Some(line) = explanations(diagnostics, todos) {
        out.push('\n');
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// The closing line of a report that names codes: each code the report shows once, in the
/// order of their names (errors first), and how to get their explanation. To-dos summed up per
/// file show no code (their line says how to see them), and are not named.
fn explanations(diagnostics: &[Diagnostic], todos: Todos) -> Option<String> {
    let mut codes: Vec<Code> = diagnostics
        .iter()
        .map(|d| d.code)
        .filter(|code| todos == Todos::Each || *code != Code::Todo)
        .collect();
    codes.sort_unstable_by_key(|c| c.as_str());
    codes.dedup();
    let first = codes.first()?;
    let names: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
    Some(t!(
        "uitleg-meer",
        count = codes.len(),
        codes = names.join(", "),
        first = first.as_str()
    ))
}

/// `content/contact.md: 4 teksten met TODO: nog in te vullen (regels 3, 7, 12, 20)`.
fn todo_line(file: &Path, lines: &[usize]) -> String {
    let mut rows = lines.to_vec();
    rows.sort_unstable();
    rows.dedup();
    let shown: Vec<String> = rows.iter().map(usize::to_string).collect();
    t!(
        "todo-per-bestand",
        file = file.display(),
        count = lines.len(),
        rows = rows.len(),
        lines = shown.join(", ")
    )
}

/// The counts for the closing line, errors first. With [`Todos::PerFile`] the to-dos are
/// counted apart from the other warnings, as the report shows them apart.
pub fn summary(diagnostics: &[Diagnostic], todos: Todos) -> String {
    let count = |keep: &dyn Fn(&Diagnostic) -> bool| diagnostics.iter().filter(|d| keep(d)).count();
    let errors = count(&|d| d.severity() == Severity::Error);
    let todo_count = count(&|d| d.code == Code::Todo);
    if todos == Todos::Each || todo_count == 0 {
        return super::report::summary(diagnostics);
    }
    t!(
        "samenvatting-todos",
        errors = errors,
        warnings = diagnostics.len() - errors - todo_count,
        todos = todo_count
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Position;

    fn at(code: Code, file: &str, line: usize, message: &str) -> Diagnostic {
        Diagnostic::new(code, file, Some(Position { line, column: 1 }), message)
    }

    /// Two to-dos in one file, one in another, a warning and an error, sorted by file.
    fn found() -> Vec<Diagnostic> {
        vec![
            at(Code::Todo, "content/a.md", 3, "todo a3"),
            at(Code::Todo, "content/a.md", 7, "todo a7"),
            at(Code::VagueLinkText, "content/b.md", 2, "vague b2"),
            at(Code::Todo, "content/c.md", 1, "todo c1"),
            at(Code::BrokenLink, "content/c.md", 5, "broken c5"),
        ]
    }

    fn report(todos: Todos) -> String {
        human_report(&mut Reporter::new(Path::new("."), false), &found(), todos)
    }

    #[test]
    fn to_dos_are_summed_up_per_file_after_errors_and_warnings() {
        let out = report(Todos::PerFile);
        let error = out.find("broken c5").unwrap();
        let warning = out.find("vague b2").unwrap();
        let todos_a = out
            .find("content/a.md: 2 teksten met TODO: nog in te vullen (regels 3, 7)")
            .unwrap_or_else(|| panic!("{out}"));
        let todos_c = out
            .find("content/c.md: 1 tekst met TODO: nog in te vullen (regel 1)")
            .unwrap_or_else(|| panic!("{out}"));
        assert!(
            error < warning && warning < todos_a && todos_a < todos_c,
            "{out}"
        );
        assert!(!out.contains("todo a3"), "{out}");
        // The error once more, at the end.
        let recap = out.rfind("broken c5").unwrap();
        assert!(recap > todos_c, "{out}");
        assert_eq!(
            summary(&found(), Todos::PerFile),
            "1 fout, 1 waarschuwing en 3 teksten nog in te vullen (TODO:)"
        );
    }

    #[test]
    fn every_to_do_is_shown_when_asked() {
        let out = report(Todos::Each);
        let error = out.find("broken c5").unwrap();
        for todo in ["todo a3", "todo a7", "todo c1"] {
            assert!(out.find(todo).is_some_and(|at| at > error), "{out}");
        }
        assert!(!out.contains("regels"), "{out}");
        assert_eq!(summary(&found(), Todos::Each), "1 fout, 4 waarschuwingen");
    }

    #[test]
    fn at_most_ten_errors_are_repeated() {
        let mut found: Vec<Diagnostic> = (1..=12)
            .map(|line| at(Code::BrokenLink, "content/a.md", line, "broken"))
            .collect();
        found.push(at(Code::Todo, "content/b.md", 1, "todo b1"));
        let out = human_report(
            &mut Reporter::new(Path::new("."), false),
            &found,
            Todos::PerFile,
        );
        let recap = &out[out
            .find("Eerst oplossen, de 12 fouten hierboven:\n")
            .unwrap()..];
        assert_eq!(recap.matches("content/a.md:").count(), 10, "{out}");
        assert!(recap.contains("content/a.md:10:1: "), "{out}");
        assert!(
            recap.ends_with("  … en nog 2 (zie hierboven)\n\nMeer uitleg: gka uitleg GKA-E040\n"),
            "{out}"
        );
    }

    #[test]
    fn the_report_ends_by_naming_each_code_it_shows_once_errors_first() {
        let out = report(Todos::Each);
        let last = out.lines().last().unwrap();
        assert_eq!(
            last,
            "Meer uitleg over GKA-E040, GKA-W005, GKA-W008: typ gka uitleg met de code, \
             bijvoorbeeld gka uitleg GKA-E040"
        );
        assert_eq!(out.matches("gka uitleg").count(), 2, "{out}");
        // To-dos summed up per file show no code, and the last line names none.
        let out = report(Todos::PerFile);
        assert!(
            out.ends_with(
                "\nMeer uitleg over GKA-E040, GKA-W005: typ gka uitleg met de code, \
                 bijvoorbeeld gka uitleg GKA-E040\n"
            ),
            "{out}"
        );
        let one = [at(Code::BrokenLink, "content/c.md", 5, "broken c5")];
        let out = human_report(
            &mut Reporter::new(Path::new("."), false),
            &one,
            Todos::PerFile,
        );
        assert!(
            out.ends_with("\nMeer uitleg: gka uitleg GKA-E040\n"),
            "{out}"
        );
        assert_eq!(
            human_report(
                &mut Reporter::new(Path::new("."), false),
                &[],
                Todos::PerFile
            ),
            ""
        );
    }

    #[test]
    fn errors_alone_are_not_repeated() {
        let errors = [at(Code::BrokenLink, "content/c.md", 5, "broken c5")];
        let out = human_report(
            &mut Reporter::new(Path::new("."), false),
            &errors,
            Todos::PerFile,
        );
        assert_eq!(out.matches("broken c5").count(), 1, "{out}");
        assert!(!out.contains("Eerst oplossen"), "{out}");
        assert_eq!(summary(&errors, Todos::PerFile), "1 fout, 0 waarschuwingen");
    }
}

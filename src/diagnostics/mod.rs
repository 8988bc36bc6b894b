//! Diagnostics: every problem found in a site, as a value with a source location.
//!
//! Each stage of the pipeline pushes what it finds into a [`Diagnostics`] collection and
//! carries on, so one run reports every problem in every file. The build only stops, before
//! anything is written, when the collection holds an error.

mod codes;
pub mod overview;
pub mod report;

use std::fmt;
use std::path::{Path, PathBuf};

pub use codes::Code;

/// How bad a diagnostic is: errors stop the build, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    /// The site cannot be built correctly until this is fixed.
    Error,
    /// The site builds, but something is probably not what the author meant.
    Warning,
}

impl Severity {
    /// `error` or `warning`: the word machines read (`--format json|github|gitlab`), the
    /// same in every language.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
        }
    }

    /// The word people read in front of a message, in the current language: `fout` or
    /// `waarschuwing`.
    pub fn name(self) -> String {
        match self {
            Severity::Error => t!("label-fout"),
            Severity::Warning => t!("label-waarschuwing"),
        }
    }
}

/// A position in a source file, 1-based like every editor shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Position {
    /// Line number, starting at 1.
    pub line: usize,
    /// Column number in characters, starting at 1.
    pub column: usize,
}

/// One problem in one file, with what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// What kind of problem it is; also decides the severity.
    pub code: Code,
    /// The file, relative to the site root where possible.
    pub file: PathBuf,
    /// Where in the file; `None` when the problem is about the file as a whole.
    pub position: Option<Position>,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
    /// How many characters from `position` the marker under the source line covers (at most
    /// to the line's end): a whole value, such as `30 juni 2025`. `None` marks one word.
    pub width: Option<usize>,
}

impl Diagnostic {
    /// A problem of kind `code` in `file` at `position`.
    pub fn new(
        code: Code,
        file: impl Into<PathBuf>,
        position: Option<Position>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            code,
            file: file.into(),
            position,
            message: message.into(),
            hint: None,
            width: None,
        }
    }

    /// The same diagnostic with a marker `width` characters wide, when that is known; see
    /// [`Diagnostic::width`].
    pub fn with_width(mut self, width: Option<usize>) -> Self {
        self.width = width;
        self
    }

    /// Error or warning, from the code.
    pub fn severity(&self) -> Severity {
        self.code.severity()
    }

    /// The same diagnostic with a hint on how to fix it.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// The diagnostic as people read it, in the current language:
/// `file:line:col: fout[CODE]: message`, and the hint on a line of its own.
impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file.display())?;
        if let Some(p) = self.position {
            write!(f, ":{}:{}", p.line, p.column)?;
        }
        write!(
            f,
            ": {}[{}]: {}",
            self.severity().name(),
            self.code,
            self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  {}: {hint}", t!("label-tip"))?;
        }
        Ok(())
    }
}

/// All diagnostics of one run.
#[derive(Debug, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// Adds one diagnostic.
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.items.push(diagnostic);
    }

    /// Adds all diagnostics of another collection.
    pub fn extend(&mut self, other: impl IntoIterator<Item = Diagnostic>) {
        self.items.extend(other);
    }

    /// Whether any diagnostic is an error.
    pub fn has_errors(&self) -> bool {
        self.items.iter().any(|d| d.severity() == Severity::Error)
    }

    /// The number of errors and of warnings.
    pub fn counts(&self) -> (usize, usize) {
        let errors = self
            .items
            .iter()
            .filter(|d| d.severity() == Severity::Error)
            .count();
        (errors, self.items.len() - errors)
    }

    /// The diagnostics sorted by file, then position, then message, for stable output.
    pub fn sorted(mut self) -> Vec<Diagnostic> {
        self.items.sort_by(|a, b| {
            (&a.file, a.position, a.code, &a.message)
                .cmp(&(&b.file, b.position, b.code, &b.message))
        });
        // A template error shows up once per page that uses the template.
        self.items.dedup();
        self.items
    }

    /// Whether nothing was reported.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.items.into_iter()
    }
}

/// `path` relative to `root` when it lies inside it, for short messages.
pub fn relative(root: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(root).unwrap_or(path).to_path_buf()
}

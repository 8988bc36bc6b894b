//! When each content file last changed: from git history when the site is a git checkout
//! (what a reader cares about is when the text changed, not when CI checked it out), else
//! from the file's modification time.

use std::collections::HashMap;
use std::path::Path;
use std::process::Command;

use super::values::Datum;

/// Last-change dates of files, keyed by their path relative to `content/` (`/` separators).
#[derive(Debug, Default)]
pub struct History {
    from_git: HashMap<String, Datum>,
}

impl History {
    /// Reads the git history of `content/` under `root`, in one `git log` run. Without git,
    /// or outside a checkout, the history is empty and file times are used.
    pub fn read(root: &Path) -> History {
        let output = Command::new("git")
            .arg("-C")
            .arg(root)
            .args([
                "log",
                "--format=format:%x00%cs",
                "--name-only",
                "--relative",
                "--",
                super::CONTENT_DIR,
            ])
            .output();
        let Some(output) = output.ok().filter(|o| o.status.success()) else {
            return History::default();
        };
        let mut from_git = HashMap::new();
        let mut date = None;
        for line in String::from_utf8_lossy(&output.stdout).lines() {
            if let Some(commit_date) = line.strip_prefix('\0') {
                date = commit_date.parse::<Datum>().ok();
            } else if let (Some(date), Some(path)) = (date, line.strip_prefix("content/")) {
                // Newest commits come first: the first date seen is the last change.
                from_git.entry(path.to_string()).or_insert(date);
            }
        }
        History { from_git }
    }

    /// When the file at `content_path` last changed.
    pub fn modified(&self, content_path: &str, file: &Path) -> Option<Datum> {
        self.from_git.get(content_path).copied().or_else(|| {
            let modified = std::fs::metadata(file).ok()?.modified().ok()?;
            Some(Datum(time::OffsetDateTime::from(modified).date()))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_git_the_file_time_is_used() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.md");
        std::fs::write(&file, "x").unwrap();
        let history = History::read(dir.path());
        assert_eq!(
            history.modified("a.md", &file),
            Some(Datum(time::OffsetDateTime::now_utc().date()))
        );
        assert_eq!(history.modified("b.md", &dir.path().join("b.md")), None);
    }
}

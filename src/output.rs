//! Write: put the rendered files and static files into a fresh folder beside the output
//! folder, then swap it in. A build that fails at any point leaves the previous output as it
//! was; the old output is removed only after the swap.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::render::OutputFile;

/// The file that marks a folder as written by gka, so gka only ever replaces its own output.
pub const MARKER: &str = ".gka-output";

/// Why the output could not be written.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    /// The output folder is a place gka must never replace.
    #[error("refusing to write the site into {path}: {reason}")]
    Unsafe {
        /// The output folder asked for.
        path: PathBuf,
        /// Why that is refused.
        reason: &'static str,
    },
    /// A file system operation failed.
    #[error("cannot {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// On which path.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

fn io_error(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
    let path = path.to_path_buf();
    move |source| OutputError::Io {
        action,
        path,
        source,
    }
}

/// A file to copy into the output: from `source` to `path` inside the output folder.
#[derive(Debug, Clone)]
pub struct Copy {
    /// The file on disk.
    pub source: PathBuf,
    /// Path inside the output folder, with `/` separators.
    pub path: String,
}

/// Refuses output folders that hold the site itself or anything that is not ours.
pub fn check_output(root: &Path, output: &Path) -> Result<(), OutputError> {
    let unsafe_path = |reason| OutputError::Unsafe {
        path: output.to_path_buf(),
        reason,
    };
    let output_abs = absolute(output);
    let root_abs = absolute(root);
    if output_abs.parent().is_none() {
        return Err(unsafe_path("it is the root of the file system"));
    }
    if root_abs.starts_with(&output_abs) {
        return Err(unsafe_path("it contains the site's own files"));
    }
    for own in [
        crate::content::CONTENT_DIR,
        crate::render::templates::THEMES_DIR,
        crate::render::templates::SITE_TEMPLATES_DIR,
    ] {
        if output_abs.starts_with(root_abs.join(own)) {
            return Err(unsafe_path("it is inside content/, themes/ or templates/"));
        }
    }
    if std::env::var_os("HOME").is_some_and(|home| absolute(Path::new(&home)) == output_abs) {
        return Err(unsafe_path("it is your home folder"));
    }
    if output.is_dir() && !output.join(MARKER).exists() {
        let mut entries = fs::read_dir(output).map_err(io_error("read", output))?;
        if entries.next().is_some() {
            return Err(unsafe_path(
                "it is a folder with files that gka did not write; empty it or choose another --output",
            ));
        }
    } else if output.exists() && !output.is_dir() {
        return Err(unsafe_path("it is a file"));
    }
    Ok(())
}

/// The path made absolute and without `.`/`..` parts, as far as it exists.
fn absolute(path: &Path) -> PathBuf {
    if let Ok(canonical) = fs::canonicalize(path) {
        return canonical;
    }
    match (path.parent(), path.file_name()) {
        (Some(parent), Some(name)) => absolute(if parent.as_os_str().is_empty() {
            Path::new(".")
        } else {
            parent
        })
        .join(name),
        _ => std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf()),
    }
}

/// Writes `files` and `copies` into a new folder and swaps it in at `output`.
/// Returns the number of files written.
pub fn write_site(
    output: &Path,
    files: &[OutputFile],
    copies: &[Copy],
) -> Result<usize, OutputError> {
    let name = output
        .file_name()
        .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
    let parent = match output.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_error("create", &parent))?;
    let staging = tempfile::Builder::new()
        .prefix(&format!(".{name}.gka-new-"))
        .tempdir_in(&parent)
        .map_err(io_error("create a temporary folder in", &parent))?;
    let dir = staging.path();

    files.par_iter().try_for_each(|file| {
        let path = dir.join(&file.path);
        create_parent(&path)?;
        let mut out =
            io::BufWriter::new(fs::File::create(&path).map_err(io_error("create", &path))?);
        out.write_all(&file.contents)
            .map_err(io_error("write", &path))?;
        out.flush().map_err(io_error("write", &path))
    })?;
    copies.par_iter().try_for_each(|copy| {
        let path = dir.join(&copy.path);
        create_parent(&path)?;
        fs::copy(&copy.source, &path)
            .map(|_| ())
            .map_err(io_error("copy", &copy.source))
    })?;
    fs::write(
        dir.join(MARKER),
        "This folder is written by gka build and replaced on every build.\n",
    )
    .map_err(io_error("write", &dir.join(MARKER)))?;

    let staged = staging.keep();
    let old = if output.exists() {
        let old = parent.join(format!(".{name}.gka-old-{}", std::process::id()));
        fs::rename(output, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&staged);
            io_error("move the previous output", output)(e)
        })?;
        Some(old)
    } else {
        None
    };
    if let Err(e) = fs::rename(&staged, output) {
        if let Some(old) = &old {
            let _ = fs::rename(old, output);
        }
        let _ = fs::remove_dir_all(&staged);
        return Err(io_error("move the new output to", output)(e));
    }
    if let Some(old) = old {
        fs::remove_dir_all(&old).map_err(io_error("remove the previous output", &old))?;
    }
    Ok(files.len() + copies.len())
}

fn create_parent(path: &Path) -> Result<(), OutputError> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(io_error("create", parent)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, text: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: text.as_bytes().to_vec(),
            is_page: true,
        }
    }

    #[test]
    fn swaps_in_a_complete_new_output() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        write_site(&out, &[file("a/index.html", "een")], &[]).unwrap();
        write_site(&out, &[file("b/index.html", "twee")], &[]).unwrap();
        assert!(!out.join("a").exists());
        assert_eq!(
            fs::read_to_string(out.join("b/index.html")).unwrap(),
            "twee"
        );
        let leftovers: Vec<_> = fs::read_dir(tmp.path()).unwrap().collect();
        assert_eq!(leftovers.len(), 1, "only public/ remains");
    }

    #[test]
    fn refuses_folders_that_are_not_ours() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("docs");
        fs::create_dir_all(&out).unwrap();
        fs::write(out.join("notes.txt"), "mine").unwrap();
        assert!(check_output(tmp.path(), &out).is_err());
        assert!(check_output(tmp.path(), tmp.path()).is_err());
        assert!(check_output(tmp.path(), &tmp.path().join("content/public")).is_err());
        assert!(check_output(tmp.path(), Path::new("/")).is_err());
        assert!(check_output(tmp.path(), &tmp.path().join("public")).is_ok());
    }
}

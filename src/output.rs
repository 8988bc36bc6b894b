//! Write: put the rendered files and static files into a fresh folder beside the output
//! folder, then swap it in. A build that fails at any point leaves the previous output as it
//! was; the old output is removed only after the swap.
//!
//! `gka serve` instead keeps one [`LiveOutput`] folder and updates it in place, writing only
//! the files whose bytes changed, so that unchanged files keep their modification time.

use std::collections::{HashMap, HashSet};
use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

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
        crate::theme::THEMES_DIR,
        crate::theme::SITE_TEMPLATES_DIR,
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

/// A new output folder beside the output folder, filled while the site is rendered and
/// swapped in by [`Staging::publish`]. Dropped without publishing (a failed build), it is
/// removed, and the previous output stays as it was.
#[derive(Debug)]
pub struct Staging {
    folder: tempfile::TempDir,
    output: PathBuf,
    parent: PathBuf,
    name: String,
}

impl Staging {
    /// An empty folder beside `output`, on the same file system, so the swap is a rename.
    pub fn new(output: &Path) -> Result<Staging, OutputError> {
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_error("create", &parent))?;
        let folder = tempfile::Builder::new()
            .prefix(&format!(".{name}.gka-new-"))
            .tempdir_in(&parent)
            .map_err(io_error("create a temporary folder in", &parent))?;
        Ok(Staging {
            folder,
            output: output.to_path_buf(),
            parent,
            name,
        })
    }

    /// The folder being filled.
    pub fn dir(&self) -> &Path {
        self.folder.path()
    }

    /// Writes `file` into the folder. Safe to call from many threads at once.
    pub fn write(&self, file: &OutputFile) -> Result<(), OutputError> {
        self.write_with(&file.path, &|out| out.write_all(&file.contents))
    }

    /// Writes the file at `path` inside the folder with `write`, buffered.
    pub fn write_with(
        &self,
        path: &str,
        write: &dyn Fn(&mut dyn Write) -> io::Result<()>,
    ) -> Result<(), OutputError> {
        let path = self.dir().join(path);
        create_parent(&path)?;
        let mut out =
            io::BufWriter::new(fs::File::create(&path).map_err(io_error("create", &path))?);
        write(&mut out).map_err(io_error("write", &path))?;
        out.flush().map_err(io_error("write", &path))
    }

    /// Copies `copies` into the folder, in parallel.
    pub fn copy(&self, copies: &[Copy]) -> Result<(), OutputError> {
        copies.par_iter().try_for_each(|copy| {
            let path = self.dir().join(&copy.path);
            create_parent(&path)?;
            fs::copy(&copy.source, &path)
                .map(|_| ())
                .map_err(io_error("copy", &copy.source))
        })
    }

    /// Marks the folder as gka's and swaps it in at the output path; the previous output is
    /// removed after the swap.
    pub fn publish(self) -> Result<(), OutputError> {
        let Staging {
            folder,
            output,
            parent,
            name,
        } = self;
        let dir = folder.path();
        fs::write(
            dir.join(MARKER),
            "This folder is written by gka build and replaced on every build.\n",
        )
        .map_err(io_error("write", &dir.join(MARKER)))?;
        let output = output.as_path();
        let staged = folder.keep();
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
        Ok(())
    }
}

/// An output folder that is updated in place, for `gka serve`. It remembers a hash of every
/// file it wrote and the source of every file it copied, writes only files whose bytes or
/// source changed, and removes the files a build no longer produces. Each file is replaced
/// by renaming a complete new file over it, so the web server never reads half a file.
#[derive(Debug)]
pub struct LiveOutput {
    dir: PathBuf,
    /// Path inside the folder → hash of the bytes written there.
    written: HashMap<String, u64>,
    /// Path inside the folder → the file copied there, with its size and time then.
    copied: HashMap<String, (PathBuf, u64, Option<SystemTime>)>,
}

/// What one [`LiveOutput`] update did.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Update {
    /// Files written or copied because they are new or changed.
    pub written: usize,
    /// Files removed because the build no longer produces them.
    pub removed: usize,
}

impl LiveOutput {
    /// An empty output folder at `dir`, created with gka's marker file.
    pub fn create(dir: &Path) -> Result<LiveOutput, OutputError> {
        fs::create_dir_all(dir).map_err(io_error("create", dir))?;
        fs::write(
            dir.join(MARKER),
            "This folder is written by gka serve and updated on every change.\n",
        )
        .map_err(io_error("write", &dir.join(MARKER)))?;
        Ok(LiveOutput {
            dir: dir.to_path_buf(),
            written: HashMap::new(),
            copied: HashMap::new(),
        })
    }

    /// The folder.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// Another updater of the same folder, that knows of no file yet, for files this one never
    /// writes, in folders of their own (removing a file removes the folders it leaves empty):
    /// each writes and removes only its own files, so the two can work on different threads.
    /// `gka serve` writes its pages with one and the open data and search index with another.
    pub fn other_files(&self) -> LiveOutput {
        LiveOutput {
            dir: self.dir.clone(),
            written: HashMap::new(),
            copied: HashMap::new(),
        }
    }

    /// Writes each of `files` whose bytes differ from what this folder holds at its path.
    /// Returns how many were written.
    pub fn write(&mut self, files: &[OutputFile]) -> Result<usize, OutputError> {
        let changed: Vec<(&OutputFile, u64)> = files
            .iter()
            .map(|file| (file, bytes_hash(&file.contents)))
            .filter(|(file, hash)| self.written.get(&file.path) != Some(hash))
            .collect();
        let results: Vec<Result<(), OutputError>> = changed
            .par_iter()
            .map(|(file, _)| replace(&self.dir.join(&file.path), &file.contents))
            .collect();
        // Only files written in full are remembered, so a failed one is written next time.
        for ((file, hash), result) in changed.iter().zip(&results) {
            if result.is_ok() {
                self.written.insert(file.path.clone(), *hash);
            }
        }
        results.into_iter().collect::<Result<(), _>>()?;
        Ok(changed.len())
    }

    /// Copies each of `copies` whose source is new, another file, or changed in size or time
    /// since it was copied. Returns how many were copied.
    pub fn copy(&mut self, copies: &[Copy]) -> Result<usize, OutputError> {
        let mut count = 0;
        for copy in copies {
            let meta = fs::metadata(&copy.source).map_err(io_error("read", &copy.source))?;
            let stamp = (copy.source.clone(), meta.len(), meta.modified().ok());
            if self.copied.get(&copy.path) == Some(&stamp) {
                continue;
            }
            let bytes = fs::read(&copy.source).map_err(io_error("read", &copy.source))?;
            replace(&self.dir.join(&copy.path), &bytes)?;
            self.copied.insert(copy.path.clone(), stamp);
            count += 1;
        }
        Ok(count)
    }

    /// The files written or copied earlier whose path is not in `keep`: those to
    /// [`LiveOutput::remove`] when the site has only the files in `keep`.
    pub fn stale(&self, keep: &HashSet<&str>) -> Vec<String> {
        self.written
            .keys()
            .chain(self.copied.keys())
            .filter(|path| !keep.contains(path.as_str()))
            .cloned()
            .collect()
    }

    /// Removes the files at `paths`, written or copied earlier, and the folders that leaves
    /// empty. Returns how many there were.
    pub fn remove(&mut self, gone: &[String]) -> Result<usize, OutputError> {
        for path in gone {
            let file = self.dir.join(path);
            match fs::remove_file(&file) {
                Ok(()) => {}
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(io_error("remove", &file)(e)),
            }
            self.written.remove(path);
            self.copied.remove(path);
            // Empty folders would still answer as folders; remove them up to the output's.
            let mut folder = file.parent();
            while let Some(dir) = folder.filter(|d| *d != self.dir) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
                folder = dir.parent();
            }
        }
        Ok(gone.len())
    }
}

/// xxh3, not SipHash: `gka serve` hashes every file it writes, the 170 MB of open data at
/// 10 000 pages after every edit among them, where SipHash took a fifth of the time.
fn bytes_hash(bytes: &[u8]) -> u64 {
    xxhash_rust::xxh3::xxh3_64(bytes)
}

/// Writes `bytes` to `path` by renaming a complete temporary file in the same folder over it.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), OutputError> {
    create_parent(path)?;
    let folder = path.parent().unwrap_or(Path::new("."));
    let mut temporary = tempfile::Builder::new()
        .prefix(".gka-part-")
        .tempfile_in(folder)
        .map_err(io_error("create a temporary file in", folder))?;
    temporary
        .write_all(bytes)
        .map_err(io_error("write", temporary.path()))?;
    temporary
        .persist(path)
        .map_err(|e| io_error("write", path)(e.error))?;
    Ok(())
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
        for (path, text) in [("a/index.html", "een"), ("b/index.html", "twee")] {
            let staging = Staging::new(&out).unwrap();
            staging.write(&file(path, text)).unwrap();
            staging.publish().unwrap();
        }
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

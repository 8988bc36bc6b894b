//! Write: put the rendered files and static files into a fresh folder beside the output
//! folder, then swap it in, in one step where the system can. A build that fails at any point
//! leaves the previous output as it was; the old output is removed only after the swap, and
//! what a killed build left beside the output is removed by the next one.
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
    #[error("{}", t!("uitvoer-geweigerd", folder = path.display(), reason = reason))]
    Unsafe {
        /// The output folder asked for.
        path: PathBuf,
        /// Why that is refused, in the current language.
        reason: String,
    },
    /// A file system operation failed.
    #[error("{}", action.say(path, source))]
    Io {
        /// What was being done.
        action: Action,
        /// On which path.
        path: PathBuf,
        /// The system's error.
        source: io::Error,
    },
}

/// What gka was doing to a file or folder of the output when the system refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Reading a file or folder.
    Read,
    /// Making a file or folder.
    Create,
    /// Making a temporary folder in a folder.
    CreateTempFolder,
    /// Making a temporary file in a folder.
    CreateTempFile,
    /// Writing a file.
    Write,
    /// Copying a file.
    Copy,
    /// Locking gka's marker file.
    Lock,
    /// Removing a file.
    Remove,
    /// Emptying the output folder of `gka serve`.
    Empty,
    /// Moving the new output into place.
    MoveIn,
    /// Moving the previous output aside.
    MoveAside,
    /// Swapping the new output with the previous one.
    SwapIn,
}

impl Action {
    /// That doing this to `path` failed, and the system's reason, in the current language.
    fn say(self, path: &Path, source: &io::Error) -> String {
        let (path, reason) = (path.display(), crate::i18n::io_error(source));
        match self {
            Action::Read => t!("uitvoer-lezen", path = path, reason = reason),
            Action::Create => t!("uitvoer-maken", path = path, reason = reason),
            Action::CreateTempFolder => t!("uitvoer-tijdelijke-map", path = path, reason = reason),
            Action::CreateTempFile => {
                t!("uitvoer-tijdelijk-bestand", path = path, reason = reason)
            }
            Action::Write => t!("uitvoer-schrijven", path = path, reason = reason),
            Action::Copy => t!("uitvoer-kopieren", path = path, reason = reason),
            Action::Lock => t!("uitvoer-vergrendelen", path = path, reason = reason),
            Action::Remove => t!("uitvoer-weghalen", path = path, reason = reason),
            Action::Empty => t!("uitvoer-leegmaken", path = path, reason = reason),
            Action::MoveIn => t!("uitvoer-neerzetten", path = path, reason = reason),
            Action::MoveAside => t!("uitvoer-opzij", path = path, reason = reason),
            Action::SwapIn => t!("uitvoer-wisselen", path = path, reason = reason),
        }
    }
}

fn io_error(action: Action, path: &Path) -> impl FnOnce(io::Error) -> OutputError + use<> {
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
        return Err(unsafe_path(t!("uitvoer-niet-hoofdmap")));
    }
    if root_abs.starts_with(&output_abs) {
        return Err(unsafe_path(t!("uitvoer-niet-site")));
    }
    for own in [
        crate::content::CONTENT_DIR,
        crate::theme::THEMES_DIR,
        crate::theme::SITE_TEMPLATES_DIR,
    ] {
        if output_abs.starts_with(root_abs.join(own)) {
            return Err(unsafe_path(t!("uitvoer-niet-in-site")));
        }
    }
    if std::env::var_os("HOME").is_some_and(|home| absolute(Path::new(&home)) == output_abs) {
        return Err(unsafe_path(t!("uitvoer-niet-thuismap")));
    }
    if output.is_dir() && !output.join(MARKER).exists() {
        let mut entries = fs::read_dir(output).map_err(io_error(Action::Read, output))?;
        if entries.next().is_some() {
            return Err(unsafe_path(t!("uitvoer-niet-vreemde-map")));
        }
    } else if output.exists() && !output.is_dir() {
        return Err(unsafe_path(t!("uitvoer-niet-bestand")));
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

/// The text of the marker file of `gka build`'s output.
const BUILD_MARKER: &str = "This folder is written by gka build and replaced on every build.\n";

/// How the names of gka's folders beside the output `name` start: the new output being
/// written, where the previous output also lies after the swap until it is removed.
fn new_prefix(name: &str) -> String {
    format!(".{name}.gka-new-")
}

/// How the names of the previous outputs start that are moved aside where the system cannot
/// swap two folders in one step.
fn old_prefix(name: &str) -> String {
    format!(".{name}.gka-old-")
}

/// A folder that gka left beside the output because it could not remove it. The new output
/// is in place all the same; the next build tries again.
#[derive(Debug)]
pub struct Leftover {
    /// The folder.
    pub path: PathBuf,
    /// What it holds, for messages, in the current language: the previous output, or a
    /// folder that an earlier build left.
    pub what: String,
    /// Why it could not be removed.
    pub error: io::Error,
}

/// What [`Staging::publish`] did besides putting the new output in place.
#[derive(Debug, Default)]
pub struct Published {
    /// The folders it could not remove: the previous output, or what interrupted builds left.
    pub leftovers: Vec<Leftover>,
}

/// A new output folder beside the output folder, filled while the site is rendered and
/// swapped in by [`Staging::publish`]. Dropped without publishing (a failed build), it is
/// removed, and the previous output stays as it was.
///
/// The folder carries gka's marker from the start, locked while the build runs, so that the
/// next build can tell what a killed build left (marked, unlocked) and remove it, and never
/// takes another running build's folder for that.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    output: PathBuf,
    parent: PathBuf,
    name: String,
    /// The marker file, open and locked; closing it, or the end of the process, unlocks it.
    marker: Option<fs::File>,
    /// Whether dropping the staging removes the folder: until the swap starts.
    armed: bool,
    /// What earlier runs left that could not be removed.
    leftovers: Vec<Leftover>,
}

impl Staging {
    /// An empty folder beside `output`, on the same file system, so the swap is a rename.
    /// First removes what earlier builds of `output` that were killed left beside it.
    pub fn new(output: &Path) -> Result<Staging, OutputError> {
        let name = output
            .file_name()
            .map_or_else(|| "public".into(), |n| n.to_string_lossy().into_owned());
        let parent = match output.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent).map_err(io_error(Action::Create, &parent))?;
        let leftovers = clean_up(&parent, &name, output);
        let dir = tempfile::Builder::new()
            .prefix(&new_prefix(&name))
            .tempdir_in(&parent)
            .map_err(io_error(Action::CreateTempFolder, &parent))?
            .keep();
        let marker = match mark(&dir) {
            Ok(marker) => marker,
            Err(e) => {
                let _ = remove_folder(&dir);
                return Err(e);
            }
        };
        Ok(Staging {
            dir,
            output: output.to_path_buf(),
            parent,
            name,
            marker: Some(marker),
            armed: true,
            leftovers,
        })
    }

    /// The folder being filled.
    pub fn dir(&self) -> &Path {
        &self.dir
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
            io::BufWriter::new(fs::File::create(&path).map_err(io_error(Action::Create, &path))?);
        write(&mut out).map_err(io_error(Action::Write, &path))?;
        out.flush().map_err(io_error(Action::Write, &path))
    }

    /// Copies `copies` into the folder, in parallel.
    pub fn copy(&self, copies: &[Copy]) -> Result<(), OutputError> {
        copies.par_iter().try_for_each(|copy| {
            let path = self.dir().join(&copy.path);
            create_parent(&path)?;
            fs::copy(&copy.source, &path)
                .map(|_| ())
                .map_err(io_error(Action::Copy, &copy.source))
        })
    }

    /// Puts the folder in place at the output path and removes the previous output.
    ///
    /// On Linux the two folders trade places in one step, so at every moment the output path
    /// holds the complete previous or the complete new output; where the system or the file
    /// system cannot do that, the previous output is moved aside first, and a build killed
    /// between the two renames leaves it there for the next build to put back. An error
    /// means the previous output is in place, unchanged. A previous output that cannot be
    /// removed afterwards is no error: the new output is in place; it is reported in
    /// [`Published::leftovers`].
    pub fn publish(self) -> Result<Published, OutputError> {
        self.publish_with(&System)
    }

    fn publish_with(mut self, steps: &dyn Steps) -> Result<Published, OutputError> {
        // A crash from here on must not remove the folder: it may be the output already.
        self.armed = false;
        let mut published = Published {
            leftovers: std::mem::take(&mut self.leftovers),
        };
        let (staged, output) = (&self.dir, &self.output);
        let fail = |action, error| {
            let _ = remove_folder(staged);
            io_error(action, output)(error)
        };
        if fs::symlink_metadata(output).is_err() {
            steps
                .rename(staged, output)
                .map_err(|e| fail(Action::MoveIn, e))?;
            return Ok(published);
        }
        let old = match steps.exchange(staged, output) {
            // The previous output now lies where the new one was written.
            Ok(()) => staged.clone(),
            Err(e) if e.kind() == io::ErrorKind::Unsupported => {
                let old =
                    self.parent
                        .join(format!("{}{}", old_prefix(&self.name), std::process::id()));
                steps
                    .rename(output, &old)
                    .map_err(|e| fail(Action::MoveAside, e))?;
                if let Err(e) = steps.rename(staged, output) {
                    let _ = fs::rename(&old, output);
                    return Err(fail(Action::MoveIn, e));
                }
                old
            }
            Err(e) => return Err(fail(Action::SwapIn, e)),
        };
        if let Err(error) = steps.remove(&old) {
            published.leftovers.push(Leftover {
                path: old,
                what: t!("uitvoer-rest-vorige"),
                error,
            });
        }
        Ok(published)
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        // Unlocked first: some systems do not remove a file that is open.
        drop(self.marker.take());
        if self.armed {
            let _ = remove_folder(&self.dir);
        }
    }
}

/// Writes gka's marker into the new folder `dir` and locks it. The marker gets its name only
/// once it is locked, so a marked folder is never taken for a leftover while its build runs.
fn mark(dir: &Path) -> Result<fs::File, OutputError> {
    let part = dir.join(format!("{MARKER}.part"));
    let mut file = fs::File::create(&part).map_err(io_error(Action::Create, &part))?;
    file.lock().map_err(io_error(Action::Lock, &part))?;
    file.write_all(BUILD_MARKER.as_bytes())
        .map_err(io_error(Action::Write, &part))?;
    let marker = dir.join(MARKER);
    fs::rename(&part, &marker).map_err(io_error(Action::Write, &marker))?;
    Ok(file)
}

/// Removes what builds of the output `name` in `parent` that were killed left there: folders
/// named like gka's new and old outputs that carry gka's marker and whose build no longer
/// runs. Nothing else is touched. When the output itself is missing, because a build was
/// killed between the two renames of a swap, the previous output it had moved aside is put
/// back instead. Returns the folders that could not be removed.
fn clean_up(parent: &Path, name: &str, output: &Path) -> Vec<Leftover> {
    let Ok(entries) = fs::read_dir(parent) else {
        return Vec::new();
    };
    let (new_prefix, old_prefix) = (new_prefix(name), old_prefix(name));
    let mut leftovers = Vec::new();
    let mut old = Vec::new();
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(file_name) = file_name.to_str() else {
            continue;
        };
        let path = entry.path();
        if file_name.starts_with(&old_prefix) && abandoned(&path) {
            old.push(path);
        } else if file_name.starts_with(&new_prefix)
            && abandoned(&path)
            && let Err(error) = remove_folder(&path)
        {
            leftovers.push(Leftover {
                path,
                what: t!("uitvoer-rest-eerder"),
                error,
            });
        }
    }
    if fs::symlink_metadata(output).is_err() {
        let newest = (old.iter().enumerate())
            .max_by_key(|(_, path)| fs::metadata(path).and_then(|m| m.modified()).ok())
            .map(|(i, _)| i);
        if let Some(i) = newest
            && fs::rename(&old[i], output).is_ok()
        {
            old.remove(i);
        }
    }
    for path in old {
        if let Err(error) = remove_folder(&path) {
            leftovers.push(Leftover {
                path,
                what: t!("uitvoer-rest-opzij"),
                error,
            });
        }
    }
    leftovers
}

/// Whether `path` is a folder (not a link to one) that carries gka's marker and whose build
/// no longer holds the marker's lock.
fn abandoned(path: &Path) -> bool {
    let marker = path.join(MARKER);
    let is = |path: &Path, dir: bool| {
        fs::symlink_metadata(path).is_ok_and(|m| if dir { m.is_dir() } else { m.is_file() })
    };
    if !is(path, true) || !is(&marker, false) {
        return false;
    }
    // A lock that cannot be asked for says nothing either way: then the folder stays.
    fs::File::open(&marker).is_ok_and(|file| file.try_lock().is_ok())
}

/// Removes the folder `path` that gka wrote, its marker last, so that a removal that fails or
/// is interrupted leaves a folder the next build still knows as gka's and removes. Removes all
/// it can; the first error, if any.
fn remove_folder(path: &Path) -> io::Result<()> {
    if fs::symlink_metadata(path)?.file_type().is_symlink() {
        return fs::remove_file(path);
    }
    let mut first_error = None;
    for entry in fs::read_dir(path)? {
        let result = entry.and_then(|entry| {
            if entry.file_name() == MARKER {
                Ok(())
            } else if entry.file_type()?.is_dir() {
                fs::remove_dir_all(entry.path())
            } else {
                fs::remove_file(entry.path())
            }
        });
        if let Err(e) = result {
            first_error.get_or_insert(e);
        }
    }
    if let Some(e) = first_error {
        return Err(e);
    }
    match fs::remove_file(path.join(MARKER)) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => return Err(e),
        _ => {}
    }
    fs::remove_dir(path)
}

/// The file system calls of a swap, one step each, so that tests can stop a swap between
/// any two of them, as a crash would.
trait Steps {
    /// Trades the places of the folders `a` and `b` in one step; fails with
    /// [`io::ErrorKind::Unsupported`] where the system or the file system cannot.
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()>;
    /// Renames `from` to `to`.
    fn rename(&self, from: &Path, to: &Path) -> io::Result<()>;
    /// Removes the folder gka wrote at `folder`.
    fn remove(&self, folder: &Path) -> io::Result<()>;
}

/// The real file system.
struct System;

impl Steps for System {
    fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
        exchange(a, b)
    }

    fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
        fs::rename(from, to)
    }

    fn remove(&self, folder: &Path) -> io::Result<()> {
        remove_folder(folder)
    }
}

/// `renameat2` with `RENAME_EXCHANGE`.
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    use rustix::io::Errno;
    match renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE) {
        Ok(()) => Ok(()),
        // Kernels before 3.15 and file systems without the exchange (some network and FUSE
        // ones) refuse it; they can still rename.
        Err(e) if [Errno::INVAL, Errno::NOSYS, Errno::OPNOTSUPP].contains(&e) => {
            Err(io::Error::new(io::ErrorKind::Unsupported, e))
        }
        Err(e) => Err(e.into()),
    }
}

/// Elsewhere two folders cannot trade places in one step.
#[cfg(not(target_os = "linux"))]
fn exchange(_: &Path, _: &Path) -> io::Result<()> {
    Err(io::ErrorKind::Unsupported.into())
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
        fs::create_dir_all(dir).map_err(io_error(Action::Create, dir))?;
        fs::write(
            dir.join(MARKER),
            "This folder is written by gka serve and updated on every change.\n",
        )
        .map_err(io_error(Action::Write, &dir.join(MARKER)))?;
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
            let meta = fs::metadata(&copy.source).map_err(io_error(Action::Read, &copy.source))?;
            let stamp = (copy.source.clone(), meta.len(), meta.modified().ok());
            if self.copied.get(&copy.path) == Some(&stamp) {
                continue;
            }
            let bytes = fs::read(&copy.source).map_err(io_error(Action::Read, &copy.source))?;
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
                Err(e) => return Err(io_error(Action::Remove, &file)(e)),
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
        .map_err(io_error(Action::CreateTempFile, folder))?;
    temporary
        .write_all(bytes)
        .map_err(io_error(Action::Write, temporary.path()))?;
    temporary
        .persist(path)
        .map_err(|e| io_error(Action::Write, path)(e.error))?;
    Ok(())
}

fn create_parent(path: &Path) -> Result<(), OutputError> {
    match path.parent() {
        Some(parent) => fs::create_dir_all(parent).map_err(io_error(Action::Create, parent)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;
    use std::collections::BTreeMap;

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

    /// Every file in `dir` with its text, the marker included; `None` when `dir` is missing.
    fn contents(dir: &Path) -> Option<BTreeMap<String, String>> {
        if !dir.is_dir() {
            return None;
        }
        let files = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                (rel, fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        Some(files)
    }

    /// What is beside the output `public` in `parent`, but it.
    fn beside(parent: &Path) -> Vec<String> {
        let mut names: Vec<String> = fs::read_dir(parent)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|name| name != "public")
            .collect();
        names.sort();
        names
    }

    /// A staging folder with `files`, each holding `text`.
    fn staged(out: &Path, files: &[&str], text: &str) -> Staging {
        let staging = Staging::new(out).unwrap();
        for path in files {
            staging.write(&file(path, text)).unwrap();
        }
        staging
    }

    /// How a crash unwinds: no panic message, nothing but the drops that the end of a process
    /// also brings (the marker's lock is released).
    struct Crash;

    /// The real steps of a swap, but the process "dies" before step `crash_at` (counted from
    /// 0); with `exchange` false the file system cannot exchange two folders.
    struct Crashing {
        exchange: bool,
        crash_at: usize,
        taken: Cell<usize>,
    }

    impl Crashing {
        fn step(&self) {
            if self.taken.get() == self.crash_at {
                std::panic::resume_unwind(Box::new(Crash));
            }
            self.taken.set(self.taken.get() + 1);
        }
    }

    impl Steps for Crashing {
        fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
            if !self.exchange {
                return Err(io::Error::new(io::ErrorKind::Unsupported, "refused"));
            }
            self.step();
            System.exchange(a, b)
        }

        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            self.step();
            System.rename(from, to)
        }

        fn remove(&self, folder: &Path) -> io::Result<()> {
            self.step();
            System.remove(folder)
        }
    }

    /// Issue 14, finding 9: the swap, killed between any two of its steps. With the exchange,
    /// the output holds the complete old or the complete new site at every point; without it,
    /// a kill between the two renames leaves no output, and the next build puts the old one
    /// back. Either way the next build leaves nothing beside the output.
    #[test]
    fn the_atomic_swap_survives_a_crash_between_its_steps() {
        for (exchange, steps) in [(true, 2), (false, 3)] {
            let mut crashed = 0;
            for crash_at in 0.. {
                let tmp = tempfile::tempdir().unwrap();
                let out = tmp.path().join("public");
                staged(&out, &["index.html", "oud/index.html"], "oud")
                    .publish()
                    .unwrap();
                let old = contents(&out);
                let staging = staged(&out, &["index.html", "nieuw/index.html"], "nieuw");
                let new = contents(staging.dir());
                assert_ne!(old, new);
                let crashing = Crashing {
                    exchange,
                    crash_at,
                    taken: Cell::new(0),
                };
                let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    staging.publish_with(&crashing)
                }));
                let Err(crash) = run else {
                    run.unwrap().unwrap();
                    assert_eq!(contents(&out), new);
                    assert!(beside(tmp.path()).is_empty(), "{:?}", beside(tmp.path()));
                    break;
                };
                assert!(crash.is::<Crash>());
                crashed += 1;
                let now = contents(&out);
                if exchange || crash_at != 1 {
                    assert!(
                        now == old || now == new,
                        "crash before step {crash_at}: {now:?}"
                    );
                } else {
                    assert_eq!(now, None, "between the two renames");
                }
                // The next build, which fails: the output is complete, whichever it is.
                drop(Staging::new(&out).unwrap());
                let after = contents(&out);
                assert!(
                    after == old || after == new,
                    "{exchange}, {crash_at}: {after:?}"
                );
                assert!(
                    beside(tmp.path()).is_empty(),
                    "{exchange}, {crash_at}: {:?}",
                    beside(tmp.path())
                );
            }
            assert_eq!(
                crashed, steps,
                "a crash before each step, exchange: {exchange}"
            );
        }
    }

    /// The real steps, but removing a folder fails.
    struct CannotRemove;

    impl Steps for CannotRemove {
        fn exchange(&self, a: &Path, b: &Path) -> io::Result<()> {
            System.exchange(a, b)
        }

        fn rename(&self, from: &Path, to: &Path) -> io::Result<()> {
            System.rename(from, to)
        }

        fn remove(&self, _: &Path) -> io::Result<()> {
            Err(io::Error::new(io::ErrorKind::PermissionDenied, "injected"))
        }
    }

    /// Issue 14, finding 9: once the new output is in place, failing to remove the old one is
    /// reported, not an error; the next build removes it.
    #[test]
    fn an_old_output_that_cannot_be_removed_is_reported_not_an_error() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        staged(&out, &["index.html"], "oud").publish().unwrap();
        let staging = staged(&out, &["index.html"], "nieuw");
        let published = staging.publish_with(&CannotRemove).unwrap();
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "nieuw");
        let [leftover] = &published.leftovers[..] else {
            panic!("{published:?}");
        };
        assert_eq!(leftover.what, "de vorige versie van de site");
        assert_eq!(leftover.error.to_string(), "injected");
        assert_eq!(
            fs::read_to_string(leftover.path.join("index.html")).unwrap(),
            "oud"
        );
        drop(Staging::new(&out).unwrap());
        assert!(beside(tmp.path()).is_empty(), "{:?}", beside(tmp.path()));
    }

    /// Issue 14, finding 9: what killed builds left beside the output goes, but only gka's
    /// folders of this output, marked and no longer in use.
    #[test]
    fn leftovers_of_a_killed_build_are_removed_by_the_next_build() {
        let tmp = tempfile::tempdir().unwrap();
        let out = tmp.path().join("public");
        staged(&out, &["index.html"], "oud").publish().unwrap();
        let make = |name: &str, marked: bool| {
            let dir = tmp.path().join(name);
            fs::create_dir_all(dir.join("sub")).unwrap();
            fs::write(dir.join("sub/index.html"), "x").unwrap();
            if marked {
                fs::write(dir.join(MARKER), BUILD_MARKER).unwrap();
            }
            dir
        };
        make(".public.gka-new-killed", true);
        make(".public.gka-old-4242", true);
        make(".public.gka-new-lookalike", false);
        make(".docs.gka-new-other", true);
        make("public.gka-new-no-dot", true);
        let elsewhere = make("elsewhere", true);
        fs::write(tmp.path().join(".public.gka-new-file"), "x").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink(&elsewhere, tmp.path().join(".public.gka-new-link")).unwrap();
        // A build that is still running holds its marker's lock: its folder stays.
        let running = staged(&out, &["index.html"], "nog bezig");

        let staging = staged(&out, &["index.html"], "nieuw");
        let published = staging.publish().unwrap();
        assert!(published.leftovers.is_empty(), "{published:?}");
        assert_eq!(fs::read_to_string(out.join("index.html")).unwrap(), "nieuw");
        let running_name = running
            .dir()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        let mut expected = vec![
            ".docs.gka-new-other",
            ".public.gka-new-file",
            ".public.gka-new-lookalike",
            running_name.as_str(),
            "elsewhere",
            "public.gka-new-no-dot",
        ];
        if cfg!(unix) {
            expected.push(".public.gka-new-link");
        }
        expected.sort();
        assert_eq!(beside(tmp.path()), expected);
        assert!(elsewhere.join("sub/index.html").is_file());
        assert!(
            tmp.path()
                .join(".public.gka-new-lookalike/sub/index.html")
                .is_file()
        );
        drop(running);
        assert!(!beside(tmp.path()).contains(&running_name));
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

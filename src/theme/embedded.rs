//! The themes gka carries in its binary: the repository's `themes/`, embedded at compile
//! time. A site that names one of them (`thema: gka`) and has no folder of that name in its
//! own `themes/` uses the embedded one, so a new version of gka brings its theme fixes to
//! every site that did not take a copy of the theme.
//!
//! The theme code reads themes from folders, so the embedded themes are written out once per
//! version of them (a folder named after a digest of their files, in the system's folder for
//! temporary files) and read from there like any other.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use include_dir::{Dir, include_dir};

/// The repository's `themes/`.
static THEMES: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/themes");

/// The file a copied theme holds the digest of the embedded themes it was copied from, so a
/// later gka can tell whether the copy is older than its own theme.
pub const COPIED_FROM: &str = ".gka-thema";

/// The file that marks a written-out folder of embedded themes as complete.
const COMPLETE: &str = ".compleet";

/// The names of the embedded themes.
pub fn names() -> Vec<String> {
    THEMES
        .dirs()
        .filter_map(|d| d.path().file_name()?.to_str().map(str::to_string))
        .collect()
}

/// The files of embedded theme `name`, by their path inside the theme's folder (`/`
/// separators); `None` when no theme of that name is embedded.
pub fn files(name: &str) -> Option<BTreeMap<String, &'static [u8]>> {
    fn add(dir: &'static Dir<'static>, strip: &Path, files: &mut BTreeMap<String, &'static [u8]>) {
        for file in dir.files() {
            let rel = file.path().strip_prefix(strip).unwrap_or(file.path());
            files.insert(slash_path(rel), file.contents());
        }
        for sub in dir.dirs() {
            add(sub, strip, files);
        }
    }
    let dir = THEMES.get_dir(name)?;
    let mut files = BTreeMap::new();
    add(dir, dir.path(), &mut files);
    Some(files)
}

/// A relative path with `/` separators, as the maps of theme files key it.
fn slash_path(rel: &Path) -> String {
    let parts: Vec<String> = (rel.components())
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// Writes `files` (by their `/`-separated paths) into `dir`, making folders as needed;
/// returns the files written.
fn write_files<'a>(
    dir: &Path,
    files: impl IntoIterator<Item = (String, &'a [u8])>,
) -> std::io::Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for (path, contents) in files {
        let file = dir.join(path);
        if let Some(folder) = file.parent() {
            std::fs::create_dir_all(folder)?;
        }
        std::fs::write(&file, contents)?;
        written.push(file);
    }
    Ok(written)
}

/// A digest of every embedded file, as hex: it names the version of the embedded themes.
pub fn digest() -> &'static str {
    static DIGEST: OnceLock<String> = OnceLock::new();
    DIGEST.get_or_init(|| {
        let mut hasher = xxhash_rust::xxh3::Xxh3::new();
        for name in names() {
            for (path, contents) in files(&name).unwrap_or_default() {
                for part in [name.as_bytes(), path.as_bytes(), contents] {
                    hasher.update(&(part.len() as u64).to_le_bytes());
                    hasher.update(part);
                }
            }
        }
        format!("{:016x}", hasher.digest())
    })
}

/// Where this version's embedded themes are written out.
fn base() -> PathBuf {
    std::env::temp_dir().join(format!("gka-thema-{}", digest()))
}

/// The folder of embedded theme `name` written out to disk (written now if it was not yet).
pub fn folder(name: &str) -> std::io::Result<PathBuf> {
    let base = base();
    if !base.join(COMPLETE).is_file() {
        write_out(&base)?;
    }
    Ok(base.join(name))
}

/// A file of the written-out embedded themes as messages name it: `themes/<name>/…`, the
/// place a copy of the theme would have it, instead of a temporary folder that means nothing
/// to the reader; `None` for any other file.
pub fn shown(path: &Path) -> Option<PathBuf> {
    let inside = path.strip_prefix(base()).ok()?;
    Some(Path::new(super::THEMES_DIR).join(inside))
}

/// Writes every embedded theme into `base`: into a fresh folder beside it first, renamed to
/// `base` when complete, so that a gka running at the same time never reads half a theme.
fn write_out(base: &Path) -> std::io::Result<()> {
    let parent = base.parent().unwrap_or(base);
    let staging = tempfile::Builder::new()
        .prefix(".gka-thema-")
        .tempdir_in(parent)?;
    for name in names() {
        write_files(
            &staging.path().join(&name),
            files(&name).unwrap_or_default(),
        )?;
    }
    std::fs::write(staging.path().join(COMPLETE), digest())?;
    let staging = staging.keep();
    match std::fs::rename(&staging, base) {
        Ok(()) => Ok(()),
        // Another gka wrote the same themes first: theirs is as good as ours.
        Err(_) if base.join(COMPLETE).is_file() => {
            std::fs::remove_dir_all(&staging).ok();
            Ok(())
        }
        Err(err) => {
            std::fs::remove_dir_all(&staging).ok();
            Err(err)
        }
    }
}

/// How a site's own folder of a theme compares with the embedded theme of that name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copied {
    /// The same files.
    Same,
    /// Copied from these embedded themes (it says so), perhaps changed since: the site's own.
    Current,
    /// Copied from an older (or other) version of the embedded themes, or a copy that does
    /// not say where it came from and differs.
    Older,
}

/// Compares the site's folder `dir` of theme `name` with the embedded theme of that name;
/// `None` when no theme of that name is embedded.
pub fn compare(name: &str, dir: &Path) -> Option<Copied> {
    let embedded = files(name)?;
    let copied_from = std::fs::read_to_string(dir.join(COPIED_FROM)).ok();
    if copied_from.as_deref().map(str::trim) == Some(digest()) {
        return Some(Copied::Current);
    }
    // Runs on every build of a site with a copy: a file of another size is told apart by its
    // metadata, and only files that may be the same are read.
    let mut seen = 0;
    for entry in walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
    {
        let Ok(rel) = entry.path().strip_prefix(dir) else {
            continue;
        };
        if !entry.file_type().is_file() || rel.as_os_str() == COPIED_FROM {
            continue;
        }
        let same = embedded.get(&slash_path(rel)).is_some_and(|wanted| {
            (entry.metadata()).is_ok_and(|meta| meta.len() == wanted.len() as u64)
                && std::fs::read(entry.path()).is_ok_and(|contents| contents == *wanted)
        });
        if !same {
            return Some(Copied::Older);
        }
        seen += 1;
    }
    Some(if seen == embedded.len() {
        Copied::Same
    } else {
        Copied::Older
    })
}

/// Writes embedded theme `name` into `dir` (which must not exist, unless `replace`), with the
/// file that says which version it was copied from; returns the files written.
pub fn copy_out(name: &str, dir: &Path, replace: bool) -> std::io::Result<Vec<PathBuf>> {
    let files = files(name).ok_or(std::io::ErrorKind::NotFound)?;
    if dir.exists() {
        if !replace {
            return Err(std::io::ErrorKind::AlreadyExists.into());
        }
        std::fs::remove_dir_all(dir)?;
    }
    let mut written = write_files(dir, files)?;
    let marker = dir.join(COPIED_FROM);
    std::fs::write(&marker, format!("{}\n", digest()))?;
    written.push(marker);
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The embedded themes are the repository's: a test binary built before a theme file
    /// changed would otherwise test the old theme.
    #[test]
    fn the_embedded_themes_are_the_repositorys() {
        let themes = Path::new(env!("CARGO_MANIFEST_DIR")).join("themes");
        for name in names() {
            assert_eq!(
                compare(&name, &themes.join(&name)),
                Some(Copied::Same),
                "themes/{name} differs from the embedded copy: rebuild"
            );
        }
        assert!(names().contains(&"gka".to_string()));
    }

    #[test]
    fn a_copy_says_where_it_came_from_and_a_changed_copy_without_that_is_older() {
        let site = tempfile::tempdir().unwrap();
        let dir = site.path().join("gka");
        copy_out("gka", &dir, false).unwrap();
        assert_eq!(compare("gka", &dir), Some(Copied::Current));
        assert!(
            copy_out("gka", &dir, false).is_err(),
            "an existing copy is kept"
        );

        std::fs::remove_file(dir.join(COPIED_FROM)).unwrap();
        assert_eq!(compare("gka", &dir), Some(Copied::Same));
        std::fs::write(dir.join("theme.yaml"), "css: []\n").unwrap();
        assert_eq!(compare("gka", &dir), Some(Copied::Older));
        std::fs::write(dir.join(COPIED_FROM), "0000000000000000\n").unwrap();
        assert_eq!(compare("gka", &dir), Some(Copied::Older));
        assert_eq!(compare("bestaat-niet", &dir), None);
    }

    #[test]
    fn the_written_out_themes_hold_every_embedded_file() {
        let dir = folder("gka").unwrap();
        for (path, contents) in files("gka").unwrap() {
            assert_eq!(std::fs::read(dir.join(&path)).unwrap(), contents, "{path}");
        }
    }
}

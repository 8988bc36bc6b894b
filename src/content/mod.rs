//! Load: walk `content/`, split every Markdown file into front matter and body, and read the
//! front matter into the typed struct of its content type (chosen by the file's folder).
//!
//! Loading never stops at the first problem: each file that cannot be read becomes a
//! diagnostic and the walk goes on, so one run reports every broken file.

pub mod addendum;
pub mod agenda;
pub mod document;
pub mod front_matter;
pub mod history;
pub mod interventie;
pub mod nieuws;
pub mod page;
pub mod programmalijn;
pub mod site_config;
pub mod themas;
pub mod todo;
pub mod toegankelijkheid;
pub mod types;
pub mod values;

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position, relative};
use addendum::Addendum;
use agenda::Agenda;
use document::{Digest, Document, Meta, Source};
use front_matter::{LineMap, YamlError};
use interventie::Interventie;
use nieuws::Nieuws;
use page::{Home, Page, SectionIntro};
use programmalijn::Programmalijn;
use site_config::SiteConfig;
use toegankelijkheid::Toegankelijkheid;
use types::Kind;

/// The folder in the site root that holds the content.
pub const CONTENT_DIR: &str = "content";
/// The folder inside `content/` whose files are published as they are.
pub const STATIC_DIR: &str = "static";
/// The site settings file inside `content/`.
pub const CONFIG_FILE: &str = "site.yaml";

/// Everything read from `content/`, each document typed by its content type. Documents are
/// shared (`Arc`) so that `gka serve` can keep them between rebuilds without copying.
#[derive(Debug, Default)]
pub struct Loaded {
    /// `site.yaml`, with the positions of its keys.
    pub config: Option<(SiteConfig, LineMap)>,
    /// `index.md`.
    pub home: Option<Arc<Document<Home>>>,
    /// `agenda.md`.
    pub agenda: Option<Arc<Document<Agenda>>>,
    /// `toegankelijkheid.md`: the accessibility statement.
    pub toegankelijkheid: Option<Arc<Document<Toegankelijkheid>>>,
    /// `addenda/*.md`.
    pub addenda: Vec<Arc<Document<Addendum>>>,
    /// `interventies/*.md`.
    pub interventies: Vec<Arc<Document<Interventie>>>,
    /// `programmalijnen/*.md`.
    pub programmalijnen: Vec<Arc<Document<Programmalijn>>>,
    /// `nieuws/*.md`.
    pub nieuws: Vec<Arc<Document<Nieuws>>>,
    /// Every other Markdown file.
    pub pages: Vec<Arc<Document<Page>>>,
    /// Every `_index.md`.
    pub sections: Vec<Arc<Document<SectionIntro>>>,
    /// `themas.yaml`, the national themes of a site with `bronnen`.
    pub themas: themas::Mapping,
    /// Files in `content/static/`.
    pub static_files: Vec<StaticFile>,
    /// Content paths of Markdown files that could not be read; their errors are reported.
    pub failed: Vec<String>,
}

/// A file published as it is under `/static/`, from `content/static/` or a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaticFile {
    /// Path inside `static/`, with `/` separators, e.g. `gka-agenda.pdf`.
    pub path: String,
    /// The file on disk.
    pub source: PathBuf,
    /// Its size in bytes, shown in links to downloads ("PDF, 1,2 MB").
    pub size: u64,
}

/// The name of the content type of the Markdown file at `content_path` (relative to
/// `content/`), as `gka schema` names its schema files (see [`types::TYPES`]).
pub fn kind_name(content_path: &str) -> &'static str {
    Kind::of(content_path).info().name
}

/// One loaded Markdown file, before it is sorted into [`Loaded`].
#[derive(Clone)]
pub enum Item {
    /// `index.md`.
    Home(Arc<Document<Home>>),
    /// `agenda.md`.
    Agenda(Arc<Document<Agenda>>),
    /// `toegankelijkheid.md`: the accessibility statement.
    Toegankelijkheid(Arc<Document<Toegankelijkheid>>),
    /// `addenda/*.md`.
    Addendum(Arc<Document<Addendum>>),
    /// `interventies/*.md`.
    Interventie(Arc<Document<Interventie>>),
    /// `programmalijnen/*.md`.
    Programmalijn(Arc<Document<Programmalijn>>),
    /// `nieuws/*.md`.
    Nieuws(Arc<Document<Nieuws>>),
    /// `_index.md` anywhere.
    Section(Arc<Document<SectionIntro>>),
    /// Any other Markdown file.
    Page(Arc<Document<Page>>),
}

/// What earlier loads read, kept by `gka serve` so that a rebuild re-reads only the Markdown
/// files that changed: each file's document (or the problems that stopped it) with its
/// to-dos, the last walk of `content/`, and the git history, which is read once per session.
#[derive(Default)]
pub struct LoadCache {
    history: Option<history::History>,
    /// The last walk of `content/`.
    walk: Option<Walk>,
    /// Content path → what reading the file gave.
    files: HashMap<String, (ItemResult, Vec<Diagnostic>)>,
    read_last: usize,
}

impl LoadCache {
    /// How many files the last load read from disk (the rest came from the cache).
    pub fn read_last(&self) -> usize {
        self.read_last
    }

    /// Reads the files in `changed` again without walking `content/`, when the last load (of
    /// the site at `root`) read each of them as a document and each is still a file: an edit
    /// of documents, which the next [`load_with`] takes from this cache. A hidden file, and a
    /// path that is gone and held nothing the last walk found (an editor's temporary file),
    /// are passed over.
    /// `None` when anything else changed (a file added, removed or renamed, a file that is not
    /// Markdown, anything outside `content/`) or a file no longer reads as a document: only a
    /// full load tells what the site is then.
    pub fn reread(&mut self, root: &Path, changed: &[PathBuf]) -> Option<Vec<Reread>> {
        let content = root.join(CONTENT_DIR);
        let walk = self.walk.as_ref()?;
        let history = self.history.as_ref()?;
        if !changed.iter().all(|path| path.starts_with(&content))
            || !walk.still_holds(&content, changed)
        {
            return None;
        }
        let paths: BTreeSet<&PathBuf> = (changed.iter())
            .filter(|path| walk.markdown_paths.contains(*path))
            .collect();
        let mut reread = Vec::new();
        for path in paths {
            let content_path = content_relative(&content, path).ok()?;
            let (Ok(item), todos) = read_markdown(root, history, path, &content_path) else {
                return None;
            };
            let before = self
                .files
                .insert(content_path, (Ok(item.clone()), todos.clone()));
            let Some((Ok(_), todos_before)) = before else {
                return None;
            };
            reread.push(Reread {
                item,
                todos,
                todos_before,
            });
        }
        self.read_last = reread.len();
        Some(reread)
    }
}

/// A Markdown file read again by [`LoadCache::reread`].
pub struct Reread {
    /// Its document.
    pub item: Item,
    /// Its to-dos.
    pub todos: Vec<Diagnostic>,
    /// Its to-dos when it was read before.
    pub todos_before: Vec<Diagnostic>,
}

/// Files larger than this are refused, so a stray video or dump cannot exhaust memory.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;
/// Front matter larger than this is refused: it is a few keys, never a document.
pub const MAX_FRONT_MATTER_BYTES: usize = 64 * 1024;

/// Reads `content/` under `root`. Problems are added to `diagnostics`; files with problems are
/// left out of the result.
pub fn load(root: &Path, diagnostics: &mut Diagnostics) -> Loaded {
    load_with(root, &mut LoadCache::default(), &[], diagnostics)
}

/// Whether the walk passes over the file at `content_path`: hidden files and folders (editor
/// swap files, .DS_Store, .gitkeep) are never content, except in `static/`, which is published
/// as it is.
fn is_hidden(content_path: &str) -> bool {
    !content_path.starts_with("static/")
        && content_path.split('/').any(|part| part.starts_with('.'))
}

/// What walking `content/` found: the files to read and the problems with the others.
/// `gka serve` keeps it and walks again only when files may have been added or removed.
struct Walk {
    /// Markdown files and their content paths, in the order of the walk.
    markdown: Vec<(PathBuf, String)>,
    /// The same files, to look up.
    markdown_paths: HashSet<PathBuf>,
    /// Every path the walk saw (folders, files, links), sorted so that a folder's contents
    /// follow it.
    seen: BTreeSet<PathBuf>,
    /// `site.yaml`, when there is one.
    config: Option<PathBuf>,
    /// `themas.yaml`, when there is one.
    themas: Option<PathBuf>,
    /// Files in `content/static/`.
    static_files: Vec<StaticFile>,
    /// Problems with files the walk found: names, links, files that are not published.
    diagnostics: Vec<Diagnostic>,
}

impl Walk {
    /// Walks `content` (in the site at `root`) in the order of file names.
    fn of(root: &Path, content: &Path) -> Walk {
        let root_canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        let mut walk = Walk {
            markdown: Vec::new(),
            markdown_paths: HashSet::new(),
            seen: BTreeSet::new(),
            config: None,
            themas: None,
            static_files: Vec::new(),
            diagnostics: Vec::new(),
        };
        for entry in walkdir::WalkDir::new(content).sort_by_file_name() {
            let entry = match entry {
                Ok(e) => e,
                Err(err) => {
                    walk.seen.extend(err.path().map(Path::to_path_buf));
                    let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                    walk.diagnostics.push(Diagnostic::new(
                        Code::Io,
                        path,
                        None,
                        t!("kan-niet-lezen", reason = walk_error(&err)),
                    ));
                    continue;
                }
            };
            walk.seen.insert(entry.path().to_path_buf());
            let rel = relative(root, entry.path());
            if entry.path_is_symlink() {
                match std::fs::canonicalize(entry.path()) {
                    Ok(target) if !target.starts_with(&root_canonical) => {
                        walk.diagnostics.push(
                            Diagnostic::new(
                                Code::LinkOutsideSite,
                                rel,
                                None,
                                t!("link-buiten-site", target = target.display()),
                            )
                            .with_hint(t!("link-buiten-site-hint")),
                        );
                        continue;
                    }
                    Ok(target) if target.is_dir() => {
                        walk.diagnostics.push(
                            Diagnostic::new(
                                Code::FolderLinkIgnored,
                                rel,
                                None,
                                t!("link-naar-map"),
                            )
                            .with_hint(t!("link-naar-map-hint")),
                        );
                        continue;
                    }
                    Ok(_) => {}
                    Err(err) => {
                        walk.diagnostics.push(Diagnostic::new(
                            Code::Io,
                            rel,
                            None,
                            t!("link-kapot", reason = crate::i18n::io_error(&err)),
                        ));
                        continue;
                    }
                }
            } else if !entry.file_type().is_file() {
                continue;
            }
            let content_path = match content_relative(content, entry.path()) {
                Ok(p) => p,
                Err(problem) => {
                    walk.diagnostics.push(
                        Diagnostic::new(
                            Code::BadFileName,
                            rel,
                            None,
                            t!("bestandsnaam", problem = problem),
                        )
                        .with_hint(t!("bestandsnaam-hint")),
                    );
                    continue;
                }
            };
            if let Some(rest) = content_path.strip_prefix("static/") {
                // Follows a link inside the site (checked above) to the file's own size.
                match std::fs::metadata(entry.path()) {
                    Ok(meta) => walk.static_files.push(StaticFile {
                        path: rest.to_string(),
                        size: meta.len(),
                        source: entry.into_path(),
                    }),
                    Err(err) => walk.diagnostics.push(Diagnostic::new(
                        Code::Io,
                        crate::diagnostics::relative(root, entry.path()),
                        None,
                        t!("kan-niet-lezen", reason = crate::i18n::io_error(&err)),
                    )),
                }
            } else if is_hidden(&content_path) {
                // Never content, so never a diagnostic either.
            } else if content_path == CONFIG_FILE {
                walk.config = Some(entry.path().to_path_buf());
            } else if content_path == themas::THEMAS_FILE {
                walk.themas = Some(entry.path().to_path_buf());
            } else if content_path.ends_with(".md") {
                walk.markdown
                    .push((entry.path().to_path_buf(), content_path));
                walk.markdown_paths.insert(entry.into_path());
            } else {
                walk.diagnostics.push(
                    Diagnostic::new(Code::NotPublished, rel, None, t!("niet-gepubliceerd"))
                        .with_hint(t!("niet-gepubliceerd-hint")),
                );
            }
        }
        walk
    }

    /// Whether this walk still lists every file of `content` after `changed`: each changed
    /// path inside `content` that a walk would not pass over is a Markdown file it found that
    /// is still a file (its text may have changed; that is for the reader to see), or is gone
    /// and held nothing it found.
    fn still_holds(&self, content: &Path, changed: &[PathBuf]) -> bool {
        changed
            .iter()
            .filter(|path| path.starts_with(content))
            .filter(|path| !content_relative(content, path).is_ok_and(|p| is_hidden(&p)))
            .all(|path| match std::fs::symlink_metadata(path) {
                Ok(meta) => meta.is_file() && self.markdown_paths.contains(path),
                Err(err) if err.kind() == std::io::ErrorKind::NotFound => !self.held(path),
                Err(_) => false,
            })
    }

    /// Whether the walk found `path` or anything in it.
    fn held(&self, path: &Path) -> bool {
        self.seen
            .range(path.to_path_buf()..)
            .next()
            .is_some_and(|first| first.starts_with(path))
    }
}

/// Reads `content/` under `root` as [`load`] does, taking each Markdown file from `cache`
/// unless it is new or `changed` names it (or a folder it is in). The folders are walked again
/// unless every path in `changed` is a Markdown file the last walk found that is still a file,
/// a hidden file (never content), or a path that is gone and held nothing the last walk found
/// (an editor's temporary file): then the files are as the last walk left them. `site.yaml` is
/// small and always read again.
pub fn load_with(
    root: &Path,
    cache: &mut LoadCache,
    changed: &[PathBuf],
    diagnostics: &mut Diagnostics,
) -> Loaded {
    let content = root.join(CONTENT_DIR);
    let mut loaded = Loaded::default();
    if !content.is_dir() {
        cache.walk = None;
        diagnostics.push(
            Diagnostic::new(Code::MissingFile, CONTENT_DIR, None, t!("geen-content"))
                .with_hint(t!("geen-content-hint", root = root.display())),
        );
        return loaded;
    }
    let walk = match cache.walk.take() {
        Some(walk) if walk.still_holds(&content, changed) => walk,
        _ => Walk::of(root, &content),
    };
    diagnostics.extend(walk.diagnostics.iter().cloned());
    loaded.static_files = walk.static_files.clone();
    if let Some(config) = &walk.config {
        loaded.config = read_config(root, config, diagnostics);
    }
    if loaded.config.is_none() && !diagnostics.has_errors() {
        diagnostics.push(no_config());
    }
    if let Some(path) = &walk.themas {
        let national = (loaded.config.as_ref()).is_some_and(|(c, _)| c.bronnen.is_some());
        if national {
            // Small, and read again every time like site.yaml.
            let mut found = Vec::new();
            loaded.themas = themas::read(root, path, &mut found);
            diagnostics.extend(found);
        } else {
            // Only a national site has national themes: elsewhere it is a file like any other
            // that is not published.
            diagnostics.push(
                Diagnostic::new(
                    Code::NotPublished,
                    relative(root, path),
                    None,
                    t!("niet-gepubliceerd"),
                )
                .with_hint(t!("themas-geen-landelijke-site-hint")),
            );
        }
    }
    let markdown = &walk.markdown;

    let dirty: Vec<String> = changed
        .iter()
        .filter_map(|path| content_relative(&content, path).ok())
        .collect();
    let is_dirty = |content_path: &str| {
        dirty.iter().any(|d| {
            d.is_empty()
                || content_path == d
                || content_path
                    .strip_prefix(d.as_str())
                    .is_some_and(|rest| rest.starts_with('/'))
        })
    };
    let stale: Vec<&(PathBuf, String)> = markdown
        .iter()
        .filter(|(_, content_path)| {
            !cache.files.contains_key(content_path) || is_dirty(content_path)
        })
        .collect();
    let history = cache
        .history
        .get_or_insert_with(|| history::History::read(root));
    let read: Vec<(String, (ItemResult, Vec<Diagnostic>))> = stale
        .par_iter()
        .map(|(path, content_path)| {
            let read = read_markdown(root, history, path, content_path);
            (content_path.clone(), read)
        })
        .collect();
    cache.read_last = read.len();
    cache.files.extend(read);
    // Files that are gone leave the cache, so that it never outgrows the site.
    if cache.files.len() > markdown.len() {
        let walked: HashSet<&str> = markdown.iter().map(|(_, p)| p.as_str()).collect();
        cache.files.retain(|path, _| walked.contains(path.as_str()));
    }
    for (_, content_path) in markdown {
        let (result, todos) = &cache.files[content_path];
        diagnostics.extend(todos.iter().cloned());
        if let Ok(item) = result {
            diagnostics.extend(item.source().warnings.iter().cloned());
        }
        match result.clone() {
            Ok(Item::Home(d)) => loaded.home = Some(d),
            Ok(Item::Agenda(d)) => loaded.agenda = Some(d),
            Ok(Item::Toegankelijkheid(d)) => loaded.toegankelijkheid = Some(d),
            Ok(Item::Addendum(d)) => loaded.addenda.push(d),
            Ok(Item::Interventie(d)) => loaded.interventies.push(d),
            Ok(Item::Programmalijn(d)) => loaded.programmalijnen.push(d),
            Ok(Item::Nieuws(d)) => loaded.nieuws.push(d),
            Ok(Item::Section(d)) => loaded.sections.push(d),
            Ok(Item::Page(d)) => loaded.pages.push(d),
            Err(found) => {
                diagnostics.extend(found);
                loaded.failed.push(content_path.clone());
            }
        }
    }
    cache.walk = Some(walk);
    loaded
}

/// Reads the Markdown file at `path` (`content_path` inside `content/`) into its document, or
/// the problems that stopped it, with its to-dos, which are found either way.
fn read_markdown(
    root: &Path,
    history: &history::History,
    path: &Path,
    content_path: &str,
) -> (ItemResult, Vec<Diagnostic>) {
    let rel = relative(root, path);
    let text = match read_text(&rel, path) {
        Ok(text) => text,
        Err(found) => return (Err(found), Vec::new()),
    };
    let todos = todo::find(&rel, &text);
    let modified = history.modified(content_path, path);
    (parse_markdown_at(rel, content_path, &text, modified), todos)
}

/// One Markdown file read as its document, or every problem that stopped it.
type ItemResult = Result<Item, Vec<Diagnostic>>;

/// `path` relative to `content`, with `/` separators on every platform, or why its name
/// cannot be used: names end up in URLs and output paths.
fn content_relative(content: &Path, path: &Path) -> Result<String, String> {
    let rel = path
        .strip_prefix(content)
        .map_err(|_| t!("naam-buiten-content"))?;
    let mut parts = Vec::new();
    for component in rel.components() {
        let part = component
            .as_os_str()
            .to_str()
            .ok_or_else(|| t!("naam-geen-utf8"))?;
        if part.chars().any(|c| c.is_control() || c == '\\') {
            return Err(t!("naam-vreemd-teken"));
        }
        parts.push(part);
    }
    Ok(parts.join("/"))
}

/// Why walking a folder failed, in the current language: a file-system error
/// ([`crate::i18n::io_error`]), or a symbolic link that leads back into a folder it is in.
pub(crate) fn walk_error(err: &walkdir::Error) -> String {
    err.io_error()
        .map_or_else(|| t!("link-kring"), crate::i18n::io_error)
}

/// Reads a file as text: UTF-8, without a byte-order mark, with `\n` line endings.
pub(crate) fn read_text(rel: &Path, path: &Path) -> Result<String, Vec<Diagnostic>> {
    let io = |err: std::io::Error| {
        vec![Diagnostic::new(
            Code::Io,
            rel,
            None,
            t!("kan-niet-lezen", reason = crate::i18n::io_error(&err)),
        )]
    };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_FILE_BYTES {
        return Err(vec![
            Diagnostic::new(
                Code::TooLarge,
                rel,
                None,
                t!("bestand-te-groot", size = size, max = MAX_FILE_BYTES),
            )
            .with_hint(t!("bestand-te-groot-hint")),
        ]);
    }
    decode(rel, std::fs::read(path).map_err(io)?).map_err(|d| vec![d])
}

/// Bytes as text: UTF-8, without a byte-order mark, with `\n` line endings.
pub fn decode(rel: &Path, bytes: Vec<u8>) -> Result<String, Diagnostic> {
    let text = String::from_utf8(bytes).map_err(|err| {
        let valid = &err.as_bytes()[..err.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|b| **b == b'\n').count() + 1;
        let column = String::from_utf8_lossy(valid)
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.chars().count())
            + 1;
        Diagnostic::new(
            Code::NotUtf8,
            rel,
            Some(Position { line, column }),
            t!("geen-utf8"),
        )
        .with_hint(t!("geen-utf8-hint"))
    })?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        text.to_string()
    };
    match control_characters(&text) {
        None => Ok(text),
        Some((position, found, count)) => Err(Diagnostic::new(
            Code::ControlCharacter,
            rel,
            Some(position),
            t!("stuurteken", count = count, code = found),
        )
        .with_hint(t!("stuurteken-hint"))),
    }
}

/// The first control character of `text` other than a tab or a line end (feeds, iCalendar
/// files and HTML cannot carry them, and no one means to type them), as its position and
/// name, with how many there are.
fn control_characters(text: &str) -> Option<(Position, String, usize)> {
    let is_bad = |c: char| c.is_control() && c != '\t' && c != '\n';
    let (offset, c) = text.char_indices().find(|(_, c)| is_bad(*c))?;
    let before = &text[..offset];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    let count = text[offset..].chars().filter(|c| is_bad(*c)).count();
    Some((
        Position { line, column },
        format!("U+{:04X}", u32::from(c)),
        count,
    ))
}

/// YAML errors in the file at `path` (relative to the site root) as diagnostics.
pub(crate) fn to_diagnostics(path: &Path, errors: Vec<YamlError>) -> Vec<Diagnostic> {
    errors.into_iter().map(|e| to_diagnostic(path, e)).collect()
}

fn to_diagnostic(path: &Path, err: YamlError) -> Diagnostic {
    let diagnostic =
        Diagnostic::new(err.code, path, err.position, err.message).with_width(err.width);
    match err.hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// Reads only `content/site.yaml` of the site at `root`, for commands that need the settings
/// but not the content (`gka bronnen`). Errors are returned with their places; warnings (such
/// as `TODO:`s) are left to `gka check`.
pub fn load_config(root: &Path) -> Result<(SiteConfig, LineMap), Vec<Diagnostic>> {
    let path = root.join(CONTENT_DIR).join(CONFIG_FILE);
    let mut diagnostics = Diagnostics::default();
    if !path.is_file() {
        return Err(vec![no_config()]);
    }
    match read_config(root, &path, &mut diagnostics) {
        Some(config) if !diagnostics.has_errors() => Ok(config),
        _ => Err(diagnostics
            .sorted()
            .into_iter()
            .filter(|d| d.severity() == crate::diagnostics::Severity::Error)
            .collect()),
    }
}

/// A site without `content/site.yaml`.
fn no_config() -> Diagnostic {
    Diagnostic::new(
        Code::MissingFile,
        content_file(CONFIG_FILE),
        None,
        t!("geen-site-yaml"),
    )
    .with_hint(t!("geen-site-yaml-hint"))
}

fn read_config(
    root: &Path,
    path: &Path,
    diagnostics: &mut Diagnostics,
) -> Option<(SiteConfig, LineMap)> {
    let rel = relative(root, path);
    let text = match read_text(&rel, path) {
        Ok(t) => t,
        Err(found) => {
            diagnostics.extend(found);
            return None;
        }
    };
    diagnostics.extend(todo::find(&rel, &text));
    let lines = LineMap { first_line: 1 };
    diagnostics.extend(to_diagnostics(
        &rel,
        front_matter::cut_by_comment(&text, lines),
    ));
    match parse_typed::<SiteConfig>(&text, lines, &[]) {
        Ok(config) => Some((config, lines)),
        Err(errors) => {
            diagnostics.extend(errors.into_iter().map(|e| to_diagnostic(&rel, e)));
            None
        }
    }
}

/// The keys of `known` as the guide names them, for suggestions: Dutch, not the English
/// aliases of `T` or of the common keys (`titel`, not `title`).
fn suggested_keys<T: DeserializeOwned>(known: &BTreeSet<&'static str>) -> BTreeSet<&'static str> {
    let is_alias = |name: &'static str| {
        [
            front_matter::key_of::<T>(name),
            front_matter::key_of::<Meta>(name),
        ]
        .into_iter()
        .flatten()
        .any(|key| key != name)
    };
    known
        .iter()
        .copied()
        .filter(|name| !is_alias(name))
        .collect()
}

/// `errors` with each missing required key put right: not reported when an unknown key in
/// `keys` is a near miss of it (that key's "did you mean" says it already), and else said at
/// the block's first line, since the key is missing from the whole block rather than from
/// the line the parser stopped at.
fn settle_missing(
    errors: Vec<YamlError>,
    keys: &[serde_saphyr::Spanned<String>],
    known: &BTreeSet<&'static str>,
    suggested: &BTreeSet<&'static str>,
    lines: LineMap,
) -> Vec<YamlError> {
    let meant: Vec<&str> = (keys.iter())
        .filter(|k| !known.contains(k.value.as_str()))
        .filter_map(|k| front_matter::closest(&k.value, suggested.iter().copied()))
        .collect();
    errors
        .into_iter()
        .filter_map(|mut e| {
            let missing = (e.code == Code::MissingKey)
                .then(|| known.iter().find(|f| e.message.contains(&format!("'{f}'"))))
                .flatten();
            match missing {
                Some(key) if meant.contains(key) => None,
                Some(_) => {
                    e.position = Some(Position {
                        line: lines.first_line,
                        column: 1,
                    });
                    Some(e)
                }
                None => Some(e),
            }
        })
        .collect()
}

/// Reads `yaml` as `T`, also reporting every key that neither `T` nor `extra` knows.
pub(crate) fn parse_typed<T: DeserializeOwned>(
    yaml: &str,
    lines: LineMap,
    extra: &[&'static str],
) -> Result<T, Vec<YamlError>> {
    let keys = front_matter::keys(yaml).map_err(|err| {
        if let Some(not_a_mapping) = front_matter::not_a_mapping(&err, yaml, lines) {
            return vec![not_a_mapping];
        }
        // Not YAML: parsing as `T` gives the precise message.
        match front_matter::parse::<T>(yaml, lines) {
            Err(err) => vec![err],
            Ok(_) => vec![YamlError {
                code: Code::NotAMapping,
                position: Some(Position {
                    line: lines.first_line,
                    column: 1,
                }),
                message: t!("fm-geen-sleutels"),
                hint: Some(t!("fm-geen-sleutels-hint")),
                width: None,
            }],
        }
    })?;
    let known: BTreeSet<&'static str> = front_matter::fields_of::<T>()
        .iter()
        .chain(extra)
        .copied()
        .collect();
    let suggested = suggested_keys::<T>(&known);
    let mut errors = front_matter::unknown_keys(&keys, &known, &suggested, lines);
    let parsed = front_matter::parse::<T>(yaml, lines)
        .map_err(|e| errors.push(e))
        .ok();
    let errors = settle_missing(errors, &keys, &known, &suggested, lines);
    match parsed {
        Some(value) if errors.is_empty() => Ok(value),
        _ => Err(errors),
    }
}

impl Item {
    /// The file the document was read from.
    pub fn source(&self) -> &Source {
        match self {
            Item::Home(d) => &d.source,
            Item::Agenda(d) => &d.source,
            Item::Toegankelijkheid(d) => &d.source,
            Item::Addendum(d) => &d.source,
            Item::Interventie(d) => &d.source,
            Item::Programmalijn(d) => &d.source,
            Item::Nieuws(d) => &d.source,
            Item::Section(d) => &d.source,
            Item::Page(d) => &d.source,
        }
    }
}

/// Reads one Markdown file's text into the document of its content type.
pub fn parse_markdown(
    rel: PathBuf,
    content_path: &str,
    text: &str,
) -> Result<Item, Vec<Diagnostic>> {
    parse_markdown_at(rel, content_path, text, None)
}

/// [`parse_markdown`] for a file that last changed on `modified`.
fn parse_markdown_at(
    rel: PathBuf,
    content_path: &str,
    text: &str,
    modified: Option<values::Datum>,
) -> Result<Item, Vec<Diagnostic>> {
    let split = front_matter::split(text).map_err(|err| {
        let code = match err {
            front_matter::SplitError::Missing => Code::FrontMatterMissing,
            front_matter::SplitError::Unclosed => Code::FrontMatterUnclosed,
        };
        let (position, message, hint) = front_matter::split_mistake(text, &err).unwrap_or((
            Position { line: 1, column: 1 },
            err.to_string(),
            t!("fm-hint"),
        ));
        vec![Diagnostic::new(code, &rel, Some(position), message).with_hint(hint)]
    })?;
    if let Some(err) = front_matter::early_close(&split) {
        return Err(vec![to_diagnostic(&rel, err)]);
    }
    if split.yaml.len() > MAX_FRONT_MATTER_BYTES {
        return Err(vec![
            Diagnostic::new(
                Code::TooLarge,
                &rel,
                Some(Position { line: 1, column: 1 }),
                t!(
                    "fm-te-groot",
                    size = split.yaml.len(),
                    max = MAX_FRONT_MATTER_BYTES
                ),
            )
            .with_hint(t!("fm-te-groot-hint")),
        ]);
    }
    let lines = LineMap {
        first_line: split.yaml_line,
    };
    let source = Source {
        path: rel.clone(),
        content_path: content_path.to_string(),
        body: split.body.to_string(),
        body_line: split.yaml_line + split.yaml.lines().count() + 1,
        lines,
        modified,
        digest: Digest::of(split.yaml, split.body),
        warnings: to_diagnostics(&rel, front_matter::cut_by_comment(split.yaml, lines)),
    };
    let kind = Kind::of(content_path);
    let result = match kind {
        Kind::Home => typed(split.yaml, source).map(Arc::new).map(Item::Home),
        Kind::Agenda => typed(split.yaml, source).map(Arc::new).map(Item::Agenda),
        Kind::Toegankelijkheid => typed(split.yaml, source)
            .map(Arc::new)
            .map(Item::Toegankelijkheid),
        Kind::Addendum => typed(split.yaml, source).map(Arc::new).map(Item::Addendum),
        Kind::Interventie => typed(split.yaml, source)
            .map(Arc::new)
            .map(Item::Interventie),
        Kind::Programmalijn => typed(split.yaml, source)
            .map(Arc::new)
            .map(Item::Programmalijn),
        Kind::Nieuws => typed(split.yaml, source).map(Arc::new).map(Item::Nieuws),
        Kind::Section => typed(split.yaml, source).map(Arc::new).map(Item::Section),
        Kind::Page => typed(split.yaml, source).map(Arc::new).map(Item::Page),
    };
    result.map_err(|errors| errors.into_iter().map(|e| to_diagnostic(&rel, e)).collect())
}

/// Reads the common keys and the keys of content type `T` from one front-matter block.
fn typed<T: DeserializeOwned>(yaml: &str, source: Source) -> Result<Document<T>, Vec<YamlError>> {
    let lines = source.lines;
    let meta_fields = front_matter::fields_of::<Meta>();
    let data = parse_typed::<T>(yaml, lines, meta_fields);
    if front_matter::keys(yaml).is_err() {
        // Broken YAML: one message, not the same one from each of the two reads.
        return data.map(|_| unreachable!("YAML that cannot be read as keys cannot be read as T"));
    }
    // Unknown keys were reported above; the common keys parse on their own so that a
    // problem in both is reported in one run.
    let meta = front_matter::parse::<Meta>(yaml, lines);
    match (meta, data) {
        (Ok(meta), Ok(data)) => Ok(Document { source, meta, data }),
        (meta, data) => {
            let mut errors = meta.err().into_iter().collect::<Vec<_>>();
            errors.extend(data.err().unwrap_or_default());
            errors.dedup();
            // The common keys' errors, put right as `parse_typed` puts right its own.
            let keys = front_matter::keys(yaml).unwrap_or_default();
            let known: BTreeSet<&'static str> = (front_matter::fields_of::<T>().iter())
                .chain(meta_fields)
                .copied()
                .collect();
            let suggested = suggested_keys::<T>(&known);
            Err(settle_missing(errors, &keys, &known, &suggested, lines))
        }
    }
}

/// The source path of a document relative to the site root, for messages about the site.
pub fn content_file(content_path: &str) -> PathBuf {
    Path::new(CONTENT_DIR).join(content_path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_walk_holds_until_files_come_or_go() {
        let root = tempfile::tempdir().unwrap();
        let content = root.path().join(CONTENT_DIR);
        let folder = content.join("interventies");
        std::fs::create_dir_all(&folder).unwrap();
        let page = folder.join("a.md");
        std::fs::write(&page, "---\ntitel: A\n---\n").unwrap();
        std::fs::write(content.join("notities.txt"), "x").unwrap();
        let walk = Walk::of(root.path(), &content);
        let holds = |changed: &[PathBuf]| walk.still_holds(&content, changed);

        assert!(holds(std::slice::from_ref(&page)), "an edited document");
        assert!(
            holds(&[folder.join(".a.md.tmp"), page.clone()]),
            "a document saved through a temporary file that is gone"
        );
        let swap = folder.join(".a.md.kate-swp");
        std::fs::write(&swap, "x").unwrap();
        assert!(holds(&[swap]), "a hidden file, which is never content");
        let hidden_static = content.join("static/.well-known/x.txt");
        std::fs::create_dir_all(hidden_static.parent().unwrap()).unwrap();
        std::fs::write(&hidden_static, "x").unwrap();
        assert!(
            !holds(&[hidden_static]),
            "a hidden folder in static/ is published"
        );
        assert!(
            holds(&[root.path().join("themes/gka/templates/base.html")]),
            "a file outside content/"
        );
        assert!(!holds(&[content.join("notities.txt")]), "not Markdown");
        assert!(!holds(std::slice::from_ref(&folder)), "a folder");
        let added = folder.join("b.md");
        std::fs::write(&added, "---\ntitel: B\n---\n").unwrap();
        assert!(!holds(&[added]), "an added file");
        std::fs::remove_file(&page).unwrap();
        assert!(!holds(&[page]), "a removed file");
        std::fs::remove_dir_all(&folder).unwrap();
        assert!(!holds(&[folder]), "a removed folder");
    }

    #[test]
    fn common_and_type_errors_are_reported_together() {
        let yaml = "titel: A\ndatum: morgen\nnummer: een\nambitie: x\n";
        let source = Source {
            path: "x.md".into(),
            content_path: "programmalijnen/x.md".into(),
            body: String::new(),
            body_line: 6,
            lines: LineMap { first_line: 2 },
            modified: None,
            digest: Digest::default(),
            warnings: Vec::new(),
        };
        let errors = typed::<Programmalijn>(yaml, source).unwrap_err();
        let lines: Vec<usize> = errors
            .iter()
            .filter_map(|e| e.position.map(|p| p.line))
            .collect();
        assert!(lines.contains(&3), "date error on line 3: {errors:?}");
        assert!(lines.contains(&4), "nummer error on line 4: {errors:?}");
        assert!(lines.contains(&5), "unknown key on line 5: {errors:?}");
        assert!(
            errors
                .iter()
                .any(|e| e.hint.as_deref() == Some("bedoelt u 'ambities'?"))
        );
    }
}

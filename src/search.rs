//! Index: the static search index under `/pagefind/`, built with Pagefind's library API from
//! the pages of a folder the build has just written (not yet published), as Pagefind's own
//! command does: it reads and parses them in parallel, and the build need not hold them.
//!
//! Only what is inside `data-pagefind-body` is indexed: the theme puts it on `<main>` of the
//! documents and of the overviews that have an introduction (with less weight), so the header,
//! menu and footer never match, and pages without it (term pages, empty pages, `/zoeken/`, the
//! 404 page, redirects) are left out (`docs/templates.md` lists which). The language is fixed
//! to Dutch (`nl`), so words are stemmed as Dutch and the browser loads Pagefind's Dutch
//! WebAssembly module. `/zoeken/` (rendered by [`crate::render`]) loads the index with
//! `static/js/zoeken.js`.

use std::path::{Component, Path};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

use pagefind::api::PagefindIndex;
use pagefind::options::PagefindServiceConfig;

use crate::render::OutputFile;

/// The folder of the index inside the output; Pagefind's own default name, which its
/// JavaScript expects next to `pagefind.js`.
pub const FOLDER: &str = "pagefind";

/// The index's entry file in the output folder. It names the index's other files, which are
/// named after their contents (but for a few scripts that are the same for every index of one
/// Pagefind version), so a browser that reads one entry file reads one whole index.
pub const ENTRY: &str = "pagefind/pagefind-entry.json";

/// The language every page is indexed in.
pub const LANGUAGE: &str = "nl";

/// Files Pagefind writes that `/zoeken/` does not use: its ready-made search interfaces (the
/// theme has its own, in `static/js/zoeken.js`), the highlighting script and the WebAssembly
/// module for languages without stemming (the index is Dutch).
const UNUSED: [&str; 8] = [
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
    "wasm.unknown.pagefind",
];

/// Why the index could not be built. Pagefind reports its errors as `anyhow` errors; the
/// message is kept as text.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("zoekindex-mislukt", reason = .0))]
pub struct SearchError(String);

/// The file in [`FOLDER`] that lists the index's other parts, each a folder of its own inside
/// [`FOLDER`] (`deel-2/`), for `static/js/zoeken.js` to merge into the first (Pagefind's
/// `mergeIndex`); an empty list when the index is one part.
pub const PARTS: &str = "pagefind/delen.json";

/// The most pages in one part of the index. Pagefind holds every parsed page of an index, and
/// while it builds the index a copy of each and every page's word map at once: about 0.2 MB a
/// page. Parts of this size keep that near 400 MiB for the parts being made at once.
const PART_PAGES: usize = 1_000;

/// How many parts are made at the same time, each on a thread of its own: on two cores, two
/// parts keep both busy (Pagefind reads a part's pages one by one, and gzips its files on one
/// thread), and the memory stays that of two parts.
const PARTS_AT_ONCE: usize = 2;

/// Whether `path` (in the output) names a part of the index: an entry file, or the list of
/// parts. `gka serve` puts these in place after the files they name.
pub fn is_entry(path: &str) -> bool {
    path == PARTS || (path.starts_with(FOLDER) && path.ends_with("/pagefind-entry.json"))
}

/// Indexes the HTML pages in `dir` (a built site) and returns the index's files, with paths
/// under [`FOLDER`]. Result links are site paths (`/interventies/x/`); Pagefind's script
/// puts the folder that holds `pagefind/` in front, so a site published in a sub-folder
/// (`/gka/`) links right.
///
/// Only pages with `data-pagefind-body` are indexed (the theme marks what is a result), in
/// parts of at most [`PART_PAGES`] pages, [`PARTS_AT_ONCE`] at a time: each part is a
/// Pagefind index of its own, whose memory is freed when its files are made. The first part
/// is the index under [`FOLDER`], which `/zoeken/` loads; the others are listed in [`PARTS`].
pub fn index(dir: &Path) -> Result<Vec<OutputFile>, SearchError> {
    // Never told to stop, it always returns the files.
    Ok(index_unless(dir, &|| false)?.unwrap_or_default())
}

/// [`index`], which gives up and returns `None` when `stop` says so before a part is begun or
/// after its pages are read, before its files are made (Pagefind cannot stop within either).
/// `gka serve` stops an index that a newer edit made out of date.
pub fn index_unless(
    dir: &Path,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    index_in_parts(dir, PART_PAGES, stop)
}

/// [`index_unless`] with parts of at most `part_pages` pages.
fn index_in_parts(
    dir: &Path,
    part_pages: usize,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    let pages = html_files(dir)?;
    let parts: Vec<&[String]> = pages.chunks(part_pages).collect();
    let next = AtomicUsize::new(0);
    let made: Mutex<Vec<(usize, Vec<OutputFile>)>> = Mutex::new(Vec::new());
    let failed: Mutex<Option<SearchError>> = Mutex::new(None);
    let stopped = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for _ in 0..PARTS_AT_ONCE.min(parts.len()) {
            scope.spawn(|| {
                loop {
                    let number = next.fetch_add(1, Ordering::SeqCst);
                    let Some(part) = parts.get(number) else { break };
                    if stopped.load(Ordering::SeqCst) || lock(&failed).is_some() {
                        break;
                    }
                    match index_part(dir, part, number, stop) {
                        Ok(Some(files)) => lock(&made).push((number, files)),
                        Ok(None) => stopped.store(true, Ordering::SeqCst),
                        Err(err) => *lock(&failed) = Some(err),
                    }
                }
            });
        }
    });
    if let Some(err) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(err);
    }
    if stopped.into_inner() {
        return Ok(None);
    }
    let mut made = made.into_inner().unwrap_or_else(PoisonError::into_inner);
    made.sort_by_key(|(number, _)| *number);
    // Parts without a page to index (only redirects, term pages…) are left out of the list.
    let others: Vec<String> = made
        .iter()
        .filter(|(number, files)| *number > 0 && !files.is_empty())
        .map(|(number, _)| format!("{}/", part_name(*number)))
        .collect();
    let list = OutputFile {
        path: PARTS.to_string(),
        contents: serde_json::to_vec(&others).expect("a list of strings serializes"),
        is_page: false,
    };
    Ok(Some(
        made.into_iter()
            .flat_map(|(_, files)| files)
            .chain([list])
            .collect(),
    ))
}

/// Locks `mutex`, also after another thread panicked while it held it (that panic is passed
/// on when the threads are joined).
fn lock<T>(mutex: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The folder of part `number` (counted from 0) in the output: the first part is [`FOLDER`]
/// itself, the others are folders inside it named by [`part_name`].
fn part_folder(number: usize) -> String {
    if number == 0 {
        FOLDER.to_string()
    } else {
        format!("{FOLDER}/{}", part_name(number))
    }
}

/// The name of the folder of part `number` (counted from 0, so the second part is `deel-2`).
fn part_name(number: usize) -> String {
    format!("deel-{}", number + 1)
}

/// Every HTML file in `dir` (but Pagefind's own folder), relative with `/` separators, in
/// the order of their paths, so the parts are the same on every run.
fn html_files(dir: &Path) -> Result<Vec<String>, SearchError> {
    let mut pages = Vec::new();
    for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|e| {
            let file = e.path().unwrap_or(dir).display().to_string();
            let reason = e
                .io_error()
                .map_or_else(|| e.to_string(), crate::i18n::io_error);
            SearchError(t!("zoekindex-niet-gelezen", file = file, reason = reason))
        })?;
        let relative = entry.path().strip_prefix(dir).unwrap_or(entry.path());
        if entry.file_type().is_file()
            && relative.extension().is_some_and(|e| e == "html")
            && !relative.starts_with(FOLDER)
            && let Some(path) = relative_path(relative)
        {
            pages.push(path);
        }
    }
    Ok(pages)
}

/// Indexes part `number` of the site, `pages` (paths in `dir`), on a small runtime of its own
/// (Pagefind's API is async and hands its work to tokio's blocking pool; the rest of the build
/// is synchronous).
fn index_part(
    dir: &Path,
    pages: &[String],
    number: usize,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| {
            SearchError(t!(
                "zoekindex-geen-runtime",
                reason = crate::i18n::io_error(&e)
            ))
        })?;
    runtime.block_on(index_part_async(dir, pages, number, stop))
}

async fn index_part_async(
    dir: &Path,
    pages: &[String],
    number: usize,
    stop: &(dyn Fn() -> bool + Sync),
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    let config = PagefindServiceConfig::builder()
        .force_language(LANGUAGE.to_string())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(error)?;
    let mut indexed = 0;
    for page in pages {
        if stop() {
            return Ok(None);
        }
        let html = std::fs::read_to_string(dir.join(page)).map_err(|e| {
            SearchError(t!(
                "zoekindex-niet-gelezen",
                file = page,
                reason = crate::i18n::io_error(&e)
            ))
        })?;
        // As Pagefind itself does once one page has it: a page without it (a redirect, a term
        // page, the search page) is not a result. Skipped here, so that every part has it.
        if !html.contains("data-pagefind-body") {
            continue;
        }
        index
            .add_html_file(None, Some(page_url(page)), html)
            .await
            .map_err(error)?;
        indexed += 1;
    }
    if indexed == 0 {
        return Ok(Some(Vec::new()));
    }
    if stop() {
        return Ok(None);
    }
    let folder = part_folder(number);
    let built = index.get_files().await.map_err(error)?;
    // Pagefind names its files relative to its bundle folder (`fragment/…`, `pagefind.js`).
    // The other parts share the first part's scripts and WebAssembly: only their index.
    built
        .into_iter()
        .filter(|file| {
            !UNUSED
                .iter()
                .any(|unused| file.filename == Path::new(unused))
                && (number == 0 || !is_script(&file.filename))
        })
        .map(|file| {
            let relative = relative_path(&file.filename).ok_or_else(|| {
                SearchError(t!("zoekindex-vreemde-naam", file = file.filename.display()))
            })?;
            Ok(OutputFile {
                path: format!("{folder}/{relative}"),
                contents: file.contents,
                is_page: false,
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
}

/// Whether a file of Pagefind's is a script or WebAssembly module, which a merged part does
/// not load (it uses the first part's).
fn is_script(filename: &Path) -> bool {
    let name = filename.to_string_lossy();
    name.ends_with(".js") || name.starts_with("wasm.")
}

/// The site path of the page at `path` in the output, as Pagefind gives it to a file it finds
/// itself: `interventies/x/index.html` is `/interventies/x/`, `404.html` is `/404.html`.
fn page_url(path: &str) -> String {
    let path = path.strip_suffix("index.html").unwrap_or(path);
    format!("/{path}")
}

fn error(err: anyhow::Error) -> SearchError {
    SearchError(format!("{err:#}"))
}

/// The path of one of Pagefind's files inside its folder, with `/` separators; `None` unless
/// it is a plain relative path (nothing absolute, no `..`), so it cannot leave the folder.
fn relative_path(filename: &Path) -> Option<String> {
    let parts = filename
        .components()
        .map(|c| match c {
            Component::Normal(part) => part.to_str(),
            _ => None,
        })
        .collect::<Option<Vec<&str>>>()?;
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(path: &str, body: &str) -> OutputFile {
        OutputFile {
            path: path.into(),
            contents: format!(
                "<!DOCTYPE html><html lang=\"nl\"><head><title>T</title></head><body>\
                 <nav>navigatie menu</nav><main data-pagefind-body><h1>{path}</h1>{body}</main>\
                 </body></html>"
            )
            .into_bytes(),
            is_page: true,
        }
    }

    #[test]
    fn pagefind_file_names_become_output_paths() {
        assert_eq!(
            relative_path(Path::new("fragment/nl_1.pf_fragment")).as_deref(),
            Some("fragment/nl_1.pf_fragment")
        );
        assert_eq!(
            relative_path(Path::new("pagefind-entry.json")).as_deref(),
            Some("pagefind-entry.json")
        );
        assert_eq!(relative_path(Path::new("/etc/passwd")), None);
        assert_eq!(relative_path(Path::new("../x")), None);
    }

    fn write(dir: &Path, file: &OutputFile) {
        let path = dir.join(&file.path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, &file.contents).unwrap();
    }

    fn json(files: &[OutputFile], path: &str) -> serde_json::Value {
        let file = files.iter().find(|f| f.path == path);
        serde_json::from_slice(&file.unwrap_or_else(|| panic!("no {path}")).contents).unwrap()
    }

    #[test]
    fn a_large_site_is_indexed_in_parts_that_the_first_lists() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["a", "b", "c", "d", "e"] {
            let path = format!("{name}/index.html");
            write(dir.path(), &page(&path, "<p>Voorlezen aan peuters.</p>"));
        }
        // Not a result, and not counted in a part's pages.
        let term = OutputFile {
            path: "themas/index.html".into(),
            contents: b"<!DOCTYPE html><html lang=\"nl\"><head><title>T</title></head>\
                <body><main><h1>Thema's</h1></main></body></html>"
                .to_vec(),
            is_page: true,
        };
        write(dir.path(), &term);
        let files = index_in_parts(dir.path(), 2, &|| false).unwrap().unwrap();
        // a b | c d | e themas: three parts; the first is the index /zoeken/ loads.
        assert_eq!(
            json(&files, PARTS),
            serde_json::json!(["deel-2/", "deel-3/"])
        );
        let count = |entry: &str| json(&files, entry)["languages"]["nl"]["page_count"].clone();
        assert_eq!(count(ENTRY), 2);
        assert_eq!(count("pagefind/deel-2/pagefind-entry.json"), 2);
        assert_eq!(count("pagefind/deel-3/pagefind-entry.json"), 1);
        // The other parts use the first part's scripts and WebAssembly.
        assert!(files.iter().any(|f| f.path == "pagefind/pagefind.js"));
        assert!(files.iter().any(|f| f.path == "pagefind/wasm.nl.pagefind"));
        let scripts: Vec<&str> = (files.iter())
            .map(|f| f.path.as_str())
            .filter(|p| {
                p.starts_with("pagefind/deel-") && (p.ends_with(".js") || p.contains("wasm"))
            })
            .collect();
        assert!(scripts.is_empty(), "{scripts:?}");
        let entries: Vec<&str> = (files.iter())
            .map(|f| f.path.as_str())
            .filter(|p| is_entry(p))
            .collect();
        assert_eq!(
            entries,
            [
                ENTRY,
                "pagefind/deel-2/pagefind-entry.json",
                "pagefind/deel-3/pagefind-entry.json",
                PARTS
            ]
        );
    }

    #[test]
    fn a_part_stops_when_told() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), &page("index.html", "<p>Voorlezen.</p>"));
        assert!(index_unless(dir.path(), &|| true).unwrap().is_none());
    }

    #[test]
    fn pages_are_found_at_their_site_paths() {
        assert_eq!(page_url("index.html"), "/");
        assert_eq!(page_url("interventies/x/index.html"), "/interventies/x/");
        assert_eq!(page_url("404.html"), "/404.html");
    }

    #[test]
    fn indexes_pages_in_dutch_under_the_folder() {
        let files = [
            page("index.html", "<p>Armoede en kansengelijkheid.</p>"),
            page("interventies/x/index.html", "<p>Voorlezen aan peuters.</p>"),
        ];
        let dir = tempfile::tempdir().unwrap();
        // A redirect has no `data-pagefind-body`, so it is not a page of the index.
        let redirect = OutputFile {
            path: "oud/index.html".into(),
            contents: b"<!DOCTYPE html><html lang=\"nl\"><head><title>Verhuisd</title>\
                <meta http-equiv=\"refresh\" content=\"0; url=/interventies/x/\"></head>\
                <body><p>Verhuisd naar een nieuw adres.</p></body></html>"
                .to_vec(),
            is_page: false,
        };
        for file in files.iter().chain([&redirect]) {
            let path = dir.path().join(&file.path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, &file.contents).unwrap();
        }
        let built = index(dir.path()).expect("indexes");
        let entry = built
            .iter()
            .find(|f| f.path == "pagefind/pagefind-entry.json")
            .expect("an entry file");
        let entry: serde_json::Value = serde_json::from_slice(&entry.contents).unwrap();
        assert_eq!(entry["languages"]["nl"]["page_count"], 2, "{entry}");
        assert!(built.iter().all(|f| f.path.starts_with("pagefind/")));
        assert!(built.iter().any(|f| f.path == "pagefind/pagefind.js"));
        assert!(built.iter().any(|f| f.path == "pagefind/wasm.nl.pagefind"));
        assert!(!built.iter().any(|f| f.path == "pagefind/pagefind-ui.js"));
        // A small site's index is one part.
        assert_eq!(json(&built, PARTS), serde_json::json!([]));
    }
}

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

/// Indexes the HTML pages in `dir` (a built site) and returns the index's files, with paths
/// under [`FOLDER`]. Result links are site paths (`/interventies/x/`); Pagefind's script
/// puts the folder that holds `pagefind/` in front, so a site published in a sub-folder
/// (`/gka/`) links right.
pub fn index(dir: &Path) -> Result<Vec<OutputFile>, SearchError> {
    // Never told to stop, it always returns the files.
    Ok(index_unless(dir, &|| false)?.unwrap_or_default())
}

/// [`index`], which gives up and returns `None` when `stop` says so after the pages are read,
/// before the index's files are made (each about half of the time; Pagefind cannot stop
/// within either). `gka serve` stops an index that a newer edit made out of date.
pub fn index_unless(
    dir: &Path,
    stop: &dyn Fn() -> bool,
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    // Pagefind's API is async and hands work to tokio's blocking pool; a small runtime of
    // our own is enough, the rest of the build is synchronous.
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .map_err(|e| {
            SearchError(t!(
                "zoekindex-geen-runtime",
                reason = crate::i18n::io_error(&e)
            ))
        })?;
    runtime.block_on(index_async(dir, stop))
}

async fn index_async(
    dir: &Path,
    stop: &dyn Fn() -> bool,
) -> Result<Option<Vec<OutputFile>>, SearchError> {
    let config = PagefindServiceConfig::builder()
        .force_language(LANGUAGE.to_string())
        .build();
    let mut index = PagefindIndex::new(Some(config)).map_err(error)?;
    let dir = dir
        .to_str()
        .ok_or_else(|| SearchError(t!("zoekindex-map-geen-utf8", folder = dir.display())))?;
    index
        .add_directory(dir.to_string(), None)
        .await
        .map_err(error)?;
    if stop() {
        return Ok(None);
    }
    let built = index.get_files().await.map_err(error)?;
    // Pagefind names its files relative to its bundle folder (`fragment/…`, `pagefind.js`).
    built
        .into_iter()
        .filter(|file| {
            !UNUSED
                .iter()
                .any(|unused| file.filename == Path::new(unused))
        })
        .map(|file| {
            let relative = relative_path(&file.filename).ok_or_else(|| {
                SearchError(t!("zoekindex-vreemde-naam", file = file.filename.display()))
            })?;
            Ok(OutputFile {
                path: format!("{FOLDER}/{relative}"),
                contents: file.contents,
                is_page: false,
            })
        })
        .collect::<Result<_, _>>()
        .map(Some)
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
    }
}

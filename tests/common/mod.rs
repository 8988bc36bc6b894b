//! Helpers shared by the integration tests: run the real `gka` binary, build the example or a
//! fixture site into temporary folders, and inspect the output (HTML, links, text).
//!
//! Every build writes into a fresh temporary folder; nothing is ever written into the repository.

#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use scraper::{ElementRef, Html, Selector};
use tempfile::TempDir;

/// The binary under test.
pub const BIN: &str = env!("CARGO_BIN_EXE_gka");

/// The example site's published address (`base_url` in `content/site.yaml`).
pub const EXAMPLE_BASE_URL: &str = "https://gka.almere.example/";

/// The repository root, which is also the example site's root.
pub fn repo_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<case>`.
pub fn fixture_dir(case: &str) -> PathBuf {
    repo_root().join("tests").join("fixtures").join(case)
}

/// The outcome of one run of the binary.
#[derive(Debug)]
pub struct Run {
    /// The exit code (`None` when killed by a signal).
    pub code: Option<i32>,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
}

impl Run {
    /// Panics with the run's output unless it exited with `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert_eq!(
            self.code,
            Some(code),
            "expected exit code {code}\n--- stdout:\n{}\n--- stderr:\n{}",
            self.stdout,
            self.stderr
        );
        self
    }

    /// Panics with the run's output unless it succeeded.
    #[track_caller]
    pub fn assert_success(&self) -> &Self {
        self.assert_code(0)
    }
}

/// Runs `gka` with `args`.
pub fn gka<I, S>(args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(Command::new(BIN).args(args))
}

/// Runs `gka` with `args` in the folder `dir`, as someone who opened a terminal there.
pub fn gka_in<I, S>(dir: &Path, args: I) -> Run
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    run(Command::new(BIN).current_dir(dir).args(args))
}

fn run(command: &mut Command) -> Run {
    let output = command
        .env_remove("RUST_LOG")
        .output()
        .expect("the gka binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

/// Runs `gka build --root <root> --output <output> <extra…>`.
pub fn build(root: &Path, output: &Path, extra: &[&str]) -> Run {
    let mut args: Vec<&OsStr> = vec![
        OsStr::new("build"),
        OsStr::new("--root"),
        root.as_os_str(),
        OsStr::new("--output"),
        output.as_os_str(),
    ];
    args.extend(extra.iter().map(OsStr::new));
    gka(args)
}

/// Copies the folder `from` into `to` (created), recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap_or_else(|e| panic!("create {}: {e}", to.display()));
    for entry in fs::read_dir(from).unwrap_or_else(|e| panic!("read {}: {e}", from.display())) {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            fs::copy(entry.path(), &target)
                .unwrap_or_else(|e| panic!("copy {}: {e}", entry.path().display()));
        }
    }
}

/// A site root in a temporary folder: a fixture's (or the example's) `content/` plus a copy of
/// the repository's `themes/`.
pub struct SiteRoot {
    /// Removes the folder when the root is dropped.
    tmp: TempDir,
    /// The temporary folder itself, or the folder inside it that [`SiteRoot::example_in`] made.
    root: PathBuf,
}

impl SiteRoot {
    /// A root holding `tests/fixtures/<case>/content` and the repository's `themes/`, plus the
    /// fixture's own `themes/` and `templates/` when it has them.
    pub fn fixture(case: &str) -> SiteRoot {
        let root = Self::with_content(&fixture_dir(case).join("content"));
        for own in ["themes", "templates"] {
            let dir = fixture_dir(case).join(own);
            if dir.is_dir() {
                copy_dir(&dir, &root.file(own));
            }
        }
        root
    }

    /// A root holding a copy of the example site (`content/` and `themes/` of the repository).
    pub fn example() -> SiteRoot {
        Self::with_content(&repo_root().join("content"))
    }

    /// [`SiteRoot::example`] in the folder `name` of a temporary folder that holds nothing
    /// else ([`SiteRoot::parent`]), to reach the site from there as `--root <name>`.
    pub fn example_in(name: &str) -> SiteRoot {
        let tmp = tempfile::Builder::new()
            .prefix("gka-parent-")
            .tempdir()
            .unwrap();
        let root = tmp.path().join(name);
        copy_dir(&repo_root().join("content"), &root.join("content"));
        copy_dir(&repo_root().join("themes"), &root.join("themes"));
        SiteRoot { tmp, root }
    }

    fn with_content(content: &Path) -> SiteRoot {
        let tmp = tempfile::Builder::new()
            .prefix("gka-root-")
            .tempdir()
            .unwrap();
        copy_dir(content, &tmp.path().join("content"));
        copy_dir(&repo_root().join("themes"), &tmp.path().join("themes"));
        let root = tmp.path().to_path_buf();
        SiteRoot { tmp, root }
    }

    /// A root holding a minimal valid site and the repository's `themes/`: `site.yaml` with
    /// `gemeente` and `base_url` ([`MINIMAL_BASE_URL`]), a home page, and an agenda whose
    /// `themas` are [`MINIMAL_THEMAS`]. `gka check` on it exits 0 without diagnostics.
    pub fn minimal() -> SiteRoot {
        let tmp = tempfile::Builder::new()
            .prefix("gka-root-")
            .tempdir()
            .unwrap();
        copy_dir(&repo_root().join("themes"), &tmp.path().join("themes"));
        let root = SiteRoot {
            root: tmp.path().to_path_buf(),
            tmp,
        };
        root.write(
            "content/site.yaml",
            format!("gemeente: Voorbeeldstad\nbase_url: \"{MINIMAL_BASE_URL}\"\n"),
        );
        root.write(
            "content/index.md",
            "---\ntitel: Gemeente Voorbeeldstad\n---\n\nVoorbeeldstad werkt aan gelijke kansen.\n",
        );
        let themas: String = MINIMAL_THEMAS
            .iter()
            .map(|t| format!("  - {t}\n"))
            .collect();
        root.write(
            "content/agenda.md",
            format!(
                "---\ntitel: GKA-Agenda\nthemas:\n{themas}---\n\nDe agenda van Voorbeeldstad.\n"
            ),
        );
        root
    }

    /// Writes `contents` to the file `rel` inside the root, creating its folders.
    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) {
        let path = self.file(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap_or_else(|e| panic!("write {}: {e}", path.display()));
    }

    /// The root folder, to pass as `--root`.
    pub fn path(&self) -> &Path {
        &self.root
    }

    /// The folder that holds the root.
    pub fn parent(&self) -> &Path {
        self.root.parent().expect("a temporary folder has a parent")
    }

    /// A file inside the root, e.g. `content/agenda.md`.
    pub fn file(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    /// Replaces the first occurrence of `from` with `to` in the file `rel`, which must contain it.
    #[track_caller]
    pub fn edit(&self, rel: &str, from: &str, to: &str) {
        let path = self.file(rel);
        let text = fs::read_to_string(&path).unwrap();
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        fs::write(&path, text.replacen(from, to, 1)).unwrap();
    }
}

/// `base_url` of [`SiteRoot::minimal`].
pub const MINIMAL_BASE_URL: &str = "https://gka.voorbeeldstad.example/";

/// The agenda's `themas` in [`SiteRoot::minimal`].
pub const MINIMAL_THEMAS: [&str; 2] = ["Versterken van taal", "Ouderbetrokkenheid"];

/// Runs `gka check --format json --root <root> <extra…>`; returns the run and the diagnostics
/// it printed (the JSON array on stdout).
pub fn check_json(root: &Path, extra: &[&str]) -> (Run, Vec<serde_json::Value>) {
    let mut args: Vec<&OsStr> = ["check", "--format", "json", "--root"]
        .map(OsStr::new)
        .to_vec();
    args.push(root.as_os_str());
    args.extend(extra.iter().map(OsStr::new));
    let run = gka(args);
    let found = match serde_json::from_str::<serde_json::Value>(&run.stdout) {
        Ok(serde_json::Value::Array(items)) => items,
        _ if run.stdout.trim().is_empty() => Vec::new(),
        _ => panic!(
            "stdout is not a JSON array:\n{}\n--- stderr:\n{}",
            run.stdout, run.stderr
        ),
    };
    (run, found)
}

/// A finished build: the output folder (inside its own temporary folder) and how the run went.
pub struct Built {
    tmp: TempDir,
    /// The output folder.
    pub out: PathBuf,
    /// The run of `gka build`.
    pub run: Run,
}

impl Built {
    /// The folder that holds the output folder (and nothing else, after a build).
    pub fn parent(&self) -> &Path {
        self.tmp.path()
    }
}

/// Builds the site at `root` into a fresh output folder `<tmp>/public`.
pub fn build_into_temp(root: &Path, extra: &[&str]) -> Built {
    let tmp = tempfile::Builder::new()
        .prefix("gka-out-")
        .tempdir()
        .unwrap();
    let out = tmp.path().join("public");
    let run = build(root, &out, extra);
    Built { tmp, out, run }
}

/// Builds the example (`--root` = the repository) into a temporary folder; must succeed.
pub fn build_example(extra: &[&str]) -> Built {
    let built = build_into_temp(&repo_root(), extra);
    built.run.assert_success();
    built
}

/// Builds fixture `case` (copied into a temporary root with the real theme) into a temporary
/// folder; must succeed.
pub fn build_fixture(case: &str, extra: &[&str]) -> Built {
    let root = SiteRoot::fixture(case);
    let built = build_into_temp(root.path(), extra);
    built.run.assert_success();
    built
}

/// Every file in `dir`, relative to it with `/` separators, sorted.
pub fn files(dir: &Path) -> Vec<String> {
    fn walk(base: &Path, dir: &Path, found: &mut Vec<String>) {
        for entry in fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let path = entry.path();
            if entry.file_type().unwrap().is_dir() {
                walk(base, &path, found);
            } else {
                let rel = path.strip_prefix(base).unwrap();
                let parts: Vec<String> = rel
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect();
                found.push(parts.join("/"));
            }
        }
    }
    let mut found = Vec::new();
    walk(dir, dir, &mut found);
    found.sort();
    found
}

/// Every HTML file in the output, relative, sorted.
pub fn html_files(out: &Path) -> Vec<String> {
    files(out)
        .into_iter()
        .filter(|f| f.ends_with(".html"))
        .collect()
}

/// Every file of `dir` with its bytes, to compare a folder before and after.
pub fn snapshot(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    files(dir)
        .into_iter()
        .map(|f| {
            let bytes = fs::read(dir.join(&f)).unwrap();
            (f, bytes)
        })
        .collect()
}

/// The output of a build without gka's marker file, whose text names the command that wrote
/// it: what a full build and a `gka serve` session must agree on, byte for byte.
pub fn site_files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = snapshot(dir);
    files.remove(gka::output::MARKER);
    files
}

/// How the files `actual` differ from `expected` (both as [`site_files`] reads them): the
/// paths whose bytes differ or that `actual` lacks, and the paths only `actual` has.
pub fn stale_and_extra<'a>(
    actual: &'a BTreeMap<String, Vec<u8>>,
    expected: &'a BTreeMap<String, Vec<u8>>,
) -> (Vec<&'a String>, Vec<&'a String>) {
    let stale = expected
        .iter()
        .filter(|(path, bytes)| actual.get(*path) != Some(bytes))
        .map(|(path, _)| path)
        .collect();
    let extra = actual
        .keys()
        .filter(|path| !expected.contains_key(*path))
        .collect();
    (stale, extra)
}

/// The output file of a site path: `/x/` → `x/index.html`, `/x.html` → `x.html`.
pub fn output_file(site_path: &str) -> String {
    let path = site_path.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}

/// The site path of an output file: `x/index.html` → `/x/`.
pub fn site_path(file: &str) -> String {
    match file.strip_suffix("index.html") {
        Some(dir) if dir.is_empty() || dir.ends_with('/') => format!("/{dir}"),
        _ => format!("/{file}"),
    }
}

/// Parses the page at `site_path` in `out`; panics when it does not exist.
#[track_caller]
pub fn page(out: &Path, site_path: &str) -> Html {
    let file = out.join(output_file(site_path));
    let text = fs::read_to_string(&file)
        .unwrap_or_else(|e| panic!("page {site_path} ({}): {e}", file.display()));
    Html::parse_document(&text)
}

/// A CSS selector; panics on a typo.
pub fn sel(selector: &str) -> Selector {
    Selector::parse(selector).unwrap_or_else(|e| panic!("selector {selector:?}: {e:?}"))
}

/// All Unicode whitespace (U+00A0 included) folded to single spaces, trimmed.
pub fn fold_ws(text: &str) -> String {
    text.split(char::is_whitespace)
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text of an element, whitespace folded.
pub fn text(element: ElementRef) -> String {
    fold_ws(&element.text().collect::<String>())
}

/// The element matching `selector` in `doc`; panics unless exactly one matches.
#[track_caller]
pub fn one<'a>(doc: &'a Html, selector: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef> = doc.select(&sel(selector)).collect();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one {selector:?}, found {}",
        found.len()
    );
    found[0]
}

/// The `main` element of a page.
#[track_caller]
pub fn main_of(doc: &Html) -> ElementRef<'_> {
    one(doc, "main")
}

/// `(text, href)` of every link matching `selector` inside `scope`.
pub fn links_in(scope: ElementRef, selector: &str) -> Vec<(String, String)> {
    scope
        .select(&sel(selector))
        .map(|a| (text(a), a.attr("href").unwrap_or_default().to_string()))
        .collect()
}

/// The texts of the `h3`/`h2` card titles (links) in `scope`: the items a list page shows.
pub fn card_titles(scope: ElementRef) -> Vec<String> {
    scope
        .select(&sel(".card .card__title a"))
        .map(text)
        .collect()
}

/// The next sibling element of `element`, skipping text and comments.
pub fn next_element(element: ElementRef<'_>) -> Option<ElementRef<'_>> {
    element.next_siblings().find_map(ElementRef::wrap)
}

/// The `h2` inside `scope` whose text is `heading`; panics unless exactly one.
#[track_caller]
pub fn h2<'a>(scope: ElementRef<'a>, heading: &str) -> ElementRef<'a> {
    let found: Vec<ElementRef> = scope
        .select(&sel("h2"))
        .filter(|h| text(*h) == heading)
        .collect();
    assert_eq!(found.len(), 1, "expected one h2 {heading:?}");
    found[0]
}

/// Decodes `%XX` escapes in a URL path.
pub fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && i + 2 < bytes.len()
            && let Some(b) = std::str::from_utf8(&bytes[i + 1..i + 3])
                .ok()
                .and_then(|hex| u8::from_str_radix(hex, 16).ok())
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Whether an `href`/`src` points outside the site (another scheme or host).
pub fn is_external(href: &str, base_url: &str) -> bool {
    if href.starts_with(base_url) {
        return false;
    }
    href.starts_with("//")
        || href
            .split_once(':')
            .is_some_and(|(scheme, _)| !scheme.contains(['/', '?', '#']))
}

/// The ids in a document.
fn ids(doc: &Html) -> BTreeSet<String> {
    doc.select(&sel("[id]"))
        .filter_map(|e| e.attr("id"))
        .map(str::to_string)
        .collect()
}

/// Checks every internal `href` and `src` of every HTML page in `out`, for a site published at
/// `base_url`. A link is internal when it is relative, starts with `/`, or starts with
/// `base_url` itself (canonical links). Query and fragment are stripped; `/x/` must exist as
/// `x/index.html`, anything else as that file. A fragment must name an id on the target page.
/// Returns one line per broken link.
pub fn broken_links(out: &Path, base_url: &str) -> Vec<String> {
    let base = url::Url::parse(base_url).unwrap();
    let base_path = base.path().to_string();
    let mut parsed: BTreeMap<String, Html> = BTreeMap::new();
    for file in html_files(out) {
        let doc = Html::parse_document(&fs::read_to_string(out.join(&file)).unwrap());
        parsed.insert(file, doc);
    }
    let all_files: BTreeSet<String> = files(out).into_iter().collect();
    let mut broken = Vec::new();
    for (file, doc) in &parsed {
        let page_url = base.join(&site_path(file)[1..]).unwrap();
        for element in doc.select(&sel("[href], [src]")) {
            for attr in ["href", "src"] {
                let Some(value) = element.attr(attr) else {
                    continue;
                };
                let value = value.trim();
                let label = format!("{file}: <{} {attr}=\"{value}\">", element.value().name());
                if is_external(value, base_url) {
                    continue;
                }
                if value.is_empty() {
                    broken.push(format!("{label}: empty"));
                    continue;
                }
                let Ok(target) = page_url.join(value) else {
                    broken.push(format!("{label}: not a valid URL"));
                    continue;
                };
                if target.host_str() != base.host_str() {
                    broken.push(format!("{label}: resolves to another host"));
                    continue;
                }
                let path = percent_decode(target.path());
                let Some(rel) = path.strip_prefix(&base_path) else {
                    broken.push(format!(
                        "{label}: {path} lies outside the base path {base_path}"
                    ));
                    continue;
                };
                let target_file = output_file(&format!("/{rel}"));
                if !all_files.contains(&target_file) {
                    broken.push(format!("{label}: {target_file} does not exist"));
                    continue;
                }
                if let Some(fragment) = target.fragment().filter(|f| !f.is_empty())
                    && let Some(target_doc) = parsed.get(&target_file)
                    && !ids(target_doc).contains(&percent_decode(fragment))
                {
                    broken.push(format!("{label}: no id \"{fragment}\" in {target_file}"));
                }
            }
        }
    }
    broken
}

/// Whether the page is a redirect (`<meta http-equiv="refresh">`), which has no site skeleton.
pub fn is_redirect(doc: &Html) -> bool {
    doc.select(&sel("meta[http-equiv=\"refresh\"]"))
        .next()
        .is_some()
}

/// Checks that every HTML page except redirects has exactly one `h1` (inside `main`),
/// `<html lang="nl">`, a skip link to `#inhoud` as the first link, one `main` with id `inhoud`,
/// a `header`, a `nav` and a `footer`; that no id is used twice; and that every
/// `aria-labelledby` names an id of the page. Returns one line per problem.
pub fn skeleton_problems(out: &Path) -> Vec<String> {
    let mut problems = Vec::new();
    for file in html_files(out) {
        let doc = Html::parse_document(&fs::read_to_string(out.join(&file)).unwrap());
        if is_redirect(&doc) {
            continue;
        }
        let count = |selector: &str| doc.select(&sel(selector)).count();
        let mut problem = |what: String| problems.push(format!("{file}: {what}"));
        if count("h1") != 1 {
            problem(format!("{} h1 elements", count("h1")));
        }
        if count("main h1") != 1 {
            problem("the h1 is not inside main".into());
        }
        if count("html[lang=\"nl\"]") != 1 {
            problem("no <html lang=\"nl\">".into());
        }
        let first_link = doc.select(&sel("body a")).next();
        if first_link.and_then(|a| a.attr("href")) != Some("#inhoud") {
            problem("the first link of the body is not a skip link to #inhoud".into());
        }
        if count("main") != 1 || count("main#inhoud") != 1 {
            problem("no single <main id=\"inhoud\">".into());
        }
        for landmark in ["header", "nav", "footer"] {
            if count(landmark) == 0 {
                problem(format!("no <{landmark}>"));
            }
        }
        let mut seen = BTreeSet::new();
        for id in doc.select(&sel("[id]")).filter_map(|e| e.attr("id")) {
            if !seen.insert(id) {
                problem(format!("id \"{id}\" is used twice"));
            }
        }
        for labelled in doc.select(&sel("[aria-labelledby]")) {
            let id = labelled.attr("aria-labelledby").unwrap_or_default();
            if !seen.contains(id) {
                problem(format!("aria-labelledby=\"{id}\" names no id"));
            }
        }
    }
    problems
}

/// The text of the `body` of every HTML page in `out`, whitespace folded, joined by spaces.
pub fn site_text(out: &Path) -> String {
    let body = sel("body");
    html_files(out)
        .iter()
        .map(|file| {
            let doc = Html::parse_document(&fs::read_to_string(out.join(file)).unwrap());
            doc.select(&body).map(text).collect::<Vec<_>>().join(" ")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The `<loc>` values of a sitemap, in order.
pub fn sitemap_locs(xml: &str) -> Vec<String> {
    let mut locs = Vec::new();
    let mut rest = xml;
    while let Some(start) = rest.find("<loc>") {
        let after = &rest[start + "<loc>".len()..];
        let end = after.find("</loc>").expect("every <loc> is closed");
        locs.push(after[..end].trim().to_string());
        rest = &after[end..];
    }
    locs
}

//! Property tests of the promise of `gka serve`: after every edit, the output folder of its
//! session ([`Session`]) equals a fresh `gka build` of the same files, byte for byte, with the
//! same warnings; and after an edit that breaks the site, the session fails with the errors
//! the build reports and keeps the last good output.
//!
//! A case copies a site into a temporary root, builds it with a session and applies a random
//! sequence of steps to its files: bodies and front matter of every kind of document,
//! `site.yaml`, static files, the theme's `theme.yaml` and templates, the site's own
//! templates, and added, removed and renamed files and folders. After each step the session
//! rebuilds with the changed paths, as serve's file watcher reports them, and its output is
//! compared with a full build into a new folder. A failing case prints its steps.
//!
//! Two sites: the example, with gka's theme, and `tests/fixtures/context-dump`, whose templates
//! print their whole context (`__tera_context`), so that a value a rebuild leaves stale shows
//! up even where gka's templates do not show it.
//!
//! The suite runs a few cases, so that it stays fast; `PROPTEST_CASES=200` runs more.

mod common;

use std::collections::BTreeMap;
use std::fmt;
use std::fs;
use std::ops::RangeInclusive;
use std::path::{Path, PathBuf};

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::{Config, TestCaseError, TestError, TestRunner};

use common::{SiteRoot, fixture_dir, repo_root, site_files, stale_and_extra};
use gka::build::{self, BuildError, BuildOptions};
use gka::diagnostics::Diagnostic;
use gka::rebuild::Session;

/// The fixture whose templates print their whole context.
const CONTEXT_DUMP: &str = "context-dump";

/// A `--base-url` in a sub-folder, for cases that override `base_url` of `site.yaml`.
const SUB_FOLDER: &str = "https://gka.voorbeeldstad.example/gka/";

/// Documents a step may add (and then edit, remove or rename), whatever the site has.
const NEW_DOCUMENTS: [&str; 11] = [
    "content/interventies/nieuwe-aanpak.md",
    "content/nieuws/nieuw-bericht.md",
    "content/nieuws/nieuw-evenement.md",
    "content/addenda/2025-2028.md",
    "content/programmalijnen/nieuwe-lijn.md",
    "content/nieuwe-pagina.md",
    "content/extra/_index.md",
    "content/extra/uitleg.md",
    // A section in a section: breadcrumbs with two sections' titles.
    "content/extra/meer/_index.md",
    "content/extra/meer/diep.md",
    // An editor's swap file: never content, so it must change nothing.
    "content/interventies/.nieuwe-aanpak.md.swp",
];

/// Folders a step may rename: folders of plain pages a step may add, and the fixture's.
const FOLDERS: [&str; 3] = ["content/extra", "content/extra/meer", "content/over"];

/// Static files a step may write besides those the site has; `{theme}` is the site's theme.
/// A file in `content/static/` wins over the theme's of the same path.
const NEW_STATIC_FILES: [&str; 6] = [
    "content/static/logo.svg",
    "content/static/huisstijl.css",
    "content/static/verslagen/verslag.pdf",
    "content/static/css/gka.css",
    "themes/{theme}/static/css/extra.css",
    "themes/gka/static/js/video.js",
];

/// Properties of the example: most cases without search, which makes every build slower.
#[test]
fn the_example_serves_what_it_builds() {
    check(&Source::read(None), 10, 3..=8, false);
}

/// Properties of the site whose pages print their whole context.
#[test]
fn every_template_context_serves_what_it_builds() {
    check(&Source::read(Some(CONTEXT_DUMP)), 10, 3..=8, false);
}

/// Fewer, shorter cases with the search page and index, which `Session::finish` makes.
#[test]
fn the_search_index_serves_what_it_builds() {
    check(&Source::read(Some(CONTEXT_DUMP)), 3, 2..=4, true);
}

/// A redirect page shows its breadcrumbs when the site's `alias.html` does: they hold the
/// title of the section the old address is in, which serve must render again when it changes.
#[test]
fn a_redirect_shows_the_new_title_of_its_section() {
    let site = SiteRoot::example();
    site.write("templates/alias.html", TemplateText::Crumbs.text());
    let kansrijk = "content/interventies/kansrijk-in-almere.md";
    site.edit(
        kansrijk,
        "titel: Kansrijk in Almere\n",
        "titel: Kansrijk in Almere\naliassen:\n  - /interventies/kansrijk/\n",
    );
    let out = tempfile::tempdir().unwrap();
    let options = Options {
        drafts: false,
        base_url: None,
        search: false,
    };
    let mut check = Check::new(&site, options, out.path());
    if let Err(difference) = check.rebuild(&[]) {
        panic!("the first build: {difference}");
    }
    let section = "content/interventies/_index.md";
    site.edit(section, "titel: Interventies", "titel: Aanpakken");
    if let Err(difference) = check.rebuild(&[site.file(section)]) {
        panic!("the section's title: {difference}");
    }
}

/// Runs `cases` random cases of `steps` steps on `source`, and panics with the shortest
/// failing case proptest finds.
fn check(source: &Source, cases: u32, steps: RangeInclusive<usize>, search: bool) {
    let default = Config::default();
    let config = Config {
        // PROPTEST_CASES runs more (or fewer) cases than the suite's few.
        cases: match std::env::var_os("PROPTEST_CASES") {
            Some(_) => default.cases,
            None => cases,
        },
        // A failure prints its steps; saving it would write into the repository.
        failure_persistence: None,
        // Every try builds a whole case again: enough tries to drop most steps that do not
        // matter, in a bounded time.
        max_shrink_iters: 48,
        max_shrink_time: 15_000,
        ..default
    };
    let mut runner = TestRunner::new(config);
    let strategy = case(source, steps);
    match runner.run(&strategy, |case| run(source, &case, search)) {
        Ok(()) => {}
        // The reason lists the steps up to the one that failed; those after it do not matter.
        Err(TestError::Fail(reason, case)) => {
            panic!(
                "{reason}\n\nthe shortest failing case proptest found (the steps after the \
                 one that fails do not matter): {case:?}"
            )
        }
        Err(err) => panic!("{err}"),
    }
}

/// Applies the steps of `case` to a copy of `source`, comparing the session with a full build
/// after each.
fn run(source: &Source, case: &Case, search: bool) -> Result<(), TestCaseError> {
    let site = source.copy();
    let out = tempfile::tempdir().unwrap();
    let options = Options {
        drafts: case.drafts,
        base_url: case.base_url,
        search,
    };
    let mut check = Check::new(&site, options, out.path());
    let mut log = Vec::new();
    // Rebuilds after `changed`; returns whether the site built.
    let mut rebuild =
        |log: &mut Vec<String>, what: String, changed: &[PathBuf]| match check.rebuild(changed) {
            Ok(agreed) => {
                log.push(format!("{what}: {}", agreed.what));
                Ok(agreed.built)
            }
            Err(difference) => {
                log.push(format!("{what}: differs"));
                Err(TestCaseError::fail(format!(
                    "{difference}\n\nsteps on {}:\n  {}",
                    source.name(),
                    log.join("\n  ")
                )))
            }
        };
    rebuild(&mut log, "the first build".into(), &[])?;
    for (i, step) in case.steps.iter().enumerate() {
        let before = common::snapshot(site.path());
        let what = format!("{}. {step:?}", i + 1);
        let changed: Vec<PathBuf> = (step.edits.iter())
            .filter_map(|edit| edit.apply(&site, source))
            .flatten()
            .collect();
        if changed.is_empty() {
            log.push(format!("{what}: changes no file"));
            continue;
        }
        let built = rebuild(&mut log, what, &changed)?;
        // A step that breaks the site is undone too, so that the steps after it have a site
        // to build.
        if step.undo || !built {
            let changed = restore(&site, &before);
            rebuild(&mut log, format!("{}. undone", i + 1), &changed)?;
        }
    }
    Ok(())
}

/// Puts the files of the site root back as they were in `before`; returns their paths.
fn restore(site: &SiteRoot, before: &BTreeMap<String, Vec<u8>>) -> Vec<PathBuf> {
    let now = common::snapshot(site.path());
    let mut changed = Vec::new();
    for (file, bytes) in before {
        if now.get(file) != Some(bytes) {
            site.write(file, bytes);
            changed.push(site.file(file));
        }
    }
    for file in now.keys().filter(|file| !before.contains_key(*file)) {
        fs::remove_file(site.file(file)).unwrap();
        changed.push(site.file(file));
    }
    changed
}

/// The build options a case varies.
#[derive(Clone, Copy)]
struct Options {
    drafts: bool,
    base_url: Option<&'static str>,
    search: bool,
}

/// What a rebuild did when serve and build agreed.
struct Agreed {
    /// What happened, for the steps a failure lists.
    what: String,
    /// Whether the site built.
    built: bool,
}

/// A session of one site, checked against full builds.
struct Check<'a> {
    site: &'a SiteRoot,
    options: Options,
    session: Session,
    /// The session's output after its last good rebuild.
    last_good: BTreeMap<String, Vec<u8>>,
}

impl<'a> Check<'a> {
    /// A session of `site` writing into a new folder in `out`.
    fn new(site: &'a SiteRoot, options: Options, out: &Path) -> Check<'a> {
        let session = Session::new(build_options(site, options, out.join("site"))).unwrap();
        Check {
            site,
            options,
            session,
            last_good: BTreeMap::new(),
        }
    }

    /// Rebuilds the session after `changed` and builds the site in full: both succeed with the
    /// same files and warnings, or both fail with the same errors and the session keeps its
    /// last good output. Returns what happened, or how serve and build differ.
    fn rebuild(&mut self, changed: &[PathBuf]) -> Result<Agreed, String> {
        let served = self
            .session
            .rebuild(changed)
            .and_then(|rebuilt| self.session.finish().map(|_| rebuilt));
        let full = tempfile::tempdir().unwrap();
        let output = full.path().join("public");
        let built = build::build(
            &build_options(self.site, self.options, output.clone()),
            false,
        );
        match (served, built) {
            (Ok(rebuilt), Ok(report)) => {
                if rebuilt.warnings != report.warnings {
                    return Err(format!(
                        "serve warns {}, build warns {}",
                        codes(&rebuilt.warnings),
                        codes(&report.warnings)
                    ));
                }
                let served = site_files(self.session.output());
                let expected = site_files(&output);
                if served != expected {
                    return Err(self.differences(&served, &expected));
                }
                self.last_good = served;
                Ok(Agreed {
                    what: match rebuilt.warnings.is_empty() {
                        true => "built".into(),
                        false => format!("built with warnings {}", codes(&rebuilt.warnings)),
                    },
                    built: true,
                })
            }
            (Err(BuildError::Content(served)), Err(BuildError::Content(expected))) => {
                if served != expected {
                    return Err(format!(
                        "both fail, but serve reports {served:#?}\nand build reports {expected:#?}"
                    ));
                }
                if site_files(self.session.output()) != self.last_good {
                    return Err(
                        "both fail, but the session's output is no longer its last good one".into(),
                    );
                }
                Ok(Agreed {
                    what: format!("both fail with {}", codes(&served)),
                    built: false,
                })
            }
            (served, built) => Err(format!(
                "serve and build disagree on success: serve {}, build {}",
                result(&served.map(|_| ())),
                result(&built.map(|_| ()))
            )),
        }
    }

    /// How the session's output `served` differs from a full build's, `expected`, checked
    /// against a second full build, so that a build that is not deterministic is not taken
    /// for a stale file.
    fn differences(
        &self,
        served: &BTreeMap<String, Vec<u8>>,
        expected: &BTreeMap<String, Vec<u8>>,
    ) -> String {
        let again = tempfile::tempdir().unwrap();
        let output = again.path().join("public");
        build::build(
            &build_options(self.site, self.options, output.clone()),
            false,
        )
        .unwrap();
        let again = site_files(&output);
        let (unstable, _) = stale_and_extra(&again, expected);
        if !unstable.is_empty() {
            return format!(
                "two full builds differ, in {unstable:?}: the build is not deterministic"
            );
        }
        let (stale, extra) = stale_and_extra(served, expected);
        let mut lines = vec!["the session's output differs from a full build:".to_string()];
        for path in stale {
            lines.push(match served.get(path) {
                Some(bytes) => format!("{path}: {}", first_difference(bytes, &expected[path])),
                None => format!("{path}: missing from the session's output"),
            });
        }
        lines.extend(
            extra
                .into_iter()
                .map(|path| format!("{path}: only in the session's output")),
        );
        lines.join("\n  ")
    }
}

fn build_options(site: &SiteRoot, options: Options, output: PathBuf) -> BuildOptions {
    BuildOptions {
        root: site.path().to_path_buf(),
        output,
        base_url: options.base_url.map(str::to_string),
        drafts: options.drafts,
        search: options.search,
    }
}

/// Where two versions of a file part, with some text of each around it.
fn first_difference(served: &[u8], built: &[u8]) -> String {
    let at = served.iter().zip(built).take_while(|(a, b)| a == b).count();
    let excerpt = |bytes: &[u8]| {
        let start = at.saturating_sub(80);
        let end = (at + 120).min(bytes.len());
        String::from_utf8_lossy(&bytes[start.min(end)..end]).into_owned()
    };
    format!(
        "differs from byte {at}:\n    serve: …{}…\n    build: …{}…",
        excerpt(served),
        excerpt(built)
    )
}

fn codes(diagnostics: &[Diagnostic]) -> String {
    let codes: Vec<String> = diagnostics
        .iter()
        .map(|d| format!("{} in {}", d.code.as_str(), d.file.display()))
        .collect();
    format!("[{}]", codes.join(", "))
}

fn result(outcome: &Result<(), BuildError>) -> String {
    match outcome {
        Ok(()) => "succeeds".into(),
        Err(BuildError::Content(found)) => format!("fails with {}", codes(found)),
        Err(err) => format!("fails: {err}"),
    }
}

/// A site to copy and edit, and what edits of it may name.
struct Source {
    /// The fixture's name; `None` for the example.
    fixture: Option<&'static str>,
    /// Its Markdown files, and those a step may add.
    documents: Files,
    /// Those that introduce sections (`_index.md`).
    sections: Files,
    /// Those of each kind that has keys of its own.
    interventies: Files,
    nieuws: Files,
    addenda: Files,
    programmalijnen: Files,
    /// Its files in `content/static/`, and static files a step may write, there and in the
    /// theme.
    static_files: Files,
    /// The agenda's themes.
    themas: Vec<String>,
    /// The interventies' slugs.
    slugs: Vec<String>,
    /// The site paths of its documents' pages, to link to.
    pages: Vec<String>,
    /// The theme `site.yaml` names.
    theme: String,
    /// The stylesheets its `theme.yaml` lists.
    css: Vec<String>,
    /// Every template of gka's theme, as a path in `templates/`.
    templates: Vec<String>,
}

/// Paths of files in the site root: those the site has, and those a step may add.
struct Files {
    existing: Vec<String>,
    new: Vec<String>,
}

impl Files {
    /// The files of `existing` and [`NEW_DOCUMENTS`] that `keep` keeps.
    fn of(existing: &[String], keep: impl Fn(&str) -> bool) -> Files {
        let new = NEW_DOCUMENTS.iter().map(|f| f.to_string());
        Files {
            existing: existing.iter().filter(|f| keep(f)).cloned().collect(),
            new: new.filter(|f| keep(f)).collect(),
        }
    }

    /// One of the files, mostly one the site has: edits of a file that is not there yet
    /// change nothing.
    fn pick(&self) -> BoxedStrategy<String> {
        self.pick_weighted(4, 1)
    }

    /// One of the files the site has (weight `existing`) or of all (weight `all`).
    fn pick_weighted(&self, existing: u32, all: u32) -> BoxedStrategy<String> {
        match self.existing.is_empty() {
            true => select(self.all()).boxed(),
            false => prop_oneof![
                existing => select(self.existing.clone()),
                all => select(self.all()),
            ]
            .boxed(),
        }
    }

    fn all(&self) -> Vec<String> {
        [self.existing.clone(), self.new.clone()].concat()
    }
}

impl Source {
    /// Reads the files of the example (`None`) or of a fixture.
    fn read(fixture: Option<&'static str>) -> Source {
        let dir = fixture.map_or_else(repo_root, fixture_dir);
        let content: Vec<String> = common::files(&dir.join("content"))
            .into_iter()
            .map(|file| format!("content/{file}"))
            .collect();
        let markdown: Vec<String> = (content.iter())
            .filter(|f| f.ends_with(".md"))
            .cloned()
            .collect();
        let of_kind = |folder: &'static str| {
            Files::of(&markdown, move |f| {
                f.starts_with(&format!("content/{folder}/"))
                    && f.ends_with(".md")
                    && !f.ends_with("/_index.md")
            })
        };
        let agenda = fs::read_to_string(dir.join("content/agenda.md")).unwrap();
        let settings = fs::read_to_string(dir.join("content/site.yaml")).unwrap();
        let theme = (settings.lines())
            .find_map(|line| line.strip_prefix("thema: "))
            .unwrap_or("gka")
            .to_string();
        let theme_settings = repo_root().join(format!("themes/{theme}/theme.yaml"));
        let static_files: Vec<String> = (content.iter())
            .filter(|f| f.starts_with("content/static/"))
            .cloned()
            .collect();
        let static_files = Files {
            new: NEW_STATIC_FILES
                .map(|f| f.replace("{theme}", &theme))
                .into_iter()
                .filter(|f| !static_files.contains(f))
                .collect(),
            existing: static_files,
        };
        Source {
            fixture,
            documents: Files::of(&markdown, |f| f.ends_with(".md")),
            sections: Files::of(&markdown, |f| f.ends_with("/_index.md")),
            interventies: of_kind("interventies"),
            nieuws: of_kind("nieuws"),
            addenda: of_kind("addenda"),
            programmalijnen: of_kind("programmalijnen"),
            slugs: (markdown.iter())
                .filter_map(|f| f.strip_prefix("content/interventies/"))
                .filter(|f| *f != "_index.md")
                .map(|f| f.trim_end_matches(".md").to_string())
                .collect(),
            pages: markdown.iter().map(|f| site_path(f)).collect(),
            static_files,
            themas: yaml_list(&agenda, "themas"),
            css: yaml_list(&fs::read_to_string(theme_settings).unwrap(), "css"),
            theme,
            templates: common::files(&repo_root().join("themes/gka/templates")),
        }
    }

    fn name(&self) -> &'static str {
        self.fixture.unwrap_or("the example")
    }

    /// A new copy of the site, with gka's themes.
    fn copy(&self) -> SiteRoot {
        match self.fixture {
            Some(fixture) => SiteRoot::fixture(fixture),
            None => SiteRoot::example(),
        }
    }

    fn theme_settings(&self) -> String {
        format!("themes/{}/theme.yaml", self.theme)
    }
}

/// The site path of the document at `file` (`content/a/b.md`).
fn site_path(file: &str) -> String {
    let path = file.trim_start_matches("content/").trim_end_matches(".md");
    let path = path.strip_suffix("_index").unwrap_or(path);
    match path.trim_end_matches('/') {
        "" | "index" => "/".into(),
        path => format!("/{path}/"),
    }
}

/// The items of the block list `key` in YAML written as the example writes it.
fn yaml_list(yaml: &str, key: &str) -> Vec<String> {
    let start = format!("{key}:");
    (yaml.lines())
        .skip_while(|line| *line != start)
        .skip(1)
        .map_while(|line| line.strip_prefix("  - "))
        .map(|item| item.trim_matches('"').to_string())
        .collect()
}

/// YAML's flow sequence of `items`, quoted.
fn flow(items: &[&str]) -> String {
    let quoted: Vec<String> = items.iter().map(|item| format!("{item:?}")).collect();
    format!("[{}]", quoted.join(", "))
}

/// One random case: the build options and the steps.
#[derive(Clone)]
struct Case {
    drafts: bool,
    base_url: Option<&'static str>,
    steps: Vec<Step>,
}

impl fmt::Debug for Case {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "drafts: {}, base URL: {}",
            self.drafts,
            self.base_url.unwrap_or("site.yaml's")
        )?;
        for (i, step) in self.steps.iter().enumerate() {
            write!(f, "\n  {}. {step:?}", i + 1)?;
        }
        Ok(())
    }
}

/// Edits made together, before one rebuild, as when an editor saves several files at once.
#[derive(Clone)]
struct Step {
    edits: Vec<Edit>,
    /// Whether the files are put back as they were after the rebuild, and the site rebuilt
    /// again, also when the step does not break the site (a step that does is always undone).
    undo: bool,
}

impl fmt::Debug for Step {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let edits: Vec<String> = self.edits.iter().map(|edit| format!("{edit:?}")).collect();
        f.write_str(&edits.join("; "))?;
        if self.undo {
            f.write_str(", then undone")?;
        }
        Ok(())
    }
}

/// One change to the files of the site root.
#[derive(Clone)]
enum Edit {
    /// Sets a key of a document's front matter, of `site.yaml` or of `theme.yaml`, or removes
    /// it (`None`); the value is YAML.
    Key {
        file: String,
        key: &'static str,
        value: Option<String>,
    },
    /// Changes a document's body; `atomic` saves it as many editors do, by renaming a new file
    /// over it.
    Body {
        file: String,
        body: Body,
        atomic: bool,
    },
    /// Writes a new document (or writes it anew).
    Add { file: String },
    /// Removes a file.
    Remove { file: String },
    /// Renames a file or folder, when `to` does not exist yet.
    Rename { from: String, to: String },
    /// Writes a static file of `lines` lines.
    Static { file: String, lines: u8 },
    /// Writes the site's own template `templates/<name>`, overriding the theme's, or removes
    /// it (`None`).
    Template {
        name: String,
        text: Option<TemplateText>,
    },
    /// Adds a comment (`n`) that shows in the output to gka's own template `name`.
    ThemeTemplate { name: String, n: u8 },
    /// Writes the photo [`PHOTO`], the `n`th of a few of other sizes and colours, and shows it
    /// at the end of the body of `shown_by`; with `None` only the photo is replaced, and the
    /// pages that show it must follow.
    Photo { shown_by: Option<String>, n: u8 },
}

/// The photo that [`Edit::Photo`] writes.
const PHOTO: &str = "content/static/img/foto.jpg";

/// The `n`th photo of [`Edit::Photo`]: a JPEG whose size and colour follow `n`.
fn photo(n: u8) -> Vec<u8> {
    let (width, height) = (24 + 8 * u32::from(n), 16 + 4 * u32::from(n));
    let image = image::RgbImage::from_pixel(width, height, image::Rgb([40 * n, 90, 160]));
    let mut bytes = Vec::new();
    image
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .unwrap();
    bytes
}

impl fmt::Debug for Edit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Edit::Key {
                file,
                key,
                value: Some(value),
            } => write!(f, "{file}: {key}: {value}"),
            Edit::Key {
                file,
                key,
                value: None,
            } => write!(f, "{file}: no {key}"),
            Edit::Body { file, body, atomic } => {
                let how = if *atomic { ", saved by a rename" } else { "" };
                write!(f, "{file}: body {body:?}{how}")
            }
            Edit::Add { file } => write!(f, "add {file}"),
            Edit::Remove { file } => write!(f, "remove {file}"),
            Edit::Rename { from, to } => write!(f, "rename {from} to {to}"),
            Edit::Static { file, lines } => write!(f, "write {file} ({lines} lines)"),
            Edit::Template {
                name,
                text: Some(text),
            } => write!(f, "templates/{name}: {text:?}"),
            Edit::Template { name, text: None } => write!(f, "remove templates/{name}"),
            Edit::ThemeTemplate { name, n } => {
                write!(f, "themes/gka/templates/{name}: comment {n}")
            }
            Edit::Photo { shown_by, n } => {
                write!(f, "write photo {n}")?;
                match shown_by {
                    Some(file) => write!(f, ", shown by {file}"),
                    None => Ok(()),
                }
            }
        }
    }
}

impl Edit {
    /// Makes the change in `site`; returns the paths a file watcher reports, or `None` when
    /// there is nothing to change (the file is gone, or a rename's target exists).
    fn apply(&self, site: &SiteRoot, source: &Source) -> Option<Vec<PathBuf>> {
        let existing = |file: &str| fs::read_to_string(site.file(file)).ok();
        match self {
            Edit::Key { file, key, value } => {
                let text = existing(file)?;
                let markdown = file.ends_with(".md");
                site.write(file, set_key(&text, markdown, key, value.as_deref()));
                Some(vec![site.file(file)])
            }
            Edit::Body { file, body, atomic } => {
                let text = body.apply(&existing(file)?);
                if !*atomic {
                    site.write(file, text);
                    return Some(vec![site.file(file)]);
                }
                let (folder, name) = file.rsplit_once('/').unwrap();
                let temporary = format!("{folder}/.{name}.tmp");
                site.write(&temporary, text);
                fs::rename(site.file(&temporary), site.file(file)).unwrap();
                Some(vec![site.file(&temporary), site.file(file)])
            }
            Edit::Add { file } => Some(write_new(site, file, new_document(file, source))),
            Edit::Remove { file } => {
                let path = site.file(file);
                fs::remove_file(&path).ok()?;
                Some(vec![path])
            }
            Edit::Rename { from, to } => {
                let (from, to) = (site.file(from), site.file(to));
                if !from.exists() || to.exists() {
                    return None;
                }
                fs::rename(&from, &to).unwrap();
                Some(vec![from, to])
            }
            Edit::Static { file, lines } => {
                // A logo stays an SVG, so that the icons are made from it.
                let text: String = if file.ends_with(".svg") {
                    let rects: String = (1..=*lines)
                        .map(|i| format!("<rect x=\"{i}\" width=\"1\" height=\"8\"/>"))
                        .collect();
                    format!(
                        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"8\" height=\"8\">{rects}</svg>\n"
                    )
                } else {
                    (1..=*lines).map(|i| format!("/* regel {i} */\n")).collect()
                };
                Some(write_new(site, file, text))
            }
            Edit::Template { name, text } => {
                let file = format!("templates/{name}");
                match text {
                    Some(text) => Some(write_new(site, &file, text.text())),
                    None => {
                        let path = site.file(&file);
                        fs::remove_file(&path).ok()?;
                        Some(vec![path])
                    }
                }
            }
            Edit::ThemeTemplate { name, n } => {
                let file = format!("themes/gka/templates/{name}");
                let comment = match name.rsplit_once('.') {
                    Some((_, "txt")) => format!("# Wijziging {n}\n"),
                    _ => format!("<!-- Wijziging {n} -->\n"),
                };
                let text = existing(&file)?;
                // A template that extends another may have text only inside its blocks.
                let block = "{% block content %}";
                let text = match text.split_once(block) {
                    Some((head, tail)) if text.starts_with("{% extends") => {
                        format!("{head}{block}{comment}{tail}")
                    }
                    _ => text + &comment,
                };
                site.write(&file, text);
                Some(vec![site.file(&file)])
            }
            Edit::Photo { shown_by, n } => {
                // Read first: a document that is not there changes nothing, the photo neither.
                let text = match shown_by {
                    Some(file) => Some((file, existing(file)?)),
                    None => None,
                };
                let mut changed = write_new(site, PHOTO, photo(*n));
                if let Some((file, text)) = text {
                    let shown =
                        format!("{}\n\n![Foto {n}](/static/img/foto.jpg)\n", text.trim_end());
                    site.write(file, shown);
                    changed.push(site.file(file));
                }
                Some(changed)
            }
        }
    }
}

/// Writes `text` to `file`, creating its folders; returns the paths a watcher reports: the
/// new folders and the file.
fn write_new(site: &SiteRoot, file: &str, text: impl AsRef<[u8]>) -> Vec<PathBuf> {
    let path = site.file(file);
    let mut new_folders: Vec<PathBuf> = path
        .ancestors()
        .skip(1)
        .take_while(|folder| !folder.exists())
        .map(Path::to_path_buf)
        .collect();
    new_folders.reverse();
    site.write(file, text);
    new_folders.push(path);
    new_folders
}

/// `text` with `key` (and the lines that continue its value) removed from its YAML, the front
/// matter of a document or the whole of a YAML file, and set to `value` when given.
fn set_key(text: &str, markdown: bool, key: &str, value: Option<&str>) -> String {
    let (yaml, rest) = match markdown {
        true => split_front_matter(text),
        false => (text, ""),
    };
    let mut lines: Vec<String> = Vec::new();
    let mut in_key = false;
    for line in yaml.lines() {
        if in_key && (line.starts_with(' ') || line.starts_with('-')) {
            continue;
        }
        in_key = line
            .strip_prefix(key)
            .is_some_and(|after| after.starts_with(':'));
        if !in_key {
            lines.push(line.to_string());
        }
    }
    if let Some(value) = value {
        lines.push(format!("{key}: {value}"));
    }
    let yaml: String = lines.iter().map(|line| format!("{line}\n")).collect();
    match markdown {
        true => format!("---\n{yaml}{rest}"),
        false => yaml,
    }
}

/// The YAML between a document's `---` lines, and the rest from the closing `---` on.
fn split_front_matter(text: &str) -> (&str, &str) {
    let after = text
        .strip_prefix("---\n")
        .expect("documents start with ---");
    if after.starts_with("---") {
        return ("", after);
    }
    let end = after.find("\n---").expect("front matter ends with ---") + 1;
    after.split_at(end)
}

/// A change to a document's body.
#[derive(Clone, Debug)]
enum Body {
    /// A paragraph at the end.
    Paragraph(u8),
    /// A paragraph at the start: the summary of a document without `samenvatting`.
    Lead(u8),
    /// A heading, which a link's `#fragment` may name.
    Heading(u8),
    /// A link to a site path, which breaks when the page goes.
    Link(String),
    /// A to-do, which is a warning.
    Todo,
}

impl Body {
    fn apply(&self, text: &str) -> String {
        let text = text.trim_end();
        let (yaml, rest) = split_front_matter(text);
        let end = match self {
            Body::Paragraph(n) => format!("Een nieuwe alinea {n}."),
            Body::Lead(n) => {
                let closing = rest.strip_prefix("---").unwrap();
                return format!("---\n{yaml}---\n\nEen nieuwe eerste alinea {n}.\n{closing}\n");
            }
            Body::Heading(n) => format!("## Nieuwe kop {n}\n\nTekst onder de kop."),
            Body::Link(path) => format!("Lees ook [deze pagina]({path})."),
            Body::Todo => "TODO: deze alinea afmaken.".into(),
        };
        format!("{text}\n\n{end}\n")
    }
}

/// A site template's text.
#[derive(Clone, Copy, Debug)]
enum TemplateText {
    /// The whole context.
    Context,
    /// The breadcrumbs and the title.
    Crumbs,
    /// A syntax error.
    Broken,
}

impl TemplateText {
    fn text(self) -> String {
        // The blocks of gka's base.html, which gka's templates fill: a site's base.html needs
        // them, every other template may have them.
        const BLOCKS: &str = "\
            {% block title %}{% endblock title %}{% block head %}{% endblock head %}\
            {% block zoekindex %}{% block soort %}{% endblock soort %}{% endblock zoekindex %}\
            {% block content %}{% endblock content %}\n";
        match self {
            TemplateText::Context => ["<pre>{{ __tera_context }}</pre>\n", BLOCKS].concat(),
            TemplateText::Crumbs => [
                "{% for crumb in page.kruimelpad %}{{ crumb.titel }} / {% endfor %}",
                "{{ page.titel }}\n",
                BLOCKS,
            ]
            .concat(),
            TemplateText::Broken => "{{ page.titel\n".into(),
        }
    }
}

/// The text of a new document at `file`, of the kind its folder gives it.
fn new_document(file: &str, source: &Source) -> String {
    let thema = source.themas.first().map_or("", String::as_str);
    let slug = source.slugs.first().map_or("", String::as_str);
    let front_matter = match file.rsplit_once('/').map(|(folder, _)| folder) {
        _ if file.ends_with(".swp") => return "an editor's swap file".into(),
        Some("content/interventies") => format!(
            "titel: Nieuwe aanpak\nthemas:\n  - {thema}\n\
             leeftijden:\n  - \"6-12\"\nonderwijs:\n  - mbo"
        ),
        Some("content/nieuws") if file.contains("evenement") => {
            "titel: Nieuw evenement\ndatum: 2099-01-15\nsoort: evenement\nlocatie: Stadhuis".into()
        }
        Some("content/nieuws") => "titel: Nieuw bericht\ndatum: 2024-02-01\nsoort: nieuws".into(),
        Some("content/addenda") => {
            format!("titel: Addendum 2025-2028\nperiode: \"2025-2028\"\ninterventies:\n  - {slug}")
        }
        Some("content/programmalijnen") => "titel: \"Programmalijn 9: Nieuw\"\nnummer: 9\n\
            resultaten:\n  - jaar: 2024\n    leeftijd: \"16-23\"\n    tekst: Een resultaat."
            .into(),
        Some(folder) if file.ends_with("_index.md") => {
            format!(
                "titel: Alles over {}",
                folder.rsplit('/').next().unwrap_or_default()
            )
        }
        _ => "titel: Een nieuwe pagina\nsamenvatting: Over iets nieuws.".into(),
    };
    format!("---\n{front_matter}\n---\n\nDe tekst van een nieuw document.\n")
}

/// The strategy of whole cases on `source`, of `steps` steps.
fn case(source: &Source, steps: RangeInclusive<usize>) -> impl Strategy<Value = Case> + use<> {
    let step = |edits: BoxedStrategy<Vec<Edit>>, undo: bool| {
        edits.prop_map(move |edits| Step { edits, undo }).boxed()
    };
    let one = edit(source).prop_map(|edit| vec![edit]).boxed();
    let breaking = (breaking(source), vec(edit(source), 0..=1))
        .prop_map(|(breaking, more)| [vec![breaking], more].concat())
        .boxed();
    // Most edits keep the site valid; a step that breaks it is undone (see `run`).
    let any_step = prop_oneof![
        6 => step(one.clone(), false),
        2 => step(vec(edit(source), 2..=3).boxed(), false),
        2 => step(one, true),
        2 => step(breaking, false),
    ];
    (
        any::<bool>(),
        select(vec![None, Some(SUB_FOLDER)]),
        vec(any_step, steps),
    )
        .prop_map(|(drafts, base_url, steps)| Case {
            drafts,
            base_url,
            steps,
        })
}

/// An edit that leaves the site valid, mostly: removing or renaming a page that others link
/// to breaks it.
fn edit(source: &Source) -> BoxedStrategy<Edit> {
    let removable = prop_oneof![
        3 => source.documents.pick_weighted(2, 1),
        1 => source.static_files.pick_weighted(1, 1),
    ];
    let renamable = prop_oneof![
        3 => source.documents.pick_weighted(2, 1),
        1 => select(FOLDERS.map(str::to_string).to_vec()),
    ];
    let templates = source.templates.clone();
    let template_texts = vec![
        Some(TemplateText::Context),
        Some(TemplateText::Crumbs),
        None,
    ];
    let css = strs(&source.css);
    let more_css = flow(&[css.clone(), vec!["css/extra.css"]].concat());
    let new_documents = NEW_DOCUMENTS.map(str::to_string).to_vec();
    prop_oneof![
        12 => front_matter(source),
        4 => body(source),
        2 => settings(source),
        1 => set(
            Just(source.theme_settings()).boxed(),
            "css",
            vec![Some(flow(&css)), Some(more_css), None],
        ),
        1 => (select(source.static_files.all()), 1..=6u8)
            .prop_map(|(file, lines)| Edit::Static { file, lines }),
        2 => (select(templates.clone()), select(template_texts))
            .prop_map(|(name, text)| Edit::Template { name, text }),
        1 => (select(templates), 0..4u8)
            .prop_map(|(name, n)| Edit::ThemeTemplate { name, n }),
        2 => select(new_documents).prop_map(|file| Edit::Add { file }),
        1 => (proptest::option::of(source.documents.pick()), 0..4u8)
            .prop_map(|(shown_by, n)| Edit::Photo { shown_by, n }),
        1 => removable.prop_map(|file| Edit::Remove { file }),
        1 => (renamable, select(vec!["-2", "-oud"])).prop_map(|(from, suffix)| {
            let to = match from.strip_suffix(".md") {
                Some(stem) => format!("{stem}{suffix}.md"),
                None => format!("{from}{suffix}"),
            };
            Edit::Rename { from, to }
        }),
    ]
    .boxed()
}

/// An edit that makes the build fail: a value gka rejects, a link to no page, a template
/// that does not compile, no `site.yaml`.
fn breaking(source: &Source) -> BoxedStrategy<Edit> {
    let documents = || source.documents.pick();
    let interventies = || source.interventies.pick();
    prop_oneof![
        set(documents(), "datum", values(&["2021-02-30"], false)),
        set(documents(), "onbekend", values(&["ja"], false)),
        set(documents(), "aliassen", values(&["[/contact/]"], false)),
        set(
            interventies(),
            "themas",
            values(&["[Onbekend thema]"], false)
        ),
        set(interventies(), "leeftijden", values(&["[\"12-4\"]"], false)),
        set(
            interventies(),
            "erkenning",
            values(&["{niveau: goed-beschreven, databank: nji}"], false),
        ),
        set(
            source.addenda.pick(),
            "interventies",
            values(&["[bestaat-niet]"], false)
        ),
        set(settings_file(), "onbekend", values(&["ja"], false)),
        set(
            Just(source.theme_settings()).boxed(),
            "css",
            values(&["[css/bestaat-niet.css]"], false),
        ),
        documents().prop_map(|file| Edit::Body {
            file,
            body: Body::Link("/bestaat-niet/".into()),
            atomic: false,
        }),
        select(source.templates.clone()).prop_map(|name| Edit::Template {
            name,
            text: Some(TemplateText::Broken),
        }),
        Just(Edit::Remove {
            file: "content/site.yaml".into()
        }),
    ]
    .boxed()
}

fn strs(items: &[String]) -> Vec<&str> {
    items.iter().map(String::as_str).collect()
}

/// Sets `key` of a file of `files` to one of `values`, where `{name}` stands for the file's
/// name without `.md` (its folder's for `_index.md`), so that two files do not get the same
/// slug or old address.
fn set(
    files: BoxedStrategy<String>,
    key: &'static str,
    values: Vec<Option<String>>,
) -> BoxedStrategy<Edit> {
    (files, select(values))
        .prop_map(move |(file, value)| {
            let name = file.trim_end_matches("/_index.md").trim_end_matches(".md");
            let name = name.rsplit('/').next().unwrap_or_default();
            let value = value.map(|value| value.replace("{name}", name));
            Edit::Key { file, key, value }
        })
        .boxed()
}

/// `values` as values to set, and `None` (remove the key) when `removable`.
fn values(values: &[&str], removable: bool) -> Vec<Option<String>> {
    let mut all: Vec<Option<String>> = values.iter().map(|v| Some(v.to_string())).collect();
    if removable {
        all.push(None);
    }
    all
}

/// Front matter: the keys of every document, section titles (which other pages show in
/// breadcrumbs and menus) and the keys of each kind of document.
fn front_matter(source: &Source) -> BoxedStrategy<Edit> {
    let documents = || source.documents.pick();
    let interventies = || source.interventies.pick();
    let themas = strs(&source.themas);
    let slugs = strs(&source.slugs);
    let mut reversed = themas.clone();
    reversed.reverse();
    let titles = values(&["\"Een nieuwe titel\"", "\"Kansen & 'kinderen'\""], false);
    let agenda = || Just("content/agenda.md".to_string()).boxed();
    let general = prop_oneof![
        set(
            documents(),
            "samenvatting",
            values(&["\"Een nieuwe samenvatting.\""], true)
        ),
        set(
            documents(),
            "datum",
            values(&["2019-03-01", "2024-12-31", "2099-06-01"], true)
        ),
        set(
            documents(),
            "aliassen",
            values(
                &[
                    "[/oud/{name}/]",
                    "[/interventies/oud-{name}/, /nieuws/oud-{name}/]",
                    "[/extra/oud-{name}/]"
                ],
                true
            ),
        ),
        set(documents(), "concept", values(&["true"], true)),
        set(documents(), "volgorde", values(&["1", "5"], true)),
        set(
            documents(),
            "trefwoorden",
            values(&["[armoede, ontbijt]"], true)
        ),
        set(documents(), "slug", values(&["{name}-nieuw"], true)),
    ];
    let interventie = prop_oneof![
        set(
            interventies(),
            "themas",
            values(
                &[
                    &flow(&themas[..1]),
                    &flow(&themas[..2]),
                    &flow(&themas[themas.len() - 1..])
                ],
                true
            ),
        ),
        set(
            interventies(),
            "leeftijden",
            values(&["[\"0-6\"]", "[\"4-12\", \"12-18\"]", "[\"0-18\"]"], true)
        ),
        set(
            interventies(),
            "onderwijs",
            values(&["[po]", "[voorschool, vo]", "[hbo]"], true)
        ),
        set(
            interventies(),
            "status",
            values(&["gepland", "lopend", "afgerond"], true)
        ),
        set(
            interventies(),
            "erkenning",
            values(
                &[
                    "{niveau: goed-onderbouwd, databank: nji}",
                    "{niveau: effectief-sterke-aanwijzingen, databank: rivm}"
                ],
                true,
            ),
        ),
        set(
            interventies(),
            "doelgroep",
            values(&["\"ouders en kinderen\""], true)
        ),
        set(interventies(), "sinds", values(&["2019", "2024"], true)),
        set(
            interventies(),
            "video",
            values(
                &["{url: \"https://vimeo.com/123456\", titel: Een video}"],
                true
            )
        ),
        // The photo of `Edit::Photo`, which may not be there yet: then it is an error.
        set(
            interventies(),
            "afbeelding",
            values(
                &[
                    "{bestand: /static/img/foto.jpg, alt: Een foto, bijschrift: Op school}",
                    "{bestand: /static/img/foto.jpg, decoratief: true, maker: Sanne}"
                ],
                true
            )
        ),
    ];
    let others = prop_oneof![
        set(
            source.nieuws.pick(),
            "soort",
            values(&["nieuws", "evenement"], true)
        ),
        set(
            source.nieuws.pick(),
            "locatie",
            values(&["Online", "Stadhuis"], true)
        ),
        set(
            source.nieuws.pick(),
            "afbeelding",
            values(&["{bestand: /static/img/foto.jpg, alt: Een foto}"], true)
        ),
        set(
            source.nieuws.pick(),
            "datum",
            values(&["2020-01-01", "2024-06-30", "2099-12-31"], false)
        ),
        set(
            agenda(),
            "themas",
            values(
                &[
                    &flow(&[themas.clone(), vec!["Sport en cultuur"]].concat()),
                    &flow(&themas[..themas.len() - 1]),
                    &flow(&reversed),
                ],
                false,
            ),
        ),
        set(agenda(), "periode", values(&["\"2024-2028\""], true)),
        set(
            source.addenda.pick(),
            "interventies",
            values(&[&flow(&slugs[..1]), &flow(&slugs)], true)
        ),
        set(
            source.addenda.pick(),
            "partners",
            values(&["[Gemeente, Scholen]"], true)
        ),
        set(
            source.programmalijnen.pick(),
            "nummer",
            values(&["7", "8"], false)
        ),
        set(
            source.programmalijnen.pick(),
            "ambities",
            values(&["[\"Meer *kansen* voor kinderen.\"]"], true)
        ),
        set(
            source.programmalijnen.pick(),
            "resultaten",
            values(
                &["[{jaar: 2024, leeftijd: \"6-12\", tekst: \"Een nieuw resultaat.\"}]"],
                true
            ),
        ),
    ];
    prop_oneof![
        3 => set(documents(), "titel", titles.clone()),
        3 => set(source.sections.pick(), "titel", titles),
        3 => general,
        3 => interventie,
        3 => others,
    ]
    .boxed()
}

/// Body edits of any document.
fn body(source: &Source) -> BoxedStrategy<Edit> {
    let body = prop_oneof![
        (0..4u8).prop_map(Body::Paragraph),
        (0..4u8).prop_map(Body::Lead),
        (0..4u8).prop_map(Body::Heading),
        select(source.pages.clone()).prop_map(Body::Link),
        Just(Body::Todo),
    ];
    let any_document = (source.documents.pick(), body, any::<bool>())
        .prop_map(|(file, body, atomic)| Edit::Body { file, body, atomic });
    // A new first paragraph of an interventie changes its card where it has no
    // `samenvatting`: the overview and the term pages share the cards and record their reads,
    // which only such an edit puts to the test.
    let interventies: Vec<String> = (source.documents.all().into_iter())
        .filter(|f| f.starts_with("content/interventies/") && !f.ends_with("_index.md"))
        .collect();
    if interventies.is_empty() {
        return any_document.boxed();
    }
    let lead =
        (select(interventies), 0..4u8, any::<bool>()).prop_map(|(file, n, atomic)| Edit::Body {
            file,
            body: Body::Lead(n),
            atomic,
        });
    prop_oneof![3 => any_document, 1 => lead].boxed()
}

fn settings_file() -> BoxedStrategy<String> {
    Just("content/site.yaml".to_string()).boxed()
}

/// Keys of `site.yaml`; the logo and the house style only where the site has their files.
fn settings(source: &Source) -> BoxedStrategy<Edit> {
    let file = settings_file;
    let has = |file: &str| source.static_files.existing.iter().any(|f| f == file);
    let menu = "[{titel: \"Agenda\", url: \"/agenda/\"}, {titel: \"Nieuws\", url: \"/nieuws/\"}]";
    let label =
        "{register: \"https://www.toegankelijkheidsverklaring.nl/register/1\", status: voldoet}";
    prop_oneof![
        set(
            file(),
            "titel",
            values(
                &["\"Gelijke kansen in de stad\"", "\"GKA & partners\""],
                true
            )
        ),
        set(
            file(),
            "gemeente",
            values(&["Stad", "\"Dorp & Co\""], false)
        ),
        set(
            file(),
            "omschrijving",
            values(&["\"Een nieuwe omschrijving.\""], true)
        ),
        set(file(), "menu", values(&[menu], true)),
        set(
            file(),
            "contact",
            values(&["{tekst: \"Bel ons.\", telefoon: \"14 036\"}"], true)
        ),
        set(
            file(),
            "logo",
            values(
                if has("content/static/logo.svg") {
                    &["/static/logo.svg"]
                } else {
                    &[]
                },
                true
            ),
        ),
        set(
            file(),
            "huisstijl",
            values(
                if has("content/static/huisstijl.css") {
                    &["{css: /static/huisstijl.css, klasse: stad-theme}"]
                } else {
                    &[]
                },
                true,
            ),
        ),
        set(file(), "toegankelijkheid", values(&[label], true)),
        set(
            file(),
            "beveiliging",
            values(&["{contact: \"mailto:security@example.org\"}"], true)
        ),
        set(file(), "thema", values(&["gka", "almere"], true)),
        set(
            file(),
            "afbeeldingen",
            values(&["{originelen: true}"], true)
        ),
        set(file(), "taal", values(&["nl", "fy"], true)),
        set(
            file(),
            "base_url",
            values(&["\"https://www.example.org/gka/\""], false)
        ),
    ]
    .boxed()
}

//! Themes: a folder `themes/<name>/` with Tera templates in `templates/`, files to publish in
//! `static/` and an optional `theme.yaml` that names a parent theme (`extends`) and the
//! stylesheets the theme adds (`css`).
//!
//! A theme and its parents form a chain, child first. A template or static file missing from
//! the child comes from the nearest parent that has it, and a `templates/` folder in the site
//! root overrides single templates of the whole chain. Templates are compiled once per build,
//! with Tera's fallback prefixes doing the lookup: the site's own templates are registered
//! under their plain names, each theme's under `themes/<name>/`, so a child's template can
//! still extend the parent's version explicitly (`{% extends "themes/gka/base.html" %}`).
//!
//! A supporting module of the load stage: [`crate::build`] resolves the [`ThemeChain`] while
//! it loads the content (the model needs the theme's static files as link targets), then
//! compiles its templates into a [`Theme`], which [`crate::render`] renders every page with.

pub mod embedded;

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::content::front_matter::LineMap;
use crate::content::{self, StaticFile};
use crate::diagnostics::{Code, Diagnostic, Position, relative};
use embedded::Copied;

/// The folder in the site root that holds themes.
pub const THEMES_DIR: &str = "themes";
/// The folder in the site root whose templates override the theme's, one file at a time.
pub const SITE_TEMPLATES_DIR: &str = "templates";
/// A theme's settings file.
pub const THEME_FILE: &str = "theme.yaml";

/// The keys of `themes/<name>/theme.yaml`. Unknown keys are errors, with a suggestion.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ThemeConfig {
    /// The parent theme: a folder in `themes/` whose templates and static files this theme
    /// falls back to.
    #[serde(default)]
    pub extends: Option<Spanned<String>>,
    /// Stylesheets this theme adds, as paths inside the chain's `static/` folders
    /// (`css/almere.css`). Pages link the parents' stylesheets first, so a child's CSS can
    /// override the parent's tokens.
    #[serde(default)]
    pub css: Vec<Spanned<String>>,
}

/// One theme of a chain.
#[derive(Debug)]
pub struct ThemeDir {
    /// The folder name in `themes/`.
    pub name: String,
    /// The theme's folder.
    pub dir: PathBuf,
    /// Its `theme.yaml`, or the defaults when it has none.
    pub config: ThemeConfig,
}

/// A theme with all its parents, resolved and checked: no cycles, no missing parents, every
/// stylesheet exists.
#[derive(Debug)]
pub struct ThemeChain {
    /// The themes, the one `site.yaml` names first, then its parent, and so on.
    pub themes: Vec<ThemeDir>,
    /// Every file the chain publishes under `/static/`, a child's file winning over a
    /// parent's of the same path.
    pub files: Vec<StaticFile>,
    /// The stylesheets to link, as paths inside `static/`, the root theme's first.
    pub css: Vec<String>,
    /// What is not wrong but worth knowing: a copy of a theme gka carries that is older than
    /// gka's own.
    pub warnings: Vec<Diagnostic>,
}

impl ThemeChain {
    /// The folders templates are read from, each with the prefix of its templates' names:
    /// the site's own `templates/` (no prefix) first, then each theme's, child first.
    fn template_folders(&self, root: &Path) -> Vec<(String, PathBuf)> {
        let mut folders = vec![(String::new(), root.join(SITE_TEMPLATES_DIR))];
        folders.extend(
            self.themes
                .iter()
                .map(|t| (format!("{THEMES_DIR}/{}/", t.name), t.dir.join("templates"))),
        );
        folders
    }

    /// The ids the templates write as they are (`id="inhoud"`), sorted and without repeats.
    /// Ids made from a value (`id="filter-{{ naam }}"`) are left out: headings are not
    /// named like them. A template that cannot be read is reported when the theme is loaded.
    pub fn template_ids(&self, root: &Path) -> Vec<String> {
        let mut ids = std::collections::BTreeSet::new();
        for (_, dir) in self.template_folders(root) {
            for entry in walkdir::WalkDir::new(dir).into_iter().flatten() {
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                for (at, _) in text.match_indices(" id=\"") {
                    let rest = &text[at + 5..];
                    if let Some(id) = rest.split('"').next()
                        && !id.is_empty()
                        && !id.contains(['{', '<', ' '])
                    {
                        ids.insert(id.to_string());
                    }
                }
            }
        }
        ids.into_iter().collect()
    }

    /// Resolves theme `name`, named at `at` in `content/site.yaml` (`None` for the default),
    /// in `root/themes/` and every theme it extends.
    pub fn resolve(
        root: &Path,
        name: &str,
        at: Option<Position>,
    ) -> Result<ThemeChain, Vec<Diagnostic>> {
        let mut themes: Vec<ThemeDir> = Vec::new();
        let mut warnings = Vec::new();
        let mut next = name.to_string();
        // Who named `next`: site.yaml for the first theme, then each theme's `extends`.
        let mut named_at: (PathBuf, Option<Position>) = (content::content_file("site.yaml"), at);
        loop {
            let dir = root.join(THEMES_DIR).join(&next);
            if let Some(at) = themes.iter().position(|t| t.name == next) {
                let mut circle: Vec<&str> = themes[at..].iter().map(|t| t.name.as_str()).collect();
                circle.push(&next);
                return Err(vec![
                    Diagnostic::new(
                        Code::ThemeCycle,
                        named_at.0,
                        named_at.1,
                        t!("thema-kring", themes = circle.join(" → ")),
                    )
                    .with_hint(t!("thema-kring-hint")),
                ]);
            }
            let on_disk = dir.join("templates").is_dir() || dir.join(THEME_FILE).is_file();
            if on_disk && embedded::compare(&next, &dir) == Some(Copied::Older) {
                warnings.push(
                    Diagnostic::new(
                        Code::OlderThemeCopy,
                        relative(root, &dir),
                        None,
                        t!("thema-kopie-ouder", theme = &next),
                    )
                    .with_hint(t!("thema-kopie-ouder-hint", theme = &next)),
                );
            }
            let dir = if !on_disk && embedded::names().contains(&next) {
                embedded::folder(&next).map_err(|err| {
                    vec![Diagnostic::new(
                        Code::ThemeMissing,
                        named_at.0.clone(),
                        named_at.1,
                        t!(
                            "thema-ingebouwd-mislukt",
                            theme = &next,
                            reason = crate::i18n::io_error(&err)
                        ),
                    )]
                })?
            } else {
                dir
            };
            if !dir.join("templates").is_dir() && !dir.join(THEME_FILE).is_file() {
                let what = match themes.last() {
                    None => t!("thema-bestaat-niet", theme = &next),
                    Some(child) => t!(
                        "thema-ouder-bestaat-niet",
                        theme = &child.name,
                        parent = &next
                    ),
                };
                return Err(vec![
                    Diagnostic::new(Code::ThemeMissing, named_at.0, named_at.1, what).with_hint(
                        t!(
                            "thema-bestaat-niet-hint",
                            found = available_themes(root).join(", ")
                        ),
                    ),
                ]);
            }
            let config = read_config(root, &dir)?;
            let parent = config.extends.clone();
            themes.push(ThemeDir {
                name: next,
                dir,
                config,
            });
            match parent {
                Some(parent) => {
                    let file = relative(root, &themes[themes.len() - 1].dir.join(THEME_FILE));
                    named_at = (file, LineMap { first_line: 1 }.of(&parent));
                    next = parent.value;
                }
                None => break,
            }
        }
        let files = static_files(root, &themes)?;
        let css = stylesheets(root, &themes, &files)?;
        Ok(ThemeChain {
            themes,
            files,
            css,
            warnings,
        })
    }
}

/// The theme folders in `root/themes/`, for hints.
fn available_themes(root: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(root.join(THEMES_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter(|e| e.path().is_dir())
        .filter_map(|e| e.file_name().to_str().map(str::to_string))
        .filter(|n| !n.starts_with('.'))
        .chain(embedded::names())
        .collect();
    names.sort();
    names.dedup();
    names
}

fn read_config(root: &Path, dir: &Path) -> Result<ThemeConfig, Vec<Diagnostic>> {
    let path = dir.join(THEME_FILE);
    if !path.is_file() {
        return Ok(ThemeConfig::default());
    }
    let text = content::read_text(&relative(root, &path), &path)?;
    content::parse_typed::<ThemeConfig>(&text, LineMap { first_line: 1 }, &[])
        .map_err(|errors| content::to_diagnostics(&relative(root, &path), errors))
}

/// Every file in the chain's `static/` folders; the first theme (the child) wins.
fn static_files(root: &Path, themes: &[ThemeDir]) -> Result<Vec<StaticFile>, Vec<Diagnostic>> {
    let mut files: BTreeMap<String, StaticFile> = BTreeMap::new();
    let mut problems = Vec::new();
    for theme in themes.iter().rev() {
        let dir = theme.dir.join("static");
        if !dir.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&dir).sort_by_file_name() {
            match entry.and_then(|e| e.metadata().map(|m| (e, m))) {
                Ok((e, meta)) if meta.is_file() => match slash_path(&dir, e.path()) {
                    Some(path) => {
                        files.insert(
                            path.clone(),
                            StaticFile {
                                path,
                                source: e.into_path(),
                                size: meta.len(),
                            },
                        );
                    }
                    None => problems.push(not_utf8(root, e.path())),
                },
                Ok(_) => {}
                Err(err) => problems.push(Diagnostic::new(
                    Code::Io,
                    relative(root, &dir),
                    None,
                    t!("kan-niet-lezen", reason = content::walk_error(&err)),
                )),
            }
        }
    }
    if problems.is_empty() {
        Ok(files.into_values().collect())
    } else {
        Err(problems)
    }
}

/// The chain's `css` entries, root theme first; each must be a file of the chain.
fn stylesheets(
    root: &Path,
    themes: &[ThemeDir],
    files: &[StaticFile],
) -> Result<Vec<String>, Vec<Diagnostic>> {
    let mut css = Vec::new();
    let mut problems = Vec::new();
    for theme in themes.iter().rev() {
        for entry in &theme.config.css {
            let path = entry.value.trim().trim_start_matches('/');
            let path = path.strip_prefix("static/").unwrap_or(path);
            if files.iter().any(|f| f.path == path) {
                if !css.iter().any(|c| c == path) {
                    css.push(path.to_string());
                }
            } else {
                problems.push(
                    Diagnostic::new(
                        Code::ThemeFile,
                        relative(root, &theme.dir.join(THEME_FILE)),
                        LineMap { first_line: 1 }.of(entry),
                        t!("thema-stijlblad-ontbreekt", path = &entry.value),
                    )
                    .with_hint(t!("thema-stijlblad-ontbreekt-hint", theme = &theme.name)),
                );
            }
        }
    }
    if problems.is_empty() {
        Ok(css)
    } else {
        Err(problems)
    }
}

/// The error for a file in a theme whose name is not UTF-8.
fn not_utf8(root: &Path, path: &Path) -> Diagnostic {
    Diagnostic::new(
        Code::BadFileName,
        relative(root, path),
        None,
        t!("bestandsnaam", problem = t!("naam-geen-utf8")),
    )
    .with_hint(t!("bestandsnaam-hint"))
}

/// `path` relative to `dir` with `/` separators, or `None` when a part is not UTF-8.
fn slash_path(dir: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(dir).ok()?;
    let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
    parts.map(|p| p.join("/"))
}

/// A loaded theme: its chain's templates, compiled.
pub struct Theme {
    /// The compiled templates.
    pub tera: tera::Tera,
    /// The stylesheets pages link, as paths inside `static/`, root theme first.
    pub css: Vec<String>,
    /// Template name (as Tera knows it) → its file, for messages.
    sources: HashMap<String, TemplateFile>,
    /// A fingerprint of every template's name and text: within one run, equal values mean
    /// the same templates.
    pub digest: u64,
    /// The site's theme's `templates/` folder relative to the site root, where a missing
    /// template belongs.
    templates_dir: PathBuf,
}

impl Theme {
    /// A template error as a diagnostic at the template's file, line and column.
    pub fn diagnostic(&self, err: &tera::Error) -> Diagnostic {
        if let tera::ErrorKind::TemplateNotFound(name) = err.kind() {
            // A theme that does not extend gka lacks the templates of newer page kinds.
            let folder = self.templates_dir.display();
            let hint = if name == "zoeken.html" {
                t!(
                    "sjabloon-ontbreekt-zoeken-hint",
                    name = name,
                    folder = folder
                )
            } else {
                t!("sjabloon-ontbreekt-hint", name = name, folder = folder)
            };
            return Diagnostic::new(
                Code::Template,
                self.templates_dir.clone(),
                None,
                t!("sjabloon-ontbreekt", name = name),
            )
            .with_hint(hint);
        }
        template_diagnostic(&self.sources, err)
    }

    /// Compiles the templates of `chain`, with the site's own `templates/` folder in `root`
    /// overriding single templates.
    pub fn load(root: &Path, chain: &ThemeChain) -> Result<Theme, Vec<Diagnostic>> {
        let folders = chain.template_folders(root);
        let mut files = Vec::new();
        let mut sources = HashMap::new();
        let mut problems = Vec::new();
        for (prefix, dir) in &folders {
            if !dir.is_dir() {
                continue;
            }
            for entry in walkdir::WalkDir::new(dir).sort_by_file_name() {
                match entry {
                    Ok(e) if e.file_type().is_file() => match slash_path(dir, e.path()) {
                        // Editor swap files and the like are never templates.
                        Some(n) if n.split('/').any(|p| p.starts_with('.')) => {}
                        Some(n) => {
                            let name = format!("{prefix}{n}");
                            sources.insert(name.clone(), TemplateFile::of(root, e.path()));
                            files.push((e.into_path(), Some(name)));
                        }
                        None => problems.push(not_utf8(root, e.path())),
                    },
                    Ok(_) => {}
                    Err(err) => problems.push(Diagnostic::new(
                        Code::Io,
                        relative(root, dir),
                        None,
                        t!("kan-niet-lezen", reason = content::walk_error(&err)),
                    )),
                }
            }
        }
        if files.is_empty() {
            let name = &chain.themes[0].name;
            problems.push(
                Diagnostic::new(
                    Code::ThemeMissing,
                    relative(root, &chain.themes[0].dir.join("templates")),
                    None,
                    t!("thema-geen-sjablonen", theme = name),
                )
                .with_hint(t!("thema-geen-sjablonen-hint")),
            );
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let digest = templates_digest(&files);
        let mut tera = tera::Tera::new();
        tera.autoescape_on([".html", ".xml"]);
        // Every folder's prefix but the site's own, which has none.
        let prefixes: Vec<String> = folders.into_iter().skip(1).map(|(p, _)| p).collect();
        tera.set_fallback_prefixes(prefixes)
            .map_err(|err| vec![template_diagnostic(&sources, &err)])?;
        tera.add_template_files(files)
            .map_err(|err| vec![template_diagnostic(&sources, &err)])?;
        Ok(Theme {
            tera,
            css: chain.css.clone(),
            sources,
            digest,
            templates_dir: relative(root, &chain.themes[0].dir.join("templates")),
        })
    }
}

/// The fingerprint of the templates `files` (path, name). A file that cannot be read counts
/// as empty here; Tera reports it when it compiles the templates.
fn templates_digest(files: &[(PathBuf, Option<String>)]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut hasher = std::hash::DefaultHasher::new();
    for (path, name) in files {
        name.hash(&mut hasher);
        std::fs::read(path).unwrap_or_default().hash(&mut hasher);
    }
    hasher.finish()
}

/// A template error as a diagnostic: what went wrong in the current language, with Tera's
/// own technical detail (in English) after it, at the template's file, line and column.
/// A template's file as messages name it.
#[derive(Debug, Clone)]
struct TemplateFile {
    /// Relative to the site root; a file of an embedded theme as `themes/<name>/…`.
    shown: PathBuf,
    /// Whether it is a file of a theme gka carries, which the site has no copy of.
    embedded: bool,
}

impl TemplateFile {
    fn of(root: &Path, path: &Path) -> TemplateFile {
        match embedded::shown(path) {
            Some(shown) => TemplateFile {
                shown,
                embedded: true,
            },
            None => TemplateFile {
                shown: relative(root, path),
                embedded: false,
            },
        }
    }
}

fn template_diagnostic(sources: &HashMap<String, TemplateFile>, err: &tera::Error) -> Diagnostic {
    let hint = t!("sjabloon-hint");
    match err.kind() {
        tera::ErrorKind::SyntaxError(report) | tera::ErrorKind::RenderingError(report) => {
            let span = report.span();
            let mut detail = report.message().to_string();
            if let Some(cause) = std::error::Error::source(err) {
                detail = format!("{detail}: {}", error_chain(cause));
            }
            let message = if matches!(err.kind(), tera::ErrorKind::SyntaxError(_)) {
                t!("sjabloon-schrijffout", detail = detail)
            } else {
                t!("sjabloon-maakfout", detail = detail)
            };
            let source = sources.get(report.filename());
            let file = source.map_or_else(|| PathBuf::from(report.filename()), |s| s.shown.clone());
            // The reader has no such file: the mistake is in how the site's own templates or
            // content use it, or in gka itself.
            let hint = match source {
                Some(source) if source.embedded => t!("sjabloon-ingebouwd-hint"),
                _ => hint,
            };
            Diagnostic::new(
                Code::Template,
                file,
                Some(Position {
                    line: span.start_line,
                    column: span.start_col + 1,
                }),
                message,
            )
            .with_hint(hint)
        }
        _ => Diagnostic::new(
            Code::Template,
            THEMES_DIR,
            None,
            t!("sjabloon-fout", detail = error_chain(err)),
        )
        .with_hint(hint),
    }
}

/// An error with all its causes, on one line each.
pub fn error_chain(err: &dyn std::error::Error) -> String {
    let mut text = err.to_string();
    let mut source = err.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str("\n  ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `files` (path, text) under a fresh temporary root.
    fn root_with(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().unwrap();
        for (path, text) in files {
            let path = tmp.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        tmp
    }

    fn render(theme: &Theme, name: &str) -> String {
        theme.tera.render(name, &tera::Context::new()).unwrap()
    }

    #[test]
    fn child_templates_win_and_parents_fill_in() {
        let tmp = root_with(&[
            (
                "themes/ouder/templates/base.html",
                "ouder-base[{% block b %}{% endblock b %}]",
            ),
            (
                "themes/ouder/templates/a.html",
                "{% extends \"base.html\" %}{% block b %}ouder-a{% endblock b %}",
            ),
            ("themes/ouder/templates/b.html", "ouder-b"),
            ("themes/ouder/static/css/ouder.css", "x"),
            ("themes/ouder/static/img/logo.svg", "ouder"),
            ("themes/ouder/theme.yaml", "css: [css/ouder.css]\n"),
            (
                "themes/kind/theme.yaml",
                "extends: ouder\ncss:\n  - css/kind.css\n",
            ),
            (
                "themes/kind/templates/base.html",
                "kind-base[{% block b %}{% endblock b %}]",
            ),
            (
                "themes/kind/templates/c.html",
                "{% extends \"themes/ouder/base.html\" %}{% block b %}kind-c{% endblock b %}",
            ),
            ("themes/kind/static/css/kind.css", "y"),
            ("themes/kind/static/img/logo.svg", "kind!"),
            ("templates/b.html", "site-b"),
        ]);
        let chain = ThemeChain::resolve(tmp.path(), "kind", None).unwrap();
        assert_eq!(chain.css, ["css/ouder.css", "css/kind.css"]);
        let logo = chain
            .files
            .iter()
            .find(|f| f.path == "img/logo.svg")
            .unwrap();
        assert_eq!(logo.size, 5, "the child's logo wins");
        let theme = Theme::load(tmp.path(), &chain).unwrap();
        assert_eq!(render(&theme, "a.html"), "kind-base[ouder-a]");
        assert_eq!(render(&theme, "b.html"), "site-b");
        assert_eq!(render(&theme, "c.html"), "ouder-base[kind-c]");
    }

    #[test]
    fn cycles_and_missing_parents_are_reported_where_they_are_named() {
        let tmp = root_with(&[
            ("themes/a/theme.yaml", "extends: b\n"),
            ("themes/b/theme.yaml", "# b\nextends: a\n"),
            ("themes/c/theme.yaml", "extends: weg\n"),
        ]);
        let err = ThemeChain::resolve(tmp.path(), "a", None).unwrap_err();
        assert_eq!(err.len(), 1);
        assert_eq!(err[0].file, Path::new("themes/b/theme.yaml"));
        assert_eq!(err[0].position.map(|p| p.line), Some(2));
        assert!(err[0].message.contains("a → b → a"), "{}", err[0].message);

        let err = ThemeChain::resolve(tmp.path(), "c", None).unwrap_err();
        assert_eq!(err[0].file, Path::new("themes/c/theme.yaml"));
        assert!(
            err[0]
                .message
                .contains("het thema 'c' bouwt voort op 'weg', maar dat thema is er niet"),
            "{}",
            err[0].message
        );
        // The site's themes and the ones inside gka.
        let hint = err[0].hint.as_deref().unwrap();
        assert!(hint.contains("a, almere, b, c, gka"), "{hint}");
    }

    #[test]
    fn unknown_keys_and_missing_stylesheets_are_errors() {
        let tmp = root_with(&[
            ("themes/a/theme.yaml", "extend: gka\n"),
            ("themes/b/theme.yaml", "css: [css/b.css]\n"),
            ("themes/b/templates/x.html", "x"),
        ]);
        let err = ThemeChain::resolve(tmp.path(), "a", None).unwrap_err();
        assert_eq!(err[0].message, "onbekende sleutel 'extend'");
        assert_eq!(err[0].hint.as_deref(), Some("bedoelt u 'extends'?"));
        let err = ThemeChain::resolve(tmp.path(), "b", None).unwrap_err();
        assert!(err[0].message.contains("css/b.css"), "{}", err[0].message);
    }
}

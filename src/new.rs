//! `gka new`: scaffolds a complete, valid site for another gemeente.
//!
//! The new folder gets one example of every content type, an agenda whose themes are
//! placeholders, a child theme `themes/<gemeente-slug>/` with its own design tokens that
//! extends a theme gka carries (not a copy of it: the site uses gka's own, see
//! [`crate::theme::embedded`], so a new gka brings its theme fixes), the publish pipelines of
//! this repository and the configurations of the form-based editors (`gka schema --cms`). Every text the gemeente
//! must write itself is marked `TODO:`, which `gka check` reports as `GKA-W008`; the site
//! builds as it is.

use std::collections::BTreeMap;
use std::path::PathBuf;

use crate::cms::{Cms, DecapOptions};
use crate::content::values::Datum;
use crate::markdown::slugify;
use crate::theme::embedded;

/// The GitHub Pages pipeline, the same file this repository publishes with.
const GITHUB_WORKFLOW: &str = include_str!("../.github/workflows/publish.yml");
/// The GitLab Pages pipeline, the same file this repository publishes with.
const GITLAB_CI: &str = include_str!("../.gitlab-ci.yml");
/// The line of [`GITHUB_WORKFLOW`] that names the repository of gka's releases; the
/// repository itself builds gka from its source and leaves it to a variable.
const GITHUB_REPOSITORY_LINE: &str = "  GKA_REPOSITORY: ${{ vars.GKA_REPOSITORY }}\n";
/// The same line of [`GITLAB_CI`].
const GITLAB_REPOSITORY_LINE: &str = "  GKA_REPOSITORY: \"\"\n";
/// The privacy page of the example: true of every site gka builds.
const PRIVACY: &str = include_str!("../content/privacy.md");

/// What to scaffold.
#[derive(Debug, Clone)]
pub struct NewOptions {
    /// The folder to create; it must not exist or be empty.
    pub folder: PathBuf,
    /// The gemeente's name as it is written, e.g. `Zwolle`.
    pub gemeente: String,
    /// The theme the new site's own theme extends (one of the embedded themes).
    pub parent: String,
}

/// Why nothing (or not everything) was written.
#[derive(Debug, thiserror::Error)]
pub enum NewError {
    /// The folder exists and has files in it.
    #[error("{}", t!("nieuw-niet-leeg", folder = .0.display()))]
    NotEmpty(PathBuf),
    /// The folder exists but is a file.
    #[error("{}", t!("nieuw-geen-map", folder = .0.display()))]
    NotAFolder(PathBuf),
    /// The gemeente's name gives no usable theme name.
    #[error("{}", t!("nieuw-naam-zonder-letters", name = .0))]
    BadName(String),
    /// The parent theme is not one gka ships.
    #[error("{}", t!("nieuw-thema-onbekend", name = name, available = available))]
    UnknownParent {
        /// The name asked for.
        name: String,
        /// The embedded themes, comma-separated.
        available: String,
    },
    /// The gemeente's theme would have the name of the parent or one of its parents.
    #[error("{}", t!("nieuw-thema-bestaat", gemeente = .0, theme = .1))]
    ThemeClash(String, String),
    /// An editor's configuration cannot be written (a bug in a front-matter type's schema).
    #[error(transparent)]
    Cms(#[from] crate::cms::Unsupported),
    /// Writing failed.
    #[error("{}", t!("nieuw-schrijven", path = path.display(), reason = crate::i18n::io_error(source)))]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// What went wrong.
        source: std::io::Error,
    },
}

/// What `gka new` wrote.
#[derive(Debug)]
pub struct Created {
    /// Every file written, relative to the new folder, sorted.
    pub files: Vec<String>,
    /// The name of the gemeente's own theme (`themes/<slug>/`).
    pub theme: String,
}

/// Scaffolds the site. Checks everything before writing the first file.
pub fn new_site(options: &NewOptions) -> Result<Created, NewError> {
    let folder = &options.folder;
    if folder.exists() {
        if !folder.is_dir() {
            return Err(NewError::NotAFolder(folder.clone()));
        }
        let mut entries = std::fs::read_dir(folder).map_err(|source| NewError::Io {
            path: folder.clone(),
            source,
        })?;
        if entries.next().is_some() {
            return Err(NewError::NotEmpty(folder.clone()));
        }
    }
    let gemeente = options.gemeente.trim();
    let slug = slugify(gemeente);
    if slug.is_empty() {
        return Err(NewError::BadName(options.gemeente.clone()));
    }
    let chain = parent_chain(&options.parent)?;
    if chain.contains(&slug) {
        return Err(NewError::ThemeClash(gemeente.to_string(), slug));
    }

    let mut files = site_files(gemeente, &slug, &options.parent, Datum::today());
    // The form-based editors, written as `gka schema --cms` writes them.
    files.insert(
        Cms::FrontMatter.default_path().into(),
        crate::cms::frontmatter()?.into_bytes(),
    );
    files.insert(
        Cms::Decap.default_path().into(),
        crate::cms::decap(&DecapOptions::default())?.into_bytes(),
    );
    for (rel, contents) in &files {
        let path = folder.join(rel);
        let parent = path.parent().expect("every file is inside the folder");
        std::fs::create_dir_all(parent).map_err(|source| NewError::Io {
            path: parent.to_path_buf(),
            source,
        })?;
        std::fs::write(&path, contents).map_err(|source| NewError::Io { path, source })?;
    }
    Ok(Created {
        files: files.into_keys().collect(),
        theme: slug,
    })
}

/// The parent theme and every theme it extends, each embedded: the gemeente's theme may not
/// take the name of one of them.
fn parent_chain(parent: &str) -> Result<Vec<String>, NewError> {
    #[derive(serde::Deserialize)]
    struct ThemeYaml {
        #[serde(default)]
        extends: Option<String>,
    }
    let mut chain = Vec::new();
    let mut next = Some(parent.to_string());
    while let Some(name) = next.take() {
        let Some(files) = embedded::files(&name).filter(|_| !chain.contains(&name)) else {
            return Err(NewError::UnknownParent {
                name,
                available: embedded::names().join(", "),
            });
        };
        next = (files.get(crate::theme::THEME_FILE))
            .and_then(|bytes| std::str::from_utf8(bytes).ok())
            .and_then(|text| serde_saphyr::from_str::<ThemeYaml>(text).ok())
            .and_then(|t| t.extends);
        chain.push(name);
    }
    Ok(chain)
}

/// A YAML double-quoted string (JSON's quoting is valid YAML).
fn quoted(text: &str) -> String {
    serde_json::to_string(text).expect("a string serializes")
}

/// The site's own files: content, its theme, the pipelines and a README.
fn site_files(gemeente: &str, slug: &str, parent: &str, today: Datum) -> BTreeMap<String, Vec<u8>> {
    let g = gemeente;
    let gq = quoted(gemeente);
    let titel = quoted(&format!("Gelijke Kansen Alliantie {g}"));
    let home_titel = quoted(&format!("Gemeente {g}"));
    let agenda_titel = quoted(&format!("GKA-Agenda van {g}"));
    let year = today.0.year();
    let date = format!(
        "{year:04}-{:02}-{:02}",
        u8::from(today.0.month()),
        today.0.day()
    );
    let mut files: Vec<(String, String)> = vec![
        (
            "content/site.yaml".into(),
            format!(
                "# Instellingen van de GKA-site van de gemeente {g}.\n\
                 gemeente: {gq}\n\
                 titel: {titel}\n\
                 # TODO: vervang dit nep-adres (het domein .example bestaat niet) door het echte adres van de site.\n\
                 base_url: \"https://gka.{slug}.example/\"\n\
                 taal: nl\n\
                 # Het thema {slug} (themes/{slug}/) bouwt voort op {parent} en zet alleen de kleuren.\n\
                 thema: {slug}\n\
                 omschrijving: {omschrijving}\n\
                 menu:\n  - titel: Agenda\n    url: /agenda/\n  - titel: Interventies\n    url: /interventies/\n  \
                 - titel: Programma\n    url: /programmalijnen/\n  - titel: Nieuws\n    url: /nieuws/\n  \
                 - titel: Contact\n    url: /contact/\n\
                 contact:\n  tekst: \"TODO: schrijf hoe bezoekers contact opnemen.\"\n  \
                 email: gka@{slug}.example\n",
                omschrijving = quoted(&format!(
                    "Op deze site leest u hoe de gemeente {g} werkt aan gelijke kansen."
                )),
            ),
        ),
        (
            "content/index.md".into(),
            format!(
                "---\ntitel: {home_titel}\n---\n\n\
                 TODO: schrijf een korte inleiding over de gemeente {g} en de Gelijke Kansen Alliantie.\n\n\
                 - [Bekijk de GKA-Agenda van {g}](/agenda/)\n\
                 - [Bekijk de interventies van {g}](/interventies/)\n\
                 - [Lees het nieuws over gelijke kansen in {g}](/nieuws/)\n"
            ),
        ),
        (
            "content/agenda.md".into(),
            format!(
                "---\ntitel: {agenda_titel}\n\
                 # De thema's van de agenda. Interventies gebruiken precies deze namen.\n\
                 themas:\n  - \"TODO: eerste thema van de agenda\"\n  - \"TODO: tweede thema van de agenda\"\n\
                 periode: \"{year}-{end}\"\n---\n\n\
                 TODO: schrijf waarom {g} meedoet aan de Gelijke Kansen Alliantie en wat de agenda wil bereiken.\n",
                end = year + 4,
            ),
        ),
        (
            "content/addenda/_index.md".into(),
            "---\ntitel: Addenda\n---\n\n\
             In een addendum staan afspraken over nieuwe interventies en over het voortzetten van de samenwerking.\n"
                .into(),
        ),
        (
            format!("content/addenda/{year}-{}.md", year + 4),
            format!(
                "---\ntitel: \"Addendum {year}-{end}\"\nperiode: \"{year}-{end}\"\n\
                 partners:\n  - Ministerie van OCW\n\
                 interventies:\n  - voorbeeld-interventie\n---\n\n\
                 TODO: schrijf welke afspraken in dit addendum staan.\n",
                end = year + 4,
            ),
        ),
        (
            "content/interventies/_index.md".into(),
            format!(
                "---\ntitel: Interventies\n---\n\n\
                 Met deze interventies werkt de gemeente {g} aan gelijke kansen voor alle kinderen.\n"
            ),
        ),
        (
            "content/interventies/voorbeeld-interventie.md".into(),
            "---\ntitel: \"TODO: naam van de interventie\"\n\
             samenvatting: \"TODO: één zin over wat de interventie doet.\"\n\
             themas:\n  - \"TODO: eerste thema van de agenda\"\n\
             leeftijden:\n  - \"4-12\"\n\
             doelgroep: \"TODO: voor wie is de interventie?\"\n\
             status: lopend\n\
             onderwijs:\n  - po\n---\n\n\
             TODO: beschrijf de interventie: wat gebeurt er, wie doen er mee en wat levert het op?\n"
                .into(),
        ),
        (
            "content/programmalijnen/_index.md".into(),
            "---\ntitel: \"TODO: naam van het programma\"\n---\n\n\
             TODO: schrijf een korte inleiding over het programma.\n"
                .into(),
        ),
        (
            "content/programmalijnen/voorbeeld-programmalijn.md".into(),
            format!(
                "---\ntitel: \"Programmalijn 1: TODO: naam van de programmalijn\"\nnummer: 1\n\
                 ambities:\n  - \"TODO: een ambitie van deze programmalijn.\"\n\
                 resultaten:\n  - jaar: {year}\n    leeftijd: \"4-12\"\n    \
                 tekst: \"TODO: wat is er dit jaar bereikt?\"\n---\n"
            ),
        ),
        (
            "content/nieuws/_index.md".into(),
            "---\ntitel: Nieuws\n---\n".into(),
        ),
        (
            "content/nieuws/de-site-is-online.md".into(),
            format!(
                "---\ntitel: {nieuws_titel}\ndatum: {date}\nsoort: nieuws\n---\n\n\
                 TODO: schrijf het eerste nieuwsbericht, of verwijder dit bestand.\n",
                nieuws_titel = quoted(&format!("De GKA-site van {g} is online")),
            ),
        ),
        (
            "content/contact.md".into(),
            "---\ntitel: Contact\n---\n\n\
             TODO: schrijf hoe bezoekers contact opnemen: een e-mailadres, een telefoonnummer of een contactpersoon.\n"
                .into(),
        ),
        (
            "content/toegankelijkheid.md".into(),
            "---\ntitel: Toegankelijkheidsverklaring\n\
             samenvatting: Hoe toegankelijk deze site is, hoe we dat controleren en waar u een probleem meldt.\n\
             standaard: WCAG 2.1 niveau AA\n\
             onderzoeken:\n  - door: \"TODO: wie heeft de site onderzocht?\"\n    \
             methode: \"TODO: wat is onderzocht, en hoe?\"\n    \
             wanneer: \"TODO: wanneer is de site onderzocht?\"\n\
             contact:\n  pagina: /contact/\n---\n\n\
             TODO: schrijf welke onderdelen van de site nog niet toegankelijk zijn, en wanneer dat is opgelost.\n"
                .into(),
        ),
        ("content/privacy.md".into(), PRIVACY.into()),
        (
            format!("themes/{slug}/theme.yaml"),
            format!(
                "# Het thema van de gemeente {g}: bouwt voort op {parent} en zet alleen de kleuren.\n\
                 # Templates en bestanden die dit thema niet heeft, komen uit {parent}.\n\
                 extends: {parent}\ncss:\n  - css/{slug}.css\n"
            ),
        ),
        (format!("themes/{slug}/static/css/{slug}.css"), tokens_css(g)),
        (".github/workflows/publish.yml".into(), github_workflow(release_repository())),
        (".gitlab-ci.yml".into(), gitlab_ci(release_repository())),
        (".gitignore".into(), "/public/\n/.gka-cache/\n".into()),
        ("README.md".into(), readme(g, slug)),
    ];
    files.sort();
    files
        .into_iter()
        .map(|(path, text)| (path, text.into_bytes()))
        .collect()
}

/// The GitHub repository (`owner/name`) whose releases a new site's pipelines install: the
/// `repository` of Cargo.toml, when it is set and on GitHub (the releases and the container
/// image are made there, by the release workflow).
fn release_repository() -> Option<&'static str> {
    github_repository(env!("CARGO_PKG_REPOSITORY"))
}

/// `owner/name` of a GitHub address such as `https://github.com/owner/name`; `None` for any
/// other address, or a name with characters that would need quoting in the pipelines.
fn github_repository(url: &str) -> Option<&str> {
    let path = url
        .strip_prefix("https://github.com/")?
        .trim_end_matches('/');
    let path = path.strip_suffix(".git").unwrap_or(path);
    let (owner, name) = path.split_once('/')?;
    let plain = |part: &str| {
        !part.is_empty()
            && part
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
    };
    (plain(owner) && plain(name)).then_some(path)
}

/// The GitHub Pages pipeline for a new site: this repository's, with the repository of gka's
/// releases as the default of the variable `GKA_REPOSITORY` when it is known.
fn github_workflow(repository: Option<&str>) -> String {
    match repository {
        Some(repository) => GITHUB_WORKFLOW.replacen(
            GITHUB_REPOSITORY_LINE,
            &format!("  GKA_REPOSITORY: ${{{{ vars.GKA_REPOSITORY || '{repository}' }}}}\n"),
            1,
        ),
        None => GITHUB_WORKFLOW.to_string(),
    }
}

/// The GitLab Pages pipeline for a new site: this repository's, with the repository of gka's
/// releases filled in when it is known, in lower case as ghcr.io names its images.
fn gitlab_ci(repository: Option<&str>) -> String {
    match repository {
        Some(repository) => GITLAB_CI.replacen(
            GITLAB_REPOSITORY_LINE,
            &format!(
                "  GKA_REPOSITORY: \"{}\"\n",
                repository.to_ascii_lowercase()
            ),
            1,
        ),
        None => GITLAB_CI.to_string(),
    }
}

/// The gemeente's design tokens: gka's own colours, to replace with the house style's.
fn tokens_css(gemeente: &str) -> String {
    format!(
        "/*\n * De kleuren van de GKA-site van de gemeente {gemeente}, alleen met design tokens.\n *\n\
         * Dit bestand zet NL Design System-tokens (dezelfde namen die gka.css leest; typ\n\
         * `gka uitleg thema` voor de uitleg). Vervang de kleuren door die van de huisstijl van\n\
         * de gemeente, en controleer het contrast (WCAG 2.1: tekst minstens 4,5:1, randen en\n\
         * focus minstens 3:1).\n\
         * De kleuren hieronder zijn die van het thema gka: het contrast klopt.\n */\n\n\
         :root {{\n  --basis-color-accent-1-inverse-bg-default: #154273;\n  \
         --basis-color-accent-1-inverse-color-default: #ffffff;\n  \
         --basis-color-accent-1-bg-default: #e8eff7;\n  \
         --basis-color-accent-1-color-default: #154273;\n  \
         --basis-color-action-1-color-default: #0b4f8a;\n  \
         --basis-color-action-1-color-hover: #154273;\n  \
         --basis-color-action-1-color-visited: #5b2a86;\n  \
         --basis-color-highlight-bg-default: #ffd34d;\n  \
         --basis-color-highlight-color-default: #1a1a1a;\n  \
         --basis-focus-inverse-outline-color: #ffd34d;\n}}\n"
    )
}

/// A short README for the new site's repository, in Dutch.
fn readme(gemeente: &str, slug: &str) -> String {
    format!(
        "# GKA-site van de gemeente {gemeente}\n\n\
         Deze site is gemaakt met `gka new`. De teksten staan in `content/`, de kleuren in\n\
         `themes/{slug}/static/css/{slug}.css`.\n\n\
         1. Zoek de teksten die u nog moet schrijven: `gka check --strict` toont elke `TODO:`.\n\
         2. Bekijk de site terwijl u schrijft: `gka serve`, en open <http://127.0.0.1:1111/>.\n\
         3. Zet in `content/site.yaml` het echte adres van de site bij `base_url`.\n\
         4. Publiceer met `.github/workflows/publish.yml` (GitHub Pages) of `.gitlab-ci.yml`\n   \
         (GitLab Pages). Ze gebruiken gka {version}. Staat bij `GKA_REPOSITORY` in het bestand\n   \
         nog geen repository? Zet dan de variabele `GKA_REPOSITORY` op de gka-repository\n   \
         (eigenaar/naam): bij GitHub onder Settings > Secrets and variables > Actions >\n   \
         Variables, bij GitLab onder Settings > CI/CD > Variables.\n",
        version = env!("CARGO_PKG_VERSION")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_parent_is_embedded_with_its_templates() {
        assert_eq!(parent_chain("gka").unwrap(), ["gka"]);
        assert!(
            embedded::files("gka")
                .unwrap()
                .contains_key("templates/base.html")
        );
    }

    #[test]
    fn a_parent_brings_the_themes_it_extends() {
        assert_eq!(parent_chain("almere").unwrap(), ["almere", "gka"]);
        assert!(matches!(
            parent_chain("nergens"),
            Err(NewError::UnknownParent { .. })
        ));
    }

    /// The colours a new site starts with must be tokens the gka theme reads, or changing
    /// them would change nothing.
    #[test]
    fn the_tokens_a_new_site_sets_are_read_by_the_gka_theme() {
        let files = embedded::files("gka").unwrap();
        let gka_css = std::str::from_utf8(files["static/css/gka.css"]).unwrap();
        let css = tokens_css("Almere");
        let names: Vec<&str> = css
            .lines()
            .filter_map(|line| line.trim().strip_prefix("--"))
            .filter_map(|line| line.split(':').next())
            .collect();
        assert!(names.len() >= 10, "{css}");
        for name in names {
            assert!(
                gka_css.contains(&format!("var(--{name},")),
                "gka.css does not read --{name}"
            );
        }
    }

    #[test]
    fn names_are_quoted_for_yaml() {
        assert_eq!(quoted("'s-Hertogenbosch"), "\"'s-Hertogenbosch\"");
    }

    #[test]
    fn the_release_repository_is_read_off_a_github_address() {
        for (url, repository) in [
            ("https://github.com/gemeente/gka", Some("gemeente/gka")),
            (
                "https://github.com/Gemeente-X/gka.rs/",
                Some("Gemeente-X/gka.rs"),
            ),
            ("https://github.com/gemeente/gka.git", Some("gemeente/gka")),
            ("", None),
            ("https://gitlab.com/gemeente/gka", None),
            ("https://github.com/gemeente", None),
            ("https://github.com/gemeente/gka/tree/main", None),
            ("https://github.com/gemeente/gka' }}", None),
        ] {
            assert_eq!(github_repository(url), repository, "{url}");
        }
    }

    #[test]
    fn a_known_release_repository_is_the_pipelines_default() {
        assert_eq!(github_workflow(None), GITHUB_WORKFLOW);
        assert_eq!(gitlab_ci(None), GITLAB_CI);

        let github = github_workflow(Some("Gemeente/GKA"));
        assert!(
            github.contains("  GKA_REPOSITORY: ${{ vars.GKA_REPOSITORY || 'Gemeente/GKA' }}\n"),
            "{github}"
        );
        assert_eq!(github.lines().count(), GITHUB_WORKFLOW.lines().count());
        let gitlab = gitlab_ci(Some("Gemeente/GKA"));
        assert!(
            gitlab.contains("  GKA_REPOSITORY: \"gemeente/gka\"\n"),
            "{gitlab}"
        );
        assert_eq!(gitlab.lines().count(), GITLAB_CI.lines().count());
    }
}

//! URLs: each document's site path from its folder and slug, collisions, drafts and aliases.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use crate::content::document::Document;
use crate::content::page::SectionIntro;
use crate::content::types::{self, Kind, Place, SECTION_FILE};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position};
use crate::markdown::slugify;
use crate::routes::{self, SitePath};

use super::PlacedSection;

/// Site paths the generator writes itself; no document may claim them.
pub(super) const RESERVED: &[&str] = &[
    routes::THEMAS,
    routes::LEEFTIJDEN,
    routes::ONDERWIJS,
    routes::ERKENNING,
    routes::STATIC,
    routes::NOT_FOUND,
    routes::SITEMAP,
    routes::ROBOTS,
];

/// A document with its site path, before its Markdown is rendered.
pub(super) type Placed<T> = (Arc<Document<T>>, SitePath);

/// Hands out site paths and remembers who claimed which.
#[derive(Default)]
pub(super) struct Places {
    pub(super) drafts: bool,
    /// Site path → the file that claims it.
    pub(super) urls: BTreeMap<SitePath, std::path::PathBuf>,
    /// Content path (`interventies/x.md`) → site path, for links to source files.
    pub(super) by_source: HashMap<String, SitePath>,
    /// Site paths of drafts left out of this build.
    pub(super) draft_urls: HashSet<SitePath>,
    /// Redirects asked for: (old path, file, position, new path).
    pub(super) aliases: Vec<(SitePath, std::path::PathBuf, Option<Position>, SitePath)>,
}

impl Places {
    /// Gives a document its site path, unless it is a draft left out of this build or its
    /// path is invalid or already taken.
    pub(super) fn place<T>(
        &mut self,
        doc: Arc<Document<T>>,
        url_of: impl Fn(&Document<T>) -> SitePath,
        diagnostics: &mut Diagnostics,
    ) -> Option<Placed<T>> {
        if let Some(slug) = doc.meta.slug.as_ref().filter(|s| !is_valid_slug(&s.value)) {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSlug,
                    &doc.source.path,
                    doc.source.lines.of(slug),
                    t!("slug-ongeldig", slug = &slug.value),
                )
                .with_width(doc.source.lines.width(slug))
                .with_hint(t!("slug-ongeldig-hint", example = slugify(&slug.value))),
            );
            return None;
        }
        let url = url_of(&doc);
        // A file or folder name without letters or digits (`-`, `…`) slugifies to nothing and
        // leaves `//` in the path, and `//a/` is an address on another site.
        if url.contains("//") {
            diagnostics.push(
                Diagnostic::new(
                    Code::BadSlug,
                    &doc.source.path,
                    None,
                    t!("naam-zonder-letters", url = &url),
                )
                .with_hint(t!("naam-zonder-letters-hint")),
            );
            return None;
        }
        if doc.meta.concept && !self.drafts {
            self.draft_urls.insert(url);
            return None;
        }
        let position = doc.meta.slug.as_ref().and_then(|s| doc.source.lines.of(s));
        if let Some(reserved) = RESERVED.iter().find(|r| url.starts_with(**r)) {
            diagnostics.push(
                Diagnostic::new(
                    Code::UrlReserved,
                    &doc.source.path,
                    position,
                    t!("adres-gereserveerd", url = &url, reserved = *reserved),
                )
                .with_hint(t!("adres-gereserveerd-hint")),
            );
            return None;
        }
        if let Some(other) = self.urls.get(url.as_str()) {
            // Without a `slug`, the file name chose the address: point at the front matter's
            // first line, where a `slug` would go.
            let at = position.or(Some(Position {
                line: doc.source.lines.first_line,
                column: 1,
            }));
            diagnostics.push(
                Diagnostic::new(
                    Code::UrlTaken,
                    &doc.source.path,
                    at,
                    t!("adres-bezet", url = &url, other = other.display()),
                )
                .with_hint(t!("adres-bezet-hint")),
            );
            return None;
        }
        for alias in &doc.meta.aliassen {
            let at = doc.source.lines.of(alias);
            match normalize_alias(&alias.value) {
                Ok(path) => self.aliases.push((
                    routes::alias(&path),
                    doc.source.path.clone(),
                    at,
                    url.clone(),
                )),
                Err(problem) => diagnostics.push(
                    Diagnostic::new(
                        Code::BadAlias,
                        &doc.source.path,
                        at,
                        problem.message(&alias.value),
                    )
                    .with_hint(t!("alias-ongeldig-hint")),
                ),
            }
        }
        self.urls.insert(url.clone(), doc.source.path.clone());
        self.by_source
            .insert(doc.source.content_path.clone(), url.clone());
        Some((doc, url))
    }

    pub(super) fn section<T>(
        &mut self,
        kind: Kind,
        intros: &mut BTreeMap<String, Arc<Document<SectionIntro>>>,
        docs: Vec<Arc<Document<T>>>,
        diagnostics: &mut Diagnostics,
    ) -> PlacedSection<T> {
        let Place::Folder {
            folder,
            title: default_title,
            ..
        } = kind.info().place
        else {
            unreachable!("only the types of a folder have sections")
        };
        let url = routes::section(folder);
        let intro = intros
            .remove(folder)
            .and_then(|d| self.place(d, |_| url.clone(), diagnostics));
        let items = docs
            .into_iter()
            .filter_map(|d| self.place(d, |d| routes::document(folder, &slug_of(d)), diagnostics))
            .collect();
        PlacedSection {
            titel: intro
                .as_ref()
                .map_or_else(|| default_title.to_string(), |(d, _)| d.meta.titel.clone()),
            url,
            intro,
            items,
        }
    }

    /// Aliases may not shadow a page, a reserved path or each other.
    pub(super) fn check_aliases(&mut self, diagnostics: &mut Diagnostics) {
        let mut seen: HashMap<&SitePath, &std::path::Path> = HashMap::new();
        for (alias, file, position, _) in &self.aliases {
            let problem = if let Some(page) = self.urls.get(alias) {
                Some(t!("alias-verbergt", alias = alias, page = page.display()))
            } else if RESERVED.iter().any(|r| alias.starts_with(r)) || alias == routes::HOME {
                Some(t!("alias-van-gka", alias = alias))
            } else {
                seen.insert(alias, file)
                    .map(|other| t!("alias-dubbel", alias = alias, other = other.display()))
            };
            if let Some(message) = problem {
                diagnostics.push(
                    Diagnostic::new(Code::AliasConflict, file, *position, message)
                        .with_hint(t!("alias-conflict-hint")),
                );
            }
        }
        let urls = &self.urls;
        self.aliases.retain(|(alias, ..)| !urls.contains_key(alias));
    }
}

/// Why an alias is not an old address of a page on this site.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum AliasProblem {
    /// `https://…`.
    FullAddress,
    /// `//host/…`, which a browser reads as an address on another site.
    OtherSite,
    /// `..`, `.`, a backslash or a control character.
    BadPart,
    /// Nothing but slashes or spaces.
    Empty,
}

impl AliasProblem {
    /// What is wrong with `alias`, in the current language.
    fn message(self, alias: &str) -> String {
        match self {
            AliasProblem::FullAddress => t!("alias-volledig-adres", alias = alias),
            AliasProblem::OtherSite => t!("alias-andere-site", alias = alias),
            AliasProblem::BadPart => t!("alias-vreemd-deel", alias = alias),
            AliasProblem::Empty => t!("alias-leeg", alias = alias),
        }
    }
}

/// An alias as a site path: leading `/`, and a trailing `/` unless it names a file.
pub(super) fn normalize_alias(alias: &str) -> Result<String, AliasProblem> {
    let alias = alias.trim();
    if alias.contains("://") {
        return Err(AliasProblem::FullAddress);
    }
    if alias.starts_with("//") {
        return Err(AliasProblem::OtherSite);
    }
    if alias.contains('\\')
        || alias.chars().any(char::is_control)
        || alias.split('/').any(|p| p == ".." || p == ".")
    {
        return Err(AliasProblem::BadPart);
    }
    let mut path = format!("/{}", alias.trim_start_matches('/'));
    let last = path.rsplit('/').next().unwrap_or("");
    if !last.is_empty() && !last.contains('.') {
        path.push('/');
    }
    if path == "/" {
        return Err(AliasProblem::Empty);
    }
    Ok(path)
}

/// Whether a slug can be used as it is in a URL.
pub(super) fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_')
}

/// The slug of a document: its `slug` key, or else its file name made URL-safe.
pub(super) fn slug_of<T>(doc: &Document<T>) -> String {
    match &doc.meta.slug {
        Some(slug) => slug.value.clone(),
        None => {
            let name = doc
                .source
                .content_path
                .rsplit('/')
                .next()
                .unwrap_or_default();
            slugify(name.trim_end_matches(".md"))
        }
    }
}

/// The site path a document gets when its front matter sets no `slug`.
pub(super) fn default_url(content_path: &str) -> SitePath {
    let folder = folder_of(content_path);
    let name = content_path.rsplit('/').next().unwrap_or_default();
    match (folder, name) {
        ("", SECTION_FILE | "index.md") => SitePath::fixed(routes::HOME),
        (_, SECTION_FILE) => routes::section(folder),
        ("", "agenda.md") => SitePath::fixed(routes::AGENDA),
        _ if types::of_folder(folder).is_some() => {
            routes::document(folder, &slugify(name.trim_end_matches(".md")))
        }
        _ => page_url(content_path),
    }
}

/// The folder of a content path, without a trailing `/` (`""` for the top).
pub(super) fn folder_of(content_path: &str) -> &str {
    content_path
        .rsplit_once('/')
        .map_or("", |(folder, _)| folder)
}

/// The site path of a plain page document: that of [`page_url`], with its `slug`, when it
/// sets one, as the last part (`contact.md` with `slug: bereikbaarheid`: `/bereikbaarheid/`).
pub(super) fn plain_page_url<T>(doc: &Document<T>) -> SitePath {
    let mut parts = page_parts(&doc.source.content_path);
    if let Some(slug) = &doc.meta.slug {
        match parts.last_mut() {
            Some(last) => *last = slug.value.clone(),
            None => parts.push(slug.value.clone()),
        }
    }
    routes::page(parts.iter().map(String::as_str))
}

/// The site path of a plain page: its folders, then its slug.
pub(super) fn page_url(content_path: &str) -> SitePath {
    routes::page(page_parts(content_path).iter().map(String::as_str))
}

/// The parts of a plain page's site path: its folders' slugs, then its name's (none for an
/// `index.md`, which stands for its folder).
fn page_parts(content_path: &str) -> Vec<String> {
    let name = content_path
        .rsplit('/')
        .next()
        .unwrap_or_default()
        .trim_end_matches(".md");
    (folder_of(content_path).split('/'))
        .filter(|p| !p.is_empty())
        .chain((name != "index").then_some(name))
        .map(slugify)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_urls_follow_folders_and_slugs() {
        assert_eq!(page_url("contact.md"), "/contact/");
        assert_eq!(
            page_url("over ons/Privacy Verklaring.md"),
            "/over-ons/privacy-verklaring/"
        );
        assert_eq!(page_url("over/index.md"), "/over/");
    }

    #[test]
    fn slugs_are_lower_case_ascii() {
        assert_eq!(
            slugify("Brede talentontwikkeling"),
            "brede-talentontwikkeling"
        );
        assert_eq!(
            slugify("Interventies voor café-bezoekers"),
            "interventies-voor-cafe-bezoekers"
        );
        assert!(is_valid_slug("dare-to-dream-in-036"));
        assert!(!is_valid_slug("Dare to dream"));
        assert!(!is_valid_slug("../etc"));
    }

    #[test]
    fn aliases_become_site_paths() {
        assert_eq!(normalize_alias("oud/adres"), Ok("/oud/adres/".into()));
        assert_eq!(normalize_alias("/oud.html"), Ok("/oud.html".into()));
        assert!(normalize_alias("/../etc/passwd").is_err());
        assert!(normalize_alias("https://elders.nl/").is_err());
        assert!(normalize_alias("//evil.example/").is_err());
        assert!(normalize_alias("/").is_err());
    }
}

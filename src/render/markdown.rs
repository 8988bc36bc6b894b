//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough and heading ids,
//! with every link checked and rewritten for the site's base path.
//!
//! Links to downloadable files of the site (PDF, DOCX, …) get the file's type and size in
//! their text, "GKA-Agenda (PDF, 1,2 MB)", so a reader knows what a click will fetch
//! (WCAG 2.4.4, and the Dutch government's guidance for links to documents).
//!
//! Safety policy: links and images may only use `http`, `https`, `mailto` and `tel` or point
//! into the site; anything else (`javascript:` and friends) is an error. Raw HTML is allowed
//! but passed through ammonia's allowlist, which drops `<script>`, event-handler attributes
//! and dangerous URLs. Pages without raw HTML skip that step: pulldown-cmark escapes all text
//! itself, and link targets were checked above.

use std::collections::{HashMap, HashSet};

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde_saphyr::Spanned;

use crate::content::document::Source;
use crate::diagnostics::{Code, Diagnostic, Position};

/// A rendered Markdown body.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    /// The HTML.
    pub html: String,
    /// Plain text of the first paragraph, shortened, for cards and descriptions.
    pub summary: String,
    /// The ids a `#fragment` may name: headings and footnotes.
    pub ids: Vec<String>,
    /// Links with a `#fragment` into the site, checked once every page's ids are known.
    pub fragments: Vec<FragmentLink>,
}

/// A link to `target#fragment`, written at `position`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FragmentLink {
    /// The target's site path.
    pub target: String,
    /// The fragment, without `#`.
    pub fragment: String,
    /// Where the link is written; `None` in front-matter fields.
    pub position: Option<Position>,
}

/// What internal links may point at.
#[derive(Debug, Default)]
pub struct LinkTargets {
    /// The path the site is served under, `/` or e.g. `/gka/`.
    pub base_path: String,
    /// Every site path of a page or file, e.g. `/interventies/x/`, `/static/agenda.pdf`.
    pub pages: HashSet<String>,
    /// Content path (`interventies/x.md`) → site path.
    pub by_source: HashMap<String, String>,
    /// Site paths of drafts left out of this build.
    pub drafts: HashSet<String>,
    /// Site path of every published static file (`/static/agenda.pdf`) → its size in bytes.
    pub files: HashMap<String, u64>,
}

impl LinkTargets {
    /// A fingerprint of the targets: within one run, equal values resolve every link alike.
    pub fn digest(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        fn sorted<T: Ord>(items: impl Iterator<Item = T>) -> Vec<T> {
            let mut items: Vec<T> = items.collect();
            items.sort_unstable();
            items
        }
        let mut hasher = std::hash::DefaultHasher::new();
        self.base_path.hash(&mut hasher);
        sorted(self.pages.iter()).hash(&mut hasher);
        sorted(self.by_source.iter()).hash(&mut hasher);
        sorted(self.drafts.iter()).hash(&mut hasher);
        sorted(self.files.iter()).hash(&mut hasher);
        hasher.finish()
    }
}

/// File extensions of documents a reader downloads rather than views as a page; links to them
/// get the type and size in their text.
const DOWNLOADS: &[&str] = &[
    "pdf", "doc", "docx", "odt", "rtf", "xls", "xlsx", "ods", "csv", "ppt", "pptx", "odp", "epub",
    "zip",
];

/// "PDF, 1,2 MB" for a downloadable file at `site_path` in `files`; `None` for anything else.
pub fn file_label(site_path: &str, files: &HashMap<String, u64>) -> Option<String> {
    let path = site_path.split(['#', '?']).next().unwrap_or(site_path);
    let size = files.get(path)?;
    let (_, extension) = path.rsplit_once('/')?.1.rsplit_once('.')?;
    let extension = extension.to_ascii_lowercase();
    DOWNLOADS
        .contains(&extension.as_str())
        .then(|| format!("{}, {}", extension.to_ascii_uppercase(), dutch_size(*size)))
}

/// A file size as Dutch readers write it: `1,2 MB`, `245 kB`, `800 bytes` (units of 1000,
/// one decimal below 10).
pub fn dutch_size(bytes: u64) -> String {
    if bytes < 1000 {
        return format!("{bytes} {}", if bytes == 1 { "byte" } else { "bytes" });
    }
    let units = ["kB", "MB", "GB", "TB"];
    // Sizes are far below 2^52 bytes, so the f64 is exact enough.
    let mut value = bytes as f64 / 1000.0;
    for (i, unit) in units.iter().enumerate() {
        let rounded = if value < 10.0 {
            (value * 10.0).round() / 10.0
        } else {
            value.round()
        };
        if rounded < 1000.0 || i == units.len() - 1 {
            return if rounded < 10.0 {
                format!("{rounded:.1} {unit}").replace('.', ",")
            } else {
                format!("{rounded:.0} {unit}")
            };
        }
        value /= 1000.0;
    }
    unreachable!("the last unit always returns")
}

const SUMMARY_CHARS: usize = 200;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders the body of a document whose page lives at `page_url`.
pub fn render(
    source: &Source,
    page_url: &str,
    links: &LinkTargets,
    found: &mut Vec<Diagnostic>,
) -> Rendered {
    render_text(
        &source.body,
        Origin::Body(source.body_line),
        source,
        page_url,
        links,
        found,
    )
}

/// Renders one line of inline Markdown from a front-matter field, without a `<p>` around it.
pub fn render_inline(
    field: &Spanned<String>,
    source: &Source,
    page_url: &str,
    links: &LinkTargets,
    found: &mut Vec<Diagnostic>,
) -> String {
    let origin = Origin::Field(source.lines.of(field));
    let html = render_text(&field.value, origin, source, page_url, links, found).html;
    let trimmed = html.trim_end();
    match trimmed
        .strip_prefix("<p>")
        .and_then(|s| s.strip_suffix("</p>"))
    {
        Some(inner) if !inner.contains("<p>") => inner.to_string(),
        _ => html,
    }
}

/// Where rendered Markdown comes from, for the positions of its diagnostics.
#[derive(Clone, Copy)]
enum Origin {
    /// A body starting on this file line: positions are exact.
    Body(usize),
    /// A front-matter value: positions point at the value, not inside it.
    Field(Option<Position>),
}

fn render_text(
    text: &str,
    origin: Origin,
    source: &Source,
    page_url: &str,
    links: &LinkTargets,
    found: &mut Vec<Diagnostic>,
) -> Rendered {
    // Where each line starts, so that a position costs a binary search, not a scan of the
    // text before it (pages with many links would otherwise be quadratic).
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    let position = |offset: usize| match origin {
        Origin::Body(first_line) => {
            let line = line_starts.partition_point(|&start| start <= offset) - 1;
            Some(Position {
                line: first_line + line,
                column: text[line_starts[line]..offset].chars().count() + 1,
            })
        }
        Origin::Field(position) => position,
    };
    let mut events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();

    let page = PageContext {
        source,
        page_url,
        links,
    };
    let mut has_html = false;
    let mut summary = None;
    let mut ids = Vec::new();
    let mut fragments = Vec::new();
    let mut used_ids: HashMap<String, usize> = HashMap::new();
    // (index of a link's end, " (PDF, 1,2 MB)"): added to the link text after the walk.
    let mut labels: Vec<(usize, String)> = Vec::new();
    // The title is the page's h1, so the body's first heading should be an h2.
    let mut last_level = 1;
    for i in 0..events.len() {
        let at = position(events[i].1.start);
        let text_inside = || plain_text(&events[i + 1..]);
        match &events[i].0 {
            Event::Html(_) | Event::InlineHtml(_) => has_html = true,
            Event::Start(Tag::Heading { level, id, .. }) => {
                let level_number = *level as usize;
                if *level == HeadingLevel::H1 {
                    found.push(
                        Diagnostic::new(
                            Code::HeadingLevelOne,
                            &source.path,
                            at,
                            "a level-1 heading (#) in the text",
                        )
                        .with_hint(
                            "the title is the page's only level-1 heading: start with ## instead",
                        ),
                    );
                } else if level_number > last_level + 1 {
                    found.push(
                        Diagnostic::new(
                            Code::SkippedHeadingLevel,
                            &source.path,
                            at,
                            format!("a level-{level_number} heading follows a level-{last_level} heading"),
                        )
                        .with_hint(format!("use {} here, or add the level in between", "#".repeat(last_level + 1))),
                    );
                }
                last_level = level_number;
                let wanted = match id {
                    Some(id) => id.to_string(),
                    None => crate::site::slugify(&text_inside()),
                };
                let wanted = if wanted.is_empty() {
                    "kop".to_string()
                } else {
                    wanted
                };
                let count = used_ids.entry(wanted.clone()).or_insert(0);
                let unique = if *count == 0 {
                    wanted.clone()
                } else {
                    format!("{wanted}-{count}")
                };
                *count += 1;
                if let Event::Start(Tag::Heading { id, .. }) = &mut events[i].0 {
                    *id = Some(CowStr::from(unique.clone()));
                }
                ids.push(unique);
            }
            Event::Start(Tag::FootnoteDefinition(label)) => ids.push(label.to_string()),
            Event::Start(Tag::Paragraph) if summary.is_none() => {
                summary = Some(shorten(&text_inside(), SUMMARY_CHARS));
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                let label = text_inside();
                if let Some(problem) = vague_link_text(&label, dest_url) {
                    found.push(
                        Diagnostic::new(Code::VagueLinkText, &source.path, at, problem)
                            .with_hint("write link text that says where the link goes, e.g. [Lees meer over Kansrijk in Almere](…)"),
                    );
                }
                if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i].0 {
                    rewrite(dest_url, "link to", &page, at, found, &mut fragments);
                }
                if let Event::Start(Tag::Link { dest_url, .. }) = &events[i].0 {
                    let site_path = dest_url
                        .strip_prefix(links.base_path.trim_end_matches('/'))
                        .filter(|p| p.starts_with('/') && !p.starts_with("//"));
                    if let Some(file) = site_path.and_then(|p| file_label(p, &links.files)) {
                        let type_open = format!("({}", file.split(',').next().unwrap_or_default());
                        if !label.to_lowercase().contains(&type_open.to_lowercase()) {
                            labels.push((end_of(&events, i), format!(" ({file})")));
                        }
                    }
                }
            }
            Event::Start(Tag::Image { dest_url, .. }) => {
                if text_inside().trim().is_empty() {
                    found.push(
                        Diagnostic::new(
                            Code::ImageWithoutAlt,
                            &source.path,
                            at,
                            format!("image '{dest_url}' has no alt text"),
                        )
                        .with_hint(
                            "describe the image between the brackets: ![what the image shows](…)",
                        ),
                    );
                }
                if let Event::Start(Tag::Image { dest_url, .. }) = &mut events[i].0 {
                    rewrite(dest_url, "image", &page, at, found, &mut fragments);
                }
            }
            _ => {}
        }
    }

    for (at, label) in labels.into_iter().rev() {
        events.insert(at, (Event::Text(CowStr::from(label)), 0..0));
    }

    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    if has_html {
        html = sanitizer().clean(&html).to_string();
    }
    Rendered {
        html,
        summary: summary.unwrap_or_default(),
        ids,
        fragments,
    }
}

/// Link texts that say nothing out of context; screen-reader users often list links alone.
const VAGUE_LINK_TEXTS: &[&str] = &[
    "lees verder",
    "lees meer",
    "meer",
    "meer informatie",
    "verder",
    "klik hier",
    "klik",
    "hier",
    "deze link",
    "link",
    "read more",
    "click here",
    "here",
];

/// Why a link text does not tell where the link goes, if it does not.
fn vague_link_text(label: &str, dest: &str) -> Option<String> {
    let text = label
        .trim()
        .trim_end_matches(['.', '!', ':', '>', '»', '→'])
        .trim()
        .to_lowercase();
    if VAGUE_LINK_TEXTS.contains(&text.as_str()) {
        return Some(format!(
            "the link text '{}' does not say where the link goes",
            label.trim()
        ));
    }
    let bare =
        text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.");
    if bare && !text.contains(' ') || (!text.is_empty() && text == dest.to_lowercase()) {
        return Some(format!(
            "the link text is only the address {}",
            label.trim()
        ));
    }
    None
}

/// The page whose Markdown is being rendered, for resolving its links.
#[derive(Clone, Copy)]
struct PageContext<'a> {
    source: &'a Source,
    page_url: &'a str,
    links: &'a LinkTargets,
}

/// Replaces a link or image target by its `href`, or reports why it cannot be resolved.
fn rewrite(
    dest_url: &mut CowStr,
    what: &str,
    page: &PageContext,
    position: Option<Position>,
    found: &mut Vec<Diagnostic>,
    fragments: &mut Vec<FragmentLink>,
) {
    let PageContext {
        source,
        page_url,
        links,
    } = *page;
    match resolve(dest_url, &source.content_path, page_url, links) {
        Ok(resolved) => {
            if let Some((target, Some(fragment))) = resolved.internal {
                fragments.push(FragmentLink {
                    target,
                    fragment,
                    position,
                });
            }
            *dest_url = CowStr::from(resolved.href);
        }
        Err(problem) => found.push(
            Diagnostic::new(
                problem.code,
                &source.path,
                position,
                format!("{what} '{dest_url}' {}", problem.message),
            )
            .with_hint(problem.hint),
        ),
    }
}

/// The text inside the element that starts just before `events`, up to its end.
fn plain_text(events: &[(Event, std::ops::Range<usize>)]) -> String {
    let mut depth = 0usize;
    let mut text = String::new();
    for (event, _) in events {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 0 => break,
            Event::End(_) => depth -= 1,
            Event::Text(t) | Event::Code(t) => text.push_str(t),
            Event::SoftBreak | Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text
}

/// The index of the `End(Link)` that closes the link starting at `start`.
fn end_of(events: &[(Event, std::ops::Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (offset, (event, _)) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(TagEnd::Link) if depth == 1 => return start + offset,
            Event::End(_) => depth -= 1,
            _ => {}
        }
    }
    events.len()
}

/// `text` cut at a word boundary to at most `max` characters, with an ellipsis when cut.
fn shorten(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{}…", cut.trim_end_matches([',', ';', ':', '.']))
}

fn sanitizer() -> &'static ammonia::Builder<'static> {
    static SANITIZER: std::sync::OnceLock<ammonia::Builder<'static>> = std::sync::OnceLock::new();
    SANITIZER.get_or_init(|| {
        let mut builder = ammonia::Builder::default();
        builder
            .add_generic_attributes(["id", "class"])
            .add_tag_attributes("th", ["style"])
            .add_tag_attributes("td", ["style"]);
        builder
    })
}

/// A resolved link target.
#[derive(Debug, PartialEq, Eq)]
pub struct Resolved {
    /// What to write in `href`.
    pub href: String,
    /// For a link into the site: the target's site path, and the `#fragment` if any.
    pub internal: Option<(String, Option<String>)>,
}

impl Resolved {
    fn external(href: &str) -> Resolved {
        Resolved {
            href: href.to_string(),
            internal: None,
        }
    }
}

/// Why a link cannot be resolved.
#[derive(Debug)]
pub struct Problem {
    /// What kind of problem.
    pub code: Code,
    /// What is wrong, to follow "link to '…'".
    pub message: String,
    /// How to fix it.
    pub hint: String,
}

fn problem(code: Code, message: impl Into<String>, hint: impl Into<String>) -> Problem {
    Problem {
        code,
        message: message.into(),
        hint: hint.into(),
    }
}

/// Checks a link target written in the file at `content_path` (relative to `content/`)
/// for the page at `page_url`, and turns it into the `href` to write.
pub fn resolve(
    dest: &str,
    content_path: &str,
    page_url: &str,
    links: &LinkTargets,
) -> Result<Resolved, Problem> {
    let dest = dest.trim();
    if dest.is_empty() {
        return Err(problem(
            Code::UnsafeLink,
            "is empty",
            "put the address between the parentheses: [text](/page/)",
        ));
    }
    if let Some(fragment) = dest.strip_prefix('#') {
        return Ok(Resolved {
            href: dest.to_string(),
            internal: Some((page_url.to_string(), Some(fragment.to_string()))),
        });
    }
    if let Some((scheme, _)) = dest
        .split_once(':')
        .filter(|(s, _)| !s.contains(['/', '?', '#']))
    {
        return match scheme.to_ascii_lowercase().as_str() {
            "http" | "https" | "mailto" | "tel" => Ok(Resolved::external(dest)),
            _ => Err(problem(
                Code::UnsafeLink,
                format!("uses '{scheme}:', which is not allowed"),
                "link to https://, mailto: or tel: addresses, or to a page of this site",
            )),
        };
    }
    if dest.starts_with("//") {
        return Ok(Resolved::external(dest));
    }
    let (path, suffix) = match dest.find(['#', '?']) {
        Some(i) => dest.split_at(i),
        None => (dest, ""),
    };
    let fragment = suffix.split_once('#').map(|(_, f)| f.to_string());
    let resolved = |target: &str| Resolved {
        href: format!("{}{suffix}", join(&links.base_path, target)),
        internal: Some((target.to_string(), fragment.clone())),
    };
    let site_path = if path.is_empty() {
        page_url.to_string()
    } else if path.starts_with('/') {
        normalize(path)
            .ok_or_else(|| problem(Code::BrokenLink, "leaves the site", "remove the '..' parts"))?
    } else if path.ends_with(".md") {
        let folder = content_path.rsplit_once('/').map_or("", |(f, _)| f);
        let file = normalize(&format!("/{folder}/{path}")).ok_or_else(|| {
            problem(
                Code::BrokenLink,
                "leaves the content folder",
                "remove the '..' parts",
            )
        })?;
        let file = file.trim_start_matches('/');
        return links
            .by_source
            .get(file)
            .map(|url| resolved(url))
            .ok_or_else(|| {
                problem(
                    Code::BrokenLink,
                    format!("points to content/{file}, which does not exist or is a draft"),
                    "check the file name; paths are relative to this file",
                )
            });
    } else {
        let folder = if page_url.ends_with('/') {
            page_url
        } else {
            page_url.rsplit_once('/').map_or("/", |(f, _)| f)
        };
        normalize(&format!("{folder}/{path}"))
            .ok_or_else(|| problem(Code::BrokenLink, "leaves the site", "remove the '..' parts"))?
    };
    let with_slash = format!("{site_path}/");
    let found = if links.pages.contains(&site_path) {
        Some(site_path.as_str())
    } else if !site_path.ends_with('/') && links.pages.contains(&with_slash) {
        Some(with_slash.as_str())
    } else {
        None
    };
    match found {
        Some(target) => Ok(resolved(target)),
        None if links.drafts.contains(&site_path) || links.drafts.contains(&with_slash) => {
            Err(problem(
                Code::LinkToDraft,
                format!("points to a draft that is left out of this build ({site_path})"),
                "publish that page first (remove `concept: true`), or build with --drafts to preview",
            ))
        }
        None => Err(problem(
            Code::BrokenLink,
            format!("does not match any page or file of the site ({site_path})"),
            "check the address; pages end with a '/', files live in content/static/ and are linked as /static/<name>",
        )),
    }
}

/// Resolves `.` and `..` in an absolute site path; `None` when it climbs above the root.
fn normalize(path: &str) -> Option<String> {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            p => parts.push(p),
        }
    }
    let mut out = format!("/{}", parts.join("/"));
    if path.ends_with('/') && out != "/" {
        out.push('/');
    }
    Some(out)
}

fn join(base_path: &str, site_path: &str) -> String {
    format!("{}{}", base_path.trim_end_matches('/'), site_path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::front_matter::LineMap;

    fn source(body: &str) -> Source {
        Source {
            path: "content/interventies/a.md".into(),
            content_path: "interventies/a.md".into(),
            body: body.into(),
            body_line: 5,
            lines: LineMap { first_line: 2 },
            modified: None,
            digest: Default::default(),
        }
    }

    fn targets() -> LinkTargets {
        LinkTargets {
            base_path: "/gka/".into(),
            pages: [
                "/",
                "/interventies/",
                "/interventies/b/",
                "/static/agenda.pdf",
                "/static/foto.jpg",
            ]
            .map(String::from)
            .into(),
            by_source: [(
                "interventies/b.md".to_string(),
                "/interventies/b/".to_string(),
            )]
            .into(),
            drafts: ["/interventies/c/".to_string()].into(),
            files: [
                ("/static/agenda.pdf".to_string(), 1_234_567),
                ("/static/foto.jpg".to_string(), 5_000),
            ]
            .into(),
        }
    }

    fn html(body: &str) -> (String, Vec<Diagnostic>) {
        let mut found = Vec::new();
        let out = render(&source(body), "/interventies/a/", &targets(), &mut found);
        (out.html, found)
    }

    #[test]
    fn headings_get_unique_ids() {
        let (out, _) = html("## Wat doen we?\n\n## Wat doen we?\n\n### Eigen {#mijn-id}\n");
        assert!(out.contains(r#"<h2 id="wat-doen-we">"#), "{out}");
        assert!(out.contains(r#"<h2 id="wat-doen-we-1">"#), "{out}");
        assert!(out.contains(r#"<h3 id="mijn-id">"#), "{out}");
    }

    #[test]
    fn tables_footnotes_and_strikethrough() {
        let (out, _) =
            html("| a | b |\n|---|---|\n| 1 | 2 |\n\nTekst[^1] ~~oud~~\n\n[^1]: Noot.\n");
        assert!(out.contains("<table>") && out.contains("<th>"), "{out}");
        assert!(out.contains("<del>oud</del>"), "{out}");
        assert!(out.contains("footnote-definition"), "{out}");
    }

    #[test]
    fn internal_links_resolve_and_get_the_base_path() {
        let (out, found) = html(
            "[b](/interventies/b/) [c](b.md#kop) [d](../interventies/b.md) [e](/static/agenda.pdf) [f](/interventies/b)",
        );
        assert!(found.is_empty(), "{found:?}");
        assert_eq!(
            out.matches(r#"href="/gka/interventies/b/""#).count(),
            3,
            "{out}"
        );
        assert!(out.contains(r#"href="/gka/interventies/b/#kop""#), "{out}");
        assert!(out.contains(r#"href="/gka/static/agenda.pdf""#), "{out}");
    }

    #[test]
    fn links_to_downloads_get_type_and_size() {
        let (out, found) = html(
            "[GKA-Agenda](/static/agenda.pdf) [*Agenda* (PDF)](/static/agenda.pdf#p2) [foto](/static/foto.jpg) ![kaart](/static/agenda.pdf)",
        );
        assert!(found.is_empty(), "{found:?}");
        assert!(
            out.contains(r#"<a href="/gka/static/agenda.pdf">GKA-Agenda (PDF, 1,2 MB)</a>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"<a href="/gka/static/agenda.pdf#p2"><em>Agenda</em> (PDF)</a>"#),
            "an author's own type label is kept as it is: {out}"
        );
        assert!(
            out.contains(r#">foto</a>"#),
            "images are not downloads: {out}"
        );
        assert!(out.contains(r#"alt="kaart""#), "{out}");
    }

    #[test]
    fn sizes_are_written_the_dutch_way() {
        assert_eq!(dutch_size(1), "1 byte");
        assert_eq!(dutch_size(999), "999 bytes");
        assert_eq!(dutch_size(1_000), "1,0 kB");
        assert_eq!(dutch_size(9_960), "10 kB");
        assert_eq!(dutch_size(245_400), "245 kB");
        assert_eq!(dutch_size(999_600), "1,0 MB");
        assert_eq!(dutch_size(1_234_567), "1,2 MB");
        assert_eq!(dutch_size(12_345_678), "12 MB");
        assert_eq!(dutch_size(3_100_000_000), "3,1 GB");
    }

    #[test]
    fn broken_links_are_errors_with_their_line() {
        let (_, found) =
            html("Tekst\n\n[weg](/bestaat-niet/) en [concept](/interventies/c/) en [x](x.md)\n");
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found.iter().all(|d| d.position.map(|p| p.line) == Some(7)),
            "{found:?}"
        );
        assert!(found[1].message.contains("draft"), "{found:?}");
    }

    #[test]
    fn unsafe_links_and_raw_html_are_neutralized() {
        let (out, found) = html(
            "[x](javascript:alert(1))\n\n<p onclick=\"x()\">hoi</p><script>alert(1)</script>\n",
        );
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            !out.contains("onclick") && !out.contains("<script"),
            "{out}"
        );
        assert!(out.contains("hoi"), "{out}");
    }

    #[test]
    fn images_need_alt_text() {
        let (_, found) = html("![](/static/agenda.pdf)\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("alt text"));
    }

    #[test]
    fn inline_markdown_has_no_paragraph() {
        let mut found = Vec::new();
        let field = Spanned::new(
            "De *campagne* <https://example.nl/>".to_string(),
            serde_saphyr::Location::UNKNOWN,
            serde_saphyr::Location::UNKNOWN,
        );
        let out = render_inline(&field, &source(""), "/x/", &targets(), &mut found);
        assert_eq!(
            out,
            r#"De <em>campagne</em> <a href="https://example.nl/">https://example.nl/</a>"#
        );
    }

    #[test]
    fn summaries_are_the_first_paragraph_shortened() {
        let long = "woord ".repeat(100);
        let mut found = Vec::new();
        let out = render(
            &source(&format!("## Kop\n\n{long}\n")),
            "/x/",
            &targets(),
            &mut found,
        );
        assert!(
            out.summary.ends_with('…') && out.summary.chars().count() <= SUMMARY_CHARS + 1,
            "{}",
            out.summary
        );
    }
}

//! Markdown to HTML with pulldown-cmark: tables, footnotes, strikethrough and heading ids,
//! with every link checked and rewritten for the site's base path ([`links`]).
//!
//! A supporting module of the model stage: [`crate::site`] renders every document's Markdown
//! with it while it builds the model, so the model holds each body's HTML, summary, ids and
//! fragment links, and [`crate::render`] only puts that HTML into templates.
//!
//! Links to downloadable files of the site (PDF, DOCX, …) get the file's type and size in
//! their text, "GKA-Agenda (PDF, 1,2 MB)", so a reader knows what a click will fetch
//! (WCAG 2.4.4, and the Dutch government's guidance for links to documents).
//!
//! Photos of the site (JPEG, PNG, WebP files) that a body shows become responsive images
//! ([`crate::images`]); an image needs alt text, or the title `decoratief` to say that it is
//! decorative and gets an empty one. A document's `afbeelding` is checked here too
//! ([`afbeelding`]), by the same rules, as the photo shown above its body.
//!
//! Safety policy: links and images may only use `http`, `https`, `mailto` and `tel` or point
//! into the site; anything else (`javascript:` and friends) is an error. Raw HTML is allowed
//! but passed through ammonia's allowlist, which drops `<script>`, event-handler attributes
//! and dangerous URLs. Pages without raw HTML skip that step: pulldown-cmark escapes all text
//! itself, and link targets were checked above.

pub mod links;
mod nesting;

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag};
use serde_saphyr::Spanned;

use crate::content::document::Source;
use crate::content::values::Afbeelding;
use crate::diagnostics::{Code, Diagnostic, Position};
use crate::images::{self, Cover, PhotoLink, PhotoUse, Shown};
use links::{LinkTargets, file_label, heavy_file, resolve};

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
    /// The photos the body shows, whose files are made while the pages render; the
    /// document's `afbeelding` first, when it has one.
    pub photos: Vec<PhotoUse>,
    /// The document's `afbeelding`, shown above the body.
    pub afbeelding: Option<Cover>,
    /// Links to photos' files, checked once it is known which originals are published.
    pub photo_links: Vec<PhotoLink>,
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
    /// How many characters of its line the link takes, for the marker under it.
    pub width: Option<usize>,
}

/// Turns text into a URL slug: lower-case ASCII, words joined by `-`. Makes heading ids here,
/// the site paths of documents and terms in the model, and a new site's theme folder name.
pub fn slugify(text: &str) -> String {
    slug::slugify(text)
}

const SUMMARY_CHARS: usize = 200;

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_HEADING_ATTRIBUTES
}

/// Renders the body of a document whose page lives at `page_url`, with its `afbeelding`
/// when it has one.
pub fn render(
    source: &Source,
    afbeelding: Option<&Afbeelding>,
    page_url: &str,
    links: &LinkTargets,
    found: &mut Vec<Diagnostic>,
) -> Rendered {
    let page = PageContext {
        source,
        page_url,
        links,
    };
    let cover = afbeelding.and_then(|a| self::afbeelding(a, &page, found));
    let mut rendered = render_text(
        &source.body,
        Origin::Body(source.body_line),
        &page,
        cover.is_some(),
        found,
    );
    if let Some((cover, shown)) = cover {
        rendered.photos.insert(0, shown);
        rendered.afbeelding = Some(cover);
    }
    rendered
}

/// Checks a document's `afbeelding` as an image in its body is checked: the file must be a
/// photo of the site that can be used, with alt text or marked decorative (not both). Every
/// problem is reported; the photo is returned when there is none.
fn afbeelding(
    afbeelding: &Afbeelding,
    page: &PageContext,
    found: &mut Vec<Diagnostic>,
) -> Option<(Cover, PhotoUse)> {
    let source = page.source;
    let bestand = &afbeelding.bestand;
    let (at, width) = (source.lines.of(bestand), source.lines.width(bestand));
    let alt = (afbeelding.alt.as_ref())
        .map(|alt| alt.value.trim())
        .filter(|alt| !alt.is_empty());
    let decorative = afbeelding.decoratief.as_ref().filter(|d| d.value);
    // Whether the alt text says what it must: a description, or that there is none to give.
    let described = match (alt, decorative) {
        (None, None) => {
            found.push(
                Diagnostic::new(
                    Code::ImageWithoutAlt,
                    &source.path,
                    at,
                    t!("afbeelding-veld-zonder-alt", image = bestand.value.as_str()),
                )
                .with_width(width)
                .with_hint(t!("afbeelding-veld-zonder-alt-hint")),
            );
            false
        }
        (Some(_), Some(decoratief)) => {
            found.push(
                Diagnostic::new(
                    Code::BadAfbeelding,
                    &source.path,
                    source.lines.of(decoratief),
                    t!("afbeelding-veld-alt-en-decoratief"),
                )
                .with_width(source.lines.width(decoratief))
                .with_hint(t!("afbeelding-veld-alt-en-decoratief-hint")),
            );
            false
        }
        _ => true,
    };
    // Resolved as the target of an image in the body, so that a path relative to the page
    // works alike in both.
    let mut dest = CowStr::from(bestand.value.as_str());
    let reported = found.len();
    let target = rewrite(
        &mut dest,
        &t!("link-afbeelding"),
        page,
        (at, width),
        found,
        &mut Vec::new(),
    );
    let photo = (target.as_ref()).and_then(|target| Some((target, page.links.photos.get(target)?)));
    let Some((target, photo)) = photo else {
        // A target that cannot be resolved was reported by `rewrite`; an address elsewhere or
        // a file of the site that is no photo is reported here.
        if found.len() == reported {
            found.push(
                Diagnostic::new(
                    Code::BadAfbeelding,
                    &source.path,
                    at,
                    t!("afbeelding-veld-geen-foto", image = bestand.value.as_str()),
                )
                .with_width(width)
                .with_hint(t!("afbeelding-veld-geen-foto-hint")),
            );
        }
        return None;
    };
    let probe = match &photo.probed {
        Ok(probe) => probe,
        Err(problem) => {
            found.push(images::diagnostic(&source.path, at, width, target, problem));
            return None;
        }
    };
    described.then(|| {
        let cover = Cover {
            site_path: target.clone(),
            probe: probe.clone(),
            alt: alt.unwrap_or_default().to_string(),
            bijschrift: afbeelding.bijschrift.clone(),
            maker: afbeelding.maker.clone(),
        };
        let shown = PhotoUse {
            site_path: target.clone(),
            photo: Arc::clone(photo),
            position: at,
        };
        (cover, shown)
    })
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
    let page = PageContext {
        source,
        page_url,
        links,
    };
    let html = render_text(&field.value, origin, &page, false, found).html;
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

/// Renders `text` for `page`; `cover_shown` tells that the page shows its `afbeelding` above
/// the text, which is then the photo fetched at once, not the text's first.
fn render_text(
    text: &str,
    origin: Origin,
    page: &PageContext,
    cover_shown: bool,
    found: &mut Vec<Diagnostic>,
) -> Rendered {
    let (source, links) = (page.source, page.links);
    // Where each line starts, so that a position costs a binary search, not a scan of the
    // text before it (pages with many links would otherwise be quadratic).
    let line_starts: Vec<usize> = std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect();
    // The last position asked for, as (line index, offset, column): positions are asked for
    // in the order of the text, so a column counts from there, not from the start of its line
    // (a body on one long line would otherwise be quadratic).
    let last = Cell::new((0, 0, 1));
    let position = |offset: usize| match origin {
        Origin::Body(first_line) => {
            let line = line_starts.partition_point(|&start| start <= offset) - 1;
            let (last_line, last_offset, last_column) = last.get();
            let column = if line == last_line && offset >= last_offset {
                last_column + text[last_offset..offset].chars().count()
            } else {
                text[line_starts[line]..offset].chars().count() + 1
            };
            last.set((line, offset, column));
            Some(Position {
                line: first_line + line,
                column,
            })
        }
        Origin::Field(position) => position,
    };
    // A marker under the whole heading, link or image, up to the end of its first line.
    let width_of = |range: &std::ops::Range<usize>| match origin {
        Origin::Body(_) => text[range.clone()]
            .lines()
            .next()
            .map(|line| line.trim_end().chars().count()),
        Origin::Field(_) => None,
    };
    let mut events: Vec<(Event, std::ops::Range<usize>)> = Parser::new_ext(text, options())
        .into_offset_iter()
        .collect();
    if let Some(offset) = nesting::too_deep(&events) {
        found.push(
            Diagnostic::new(
                Code::TooLarge,
                &source.path,
                position(offset),
                t!("te-diep", max = nesting::MAX_DEPTH),
            )
            .with_hint(t!("te-diep-hint")),
        );
        return Rendered::default();
    }

    let mut has_html = false;
    let mut summary = None;
    let mut ids = Vec::new();
    let mut fragments = Vec::new();
    let mut photos: Vec<PhotoUse> = Vec::new();
    let mut photo_links = Vec::new();
    // (index of an image's start, its <picture>): put in place of the image after the walk.
    let mut pictures: Vec<(usize, String)> = Vec::new();
    // Whether a heading came before: the first photo above every heading is high on the page.
    let mut after_heading = false;
    // Ids a heading may not take: the templates' (on every page) and the footnotes'.
    let mut used_ids: HashSet<String> = page.links.template_ids.iter().cloned().collect();
    footnote_ids(&mut events, &mut used_ids);
    // (index of a link's end, " (PDF, 1,2 MB)"): added to the link text after the walk.
    let mut labels: Vec<(usize, String)> = Vec::new();
    // The title is the page's h1, so the body's first heading should be an h2.
    let mut last_level = 1;
    for i in 0..events.len() {
        let (at, width) = match &events[i].0 {
            Event::Start(Tag::Heading { .. } | Tag::Link { .. } | Tag::Image { .. }) => {
                (position(events[i].1.start), width_of(&events[i].1))
            }
            _ => (None, None),
        };
        let text_inside = || plain_text(&events[i + 1..]);
        match &events[i].0 {
            Event::Html(_) | Event::InlineHtml(_) => has_html = true,
            Event::Start(Tag::Heading { level, id, .. }) => {
                after_heading = true;
                let level_number = *level as usize;
                if *level == HeadingLevel::H1 {
                    found.push(
                        Diagnostic::new(
                            Code::HeadingLevelOne,
                            &source.path,
                            at,
                            t!("kop-niveau-1"),
                        )
                        .with_width(width)
                        .with_hint(t!("kop-niveau-1-hint")),
                    );
                } else if level_number > last_level + 1 {
                    found.push(
                        Diagnostic::new(
                            Code::SkippedHeadingLevel,
                            &source.path,
                            at,
                            t!("kop-overgeslagen", level = level_number, last = last_level),
                        )
                        .with_width(width)
                        .with_hint(t!(
                            "kop-overgeslagen-hint",
                            hashes = "#".repeat(last_level + 1)
                        )),
                    );
                }
                last_level = level_number;
                let wanted = match id {
                    Some(id) => id.to_string(),
                    None => slugify(&text_inside()),
                };
                let wanted = if wanted.is_empty() {
                    "kop".to_string()
                } else {
                    wanted
                };
                let unique = free_id(&wanted, &mut used_ids);
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
                            .with_width(width)
                            .with_hint(t!("linktekst-vaag-hint")),
                    );
                }
                if let Event::Start(Tag::Link { dest_url, .. }) = &mut events[i].0
                    && let Some(target) = rewrite(
                        dest_url,
                        &t!("link-naar"),
                        page,
                        (at, width),
                        found,
                        &mut fragments,
                    )
                    && links.photos.get(&target).is_some()
                {
                    photo_links.push(PhotoLink {
                        site_path: target,
                        position: at,
                        width,
                    });
                }
                if let Event::Start(Tag::Link { dest_url, .. }) = &events[i].0 {
                    let site_path = dest_url
                        .strip_prefix(links.base_path.trim_end_matches('/'))
                        .filter(|p| p.starts_with('/') && !p.starts_with("//"));
                    let heavy = site_path.and_then(|p| Some((p, heavy_file(p, links)?)));
                    if let Some((path, problem)) = &heavy {
                        let message = format!("{} '{path}' {}", t!("link-naar"), problem.message);
                        found.push(
                            Diagnostic::new(problem.code, &source.path, at, message)
                                .with_width(width)
                                .with_hint(problem.hint.clone()),
                        );
                    }
                    let file =
                        site_path.and_then(|p| file_label(p, &links.files, links.heavy_from));
                    if let Some(file) = file {
                        let type_open = format!("({}", file.split(',').next().unwrap_or_default());
                        let text = label.to_lowercase();
                        if !text.contains(&type_open.to_lowercase()) {
                            labels.push((end_of(&events, i), format!(" ({file})")));
                        } else if heavy.is_some() && !text.contains(links::LARGE_FILE) {
                            // The author wrote the type and size; the visitor is still warned.
                            let warning = file.split_once(", ").map_or(file.as_str(), |(_, w)| w);
                            labels.push((end_of(&events, i), format!(" ({warning})")));
                        }
                    }
                }
            }
            Event::Start(Tag::Image {
                dest_url, title, ..
            }) => {
                let alt = text_inside();
                let decorative = title.trim().eq_ignore_ascii_case(images::DECORATIVE);
                if alt.trim().is_empty() && !decorative {
                    found.push(
                        Diagnostic::new(
                            Code::ImageWithoutAlt,
                            &source.path,
                            at,
                            t!("afbeelding-zonder-alt", image = dest_url.to_string()),
                        )
                        .with_width(width)
                        .with_hint(t!("afbeelding-zonder-alt-hint")),
                    );
                }
                let Event::Start(Tag::Image {
                    dest_url, title, ..
                }) = &mut events[i].0
                else {
                    unreachable!("matched above")
                };
                if decorative {
                    *title = CowStr::from("");
                }
                let target = rewrite(
                    dest_url,
                    &t!("link-afbeelding"),
                    page,
                    (at, width),
                    found,
                    &mut fragments,
                );
                // Images in front-matter fields stay as they are written.
                let photo = target
                    .as_ref()
                    .and_then(|target| Some((target, links.photos.get(target)?)))
                    .filter(|_| matches!(origin, Origin::Body(_)));
                match photo.map(|(target, photo)| (target, photo, &photo.probed)) {
                    Some((target, photo, Ok(probe))) => {
                        let shown = Shown {
                            alt: if decorative { "" } else { alt.trim() },
                            title: Some(title.as_ref()).filter(|t| !t.is_empty()),
                            first: !cover_shown && !after_heading && photos.is_empty(),
                            place: images::Place::Column,
                        };
                        let base = links.base_path.trim_end_matches('/');
                        let html =
                            images::picture(target, probe, &shown, |path| format!("{base}{path}"));
                        pictures.push((i, html));
                        photos.push(PhotoUse {
                            site_path: target.clone(),
                            photo: Arc::clone(photo),
                            position: at,
                        });
                    }
                    Some((target, _, Err(problem))) => {
                        found.push(images::diagnostic(&source.path, at, width, target, problem))
                    }
                    None => {}
                }
            }
            _ => {}
        }
    }

    // A photo's image becomes a marker, put in place of the <picture> once the HTML is made
    // (and cleaned: the sanitizer would drop `srcset`, which gka writes but an author may
    // not). Text cannot hold U+FFFC in the place of an image, only where an author typed it.
    let markers: Vec<(String, String)> = (pictures.into_iter().enumerate())
        .map(|(n, (at, html))| {
            let marker = format!("\u{FFFC}{n}\u{FFFC}");
            let end = end_of(&events, at).min(events.len() - 1);
            events[at].0 = Event::Text(CowStr::from(marker.clone()));
            for (event, _) in &mut events[at + 1..=end] {
                *event = Event::Text(CowStr::from(""));
            }
            (marker, html)
        })
        .collect();
    for (at, label) in labels.into_iter().rev() {
        events.insert(at, (Event::Text(CowStr::from(label)), 0..0));
    }

    let mut html = String::with_capacity(text.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut html, events.into_iter().map(|(e, _)| e));
    if has_html {
        html = sanitizer().clean(&html).to_string();
    }
    for (marker, picture) in markers {
        html = html.replacen(&marker, &picture, 1);
    }
    Rendered {
        html,
        summary: summary.unwrap_or_default(),
        ids,
        fragments,
        photos,
        photo_links,
        afbeelding: None,
    }
}

/// The first of `wanted`, `wanted-1`, `wanted-2`… not in `used`, which then holds it: a
/// heading written as `Inhoud-1` may already hold the next number.
fn free_id(wanted: &str, used: &mut HashSet<String>) -> String {
    let unique = std::iter::once(wanted.to_string())
        .chain((1..).map(|n| format!("{wanted}-{n}")))
        .find(|id| !used.contains(id))
        .expect("some number is free");
    used.insert(unique.clone());
    unique
}

/// Gives every footnote an id not in `used`, which then holds them all. pulldown-cmark writes
/// a footnote's label as its id and its references' `#fragment`, so a label could repeat a
/// template's id (`[^inhoud]`, the skip link's target) or be no id at all (`[^a b]`). A label
/// keeps its text where it can; the parser matches labels regardless of case, and so does this,
/// so that a reference and its definition keep one id. A label defined twice shows both
/// definitions; the second gets an id of its own, as no reference can reach it.
fn footnote_ids(events: &mut [(Event, std::ops::Range<usize>)], used: &mut HashSet<String>) {
    let mut assigned: HashMap<String, String> = HashMap::new();
    let mut defined = HashSet::new();
    for (event, _) in events.iter_mut() {
        let repeated = match event {
            Event::Start(Tag::FootnoteDefinition(label)) => !defined.insert(label.to_lowercase()),
            Event::FootnoteReference(_) => false,
            _ => continue,
        };
        let (Event::FootnoteReference(label) | Event::Start(Tag::FootnoteDefinition(label))) =
            event
        else {
            continue;
        };
        let new_id = |used: &mut HashSet<String>| {
            let wanted = if label.contains(|c: char| c.is_ascii_whitespace()) {
                slugify(label)
            } else {
                label.to_string()
            };
            free_id(if wanted.is_empty() { "noot" } else { &wanted }, used)
        };
        let id = if repeated {
            new_id(used)
        } else {
            (assigned.entry(label.to_lowercase()))
                .or_insert_with(|| new_id(used))
                .clone()
        };
        *label = CowStr::from(id);
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
        return Some(t!("linktekst-vaag", text = label.trim()));
    }
    let bare =
        text.starts_with("http://") || text.starts_with("https://") || text.starts_with("www.");
    if bare && !text.contains(' ') || (!text.is_empty() && text == dest.to_lowercase()) {
        return Some(t!("linktekst-adres", text = label.trim()));
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

/// Replaces a link or image target by its `href`, or reports why it cannot be resolved at
/// `position`, with a marker `width` characters wide. Returns the site path of a target in
/// the site.
fn rewrite(
    dest_url: &mut CowStr,
    what: &str,
    page: &PageContext,
    (position, width): (Option<Position>, Option<usize>),
    found: &mut Vec<Diagnostic>,
    fragments: &mut Vec<FragmentLink>,
) -> Option<String> {
    let PageContext {
        source,
        page_url,
        links,
    } = *page;
    match resolve(dest_url, &source.content_path, page_url, links) {
        Ok(resolved) => {
            *dest_url = CowStr::from(resolved.href);
            let (target, fragment) = resolved.internal?;
            if let Some(fragment) = fragment {
                fragments.push(FragmentLink {
                    target: target.clone(),
                    fragment,
                    position,
                    width,
                });
            }
            Some(target)
        }
        Err(problem) => {
            found.push(
                Diagnostic::new(
                    problem.code,
                    &source.path,
                    position,
                    format!("{what} '{dest_url}' {}", problem.message),
                )
                .with_width(width)
                .with_hint(problem.hint),
            );
            None
        }
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

/// The index of the `End` that closes the link or image starting at `start`.
fn end_of(events: &[(Event, std::ops::Range<usize>)], start: usize) -> usize {
    let mut depth = 0usize;
    for (offset, (event, _)) in events[start..].iter().enumerate() {
        match event {
            Event::Start(_) => depth += 1,
            Event::End(_) if depth == 1 => return start + offset,
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
            warnings: Vec::new(),
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
                "/static/scan.pdf",
                "/static/kaart.png",
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
                ("/static/scan.pdf".to_string(), 40_000_000),
                ("/static/kaart.png".to_string(), 12_000_000),
            ]
            .into(),
            template_ids: vec!["inhoud".into()],
            photos: Default::default(),
            heavy_from: Some(10_000_000),
        }
    }

    fn html(body: &str) -> (String, Vec<Diagnostic>) {
        let mut found = Vec::new();
        let out = render(
            &source(body),
            None,
            "/interventies/a/",
            &targets(),
            &mut found,
        );
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
    fn heading_ids_never_repeat_a_template_id_or_each_other() {
        let (out, _) = html(
            "## Inhoud\n\n## Inhoud\n\n## Inhoud-1\n\n## 1\n\nTekst[^1].\n\n[^1]: Voetnoot.\n",
        );
        let ids: Vec<&str> = out
            .match_indices(" id=\"")
            .map(|(at, _)| out[at + 5..].split('"').next().unwrap())
            .collect();
        let mut unique = ids.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "{out}");
        // `inhoud` is the template's id of <main> (see `targets`).
        assert!(!ids.contains(&"inhoud"), "{out}");
        assert!(out.contains(r#"<h2 id="inhoud-1">"#), "{out}");
    }

    #[test]
    fn footnote_ids_never_repeat_a_template_id_and_are_ids() {
        let (out, found) = html(
            "Tekst[^inhoud], meer[^a b] en nog[^Noot].\n\n[^inhoud]: Een.\n\n[^a b]: Twee.\n\n[^noot]: Drie.\n\n[^noot]: Vier.\n",
        );
        assert!(found.is_empty(), "{found:?}");
        // `inhoud` is the template's id of <main> (see `targets`).
        assert!(!out.contains(r#"id="inhoud""#), "{out}");
        for id in ["inhoud-1", "a-b", "Noot"] {
            assert!(out.contains(&format!(r##"href="#{id}""##)), "{id}: {out}");
            assert_eq!(
                out.matches(&format!(r#"id="{id}""#)).count(),
                1,
                "{id}: {out}"
            );
        }
        // The second definition of a label, which no reference reaches.
        assert!(out.contains(r#"id="noot""#), "{out}");
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

    /// Issue 16, item 3: a 40 MB scan says so in its link's text, which screen readers read
    /// as the link's name, and the communicator gets a warning at the link.
    #[test]
    fn links_to_large_files_warn_the_visitor_and_the_communicator() {
        let (out, found) = html(
            "[Scan](/static/scan.pdf)\n[Scan (PDF, 40 MB)](/static/scan.pdf)\n[Kaart](/static/kaart.png)\n",
        );
        assert!(
            out.contains(r#"<a href="/gka/static/scan.pdf">Scan (PDF, groot bestand: 40 MB)</a>"#),
            "{out}"
        );
        assert!(
            out.contains(
                r#"<a href="/gka/static/scan.pdf">Scan (PDF, 40 MB) (groot bestand: 40 MB)</a>"#
            ),
            "an author's own label still gets the warning: {out}"
        );
        assert!(
            out.contains(
                r#"<a href="/gka/static/kaart.png">Kaart (PNG, groot bestand: 12 MB)</a>"#
            ),
            "{out}"
        );
        let lines: Vec<(Code, usize)> = found
            .iter()
            .map(|d| (d.code, d.position.unwrap().line))
            .collect();
        assert_eq!(
            lines,
            [
                (Code::HeavyFile, 5),
                (Code::HeavyFile, 6),
                (Code::HeavyFile, 7)
            ]
        );
        assert!(
            found[0].message.starts_with(
                "de link naar '/static/scan.pdf' gaat naar een groot bestand van 40 MB"
            ),
            "{}",
            found[0].message
        );
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
        assert!(found[1].message.contains("concept"), "{found:?}");
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

    /// Finding 10 of issue 14: a body nested too deep for the HTML sanitiser is an error on
    /// the line where it passes the limit, and is not rendered.
    #[test]
    fn markdown_nested_too_deep_is_an_error_on_its_line() {
        let body = format!("Tekst\n\n{}<b>x</b>\n", "> ".repeat(50_000));
        let (out, found) = html(&body);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, Code::TooLarge);
        assert_eq!(
            found[0].position,
            Some(Position {
                line: 7,
                column: 2 * nesting::MAX_DEPTH + 1
            })
        );
        assert!(
            found[0].message.contains("100 lagen"),
            "{}",
            found[0].message
        );
        assert!(found[0].hint.is_some());
        assert!(out.is_empty(), "{out}");
        let (_, found) = html(&format!("{}x\n", "> ".repeat(20)));
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn columns_count_characters_on_long_lines() {
        let line: String = (0..200).map(|i| format!("é [hier](/x{i}/) ")).collect();
        let (_, found) = html(&format!("{line}\n"));
        let columns: Vec<usize> = found
            .iter()
            .filter(|d| d.code == Code::VagueLinkText)
            .map(|d| d.position.unwrap().column)
            .collect();
        let expected: Vec<usize> = (0..200)
            .map(|i| {
                let before: String = (0..i).map(|j| format!("é [hier](/x{j}/) ")).collect();
                before.chars().count() + 3
            })
            .collect();
        assert_eq!(columns, expected);
    }

    #[test]
    fn images_need_alt_text() {
        let (_, found) = html("![](/static/agenda.pdf)\n");
        assert_eq!(found.len(), 1);
        assert!(found[0].message.contains("alt-tekst"));
    }

    #[test]
    fn decorative_images_are_marked_so_and_get_an_empty_alt() {
        let (out, found) = html("![](/static/foto.jpg \"Decoratief\")\n");
        assert!(found.is_empty(), "{found:?}");
        assert!(out.contains(r#"alt="""#) && !out.contains("title"), "{out}");
        let (_, found) = html("![](/static/foto.jpg \"Een foto\")\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].code, Code::ImageWithoutAlt);
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
            None,
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

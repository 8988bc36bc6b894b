//! Cross-references: themes against the agenda, addenda against interventies, term pages.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde_saphyr::Spanned;

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::Document;
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::programmalijn::Programmalijn;
use crate::content::values::{AgeRange, Erkenningsniveau, Onderwijs};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position};
use crate::markdown::slugify;

use super::Term;
use super::places::Placed;

/// The agenda's themes as terms; reports interventie themes the agenda does not have.
pub(super) fn thema_terms(
    agenda: Option<&Document<Agenda>>,
    interventies: &[Placed<Interventie>],
    diagnostics: &mut Diagnostics,
) -> Vec<Term> {
    let mut terms: Vec<Term> = Vec::new();
    if let Some(agenda) = agenda {
        let mut slugs: HashMap<String, &str> = HashMap::new();
        for thema in &agenda.data.themas {
            let slug = slugify(&thema.value);
            if let Some(other) = slugs.insert(slug.clone(), &thema.value) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DuplicateThema,
                        &agenda.source.path,
                        agenda.source.lines.of(thema),
                        format!(
                            "theme '{}' has the same URL as '{other}' (/themas/{slug}/)",
                            thema.value
                        ),
                    )
                    .with_hint("each theme needs its own wording"),
                );
                continue;
            }
            terms.push(Term {
                naam: thema.value.clone(),
                url: format!("/themas/{slug}/"),
                slug,
                interventies: Vec::new(),
                resultaten: Vec::new(),
            });
        }
    }
    for (index, (doc, _)) in interventies.iter().enumerate() {
        for thema in &doc.data.themas {
            match terms.iter_mut().find(|t| t.naam == thema.value) {
                Some(term) => term.interventies.push(index),
                None => diagnostics.push(unknown_reference(
                    Code::UnknownThema,
                    doc,
                    thema,
                    "theme",
                    terms.iter().map(|t| t.naam.as_str()),
                    if agenda.is_some() {
                        "themes must be one of the `themas` in content/agenda.md"
                    } else {
                        "themes come from content/agenda.md, which is missing"
                    },
                )),
            }
        }
    }
    terms
}

/// An error for a value that names something that does not exist, with the closest name.
pub(super) fn unknown_reference<'a, T>(
    code: Code,
    doc: &Document<T>,
    value: &Spanned<String>,
    what: &str,
    candidates: impl Iterator<Item = &'a str>,
    rule: &str,
) -> Diagnostic {
    let candidates: Vec<&str> = candidates.collect();
    let closest = candidates
        .iter()
        .map(|c| {
            (
                strsim::normalized_levenshtein(&value.value.to_lowercase(), &c.to_lowercase()),
                *c,
            )
        })
        .filter(|(score, _)| *score > 0.6)
        .max_by(|a, b| a.0.total_cmp(&b.0));
    let hint = match closest {
        Some((_, c)) => format!("did you mean '{c}'? {rule}"),
        None => rule.to_string(),
    };
    Diagnostic::new(
        code,
        &doc.source.path,
        doc.source.lines.of(value),
        format!("unknown {what} '{}'", value.value),
    )
    .with_hint(hint)
}

/// Every age range used by an interventie or a result, youngest first. A range's page lists
/// every interventie and result whose range overlaps it (see [`AgeRange::overlaps`]): a
/// `4-18` item is on the `12-18` page.
pub(super) fn age_terms(
    interventies: &[Placed<Interventie>],
    programma: &[Placed<Programmalijn>],
) -> Vec<Term> {
    let used: BTreeSet<AgeRange> = interventies
        .iter()
        .flat_map(|(doc, _)| doc.data.leeftijden.iter().copied())
        .chain(
            programma
                .iter()
                .flat_map(|(doc, _)| doc.data.resultaten.iter().map(|r| r.leeftijd)),
        )
        .collect();
    used.into_iter()
        .map(|range| Term {
            naam: range.to_string(),
            slug: range.to_string(),
            url: format!("/leeftijden/{range}/"),
            interventies: interventies
                .iter()
                .enumerate()
                .filter(|(_, (doc, _))| doc.data.leeftijden.iter().any(|r| r.overlaps(range)))
                .map(|(index, _)| index)
                .collect(),
            resultaten: programma
                .iter()
                .enumerate()
                .flat_map(|(line, (doc, _))| {
                    doc.data
                        .resultaten
                        .iter()
                        .enumerate()
                        .filter(move |(_, r)| r.leeftijd.overlaps(range))
                        .map(move |(result, _)| (line, result))
                })
                .collect(),
        })
        .collect()
}

/// Every level of education that an interventie names, in school order.
pub(super) fn onderwijs_terms(interventies: &[Placed<Interventie>]) -> Vec<Term> {
    Onderwijs::ALL
        .into_iter()
        .map(|niveau| Term {
            naam: niveau.label().to_string(),
            slug: niveau.as_str().to_string(),
            url: format!("/onderwijs/{}/", niveau.as_str()),
            interventies: interventies
                .iter()
                .enumerate()
                .filter(|(_, (doc, _))| doc.data.onderwijs.contains(&niveau))
                .map(|(index, _)| index)
                .collect(),
            resultaten: Vec::new(),
        })
        .filter(|term| !term.interventies.is_empty())
        .collect()
}

/// Every recognition level that an interventie has, lowest first, whatever the database.
pub(super) fn erkenning_terms(interventies: &[Placed<Interventie>]) -> Vec<Term> {
    Erkenningsniveau::ALL
        .into_iter()
        .map(|niveau| Term {
            naam: niveau.label().to_string(),
            slug: niveau.as_str().to_string(),
            url: format!("/erkenning/{}/", niveau.as_str()),
            interventies: interventies
                .iter()
                .enumerate()
                .filter(|(_, (doc, _))| {
                    doc.data
                        .erkenning
                        .as_ref()
                        .is_some_and(|e| e.niveau.value == niveau)
                })
                .map(|(index, _)| index)
                .collect(),
            resultaten: Vec::new(),
        })
        .filter(|term| !term.interventies.is_empty())
        .collect()
}

pub(super) fn check_addenda(
    addenda: &[Placed<Addendum>],
    interventies: &[Placed<Interventie>],
    drafts: &HashSet<String>,
    failed: &[String],
    diagnostics: &mut Diagnostics,
) {
    let slugs: Vec<&str> = interventies.iter().map(|(_, url)| url_slug(url)).collect();
    for (doc, _) in addenda {
        for reference in &doc.data.interventies {
            let url = format!("/interventies/{}/", reference.value);
            if slugs.contains(&reference.value.as_str()) || failed.contains(&url) {
                continue;
            }
            if drafts.contains(&url) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::ReferenceToDraft,
                        &doc.source.path,
                        doc.source.lines.of(reference),
                        format!(
                            "interventie '{}' is a draft and is left out of the list",
                            reference.value
                        ),
                    )
                    .with_hint(
                        "build with --drafts to include it, or remove `concept: true` from it",
                    ),
                );
                continue;
            }
            diagnostics.push(unknown_reference(
                Code::UnknownInterventie,
                doc,
                reference,
                "interventie",
                slugs.iter().copied(),
                "name an interventie by its slug: its file name in content/interventies/ without .md",
            ));
        }
    }
}

/// The last segment of a site path such as `/interventies/kansrijk/`.
pub(super) fn url_slug(url: &str) -> &str {
    url.trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default()
}

pub(super) fn check_nieuws(nieuws: &[Placed<Nieuws>], diagnostics: &mut Diagnostics) {
    for (doc, _) in nieuws {
        if doc.meta.datum.is_none() {
            diagnostics.push(
                Diagnostic::new(
                    Code::MissingKey,
                    &doc.source.path,
                    Some(Position {
                        line: doc.source.lines.first_line,
                        column: 1,
                    }),
                    "a news item needs a `datum`",
                )
                .with_hint(
                    "add `datum: YYYY-MM-DD`, the publication date or the date of the event",
                ),
            );
        }
    }
}

pub(super) fn check_programmalijnen(
    lines: &[Placed<Programmalijn>],
    diagnostics: &mut Diagnostics,
) {
    let mut seen: HashMap<u32, &Path> = HashMap::new();
    for (doc, _) in lines {
        let nummer = &doc.data.nummer;
        if let Some(other) = seen.insert(nummer.value, &doc.source.path) {
            diagnostics.push(
                Diagnostic::new(
                    Code::DuplicateNummer,
                    &doc.source.path,
                    doc.source.lines.of(nummer),
                    format!(
                        "programmalijn number {} is also used by {}",
                        nummer.value,
                        other.display()
                    ),
                )
                .with_hint("give each programmalijn its own `nummer`"),
            );
        }
    }
}

/// An `erkenning` must name a level its database awards.
pub(super) fn check_erkenningen(
    interventies: &[Placed<Interventie>],
    diagnostics: &mut Diagnostics,
) {
    for (doc, _) in interventies {
        let Some(erkenning) = &doc.data.erkenning else {
            continue;
        };
        let niveaus = erkenning.databank.niveaus();
        if niveaus.contains(&erkenning.niveau.value) {
            continue;
        }
        diagnostics.push(
            Diagnostic::new(
                Code::ErkenningNiveau,
                &doc.source.path,
                doc.source.lines.of(&erkenning.niveau),
                format!(
                    "databank '{}' does not award the level '{}'",
                    erkenning.databank.as_str(),
                    erkenning.niveau.value.as_str()
                ),
            )
            .with_hint(format!(
                "levels of {}: {}",
                erkenning.databank.as_str(),
                niveaus
                    .iter()
                    .map(|n| n.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
}

//! Cross-references: themes against the agenda, addenda against interventies, the pages of
//! a section, term pages; checked, then resolved to indexes into the model's lists.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::Path;

use serde_saphyr::Spanned;

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::Document;
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::page::{Page, SectionIntro};
use crate::content::programmalijn::Programmalijn;
use crate::content::values::{AgeRange, Erkenningsniveau, Onderwijs, Soort};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position};
use crate::markdown::slugify;
use crate::routes::{self, SitePath};

use super::Term;
use super::places::Placed;

/// The agenda's themes as terms, and for each interventie the indexes of its themes among
/// them, in the order it lists them; reports interventie themes the agenda does not have.
pub(super) fn thema_terms(
    agenda: Option<&Document<Agenda>>,
    interventies: &[Placed<Interventie>],
    diagnostics: &mut Diagnostics,
) -> (Vec<Term>, Vec<Vec<usize>>) {
    let mut terms: Vec<Term> = Vec::new();
    if let Some(agenda) = agenda {
        let mut slugs: HashMap<String, &str> = HashMap::new();
        for thema in &agenda.data.themas {
            let slug = slugify(&thema.value);
            if slug.is_empty() {
                diagnostics.push(
                    Diagnostic::new(
                        Code::InvalidValue,
                        &agenda.source.path,
                        agenda.source.lines.of(thema),
                        t!("thema-leeg", thema = &thema.value),
                    )
                    .with_width(agenda.source.lines.width(thema))
                    .with_hint(t!("thema-leeg-hint")),
                );
                continue;
            }
            if let Some(other) = slugs.insert(slug.clone(), &thema.value) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::DuplicateThema,
                        &agenda.source.path,
                        agenda.source.lines.of(thema),
                        t!(
                            "thema-zelfde-adres",
                            thema = &thema.value,
                            other = other.to_string(),
                            slug = &slug
                        ),
                    )
                    .with_width(agenda.source.lines.width(thema))
                    .with_hint(t!("thema-zelfde-adres-hint")),
                );
                continue;
            }
            terms.push(Term {
                naam: thema.value.clone(),
                url: routes::thema(&slug),
                slug,
                interventies: Vec::new(),
                resultaten: Vec::new(),
            });
        }
    }
    let mut themas_of = Vec::with_capacity(interventies.len());
    for (index, (doc, _)) in interventies.iter().enumerate() {
        let mut themas = Vec::with_capacity(doc.data.themas.len());
        for thema in &doc.data.themas {
            match terms.iter().position(|t| t.naam == thema.value) {
                Some(term) => {
                    terms[term].interventies.push(index);
                    themas.push(term);
                }
                None => diagnostics.push(unknown_reference(
                    Code::UnknownThema,
                    doc,
                    thema,
                    t!("thema-onbekend", thema = &thema.value),
                    terms.iter().map(|t| t.naam.as_str()),
                    if agenda.is_some() {
                        t!("thema-onbekend-regel")
                    } else {
                        t!("thema-geen-agenda")
                    },
                )),
            }
        }
        themas_of.push(themas);
    }
    (terms, themas_of)
}

/// An error for a value that names something that does not exist, with the closest name.
pub(super) fn unknown_reference<'a, T>(
    code: Code,
    doc: &Document<T>,
    value: &Spanned<String>,
    message: String,
    candidates: impl Iterator<Item = &'a str>,
    rule: String,
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
        Some((_, c)) => format!("{} {rule}", t!("bedoelt-u", word = c)),
        None => rule,
    };
    Diagnostic::new(code, &doc.source.path, doc.source.lines.of(value), message)
        .with_width(doc.source.lines.width(value))
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
            url: routes::age(range),
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
            url: routes::onderwijs(niveau),
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
            url: routes::erkenning(niveau),
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
    drafts: &HashSet<SitePath>,
    failed: &[SitePath],
    diagnostics: &mut Diagnostics,
) {
    let slugs: Vec<&str> = interventies.iter().map(|(_, url)| url_slug(url)).collect();
    for (doc, _) in addenda {
        for reference in &doc.data.interventies {
            let url = routes::interventie(&reference.value);
            if slugs.contains(&reference.value.as_str()) || failed.contains(&url) {
                continue;
            }
            if drafts.contains(&url) {
                diagnostics.push(
                    Diagnostic::new(
                        Code::ReferenceToDraft,
                        &doc.source.path,
                        doc.source.lines.of(reference),
                        t!("interventie-concept", slug = &reference.value),
                    )
                    .with_width(doc.source.lines.width(reference))
                    .with_hint(t!("interventie-concept-hint")),
                );
                continue;
            }
            diagnostics.push(unknown_reference(
                Code::UnknownInterventie,
                doc,
                reference,
                t!("interventie-onbekend", slug = &reference.value),
                slugs.iter().copied(),
                t!("interventie-onbekend-regel"),
            ));
        }
    }
}

/// Which interventies each addendum adds, resolved once here so that rendering never looks
/// them up by slug: for each addendum, indexes into `interventies` in the order it lists them;
/// for each interventie, indexes into `addenda` of those that add it, ascending. A slug that
/// names no interventie of this build resolves to nothing: [`check_addenda`] reports it (an
/// error, or a warning for a draft left out, which the addendum's page then leaves out too).
pub(super) fn resolve_addenda(
    addenda: &[Placed<Addendum>],
    interventies: &[Placed<Interventie>],
) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    let by_slug: HashMap<&str, usize> = (interventies.iter().enumerate())
        .map(|(index, (_, url))| (url_slug(url), index))
        .collect();
    let mut added_by: Vec<Vec<usize>> = vec![Vec::new(); interventies.len()];
    let adds = (addenda.iter().enumerate())
        .map(|(addendum, (doc, _))| {
            let adds: Vec<usize> = (doc.data.interventies.iter())
                .filter_map(|slug| by_slug.get(slug.value.as_str()).copied())
                .collect();
            for &interventie in &adds {
                // An addendum that lists an interventie twice still adds it once.
                if added_by[interventie].last() != Some(&addendum) {
                    added_by[interventie].push(addendum);
                }
            }
            adds
        })
        .collect();
    (adds, added_by)
}

/// For each section of plain pages, indexes into `pages` of the pages below its folder, at
/// any depth, in the order of `pages`.
pub(super) fn pages_in_sections(
    sections: &[Placed<SectionIntro>],
    pages: &[Placed<Page>],
) -> Vec<Vec<usize>> {
    (sections.iter())
        .map(|(_, section)| {
            (pages.iter().enumerate())
                .filter(|(_, (_, url))| url.starts_with(section.as_str()) && url != section)
                .map(|(index, _)| index)
                .collect()
        })
        .collect()
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
                    t!("nieuws-zonder-datum"),
                )
                .with_hint(t!("nieuws-zonder-datum-hint")),
            );
        }
        if doc.data.soort == Soort::Evenement
            && doc
                .data
                .locatie
                .as_deref()
                .is_none_or(|l| l.trim().is_empty())
        {
            diagnostics.push(
                Diagnostic::new(
                    Code::EventWithoutPlace,
                    &doc.source.path,
                    Some(Position {
                        line: doc.source.lines.first_line,
                        column: 1,
                    }),
                    t!("evenement-zonder-locatie"),
                )
                .with_hint(t!("evenement-zonder-locatie-hint")),
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
                    t!(
                        "nummer-dubbel",
                        nummer = nummer.value,
                        other = other.display()
                    ),
                )
                .with_width(doc.source.lines.width(nummer))
                .with_hint(t!("nummer-dubbel-hint")),
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
                t!(
                    "erkenning-niveau",
                    databank = erkenning.databank.as_str(),
                    niveau = erkenning.niveau.value.as_str()
                ),
            )
            .with_width(doc.source.lines.width(&erkenning.niveau))
            .with_hint(t!(
                "erkenning-niveau-hint",
                databank = erkenning.databank.as_str(),
                niveaus = (niveaus.iter().map(|n| n.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::content::{Item, parse_markdown};

    /// A document at `content_path` with `front_matter` and no body.
    fn document(content_path: &str, front_matter: &str) -> Item {
        let text = format!("---\n{front_matter}\n---\n");
        parse_markdown(
            PathBuf::from("content").join(content_path),
            content_path,
            &text,
        )
        .expect("a valid document")
    }

    fn interventie(slug: &str) -> Placed<Interventie> {
        match document(
            &format!("interventies/{slug}.md"),
            &format!("titel: {slug}"),
        ) {
            Item::Interventie(doc) => (doc, routes::interventie(slug)),
            _ => unreachable!("a file in interventies/ is an interventie"),
        }
    }

    fn addendum(name: &str, slugs: &[&str]) -> Placed<Addendum> {
        let front_matter = format!("titel: {name}\ninterventies: [{}]", slugs.join(", "));
        match document(&format!("addenda/{name}.md"), &front_matter) {
            Item::Addendum(doc) => (doc, routes::document("addenda", name)),
            _ => unreachable!("a file in addenda/ is an addendum"),
        }
    }

    #[test]
    fn addenda_resolve_to_interventies_both_ways() {
        let interventies = [interventie("a"), interventie("b"), interventie("c")];
        let addenda = [
            addendum("eerste", &["c", "a"]),
            addendum("tweede", &["a", "concept", "a"]),
        ];
        let (adds, added_by) = resolve_addenda(&addenda, &interventies);
        assert_eq!(
            adds,
            [vec![2, 0], vec![0, 0]],
            "in the order each addendum lists them; a draft left out resolves to nothing"
        );
        assert_eq!(
            added_by,
            [vec![0, 1], vec![], vec![0]],
            "every addendum that adds an interventie, once"
        );
    }

    #[test]
    fn interventies_know_their_themes_in_their_order() {
        let Item::Agenda(agenda) = document("agenda.md", "titel: Agenda\nthemas: [Taal, Rekenen]")
        else {
            unreachable!("agenda.md is the agenda");
        };
        let Item::Interventie(doc) =
            document("interventies/a.md", "titel: A\nthemas: [Rekenen, Taal]")
        else {
            unreachable!("a file in interventies/ is an interventie");
        };
        let interventies = [interventie("zonder"), (doc, "/interventies/a/".into())];
        let mut diagnostics = Diagnostics::default();
        let (terms, themas) = thema_terms(Some(&agenda), &interventies, &mut diagnostics);
        assert!(diagnostics.is_empty());
        assert_eq!(terms.len(), 2);
        assert_eq!(themas, [vec![], vec![1, 0]]);
        assert_eq!(terms[0].interventies, [1]);
    }

    #[test]
    fn sections_hold_the_pages_below_their_folder() {
        let page = |content_path: &str, url: &str| match document(content_path, "titel: x") {
            Item::Page(doc) => (doc, url.into()),
            _ => unreachable!("a file outside the typed folders is a page"),
        };
        let section = |content_path: &str, url: &str| match document(content_path, "titel: x") {
            Item::Section(doc) => (doc, url.into()),
            _ => unreachable!("an _index.md is a section"),
        };
        let pages = [
            page("over/team.md", "/over/team/"),
            page("contact.md", "/contact/"),
            page("over/geschiedenis/begin.md", "/over/geschiedenis/begin/"),
            page("overig.md", "/overig/"),
        ];
        let sections = [
            section("over/_index.md", "/over/"),
            section("leeg/_index.md", "/leeg/"),
        ];
        assert_eq!(pages_in_sections(&sections, &pages), [vec![0, 2], vec![]]);
    }
}

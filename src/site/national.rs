//! A national site's view over its gemeenten: the national themes (the gemeenten's own themes
//! mapped by `content/themas.yaml`), and every interventie of every gemeente by national
//! theme, age range, level of education and recognition. Built once with the model, so that
//! the pages only look things up.
//!
//! A gemeente theme is matched by its slug, so case and accents do not matter. A national
//! theme takes the gemeente themes listed under it and the one of its own name; a gemeente
//! theme that none takes is not lost: it becomes a national theme of its own name (and a
//! warning says to map it). Without the file every gemeente theme is such a theme.

use std::collections::{BTreeSet, HashMap};
use std::path::PathBuf;

use serde_saphyr::Spanned;

use crate::content::front_matter::LineMap;
use crate::content::themas::{LandelijkThema, Mapping, THEMAS_FILE};
use crate::content::values::{AgeRange, Datum, Erkenningsniveau, Onderwijs};
use crate::content::{CONFIG_FILE, content_file};
use crate::diagnostics::{Code, Diagnostic, Diagnostics, Position};
use crate::routes::{self, SitePath};
use crate::sources::Gemeente;

use super::Facet;

/// How many gemeenten a warning names before it counts the others.
const NAMED: usize = 3;

/// The national view of a national site's gemeenten (empty on any other site).
#[derive(Debug, Clone, Default)]
pub struct National {
    /// The national themes: those of `content/themas.yaml` in its order, then the gemeente
    /// themes that none of them takes, by name. Only themes some gemeente uses.
    pub themas: Vec<LandelijkTerm>,
    /// Every age range an interventie names, youngest first; each lists what overlaps it.
    pub leeftijden: Vec<LandelijkTerm>,
    /// Every level of education an interventie names, in school order.
    pub onderwijs: Vec<LandelijkTerm>,
    /// Every recognition level an interventie has, lowest first.
    pub erkenningen: Vec<LandelijkTerm>,
    /// Every interventie of every gemeente: the gemeenten by name, each one's interventies in
    /// the order of its open data.
    pub interventies: Vec<LandelijkInterventie>,
    /// The gemeenten (indexes into `Site::gemeenten`) by name as people look them up.
    pub by_name: Vec<usize>,
    /// For each gemeente of `Site::gemeenten`, its national themes: indexes into `themas`,
    /// ascending.
    pub gemeente_themas: Vec<Vec<usize>>,
    /// The news and events of every gemeente, newest first (see [`merged_news`]).
    pub nieuws: Vec<NewsRef>,
}

/// A news item or event of a gemeente in the merged news.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NewsRef {
    /// Its gemeente: an index into `Site::gemeenten`.
    pub gemeente: usize,
    /// Its place in that gemeente's open data (`nieuws`).
    pub index: usize,
    /// Its date, when it has a valid one.
    pub datum: Option<Datum>,
}

/// A term of a national facet: a national theme, an age range, a level, a recognition.
#[derive(Debug, Clone)]
pub struct LandelijkTerm {
    /// The term as shown, e.g. `Taal en lezen` or `4-12`.
    pub naam: String,
    /// Its slug, the last part of its page's path.
    pub slug: String,
    /// Its page, e.g. `/landelijk/themas/taal-en-lezen/`.
    pub url: SitePath,
    /// A national theme's sentence about itself, from `content/themas.yaml`.
    pub omschrijving: Option<String>,
    /// The gemeenten with an interventie (or, for a theme, an agenda theme) of this term:
    /// indexes into `Site::gemeenten`, by name (as `National::by_name`).
    pub gemeenten: Vec<usize>,
    /// Its interventies: indexes into `National::interventies`, ascending.
    pub interventies: Vec<usize>,
}

/// An interventie of a gemeente, as the national pages list it.
#[derive(Debug, Clone)]
pub struct LandelijkInterventie {
    /// Its gemeente: an index into `Site::gemeenten`.
    pub gemeente: usize,
    /// Its place in that gemeente's open data (`interventies`).
    pub index: usize,
    /// Its national themes: indexes into `National::themas`, ascending.
    pub themas: Vec<usize>,
}

impl National {
    /// The terms of a national facet.
    pub fn terms(&self, facet: Facet) -> &[LandelijkTerm] {
        match facet {
            Facet::Thema => &self.themas,
            Facet::Leeftijd => &self.leeftijden,
            Facet::Onderwijs => &self.onderwijs,
            Facet::Erkenning => &self.erkenningen,
        }
    }

    /// The national view of `gemeenten` with the themes of `mapping`; mistakes in the mapping
    /// are errors (`GKA-E061`), gemeente themes no national theme takes and mapped themes no
    /// gemeente uses are warnings. `bronnen` is where `site.yaml` lists the gemeenten, which
    /// the warnings point at when there is no `content/themas.yaml`.
    pub fn of(
        gemeenten: &[Gemeente],
        mapping: &Mapping,
        bronnen: Option<Position>,
        diagnostics: &mut Diagnostics,
    ) -> National {
        let by_name = by_name(gemeenten);
        let mut national = National {
            by_name,
            ..National::default()
        };
        // The file is checked even before any gemeente can be read.
        let (listed, mistakes) = match mapping {
            Mapping::Read(themas) => checked(themas, diagnostics),
            Mapping::Absent | Mapping::Unreadable => (Vec::new(), false),
        };
        if gemeenten.is_empty() {
            return national;
        }
        // While the file has mistakes, which themes it misses or names in vain is not yet
        // known: those warnings wait until it is put right.
        let warn = !mistakes && !matches!(mapping, Mapping::Unreadable);
        // Every gemeente theme by slug: its first spelling and who uses it.
        let mut used: HashMap<String, (String, BTreeSet<usize>)> = HashMap::new();
        let own_themes = |g: &Gemeente| -> Vec<String> {
            let agenda = (g.data.agenda.iter()).flat_map(|a| a.themas.iter().map(|t| &t.naam));
            let interventies = (g.data.interventies.iter()).flat_map(|x| &x.themas);
            agenda
                .chain(interventies.map(|t| &t.naam))
                .cloned()
                .collect()
        };
        for (g, gemeente) in gemeenten.iter().enumerate() {
            for naam in own_themes(gemeente) {
                let slug = slug::slugify(&naam);
                if slug.is_empty() {
                    continue;
                }
                used.entry(slug)
                    .or_insert_with(|| (naam, BTreeSet::new()))
                    .1
                    .insert(g);
            }
        }

        // Gemeente theme slug → national themes.
        let mut takes: HashMap<&str, Vec<usize>> = HashMap::new();
        for (n, thema) in listed.iter().enumerate() {
            for slug in
                std::iter::once(&thema.slug).chain(thema.gemeentethemas.iter().map(|g| &g.0))
            {
                let into = takes.entry(slug.as_str()).or_default();
                if !into.contains(&n) {
                    into.push(n);
                }
            }
        }
        for thema in listed.iter().filter(|_| warn) {
            for (slug, written) in &thema.gemeentethemas {
                if !used.contains_key(slug) {
                    diagnostics.push(
                        Diagnostic::new(
                            Code::UnusedGemeenteThema,
                            content_file(THEMAS_FILE),
                            written.at,
                            t!("thema-ongebruikt", thema = &written.naam),
                        )
                        .with_width(written.width)
                        .with_hint(t!("thema-ongebruikt-hint")),
                    );
                }
            }
        }
        let mut unmapped: Vec<(&String, &String, &BTreeSet<usize>)> = (used.iter())
            .filter(|(slug, _)| !takes.contains_key(slug.as_str()))
            .map(|(slug, (naam, users))| (slug, naam, users))
            .collect();
        unmapped.sort_by_key(|(slug, naam, _)| (naam.to_lowercase(), *slug));
        let (file, at) = match mapping {
            Mapping::Absent => (content_file(CONFIG_FILE), bronnen),
            Mapping::Read(_) | Mapping::Unreadable => (content_file(THEMAS_FILE), None),
        };
        if warn {
            for (_, naam, users) in &unmapped {
                let names: Vec<&str> = (national.by_name.iter())
                    .filter(|g| users.contains(g))
                    .map(|&g| gemeenten[g].naam.as_str())
                    .collect();
                let hint = match mapping {
                    Mapping::Absent => t!("thema-niet-landelijk-geen-bestand-hint"),
                    _ => t!("thema-niet-landelijk-hint"),
                };
                diagnostics.push(
                    Diagnostic::new(
                        Code::UnmappedGemeenteThema,
                        file.clone(),
                        at,
                        t!(
                            "thema-niet-landelijk",
                            thema = *naam,
                            gemeenten = named(&names)
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }

        // The national themes: the listed ones some gemeente uses, then the unmapped ones.
        let mut themas: Vec<LandelijkTerm> = Vec::new();
        let mut index_of_listed: Vec<Option<usize>> = vec![None; listed.len()];
        for (n, thema) in listed.iter().enumerate() {
            let anyone = std::iter::once(&thema.slug)
                .chain(thema.gemeentethemas.iter().map(|g| &g.0))
                .any(|slug| used.contains_key(slug));
            if anyone {
                index_of_listed[n] = Some(themas.len());
                themas.push(term(
                    &thema.naam,
                    thema.slug.clone(),
                    routes::LANDELIJK_THEMAS,
                    thema.omschrijving.clone(),
                ));
            }
        }
        let mut theme_of: HashMap<&str, Vec<usize>> = HashMap::new();
        for (slug, listed_themes) in &takes {
            let mut found: Vec<usize> = (listed_themes.iter())
                .filter_map(|n| index_of_listed[*n])
                .collect();
            found.sort_unstable();
            theme_of.insert(*slug, found);
        }
        for (slug, naam, _) in &unmapped {
            theme_of.insert(slug.as_str(), vec![themas.len()]);
            themas.push(term(naam, (*slug).clone(), routes::LANDELIJK_THEMAS, None));
        }
        let themes_of = |names: Vec<&str>| -> Vec<usize> {
            let set: BTreeSet<usize> = (names.into_iter())
                .filter_map(|naam| theme_of.get(slug::slugify(naam).as_str()))
                .flatten()
                .copied()
                .collect();
            set.into_iter().collect()
        };
        national.gemeente_themas = (gemeenten.iter())
            .map(|g| themes_of(own_themes(g).iter().map(String::as_str).collect()))
            .collect();

        let mut interventies = Vec::new();
        for &g in &national.by_name {
            for (index, x) in gemeenten[g].data.interventies.iter().enumerate() {
                interventies.push(LandelijkInterventie {
                    gemeente: g,
                    index,
                    themas: themes_of(x.themas.iter().map(|t| t.naam.as_str()).collect()),
                });
            }
        }
        for (n, thema) in themas.iter_mut().enumerate() {
            thema.interventies = (interventies.iter().enumerate())
                .filter(|(_, x)| x.themas.contains(&n))
                .map(|(i, _)| i)
                .collect();
            thema.gemeenten = (national.by_name.iter())
                .filter(|&&g| national.gemeente_themas[g].contains(&n))
                .copied()
                .collect();
        }
        national.themas = themas;

        let data = |x: &LandelijkInterventie| &gemeenten[x.gemeente].data.interventies[x.index];
        let ages = |x: &LandelijkInterventie| -> Vec<AgeRange> {
            (data(x).leeftijden.iter())
                .filter_map(|r| r.parse().ok())
                .collect()
        };
        let used_ages: BTreeSet<AgeRange> = interventies.iter().flat_map(ages).collect();
        national.leeftijden = facet_terms(
            &national.by_name,
            &interventies,
            used_ages.into_iter().map(|range| {
                let naam = range.to_string();
                (naam.clone(), naam, move |x: &LandelijkInterventie| {
                    ages(x).iter().any(|r| r.overlaps(range))
                })
            }),
            routes::LANDELIJK_LEEFTIJDEN,
        );
        national.onderwijs = facet_terms(
            &national.by_name,
            &interventies,
            Onderwijs::ALL.into_iter().map(|niveau| {
                (
                    niveau.label().to_string(),
                    niveau.as_str().to_string(),
                    move |x: &LandelijkInterventie| data(x).onderwijs.contains(&niveau),
                )
            }),
            routes::LANDELIJK_ONDERWIJS,
        );
        national.erkenningen = facet_terms(
            &national.by_name,
            &interventies,
            Erkenningsniveau::ALL.into_iter().map(|niveau| {
                (
                    niveau.label().to_string(),
                    niveau.as_str().to_string(),
                    move |x: &LandelijkInterventie| {
                        data(x)
                            .erkenning
                            .as_ref()
                            .is_some_and(|e| e.niveau == niveau)
                    },
                )
            }),
            routes::LANDELIJK_ERKENNING,
        );
        national.interventies = interventies;
        national.nieuws = merged_news(gemeenten);
        national
    }
}

/// A term without interventies and gemeenten yet.
fn term(naam: &str, slug: String, facet: &str, omschrijving: Option<String>) -> LandelijkTerm {
    LandelijkTerm {
        naam: naam.to_string(),
        url: routes::landelijk_term(facet, &slug),
        slug,
        omschrijving,
        gemeenten: Vec::new(),
        interventies: Vec::new(),
    }
}

/// The terms of a facet other than the themes, each given as its name, its slug and which
/// interventies carry it; only the terms some interventie carries.
fn facet_terms<F: Fn(&LandelijkInterventie) -> bool>(
    by_name: &[usize],
    interventies: &[LandelijkInterventie],
    terms: impl Iterator<Item = (String, String, F)>,
    facet: &str,
) -> Vec<LandelijkTerm> {
    terms
        .map(|(naam, slug, carries)| {
            let mut found = term(&naam, slug, facet, None);
            found.interventies = (interventies.iter().enumerate())
                .filter(|(_, x)| carries(x))
                .map(|(i, _)| i)
                .collect();
            let gemeenten: BTreeSet<usize> = (found.interventies.iter())
                .map(|&i| interventies[i].gemeente)
                .collect();
            found.gemeenten = (by_name.iter())
                .filter(|g| gemeenten.contains(g))
                .copied()
                .collect();
            found
        })
        .filter(|t| !t.interventies.is_empty())
        .collect()
}

/// A national theme of `content/themas.yaml` without mistakes.
struct Listed {
    naam: String,
    slug: String,
    omschrijving: Option<String>,
    /// The gemeente themes it takes, by slug, with where each is written.
    gemeentethemas: Vec<(String, Written)>,
}

/// A gemeente theme as `content/themas.yaml` writes it.
struct Written {
    naam: String,
    at: Option<Position>,
    width: Option<usize>,
}

/// The themes of `content/themas.yaml` that have no mistakes, and whether any had one; each
/// mistake is a `GKA-E061`.
fn checked(themas: &[LandelijkThema], diagnostics: &mut Diagnostics) -> (Vec<Listed>, bool) {
    let lines = LineMap { first_line: 1 };
    let file: PathBuf = content_file(THEMAS_FILE);
    let mistake = |at: Option<Position>, width: Option<usize>, message: String, hint: String| {
        Diagnostic::new(Code::ThemaMapping, file.clone(), at, message)
            .with_width(width)
            .with_hint(hint)
    };
    let mut listed: Vec<Listed> = Vec::new();
    let mut mistakes = false;
    let mut first_at: HashMap<String, Option<Position>> = HashMap::new();
    for thema in themas {
        let named: Option<&Spanned<String>> = thema.thema.as_ref();
        let naam = named
            .map(|n| n.value.trim().to_string())
            .unwrap_or_default();
        let slug = slug::slugify(&naam);
        if slug.is_empty() {
            let (at, width) = match named {
                Some(n) => (lines.of(n), lines.width(n)),
                None => (thema.at, None),
            };
            mistakes = true;
            diagnostics.push(mistake(
                at,
                width,
                t!("landelijk-thema-geen-naam"),
                t!("landelijk-thema-geen-naam-hint"),
            ));
            continue;
        }
        let named = named.expect("a theme with a slug has a name");
        if let Some(earlier) = first_at.get(&slug) {
            let line = earlier.map_or(0, |p| p.line);
            mistakes = true;
            diagnostics.push(mistake(
                lines.of(named),
                lines.width(named),
                t!("landelijk-thema-dubbel", thema = &naam, line = line),
                t!("landelijk-thema-dubbel-hint"),
            ));
            continue;
        }
        first_at.insert(slug.clone(), lines.of(named));
        let entries = thema.gemeentethemas.as_ref();
        if entries.is_none_or(|e| e.value.is_empty()) {
            let at = entries.map_or_else(|| lines.of(named), |e| lines.of(e));
            mistakes = true;
            diagnostics.push(mistake(
                at,
                None,
                t!("landelijk-thema-leeg", thema = &naam),
                t!("landelijk-thema-leeg-hint"),
            ));
            continue;
        }
        let mut gemeentethemas: Vec<(String, Written)> = Vec::new();
        let mut clean = true;
        for entry in entries.iter().flat_map(|e| &e.value) {
            let written = entry.value.trim();
            let entry_slug = slug::slugify(written);
            if entry_slug.is_empty() {
                diagnostics.push(mistake(
                    lines.of(entry),
                    lines.width(entry),
                    t!("landelijk-gemeentethema-leeg", thema = &naam),
                    t!("landelijk-gemeentethema-leeg-hint"),
                ));
                clean = false;
                mistakes = true;
                continue;
            }
            // The same theme twice under one national theme is harmless: it counts once.
            if gemeentethemas.iter().all(|(s, _)| *s != entry_slug) {
                gemeentethemas.push((
                    entry_slug,
                    Written {
                        naam: written.to_string(),
                        at: lines.of(entry),
                        width: lines.width(entry),
                    },
                ));
            }
        }
        if clean {
            listed.push(Listed {
                naam,
                slug,
                omschrijving: (thema.omschrijving.as_ref())
                    .map(|o| o.value.trim().to_string())
                    .filter(|o| !o.is_empty()),
                gemeentethemas,
            });
        }
    }
    (listed, mistakes)
}

/// The gemeenten by name as people look them up: ignoring case, and the `'s-` of
/// `'s-Hertogenbosch`.
fn by_name(gemeenten: &[Gemeente]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..gemeenten.len()).collect();
    order.sort_by_cached_key(|&g| gemeenten[g].sort_key());
    order
}

/// Every news item and event of `gemeenten`: newest first, those of one day by gemeente and
/// then by title (and address), so that every build lists them in one order; items without a
/// valid date last, in that order too.
fn merged_news(gemeenten: &[Gemeente]) -> Vec<NewsRef> {
    let mut items: Vec<NewsRef> = (gemeenten.iter().enumerate())
        .flat_map(|(g, gemeente)| {
            (gemeente.data.nieuws.iter().enumerate()).map(move |(index, item)| NewsRef {
                gemeente: g,
                index,
                datum: item.pagina.datum.as_deref().and_then(|d| d.parse().ok()),
            })
        })
        .collect();
    // `Reverse` puts the newest first and, as `None` is less than any date, the undated last.
    items.sort_by_cached_key(|n| {
        let gemeente = &gemeenten[n.gemeente];
        let item = &gemeente.data.nieuws[n.index].pagina;
        (
            std::cmp::Reverse(n.datum),
            gemeente.sort_key(),
            gemeente.slug.clone(),
            item.titel.clone(),
            item.url.clone(),
        )
    });
    items
}

/// Names for a message, kept short at hundreds of gemeenten: `Almere`, `Almere en Zwolle`,
/// `Almere, Ede en Zwolle`, `Almere, Ede en 12 andere`.
fn named(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_string(),
        _ if names.len() <= NAMED => {
            let (last, first) = names.split_last().expect("more than one");
            t!("namen-en", names = first.join(", "), last = *last)
        }
        _ => t!(
            "namen-andere",
            names = names[..NAMED - 1].join(", "),
            count = names.len() - (NAMED - 1)
        ),
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use serde_json::json;

    use super::*;
    use crate::open_data::OpenData;

    /// A gemeente whose agenda has `agenda` as themes, with one interventie per entry of
    /// `interventies`: its themes and its age ranges.
    fn gemeente(naam: &str, agenda: &[&str], interventies: &[(&[&str], &[&str])]) -> Gemeente {
        let page = |titel: &str| {
            json!({"titel": titel, "url": format!("https://{naam}.example/{titel}/"),
                   "trefwoorden": [], "tekst": {"markdown": "", "html": ""}})
        };
        let term = |t: &&str| json!({"naam": t, "url": "https://x.example/"});
        let interventies: Vec<_> = (interventies.iter().enumerate())
            .map(|(i, (themas, leeftijden))| {
                let mut x = page(&format!("x{i}"));
                let fields = json!({"slug": format!("x{i}"),
                    "themas": themas.iter().map(term).collect::<Vec<_>>(),
                    "leeftijden": leeftijden, "partners": [], "onderwijs": ["po"]});
                x.as_object_mut()
                    .unwrap()
                    .extend(fields.as_object().unwrap().clone());
                x
            })
            .collect();
        let mut agenda_page = page("agenda");
        agenda_page["themas"] = agenda.iter().map(term).collect();
        let data = json!({"versie": 1,
            "site": {"gemeente": naam, "titel": naam, "url": "https://x.example/", "taal": "nl"},
            "agenda": agenda_page, "addenda": [], "interventies": interventies,
            "programmalijnen": [], "nieuws": []});
        Gemeente {
            naam: naam.to_string(),
            slug: slug::slugify(naam),
            place: crate::sources::Place::Local(naam.into()),
            data: Arc::new(OpenData::from_json(data.to_string().as_bytes()).unwrap()),
        }
    }

    fn mapping(yaml: &str) -> Mapping {
        Mapping::Read(crate::content::themas::parse(yaml, LineMap { first_line: 1 }).unwrap())
    }

    fn names(national: &National) -> Vec<&str> {
        national.themas.iter().map(|t| t.naam.as_str()).collect()
    }

    fn codes(diagnostics: Diagnostics) -> Vec<(Code, String)> {
        (diagnostics.sorted().into_iter())
            .map(|d| (d.code, d.message.clone()))
            .collect()
    }

    #[test]
    fn maps_gemeente_themes_by_slug_into_national_ones() {
        let gemeenten = [
            gemeente(
                "Zwolle",
                &["Taal"],
                &[(&["Taal"], &["4-12"]), (&["Sport"], &[])],
            ),
            gemeente(
                "Almere",
                &["Versterken van Táál"],
                &[(&["versterken van taal"], &["0-4"])],
            ),
        ];
        let themas = mapping(
            "- thema: Taal en lezen\n  omschrijving: Goed leren lezen.\n  gemeentethemas: [Taal, Versterken van taal]\n- thema: Sport en taal\n  gemeentethemas: [Sport, Taal]\n",
        );
        let mut diagnostics = Diagnostics::default();
        let national = National::of(&gemeenten, &themas, None, &mut diagnostics);
        assert!(!diagnostics.has_errors());
        assert!(codes(diagnostics).is_empty());
        assert_eq!(names(&national), ["Taal en lezen", "Sport en taal"]);
        // Almere first: the interventies go by gemeente name.
        assert_eq!(national.by_name, [1, 0]);
        let taal = &national.themas[0];
        assert_eq!(taal.url, "/landelijk/themas/taal-en-lezen/");
        assert_eq!(taal.omschrijving.as_deref(), Some("Goed leren lezen."));
        assert_eq!(taal.interventies, [0, 1]);
        assert_eq!(taal.gemeenten, [1, 0]);
        // `Taal` sits under both national themes, and counts under both.
        assert_eq!(national.themas[1].interventies, [1, 2]);
        assert_eq!(national.interventies[1].themas, [0, 1]);
        let ages: Vec<&str> = national
            .leeftijden
            .iter()
            .map(|t| t.naam.as_str())
            .collect();
        assert_eq!(ages, ["0-4", "4-12"]);
        assert_eq!(national.onderwijs[0].interventies, [0, 1, 2]);
        assert!(national.erkenningen.is_empty());
    }

    #[test]
    fn an_unmapped_theme_is_a_national_theme_of_its_own_and_a_warning_once() {
        let gemeenten = [
            gemeente("Zwolle", &["Sport"], &[(&["Sport"], &[])]),
            gemeente("Almere", &["sport"], &[]),
            gemeente("Ede", &["Taal"], &[]),
        ];
        let themas = mapping("- thema: Taal\n  gemeentethemas: [Lezen]\n");
        let mut diagnostics = Diagnostics::default();
        let national = National::of(&gemeenten, &themas, None, &mut diagnostics);
        // `Taal` is taken by the national theme of its own name; `Lezen` nobody uses.
        assert_eq!(names(&national), ["Taal", "Sport"]);
        assert_eq!(national.themas[1].gemeenten, [1, 0]);
        assert_eq!(
            codes(diagnostics),
            [
                (
                    Code::UnmappedGemeenteThema,
                    "het thema ‘Sport’ van Almere en Zwolle hoort bij geen landelijk thema"
                        .to_string()
                ),
                (
                    Code::UnusedGemeenteThema,
                    "geen enkele gemeente heeft het thema ‘Lezen’".to_string()
                ),
            ]
        );
    }

    #[test]
    fn without_the_file_every_theme_is_its_own_and_the_warning_points_at_bronnen() {
        let gemeenten: Vec<Gemeente> = ["A", "B", "C", "D", "E"]
            .iter()
            .map(|naam| gemeente(naam, &["Taal"], &[]))
            .collect();
        let bronnen = Some(Position { line: 4, column: 5 });
        let mut diagnostics = Diagnostics::default();
        let national = National::of(&gemeenten, &Mapping::Absent, bronnen, &mut diagnostics);
        assert_eq!(names(&national), ["Taal"]);
        let warnings = diagnostics.sorted();
        assert_eq!(warnings.len(), 1);
        assert_eq!(warnings[0].file, content_file(CONFIG_FILE));
        assert_eq!(warnings[0].position, bronnen);
        assert!(
            warnings[0].message.contains("van A, B en 3 andere"),
            "{}",
            warnings[0].message
        );
    }

    #[test]
    fn mistakes_in_the_file_are_errors_at_their_place() {
        let gemeenten = [gemeente("Zwolle", &["Taal"], &[])];
        let themas = mapping(
            "- thema: Taal\n  gemeentethemas: [Taal]\n- thema: taal\n  gemeentethemas: [Lezen]\n- thema: Sport\n  gemeentethemas: []\n- omschrijving: Zonder naam.\n  gemeentethemas: [Sport]\n",
        );
        let mut diagnostics = Diagnostics::default();
        National::of(&gemeenten, &themas, None, &mut diagnostics);
        let errors: Vec<(usize, String)> = (diagnostics.sorted().into_iter())
            .filter(|d| d.code == Code::ThemaMapping)
            .map(|d| (d.position.unwrap().line, d.message))
            .collect();
        assert_eq!(
            errors,
            [
                (
                    3,
                    "het thema ‘taal’ staat twee keer in themas.yaml (ook op regel 1)".into()
                ),
                (6, "bij het thema ‘Sport’ staan geen gemeentethema's".into()),
                (7, "dit landelijke thema heeft geen naam".into()),
            ]
        );
    }

    #[test]
    fn names_are_kept_short() {
        assert_eq!(named(&["A"]), "A");
        assert_eq!(named(&["A", "B"]), "A en B");
        assert_eq!(named(&["A", "B", "C"]), "A, B en C");
        assert_eq!(named(&["A", "B", "C", "D"]), "A, B en 2 andere");
    }
}

//! The content types, one row each in [`TYPES`]: where a type's files are in `content/`, what
//! its schema is called, what editors call it, which template shows it and whether its
//! section is in the menu. Loading, the model, rendering, `gka schema` and the CMS
//! configurations read a type's facts here, so they cannot disagree about them.

use super::addendum::Addendum;
use super::agenda::Agenda;
use super::interventie::Interventie;
use super::nieuws::Nieuws;
use super::page::{Home, Page, SectionIntro};
use super::programmalijn::Programmalijn;
use super::toegankelijkheid::Toegankelijkheid;

/// A content type. Its row in [`TYPES`] holds its facts; its front-matter struct names it
/// with [`ContentKind::KIND`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    /// `index.md`.
    Home,
    /// `agenda.md`.
    Agenda,
    /// `toegankelijkheid.md`: the accessibility statement.
    Toegankelijkheid,
    /// `addenda/*.md`.
    Addendum,
    /// `interventies/*.md`.
    Interventie,
    /// `programmalijnen/*.md`.
    Programmalijn,
    /// `nieuws/*.md`: news and events.
    Nieuws,
    /// `_index.md` in any folder: the introduction of that folder's overview page.
    Section,
    /// Every other Markdown file.
    Page,
}

/// Where the files of a content type are, relative to `content/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// One file in `content/` itself, e.g. `agenda.md`.
    File(&'static str),
    /// Every Markdown file in one folder of `content/` but its `_index.md`; together they are
    /// a section with an overview page at `/<folder>/`.
    Folder {
        /// The folder, e.g. `interventies`.
        folder: &'static str,
        /// What editors call the files together, e.g. `Nieuws en evenementen`.
        plural: &'static str,
        /// The overview page's title when the folder has no `_index.md`.
        title: &'static str,
    },
    /// The `_index.md` of every folder.
    Sections,
    /// Every other Markdown file: those in `content/` itself but the single files, and those
    /// in folders of no content type.
    Pages,
}

/// The facts of one content type.
#[derive(Debug)]
pub struct ContentType {
    /// Which type this row is about.
    pub kind: Kind,
    /// Its name, as `gka schema` names its schema file (`interventie.schema.json`).
    pub name: &'static str,
    /// Where its files are.
    pub place: Place,
    /// What editors call one file of it (Dutch).
    pub label: &'static str,
    /// The theme's template that shows one document of it.
    pub template: &'static str,
    /// Whether its page (a single file) or its section's overview is in the menu and on the
    /// home page, in the order of [`TYPES`].
    pub featured: bool,
}

/// Every content type, in the order forms, schemas, the menu and the home page list them.
/// [`Kind::of`] tries the rows in this order, so the catch-all [`Place::Pages`] comes last.
pub const TYPES: [ContentType; 9] = [
    ContentType {
        kind: Kind::Home,
        name: "home",
        place: Place::File("index.md"),
        label: "Startpagina",
        template: "home.html",
        featured: false,
    },
    ContentType {
        kind: Kind::Agenda,
        name: "agenda",
        place: Place::File("agenda.md"),
        label: "GKA-Agenda",
        template: "agenda.html",
        featured: true,
    },
    ContentType {
        kind: Kind::Toegankelijkheid,
        name: "toegankelijkheid",
        place: Place::File("toegankelijkheid.md"),
        label: "Toegankelijkheidsverklaring",
        template: "toegankelijkheidsverklaring.html",
        featured: false,
    },
    ContentType {
        kind: Kind::Addendum,
        name: "addendum",
        place: Place::Folder {
            folder: "addenda",
            plural: "Addenda",
            title: "Addenda",
        },
        label: "Addendum",
        template: "addendum.html",
        featured: false,
    },
    ContentType {
        kind: Kind::Interventie,
        name: "interventie",
        place: Place::Folder {
            folder: "interventies",
            plural: "Interventies",
            title: "Interventies",
        },
        label: "Interventie",
        template: "interventie.html",
        featured: true,
    },
    ContentType {
        kind: Kind::Programmalijn,
        name: "programmalijn",
        place: Place::Folder {
            folder: "programmalijnen",
            plural: "Programmalijnen",
            title: "Programma",
        },
        label: "Programmalijn",
        template: "programmalijn.html",
        featured: true,
    },
    ContentType {
        kind: Kind::Nieuws,
        name: "nieuws",
        place: Place::Folder {
            folder: "nieuws",
            plural: "Nieuws en evenementen",
            title: "Nieuws",
        },
        label: "Nieuwsbericht of evenement",
        template: "nieuwsbericht.html",
        featured: true,
    },
    ContentType {
        kind: Kind::Section,
        name: "sectie",
        place: Place::Sections,
        label: "Inleiding van een sectie (_index.md)",
        template: "lijst.html",
        featured: false,
    },
    ContentType {
        kind: Kind::Page,
        name: "pagina",
        place: Place::Pages,
        label: "Gewone pagina",
        template: "pagina.html",
        featured: false,
    },
];

/// The name of the file that introduces a folder's overview page.
pub const SECTION_FILE: &str = "_index.md";

impl Kind {
    /// The content type of the Markdown file at `content_path` (relative to `content/`).
    pub fn of(content_path: &str) -> Kind {
        let (folder, name) = content_path.rsplit_once('/').unwrap_or(("", content_path));
        let top = content_path.split('/').next().unwrap_or("");
        let row = TYPES.iter().find(|t| match t.place {
            Place::File(file) => content_path == file,
            Place::Folder { folder: own, .. } => {
                !folder.is_empty() && top == own && name != SECTION_FILE
            }
            Place::Sections => name == SECTION_FILE,
            Place::Pages => true,
        });
        row.map_or(Kind::Page, |t| t.kind)
    }

    /// This type's row in [`TYPES`].
    pub fn info(self) -> &'static ContentType {
        TYPES
            .iter()
            .find(|t| t.kind == self)
            .expect("every kind has a row in TYPES")
    }

    /// The folder of a type whose files are in a folder of their own.
    pub fn folder(self) -> Option<&'static str> {
        match self.info().place {
            Place::Folder { folder, .. } => Some(folder),
            _ => None,
        }
    }
}

/// The types whose files are in a folder of their own, by that folder.
pub fn of_folder(folder: &str) -> Option<&'static ContentType> {
    TYPES
        .iter()
        .find(|t| matches!(t.place, Place::Folder { folder: own, .. } if own == folder))
}

/// A front-matter struct that is a content type.
pub trait ContentKind {
    /// The type whose files it reads.
    const KIND: Kind;
}

/// Names the row of each front-matter struct.
macro_rules! content_kinds {
    ($($ty:ty => $kind:ident),+ $(,)?) => {$(
        impl ContentKind for $ty {
            const KIND: Kind = Kind::$kind;
        }
    )+};
}

content_kinds!(
    Home => Home,
    Agenda => Agenda,
    Toegankelijkheid => Toegankelijkheid,
    Addendum => Addendum,
    Interventie => Interventie,
    Programmalijn => Programmalijn,
    Nieuws => Nieuws,
    SectionIntro => Section,
    Page => Page,
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_sorted_into_types_by_place() {
        for (path, kind) in [
            ("index.md", Kind::Home),
            ("agenda.md", Kind::Agenda),
            ("toegankelijkheid.md", Kind::Toegankelijkheid),
            ("addenda/2021-2024.md", Kind::Addendum),
            ("interventies/kansrijk.md", Kind::Interventie),
            ("interventies/_index.md", Kind::Section),
            ("programmalijnen/lijn-1.md", Kind::Programmalijn),
            ("nieuws/bijeenkomst.md", Kind::Nieuws),
            ("_index.md", Kind::Section),
            ("nieuws.md", Kind::Page),
            ("over/index.md", Kind::Page),
            ("over/agenda.md", Kind::Page),
            ("contact.md", Kind::Page),
        ] {
            assert_eq!(Kind::of(path), kind, "{path}");
        }
    }

    #[test]
    fn every_kind_has_one_row_and_names_and_folders_are_unique() {
        let mut names: Vec<_> = TYPES.iter().map(|t| t.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), TYPES.len());
        for row in &TYPES {
            assert_eq!(TYPES.iter().filter(|t| t.kind == row.kind).count(), 1);
            assert_eq!(row.kind.info().name, row.name);
            if let Some(folder) = row.kind.folder() {
                assert_eq!(of_folder(folder).map(|t| t.kind), Some(row.kind));
            }
        }
        assert_eq!(TYPES.last().map(|t| t.place), Some(Place::Pages));
    }
}

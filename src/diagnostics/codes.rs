//! Stable diagnostic codes. Each code names one kind of problem; `docs/errors.md` (Dutch) and
//! `docs/errors.en.md` explain every code with an example and the fix, and `tests/codes.rs`
//! keeps them in step with what gka prints. Codes are never reused for another meaning: retire a
//! code rather than change it.

use super::Severity;

macro_rules! codes {
    ($($(#[doc = $doc:literal])+ $name:ident = $code:literal,)+) => {
        /// The kind of a diagnostic, with a stable code such as `GKA-E007`.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[doc = $doc])+ $name,)+
        }

        impl Code {
            /// Every code, in order.
            pub const ALL: &[Code] = &[$(Code::$name,)+];

            /// The stable code, e.g. `GKA-E007`.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$name => $code,)+
                }
            }
        }
    };
}

codes! {
    /// A file or folder could not be read.
    Io = "GKA-E001",
    /// A file is not valid UTF-8 text.
    NotUtf8 = "GKA-E002",
    /// A Markdown file does not start with a front-matter block.
    FrontMatterMissing = "GKA-E003",
    /// A front-matter block is never closed.
    FrontMatterUnclosed = "GKA-E004",
    /// The YAML of the front matter or of `site.yaml` cannot be read.
    YamlSyntax = "GKA-E005",
    /// The front matter is not a mapping of keys to values.
    NotAMapping = "GKA-E006",
    /// A key is not one this content type knows.
    UnknownKey = "GKA-E007",
    /// A value has the wrong type, e.g. a list where text is expected.
    WrongType = "GKA-E008",
    /// A required key is missing.
    MissingKey = "GKA-E009",
    /// A value is not one of the allowed words, e.g. `status: misschien`.
    NotAllowed = "GKA-E010",
    /// A value does not have the required form: a date, age range, period or year.
    InvalidValue = "GKA-E011",
    /// A file the site needs is missing: `content/site.yaml`, `content/index.md`, `content/`.
    MissingFile = "GKA-E012",
    /// A file, a front matter, a YAML alias expansion or the nesting of a body exceeds a safety
    /// limit.
    TooLarge = "GKA-E013",
    /// A file name or path cannot be used: not UTF-8, or with control characters or backslashes.
    BadFileName = "GKA-E014",
    /// A symbolic link in the site points outside the site's folder.
    LinkOutsideSite = "GKA-E015",
    /// A file contains an invisible control character (other than a tab or a line end).
    ControlCharacter = "GKA-E016",
    /// `base_url` is missing or not a full `http(s)://` address.
    BaseUrl = "GKA-E020",
    /// A `slug` cannot be used in a URL.
    BadSlug = "GKA-E021",
    /// Two documents claim the same URL.
    UrlTaken = "GKA-E022",
    /// A document claims a URL that gka writes itself (`/themas/`, `/static/`, …).
    UrlReserved = "GKA-E023",
    /// An alias is not a path on this site.
    BadAlias = "GKA-E024",
    /// An alias would hide a page or is claimed twice.
    AliasConflict = "GKA-E025",
    /// A theme (`themas`) is not one of the agenda's themes.
    UnknownThema = "GKA-E026",
    /// Two agenda themes would get the same URL.
    DuplicateThema = "GKA-E027",
    /// An addendum names an interventie that does not exist.
    UnknownInterventie = "GKA-E028",
    /// Two programmalijnen have the same `nummer`.
    DuplicateNummer = "GKA-E029",
    /// An interventie's `erkenning` has a level that its `databank` does not award.
    ErkenningNiveau = "GKA-E031",
    /// Two things would be written to one file of the site.
    OutputClash = "GKA-E032",
    /// An internal link points to no page or file of the site.
    BrokenLink = "GKA-E040",
    /// An internal link points to a draft that is left out of the build.
    LinkToDraft = "GKA-E041",
    /// A `#fragment` names no heading on the page it points to.
    BrokenFragment = "GKA-E042",
    /// A link uses a scheme other than http, https, mailto or tel, or is empty.
    UnsafeLink = "GKA-E043",
    /// An image has no alt text.
    ImageWithoutAlt = "GKA-E044",
    /// A photo a body shows cannot be read, is not a JPEG, PNG or WebP image, or has too many
    /// pixels.
    BrokenImage = "GKA-E045",
    /// A link points at the original file of a photo that a body shows, which is not
    /// published (`afbeeldingen: { originelen: false }`, the default).
    OriginalNotPublished = "GKA-E046",
    /// A document's `afbeelding` cannot be shown: its file is no JPEG, PNG or WebP file of the
    /// site, or it has alt text and is marked decorative too.
    BadAfbeelding = "GKA-E047",
    /// A setting in `site.yaml` has a value gka cannot use (house style, security contact, …).
    BadSetting = "GKA-E030",
    /// The theme named in `site.yaml`, or a theme it extends, does not exist or has no templates.
    ThemeMissing = "GKA-E050",
    /// A template cannot be compiled or rendered.
    Template = "GKA-E051",
    /// Themes extend each other in a circle.
    ThemeCycle = "GKA-E052",
    /// A theme's `theme.yaml` names a stylesheet that the theme does not have.
    ThemeFile = "GKA-E053",
    /// A source in `bronnen` of `site.yaml` cannot be used: it has neither or both of `adres`
    /// and `map`, an address that is not `https://`, a folder that is not a site, or the name
    /// of a gemeente listed before.
    SourceSetting = "GKA-E060",
    /// `content/themas.yaml` of a national site has a mistake: a national theme without a
    /// name, named twice, or without gemeente themes, or a gemeente theme without a name.
    ThemaMapping = "GKA-E061",
    /// A file outside `content/static/` that is not Markdown is not published.
    NotPublished = "GKA-W001",
    /// An addendum names an interventie that is a draft.
    ReferenceToDraft = "GKA-W002",
    /// A level-1 heading (`#`) in a body: the title is the page's only `h1`.
    HeadingLevelOne = "GKA-W003",
    /// A heading skips a level, e.g. `####` after `##`.
    SkippedHeadingLevel = "GKA-W004",
    /// A link's text says nothing about its target ("Lees verder", "klik hier", a bare URL).
    VagueLinkText = "GKA-W005",
    /// A symbolic link to a folder inside the site is not followed.
    FolderLinkIgnored = "GKA-W006",
    /// `security.txt` would stay valid for more than a year (RFC 9116 advises less).
    LongExpiry = "GKA-W007",
    /// Placeholder text marked `TODO:` is still in the content.
    Todo = "GKA-W008",
    /// A folder that gka left beside the output, the previous output or one of an interrupted
    /// build, cannot be removed.
    LeftoverFolder = "GKA-W009",
    /// An event (`soort: evenement`) without a `locatie`.
    EventWithoutPlace = "GKA-W010",
    /// A ` #` after a text in YAML starts a comment, which cuts the text short.
    CommentAfterValue = "GKA-W011",
    /// A link points at a file (a document or an image) at or over the size set in
    /// `site.yaml` (`downloads: { waarschuwing_vanaf: … }`, 10 MB by default).
    HeavyFile = "GKA-W012",
    /// The site's own copy of a theme gka carries is older than gka's own.
    OlderThemeCopy = "GKA-W050",
    /// A national site's source could not be fetched: unreachable, too slow, too large or an
    /// HTTP error. Its last good copy stays in use.
    SourceUnavailable = "GKA-W060",
    /// A national site's source is not gka open data of a version this gka reads. Its last
    /// good copy stays in use.
    SourceInvalid = "GKA-W061",
    /// A national site's source has no copy yet: `gka bronnen` has not fetched it.
    SourceNotFetched = "GKA-W062",
    /// A national site's source is a folder with a site that has errors; the national site
    /// leaves the gemeente out until they are fixed.
    SourceSiteErrors = "GKA-W063",
    /// A gemeente theme that no national theme of `content/themas.yaml` takes: it is shown as
    /// a national theme of its own.
    UnmappedGemeenteThema = "GKA-W064",
    /// A gemeente theme in `content/themas.yaml` that no gemeente uses, most likely a typo.
    UnusedGemeenteThema = "GKA-W065",
}

impl Code {
    /// Errors stop the build; warnings do not, unless `--strict`.
    pub fn severity(self) -> Severity {
        if self.as_str().starts_with("GKA-W") {
            Severity::Warning
        } else {
            Severity::Error
        }
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = HashSet::new();
        for code in Code::ALL {
            let text = code.as_str();
            assert!(seen.insert(text), "{text} is used twice");
            assert!(
                text.len() == 8 && (text.starts_with("GKA-E") || text.starts_with("GKA-W")),
                "{text}"
            );
        }
    }
}

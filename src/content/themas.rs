//! `content/themas.yaml` of a national site: the national themes, each taking the gemeenten's
//! own themes (of their agendas and interventies) that belong to it. The national editors keep
//! it; only a site with `bronnen` reads it.

use std::path::Path;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::front_matter::{self, LineMap};
use super::{read_text, to_diagnostics, todo};
use crate::diagnostics::{Diagnostic, relative};

/// The file in `content/` that maps the gemeenten's themes to national ones.
pub const THEMAS_FILE: &str = "themas.yaml";

/// One national theme as `content/themas.yaml` lists it. Its name and its list of themes are
/// optional here so that a missing one is said as a mistake of this file (`GKA-E061`), with
/// its place, rather than as the parser's.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LandelijkThema {
    /// The national theme's name, e.g. `Taal en lezen`.
    #[serde(default)]
    pub thema: Option<Spanned<String>>,
    /// A sentence about it, shown on its page.
    #[serde(default)]
    pub omschrijving: Option<Spanned<String>>,
    /// The gemeenten's themes it takes, matched by slug.
    #[serde(default)]
    pub gemeentethemas: Option<Spanned<Vec<Spanned<String>>>>,
    /// Where the entry starts, for mistakes of the entry as a whole.
    #[serde(skip)]
    pub at: Option<crate::diagnostics::Position>,
}

/// What a national site has of `content/themas.yaml`.
#[derive(Debug, Clone, Default)]
pub enum Mapping {
    /// There is no such file: every gemeente theme is a national theme of its own.
    #[default]
    Absent,
    /// The file is there but could not be read; its problems are reported, and the themes
    /// it would map are not said to be unmapped.
    Unreadable,
    /// The national themes, in the file's order.
    Read(Vec<LandelijkThema>),
}

/// Reads `content/themas.yaml` at `path` (in the site at `root`), adding its problems (and its
/// to-dos) to `diagnostics`.
pub fn read(root: &Path, path: &Path, diagnostics: &mut Vec<Diagnostic>) -> Mapping {
    let rel = relative(root, path);
    let text = match read_text(&rel, path) {
        Ok(text) => text,
        Err(found) => {
            diagnostics.extend(found);
            return Mapping::Unreadable;
        }
    };
    diagnostics.extend(todo::find(&rel, &text));
    let lines = LineMap { first_line: 1 };
    diagnostics.extend(to_diagnostics(
        &rel,
        front_matter::cut_by_comment(&text, lines),
    ));
    match parse(&text, lines) {
        Ok(themas) => Mapping::Read(themas),
        Err(err) => {
            diagnostics.extend(to_diagnostics(&rel, vec![err]));
            Mapping::Unreadable
        }
    }
}

/// The national themes in `text`; an empty file (or one of comments alone) lists none.
pub(crate) fn parse(
    text: &str,
    lines: LineMap,
) -> Result<Vec<LandelijkThema>, front_matter::YamlError> {
    let blank = text
        .lines()
        .all(|line| line.trim().is_empty() || line.trim_start().starts_with('#'));
    if blank {
        return Ok(Vec::new());
    }
    let themas: Vec<Spanned<LandelijkThema>> = front_matter::parse(text, lines)?;
    Ok(themas
        .into_iter()
        .map(|spanned| LandelijkThema {
            at: lines.of(&spanned),
            ..spanned.value
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Code;

    const LINES: LineMap = LineMap { first_line: 1 };

    #[test]
    fn reads_themes_with_their_places() {
        let text = "- thema: Taal en lezen\n  omschrijving: Goed leren lezen.\n  gemeentethemas:\n    - Taal\n    - Versterken van taal\n- thema: Sport\n  gemeentethemas: [Bewegen]\n";
        let themas = parse(text, LINES).unwrap();
        assert_eq!(themas.len(), 2);
        let taal = &themas[0];
        assert_eq!(taal.thema.as_ref().unwrap().value, "Taal en lezen");
        assert_eq!(taal.at.unwrap().line, 1);
        let gemeentethemas = &taal.gemeentethemas.as_ref().unwrap().value;
        assert_eq!(gemeentethemas[1].value, "Versterken van taal");
        assert_eq!(LINES.of(&gemeentethemas[1]).unwrap().line, 5);
        assert_eq!(themas[1].at.unwrap().line, 6);
    }

    #[test]
    fn an_empty_file_lists_no_themes() {
        assert!(parse("", LINES).unwrap().is_empty());
        assert!(parse("# nog leeg\n\n", LINES).unwrap().is_empty());
    }

    #[test]
    fn an_unknown_key_is_the_usual_mistake() {
        let err = parse("- thema: Taal\n  gemeenthemas: [Taal]\n", LINES).unwrap_err();
        assert_eq!(err.code, Code::UnknownKey);
        assert_eq!(err.position.unwrap().line, 2);
    }
}

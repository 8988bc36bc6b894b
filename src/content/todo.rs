//! To-dos: text that `gka new` (or an author) left as a placeholder, marked `TODO:`.
//!
//! The scan runs on the raw text of every Markdown file and of `site.yaml` while they are
//! loaded, so a to-do is found wherever it is: in a front-matter value, a YAML comment or the
//! body. Each one is a warning (`GKA-W008`): the site still builds, and `gka check --strict`
//! lists what is left to write before publishing.

use std::path::Path;

use crate::diagnostics::{Code, Diagnostic, Position};

/// The marker of a to-do, exactly as written (upper case, with the colon).
pub const MARKER: &str = "TODO:";

/// The longest excerpt of a to-do's text that a message quotes, in characters.
const EXCERPT: usize = 60;

/// One warning per `TODO:` in `text`, the file `rel`, with its line and column.
pub fn find(rel: &Path, text: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    for (index, line) in text.lines().enumerate() {
        let mut from = 0;
        while let Some(at) = line[from..].find(MARKER) {
            let start = from + at;
            let column = line[..start].chars().count() + 1;
            let rest = line[start + MARKER.len()..]
                .trim()
                .trim_end_matches(['"', '\''])
                .trim();
            let mut excerpt: String = rest.chars().take(EXCERPT).collect();
            if rest.chars().count() > EXCERPT {
                excerpt.push('…');
            }
            found.push(
                Diagnostic::new(
                    Code::Todo,
                    rel,
                    Some(Position {
                        line: index + 1,
                        column,
                    }),
                    t!("todo-tekst", excerpt = excerpt),
                )
                .with_hint(t!("todo-hint")),
            );
            from = start + MARKER.len();
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_marker_with_its_position() {
        let text = "---\ntitel: \"TODO: de titel\"\n---\n\nTekst. TODO: meer tekst\ntodo: niet\n";
        let found = find(Path::new("content/x.md"), text);
        let places: Vec<_> = found
            .iter()
            .map(|d| {
                (
                    d.position.unwrap().line,
                    d.position.unwrap().column,
                    &*d.message,
                )
            })
            .collect();
        assert_eq!(
            places,
            [
                (2, 9, "nog in te vullen: de titel"),
                (5, 8, "nog in te vullen: meer tekst")
            ]
        );
        assert!(found.iter().all(|d| d.code == Code::Todo));
    }
}

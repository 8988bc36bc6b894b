//! `gka uitleg`: the explanation of a diagnostic code, as `rustc --explain` gives one.
//!
//! A gemeente's site has no copy of gka's documentation, and gka has no published address to
//! link to, so the explanations travel inside the binary: `docs/errors.md` (Dutch) and
//! `docs/errors.en.md` (English) are compiled in and cut into one section per code. Whatever
//! version of gka a site runs, the explanation is the one of that version. Four guides come
//! along for the same reason, each asked for by a word ([`GUIDES`]): the keys of every content
//! type (`docs/content.md`), the theme and its design tokens (`docs/thema.md`), the values
//! templates can use (`docs/templates.md`), as this very version reads them, and what a
//! gemeente publishes for the national site (`docs/landelijk-voor-gemeenten.md`).

use std::fmt;

use crate::diagnostics::Code;
use crate::i18n::Lang;

const ERRORS_NL: &str = include_str!("../docs/errors.md");
const ERRORS_EN: &str = include_str!("../docs/errors.en.md");

/// A guide of gka's documentation that a site's editors need without having gka's source.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Guide {
    /// The keys of every content type, with examples (`docs/content.md`, Dutch).
    Content,
    /// Themes, the house style and the design tokens the theme reads (`docs/thema.md`, Dutch).
    Theme,
    /// What templates can use (`docs/templates.md`, English).
    Templates,
    /// What a gemeente publishes for the national site (`docs/landelijk-voor-gemeenten.md`,
    /// Dutch).
    Landelijk,
}

/// Every guide with the word that asks for it (Dutch, as the editors' language) and the
/// English word that is accepted too, in the order `gka uitleg` lists them.
pub const GUIDES: &[(Guide, &str, &str)] = &[
    (Guide::Content, "inhoud", "content"),
    (Guide::Theme, "thema", "theme"),
    (Guide::Templates, "sjablonen", "templates"),
    (Guide::Landelijk, "landelijk", "national"),
];

impl Guide {
    /// The word that asks for this guide.
    pub fn word(self) -> &'static str {
        GUIDES
            .iter()
            .find(|(guide, _, _)| *guide == self)
            .map_or("", |(_, word, _)| word)
    }

    fn text(self) -> &'static str {
        match self {
            Guide::Content => include_str!("../docs/content.md"),
            Guide::Theme => include_str!("../docs/thema.md"),
            Guide::Templates => include_str!("../docs/templates.md"),
            Guide::Landelijk => include_str!("../docs/landelijk-voor-gemeenten.md"),
        }
    }
}

/// What `gka uitleg` can explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    /// One diagnostic code.
    Code(Code),
    /// One of the [`GUIDES`].
    Guide(Guide),
}

/// Why a word given to `gka uitleg` names nothing it can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unknown {
    /// The word looks like no code (and names no guide).
    NotACode(String),
    /// The word has the form of a code, but gka has no code of that number.
    NoSuchCode(String),
    /// A number without `E` or `W`, which stands for an error and a warning alike.
    Ambiguous(String, Vec<Code>),
}

impl fmt::Display for Unknown {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Unknown::NotACode(word) => f.write_str(&t!("uitleg-geen-code", word = word)),
            Unknown::NoSuchCode(code) => f.write_str(&t!("uitleg-onbekende-code", code = code)),
            Unknown::Ambiguous(word, _) => f.write_str(&t!("uitleg-welke-code", word = word)),
        }
    }
}

impl Unknown {
    /// How to ask it right: the codes that were probably meant, or how codes look.
    pub fn hint(&self) -> String {
        match self {
            Unknown::Ambiguous(_, codes) => {
                let codes: Vec<&str> = codes.iter().map(|c| c.as_str()).collect();
                let codes = codes.join(&format!(" {} ", t!("cli-of")));
                t!("uitleg-kies-code", codes = codes)
            }
            _ => t!("uitleg-vorm", guides = guide_words()),
        }
    }
}

/// The words of the guides, as a list to show: `inhoud, thema, sjablonen, landelijk`.
pub fn guide_words() -> String {
    (GUIDES.iter())
        .map(|(_, word, _)| *word)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads what was asked: a code written in full (`GKA-E007`), without `GKA-` (`E007`), in
/// lower case or without leading zeros (`e7`), or the word of a guide (Dutch or English).
/// A bare number (`7`) is a mistake with a hint naming the codes it could be, since both an
/// error and a warning can have that number.
pub fn parse(word: &str) -> Result<Topic, Unknown> {
    let trimmed = word.trim();
    let lower = trimmed.to_lowercase();
    if let Some((guide, _, _)) = (GUIDES.iter()).find(|(_, nl, en)| lower == *nl || lower == *en) {
        return Ok(Topic::Guide(*guide));
    }
    let rest = lower
        .strip_prefix("gka-")
        .or_else(|| lower.strip_prefix("gka"))
        .unwrap_or(&lower);
    let (kind, digits) = match rest.chars().next() {
        Some(letter @ ('e' | 'w')) => (Some(letter.to_ascii_uppercase()), &rest[1..]),
        _ => (None, rest),
    };
    let number = match digits.parse::<u16>() {
        Ok(n) if (1..=3).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) => n,
        _ => return Err(Unknown::NotACode(trimmed.to_string())),
    };
    let with = |letter: char| format!("GKA-{letter}{number:03}");
    let find = |code: &str| Code::ALL.iter().copied().find(|c| c.as_str() == code);
    match kind {
        Some(letter) => find(&with(letter))
            .map(Topic::Code)
            .ok_or_else(|| Unknown::NoSuchCode(with(letter))),
        None => {
            let candidates: Vec<Code> = ['E', 'W']
                .into_iter()
                .filter_map(|l| find(&with(l)))
                .collect();
            match candidates.as_slice() {
                [] => Err(Unknown::NotACode(trimmed.to_string())),
                _ => Err(Unknown::Ambiguous(trimmed.to_string(), candidates)),
            }
        }
    }
}

/// The text of a topic in `lang`, as the documentation has it (Markdown, which reads well in a
/// terminal too). The guides are in one language each, whatever `lang` is.
pub fn text(topic: Topic, lang: Lang) -> &'static str {
    match topic {
        Topic::Code(code) => section(code, lang).unwrap_or_default(),
        Topic::Guide(guide) => guide.text().trim_end(),
    }
}

/// The one-line title of `code`: the bold line that starts its explanation.
pub fn title(code: Code, lang: Lang) -> &'static str {
    section(code, lang)
        .and_then(|text| text.lines().find(|line| line.starts_with("**")))
        .map_or("", |line| line.trim().trim_matches('*'))
}

/// The explanation of `code` in `lang`: from its heading `## GKA-E007` up to the next heading
/// of that level. `None` only for a code the documents lack, which `tests/codes.rs` and the
/// tests below rule out.
fn section(code: Code, lang: Lang) -> Option<&'static str> {
    let doc = match lang {
        Lang::Nl => ERRORS_NL,
        Lang::En => ERRORS_EN,
    };
    let start = doc.find(&format!("\n## {code}\n"))? + 1;
    let body = &doc[start..];
    let end = body[3..].find("\n## ").map_or(body.len(), |end| end + 4);
    Some(body[..end].trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_read_in_every_usual_form() {
        for word in ["GKA-E007", "gka-e007", "E007", "e7", " E07 ", "GKAE007"] {
            assert_eq!(parse(word), Ok(Topic::Code(Code::UnknownKey)), "{word}");
        }
        assert_eq!(parse("w50"), Ok(Topic::Code(Code::OlderThemeCopy)));
        assert_eq!(parse("Sjablonen"), Ok(Topic::Guide(Guide::Templates)));
        assert_eq!(parse("templates"), Ok(Topic::Guide(Guide::Templates)));
        assert_eq!(parse("thema"), Ok(Topic::Guide(Guide::Theme)));
        assert_eq!(parse("content"), Ok(Topic::Guide(Guide::Content)));
        assert_eq!(parse("national"), Ok(Topic::Guide(Guide::Landelijk)));
    }

    #[test]
    fn a_bare_number_names_the_codes_it_could_be() {
        assert_eq!(
            parse("7"),
            Err(Unknown::Ambiguous(
                "7".into(),
                vec![Code::UnknownKey, Code::LongExpiry]
            ))
        );
        // Only an error has number 20; still not guessed, since a warning may get it later.
        assert_eq!(
            parse("020"),
            Err(Unknown::Ambiguous("020".into(), vec![Code::BaseUrl]))
        );
    }

    #[test]
    fn other_words_are_no_codes() {
        assert_eq!(parse("E999"), Err(Unknown::NoSuchCode("GKA-E999".into())));
        for word in ["", "E", "E0007", "X007", "E-7", "E+7", "fout", "999"] {
            assert!(
                matches!(parse(word), Err(Unknown::NotACode(_))),
                "{word}: {:?}",
                parse(word)
            );
        }
    }

    #[test]
    fn every_code_has_a_titled_explanation_in_both_languages() {
        for lang in Lang::ALL {
            for code in Code::ALL {
                let text = text(Topic::Code(*code), lang);
                assert!(text.starts_with(&format!("## {code}\n")), "{code}: {text}");
                assert!(!text.contains("\n## "), "{code} runs into the next code");
                assert!(!title(*code, lang).is_empty(), "{code} has no title");
            }
        }
        assert_eq!(
            title(Code::UnknownKey, Lang::Nl),
            "Een sleutel die gka bij dit soort pagina niet kent."
        );
    }
}

//! The language gka speaks: plain Dutch by default, English when asked (`--lang en` or
//! `GKA_LANG=en`), never guessed from the system, since many Dutch communicators run an
//! English system and CI runners default to English.
//!
//! Every text a person reads lives in a Fluent catalogue per language, `src/i18n/<lang>/`,
//! compiled into the binary; code names a text by its id ([`t!`]). A test checks that both
//! catalogues have the same ids with the same placeholders, and that every id the code uses
//! exists.

use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

use fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./src/i18n",
        fallback_language: "nl",
        // Fluent wraps placeholders in invisible isolation marks by default; they would end
        // up in terminals, file paths and generated files.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language gka speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// Dutch, the default.
    #[default]
    Nl,
    /// English.
    En,
}

/// The environment variable that picks the language when no flag does.
pub const ENV: &str = "GKA_LANG";

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    /// Reads a language code as given to `--lang` or [`ENV`]: `nl` or `en` (case and a
    /// region such as `en-GB` do not matter).
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        match code.split(['-', '_']).next() {
            Some("nl") => Some(Lang::Nl),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    }

    /// Its code: `nl` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    fn id(self) -> LanguageIdentifier {
        match self {
            Lang::Nl => langid!("nl"),
            Lang::En => langid!("en"),
        }
    }
}

static CURRENT: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this process, once, before anything is said; later calls change
/// nothing. Without it, gka speaks Dutch.
pub fn set(lang: Lang) {
    let _ = CURRENT.set(lang);
}

/// The language of this process.
pub fn current() -> Lang {
    CURRENT.get().copied().unwrap_or_default()
}

/// The text `id` in the current language, with `args` filled in.
pub fn text(id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    text_in(current(), id, args)
}

/// The text `id` in `lang`, with `args` filled in. An id missing from the catalogue (a test
/// prevents it) shows as the id itself rather than failing.
pub fn text_in(lang: Lang, id: &str, args: &[(&'static str, FluentValue<'static>)]) -> String {
    let args: HashMap<Cow<'static, str>, FluentValue> = args
        .iter()
        .map(|(key, value)| (Cow::Borrowed(*key), value.clone()))
        .collect();
    LOCALES
        .try_lookup_with_args(&lang.id(), id, &args)
        .unwrap_or_else(|| id.to_string())
}

/// `value` with `digits` decimals, written as the current language writes numbers (`0,25`
/// in Dutch, `0.25` in English).
pub fn decimal(value: f64, digits: usize) -> String {
    format!("{value:.digits$}").replace('.', &text("decimaalteken", &[]))
}

/// Why a file operation failed, in the current language. The system's own text is English
/// whatever language gka speaks, so the usual kinds get a catalogue text; a rare kind keeps
/// the system's text, which is still better than nothing.
pub fn io_error(err: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match err.kind() {
        ErrorKind::NotFound => crate::t!("io-bestaat-niet"),
        ErrorKind::PermissionDenied => crate::t!("io-geen-toestemming"),
        ErrorKind::StorageFull => crate::t!("io-schijf-vol"),
        ErrorKind::ReadOnlyFilesystem => crate::t!("io-alleen-lezen"),
        ErrorKind::IsADirectory => crate::t!("io-is-een-map"),
        ErrorKind::NotADirectory => crate::t!("io-geen-map"),
        ErrorKind::InvalidFilename => crate::t!("io-naam-ongeldig"),
        _ => err.to_string(),
    }
}

/// The text with id `$id` in the current language: `t!("klaar-gecontroleerd", pages = 3)`. Arguments
/// are numbers or anything that displays as text.
#[macro_export]
macro_rules! t {
    ($id:literal) => {
        $crate::i18n::text($id, &[])
    };
    ($id:literal, $($key:ident = $value:expr),+ $(,)?) => {
        $crate::i18n::text(
            $id,
            &[$((stringify!($key), $crate::i18n::Arg::from($value).0)),+],
        )
    };
}

/// A value for a placeholder: a number stays a number (Fluent picks the plural form from
/// it), anything else becomes text.
pub struct Arg(pub FluentValue<'static>);

macro_rules! number_args {
    ($($ty:ty),*) => {$(
        impl From<$ty> for Arg {
            fn from(value: $ty) -> Arg {
                Arg(FluentValue::from(value))
            }
        }
    )*};
}
number_args!(usize, u64, u32, i64, i32, f64);

impl From<&str> for Arg {
    fn from(value: &str) -> Arg {
        Arg(FluentValue::from(value.to_string()))
    }
}

impl From<String> for Arg {
    fn from(value: String) -> Arg {
        Arg(FluentValue::from(value))
    }
}

impl From<&String> for Arg {
    fn from(value: &String) -> Arg {
        Arg(FluentValue::from(value.clone()))
    }
}

impl From<std::path::Display<'_>> for Arg {
    fn from(value: std::path::Display<'_>) -> Arg {
        Arg(FluentValue::from(value.to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_syntax::ast;

    /// Each message id of a catalogue with the placeholders (`{ $name }`) its text uses.
    fn catalogue(lang: Lang) -> BTreeMap<String, BTreeSet<String>> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("src/i18n")
            .join(lang.code());
        let mut messages = BTreeMap::new();
        for entry in std::fs::read_dir(&dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let resource = fluent_syntax::parser::parse(text.as_str())
                .unwrap_or_else(|(_, errors)| panic!("{}: {errors:?}", dir.display()));
            for entry in resource.body {
                if let ast::Entry::Message(message) = entry {
                    let mut names = BTreeSet::new();
                    if let Some(pattern) = &message.value {
                        placeholders(pattern, &mut names);
                    }
                    let id = message.id.name.to_string();
                    assert!(messages.insert(id.clone(), names).is_none(), "{id} twice");
                }
            }
        }
        messages
    }

    fn placeholders(pattern: &ast::Pattern<&str>, names: &mut BTreeSet<String>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_placeholders(expression, names);
            }
        }
    }

    fn expression_placeholders(expression: &ast::Expression<&str>, names: &mut BTreeSet<String>) {
        match expression {
            ast::Expression::Inline(inline) => inline_placeholders(inline, names),
            ast::Expression::Select { selector, variants } => {
                inline_placeholders(selector, names);
                for variant in variants {
                    placeholders(&variant.value, names);
                }
            }
        }
    }

    fn inline_placeholders(inline: &ast::InlineExpression<&str>, names: &mut BTreeSet<String>) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                names.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_placeholders(expression, names)
            }
            _ => {}
        }
    }

    #[test]
    fn both_catalogues_have_every_message_with_the_same_placeholders() {
        let dutch = catalogue(Lang::Nl);
        let english = catalogue(Lang::En);
        let only = |a: &BTreeMap<_, _>, b: &BTreeMap<String, _>| -> Vec<String> {
            a.keys().filter(|k| !b.contains_key(*k)).cloned().collect()
        };
        assert_eq!(
            only(&dutch, &english),
            Vec::<String>::new(),
            "only in Dutch"
        );
        assert_eq!(
            only(&english, &dutch),
            Vec::<String>::new(),
            "only in English"
        );
        for (id, names) in &dutch {
            assert_eq!(names, &english[id], "placeholders of {id}");
        }
    }

    #[test]
    fn every_text_the_code_names_is_in_the_catalogue() {
        let dutch = catalogue(Lang::Nl);
        let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut missing = Vec::new();
        for entry in walkdir::WalkDir::new(&src) {
            let entry = entry.unwrap();
            if entry.path().extension().is_none_or(|e| e != "rs") {
                continue;
            }
            let code = std::fs::read_to_string(entry.path()).unwrap();
            for (at, _) in code.match_indices("t!(\"") {
                // Not the end of another macro's name, such as `format!(`.
                let before = code[..at].chars().next_back();
                if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                    continue;
                }
                let id = code[at + 4..].split('"').next().unwrap();
                if !dutch.contains_key(id) {
                    missing.push(format!("{}: {id}", entry.path().display()));
                }
            }
        }
        assert!(missing.is_empty(), "not in the catalogue: {missing:#?}");
    }

    #[test]
    fn placeholders_and_plurals_are_filled_in() {
        let one = text_in(
            Lang::Nl,
            "klaar-gebouwd",
            &[
                ("pages", FluentValue::from(1)),
                ("files", FluentValue::from(3)),
                ("folder", FluentValue::from("public")),
                ("seconds", FluentValue::from("0,10")),
            ],
        );
        assert_eq!(one, "1 pagina (3 bestanden) gemaakt in public in 0,10 s");
        let many = text_in(
            Lang::En,
            "klaar-gebouwd",
            &[
                ("pages", FluentValue::from(2)),
                ("files", FluentValue::from(1)),
                ("folder", FluentValue::from("public")),
                ("seconds", FluentValue::from("0.10")),
            ],
        );
        assert_eq!(many, "Built 2 pages (1 file) into public in 0.10 s");
    }

    #[test]
    fn file_errors_are_said_in_the_language_and_rare_ones_keep_the_system_text() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_error(&missing),
            text_in(current(), "io-bestaat-niet", &[])
        );
        assert_ne!(io_error(&missing), missing.to_string());
        let rare = std::io::Error::other("disk on fire");
        assert_eq!(io_error(&rare), "disk on fire");
    }

    #[test]
    fn languages_are_read_from_their_codes() {
        assert_eq!(Lang::parse("en"), Some(Lang::En));
        assert_eq!(Lang::parse("EN-gb"), Some(Lang::En));
        assert_eq!(Lang::parse("nl_NL"), Some(Lang::Nl));
        assert_eq!(Lang::parse("de"), None);
    }
}

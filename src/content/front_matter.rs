//! Front matter: splitting a Markdown file into its YAML block and its body, and reading that
//! YAML into typed structs.
//!
//! This is the only module that knows the YAML library. Every location it reports is a
//! position in the Markdown file itself, not in the YAML block, so editors can jump to it.

use std::collections::BTreeSet;

use serde::de::{self, DeserializeOwned, IgnoredAny, MapAccess, Visitor};
use serde_saphyr::{Location, Options, Spanned};

use crate::diagnostics::{Code, Position};

/// A Markdown file cut into its front matter and its body.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Split<'a> {
    /// The YAML between the `---` lines.
    pub yaml: &'a str,
    /// The file line on which the YAML starts (the line after the opening `---`).
    pub yaml_line: usize,
    /// The Markdown after the closing `---` line.
    pub body: &'a str,
}

/// Why a file has no usable front matter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SplitError {
    /// The file does not start with a `---` line.
    Missing,
    /// The opening `---` has no closing `---`.
    Unclosed,
}

impl std::fmt::Display for SplitError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&match self {
            SplitError::Missing => t!("fm-ontbreekt"),
            SplitError::Unclosed => t!("fm-niet-gesloten"),
        })
    }
}

impl std::error::Error for SplitError {}

/// Splits `text` (with `\n` line endings and no byte-order mark) at its `---` lines.
pub fn split(text: &str) -> Result<Split<'_>, SplitError> {
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| (text == "---").then_some(""))
        .ok_or(SplitError::Missing)?;
    let mut offset = 0;
    for line in rest.split_inclusive('\n') {
        if line.trim_end() == "---" {
            return Ok(Split {
                yaml: &rest[..offset],
                yaml_line: 2,
                body: &rest[offset + line.len()..],
            });
        }
        offset += line.len();
    }
    Err(SplitError::Unclosed)
}

/// A problem reading YAML, with its position in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    /// What kind of problem.
    pub code: Code,
    /// Where the problem is, when the parser knows.
    pub position: Option<Position>,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we can tell.
    pub hint: Option<String>,
}

/// Maps positions in a YAML block to positions in the file that contains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineMap {
    /// The file line on which the YAML block starts.
    pub first_line: usize,
}

impl LineMap {
    /// The file position of a location inside the YAML block.
    pub fn position(self, location: Location) -> Option<Position> {
        let (line, column) = (location.line() as usize, location.column() as usize);
        (line > 0).then(|| Position {
            line: line + self.first_line - 1,
            column: column.max(1),
        })
    }

    /// The file position where a spanned value was written.
    pub fn of<T>(self, spanned: &Spanned<T>) -> Option<Position> {
        self.position(spanned.referenced)
    }
}

/// How many YAML events aliases (`*name`) may replay in one block. Front matter is at most
/// 64 KiB of keys, so honest repetition stays far below this; an alias bomb ("billion laughs")
/// hits it after a few milliseconds instead of after the library's default of a million.
const MAX_REPLAYED_EVENTS: usize = 10_000;

fn options() -> Options {
    let mut options = Options::default();
    options.with_snippet = false;
    options.alias_limits.max_total_replayed_events = MAX_REPLAYED_EVENTS;
    options
}

/// Reads `yaml` into `T`, which ignores keys it does not know; see [`unknown_keys`].
pub fn parse<T: DeserializeOwned>(yaml: &str, lines: LineMap) -> Result<T, YamlError> {
    // An empty block means "no keys", which YAML itself reads as null.
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    let value = serde_saphyr::from_str_with_options(yaml, options()).map_err(|err| {
        let explained = explain(&err, lines);
        match explained.code {
            // The parser's words for a syntax error are its own; the usual mistakes behind
            // them are said in the communicator's.
            Code::YamlSyntax => recognise(yaml, lines, explained.position).unwrap_or(explained),
            // An invisible space after a list's `-` makes the list one text.
            Code::WrongType => {
                odd_space_in_value(yaml, lines, explained.position).unwrap_or(explained)
            }
            _ => explained,
        }
    })?;
    match escaped_control_character(yaml, lines) {
        Some(err) => Err(err),
        None => Ok(value),
    }
}

/// A control character that an escape in a double-quoted text makes (`"\f"`, `"\x1b"`): the
/// file itself has none (see `content::decode`), but the value would carry it into the
/// pages, the feed and the calendar files, which cannot hold it.
fn escaped_control_character(yaml: &str, lines: LineMap) -> Option<YamlError> {
    // Only an escape makes one, and every escape starts with a backslash.
    if !yaml.contains('\\') {
        return None;
    }
    let is_bad = |c: char| c.is_control() && c != '\t' && c != '\n';
    granit_parser::Parser::new_from_str(yaml)
        .map_while(Result::ok)
        .find_map(|(event, span)| match event {
            granit_parser::Event::Scalar(value, ..) => {
                let found = value.chars().find(|c| is_bad(*c))?;
                Some(YamlError {
                    code: Code::ControlCharacter,
                    position: Some(Position {
                        line: span.start.line() + lines.first_line - 1,
                        column: span.start.col() + 1,
                    }),
                    message: t!(
                        "stuurteken-escape",
                        code = format!("U+{:04X}", u32::from(found))
                    ),
                    hint: Some(t!("stuurteken-escape-hint")),
                })
            }
            _ => None,
        })
}

/// Spaces that look like a space but are not one to YAML: a non-breaking space (Word puts
/// them before `:` and in "30 juni"), thin and other fixed-width spaces, and zero-width ones.
fn is_odd_space(c: char) -> bool {
    matches!(
        c,
        '\u{a0}' | '\u{2000}'..='\u{200b}' | '\u{202f}' | '\u{205f}' | '\u{3000}' | '\u{feff}'
    )
}

/// The usual mistake behind a syntax error in `yaml`, said plainly, pointing at the character
/// that is wrong, with the line as it should be where that is certain: a tab in the
/// indentation, an invisible space, a text with `: ` in it (between curly quotes from a word
/// processor, or none). Looks at the lines up to just after `at` (the parser's position,
/// which for a tab can be the line before); `None` when none of them shows such a mistake.
fn recognise(yaml: &str, lines: LineMap, at: Option<Position>) -> Option<YamlError> {
    let last = at.map_or(usize::MAX, |p| p.line + 1);
    yaml.lines().enumerate().find_map(|(i, line)| {
        let number = i + lines.first_line;
        if number > last {
            return None;
        }
        let at = |byte: usize| Position {
            line: number,
            column: line[..byte].chars().count() + 1,
        };
        let indent = line.len() - line.trim_start_matches([' ', '\t']).len();
        if let Some(tab) = line[..indent].find('\t') {
            let fixed = format!("{}{}", line[..indent].replace('\t', "  "), &line[indent..]);
            return Some(mistake(
                at(tab),
                t!("yaml-tab"),
                t!("yaml-tab-hint", line = fixed),
            ));
        }
        if let Some(found) = odd_space(line, number) {
            return Some(found);
        }
        let (key, value) = line.split_once(": ")?;
        let key_is_plain = !key.trim().is_empty()
            && key
                .trim_start()
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
        let text = value.trim();
        if !key_is_plain || !text.contains(": ") {
            return None;
        }
        let start = line.len() - value.trim_start().len();
        let curly = ['\u{201c}', '\u{201d}', '\u{201e}', '\u{2018}', '\u{2019}'];
        let inner = text.trim_matches(|c| curly.contains(&c));
        let quoted = format!(
            "{key}: \"{}\"",
            inner.replace('\\', "\\\\").replace('"', "\\\"")
        );
        if text.starts_with(curly) {
            Some(mistake(
                at(start),
                t!("yaml-krulquotes"),
                t!("yaml-quotes-hint", line = quoted),
            ))
        } else if !text.starts_with(['"', '\'', '[', '{']) {
            Some(mistake(
                at(start),
                t!("yaml-dubbele-punt", key = key.trim()),
                t!("yaml-quotes-hint", line = quoted),
            ))
        } else {
            None
        }
    })
}

/// An invisible space ([`is_odd_space`]) in the value that starts on the line of `at`: that
/// line and the indented lines under it.
fn odd_space_in_value(yaml: &str, lines: LineMap, at: Option<Position>) -> Option<YamlError> {
    let first = at?.line.checked_sub(lines.first_line)?;
    let mut value = yaml.lines().enumerate().skip(first);
    let head = value.next()?;
    let under = value.take_while(|(_, line)| line.starts_with([' ', '\t', '-']));
    std::iter::once(head)
        .chain(under)
        .find_map(|(i, line)| odd_space(line, i + lines.first_line))
}

/// The first invisible space ([`is_odd_space`]) in `line` (line `number` of the file), with
/// the line as it should be.
fn odd_space(line: &str, number: usize) -> Option<YamlError> {
    let (byte, c) = line.char_indices().find(|(_, c)| is_odd_space(*c))?;
    let fixed: String = line
        .chars()
        .map(|c| if is_odd_space(c) { ' ' } else { c })
        .collect();
    let code = format!("U+{:04X}", u32::from(c));
    let position = Position {
        line: number,
        column: line[..byte].chars().count() + 1,
    };
    Some(mistake(
        position,
        t!("yaml-rare-spatie", code = code),
        t!("yaml-rare-spatie-hint", line = fixed.trim_end()),
    ))
}

fn mistake(position: Position, message: String, hint: String) -> YamlError {
    YamlError {
        code: Code::YamlSyntax,
        position: Some(position),
        message,
        hint: Some(hint),
    }
}

/// Turns the parser's error into one a communicator can act on.
fn explain(err: &serde_saphyr::Error, lines: LineMap) -> YamlError {
    use serde_saphyr::Error as E;
    // Where the problem is written: for a value reached through an alias, the alias.
    let position = err.location().and_then(|l| lines.position(l));
    // What the problem is: the original error, not its alias or snippet wrapping, whose
    // message would repeat positions inside the YAML block rather than in the file.
    let mut err = err;
    while let E::AliasError { error, .. } | E::WithSnippet { error, .. } = err {
        err = error;
    }
    let (code, message, hint) = match err {
        E::SerdeMissingField { field, .. } => (
            Code::MissingKey,
            t!("sleutel-verplicht", key = *field),
            Some(t!("sleutel-verplicht-hint", key = *field)),
        ),
        E::SerdeUnknownVariant {
            variant, expected, ..
        } => (
            Code::NotAllowed,
            t!("woord-mag-niet", word = variant.as_str()),
            Some(t!("kies-uit", words = expected.join(", "))),
        ),
        E::SerdeUnknownField {
            field, expected, ..
        } => (
            Code::UnknownKey,
            t!("sleutel-onbekend", key = field.as_str()),
            Some(suggest(field, expected.iter().copied())),
        ),
        E::SerdeInvalidType {
            unexpected,
            expected,
            ..
        } => (
            Code::WrongType,
            t!(
                "verwacht-gevonden",
                expected = kind_of(expected),
                found = kind_of(unexpected)
            ),
            type_hint(expected),
        ),
        E::SerdeInvalidValue { .. } | E::SerdeInvalidLength { .. } => (
            Code::WrongType,
            strip_location_suffix(&err.to_string()).to_string(),
            None,
        ),
        // The parser's own type checks, before serde sees a value: a list or mapping where
        // text is expected, a word where a number is expected, and the like.
        E::Unexpected { expected, .. } => {
            let (message, hint) = match *expected {
                "sequence start" => (t!("hier-lijst"), type_hint("sequence")),
                "mapping start" => (t!("hier-sleutels"), Some(t!("hier-sleutels-hint"))),
                "string scalar" | "scalar" => {
                    (t!("hier-een-waarde"), Some(t!("hier-een-waarde-hint")))
                }
                other => (t!("hier-hoort", what = other), None),
            };
            (Code::WrongType, message, hint)
        }
        E::InvalidScalar { ty, .. } => {
            let wanted = match *ty {
                "bool" => t!("soort-jn"),
                "u8" => t!("soort-getal-tot", max = u64::from(u8::MAX)),
                "u16" => t!("soort-getal-tot", max = u64::from(u16::MAX)),
                "u32" => t!("soort-getal-tot", max = u64::from(u32::MAX)),
                t if t.starts_with('u') => t!("soort-getal-positief"),
                t if t.starts_with('i') => t!("soort-heel-getal"),
                t if t.starts_with('f') => t!("soort-getal"),
                other => other.to_string(),
            };
            (
                Code::WrongType,
                t!("hier-hoort", what = wanted),
                type_hint(ty),
            )
        }
        E::NullIntoString { .. } => (
            Code::WrongType,
            t!("hier-tekst-niets"),
            Some(t!("hier-tekst-niets-hint")),
        ),
        E::ExternallyTaggedEnumExpectedScalarOrMapping { .. } => {
            (Code::WrongType, t!("hier-een-woord"), None)
        }
        E::DuplicateMappingKey { key, .. } => (
            Code::YamlSyntax,
            match key {
                Some(key) => t!("sleutel-dubbel", key = key.as_str()),
                None => t!("sleutel-dubbel-onbekend"),
            },
            Some(t!("sleutel-dubbel-hint")),
        ),
        // Our own value types (dates, age ranges, periods) explain themselves.
        E::Message { msg, .. } => (Code::InvalidValue, msg.clone(), None),
        E::AliasReplayLimitExceeded { .. }
        | E::AliasExpansionLimitExceeded { .. }
        | E::AliasReplayStackDepthExceeded { .. }
        | E::AliasReplayCounterOverflow { .. } => (
            Code::TooLarge,
            t!("yaml-aliassen-te-groot"),
            Some(t!("yaml-aliassen-te-groot-hint")),
        ),
        other => {
            let text = other.to_string();
            if text.contains("budget") || text.contains("limit") {
                (
                    Code::TooLarge,
                    strip_location_suffix(&text).to_string(),
                    None,
                )
            } else {
                (
                    Code::YamlSyntax,
                    strip_location_suffix(&text).to_string(),
                    Some(t!("yaml-controleer")),
                )
            }
        }
    };
    YamlError {
        code,
        position,
        message,
        hint,
    }
}

/// The error for YAML that is not a mapping of keys at the top, when `err` (from [`keys`]) says
/// so: a list, a single text or a number instead of `key: value` lines.
pub fn not_a_mapping(err: &serde_saphyr::Error, lines: LineMap) -> Option<YamlError> {
    let err = err.without_snippet();
    matches!(
        err,
        serde_saphyr::Error::Unexpected {
            expected: "mapping start",
            ..
        }
    )
    .then(|| YamlError {
        code: Code::NotAMapping,
        position: err
            .location()
            .and_then(|l| lines.position(l))
            .or(Some(Position {
                line: lines.first_line,
                column: 1,
            })),
        message: t!("fm-geen-sleutels"),
        hint: Some(t!("fm-geen-sleutels-hint")),
    })
}

/// What to write instead, for the common type mix-ups.
fn type_hint(expected: &str) -> Option<String> {
    let integer = expected.contains("integer")
        || (expected.len() > 1
            && expected.starts_with(['u', 'i'])
            && expected[1..].bytes().all(|b| b.is_ascii_digit()));
    if expected.contains("sequence") {
        Some(t!("schrijf-lijst"))
    } else if expected.contains("string") {
        Some(t!("schrijf-tekst"))
    } else if integer {
        Some(t!("schrijf-getal"))
    } else if expected.contains("bool") {
        Some(t!("schrijf-jn"))
    } else {
        None
    }
}

/// serde's words for a kind of value ("a sequence", "a string") in the current language;
/// others as serde says them.
fn kind_of(serde_words: &str) -> String {
    let words = serde_words.trim();
    if words.contains("sequence") {
        t!("soort-lijst")
    } else if words.contains("string") || words.contains("char") {
        t!("soort-tekst")
    } else if words.contains("map") || words.starts_with("struct") {
        t!("soort-sleutels")
    } else if words.contains("bool") {
        t!("soort-jn")
    } else if words.contains("integer") {
        t!("soort-heel-getal")
    } else if words.contains("float") {
        t!("soort-getal")
    } else if words.contains("unit") || words.contains("null") || words.contains("none") {
        t!("soort-niets")
    } else {
        words.to_string()
    }
}

/// A did-you-mean hint for `word` among `candidates`, or the list of candidates.
pub fn suggest<'a>(word: &str, candidates: impl Iterator<Item = &'a str> + Clone) -> String {
    match closest(word, candidates.clone()) {
        Some(candidate) => t!("bedoelt-u", word = candidate),
        None => t!(
            "sleutels-hier",
            keys = candidates.collect::<Vec<_>>().join(", ")
        ),
    }
}

/// The candidate closest to `word`, when one is close enough to be what was meant.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .map(|candidate| (strsim::jaro_winkler(word, candidate), candidate))
        .filter(|(score, _)| *score > 0.8)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, candidate)| candidate)
}

/// The parser appends " at line X, column Y"; we print positions ourselves, in file lines.
fn strip_location_suffix(message: &str) -> &str {
    match message.rfind(" at line ") {
        Some(i) => &message[..i],
        None => message,
    }
}

/// The keys of the top-level mapping in `yaml`, with their positions.
pub fn keys(yaml: &str) -> Result<Vec<Spanned<String>>, serde_saphyr::Error> {
    struct Keys;
    impl<'de> Visitor<'de> for Keys {
        type Value = Vec<Spanned<String>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a mapping of keys to values")
        }
        fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut keys = Vec::new();
            while let Some(key) = map.next_key::<Spanned<String>>()? {
                map.next_value::<IgnoredAny>()?;
                keys.push(key);
            }
            Ok(keys)
        }
    }
    let yaml = if yaml.trim().is_empty() { "{}" } else { yaml };
    serde_saphyr::with_deserializer_from_str_with_options(yaml, options(), |d| {
        de::Deserializer::deserialize_map(d, Keys)
    })
}

/// The keys a serde struct accepts, aliases included, read from its derived `Deserialize`.
pub fn fields_of<T: DeserializeOwned>() -> &'static [&'static str] {
    names_of::<T>()
}

/// The words a serde enum of words accepts, aliases included, read from its derived
/// `Deserialize`.
pub fn variants_of<E: DeserializeOwned>() -> &'static [&'static str] {
    names_of::<E>()
}

/// The enum value `word` reads as, if it is one of the enum's words or their aliases.
pub fn read_word<E: DeserializeOwned>(word: &str) -> Option<E> {
    E::deserialize(de::value::StrDeserializer::<de::value::Error>::new(word)).ok()
}

/// A probe's answer: serde's error functions, with the name of a duplicate field kept.
#[derive(Debug)]
struct Found(Option<&'static str>);

impl std::fmt::Display for Found {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("probe")
    }
}

impl std::error::Error for Found {}

impl de::Error for Found {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Found(None)
    }

    fn duplicate_field(field: &'static str) -> Self {
        Found(Some(field))
    }
}

/// A deserializer that reports the names a derived struct or enum passes to serde (its
/// `FIELDS` or `VARIANTS`), and otherwise feeds a mapping to a struct; see [`key_of`].
struct Probe {
    names: Option<&'static [&'static str]>,
    /// The name a struct is given twice, for [`key_of`].
    twice: Option<&'static str>,
}

impl<'de> de::Deserializer<'de> for &mut Probe {
    type Error = Found;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(None))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Found> {
        self.names = Some(fields);
        match self.twice {
            Some(name) => visitor.visit_map(Twice { name, left: 2 }),
            None => Err(Found(None)),
        }
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Found> {
        self.names = Some(variants);
        Err(Found(None))
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf option unit unit_struct newtype_struct seq tuple tuple_struct map
        identifier ignored_any
    }
}

fn names_of<T: DeserializeOwned>() -> &'static [&'static str] {
    let mut probe = Probe {
        names: None,
        twice: None,
    };
    let _ = T::deserialize(&mut probe);
    probe.names.unwrap_or(&[])
}

/// The field of serde struct `T` that `name` (a key or an alias) stands for, by the field's
/// own key: `key_of::<Meta>("title")` is `titel`. `None` when `name` is no field of `T`, or
/// when its field's type cannot be read from an empty value: it reads options, lists, texts
/// and `true`/`false`.
///
/// The derived `Deserialize` is the only place that knows which alias belongs to which field,
/// and it tells: given `name` twice, it rejects the second as a duplicate of that field.
pub fn key_of<T: DeserializeOwned>(name: &'static str) -> Option<&'static str> {
    let mut probe = Probe {
        names: None,
        twice: Some(name),
    };
    match T::deserialize(&mut probe) {
        Err(Found(key)) => key,
        Ok(_) => None,
    }
}

/// A mapping with one key, given twice, whose values are [`Blank`].
struct Twice {
    name: &'static str,
    left: u8,
}

impl<'de> MapAccess<'de> for Twice {
    type Error = Found;
    fn next_key_seed<K: de::DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Found> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(de::value::StrDeserializer::new(self.name))
            .map(Some)
    }
    fn next_value_seed<V: de::DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Found> {
        seed.deserialize(Blank)
    }
}

/// The emptiest value of whatever is asked for: nothing for an option, `false`, a one-letter
/// text (an empty one is refused where a text is required) or an empty list; an error for
/// anything else.
struct Blank;

impl<'de> de::Deserializer<'de> for Blank {
    type Error = Found;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Found> {
        Err(Found(None))
    }
    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_none()
    }
    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_bool(false)
    }
    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_str("x")
    }
    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_str("x")
    }
    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Found> {
        visitor.visit_seq(de::value::SeqDeserializer::<_, Found>::new(
            std::iter::empty::<()>(),
        ))
    }
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char bytes byte_buf unit
        unit_struct newtype_struct tuple tuple_struct map struct enum identifier ignored_any
    }
}

/// Each key in `keys` that is not one of `known`, with a suggestion when one is close.
/// Each key in `keys` that is not one of `known`, with a suggestion among `suggested` (the
/// keys as the documentation names them: Dutch, not their English aliases) when one is close.
pub fn unknown_keys(
    keys: &[Spanned<String>],
    known: &BTreeSet<&'static str>,
    suggested: &BTreeSet<&'static str>,
    lines: LineMap,
) -> Vec<YamlError> {
    keys.iter()
        .filter(|k| !known.contains(k.value.as_str()))
        .map(|k| YamlError {
            code: Code::UnknownKey,
            position: lines.of(k),
            message: t!("sleutel-onbekend", key = &k.value),
            hint: Some(suggest(&k.value, suggested.iter().copied())),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_front_matter_from_body() {
        let s = split("---\ntitel: A\n---\nBody\n").unwrap();
        assert_eq!(s.yaml, "titel: A\n");
        assert_eq!(s.body, "Body\n");
        assert_eq!(s.yaml_line, 2);
    }

    #[test]
    fn empty_front_matter_and_no_body() {
        let s = split("---\n---\n").unwrap();
        assert_eq!((s.yaml, s.body), ("", ""));
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        assert_eq!(split("# Title\n"), Err(SplitError::Missing));
        assert_eq!(split("---\ntitel: A\n"), Err(SplitError::Unclosed));
    }

    #[derive(Debug, serde::Deserialize)]
    struct Doc {
        #[serde(alias = "title")]
        titel: String,
        #[serde(default)]
        nummer: Option<u32>,
    }

    #[test]
    fn escapes_that_make_control_characters_are_refused() {
        let lines = LineMap { first_line: 2 };
        let err = parse::<serde_json::Value>("titel: ok\nx: \"a\\fb\"\n", lines).unwrap_err();
        assert_eq!(err.code, Code::ControlCharacter);
        assert_eq!(err.position, Some(Position { line: 3, column: 4 }));
        assert!(err.message.contains("U+000C"), "{}", err.message);
        // A backslash that makes no control character, or is no escape at all, is fine.
        for yaml in [
            "x: \"a\\tb \\\\ c\"\n",
            "pad: C:\\files\\new\n",
            "x: 'a\\fb'\n",
        ] {
            assert!(parse::<serde_json::Value>(yaml, lines).is_ok(), "{yaml}");
        }
    }

    #[test]
    fn the_usual_yaml_mistakes_are_said_plainly_with_the_line_as_it_should_be() {
        let lines = LineMap { first_line: 2 };
        let err = |yaml: &str| parse::<serde_json::Value>(yaml, lines).unwrap_err();

        let tab = err("titel: A\nthemas:\n\t- Taal\n");
        assert_eq!(
            tab.position,
            Some(Position { line: 4, column: 1 }),
            "{tab:?}"
        );
        assert!(tab.message.contains("tab"), "{tab:?}");
        assert!(tab.hint.unwrap().contains("`  - Taal`"));

        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Agenda {
            themas: Vec<String>,
        }
        let nbsp = parse::<Agenda>("themas:\n  -\u{a0}Taal\n  - Sport\n", lines).unwrap_err();
        assert!(nbsp.message.contains("U+00A0"), "{nbsp:?}");
        assert_eq!(
            nbsp.position,
            Some(Position { line: 3, column: 4 }),
            "{nbsp:?}"
        );
        assert!(nbsp.hint.unwrap().contains("`  - Taal`"));
        let nbsp = err("titel: A\u{a0}: B\nx: [\n");
        assert!(nbsp.message.contains("U+00A0"), "{nbsp:?}");

        let curly = err("titel: \u{201c}Almere: een stad\u{201d}\n");
        assert_eq!(
            curly.position,
            Some(Position { line: 2, column: 8 }),
            "{curly:?}"
        );
        assert!(curly.message.contains("krul"), "{curly:?}");
        assert!(
            curly
                .hint
                .unwrap()
                .contains(r#"`titel: "Almere: een stad"`"#)
        );

        let colon = err("titel: Kansen: voor \"iedereen\"\n");
        assert_eq!(
            colon.position,
            Some(Position { line: 2, column: 8 }),
            "{colon:?}"
        );
        assert!(colon.message.contains("titel"), "{colon:?}");
        assert!(
            colon
                .hint
                .unwrap()
                .contains(r#"`titel: "Kansen: voor \"iedereen\""`"#)
        );

        // Other syntax errors keep the parser's explanation.
        let other = err("titel: \"open\n");
        assert!(
            !other.message.contains("krul") && !other.message.contains("tab"),
            "{other:?}"
        );
    }

    #[test]
    fn english_aliases_are_read() {
        let doc = parse::<Doc>("title: A\nnummer: 2\n", LineMap { first_line: 2 }).unwrap();
        assert_eq!((doc.titel.as_str(), doc.nummer), ("A", Some(2)));
    }

    #[test]
    fn yaml_errors_carry_file_lines() {
        let err = parse::<Doc>("titel: A\nnummer: twee\n", LineMap { first_line: 2 }).unwrap_err();
        assert_eq!(err.position.map(|p| p.line), Some(3));
        assert!(!err.message.contains("line"), "{}", err.message);
    }

    #[test]
    fn wrong_types_are_wrong_types_not_syntax_errors() {
        let lines = LineMap { first_line: 2 };
        for (yaml, line) in [
            ("titel: [A, B]\n", 2),
            ("titel:\n  x: 1\n", 3),
            ("titel: A\nnummer: drie\n", 3),
            ("titel: A\nnummer: -1\n", 3),
            ("titel: ~\n", 2),
        ] {
            let err = parse::<Doc>(yaml, lines).unwrap_err();
            assert_eq!(err.code, Code::WrongType, "{yaml:?}: {err:?}");
            assert_eq!(
                err.position.map(|p| p.line),
                Some(line),
                "{yaml:?}: {err:?}"
            );
            assert!(err.message.starts_with("hier hoort "), "{err:?}");
        }
        // Through an alias: reported where the alias is used, with the same code.
        let err = parse::<Doc>("lijst: &l [A, B]\ntitel: *l\n", lines).unwrap_err();
        assert_eq!(err.code, Code::WrongType, "{err:?}");
        assert_eq!(err.position.map(|p| p.line), Some(3), "{err:?}");
        assert!(!err.message.contains("line"), "{err:?}");
        let err = parse::<Doc>("titel: A\ntitel: B\n", lines).unwrap_err();
        assert_eq!(err.code, Code::YamlSyntax);
        assert_eq!(err.message, "de sleutel 'titel' staat er twee keer");
    }

    #[test]
    fn a_list_or_a_text_is_not_a_mapping() {
        let lines = LineMap { first_line: 2 };
        for yaml in ["- titel\n- A\n", "Huiswerkklas\n", "42\n", "[a, b]\n"] {
            let err = keys(yaml).unwrap_err();
            let err = not_a_mapping(&err, lines).unwrap_or_else(|| panic!("{yaml:?}: {err}"));
            assert_eq!(err.code, Code::NotAMapping);
            assert_eq!(err.position, Some(Position { line: 2, column: 1 }));
        }
        let err = keys("titel: [A\n").unwrap_err();
        assert!(
            not_a_mapping(&err, lines).is_none(),
            "a syntax error: {err}"
        );
    }

    #[test]
    fn alias_bombs_hit_the_limit_quickly() {
        let mut yaml = String::from("a0: &a0 lol\n");
        for level in 1..=9 {
            let refs = vec![format!("*a{}", level - 1); 9].join(", ");
            yaml.push_str(&format!("a{level}: &a{level} [{refs}]\n"));
        }
        yaml.push_str("titel: *a9\n");
        let start = std::time::Instant::now();
        let err = parse::<Doc>(&yaml, LineMap { first_line: 2 }).unwrap_err();
        assert_eq!(err.code, Code::TooLarge, "{err:?}");
        assert!(start.elapsed() < std::time::Duration::from_secs(1));
        // Honest reuse of an anchor stays well within the limit.
        let reuse = "a: &p [Bibliotheek, Buurthuis]\nb: *p\nc: *p\ntitel: A\n";
        assert!(parse::<Doc>(reuse, LineMap { first_line: 2 }).is_ok());
    }

    #[test]
    fn fields_include_aliases() {
        let fields = fields_of::<Doc>();
        assert!(
            fields.contains(&"titel") && fields.contains(&"nummer"),
            "{fields:?}"
        );
        assert!(fields.contains(&"title"), "{fields:?}");
    }

    #[test]
    fn aliases_name_their_field() {
        assert_eq!(key_of::<Doc>("title"), Some("titel"));
        assert_eq!(key_of::<Doc>("titel"), Some("titel"));
        assert_eq!(key_of::<Doc>("nummer"), Some("nummer"));
        assert_eq!(key_of::<Doc>("naam"), None);
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    #[serde(rename_all = "lowercase")]
    enum Kleur {
        #[serde(alias = "red")]
        Rood,
        Blauw,
    }

    #[test]
    fn words_include_aliases() {
        let mut words = variants_of::<Kleur>().to_vec();
        words.sort();
        assert_eq!(words, ["blauw", "red", "rood"]);
        assert_eq!(read_word::<Kleur>("red"), Some(Kleur::Rood));
        assert_eq!(read_word::<Kleur>("groen"), None);
    }

    #[test]
    fn unknown_keys_get_a_suggestion() {
        let yaml = "titel: A\nnumer: 2\n";
        let keys = keys(yaml).unwrap();
        let known = fields_of::<Doc>().iter().copied().collect();
        let errors = unknown_keys(&keys, &known, &known, LineMap { first_line: 2 });
        assert_eq!(errors.len(), 1);
        assert_eq!(errors[0].message, "onbekende sleutel 'numer'");
        assert_eq!(errors[0].hint.as_deref(), Some("bedoelt u 'nummer'?"));
        assert_eq!(errors[0].position, Some(Position { line: 3, column: 1 }));
    }
}

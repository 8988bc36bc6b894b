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
    // Spaces after a `---` are invisible, so they do not count, as for the closing line.
    let first = text.split_inclusive('\n').next().unwrap_or_default();
    if first.trim_end() != "---" {
        return Err(SplitError::Missing);
    }
    let rest = &text[first.len()..];
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
    /// How many characters from `position` the marker covers: the whole value, when the
    /// problem is a value. `None` marks one word.
    pub width: Option<usize>,
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

    /// How many characters a spanned value takes in the file, quotes included, for a marker
    /// under the whole value; see [`crate::diagnostics::Diagnostic::width`].
    pub fn width<T>(self, spanned: &Spanned<T>) -> Option<usize> {
        usize::try_from(spanned.referenced.span().len())
            .ok()
            .filter(|len| *len > 0)
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
        let explained = explain(&err, yaml, lines);
        match explained.code {
            // The parser's words for a syntax error are its own; the usual mistakes behind
            // them are said in the communicator's.
            Code::YamlSyntax => recognise(yaml, lines, explained.position)
                .or_else(|| recognise_at(yaml, lines, explained.position?))
                .unwrap_or(explained),
            // An invisible space after a list's `-` makes the list one text.
            Code::WrongType => {
                odd_space_in_value(yaml, lines, explained.position).unwrap_or(explained)
            }
            _ => explained,
        }
    })?;
    match glued_list_item(yaml, lines).or_else(|| escaped_control_character(yaml, lines)) {
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
                    width: None,
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
        let quoted = format!("{key}: {}", quoted(inner));
        let whole = Some(text.chars().count());
        if text.starts_with(curly) {
            Some(YamlError {
                width: whole,
                ..mistake(
                    at(start),
                    t!("yaml-krulquotes"),
                    t!("yaml-quotes-hint", line = quoted),
                )
            })
        } else if !text.starts_with(['"', '\'', '[', '{']) {
            Some(YamlError {
                width: whole,
                ..mistake(
                    at(start),
                    t!("yaml-dubbele-punt", key = key.trim()),
                    t!("yaml-quotes-hint", line = quoted),
                )
            })
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

/// A syntax mistake at `position`, marked by one word.
fn mistake(position: Position, message: String, hint: String) -> YamlError {
    YamlError {
        code: Code::YamlSyntax,
        position: Some(position),
        message,
        hint: Some(hint),
        width: None,
    }
}

/// `text` between double quotes, as YAML reads it back.
fn quoted(text: &str) -> String {
    format!("\"{}\"", text.replace('\\', "\\\\").replace('"', "\\\""))
}

/// `text` as a value YAML reads as that text: as it is, or between double quotes when it
/// holds or starts with a character YAML reads otherwise.
fn as_value(text: &str) -> String {
    let special_start = text.starts_with([
        '"', '\'', '[', ']', '{', '}', '&', '*', '!', '|', '>', '%', '@', '`', '#', ',', '?', '-',
        ':',
    ]);
    if special_start || text.contains(": ") || text.contains(" #") || text.ends_with(':') {
        quoted(text)
    } else {
        text.to_string()
    }
}

/// The number of spaces `line` starts with.
fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Whether `line` says nothing to YAML: it is empty or a comment.
fn is_blank(line: &str) -> bool {
    let text = line.trim();
    text.is_empty() || text.starts_with('#')
}

/// Whether `line` is a list item: `- value`, or a lone `-`.
fn is_item(line: &str) -> bool {
    let text = line.trim();
    text == "-" || text.starts_with("- ")
}

/// The key of a `key: value` or `key:` line (after its indentation), when it is a plain word.
fn plain_key(line: &str) -> Option<&str> {
    let (key, rest) = line.trim_start().split_once(':')?;
    let plain = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-');
    (plain && (rest.is_empty() || rest.starts_with(' '))).then_some(key)
}

/// Where the content of a list item such as `  - naam: X` starts (`4`): a mapping in the
/// item lines up there.
fn item_content(line: &str) -> Option<usize> {
    let rest = line.trim_start().strip_prefix('-')?;
    Some(line.len() - rest.trim_start().len())
}

/// Whether `line` ends in a key that opens a block (`themas:`), whose lines follow, further in.
fn opens_block(line: &str) -> bool {
    let line = line.split(" #").next().unwrap_or(line).trim_end();
    line.ends_with(':') || line.ends_with(": |") || line.ends_with(": >")
}

/// The mistake on the line of a syntax error at `at` that the parser cannot name: a value
/// written on the line under its key, or a line indented unlike the lines it belongs with.
fn recognise_at(yaml: &str, lines: LineMap, at: Position) -> Option<YamlError> {
    let rows: Vec<&str> = yaml.lines().collect();
    let index = at.line.checked_sub(lines.first_line)?;
    let line = *rows.get(index)?;
    let number = |i: usize| i + lines.first_line;
    let previous = (0..index).rev().find(|i| !is_blank(rows[*i]))?;
    let above = rows[previous];
    let text = line.trim();
    let key_alone = plain_key(above).filter(|_| above.trim_end().ends_with(':'));
    if let Some(key) = key_alone
        && indent(line) <= indent(above)
        && plain_key(line).is_none()
        && !is_item(line)
        && !is_blank(line)
    {
        let fixed = format!("{} {}", above.trim_end(), as_value(text));
        return Some(YamlError {
            width: Some(text.chars().count()),
            ..mistake(
                Position {
                    line: number(index),
                    column: indent(line) + 1,
                },
                t!("yaml-waarde-volgende-regel", key = key),
                t!("yaml-waarde-volgende-regel-hint", key = key, line = fixed),
            )
        });
    }
    let (spaces, further) = uneven_indent(&rows, index)?;
    let fixed = format!("{}{}", " ".repeat(spaces), line.trim_start());
    Some(mistake(
        Position {
            line: number(index),
            column: indent(line) + 1,
        },
        if further {
            t!("yaml-inspringen-te-ver")
        } else {
            t!("yaml-inspringen-te-weinig")
        },
        t!("yaml-inspringen-hint", line = fixed.trim_end()),
    ))
}

/// The indentation that line `index` of `rows`, a key or a list item, should have when it
/// lines up with none of the lines it can belong with, and whether it is too far in.
fn uneven_indent(rows: &[&str], index: usize) -> Option<(usize, bool)> {
    let line = rows[index];
    if !is_item(line) && plain_key(line).is_none() {
        return None;
    }
    let here = indent(line);
    let mut above = rows[..index].iter().copied().rev().filter(|l| !is_blank(l));
    let previous = above.next()?;
    let content = item_content(previous).filter(|_| is_item(previous));
    if here > indent(previous) {
        // Further in than the line above: only right as the first line of the block that
        // line opens, or as the next key of the mapping in a list item.
        let fits = opens_block(previous) || content == Some(here);
        let should = match content {
            Some(column) if !is_item(line) => column,
            _ => indent(previous),
        };
        return (!fits).then_some((should, true));
    }
    // Less far in, or as far: it must line up with a line it belongs with, above.
    for row in std::iter::once(previous).chain(above) {
        let columns = [
            Some(indent(row)),
            item_content(row).filter(|_| is_item(row)),
        ];
        if columns.contains(&Some(here)) {
            return None;
        }
        if indent(row) < here {
            let should = if is_item(previous) == is_item(line) {
                indent(previous)
            } else {
                indent(row)
            };
            return Some((should, false));
        }
    }
    None
}

/// A list item further in than the plain text item above it, which YAML glues to that
/// item's text without a word ("Ouderbetrokkenheid - Versterken van taal").
fn glued_list_item(yaml: &str, lines: LineMap) -> Option<YamlError> {
    let mut previous: Option<&str> = None;
    // The indentation of the key of a `|` or `>` text, while inside that text.
    let mut in_text: Option<usize> = None;
    for (index, line) in yaml.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        if let Some(level) = in_text {
            if indent(line) > level {
                continue;
            }
            in_text = None;
        }
        if is_blank(line) {
            continue;
        }
        if let Some(above) = previous
            && is_item(line)
            && is_item(above)
            && indent(line) > indent(above)
            && is_plain_item(above)
        {
            let fixed = format!("{}{}", " ".repeat(indent(above)), line.trim());
            return Some(mistake(
                Position {
                    line: index + lines.first_line,
                    column: indent(line) + 1,
                },
                t!("yaml-inspringen-geplakt"),
                t!("yaml-inspringen-hint", line = fixed),
            ));
        }
        let value = line.trim_start().trim_start_matches("- ");
        let value = value.split_once(": ").map_or(value, |(_, v)| v).trim();
        if value.starts_with(['|', '>']) {
            in_text = Some(indent(line));
        }
        previous = Some(line);
    }
    None
}

/// Whether `line` is a list item with plain text: no key, quotes, list or block of text.
fn is_plain_item(line: &str) -> bool {
    let value = line.trim_start().trim_start_matches('-').trim();
    !value.is_empty()
        && plain_key(value).is_none()
        && !value.starts_with(['"', '\'', '[', '{', '|', '>', '&', '*', '!'])
}

/// The `---` line that closes a front matter too early: the lines after it, up to another
/// `---` line, are keys that were meant to belong to it. Without this, they would be text on
/// the page, or leave the front matter without its `titel`.
pub fn early_close(split: &Split) -> Option<YamlError> {
    let mut rows = split.body.lines().skip_while(|l| l.trim().is_empty());
    let first = rows.next()?;
    let key = plain_key(first).filter(|k| k.chars().all(|c| c.is_lowercase() || c == '_'))?;
    for row in rows {
        if row.trim_end() == "---" {
            let line = split.yaml_line + split.yaml.lines().count();
            return Some(YamlError {
                width: Some(3),
                ..mistake(
                    Position { line, column: 1 },
                    t!("fm-streep-te-veel", key = key),
                    t!("fm-streep-te-veel-hint"),
                )
            });
        }
        let yaml = row.trim().is_empty() || row.starts_with(' ') || plain_key(row).is_some();
        if !yaml && !is_item(row) {
            return None;
        }
    }
    None
}

/// Why `text` has no front matter, when a line of it shows: the keys without the opening
/// `---` line above them, or an opening `---` that is never closed (with where the body
/// starts). `None` for a file without any sign of front matter.
pub fn split_mistake(text: &str, err: &SplitError) -> Option<(Position, String, String)> {
    let mut rows = text.lines().enumerate().map(|(i, l)| (i + 1, l));
    let start = Position { line: 1, column: 1 };
    match err {
        SplitError::Missing => {
            let (_, first) = rows.next()?;
            if !first.trim().is_empty()
                && first
                    .trim()
                    .chars()
                    .all(|c| matches!(c, '-' | '–' | '—' | ' '))
            {
                return Some((
                    start,
                    t!("fm-streep-anders", line = first.trim_end()),
                    t!("fm-streep-anders-hint"),
                ));
            }
            plain_key(first)?;
            rows.any(|(_, l)| l.trim_end() == "---").then(|| {
                (
                    start,
                    t!("fm-begin-ontbreekt"),
                    t!("fm-begin-ontbreekt-hint", line = first.trim_end()),
                )
            })
        }
        SplitError::Unclosed => {
            let mut last = None;
            let mut after_gap = false;
            for (number, row) in rows.skip(1) {
                if row.trim().is_empty() {
                    after_gap = true;
                    continue;
                }
                // After an empty line, `# Kop` is a Markdown heading, not a YAML comment.
                let comment = row.trim_start().starts_with('#') && !after_gap;
                if plain_key(row).is_some() || is_item(row) || row.starts_with(' ') || comment {
                    last = Some((number, row));
                    after_gap = false;
                    continue;
                }
                let (after, key_line) = last?;
                return Some((
                    Position {
                        line: number,
                        column: 1,
                    },
                    t!("fm-sluiten-ontbreekt"),
                    t!(
                        "fm-sluiten-ontbreekt-hint",
                        number = after,
                        line = key_line.trim_end()
                    ),
                ));
            }
            None
        }
    }
}

/// Warnings for text that a ` #` cuts short: YAML reads the rest of the line as a comment,
/// so `samenvatting: Meer dan 50 scholen #gelijkekansen` loses its hashtag without a word.
/// Lines that hold only a comment are fine: those are meant.
pub fn cut_by_comment(yaml: &str, lines: LineMap) -> Vec<YamlError> {
    if !yaml.contains(" #") {
        return Vec::new();
    }
    let rows: Vec<&str> = yaml.lines().collect();
    granit_parser::Parser::new_from_str(yaml)
        .map_while(Result::ok)
        .filter_map(|(event, span)| {
            let granit_parser::Event::Scalar(value, granit_parser::ScalarStyle::Plain, ..) = event
            else {
                return None;
            };
            let (start, end) = (span.start, span.end);
            if value.is_empty() || start.line() != end.line() {
                return None;
            }
            let row = rows.get(end.line().checked_sub(1)?)?;
            let byte = |column: usize| row.char_indices().nth(column).map_or(row.len(), |(i, _)| i);
            let after = &row[byte(end.col())..];
            let comment = after.trim_start();
            if !comment.starts_with('#') {
                return None;
            }
            let column = end.col() + after.chars().count() - comment.chars().count() + 1;
            let head = &row[..byte(start.col())];
            let whole = row[byte(start.col())..].trim_end();
            Some(YamlError {
                code: Code::CommentAfterValue,
                position: Some(Position {
                    line: end.line() + lines.first_line - 1,
                    column,
                }),
                message: t!("yaml-hekje", kept = value.as_ref()),
                hint: Some(t!(
                    "yaml-hekje-hint",
                    line = format!("{head}{}", quoted(whole))
                )),
                width: Some(comment.trim_end().chars().count()),
            })
        })
        .collect()
}

/// Turns the parser's error on `yaml` into one a communicator can act on.
fn explain(err: &serde_saphyr::Error, yaml: &str, lines: LineMap) -> YamlError {
    use serde_saphyr::Error as E;
    // Where the problem is written: for a value reached through an alias, the alias.
    let location = err.location();
    let position = location.and_then(|l| lines.position(l));
    let list_hint = || {
        location
            .and_then(|l| list_line(yaml, l))
            .map(|line| t!("schrijf-lijst-regel", line = line))
            .or_else(|| type_hint("sequence"))
    };
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
            if expected.contains("sequence") {
                list_hint()
            } else {
                type_hint(expected)
            },
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
                "sequence start" => (t!("hier-lijst"), list_hint()),
                "mapping start" => (t!("hier-sleutels"), Some(t!("hier-sleutels-hint"))),
                "string scalar" | "scalar" => {
                    (t!("hier-een-waarde"), Some(t!("hier-een-waarde-hint")))
                }
                other => (t!("hier-hoort", what = kind_of(other)), type_hint(other)),
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
                other => kind_of(other),
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
            match (key, location.and_then(|l| first_of_key(yaml, l))) {
                (Some(key), Some(first)) => t!(
                    "sleutel-dubbel-regel",
                    key = key.as_str(),
                    line = first + lines.first_line - 1
                ),
                (Some(key), None) => t!("sleutel-dubbel", key = key.as_str()),
                (None, _) => t!("sleutel-dubbel-onbekend"),
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
                let line = location.and_then(|l| {
                    yaml.lines()
                        .nth(usize::try_from(l.line()).ok()?.checked_sub(1)?)
                });
                let (message, hint) = in_words(strip_location_suffix(&text), line);
                (Code::YamlSyntax, message, Some(hint))
            }
        }
    };
    // A value's problem is marked under the whole value.
    let value = matches!(
        code,
        Code::WrongType | Code::NotAllowed | Code::InvalidValue
    );
    YamlError {
        code,
        position,
        message,
        hint,
        width: location
            .filter(|_| value)
            .and_then(|l| value_width(yaml, l)),
    }
}

/// The YAML parser's message, which is English and written for programmers, said in the
/// communicator's words, with the fix for `line` (the line it stopped on) where it is certain.
/// A message not recognised keeps the parser's words inside a plain frame.
fn in_words(parser: &str, line: Option<&str>) -> (String, String) {
    // `key: value` of the line, to show it written as it should be.
    let pair = line.and_then(|line| {
        let (key, value) = line.split_once(": ")?;
        Some((key, value.trim()))
    });
    let with_value = |value: String| {
        pair.map(|(key, _)| format!("{key}: {value}"))
            .unwrap_or(value)
    };
    if parser == "unclosed quote" {
        let closed = pair.and_then(|(_, value)| {
            let quote = value.chars().next().filter(|c| matches!(c, '"' | '\''))?;
            Some(with_value(format!("{value}{quote}")))
        });
        let hint = match closed {
            Some(line) => t!("yaml-aanhalingsteken-open-hint", line = line),
            None => t!("yaml-aanhalingsteken-open-hint-kort"),
        };
        (t!("yaml-aanhalingsteken-open"), hint)
    } else if parser.starts_with("unclosed bracket '['") || parser.contains("flow sequence") {
        let closed = pair
            .filter(|(_, value)| value.starts_with('[') && !value.contains(']'))
            .map(|(_, value)| with_value(format!("{value}]")));
        let hint = match closed {
            Some(line) => t!("yaml-blokhaak-open-hint", line = line),
            None => t!("yaml-blokhaak-open-hint-kort"),
        };
        (t!("yaml-blokhaak-open"), hint)
    } else if parser.starts_with("unclosed bracket") || parser.contains("flow mapping") {
        let hint = match pair {
            Some((_, value)) => t!("yaml-accolade-hint", line = with_value(quoted(value))),
            None => t!("yaml-accolade-hint-kort"),
        };
        (t!("yaml-accolade"), hint)
    } else if let Some(character) = parser
        .strip_prefix("unexpected character: `")
        .and_then(|rest| rest.strip_suffix('\''))
    {
        let hint = match pair {
            Some((_, value)) => t!("yaml-teken-begin-hint", line = with_value(quoted(value))),
            None => t!("yaml-teken-begin-hint-kort"),
        };
        (t!("yaml-teken-begin", character = character), hint)
    } else if parser.contains("unknown anchor") {
        let hint = match pair.filter(|(_, value)| value.starts_with('*')) {
            Some((_, value)) => t!("yaml-anker-hint", line = with_value(quoted(value))),
            None => t!("yaml-anker-hint-kort"),
        };
        (t!("yaml-anker"), hint)
    } else if parser.contains("block scalar") {
        (t!("yaml-blok-tekst"), t!("yaml-blok-tekst-hint"))
    } else if parser.contains("did not find expected '-' indicator") {
        (t!("yaml-lijst-streepje"), t!("yaml-lijst-streepje-hint"))
    } else if parser.contains("did not find expected key")
        || parser.contains("could not find expected ':'")
        || parser.contains("simple key")
    {
        (t!("yaml-sleutel-verwacht"), t!("yaml-controleer"))
    } else if parser.contains("unknown escape character") {
        (t!("yaml-backslash"), t!("yaml-backslash-hint"))
    } else if parser.contains("EOF") || parser.contains("eof") || parser.contains("end of") {
        (t!("yaml-stopt"), t!("yaml-controleer"))
    } else {
        (t!("yaml-onbekend", detail = parser), t!("yaml-controleer"))
    }
}

/// The characters of the YAML block line `location` is on, from `location` on.
fn rest_of_line(yaml: &str, location: Location) -> Option<&str> {
    let line = yaml
        .lines()
        .nth(usize::try_from(location.line()).ok()?.checked_sub(1)?)?;
    let column = usize::try_from(location.column()).ok()?.saturating_sub(1);
    let byte = line
        .char_indices()
        .nth(column)
        .map_or(line.len(), |(i, _)| i);
    Some(&line[byte..])
}

/// How many characters the value at `location` takes: a list or mapping written between
/// brackets up to its closing bracket (or the line's end), anything else as the parser
/// measured it.
fn value_width(yaml: &str, location: Location) -> Option<usize> {
    let rest = rest_of_line(yaml, location)?;
    if !rest.starts_with(['[', '{']) {
        return usize::try_from(location.span().len())
            .ok()
            .filter(|len| *len > 0);
    }
    let mut depth = 0usize;
    let mut quote = None;
    for (count, c) in rest.chars().enumerate() {
        match (quote, c) {
            (Some(open), c) if c == open => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '[' | '{') => depth += 1,
            (None, ']' | '}') => {
                depth -= 1;
                if depth == 0 {
                    return Some(count + 1);
                }
            }
            _ => {}
        }
    }
    Some(rest.trim_end().chars().count())
}

/// The line of a list that was written as one text at `location` (`themas: Taal, Sport`), as
/// a list between brackets: `themas: [Taal, Sport]`. `None` when the text is not plain text
/// on one line.
fn list_line(yaml: &str, location: Location) -> Option<String> {
    let rest = rest_of_line(yaml, location)?;
    let width = usize::try_from(location.span().len()).ok()?;
    let text: String = rest.chars().take(width).collect();
    let on_one_line = width <= rest.chars().count();
    if !on_one_line || text.is_empty() || text.starts_with(['"', '\'', '[', '{', '|', '>']) {
        return None;
    }
    let line = yaml
        .lines()
        .nth(usize::try_from(location.line()).ok()? - 1)?;
    let head = &line[..line.len() - rest.len()];
    let items: Vec<String> = text
        .split(',')
        .map(str::trim)
        .filter(|item| !item.is_empty())
        .map(|item| {
            if item.contains([':', '#', '[', ']', '{', '}', '"', '\'']) {
                quoted(item)
            } else {
                item.to_string()
            }
        })
        .collect();
    Some(format!("{head}[{}]", items.join(", ")))
}

/// The YAML block line on which the key given again at `location` is first written: the
/// nearest line above with the same key, as far in.
fn first_of_key(yaml: &str, location: Location) -> Option<usize> {
    let rows: Vec<&str> = yaml.lines().collect();
    let index = usize::try_from(location.line()).ok()?.checked_sub(1)?;
    let line = rows.get(index)?;
    let key = plain_key(line)?;
    rows[..index]
        .iter()
        .rposition(|row| indent(row) == indent(line) && plain_key(row) == Some(key))
        .map(|i| i + 1)
}

/// The error for YAML that is not a mapping of keys at the top, when `err` (from [`keys`]) says
/// so: a list, a single text or a number instead of `key: value` lines.
pub fn not_a_mapping(err: &serde_saphyr::Error, yaml: &str, lines: LineMap) -> Option<YamlError> {
    let err = err.without_snippet();
    if !matches!(
        err,
        serde_saphyr::Error::Unexpected {
            expected: "mapping start",
            ..
        }
    ) {
        return None;
    }
    // An invisible space after a key's colon (copied from Word or a web page) makes the line
    // one text instead of a key and its value: say that, not that there are no keys.
    let odd = yaml
        .lines()
        .enumerate()
        .find_map(|(i, line)| odd_space(line, i + lines.first_line));
    odd.or_else(|| {
        Some(YamlError {
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
            width: None,
        })
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
            width: None,
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
    fn spaces_after_the_dashes_do_not_count() {
        let s = split("--- \ntitel: A\n---\t\nBody\n").unwrap();
        assert_eq!((s.yaml, s.body), ("titel: A\n", "Body\n"));
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
    fn the_parsers_own_messages_are_said_plainly_with_the_line_as_it_should_be() {
        let lines = LineMap { first_line: 2 };
        let err = |yaml: &str| parse::<serde_json::Value>(yaml, lines).unwrap_err();
        let cases = [
            (
                "titel: \"Onderwijs\n",
                "yaml-aanhalingsteken-open",
                "`titel: \"Onderwijs\"`",
            ),
            (
                "titel: 'Onderwijs\n",
                "yaml-aanhalingsteken-open",
                "`titel: 'Onderwijs'`",
            ),
            (
                "woorden: [a, b\n",
                "yaml-blokhaak-open",
                "`woorden: [a, b]`",
            ),
            ("titel: {a: b\n", "yaml-accolade", "`titel: \"{a: b\"`"),
            (
                "titel: @Contact\n",
                "yaml-teken-begin",
                "`titel: \"@Contact\"`",
            ),
            ("titel: A\nx: *b\n", "yaml-anker", "`x: \"*b\"`"),
        ];
        for (yaml, id, line) in cases {
            let found = err(yaml);
            assert_eq!(found.code, Code::YamlSyntax, "{yaml}: {found:?}");
            let expected = match id {
                "yaml-teken-begin" => crate::t!("yaml-teken-begin", character = "@"),
                _ => crate::i18n::text(id, &[]),
            };
            assert_eq!(found.message, expected, "{yaml}");
            let hint = found.hint.unwrap();
            assert!(hint.contains(line), "{yaml}: {hint}");
        }
        // A message not recognised keeps the parser's words, inside a plain frame.
        let block = err("titel: |x\n  a\n");
        assert_eq!(block.message, crate::i18n::text("yaml-blok-tekst", &[]));
        let unknown = "while scanning a directive, found something";
        let (message, _) = in_words(unknown, None);
        assert_eq!(message, crate::t!("yaml-onbekend", detail = unknown));
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
    fn uneven_indentation_is_said_with_the_line_as_it_should_be() {
        let lines = LineMap { first_line: 2 };
        let err = |yaml: &str| parse::<serde_json::Value>(yaml, lines).unwrap_err();

        let less = err("themas:\n  - Taal\n - Sport\n");
        assert_eq!(less.position, Some(Position { line: 4, column: 2 }));
        assert!(less.message.contains("minder ver in"), "{less:?}");
        assert!(less.hint.unwrap().ends_with("`  - Sport`"));

        // One space further in is no syntax error: YAML glues the item to the one above.
        let glued = err("themas:\n  - Taal\n   - Sport\n");
        assert_eq!(glued.position, Some(Position { line: 4, column: 4 }));
        assert!(glued.message.contains("plakt"), "{glued:?}");
        assert!(glued.hint.unwrap().ends_with("`  - Sport`"));

        let key = err("titel: A\n status: lopend\n");
        assert_eq!(key.position, Some(Position { line: 3, column: 2 }));
        assert!(key.message.contains("verder in"), "{key:?}");
        assert!(key.hint.unwrap().ends_with("`status: lopend`"));

        // Blocks under their key, mappings in list items, list items as far in as their key
        // and lines of a `|` text are all as they should be.
        for yaml in [
            "onderwijs:\n  - naam: X\n    soorten:\n      - a\n  - naam: Y\n",
            "samenvatting: |\n  - een\n   - twee\ntitel: A\n",
            "themas:\n- Taal\n- Sport\n",
            "a:\n  b: 1\nc: 2\n",
            "themas:\n  - Taal en\n    rekenen\n",
        ] {
            assert!(parse::<serde_json::Value>(yaml, lines).is_ok(), "{yaml:?}");
        }
    }

    #[test]
    fn a_value_on_the_line_under_its_key_goes_after_the_colon() {
        let lines = LineMap { first_line: 2 };
        let err = parse::<serde_json::Value>("titel:\nKansrijk in Almere\n", lines).unwrap_err();
        assert_eq!(err.position, Some(Position { line: 3, column: 1 }));
        assert_eq!(err.width, Some(18));
        assert!(err.message.contains("`titel`"), "{err:?}");
        assert!(
            err.hint.unwrap().ends_with("`titel: Kansrijk in Almere`"),
            "the line as it should be"
        );
        let err = parse::<serde_json::Value>("a: 1\nsamenvatting:\n- Taal\nEen tekst\n", lines)
            .unwrap_err();
        assert!(!err.message.contains("regel eronder"), "{err:?}");
        // Indented under its key, the text is the key's value.
        assert!(parse::<serde_json::Value>("titel:\n  Kansrijk in Almere\n", lines).is_ok());
    }

    #[test]
    fn a_list_written_as_text_is_shown_between_brackets() {
        #[derive(Debug, serde::Deserialize)]
        #[allow(dead_code)]
        struct Agenda {
            themas: Vec<String>,
        }
        let lines = LineMap { first_line: 2 };
        let err = parse::<Agenda>("themas: Taal, Sport en spel\n", lines).unwrap_err();
        assert_eq!(err.code, Code::WrongType);
        assert_eq!(err.position, Some(Position { line: 2, column: 9 }));
        assert_eq!(err.width, Some(19));
        assert!(
            err.hint
                .unwrap()
                .contains("`themas: [Taal, Sport en spel]`"),
        );
        // A quoted text may hold commas of its own: no line is guessed.
        let err = parse::<Agenda>("themas: \"Taal, Sport\"\n", lines).unwrap_err();
        assert!(!err.hint.unwrap().contains('['), "no brackets");
    }

    #[test]
    fn value_problems_are_marked_under_the_whole_value() {
        let lines = LineMap { first_line: 2 };
        let width = |yaml: &str| parse::<Doc>(yaml, lines).unwrap_err().width;
        assert_eq!(width("titel: A\nnummer: twee keer\n"), Some(9));
        assert_eq!(width("titel: A\nnummer: \"twee\" # x\n"), Some(6));
        assert_eq!(width("titel: [A, [B]] # x\n"), Some(8));
        // A list that is never closed: up to the line's end.
        assert_eq!(width("titel: [A, B  \n"), Some(5));
    }

    #[test]
    fn a_hash_after_a_text_is_a_warning_with_the_quoted_line() {
        let lines = LineMap { first_line: 2 };
        let yaml = "titel: Wij zijn #1 in Almere\nthemas:\n  - Taal # mooi\n# een opmerking\n\
                    x: \"a # b\" # c\nurl: https://x.nl/#deel\nleeg: # niets\n";
        let found = cut_by_comment(yaml, lines);
        let at: Vec<_> = found.iter().map(|w| w.position.unwrap()).collect();
        assert_eq!(
            at,
            [
                Position {
                    line: 2,
                    column: 17
                },
                Position {
                    line: 4,
                    column: 10
                }
            ]
        );
        assert!(found.iter().all(|w| w.code == Code::CommentAfterValue));
        assert!(found[0].message.contains("`Wij zijn`"), "{found:?}");
        assert_eq!(found[0].width, Some(12));
        assert!(
            (found[0].hint.as_deref().unwrap()).contains(r#"`titel: "Wij zijn #1 in Almere"`"#)
        );
        assert!((found[1].hint.as_deref().unwrap()).contains(r#"`  - "Taal # mooi"`"#));
    }

    #[test]
    fn front_matter_lines_that_are_missing_or_too_many_are_found() {
        let missing = split_mistake("titel: A\n---\nTekst\n", &SplitError::Missing).unwrap();
        assert_eq!(missing.0, Position { line: 1, column: 1 });
        assert!(missing.1.contains("ontbreekt") && missing.2.contains("`titel: A`"));
        let dashes = split_mistake("----\ntitel: A\n---\n", &SplitError::Missing).unwrap();
        assert!(dashes.1.contains("`----`"), "{dashes:?}");
        assert_eq!(
            split_mistake("# Kop\n\nTekst\n", &SplitError::Missing),
            None
        );

        let unclosed = "---\ntitel: A\nthemas:\n  - Taal\n\nTekst.\n";
        let unclosed = split_mistake(unclosed, &SplitError::Unclosed).unwrap();
        assert_eq!(unclosed.0, Position { line: 6, column: 1 });
        assert!(unclosed.2.contains("regel 4 (`  - Taal`)"), "{unclosed:?}");
        // After an empty line, `#` starts a Markdown heading.
        let heading = split_mistake(
            "---\ntitel: A\n# opmerking\n\n# Kop\n",
            &SplitError::Unclosed,
        );
        assert_eq!(heading.unwrap().0, Position { line: 5, column: 1 });

        let early = |text: &str| early_close(&split(text).unwrap()).map(|e| e.position);
        assert_eq!(
            early("---\n---\ntitel: A\n---\nTekst\n"),
            Some(Some(Position { line: 2, column: 1 }))
        );
        assert_eq!(
            early("---\ntitel: A\n---\n\nsamenvatting: B\nthemas:\n  - Taal\n---\n"),
            Some(Some(Position { line: 3, column: 1 }))
        );
        // A body with a line under a paragraph, or that starts with a word and a colon.
        assert_eq!(early("---\ntitel: A\n---\nEen alinea.\n\n---\n"), None);
        assert_eq!(early("---\ntitel: A\n---\nLet op: dit\n---\n"), None);
        assert_eq!(
            early("---\ntitel: A\n---\nlet: op\nEen alinea.\n---\n"),
            None
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
        assert_eq!(
            err.message,
            "de sleutel 'titel' staat er twee keer: ook op regel 2"
        );
    }

    #[test]
    fn a_list_or_a_text_is_not_a_mapping() {
        let lines = LineMap { first_line: 2 };
        for yaml in ["- titel\n- A\n", "Huiswerkklas\n", "42\n", "[a, b]\n"] {
            let err = keys(yaml).unwrap_err();
            let err = not_a_mapping(&err, yaml, lines).unwrap_or_else(|| panic!("{yaml:?}: {err}"));
            assert_eq!(err.code, Code::NotAMapping);
            assert_eq!(err.position, Some(Position { line: 2, column: 1 }));
        }
        // A key followed by a non-breaking space instead of a space is one text, too.
        let yaml = "titel:\u{a0}Huiswerkklas\n";
        let err = not_a_mapping(&keys(yaml).unwrap_err(), yaml, lines).unwrap();
        assert_eq!(err.code, Code::YamlSyntax);
        assert!(err.message.contains("U+00A0"), "{}", err.message);
        assert!(err.hint.unwrap().contains("`titel: Huiswerkklas`"));
        let err = keys("titel: [A\n").unwrap_err();
        assert!(
            not_a_mapping(&err, "titel: [A\n", lines).is_none(),
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

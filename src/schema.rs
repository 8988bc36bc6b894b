//! `gka schema`: JSON Schemas of `content/site.yaml` and of the front matter of every content
//! type, for editors (completion and validation while typing).
//!
//! The schemas are derived with `schemars` from the same Rust types that read the files, so
//! they cannot drift from what `gka` accepts. They describe keys and value types; checks that
//! need the whole site (themes against the agenda, links, URLs) stay with `gka check`.
//! Editors show their titles and descriptions to communicators, so those are Dutch, written
//! next to each field (`#[schemars(description = …)]`); the `///` comments are for developers.
//!
//! `schemars` does not see serde's aliases (`title` for `titel`, `A` for `voldoet`), so they
//! are added here, read off the same derived `Deserialize` the loader uses: each alias is a
//! property (or word) of its own, marked with [`ALIAS_OF`], and a file may use the key or its
//! alias but not both, as the loader rejects that.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, schema_for};
use serde::de::DeserializeOwned;
use serde_json::{Map, Value, json};

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::Meta;
use crate::content::front_matter::{fields_of, key_of, read_word, variants_of};
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::page::{Home, Page, SectionIntro};
use crate::content::programmalijn::Programmalijn;
use crate::content::site_config::{Beveiliging, Nalevingsstatus, SiteConfig};
use crate::content::toegankelijkheid::Toegankelijkheid;
pub use crate::content::types::Place;
use crate::content::types::{ContentKind, Kind, SECTION_FILE, TYPES};
use crate::content::values::Erkenningsniveau;
use crate::content::{CONFIG_FILE, CONTENT_DIR};

/// The keyword that marks a property or a word as another name for the one it gives, as in
/// `"title": { "x-alias-of": "titel", … }`. Validators ignore it; the forms of [`crate::cms`]
/// leave such names out, so they offer only the Dutch keys and words.
pub const ALIAS_OF: &str = "x-alias-of";

/// The keyword that marks a text as the path of a photo among the site's static files, as in
/// `"bestand": { "type": "string", "x-afbeelding": true }`. Validators ignore it; the forms of
/// [`crate::cms`] offer an image picker for it.
pub const IMAGE: &str = "x-afbeelding";

/// A document's whole front matter: the common keys and those of its type.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
#[schemars(
    description = "De gegevens bovenaan het bestand: de algemene sleutels en de sleutels van dit soort pagina."
)]
struct FrontMatter<T> {
    #[serde(flatten)]
    meta: Meta,
    #[serde(flatten)]
    data: T,
}

/// The schema of one kind of file.
#[derive(Debug)]
pub struct SchemaFile {
    /// The kind, e.g. `interventie`; the file is `<name>.schema.json`.
    pub name: &'static str,
    /// Which files it describes, as a glob relative to the site's folder.
    pub files: String,
    /// Where those files are in `content/`, for the CMS configurations of [`crate::cms`];
    /// `None` for `site.yaml`.
    pub place: Option<Place>,
    /// The top-level keys in the order the Rust type declares them (forms show them so).
    pub order: Vec<&'static str>,
    /// The schema.
    pub schema: Schema,
}

/// The common keys that forms show after those of the content type: rarely needed.
const META_LAST: [&str; 5] = ["trefwoorden", "concept", "volgorde", "slug", "aliassen"];

/// The schema of a front-matter type, titled for editors, with its keys in declared order.
fn front_matter<T: JsonSchema + serde::de::DeserializeOwned>(
    title: &str,
) -> (Schema, Vec<&'static str>) {
    let mut schema = schema_for!(FrontMatter<T>);
    schema.insert("title".into(), title.into());
    let root = schema
        .as_object_mut()
        .expect("a struct's schema is an object");
    add_key_aliases::<Meta>(root);
    add_key_aliases::<T>(root);
    add_nested_aliases(root);
    forbid_unknown_keys(root);
    let meta = fields_of::<Meta>();
    let mut order: Vec<&'static str> = meta
        .iter()
        .chain(fields_of::<T>())
        .copied()
        .filter(|key| !META_LAST.contains(key))
        .collect();
    order.extend(META_LAST.iter().filter(|key| meta.contains(key)));
    let order = keep_properties(&schema_ref(&schema), order);
    (schema, order)
}

/// The schema as JSON.
fn schema_ref(schema: &Schema) -> serde_json::Value {
    serde_json::to_value(schema).expect("a schema is JSON")
}

/// The keys of `order` that the schema lists as properties, but not the aliases.
fn keep_properties(schema: &serde_json::Value, order: Vec<&'static str>) -> Vec<&'static str> {
    let properties = &schema["properties"];
    order
        .into_iter()
        .filter(|key| {
            properties
                .get(*key)
                .is_some_and(|p| p.get(ALIAS_OF).is_none())
        })
        .collect()
}

/// The loader reports every key it does not know (GKA-E007), so the schema does
/// too; `schemars` cannot say so itself for a struct whose keys are flattened from two types.
fn forbid_unknown_keys(object: &mut Map<String, Value>) {
    object.insert("additionalProperties".into(), false.into());
}

/// Lists the aliases of struct `T`'s keys in `object`, a schema with `T`'s keys: each alias
/// as a property of its own with the schema of its key; where the key is required, the key or
/// its alias is; and never both, which the loader rejects as a key given twice.
fn add_key_aliases<T: DeserializeOwned>(object: &mut Map<String, Value>) {
    for &name in fields_of::<T>() {
        let properties = object["properties"]
            .as_object_mut()
            .expect("a struct's schema has properties");
        if properties.contains_key(name) {
            continue;
        }
        let key = key_of::<T>(name).unwrap_or_else(|| {
            panic!(
                "cannot tell which key `{name}` is an alias of: see `key_of` for the types it reads"
            )
        });
        let mut alias = properties[key].clone();
        let meaning = alias["description"].as_str().unwrap_or_default();
        // Every key has a description (a test checks), so the alias repeats its meaning.
        alias["description"] =
            format!("De Engelse naam van {key}. {meaning} Gebruik in één bestand niet allebei.")
                .into();
        alias[ALIAS_OF] = key.into();
        properties.insert(name.into(), alias);

        let mut rules = vec![json!({ "not": { "required": [key, name] } })];
        if let Some(required) = object.get_mut("required").and_then(Value::as_array_mut) {
            let before = required.len();
            required.retain(|r| r != key);
            if required.len() < before {
                rules.push(json!({ "anyOf": [{ "required": [key] }, { "required": [name] }] }));
            }
        }
        let all = object.entry("allOf").or_insert_with(|| json!([]));
        all.as_array_mut().expect("allOf is a list").extend(rules);
    }
}

/// Lists the aliases of the words of enum `E` in `def`, its schema: each as a word of its own
/// with the meaning of the word it reads as.
fn add_word_aliases<E: DeserializeOwned + PartialEq>(def: &mut Map<String, Value>) {
    let variants = def["oneOf"]
        .as_array_mut()
        .expect("an enum whose words are described is a oneOf of words");
    let words: Vec<(String, String)> = variants
        .iter()
        .map(|v| {
            let word = v["const"].as_str().expect("each variant is one word");
            let meaning = v["description"].as_str().unwrap_or_default();
            (word.to_string(), meaning.to_string())
        })
        .collect();
    for &name in variants_of::<E>() {
        if words.iter().any(|(word, _)| word == name) {
            continue;
        }
        let value = read_word::<E>(name);
        let (word, meaning) = words
            .iter()
            .find(|(word, _)| read_word::<E>(word) == value)
            .unwrap_or_else(|| panic!("`{name}` reads as none of the words {words:?}"));
        variants.push(json!({
            "type": "string",
            "const": name,
            "description": format!("Hetzelfde als {word}. {meaning}").trim_end(),
            ALIAS_OF: word,
        }));
    }
}

/// The schema of `T` among the definitions of `schema`, if `schema` refers to `T`.
fn def_mut<T: JsonSchema>(schema: &mut Map<String, Value>) -> Option<&mut Map<String, Value>> {
    schema
        .get_mut("$defs")?
        .get_mut(T::schema_name().as_ref())?
        .as_object_mut()
}

/// Adds the aliases of the types a schema refers to. They are listed by hand because serde
/// tells a type's aliases only to code that names the type; a test checks that every alias in
/// the sources ends up in a schema.
fn add_nested_aliases(schema: &mut Map<String, Value>) {
    if let Some(def) = def_mut::<Beveiliging>(schema) {
        add_key_aliases::<Beveiliging>(def);
    }
    if let Some(def) = def_mut::<Nalevingsstatus>(schema) {
        add_word_aliases::<Nalevingsstatus>(def);
    }
    if let Some(def) = def_mut::<Erkenningsniveau>(schema) {
        add_word_aliases::<Erkenningsniveau>(def);
    }
}

/// One kind of Markdown file.
fn of_type<T: JsonSchema + serde::de::DeserializeOwned + ContentKind>() -> SchemaFile {
    let info = T::KIND.info();
    let (schema, order) = front_matter::<T>(info.label);
    let files = match info.place {
        Place::File(file) => format!("{CONTENT_DIR}/{file}"),
        Place::Folder { folder, .. } => format!("{CONTENT_DIR}/{folder}/*.md"),
        Place::Sections => format!("{CONTENT_DIR}/**/{SECTION_FILE}"),
        Place::Pages => format!("{CONTENT_DIR}/**/*.md"),
    };
    SchemaFile {
        name: info.name,
        files,
        place: Some(info.place),
        order,
        schema,
    }
}

/// The schema of a content type's files.
fn of_kind(kind: Kind) -> SchemaFile {
    match kind {
        Kind::Home => of_type::<Home>(),
        Kind::Agenda => of_type::<Agenda>(),
        Kind::Toegankelijkheid => of_type::<Toegankelijkheid>(),
        Kind::Addendum => of_type::<Addendum>(),
        Kind::Interventie => of_type::<Interventie>(),
        Kind::Programmalijn => of_type::<Programmalijn>(),
        Kind::Nieuws => of_type::<Nieuws>(),
        Kind::Section => of_type::<SectionIntro>(),
        Kind::Page => of_type::<Page>(),
    }
}

/// Every schema: `site.yaml`, then one per content type, in the order of [`TYPES`].
pub fn schemas() -> Vec<SchemaFile> {
    let mut site = schema_for!(SiteConfig);
    site.insert("title".into(), "content/site.yaml".into());
    let root = site
        .as_object_mut()
        .expect("a struct's schema is an object");
    add_key_aliases::<SiteConfig>(root);
    add_nested_aliases(root);
    forbid_unknown_keys(root);
    let order = keep_properties(&schema_ref(&site), fields_of::<SiteConfig>().to_vec());
    let settings = SchemaFile {
        name: "site",
        files: format!("{CONTENT_DIR}/{CONFIG_FILE}"),
        place: None,
        order,
        schema: site,
    };
    std::iter::once(settings)
        .chain(TYPES.iter().map(|t| of_kind(t.kind)))
        .collect()
}

/// Writes every schema as `<dir>/<name>.schema.json`; returns the files written.
pub fn write(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir)?;
    let mut written = Vec::new();
    for file in schemas() {
        let path = dir.join(format!("{}.schema.json", file.name));
        let mut text = serde_json::to_string_pretty(&file.schema)?;
        text.push('\n');
        std::fs::write(&path, text)?;
        written.push(path);
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::content::front_matter;

    fn validators() -> HashMap<&'static str, jsonschema::Validator> {
        schemas()
            .into_iter()
            .map(|f| {
                let json = serde_json::to_value(&f.schema).unwrap();
                let validator = jsonschema::validator_for(&json)
                    .unwrap_or_else(|e| panic!("{} is not a valid schema: {e}", f.name));
                (f.name, validator)
            })
            .collect()
    }

    /// Every problem of one YAML text against the named schema.
    fn problems(
        validators: &HashMap<&str, jsonschema::Validator>,
        name: &str,
        yaml: &str,
    ) -> Vec<String> {
        let value: serde_json::Value = if yaml.trim().is_empty() {
            serde_json::json!({})
        } else {
            serde_saphyr::from_str(yaml).unwrap()
        };
        validators[name]
            .iter_errors(&value)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect()
    }

    #[test]
    fn every_example_file_validates_against_its_schema() {
        let validators = validators();
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut checked = 0;
        for content in [
            root.join("content"),
            root.join("tests/fixtures/overheid/content"),
        ] {
            for entry in walkdir::WalkDir::new(&content) {
                let entry = entry.unwrap();
                let rel = entry.path().strip_prefix(&content).unwrap();
                let rel = rel.to_string_lossy().replace('\\', "/");
                let text = || std::fs::read_to_string(entry.path()).unwrap();
                let found = if rel == "site.yaml" {
                    problems(&validators, "site", &text())
                } else if rel.ends_with(".md") && !rel.starts_with("static/") {
                    let text = text();
                    let split = front_matter::split(&text).unwrap();
                    problems(&validators, crate::content::kind_name(&rel), split.yaml)
                } else {
                    continue;
                };
                assert!(found.is_empty(), "{}: {found:#?}", entry.path().display());
                checked += 1;
            }
        }
        assert!(checked > 20, "only {checked} files checked");
    }

    /// Each schema's keys are the keys the loader accepts for that kind, aliases included.
    #[test]
    fn the_schemas_list_every_key_the_loader_accepts() {
        use std::collections::BTreeSet;

        fn accepted<T: serde::de::DeserializeOwned>(with_meta: bool) -> BTreeSet<&'static str> {
            let meta = if with_meta { fields_of::<Meta>() } else { &[] };
            meta.iter().chain(fields_of::<T>()).copied().collect()
        }
        let loader: HashMap<&str, BTreeSet<&str>> = HashMap::from([
            ("site", accepted::<SiteConfig>(false)),
            ("home", accepted::<Home>(true)),
            ("agenda", accepted::<Agenda>(true)),
            ("toegankelijkheid", accepted::<Toegankelijkheid>(true)),
            ("addendum", accepted::<Addendum>(true)),
            ("interventie", accepted::<Interventie>(true)),
            ("programmalijn", accepted::<Programmalijn>(true)),
            ("nieuws", accepted::<Nieuws>(true)),
            ("sectie", accepted::<SectionIntro>(true)),
            ("pagina", accepted::<Page>(true)),
        ]);
        let files = schemas();
        assert_eq!(files.len(), loader.len());
        for file in files {
            let schema = schema_ref(&file.schema);
            let listed: BTreeSet<&str> = schema["properties"]
                .as_object()
                .unwrap()
                .keys()
                .map(String::as_str)
                .collect();
            assert_eq!(listed, loader[file.name], "{}", file.name);
            assert_eq!(schema["additionalProperties"], false, "{}", file.name);
        }
    }

    /// Every alias written in the content types' sources (`alias = "…"`) is in a schema: the
    /// aliases of nested types are added by [`add_nested_aliases`], which names them by hand.
    #[test]
    fn every_alias_in_the_sources_is_in_a_schema() {
        fn aliases(schema: &Value, found: &mut Vec<String>) {
            match schema {
                Value::Object(map) => {
                    if map.contains_key(ALIAS_OF) {
                        let name = map.get("const").and_then(Value::as_str);
                        found.extend(name.map(str::to_string));
                    }
                    if let Some(properties) = map.get("properties").and_then(Value::as_object) {
                        for (name, property) in properties {
                            if property.get(ALIAS_OF).is_some() {
                                found.push(name.clone());
                            }
                        }
                    }
                    map.values().for_each(|v| aliases(v, found));
                }
                Value::Array(items) => items.iter().for_each(|v| aliases(v, found)),
                _ => {}
            }
        }
        let mut in_schemas = Vec::new();
        for file in schemas() {
            aliases(&schema_ref(&file.schema), &mut in_schemas);
        }
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/content");
        let mut in_sources = Vec::new();
        for entry in std::fs::read_dir(dir).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            // Test modules have aliases of types made up for the test.
            let code = text.split("#[cfg(test)]").next().unwrap();
            for (at, _) in code.match_indices("alias = \"") {
                let rest = &code[at + "alias = \"".len()..];
                in_sources.push(rest[..rest.find('"').unwrap()].to_string());
            }
        }
        assert!(in_sources.len() >= 10, "{in_sources:?}");
        for alias in in_sources {
            assert!(in_schemas.contains(&alias), "`{alias}` is in no schema");
        }
    }

    /// The titles and descriptions editors show: every key has a description, each on one
    /// line, in Dutch rather than in the developers' English.
    #[test]
    fn every_key_has_a_dutch_description_on_one_line() {
        const ENGLISH: [&str; 15] = [
            "the", "its", "and", "with", "from", "which", "must", "default", "defaults", "rust",
            "required", "optional", "when", "this", "that",
        ];
        fn check(schema: &Value, at: &str, problems: &mut Vec<String>) {
            match schema {
                Value::Object(map) => {
                    for keyword in ["title", "description"] {
                        let Some(text) = map.get(keyword).and_then(Value::as_str) else {
                            continue;
                        };
                        let english = text
                            .split(|c: char| !c.is_alphanumeric())
                            .find(|w| ENGLISH.contains(&w.to_lowercase().as_str()));
                        if text.contains('\n') || text.contains('`') || english.is_some() {
                            problems.push(format!("{at}: {keyword} {text:?}"));
                        }
                    }
                    for (name, value) in map {
                        let at = format!("{at}/{name}");
                        if name == "properties" || name == "$defs" {
                            for (key, property) in value.as_object().unwrap() {
                                if name == "properties" && property.get("description").is_none() {
                                    problems.push(format!("{at}/{key}: no description"));
                                }
                                check(property, &format!("{at}/{key}"), problems);
                            }
                        } else {
                            check(value, &at, problems);
                        }
                    }
                }
                Value::Array(items) => {
                    for (i, item) in items.iter().enumerate() {
                        check(item, &format!("{at}/{i}"), problems);
                    }
                }
                _ => {}
            }
        }
        let mut problems = Vec::new();
        for file in schemas() {
            check(&schema_ref(&file.schema), file.name, &mut problems);
        }
        assert!(problems.is_empty(), "{problems:#?}");
    }

    /// The schema and the loader agree on documents that use the English keys and the other
    /// names of words, and on those that use a key and its alias both.
    #[test]
    fn the_schemas_accept_the_aliases_the_loader_accepts() {
        let validators = validators();
        let cases = [
            ("pagina", "title: X\n", true),
            (
                "nieuws",
                "title: X\nsummary: Kort\ndate: 2024-03-01\ndraft: true\nweight: 2\n\
                 slug: x\naliases: [/oud/]\nkeywords: [armoede]\n",
                true,
            ),
            (
                "interventie",
                "title: X\nerkenning:\n  niveau: theoretisch-goed-onderbouwd\n  databank: rivm\n",
                true,
            ),
            (
                "site",
                "gemeente: X\nsecurity:\n  contact: mailto:a@b.example\n  expires: 2030-01-01\n  \
                 policy: https://b.example/\ntoegankelijkheid:\n  register: https://r.example/1\n  \
                 status: B\n",
                true,
            ),
            ("pagina", "samenvatting: geen titel\n", false),
            ("pagina", "summary: no title\n", false),
            ("pagina", "titel: X\ntitle: X\n", false),
            (
                "pagina",
                "titel: X\nsamenvatting: Kort\nsummary: Kort\n",
                false,
            ),
            ("pagina", "titel: X\ntitl: Y\n", false),
            (
                "site",
                "gemeente: X\nbeveiliging:\n  contact: mailto:a@b.example\n  \
                 verloopt: 2030-01-01\n  expires: 2030-01-01\n",
                false,
            ),
            (
                "site",
                "gemeente: X\nbeveiliging:\n  contact: mailto:a@b.example\n\
                 security:\n  contact: mailto:a@b.example\n",
                false,
            ),
        ];
        for (name, yaml, valid) in cases {
            let found = problems(&validators, name, yaml);
            assert_eq!(found.is_empty(), valid, "{name} schema, {yaml}{found:#?}");
            let loaded = if name == "site" {
                let lines = front_matter::LineMap { first_line: 1 };
                crate::content::parse_typed::<SiteConfig>(yaml, lines, &[]).is_ok()
            } else {
                let path = match name {
                    "pagina" => "x.md",
                    "nieuws" => "nieuws/x.md",
                    _ => "interventies/x.md",
                };
                let text = format!("---\n{yaml}---\n");
                crate::content::parse_markdown(Path::new("content").join(path), path, &text).is_ok()
            };
            assert_eq!(loaded, valid, "{name} loader, {yaml}");
        }
    }

    #[test]
    fn the_schemas_catch_wrong_values() {
        let validators = validators();
        let wrong = [
            ("interventie", "titel: X\nstatus: misschien\n"),
            ("interventie", "titel: X\nleeftijden: [\"zes\"]\n"),
            ("nieuws", "titel: X\ndatum: 24 maart\n"),
            ("programmalijn", "titel: X\n"),
            ("agenda", "titel: X\nthemas: Taal\n"),
            ("pagina", "samenvatting: geen titel\n"),
            ("site", "titel: geen gemeente\n"),
            ("pagina", "titel: X\ntitle: Y\n"),
            ("nieuws", "title: X\ndatum: 2021-03-24\ndate: 2021-03-24\n"),
        ];
        for (name, yaml) in wrong {
            assert!(
                !problems(&validators, name, yaml).is_empty(),
                "{name} accepts {yaml:?}"
            );
        }
    }

    #[test]
    fn the_english_names_of_the_common_keys_are_valid_as_gka_reads_them() {
        let validators = validators();
        let yaml = "title: X\nsummary: S\ndate: 2021-03-24\ndraft: false\nweight: 2\n\
                    aliases: [/oud/]\nkeywords: [armoede]\n";
        for name in ["pagina", "nieuws", "interventie"] {
            assert_eq!(
                problems(&validators, name, yaml),
                Vec::<String>::new(),
                "{name}"
            );
        }
        let meta: Meta = front_matter::parse(yaml, front_matter::LineMap { first_line: 2 })
            .expect("gka reads the English names");
        assert_eq!(meta.titel, "X");
        assert_eq!(meta.trefwoorden, ["armoede"]);
    }
}

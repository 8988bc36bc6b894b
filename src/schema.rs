//! `gka schema`: JSON Schemas of `content/site.yaml` and of the front matter of every content
//! type, for editors (completion and validation while typing).
//!
//! The schemas are derived with `schemars` from the same Rust types that read the files, so
//! they cannot drift from what `gka` accepts. They describe keys and value types; checks that
//! need the whole site (themes against the agenda, links, URLs) stay with `gka check`.
//! The English names of the common keys (`title` for `titel`) are listed too, so a file
//! that uses them is valid in the editor as it is for `gka`; forms show only the Dutch keys.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, schema_for};

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::Meta;
use crate::content::front_matter::fields_of;
use crate::content::interventie::Interventie;
use crate::content::nieuws::Nieuws;
use crate::content::page::{Home, Page, SectionIntro};
use crate::content::programmalijn::Programmalijn;
use crate::content::site_config::SiteConfig;
use crate::content::toegankelijkheid::Toegankelijkheid;

/// A document's whole front matter: the common keys and those of its type.
#[derive(JsonSchema)]
#[allow(dead_code)] // only its schema is used
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
    pub files: &'static str,
    /// Where those files are, for the CMS configurations of [`crate::cms`].
    pub place: Place,
    /// The top-level keys in the order the Rust type declares them (forms show them so).
    pub order: Vec<&'static str>,
    /// The schema.
    pub schema: Schema,
}

/// Where the files of one kind are, relative to the site's folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `content/site.yaml`.
    Settings,
    /// One Markdown file, e.g. `content/agenda.md`.
    File(&'static str),
    /// Every Markdown file in a folder but its `_index.md`; `plural` names them.
    Folder {
        /// The folder, e.g. `content/interventies`.
        path: &'static str,
        /// What a list of them is called, e.g. `Interventies`.
        plural: &'static str,
    },
    /// The `_index.md` of every folder.
    Sections,
    /// Every other Markdown file: those in `content/` itself but the home page, the agenda
    /// and the accessibility statement, and those in folders of no content type.
    Pages,
}

/// The common keys that forms show after those of the content type: rarely needed.
const META_LAST: [&str; 5] = ["trefwoorden", "concept", "volgorde", "slug", "aliassen"];

/// The English names `gka` accepts for the common keys (the `#[serde(alias)]`es of [`Meta`],
/// which schemars does not read), as (English, Dutch). A test keeps it equal to serde's.
const META_ALIASES: [(&str, &str); 7] = [
    ("title", "titel"),
    ("summary", "samenvatting"),
    ("date", "datum"),
    ("draft", "concept"),
    ("weight", "volgorde"),
    ("aliases", "aliassen"),
    ("keywords", "trefwoorden"),
];

/// Lists the English names of the common keys in `schema`: each with its Dutch key's schema,
/// never both names in one file (serde rejects that as a duplicate), and a required key
/// satisfied by either name.
fn add_aliases(schema: &mut Schema) {
    let object = schema
        .as_object_mut()
        .expect("a front-matter schema is an object");
    let mut both = Vec::new();
    if let Some(properties) = object
        .get_mut("properties")
        .and_then(serde_json::Value::as_object_mut)
    {
        for (english, dutch) in META_ALIASES {
            let Some(mut property) = properties.get(dutch).cloned() else {
                continue;
            };
            property["description"] = format!("De Engelse naam van `{dutch}`.").into();
            properties.insert(english.into(), property);
            both.push(serde_json::json!({ "not": { "required": [dutch, english] } }));
        }
    }
    let mut either = Vec::new();
    if let Some(required) = object
        .get_mut("required")
        .and_then(serde_json::Value::as_array_mut)
    {
        required.retain(|key| {
            let alias = META_ALIASES
                .iter()
                .find(|(_, dutch)| key.as_str() == Some(dutch));
            if let Some((english, dutch)) = alias {
                either.push(serde_json::json!({
                    "anyOf": [{ "required": [dutch] }, { "required": [english] }]
                }));
            }
            alias.is_none()
        });
    }
    both.extend(either);
    if !both.is_empty() {
        object.insert("allOf".into(), both.into());
    }
}

/// The schema of a front-matter type, titled for editors, with its keys in declared order.
fn front_matter<T: JsonSchema + serde::de::DeserializeOwned>(
    title: &str,
) -> (Schema, Vec<&'static str>) {
    let mut schema = schema_for!(FrontMatter<T>);
    schema.insert("title".into(), title.into());
    let meta = fields_of::<Meta>();
    let mut order: Vec<&'static str> = meta
        .iter()
        .chain(fields_of::<T>())
        .copied()
        .filter(|key| !META_LAST.contains(key))
        .collect();
    order.extend(META_LAST.iter().filter(|key| meta.contains(key)));
    let order = keep_properties(&schema_ref(&schema), order);
    add_aliases(&mut schema);
    (schema, order)
}

/// The schema as JSON.
fn schema_ref(schema: &Schema) -> serde_json::Value {
    serde_json::to_value(schema).expect("a schema is JSON")
}

/// The keys of `order` that the schema lists as properties (serde also names the aliases).
fn keep_properties(schema: &serde_json::Value, order: Vec<&'static str>) -> Vec<&'static str> {
    let properties = &schema["properties"];
    order
        .into_iter()
        .filter(|key| properties.get(*key).is_some())
        .collect()
}

/// One kind of Markdown file.
fn kind<T: JsonSchema + serde::de::DeserializeOwned>(
    name: &'static str,
    files: &'static str,
    place: Place,
    title: &str,
) -> SchemaFile {
    let (schema, order) = front_matter::<T>(title);
    SchemaFile {
        name,
        files,
        place,
        order,
        schema,
    }
}

/// Every schema: `site.yaml`, then one per content type (see [`crate::content::kind_name`]).
pub fn schemas() -> Vec<SchemaFile> {
    let mut site = schema_for!(SiteConfig);
    site.insert("title".into(), "content/site.yaml".into());
    let order = keep_properties(&schema_ref(&site), fields_of::<SiteConfig>().to_vec());
    vec![
        SchemaFile {
            name: "site",
            files: "content/site.yaml",
            place: Place::Settings,
            order,
            schema: site,
        },
        kind::<Home>(
            "home",
            "content/index.md",
            Place::File("content/index.md"),
            "Startpagina",
        ),
        kind::<Agenda>(
            "agenda",
            "content/agenda.md",
            Place::File("content/agenda.md"),
            "GKA-Agenda",
        ),
        kind::<Toegankelijkheid>(
            "toegankelijkheid",
            "content/toegankelijkheid.md",
            Place::File("content/toegankelijkheid.md"),
            "Toegankelijkheidsverklaring",
        ),
        kind::<Addendum>(
            "addendum",
            "content/addenda/*.md",
            Place::Folder {
                path: "content/addenda",
                plural: "Addenda",
            },
            "Addendum",
        ),
        kind::<Interventie>(
            "interventie",
            "content/interventies/*.md",
            Place::Folder {
                path: "content/interventies",
                plural: "Interventies",
            },
            "Interventie",
        ),
        kind::<Programmalijn>(
            "programmalijn",
            "content/programmalijnen/*.md",
            Place::Folder {
                path: "content/programmalijnen",
                plural: "Programmalijnen",
            },
            "Programmalijn",
        ),
        kind::<Nieuws>(
            "nieuws",
            "content/nieuws/*.md",
            Place::Folder {
                path: "content/nieuws",
                plural: "Nieuws en evenementen",
            },
            "Nieuwsbericht of evenement",
        ),
        kind::<SectionIntro>(
            "sectie",
            "content/**/_index.md",
            Place::Sections,
            "Inleiding van een sectie (_index.md)",
        ),
        kind::<Page>("pagina", "content/**/*.md", Place::Pages, "Gewone pagina"),
    ]
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

    /// Editors show these texts to communicators while they type: Dutch, one line each.
    #[test]
    fn every_key_has_a_dutch_description_of_one_line() {
        for file in schemas() {
            let json = schema_ref(&file.schema);
            for (key, property) in json["properties"].as_object().unwrap() {
                let description = property["description"].as_str().unwrap_or_default();
                assert!(!description.is_empty(), "{}: {key}", file.name);
                assert!(
                    !description.contains('\n'),
                    "{}: {key}: {description}",
                    file.name
                );
                for english in ["The ", " the ", " its ", " which ", " must "] {
                    assert!(
                        !description.contains(english),
                        "{}: {key}: {description}",
                        file.name
                    );
                }
            }
        }
    }

    #[test]
    fn the_aliases_listed_are_serdes() {
        let properties = schema_ref(&schema_for!(Meta))["properties"].clone();
        let serde_aliases: Vec<&str> = fields_of::<Meta>()
            .iter()
            .copied()
            .filter(|key| properties.get(*key).is_none())
            .collect();
        let mut listed: Vec<&str> = META_ALIASES.iter().map(|(english, _)| *english).collect();
        let mut serde_aliases = serde_aliases;
        listed.sort_unstable();
        serde_aliases.sort_unstable();
        assert_eq!(listed, serde_aliases);
    }
}

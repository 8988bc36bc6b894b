//! `gka schema`: JSON Schemas of `content/site.yaml` and of the front matter of every content
//! type, for editors (completion and validation while typing).
//!
//! The schemas are derived with `schemars` from the same Rust types that read the files, so
//! they cannot drift from what `gka` accepts. They describe keys and value types; checks that
//! need the whole site (themes against the agenda, links, URLs) stay with `gka check`.
//! English aliases of keys (`title` for `titel`) are accepted by `gka` but not listed.

use std::path::{Path, PathBuf};

use schemars::{JsonSchema, Schema, schema_for};

use crate::content::addendum::Addendum;
use crate::content::agenda::Agenda;
use crate::content::document::Meta;
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
    /// The schema.
    pub schema: Schema,
}

/// The schema of a front-matter type, titled for editors.
fn front_matter<T: JsonSchema>(title: &str) -> Schema {
    let mut schema = schema_for!(FrontMatter<T>);
    schema.insert("title".into(), title.into());
    schema
}

/// Every schema: `site.yaml`, then one per content type (see [`crate::content::kind_name`]).
pub fn schemas() -> Vec<SchemaFile> {
    let mut site = schema_for!(SiteConfig);
    site.insert("title".into(), "content/site.yaml".into());
    vec![
        SchemaFile {
            name: "site",
            files: "content/site.yaml",
            schema: site,
        },
        SchemaFile {
            name: "home",
            files: "content/index.md",
            schema: front_matter::<Home>("Startpagina"),
        },
        SchemaFile {
            name: "agenda",
            files: "content/agenda.md",
            schema: front_matter::<Agenda>("GKA-Agenda"),
        },
        SchemaFile {
            name: "toegankelijkheid",
            files: "content/toegankelijkheid.md",
            schema: front_matter::<Toegankelijkheid>("Toegankelijkheidsverklaring"),
        },
        SchemaFile {
            name: "addendum",
            files: "content/addenda/*.md",
            schema: front_matter::<Addendum>("Addendum"),
        },
        SchemaFile {
            name: "interventie",
            files: "content/interventies/*.md",
            schema: front_matter::<Interventie>("Interventie"),
        },
        SchemaFile {
            name: "programmalijn",
            files: "content/programmalijnen/*.md",
            schema: front_matter::<Programmalijn>("Programmalijn"),
        },
        SchemaFile {
            name: "nieuws",
            files: "content/nieuws/*.md",
            schema: front_matter::<Nieuws>("Nieuwsbericht of evenement"),
        },
        SchemaFile {
            name: "sectie",
            files: "content/**/_index.md",
            schema: front_matter::<SectionIntro>("Inleiding van een sectie (_index.md)"),
        },
        SchemaFile {
            name: "pagina",
            files: "content/**/*.md",
            schema: front_matter::<Page>("Gewone pagina"),
        },
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
        ];
        for (name, yaml) in wrong {
            assert!(
                !problems(&validators, name, yaml).is_empty(),
                "{name} accepts {yaml:?}"
            );
        }
    }
}

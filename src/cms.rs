//! `gka schema --cms`: form-based editors for communicators. Writes `frontmatter.json` for
//! Front Matter CMS (a VS Code extension) and `config.yml` for Decap CMS or Sveltia CMS (web
//! editors that commit to the repository).
//!
//! Both are read off the JSON Schemas of [`crate::schema`], which are derived from the Rust
//! types that read the files, so a form offers exactly the keys `gka` accepts and every closed
//! list (status, onderwijs, erkenning…) offers exactly the values of its enum.

use std::path::Path;

use serde::Serialize;
use serde_json::{Map, Value};

use crate::content::CONTENT_DIR;
use crate::content::types::{Place, SECTION_FILE, TYPES};
use crate::schema::{ALIAS_OF, IMAGE, SchemaFile, schemas};

/// Which editor to configure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cms {
    /// Front Matter CMS: `frontmatter.json` in the site's folder.
    FrontMatter,
    /// Decap CMS or Sveltia CMS: `content/static/admin/config.yml`.
    Decap,
}

impl Cms {
    /// Where the configuration goes, relative to the site's folder.
    pub fn default_path(self) -> &'static str {
        match self {
            Cms::FrontMatter => "frontmatter.json",
            Cms::Decap => "content/static/admin/config.yml",
        }
    }
}

/// The Git host a web editor commits to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Backend {
    /// `github` or `gitlab`.
    pub name: String,
    /// The repository, `owner/name`.
    pub repo: String,
    /// GitLab: the Application ID of the site's GitLab application, with which editors log in
    /// through GitLab itself (PKCE).
    pub app_id: Option<String>,
}

/// What the Decap configuration needs besides the content types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecapOptions {
    /// The repository to commit to; without one, the editor works only on this computer,
    /// through `npx decap-server` (Decap's local backend).
    pub backend: Option<Backend>,
    /// The branch to commit to.
    pub branch: String,
}

impl Default for DecapOptions {
    fn default() -> Self {
        DecapOptions {
            backend: None,
            branch: "main".into(),
        }
    }
}

/// A schema shape the forms cannot show; a bug in a front-matter type's schema.
#[derive(Debug, thiserror::Error)]
#[error("{}", t!("cms-schema-onbekend", kind = kind, key = key, schema = schema))]
pub struct Unsupported {
    kind: String,
    key: String,
    schema: String,
}

/// One key of a form.
#[derive(Debug, Clone, PartialEq)]
pub struct Field {
    /// The key, e.g. `ondertekend_door`.
    pub name: String,
    /// What the form calls it, e.g. `Ondertekend door`.
    pub label: String,
    /// The schema's description.
    pub hint: Option<String>,
    /// Whether the file must have it.
    pub required: bool,
    /// What kind of value.
    pub kind: Kind,
}

/// The kind of value a key takes.
#[derive(Debug, Clone, PartialEq)]
pub enum Kind {
    /// Text on one line, optionally of a form (a regular expression).
    Text {
        /// The regular expression the text must match.
        pattern: Option<String>,
        /// What the pattern asks for, in words.
        format: Option<String>,
    },
    /// A date, written `YYYY-MM-DD`.
    Date,
    /// A photo among the site's static files, written as its site path (`/static/img/a.jpg`);
    /// its schema is marked with [`IMAGE`].
    Image,
    /// Yes or no.
    Boolean,
    /// A whole number.
    Integer {
        /// The smallest allowed.
        min: Option<i64>,
        /// The largest allowed.
        max: Option<i64>,
    },
    /// One (or several) of a closed list of words.
    Choice {
        /// The words, in the enum's order.
        options: Vec<String>,
        /// Whether the value is a list of them.
        multiple: bool,
    },
    /// A list of texts, each optionally of a form.
    List {
        /// The regular expression each text must match.
        pattern: Option<String>,
        /// What the pattern asks for, in words.
        format: Option<String>,
    },
    /// A group of keys.
    Object {
        /// The name of its type, e.g. `Video`.
        name: String,
        /// Its keys.
        fields: Vec<Field>,
    },
    /// A list of groups of keys.
    Objects {
        /// The name of the items' type, e.g. `Resultaat`.
        name: String,
        /// The keys of each item.
        fields: Vec<Field>,
    },
}

/// Reads a form off a JSON Schema.
struct Reader<'a> {
    defs: &'a Map<String, Value>,
    kind: &'a str,
}

impl Reader<'_> {
    fn unsupported(&self, key: &str, schema: &Value) -> Unsupported {
        Unsupported {
            kind: self.kind.to_string(),
            key: key.to_string(),
            schema: schema.to_string(),
        }
    }

    /// The fields of an object schema, in `order` or else required first, then by name.
    fn fields(
        &self,
        object: &Value,
        order: Option<&[&str]>,
        key: &str,
    ) -> Result<Vec<Field>, Unsupported> {
        let properties = object["properties"]
            .as_object()
            .ok_or_else(|| self.unsupported(key, object))?;
        let required = required(object);
        let names: Vec<&str> = match order {
            Some(order) => order.to_vec(),
            None => required
                .iter()
                .copied()
                .chain(
                    properties
                        .keys()
                        .map(String::as_str)
                        .filter(|k| !required.contains(k)),
                )
                .filter(|k| properties[*k].get(ALIAS_OF).is_none())
                .collect(),
        };
        names
            .into_iter()
            .map(|name| {
                let schema = &properties[name];
                Ok(Field {
                    name: name.to_string(),
                    label: schema["title"]
                        .as_str()
                        .map_or_else(|| label(name), str::to_string),
                    hint: schema["description"].as_str().map(str::to_string),
                    required: required.contains(&name),
                    kind: self.kind(schema, name)?,
                })
            })
            .collect()
    }

    /// The kind of value a property schema describes.
    fn kind(&self, schema: &Value, key: &str) -> Result<Kind, Unsupported> {
        if let Some(reference) = schema["$ref"].as_str() {
            let name = reference.trim_start_matches("#/$defs/");
            let def = self
                .defs
                .get(name)
                .ok_or_else(|| self.unsupported(key, schema))?;
            if name == "Datum" {
                return Ok(Kind::Date);
            }
            return self.named(def, name, key);
        }
        self.named(schema, "", key)
    }

    /// The kind of value of a schema that may be a definition called `name`.
    fn named(&self, schema: &Value, name: &str, key: &str) -> Result<Kind, Unsupported> {
        if let Some(variants) = schema["anyOf"].as_array() {
            // `Option<T>` is `anyOf [T, null]`; one-or-more is `anyOf [string, array]`,
            // where the list is the general case.
            let not_null: Vec<&Value> = variants.iter().filter(|v| v["type"] != "null").collect();
            let pick = not_null
                .iter()
                .find(|v| v["type"] == "array")
                .or(not_null.first())
                .ok_or_else(|| self.unsupported(key, schema))?;
            return self.kind(pick, key);
        }
        // A choice of words: schemars writes it as a `oneOf` of `const`s or as a plain `enum`.
        // Forms offer the words, not their aliases (see `schema::ALIAS_OF`).
        let words: Option<Option<Vec<String>>> =
            match (schema["oneOf"].as_array(), schema["enum"].as_array()) {
                (Some(variants), _) => Some(
                    variants
                        .iter()
                        .filter(|v| v.get(ALIAS_OF).is_none())
                        .map(|v| v["const"].as_str().map(str::to_string))
                        .collect(),
                ),
                (None, Some(words)) => Some(
                    words
                        .iter()
                        .map(|w| w.as_str().map(str::to_string))
                        .collect(),
                ),
                (None, None) => None,
            };
        if let Some(options) = words {
            return options
                .map(|options| Kind::Choice {
                    options,
                    multiple: false,
                })
                .ok_or_else(|| self.unsupported(key, schema));
        }
        let ty = match &schema["type"] {
            Value::String(ty) => ty.as_str(),
            Value::Array(types) => types
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .unwrap_or(""),
            _ => "",
        };
        match ty {
            "string" if schema.get(IMAGE).is_some() => Ok(Kind::Image),
            "string" => Ok(Kind::Text {
                pattern: schema["pattern"].as_str().map(str::to_string),
                format: schema["pattern"]
                    .as_str()
                    .and(schema["description"].as_str())
                    .map(str::to_string),
            }),
            "boolean" => Ok(Kind::Boolean),
            "integer" => Ok(Kind::Integer {
                min: schema["minimum"].as_i64(),
                max: schema["maximum"].as_i64(),
            }),
            "array" => Ok(match self.kind(&schema["items"], key)? {
                Kind::Choice { options, .. } => Kind::Choice {
                    options,
                    multiple: true,
                },
                Kind::Object { name, fields } => Kind::Objects { name, fields },
                Kind::Text { pattern, format } => Kind::List { pattern, format },
                _ => return Err(self.unsupported(key, schema)),
            }),
            "object" => Ok(Kind::Object {
                name: name.to_string(),
                fields: self.fields(schema, None, key)?,
            }),
            _ => Err(self.unsupported(key, schema)),
        }
    }
}

/// The form of one kind of file: its keys in the order its type declares them.
pub fn form(file: &SchemaFile) -> Result<Vec<Field>, Unsupported> {
    let schema = serde_json::to_value(&file.schema).expect("a schema is JSON");
    let empty = Map::new();
    let reader = Reader {
        defs: schema["$defs"].as_object().unwrap_or(&empty),
        kind: file.name,
    };
    reader.fields(&schema, Some(&file.order), file.name)
}

/// The keys an object schema requires: those it lists as `required`, and those of which it
/// requires the key or its alias (`anyOf` a `required` each, see [`crate::schema`]).
fn required(object: &Value) -> Vec<&str> {
    fn names(required: &Value) -> Vec<&str> {
        required
            .as_array()
            .map(|r| r.iter().filter_map(Value::as_str).collect())
            .unwrap_or_default()
    }
    let mut required = names(&object["required"]);
    for rule in object["allOf"].as_array().into_iter().flatten() {
        for choice in rule["anyOf"].as_array().into_iter().flatten() {
            required.extend(names(&choice["required"]));
        }
    }
    required
}

/// A key as a form label: `ondertekend_door` becomes `Ondertekend door`. A key whose label
/// would not read well names its own in the schema (`title`), e.g. `Thema's`.
fn label(key: &str) -> String {
    let words = key.replace('_', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => words,
    }
}

/// The title of a schema, e.g. `Interventie`.
fn title(file: &SchemaFile) -> String {
    file.schema
        .get("title")
        .and_then(Value::as_str)
        .unwrap_or(file.name)
        .to_string()
}

// ---------------------------------------------------------------------------------------------
// Front Matter CMS

/// A field of a Front Matter CMS content type.
#[derive(Debug, Serialize)]
struct FmField {
    title: String,
    name: String,
    #[serde(rename = "type")]
    ty: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<String>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    single: bool,
    #[serde(rename = "dateFormat", skip_serializing_if = "Option::is_none")]
    date_format: Option<&'static str>,
    #[serde(rename = "isPublishDate", skip_serializing_if = "std::ops::Not::not")]
    publish_date: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    choices: Option<Vec<String>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    multiple: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<FmField>>,
}

/// The common key of a document's date (a news item's, an event's).
const DATE_FIELD: &str = "datum";

/// The common key of a document's one-sentence summary, used as its description.
const SUMMARY_FIELD: &str = "samenvatting";

/// How gka writes dates, in the notation of Front Matter CMS (date-fns).
const FM_DATE: &str = "yyyy-MM-dd";

/// The Front Matter CMS field of a form field, if it can show it. Lists of groups (a
/// programmalijn's `resultaten`, the statement's `onderzoeken`) are left to the text: its
/// `block` field writes a `fieldGroup` key into every item, which gka rejects.
fn fm_field(field: &Field) -> Option<FmField> {
    let mut out = FmField {
        title: field.label.clone(),
        name: field.name.clone(),
        ty: "string",
        description: field.hint.clone(),
        required: field.required,
        single: false,
        date_format: None,
        publish_date: false,
        choices: None,
        multiple: false,
        fields: None,
    };
    match &field.kind {
        Kind::Text { .. } => out.single = field.name != SUMMARY_FIELD,
        Kind::Date => {
            out.ty = "datetime";
            out.date_format = Some(FM_DATE);
            // The dashboard sorts and shows documents by it.
            out.publish_date = field.name == DATE_FIELD;
        }
        Kind::Boolean => out.ty = "boolean",
        // Written as a path from the public folder, `content` (see `FmConfig::public_folder`).
        Kind::Image => out.ty = "image",
        Kind::Integer { .. } => out.ty = "number",
        Kind::Choice { options, multiple } => {
            out.ty = "choice";
            out.choices = Some(options.clone());
            out.multiple = *multiple;
        }
        Kind::List { .. } => out.ty = "list",
        Kind::Object { fields, .. } => {
            out.ty = "fields";
            out.fields = Some(fields.iter().filter_map(fm_field).collect());
        }
        Kind::Objects { .. } => return None,
    }
    Some(out)
}

/// A Front Matter CMS content type.
#[derive(Debug, Serialize)]
struct FmContentType {
    name: &'static str,
    #[serde(rename = "pageBundle")]
    page_bundle: bool,
    #[serde(rename = "previewPath", skip_serializing_if = "Option::is_none")]
    preview_path: Option<String>,
    fields: Vec<FmField>,
}

/// A Front Matter CMS content folder.
#[derive(Debug, Serialize)]
struct FmFolder {
    title: String,
    path: String,
    #[serde(rename = "contentTypes")]
    content_types: [&'static str; 1],
    #[serde(rename = "filePrefix")]
    file_prefix: &'static str,
    #[serde(rename = "excludeSubdir", skip_serializing_if = "std::ops::Not::not")]
    exclude_subdir: bool,
    #[serde(rename = "excludePaths")]
    exclude_paths: Vec<String>,
}

/// The whole `frontmatter.json`.
#[derive(Debug, Serialize)]
struct FmConfig {
    #[serde(rename = "$schema")]
    schema: &'static str,
    #[serde(rename = "frontMatter.framework.startCommand")]
    start_command: &'static str,
    #[serde(rename = "frontMatter.preview.host")]
    preview_host: &'static str,
    #[serde(rename = "frontMatter.taxonomy.dateFormat")]
    date_format: &'static str,
    #[serde(rename = "frontMatter.taxonomy.seoTitleField")]
    title_field: &'static str,
    #[serde(rename = "frontMatter.taxonomy.seoDescriptionField")]
    description_field: &'static str,
    /// The folder image fields write paths from: `content`, so that a photo in
    /// `content/static/img/` is written `/static/img/foto.jpg`, the path gka publishes it at
    /// (with `content/static` it would be `/img/foto.jpg`).
    #[serde(rename = "frontMatter.content.publicFolder")]
    public_folder: &'static str,
    #[serde(rename = "frontMatter.content.draftField")]
    draft_field: Value,
    #[serde(rename = "frontMatter.content.pageFolders")]
    page_folders: Vec<FmFolder>,
    #[serde(rename = "frontMatter.taxonomy.contentTypes")]
    content_types: Vec<FmContentType>,
}

/// The files in `content/` itself that are content types of their own (the home page, the
/// agenda, the accessibility statement), so the folder of plain pages may not claim them.
fn single_files() -> Vec<String> {
    (TYPES.iter())
        .filter_map(|t| match t.place {
            Place::File(file) => Some(file.to_string()),
            _ => None,
        })
        .collect()
}

/// `frontmatter.json`: one content type per kind of Markdown file, and the folders whose files
/// Front Matter CMS can give their type (a folder with one content type).
///
/// Front Matter CMS takes a file's type from its folder, or else from a `type` key, which gka
/// does not accept. So the home page, the agenda, the accessibility statement and the `_index.md`
/// intros, which share their folders with other kinds, are in no folder: they are edited as
/// text, with the JSON Schemas checking them.
pub fn frontmatter() -> Result<String, Unsupported> {
    let mut content_types = Vec::new();
    let mut page_folders = Vec::new();
    for file in schemas() {
        let (folder, exclude_subdir, mut exclude) = match file.place {
            None => continue,
            Some(Place::Folder { folder, plural, .. }) => (
                Some((format!("{CONTENT_DIR}/{folder}"), plural.to_string())),
                false,
                vec![],
            ),
            Some(Place::Pages) => (
                Some((CONTENT_DIR.to_string(), "Pagina's".to_string())),
                true,
                single_files(),
            ),
            Some(Place::File(_) | Place::Sections) => (None, false, vec![]),
        };
        content_types.push(FmContentType {
            name: file.name,
            page_bundle: false,
            preview_path: None,
            fields: form(&file)?.iter().filter_map(fm_field).collect(),
        });
        if let Some((path, title)) = folder {
            exclude.push("_index.md".into());
            page_folders.push(FmFolder {
                title,
                path: format!("[[workspace]]/{path}"),
                content_types: [file.name],
                file_prefix: "",
                exclude_subdir,
                exclude_paths: exclude,
            });
        }
    }
    let config = FmConfig {
        schema: "https://frontmatter.codes/frontmatter.schema.json",
        start_command: "gka serve",
        preview_host: "http://127.0.0.1:1111",
        date_format: FM_DATE,
        // Front Matter CMS looks for `title` and `description` unless told.
        title_field: TITLE_FIELD,
        description_field: SUMMARY_FIELD,
        public_folder: CONTENT_DIR,
        draft_field: serde_json::json!({ "name": "concept", "type": "boolean" }),
        page_folders,
        content_types,
    };
    let mut text = serde_json::to_string_pretty(&config).expect("the configuration is JSON");
    text.push('\n');
    Ok(text)
}

// ---------------------------------------------------------------------------------------------
// Decap CMS and Sveltia CMS

/// A Decap CMS field (widget).
#[derive(Debug, Serialize)]
struct DecapField {
    name: String,
    label: String,
    widget: &'static str,
    #[serde(skip_serializing_if = "is_true")]
    required: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    hint: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pattern: Option<[String; 2]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    value_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    min: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_format: Option<bool>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    picker_utc: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    choose_url: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    options: Option<Vec<String>>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    multiple: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    field: Option<Box<DecapField>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<DecapField>>,
}

impl DecapField {
    fn new(name: &str, label: &str, widget: &'static str) -> DecapField {
        DecapField {
            name: name.to_string(),
            label: label.to_string(),
            widget,
            required: true,
            hint: None,
            pattern: None,
            value_type: None,
            min: None,
            max: None,
            format: None,
            date_format: None,
            time_format: None,
            picker_utc: false,
            choose_url: None,
            options: None,
            multiple: false,
            field: None,
            fields: None,
        }
    }
}

/// Decap fields are required unless they say `required: false`.
fn is_true(value: &bool) -> bool {
    *value
}

/// The key that holds every document's title, which editors show and name new files after.
const TITLE_FIELD: &str = "titel";

/// The repository of a Decap configuration written without `--repo`.
const REPO_TO_NAME: &str = "eigenaar/naam";

/// How gka writes dates, in the notation of Decap CMS (moment.js / day.js).
const DECAP_DATE: &str = "YYYY-MM-DD";

/// The Decap widget of a form field. Decap fields are required unless they say otherwise.
fn decap_field(field: &Field) -> DecapField {
    let mut out = DecapField::new(&field.name, &field.label, "string");
    out.required = field.required;
    out.hint = field.hint.clone();
    match &field.kind {
        Kind::Text { pattern, format } => {
            if field.name == SUMMARY_FIELD {
                out.widget = "text";
            }
            out.pattern = decap_pattern(pattern, format);
        }
        Kind::Date => {
            out.widget = "datetime";
            out.format = Some(DECAP_DATE);
            out.date_format = Some(DECAP_DATE);
            out.time_format = Some(false);
            // A date without a time, not shifted by the editor's time zone (which makes
            // 2025-06-14 into 2025-06-13 west of UTC).
            out.picker_utc = true;
        }
        Kind::Boolean => out.widget = "boolean",
        // Uploaded to and chosen from the site's `media_folder` (`content/static`), written
        // with its `public_folder` (`/static/…`); no address elsewhere, which gka refuses.
        Kind::Image => {
            out.widget = "image";
            out.choose_url = Some(false);
        }
        Kind::Integer { min, max } => {
            out.widget = "number";
            out.value_type = Some("int");
            out.min = *min;
            out.max = *max;
        }
        Kind::Choice { options, multiple } => {
            out.widget = "select";
            out.options = Some(options.clone());
            out.multiple = *multiple;
        }
        Kind::List { pattern, format } => {
            out.widget = "list";
            let mut item = DecapField::new("item", &field.label, "string");
            item.pattern = decap_pattern(pattern, format);
            out.field = Some(Box::new(item));
        }
        Kind::Object { fields, .. } => {
            out.widget = "object";
            out.fields = Some(fields.iter().map(decap_field).collect());
        }
        Kind::Objects { fields, .. } => {
            out.widget = "list";
            out.fields = Some(fields.iter().map(decap_field).collect());
        }
    }
    out
}

/// Decap's `pattern`: the regular expression and the message shown when a text fails it,
/// which is the Dutch description of the form the text must have.
fn decap_pattern(pattern: &Option<String>, format: &Option<String>) -> Option<[String; 2]> {
    let pattern = pattern.as_ref()?;
    let message = format
        .clone()
        .unwrap_or_else(|| "Deze tekst heeft niet de goede vorm.".into());
    Some([pattern.clone(), message])
}

/// The Markdown under the front matter.
fn decap_body() -> DecapField {
    let mut body = DecapField::new("body", "Tekst", "markdown");
    body.required = false;
    body
}

/// A Decap collection: a folder of files of one kind, or a list of single files.
#[derive(Debug, Serialize)]
struct DecapCollection {
    name: String,
    label: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    label_singular: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    folder: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    create: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    slug: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    extension: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    format: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    summary: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    identifier_field: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fields: Option<Vec<DecapField>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    files: Option<Vec<DecapFile>>,
}

impl DecapCollection {
    fn files(name: &str, label: &str, files: Vec<DecapFile>) -> DecapCollection {
        DecapCollection {
            name: name.into(),
            label: label.into(),
            label_singular: None,
            folder: None,
            create: None,
            slug: None,
            extension: None,
            format: None,
            summary: None,
            identifier_field: None,
            fields: None,
            files: Some(files),
        }
    }
}

/// One file of a files collection.
#[derive(Debug, Serialize)]
struct DecapFile {
    name: String,
    label: String,
    file: String,
    fields: Vec<DecapField>,
}

/// The backend section.
#[derive(Debug, Serialize)]
struct DecapBackend {
    name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    repo: Option<String>,
    branch: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    auth_type: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    app_id: Option<String>,
}

/// The whole `config.yml`.
#[derive(Debug, Serialize)]
struct DecapConfig {
    backend: DecapBackend,
    local_backend: bool,
    locale: &'static str,
    media_folder: &'static str,
    public_folder: &'static str,
    collections: Vec<DecapCollection>,
}

/// The `_index.md` intros `gka new` writes: one per folder of a content type.
fn section_intros() -> Vec<(&'static str, &'static str)> {
    (TYPES.iter())
        .filter_map(|t| match t.place {
            Place::Folder { folder, plural, .. } => Some((folder, plural)),
            _ => None,
        })
        .collect()
}

/// `config.yml` for Decap CMS (and Sveltia CMS, which reads the same file): a folder
/// collection per content type with a folder, the single files (settings, home page, agenda,
/// accessibility statement, the folders' intros), and the plain pages in `content/`.
pub fn decap(options: &DecapOptions) -> Result<String, Unsupported> {
    let mut folders = Vec::new();
    let mut singles = Vec::new();
    let mut intros = Vec::new();
    for file in schemas() {
        // The form, and under it the Markdown (`site.yaml` has none).
        let fields = || -> Result<Vec<DecapField>, Unsupported> {
            let mut fields: Vec<DecapField> = form(&file)?.iter().map(decap_field).collect();
            if file.place.is_some() {
                fields.push(decap_body());
            }
            Ok(fields)
        };
        let folder = |path: &str, plural: &str| -> Result<DecapCollection, Unsupported> {
            Ok(DecapCollection {
                name: file.name.to_string(),
                label: plural.to_string(),
                label_singular: Some(title(&file)),
                folder: Some(path.to_string()),
                create: Some(true),
                slug: Some("{{slug}}"),
                extension: Some("md"),
                format: Some("frontmatter"),
                summary: Some("{{titel}}"),
                // Decap names a new file after its `title` unless told which field it is.
                identifier_field: Some(TITLE_FIELD),
                fields: Some(fields()?),
                files: None,
            })
        };
        match file.place {
            None => singles.push(DecapFile {
                name: file.name.into(),
                label: "Instellingen van de site".into(),
                file: file.files.clone(),
                fields: fields()?,
            }),
            Some(Place::File(path)) => singles.push(DecapFile {
                name: file.name.into(),
                label: title(&file),
                file: format!("{CONTENT_DIR}/{path}"),
                fields: fields()?,
            }),
            Some(Place::Folder {
                folder: path,
                plural,
                ..
            }) => folders.push(folder(&format!("{CONTENT_DIR}/{path}"), plural)?),
            Some(Place::Sections) => {
                for (path, plural) in section_intros() {
                    intros.push(DecapFile {
                        name: path.into(),
                        label: format!("Inleiding: {plural}"),
                        file: format!("{CONTENT_DIR}/{path}/{SECTION_FILE}"),
                        fields: fields()?,
                    });
                }
            }
            Some(Place::Pages) => folders.push(folder(CONTENT_DIR, "Pagina's")?),
        }
    }
    let mut collections = vec![DecapCollection::files(
        "vast",
        "Vaste pagina's en instellingen",
        singles,
    )];
    collections.extend(folders);
    collections.push(DecapCollection::files(
        "inleidingen",
        "Inleidingen van de overzichten",
        intros,
    ));
    let backend = match &options.backend {
        Some(backend) => DecapBackend {
            name: backend.name.clone(),
            repo: Some(backend.repo.clone()),
            branch: options.branch.clone(),
            auth_type: backend.app_id.is_some().then_some("pkce"),
            app_id: backend.app_id.clone(),
        },
        // GitHub, which Decap and Sveltia both support without a service in between, for the
        // repository still to be named; until then the editor works through the local backend.
        None => DecapBackend {
            name: "github".into(),
            repo: Some(REPO_TO_NAME.into()),
            branch: options.branch.clone(),
            auth_type: None,
            app_id: None,
        },
    };
    let config = DecapConfig {
        backend,
        local_backend: true,
        locale: "nl",
        media_folder: "content/static",
        public_folder: "/static",
        collections,
    };
    let yaml = serde_saphyr::to_string(&config).expect("the configuration is YAML");
    Ok(format!(
        "# Decap CMS / Sveltia CMS: written by `gka schema --cms decap` from the types gka reads\n\
         # the files with. Do not edit; run the command again after changing gka, with\n\
         # `--repo eigenaar/naam` (and `--backend gitlab` for GitLab) to name the repository.\n{yaml}"
    ))
}

/// Writes the configuration of `cms` to `path`, creating its folder.
pub fn write(cms: Cms, path: &Path, decap_options: &DecapOptions) -> std::io::Result<()> {
    let text = match cms {
        Cms::FrontMatter => frontmatter(),
        Cms::Decap => decap(decap_options),
    }
    .map_err(std::io::Error::other)?;
    if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::write(path, text)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::*;
    use crate::content::values::{Erkenningsniveau, Onderwijs, Status};

    /// A value a form could write for `kind`: texts of a form pick the example that matches.
    fn sample(kind: &Kind) -> serde_json::Value {
        let text = |pattern: &Option<String>| -> Value {
            let Some(pattern) = pattern else {
                return "Voorbeeld".into();
            };
            let schema = serde_json::json!({ "type": "string", "pattern": pattern });
            let validator = jsonschema::validator_for(&schema).unwrap();
            ["2021-2024", "4-12", "nl", "10 MB"]
                .into_iter()
                .find(|c| validator.is_valid(&Value::from(*c)))
                .unwrap_or_else(|| panic!("no example matches {pattern}"))
                .into()
        };
        let object = |fields: &[Field]| -> Value {
            fields
                .iter()
                .map(|f| (f.name.clone(), sample(&f.kind)))
                .collect::<Map<_, _>>()
                .into()
        };
        match kind {
            Kind::Text { pattern, .. } => text(pattern),
            Kind::Date => "2024-03-01".into(),
            Kind::Image => "/static/img/foto.jpg".into(),
            Kind::Boolean => false.into(),
            Kind::Integer { .. } => 2024.into(),
            Kind::Choice { options, multiple } if *multiple => options.clone().into(),
            Kind::Choice { options, .. } => options[0].clone().into(),
            Kind::List { pattern, .. } => vec![text(pattern)].into(),
            Kind::Object { fields, .. } => object(fields),
            Kind::Objects { fields, .. } => vec![object(fields)].into(),
        }
    }

    /// Every key of every form, filled in, is a document gka reads: the forms write nothing
    /// gka rejects. (Checks across files, such as themes against the agenda, are not part of
    /// a single document.)
    #[test]
    fn a_document_with_every_form_field_filled_in_is_read_by_gka() {
        for file in schemas() {
            let fields = form(&file).unwrap();
            let document: Map<String, Value> = fields
                .iter()
                .map(|f| (f.name.clone(), sample(&f.kind)))
                .collect();
            let yaml = serde_saphyr::to_string(&document).unwrap();
            let content_path = match file.place {
                None => {
                    let lines = crate::content::front_matter::LineMap { first_line: 1 };
                    crate::content::parse_typed::<crate::content::site_config::SiteConfig>(
                        &yaml,
                        lines,
                        &[],
                    )
                    .unwrap_or_else(|e| panic!("site.yaml:\n{yaml}\n{e:?}"));
                    continue;
                }
                Some(Place::File(path)) => path.to_string(),
                Some(Place::Folder { folder, .. }) => format!("{folder}/voorbeeld.md"),
                Some(Place::Sections) => "interventies/_index.md".into(),
                Some(Place::Pages) => "voorbeeld.md".into(),
            };
            assert_eq!(crate::content::kind_name(&content_path), file.name);
            let text = format!("---\n{yaml}---\n\nTekst.\n");
            let rel = PathBuf::from("content").join(&content_path);
            if let Err(errors) = crate::content::parse_markdown(rel, &content_path, &text) {
                panic!("{content_path}:\n{text}\n{errors:#?}");
            }
        }
    }

    fn field<'a>(fields: &'a [Field], name: &str) -> &'a Field {
        fields.iter().find(|f| f.name == name).unwrap()
    }

    fn options(field: &Field) -> Vec<&str> {
        match &field.kind {
            Kind::Choice { options, .. } => options.iter().map(String::as_str).collect(),
            other => panic!("{} is not a choice: {other:?}", field.name),
        }
    }

    #[test]
    fn the_choices_are_the_enums() {
        let interventie = schemas()
            .into_iter()
            .find(|f| f.name == "interventie")
            .unwrap();
        let fields = form(&interventie).unwrap();
        assert_eq!(
            options(field(&fields, "onderwijs")),
            Onderwijs::ALL.map(Onderwijs::as_str)
        );
        let status = options(field(&fields, "status"));
        assert_eq!(
            status,
            [Status::Gepland, Status::Lopend, Status::Afgerond].map(Status::as_str)
        );
        let Kind::Object {
            fields: erkenning, ..
        } = &field(&fields, "erkenning").kind
        else {
            panic!("erkenning is a group of keys");
        };
        assert_eq!(
            options(field(erkenning, "niveau")),
            Erkenningsniveau::ALL.map(Erkenningsniveau::as_str)
        );
        assert!(matches!(
            field(&fields, "onderwijs").kind,
            Kind::Choice { multiple: true, .. }
        ));
    }

    /// The forms offer the Dutch keys and words only, though the schemas list the aliases, and
    /// a key that may be given by its alias (`titel` or `title`) is still required.
    #[test]
    fn forms_leave_the_aliases_out() {
        fn names(fields: &[Field], found: &mut Vec<String>) {
            for field in fields {
                found.push(field.name.clone());
                match &field.kind {
                    Kind::Object { fields, .. } | Kind::Objects { fields, .. } => {
                        names(fields, found)
                    }
                    Kind::Choice { options, .. } => found.extend(options.iter().cloned()),
                    _ => {}
                }
            }
        }
        let mut shown = Vec::new();
        let mut aliases = String::new();
        for file in schemas() {
            let fields = form(&file).unwrap();
            if file.place.is_some() {
                assert!(field(&fields, "titel").required, "{}", file.name);
            }
            names(&fields, &mut shown);
            aliases.push_str(&serde_json::to_string(&file.schema).unwrap());
        }
        for alias in [
            "title",
            "summary",
            "security",
            "expires",
            "A",
            "theoretisch-goed-onderbouwd",
        ] {
            assert!(
                aliases.contains(&format!("\"{alias}\"")),
                "{alias} is in a schema"
            );
            assert!(!shown.contains(&alias.to_string()), "a form shows {alias}");
        }
    }

    #[test]
    fn forms_list_the_keys_in_declared_order_with_the_rare_ones_last() {
        let nieuws = schemas().into_iter().find(|f| f.name == "nieuws").unwrap();
        let names: Vec<String> = form(&nieuws).unwrap().into_iter().map(|f| f.name).collect();
        assert_eq!(
            names,
            [
                "titel",
                "samenvatting",
                "datum",
                "soort",
                "locatie",
                "afbeelding",
                "trefwoorden",
                "concept",
                "volgorde",
                "slug",
                "aliassen"
            ]
        );
    }

    #[test]
    fn front_matter_cms_gets_a_folder_per_content_type_and_no_block_fields() {
        let config: Value = serde_json::from_str(&frontmatter().unwrap()).unwrap();
        let types = config["frontMatter.taxonomy.contentTypes"]
            .as_array()
            .unwrap();
        let names: Vec<&str> = types.iter().map(|t| t["name"].as_str().unwrap()).collect();
        for file in schemas().iter().filter(|f| f.place.is_some()) {
            assert!(names.contains(&file.name), "{names:?}");
        }
        let folders = config["frontMatter.content.pageFolders"]
            .as_array()
            .unwrap();
        for folder in folders {
            let types = folder["contentTypes"].as_array().unwrap();
            assert_eq!(
                types.len(),
                1,
                "a folder with one type gives its files that type"
            );
            assert!(folder["excludePaths"].to_string().contains("_index.md"));
        }
        assert!(!config.to_string().contains("\"block\""));
    }

    #[test]
    fn decap_commits_to_the_repository_given() {
        let options = DecapOptions {
            backend: Some(Backend {
                name: "gitlab".into(),
                repo: "gemeente/gka-site".into(),
                app_id: Some("abc123".into()),
            }),
            branch: "productie".into(),
        };
        let config: Value = serde_saphyr::from_str(&decap(&options).unwrap()).unwrap();
        assert_eq!(config["backend"]["name"], "gitlab");
        assert_eq!(config["backend"]["repo"], "gemeente/gka-site");
        assert_eq!(config["backend"]["branch"], "productie");
        assert_eq!(config["backend"]["auth_type"], "pkce");
        assert_eq!(config["backend"]["app_id"], "abc123");
        // Without a repository: a backend both editors support, the repository still to name,
        // and the local backend for working on this computer.
        let local: Value =
            serde_saphyr::from_str(&decap(&DecapOptions::default()).unwrap()).unwrap();
        assert_eq!(local["local_backend"], true);
        assert_eq!(local["backend"]["name"], "github");
        assert_eq!(local["backend"]["repo"], REPO_TO_NAME);
        assert!(local["backend"]["auth_type"].is_null());
    }

    /// Decap names a new entry's file after its identifier field, `title` unless told; every
    /// collection of a folder names `titel`, which each of its forms has, and dates are picked
    /// as dates, not shifted by the editor's time zone.
    #[test]
    fn decap_collections_name_their_title_and_pick_plain_dates() {
        let config: Value =
            serde_saphyr::from_str(&decap(&DecapOptions::default()).unwrap()).unwrap();
        let folders: Vec<&Value> = (config["collections"].as_array().unwrap().iter())
            .filter(|c| c["folder"].is_string())
            .collect();
        assert!(folders.len() >= 5);
        for collection in folders {
            assert_eq!(collection["identifier_field"], TITLE_FIELD, "{collection}");
            assert!(
                (collection["fields"].as_array().unwrap().iter())
                    .any(|f| f["name"] == TITLE_FIELD && f["required"].is_null()),
                "{}: a required titel field",
                collection["name"]
            );
        }
        let text = config.to_string();
        assert!(!text.contains("git-gateway"));
        fn dates(value: &Value, found: &mut Vec<Value>) {
            match value {
                Value::Object(map) if map.get("widget") == Some(&"datetime".into()) => {
                    found.push(value.clone())
                }
                Value::Object(map) => map.values().for_each(|v| dates(v, found)),
                Value::Array(list) => list.iter().for_each(|v| dates(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        dates(&config, &mut found);
        assert!(!found.is_empty());
        for date in found {
            assert_eq!(date["picker_utc"], true, "{date}");
            assert_eq!(date["time_format"], false, "{date}");
            assert_eq!(date["format"], "YYYY-MM-DD", "{date}");
        }
    }

    /// Front Matter CMS finds the title, the description and the date under gka's names.
    #[test]
    fn front_matter_cms_knows_gkas_names_for_title_description_and_date() {
        let config: Value = serde_json::from_str(&frontmatter().unwrap()).unwrap();
        assert_eq!(config["frontMatter.taxonomy.seoTitleField"], "titel");
        assert_eq!(
            config["frontMatter.taxonomy.seoDescriptionField"],
            "samenvatting"
        );
        let nieuws = (config["frontMatter.taxonomy.contentTypes"]
            .as_array()
            .unwrap()
            .iter())
        .find(|t| t["name"] == "nieuws")
        .unwrap();
        let datum = (nieuws["fields"].as_array().unwrap().iter())
            .find(|f| f["name"] == "datum")
            .unwrap();
        assert_eq!(datum["isPublishDate"], true);
    }
}

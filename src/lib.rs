//! `gka` turns a folder of Markdown files with YAML front matter about a gemeente's
//! Gelijke Kansen Alliantie work into a complete, accessible static website.
//!
//! The pipeline, one module per stage:
//! [`content`] (load) → [`site`] (validate and model) → [`render`] → [`output`] (write) →
//! [`search`] (index the written pages), run by [`build::Pipeline`]. Two modules support the
//! stages:
//! [`markdown`] turns Markdown into HTML and resolves its links while [`site`] builds the
//! model, and [`theme`] resolves the theme chain and compiles the templates that [`render`]
//! fills. [`serve`] runs the same pipeline behind a local web server, through [`rebuild`],
//! which keeps one pipeline and its caches: each change re-reads the files that changed,
//! re-renders the files whose template context changed and rewrites the files whose bytes
//! changed. [`new`] scaffolds a
//! new site for another gemeente; [`schema`] writes JSON Schemas of the front matter for
//! editors, and [`cms`] the configurations of form-based editors read off them.
//! [`diagnostics`] holds the problems every stage reports and prints them, [`uitleg`] explains
//! their codes, and [`i18n`] the language every text a person reads is in.

// First, so that its `t!` is in scope in every module below.
#[macro_use]
pub mod i18n;

pub mod build;
pub mod cms;
pub mod content;
pub mod diagnostics;
pub mod images;
pub mod markdown;
pub mod new;
pub mod open_data;
pub mod output;
pub mod rebuild;
pub mod render;
pub mod routes;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod sources;
pub mod theme;
pub mod uitleg;

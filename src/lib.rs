//! `gka` turns a folder of Markdown files with YAML front matter about a gemeente's
//! Gelijke Kansen Alliantie work into a complete, accessible static website.
//!
//! The pipeline, one module per stage:
//! [`content`] (load) → [`site`] (validate and model) → [`render`] → [`search`] (index) →
//! [`output`] (write),
//! driven by [`build`]. [`serve`] runs the same pipeline behind a local web server, through
//! [`rebuild`], which re-reads, re-renders and rewrites only what each change affects.
//! [`new`] scaffolds a new site for another gemeente; [`schema`] writes JSON Schemas of the
//! front matter for editors, and [`cms`] the configurations of form-based editors read off
//! them.

pub mod build;
pub mod cms;
pub mod content;
pub mod diagnostics;
pub mod markdown;
pub mod new;
pub mod output;
pub mod rebuild;
pub mod render;
pub mod schema;
pub mod search;
pub mod serve;
pub mod site;
pub mod theme;

//! `gka schema --cms` writes the configurations of form-based editors, and the copies the
//! repository ships are the current ones: `frontmatter.json` (Front Matter CMS) and
//! `content/static/admin/config.yml` (Decap CMS, Sveltia CMS). Regenerate them with
//! `cargo run -- schema --cms frontmatter` and `cargo run -- schema --cms decap` after changing
//! a front-matter type. The example still builds and passes `gka check --strict` with the
//! editor's configuration among its static files, and the file is published as it is.

mod common;

use std::fs;

/// Runs `gka schema --cms <cms>` into a temporary file and compares it with the committed one.
#[track_caller]
fn assert_current(cms: &str, committed: &str) -> String {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("out");
    common::gka(["schema", "--cms", cms, "--output", out.to_str().unwrap()]).assert_success();
    let new = fs::read_to_string(&out).unwrap();
    let old = fs::read_to_string(common::repo_root().join(committed))
        .unwrap_or_else(|e| panic!("{committed}: {e}"));
    assert!(
        new == old,
        "{committed} is out of date: run `cargo run -- schema --cms {cms}`"
    );
    new
}

#[test]
fn the_committed_front_matter_cms_configuration_is_current() {
    let text = assert_current("frontmatter", "frontmatter.json");
    let config: serde_json::Value = serde_json::from_str(&text).unwrap();
    let folders = config["frontMatter.content.pageFolders"]
        .as_array()
        .unwrap();
    for folder in folders {
        let path = folder["path"].as_str().unwrap();
        let rel = path.strip_prefix("[[workspace]]/").unwrap();
        assert!(
            common::repo_root().join(rel).is_dir(),
            "{path} is not a folder of the example"
        );
    }
}

#[test]
fn the_committed_decap_configuration_is_current() {
    let text = assert_current("decap", "content/static/admin/config.yml");
    let config: serde_json::Value = serde_saphyr::from_str(&text).unwrap();
    for collection in config["collections"].as_array().unwrap() {
        if let Some(folder) = collection["folder"].as_str() {
            assert!(common::repo_root().join(folder).is_dir(), "{folder}");
        }
        for file in collection["files"].as_array().into_iter().flatten() {
            let file = file["file"].as_str().unwrap();
            assert!(common::repo_root().join(file).is_file(), "{file}");
        }
    }
}

#[test]
fn the_example_publishes_the_decap_configuration_and_passes_strict_checks() {
    let root = common::SiteRoot::example();
    let check = common::gka(["check", "--strict", "--root", root.path().to_str().unwrap()]);
    check.assert_success();
    let built = common::build_example(&[]);
    let published = built.out.join("static/admin/config.yml");
    assert_eq!(
        fs::read(&published).unwrap(),
        fs::read(common::repo_root().join("content/static/admin/config.yml")).unwrap()
    );
}

#[test]
fn decap_takes_the_repository_and_branch_from_flags() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("admin/config.yml");
    common::gka([
        "schema",
        "--cms",
        "decap",
        "--repo",
        "gemeente/gka-site",
        "--backend",
        "gitlab",
        "--branch",
        "productie",
        "--output",
        out.to_str().unwrap(),
    ])
    .assert_success();
    let config: serde_json::Value =
        serde_saphyr::from_str(&fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(config["backend"]["name"], "gitlab");
    assert_eq!(config["backend"]["repo"], "gemeente/gka-site");
    assert_eq!(config["backend"]["branch"], "productie");
    // --repo means nothing without --cms.
    common::gka(["schema", "--repo", "gemeente/gka-site"]).assert_code(2);
}

//! `gka schema` writes one JSON Schema per kind of file, and the copies in `docs/schemas/` are the
//! current ones (regenerate with `cargo run -- schema` after changing a front-matter type).

mod common;

use std::fs;

#[test]
fn the_committed_schemas_are_current() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("schemas");
    common::gka(["schema", "--output", out.to_str().unwrap()]).assert_success();
    let written = common::files(&out);
    assert_eq!(written.len(), 10, "{written:?}");
    let committed = common::repo_root().join("docs/schemas");
    assert_eq!(common::files(&committed), written);
    for file in written {
        let new = fs::read_to_string(out.join(&file)).unwrap();
        let old = fs::read_to_string(committed.join(&file)).unwrap();
        assert!(
            new == old,
            "docs/schemas/{file} is out of date: run `cargo run -- schema --output docs/schemas`"
        );
        let json: serde_json::Value = serde_json::from_str(&new).unwrap();
        jsonschema::validator_for(&json).unwrap_or_else(|e| panic!("{file}: {e}"));
    }
}

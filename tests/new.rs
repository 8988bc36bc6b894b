//! `gka new`: the scaffolded site builds at once, its to-dos are listed as warnings, and a
//! folder that is not empty is refused.

mod common;

use std::fs;
use std::path::Path;

use common::{build_into_temp, check_json, gka};

/// Runs `gka new <folder> --gemeente <naam> <extra…>`.
fn new_site(folder: &Path, gemeente: &str, extra: &[&str]) -> common::Run {
    let mut args = vec![
        "new".to_string(),
        folder.display().to_string(),
        "--gemeente".into(),
        gemeente.into(),
    ];
    args.extend(extra.iter().map(|s| s.to_string()));
    gka(args)
}

fn temp() -> tempfile::TempDir {
    tempfile::Builder::new()
        .prefix("gka-new-")
        .tempdir()
        .unwrap()
}

#[test]
fn a_new_site_builds_at_once() {
    let tmp = temp();
    let site = tmp.path().join("zwolle");
    new_site(&site, "Zwolle", &[]).assert_success();

    let built = build_into_temp(&site, &[]);
    built.run.assert_success();
    for page in [
        "index.html",
        "agenda/index.html",
        "addenda/index.html",
        "interventies/voorbeeld-interventie/index.html",
        "programmalijnen/index.html",
        "programmalijnen/voorbeeld-programmalijn/index.html",
        "nieuws/de-site-is-online/index.html",
        "contact/index.html",
        "toegankelijkheid/index.html",
        "privacy/index.html",
        "static/css/zwolle.css",
        "static/css/gka.css",
    ] {
        assert!(built.out.join(page).is_file(), "{page} is missing");
    }
    let broken = common::broken_links(&built.out, "https://gka.zwolle.example/");
    assert!(broken.is_empty(), "{broken:#?}");
    let skeleton = common::skeleton_problems(&built.out);
    assert!(skeleton.is_empty(), "{skeleton:#?}");
    let theme = fs::read_to_string(site.join("themes/zwolle/theme.yaml")).unwrap();
    assert!(theme.contains("extends: gka"), "{theme}");
    let config = fs::read_to_string(site.join("content/site.yaml")).unwrap();
    assert!(config.contains("gemeente: \"Zwolle\""), "{config}");
    assert!(config.contains("thema: zwolle"), "{config}");
    for pipeline in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        assert!(site.join(pipeline).is_file(), "{pipeline} is missing");
    }
    // The editors' configurations are the repository's (the same types, the same folders).
    for editor in ["frontmatter.json", "content/static/admin/config.yml"] {
        assert_eq!(
            fs::read_to_string(site.join(editor)).unwrap(),
            fs::read_to_string(common::repo_root().join(editor)).unwrap(),
            "{editor}"
        );
    }
}

#[test]
fn check_lists_the_to_dos_as_warnings() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "Zwolle", &[]).assert_success();

    let (run, found) = check_json(&site, &[]);
    run.assert_success();
    assert!(!found.is_empty(), "the placeholders are reported");
    assert!(
        found.iter().all(|d| d["code"] == "GKA-W008"),
        "only to-dos: {found:#?}"
    );

    let (run, strict) = check_json(&site, &["--strict"]);
    run.assert_code(1);
    assert_eq!(strict, found);
    let files: Vec<&str> = strict.iter().filter_map(|d| d["file"].as_str()).collect();
    for file in [
        "content/agenda.md",
        "content/site.yaml",
        "content/toegankelijkheid.md",
    ] {
        assert!(files.contains(&file), "no to-do in {file}: {files:?}");
    }
}

#[test]
fn a_folder_that_is_not_empty_is_refused() {
    let tmp = temp();
    fs::write(tmp.path().join("notities.txt"), "van mij").unwrap();
    let run = new_site(tmp.path(), "Zwolle", &[]);
    run.assert_code(2);
    assert!(
        run.stderr
            .contains("staan al bestanden; kies een nieuwe of lege map"),
        "{}",
        run.stderr
    );
    assert_eq!(common::files(tmp.path()), ["notities.txt"]);
}

#[test]
fn an_empty_folder_is_used() {
    let tmp = temp();
    new_site(tmp.path(), "Zwolle", &[]).assert_success();
    assert!(tmp.path().join("content/site.yaml").is_file());
}

#[test]
fn the_theme_can_extend_another_theme() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "'s-Hertogenbosch", &["--thema", "almere"]).assert_success();
    let config = fs::read_to_string(site.join("content/site.yaml")).unwrap();
    assert!(
        config.contains("gemeente: \"'s-Hertogenbosch\""),
        "{config}"
    );
    let theme = fs::read_to_string(site.join("themes/s-hertogenbosch/theme.yaml")).unwrap();
    assert!(theme.contains("extends: almere"), "{theme}");
    assert!(site.join("themes/almere/theme.yaml").is_file());
    assert!(site.join("themes/gka/theme.yaml").is_file());
    build_into_temp(&site, &[]).run.assert_success();
}

#[test]
fn an_unknown_parent_theme_is_refused() {
    let tmp = temp();
    let site = tmp.path().join("site");
    let run = new_site(&site, "Zwolle", &["--thema", "nergens"]);
    run.assert_code(2);
    assert!(
        run.stderr.contains("kies uit: almere, gka"),
        "{}",
        run.stderr
    );
    assert!(!site.exists());
}

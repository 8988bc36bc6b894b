//! `gka new`: the scaffolded site builds at once, its to-dos are listed as warnings, and a
//! folder that is not empty is refused.

mod common;

use std::fs;
use std::path::Path;

use common::{build_into_temp, check_json, gka, gka_in};

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

/// The pipelines `gka new` writes are this repository's, which `.ci/lint-workflows` checks,
/// except for the default of the repository of gka's releases (Cargo.toml's `repository`, when
/// it is set); both pin the version of the gka that wrote them.
#[test]
fn the_new_pipelines_are_the_repositorys_with_this_version() {
    let tmp = temp();
    let site = tmp.path().join("zwolle");
    new_site(&site, "Zwolle", &[]).assert_success();

    let version = format!("  GKA_VERSION: \"{}\"", env!("CARGO_PKG_VERSION"));
    for pipeline in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        let written = fs::read_to_string(site.join(pipeline)).unwrap();
        let ours = fs::read_to_string(common::repo_root().join(pipeline)).unwrap();
        assert_eq!(written.lines().count(), ours.lines().count(), "{pipeline}");
        for (line, (written, ours)) in written.lines().zip(ours.lines()).enumerate() {
            if !ours.starts_with("  GKA_REPOSITORY: ") {
                assert_eq!(written, ours, "{pipeline}:{}", line + 1);
            }
        }
        assert!(
            written.lines().any(|line| line == version),
            "{pipeline} does not pin {version:?}"
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

/// Runs `gka <command> --root <site> <extra…>` with the report for people.
fn human(command: &str, site: &Path, extra: &[&str]) -> common::Run {
    let mut args = vec![
        command.to_string(),
        "--format".into(),
        "human".into(),
        "--root".into(),
        site.display().to_string(),
    ];
    if command == "build" {
        args.extend(["--output".into(), site.join("uit").display().to_string()]);
    }
    args.extend(extra.iter().map(|s| s.to_string()));
    gka(args)
}

/// The to-dos of a new site as `gka check --format json` reports them: each file with the
/// lines of its to-dos.
fn to_dos(site: &Path) -> std::collections::BTreeMap<String, Vec<u64>> {
    let (_, found) = check_json(site, &["--todos"]);
    let mut files = std::collections::BTreeMap::<String, Vec<u64>>::new();
    for todo in found.iter().filter(|d| d["code"] == "GKA-W008") {
        let file = todo["file"].as_str().unwrap().to_string();
        files
            .entry(file)
            .or_default()
            .push(todo["line"].as_u64().unwrap());
    }
    files
}

#[test]
fn the_to_dos_are_summed_up_in_one_line_per_file() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "Zwolle", &[]).assert_success();
    let files = to_dos(&site);
    let total: usize = files.values().map(Vec::len).sum();
    assert!(files.len() > 5 && total > files.len(), "{files:#?}");

    for command in ["build", "check"] {
        let run = human(command, &site, &[]);
        run.assert_success();
        assert!(!run.stderr.contains("GKA-W008"), "{}", run.stderr);
        let lines: Vec<&str> = run.stderr.lines().collect();
        for (file, at) in &files {
            let rows: Vec<String> = at.iter().map(u64::to_string).collect();
            let expected = match at.len() {
                1 => format!(
                    "{file}: 1 tekst met TODO: nog in te vullen (regel {})",
                    rows[0]
                ),
                n => format!(
                    "{file}: {n} teksten met TODO: nog in te vullen (regels {})",
                    rows.join(", ")
                ),
            };
            assert_eq!(
                lines.iter().filter(|l| **l == expected).count(),
                1,
                "{expected}\n{}",
                run.stderr
            );
        }
        assert!(
            run.stderr.ends_with(&format!(
                ": 0 fouten, 0 waarschuwingen en {total} teksten nog in te vullen (TODO:)\n"
            )),
            "{}",
            run.stderr
        );
    }
}

#[test]
fn a_real_error_comes_before_the_to_dos_and_in_the_summary() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "Zwolle", &[]).assert_success();
    let total: usize = to_dos(&site).values().map(Vec::len).sum();
    let contact = site.join("content/contact.md");
    let text = fs::read_to_string(&contact).unwrap();
    let line = text.lines().count() + 2;
    fs::write(&contact, format!("{text}\nZie [ons nieuws](/nieuw/).\n")).unwrap();

    let run = human("build", &site, &[]);
    run.assert_code(1);
    let error = format!("content/contact.md:{line}:5: ");
    let first = run.stderr.lines().next().unwrap();
    assert!(
        first.starts_with(&error) && first.contains("[GKA-E040]"),
        "{}",
        run.stderr
    );
    let todos = run.stderr.find(" met TODO: nog in te vullen (").unwrap();
    let recap = run.stderr.rfind(&error).unwrap();
    assert!(
        recap > todos,
        "the error is repeated after the to-dos: {}",
        run.stderr
    );
    assert!(
        run.stderr[recap..].contains("'/nieuw/'"),
        "{}",
        &run.stderr[recap..]
    );
    assert!(
        run.stderr.ends_with(&format!(
            "Niet gelukt: 1 fout, 0 waarschuwingen en {total} teksten nog in te vullen (TODO:). \
             Er is niets geschreven.\n"
        )),
        "{}",
        run.stderr
    );
    assert!(!site.join("uit").exists());
}

#[test]
fn every_to_do_is_shown_with_todos_or_strict() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "Zwolle", &[]).assert_success();
    let total: usize = to_dos(&site).values().map(Vec::len).sum();
    for (flag, code) in [("--todos", 0), ("--strict", 1)] {
        let run = human("check", &site, &[flag]);
        run.assert_code(code);
        assert_eq!(
            run.stderr.matches("[GKA-W008]: nog in te vullen: ").count(),
            total,
            "{flag}: {}",
            run.stderr
        );
        assert!(
            !run.stderr.contains(" met TODO: nog in te vullen ("),
            "{}",
            run.stderr
        );
        assert!(
            run.stderr
                .contains(&format!("0 fouten, {total} waarschuwingen")),
            "{flag}: {}",
            run.stderr
        );
    }
    // Tools get every to-do as a record of its own, with or without the flag.
    let (_, found) = check_json(&site, &[]);
    assert_eq!(found.len(), total);
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
    build_into_temp(&site, &[]).run.assert_success();
}

/// A new site holds only the gemeente's own theme: the theme it extends is gka's, so the site
/// gets its improvements with every new gka; `gka copy-theme` takes a copy for those who want
/// to own it, and `gka check` says when such a copy is older than gka's theme.
#[test]
fn a_new_site_uses_gkas_own_theme_until_it_takes_a_copy() {
    let tmp = temp();
    let site = tmp.path().join("site");
    new_site(&site, "Zwolle", &[]).assert_success();
    let themes: Vec<String> = fs::read_dir(site.join("themes"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(themes, ["zwolle"]);
    let built = build_into_temp(&site, &[]);
    built.run.assert_success();
    assert!(built.out.join("static/css/gka.css").is_file());
    assert!(
        !built.run.stderr.contains("GKA-W050"),
        "{}",
        built.run.stderr
    );

    let copied = gka_in(&site, ["copy-theme"]);
    copied.assert_success();
    assert!(copied.stderr.contains("themes/gka"), "{}", copied.stderr);
    assert!(site.join("themes/gka/templates/base.html").is_file());
    gka_in(&site, ["copy-theme"]).assert_code(2);
    let checked = gka_in(&site, ["check"]);
    checked.assert_success();
    assert!(!checked.stderr.contains("GKA-W050"), "{}", checked.stderr);

    // A copy from another version of gka, whose theme was not the same.
    fs::write(site.join("themes/gka/.gka-thema"), "0000000000000000\n").unwrap();
    let css = site.join("themes/gka/static/css/gka.css");
    let older = fs::read_to_string(&css).unwrap().replacen("}", "}\n", 1);
    fs::write(&css, older).unwrap();
    let checked = gka_in(&site, ["check"]);
    checked.assert_success();
    assert!(checked.stderr.contains("GKA-W050"), "{}", checked.stderr);
    gka_in(&site, ["copy-theme", "--force"]).assert_success();
    let checked = gka_in(&site, ["check"]);
    assert!(!checked.stderr.contains("GKA-W050"), "{}", checked.stderr);
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

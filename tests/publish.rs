//! The publish pipelines: `.github/workflows/publish.yml` and `.gitlab-ci.yml` are valid YAML
//! and run the commands the docs promise (check in the CI's format, then build with the
//! Pages address as `--base-url`, then deploy), and take gka from the repository itself or from
//! a variable, never from a placeholder address; `.github/workflows/release.yml` builds the
//! binary for Linux, macOS and Windows on tags; `publiccode.yml` has the standard's required
//! keys, in Dutch and English.

mod common;

use serde_json::Value;

/// A YAML file of the repository, parsed.
fn pipeline(rel: &str) -> Value {
    let path = common::repo_root().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{rel}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{rel} is not valid YAML: {e}"))
}

/// Every `run` and `uses` of a GitHub job's steps, in order.
fn github_steps(workflow: &Value, job: &str) -> Vec<String> {
    workflow["jobs"][job]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("job {job} has steps"))
        .iter()
        .filter_map(|step| step["run"].as_str().or(step["uses"].as_str()))
        .map(str::to_string)
        .collect()
}

/// The position of the first step containing `needle`.
#[track_caller]
fn step(steps: &[String], needle: &str) -> usize {
    steps
        .iter()
        .position(|s| s.contains(needle))
        .unwrap_or_else(|| panic!("no step with {needle:?} in {steps:#?}"))
}

#[test]
fn github_workflow_checks_builds_and_deploys_to_pages() {
    let workflow = pipeline(".github/workflows/publish.yml");
    let build = github_steps(&workflow, "build");
    let pages = step(&build, "actions/configure-pages@");
    let check = step(&build, "gka check --format github");
    let built = step(
        &build,
        "gka build --base-url \"${{ steps.pages.outputs.base_url }}/\"",
    );
    let upload = step(&build, "actions/upload-pages-artifact@");
    assert!(
        pages < built && check < built && built < upload,
        "{build:#?}"
    );

    let deploy = github_steps(&workflow, "deploy");
    step(&deploy, "actions/deploy-pages@");
    assert_eq!(workflow["jobs"]["deploy"]["needs"], "build");
    assert_eq!(workflow["on"]["push"]["branches"][0], "main");
    assert_eq!(workflow["permissions"]["pages"], "write");
    assert_eq!(workflow["permissions"]["id-token"], "write");
}

#[test]
fn gitlab_pipeline_reports_code_quality_and_publishes_pages() {
    let ci = pipeline(".gitlab-ci.yml");
    let script = |job: &str| -> Vec<String> {
        ci[job]["script"]
            .as_array()
            .unwrap_or_else(|| panic!("job {job} has a script"))
            .iter()
            .map(|line| line.as_str().unwrap().to_string())
            .collect()
    };
    step(
        &script("check"),
        "gka check --format gitlab > gl-code-quality-report.json",
    );
    assert_eq!(
        ci["check"]["artifacts"]["reports"]["codequality"],
        "gl-code-quality-report.json"
    );
    assert_eq!(ci["check"]["artifacts"]["when"], "always");

    step(
        &script("pages"),
        "gka build --base-url \"$CI_PAGES_URL/\" --output public",
    );
    assert_eq!(ci["pages"]["artifacts"]["paths"][0], "public");
    let install: Vec<String> = ci["default"]["before_script"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l.as_str().unwrap().to_string())
        .collect();
    step(&install, "cargo install --locked");
}

#[test]
fn the_pipelines_install_gka_from_the_repository_or_a_variable() {
    for rel in [".github/workflows/publish.yml", ".gitlab-ci.yml"] {
        let text = std::fs::read_to_string(common::repo_root().join(rel)).unwrap();
        assert!(!text.contains("OWNER"), "{rel} has a placeholder address");
        assert!(text.contains("cargo install --locked --path ."), "{rel}");
        assert!(
            text.contains("cargo install --locked --git \"$GKA_GIT\" gka"),
            "{rel}"
        );
    }
    let workflow = pipeline(".github/workflows/publish.yml");
    assert_eq!(workflow["env"]["GKA_GIT"], "${{ vars.GKA_GIT }}");
}

#[test]
fn the_release_workflow_builds_for_linux_macos_and_windows_on_tags() {
    let workflow = pipeline(".github/workflows/release.yml");
    let tags: Vec<&str> = workflow["on"]["push"]["tags"]
        .as_array()
        .expect("runs on pushed tags")
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(tags, ["v*"]);
    assert!(workflow["on"]["push"]["branches"].is_null());
    assert_eq!(workflow["permissions"]["contents"], "write");

    let matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a matrix of targets");
    let pairs: Vec<(&str, &str)> = matrix
        .iter()
        .map(|m| (m["os"].as_str().unwrap(), m["target"].as_str().unwrap()))
        .collect();
    for (os, target) in [
        ("ubuntu-latest", "-unknown-linux-"),
        ("macos-latest", "aarch64-apple-darwin"),
        ("macos-latest", "x86_64-apple-darwin"),
        ("windows-latest", "-pc-windows-msvc"),
    ] {
        assert!(
            pairs.iter().any(|(o, t)| *o == os && t.contains(target)),
            "no {target} on {os} in {pairs:?}"
        );
    }
    assert_eq!(workflow["jobs"]["build"]["runs-on"], "${{ matrix.os }}");

    let build = github_steps(&workflow, "build");
    let compile = step(
        &build,
        "cargo build --release --locked --target \"${{ matrix.target }}\"",
    );
    let package = step(&build, "tar czf");
    assert!(build[package].contains("README.md") && build[package].contains("7z a"));
    let upload = step(&build, "actions/upload-artifact@");
    assert!(compile < package && package < upload, "{build:#?}");

    let release = github_steps(&workflow, "release");
    let download = step(&release, "actions/download-artifact@");
    let publish = step(&release, "softprops/action-gh-release@");
    assert!(download < publish);
    assert_eq!(workflow["jobs"]["release"]["needs"], "build");
}

#[test]
fn the_pipelines_use_only_flags_gka_knows() {
    // The formats the pipelines ask for are accepted by the binary.
    let root = common::SiteRoot::minimal();
    for format in ["github", "gitlab"] {
        let run = common::gka([
            "check",
            "--root",
            root.path().to_str().unwrap(),
            "--format",
            format,
        ]);
        run.assert_success();
    }
}

#[test]
fn publiccode_yml_has_the_required_keys_in_dutch_and_english() {
    let code = pipeline("publiccode.yml");
    for key in [
        "publiccodeYmlVersion",
        "name",
        "url",
        "platforms",
        "categories",
        "developmentStatus",
        "softwareType",
        "description",
        "legal",
        "maintenance",
        "localisation",
    ] {
        assert!(!code[key].is_null(), "publiccode.yml has no {key}");
    }
    assert_eq!(
        code["legal"]["license"], "EUPL-1.2",
        "the license of Cargo.toml"
    );
    for lang in ["nl", "en"] {
        let description = &code["description"][lang];
        let short = description["shortDescription"].as_str().unwrap();
        let long = description["longDescription"].as_str().unwrap();
        assert!(
            short.chars().count() <= 150,
            "{lang}: shortDescription too long"
        );
        assert!(
            (150..=10_000).contains(&long.chars().count()),
            "{lang}: longDescription length"
        );
        assert!(!description["features"].as_array().unwrap().is_empty());
    }
}

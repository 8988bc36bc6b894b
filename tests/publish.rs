//! The publish pipelines: `.github/workflows/publish.yml` and `.gitlab-ci.yml` are valid YAML
//! and run the commands the docs promise (check in the CI's format, then build with the
//! Pages address as `--base-url`, then deploy); `publiccode.yml` has the standard's required
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

//! The publish pipelines: `.github/workflows/publish.yml` and `.gitlab-ci.yml` are valid YAML
//! and run the commands the docs promise (check in the CI's format, then build with the
//! Pages address as `--base-url`, then deploy); they install the release of this version after
//! checking its checksum (or use its container image) and build from source only beside the
//! source; actions are pinned to commits and each job has only the permissions it needs.
//! `.github/workflows/release.yml` builds the binary for Linux, macOS and Windows on tags, with
//! checksums, provenance and a container image; `publiccode.yml` has the standard's required
//! keys, in Dutch and English. (`.ci/lint-workflows` runs zizmor and the schemas on them.)

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
    let install = step(&build, "sha256sum --check");
    let pages = step(&build, "actions/configure-pages@");
    let check = step(&build, "gka check --format github");
    let built = step(&build, "gka build --base-url \"$BASE_URL/\"");
    let upload = step(&build, "actions/upload-pages-artifact@");
    assert!(
        install < check && pages < built && check < built && built < upload,
        "{build:#?}"
    );

    let deploy = github_steps(&workflow, "deploy");
    step(&deploy, "actions/deploy-pages@");
    assert_eq!(workflow["jobs"]["deploy"]["needs"], "build");
    assert_eq!(workflow["on"]["push"]["branches"][0], "main");
}

#[test]
fn each_job_has_only_the_permissions_it_needs() {
    let publish = pipeline(".github/workflows/publish.yml");
    let release = pipeline(".github/workflows/release.yml");
    for workflow in [&publish, &release] {
        assert_eq!(workflow["permissions"], serde_json::json!({}));
    }
    let permissions = |workflow: &Value, job: &str| workflow["jobs"][job]["permissions"].clone();
    assert_eq!(
        permissions(&publish, "build"),
        serde_json::json!({"contents": "read", "pages": "read"})
    );
    assert_eq!(
        permissions(&publish, "deploy"),
        serde_json::json!({"pages": "write", "id-token": "write"})
    );
    assert_eq!(
        permissions(&release, "build"),
        serde_json::json!({"contents": "read"})
    );
    assert_eq!(
        permissions(&release, "release"),
        serde_json::json!({"contents": "write", "id-token": "write", "attestations": "write"})
    );
    assert_eq!(
        permissions(&release, "container"),
        serde_json::json!({
            "contents": "read", "packages": "write", "id-token": "write", "attestations": "write"
        })
    );
}

#[test]
fn actions_are_pinned_to_commits_and_checkouts_keep_no_credentials() {
    for rel in [
        ".github/workflows/publish.yml",
        ".github/workflows/release.yml",
    ] {
        let text = std::fs::read_to_string(common::repo_root().join(rel)).unwrap();
        for line in text.lines().filter(|l| l.contains("uses: ")) {
            let reference = line.split("uses: ").nth(1).unwrap();
            let (action, rest) = reference.split_once('@').expect("a version after @");
            let (sha, comment) = rest.split_once(" # v").unwrap_or_else(|| {
                panic!("{rel}: {action} has no version comment after its commit")
            });
            assert!(
                sha.len() == 40 && sha.chars().all(|c| c.is_ascii_hexdigit()),
                "{rel}: {action} is not pinned to a full commit: {sha}"
            );
            assert!(comment.split('.').count() == 3, "{rel}: {line}");
        }
        let workflow = pipeline(rel);
        for (name, job) in workflow["jobs"].as_object().unwrap() {
            for step in job["steps"].as_array().unwrap() {
                if step["uses"]
                    .as_str()
                    .is_some_and(|u| u.starts_with("actions/checkout@"))
                {
                    assert_eq!(step["with"]["persist-credentials"], false, "{rel}: {name}");
                }
            }
        }
    }
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
}

/// The version of this gka, which the pipelines pin.
const VERSION: &str = env!("CARGO_PKG_VERSION");

#[test]
fn the_pipelines_pin_this_version_and_build_from_source_only_beside_it() {
    let publish = pipeline(".github/workflows/publish.yml");
    assert_eq!(publish["env"]["GKA_VERSION"], VERSION);
    assert_eq!(
        publish["env"]["GKA_REPOSITORY"],
        "${{ vars.GKA_REPOSITORY }}"
    );
    let install = &github_steps(&publish, "build")
        [step(&github_steps(&publish, "build"), "sha256sum --check")];
    for needle in [
        "if [ -f Cargo.toml ]; then\n  cargo install --locked --path .",
        "https://github.com/${GKA_REPOSITORY}/releases/download/v${GKA_VERSION}",
        "gka-v${GKA_VERSION}-x86_64-unknown-linux-musl.tar.gz",
        "\"$release/SHA256SUMS\"",
        "sha256sum --check --ignore-missing --strict SHA256SUMS",
    ] {
        assert!(install.contains(needle), "no {needle:?} in {install}");
    }
    // The checksum is checked before the archive is unpacked.
    assert!(install.find("sha256sum --check") < install.find("tar --extract"));

    let gitlab = pipeline(".gitlab-ci.yml");
    assert_eq!(gitlab["variables"]["GKA_VERSION"], VERSION);
    assert_eq!(
        gitlab["variables"]["GKA_IMAGE"],
        "ghcr.io/${GKA_REPOSITORY}:${GKA_VERSION}"
    );
    assert_eq!(gitlab["default"]["image"], "$GKA_IMAGE");
    let source = &gitlab["workflow"]["rules"][0];
    assert_eq!(source["exists"][0], "Cargo.toml");
    assert!(
        source["variables"]["GKA_IMAGE"]
            .as_str()
            .unwrap()
            .starts_with("rust:")
    );
    let before = gitlab["default"]["before_script"][0].as_str().unwrap();
    assert!(
        before.starts_with("if [ -f Cargo.toml ]; then cargo install --locked --path ."),
        "{before}"
    );

    // A release tag names this version, and the changelog says what it brings.
    let changelog = std::fs::read_to_string(common::repo_root().join("CHANGELOG.md")).unwrap();
    assert!(
        changelog.contains(&format!("\n## [{VERSION}] - ")),
        "CHANGELOG.md has no section for {VERSION}"
    );
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

    let matrix = workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .expect("a matrix of targets");
    let pairs: Vec<(&str, &str)> = matrix
        .iter()
        .map(|m| (m["os"].as_str().unwrap(), m["target"].as_str().unwrap()))
        .collect();
    for (os, target) in [
        ("ubuntu-latest", "x86_64-unknown-linux-musl"),
        ("ubuntu-24.04-arm", "aarch64-unknown-linux-musl"),
        ("macos-latest", "aarch64-apple-darwin"),
        ("macos-latest", "x86_64-apple-darwin"),
        ("windows-latest", "x86_64-pc-windows-msvc"),
    ] {
        assert!(
            pairs.contains(&(os, target)),
            "no {target} on {os} in {pairs:?}"
        );
    }
    assert_eq!(workflow["jobs"]["build"]["runs-on"], "${{ matrix.os }}");

    let build = github_steps(&workflow, "build");
    let version = step(&build, "\"v$version\" != \"$GITHUB_REF_NAME\"");
    let compile = step(
        &build,
        "cargo build --release --locked --target \"$TARGET\"",
    );
    let package = step(&build, "tar czf");
    assert!(build[package].contains("README.md") && build[package].contains("7z a"));
    let upload = step(&build, "actions/upload-artifact@");
    assert!(
        version < compile && compile < package && package < upload,
        "{build:#?}"
    );

    let release = github_steps(&workflow, "release");
    let download = step(&release, "actions/download-artifact@");
    let sums = step(&release, "sha256sum -- *");
    let attest = step(&release, "actions/attest-build-provenance@");
    let publish = step(&release, "gh release create");
    assert!(download < sums && sums < attest && attest < publish);
    assert_eq!(workflow["jobs"]["release"]["needs"], "build");

    let container = github_steps(&workflow, "container");
    let push = step(&container, "--file .ci/container/Containerfile");
    let attest = step(&container, "actions/attest-build-provenance@");
    assert!(push < attest);
    assert!(
        common::repo_root()
            .join(".ci/container/Containerfile")
            .is_file()
    );
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

/// The controlled vocabulary of `categories` in the publiccode.yml standard (0.7).
const PUBLICCODE_CATEGORIES: &str = "accounting agile-project-management applicant-tracking \
    application-development appointment-scheduling backup billing-and-invoicing blog budgeting \
    business-intelligence business-process-management cad call-center-management \
    cloud-management collaboration communications compliance-management contact-management \
    content-management crm customer-service-and-support data-analytics data-collection \
    data-visualization design design-system digital-asset-management digital-citizenship \
    document-management donor-management e-commerce e-signature educational-content \
    email-management email-marketing employee-management enterprise-project-management \
    enterprise-social-networking erp event-management facility-management \
    feedback-and-reviews-management financial-reporting fleet-management fundraising \
    gamification geographic-information-systems grant-management graphic-design help-desk hr \
    ide identity-management instant-messaging integrated-library-system inventory-management \
    it-asset-management it-development it-management it-security it-service-management \
    knowledge-management learning-management-system marketing mind-mapping mobile-marketing \
    mobile-payment network-management office online-booking online-community payment-gateway \
    payroll predictive-analysis procurement productivity-suite project-collaboration \
    project-management property-management real-estate-management \
    regulations-and-directives remote-support resource-management sales-management seo \
    service-desk social-media-management survey talent-management task-management \
    taxes-management test-management time-management time-tracking translation \
    video-conferencing video-editing visitor-management voip warehouse-management \
    web-collaboration web-conferencing website-builder whistleblowing workflow-management other";

/// What breaks the rules of the publiccode.yml standard (0.7, `publiccodeYmlVersion: "0"`) in
/// `code`: its mandatory keys and their kinds, the lengths and values it allows, the keys
/// that depend on `maintenance/type`, and the keys it deprecates.
fn publiccode_problems(code: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut expect = |ok: bool, problem: &str| {
        if !ok {
            problems.push(problem.to_string());
        }
    };
    fn text(value: &Value) -> Option<&str> {
        value.as_str().filter(|t| !t.trim().is_empty())
    }
    fn list(value: &Value) -> Option<Vec<Value>> {
        value.as_array().filter(|l| !l.is_empty()).cloned()
    }
    expect(
        code["publiccodeYmlVersion"] == "0",
        "publiccodeYmlVersion is not \"0\"",
    );
    expect(text(&code["name"]).is_some(), "no name");
    expect(
        text(&code["url"]).is_some_and(|u| u.starts_with("https://")),
        "url is not an address",
    );
    expect(
        list(&code["platforms"]).is_some() || text(&code["platforms"]).is_some(),
        "no platforms",
    );
    if let Some(categories) = code["categories"].as_array() {
        let known: Vec<&str> = PUBLICCODE_CATEGORIES.split_whitespace().collect();
        for category in categories {
            expect(
                category.as_str().is_some_and(|c| known.contains(&c)),
                &format!("unknown category {category}"),
            );
        }
    }
    expect(
        ["concept", "development", "beta", "stable", "obsolete"]
            .contains(&code["developmentStatus"].as_str().unwrap_or("")),
        "developmentStatus is not one of the allowed values",
    );
    expect(
        [
            "standalone/mobile",
            "standalone/iot",
            "standalone/desktop",
            "standalone/web",
            "standalone/backend",
            "standalone/other",
            "addon",
            "library",
            "configurationFiles",
        ]
        .contains(&code["softwareType"].as_str().unwrap_or("")),
        "softwareType is not one of the allowed values",
    );
    let descriptions = code["description"].as_object().cloned().unwrap_or_default();
    expect(!descriptions.is_empty(), "no description");
    let mut long_somewhere = false;
    let mut features_somewhere = false;
    for (lang, description) in &descriptions {
        expect(
            text(&description["shortDescription"]).is_some_and(|s| s.chars().count() <= 150),
            &format!("description/{lang}/shortDescription missing or over 150 characters"),
        );
        if let Some(long) = text(&description["longDescription"]) {
            long_somewhere = true;
            expect(
                (150..=10_000).contains(&long.chars().count()),
                &format!("description/{lang}/longDescription not 150 to 10000 characters"),
            );
        }
        features_somewhere |= list(&description["features"]).is_some();
        expect(
            description["genericName"].is_null(),
            &format!("description/{lang}/genericName is deprecated"),
        );
    }
    expect(long_somewhere, "no longDescription in any language");
    expect(features_somewhere, "no features in any language");
    expect(
        text(&code["legal"]["license"]).is_some(),
        "no legal/license",
    );
    let maintenance = &code["maintenance"];
    let kind = maintenance["type"].as_str().unwrap_or("");
    expect(
        ["internal", "contract", "community", "none"].contains(&kind),
        "maintenance/type is not one of the allowed values",
    );
    let contacts = list(&maintenance["contacts"]);
    if kind == "internal" || kind == "community" {
        expect(
            contacts.is_some(),
            "maintenance/contacts is mandatory for this maintenance/type",
        );
    }
    for contact in contacts.unwrap_or_default() {
        expect(text(&contact["name"]).is_some(), "a contact without a name");
    }
    expect(
        (kind == "contract") == list(&maintenance["contractors"]).is_some(),
        "maintenance/contractors goes with maintenance/type contract, and only with it",
    );
    let localisation = &code["localisation"];
    expect(
        localisation["localisationReady"].is_boolean(),
        "localisation/localisationReady is not true or false",
    );
    expect(
        list(&localisation["availableLanguages"]).is_some(),
        "no localisation/availableLanguages",
    );
    for deprecated in ["monochromeLogo", "inputTypes", "outputTypes", "it"] {
        expect(
            code[deprecated].is_null(),
            &format!("{deprecated} is deprecated"),
        );
    }
    for deprecated in ["repoOwner", "authorsFile"] {
        expect(
            code["legal"][deprecated].is_null(),
            &format!("legal/{deprecated} is deprecated"),
        );
    }
    problems
}

/// publiccode.yml follows the standard's rules, in Dutch and English, for this version.
#[test]
fn publiccode_yml_follows_the_standard() {
    let code = pipeline("publiccode.yml");
    assert_eq!(publiccode_problems(&code), Vec::<String>::new());
    for lang in ["nl", "en"] {
        assert!(
            code["description"][lang]["longDescription"].is_string(),
            "no {lang} description"
        );
    }
    assert_eq!(
        code["legal"]["license"], "EUPL-1.2",
        "the license of Cargo.toml"
    );
    assert_eq!(code["softwareVersion"], VERSION);
    let changelog = std::fs::read_to_string(common::repo_root().join("CHANGELOG.md")).unwrap();
    let date = code["releaseDate"].as_str().unwrap();
    assert!(
        changelog.contains(&format!("\n## [{VERSION}] - {date}\n")),
        "releaseDate {date} is not the date of {VERSION} in CHANGELOG.md"
    );
}

/// The rules find what was wrong with publiccode.yml before: an older version of the
/// standard, a deprecated generic name and community maintenance without contacts.
#[test]
fn the_publiccode_rules_find_the_old_mistakes() {
    let mut code = pipeline("publiccode.yml");
    code["publiccodeYmlVersion"] = "0.4".into();
    code["description"]["nl"]["genericName"] = "Statische-sitegenerator".into();
    code["maintenance"] = serde_json::json!({ "type": "community" });
    code["categories"] = serde_json::json!(["website-builder", "static-sites"]);
    assert_eq!(
        publiccode_problems(&code),
        [
            "publiccodeYmlVersion is not \"0\"",
            "unknown category \"static-sites\"",
            "description/nl/genericName is deprecated",
            "maintenance/contacts is mandatory for this maintenance/type",
        ]
    );
}

/// The guide's download steps name this version's archive of each system the release builds,
/// and the tools that check them.
#[test]
fn the_guide_names_this_versions_archives() {
    let guide = std::fs::read_to_string(common::repo_root().join("docs/handleiding.md")).unwrap();
    let workflow = pipeline(".github/workflows/release.yml");
    for target in workflow["jobs"]["build"]["strategy"]["matrix"]["include"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["target"].as_str().unwrap())
        // The guide names the Linux ARM archive by its first word only.
        .filter(|t| *t != "aarch64-unknown-linux-musl")
    {
        let archive = format!("gka-v{VERSION}-{target}.");
        assert!(
            guide.contains(&archive),
            "the guide does not name {archive}"
        );
    }
    for tool in [
        "certutil -hashfile",
        "shasum -a 256",
        "sha256sum --check",
        "SHA256SUMS",
    ] {
        assert!(guide.contains(tool), "{tool}");
    }
    // Installing comes before the first `gka serve`.
    assert!(guide.find("SHA256SUMS") < guide.find("Typ `gka serve`"));
}

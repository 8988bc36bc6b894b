//! A rehearsal of a release, as far as it runs without GitHub: the shell steps of
//! `.github/workflows/release.yml` run as written (the version check, packing the Linux
//! archive, the checksums, the release notes), and then the pipeline that `gka new` gives a
//! site (`.github/workflows/publish.yml`) downloads that archive from the address the release
//! would have, checks it against `SHA256SUMS`, installs it and checks and builds the site with
//! it. Only the network and the `gh` command are stand-ins: a `curl` that serves the
//! rehearsal's release files for exactly the release's download address, and a `gh` that
//! records its arguments. (`tests/publish.rs` checks the workflows' shape and permissions.)

#![cfg(unix)]

mod common;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;
use tempfile::TempDir;

const VERSION: &str = env!("CARGO_PKG_VERSION");
/// The Linux archive every site pipeline installs.
const TARGET: &str = "x86_64-unknown-linux-musl";
/// The repository the rehearsal pretends to release from.
const REPOSITORY: &str = "eigenaar/gka";

/// A step of a workflow: its script and the folder it runs in, relative to the checkout.
struct Step {
    script: String,
    working_directory: String,
}

/// The pipeline `gka new` writes into a site.
const SITE_WORKFLOW: &str = ".github/workflows/publish.yml";

/// The step called `name` in `job` of this repository's workflow `rel`.
fn step(rel: &str, job: &str, name: &str) -> Step {
    step_of(&common::repo_root().join(rel), job, name)
}

/// The step called `name` in `job` of the workflow at `path`.
fn step_of(path: &Path, job: &str, name: &str) -> Step {
    let rel = path.display();
    let text = fs::read_to_string(path).unwrap();
    let workflow: Value = serde_saphyr::from_str(&text).unwrap();
    let step = workflow["jobs"][job]["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("{rel}: job {job} has steps"))
        .iter()
        .find(|step| step["name"] == name)
        .unwrap_or_else(|| panic!("{rel}: job {job} has no step {name:?}"));
    Step {
        script: step["run"]
            .as_str()
            .unwrap_or_else(|| panic!("{rel}: step {name:?} has no script"))
            .to_string(),
        working_directory: step["working-directory"]
            .as_str()
            .unwrap_or(".")
            .to_string(),
    }
}

/// What a step's run left behind.
struct StepRun {
    success: bool,
    output: String,
}

/// Runs a step the way a GitHub runner does (`bash --noprofile --norc -eo pipefail`) in the
/// checkout `checkout`, with `env` and the folders `first` before the `PATH`.
fn run_step(step: &Step, checkout: &Path, first: &[&Path], env: &[(&str, &str)]) -> StepRun {
    let path = std::env::join_paths(
        first
            .iter()
            .map(|p| p.to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    let output = Command::new("bash")
        .args([
            "--noprofile",
            "--norc",
            "-eo",
            "pipefail",
            "-c",
            &step.script,
        ])
        .current_dir(checkout.join(&step.working_directory))
        .env("PATH", path)
        .envs(env.iter().copied())
        .output()
        .expect("bash runs");
    StepRun {
        success: output.status.success(),
        output: format!(
            "{}{}",
            String::from_utf8_lossy(&output.stdout),
            String::from_utf8_lossy(&output.stderr)
        ),
    }
}

/// Writes an executable shell script `name` into `bin`.
fn stand_in(bin: &Path, name: &str, script: &str) {
    let path = bin.join(name);
    fs::write(&path, script).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o755)).unwrap();
}

/// A checkout of the repository as the release job sees it after `cargo build`: the files the
/// packing step takes, and the built binary (this test's `gka`) in the target's folder.
fn checkout(root: &Path) {
    fs::create_dir_all(root).unwrap();
    for file in ["Cargo.toml", "README.md", "CHANGELOG.md"] {
        fs::copy(common::repo_root().join(file), root.join(file)).unwrap();
    }
    let release = root.join("target").join(TARGET).join("release");
    fs::create_dir_all(&release).unwrap();
    fs::copy(common::BIN, release.join("gka")).unwrap();
}

/// The rehearsal's folders: the release job's checkout, the folder its files go to, the
/// stand-in commands, and a site's checkout with its own home folder.
struct Rehearsal {
    _temp: TempDir,
    repo: PathBuf,
    dist: PathBuf,
    bin: PathBuf,
    site: PathBuf,
    home: PathBuf,
}

impl Rehearsal {
    fn new() -> Rehearsal {
        let temp = tempfile::tempdir().unwrap();
        let [repo, dist, bin, site, home] =
            ["repo", "repo/dist", "bin", "site", "home"].map(|p| temp.path().join(p));
        checkout(&repo);
        common::gka(["new", "--gemeente", "Zwolle", site.to_str().unwrap()]).assert_success();
        for dir in [&dist, &bin, &home] {
            fs::create_dir_all(dir).unwrap();
        }
        // The release's download address, as GitHub gives it to the files of a release made
        // by `gh release create <tag>`; any other address is not found.
        stand_in(
            &bin,
            "curl",
            &format!(
                r#"#!/usr/bin/env bash
set -eu
prefix="https://github.com/{REPOSITORY}/releases/download/v{VERSION}/"
for arg in "$@"; do
  case "$arg" in
    https://*)
      echo "$arg" >> "{log}"
      name="${{arg#"$prefix"}}"
      if [ "$name" = "$arg" ] || [ ! -f "{dist}/$name" ]; then
        echo "curl: (22) The requested URL returned error: 404" >&2; exit 22
      fi
      cp "{dist}/$name" "./$name" ;;
  esac
done
"#,
                log = temp.path().join("curl.log").display(),
                dist = dist.display(),
            ),
        );
        stand_in(
            &bin,
            "gh",
            &format!(
                "#!/usr/bin/env bash\nprintf '%s\\n' \"$@\" > \"{}\"\n",
                temp.path().join("gh.args").display()
            ),
        );
        Rehearsal {
            _temp: temp,
            repo,
            dist,
            bin,
            site,
            home,
        }
    }

    /// Runs a step of the release workflow in the release job's checkout, for the tag `tag`.
    fn release_step(&self, job: &str, name: &str, tag: &str, github_output: &Path) -> StepRun {
        run_step(
            &step(".github/workflows/release.yml", job, name),
            &self.repo,
            &[&self.bin],
            &[
                ("GITHUB_REF_NAME", tag),
                ("GITHUB_REPOSITORY", REPOSITORY),
                ("GITHUB_OUTPUT", github_output.to_str().unwrap()),
                ("TARGET", TARGET),
                ("ARCHIVE", "tar.gz"),
            ],
        )
    }

    /// Packs the Linux archive and moves it to the release's files, as the upload and
    /// download of the build's artifact do; returns the archive's name.
    fn pack(&self) -> String {
        let tag = format!("v{VERSION}");
        let github_output = self.repo.join("github_output");
        let packed = self.release_step("build", "Inpakken", &tag, &github_output);
        assert!(packed.success, "packing failed:\n{}", packed.output);
        let outputs = fs::read_to_string(&github_output).unwrap();
        let archive = outputs
            .lines()
            .find_map(|l| l.strip_prefix("file="))
            .expect("the packing step names its archive")
            .to_string();
        fs::rename(self.repo.join(&archive), self.dist.join(&archive)).unwrap();
        archive
    }

    /// Runs the step `name` of the new site's pipeline in the site's checkout, with the
    /// variables the workflow sets and the installed gka on the `PATH`.
    fn site_step(&self, name: &str) -> StepRun {
        let workflow = self.site.join(SITE_WORKFLOW);
        let publish: Value =
            serde_saphyr::from_str(&fs::read_to_string(&workflow).unwrap()).unwrap();
        let version = publish["env"]["GKA_VERSION"].as_str().unwrap().to_string();
        let github_path = self.site.parent().unwrap().join("github_path");
        run_step(
            &step_of(&workflow, "build", name),
            &self.site,
            &[self.installed_gka().parent().unwrap(), &self.bin],
            &[
                ("HOME", self.home.to_str().unwrap()),
                ("GKA_VERSION", &version),
                ("GKA_REPOSITORY", REPOSITORY),
                ("BASE_URL", "https://gemeente.github.io/gka-zwolle"),
                ("GITHUB_PATH", github_path.to_str().unwrap()),
            ],
        )
    }

    fn installed_gka(&self) -> PathBuf {
        self.home.join(".gka/bin/gka")
    }
}

#[test]
fn the_version_check_accepts_only_the_tag_of_cargo_tomls_version() {
    let rehearsal = Rehearsal::new();
    let out = rehearsal.repo.join("github_output");
    let right = rehearsal.release_step("build", "Versie controleren", &format!("v{VERSION}"), &out);
    assert!(right.success, "{}", right.output);
    let wrong = rehearsal.release_step("build", "Versie controleren", "v99.0.0", &out);
    assert!(!wrong.success, "a tag of another version is refused");
    assert!(
        wrong.output.contains("::error::") && wrong.output.contains("v99.0.0"),
        "the refusal names the tag as a GitHub error: {}",
        wrong.output
    );
}

#[test]
fn a_release_packs_checksums_and_notes_what_a_site_pipeline_installs() {
    let rehearsal = Rehearsal::new();
    let archive = rehearsal.pack();
    assert_eq!(archive, format!("gka-v{VERSION}-{TARGET}.tar.gz"));

    // The archive holds the program, the docs it names and the licence, in one folder.
    let listing = Command::new("tar")
        .args(["tzf", archive.as_str()])
        .current_dir(&rehearsal.dist)
        .output()
        .unwrap();
    let listing = String::from_utf8(listing.stdout).unwrap();
    let folder = format!("gka-v{VERSION}-{TARGET}");
    for file in ["gka", "README.md", "CHANGELOG.md", "LICENSE.txt"] {
        assert!(
            listing.lines().any(|l| l == format!("{folder}/{file}")),
            "{file} is not in the archive:\n{listing}"
        );
    }

    // The release job: checksums of every file, then the release with this version's notes.
    let tag = format!("v{VERSION}");
    let no_output = rehearsal.repo.join("unused_output");
    let sums = rehearsal.release_step("release", "Controlegetallen", &tag, &no_output);
    assert!(sums.success, "{}", sums.output);
    let sums = fs::read_to_string(rehearsal.dist.join("SHA256SUMS")).unwrap();
    assert_eq!(sums.lines().count(), 1, "one line per archive: {sums}");
    assert!(sums.trim_end().ends_with(&format!("  {archive}")), "{sums}");

    let release = rehearsal.release_step("release", "Release maken", &tag, &no_output);
    assert!(release.success, "{}", release.output);
    let gh = fs::read_to_string(rehearsal.repo.parent().unwrap().join("gh.args")).unwrap();
    let gh: Vec<&str> = gh.lines().collect();
    assert_eq!(gh[..3], ["release", "create", tag.as_str()], "{gh:?}");
    for file in ["dist/SHA256SUMS", &format!("dist/{archive}")] {
        assert!(gh.contains(&file), "{file} is not uploaded: {gh:?}");
    }
    let notes = fs::read_to_string(rehearsal.repo.join("notes.md")).unwrap();
    let changelog = fs::read_to_string(common::repo_root().join("CHANGELOG.md")).unwrap();
    let section = changelog
        .split(&format!("## [{VERSION}]"))
        .nth(1)
        .expect("CHANGELOG.md has a section for this version");
    let first_line_of_section = section.lines().nth(2).unwrap();
    assert!(
        !notes.trim().is_empty() && notes.contains(first_line_of_section),
        "the notes are this version's section of the changelog:\n{notes}"
    );
    assert!(
        !notes.contains("## ["),
        "only this version's section:\n{notes}"
    );

    // A new site's pipeline installs the release's archive after checking it, and checks and
    // builds the site with it.
    let installed = rehearsal.site_step("gka installeren");
    assert!(installed.success, "{}", installed.output);
    let version = Command::new(rehearsal.installed_gka())
        .arg("--version")
        .output()
        .expect("the installed gka runs");
    assert!(
        String::from_utf8_lossy(&version.stdout).contains(VERSION),
        "{version:?}"
    );
    let github_path = fs::read_to_string(rehearsal.site.parent().unwrap().join("github_path"));
    assert_eq!(
        github_path.unwrap().trim(),
        rehearsal.home.join(".gka/bin").to_str().unwrap()
    );
    // The downloads are gone again, so they are not published with the site.
    for file in [archive.as_str(), "SHA256SUMS"] {
        assert!(!rehearsal.site.join(file).exists(), "{file} is left behind");
    }
    let checked = rehearsal.site_step("Controleren");
    assert!(checked.success, "{}", checked.output);
    let built = rehearsal.site_step("Bouwen");
    assert!(built.success, "{}", built.output);
    let home = fs::read_to_string(rehearsal.site.join("public/index.html")).unwrap();
    assert!(
        home.contains("https://gemeente.github.io/gka-zwolle/"),
        "the site is built for its Pages address"
    );
}

#[test]
fn a_site_pipeline_refuses_an_archive_that_does_not_match_its_checksum() {
    let rehearsal = Rehearsal::new();
    let archive = rehearsal.pack();
    let tag = format!("v{VERSION}");
    let no_output = rehearsal.repo.join("unused_output");
    let sums = rehearsal.release_step("release", "Controlegetallen", &tag, &no_output);
    assert!(sums.success, "{}", sums.output);

    // The archive changes after its checksum was published (a mirror, a man in the middle).
    let mut bytes = fs::read(rehearsal.dist.join(&archive)).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xff;
    fs::write(rehearsal.dist.join(&archive), bytes).unwrap();

    let installed = rehearsal.site_step("gka installeren");
    assert!(!installed.success, "a changed archive is refused");
    assert!(installed.output.contains("FAILED"), "{}", installed.output);
    assert!(!rehearsal.installed_gka().exists(), "nothing is installed");
}

/// Every file the binary embeds (`include_str!`, `include_bytes!`) is in the crate's
/// `include` list of `Cargo.toml`: without it `cargo package` (and `cargo install` from the
/// registry) cannot compile gka, which no build in the repository itself would show.
#[test]
fn every_embedded_file_is_in_the_package() {
    let repo = common::repo_root();
    let manifest = fs::read_to_string(repo.join("Cargo.toml")).unwrap();
    let list = manifest
        .split_once("\ninclude = [")
        .and_then(|(_, rest)| rest.split_once(']'))
        .expect("Cargo.toml has an include list")
        .0;
    let included: Vec<&str> = list
        .split(['"', ',', '\n', ' '])
        .filter(|part| part.starts_with('/'))
        .collect();
    let covered = |path: &str| {
        included
            .iter()
            .any(|pattern| match pattern.strip_suffix("/**") {
                Some(folder) => path.starts_with(&format!("{folder}/")),
                None => path == *pattern,
            })
    };
    let mut embedded = Vec::new();
    for entry in walkdir::WalkDir::new(repo.join("src")) {
        let entry = entry.unwrap();
        if entry.path().extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let text = fs::read_to_string(entry.path()).unwrap();
        for macro_name in ["include_str!(\"", "include_bytes!(\""] {
            for (at, _) in text.match_indices(macro_name) {
                let rest = &text[at + macro_name.len()..];
                let relative = &rest[..rest.find('"').unwrap()];
                let file = entry.path().parent().unwrap().join(relative);
                let file = fs::canonicalize(&file)
                    .unwrap_or_else(|e| panic!("{}: {relative}: {e}", entry.path().display()));
                let path = format!(
                    "/{}",
                    file.strip_prefix(fs::canonicalize(&repo).unwrap())
                        .unwrap()
                        .display()
                );
                embedded.push(path);
            }
        }
    }
    assert!(
        embedded.iter().any(|p| p == "/docs/errors.md"),
        "the scan finds the embedded files: {embedded:?}"
    );
    let missing: Vec<&String> = embedded.iter().filter(|p| !covered(p)).collect();
    assert!(
        missing.is_empty(),
        "add these to `include` in Cargo.toml: {missing:?}"
    );
}

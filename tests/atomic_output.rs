//! Atomic output: a build that fails leaves the previous output exactly as it was, and gka
//! never writes into a folder it did not create.

mod common;

use std::fs;
use std::path::Path;

use common::*;

/// Builds the example into a fresh output folder and returns it with its snapshot.
fn previous_output() -> (Built, std::collections::BTreeMap<String, Vec<u8>>) {
    let built = build_example(&[]);
    let before = snapshot(&built.out);
    assert!(before.contains_key("index.html"), "{:?}", before.keys());
    assert!(before.len() > 30, "{:?}", before.keys());
    (built, before)
}

/// The output folder is byte for byte what it was, and nothing was left beside it.
#[track_caller]
fn assert_unchanged(built: &Built, before: &std::collections::BTreeMap<String, Vec<u8>>) {
    let after = snapshot(&built.out);
    assert_eq!(
        after.keys().collect::<Vec<_>>(),
        before.keys().collect::<Vec<_>>(),
        "same files"
    );
    for (file, bytes) in before {
        assert!(after[file] == *bytes, "{file} changed");
    }
    let beside: Vec<String> = fs::read_dir(built.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["public"], "no staging folders are left behind");
}

#[test]
fn a_content_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "content/interventies/kansrijk-in-almere.md",
        "titel: Kansrijk in Almere\n",
        "titel: Kansrijk in Almere\nstatus: misschien\n",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(
        run.stderr
            .contains("content/interventies/kansrijk-in-almere.md:3:9: fout[GKA-E010]:"),
        "the file, line and column of `misschien`:\n{}",
        run.stderr
    );
    assert!(run.stderr.contains("misschien"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_template_syntax_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "themes/gka/templates/interventie.html",
        "{% endblock content %}",
        "{% if %}\n{% endblock content %}",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(run.stderr.contains("interventie.html"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_template_render_error_leaves_the_previous_output_unchanged() {
    let (built, before) = previous_output();
    let root = SiteRoot::example();
    root.edit(
        "themes/gka/templates/interventie.html",
        "<h1>{{ page.titel }}</h1>",
        "<h1>{{ interventie.bestaat.niet }}</h1>",
    );
    let run = build(root.path(), &built.out, &[]);
    run.assert_code(1);
    assert!(run.stderr.contains("interventie.html"), "{}", run.stderr);
    assert_unchanged(&built, &before);
}

#[test]
fn a_successful_rebuild_replaces_the_previous_output_completely() {
    let root = SiteRoot::fixture("drafts");
    let built = build_into_temp(root.path(), &["--drafts"]);
    built.run.assert_success();
    assert!(
        built
            .out
            .join("interventies/zomerschool/index.html")
            .is_file()
    );
    build(root.path(), &built.out, &[]).assert_success();
    assert!(!built.out.join("interventies/zomerschool").exists());
    assert!(
        built
            .out
            .join("interventies/huiswerkklas/index.html")
            .is_file()
    );
    let beside: Vec<String> = fs::read_dir(built.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside,
        ["public"],
        "the old output is removed, not kept beside"
    );
}

#[test]
fn gka_refuses_a_non_empty_folder_it_did_not_create() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("mijn-map");
    fs::create_dir_all(out.join("sub")).unwrap();
    fs::write(out.join("notities.txt"), "van mij").unwrap();
    fs::write(out.join("sub/index.html"), "<p>ook van mij</p>").unwrap();
    let before = snapshot(&out);

    let run = build(&repo_root(), &out, &[]);
    run.assert_code(2);
    assert!(!run.stderr.trim().is_empty(), "says why");
    assert_eq!(snapshot(&out), before, "the folder is untouched");
    let beside: Vec<String> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(beside, ["mijn-map"], "nothing is written beside it");
}

#[test]
fn gka_refuses_outputs_that_would_destroy_files() {
    let root = SiteRoot::fixture("terms");
    let before = snapshot(root.path());
    let file = root.path().join("bestand.txt");
    fs::write(&file, "van mij").unwrap();
    let targets: [&Path; 4] = [
        root.path(),
        &root.path().join("content"),
        &root.path().join("themes/gka"),
        &file,
    ];
    for output in targets {
        let run = build(root.path(), output, &[]);
        assert_eq!(
            run.code,
            Some(2),
            "--output {} is refused\n{}",
            output.display(),
            run.stderr
        );
    }
    let mut after = snapshot(root.path());
    assert_eq!(
        after.remove("bestand.txt").as_deref(),
        Some(&b"van mij"[..])
    );
    assert_eq!(after, before, "the site's own files are untouched");
}

/// The names beside the output folder, sorted.
fn beside(built: &Built) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(built.parent())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Starts `gka build` of the example into `built`'s output and kills it (SIGKILL on Unix) as
/// soon as its new folder carries gka's marker. Returns whether it was killed before it
/// finished.
fn kill_a_build(built: &Built) -> bool {
    let mut child = std::process::Command::new(BIN)
        .arg("build")
        .arg("--root")
        .arg(repo_root())
        .arg("--output")
        .arg(&built.out)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    loop {
        let staged = fs::read_dir(built.parent()).unwrap().any(|e| {
            let e = e.unwrap();
            e.file_name()
                .to_string_lossy()
                .starts_with(".public.gka-new-")
                && e.path().join(gka::output::MARKER).is_file()
        });
        if staged {
            let _ = child.kill();
            return child.wait().unwrap().code().is_none();
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::yield_now();
    }
}

/// Issue 14, finding 9: a build killed while it writes leaves its folder beside the output,
/// and the output as it was; the next build removes that folder, and any other folder named
/// like gka's that carries gka's marker, but leaves a look-alike without the marker alone.
#[test]
fn leftovers_of_a_killed_build_are_removed_by_the_next_build() {
    let (built, before) = previous_output();
    assert!(
        (0..5).any(|_| kill_a_build(&built)),
        "a build is killed before it finishes"
    );
    assert_eq!(snapshot(&built.out), before, "the output is untouched");
    let killed = beside(&built);
    assert_eq!(
        killed.len(),
        2,
        "the killed build's folder is left: {killed:?}"
    );

    let fake = built.parent().join(".public.gka-old-12345");
    fs::create_dir_all(fake.join("oud")).unwrap();
    fs::write(fake.join("oud/index.html"), "oud").unwrap();
    fs::write(fake.join(gka::output::MARKER), "gka").unwrap();
    let lookalike = built.parent().join(".public.gka-new-mijn-map");
    fs::create_dir_all(&lookalike).unwrap();
    fs::write(lookalike.join("notities.txt"), "van mij").unwrap();

    build(&repo_root(), &built.out, &[]).assert_success();
    assert_eq!(beside(&built), [".public.gka-new-mijn-map", "public"]);
    assert_eq!(
        fs::read_to_string(lookalike.join("notities.txt")).unwrap(),
        "van mij"
    );
    assert!(built.out.join("index.html").is_file());
}

/// How a folder was made one whose files cannot be removed.
#[cfg(target_os = "linux")]
#[derive(Clone, Copy)]
enum Stuck {
    /// Read-only, for a user.
    ReadOnly,
    /// Immutable (`chattr +i`), for root, whom permissions do not stop.
    Immutable,
}

#[cfg(target_os = "linux")]
impl Stuck {
    /// Makes the folder `dir` one whose files cannot be removed, when this process can.
    fn make(dir: &Path) -> Option<Stuck> {
        let probe = dir.join(".probe");
        for stuck in [Stuck::ReadOnly, Stuck::Immutable] {
            if stuck.set(dir, true) && fs::write(&probe, "").is_err() {
                return Some(stuck);
            }
            let _ = fs::remove_file(&probe);
            stuck.set(dir, false);
        }
        None
    }

    /// Sets or undoes it on `dir`; whether that worked.
    fn set(self, dir: &Path, on: bool) -> bool {
        use std::os::unix::fs::PermissionsExt;
        match self {
            Stuck::ReadOnly => {
                let mode = if on { 0o555 } else { 0o755 };
                fs::set_permissions(dir, fs::Permissions::from_mode(mode)).is_ok()
            }
            Stuck::Immutable => std::process::Command::new("chattr")
                .arg(if on { "+i" } else { "-i" })
                .arg(dir)
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success()),
        }
    }
}

/// Undoes a [`Stuck`] folder named `name` wherever the builds moved it in `parent`, also when
/// the test fails, so that the temporary folders can be removed.
#[cfg(target_os = "linux")]
struct Unstick<'a> {
    stuck: Stuck,
    parent: &'a Path,
    name: &'a str,
}

#[cfg(target_os = "linux")]
impl Drop for Unstick<'_> {
    fn drop(&mut self) {
        for entry in fs::read_dir(self.parent).unwrap() {
            let dir = entry.unwrap().path().join(self.name);
            if dir.is_dir() {
                self.stuck.set(&dir, false);
            }
        }
    }
}

/// Issue 14, finding 9: once the new site is in place, a previous output that cannot be
/// removed is a warning, and the build exits 0; a later build removes it when it can.
#[cfg(target_os = "linux")]
#[test]
fn an_old_output_that_cannot_be_removed_is_a_warning_and_exit_0() {
    let (built, _) = previous_output();
    let stuck = built.out.join("vast");
    fs::create_dir_all(&stuck).unwrap();
    fs::write(stuck.join("index.html"), "vast").unwrap();
    let Some(how) = Stuck::make(&stuck) else {
        eprintln!("skipped: this process cannot make a folder's files unremovable");
        return;
    };
    let unstick = Unstick {
        stuck: how,
        parent: built.parent(),
        name: "vast",
    };
    let run = build(&repo_root(), &built.out, &[]);
    run.assert_success();
    assert!(
        run.stderr
            .contains("waarschuwing[GKA-W009]: kan de vorige versie van de site niet weghalen"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("1 waarschuwing"), "{}", run.stderr);
    assert!(!built.out.join("vast").exists(), "the new site is in place");
    assert!(built.out.join("index.html").is_file());
    let still = build(&repo_root(), &built.out, &[]);
    still.assert_success();
    assert!(
        still.stderr.contains(
            "waarschuwing[GKA-W009]: kan een map die over was van een eerdere keer niet weghalen"
        ),
        "{}",
        still.stderr
    );

    drop(unstick);
    let clean = build(&repo_root(), &built.out, &[]);
    clean.assert_success();
    assert!(!clean.stderr.contains("GKA-W009"), "{}", clean.stderr);
    assert_eq!(beside(&built), ["public"]);
}

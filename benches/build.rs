//! `cargo bench`: the example site's cold build, with and without the search index, and a
//! one-line edit rebuilt by a serve session. Small and in-process, to catch regressions
//! between commits; `scripts/bench.sh` measures 1 000 and 10 000 pages against Hugo.

use std::fs;
use std::path::{Path, PathBuf};

use criterion::{Criterion, criterion_group, criterion_main};
use gka::build::{self, BuildOptions};
use gka::rebuild::Session;

/// A copy of the repository's example site (`content/` and `themes/`), so edits stay local.
fn example_site(dir: &Path) -> PathBuf {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    let root = dir.join("site");
    for folder in ["content", "themes"] {
        copy(&repo.join(folder), &root.join(folder));
    }
    root
}

fn copy(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("the example site is readable");
        let target = to.join(entry.path().strip_prefix(from).expect("inside the folder"));
        if entry.file_type().is_dir() {
            fs::create_dir_all(&target).expect("a folder in the temporary site");
        } else {
            fs::copy(entry.path(), &target).expect("a file in the temporary site");
        }
    }
}

fn options(root: &Path, output: PathBuf, search: bool) -> BuildOptions {
    BuildOptions {
        root: root.to_path_buf(),
        output,
        base_url: None,
        drafts: false,
        search,
    }
}

fn cold_builds(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = example_site(dir.path());
    let output = dir.path().join("public");
    let mut group = c.benchmark_group("example build");
    group.sample_size(20);
    for (name, search) in [("with search", true), ("--no-search", false)] {
        group.bench_function(name, |b| {
            b.iter(|| build::build(&options(&root, output.clone(), search), false).unwrap())
        });
    }
    group.finish();
}

fn serve_edit(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let root = example_site(dir.path());
    let mut session = Session::new(options(&root, dir.path().join("serve"), false)).unwrap();
    session.rebuild(&[]).unwrap();
    session.finish().unwrap();
    let file = root.join("content/interventies/kansrijk-in-almere.md");
    let text = fs::read_to_string(&file).unwrap();
    let mut edit = 0u64;
    c.bench_function("serve: one-line body edit", |b| {
        b.iter(|| {
            edit += 1;
            fs::write(&file, format!("{text}\nBewerking {edit}.\n")).unwrap();
            session.rebuild(std::slice::from_ref(&file)).unwrap()
        })
    });
}

criterion_group!(benches, cold_builds, serve_edit);
criterion_main!(benches);

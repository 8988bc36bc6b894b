//! `cargo bench --bench linear`: inputs that once took time quadratic in their size (issue 14,
//! finding 10), each about 100 KB, which must stay far below a second in a release build:
//! Markdown nested deep with raw HTML (refused past the nesting limit, and just below it), and
//! thousands of warnings of one file printed in the human format.

use criterion::{Criterion, criterion_group, criterion_main};
use gka::build::check_document;
use gka::diagnostics::report::{Format, Reporter};

/// A page with `body` after its front matter.
fn page(body: &str) -> String {
    format!("---\ntitel: Diep\n---\n\n{body}")
}

fn deep_markdown(c: &mut Criterion) {
    // 50 000 quotes in each other with raw HTML inside: 100 KB, 9 s before the limit.
    let too_deep = page(&format!("{}<b>diep</b>\n", "> ".repeat(50_000)));
    // As deep as the limit allows, again and again, so the sanitiser parses all of it.
    let allowed = page(&format!("{}<b>diep</b>\n\n", "> ".repeat(98)).repeat(490));
    let mut group = c.benchmark_group("100 KB nested with raw HTML");
    group.sample_size(10);
    for (name, text) in [("50 000 deep", &too_deep), ("98 deep, 490 times", &allowed)] {
        assert!(
            (95_000..110_000).contains(&text.len()),
            "{name}: {}",
            text.len()
        );
        group.bench_function(name, |b| {
            b.iter(|| check_document("index.md", text.as_bytes()))
        });
    }
    group.finish();
}

fn many_warnings(c: &mut Criterion) {
    // Each heading is a level-1 heading, one warning each: 8 000 in 100 KB.
    let text = page(
        &(0..8000)
            .map(|n| format!("# Kop {n}\n\n"))
            .collect::<String>(),
    );
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::create_dir_all(dir.path().join("content")).expect("a folder");
    std::fs::write(dir.path().join("content/index.md"), &text).expect("the page");
    let diagnostics = check_document("index.md", text.as_bytes());
    assert_eq!(diagnostics.len(), 8000);
    let mut group = c.benchmark_group("100 KB with 8 000 warnings");
    group.sample_size(10);
    group.bench_function("human format", |b| {
        b.iter(|| Reporter::new(dir.path(), false).render(Format::Human, &diagnostics))
    });
    group.finish();
}

criterion_group!(benches, deep_markdown, many_warnings);
criterion_main!(benches);

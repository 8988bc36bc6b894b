//! Fuzz target `document`: arbitrary bytes through `gka::build::check_document`, the path a
//! Markdown file takes through the loader and renderer (front-matter splitting, YAML into the
//! content type's struct, Markdown rendering with link and heading checks).
//!
//! The first byte picks the content type, so every type's keys are exercised; the rest is the
//! file. Besides "never panics", every diagnostic must point inside the file: line and column
//! start at 1, and the line is at most one past the file's last line.

#![no_main]

use libfuzzer_sys::fuzz_target;

/// One content path per content type, as `Kind::of` tells them apart.
const PATHS: [&str; 8] = [
    "index.md",
    "agenda.md",
    "addenda/x.md",
    "interventies/x.md",
    "programmalijnen/x.md",
    "nieuws/x.md",
    "_index.md",
    "pagina.md",
];

/// The number of lines as the loader counts them: `\r\n`, `\r` and `\n` each end a line.
fn line_count(bytes: &[u8]) -> usize {
    let mut lines = 1;
    for (i, byte) in bytes.iter().enumerate() {
        match byte {
            b'\n' => lines += 1,
            b'\r' if bytes.get(i + 1) != Some(&b'\n') => lines += 1,
            _ => {}
        }
    }
    lines
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, bytes)) = data.split_first() else {
        return;
    };
    let path = PATHS[usize::from(first) % PATHS.len()];
    let lines = line_count(bytes);
    for diagnostic in gka::build::check_document(path, bytes) {
        if let Some(position) = diagnostic.position {
            assert!(
                position.line >= 1 && position.column >= 1,
                "position {position:?} is not 1-based: {diagnostic}"
            );
            assert!(
                position.line <= lines + 1,
                "line {} is past the end of a {lines}-line file: {diagnostic}",
                position.line
            );
        }
    }
});

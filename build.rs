//! Cargo build script: what is compiled into the binary without Cargo tracking it on stable
//! Rust. `gka new` embeds `themes/` with `include_dir!`; the message catalogues in
//! `src/i18n/<lang>/` are compiled in by fluent-templates, and Cargo notices a changed
//! catalogue but not a new one (its texts would show as their ids). Rebuild when anything in
//! either changes, so the binary never ships a stale theme or a missing text.

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=src/i18n");
    println!("cargo:rerun-if-changed=build.rs");
}

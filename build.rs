//! Cargo build script: `gka new` embeds `themes/` with `include_dir!`, which Cargo does not
//! track on stable Rust; rebuild when anything in it changes so the binary never ships a
//! stale theme.

fn main() {
    println!("cargo:rerun-if-changed=themes");
    println!("cargo:rerun-if-changed=build.rs");
}

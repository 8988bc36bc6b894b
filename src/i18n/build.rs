//! The build script: rebuilds gka when a message catalogue is added. The catalogues in
//! `src/i18n/<lang>/` are compiled into the binary; cargo notices when one of them changes,
//! but not when a new one appears, and the new texts would show as their ids.

fn main() {
    println!("cargo:rerun-if-changed=src/i18n");
}

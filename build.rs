//! Gives the binaries an rpath to the libtorch that tch-sys linked against, so `whosaid`
//! runs without LD_LIBRARY_PATH. tch-sys publishes that directory to crates that depend on it
//! directly (its `links = "tch"` key), which is why Cargo.toml names torch-sys.
//!
//! Also passes that libtorch's version to the code as `WHOSAID_LIBTORCH_VERSION` (from
//! PyTorch's `torch/version.py` or a libtorch archive's `build-version`, else `unknown`):
//! the precision probe's cache is keyed by it.

use std::path::Path;

/// The version of the libtorch whose libraries are in `lib`.
fn libtorch_version(lib: &Path) -> Option<String> {
    let root = lib.parent()?;
    let python = root.join("version.py");
    println!("cargo:rerun-if-changed={}", python.display());
    if let Ok(text) = std::fs::read_to_string(&python) {
        return text.lines().find_map(|l| {
            let rest = l
                .strip_prefix("__version__")?
                .trim_start()
                .strip_prefix('=')?;
            Some(
                rest.trim()
                    .trim_matches(|c| c == '\'' || c == '"')
                    .to_string(),
            )
        });
    }
    let archive = root.join("build-version");
    println!("cargo:rerun-if-changed={}", archive.display());
    std::fs::read_to_string(archive)
        .ok()
        .map(|v| v.trim().to_string())
}

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    let lib = std::env::var("DEP_TCH_LIBTORCH_LIB").ok();
    if let Some(dir) = &lib {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
    let version = lib
        .and_then(|dir| libtorch_version(Path::new(&dir)))
        .filter(|v| !v.is_empty())
        .unwrap_or_else(|| "unknown".to_string());
    println!("cargo:rustc-env=WHOSAID_LIBTORCH_VERSION={version}");
}

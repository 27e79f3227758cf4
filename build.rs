//! Gives the binaries an rpath to the libtorch that tch-sys linked against, so `whosaid`
//! runs without LD_LIBRARY_PATH. tch-sys publishes that directory to crates that depend on it
//! directly (its `links = "tch"` key), which is why Cargo.toml names torch-sys.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_TCH_LIBTORCH_LIB");
    if let Ok(dir) = std::env::var("DEP_TCH_LIBTORCH_LIB") {
        println!("cargo:rustc-link-arg=-Wl,-rpath,{dir}");
    }
}

//! The browser benchmark's Leptos floor (`bench/leptos-floor/`, never shipped): the vanilla
//! page's card list as a bare Leptos 0.8 app, built as the panel's release build is (same
//! profile, `erase_components`, wasm-bindgen, wasm-opt), into `target/bench-floor/site`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::process::{cargo, run_checked};

pub fn build(root: &Path) -> Result<PathBuf, String> {
    let tools = crate::setup::path_with_tools();
    let crate_dir = root.join("bench/leptos-floor");
    let target = crate::cargo_target().join("bench-floor");
    run_checked(
        cargo()
            .current_dir(&crate_dir)
            .env("CARGO_TARGET_DIR", &target)
            .args(["build", "--release", "--target", "wasm32-unknown-unknown"]),
    )?;
    let site = target.join("site");
    let _ = std::fs::remove_dir_all(&site);
    run_checked(
        Command::new("wasm-bindgen")
            .env("PATH", &tools)
            .args(["--target", "web", "--no-typescript"])
            .arg("--out-dir")
            .arg(&site)
            .args(["--out-name", "leptos-floor"])
            .arg(target.join("wasm32-unknown-unknown/release/leptos_floor.wasm")),
    )?;
    crate::dist::optimise(&[site.join("leptos-floor_bg.wasm")], &tools)?;
    std::fs::copy(crate_dir.join("index.html"), site.join("index.html"))
        .map_err(|e| format!("cannot copy the floor's page: {e}"))?;
    Ok(site)
}

//! `cargo xtask setup`: installs what the two commands need, each step timed, skipping what
//! is already there. Safe to run any number of times.

use std::process::Command;
use std::time::Instant;

use crate::process::{output, run_checked};

pub const TRUNK_VERSION: &str = "0.21.14";
/// npm's binaryen. Debian's (wasm-opt 108) predates reference types being on by default for
/// wasm32 and turns wasm-bindgen's externref table into a funcref table: the panel then fails
/// at start-up with `WebAssembly.Table.set(): Argument 1 is invalid`.
pub const BINARYEN_VERSION: &str = "132.0.0";
/// npm's axe-core, which the end-to-end tests run in each page (accessibility check). In its
/// own prefix: an `npm install --no-save` into binaryen's would prune binaryen.
pub const AXE_VERSION: &str = "4.14.1";
/// Debian packages, each with what shows it is installed: a command on `PATH`, or a file.
const APT_PACKAGES: &[(&str, &str)] = &[
    ("chromium", "chromium"),
    ("chromedriver", "chromium-driver"),
    // The server's storage tests run on PostgreSQL too (a throwaway cluster under target/).
    ("pg_ctlcluster", "postgresql"),
    // Japanese cardholder names and the Japanese panel render in screenshots.
    (
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "fonts-noto-cjk",
    ),
];

pub fn run() -> Result<(), String> {
    let started = Instant::now();
    println!("setup: checking the tools the panel's build and tests need");
    step("wasm32-unknown-unknown target", wasm_target)?;
    step(&format!("trunk {TRUNK_VERSION}"), trunk)?;
    let wasm_bindgen = wasm_bindgen_version()?;
    step(&format!("wasm-bindgen-cli {wasm_bindgen}"), || {
        wasm_bindgen_cli(&wasm_bindgen)
    })?;
    step(
        &format!("wasm-opt (binaryen {BINARYEN_VERSION}, npm)"),
        binaryen,
    )?;
    step(&format!("axe-core {AXE_VERSION} (npm)"), axe_core)?;
    step(
        "chromium, chromedriver, CJK fonts, PostgreSQL (Debian)",
        apt_packages,
    )?;
    println!("setup: ready ({:.1} s)", started.elapsed().as_secs_f64());
    Ok(())
}

/// What a step did: nothing (already there) or an install.
enum Outcome {
    Present(String),
    Installed,
}

fn step(name: &str, f: impl FnOnce() -> Result<Outcome, String>) -> Result<(), String> {
    let started = Instant::now();
    let outcome = f().map_err(|e| format!("setup step `{name}` failed: {e}"))?;
    let took = started.elapsed().as_secs_f64();
    match outcome {
        Outcome::Present(what) => println!("  ok  {name}: already there ({what}), {took:.1} s"),
        Outcome::Installed => println!("  ok  {name}: installed in {took:.1} s"),
    }
    Ok(())
}

fn wasm_target() -> Result<Outcome, String> {
    let installed = output("rustup", &["target", "list", "--installed"]).ok_or(
        "rustup is not available; install the target by hand: \
         rustup target add wasm32-unknown-unknown",
    )?;
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        return Ok(Outcome::Present("rustup".into()));
    }
    println!("  ..  adding the wasm32-unknown-unknown target");
    run_checked(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    Ok(Outcome::Installed)
}

fn trunk() -> Result<Outcome, String> {
    if let Some(v) = output("trunk", &["--version"]) {
        if v.split_whitespace().nth(1) == Some(TRUNK_VERSION) {
            return Ok(Outcome::Present(v.trim().to_owned()));
        }
    }
    println!("  ..  building trunk {TRUNK_VERSION} from source (about 11 minutes on 2 cores)");
    run_checked(crate::process::cargo().args([
        "install",
        "--locked",
        "trunk",
        "--version",
        TRUNK_VERSION,
    ]))
    .map_err(|e| {
        format!("{e}\n  install it by hand: cargo install --locked trunk --version {TRUNK_VERSION}")
    })?;
    Ok(Outcome::Installed)
}

/// The `wasm-bindgen` version Cargo resolved (from `cargo metadata`): the CLI must match it
/// exactly.
pub fn wasm_bindgen_version() -> Result<String, String> {
    let metadata = crate::process::cargo()
        .current_dir(crate::root())
        .args(["metadata", "--format-version", "1", "--locked"])
        .output()
        .map_err(|e| format!("cannot run cargo metadata: {e}"))?;
    if !metadata.status.success() {
        return Err(format!(
            "cargo metadata failed: {}",
            String::from_utf8_lossy(&metadata.stderr).trim()
        ));
    }
    let metadata: serde_json::Value = serde_json::from_slice(&metadata.stdout)
        .map_err(|e| format!("cargo metadata said something unreadable: {e}"))?;
    metadata["packages"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|p| p["name"] == "wasm-bindgen")
        .and_then(|p| p["version"].as_str())
        .map(str::to_owned)
        .ok_or_else(|| "the workspace depends on no wasm-bindgen".into())
}

fn wasm_bindgen_cli(version: &str) -> Result<Outcome, String> {
    let have = |bin: &str| {
        output(bin, &["--version"]).is_some_and(|v| v.split_whitespace().nth(1) == Some(version))
    };
    if have("wasm-bindgen") && have("wasm-bindgen-test-runner") {
        return Ok(Outcome::Present(format!("wasm-bindgen {version}")));
    }
    println!("  ..  building wasm-bindgen-cli {version} from source (a few minutes)");
    // Not --locked: the CLI's lock file names a crate version the registry no longer has.
    run_checked(crate::process::cargo().args([
        "install",
        "--force",
        "wasm-bindgen-cli",
        "--version",
        version,
    ]))
    .map_err(|e| {
        format!("{e}\n  install it by hand: cargo install wasm-bindgen-cli --version {version}")
    })?;
    Ok(Outcome::Installed)
}

fn apt_packages() -> Result<Outcome, String> {
    let missing: Vec<&str> = APT_PACKAGES
        .iter()
        .filter(|(probe, _)| {
            if probe.starts_with('/') {
                !std::path::Path::new(probe).exists()
            } else {
                output("which", &[probe]).is_none()
            }
        })
        .map(|(_, package)| *package)
        .collect();
    if missing.is_empty() {
        return Ok(Outcome::Present("/usr/bin".into()));
    }
    let by_hand = format!(
        "install them by hand: sudo apt-get update && sudo apt-get install -y {}",
        missing.join(" ")
    );
    if output("which", &["apt-get"]).is_none() {
        return Err(format!(
            "{} missing and apt-get is not available; {by_hand}",
            missing.join(", ")
        ));
    }
    // Root installs directly; anyone else goes through sudo (which may ask for a password).
    let as_root = output("id", &["-u"]).is_some_and(|uid| uid.trim() == "0");
    let apt = |args: &[&str]| {
        let mut cmd = if as_root {
            Command::new("apt-get")
        } else {
            let mut c = Command::new("sudo");
            c.arg("apt-get");
            c
        };
        cmd.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        cmd
    };
    println!("  ..  installing {} with apt-get", missing.join(", "));
    run_checked(&mut apt(&["update"])).map_err(|e| format!("{e}; {by_hand}"))?;
    let mut install = apt(&["install", "-y"]);
    install.args(&missing);
    run_checked(&mut install).map_err(|e| format!("{e}; {by_hand}"))?;
    Ok(Outcome::Installed)
}

/// Where project-local tools live; put first on `PATH` for every command that runs trunk.
pub fn tools_bin() -> std::path::PathBuf {
    crate::root().join("target/tools/node_modules/.bin")
}

/// `PATH` with the project-local tools first.
pub fn path_with_tools() -> std::ffi::OsString {
    let mut paths = vec![tools_bin()];
    if let Some(path) = std::env::var_os("PATH") {
        paths.extend(std::env::split_paths(&path));
    }
    std::env::join_paths(paths).expect("PATH entries have no separator in them")
}

/// Where `axe.min.js` is once installed.
pub fn axe_script() -> std::path::PathBuf {
    crate::root().join("target/tools/axe/node_modules/axe-core/axe.min.js")
}

fn axe_core() -> Result<Outcome, String> {
    let package = crate::root().join("target/tools/axe/node_modules/axe-core/package.json");
    let installed = std::fs::read_to_string(&package)
        .is_ok_and(|text| text.contains(&format!("\"version\": \"{AXE_VERSION}\"")));
    if installed && axe_script().is_file() {
        return Ok(Outcome::Present(format!("axe-core {AXE_VERSION}")));
    }
    npm_install("target/tools/axe", &format!("axe-core@{AXE_VERSION}"))
}

/// `npm install` of one exact package into `prefix` (under the workspace).
fn npm_install(prefix: &str, package: &str) -> Result<Outcome, String> {
    let by_hand = format!("install it by hand: npm install --prefix {prefix} {package}");
    if output("npm", &["--version"]).is_none() {
        return Err(format!("npm (Node.js) is needed; {by_hand}"));
    }
    let prefix = crate::root().join(prefix);
    std::fs::create_dir_all(&prefix).map_err(|e| e.to_string())?;
    run_checked(
        Command::new("npm")
            .arg("install")
            .arg("--prefix")
            .arg(&prefix)
            .args(["--no-audit", "--no-fund", "--no-save"])
            .arg(package),
    )
    .map_err(|e| format!("{e}; {by_hand}"))?;
    Ok(Outcome::Installed)
}

fn binaryen() -> Result<Outcome, String> {
    let wasm_opt = tools_bin().join("wasm-opt");
    let major = BINARYEN_VERSION.split('.').next().unwrap_or_default();
    if let Some(v) = output(&wasm_opt.to_string_lossy(), &["--version"]) {
        if v.split_whitespace().nth(2) == Some(major) {
            return Ok(Outcome::Present(v.trim().to_owned()));
        }
    }
    npm_install("target/tools", &format!("binaryen@{BINARYEN_VERSION}"))
}

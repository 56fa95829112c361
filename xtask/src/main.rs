//! `cargo xtask setup | dev | dist | test | bench`: the project's two commands and the install they
//! rely on.

mod bench;
mod bench_floor;
mod budget;
mod dev;
mod dist;
mod postgres;
mod process;
mod setup;
mod tally;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

#[derive(Parser)]
#[command(name = "cargo xtask", about = "The project's automation", version)]
enum Cli {
    /// Install what is missing (wasm target, trunk, wasm-bindgen-cli, chromium, chromedriver,
    /// binaryen, axe-core); skips what is already there.
    Setup,
    /// Setup, then run the platform server (sandbox unless STRIPE_SECRET_KEY is set) and
    /// `trunk serve`; Ctrl-C stops both.
    Dev(dev::Options),
    /// Setup, then the release build of the panel in `dist/`: each page other than the card
    /// list in a wasm chunk loaded on its first visit. What to deploy.
    Dist,
    /// Setup, then every test: lint, native, wasm in headless Chromium, end-to-end.
    Test(test::Options),
    /// Print figures: the card list on the 10,000-card account, a decision over a year of
    /// history, and the card page showing 100 purchases in Chromium.
    Bench,
}

fn main() -> ExitCode {
    let result = match Cli::parse() {
        Cli::Setup => setup::run(),
        Cli::Dev(options) => dev::run(options),
        Cli::Dist => dist::run(),
        Cli::Test(options) => test::run(options),
        Cli::Bench => bench::run(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// The workspace root (xtask lives one level below it).
/// Where cargo builds: `CARGO_TARGET_DIR` if set (relative to the workspace), else `target/`.
pub fn cargo_target() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => root().join(dir),
        None => root().join("target"),
    }
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask sits inside the workspace")
        .to_path_buf()
}
